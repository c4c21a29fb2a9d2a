"""The journeys through the focus area pages in a real Chromium: a visitor finds an area and
its alliance by keyboard and on a 320 px screen; an editor with MFA changes an area."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from gebieden.models import FocusgebiedPage, Provincie
from tests.factories import AlliantieLidFactory, FocusgebiedPageFactory, UserFactory
from tests.wijkwijzer.test_accounts import totp_code
from wijkwijzer.roles import EINDREDACTEUR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def areas(gebieden_index):
    zaandam = FocusgebiedPageFactory(
        parent=gebieden_index,
        title="Zaandam Oost",
        gemeente="Zaanstad",
        provincie=Provincie.NOORD_HOLLAND,
    )
    AlliantieLidFactory(
        focusgebied=zaandam, rol="woningcorporatie", naam="Mehmet Yilmaz", organisatie="Parteon"
    )
    FocusgebiedPageFactory(parent=gebieden_index, title="Rotterdam-Zuid", gemeente="Rotterdam")
    return zaandam


def test_visitor_filters_by_province_and_opens_an_area(page, areas):
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Focusgebieden"
    ).click()
    page.evaluate("window.sameDocument = true")
    page.get_by_label("Provincie").select_option(label="Noord-Holland")
    page.get_by_role("button", name="Toon gebieden").click()

    expect(page.get_by_role("link", name="Rotterdam-Zuid")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/gebieden/\?provincie=noord-holland&gemeente=$"))
    # htmx swapped the results in place: same document, focus still on the button.
    assert page.evaluate("window.sameDocument") is True
    expect(page.get_by_role("button", name="Toon gebieden")).to_be_focused()
    page.get_by_role("link", name="Zaandam Oost").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Zaandam Oost")
    members = page.get_by_role("table", name="Leden van de alliantie")
    expect(
        members.get_by_role("row", name="Woningcorporatie Mehmet Yilmaz Parteon")
    ).to_be_visible()


def test_filter_works_without_javascript(browser, live_server, areas):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/gebieden/")
    page.get_by_label("Gemeente").select_option("Rotterdam")
    page.get_by_role("button", name="Toon gebieden").click()

    expect(page.get_by_role("link", name="Zaandam Oost")).to_have_count(0)
    expect(page.get_by_role("link", name="Rotterdam-Zuid")).to_be_visible()
    expect(page.get_by_role("link", name="Alle gebieden tonen")).to_be_visible()
    context.close()


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, areas):
    page.goto("/gebieden/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


@pytest.mark.parametrize("path", ["/", "/gebieden/", "/gebieden/zaandam-oost/", "/account/signup/"])
def test_readable_at_320_pixels_without_sideways_scrolling(page, areas, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_editor_logs_in_with_mfa_and_changes_an_area(page, areas, roles):
    editor = UserFactory(email="redactie@example.nl", password="Zonnebloem-2026!")
    editor.groups.add(roles[EINDREDACTEUR])
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)

    page.goto(f"/admin/pages/{areas.pk}/edit/")
    page.get_by_label("E-mail").fill("redactie@example.nl")
    page.get_by_label("Wachtwoord").fill("Zonnebloem-2026!")
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_label("Code", exact=True).fill(totp_code(secret))
    page.get_by_role("button", name="Aanmelden").click()

    page.get_by_role("textbox", name="Samenvatting").fill(
        "Bewoners en alliantie werken aan de herstructurering."
    )
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Publiceren").click()

    expect(page.get_by_text("is gepubliceerd")).to_be_visible()
    assert FocusgebiedPage.objects.get(pk=areas.pk).samenvatting.startswith("Bewoners en alliantie")
