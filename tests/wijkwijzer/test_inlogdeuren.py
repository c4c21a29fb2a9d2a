"""Every door into an account, found in the URL conf rather than listed by hand: a password
alone never opens a session for staff (the second factor is asked), never for an account
whose address is unverified, and wrong passwords are throttled wherever they are tried.
Staff pages accept only a session that used its second factor, however it was opened."""

import re
import uuid
from collections.abc import Iterator

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.views import LoginView as AllauthLoginView
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import UserFactory
from tests.wijkwijzer.test_accounts import totp_code
from wijkwijzer.roles import REDACTEUR

pytestmark = pytest.mark.django_db

WACHTWOORD = "Zonnebloem-2026!"
VOORBEELD = {"int": "1", "str": "x", "slug": "x", "path": "x", "uuid": str(uuid.uuid4())}


def _patronen(patronen, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            yield from _patronen(patroon.url_patterns, prefix + str(patroon.pattern))
        else:
            yield prefix + str(patroon.pattern), patroon


def _voorbeeldpad(route: str) -> str | None:
    """A concrete path for a route: converters get a sample value; a regular expression
    without groups is used as it is, one with groups (Wagtail's page serving) is left out."""
    if route.startswith("^") or "(?P" in route:
        kaal = route.replace("^", "").replace("$", "").replace("\\", "")
        return None if "(" in kaal else "/" + kaal
    return "/" + re.sub(r"<(?:(\w+):)?\w+>", lambda m: VOORBEELD[m.group(1) or "str"], route)


def _is_inlogdeur(route: str, patroon: URLPattern) -> bool:
    view = getattr(patroon.callback, "view_class", None)
    is_login_view = isinstance(view, type) and issubclass(view, DjangoLoginView | AllauthLoginView)
    return is_login_view or "login" in route or "login" in (patroon.name or "")


ALLE_PADEN = sorted(
    {pad for route, _ in _patronen(get_resolver().url_patterns) if (pad := _voorbeeldpad(route))}
    - {"/account/logout/"}
)


def test_every_login_door_is_among_the_paths_tried():
    deuren = [
        (route, _voorbeeldpad(route))
        for route, patroon in _patronen(get_resolver().url_patterns)
        if _is_inlogdeur(route, patroon)
    ]
    # Allauth's own, the admin's and Wagtail's front-end login at least.
    assert {"/account/login/", "/admin/login/", "/_util/login/"} <= {pad for _, pad in deuren}
    assert [route for route, pad in deuren if pad not in ALLE_PADEN] == []


def _inloggen_overal(client, email: str, wachtwoord: str, pad: str):
    return client.post(
        pad,
        {
            "login": email,
            "username": email,
            "email": email,
            "password": wachtwoord,
            "next": "/admin/",
        },
    )


@pytest.fixture
def redacteur(roles):
    user = UserFactory(email="redactie@example.nl", password=WACHTWOORD)
    user.groups.add(roles[REDACTEUR])
    user.totp_secret = generate_totp_secret()
    TOTP.activate(user, user.totp_secret)
    return user


def test_no_door_lets_staff_in_with_a_password_alone(client, home, redacteur):
    opened = []
    for pad in ALLE_PADEN:
        client.cookies.clear()
        _inloggen_overal(client, redacteur.email, WACHTWOORD, pad)
        if SESSION_KEY in client.session or client.get("/admin/").status_code == 200:
            opened.append(pad)
    assert opened == []


def test_no_door_lets_an_unverified_account_in(client, home):
    UserFactory(email="nieuw@example.nl", password=WACHTWOORD, verified_email=False)
    opened = []
    for pad in ALLE_PADEN:
        client.cookies.clear()
        _inloggen_overal(client, "nieuw@example.nl", WACHTWOORD, pad)
        if SESSION_KEY in client.session:
            opened.append(pad)
    assert opened == []


def test_wrong_passwords_are_throttled_at_every_door(client, home, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/5m/key"}
    UserFactory(email="piet@example.nl", password=WACHTWOORD)
    opened = []
    for pad in ALLE_PADEN:
        cache.clear()
        client.cookies.clear()
        for _ in range(3):
            _inloggen_overal(client, "piet@example.nl", "fout", pad)
        _inloggen_overal(client, "piet@example.nl", WACHTWOORD, pad)
        if SESSION_KEY in client.session:
            opened.append(pad)
    assert opened == []


def test_wagtail_front_end_login_leads_to_allauth(client, home):
    response = client.post("/_util/login/?next=/documenten/1/", {"username": "x", "password": "y"})
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=%2Fdocumenten%2F1%2F"


def test_staff_session_without_a_second_factor_is_asked_for_a_code(client, redacteur):
    client.force_login(redacteur)
    session = client.session
    # A session opened some other way than allauth's login flow has no second-factor step.
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{"method": "password", "at": 0}]
    session.save()

    for pad in ("/admin/", "/admin/pages/", "/participatie/beheer/moderatie/"):
        response = client.get(pad)
        assert response.status_code == 302, pad
        assert response["Location"].startswith("/account/2fa/reauthenticate/?next="), pad

    vraag = client.get("/admin/", follow=True)
    assert "Vul de code uit je app in" in vraag.content.decode()
    client.post(
        "/account/2fa/reauthenticate/?next=/admin/", {"code": totp_code(redacteur.totp_secret)}
    )

    assert client.get("/admin/").status_code == 200
