"""Find a module of the same name in every app of this project, the way Django's admin
autodiscovers `admin.py`. This lets the base app run what content apps declare (demo content,
role permissions) without importing them, so dependencies keep pointing one way."""

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType

from django.apps import apps
from django.conf import settings


def project_app_modules(name: str) -> list[ModuleType]:
    """`<app>.<name>` for each project app that has one, in INSTALLED_APPS order. Project apps
    are those in this repository (also nested ones, like kennisbank.expertpool), not those
    installed in the virtualenv."""
    found = []
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if not path.is_relative_to(base) or path.relative_to(base).parts[0].startswith("."):
            continue
        dotted = f"{config.name}.{name}"
        if find_spec(dotted) is not None:
            found.append(import_module(dotted))
    return found
