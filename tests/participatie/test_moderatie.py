"""Moderation: anyone reports; the area's moderators see a queue, hide with a public reason
(kept and audited, never deleted), restore, and approve pre-moderated input."""

import pytest

from participatie.models import (
    Melding,
    Moderatie,
    Moderatiebesluit,
    Reactie,
    Zichtbaarheid,
)
from tests.factories import (
    InbrengFactory,
    ParticipatieprocesPageFactory,
    ReactieFactory,
    UserFactory,
)
from tests.participatie.conftest import mails_to

pytestmark = pytest.mark.django_db
QUEUE = "/participatie/beheer/moderatie/"


def actie_url(soort: str, pk: int) -> str:
    return f"{QUEUE}{soort}/{pk}/"


def test_a_report_reaches_the_queue_of_that_area_only(client, proces, team, ander_team):
    inbreng = InbrengFactory(proces=proces, titel="Schreeuwerig bericht")

    response = client.post(
        f"/participatie/inbreng/{inbreng.pk}/melden/", {"reden": "Scheldwoorden"}, follow=True
    )

    assert "Een moderator bekijkt het bericht" in response.content.decode()
    client.force_login(team)
    queue = client.get(QUEUE).content.decode()
    assert "Schreeuwerig bericht" in queue and "Scheldwoorden" in queue
    client.force_login(ander_team)
    assert "Schreeuwerig bericht" not in client.get(QUEUE).content.decode()


@pytest.mark.parametrize(
    "zichtbaarheid", [Zichtbaarheid.WACHT_OP_BEVESTIGING, Zichtbaarheid.VERBORGEN]
)
def test_what_is_not_online_cannot_be_reported(client, proces, zichtbaarheid):
    """Unconfirmed: its page is 404 too. Hidden: its page shows only the moderator's reason,
    so there is nothing left to report."""
    inbreng = InbrengFactory(proces=proces, zichtbaarheid=zichtbaarheid)
    reactie = ReactieFactory(inbreng=InbrengFactory(proces=proces), zichtbaarheid=zichtbaarheid)

    for url in (
        f"/participatie/inbreng/{inbreng.pk}/melden/",
        f"/participatie/reactie/{reactie.pk}/melden/",
    ):
        assert client.post(url, {"reden": "Scheldwoorden"}).status_code == 404, url
    assert not Melding.objects.exists()


def test_a_report_without_reason_gets_a_dutch_message(client, proces):
    inbreng = InbrengFactory(proces=proces)

    response = client.post(
        f"/participatie/inbreng/{inbreng.pk}/melden/", {"reden": ""}, follow=True
    )

    assert "Vertel kort wat er mis is" in response.content.decode()
    assert not Melding.objects.exists()


def test_hiding_keeps_the_item_shows_the_reason_and_is_audited(client, proces, team):
    inbreng = InbrengFactory(proces=proces, titel="Reclame", tekst="Koop nu goedkope zonnebrillen")
    client.post(f"/participatie/inbreng/{inbreng.pk}/melden/", {"reden": "Reclame"})
    client.force_login(team)

    response = client.post(actie_url("inbreng", inbreng.pk), {"actie": "verbergen"}, follow=True)
    assert "Geef een reden" in response.content.decode()  # a reason is required
    client.post(actie_url("inbreng", inbreng.pk), {"actie": "verbergen", "reden": "Reclame"})

    inbreng.refresh_from_db()
    assert inbreng.zichtbaarheid == Zichtbaarheid.VERBORGEN
    client.logout()
    page = client.get(inbreng.url).content.decode()
    assert "De moderator heeft dit bericht verborgen. Reden: Reclame" in page
    assert "zonnebrillen" not in page
    assert Melding.objects.get().afgehandeld_op is not None
    besluit = Moderatiebesluit.objects.get()
    assert (besluit.actie, besluit.reden, besluit.door) == ("verbergen", "Reclame", team)

    client.force_login(team)
    client.post(actie_url("inbreng", inbreng.pk), {"actie": "terugzetten"})
    inbreng.refresh_from_db()
    assert inbreng.is_zichtbaar
    assert Moderatiebesluit.objects.count() == 2


def test_a_reply_can_be_hidden(client, proces, moderator):
    reactie = ReactieFactory(inbreng=InbrengFactory(proces=proces), tekst="Grof taalgebruik")
    client.force_login(moderator)

    client.post(actie_url("reactie", reactie.pk), {"actie": "verbergen", "reden": "Grof"})

    page = client.get(reactie.inbreng.url).content.decode()
    assert "De moderator heeft deze reactie verborgen. Reden: Grof" in page
    assert "Grof taalgebruik" not in page
    assert Reactie.objects.get().zichtbaarheid == Zichtbaarheid.VERBORGEN


def test_dismissing_a_report_leaves_the_item(client, proces, team):
    inbreng = InbrengFactory(proces=proces)
    client.post(f"/participatie/inbreng/{inbreng.pk}/melden/", {"reden": "Ik ben het oneens"})
    client.force_login(team)

    client.post(actie_url("inbreng", inbreng.pk), {"actie": "afwijzen"})

    inbreng.refresh_from_db()
    assert inbreng.is_zichtbaar
    assert Melding.objects.get().afgehandeld_op is not None
    assert "Er zijn geen open meldingen." in client.get(QUEUE).content.decode()


def test_pre_moderated_input_waits_in_the_queue_until_approved(client, gebied, team):
    proces = ParticipatieprocesPageFactory(parent=gebied, moderatie=Moderatie.VOORAF)
    inbreng = InbrengFactory(
        proces=proces, titel="Wacht even", zichtbaarheid=Zichtbaarheid.WACHT_OP_MODERATIE
    )
    assert "Wacht even" not in client.get(proces.url).content.decode()
    client.force_login(team)
    assert "Wacht even" in client.get(QUEUE).content.decode()

    client.post(actie_url("inbreng", inbreng.pk), {"actie": "goedkeuren"})

    client.logout()
    assert "Wacht even" in client.get(proces.url).content.decode()


def test_residents_have_no_queue(client, bewoner):
    client.force_login(bewoner)

    assert client.get(QUEUE).status_code == 403


def meld(client, inbreng, user=None, reden="Grof"):
    if user is not None:
        client.force_login(user)
    else:
        client.logout()
    return client.post(f"/participatie/inbreng/{inbreng.pk}/melden/", {"reden": reden})


def test_reports_by_three_people_take_it_offline_until_reviewed(client, proces, team):
    auteur = UserFactory(email="auteur@example.nl")
    inbreng = InbrengFactory(proces=proces, auteur=auteur, titel="Fel bericht")
    eerste = UserFactory()

    meld(client, inbreng, eerste)
    meld(client, inbreng, eerste)  # the same person twice counts once
    meld(client, inbreng)  # anonymous, by IP address
    inbreng.refresh_from_db()
    assert inbreng.is_zichtbaar
    meld(client, inbreng, UserFactory())

    inbreng.refresh_from_db()
    assert inbreng.zichtbaarheid == Zichtbaarheid.WACHT_OP_MODERATIE
    assert Melding.objects.count() == 3
    (bericht,) = mails_to("auteur@example.nl")
    assert "Een paar mensen hebben je bericht bij 'Fel bericht' gemeld" in bericht.body
    client.logout()
    assert client.get(inbreng.url).status_code == 404

    client.force_login(team)
    assert "Fel bericht" in client.get(QUEUE).content.decode()
    client.post(actie_url("inbreng", inbreng.pk), {"actie": "goedkeuren"})
    inbreng.refresh_from_db()
    assert inbreng.is_zichtbaar
    assert "Het staat nu online" in mails_to("auteur@example.nl")[-1].body
    assert not Melding.objects.filter(afgehandeld_op__isnull=True).exists()


def test_the_threshold_is_set_per_area(client, gebied, proces):
    gebied.meldingsdrempel = 1
    gebied.save()
    inbreng = InbrengFactory(proces=proces)

    meld(client, inbreng)

    inbreng.refresh_from_db()
    assert inbreng.zichtbaarheid == Zichtbaarheid.WACHT_OP_MODERATIE


def test_the_author_is_told_why_a_moderator_hid_it(client, proces, team):
    inbreng = InbrengFactory(proces=proces, auteur=UserFactory(email="a@example.nl"))
    client.force_login(team)

    client.post(actie_url("inbreng", inbreng.pk), {"actie": "verbergen", "reden": "Scheldwoorden"})

    (bericht,) = mails_to("a@example.nl")
    assert "Een moderator heeft je bericht" in bericht.body
    assert "De reden: Scheldwoorden" in bericht.body
    assert "Programmabureau Testwijk" in bericht.body  # whom to contact


def test_bulk_actions_in_the_queue(client, proces, ander_proces, team):
    eerste, tweede = InbrengFactory(proces=proces), InbrengFactory(proces=proces)
    reactie = ReactieFactory(inbreng=eerste)
    elders = InbrengFactory(proces=ander_proces)
    client.force_login(team)

    response = client.post(
        f"{QUEUE}bulk/",
        {
            "items": [f"inbreng:{eerste.pk}", f"inbreng:{tweede.pk}", f"reactie:{reactie.pk}"],
            "actie": "verbergen",
            "reden": "Reclame",
        },
        follow=True,
    )

    assert "3 berichten afgehandeld." in response.content.decode()
    assert Moderatiebesluit.objects.filter(actie="verbergen").count() == 3
    for item in (eerste, tweede, reactie):
        item.refresh_from_db()
        assert item.zichtbaarheid == Zichtbaarheid.VERBORGEN
    # Another area's item in the batch is refused.
    response = client.post(
        f"{QUEUE}bulk/", {"items": [f"inbreng:{elders.pk}"], "actie": "verbergen", "reden": "x"}
    )
    assert response.status_code == 403
    elders.refresh_from_db()
    assert elders.is_zichtbaar
