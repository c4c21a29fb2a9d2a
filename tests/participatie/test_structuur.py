"""The app's import graph stays one-way (docs/architecture.md, "Inside an app"): the models
import neither views nor forms, not even inside a function, and each state machine's table
of allowed moves is written once, in participatie.overgangen, and read from there by the
services, the forms and the admin form alike."""

import ast
from pathlib import Path

from django.conf import settings

from participatie import admin_forms, forms, overgangen, services
from participatie.models import ParticipatieprocesPage

APP = Path(settings.BASE_DIR) / "participatie"
TABELLEN = ("AFGESLOTEN", "OVERGANGEN", "PUBLICATIE_OVERGANGEN", "RESULTAAT_OVERGANGEN")


def geimporteerd(bestand: str) -> set[str]:
    """Every module `bestand` imports, at any depth of the file, written out in full:
    `from participatie import views` and `from .views import x` both give
    participatie.views."""
    gevonden = set()
    for knoop in ast.walk(ast.parse((APP / bestand).read_text())):
        if isinstance(knoop, ast.Import):
            gevonden |= {alias.name for alias in knoop.names}
        elif isinstance(knoop, ast.ImportFrom):
            module = "participatie" if knoop.level else ""
            module = ".".join(deel for deel in (module, knoop.module) if deel)
            gevonden.add(module)
            gevonden |= {f"{module}.{alias.name}" for alias in knoop.names}
    return gevonden


def test_de_modellen_importeren_geen_views_of_formulieren():
    verboden = {"participatie.views", "participatie.forms", "participatie.urls"}
    assert not geimporteerd("models.py") & verboden


def test_wat_de_modellen_bovenaan_importeren_importeert_de_modellen_niet():
    # Otherwise importing the models would import them again, half-finished.
    for bestand in ("overgangen.py", "admin_forms.py"):
        assert "participatie.models" not in geimporteerd(bestand), bestand


def test_elke_overgangstabel_staat_op_een_plek():
    toekenningen: dict[str, list[str]] = {}
    for pad in sorted(APP.glob("*.py")):
        for knoop in ast.walk(ast.parse(pad.read_text())):
            doelen = []
            if isinstance(knoop, ast.Assign):
                doelen = knoop.targets
            elif isinstance(knoop, ast.AnnAssign):
                doelen = [knoop.target]
            for doel in doelen:
                if isinstance(doel, ast.Name) and doel.id in TABELLEN:
                    toekenningen.setdefault(doel.id, []).append(pad.name)
    assert toekenningen == {naam: ["overgangen.py"] for naam in TABELLEN}


def test_diensten_en_formulieren_lezen_dezelfde_tabellen():
    assert services.OVERGANGEN is forms.OVERGANGEN is overgangen.OVERGANGEN
    assert services.AFGESLOTEN is overgangen.AFGESLOTEN
    assert services.PUBLICATIE_OVERGANGEN is overgangen.PUBLICATIE_OVERGANGEN
    assert admin_forms.RESULTAAT_OVERGANGEN is overgangen.RESULTAAT_OVERGANGEN


def test_de_routes_van_een_proces_zijn_bij_het_starten_gezet():
    namen = {route.name for route in ParticipatieprocesPage.get_subpage_urls()}
    assert namen == {
        "index_route",
        "inbreng",
        "inbreng_geven",
        "agendapunt",
        "vragenlijst",
        "open_data",
        "terugkoppeling",
    }
