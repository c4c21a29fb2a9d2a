"""Privacy (AVG): a privacy page, all of one's data as JSON, deleting the account with a
choice for public contributions, and anonymisation after each process's retention period."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from participatie.models import Bevestiging, Inbreng, Reactie, Steun, Zichtbaarheid
from participatie.services import Schrijver, inbreng_geven
from tests.factories import (
    InbrengFactory,
    ParticipatieprocesPageFactory,
    ReactieFactory,
    SteunFactory,
)
from wijkwijzer.models import User

pytestmark = pytest.mark.django_db


def test_the_privacy_page_is_linked_from_every_page(client, home):
    assert 'href="/privacy/"' in client.get("/").content.decode()
    page = client.get("/privacy/").content.decode()
    assert "Je postcode bewaren we niet" in page


def test_download_of_all_my_data(client, proces, bewoner):
    InbrengFactory(proces=proces, auteur=bewoner, titel="Mijn idee")
    InbrengFactory(proces=proces, titel="Van een ander")
    ReactieFactory(auteur=bewoner, tekst="Mijn reactie", inbreng=InbrengFactory(proces=proces))
    client.force_login(bewoner)

    response = client.get("/account/mijn-gegevens/")

    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["e-mailadres"] == "fatima@example.nl"
    assert [i["titel"] for i in data["participatie"]["inbreng"]] == ["Mijn idee"]
    assert data["participatie"]["reacties"][0]["tekst"] == "Mijn reactie"
    assert "kennisbank" in data and "kennisbank.expertpool" in data


def test_deleting_the_account_keeping_contributions(client, proces, bewoner):
    inbreng = InbrengFactory(proces=proces, auteur=bewoner, pseudoniem="Fatima")
    SteunFactory(gebruiker=bewoner, inbreng=InbrengFactory(proces=proces))
    client.force_login(bewoner)

    response = client.post(
        "/account/verwijderen/",
        {"bijdragen": "bewaren", "bevestig": "on", "wachtwoord": "geheim-wachtwoord-123"},
        follow=True,
    )

    assert "Je account is verwijderd." in response.content.decode()
    assert not User.objects.filter(pk=bewoner.pk).exists()
    assert not Steun.objects.exists()
    page = client.get(inbreng.url).content.decode()
    assert "Verwijderde deelnemer" in page and "Fatima" not in page


def test_deleting_the_account_with_contributions(client, proces, bewoner):
    InbrengFactory(proces=proces, auteur=bewoner)
    ReactieFactory(auteur=bewoner, inbreng=InbrengFactory(proces=proces))
    client.force_login(bewoner)

    client.post(
        "/account/verwijderen/",
        {"bijdragen": "verwijderen", "bevestig": "on", "wachtwoord": "geheim-wachtwoord-123"},
    )

    assert Inbreng.objects.count() == 1  # only the other person's
    assert not Reactie.objects.exists()


def test_a_wrong_password_keeps_the_account(client, bewoner):
    client.force_login(bewoner)

    response = client.post(
        "/account/verwijderen/", {"bijdragen": "bewaren", "bevestig": "on", "wachtwoord": "x"}
    )

    assert response.status_code == 400
    assert "Dit wachtwoord klopt niet." in response.content.decode()
    assert User.objects.filter(pk=bewoner.pk).exists()


def test_retention_anonymises_after_the_period_and_not_before(gebied):
    afgelopen = ParticipatieprocesPageFactory(
        parent=gebied, fasen=[("inbreng", -800, -760)], bewaartermijn_maanden=24
    )
    lopend = ParticipatieprocesPageFactory(parent=gebied, fasen=[("inbreng", -100, -60)])
    oud = InbrengFactory(proces=afgelopen, pseudoniem="Fatima", antwoord="Gedaan.")
    SteunFactory(inbreng=oud)
    ReactieFactory(inbreng=oud, pseudoniem="Kees")
    recent = InbrengFactory(proces=lopend, pseudoniem="Sanne")

    call_command("participatie_opschonen")

    oud.refresh_from_db()
    assert (oud.auteur, oud.pseudoniem, oud.antwoord) == (None, "Deelnemer", "Gedaan.")
    assert Reactie.objects.get().auteur is None
    assert Steun.objects.get().gebruiker is None  # still counted
    recent.refresh_from_db()
    assert recent.auteur is not None and recent.pseudoniem == "Sanne"
    afgelopen.refresh_from_db()
    assert afgelopen.geanonimiseerd_op is not None


def test_unconfirmed_writes_are_removed_after_seven_days(proces):
    oud, _ = inbreng_geven(
        proces=proces,
        schrijver=Schrijver(None, "a@example.nl", "A"),
        soort="idee",
        titel="Oud",
        tekst="Oud",
    )
    inbreng_geven(
        proces=proces,
        schrijver=Schrijver(None, "b@example.nl", "B"),
        soort="idee",
        titel="Nieuw",
        tekst="Nieuw",
    )
    Bevestiging.objects.filter(inbreng=oud).update(
        aangemaakt_op=timezone.now() - datetime.timedelta(days=8)
    )

    call_command("participatie_opschonen")

    assert list(Inbreng.objects.values_list("titel", flat=True)) == ["Nieuw"]
    assert Inbreng.objects.get().zichtbaarheid == Zichtbaarheid.WACHT_OP_BEVESTIGING
    assert list(Bevestiging.objects.values_list("email", flat=True)) == ["b@example.nl"]
