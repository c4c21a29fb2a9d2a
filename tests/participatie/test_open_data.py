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
