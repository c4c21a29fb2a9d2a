"""A professional finds practice examples in a real Chromium, by keyboard and mouse."""

import pytest
from playwright.sync_api import expect

from tests.factories import (
    FocusgebiedPageFactory,
    KennisbankIndexPageFactory,
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
    ThemaFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_professional_filters_by_theme_pages_and_opens_an_example(page, gebieden_index):
    area = FocusgebiedPageFactory(parent=gebieden_index, title="Rotterdam-Zuid")
    KennisbankIndexPageFactory()
    PraktijkvoorbeeldIndexPageFactory()
    veiligheid, wonen = ThemaFactory(label="Veiligheid"), ThemaFactory(label="Wonen")
    for number in range(13):
        PraktijkvoorbeeldPageFactory(title=f"Veilig voorbeeld {number:02}", themas=[veiligheid])
    PraktijkvoorbeeldPageFactory(
        title="Jeugdcriminaliteit voorkomen", themas=[veiligheid], focusgebied=area
    )
    PraktijkvoorbeeldPageFactory(title="Woningen voor leraren", themas=[wonen])

    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kennisbank").click()
    page.get_by_role("link", name="Praktijkvoorbeelden").first.click()
    page.locator("summary", has_text="Thema").click()
    page.get_by_label("Veiligheid").check()
    page.get_by_label("Sorteren").select_option(label="Op titel (A-Z)")
    page.get_by_role("button", name="Toon voorbeelden").click()

    expect(page.get_by_role("status")).to_have_text("14 praktijkvoorbeelden gevonden")
    expect(page.get_by_role("link", name="Woningen voor leraren")).to_have_count(0)
    page.get_by_role("link", name="Pagina 2").click()
    expect(page.get_by_label("Veiligheid")).to_be_checked()
    page.get_by_role("link", name="Veilig voorbeeld 12").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Veilig voorbeeld 12")
    related = page.get_by_role("region", name="Vergelijkbare voorbeelden")
    expect(related.get_by_role("link", name="Jeugdcriminaliteit voorkomen")).to_be_visible()


def test_professional_registers_for_an_event_and_cancels(page, home, browser_login):
    from tests.factories import EvenementPageFactory, UserFactory

    evenement = EvenementPageFactory(title="Kenniskamer ondermijning", capaciteit=1)
    browser_login(UserFactory())

    page.goto(evenement.url)
    expect(page.get_by_text("nog 1 plek vrij")).to_be_visible()
    page.get_by_role("button", name="Aanmelden").click()
    expect(
        page.get_by_text("Je bent aangemeld. De bevestiging staat in je e-mail.")
    ).to_be_visible()
    page.get_by_role("button", name="Afmelden").click()

    expect(page.get_by_text("Je bent afgemeld.")).to_be_visible()
    expect(page.get_by_role("button", name="Aanmelden")).to_be_visible()


def test_professional_asks_to_join_a_learning_circle(page, home, browser_login):
    from tests.factories import LeerkringPageFactory, UserFactory

    kring = LeerkringPageFactory(title="Leerkring jeugd en veiligheid")
    browser_login(UserFactory())

    page.goto(kring.url)
    page.get_by_label("Waarom wil je meedoen? (mag leeg blijven)").fill(
        "Ik ben jongerenwerker in Arnhem Oost."
    )
    page.get_by_role("button", name="Aanmelden als lid").click()

    expect(page.get_by_text("Je aanmelding is verstuurd.")).to_be_visible()
    expect(
        page.get_by_text("Je aanmelding wacht op een besluit van de coördinator.")
    ).to_be_visible()
    expect(page.get_by_role("region", name="Alleen voor leden")).to_have_count(0)


def test_professional_asks_the_vraagbaak_and_fixes_a_mistake(page, home, browser_login):
    from kennisbank.models import Vraag
    from tests.factories import UserFactory, VraagbaakPageFactory

    vraagbaak = VraagbaakPageFactory()
    ThemaFactory(label="Jeugd")
    FocusgebiedPageFactory(title="Heerlen-Noord")
    browser_login(UserFactory())

    page.goto(vraagbaak.url)
    page.get_by_role("link", name="Stel je vraag").click()
    page.get_by_label("Je vraag in één zin").fill("Hoe bereik je ouders die geen Nederlands lezen?")
    page.get_by_role("button", name="Vraag versturen").click()

    expect(page.get_by_text("Kies een thema.")).to_be_visible()
    expect(page.get_by_text("Vertel kort wat er speelt")).to_be_visible()
    expect(page.get_by_label("Je vraag in één zin")).to_have_value(
        "Hoe bereik je ouders die geen Nederlands lezen?"
    )
    page.get_by_label("Over welk thema gaat je vraag?").select_option(label="Jeugd")
    page.get_by_label("Over welk focusgebied").select_option(label="Heerlen-Noord")
    page.get_by_label("Toelichting").fill("Op ouderavonden komt een kwart van de ouders.")
    page.get_by_label("Mijn vraag en het antwoord mogen").check()
    page.get_by_role("button", name="Vraag versturen").click()

    expect(page.get_by_text("Je vraag is verstuurd.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hoe bereik je ouders die geen Nederlands lezen?"
    )
    expect(page.get_by_text("Status: ingediend")).to_be_visible()
    assert Vraag.objects.get().toestemming_publicatie
    page.get_by_role("link", name="Terug naar mijn vragen").click()
    expect(page.get_by_role("link", name="Hoe bereik je ouders")).to_be_visible()
