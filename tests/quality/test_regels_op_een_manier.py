"""Permissions are written one way: as named rules in an app's `rules.py` (docs/architecture.md).
This guard keeps the other ways out of the apps' code: asking for group names or for a
superuser directly in a view, admin hook, selector or service. Group management itself
(`roles.py`, `wijkwijzer/services.py`), migrations, demo content and management commands may
name groups; so may the few places below that do not decide a permission."""

import re
from pathlib import Path

from django.conf import settings

from wijkwijzer.discovery import project_app_configs

ROLVRAGEN = re.compile(r"groups\.filter\(\s*name|groups__name|groups\.all\(\)|\bis_superuser\b")
BUITEN_BESCHOUWING = {"rules.py", "roles.py", "demo.py"}
# Group management: creating role groups, adding and removing members.
GROEPSBEHEER = {"wijkwijzer/services.py"}
# Allowed lines, by module and the text of the line, with the reason.
GEEN_RECHT = {
    ("wijkwijzer/mail.py", "User.objects.filter(groups__name=role, is_active=True)"): (
        "mail_role mails everyone who has a role: an address list"
    ),
    ("wijkwijzer/models.py", "if self.is_superuser:"): (
        "public_name calls a superuser without a display name 'Beheerder'"
    ),
    ("wijkwijzer/models.py", "self.groups.filter(name__in=ROLES)"): (
        "public_name shows a staff member's role instead of a name"
    ),
    (
        "kennisbank/wagtail_hooks.py",
        "groups__name__in=[VRAAGBAAK_DESKUNDIGE, VRAAGBAAK_COORDINATOR]",
    ): ("the deskundigen a coordinator may route a question to"),
}


def _modules() -> list[Path]:
    base = Path(settings.BASE_DIR).resolve()
    found = set()
    for config in project_app_configs():
        for path in Path(config.path).resolve().rglob("*.py"):
            parts = path.relative_to(base).parts
            if "migrations" in parts or "management" in parts or path.name in BUITEN_BESCHOUWING:
                continue
            found.add(path)
    return sorted(found)


def test_no_permission_is_decided_by_asking_for_group_names():
    base = Path(settings.BASE_DIR).resolve()
    gevonden = {}
    for path in _modules():
        naam = path.relative_to(base).as_posix()
        if naam in GROEPSBEHEER:
            continue
        regels = [
            f"{nummer}: {regel.strip()}"
            for nummer, regel in enumerate(path.read_text().splitlines(), start=1)
            if ROLVRAGEN.search(regel)
            and not any(module == naam and tekst in regel for module, tekst in GEEN_RECHT)
        ]
        if regels:
            gevonden[naam] = regels
    assert gevonden == {}, "make these decisions named rules in the app's rules.py"


def test_every_exception_is_still_needed():
    base = Path(settings.BASE_DIR).resolve()
    for naam, tekst in GEEN_RECHT:
        assert tekst in (base / naam).read_text(), f"{naam} no longer has: {tekst}"
