"""The postcode finder (DESIGN.md: GET /gebieden/?postcode=): a resident finds their area by
the postcode they know, not by the programme's area names."""

import pytest

from tests.factories import FocusgebiedPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gebieden(gebieden_index):
    return {
        "zaandam": FocusgebiedPageFactory(
            parent=gebieden_index, title="Zaandam Oost", slug="zaandam-oost", postcodes="1503, 1504"
        ),
        "overvecht": FocusgebiedPageFactory(
            parent=gebieden_index, title="Overvecht", slug="overvecht", postcodes="3562, 3563"
        ),
        # An area that shares a postcode with another (a postcode area crosses their border).
        "grens": FocusgebiedPageFactory(
            parent=gebieden_index, title="Utrecht Noord", slug="utrecht-noord", postcodes="3563"
        ),
        "geen": FocusgebiedPageFactory(parent=gebieden_index, title="Zonder postcodes"),
    }


@pytest.mark.parametrize("postcode", ["1503", "1503AB", "1503 ab", " 15 03 a b ", "1504"])
def test_a_postcode_of_one_area_leads_to_its_page(client, gebieden, postcode):
    response = client.get("/gebieden/", {"postcode": postcode})
    assert response.status_code == 302
    assert response["Location"] == "/gebieden/zaandam-oost/"


def test_a_postcode_of_several_areas_lists_them(client, gebieden):
    response = client.get("/gebieden/", {"postcode": "3563 XK"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Postcode 3563 hoort bij deze focusgebieden:" in html
    assert 'href="/gebieden/overvecht/"' in html and 'href="/gebieden/utrecht-noord/"' in html


def test_a_postcode_outside_the_focus_areas_is_explained(client, gebieden):
    response = client.get("/gebieden/", {"postcode": "1015"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Postcode 1015 ligt niet in een van de focusgebieden" in html
    # A postcode is a whole number, not part of one: 150 is not 1503.
    assert client.get("/gebieden/", {"postcode": "1500"}).status_code == 200


@pytest.mark.parametrize("typed", ["abcd", "0123", "15034", "1503 ABC", ""])
def test_what_is_not_a_postcode_gets_a_dutch_error_and_keeps_the_text(client, gebieden, typed):
    response = client.get("/gebieden/", {"postcode": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit is geen postcode" in html or "Vul je postcode in" in html
    assert 'aria-invalid="true"' in html
    if typed:
        assert f'value="{typed}"' in html


def test_the_finder_is_on_the_areas_page(client, gebieden):
    html = client.get("/gebieden/").content.decode()
    assert '<label for="id_postcode">Je postcode</label>' in html
    assert 'autocomplete="postal-code"' in html
    assert "Dit is geen postcode" not in html
