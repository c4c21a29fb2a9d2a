"""Behind a proxy every request arrives from the proxy's address: limits must count the
person behind it (X-Forwarded-For, as many entries from the right as there are trusted
proxies), and without a configured proxy nobody can choose their own address."""

import pytest
from django.test import RequestFactory

from tests.factories import EvenementPageFactory, UserFactory
from wijkwijzer.clientip import client_ip
from wijkwijzer.settings import base

PROXY = "10.0.0.5"
WACHTWOORD = "Zonnebloem-2026!"


def _verzoek(xff: str | None, remote: str = PROXY):
    extra = {"HTTP_X_FORWARDED_FOR": xff} if xff is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize(
    ("aantal", "xff", "verwacht"),
    [
        (0, "203.0.113.9", PROXY),  # no proxy configured: the header is the client's own
        (1, None, PROXY),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # a forged entry to the left
        (2, "198.51.100.1, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "203.0.113.9", "203.0.113.9"),  # an outer proxy was skipped
        (1, "203.0.113.9:51234", "203.0.113.9"),
        (1, "[2001:db8::7]:443", "2001:db8::7"),
        (1, "2001:db8::7", "2001:db8::7"),
        (1, "niet-een-adres", PROXY),
        (1, "", PROXY),
    ],
)
def test_client_address(settings, aantal, xff, verwacht):
    settings.TRUSTED_PROXY_COUNT = aantal
    assert client_ip(_verzoek(xff)) == verwacht


def _inloggen(client, email: str, wachtwoord: str, adres: str):
    return client.post(
        "/account/login/",
        {"login": email, "password": wachtwoord},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=adres,
    )


@pytest.mark.django_db
def test_failed_logins_of_one_client_do_not_lock_out_others_behind_the_proxy(
    client, home, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS
    UserFactory(email="bewoner@example.nl", password=WACHTWOORD)
    for poging in range(6):
        _inloggen(client, f"raden{poging}@example.nl", "fout", "203.0.113.66")

    response = _inloggen(client, "bewoner@example.nl", WACHTWOORD, "198.51.100.20")

    assert response.status_code == 302
    client.logout()
    blocked = _inloggen(client, "bewoner@example.nl", WACHTWOORD, "203.0.113.66")
    assert "Te veel inlogpogingen" in blocked.content.decode()


@pytest.mark.django_db
def test_write_limits_count_each_client_behind_the_proxy(client, home, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "klik": ("5/h", "3/h")}
    evenement = EvenementPageFactory(capaciteit=50)

    def aanmelden(adres: str) -> int:
        client.force_login(UserFactory())
        return client.post(
            f"/agenda/{evenement.pk}/aanmelden/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=adres
        ).status_code

    assert [aanmelden("203.0.113.66") for _ in range(4)] == [302, 302, 302, 429]
    assert aanmelden("198.51.100.20") == 302
    # A client that forges entries to the left is still counted at its own address.
    assert aanmelden("192.0.2.1, 203.0.113.66") == 429


@pytest.mark.django_db
def test_without_a_configured_proxy_a_forged_header_changes_nothing(client, home, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "klik": ("5/h", "3/h")}
    evenement = EvenementPageFactory(capaciteit=50)
    statussen = []
    for nummer in range(4):
        client.force_login(UserFactory())
        statussen.append(
            client.post(
                f"/agenda/{evenement.pk}/aanmelden/",
                REMOTE_ADDR="203.0.113.66",
                HTTP_X_FORWARDED_FOR=f"198.51.100.{nummer}",
            ).status_code
        )
    assert statussen == [302, 302, 302, 429]
