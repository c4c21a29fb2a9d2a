"""The Elasticsearch backend, built with elasticsearch.dsl (the former elasticsearch-dsl, now
part of the client). The same Dutch chain as the embedded backend, in Elasticsearch's terms:
lowercase, asciifolding, Dutch stop words, a dictionary decompounder with the same lexicon of
word parts (search.analysis.PARTS, less its compounds), skipped for the lexicon's words that the
embedded analyser keeps whole (more frequent than their parts), our stemming exceptions and
past-participle rule, the Dutch stemmer and our undoubling of a final consonant; at search time
also the editors' synonyms (a synonyms set, so changes apply without reindexing). Rebuilds go to
a new index behind the alias, swapped when complete."""

import datetime
import logging
import re
import time
from collections.abc import Iterator
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from elasticsearch.dsl import Search
from elasticsearch.dsl import query as dsl
from elasticsearch.dsl.query import Q

from search.analysis import (
    BASISWOORDEN,
    DEELWOORD,
    EIGEN_S,
    GEEN_DEELWOORD,
    MAX_WOORD,
    MEERVOUD,
    NA_STAM,
    ONTDUBBEL,
    ONZICHTBAAR,
    PARTS,
    STAM_UITZONDERINGEN,
    STEMKLANK,
    STOP_WORDS,
    hele_woorden,
    stem,
    words,
)
from search.backends.base import (
    FACETS,
    NABIJ,
    WEINIG,
    Document,
    FacetWaarde,
    Resultaat,
    Treffer,
    Vraag,
    gebieden_van,
    verwant_ruimte,
)
from search.backends.snippets import snippet
from search.query import POSTCODE, QUOTED, Query

logger = logging.getLogger(__name__)

SYNONYMS_SET = "wijkwijzer-synoniemen"
FIELDS = ["title^10", "summary^4", "labels^2", "body"]
SEPARATOR = "\x1f"  # between a facet value and its label in the facet keyword fields
# Best score first, the newest of equal scores (as the embedded backend ranks ties).
NIEUWSTE_EERST = ("_score", {"datum": {"order": "desc", "missing": "_last"}})
# How many of a query's words must match: all of up to two, all but one of three to five,
# three quarters of more (search.backends.embedded.minimum_should_match does the same).
MINIMUM_SHOULD_MATCH = "2<-1 5<75%"
# What a hit returns: what the result shows (type, title, areas, date) and the summary.
SOURCE = [
    "key",
    "type",
    "type_label",
    "title",
    "url",
    "summary",
    "datum",
    "gebied_facet",
    "gemeente",
]


TEKENFILTERS = ["nl_onzichtbaar", "nl_apostrof"]


def _vervangen(naam: str, regels: dict[str, str]) -> dict[str, dict[str, str]]:
    """The embedded analysis's regular-expression `regels` as pattern_replace filters, named
    `naam` and a number, in their order."""
    return {
        f"{naam}_{nummer}": {
            "type": "pattern_replace",
            "pattern": patroon,
            "replacement": re.sub(r"\\(\d)", r"$\1", vervanging),
        }
        for nummer, (patroon, vervanging) in enumerate(regels.items())
    }


def index_settings() -> dict[str, Any]:
    """Analysis settings of the index: `nl` at index time, `nl_zoeken` (with synonyms) at
    search time."""
    meervoud = _vervangen("nl_meervoud", MEERVOUD)
    stemklank = _vervangen("nl_stemklank", STEMKLANK)
    na_stam = _vervangen("nl_na_stam", NA_STAM)
    heel = hele_woorden()
    chain = [
        "lowercase",
        "asciifolding",
        "nl_lengte",
        "nl_stop",
        "nl_samenstellingen",
        *meervoud,
        "nl_stamuitzonderingen",
        "nl_deelwoord",
        *stemklank,
        "nl_stam",
        "nl_ontdubbel",
        *na_stam,
    ]
    return {
        "number_of_shards": 1,
        "analysis": {
            # The embedded analysis reads words as \w+ after fold(): an apostrophe ends a word
            # (auto's: auto and the stop word s), an invisible character is not there at all;
            # the standard tokenizer would keep auto's whole and split at neither.
            "char_filter": {
                "nl_apostrof": {
                    "type": "pattern_replace",
                    "pattern": "['\u2019\u2018`\u00b4]",
                    "replacement": " ",
                },
                "nl_onzichtbaar": {
                    "type": "pattern_replace",
                    "pattern": ONZICHTBAAR,
                    "replacement": "",
                },
            },
            "filter": {
                # The embedded analysis leaves out longer words (search.analysis.words).
                "nl_lengte": {"type": "length", "max": MAX_WOORD},
                "nl_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
                # Only the lexicon's words that are no compound themselves: with
                # only_longest_match Lucene emits, at each place in a word, the longest known
                # word that starts there, so a compound of the list would stand for its own
                # first part (jeugdcriminaliteit gave no "jeugd", overheidsbeleid no
                # "overheid"; a review read it in Lucene's code).
                "nl_woorddelen": {
                    "type": "dictionary_decompounder",
                    "word_list": sorted(PARTS.intersection(heel)),
                    "min_subword_size": 3,
                    "max_subword_size": max(map(len, PARTS)),
                    "only_longest_match": True,
                },
                # A known word that is more frequent than its parts is not a compound
                # (search.analysis.split_compound): a map, so the check is one lookup.
                "nl_samenstellingen": {
                    "type": "condition",
                    "filter": ["nl_woorddelen"],
                    "script": {
                        "source": "!params.heel.containsKey(token.getTerm().toString())",
                        "params": {"heel": dict.fromkeys(heel, 1)},
                    },
                },
                **meervoud,
                # The embedded stemmer's exceptions, its words with an s of their own (mens)
                # and its words that are a form of another (tuintje -> tuin, ziektes ->
                # ziekte) with their stems, as the override gives the final term (the
                # pattern_replace filters after it leave those alone).
                "nl_stamuitzonderingen": {
                    "type": "stemmer_override",
                    "rules": [
                        *(f"{woord} => {stam}" for woord, stam in STAM_UITZONDERINGEN.items()),
                        *(f"{woord} => {woord}" for woord in sorted(EIGEN_S)),
                        *(
                            f"{woord} => {stem(woord)}"
                            for woord in BASISWOORDEN
                            if woord not in STAM_UITZONDERINGEN
                        ),
                    ],
                },
                # The participle rule, except for the nouns and verbs whose -d or -t is their
                # own (search.analysis.GEEN_DEELWOORD: voorbeeld).
                "nl_deelwoord": {
                    "type": "condition",
                    "filter": ["nl_deelwoord_regel"],
                    "script": {
                        "source": "!params.geen.containsKey(token.getTerm().toString())",
                        "params": {"geen": dict.fromkeys(sorted(GEEN_DEELWOORD), 1)},
                    },
                },
                "nl_deelwoord_regel": {
                    "type": "pattern_replace",
                    "pattern": DEELWOORD,
                    "replacement": "$1",
                },
                "nl_stam": {"type": "stemmer", "language": "dutch"},
                "nl_ontdubbel": {
                    "type": "pattern_replace",
                    "pattern": ONTDUBBEL,
                    "replacement": "$1",
                },
                **stemklank,
                **na_stam,
                "nl_synoniemen": {
                    "type": "synonym_graph",
                    "synonyms_set": SYNONYMS_SET,
                    "updateable": True,
                },
            },
            "analyzer": {
                "nl": {
                    "type": "custom",
                    "char_filter": TEKENFILTERS,
                    "tokenizer": "standard",
                    "filter": chain,
                },
                "nl_zoeken": {
                    "type": "custom",
                    "char_filter": TEKENFILTERS,
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "nl_synoniemen", *chain[2:]],
                },
            },
        },
    }


def mappings() -> dict[str, Any]:
    text = {"type": "text", "analyzer": "nl", "search_analyzer": "nl_zoeken"}
    keyword = {"type": "keyword"}
    return {
        "properties": {
            "key": keyword,
            "type": keyword,
            "type_label": keyword,
            "title": {**text, "fields": {"exact": {"type": "text", "analyzer": "standard"}}},
            "summary": text,
            "body": text,
            "labels": text,
            "url": {"type": "keyword", "index": False},
            "datum": {"type": "date"},
            "gemeente": {"type": "keyword", "index": False},
            "suggest": {"type": "completion", "analyzer": "simple"},
            **{name: keyword for name in FACETS},
            **{f"{name}_facet": keyword for name in FACETS},
        }
    }


def to_source(document: Document) -> dict[str, Any]:
    facets = {**document.facetten, "type": [(document.type, document.type_label)]}
    return {
        "key": document.key,
        "type": document.type,
        "type_label": document.type_label,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "labels": " ".join(label for pairs in document.facetten.values() for _, label in pairs),
        "url": document.url,
        "datum": document.datum.isoformat() if document.datum else None,
        "gemeente": document.gemeente,
        "suggest": {"input": [document.title, *document.title.split()]},
        **{name: [value for value, _ in facets.get(name, [])] for name in FACETS},
        **{
            f"{name}_facet": [f"{value}{SEPARATOR}{label}" for value, label in facets.get(name, [])]
            for name in FACETS
        },
    }


def build_search(
    vraag: Vraag, index: str = "wijkwijzer", minimum: str = MINIMUM_SHOULD_MATCH
) -> Search:
    """The request for `vraag`: enough of the words must match, as in the embedded backend
    (`minimum`; one typo allowed from 5 letters, two from 8), and documents with
    every word, and with the words close together, score higher; quoted parts as phrases,
    chosen facet values as a post filter, each facet counted without its own chosen values,
    highlighted snippets, best score first and the newest of equal scores."""
    text = _woorden(vraag)
    must = _zinnen(vraag)
    should = []
    if text:
        woorden = _woorden_match(text)
        must.append(Q("multi_match", minimum_should_match=minimum, **woorden))
        should.append(Q("multi_match", operator="and", boost=2, **woorden))
        # The words as typed score on top of their synonyms (the index's analyzer has none),
        # as the embedded backend scores a typed word beside its synonym group's term.
        should.append(Q("multi_match", query=text, fields=FIELDS, analyzer="nl"))
        # Words close together score higher, as the embedded backend ranks them first.
        should.append(
            Q(
                "multi_match",
                query=text,
                type="phrase",
                slop=NABIJ * max(len(words(text)) - 1, 1),
                fields=FIELDS,
                boost=2,
            )
        )
    filters = _filters(vraag)
    search = Search(index=index).query(Q("bool", must=must, should=should))
    # Disjunctive facets, as elasticsearch.dsl's FacetedSearch builds them: the chosen values
    # filter the hits after the aggregations (post_filter), and each facet is counted under
    # the filters of the other facets only, so choosing a value keeps its neighbours listed
    # with their counts (search.backends.bitmaps.FacetBitmaps.counts does the same).
    if filters:
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    # The matches before the chosen facet values (post_filter), as the embedded backend
    # counts them to decide on its any-word retry.
    search.aggs.bucket("gevonden", "filter", filter=Q("match_all"))
    for name in FACETS:
        others = [q for other, q in filters.items() if other != name]
        search.aggs.bucket(name, "filter", filter=Q("bool", filter=others)).bucket(
            "waarden", "terms", field=f"{name}_facet", size=50
        )
    if text:
        # "popular": also a word that many more documents use than the one typed, shown
        # when the query finds little (ElasticBackend.search), as the embedded backend does.
        search = search.suggest("spelling", text, term={"field": "body", "suggest_mode": "popular"})
    start = (vraag.pagina - 1) * vraag.per_pagina
    return (
        search.sort(*NIEUWSTE_EERST)
        .highlight("summary", "body", number_of_fragments=1, fragment_size=200)
        .highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
        .source([*SOURCE])[start : start + vraag.per_pagina]
    )


class ElasticBackend:
    def __init__(self, url: str, alias: str = "wijkwijzer", timeout: float = 2.0) -> None:
        self.alias = alias
        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=0)

    def aantal(self) -> int:
        """How many documents are indexed (the health check reads it)."""
        return self.client.count(index=self.alias)["count"]

    def index(self, documents: list[Document]) -> None:
        helpers.bulk(self.client, self._actions(self.alias, documents), refresh="wait_for")

    def delete(self, keys: list[str]) -> None:
        helpers.bulk(
            self.client,
            ({"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys),
            raise_on_error=False,
            refresh="wait_for",
        )

    def rebuild(self, documents: list[Document]) -> None:
        """Fill a new index and point the alias at it in one step, then drop the old ones, so
        searches never see a half-built index. The synonyms set must exist (put_synonyms)."""
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}"
        self.client.indices.create(index=name, settings=index_settings(), mappings=mappings())
        helpers.bulk(self.client, self._actions(name, documents), refresh=True)
        old = list(self.client.indices.get_alias(name=self.alias, ignore_unavailable=True))
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index)

    def put_synonyms(self, groups: list[list[str]]) -> None:
        rules = [{"id": str(i), "synonyms": ", ".join(group)} for i, group in enumerate(groups)]
        self.client.synonyms.put_synonym(id=SYNONYMS_SET, synonyms_set=rules)

    @staticmethod
    def _actions(index: str, documents: list[Document]) -> Iterator[dict[str, Any]]:
        for document in documents:
            yield {"_index": index, "_id": document.key, "_source": to_source(document)}

    def search(self, vraag: Vraag, query: Query | None = None) -> Resultaat:
        """Elasticsearch analyses the text itself; `query` (our own parse) is not needed.
        When not even the minimum of the words matches (before the chosen facet values),
        any word may, as in the embedded backend (BM25's idf ranks the rarer words'
        documents first)."""
        response = build_search(vraag, self.alias).using(self.client).execute()
        gevonden = response.aggregations.gevonden.doc_count
        if not gevonden and len(words(QUOTED.sub(" ", vraag.tekst))) > 1:
            response = build_search(vraag, self.alias, minimum="1").using(self.client).execute()
        treffers = [_treffer(hit) for hit in response]
        facetten: dict[str, list[FacetWaarde]] = {}
        for name in FACETS:
            facetten[name] = []
            for bucket in getattr(response.aggregations, name).waarden.buckets:
                value, label = bucket.key.split(SEPARATOR, 1)
                chosen = value in vraag.filters.get(name, [])
                facetten[name].append(FacetWaarde(value, label, bucket.doc_count, chosen))
        spelling = getattr(response, "suggest", None)
        # Not the name of a place with a focus area that the matches are in, as the embedded
        # backend (_betere_woorden): "overlast Groningen" is no typo for "overlast woningen".
        plaatsen = {stem(woord) for waarde in facetten["gebied"] for woord in words(waarde.label)}
        suggestie = " ".join(
            entry.options[0].text if entry.options and entry.text not in plaatsen else entry.text
            for entry in (getattr(spelling, "spelling", None) or [])
        )
        aantal = response.hits.total.value  # type: ignore[attr-defined]  # the DSL types hits as a list
        if aantal >= WEINIG or suggestie == QUOTED.sub(" ", vraag.tekst).strip():
            suggestie = ""
        resultaat = Resultaat(aantal, treffers, facetten, suggestie)
        # Nothing found needs no related items here: the decompounder matches a compound's parts
        # anywhere already (EmbeddedBackend._search lists them as related), and matches that
        # the filters left out show in the facet counts.
        if treffers and (ruimte := verwant_ruimte(vraag, resultaat)):
            keys = [treffer.key for treffer in treffers]
            verwant = build_verwant(vraag, keys, ruimte, self.alias).using(self.client)
            # The results stand without them: a failure here costs the related items only.
            try:
                resultaat.verwant = [_treffer(hit) for hit in verwant.execute()]
            except (ApiError, TransportError):
                logger.exception("Elasticsearch gaf geen verwante resultaten")
        return resultaat

    def suggest(self, prefix: str, limit: int = 8) -> list[dict[str, str]]:
        search = (
            Search(index=self.alias)
            .suggest("titels", prefix, completion={"field": "suggest", "size": limit})
            .source(["title", "url", "type", "type_label"])
        )
        response = search.using(self.client).execute()
        seen, found = set(), []
        for option in response.suggest.titels[0].options:  # type: ignore[attr-defined]
            if option._source.url not in seen:
                seen.add(option._source.url)
                found.append(
                    {
                        "title": option._source.title,
                        "url": option._source.url,
                        "type": option._source.type,
                        "type_label": option._source.type_label,
                    }
                )
        return found

    def related(self, key: str, limit: int = 4, type: str | None = None) -> list[str]:
        filters = [Q("term", type=type)] if type else []
        search = Search(index=self.alias).query(
            Q("bool", must=[lijkt_op(key, self.alias)], filter=filters)
        )
        response = search.source(["key"])[:limit].using(self.client).execute()
        return [hit.key for hit in response]


def lijkt_op(key: str, index: str) -> dsl.Query:
    """More like the document `key` (which it leaves out itself)."""
    return Q(
        "more_like_this",
        fields=["title", "summary", "body"],
        like=[{"_index": index, "_id": key}],
        min_term_freq=1,
        min_doc_freq=1,
    )


def build_verwant(vraag: Vraag, keys: list[str], limit: int, index: str = "wijkwijzer") -> Search:
    """The request for the related items beside the results `keys` (every result, best
    first): like the best one or with any of the query's words, that `vraag`'s filters allow
    (EmbeddedBackend._verwant)."""
    should = [lijkt_op(keys[0], index), *_zinnen(vraag)]
    if text := _woorden(vraag):
        should.append(Q("multi_match", **_woorden_match(text)))
    query = Q(
        "bool",
        should=should,
        minimum_should_match=1,
        filter=list(_filters(vraag).values()),
        must_not=[Q("ids", values=keys)],
    )
    return Search(index=index).query(query).sort(*NIEUWSTE_EERST).source([*SOURCE])[:limit]


def _woorden(vraag: Vraag) -> str:
    """The query's words outside quotes, a postcode as its four digits."""
    return POSTCODE.sub(r"\1", QUOTED.sub(" ", vraag.tekst)).strip()


def _woorden_match(text: str) -> dict[str, Any]:
    """A multi_match's arguments for the words `text`: every field, one typo allowed from 5
    letters and two from 8, the first letter as typed."""
    return {"query": text, "fields": FIELDS, "fuzziness": "AUTO:5,8", "prefix_length": 1}


def _zinnen(vraag: Vraag) -> list[dsl.Query]:
    """The query's quoted parts, each as a phrase in any field."""
    return [
        Q("multi_match", query=phrase, type="phrase", fields=FIELDS)
        for phrase in QUOTED.findall(vraag.tekst)
    ]


def _filters(vraag: Vraag) -> dict[str, dsl.Query]:
    """Per facet with chosen values, the filter for any of them."""
    return {name: Q("terms", **{name: values}) for name, values in vraag.filters.items() if values}


def _treffer(hit: Any) -> Treffer:
    """A hit as a result. Its snippet is the highlighted fragment; without one (the words
    matched only the title, or a related item, which has no words to mark) the summary's
    start, as the embedded backend shows it."""
    fragments = getattr(hit.meta, "highlight", None)
    if fragments:
        uittreksel = next(iter(fragments.to_dict().values()))[0]
    else:
        uittreksel = snippet(getattr(hit, "summary", ""), set())
    datum = getattr(hit, "datum", None)
    return Treffer(
        hit.key,
        hit.type,
        hit.type_label,
        hit.title,
        hit.url,
        uittreksel,
        datum=datetime.date.fromisoformat(datum[:10]) if datum else None,
        gebieden=gebieden_van(
            [facet.split(SEPARATOR, 1)[1] for facet in getattr(hit, "gebied_facet", [])],
            getattr(hit, "gemeente", ""),
        ),
    )
