"""Find a module of the same name in every app of this project, the way Django's admin
autodiscovers `admin.py`. This lets the base app run what content apps declare (demo content,
role permissions) without importing them, so dependencies keep pointing one way."""

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType

from django.apps import AppConfig, apps
from django.conf import settings


def project_app_configs() -> list[AppConfig]:
    """The apps in this repository (also nested ones, like kennisbank.expertpool), not those
    installed in the virtualenv, in INSTALLED_APPS order."""
    base = Path(settings.BASE_DIR).resolve()
    found = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and not path.relative_to(base).parts[0].startswith("."):
            found.append(config)
    return found


def project_app_modules(name: str) -> list[ModuleType]:
    """`<app>.<name>` for each project app that has one, in INSTALLED_APPS order."""
    found = []
    for config in project_app_configs():
        dotted = f"{config.name}.{name}"
        if find_spec(dotted) is not None:
            found.append(import_module(dotted))
    return found
