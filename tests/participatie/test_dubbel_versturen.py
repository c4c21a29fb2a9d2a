"""A double-clicked submit or a retried POST stores one contribution, not two: each form
carries a once-only key (wijkwijzer.verzending)."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client

from participatie.models import Bevestiging, Inbreng, Reactie
from tests.conftest import verzendsleutel
from tests.factories import InbrengFactory
from tests.participatie.test_inbreng import formulier, geven_url

NOG_EENS = "Je had dit al verstuurd. We hebben het één keer bewaard."


def meldingen(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_sending_the_form_twice_stores_one_contribution_and_one_mail(client, proces, thema):
    data = {**formulier(thema), "verzendsleutel": verzendsleutel(client.get(geven_url(proces)))}

    eerste = client.post(geven_url(proces), data)
    tweede = client.post(geven_url(proces), data)

    assert Inbreng.objects.count() == 1
    assert Bevestiging.objects.count() == 1
    assert len(mail.outbox) == 1
    assert tweede.status_code == 302 and tweede.url == eerste.url == "/participatie/verstuurd/"
    assert NOG_EENS in meldingen(tweede)


@pytest.mark.django_db
def test_a_resident_retrying_lands_on_the_one_contribution(client, proces, thema, bewoner):
    client.force_login(bewoner)
    data = {**formulier(thema), "verzendsleutel": verzendsleutel(client.get(geven_url(proces)))}
    del data["email"]

    client.post(geven_url(proces), data)
    response = client.post(geven_url(proces), data, follow=True)

    inbreng = Inbreng.objects.get()
    assert response.redirect_chain[-1][0] == inbreng.url
    assert NOG_EENS in response.content.decode()


@pytest.mark.django_db
def test_each_form_has_its_own_key_so_a_second_contribution_is_stored(
    client, proces, thema, bewoner, settings
):
    settings.PAGINA_CACHE_SECONDEN = 300  # a cached form would share its key between visitors
    sleutels = {verzendsleutel(Client().get(geven_url(proces))) for _ in range(2)}
    assert len(sleutels) == 2

    client.force_login(bewoner)
    for titel in ("Schaduw", "Bankjes"):
        data = formulier(thema, titel=titel, tekst=f"Graag meer {titel.lower()}.")
        del data["email"]
        data["verzendsleutel"] = verzendsleutel(client.get(geven_url(proces)))
        client.post(geven_url(proces), data)

    assert set(Inbreng.objects.values_list("titel", flat=True)) == {"Schaduw", "Bankjes"}


@pytest.mark.django_db
def test_a_form_with_errors_keeps_its_key_usable(client, proces, thema):
    """Nothing was stored, so sending the corrected form stores it."""
    sleutel = verzendsleutel(client.get(geven_url(proces)))
    fout = client.post(geven_url(proces), {**formulier(thema, titel=""), "verzendsleutel": sleutel})
    assert fout.status_code == 400

    client.post(geven_url(proces), {**formulier(thema), "verzendsleutel": sleutel})

    assert Inbreng.objects.count() == 1


@pytest.mark.django_db
def test_a_reply_sent_twice_is_stored_once(client, proces, bewoner):
    inbreng = InbrengFactory(proces=proces)
    client.force_login(bewoner)
    data = {
        "tekst": "Eens, en ook een waterpunt.",
        "pseudoniem": "Fatima",
        "verzendsleutel": verzendsleutel(client.get(inbreng.url)),
    }

    for _ in range(2):
        client.post(f"/participatie/inbreng/{inbreng.pk}/reageren/", data)

    assert Reactie.objects.count() == 1


@pytest.mark.django_db
def test_support_by_email_sent_twice_asks_one_confirmation(client, proces):
    inbreng = InbrengFactory(proces=proces)
    sleutel = verzendsleutel(client.get(inbreng.url))

    for _ in range(2):
        client.post(
            f"/participatie/inbreng/{inbreng.pk}/steunen/",
            {"steun-email": "h@example.nl", "verzendsleutel": sleutel},
        )

    assert Bevestiging.objects.count() == 1 and len(mail.outbox) == 1
