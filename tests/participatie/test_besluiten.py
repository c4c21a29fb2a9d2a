"""Decisions in alliance meetings: the team records a meeting's decisions about residents'
input; the contributions show "besproken in het alliantieoverleg van ..." with a link, and the
meeting page lists the decisions."""

import datetime

import pytest

from participatie.models import Besluit, Inbrengsoort
from participatie.services import ParticipatieFout, besluit_vastleggen
from tests.factories import AlliantieoverlegPageFactory, InbrengFactory, UserFactory
from tests.participatie.conftest import mails_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def overleg(gebied):
    return AlliantieoverlegPageFactory(parent=gebied, datum=datetime.date(2027, 3, 14))


def test_the_team_records_a_decision_about_input(client, proces, overleg, team):
    agendapunt = InbrengFactory(
        proces=proces,
        soort=Inbrengsoort.AGENDAPUNT,
        titel="Verlichting in het park",
        overleg=overleg,
        auteur=UserFactory(email="bewoner@example.nl"),
    )
    client.force_login(team)
    url = f"/participatie/beheer/overleg/{overleg.pk}/besluiten/"
    assert "Verlichting in het park" in client.get(url).content.decode()

    response = client.post(
        url, {"tekst": "Er komen zes lantaarns bij.", "bijdragen": [agendapunt.pk]}, follow=True
    )

    assert "Het besluit is vastgelegd" in response.content.decode()
    client.logout()
    page = client.get(agendapunt.url).content.decode()
    assert "Besproken in het alliantieoverleg van" in page and "14 maart 2027" in page
    assert f'href="{overleg.url}"' in page
    meeting = client.get(overleg.url).content.decode()
    assert "Er komen zes lantaarns bij." in meeting and "Verlichting in het park" in meeting
    (bericht,) = mails_to("bewoner@example.nl")
    assert "is besproken in het alliantieoverleg van 14 maart 2027" in bericht.body


def test_a_decision_needs_text_and_input(client, overleg, team):
    client.force_login(team)

    response = client.post(f"/participatie/beheer/overleg/{overleg.pk}/besluiten/", {})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Schrijf het besluit op." in page and "Kies de inbreng" in page


def test_decisions_stay_within_the_area(client, overleg, ander_proces, team, ander_team):
    elders = InbrengFactory(proces=ander_proces)

    with pytest.raises(ParticipatieFout):
        besluit_vastleggen(overleg=overleg, tekst="x", bijdragen=[elders], door=team)
    client.force_login(ander_team)
    assert client.get(f"/participatie/beheer/overleg/{overleg.pk}/besluiten/").status_code == 403
    client.force_login(team)
    response = client.post(
        f"/participatie/beheer/overleg/{overleg.pk}/besluiten/",
        {"tekst": "x", "bijdragen": [elders.pk]},
    )
    assert response.status_code == 400  # not among the choices
    assert not Besluit.objects.exists()
