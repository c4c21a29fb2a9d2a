"""A pin on a contribution (issue 20, point 3): optional, only where the process allows it,
inside the area's boundary or refused in plain Dutch with what was typed kept, rounded so it
marks a spot and not a front door, and in the open data as GeoJSON (DESIGN.md:
`<process url>open-data/geojson/`)."""

import json
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from gebieden.geo import bevat
from gebieden.models import Gebiedsgrens
from participatie.models import Inbreng
from tests.factories import (
    InbrengFactory,
    ParticipatieprocesPageFactory,
    UserFactory,
    vierkant,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser_login_telefoon(telefoon, client, live_server):
    def login(user) -> None:
        client.force_login(user)
        telefoon.context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )

    return login


VIERKANT = vierkant()


@pytest.fixture
def met_grens(gebied):
    Gebiedsgrens.objects.create(focusgebied=gebied, geometrie=VIERKANT, bron="test")
    return gebied


@pytest.fixture
def speldproces(met_grens):
    return ParticipatieprocesPageFactory(parent=met_grens, title="Speelplekken", speld_aan=True)


def geven(client, proces, thema, **extra):
    client.force_login(UserFactory(display_name="Fatima"))
    return client.post(
        proces.url + "inbreng-geven/",
        {
            "soort": "idee",
            "titel": "Schaduw bij de zandbak",
            "tekst": "Graag een boom.",
            "thema": thema.pk,
            "plek": "",
            "pseudoniem": "Fatima",
            **extra,
        },
    )


def test_a_pin_inside_the_area_is_kept_rounded_to_about_ten_metres(client, speldproces, thema):
    response = geven(client, speldproces, thema, lengte="4.841234", breedte="52.440987")

    assert response.status_code == 302
    inbreng = Inbreng.objects.get()
    assert (inbreng.lengte, inbreng.breedte) == (Decimal("4.8412"), Decimal("52.4410"))


def test_a_pin_outside_the_area_is_refused_and_the_text_kept(client, speldproces, thema, gebied):
    response = geven(client, speldproces, thema, lengte="4.90", breedte="52.44")

    html = response.content.decode()
    assert response.status_code == 400
    assert f"Deze plek ligt buiten {gebied.title}." in html
    assert 'value="Schaduw bij de zandbak"' in html and 'value="4.90"' in html
    assert not Inbreng.objects.exists()


@pytest.mark.parametrize(
    ("extra", "fout"),
    [
        ({"lengte": "4.84"}, "Vul beide in."),
        ({"lengte": "4,84a", "breedte": "52.44"}, "Vul een getal in"),
        ({"lengte": "12.5", "breedte": "52.44"}, "Deze plek ligt niet in Nederland."),
    ],
)
def test_half_or_wrong_pins_get_a_dutch_error(client, speldproces, thema, extra, fout):
    response = geven(client, speldproces, thema, **extra)

    assert fout in response.content.decode()
    assert not Inbreng.objects.exists()


def test_the_form_says_a_pin_is_public(client, speldproces):
    html = client.get(speldproces.url + "inbreng-geven/").content.decode()

    assert "Een speld is openbaar" in html and "niet op je huis" in html


def test_the_map_sits_with_the_place_fields_not_after_the_whole_form(client, speldproces):
    html = client.get(speldproces.url + "inbreng-geven/").content.decode()

    volgorde = ['name="plek"', 'name="breedte"', "data-kaart-prikker", 'name="afbeelding"']
    plaatsen = [html.index(teken) for teken in volgorde]
    assert plaatsen == sorted(plaatsen)


def test_no_pin_fields_where_the_process_or_the_area_does_not_allow_them(
    client, gebied, met_grens, thema
):
    zonder = ParticipatieprocesPageFactory(parent=met_grens, speld_aan=False)
    assert "Speld op de kaart" not in client.get(zonder.url + "inbreng-geven/").content.decode()
    geven(client, zonder, thema, lengte="4.84", breedte="52.44")
    assert Inbreng.objects.get().lengte is None

    Gebiedsgrens.objects.all().delete()
    geen_grens = ParticipatieprocesPageFactory(parent=gebied, speld_aan=True)
    assert "Speld op de kaart" not in client.get(geen_grens.url + "inbreng-geven/").content.decode()


def test_open_data_as_geojson_has_every_contribution_and_pins_as_points(client, speldproces):
    InbrengFactory(
        proces=speldproces, titel="Bankje", lengte=Decimal("4.8412"), breedte=Decimal("52.441")
    )
    InbrengFactory(proces=speldproces, titel="Zonder speld")

    response = client.get(speldproces.url + "open-data/geojson/")

    assert response["Content-Type"] == "application/geo+json"
    assert 'filename="inbreng-speelplekken.geojson"' in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection" and data["licentie"] == "CC BY 4.0"
    features = {f["properties"]["titel"]: f for f in data["features"]}
    assert features["Bankje"]["geometry"] == {"type": "Point", "coordinates": [4.8412, 52.441]}
    assert features["Zonder speld"]["geometry"] is None
    assert "pseudoniem" not in response.content.decode()
    assert "open-data/geojson/" in client.get(speldproces.url).content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_resident_on_a_phone_pins_a_contribution_and_sees_it_among_the_others(
    telefoon, gebied, thema, browser_login_telefoon
):
    Gebiedsgrens.objects.create(focusgebied=gebied, geometrie=VIERKANT, bron="test")
    proces = ParticipatieprocesPageFactory(parent=gebied, title="Speelplekken", speld_aan=True)
    InbrengFactory(
        proces=proces, titel="Bankje", lengte=Decimal("4.8350"), breedte=Decimal("52.4350")
    )
    browser_login_telefoon(UserFactory(display_name="Fatima"))
    page = telefoon
    page.goto(proces.url + "inbreng-geven/")

    page.get_by_label("Een idee").check()
    page.get_by_label("Titel").fill("Schaduw bij de zandbak")
    page.get_by_label("Je bericht").fill("Graag een boom.")
    page.get_by_label("Over welk thema gaat het?").select_option(label=thema.label)
    # With the keyboard: the pin goes to the middle of the map, inside the area.
    page.get_by_role("button", name="Zet de speld in het midden van de kaart").click()
    expect(page.get_by_label(re.compile("lengtegraad"))).not_to_have_value("")
    page.get_by_role("button", name="Verstuur je inbreng").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Schaduw bij de zandbak")
    eigen = Inbreng.objects.get(titel="Schaduw bij de zandbak")
    assert eigen.heeft_speld
    assert bevat(VIERKANT, float(eigen.lengte), float(eigen.breedte))
    page.goto(proces.url)
    lijst = page.get_by_role("figure")
    expect(lijst).to_be_visible()
    assert "Schaduw bij de zandbak (Ontvangen)" in page.content()
    assert "Bankje (Ontvangen)" in page.content()
