"""The interactive maps in a real Chromium, with the real CSP and blank tiles from the local
tile server (tests/conftest.py): the areas map on /gebieden/ on desktop and phone, with and
without JavaScript, and the pin picker by keyboard and by click on a test-only page
(tests/gebieden/kaart_urls.py)."""

import re

import pytest
from playwright.sync_api import expect

from gebieden.geo import bevat
from tests.conftest import PHONE, past_op_scherm
from tests.gebieden.kaart_urls import GRENS
from tests.gebieden.test_kaart_svg import BENADERING, maak_gebieden

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gebieden_met_grens(gebieden_index):
    return maak_gebieden(gebieden_index)


def csp_fouten(page) -> list[str]:
    """Collects the console's Content-Security-Policy errors of `page` from now on."""
    fouten: list[str] = []
    page.on(
        "console",
        lambda bericht: (
            fouten.append(bericht.text) if "Content Security Policy" in bericht.text else None
        ),
    )
    return fouten


@pytest.fixture(params=["desktop", "telefoon"])
def scherm(request, page, telefoon):
    return {"desktop": page, "telefoon": telefoon}[request.param]


def test_the_areas_map_is_interactive_and_an_area_opens_its_page(
    scherm, gebieden_met_grens, tegelserver
):
    fouten = csp_fouten(scherm)
    tegels: list[str] = []
    scherm.on(
        "request", lambda verzoek: tegels.append(verzoek.url) if "/tegels/" in verzoek.url else None
    )
    scherm.goto("/gebieden/")

    kaart = scherm.locator(".site-kaart__leaflet")
    expect(kaart).to_be_visible()
    expect(scherm.locator(".site-kaart__svg")).to_be_hidden()
    expect(scherm.locator("img.leaflet-tile-loaded").first).to_be_attached()
    expect(scherm.get_by_text("Achtergrondkaart: Kaartgegevens © Kadaster (PDOK).")).to_be_visible()
    expect(scherm.get_by_text(BENADERING)).to_be_visible()
    # Two areas across the country: too small to see, each also has a dot.
    expect(kaart.locator("path.leaflet-interactive")).to_have_count(4)
    assert tegels and all(url.startswith(tegelserver.split("/tegels/")[0]) for url in tegels)
    assert past_op_scherm(scherm)

    # Filtering swaps in a new map (htmx) with the one area, drawn large; clicking it opens it.
    scherm.get_by_label("Gemeente").select_option("Zaanstad")
    scherm.get_by_role("button", name="Toon gebieden").click()
    expect(scherm).to_have_url(re.compile(r"gemeente=Zaanstad"))
    kaart = scherm.locator(".site-kaart__leaflet")
    expect(kaart.locator("path.leaflet-interactive")).to_have_count(1)
    kaart.click()  # the middle of the map is the middle of the area

    expect(scherm.get_by_role("heading", level=1)).to_have_text("Zaandam Oost")
    assert fouten == []


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE])
def test_without_javascript_the_drawing_shows_the_areas_as_links(
    browser, live_server, gebieden_met_grens, viewport
):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport=viewport
    )
    page = context.new_page()
    page.goto("/gebieden/")

    tekening = page.locator(".site-kaart__svg")
    expect(tekening).to_be_visible()
    expect(page.get_by_text(BENADERING)).to_be_visible()
    assert past_op_scherm(page)
    tekening.get_by_role("link", name="Rotterdam-Zuid").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Rotterdam-Zuid")
    context.close()


def test_the_areas_map_passes_axe_and_the_nu_checker(page, gebieden_met_grens, axe, nu_checker):
    page.goto("/gebieden/")
    expect(page.locator(".site-kaart__leaflet img.leaflet-tile-loaded").first).to_be_attached()
    assert axe(page) == []
    assert nu_checker(page.content()) == []


@pytest.fixture
def prikker(page, settings, db):
    settings.ROOT_URLCONF = "tests.gebieden.kaart_urls"
    fouten = csp_fouten(page)
    page.goto("/prikker/")
    expect(page.locator("[data-prikker-kaart] img.leaflet-tile-loaded").first).to_be_attached()
    yield page
    assert fouten == []


def coordinaten(page) -> tuple[float, float] | None:
    lengte = page.get_by_label("Lengtegraad").input_value()
    breedte = page.get_by_label("Breedtegraad").input_value()
    return (float(lengte), float(breedte)) if lengte or breedte else None


def wacht_tot_de_kaart_stilstaat(page) -> None:
    """Leaflet ignores keys while the map still moves: wait until its pane has stood still
    for five frames (a fixed pause was too short on a busy machine)."""
    page.wait_for_function(
        """() => {
            const pane = document.querySelector("[data-prikker-kaart] .leaflet-map-pane");
            const stand = getComputedStyle(pane).transform;
            window.kaartRust = window.kaartStand === stand ? (window.kaartRust || 0) + 1 : 0;
            window.kaartStand = stand;
            return window.kaartRust >= 5;
        }""",
        polling="raf",
    )


def test_the_pin_is_placed_and_moved_by_keyboard(prikker):
    page = prikker
    expect(page.get_by_text("Er staat nog geen speld op de kaart.")).to_be_visible()
    kaart = page.locator("[data-prikker-kaart]")
    kaart.focus()
    expect(kaart).to_be_focused()
    page.keyboard.press("Enter")
    eerste = coordinaten(page)
    assert eerste is not None and bevat(GRENS, *eerste)

    # Arrow keys move the map; the button puts the pin in its (new) middle.
    for toets in ("ArrowRight", "ArrowUp"):
        page.keyboard.press(toets)
        wacht_tot_de_kaart_stilstaat(page)
    page.get_by_role("button", name="Zet de speld in het midden van de kaart").click()
    expect(page.locator("[data-prikker-fout]")).to_be_empty()
    tweede = coordinaten(page)
    assert tweede is not None and bevat(GRENS, *tweede)
    assert tweede[0] > eerste[0] and tweede[1] > eerste[1]
    expect(page.locator("[data-prikker-plek]")).to_have_text(
        re.compile(r"De speld staat op lengtegraad 4,\d{4} en breedtegraad 52,\d{4}\.")
    )

    page.get_by_role("button", name="Speld weghalen").click()
    assert coordinaten(page) is None
    expect(page.get_by_text("Er staat nog geen speld op de kaart.")).to_be_visible()


def test_a_click_inside_places_the_pin_and_outside_says_why_not(prikker):
    page = prikker
    kaart = page.locator("[data-prikker-kaart]")
    doos = kaart.bounding_box()
    kaart.click(position={"x": doos["width"] - 4, "y": doos["height"] - 4})
    expect(page.get_by_role("alert")).to_have_text(re.compile("Deze plek ligt buiten het gebied"))
    assert coordinaten(page) is None

    kaart.click(position={"x": doos["width"] / 2 + 20, "y": doos["height"] / 2 - 10})
    plek = coordinaten(page)
    assert plek is not None and bevat(GRENS, *plek)
    expect(page.locator("[data-prikker-fout]")).to_be_empty()


def test_the_picker_shows_a_pin_already_in_the_form(page, settings, db):
    settings.ROOT_URLCONF = "tests.gebieden.kaart_urls"
    page.goto("/prikker/?lengte=4.9&breedte=52.37")
    expect(page.locator("[data-prikker-plek]")).to_have_text(
        "De speld staat op lengtegraad 4,9000 en breedtegraad 52,3700."
    )


def test_without_javascript_the_picker_is_hidden_and_the_inputs_remain(
    browser, live_server, settings, db
):
    settings.ROOT_URLCONF = "tests.gebieden.kaart_urls"
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/prikker/")
    expect(page.locator("[data-kaart-prikker]")).to_be_hidden()
    page.get_by_label("Lengtegraad").fill("4.9")
    expect(page.get_by_label("Lengtegraad")).to_have_value("4.9")
    context.close()
