"""The focus area pages as a visitor sees them."""

import datetime

import pytest

from gebieden.models import Provincie
from tests.factories import AlliantieLidFactory, AlliantieoverlegPageFactory, FocusgebiedPageFactory

pytestmark = pytest.mark.django_db


def test_overview_groups_areas_by_province_with_residents_where_known(client, gebieden_index):
    FocusgebiedPageFactory(
        parent=gebieden_index, title="Rotterdam-Zuid", gemeente="Rotterdam", inwoners=200000
    )
    FocusgebiedPageFactory(
        parent=gebieden_index,
        title="Zaandam Oost",
        gemeente="Zaanstad",
        provincie=Provincie.NOORD_HOLLAND,
    )

    page = client.get("/gebieden/").content.decode()
    html = page[page.index('role="status"') :]  # the list, after the filter form

    assert (
        html.index("Noord-Holland")
        < html.index("Zaandam Oost")
        < html.index("Zuid-Holland")
        < html.index("Rotterdam-Zuid")
    )
    assert "200.000 inwoners" in html
    assert "2 focusgebieden" in html
    assert "van 1 gebied is het aantal inwoners niet bekend" in html


def test_overview_filters_by_province_and_municipality_in_the_url(client, gebieden_index):
    FocusgebiedPageFactory(parent=gebieden_index, title="Rotterdam-Zuid", gemeente="Rotterdam")
    FocusgebiedPageFactory(
        parent=gebieden_index, title="Schiedam Nieuwland-Oost", gemeente="Schiedam"
    )
    FocusgebiedPageFactory(
        parent=gebieden_index,
        title="Zaandam Oost",
        gemeente="Zaanstad",
        provincie=Provincie.NOORD_HOLLAND,
    )

    by_province = client.get("/gebieden/", {"provincie": "zuid-holland"}).content.decode()
    by_municipality = client.get("/gebieden/", {"gemeente": "Schiedam"}).content.decode()

    assert "Rotterdam-Zuid" in by_province and "Zaandam Oost" not in by_province
    assert '<option value="zuid-holland" selected>' in by_province
    assert "Schiedam Nieuwland-Oost" in by_municipality and "Rotterdam-Zuid" not in by_municipality
    assert "Alle gebieden tonen" in by_municipality


def test_overview_ignores_an_unknown_filter_value(client, gebieden_index):
    FocusgebiedPageFactory(parent=gebieden_index, title="Rotterdam-Zuid")

    response = client.get("/gebieden/", {"provincie": "<script>", "gemeente": "Atlantis"})

    assert response.status_code == 200
    assert "Rotterdam-Zuid" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_area_page_shows_alliance_meetings_and_placeholders(client, gebieden_index):
    area = FocusgebiedPageFactory(parent=gebieden_index, title="Zaandam Oost", gemeente="Zaanstad")
    AlliantieLidFactory(
        focusgebied=area, rol="voorzitter", naam="", organisatie="Burgemeester van Zaanstad"
    )
    AlliantieLidFactory(
        focusgebied=area, rol="woningcorporatie", naam="Mehmet Yilmaz", is_demo=True
    )
    AlliantieLidFactory(
        focusgebied=area, rol="rijk", naam="", organisatie="Rijksoverheid", departement="SZW"
    )
    today = datetime.date.today()
    AlliantieoverlegPageFactory(
        parent=area, title="Overleg in de toekomst", datum=today + datetime.timedelta(days=7)
    )
    AlliantieoverlegPageFactory(
        parent=area, title="Overleg van vorige maand", datum=today - datetime.timedelta(days=30)
    )

    html = client.get(area.url).content.decode()

    assert "Voorzitter: Burgemeester van Zaanstad" in html
    assert "Woningcorporatie" in html and "Mehmet Yilmaz" in html and "voorbeeld</span>" in html
    assert (
        "Rijksvertegenwoordiger" in html
        and "Rijksoverheid (SZW)" in html
        and "nog niet bekend" in html
    )
    assert (
        html.index("Komende overleggen")
        < html.index("Overleg in de toekomst")
        < html.index("Eerdere overleggen")
        < html.index("Overleg van vorige maand")
    )
    for placeholder in ("Meepraten over dit gebied", "Kennis uit dit gebied", "Zicht op Wijken"):
        assert placeholder in html


def test_meeting_page_shows_agenda_and_says_when_minutes_are_missing(client, gebieden_index):
    meeting = AlliantieoverlegPageFactory(agenda="<p>Speeltuin Poelenburg</p>", notulen="")

    html = client.get(meeting.url).content.decode()

    assert "Speeltuin Poelenburg" in html
    assert "Het verslag verschijnt hier nadat de alliantie het heeft vastgesteld." in html


def test_overview_query_count_does_not_grow_with_areas(query_count, gebieden_index):
    FocusgebiedPageFactory(parent=gebieden_index)

    def more_areas():
        for _ in range(5):
            FocusgebiedPageFactory(parent=gebieden_index, provincie=Provincie.UTRECHT)

    # One of them reads the boundaries for the map.
    query_count.assert_constant("/gebieden/", more_areas, maximum=11)


def test_area_page_query_count_does_not_grow_with_members_and_meetings(query_count, gebieden_index):
    area = FocusgebiedPageFactory(parent=gebieden_index)
    AlliantieLidFactory(focusgebied=area)
    AlliantieoverlegPageFactory(parent=area)

    def more_content():
        for _ in range(5):
            AlliantieLidFactory(focusgebied=area)
            AlliantieoverlegPageFactory(parent=area)
            AlliantieoverlegPageFactory(parent=area, datum=datetime.date(2024, 1, 1))

    # Wagtail's routing takes one query per level of the page tree; the rest, the sections
    # other apps add included (the map reads the boundary), is fixed.
    query_count.assert_constant(area.url, more_content, maximum=18)
