"""A resident on a phone, in a real Chromium: gives input without an account, confirms the
e-mail address, and sees the alliance's answer arrive; and bad input keeps what was typed."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from participatie.meldingen import voorkeuren_opslaan
from participatie.models import Inbreng, Inbrengstatus
from participatie.services import status_wijzigen
from tests.conftest import past_op_scherm
from tests.factories import InbrengFactory, ResultaatPageFactory, SteunFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_resident_gives_input_confirms_and_sees_the_answer(
    telefoon, gebied, proces, thema, team, axe
):
    page = telefoon
    page.goto(gebied.url)
    page.get_by_role("link", name="Speelplekken vernieuwen").click()
    expect(page.get_by_text(re.compile("Inbreng mogelijk tot"))).to_be_visible()
    page.get_by_role("link", name="Geef je inbreng").click()

    page.get_by_label("Een idee").check()
    page.get_by_label("Titel").fill("Schaduw bij de zandbak")
    page.get_by_label("Je bericht").fill("In de zomer is het te heet. Graag een boom.")
    page.get_by_label("Over welk thema gaat het?").select_option(label="Openbare ruimte")
    page.get_by_label("Naam die anderen zien").fill("Fatima")
    page.get_by_label("Je e-mailadres").fill("fatima@example.nl")
    page.get_by_label(re.compile("Woon je in Poelenburg")).fill("1503")
    assert past_op_scherm(page)
    page.get_by_role("button", name="Verstuur je inbreng").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bijna klaar: bevestig je e-mailadres"
    )
    assert axe(page) == []
    link = re.search(r"https?://[^/\s]+(/participatie/bevestigen/\S+)", mail.outbox[-1].body).group(
        1
    )
    page.goto(link)
    page.get_by_role("button", name="Ja, dit is mijn e-mailadres").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Schaduw bij de zandbak")
    expect(page.get_by_text("Je e-mailadres is bevestigd")).to_be_visible()
    # Confirming logged her in to an account made for her: the page says so, what it is for,
    # and how to remove it.
    status = page.get_by_role("status")
    expect(status).to_contain_text("een account voor je gemaakt")
    expect(status).to_contain_text("Je bent nu ingelogd")
    expect(status.get_by_role("link", name="verwijderen")).to_have_attribute(
        "href", "/account/verwijderen/"
    )
    expect(page.get_by_text("bewoner", exact=True)).to_be_visible()
    expect(page.get_by_text("Ontvangen", exact=True)).to_be_visible()
    assert past_op_scherm(page)

    status_wijzigen(
        inbreng=Inbreng.objects.get(),
        naar=Inbrengstatus.VERWERKT,
        antwoord="Er komt een lindeboom bij de zandbak.",
        door=team,
    )
    page.reload()

    expect(page.get_by_text("Verwerkt in plan", exact=True)).to_be_visible()
    expect(page.get_by_text("Er komt een lindeboom bij de zandbak.")).to_be_visible()
    assert "Er komt een lindeboom" in mail.outbox[-1].body
    assert mail.outbox[-1].to == ["fatima@example.nl"]


def test_bad_input_shows_dutch_errors_and_keeps_the_text(telefoon, proces, thema):
    page = telefoon
    page.goto(proces.url + "inbreng-geven/")
    page.get_by_label("Je bericht").fill("Mijn lange verhaal over het plein.")
    page.get_by_label("Je e-mailadres").fill("fatima@")

    page.get_by_role("button", name="Verstuur je inbreng").click()

    expect(page.get_by_role("alert")).to_contain_text("wat je invulde, staat er nog")
    expect(page.get_by_text("Geef je bericht een korte titel.")).to_be_visible()
    expect(page.get_by_text(re.compile("Dit is geen geldig e-mailadres"))).to_be_visible()
    expect(page.get_by_label("Je bericht")).to_have_value("Mijn lange verhaal over het plein.")
    assert not Inbreng.objects.exists()


def test_filtering_contributions_updates_the_list_in_place(page, proces, thema):
    populair = InbrengFactory(proces=proces, titel="Populair idee", thema=thema)
    InbrengFactory(proces=proces, titel="Nieuwste idee")
    SteunFactory(inbreng=populair)
    page.goto(proces.url)
    eerste = page.locator("#inbreng-lijst h3").first
    expect(eerste).to_have_text("Nieuwste idee")

    page.get_by_label("Volgorde").select_option(label="Meeste steun eerst")

    expect(eerste).to_have_text("Populair idee")
    expect(page).to_have_url(re.compile(r"sorteer=steun"))


def test_a_resident_follows_the_digest_to_the_result_of_their_input(page, proces):
    bewoner = UserFactory(email="sanne@example.nl", display_name="Sanne")
    voorkeuren_opslaan(bewoner, {"status": "dagelijks"}, [])
    inbreng = InbrengFactory(proces=proces, auteur=bewoner, titel="Een pannaveld")
    resultaat = ResultaatPageFactory(
        parent=proces,
        title="Pannaveld aangelegd",
        bijdragen=[inbreng],
        live=False,
        status="gereed",
    )
    resultaat.save_revision().publish()
    assert mail.outbox == []

    call_command("participatie_samenvatting", "--frequentie", "dagelijks")
    (digest,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/gebieden/\S+)", digest.body).group(1)
    page.goto(link)

    expect(page.get_by_role("heading", level=1)).to_have_text("Pannaveld aangelegd")
    expect(page.get_by_text("Gereed", exact=True)).to_be_visible()
    page.get_by_role("link", name="Een pannaveld").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een pannaveld")
    expect(page.get_by_role("link", name="Pannaveld aangelegd")).to_be_visible()
