"""The footer, privacy statement and accessibility statement are the editors' to write
(Instellingen -> Teksten van de site); until they do, the site's own texts stand (issue 22,
point 3)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wijkwijzer.models import SiteTeksten

pytestmark = pytest.mark.django_db


def test_the_shipped_texts_stand_until_editors_write_their_own(client, home):
    html = client.get("/").content.decode()
    assert "WijkWijzer is het kennis- en participatieplatform" in html
    assert 'href="/toegankelijkheid/">Toegankelijkheid</a>' in html
    assert "WCAG 2.1 op niveau AA" in client.get("/toegankelijkheid/").content.decode()
    assert "Wat we bewaren" in client.get("/privacy/").content.decode()
    # Reading pages never writes the settings row.
    assert not SiteTeksten.objects.exists()


def test_saved_texts_show_at_once(client, home):
    client.get("/")  # the footer text is now cached
    SiteTeksten.objects.create(
        voettekst="Een site van het programmabureau.",
        privacyverklaring="<p>Onze eigen privacytekst.</p>",
        toegankelijkheidsverklaring="<p>Getoetst door een deskundige in 2026.</p>",
    )

    assert "Een site van het programmabureau." in client.get("/").content.decode()
    privacy = client.get("/privacy/").content.decode()
    assert "Onze eigen privacytekst." in privacy and "Wat we bewaren" not in privacy
    toegankelijkheid = client.get("/toegankelijkheid/").content.decode()
    assert "Getoetst door een deskundige in 2026." in toegankelijkheid
    assert "WCAG 2.1 op niveau AA" not in toegankelijkheid


def test_the_footer_text_costs_no_query_once_cached(client, home):
    SiteTeksten.objects.create(voettekst="Een site van het programmabureau.")
    client.get("/privacy/")

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/privacy/").content.decode()

    assert "Een site van het programmabureau." in html
    assert not [q for q in queries.captured_queries if "siteteksten" in q["sql"]]
