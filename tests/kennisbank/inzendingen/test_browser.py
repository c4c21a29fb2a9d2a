"""A professional writes a practice example in the guided form, in a real Chromium."""

import pytest
from playwright.sync_api import expect

from kennisbank.inzendingen.models import Inzending, Opmerking
from tests.factories import InzendingFactory, OrganisatieFactory, ThemaFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_draft_steps_back_and_forth_without_losing_text_and_bad_input(page, lijst, browser_login):
    schrijver = UserFactory()
    OrganisatieFactory(naam="Buurtwerk Arnhem", leden=[schrijver])
    ThemaFactory(label="Samenleven")
    browser_login(schrijver)

    page.goto("/kennisbank/bijdragen/")
    page.get_by_role("button", name="Een nieuw praktijkvoorbeeld beschrijven").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Stap 1 van 7")
    page.get_by_label("Titel").fill("Buurtkamer Presikhaaf")
    page.get_by_label("Het probleem").fill("Veel bewoners voelen zich alleen.")
    page.get_by_label("Samenleven").check()
    page.get_by_role("button", name="Volgende stap").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Doel en doelgroep")
    page.get_by_label("Doel", exact=True).fill("Buren leren elkaar kennen.")
    page.get_by_role("button", name="Vorige stap").click()
    expect(page.get_by_label("Titel")).to_have_value("Buurtkamer Presikhaaf")
    expect(page.get_by_label("Samenleven")).to_be_checked()
    page.get_by_role("button", name="Volgende stap").click()
    expect(page.get_by_label("Doel", exact=True)).to_have_value("Buren leren elkaar kennen.")

    page.get_by_label("Doelgroep", exact=True).fill("Mail Jan via jan@example.nl")
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.get_by_text("Zet hier geen e-mailadres")).to_be_visible()
    expect(page.get_by_label("Doelgroep", exact=True)).to_have_value("Mail Jan via jan@example.nl")
    expect(page.get_by_label("Doel", exact=True)).to_have_value("Buren leren elkaar kennen.")
    page.get_by_label("Doelgroep", exact=True).fill("Ouderen die alleen wonen.")
    page.get_by_role("button", name="Opslaan als concept").click()
    expect(page.get_by_text("Opgeslagen. Je kunt later verder schrijven.")).to_be_visible()

    inzending = Inzending.objects.get(auteur=schrijver)
    assert inzending.doelgroep == "Ouderen die alleen wonen."
    assert inzending.organisatie.naam == "Buurtwerk Arnhem"


def test_resubmitting_after_the_editors_comments(page, lijst, browser_login):
    inzending = InzendingFactory(status=Inzending.Status.TERUGGESTUURD, ronde=1)
    Opmerking.objects.create(
        inzending=inzending, ronde=1, sectie="aanpak", tekst="Welke stappen zet je precies?"
    )
    browser_login(inzending.auteur)

    page.goto("/kennisbank/bijdragen/")
    page.get_by_role("link", name=inzending.titel).click()
    expect(page.get_by_text("Welke stappen zet je precies?")).to_be_visible()
    page.get_by_role("link", name="Aanpak en werkzame elementen aanpassen").click()
    expect(page.get_by_text("Opmerking van de redactie bij deze stap:")).to_be_visible()
    page.get_by_label("Aanpak", exact=True).fill("1. Ruimte zoeken\n2. Vrijwilligers werven")
    page.get_by_role("button", name="Volgende stap").click()
    page.get_by_role("link", name="Naar het overzicht van dit voorbeeld").click()
    page.get_by_role("button", name="Opnieuw indienen").click()

    expect(page.get_by_text("Ingediend. De redactie kijkt ernaar")).to_be_visible()
    inzending.refresh_from_db()
    assert (inzending.status, inzending.ronde) == (Inzending.Status.INGEDIEND, 2)
    assert inzending.aanpak.startswith("1. Ruimte zoeken")
