"""The monitor on a phone (issue 19, point 4): chart text stays at least the smallest text size
of the site (16 px) on a 390 px screen, the area's page opens with a summary of every
indicator and is short, the demo label appears once, and each indicator opens by itself."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from gebieden.models import Actielijn, Kernindicator
from gebieden.monitor import demo
from tests.conftest import past_op_scherm
from tests.factories import FocusgebiedPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATA = Path(__file__).resolve().parents[3] / "gebieden" / "data"
KLEINSTE_TEKST = 16  # px: --site-tekst-klein in static/css/site.css, the site's smallest text

# The rendered size of every visible text in the page's charts: the font size in the
# drawing's units times the scale the browser draws the drawing at.
TEKSTMATEN = """() => [...document.querySelectorAll("svg.site-grafiek text")]
  .filter((t) => t.getClientRects().length > 0)
  .map((t) => t.ownerSVGElement.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize))"""


@pytest.fixture
def monitor(gebieden_index, roles):
    """The programme's 15 indicators over its 4 actielijnen, and the demo figures (2019 to
    2024, with municipality and the Netherlands) for three areas."""
    lijst = json.loads((DATA / "kernindicatoren.json").read_text(encoding="utf-8"))
    definities = {
        d["nummer"]: d
        for d in json.loads((DATA / "kernindicator_definities.json").read_text("utf-8"))[
            "definities"
        ]
    }
    lijnen = {
        int(nummer): Actielijn.objects.create(nummer=int(nummer), titel=titel)
        for nummer, titel in lijst["actielijnen"].items()
    }
    for item in lijst["kernindicatoren"]:
        Kernindicator.objects.create(
            nummer=item["nummer"],
            actielijn=lijnen[item["actielijn"]],
            naam=item["naam"],
            bron=item["bron"] or "",
            eenheid=definities[item["nummer"]]["eenheid"],
            hoger_is_beter=definities[item["nummer"]]["hoger_is_beter"],
        )
    for titel, slug in [
        ("Zaandam Oost", "zaandam-oost"),
        ("Schiedam Nieuwland-Oost", "schiedam-nieuwland-oost"),
        ("Rotterdam-Zuid", "rotterdam-zuid"),
    ]:
        FocusgebiedPageFactory(parent=gebieden_index, title=titel, slug=slug, gemeente="Zaanstad")
    demo.load()


def test_on_a_phone_the_area_monitor_is_short_readable_and_opens_per_indicator(telefoon, monitor):
    telefoon.goto("/gebieden/zaandam-oost/monitor/")

    hoogte = telefoon.evaluate("document.documentElement.scrollHeight")
    print(f"area monitor at 390 px: {hoogte} px tall")
    expect(telefoon.locator(".site-voorbeelddata")).to_have_count(1)
    # Every indicator with its latest figure and trend, each closed until opened.
    samenvattingen = telefoon.locator("details > summary")
    expect(samenvattingen).to_have_count(15)
    expect(samenvattingen.nth(12)).to_contain_text("13. Ervaren veiligheid")
    expect(samenvattingen.nth(12)).to_contain_text("procent voelt zich veilig (2024) · Gestegen")
    expect(telefoon.get_by_role("img")).to_have_count(0)
    assert hoogte < 5000  # it was 25,393 px with every chart and table open
    assert past_op_scherm(telefoon)

    # An indicator opens by itself; its chart's text is then at least 16 px.
    telefoon.get_by_text("13. Ervaren veiligheid", exact=True).click()
    grafiek = telefoon.get_by_role("img", name="Ervaren veiligheid in Zaandam Oost")
    expect(grafiek).to_be_visible()
    maten = telefoon.evaluate(TEKSTMATEN)
    print(f"chart text at 390 px: {min(maten):.1f} to {max(maten):.1f} px")
    assert len(maten) >= 8 and min(maten) >= KLEINSTE_TEKST
    expect(telefoon.get_by_role("table", name="Cijfers: Ervaren veiligheid")).to_be_visible()
    assert past_op_scherm(telefoon)


def test_a_link_from_the_comparison_opens_that_indicator(telefoon, monitor):
    telefoon.goto("/monitor/?indicator=13")
    telefoon.get_by_role("link", name="Zaandam Oost").click()

    expect(telefoon.get_by_role("img", name="Ervaren veiligheid in Zaandam Oost")).to_be_visible()
    expect(telefoon.get_by_role("img", name="Ervaren leefbaarheid in Zaandam Oost")).to_be_hidden()


def test_on_a_phone_the_comparison_chart_text_is_readable(telefoon, monitor):
    telefoon.goto("/monitor/?indicator=15")

    expect(telefoon.get_by_role("img", name="Incidentie criminaliteit, 2024, per focusgebied"))
    maten = telefoon.evaluate(TEKSTMATEN)
    print(f"comparison chart text at 390 px: {min(maten):.1f} to {max(maten):.1f} px")
    # The zero, and a name and a value per area.
    assert len(maten) == 1 + 2 * 3 and min(maten) >= KLEINSTE_TEKST
    expect(telefoon.locator(".site-voorbeelddata")).to_have_count(1)
    assert past_op_scherm(telefoon)


@pytest.mark.parametrize("breedte", [320, 768, 1280])
def test_chart_text_is_never_below_16_px(page, monitor, breedte):
    page.set_viewport_size({"width": breedte, "height": 900})
    page.goto("/gebieden/zaandam-oost/monitor/?indicator=13")

    maten = page.evaluate(TEKSTMATEN)
    assert maten and min(maten) >= KLEINSTE_TEKST, (breedte, min(maten))
    assert max(maten) <= 28, (breedte, max(maten))  # and not blown up on a tablet either
    page.goto("/monitor/?indicator=15")
    assert min(page.evaluate(TEKSTMATEN)) >= KLEINSTE_TEKST
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte


@pytest.mark.parametrize(
    "pad", ["/gebieden/zaandam-oost/monitor/?indicator=13", "/monitor/?indicator=15"]
)
def test_an_open_chart_on_a_phone_and_zoomed_in_passes_axe(telefoon, monitor, axe, pad):
    telefoon.goto(pad)
    assert axe(telefoon) == []

    # 400 % zoom on a 1280 px screen: the drawing scrolls in its box, which takes focus.
    telefoon.set_viewport_size({"width": 256, "height": 600})
    vak = telefoon.locator(".site-grafiek-scroll:visible")
    assert vak.evaluate("(el) => el.scrollWidth > el.clientWidth")
    assert min(telefoon.evaluate(TEKSTMATEN)) >= KLEINSTE_TEKST
    assert axe(telefoon) == []
    vak.focus()
    telefoon.keyboard.press("ArrowRight")
    telefoon.wait_for_function("(el) => el.scrollLeft > 0", arg=vak.element_handle())
