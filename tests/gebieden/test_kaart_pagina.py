"""Maps drawn on the server (issue 20, points 2-5 without JavaScript): the areas on
/gebieden/, the results on an area's page, the pins on a process page and a contribution's
own pin; each shape and point a link or titled, the approximation said, the list beside."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from gebieden.models import Gebiedsgrens
from participatie.models import Inbrengstatus
from tests.conftest import PHONE, past_op_scherm
from tests.factories import (
    FocusgebiedPageFactory,
    InbrengFactory,
    ParticipatieprocesPageFactory,
    ResultaatPageFactory,
    ThemaFactory,
    vierkant,
)


@pytest.mark.django_db
def test_the_areas_list_has_a_map_of_the_areas_with_a_boundary(client, gebieden_index):
    zaandam = FocusgebiedPageFactory(parent=gebieden_index, title="Zaandam Oost")
    FocusgebiedPageFactory(parent=gebieden_index, title="Zonder grens")
    assert "site-kaart" not in client.get(gebieden_index.url).content.decode()
    Gebiedsgrens.objects.create(
        focusgebied=zaandam, geometrie=vierkant(4.83, 52.43), bron="demo", is_benadering=True
    )

    html = client.get(gebieden_index.url).content.decode()

    assert f'<a href="{zaandam.url}" aria-label="Zaandam Oost">' in html
    assert "Grenzen bij benadering, geen officiële grenzen." in html
    assert 'aria-label="Zonder grens"' not in html


@pytest.mark.django_db
def test_the_area_page_shows_results_with_a_place_and_their_status(client, gebieden_index):
    gebied = FocusgebiedPageFactory(parent=gebieden_index, title="Overvecht")
    proces = ParticipatieprocesPageFactory(parent=gebied)
    ResultaatPageFactory(
        parent=proces, title="Nieuwe bankjes", lengte=Decimal("4.84"), breedte=Decimal("52.44")
    )
    ResultaatPageFactory(parent=proces, title="Zonder plek")
    assert "nog geen grens op de kaart" in client.get(gebied.url).content.decode()
    Gebiedsgrens.objects.create(focusgebied=gebied, geometrie=vierkant(4.83, 52.43), bron="CBS")

    html = client.get(gebied.url).content.decode()

    assert "Op de kaart" in html and "<title>Nieuwe bankjes (Gepland)</title>" in html
    # The same results as a list for whoever does not use the map.
    assert re.search(
        r'<li><a class="nl-link" href="[^"]+">Nieuwe bankjes \(Gepland\)</a></li>', html
    )
    assert "Zonder plek (" not in html
    assert "bij benadering" not in html


@pytest.mark.django_db
def test_the_process_map_shows_the_pins_the_list_shows_and_each_contribution_its_own(
    client, gebieden_index
):
    gebied = FocusgebiedPageFactory(parent=gebieden_index)
    Gebiedsgrens.objects.create(focusgebied=gebied, geometrie=vierkant(4.83, 52.43), bron="CBS")
    proces = ParticipatieprocesPageFactory(parent=gebied, speld_aan=True)
    groen, spelen = ThemaFactory(label="Groen"), ThemaFactory(label="Spelen")
    boom = InbrengFactory(
        proces=proces, titel="Boom", thema=groen, lengte=Decimal("4.84"), breedte=Decimal("52.44")
    )
    InbrengFactory(
        proces=proces,
        titel="Schommel",
        thema=spelen,
        lengte=Decimal("4.845"),
        breedte=Decimal("52.445"),
        status=Inbrengstatus.VERWERKT,
    )

    alles = client.get(proces.url).content.decode()
    alleen_groen = client.get(proces.url, {"thema": groen.pk}).content.decode()

    assert "<title>Boom (Ontvangen)</title>" in alles
    assert "<title>Schommel (Verwerkt in plan)</title>" in alles
    assert "<title>Boom (Ontvangen)</title>" in alleen_groen
    assert "Schommel (" not in alleen_groen
    eigen = client.get(boom.url).content.decode()
    assert "De plek van dit bericht" in eigen and "<title>Boom</title>" in eigen


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "telefoon"]
)
def test_without_javascript_the_map_is_there_and_its_areas_are_links(
    browser, live_server, gebieden_index, viewport
):
    zaandam = FocusgebiedPageFactory(parent=gebieden_index, title="Zaandam Oost")
    Gebiedsgrens.objects.create(focusgebied=zaandam, geometrie=vierkant(4.83, 52.43), bron="CBS")
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport=viewport
    )
    page = context.new_page()
    page.goto(gebieden_index.url)

    kaart = page.get_by_role("figure")
    expect(kaart).to_be_visible()
    assert past_op_scherm(page)
    kaart.get_by_role("link", name="Zaandam Oost").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Zaandam Oost")
    context.close()
