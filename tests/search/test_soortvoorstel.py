"""A word for a type of item in the query ("experts eenzaamheid"): the search page offers to
show only that type for the rest of the words, as the type filter would with the word left
out. The words themselves are matched as text, so without the offer the experts, whose pages
need not say "expert", come only where the rest of the words put them, among every type."""

import html
import re

import pytest

from search.backends.base import Vraag
from search.backends.embedded import EmbeddedBackend
from search.registry import soorten
from search.selectors import Soortvoorstel, soortvoorstel
from search.services import herbouwen, soortaanbod
from tests.factories import ExpertPageFactory, PublicatiePageFactory, ThemaFactory


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("experts eenzaamheid", Soortvoorstel("expert", "experts", "eenzaamheid")),
        ("Publicaties over armoede", Soortvoorstel("publicatie", "publicaties", "over armoede")),
        (
            "armoede  Evenementen  jongeren",
            Soortvoorstel("evenement", "evenementen", "armoede jongeren"),
        ),
        ('"ervaren deskundigen" schulden', None),
        ("experts, eenzaamheid!", Soortvoorstel("expert", "experts", "eenzaamheid")),
        ("expert's “eenzaamheid”", Soortvoorstel("expert", "experts", "eenzaamheid")),
        ('eenzaamheid "experts', Soortvoorstel("expert", "experts", "eenzaamheid")),
        (
            "voorbeelden jongerenwerk",
            Soortvoorstel("praktijkvoorbeeld", "praktijkvoorbeelden", "jongerenwerk"),
        ),
        ("lokale agenda wonen", None),
        ("experts", Soortvoorstel("expert", "experts", "")),
        ("eenzaamheid ouderen", None),
    ],
)
def test_a_word_for_a_type_is_read_apart_from_the_rest(tekst, verwacht):
    assert soortvoorstel(Vraag(tekst)) == verwacht


def test_each_word_names_one_type():
    woorden = [woord for soort in soorten() for woord in soort.woorden]
    assert len(woorden) == len(set(woorden))


def test_no_offer_when_a_type_is_chosen():
    assert soortvoorstel(Vraag("experts eenzaamheid", filters={"type": ["publicatie"]})) is None


@pytest.mark.django_db
@pytest.mark.usefixtures("zoekmachine")
def test_the_page_offers_the_experts_and_the_offer_finds_them(client, home):
    zorg = ThemaFactory(label="Zorg")
    ExpertPageFactory(
        themas=[zorg],
        title="Anna de Vries",
        functie="Adviseur eenzaamheid onder ouderen",
        biografie="<p>Begeleidt gemeenten bij de aanpak van eenzaamheid.</p>",
    )
    PublicatiePageFactory(title="Eenzaamheid in cijfers", themas=[zorg])
    herbouwen()
    pagina = client.get("/zoeken/", {"q": "experts eenzaamheid", "thema": "zorg"}).content.decode()
    link = re.search(r'Zoek je experts\? <a class="nl-link" href="\?([^"]+)">([^<]+)</a>', pagina)
    assert link, pagina
    assert html.unescape(link.group(2)) == "Bekijk alleen experts over “eenzaamheid” (1 gevonden)"
    params = html.unescape(link.group(1))
    # The other filters stay chosen.
    assert "thema=zorg" in params and "type=expert" in params and "q=eenzaamheid" in params
    gevolgd = client.get(f"/zoeken/?{params}").content.decode()
    assert "Anna de Vries" in gevolgd and "Eenzaamheid in cijfers" not in gevolgd
    assert "Zoek je experts?" not in gevolgd


@pytest.mark.django_db
@pytest.mark.usefixtures("zoekmachine")
def test_no_offer_of_a_type_that_the_rest_does_not_find(client, home):
    PublicatiePageFactory(title="Eenzaamheid in cijfers")
    ExpertPageFactory(title="Bram Bakker", functie="Adviseur schulden")
    herbouwen()
    pagina = client.get("/zoeken/", {"q": "experts eenzaamheid"}).content.decode()
    assert "Eenzaamheid in cijfers" in pagina
    assert "Zoek je experts?" not in pagina


@pytest.mark.django_db
@pytest.mark.usefixtures("zoekmachine")
def test_a_type_word_alone_offers_every_item_of_the_type(client, home):
    ExpertPageFactory(title="Anna de Vries", functie="Adviseur eenzaamheid")
    ExpertPageFactory(title="Bram Bakker", functie="Adviseur schulden")
    herbouwen()
    pagina = client.get("/zoeken/", {"q": "experts"}).content.decode()
    link = re.search(r'Zoek je experts\? <a class="nl-link" href="\?([^"]+)">([^<]+)</a>', pagina)
    assert link, pagina
    assert html.unescape(link.group(2)) == "Bekijk alle experts (2)"
    gevolgd = client.get(f"/zoeken/?{html.unescape(link.group(1))}").content.decode()
    assert "Anna de Vries" in gevolgd and "Bram Bakker" in gevolgd


@pytest.mark.django_db
def test_the_count_behind_an_offer_looks_for_no_related_items(home, monkeypatch):
    """It is one more search for a number only: related items would be thrown away (here a
    compound that no item has, whose part "jongeren" one has)."""
    ExpertPageFactory(title="Anna de Vries", functie="Adviseur jongeren")
    herbouwen()
    gezocht = []
    monkeypatch.setattr(EmbeddedBackend, "_verwant", lambda self, *args: gezocht.append(args) or [])
    assert soortaanbod(Vraag("experts jongerenbende")) is None
    assert gezocht == []
