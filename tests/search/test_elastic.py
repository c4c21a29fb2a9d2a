"""The Elasticsearch backend without a server: the generated index settings, mapping and
queries, and the fallback to the embedded backend when Elasticsearch does not answer."""

import datetime
import logging
import re
from types import SimpleNamespace

import pytest

from search.analysis import MAX_WOORD, ONZICHTBAAR, PARTS, stem
from search.backends.base import NABIJ, Document, Vraag
from search.backends.elastic import (
    FIELDS,
    MINIMUM_SHOULD_MATCH,
    ElasticBackend,
    build_search,
    index_settings,
    mappings,
    to_source,
)
from search.services import herbouwen
from tests.factories import PraktijkvoorbeeldPageFactory


def _vervangen(filter_: dict, term: str) -> str:
    """What a pattern_replace filter makes of `term` (Elasticsearch's $1 is Python's \\1)."""
    return re.sub(filter_["pattern"], re.sub(r"\$(\d)", r"\\\1", filter_["replacement"]), term)


def test_the_dutch_analyzer_chain():
    analysis = index_settings()["analysis"]
    index_chain = analysis["analyzer"]["nl"]["filter"]
    search_chain = analysis["analyzer"]["nl_zoeken"]["filter"]
    eigen = [
        "nl_lengte",
        "nl_stop",
        "nl_samenstellingen",
        "nl_meervoud_0",
        "nl_meervoud_1",
        "nl_stamuitzonderingen",
        "nl_deelwoord",
        "nl_stemklank_0",
        "nl_stemklank_1",
        "nl_stam",
        "nl_ontdubbel",
        "nl_na_stam_0",
        "nl_na_stam_1",
    ]
    assert index_chain == ["lowercase", "asciifolding", *eigen]
    # Words begin and end where the embedded analysis's do: invisible characters are left
    # out, an apostrophe ends a word (auto's, 's avonds).
    for analyzer in ("nl", "nl_zoeken"):
        assert analysis["analyzer"][analyzer]["char_filter"] == ["nl_onzichtbaar", "nl_apostrof"]
    assert analysis["char_filter"]["nl_onzichtbaar"]["pattern"] == ONZICHTBAAR
    assert re.sub(analysis["char_filter"]["nl_apostrof"]["pattern"], " ", "auto\u2019s") == "auto s"
    # Synonyms only at search time, from a set editors can change without a reindex.
    assert search_chain == ["lowercase", "asciifolding", "nl_synoniemen", *eigen]
    filters = analysis["filter"]
    assert filters["nl_synoniemen"]["updateable"] is True
    # Words the embedded analysis leaves out are left out here too.
    assert filters["nl_lengte"] == {"type": "length", "max": MAX_WOORD}
    # The same lexicon of compound parts as the embedded analyser, with room for its longest,
    # less its compounds: Lucene emits only the longest known word at each place of a word,
    # so jeugdcriminaliteit in the list would keep "jeugd" from being emitted for it.
    woorddelen = filters["nl_woorddelen"]
    assert set(woorddelen["word_list"]) < set(PARTS)
    assert {"voedsel", "bank", "straat", "coach", "jeugd", "overheid"} <= set(
        woorddelen["word_list"]
    )
    assert {"jeugdcriminaliteit", "voedselbank"}.isdisjoint(woorddelen["word_list"])
    assert woorddelen["max_subword_size"] >= len("criminaliteit")
    # ... applied only to words the embedded analyser would split: not to a known word more
    # frequent than its parts, nor to a word that is no compound.
    samenstellingen = filters["nl_samenstellingen"]
    assert samenstellingen["filter"] == ["nl_woorddelen"]
    heel = samenstellingen["script"]["params"]["heel"]
    assert {"vertrouwen", "gesprekken", "jongeren", "veiligheid"} <= heel.keys()
    assert {"lelystad", "overvecht"} <= heel.keys()  # places, not compounds
    assert {"jeugdcriminaliteit", "voedselbank"}.isdisjoint(heel)
    # Whole in the embedded analysis, so whole here; fietspaden is split there, so here too
    # (into other parts: see docs/search.md).
    assert {"fietspad", "maandagen", "minderjarigen"} <= heel.keys()
    assert "fietspaden" not in heel
    assert filters["nl_stam"] == {"type": "stemmer", "language": "dutch"}
    # The embedded analyser's own rules, from the same data: the stemming exceptions and the
    # past-participle rule (verduurzaamd -> verduurzaam).
    assert "ouderen => oudere" in filters["nl_stamuitzonderingen"]["rules"]
    assert "tuintje => tuin" in filters["nl_stamuitzonderingen"]["rules"]
    assert "maatje" not in str(filters["nl_stamuitzonderingen"]["rules"])
    # Plural endings the stemmer leaves, taken off first: a diminutive's, and -ën.
    for naam, meervoud, enkelvoud in [
        ("nl_meervoud_0", "tuintjes", "tuintje"),
        ("nl_meervoud_1", "categorieen", "categorie"),
    ]:
        assert _vervangen(filters[naam], meervoud) == enkelvoud
    assert filters["nl_deelwoord"]["filter"] == ["nl_deelwoord_regel"]
    assert "voorbeeld" in filters["nl_deelwoord"]["script"]["params"]["geen"]
    deelwoord = filters["nl_deelwoord_regel"]
    assert re.sub(deelwoord["pattern"], "\\1", "verduurzaamd") == "verduurzaam"
    assert re.sub(deelwoord["pattern"], "\\1", "gebouwd") == "gebouwd"
    assert re.sub(deelwoord["pattern"], "\\1", "geisoleerde") == "geisoleer"
    # After the stemmer, a plural's doubled consonant undoubled (diefstallen -> diefstal).
    ontdubbel = filters["nl_ontdubbel"]
    assert ontdubbel["replacement"] == "$1"
    assert re.sub(ontdubbel["pattern"], "\\1", "diefstall") == "diefstal"
    assert "de" in filters["nl_stop"]["stopwords"]


def test_the_chain_stems_as_the_embedded_analysis_does():
    """The rules around Snowball (z and v spelt s and f before it, -ies and a long vowel
    after it), and the override's words, which those pattern filters do not skip: each
    override gives the embedded analysis's stem and no filter after it changes that."""
    filters = index_settings()["analysis"]["filter"]
    chain = index_settings()["analysis"]["analyzer"]["nl"]["filter"]
    na_override = [
        filters[naam]
        for naam in chain[chain.index("nl_stamuitzonderingen") + 1 :]
        if filters[naam]["type"] in ("pattern_replace", "condition")
    ]

    def vervang(term: str, filters_: list[dict]) -> str:
        for filter_ in filters_:
            if filter_["type"] == "condition":
                # nl_deelwoord: its rule, unless the term is one it leaves alone.
                if term in filter_["script"]["params"]["geen"]:
                    continue
                filter_ = filters[filter_["filter"][0]]
            term = _vervangen(filter_, term)
        return term

    paren = [regel.split(" => ") for regel in filters["nl_stamuitzonderingen"]["rules"]]
    regels = dict(paren)
    assert len(regels) == len(paren)  # one rule per word
    assert {"mens", "kans", "grens", "arts"} <= regels.keys()
    assert regels["boompje"] == "boom"  # a diminutive as its base word, exception included
    for woord, stam in regels.items():
        assert stam == stem(woord)
        assert vervang(stam, na_override) == stam, woord
    # A word reaches the override as the plural patterns before it leave it: a plural
    # Snowball misses gets its singular's stem there, as in the embedded analysis.
    voor_override = [
        filters[naam]
        for naam in chain[: chain.index("nl_stamuitzonderingen")]
        if filters.get(naam, {}).get("type") == "pattern_replace"
    ]
    for woord, enkelvoud in [
        ("gemeentes", "gemeente"),
        ("volwassenen", "volwassene"),
        ("politici", "politicus"),
        ("kinderen", "kind"),
        ("tuintjes", "tuin"),
    ]:
        assert regels[vervang(woord, voor_override)] == stem(enkelvoud), woord
    voor = [filters[f"nl_stemklank_{n}"] for n in range(2)]
    assert vervang("buurthuizen", voor) == "buurthuisen"
    assert vervang("initiatieven", voor) == "initiatiefen"
    na = [filters[f"nl_na_stam_{n}"] for n in range(2)]
    assert vervang("subsidies", na) == "subsidie"
    assert vervang("sociaal", na) == "social"


def test_the_mapping_analyses_text_and_keeps_facets_exact():
    properties = mappings()["properties"]
    assert properties["title"]["analyzer"] == "nl"
    assert properties["body"]["search_analyzer"] == "nl_zoeken"
    assert properties["thema"] == {"type": "keyword"}
    assert properties["suggest"]["type"] == "completion"
    source = to_source(
        Document(
            key="praktijkvoorbeeld:1",
            type="praktijkvoorbeeld",
            type_label="Praktijkvoorbeeld",
            title="Straatcoaches",
            summary="",
            body="",
            url="/x/",
            datum=datetime.date(2026, 1, 2),
            facetten={"thema": [("jeugd", "Jeugd")]},
        )
    )
    assert source["thema"] == ["jeugd"] and source["type"] == ["praktijkvoorbeeld"]
    assert source["thema_facet"] == ["jeugd\x1fJeugd"]
    assert source["labels"] == "Jeugd" and source["datum"] == "2026-01-02"


def test_the_query_for_a_search_with_a_phrase_filters_and_a_page():
    body = build_search(
        Vraag('"plan per gezin" jongeren', filters={"thema": ["jeugd"]}, pagina=2, per_pagina=10)
    ).to_dict()
    bool_query = body["query"]["bool"]
    phrase, words = bool_query["must"]
    assert phrase["multi_match"]["type"] == "phrase"
    assert phrase["multi_match"]["query"] == "plan per gezin"
    assert words["multi_match"]["query"] == "jongeren"
    assert words["multi_match"]["minimum_should_match"] == "2<-1 5<75%"
    assert words["multi_match"]["fuzziness"] == "AUTO:5,8"
    # Documents with every word, with the words as typed (not only their synonyms: the
    # index's analyzer has none), and with the words close together score higher.
    alle_woorden, getypt, dichtbij = bool_query["should"]
    assert alle_woorden["multi_match"]["operator"] == "and"
    assert getypt["multi_match"]["analyzer"] == "nl"
    assert dichtbij["multi_match"]["type"] == "phrase"
    assert dichtbij["multi_match"]["slop"] == NABIJ
    assert words["multi_match"]["fields"][0] == "title^10"
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"thema": ["jeugd"]}}]}}
    # The facets, and the matches before the chosen values (for the any-word retry).
    assert set(body["aggs"]) == {"gevonden", "thema", "gebied", "type", "actielijn"}
    assert body["aggs"]["gevonden"] == {"filter": {"match_all": {}}}
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert body["sort"][0] == "_score" and "datum" in body["sort"][1]
    assert (body["from"], body["size"]) == (10, 10)
    # A word that many more documents use is asked for too (shown when little is found).
    assert body["suggest"]["spelling"]["term"]["suggest_mode"] == "popular"


def test_a_postcode_is_searched_by_its_four_digits():
    body = build_search(Vraag("1503 AB")).to_dict()
    assert body["query"]["bool"]["must"][0]["multi_match"]["query"] == "1503"


@pytest.mark.django_db
def test_an_unreachable_elasticsearch_falls_back_to_the_embedded_backend(
    client, home, settings, caplog
):
    PraktijkvoorbeeldPageFactory(title="Straatcoaches in de avond")
    settings.ELASTICSEARCH_URL = ""
    herbouwen()
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there

    with caplog.at_level(logging.ERROR, logger="search.services"):
        response = client.get("/zoeken/", {"q": "straatcoaches"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Straatcoaches in de avond" in html
    assert "reservezoekfunctie" in html
    assert "Elasticsearch gaf geen antwoord" in caplog.text
    api = client.get("/api/zoeken/suggesties/", {"q": "straat"}).json()
    assert api[0]["title"] == "Straatcoaches in de avond"


def test_facets_are_counted_without_their_own_choice_and_filter_the_hits_afterwards():
    body = build_search(
        Vraag("eenzaamheid", filters={"thema": ["jeugd", "wonen"], "type": ["publicatie"]})
    ).to_dict()

    thema = {"terms": {"thema": ["jeugd", "wonen"]}}
    soort = {"terms": {"type": ["publicatie"]}}
    # The hits and their total follow every choice, applied after the aggregations.
    assert body["post_filter"] == {"bool": {"filter": [thema, soort]}}
    assert "filter" not in body["query"]["bool"]
    # Each facet is counted under the other facets' choices only.
    assert body["aggs"]["thema"]["filter"] == {"bool": {"filter": [soort]}}
    assert body["aggs"]["type"]["filter"] == {"bool": {"filter": [thema]}}
    assert body["aggs"]["gebied"]["filter"] == {"bool": {"filter": [thema, soort]}}
    assert body["aggs"]["actielijn"]["filter"] == {"bool": {"filter": [thema, soort]}}
    assert body["aggs"]["thema"]["aggs"]["waarden"] == {
        "terms": {"field": "thema_facet", "size": 50}
    }
    # What a result shows comes back with the hit.
    assert {"datum", "gebied_facet", "gemeente", "type_label"} <= set(body["_source"])


def test_without_a_choice_there_is_no_post_filter():
    body = build_search(Vraag("eenzaamheid")).to_dict()
    assert "post_filter" not in body
    assert body["aggs"]["type"]["filter"] == {"bool": {}}  # every match


def antwoord(hits: list[dict], gevonden: int | None = None) -> SimpleNamespace:
    """What the client returns for a search with `hits` (as Elasticsearch's _source), of
    `gevonden` matches before the chosen facet values (default: as many as the hits)."""
    buckets = {
        "thema": [("jeugd\x1fJeugd", 3), ("wonen\x1fWonen", 2)],
        "type": [("publicatie\x1fPublicatie", 1)],
    }
    return SimpleNamespace(
        body={
            "took": 1,
            "timed_out": False,
            "hits": {
                "total": {"value": len(hits), "relation": "eq"},
                "hits": [{"_id": hit["key"], "_score": 2.0, "_source": hit} for hit in hits],
            },
            "aggregations": {
                "gevonden": {"doc_count": len(hits) if gevonden is None else gevonden},
                **{
                    name: {
                        "doc_count": 4,
                        "waarden": {
                            "buckets": [
                                {"key": key, "doc_count": n} for key, n in buckets.get(name, [])
                            ]
                        },
                    }
                    for name in ("thema", "gebied", "type", "actielijn")
                },
            },
        }
    )


HANDREIKING = {
    "key": "publicatie:7",
    "type": "publicatie",
    "type_label": "Publicatie",
    "title": "Eenzaamheid, een handreiking",
    "url": "/kennisbank/eenzaamheid/",
    "datum": "2025-12-09",
    "gebied_facet": ["rotterdam-zuid\x1fRotterdam-Zuid"],
    "gemeente": "Rotterdam",
}


def test_a_response_gives_disjunctive_counts_and_each_hits_type_area_and_date(monkeypatch):
    backend = ElasticBackend("http://127.0.0.1:9")
    sent = {}

    def search(**request):
        sent.setdefault("body", request["body"])  # the search (then the related items)
        return antwoord([HANDREIKING])

    monkeypatch.setattr(backend.client, "search", search)

    result = backend.search(Vraag("eenzaamheid", filters={"thema": ["jeugd"]}))

    assert "post_filter" in sent["body"]
    treffer = result.treffers[0]
    assert (treffer.type_label, treffer.datum) == ("Publicatie", datetime.date(2025, 12, 9))
    assert treffer.gebieden == ["Rotterdam-Zuid", "Rotterdam"]
    thema = [(w.value, w.count, w.gekozen) for w in result.facetten["thema"]]
    assert thema == [("jeugd", 3, True), ("wonen", 2, False)]


def test_a_place_with_a_focus_area_among_the_matches_is_no_typo(monkeypatch):
    """Elasticsearch's "popular" term suggester offers woningen for Groningen, as the
    embedded backend would: a word of the label of an area the matches are in stays."""
    backend = ElasticBackend("http://127.0.0.1:9")
    response = antwoord([HANDREIKING])
    aggregations = response.body["aggregations"]
    aggregations["gebied"]["waarden"]["buckets"] = [
        {"key": "groningen-noord\x1fGroningen Noord", "doc_count": 1}
    ]

    def spelling(woord: str, beter: str) -> dict:
        return {
            "text": woord,
            "offset": 0,
            "length": len(woord),
            "options": [{"text": beter, "score": 0.8, "freq": 40}],
        }

    response.body["suggest"] = {
        "spelling": [spelling("overlsat", "overlast"), spelling("groning", "woning")]
    }
    monkeypatch.setattr(backend.client, "search", lambda **request: response)

    suggestie = backend.search(Vraag("overlsat Groningen")).suggestie
    assert suggestie.startswith("overlast ") and "woning" not in suggestie


def test_when_not_even_the_minimum_matches_any_word_may(monkeypatch):
    backend = ElasticBackend("http://127.0.0.1:9")
    minimums = []

    def search(**request):
        if "must" not in request["body"]["query"]["bool"]:
            return antwoord([])  # the related items beside what was found
        woorden = request["body"]["query"]["bool"]["must"][0]["multi_match"]
        minimums.append(woorden["minimum_should_match"])
        return antwoord([HANDREIKING] if woorden["minimum_should_match"] == "1" else [])

    monkeypatch.setattr(backend.client, "search", search)

    result = backend.search(Vraag("eenzaamheid onder studenten"))

    assert minimums == [MINIMUM_SHOULD_MATCH, "1"]
    assert (result.count, result.treffers[0].title) == (1, "Eenzaamheid, een handreiking")
    # One word that does not match is simply not found.
    minimums.clear()
    assert backend.search(Vraag("studenten")).count == 0
    assert minimums == [MINIMUM_SHOULD_MATCH]


def test_a_query_that_matches_but_not_the_chosen_filters_is_not_retried(monkeypatch):
    backend = ElasticBackend("http://127.0.0.1:9")
    verzoeken = []

    def search(**request):
        verzoeken.append(request)
        return antwoord([], gevonden=3)  # three matches, none with the chosen theme

    monkeypatch.setattr(backend.client, "search", search)

    result = backend.search(Vraag("eenzaamheid ouderen", filters={"thema": ["wonen"]}))

    assert result.count == 0 and len(verzoeken) == 1


@pytest.mark.django_db  # the service reads the synonym groups
def test_a_query_that_finds_little_asks_for_items_like_its_best_hit(monkeypatch, settings):
    from search import services

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    backend = services.elastic()
    verzoeken = []
    verwant = {
        **HANDREIKING,
        "key": "publicatie:8",
        "title": "Eenzaamheid in cijfers",
        "summary": "Cijfers <per> wijk.",
    }

    def search(**request):
        verzoeken.append(request["body"])
        return antwoord([HANDREIKING] if len(verzoeken) == 1 else [verwant])

    monkeypatch.setattr(backend.client, "search", search)

    result = services.zoeken(Vraag("eenzaamheid", filters={"thema": ["jeugd"]}))

    assert [t.title for t in result.verwant] == ["Eenzaamheid in cijfers"]
    # Nothing to highlight: the summary's start, escaped, as the embedded backend shows it.
    assert result.verwant[0].snippet == "Cijfers &lt;per&gt; wijk."
    assert result.count == 1
    vraag = verzoeken[1]["query"]["bool"]
    # Like the best result, or with any of the query's words.
    assert vraag["should"][0]["more_like_this"]["like"] == [
        {"_index": "wijkwijzer", "_id": "publicatie:7"}
    ]
    assert vraag["should"][1]["multi_match"]["query"] == "eenzaamheid"
    assert vraag["minimum_should_match"] == 1
    assert vraag["filter"] == [{"terms": {"thema": ["jeugd"]}}]
    assert vraag["must_not"] == [{"ids": {"values": ["publicatie:7"]}}]
    # The page fills up to ten with them.
    assert verzoeken[1]["size"] == 9


@pytest.mark.django_db  # the service reads the synonym groups
def test_when_the_related_items_fail_the_results_still_stand(monkeypatch, settings, caplog):
    from elasticsearch import ConnectionError as Onbereikbaar

    from search import services

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    backend = services.elastic()
    verzoeken = []

    def search(**request):
        verzoeken.append(request["body"])
        if len(verzoeken) > 1:
            raise Onbereikbaar("verbinding verbroken")
        return antwoord([HANDREIKING])

    monkeypatch.setattr(backend.client, "search", search)

    with caplog.at_level(logging.ERROR, logger="search.backends.elastic"):
        result = services.zoeken(Vraag('"een handreiking" eenzaamheid'))

    assert [t.title for t in result.treffers] == ["Eenzaamheid, een handreiking"]
    assert (result.verwant, result.terugval) == ([], False)
    assert "geen verwante resultaten" in caplog.text
    # The quoted phrase counts for the related items too, as in the embedded backend.
    should = verzoeken[1]["query"]["bool"]["should"]
    assert {
        "multi_match": {"query": "een handreiking", "type": "phrase", "fields": FIELDS}
    } in should


@pytest.mark.django_db
def test_a_multi_word_synonym_in_another_form_reaches_elasticsearch_as_the_member(
    monkeypatch, settings
):
    """Elasticsearch's synonym filter matches the words before stemming: "sociale wijkteams"
    is sent as the member "sociaal wijkteam", as the embedded backend reads it; a quoted
    phrase stays as typed."""
    from search import services
    from search.models import Synoniem

    Synoniem.objects.create(termen="buurtteam, sociaal wijkteam")
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    verzoeken = []

    def search(**request):
        verzoeken.append(request["body"])
        return antwoord([HANDREIKING])

    monkeypatch.setattr(services.elastic().client, "search", search)

    services.zoeken(Vraag('sociale wijkteams in "sociale wijkteams"'))

    must = verzoeken[0]["query"]["bool"]["must"]
    assert must[0]["multi_match"]["query"] == "sociale wijkteams"
    assert must[1]["multi_match"]["query"] == "sociaal wijkteam in"


def test_filters_without_words_ask_for_every_item_they_allow_newest_first():
    body = build_search(Vraag("", filters={"type": ["expert"]})).to_dict()

    assert body["query"] == {"bool": {}}  # matches every document, all with one score
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"type": ["expert"]}}]}}
    assert body["sort"][1] == {"datum": {"order": "desc", "missing": "_last"}}
    assert "suggest" not in body
