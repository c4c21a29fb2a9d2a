"""Search as a professional uses it: Dutch words in any form find the right item, facets and
pages narrow it down, and nothing private is ever found. The contract suite: every test runs
against the embedded backend and, when a server is configured, against Elasticsearch."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from gebieden.models import Actielijn
from search.models import Synoniem
from search.services import herbouwen
from tests.factories import (
    FocusgebiedPageFactory,
    LeerkringPageFactory,
    PraktijkvoorbeeldPageFactory,
    PublicatiePageFactory,
    ThemaFactory,
    VraagFactory,
    VraagPageFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("zoekmachine")]


@pytest.fixture
def corpus(home):
    jeugd, wonen = ThemaFactory(label="Jeugd", slug="jeugd"), ThemaFactory(label="Wonen")
    zuid = FocusgebiedPageFactory(title="Rotterdam-Zuid", slug="rotterdam-zuid")
    actielijn = Actielijn.objects.create(nummer=3, titel="Perspectief voor jongeren")
    items = {
        "jeugd": PraktijkvoorbeeldPageFactory(
            title="Preventie van jeugdcriminaliteit op Zuid",
            samenvatting="Sportclubs en scholen werken samen.",
            themas=[jeugd],
            focusgebied=zuid,
            actielijnen=[actielijn],
        ),
        "woning": PraktijkvoorbeeldPageFactory(
            title="Portiekflats verduurzaamd met bewoners",
            samenvatting="De woningcorporatie en de coöperatie van huurders pakten 200 "
            "woningen aan.",
            themas=[wonen],
        ),
        "schuld": PraktijkvoorbeeldPageFactory(
            title="Schuldhulpverlening aan de keukentafel",
            samenvatting="Buurtbewoners met geldzorgen krijgen thuis hulp.",
            themas=[wonen],
        ),
        "vve": PublicatiePageFactory(
            title="Handreiking onderhoud",
            samenvatting="Hoe een vereniging van eigenaren groot onderhoud plant.",
            themas=[wonen],
        ),
    }
    herbouwen()
    return items


def titles(client, **params) -> list[str]:
    data = client.get("/api/zoeken/", params).json()
    return [result["title"] for result in data["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("JEUGDCRIMINALITEIT", "Preventie van jeugdcriminaliteit op Zuid"),  # case
        ("cooperatie huurders", "Portiekflats verduurzaamd met bewoners"),  # diacritics
        ("woning verduurzamen", "Portiekflats verduurzaamd met bewoners"),  # stemming
        ("criminaliteit jongeren", "Preventie van jeugdcriminaliteit op Zuid"),  # compound
        ("corporatie", "Portiekflats verduurzaamd met bewoners"),  # woningcorporatie
        ("woningcorporaties", "Portiekflats verduurzaamd met bewoners"),  # -ies plural
        ("bewoners schulden", "Schuldhulpverlening aan de keukentafel"),
        ("VvE", "Handreiking onderhoud"),  # abbreviation
        ("jeugdcriminalitiet", "Preventie van jeugdcriminaliteit op Zuid"),  # one typo
        ("aanpak van de preventie", "Preventie van jeugdcriminaliteit op Zuid"),  # stop words
        ("Rotterdam-Zuid", "Rotterdam-Zuid"),  # the area itself
        ("jeugd Rotterdam-Zuid", "Preventie van jeugdcriminaliteit op Zuid"),  # area name
    ],
)
def test_dutch_queries_find_the_right_item_first(client, corpus, query, expected):
    found = titles(client, q=query)
    assert found and found[0] == expected, found


def test_editors_extend_the_synonyms_in_the_admin(client, corpus):
    assert titles(client, q="hoogbouw") == []
    Synoniem.objects.create(termen="hoogbouw, portiekflats")
    assert titles(client, q="hoogbouw") == ["Portiekflats verduurzaamd met bewoners"]


def test_a_changed_synonym_group_applies_to_items_indexed_before(client, corpus):
    groep = Synoniem.objects.create(termen="hoogbouw, portiekflats")
    groep.termen = "hoogbouw, torenflats"
    groep.save()
    assert titles(client, q="hoogbouw") == []
    groep.delete()
    Synoniem.objects.create(termen="galerijflats, portiekflats")
    assert titles(client, q="galerijflats") == ["Portiekflats verduurzaamd met bewoners"]


def test_a_group_without_two_members_the_search_can_use_is_not_used(client, corpus):
    """Elasticsearch rejects a whole synonyms set for one empty rule (a review found it)."""
    from search import services

    Synoniem.objects.create(termen="zonder werk, niet-gebruik")
    Synoniem.objects.create(termen="hoogbouw, zonder werk")

    assert all(len(groep) >= 2 for groep in services.synoniemen())
    assert ["hoogbouw"] not in services.synoniemen()


def test_a_rebuild_writes_the_groups_of_the_database_not_a_cached_list(corpus):
    """After an upgrade that reads the groups otherwise (search.analysis.leden), a rebuild
    must not write a list cached before it: "zonder werk" then gave every text with werk the
    group of werkloosheid."""
    from django.core.cache import cache

    from search import services
    from search.analysis import stem

    Synoniem.objects.create(termen="werkloosheid, zonder werk")
    cache.set(services.SYNONIEMEN_CACHE, [["werkloosheid", "zonder werk"]], 300)

    herbouwen()

    index = services.embedded()
    assert stem("werk") not in index._kaart(index._db())


def test_a_synonym_change_for_many_items_is_queued_for_cron(
    client, corpus, monkeypatch, django_capture_on_commit_callbacks
):
    from search import services
    from search.models import Indexachterstand

    # More documents than the editor's request indexes at once (here: more than none).
    monkeypatch.setattr(services, "SYNONIEMEN_DIRECT", 0)
    Synoniem.objects.create(termen="stapelbouw, portiekflats")
    assert list(Indexachterstand.objects.values_list("reden", flat=True)) == ["synoniemen"]
    assert client.get("/health/").json()["zoeken"]["ingebouwd"]["achterstand"] == 1
    # Meanwhile the item is found by its own word, not yet by the new synonym.
    assert titles(client, q="portiekflats") == ["Portiekflats verduurzaamd met bewoners"]
    assert titles(client, q="stapelbouw") == []

    # A visitor's write retries failed writes only; this queue is cron's.
    with django_capture_on_commit_callbacks(execute=True):
        PraktijkvoorbeeldPageFactory(title="Speeltuin").save_revision().publish()
    assert Indexachterstand.objects.count() == 1

    # While an earlier cron run still works, the next one leaves the queue to it.
    uitvoer = StringIO()
    with services.alleen_deze_run():
        call_command("search_index", "--achterstand", stdout=uitvoer)
    assert "nog bezig" in uitvoer.getvalue()
    assert Indexachterstand.objects.count() == 1

    call_command("search_index", "--achterstand", verbosity=0)
    assert not Indexachterstand.objects.exists()
    assert titles(client, q="stapelbouw") == ["Portiekflats verduurzaamd met bewoners"]


def test_a_synonym_ranks_below_the_word_searched_for_however_rare_it_is(client, home):
    """Synonyms score as one word, and the word as typed on top: an item with the rare member
    (tieners) does not beat an equal, older item with the common one the user typed (jeugd),
    on neither the rare word's idf nor its date, and is still found."""
    Synoniem.objects.create(termen="jeugd, tieners")
    for nummer in range(6):
        PraktijkvoorbeeldPageFactory(
            title=f"Wijkproject {nummer}", samenvatting="Met aandacht voor de jeugd."
        )
    PraktijkvoorbeeldPageFactory(
        title="Jeugd op het plein",
        samenvatting="Een plek om te zijn.",
        publicatiedatum=datetime.date(2024, 1, 1),
    )
    PraktijkvoorbeeldPageFactory(
        title="Tieners op het plein",
        samenvatting="Een plek om te zijn.",
        publicatiedatum=datetime.date(2025, 1, 1),
    )
    herbouwen()
    found = titles(client, q="jeugd")
    assert found[0] == "Jeugd op het plein"
    assert "Tieners op het plein" in found


def test_a_compound_in_a_group_with_its_own_part_ranks_the_compound_first(client, home):
    """schuldhulpverlening shares a group with schulden, its own part: an item about
    schuldhulpverlening comes before newer ones about schulden alone, which are still found."""
    Synoniem.objects.create(termen="schulden, schuldhulpverlening")
    PraktijkvoorbeeldPageFactory(
        title="Schuldhulpverlening in de wijk",
        samenvatting="Een loket voor bewoners.",
        publicatiedatum=datetime.date(2024, 1, 1),
    )
    for titel in ("Schulden bij jongeren", "Schulden en schaamte"):
        PraktijkvoorbeeldPageFactory(title=titel, samenvatting="Schulden, schulden, schulden.")
    herbouwen()
    found = titles(client, q="schuldhulpverlening")
    assert found[0] == "Schuldhulpverlening in de wijk"
    assert set(found[1:]) == {"Schulden bij jongeren", "Schulden en schaamte"}


def test_a_compound_in_a_synonym_group_also_finds_its_parts_after_the_whole(
    client, home, zoekmachine
):
    """A synonym member that is a compound finds its parts anywhere, as any other compound
    (jongeren die hangen, for hangjongere), and its group's other members; an item with the
    word itself comes first, as it matches both."""
    Synoniem.objects.create(termen="jeugdoverlast, hangjeugd")
    PraktijkvoorbeeldPageFactory(title="Overlast door jeugd op het plein", samenvatting="Samen.")
    PraktijkvoorbeeldPageFactory(title="Een plein voor de jeugd", samenvatting="Zonder last.")
    herbouwen()
    assert titles(client, q="jeugdoverlast") == ["Overlast door jeugd op het plein"]
    PraktijkvoorbeeldPageFactory(title="Plein opgeknapt", samenvatting="Nieuwe bankjes.")
    PraktijkvoorbeeldPageFactory(title="Hangjeugd aangesproken", samenvatting="Met straatcoaches.")
    herbouwen()
    # Beside another word, which alone must not do.
    assert titles(client, q="jeugdoverlast plein")[0] == "Overlast door jeugd op het plein"
    PraktijkvoorbeeldPageFactory(title="Jeugdoverlast aangepakt", samenvatting="In de wijk.")
    herbouwen()
    found = titles(client, q="jeugdoverlast")
    assert found[0] == "Jeugdoverlast aangepakt"
    assert {"Hangjeugd aangesproken", "Overlast door jeugd op het plein"} <= set(found[1:])
    if zoekmachine == "ingebouwd":
        # Elasticsearch's decompounder puts the parts at the word's position, so there one
        # part is enough and "Een plein voor de jeugd" comes after them.
        assert len(found) == 3


def test_a_compound_whose_parts_nothing_has_is_searched_whole(client, home, zoekmachine):
    """The lexicon reads factsheet as facts + heet and factsheets as fact + sheets: no item
    has those parts, so the word is searched whole, as its stem, which both forms share."""
    PublicatiePageFactory(title="Factsheet: eenzaamheid in de wijk", samenvatting="Cijfers.")
    PraktijkvoorbeeldPageFactory(title="Hoe heet de nieuwe regeling?", samenvatting="Huur.")
    herbouwen()
    assert titles(client, q="factsheets") == ["Factsheet: eenzaamheid in de wijk"]
    if zoekmachine == "ingebouwd":
        # A word of the index is not taken apart for the related items where a filter
        # leaves it out (Elasticsearch's decompounder reads words in its own way).
        gefilterd = {"q": "factsheet", "type": "praktijkvoorbeeld"}
        assert client.get("/api/zoeken/", gefilterd).json()["verwant"] == []


def test_the_words_of_a_multi_word_synonym_also_match_apart(client, home):
    """ "spelen op het plein" is a member of a group with speelpleinwerk: it finds that, and
    still finds spelen and plein apart, as the same words do outside a group."""
    Synoniem.objects.create(termen="speelpleinwerk, spelen op het plein")
    PraktijkvoorbeeldPageFactory(title="Speelpleinwerk in de zomer", samenvatting="Samen.")
    PraktijkvoorbeeldPageFactory(title="Een nieuw plein", samenvatting="Kinderen kunnen er spelen.")
    PraktijkvoorbeeldPageFactory(title="Een plein zonder bankjes", samenvatting="Leeg.")
    herbouwen()
    assert set(titles(client, q="spelen op het plein")) == {
        "Speelpleinwerk in de zomer",
        "Een nieuw plein",
    }


def test_a_multi_word_synonym_is_found_in_another_form_of_its_words(client, home):
    """ "sociale wijkteam" is the member "sociaal wijkteam" (an outside probe found 11 items
    for one and 54 for the other)."""
    Synoniem.objects.create(termen="buurtteam, sociaal wijkteam")
    PraktijkvoorbeeldPageFactory(title="Het buurtteam aan huis", samenvatting="Gezinnen.")
    herbouwen()
    for vorm in ("sociaal wijkteam", "sociale wijkteam", "sociale wijkteams"):
        assert titles(client, q=vorm) == ["Het buurtteam aan huis"], vorm


def test_a_one_word_synonym_is_found_in_another_form_of_the_word(client, home):
    """The group of "leerling" is the group of "leerlingen" too, as that of "sociaal wijkteam"
    is that of "sociale wijkteams" (a review found hangjongere with its group and
    hangjongeren without)."""
    Synoniem.objects.get_or_create(termen="leerling, scholier")
    PraktijkvoorbeeldPageFactory(title="Scholieren maken de wijk schoon", samenvatting="Samen.")
    herbouwen()
    for vorm in ("leerling", "leerlingen", "Leerlingen"):
        assert titles(client, q=vorm) == ["Scholieren maken de wijk schoon"], vorm


def test_phrases_in_quotes_must_match_in_order(client, corpus):
    assert titles(client, q='"vereniging van eigenaren"') == ["Handreiking onderhoud"]
    assert titles(client, q='"eigenaren vereniging"') == []


def test_a_phrase_in_quotes_is_found_across_compounds_and_synonyms(client, home):
    """The index holds a compound's parts after it and a synonym group's term after each
    member, between the words of the text; a quoted phrase is found all the same (an outside
    probe found "jongeren en politie" and "jongerenwerk op straat" with no results)."""
    Synoniem.objects.create(termen="jongeren, jeugd")
    PraktijkvoorbeeldPageFactory(title="Jongeren en politie in gesprek", samenvatting="Samen.")
    PraktijkvoorbeeldPageFactory(title="Jongerenwerk op straat", samenvatting="Avonden.")
    PraktijkvoorbeeldPageFactory(title="Politie en jongeren", samenvatting="Andersom.")
    herbouwen()
    assert titles(client, q='"jongeren en politie"') == ["Jongeren en politie in gesprek"]
    assert titles(client, q='"jongerenwerk op straat"') == ["Jongerenwerk op straat"]


def test_a_word_too_long_to_be_indexed_is_left_out_of_the_query(client, corpus):
    # A pasted hash: no document has a word that long (search.analysis.MAX_WOORD), and the
    # rest of the query still searches.
    lang = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert client.get("/zoeken/", {"q": lang}).status_code == 200
    assert titles(client, q=lang) == []
    assert titles(client, q=f"jeugdcriminaliteit {lang}") == [
        "Preventie van jeugdcriminaliteit op Zuid"
    ]


def test_title_weighs_more_than_body_and_newer_wins_ties(client, home):
    old = datetime.date(2024, 1, 1)
    PraktijkvoorbeeldPageFactory(
        title="Buurtgesprekken", samenvatting="Over de speeltuin", publicatiedatum=old
    )
    PraktijkvoorbeeldPageFactory(
        title="Speeltuin vernieuwd", slug="nieuw", samenvatting="Met buurtgesprekken"
    )
    PraktijkvoorbeeldPageFactory(title="Speeltuin vernieuwd", slug="oud", publicatiedatum=old)
    herbouwen()
    data = client.get("/api/zoeken/", {"q": "speeltuin"}).json()["results"]
    assert [r["title"] for r in data] == ["Speeltuin vernieuwd"] * 2 + ["Buurtgesprekken"]
    assert data[0]["url"].endswith("/nieuw/") and data[1]["url"].endswith("/oud/")


def test_api_contract_with_facets_that_follow_the_query(client, corpus):
    data = client.get("/api/zoeken/", {"q": "bewoners"}).json()
    assert set(data) == {"count", "next", "previous", "results", "facets", "verwant", "suggestie"}
    assert set(data["facets"]) == {"thema", "gebied", "type", "actielijn"}
    assert data["count"] == sum(f["count"] for f in data["facets"]["type"])
    assert set(data["results"][0]) == {"title", "url", "type", "snippet"}
    assert {"value": "praktijkvoorbeeld", "label": "Praktijkvoorbeeld", "count": 2} in data[
        "facets"
    ]["type"]
    wonen = next(f for f in data["facets"]["thema"] if f["label"] == "Wonen")
    assert wonen["count"] == 2

    narrowed = client.get("/api/zoeken/", {"q": "onderhoud", "type": "publicatie"}).json()
    assert narrowed["count"] == 1 and narrowed["results"][0]["type"] == "publicatie"
    both = client.get(
        "/api/zoeken/", {"q": "jeugdcriminaliteit", "thema": "jeugd", "gebied": "rotterdam-zuid"}
    ).json()
    assert both["count"] == 1
    assert both["facets"]["actielijn"][0]["value"] == "3"
    assert client.get("/api/zoeken/", {"q": "bewoners", "thema": "jeugd"}).json()["count"] == 0


def test_a_query_that_finds_little_shows_related_items_apart_from_its_results(client, home):
    gevonden = PraktijkvoorbeeldPageFactory(
        title="Poolse werknemers wonen te krap in Oost",
        samenvatting="Arbeidsmigranten in overvolle huizen: de gemeente controleert samen met"
        " de woningcorporatie.",
    )
    lijkt_erop = PraktijkvoorbeeldPageFactory(
        title="Huisvesting van arbeidsmigranten in overvolle huizen",
        samenvatting="Controles en afspraken met uitzendbureaus.",
    )
    publicatie = PublicatiePageFactory(
        title="Factsheet arbeidsmigranten",
        samenvatting="Cijfers over overvolle huizen en controles.",
    )
    # One of the words, as pseudo-relevance feedback keeps the query's own words.
    deels = PraktijkvoorbeeldPageFactory(
        title="Werknemers van de buurtwinkel", samenvatting="Een leerwerkplek."
    )
    PraktijkvoorbeeldPageFactory(title="Speeltuin in West", samenvatting="Nieuwe toestellen.")
    herbouwen()

    data = client.get("/api/zoeken/", {"q": "Poolse werknemers"}).json()

    # Not a result, and not counted: the related items are apart.
    assert data["count"] == 1
    assert [r["title"] for r in data["results"]] == [gevonden.title]
    verwant = [r["title"] for r in data["verwant"]]
    assert set(verwant) == {lijkt_erop.title, publicatie.title, deels.title}
    assert set(data["verwant"][0]) == {"title", "url", "type", "snippet"}
    assert data["verwant"][0]["url"].startswith("http")
    # They keep to the chosen filters, and fill the page up to per_pagina.
    gefilterd = client.get("/api/zoeken/", {"q": "Poolse werknemers", "type": "praktijkvoorbeeld"})
    assert {r["title"] for r in gefilterd.json()["verwant"]} == {lijkt_erop.title, deels.title}
    assert len(client.get("/api/zoeken/", {"q": "Poolse", "per_pagina": 2}).json()["verwant"]) == 1
    # Only beside a first page that holds every result.
    assert client.get("/api/zoeken/", {"q": "Poolse", "page": 2}).json()["verwant"] == []
    assert client.get("/api/zoeken/", {"q": "Poolse", "per_pagina": 1}).json()["verwant"] == []
    # Nothing found, and no item with any of the words: nothing related either.
    assert client.get("/api/zoeken/", {"q": "zwembad"}).json()["verwant"] == []

    pagina = client.get("/zoeken/", {"q": "Poolse werknemers"}).content.decode()
    assert "Misschien ook interessant" in pagina
    assert pagina.index(gevonden.title) < pagina.index("Misschien ook interessant")
    assert pagina.index("Misschien ook interessant") < pagina.index(lijkt_erop.title)


def test_a_compound_that_no_text_has_shows_the_items_with_one_of_its_parts(
    client, home, zoekmachine
):
    """No item says jeugdbende, nor bende, but one is about jeugd: the page shows it."""
    PraktijkvoorbeeldPageFactory(title="Jeugd in de wijk", samenvatting="Samen sporten.")
    PraktijkvoorbeeldPageFactory(title="Speeltuin in West", samenvatting="Nieuwe toestellen.")
    herbouwen()

    data = client.get("/api/zoeken/", {"q": "jeugdbende"}).json()

    assert [r["title"] for r in [*data["results"], *data["verwant"]]] == ["Jeugd in de wijk"]
    if zoekmachine == "ingebouwd":
        # Not as a result: it is not about a jeugdbende. Elasticsearch's decompounder puts
        # the parts at the word's position, so there any one part matches.
        assert data["count"] == 0
        pagina = client.get("/zoeken/", {"q": "jeugdbende"}).content.decode()
        assert "Niets gevonden" in pagina
        uitleg = pagina.index("Deze onderwerpen gaan over een deel van je zoekwoorden.")
        assert uitleg < pagina.index("Jeugd in de wijk")
    # A filter that the item does not meet leaves nothing.
    gefilterd = client.get("/api/zoeken/", {"q": "jeugdbende", "type": "publicatie"}).json()
    assert gefilterd["results"] == gefilterd["verwant"] == []


def test_api_pages_by_per_pagina_within_one_to_fifty_with_absolute_urls(client, home):
    for nummer in range(12):
        PraktijkvoorbeeldPageFactory(title=f"Speeltuin {nummer}", slug=f"speeltuin-{nummer}")
    herbouwen()

    def aantal(**params) -> int:
        return len(client.get("/api/zoeken/", {"q": "speeltuin", **params}).json()["results"])

    assert aantal() == 10
    assert aantal(per_pagina=3) == 3
    assert aantal(per_pagina=3, page=4) == 3 and aantal(per_pagina=5, page=3) == 2
    assert aantal(per_pagina=0) == 1 and aantal(per_pagina=500) == 12
    assert aantal(per_pagina="veel") == 10
    data = client.get("/api/zoeken/", {"q": "speeltuin", "per_pagina": 1}).json()
    assert data["count"] == 12
    assert data["results"][0]["url"].startswith("http://testserver/")


def test_snippets_mark_the_matched_words_and_escape_the_rest(client, home):
    PraktijkvoorbeeldPageFactory(
        title="Veilig", samenvatting="Jongeren <script>alert(1)</script> sporten samen."
    )
    herbouwen()
    snippet = client.get("/api/zoeken/", {"q": "sporten"}).json()["results"][0]["snippet"]
    assert "<mark>sporten</mark>" in snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet


def test_pages_of_results_keep_the_query_and_filters(client, home):
    thema = ThemaFactory(label="Jeugd", slug="jeugd")
    for n in range(13):
        PraktijkvoorbeeldPageFactory(title=f"Speeltuin {n}", themas=[thema])
    herbouwen()
    first = client.get("/zoeken/", {"q": "speeltuin", "thema": "jeugd"}).content.decode()
    assert "13 resultaten voor “speeltuin”" in first
    assert 'href="?q=speeltuin&amp;thema=jeugd&amp;page=2"' in first
    assert len(titles(client, q="speeltuin", page=2)) == 3
    assert len(titles(client, q="speeltuin", page="twee")) == 10
    # A page past the last says so and leads to the last, not "nothing found".
    voorbij = client.get("/zoeken/", {"q": "speeltuin", "thema": "jeugd", "page": 3})
    html = voorbij.content.decode()
    assert "13 resultaten" in html and "Niets gevonden" not in html
    assert "Deze pagina bestaat niet: de resultaten passen op 2 pagina's." in html
    assert 'href="?q=speeltuin&amp;thema=jeugd&amp;page=2">Naar de laatste pagina' in html


def test_no_results_says_so_and_offers_a_spelling_suggestion_and_themes(client, corpus):
    html = client.get("/zoeken/", {"q": "schuldhulpverlenign"}).content.decode()
    assert "Bedoelde je:" in html and "schuldhulpverlening" in html
    # Following it keeps the chosen filters.
    gefilterd = client.get("/zoeken/", {"q": "schuldhulpverlenign", "thema": "wonen"})
    assert 'href="?q=schuldhulpverlening&amp;thema=wonen">' in gefilterd.content.decode()
    # Clients of the API get it too.
    api = client.get("/api/zoeken/", {"q": "schuldhulpverlenign"}).json()
    assert api["suggestie"] == "schuldhulpverlening"
    assert client.get("/api/zoeken/", {"q": "schuldhulpverlening"}).json()["suggestie"] == ""
    nothing = client.get("/zoeken/", {"q": "xyzzy"}).content.decode()
    assert "0 resultaten" in nothing and "Niets gevonden" in nothing
    assert ">Jeugd</a>" in nothing


def test_items_with_the_words_together_come_first_on_every_page(client, home):
    for n in range(12):
        PraktijkvoorbeeldPageFactory(
            title=f"Buren {n}",
            samenvatting="Het feest in de zomer was gezellig, maar daarna kwam er toch ruzie.",
        )
    samen = {f"Bemiddeling in blok {n}" for n in range(3)}
    for title in samen:
        PraktijkvoorbeeldPageFactory(title=title, samenvatting="Een burenruzie werd opgelost.")
    herbouwen()

    eerste = titles(client, q="buren ruzie", per_pagina=5)
    tweede = titles(client, q="buren ruzie", per_pagina=5, page=2)
    derde = titles(client, q="buren ruzie", per_pagina=5, page=3)

    assert set(eerste[:3]) == samen
    assert len(set(eerste + tweede + derde)) == 15


def test_a_query_that_finds_little_is_offered_the_word_most_items_use(client, home):
    PraktijkvoorbeeldPageFactory(title="Hulp bij verslavnig", samenvatting="Een inloop.")
    for wijk in ("Noord", "Zuid", "Oost", "West", "Centrum", "Haven"):
        PraktijkvoorbeeldPageFactory(title=f"Verslaving in {wijk}", samenvatting="Hulp.")
    herbouwen()

    html = client.get("/zoeken/", {"q": "verslavnig"}).content.decode()

    assert "Hulp bij verslavnig" in html
    assert 'Bedoelde je: <a class="nl-link" href="?q=verslaving">' in html
    assert "Bedoelde je:" not in client.get("/zoeken/", {"q": "verslaving"}).content.decode()


def test_the_name_of_a_place_with_a_focus_area_is_no_typo(client, home):
    """ "overlast Groningen" finds little, and many items say woningen, two letters off:
    a place with a focus area is not "corrected" to it."""
    groningen = FocusgebiedPageFactory(title="Groningen Noord")
    PraktijkvoorbeeldPageFactory(title="Overlast aangepakt", focusgebied=groningen)
    for nummer in range(12):
        PraktijkvoorbeeldPageFactory(title=f"Woningen {nummer}", samenvatting="Verbouwd.")
    herbouwen()

    data = client.get("/api/zoeken/", {"q": "overlast Groningen"}).json()
    assert [result["title"] for result in data["results"]] == ["Overlast aangepakt"]
    assert data["suggestie"] == ""


@pytest.mark.parametrize(
    ("groep", "titels", "query", "verwacht"),
    [
        # jeugdwerk is in no item, its synonym jongerenwerk is: not the jeugdwet, two
        # letters off.
        (
            "jeugdwerk, jongerenwerk",
            ["Jongerenwerk op straat", "Wat de jeugdwet vraagt"],
            "jeugdwerk",
            "Jongerenwerk op straat",
        ),
        # buurtpreventie is in no item, nor its synonym: its parts, not the buurtpresentie
        # one letter off.
        (
            "buurtpreventie, buurtwacht",
            ["Preventie in de buurt", "Buurtpresentie in Overvecht"],
            "buurtpreventie",
            "Preventie in de buurt",
        ),
    ],
)
def test_a_word_in_the_synonyms_is_no_typo(
    client, home, zoekmachine, groep, titels, query, verwacht
):
    """A word in the editors' synonyms is a word: it is not "corrected" to another one."""
    Synoniem.objects.create(termen=groep)
    for titel in titels:
        PraktijkvoorbeeldPageFactory(title=titel, samenvatting="Samen.")
    herbouwen()

    data = client.get("/api/zoeken/", {"q": query}).json()
    found = [result["title"] for result in data["results"]]
    assert verwacht in found
    if zoekmachine == "ingebouwd":
        # Elasticsearch's fuzziness AUTO matches words two letters off whatever else matches.
        assert found == [verwacht]
        assert data["suggestie"] == ""


def test_a_place_name_is_one_word_that_the_topic_must_come_with(client, home):
    """Lelystad is no compound of lely and stad: "eenzaamheid Lelystad" needs both words, not
    two of eenzaamheid, lely and stad."""
    lelystad = FocusgebiedPageFactory(title="Lelystad Oost")
    PraktijkvoorbeeldPageFactory(title="Telefooncirkel tegen eenzaamheid", focusgebied=lelystad)
    PraktijkvoorbeeldPageFactory(title="Energiecoaches voor huurders", focusgebied=lelystad)
    PraktijkvoorbeeldPageFactory(title="Eenzaamheid in de stad", samenvatting="Elders.")
    herbouwen()

    assert titles(client, q="eenzaamheid Lelystad") == ["Telefooncirkel tegen eenzaamheid"]


def test_a_postcode_finds_its_area(client, home):
    FocusgebiedPageFactory(title="Zaandam-Oost", postcodes="1503, 1504")
    FocusgebiedPageFactory(title="Overvecht", postcodes="3562, 3563")
    herbouwen()

    for query in ("1503", "1503 AB", "1504ab"):
        assert titles(client, q=query) == ["Zaandam-Oost"], query


def test_suggestions_complete_titles(client, corpus):
    data = client.get("/api/zoeken/suggesties/", {"q": "schuldh"}).json()
    assert data == [
        {
            "title": "Schuldhulpverlening aan de keukentafel",
            "url": "http://testserver" + corpus["schuld"].url,
            "type": "praktijkvoorbeeld",
            "type_label": "Praktijkvoorbeeld",
        }
    ]
    assert client.get("/api/zoeken/suggesties/").json() == []


def test_a_word_being_typed_completes_titles_also_where_it_is_a_stop_word_itself(client, home):
    """ "over" is a stop word, and the start of Overvecht (an outside probe found no
    suggestions for it)."""
    PraktijkvoorbeeldPageFactory(title="Overvecht in beweging", samenvatting="Samen.")
    herbouwen()
    for prefix in ("over", "Overv", "in over"):
        data = client.get("/api/zoeken/suggesties/", {"q": prefix}).json()
        assert [s["title"] for s in data] == ["Overvecht in beweging"], prefix


def test_index_follows_publish_unpublish_delete_and_move(
    client, corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = PraktijkvoorbeeldPageFactory(title="Buurtmoestuin")
        new.save_revision().publish()
    assert titles(client, q="buurtmoestuin") == ["Buurtmoestuin"]

    with django_capture_on_commit_callbacks(execute=True):
        new.title = "Buurtmoestuin in de wijk"
        new.save_revision().publish()
    assert titles(client, q="buurtmoestuin") == ["Buurtmoestuin in de wijk"]

    with django_capture_on_commit_callbacks(execute=True):
        new.unpublish()
    assert titles(client, q="buurtmoestuin") == []

    with django_capture_on_commit_callbacks(execute=True):
        corpus["schuld"].delete()
    assert titles(client, q="keukentafel") == []


def test_nothing_private_is_ever_found(client, home, django_capture_on_commit_callbacks):
    draft = PraktijkvoorbeeldPageFactory(title="Geheim concept", live=False)
    restricted = PraktijkvoorbeeldPageFactory(title="Alleen voor ingelogden")
    restricted.view_restrictions.create(restriction_type="login")
    LeerkringPageFactory(title="Leerkring wonen", ledeninformatie="<p>Vergaderlink zoom</p>")
    VraagFactory(vraag="Privévraag over Overvecht", toelichting="Mijn buurman Jan")
    VraagPageFactory(title="Openbare vraag")
    herbouwen()

    for query in ("concept", "ingelogden", "vergaderlink", "privevraag", "buurman"):
        assert titles(client, q=query) == [], query
    assert titles(client, q="leerkring wonen") == ["Leerkring wonen"]
    assert titles(client, q="openbare vraag") == ["Openbare vraag"]
    assert draft.pk and not draft.live


def test_rebuild_command_reports_what_it_indexed(corpus, capsys):
    call_command("search_index", "--rebuild")
    # The four items and the focus area.
    assert "Zoekindex opgebouwd: 5 documenten" in capsys.readouterr().out


def test_facet_counts_follow_index_changes(client, corpus, django_capture_on_commit_callbacks):
    def wonen_count() -> int:
        facets = client.get("/api/zoeken/", {"q": "bewoners"}).json()["facets"]["thema"]
        return next(f["count"] for f in facets if f["label"] == "Wonen")

    before = wonen_count()
    with django_capture_on_commit_callbacks(execute=True):
        PraktijkvoorbeeldPageFactory(
            title="Bewoners kiezen nieuwe bomen", themas=[corpus["woning"].themas.first()]
        ).save_revision().publish()
    assert wonen_count() == before + 1


def test_similar_examples_come_from_the_search_backend(client, home):
    thema = ThemaFactory(label="Veiligheid")
    voorbeeld = PraktijkvoorbeeldPageFactory(
        title="Straatcoaches bij het winkelcentrum",
        samenvatting="Straatcoaches spreken jongeren aan.",
    )
    alike = PraktijkvoorbeeldPageFactory(
        title="Straatcoaches in de avond", samenvatting="Vaste straatcoaches in de buurt."
    )
    PraktijkvoorbeeldPageFactory(title="Zelfde thema, ander onderwerp", themas=[thema])
    herbouwen()

    related = client.get(voorbeeld.url).context["vergelijkbaar"]

    assert related[0] == alike


def test_a_failed_index_write_is_retried_and_never_lost(
    client, corpus, monkeypatch, django_capture_on_commit_callbacks
):
    import sqlite3

    from search.backends.embedded import EmbeddedBackend
    from search.models import Indexachterstand

    real_index = EmbeddedBackend.index

    def busy(self, documents):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(EmbeddedBackend, "index", busy)
    with django_capture_on_commit_callbacks(execute=True):
        PraktijkvoorbeeldPageFactory(title="Buurtmoestuin").save_revision().publish()
    assert titles(client, q="buurtmoestuin") == []
    assert Indexachterstand.objects.count() == 1

    monkeypatch.setattr(EmbeddedBackend, "index", real_index)
    with django_capture_on_commit_callbacks(execute=True):
        PraktijkvoorbeeldPageFactory(title="Speeltuin").save_revision().publish()
    assert titles(client, q="buurtmoestuin") == ["Buurtmoestuin"]
    assert not Indexachterstand.objects.exists()
