"""/health/ tells a load balancer whether this server can serve, and monitoring what is off."""

import copy
import datetime
import io
import json
import logging.config

import pytest
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import DatabaseError
from django.utils import timezone
from freezegun import freeze_time

from search.services import herbouwen
from tests.factories import PraktijkvoorbeeldPageFactory

pytestmark = pytest.mark.django_db


def test_all_well(client, home):
    herbouwen()
    response = client.get("/health/")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["database"]["status"] == "ok"
    assert data["zoeken"]["ingebouwd"]["status"] == "ok"
    assert data["zoeken"]["ingebouwd"]["achterstand"] == 0
    assert data["zoeken"]["elasticsearch"] == {"status": "niet ingesteld"}
    assert data["e-mail"] == {"status": "ok", "aantal": 0, "uitgesteld": 0, "blijft_mislukken": 0}
    assert "no-cache" in response["Cache-Control"]


def test_elasticsearch_down_is_degraded_not_down(client, home, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    data = client.get("/health/").json()
    assert data["status"] == "beperkt"
    assert data["zoeken"]["elasticsearch"]["status"] == "storing"
    assert client.get("/health/").status_code == 200


def test_a_search_index_built_by_an_older_analysis_is_reported_until_rebuilt(
    client, home, monkeypatch
):
    PraktijkvoorbeeldPageFactory()
    herbouwen()
    # What an upgrade that changes the Dutch analysis (a word list, the stemmer) looks like.
    monkeypatch.setattr("search.backends.embedded.ANALYSE_VERSIE", 1)

    response = client.get("/health/")

    assert response.status_code == 200  # it still answers, so the server stays in service
    assert response.json()["status"] == "beperkt"
    ingebouwd = response.json()["zoeken"]["ingebouwd"]
    assert ingebouwd["status"] == "verouderd"
    assert ingebouwd["actie"] == "manage.py search_index --rebuild"
    # What `make run` does as it starts: rebuild only an index that needs it.
    uitvoer = io.StringIO()
    call_command("search_index", "--rebuild", "--verouderd", stdout=uitvoer)
    assert "Zoekindex opgebouwd" in uitvoer.getvalue()
    assert client.get("/health/").json()["zoeken"]["ingebouwd"]["status"] == "ok"
    call_command("search_index", "--rebuild", "--verouderd", stdout=uitvoer)
    assert uitvoer.getvalue().endswith("Zoekindex is actueel.\n")


def test_make_run_builds_a_new_empty_index_file(home, settings, tmp_path):
    PraktijkvoorbeeldPageFactory()
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "nieuw.sqlite3"
    uitvoer = io.StringIO()
    call_command("search_index", "--rebuild", "--verouderd", stdout=uitvoer)
    assert "Zoekindex opgebouwd: 1 documenten" in uitvoer.getvalue()


def test_database_down_is_503(client, home, monkeypatch):
    def kapot(*args, **kwargs):
        raise DatabaseError("verbinding weg")

    monkeypatch.setattr("wijkwijzer.health.connection.cursor", kapot)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["status"] == "storing"
    assert response.json()["database"] == {"status": "storing", "fout": "DatabaseError"}


def test_json_logs_are_one_object_per_line(settings, capsys):
    """LOG_FORMAT=json (production's default): what a log collector reads."""
    config = copy.deepcopy(settings.LOGGING)
    config["handlers"]["console"]["formatter"] = "json"
    try:
        logging.config.dictConfig(config)
        logging.getLogger("participatie").warning("Inbreng %s niet gemaild", 17)
        regel = capsys.readouterr().err.strip().splitlines()[-1]
    finally:
        logging.config.dictConfig(settings.LOGGING)
    data = json.loads(regel)
    assert data["niveau"] == "WARNING"
    assert data["logger"] == "participatie"
    assert data["message"] == "Inbreng 17 niet gemaild"
    assert "tijd" in data


def test_mail_waiting_too_long_is_degraded(client, home, settings):
    """SMTP down: contributions are still taken (the outbox), but monitoring must see that
    confirmation e-mails are not going out."""
    settings.EMAIL_BACKEND = "wijkwijzer.mail.Uitgaand"
    with freeze_time(timezone.now() - datetime.timedelta(minutes=20)):
        EmailMessage("Bevestig", "tekst", to=["fatima@example.nl"]).send()
    EmailMessage("Nog een", "tekst", to=["fatima@example.nl"]).send()
    data = client.get("/health/").json()
    assert data["status"] == "beperkt"
    assert client.get("/health/").status_code == 200
    assert data["e-mail"] == {
        "status": "vertraagd",
        "aantal": 2,
        "uitgesteld": 0,
        "blijft_mislukken": 0,
        "oudste_minuten": 20,
    }
