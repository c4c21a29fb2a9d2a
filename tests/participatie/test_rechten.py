"""Every staff write of the participation module, tried by every role across two areas:
staff of one area answer and moderate only their own area; the platform's moderators moderate
everywhere but answer nowhere; residents and visitors do neither."""

import pytest

from participatie.models import Inbrengstatus
from tests.factories import InbrengFactory, UserFactory
from tests.participatie.conftest import with_mfa

pytestmark = pytest.mark.django_db

ROLLEN = ["anoniem", "bewoner", "team", "ander_team", "moderator", "superuser"]


@pytest.fixture
def gebruikers(bewoner, team, ander_team, moderator):
    superuser = with_mfa(UserFactory(is_superuser=True, is_staff=True))
    return {
        "anoniem": None,
        "bewoner": bewoner,
        "team": team,
        "ander_team": ander_team,
        "moderator": moderator,
        "superuser": superuser,
    }


def acties(inbreng, proces):
    """(name, method, url, data, status when allowed) for each staff action on `inbreng`."""
    return [
        (
            "beantwoorden",
            "post",
            f"/participatie/beheer/inbreng/{inbreng.pk}/behandelen/",
            {"status": Inbrengstatus.IN_BEHANDELING},
            302,
        ),
        (
            "verbergen",
            "post",
            f"/participatie/beheer/moderatie/inbreng/{inbreng.pk}/",
            {"actie": "verbergen", "reden": "Test"},
            302,
        ),
        (
            "bulk",
            "post",
            "/participatie/beheer/moderatie/bulk/",
            {"items": [f"inbreng:{inbreng.pk}"], "actie": "verbergen", "reden": "Test"},
            302,
        ),
        ("verslag", "get", f"/participatie/beheer/proces/{proces.pk}/verslag/", None, 200),
        ("verslag_csv", "get", f"/participatie/beheer/proces/{proces.pk}/verslag.csv", None, 200),
        ("wachtrij", "get", "/participatie/beheer/moderatie/", None, 200),
    ]


TOEGESTAAN = {
    "anoniem": set(),
    "bewoner": set(),
    "team": {"beantwoorden", "verbergen", "bulk", "verslag", "verslag_csv", "wachtrij"},
    # Staff of the other area have a queue (their own), but nothing in this area.
    "ander_team": {"wachtrij"},
    "moderator": {"verbergen", "bulk", "wachtrij"},
    "superuser": {"beantwoorden", "verbergen", "bulk", "verslag", "verslag_csv", "wachtrij"},
}


@pytest.mark.parametrize("rol", ROLLEN)
def test_staff_actions_per_role_and_area(client, proces, gebruikers, rol):
    toegestaan = set()
    for naam, method, url, data, ok_status in acties(InbrengFactory(proces=proces), proces):
        client.logout()
        if gebruikers[rol] is not None:
            client.force_login(gebruikers[rol])
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
        if response.status_code == ok_status and "/account/login/" not in response.get(
            "Location", ""
        ):
            toegestaan.add(naam)
        else:
            assert response.status_code in (302, 403), (naam, response.status_code)

    assert toegestaan == TOEGESTAAN[rol]


def test_staff_without_mfa_are_sent_to_set_it_up(client, proces, team):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=team).delete()
    client.force_login(team)

    response = client.get(f"/participatie/beheer/proces/{proces.pk}/verslag/")

    assert response.status_code == 302 and "/account/2fa/" in response["Location"]
