"""Open data: each process's contributions as CSV and JSON, without personal data, under an
open licence named on the process page."""

import csv
import io
import json

import pytest

from participatie.models import Inbrengstatus, Zichtbaarheid
from participatie.services import status_wijzigen
from tests.factories import (
    InbrengFactory,
    ReactieFactory,
    ResultaatPageFactory,
    SteunFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_the_export_has_contributions_counts_and_answers_but_no_people(client, proces, team):
    auteur = UserFactory(email="fatima.bakker@example.nl", display_name="Fatima Bakker")
    inbreng = InbrengFactory(proces=proces, auteur=auteur, titel="Bankjes", bewoner=True)
    SteunFactory(inbreng=inbreng)
    ReactieFactory(inbreng=inbreng, pseudoniem="Kees de Vries")
    status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.VERWERKT, antwoord="Komen er.", door=team)
    InbrengFactory(proces=proces, titel="Verborgen", zichtbaarheid=Zichtbaarheid.VERBORGEN)
    ResultaatPageFactory(parent=proces, title="Nieuwe bankjes", bijdragen=[inbreng])

    page = client.get(proces.url).content.decode()
    as_json = client.get(proces.url + "open-data/json/")
    as_csv = client.get(proces.url + "open-data/csv/")

    assert "CC BY 4.0" in page and 'rel="license"' in page
    data = json.loads(as_json.content)
    assert data["licentie"] == "CC BY 4.0"
    (rij,) = data["inbreng"]
    assert (rij["titel"], rij["steun"], rij["reacties"], rij["status"], rij["antwoord"]) == (
        "Bankjes",
        1,
        1,
        "Verwerkt in plan",
        "Komen er.",
    )
    assert rij["bewoner"] is True
    assert rij["resultaten"] == "Nieuwe bankjes"
    rows = list(csv.DictReader(io.StringIO(as_csv.content.decode("utf-8-sig")), delimiter=";"))
    assert [row["titel"] for row in rows] == ["Bankjes"]
    for body in (as_json.content.decode(), as_csv.content.decode("utf-8-sig")):
        assert "Fatima" not in body and "Kees" not in body and "@" not in body
        assert "Verborgen" not in body
    assert client.get(proces.url + "open-data/xml/").status_code == 404


@pytest.mark.parametrize(
    "titel", ["=1+1", "+31 6 12345678", "-2+3", "@SUM(A1)", "\tTAB", '=HYPERLINK("x")']
)
def test_no_cell_of_the_open_data_or_the_report_is_run_as_a_formula(client, proces, team, titel):
    InbrengFactory(proces=proces, titel=titel, tekst="gewone tekst")
    client.force_login(team)

    for url in (
        proces.url + "open-data/csv/",
        f"/participatie/beheer/proces/{proces.pk}/verslag.csv",
    ):
        tekst = client.get(url).content.decode("utf-8-sig")
        rijen = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
        assert [rij["titel"] for rij in rijen] == ["'" + titel], url
    data = json.loads(client.get(proces.url + "open-data/json/").content)
    assert data["inbreng"][0]["titel"] == titel  # JSON is no spreadsheet: kept as written
