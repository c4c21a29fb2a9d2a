"""The error pages people can meet speak Dutch in the site's look, and pass the Nu HTML
Checker (the 403, 404 and 429 pages are also in the page-type harness with axe)."""

import pytest
from django.template.loader import render_to_string
from django.test import Client

from tests.factories import FocusgebiedPageFactory, ParticipatieprocesPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_form_sent_without_its_csrf_token_gets_the_dutch_page(home, nu_checker):
    UserFactory(email="piet@example.nl")
    browser = Client(enforce_csrf_checks=True)

    response = browser.post("/account/login/", {"login": "piet@example.nl", "password": "x"})

    html = response.content.decode()
    assert response.status_code == 403
    assert "Niet verstuurd" in html and "laad de pagina opnieuw" in html
    assert 'class="site-header"' in html and "CSRF" not in html
    assert nu_checker(html) == []


def test_a_request_for_a_foreign_host_gets_the_dutch_400_page(client, home, settings, nu_checker):
    settings.ALLOWED_HOSTS = ["wijkwijzer.example.nl"]

    response = client.get("/", HTTP_HOST="aanvaller.example")

    html = response.content.decode()
    assert response.status_code == 400
    assert "Dit verzoek klopt niet" in html and 'class="site-header"' in html
    assert nu_checker(html) == []


def test_the_500_page_needs_no_request_and_is_in_the_sites_look(nu_checker):
    html = render_to_string("500.html")
    assert "Er ging iets mis" in html and "css/site.css" in html
    assert nu_checker(html) == []


def test_a_forbidden_page_says_so_in_dutch(client, gebieden_index):
    gebied = FocusgebiedPageFactory(parent=gebieden_index)
    proces = ParticipatieprocesPageFactory(parent=gebied)
    client.force_login(UserFactory())

    response = client.get(f"/participatie/beheer/proces/{proces.pk}/verslag/")

    html = response.content.decode()
    assert response.status_code == 403
    assert "Geen toegang" in html and "niet voor jou beschikbaar" in html
    assert 'class="site-header"' in html
