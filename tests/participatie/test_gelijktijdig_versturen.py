"""Two sends of the same form at the same moment (a double click that reaches two workers):
one contribution, one e-mail (wijkwijzer.verzending)."""

import threading

import pytest
from django.db import connection
from django.test import Client
from mailer.models import Message

from participatie import services
from participatie.models import Bevestiging, Inbreng
from tests.conftest import verzendsleutel
from tests.participatie.test_dubbel_versturen import NOG_EENS, meldingen
from tests.participatie.test_inbreng import formulier, geven_url


@pytest.fixture
def _on_commit_at_once():
    """Here the transactions really commit; the conftest's shortcut would send the losing
    request's mail before its rollback."""


@pytest.mark.django_db(transaction=True)
def test_two_sends_at_the_same_moment_store_one_contribution(proces, thema, settings, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite lets one writer in at a time, so two requests cannot both be writing; "
            "this race runs on PostgreSQL (CI's second run)."
        )
    settings.EMAIL_BACKEND = "wijkwijzer.mail.Uitgaand"
    beide_geschreven = threading.Barrier(2, timeout=10)
    echte = services.inbreng_geven

    def na_het_schrijven(**kwargs):
        # Both requests have written their contribution, neither has committed.
        uitkomst = echte(**kwargs)
        beide_geschreven.wait()
        return uitkomst

    monkeypatch.setattr(services, "inbreng_geven", na_het_schrijven)
    sleutel = verzendsleutel(Client().get(geven_url(proces)))
    antwoorden: list = []

    def versturen() -> None:
        try:
            response = Client().post(
                geven_url(proces), {**formulier(thema), "verzendsleutel": sleutel}
            )
            antwoorden.append((response.status_code, response.url, meldingen(response)))
        finally:
            connection.close()

    threads = [threading.Thread(target=versturen) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Inbreng.objects.count() == 1
    assert Bevestiging.objects.count() == 1
    assert Message.objects.count() == 1  # the losing request's mail was rolled back
    assert sorted(a[:2] for a in antwoorden) == [(302, "/participatie/verstuurd/")] * 2
    assert sum(NOG_EENS in a[2] for a in antwoorden) == 1
