"""Public writes are limited per account and per IP address, with a Dutch explanation."""

import pytest

from tests.factories import EvenementPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def evenement(home, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "klik": ("2/h", "3/h")}
    return EvenementPageFactory(capaciteit=50)


def register(client, evenement, user, ip="192.0.2.1"):
    client.force_login(user)
    return client.post(f"/agenda/{evenement.pk}/aanmelden/", REMOTE_ADDR=ip)


def test_one_account_is_limited_also_from_another_address(client, evenement):
    user = UserFactory()
    assert register(client, evenement, user, ip="192.0.2.1").status_code == 302
    assert register(client, evenement, user, ip="192.0.2.2").status_code == 302
    response = register(client, evenement, user, ip="192.0.2.3")
    assert response.status_code == 429
    assert "te vaak iets verstuurd" in response.content.decode()


def test_one_address_is_limited_also_for_other_accounts(client, evenement):
    for _ in range(3):
        assert register(client, evenement, UserFactory()).status_code == 302
    assert register(client, evenement, UserFactory()).status_code == 429
    assert register(client, evenement, UserFactory(), ip="198.51.100.7").status_code == 302


def test_profile_form_keeps_the_typed_name_when_limited(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "formulier": ("0/h", "0/h")}
    user = UserFactory(display_name="Oude naam")
    client.force_login(user)
    response = client.post("/account/profiel/", {"display_name": "Nieuwe naam"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "te vaak iets verstuurd" in html and 'value="Nieuwe naam"' in html
    user.refresh_from_db()
    assert user.display_name == "Oude naam"
