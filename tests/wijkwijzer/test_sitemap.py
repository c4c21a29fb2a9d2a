"""DESIGN.md: `/sitemap.xml` lists every public page; `/robots.txt` points at it."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import FocusgebiedPageFactory, PraktijkvoorbeeldPageFactory

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_every_public_page_and_nothing_else(client, gebieden_index, settings):
    gebied = FocusgebiedPageFactory(parent=gebieden_index, slug="zaandam-oost")
    voorbeeld = PraktijkvoorbeeldPageFactory(slug="buurtbemiddeling")
    concept = PraktijkvoorbeeldPageFactory(slug="nog-een-concept", live=False)
    besloten = PraktijkvoorbeeldPageFactory(slug="alleen-voor-leden")
    PageViewRestriction.objects.create(page=besloten, restriction_type="login")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    xml = response.content.decode()
    # Absolute, at the site's public address (WAGTAILADMIN_BASE_URL), whatever host asked.
    adres = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for pagina in (gebieden_index, gebied, voorbeeld):
        assert f"<loc>{adres}{pagina.url}</loc>" in xml
    assert f"<loc>{adres}/</loc>" in xml
    assert concept.slug not in xml and besloten.slug not in xml


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_accounts(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://wijkwijzer.example.nl"
    response = client.get("/robots.txt")

    tekst = response.content.decode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "User-agent: *" in tekst
    assert "Sitemap: https://wijkwijzer.example.nl/sitemap.xml" in tekst
    for pad in ("/admin/", "/account/", "/participatie/beheer/"):
        assert f"Disallow: {pad}\n" in tekst
    assert "Disallow: /\n" not in tekst
