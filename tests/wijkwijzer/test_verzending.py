"""Once-only forms (wijkwijzer.verzending): the decorator's answers, and the receipts are
kept two days, then removed. The sends themselves are tested where the forms are
(tests/participatie/test_dubbel_versturen.py and the others)."""

import datetime
import uuid

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.management import call_command
from django.http import HttpResponse
from django.utils import timezone

from wijkwijzer.models import Verzending
from wijkwijzer.verzending import eenmalig

pytestmark = pytest.mark.django_db


def test_old_receipts_are_removed_daily(capsys):
    oud, nieuw = (Verzending.objects.create(sleutel=uuid.uuid4(), url="/") for _ in range(2))
    Verzending.objects.filter(pk=oud.pk).update(
        aangemaakt_op=timezone.now() - datetime.timedelta(days=3)
    )

    call_command("verzendingen_opruimen")

    assert list(Verzending.objects.all()) == [nieuw]
    assert "Verwijderd: 1" in capsys.readouterr().out


def test_a_send_refused_because_the_first_one_just_stored_it_gets_the_first_answer(rf):
    """Two sends of one form: the second passed the receipt check before the first
    committed, then the form refused its text as already given. The visitor must see where
    the first send went, not the form error."""
    sleutel = uuid.uuid4()

    def view(request):
        Verzending.objects.create(sleutel=sleutel, url="/inbreng/1/")  # the first send
        return HttpResponse("Precies deze tekst is al gegeven", status=400)

    request = rf.post("/", {"verzendsleutel": str(sleutel)})
    SessionMiddleware(lambda r: None).process_request(request)
    request._messages = FallbackStorage(request)

    response = eenmalig(view)(request)

    assert response.status_code == 302 and response.url == "/inbreng/1/"
    assert [str(m) for m in request._messages] == [
        "Je had dit al verstuurd. We hebben het één keer bewaard."
    ]
