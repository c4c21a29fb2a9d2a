"""The receipts of sent forms (wijkwijzer.verzending) are kept two days, then removed."""

import datetime
import uuid

import pytest
from django.core.management import call_command
from django.utils import timezone

from wijkwijzer.models import Verzending

pytestmark = pytest.mark.django_db


def test_old_receipts_are_removed_daily(capsys):
    oud, nieuw = (Verzending.objects.create(sleutel=uuid.uuid4(), url="/") for _ in range(2))
    Verzending.objects.filter(pk=oud.pk).update(
        aangemaakt_op=timezone.now() - datetime.timedelta(days=3)
    )

    call_command("verzendingen_opruimen")

    assert list(Verzending.objects.all()) == [nieuw]
    assert "Verwijderd: 1" in capsys.readouterr().out
