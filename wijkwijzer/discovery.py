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
    """`<app>.<name>` for each project app that has one, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if Path(config.path).parent != Path(settings.BASE_DIR):
            continue
        dotted = f"{config.name}.{name}"
        if find_spec(dotted) is not None:
            found.append(import_module(dotted))
    return found
