"""Anonymous visitors get whole pages from the cache; any change to content shows at once;
logged-in people, forms and messages never come from it."""

import pytest
from django.http import HttpResponse
from django.test import Client

from tests.factories import (
    FocusgebiedPageFactory,
    InbrengFactory,
    ParticipatieprocesPageFactory,
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
    ReactieFactory,
    UserFactory,
)
from wijkwijzer.paginacache import PaginacacheMiddleware

pytestmark = pytest.mark.django_db
HEADER = "X-Paginacache"


@pytest.fixture(autouse=True)
def _aan(settings, monkeypatch):
    settings.PAGINA_CACHE_SECONDEN = 300
    # Counters go up when a write commits; a test's transaction never does, so at once.
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, *a, **k: func())


def test_the_second_anonymous_request_needs_one_query(client, home, django_assert_num_queries):
    PraktijkvoorbeeldIndexPageFactory()
    voorbeeld = PraktijkvoorbeeldPageFactory(title="Buurtvaders")

    eerste = client.get(voorbeeld.url)
    assert eerste[HEADER] == "miss"
    with django_assert_num_queries(1):  # the generation counters
        tweede = client.get(voorbeeld.url)

    assert tweede[HEADER] == "hit"
    assert tweede.content == eerste.content
    assert tweede["Content-Security-Policy"] == eerste["Content-Security-Policy"]
    assert "max-age" not in tweede.get("Cache-Control", "")  # browsers keep no stale copy


def test_publishing_and_unpublishing_show_at_once(client, home):
    PraktijkvoorbeeldIndexPageFactory()
    voorbeeld = PraktijkvoorbeeldPageFactory(title="Buurtvaders")
    lijst = "/kennisbank/praktijkvoorbeelden/"
    assert "Buurtvaders" in client.get(lijst).content.decode()

    voorbeeld.title = "Buurtmoeders"
    voorbeeld.save_revision().publish()
    response = client.get(lijst)
    assert response[HEADER] == "miss"
    assert "Buurtmoeders" in response.content.decode()

    voorbeeld.unpublish()
    assert "Buurtmoeders" not in client.get(lijst).content.decode()
    assert client.get(voorbeeld.url).status_code == 404


def test_a_new_contribution_shows_at_once(client, gebieden_index):
    proces = ParticipatieprocesPageFactory(parent=FocusgebiedPageFactory(parent=gebieden_index))
    client.get(proces.url)
    InbrengFactory(proces=proces, titel="Meer bankjes bij de vijver")
    assert "Meer bankjes bij de vijver" in client.get(proces.url).content.decode()


def test_logged_in_people_never_get_cached_pages(client, home):
    client.get("/")
    client.force_login(UserFactory(display_name="Fatima"))
    response = client.get("/")
    assert HEADER not in response
    assert "Mijn account" in response.content.decode()


def test_pages_with_a_form_token_are_not_kept(home):
    bezoeker = Client()
    response = bezoeker.get("/account/signup/")
    assert HEADER not in response  # account pages are never cached
    assert "csrftoken" in response.cookies
    response = bezoeker.get("/kennisbank/vraagbaak/vraag-stellen/")  # redirects to log in
    assert HEADER not in response

    assert Client().get("/zoeken/?q=jongeren")[HEADER] == "miss"
    # A visitor with a form token gets the same page from the cache: it holds no token.
    assert bezoeker.get("/zoeken/?q=jongeren")[HEADER] == "hit"


def test_a_form_page_for_anonymous_writers_is_never_kept(client, gebieden_index):
    proces = ParticipatieprocesPageFactory(parent=FocusgebiedPageFactory(parent=gebieden_index))
    url = proces.url + "inbreng-geven/"
    eerste, tweede = client.get(url), Client().get(url)
    assert eerste.status_code == 200 and "csrfmiddlewaretoken" in eerste.content.decode()
    assert HEADER not in eerste and HEADER not in tweede


def test_a_contribution_leaves_other_areas_and_the_kennisbank_cached(client, gebieden_index):
    PraktijkvoorbeeldIndexPageFactory()
    voorbeeld = PraktijkvoorbeeldPageFactory()
    hier, daar = (FocusgebiedPageFactory(parent=gebieden_index) for _ in range(2))
    proces = ParticipatieprocesPageFactory(parent=hier)
    urls = [voorbeeld.url, daar.url, hier.url, proces.url, "/zoeken/?q=bankjes"]
    bewoner = UserFactory()
    for url in urls:
        client.get(url)

    inbreng = InbrengFactory(proces=proces, auteur=bewoner, titel="Meer bankjes bij de vijver")
    assert [client.get(url)[HEADER] for url in urls] == ["hit", "hit", "miss", "miss", "miss"]

    ReactieFactory(inbreng=inbreng, auteur=bewoner, tekst="Eens, bij de speeltuin.")
    assert [client.get(url)[HEADER] for url in urls] == ["hit", "hit", "miss", "miss", "miss"]
    assert "Eens, bij de speeltuin." in client.get(inbreng.url).content.decode()


def test_htmx_and_whole_page_requests_for_one_address_each_get_their_own_page(client, home):
    # Ticking a filter asks htmx for the results alone, at an address a reload then asks as
    # a whole page: neither may be served as the other.
    url = "/zoeken/?q=jongeren"
    fragment = client.get(url, headers={"HX-Request": "true"})
    pagina = client.get(url)
    assert fragment[HEADER] == pagina[HEADER] == "miss"
    assert "<html" not in fragment.content.decode() and "<html" in pagina.content.decode()
    assert "HX-Request" in fragment["Vary"]
    assert client.get(url)[HEADER] == "hit"
    assert "<html" not in client.get(url, headers={"HX-Request": "true"}).content.decode()
    # Back to a page htmx's history cache no longer holds: it asks for the whole page.
    terug = client.get(url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in terug.content.decode()
    assert "HX-History-Restore-Request" in terug["Vary"]
    # Values htmx never sends make no copies of their own: the whole page, from the cache.
    anders = client.get(url, headers={"HX-Request": "1"})
    assert anders[HEADER] == "hit" and "<html" in anders.content.decode()


def test_a_page_that_varies_on_a_header_the_key_does_not_hold_is_not_kept(rf, home):
    def view(request):
        response = HttpResponse(
            "Bonjour" if "fr" in request.headers.get("Accept-Language", "") else "Hallo"
        )
        response["Vary"] = "Accept-Language"
        return response

    middleware = PaginacacheMiddleware(view)
    assert HEADER not in middleware(rf.get("/taal/", headers={"Accept-Language": "fr"}))
    assert middleware(rf.get("/taal/")).content == b"Hallo"
