"""A first visit, in a real Chromium on a desktop and on a 390 x 844 phone (issue 19): a
resident finds their area by postcode from the home page and sees what they can do there
first; the alliance table fits the screen; text has one size scale; links look like links
wherever they are; a checkbox stands before its label; the browser finds a favicon."""

import re

import pytest
from playwright.sync_api import expect

from gebieden.models import Actielijn
from participatie.models import Fasesoort
from tests.conftest import PHONE, past_op_scherm
from tests.factories import (
    AlliantieLidFactory,
    FocusgebiedPageFactory,
    ParticipatieprocesPageFactory,
    PraktijkvoorbeeldPageFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(params=["desktop", "telefoon"])
def scherm(request, browser, live_server):
    telefoon = request.param == "telefoon"
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport=PHONE if telefoon else DESKTOP,
        is_mobile=telefoon,
        has_touch=telefoon,
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def poelenburg(gebieden_index):
    gebied = FocusgebiedPageFactory(
        parent=gebieden_index, title="Zaandam Oost", slug="zaandam-oost", postcodes="1503, 1504"
    )
    for rol, naam, organisatie in [
        ("woningcorporatie", "Mehmet Yilmaz-Oosterbroek", "Woningcorporatie Parteon Zaanstreek"),
        ("politie", "Annemarie van der Heijden-Smit", "Politie Eenheid Noord-Holland"),
        ("onderwijs", "Bartholomeus Vermeulen", "Stichting Openbaar Primair Onderwijs Zaanstad"),
    ]:
        AlliantieLidFactory(focusgebied=gebied, rol=rol, naam=naam, organisatie=organisatie)
    ParticipatieprocesPageFactory(
        parent=gebied, title="Nieuwe speelplekken", fasen=[(Fasesoort.INBRENG, -3, 10)]
    )
    return gebied


def _font_px(locator) -> float:
    return float(locator.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))


def test_a_resident_finds_their_area_by_postcode_and_sees_what_to_do_first(scherm, poelenburg, axe):
    page = scherm
    page.goto("/")
    page.get_by_label("Je postcode").fill("1503 ab")
    page.get_by_role("button", name="Zoek mijn gebied").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Zaandam Oost")
    meepraten = page.get_by_role("heading", name="Meepraten over dit gebied")
    leden = page.get_by_role("table", name="Leden van de alliantie")
    # What a resident can do comes before who sits in the alliance.
    assert meepraten.bounding_box()["y"] < leden.bounding_box()["y"]
    expect(page.get_by_role("link", name="Nieuwe speelplekken")).to_be_visible()
    expect(page.get_by_text(re.compile("Inbreng mogelijk tot"))).to_be_visible()
    # The alliance table fits: every name is whole on screen, nothing scrolls sideways.
    assert past_op_scherm(page)
    breedte = page.viewport_size["width"]
    for naam in ("Annemarie van der Heijden-Smit", "Stichting Openbaar Primair Onderwijs Zaanstad"):
        vak = leden.get_by_text(naam).bounding_box()
        assert vak["x"] >= 0 and vak["x"] + vak["width"] <= breedte
    assert axe(page) == []


def test_a_wrong_postcode_on_the_home_page_is_explained_and_kept(scherm, poelenburg):
    page = scherm
    page.goto("/")
    page.get_by_label("Je postcode").fill("15O3")
    page.get_by_role("button", name="Zoek mijn gebied").click()

    expect(page.get_by_text("Dit is geen postcode.")).to_be_visible()
    expect(page.get_by_label("Je postcode")).to_have_value("15O3")
    assert past_op_scherm(page)


def test_running_text_has_one_size_and_nothing_is_smaller_than_16_px(scherm, home):
    Actielijn.objects.create(nummer=2, titel="Veiligheid in de wijk")
    voorbeeld = PraktijkvoorbeeldPageFactory(
        title="Buurtbemiddeling",
        samenvatting="Buren lossen ruzies samen op.",
        aanpak="<p>Getrainde vrijwilligers praten met beide buren.</p>",
        actielijnen=list(Actielijn.objects.all()),
    )
    page = scherm
    page.goto(voorbeeld.url)

    tekst = _font_px(page.get_by_text("Buren lossen ruzies samen op."))
    assert _font_px(page.get_by_text("Getrainde vrijwilligers praten met beide buren.")) == tekst
    expect(page.get_by_text("2. Veiligheid in de wijk")).to_be_visible()
    kleinste = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll('main *')]
            .filter(el => el.innerText && el.innerText.trim() && el.offsetParent)
            .map(el => parseFloat(getComputedStyle(el).fontSize)))"""
    )
    assert kleinste >= 16


def test_header_footer_and_breadcrumb_links_look_alike(page, home, browser_login):
    voorbeeld = PraktijkvoorbeeldPageFactory(title="Buurtbemiddeling")
    browser_login(UserFactory())
    page.goto(voorbeeld.url)

    account = page.get_by_role("navigation", name="Account")
    mijn_account = account.get_by_role("link", name="Mijn account")
    uitloggen = account.get_by_role("button", name="Uitloggen")
    stijl = "el => [getComputedStyle(el).fontWeight, getComputedStyle(el).color]"
    assert uitloggen.evaluate(stijl) == mijn_account.evaluate(stijl)
    kruimel = page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Home")
    kleur = "el => getComputedStyle(el).color"
    assert kruimel.evaluate(kleur) == mijn_account.evaluate(kleur)
    # Logged in, the footer offers the account, not a way to log in.
    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("link", name="Inloggen")).to_have_count(0)
    expect(footer.get_by_role("link", name="Mijn account")).to_be_visible()


def test_a_checkbox_stands_before_its_label(scherm, home, client, live_server):
    page = scherm
    client.force_login(UserFactory())
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto("/account/verwijderen/")

    vinkje = page.get_by_role("checkbox", name=re.compile("Ja, verwijder mijn account"))
    label = page.locator("label", has_text="Ja, verwijder mijn account")
    assert vinkje.bounding_box()["x"] < label.bounding_box()["x"]
    assert past_op_scherm(page)


def test_the_browser_finds_a_favicon(page, home):
    response = page.goto("/favicon.ico")

    assert response.status == 200
    assert response.headers["content-type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
