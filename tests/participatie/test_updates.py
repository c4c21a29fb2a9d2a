"""Signed answers over time: several dated official updates per contribution, each signed by
a role; updates can be held back and published together at a chosen moment, which notifies
everyone at once."""

import datetime
import io
import itertools

import pytest
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from participatie.models import Inbrengstatus, Publicatie, Statuswijziging
from participatie.overgangen import PUBLICATIE_OVERGANGEN
from participatie.services import (
    ParticipatieFout,
    status_wijzigen,
    update_intrekken,
    update_publiceren,
    vastgehouden_publiceren,
)
from tests.factories import InbrengFactory, UserFactory
from tests.participatie.conftest import mails_to

pytestmark = pytest.mark.django_db


def behandel(client, inbreng, **data):
    return client.post(f"/participatie/beheer/inbreng/{inbreng.pk}/behandelen/", data)


def test_several_dated_updates_each_signed_by_a_role(client, proces, team):
    inbreng = InbrengFactory(proces=proces, titel="Veilige oversteek")
    client.force_login(team)

    behandel(
        client,
        inbreng,
        status="in_behandeling",
        antwoord="We onderzoeken het.",
        ondertekening="Programmabureau Poelenburg",
    )
    behandel(
        client,
        inbreng,
        status="in_behandeling",
        antwoord="De verkeerstelling is klaar.",
        ondertekening="Programmabureau Poelenburg",
    )
    behandel(
        client,
        inbreng,
        status="verwerkt",
        antwoord="Er komt een zebrapad.",
        ondertekening="Burgemeester",
    )
    client.logout()

    page = client.get(inbreng.url).content.decode()
    assert "Antwoord van Burgemeester" in page and "Er komt een zebrapad." in page
    assert "We onderzoeken het." in page and "De verkeerstelling is klaar." in page
    assert page.count("(Programmabureau Poelenburg)") == 2
    assert Statuswijziging.objects.filter(publicatie=Publicatie.GEPUBLICEERD).count() == 3


def test_an_update_without_news_is_refused(client, proces, team):
    inbreng = InbrengFactory(proces=proces)
    client.force_login(team)

    response = behandel(client, inbreng, status="ontvangen", antwoord="")

    assert response.status_code == 400
    assert "zonder tekst verandert er niets" in response.content.decode()


def test_held_back_updates_are_unseen_until_published_together(client, proces, team):
    eerste = InbrengFactory(proces=proces, auteur=UserFactory(email="een@example.nl"))
    tweede = InbrengFactory(proces=proces, auteur=UserFactory(email="twee@example.nl"))
    client.force_login(team)
    for inbreng, tekst in ((eerste, "Komt in het plan."), (tweede, "Past niet in het budget.")):
        naar = "verwerkt" if inbreng is eerste else "niet_overgenomen"
        behandel(client, inbreng, status=naar, antwoord=tekst, vasthouden="on")

    assert mails_to("een@example.nl") == mails_to("twee@example.nl") == []
    eerste.refresh_from_db()
    assert eerste.status == Inbrengstatus.ONTVANGEN
    assert "2 updates wachten op publicatie" in client.get(proces.url).content.decode()
    client.logout()
    assert "Komt in het plan." not in client.get(eerste.url).content.decode()

    client.force_login(team)
    response = client.post(f"/participatie/beheer/proces/{proces.pk}/publiceren/", follow=True)

    assert "2 updates staan online" in response.content.decode()
    eerste.refresh_from_db()
    assert eerste.status == Inbrengstatus.VERWERKT
    assert "Komt in het plan." in mails_to("een@example.nl")[0].body
    assert "Past niet in het budget." in mails_to("twee@example.nl")[0].body


def test_a_planned_publication_happens_when_its_moment_comes(client, proces, team):
    inbreng = InbrengFactory(proces=proces, auteur=UserFactory(email="een@example.nl"))
    client.force_login(team)
    behandel(client, inbreng, status="in_behandeling", antwoord="Besproken.", vasthouden="on")
    moment = timezone.localtime() + datetime.timedelta(days=2)

    client.post(
        f"/participatie/beheer/proces/{proces.pk}/publiceren/",
        {"moment": moment.strftime("%Y-%m-%dT%H:%M")},
    )
    call_command("participatie_publiceren", stdout=io.StringIO())
    assert mails_to("een@example.nl") == []

    with freeze_time(moment + datetime.timedelta(minutes=5)):
        call_command("participatie_publiceren", stdout=io.StringIO())

    inbreng.refresh_from_db()
    assert inbreng.status == Inbrengstatus.IN_BEHANDELING
    assert len(mails_to("een@example.nl")) == 1


def test_a_held_update_that_no_longer_fits_stops_the_lot(proces, team):
    eerste, tweede = InbrengFactory(proces=proces), InbrengFactory(proces=proces)
    status_wijzigen(inbreng=eerste, naar="in_behandeling", antwoord="", door=team, vasthouden=True)
    status_wijzigen(inbreng=tweede, naar="in_behandeling", antwoord="", door=team, vasthouden=True)
    # Meanwhile the second one was closed directly.
    status_wijzigen(inbreng=tweede, naar="doorgestuurd", antwoord="Naar de GGD.", door=team)
    status_wijzigen(inbreng=tweede, naar="in_behandeling", antwoord="", door=team)

    with pytest.raises(ParticipatieFout, match=f"'{tweede.titel}': Schrijf de update"):
        vastgehouden_publiceren(proces)

    eerste.refresh_from_db()
    assert eerste.status == Inbrengstatus.ONTVANGEN  # all or nothing


# No service moves an update back to concept, so the targets are the two other states.
DOELEN = [Publicatie.GEPUBLICEERD, Publicatie.INGETROKKEN]


@pytest.mark.parametrize(("van", "naar"), list(itertools.product(Publicatie, DOELEN)))
def test_every_publication_transition_is_allowed_or_refused(proces, team, van, naar):
    inbreng = InbrengFactory(proces=proces)
    update = status_wijzigen(
        inbreng=inbreng, naar="in_behandeling", antwoord="x", door=team, vasthouden=True
    )
    Statuswijziging.objects.filter(pk=update.pk).update(publicatie=van)
    stap = {Publicatie.GEPUBLICEERD: update_publiceren, Publicatie.INGETROKKEN: update_intrekken}

    if (van, naar) in PUBLICATIE_OVERGANGEN:
        stap[naar](update)
        update.refresh_from_db()
        assert update.publicatie == naar
    else:
        with pytest.raises(ParticipatieFout):
            stap[naar](update)
        update.refresh_from_db()
        assert update.publicatie == van


def test_only_the_areas_team_publishes(client, proces, team, ander_team):
    inbreng = InbrengFactory(proces=proces)
    update = status_wijzigen(
        inbreng=inbreng, naar="in_behandeling", antwoord="x", door=team, vasthouden=True
    )
    client.force_login(ander_team)

    assert (
        client.post(
            f"/participatie/beheer/update/{update.pk}/", {"actie": "publiceren"}
        ).status_code
        == 403
    )
    assert client.post(f"/participatie/beheer/proces/{proces.pk}/publiceren/").status_code == 403
    update.refresh_from_db()
    assert update.publicatie == Publicatie.CONCEPT
