"""The apps of this project, as opposed to those installed in the virtualenv. What an app
hands the base (sections, demo content, role permissions...) goes through wijkwijzer.haken;
this list is for what concerns every project app alike (the page cache watches their rows)."""

from pathlib import Path

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
