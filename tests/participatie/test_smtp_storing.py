"""SMTP down during a campaign: every contribution is still saved, its e-mails wait in the
outbox (django-mailer) and go out once the SMTP server is back. A real SMTP server
(aiosmtpd) on loopback plays the mail provider; first its port is closed, then it listens."""

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import EmailMessage
from django.core.management import call_command
from mailer.models import RESULT_FAILURE, RESULT_SUCCESS, Message, MessageLog

from participatie.models import Inbreng, Zichtbaarheid
from tests.conftest import free_port
from tests.factories import UserFactory
from tests.participatie.test_inbreng import formulier, geven_url
from wijkwijzer.health import BLIJFT_MISLUKKEN

pytestmark = pytest.mark.django_db


class Postbus:
    """An aiosmtpd handler that keeps what it receives."""

    def __init__(self) -> None:
        self.ontvangen: list = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.ontvangen.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_poort() -> int:
    return free_port()


@pytest.fixture
def outbox(settings, smtp_poort):
    """Production's mail set-up: the outbox, delivered over SMTP."""
    settings.EMAIL_BACKEND = "wijkwijzer.mail.Uitgaand"
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_poort
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5


def smtp_terug(poort: int) -> list:
    """Start the SMTP server, retry what was deferred and send the queue; what arrived."""
    postbus = Postbus()
    controller = Controller(postbus, hostname="127.0.0.1", port=poort)
    controller.start()
    try:
        call_command("retry_deferred")
        call_command("send_mail")
    finally:
        controller.stop()
    return postbus.ontvangen


def test_a_contribution_is_saved_while_smtp_is_down_and_confirmed_once_it_is_back(
    client, proces, thema, outbox, smtp_poort
):
    response = client.post(geven_url(proces), formulier(thema), follow=True)

    assert response.status_code == 200
    assert "Bijna klaar: bevestig je e-mailadres" in response.content.decode()
    inbreng = Inbreng.objects.get()
    assert inbreng.titel == "Schaduw op het plein"

    call_command("send_mail")  # SMTP still down: the mail is deferred, not lost

    assert Message.objects.deferred().count() == 1
    assert Inbreng.objects.get().pk == inbreng.pk

    (bericht,) = smtp_terug(smtp_poort)

    assert bericht.rcpt_tos == ["fatima@example.nl"]
    tekst = bericht.content.decode()
    assert "Bevestig je e-mailadres" in tekst
    assert not Message.objects.exists()
    # The send log records the failed and the good attempt, but not the mail with its link.
    assert [log.result for log in MessageLog.objects.order_by("pk")] == [
        RESULT_FAILURE,
        RESULT_SUCCESS,
    ]
    assert MessageLog.objects.filter(message_data__isnull=False).count() == 0
    link = next(w for w in tekst.split() if "/participatie/bevestigen/" in w)
    client.post(link[link.index("/participatie/") :])
    inbreng.refresh_from_db()
    assert inbreng.zichtbaarheid == Zichtbaarheid.ZICHTBAAR


def test_a_residents_contribution_goes_online_and_the_team_hears_later(
    client, proces, thema, bewoner, team, outbox, smtp_poort
):
    client.force_login(bewoner)
    data = formulier(thema)
    del data["email"]

    response = client.post(geven_url(proces), data, follow=True)

    assert "Je bericht staat online" in response.content.decode()
    assert Inbreng.objects.get().is_zichtbaar
    call_command("send_mail")
    assert Message.objects.deferred().count() == 1

    (bericht,) = smtp_terug(smtp_poort)

    assert bericht.rcpt_tos == [team.email]
    assert "Nieuwe inbreng: Schaduw op het plein" in bericht.content.decode()


def test_a_line_break_in_a_title_neither_breaks_the_form_nor_starts_a_header(
    client, proces, thema, bewoner, team, outbox, smtp_poort
):
    client.force_login(bewoner)
    data = formulier(thema, titel="Schaduw\r\nBcc: indringer@example.nl")
    del data["email"]

    response = client.post(geven_url(proces), data, follow=True)

    assert response.status_code == 200
    (bericht,) = smtp_terug(smtp_poort)
    assert bericht.rcpt_tos == [team.email]
    kop = bericht.content.decode().split("\r\n\r\n")[0]
    assert "Subject: [WijkWijzer] Nieuwe inbreng: Schaduw Bcc: indringer@example.nl" in kop
    assert "\r\nBcc:" not in kop


def test_one_message_that_cannot_be_sent_is_deferred_and_the_others_go(
    client, home, outbox, smtp_poort
):
    # Stored as an older release (or a library bypassing the guard) could have stored it.
    Message.objects.create(email=EmailMessage("Kapot\nBcc: x@example.nl", "t", to=["a@example.nl"]))
    UserFactory(email="piet@example.nl")
    client.post("/account/password/reset/", {"email": "piet@example.nl"})

    (bericht,) = smtp_terug(smtp_poort)

    assert bericht.rcpt_tos == ["piet@example.nl"]
    assert Message.objects.deferred().count() == 1
    assert "BadHeaderError" in MessageLog.objects.get(result=RESULT_FAILURE).log_message
    assert client.get("/health/").json()["e-mail"]["status"] == "ok"
    for _ in range(BLIJFT_MISLUKKEN):
        assert smtp_terug(smtp_poort) == []
    gezondheid = client.get("/health/").json()
    assert gezondheid["status"] == "beperkt"
    assert gezondheid["e-mail"]["status"] == "mislukt"
    assert gezondheid["e-mail"]["blijft_mislukken"] == 1
