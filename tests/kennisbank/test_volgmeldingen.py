"""New items for what you follow, by e-mail: at once, in a daily or weekly digest, or never;
each with a one-click way out."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from freezegun import freeze_time

from kennisbank.meldingen import afmeld_url
from kennisbank.models import Volg, Volgbericht, Volgvoorkeur
from tests.factories import (
    FocusgebiedPageFactory,
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
    PublicatiePageFactory,
    ThemaFactory,
    UserFactory,
)
from wijkwijzer.meldingen import Frequentie

pytestmark = pytest.mark.django_db


@pytest.fixture
def publiceren(django_capture_on_commit_callbacks):
    """Publish a page as an editor does, through a revision (which sends page_published)."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return publish


@pytest.fixture
def thema(home):
    PraktijkvoorbeeldIndexPageFactory()
    return ThemaFactory(label="Veiligheid")


def volger(soort: str, waarde: str, frequentie: str | None = None):
    gebruiker = UserFactory()
    Volg.objects.create(gebruiker=gebruiker, soort=soort, waarde=waarde)
    if frequentie:
        Volgvoorkeur.objects.create(gebruiker=gebruiker, frequentie=frequentie)
    return gebruiker


# The unsubscribe token is signed with a timestamp: the mail's link and the one made here
# are the same only within the same second.
@freeze_time("2026-11-26 12:00:00")
def test_at_once_means_one_mail_on_first_publication_only(thema, publiceren):
    lezer = volger("thema", thema.slug, Frequentie.DIRECT)
    voorbeeld = PraktijkvoorbeeldPageFactory(title="Buurtvaders", themas=[thema], live=False)

    publiceren(voorbeeld)

    (bericht,) = mail.outbox
    assert bericht.to == [lezer.email]
    assert "Buurtvaders" in bericht.body and voorbeeld.url in bericht.body
    assert bericht.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert afmeld_url(lezer) in bericht.extra_headers["List-Unsubscribe"]
    publiceren(voorbeeld)  # an edit, published again
    assert len(mail.outbox) == 1


def test_follows_by_area_organisation_and_author_and_not_the_author_themself(
    thema, publiceren, gebieden_index
):
    gebied = FocusgebiedPageFactory(parent=gebieden_index)
    auteur = UserFactory()
    volgers = [
        volger("gebied", gebied.slug, Frequentie.DIRECT),
        volger("organisatie", "Buurtwerk Noord", Frequentie.DIRECT),
        volger("auteur", str(auteur.pk), Frequentie.DIRECT),
    ]
    Volg.objects.create(gebruiker=auteur, soort="gebied", waarde=gebied.slug)
    niet = volger("thema", "wonen", Frequentie.DIRECT)

    publiceren(
        PraktijkvoorbeeldPageFactory(
            live=False, focusgebied=gebied, contact_organisatie="Buurtwerk Noord", auteur=auteur
        )
    )

    assert sorted(m.to[0] for m in mail.outbox) == sorted(v.email for v in volgers)
    assert niet.email not in {m.to[0] for m in mail.outbox}


def test_weekly_by_default_collected_into_one_digest(thema, publiceren):
    lezer = volger("thema", thema.slug)
    publiceren(PraktijkvoorbeeldPageFactory(title="Buurtvaders", themas=[thema], live=False))
    publiceren(PublicatiePageFactory(title="Handreiking toezicht", themas=[thema], live=False))
    assert not mail.outbox
    assert Volgbericht.objects.filter(gebruiker=lezer).count() == 2

    call_command("kennisbank_samenvatting", frequentie="dagelijks")
    assert not mail.outbox
    call_command("kennisbank_samenvatting", frequentie="wekelijks")

    (bericht,) = mail.outbox
    assert "Buurtvaders" in bericht.body and "Handreiking toezicht" in bericht.body
    assert "List-Unsubscribe" in bericht.extra_headers
    call_command("kennisbank_samenvatting", frequentie="wekelijks")
    assert len(mail.outbox) == 1


def test_daily_digest_and_switching_off_drops_what_waits(thema, publiceren):
    dagelijks = volger("thema", thema.slug, Frequentie.DAGELIJKS)
    wordt_nooit = volger("thema", thema.slug, Frequentie.WEKELIJKS)
    publiceren(PraktijkvoorbeeldPageFactory(themas=[thema], live=False))
    Volgvoorkeur.objects.filter(gebruiker=wordt_nooit).update(frequentie=Frequentie.NOOIT)

    call_command("kennisbank_samenvatting", frequentie="dagelijks")
    call_command("kennisbank_samenvatting", frequentie="wekelijks")

    assert [m.to for m in mail.outbox] == [[dagelijks.email]]
    assert not Volgbericht.objects.filter(gebruiker=wordt_nooit).exists()


def test_one_click_unsubscribe_without_login_or_csrf(thema, settings):
    lezer = volger("thema", thema.slug, Frequentie.DIRECT)
    url = afmeld_url(lezer).removeprefix(settings.WAGTAILADMIN_BASE_URL)
    browser = Client(enforce_csrf_checks=True)

    assert "Ja, stuur me deze e-mail niet meer" in browser.get(url).content.decode()
    response = browser.post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert Volgvoorkeur.objects.get(gebruiker=lezer).frequentie == Frequentie.NOOIT
    assert browser.post(url[:-5] + "kapot/").status_code == 400


def test_choosing_how_often_on_my_kennisbank(client, thema):
    lezer = UserFactory()
    client.force_login(lezer)
    page = client.get("/kennisbank/mijn-kennisbank/").content.decode()
    assert re.search(r'value="wekelijks"[^>]*checked', page)  # weekly until chosen

    response = client.post("/kennisbank/meldingen/", {"frequentie": "dagelijks"})
    assert response.status_code == 302
    assert Volgvoorkeur.objects.get(gebruiker=lezer).frequentie == Frequentie.DAGELIJKS

    response = client.post("/kennisbank/meldingen/", {"frequentie": "elk uur"})
    assert response.status_code == 400
    assert "Kies een van de mogelijkheden." in response.content.decode()
