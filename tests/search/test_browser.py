"""A professional narrows and widens a search in a real Chromium, on a phone and on a desktop
screen: ticking a theme keeps the other themes listed, so a second one can be ticked too."""

import re

import pytest
from playwright.sync_api import expect

from search.services import herbouwen
from tests.factories import PraktijkvoorbeeldPageFactory, PublicatiePageFactory, ThemaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def voorbeelden(home):
    jeugd, wonen, zorg = (ThemaFactory(label=label) for label in ("Jeugd", "Wonen", "Zorg"))
    PraktijkvoorbeeldPageFactory(title="Eenzaamheid onder jongeren", themas=[jeugd])
    PraktijkvoorbeeldPageFactory(title="Eenzaamheid in de flat", themas=[wonen])
    PublicatiePageFactory(title="Eenzaamheid en mantelzorg", themas=[zorg])
    PublicatiePageFactory(title="Eenzaamheid, jong en oud", themas=[jeugd, zorg])
    herbouwen()


@pytest.mark.parametrize(
    "scherm",
    [{"width": 390, "height": 844}, {"width": 1280, "height": 800}],
    ids=["telefoon", "desktop"],
)
def test_ticking_a_theme_keeps_the_others_to_tick_as_well(page, voorbeelden, scherm):
    page.set_viewport_size(scherm)
    page.goto("/zoeken/?q=eenzaamheid")
    expect(page.get_by_role("status")).to_have_text("4 resultaten voor “eenzaamheid”")

    # The facet is a disclosure (<summary>, which has no ARIA role to find it by).
    page.locator("summary", has_text="Thema").click()
    themas = page.get_by_role("group", name="Thema")
    themas.get_by_role("checkbox", name="Jeugd (2)").check()

    expect(page.get_by_role("status")).to_have_text("2 resultaten voor “eenzaamheid”")
    expect(page).to_have_url(re.compile(r"thema=jeugd"))
    themas = page.get_by_role("group", name="Thema")
    expect(themas.get_by_role("checkbox", name="Jeugd (2)")).to_be_checked()
    # htmx swapped the results in place and put focus back on the box just ticked.
    expect(themas.get_by_role("checkbox", name="Jeugd (2)")).to_be_focused()
    # The other themes stay, with what they would add, and can be ticked as well.
    expect(themas.get_by_role("checkbox", name="Zorg (2)")).not_to_be_checked()
    wonen = themas.get_by_role("checkbox", name="Wonen (1)")
    expect(wonen).to_be_visible()
    wonen.check()

    expect(page.get_by_role("status")).to_have_text("3 resultaten voor “eenzaamheid”")
    expect(page).to_have_url(re.compile(r"thema=jeugd&thema=wonen"))
    expect(page.get_by_role("link", name="Eenzaamheid in de flat")).to_be_visible()
    # Unticking widens again.
    page.get_by_role("group", name="Thema").get_by_role("checkbox", name="Jeugd (2)").uncheck()
    expect(page.get_by_role("status")).to_have_text("1 resultaat voor “eenzaamheid”")
