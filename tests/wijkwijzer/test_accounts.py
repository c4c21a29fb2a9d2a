"""Accounts through django-allauth, in Dutch: sign up, verify e-mail, log in and out, reset a
password, a public display name and nothing else public, MFA for everyone with admin access."""

import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail

from tests.factories import UserFactory
from wijkwijzer.models import User
from wijkwijzer.roles import REDACTEUR

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "fatima@example.nl",
    "display_name": "Fatima uit Oost",
    "password1": "Zonnebloem-2026!",
    "password2": "Zonnebloem-2026!",
}


# Seconds a TOTP code must still be valid for when it is taken (totp_code).
TOTP_MARGE = 10


def link_in_last_mail(pattern: str) -> str:
    return re.search(rf"http://testserver({pattern}\S*)", mail.outbox[-1].body).group(1)


def totp_code(secret: str) -> str:
    """The code of the current step, taken early enough in its step that the server still
    accepts it when it checks (allauth's default TOTP_TOLERANCE allows no step's drift), also
    on a busy machine."""
    over = mfa_settings.TOTP_PERIOD - time.time() % mfa_settings.TOTP_PERIOD
    if over < TOTP_MARGE:
        time.sleep(over)
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_sign_up_then_verify_email_then_logged_in(client, home):
    response = client.post("/account/signup/", SIGNUP, follow=True)

    assert "Verifieer je e-mailadres" in response.content.decode()
    user = User.objects.get(email="fatima@example.nl")
    assert user.display_name == "Fatima uit Oost"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fatima@example.nl"]
    assert mail.outbox[0].subject.startswith("[WijkWijzer]")
    assert "bevestig" in mail.outbox[0].subject.lower()
    # Not logged in before the address is confirmed.
    assert client.get("/account/profiel/").status_code == 302

    confirm_url = link_in_last_mail("/account/confirm-email/")
    client.post(confirm_url)

    profile = client.get("/account/profiel/")
    assert profile.status_code == 200
    assert "fatima@example.nl" in profile.content.decode()


def test_sign_up_with_bad_input_explains_in_dutch_and_keeps_what_was_typed(client, home):
    response = client.post(
        "/account/signup/", {**SIGNUP, "display_name": "", "password2": "iets anders"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit is een verplicht veld." in html
    assert "Er ging iets mis." in html
    assert 'value="fatima@example.nl"' in html
    assert not User.objects.exists()


def test_login_and_logout(client, home):
    UserFactory(email="piet@example.nl", password="Zonnebloem-2026!")

    response = client.post(
        "/account/login/", {"login": "piet@example.nl", "password": "Zonnebloem-2026!"}, follow=True
    )
    assert response.context["user"].is_authenticated
    assert "Uitloggen" in response.content.decode()

    client.post("/account/logout/")
    assert client.get("/account/profiel/").status_code == 302


def test_login_with_wrong_password_says_so_in_dutch(client, home):
    UserFactory(email="piet@example.nl")

    response = client.post("/account/login/", {"login": "piet@example.nl", "password": "fout"})

    assert "e-mailadres en/of wachtwoord is niet correct" in response.content.decode()
    assert 'value="piet@example.nl"' in response.content.decode()


def test_password_reset_by_email(client, home):
    UserFactory(email="piet@example.nl")

    client.post("/account/password/reset/", {"email": "piet@example.nl"})
    assert len(mail.outbox) == 1
    reset_url = link_in_last_mail("/account/password/reset/key/")
    form_url = client.get(reset_url, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"password1": "Nieuw-wachtwoord-77", "password2": "Nieuw-wachtwoord-77"})

    response = client.post(
        "/account/login/", {"login": "piet@example.nl", "password": "Nieuw-wachtwoord-77"}
    )
    assert response.status_code == 302
    assert client.get("/account/profiel/").status_code == 200


def test_profile_changes_display_name_and_rejects_an_empty_one(client, home):
    user = UserFactory(display_name="Oud")
    client.force_login(user)

    empty = client.post("/account/profiel/", {"display_name": ""})
    assert "Dit is een verplicht veld." in empty.content.decode()

    client.post("/account/profiel/", {"display_name": "Buurvrouw Overvecht"})
    user.refresh_from_db()
    assert user.display_name == "Buurvrouw Overvecht"
    assert user.public_name == "Buurvrouw Overvecht"


def test_public_name_never_falls_back_to_email_or_real_name():
    user = User(email="jan@example.nl", first_name="Jan", last_name="Jansen", display_name="")
    assert user.public_name == "Deelnemer"


def test_admin_login_goes_through_allauth(client, home):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=%2Fadmin%2F"


def test_staff_without_mfa_is_sent_to_set_it_up(client, roles):
    editor = UserFactory()
    editor.groups.add(roles[REDACTEUR])
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/totp/activate/"


def test_resident_without_admin_access_is_not_asked_for_mfa(client, home):
    client.force_login(UserFactory())
    assert client.get("/account/profiel/").status_code == 200
    assert client.get("/admin/")["Location"].startswith("/account/login/")


def test_staff_logs_in_with_password_and_totp_code_and_reaches_the_admin(client, roles):
    editor = UserFactory(email="redactie@example.nl", password="Zonnebloem-2026!")
    editor.groups.add(roles[REDACTEUR])
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)

    after_password = client.post(
        "/account/login/",
        {"login": "redactie@example.nl", "password": "Zonnebloem-2026!"},
        follow=True,
    )
    assert after_password.redirect_chain[-1][0].startswith("/account/2fa/authenticate/")
    assert not after_password.context["user"].is_authenticated

    client.post("/account/2fa/authenticate/", {"code": totp_code(secret)})

    assert client.get("/admin/").status_code == 200


def test_repeated_failed_logins_are_throttled(client, home, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/5m/key"}
    UserFactory(email="piet@example.nl", password="Zonnebloem-2026!")
    for _ in range(3):
        client.post("/account/login/", {"login": "piet@example.nl", "password": "fout"})

    blocked = client.post(
        "/account/login/", {"login": "piet@example.nl", "password": "Zonnebloem-2026!"}
    )

    assert "Te veel inlogpogingen. Probeer het later nogmaals." in blocked.content.decode()
    assert client.get("/account/profiel/").status_code == 302


def test_admin_user_form_edits_the_display_name(client, home):
    admin = UserFactory(is_superuser=True)
    TOTP.activate(admin, generate_totp_secret())
    resident = UserFactory(display_name="Oude naam")
    client.force_login(admin)

    form = client.get(f"/admin/users/edit/{resident.pk}/")
    assert "Weergavenaam" in form.content.decode()
    response = client.post(
        f"/admin/users/edit/{resident.pk}/",
        {
            "username": resident.username,
            "email": resident.email,
            "first_name": "",
            "last_name": "",
            "display_name": "Nieuwe naam",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    resident.refresh_from_db()
    assert resident.display_name == "Nieuwe naam"
