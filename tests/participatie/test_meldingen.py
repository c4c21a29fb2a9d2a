"""Notifications people keep reading: per kind at once, daily, weekly or never; digests are one
e-mail per person grouped by process; every e-mail stops its kind in one click."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from freezegun import freeze_time

from participatie.meldingen import voorkeuren, voorkeuren_opslaan
from participatie.models import Bericht, Frequentie, Inbrengstatus, Meldingsoort
from participatie.services import Schrijver, reageren, status_wijzigen
from tests.factories import (
    InbrengFactory,
    ParticipatieprocesPageFactory,
    SteunFactory,
    UserFactory,
)
from tests.participatie.conftest import mails_to

pytestmark = pytest.mark.django_db


def samenvatting(frequentie: str) -> None:
    call_command("participatie_samenvatting", "--frequentie", frequentie, stdout=io.StringIO())


def test_the_preferences_page_saves_choices_per_kind_and_areas(client, bewoner, gebied):
    client.force_login(bewoner)
    page = client.get("/participatie/meldingen/").content.decode()
    assert "Nieuws over mijn inbreng" in page and "Eén e-mail per week" in page

    client.post(
        "/participatie/meldingen/",
        {
            "status": "wekelijks",
            "reacties": "nooit",
            "gesteund": "direct",
            "processen": "dagelijks",
            "gebieden": [gebied.pk],
        },
    )

    assert voorkeuren(bewoner) == {
        "status": "wekelijks",
        "reacties": "nooit",
        "gesteund": "direct",
        "processen": "dagelijks",
    }
    assert [v.focusgebied for v in bewoner.gevolgde_gebieden.all()] == [gebied]


def test_a_daily_digest_is_one_mail_grouped_by_process(gebied, team):
    lezer = UserFactory(email="lezer@example.nl", display_name="Lezer")
    speeltuin = ParticipatieprocesPageFactory(parent=gebied, title="Speeltuin")
    plein = ParticipatieprocesPageFactory(parent=gebied, title="Plein")
    with freeze_time("2027-03-14 09:00"):
        for proces, titel in ((speeltuin, "Glijbaan"), (plein, "Bankjes"), (speeltuin, "Zandbak")):
            inbreng = InbrengFactory(proces=proces, titel=titel)
            SteunFactory(inbreng=inbreng, gebruiker=lezer)
            status_wijzigen(
                inbreng=inbreng, naar=Inbrengstatus.IN_BEHANDELING, antwoord="", door=team
            )
    assert mails_to("lezer@example.nl") == []  # supporters get the daily digest by default

    with freeze_time("2027-03-15 07:00"):
        samenvatting("wekelijks")
        assert mails_to("lezer@example.nl") == []
        samenvatting("dagelijks")

    (digest,) = mails_to("lezer@example.nl")
    body = digest.body
    assert "samenvatting van 15 maart 2027" in body
    assert body.index("== Speeltuin ==") < body.index("'Glijbaan'") < body.index("'Zandbak'")
    assert "== Plein ==" in body and "'Bankjes' heeft nu de status: In behandeling." in body
    assert body.count("== ") == 2
    assert "Geen e-mail meer over 'Nieuws over inbreng die ik steun':" in body
    assert not Bericht.objects.filter(verstuurd_op__isnull=True).exists()
    samenvatting("dagelijks")
    assert len(mails_to("lezer@example.nl")) == 1  # sent once


def test_never_means_nothing_is_sent_or_kept(proces, team):
    lezer = UserFactory(email="lezer@example.nl")
    inbreng = InbrengFactory(proces=proces)
    SteunFactory(inbreng=inbreng, gebruiker=lezer)
    status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.IN_BEHANDELING, antwoord="", door=team)
    assert Bericht.objects.count() == 1

    voorkeuren_opslaan(lezer, {Meldingsoort.GESTEUND: Frequentie.NOOIT}, [])
    samenvatting("dagelijks")
    status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.VERWERKT, antwoord="Klaar.", door=team)

    assert mails_to("lezer@example.nl") == []
    assert not Bericht.objects.exists()


def test_one_click_unsubscribe_without_login_or_csrf_token(proces, team):
    indiener = UserFactory(email="indiener@example.nl")
    inbreng = InbrengFactory(proces=proces, auteur=indiener)
    status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.IN_BEHANDELING, antwoord="", door=team)
    (bericht,) = mails_to("indiener@example.nl")
    url = re.search(r"<https?://[^/]+(/[^>]+)>", bericht.extra_headers["List-Unsubscribe"]).group(1)
    assert url in bericht.body
    client = Client(enforce_csrf_checks=True)

    assert "Ja, stuur me deze e-mail niet meer" in client.get(url).content.decode()
    response = client.post(url)

    assert (
        "Je krijgt geen e-mail meer over 'Nieuws over mijn inbreng'." in response.content.decode()
    )
    assert voorkeuren(indiener)["status"] == Frequentie.NOOIT
    status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.VERWERKT, antwoord="Klaar.", door=team)
    assert len(mails_to("indiener@example.nl")) == 1
    assert client.post("/participatie/geen-email/vervalst/").status_code == 400


def test_the_writer_hears_of_replies_but_not_of_their_own(proces):
    indiener = UserFactory(email="indiener@example.nl", display_name="Fatima")
    inbreng = InbrengFactory(proces=proces, auteur=indiener, titel="Bomen")

    reageren(
        inbreng=inbreng,
        schrijver=Schrijver(indiener, indiener.email, "Fatima"),
        tekst="Ik bedoel eiken.",
    )
    kees = UserFactory(display_name="Kees")
    reageren(inbreng=inbreng, schrijver=Schrijver(kees, kees.email, "Kees"), tekst="Mooi plan!")

    (bericht,) = mails_to("indiener@example.nl")
    assert "Kees reageerde op 'Bomen': Mooi plan!" in bericht.body


def test_followers_of_an_area_hear_of_a_new_process_once(gebied):
    volger = UserFactory(email="volger@example.nl")
    voorkeuren_opslaan(volger, {Meldingsoort.PROCESSEN: Frequentie.WEKELIJKS}, [gebied])
    proces = ParticipatieprocesPageFactory(parent=gebied, title="Nieuw park", live=False)

    proces.save_revision().publish()
    proces.save_revision().publish()
    with freeze_time("2027-03-21 07:00"):
        samenvatting("wekelijks")

    (digest,) = mails_to("volger@example.nl")
    assert "Nieuw in Poelenburg: Nieuw park." in digest.body
    assert digest.body.count("Nieuw park") == 2  # the heading and the line, once
