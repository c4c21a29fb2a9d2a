"""The map infrastructure (gebieden.kaart, issue 20): the SVG drawing links areas to their
pages, draws points, keeps the country's proportions and makes specks into dots; demo shapes
are called approximations; the JSON for Leaflet; the CSP allows the tile host and no more; the
areas map on /gebieden/ follows the filters at a constant query count."""

import json
import math
import re

import pytest
from django.template.loader import render_to_string

from gebieden.kaart import BREEDTE, Kaart, Punt, Vlak, prikker_data
from gebieden.models import Gebiedsgrens, Provincie
from tests.factories import FocusgebiedPageFactory
from wijkwijzer.settings import base

BENADERING = "Grenzen bij benadering, geen officiële grenzen."


def twaalfhoek(lengte: float, breedte: float, straal_m: float = 1000) -> dict:
    """A twelve-sided shape around a centre, like the demo's approximations."""
    dlat = straal_m / 111_320
    dlon = dlat / math.cos(math.radians(breedte))
    ring = [
        [
            round(lengte + dlon * math.cos(math.radians(30 * i)), 6),
            round(breedte + dlat * math.sin(math.radians(30 * i)), 6),
        ]
        for i in range(12)
    ]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def test_areas_are_links_to_their_pages_with_their_name():
    kaart = Kaart(
        "Kaart",
        vlakken=[
            Vlak(twaalfhoek(4.90, 52.37), "Noord", "/gebieden/noord/"),
            Vlak(twaalfhoek(4.92, 52.36), "Oost", "/gebieden/oost/"),
        ],
    )
    svg = str(kaart.svg())
    assert re.search(r'<a href="/gebieden/noord/"[^>]*><title>Noord</title><path d="M', svg)
    assert re.search(r'<a href="/gebieden/oost/"[^>]*><title>Oost</title><path d="M', svg)
    # The links stay reachable: the drawing is a named group, not an image.
    assert 'aria-label="Kaart"' in svg and 'role="img"' not in svg
    # Presentation attributes only: the CSP allows no style attributes.
    assert "style=" not in svg


def test_points_are_drawn_with_their_title_and_link():
    kaart = Kaart(
        "Inbreng",
        vlakken=[Vlak(twaalfhoek(4.90, 52.37), "Gebied")],
        punten=[
            Punt(4.901, 52.371, "Kapotte lantaarn", "/p/1/"),
            Punt(4.899, 52.369, "Bankje", status="Open"),
        ],
    )
    svg = str(kaart.svg())
    assert svg.count("<circle") == 2
    assert re.search(r'<a href="/p/1/"[^>]*><title>Kapotte lantaarn</title><circle', svg)
    assert "<g><title>Bankje</title><circle" in svg
    assert "<g><title>Gebied</title><path" in svg


def test_labels_are_escaped_in_the_drawing_and_the_data():
    label = '<script>alert("x")</script>'
    kaart = Kaart("Kaart", punten=[Punt(4.9, 52.37, label, "/p/")])
    assert "<script>" not in str(kaart.svg())
    html = render_to_string("includes/kaart.html", {"kaart": kaart})
    assert "<script>alert" not in html
    data = re.search(r'<script type="application/json">(.*?)</script>', html).group(1)
    assert json.loads(data)["punten"][0]["label"] == label


def test_the_projection_keeps_the_shape_of_the_netherlands():
    steden = {
        "groningen": (6.5665, 53.2194),
        "maastricht": (5.6909, 50.8514),
        "den-haag": (4.3007, 52.0705),
    }
    svg = str(
        Kaart("Nederland", punten=[Punt(x, y, naam) for naam, (x, y) in steden.items()]).svg()
    )
    punten = re.findall(r'<title>([^<]+)</title><circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    cirkels = {naam: (float(x), float(y)) for naam, x, y in punten}
    # North is up, west is left, and it fits the drawing.
    assert cirkels["groningen"][1] < cirkels["den-haag"][1] < cirkels["maastricht"][1]
    assert cirkels["den-haag"][0] < cirkels["maastricht"][0] < cirkels["groningen"][0]
    assert all(0 <= x <= BREEDTE for x, _y in cirkels.values())

    # Distances on the drawing are in proportion to those on the ground (within 2%).
    def verhouding(a: str, b: str) -> float:
        (x1, y1), (x2, y2) = steden[a], steden[b]
        km = math.hypot(
            (x2 - x1) * 111.32 * math.cos(math.radians((y1 + y2) / 2)), (y2 - y1) * 111.32
        )
        return math.dist(cirkels[a], cirkels[b]) / km

    schaal = verhouding("groningen", "maastricht")
    assert verhouding("den-haag", "groningen") == pytest.approx(schaal, rel=0.02)
    assert verhouding("den-haag", "maastricht") == pytest.approx(schaal, rel=0.02)


def test_a_round_area_stays_round():
    svg = str(Kaart("Kaart", vlakken=[Vlak(twaalfhoek(5.1, 52.09), "Rond")]).svg())
    getallen = [float(g) for g in re.findall(r"[\d.]+", re.search(r'd="([^"]+)"', svg).group(1))]
    xs, ys = getallen[0::2], getallen[1::2]
    assert (max(xs) - min(xs)) / (max(ys) - min(ys)) == pytest.approx(1, rel=0.02)


def test_an_area_too_small_to_see_on_a_map_of_the_country_is_a_dot():
    kaart = Kaart(
        "Nederland",
        vlakken=[
            Vlak(twaalfhoek(6.5665, 53.2194), "Groningen", "/g/"),
            Vlak(twaalfhoek(5.6909, 50.8514), "Maastricht", "/m/"),
        ],
    )
    svg = str(kaart.svg())
    assert re.search(r'<a href="/g/"[^>]*><title>Groningen</title><circle', svg)
    assert "<path" not in svg


def test_the_include_says_when_boundaries_are_approximations():
    vlak = Vlak(twaalfhoek(5.1, 52.09), "Gebied", "/g/")
    benadering = render_to_string(
        "includes/kaart.html", {"kaart": Kaart("Kaart", [vlak], benadering=True)}
    )
    assert BENADERING in benadering and "data-kaart " in benadering
    assert BENADERING not in render_to_string("includes/kaart.html", {"kaart": Kaart("K", [vlak])})
    assert render_to_string("includes/kaart.html", {"kaart": Kaart("Leeg")}).strip() == ""


def test_the_data_for_the_interactive_map(settings):
    settings.KAART_TEGELS_URL = "https://tegels.example/{z}/{x}/{y}.png"
    settings.KAART_ATTRIBUTIE = "Kaartgegevens © Kadaster"
    grens = twaalfhoek(5.1, 52.09)
    data = Kaart("Kaart", [Vlak(grens, "Gebied", "/g/")], [Punt(5.1, 52.09, "Hier")]).data()
    assert data["tegels"] == "https://tegels.example/{z}/{x}/{y}.png"
    assert data["attributie"] == "Kaartgegevens © Kadaster"
    vlak = data["vlakken"][0]
    assert vlak["url"] == "/g/" and vlak["geometrie"]["type"] == "Polygon"
    assert vlak["midden"] == pytest.approx((5.1, 52.09), abs=0.005)
    assert data["punten"] == [
        {"lengte": 5.1, "breedte": 52.09, "label": "Hier", "url": "", "status": ""}
    ]
    prikker = prikker_data(grens)
    assert (
        prikker["grens"]["type"] == "Polygon"
        and "buiten het gebied" in prikker["teksten"]["buiten"]
    )


def test_the_csp_allows_images_from_the_tile_host_and_nothing_more(client, settings, db):
    pdok = (
        "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
    )
    assert base.herkomst(pdok) == "https://service.pdok.nl"
    assert base.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"][-1] == base.herkomst(
        base.KAART_TEGELS_URL
    )
    # Tests point the maps at the local tile server (tests/conftest.py), the CSP follows.
    header = client.get("/").headers["Content-Security-Policy"]
    img_src = re.search(r"img-src ([^;]+)", header).group(1).split()
    assert img_src == ["'self'", "data:", base.herkomst(settings.KAART_TEGELS_URL)]
    assert not any("*" in bron for bron in img_src)
    # Scripts and styles stay strict: the maps need no 'unsafe-inline'.
    assert "unsafe-inline" not in header


def maak_gebieden(gebieden_index) -> tuple:
    """Two areas with an approximate boundary far apart, and one without a boundary."""
    zaandam = FocusgebiedPageFactory(
        parent=gebieden_index,
        title="Zaandam Oost",
        gemeente="Zaanstad",
        provincie=Provincie.NOORD_HOLLAND,
    )
    rotterdam = FocusgebiedPageFactory(
        parent=gebieden_index, title="Rotterdam-Zuid", gemeente="Rotterdam"
    )
    FocusgebiedPageFactory(parent=gebieden_index, title="Zonder grens", gemeente="Leiden")
    for gebied, (x, y) in ((zaandam, (4.84, 52.44)), (rotterdam, (4.50, 51.89))):
        Gebiedsgrens.objects.create(
            focusgebied=gebied, geometrie=twaalfhoek(x, y), bron="demo", is_benadering=True
        )
    return zaandam, rotterdam


@pytest.fixture
def gebieden_met_grens(gebieden_index):
    return maak_gebieden(gebieden_index)


def tekening(html: str) -> str:
    return re.search(r"<svg.*?</svg>", html, re.S).group(0)


def test_the_areas_page_draws_every_area_with_a_boundary(client, gebieden_met_grens):
    html = client.get("/gebieden/").content.decode()
    svg = tekening(html)
    assert re.search(r'<a href="/gebieden/zaandam-oost/"[^>]*><title>Zaandam Oost</title>', svg)
    assert re.search(r'<a href="/gebieden/rotterdam-zuid/"[^>]*><title>Rotterdam-Zuid<', svg)
    assert "Zonder grens" not in svg
    assert BENADERING in html
    # The filters apply to the map too.
    svg = tekening(client.get("/gebieden/?gemeente=Rotterdam").content.decode())
    assert "Rotterdam-Zuid" in svg and "Zaandam" not in svg


def test_the_areas_map_takes_the_same_queries_for_more_areas(query_count, gebieden_index):
    def gebied() -> None:
        pagina = FocusgebiedPageFactory(parent=gebieden_index)
        Gebiedsgrens.objects.create(focusgebied=pagina, geometrie=twaalfhoek(5.1, 52.09), bron="d")

    gebied()
    query_count.assert_constant("/gebieden/", lambda: [gebied() for _ in range(4)], maximum=11)
