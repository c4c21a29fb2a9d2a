"""One extension mechanism (issue 21): what an app hands the base goes through the typed hooks
of wijkwijzer.haken, registered in the app's wagtail_hooks.py, never in AppConfig.ready()."""

import ast
from dataclasses import replace
from pathlib import Path

from django.conf import settings
from wagtail import hooks

from gebieden.models import AlliantieoverlegPage, FocusgebiedPage
from participatie.models import ParticipatieprocesPage
from wijkwijzer import haken
from wijkwijzer.discovery import project_app_configs
from wijkwijzer.sections import Section, fill


def _keys(haak: haken.Haak[Section]) -> list[str]:
    # Without their items, which need a page to read from.
    return [f.section.key for f in fill([replace(s, items=None) for s in haak.alle()], None)]


def test_every_hook_has_a_registration_after_startup():
    assert [haak.naam for haak in haken.ALLE if not haak.alle()] == []


def test_hook_names_are_unique_and_project_prefixed():
    namen = [haak.naam for haak in haken.ALLE]
    assert len(set(namen)) == len(namen)
    assert all(naam.startswith("wijkwijzer_") for naam in namen)


def test_area_sections_keep_order_and_are_replaced_in_place():
    keys = _keys(haken.GEBIED_SECTIE)
    # gebieden's placeholders hold the places; participatie adds its map after them.
    assert keys == ["participatie", "kennis", "indicatoren", "kaart"]


def test_a_section_with_an_existing_key_replaces_it_where_it_stood():
    eerste = Section("a", "A", "")
    tweede = Section("b", "B", "")
    vervanger = Section("a", "A2", "", items=lambda subject: [subject])
    filled = fill([eerste, tweede, vervanger], 7)
    assert [(f.section.title, list(f.items)) for f in filled] == [("A2", [7]), ("B", [])]


def test_sections_sort_by_order_then_registration():
    late, vroeg, ook_vroeg = (
        Section("x", "", "", order=5),
        Section("y", "", ""),
        Section("z", "", ""),
    )
    assert [f.section.key for f in fill([late, vroeg, ook_vroeg], None)] == ["y", "z", "x"]


def test_home_sections_in_their_order():
    keys = _keys(haken.HOME_SECTIE)
    assert keys == ["postcode", "meepraten", "nieuwe-voorbeelden", "agenda"]


def test_a_temporary_registration_is_read_and_removed():
    sectie = Section("tijdelijk", "Tijdelijk", "", order=99)
    with hooks.register_temporarily(haken.HOME_SECTIE.naam, sectie):
        assert haken.HOME_SECTIE.alle()[-1] is sectie
    assert sectie not in haken.HOME_SECTIE.alle()


def test_an_area_takes_the_page_types_the_apps_register():
    toegestaan = FocusgebiedPage.allowed_subpage_models()
    assert AlliantieoverlegPage in toegestaan
    assert ParticipatieprocesPage in toegestaan
    assert FocusgebiedPage in ParticipatieprocesPage.allowed_parent_page_models()


def _calls(path: Path) -> list[ast.Call]:
    return [node for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def test_no_app_registers_in_its_appconfig():
    for config in project_app_configs():
        apps_py = Path(config.path) / "apps.py"
        if apps_py.exists():
            namen = {_name(call) for call in _calls(apps_py)}
            assert not namen & {"registreer", "register"}, apps_py


def test_only_haken_reads_the_project_hooks():
    base = Path(settings.BASE_DIR)
    for config in project_app_configs():
        for path in Path(config.path).rglob("*.py"):
            if path == base / "wijkwijzer" / "haken.py":
                continue
            for call in _calls(path):
                if _name(call) == "get_hooks" and call.args:
                    naam = call.args[0]
                    assert not (
                        isinstance(naam, ast.Constant) and str(naam.value).startswith("wijkwijzer_")
                    ), path
