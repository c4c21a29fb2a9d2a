"""Alliance staff create a participation process under their own focus area in the Wagtail
admin, and only there."""

import pytest

from participatie.models import ParticipatieprocesPage

pytestmark = pytest.mark.django_db


def add_url(parent) -> str:
    return f"/admin/pages/add/participatie/participatieprocespage/{parent.pk}/"


def test_staff_create_a_process_under_their_own_area_only(client, gebied, ander_gebied, team):
    client.force_login(team)

    assert client.get(add_url(gebied)).status_code == 200
    assert client.get(add_url(ander_gebied)).status_code in (302, 403)


def test_a_process_made_in_the_admin_shows_its_stand(client, gebied, team):
    client.force_login(team)
    data = {
        "title": "Nieuw plein",
        "slug": "nieuw-plein",
        "samenvatting": "Het plein wordt vernieuwd.",
        "plan-count": "0",
        "fasen-TOTAL_FORMS": "1",
        "fasen-INITIAL_FORMS": "0",
        "fasen-MIN_NUM_FORMS": "1",
        "fasen-MAX_NUM_FORMS": "1000",
        "fasen-0-soort": "inbreng",
        "fasen-0-begin": "2020-01-01",
        "fasen-0-eind": "2099-03-12",
        "fasen-0-ORDER": "1",
        "vragen-TOTAL_FORMS": "0",
        "vragen-INITIAL_FORMS": "0",
        "vragen-MIN_NUM_FORMS": "0",
        "vragen-MAX_NUM_FORMS": "1000",
        "inbreng_aan": "on",
        "moderatie": "achteraf",
        "contact_naam": "Programmabureau Poelenburg",
        "bewaartermijn_maanden": "24",
        "action-publish": "action-publish",
    }

    response = client.post(add_url(gebied), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    proces = ParticipatieprocesPage.objects.get(slug="nieuw-plein")
    assert proces.live
    page = client.get(gebied.url).content.decode()
    assert "Nieuw plein" in page and "Inbreng mogelijk tot 12 maart 2099" in page


def test_the_admin_menu_links_to_the_moderation_queue(client, team):
    client.force_login(team)

    assert "/participatie/beheer/moderatie/" in client.get("/admin/").content.decode()
