"""Ranking planned by cost (search.backends.embedded.Scoring) on a large index, shrunk here: the
limits are lowered so that a few hundred documents behave as a million would. Counts and
facet counts stay exact whatever is scored; a common word (in more than COMMON_DOCS
documents) is left out of the score and the rarer words' documents are ranked, as
Elasticsearch's common terms query does; below the limits the ranking is as before."""

import datetime
import random
import re
import sqlite3
import threading

import pytest

from search.analysis import synoniemkaart
from search.backends import embedded
from search.backends.base import Document, Vraag
from search.backends.embedded import EmbeddedBackend
from search.query import parse

THEMES = ["jeugd", "wonen", "zorg"]
# Made-up filler words: the analysis keeps them as they are.
FILLER = [f"vulwoord{letter}" for letter in "abcdefghij"]
QUERIES = [
    "wijk",
    "wijk bemiddeling",
    "wijk bewoners",
    "bemiddeling bewoners wijk",
    "wijk bewoners bemiddeling sport",
    "sport",
]
FILTERS: list[dict[str, list[str]]] = [{}, {"thema": ["jeugd"]}, {"thema": ["wonen", "zorg"]}]


def corpus() -> list[Document]:
    """300 documents: "wijk" in nearly all, "bewoners" in about half, "bemiddeling" and
    "sport" in a few; some in the title."""
    rng = random.Random(5)
    documents = []
    for i in range(300):
        words = rng.choices(FILLER, k=30)
        for word, share in (("wijk", 0.9), ("bewoners", 0.5), ("bemiddeling", 0.08)):
            if rng.random() < share:
                words.insert(rng.randrange(len(words)), word)
        if i % 40 == 0:
            words.append("sport")
        title = " ".join(words[:4])
        documents.append(
            Document(
                key=f"doc-{i}",
                type="praktijkvoorbeeld",
                type_label="Praktijkvoorbeeld",
                title=title,
                summary=" ".join(words[4:10]),
                body=" ".join(words[10:]),
                url=f"/doc-{i}/",
                datum=datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
                facetten={"thema": [(t, t.capitalize()) for t in rng.sample(THEMES, 1)]},
            )
        )
    return documents


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> EmbeddedBackend:
    backend = EmbeddedBackend(tmp_path_factory.mktemp("schaal") / "index")
    backend.rebuild(corpus())
    return backend


def zoek(backend: EmbeddedBackend, tekst: str, filters: dict[str, list[str]], pagina: int = 1):
    return backend.search(Vraag(tekst, filters=filters, pagina=pagina), parse(tekst))


def groot(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the index held a million documents: "wijk" and "bewoners" are common, and the
    documents of a clause are counted up to 20 and estimated beyond."""
    monkeypatch.setattr(embedded, "COMMON_DOCS", 100)
    monkeypatch.setattr(embedded, "SCORE_ROWS", 30)
    monkeypatch.setattr(embedded, "COUNTED", 20)


def gescoorde_expressies(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The expressions SQLite is asked to score (Scoring._scored), as the searches run."""
    gescoord: list[str] = []
    scored = embedded.Scoring._scored

    def gevolgd(self, db, expression, *args, **kwargs):
        gescoord.append(expression)
        return scored(self, db, expression, *args, **kwargs)

    monkeypatch.setattr(embedded.Scoring, "_scored", gevolgd)
    return gescoord


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("tekst", QUERIES)
def test_counts_and_facet_counts_do_not_depend_on_what_is_scored(
    index, monkeypatch, tekst, filters
):
    exact = zoek(index, tekst, filters)
    groot(monkeypatch)
    begrensd = zoek(index, tekst, filters)
    assert begrensd.count == exact.count
    assert begrensd.facetten == exact.facetten
    assert len(begrensd.treffers) == len(exact.treffers)


def test_a_common_word_does_not_decide_the_ranking_but_a_rare_one_does(index, monkeypatch):
    groot(monkeypatch)
    begrensd = []
    candidates = embedded.Scoring.candidates

    def gevolgd(self, *args, **kwargs):
        rows = candidates(self, *args, **kwargs)
        begrensd.append(rows is not None)
        return rows

    monkeypatch.setattr(embedded.Scoring, "candidates", gevolgd)
    resultaat = zoek(index, "wijk bemiddeling", {})
    assert begrensd == [True]
    bemiddeling = {d.key for d in corpus() if "bemiddeling" in f"{d.title} {d.summary} {d.body}"}
    # Every document on the page has the rare word (they all have both words).
    assert resultaat.treffers
    assert {treffer.key for treffer in resultaat.treffers} <= bemiddeling


def test_a_query_of_only_common_words_scores_the_documents_with_them_in_the_title(
    index, monkeypatch
):
    groot(monkeypatch)
    gescoord = gescoorde_expressies(monkeypatch)
    resultaat = zoek(index, "wijk", {"thema": ["jeugd"]})
    assert gescoord == ['{title} : (("wijk"))']
    assert resultaat.treffers
    assert all("wijk" in treffer.title.split() for treffer in resultaat.treffers)
    # When exact scores cost no more than SCORE_ROWS rows, they are used.
    gescoord.clear()
    monkeypatch.setattr(embedded, "SCORE_ROWS", 1000)
    zoek(index, "wijk", {"thema": ["jeugd"]})
    assert gescoord == ['("wijk")']


def test_without_filters_too_the_documents_with_the_common_word_in_the_title_come_first(
    index, monkeypatch
):
    groot(monkeypatch)
    resultaat = zoek(index, "wijk", {})
    assert len(resultaat.treffers) == 10
    assert all("wijk" in treffer.title.split() for treffer in resultaat.treffers)


def test_a_second_page_continues_the_first(index, monkeypatch):
    groot(monkeypatch)
    eerste = zoek(index, "wijk bewoners", {}, pagina=1)
    tweede = zoek(index, "wijk bewoners", {}, pagina=2)
    assert eerste.treffers and tweede.treffers
    assert not {t.key for t in eerste.treffers} & {t.key for t in tweede.treffers}


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("tekst", QUERIES)
def test_below_the_limits_the_words_are_scored_as_the_query_has_them(index, tekst, filters):
    """Below the limits the page is SQLite's own order of the whole expression, although
    documents with every word are scored with each word once (the minimum-should-match
    expression repeats words, which multiplies their scores alike) and few ids by id."""
    resultaat = zoek(index, tekst, filters)
    db = index._db()
    clauses, _ = index._clauses(db, parse(tekst), {})
    match = embedded.minimum_should_match([text for text, _ in clauses])
    allowed = {
        d.key
        for d in corpus()
        if not filters or {t for t, _ in d.facetten["thema"]} & set(filters["thema"])
    }
    alles = " AND ".join(text for text, _ in clauses)
    near = " ".join(embedded._fts_phrase(alt[0]) for _, alt in clauses)
    near = f"NEAR({near}, {embedded.NABIJ * (len(clauses) - 1)})"
    lagen = [alles, near] if len(clauses) > 1 else []
    # SQLite's own order: documents with every word first, then those with the words close
    # together, then by score, ties to the newest.
    voorkeur = "".join(
        "fts.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?), " for _ in lagen
    )
    rows = db.execute(
        f"SELECT docs.key FROM fts JOIN docs ON docs.id = fts.rowid WHERE fts MATCH ?"  # nosec B608
        f" ORDER BY {voorkeur}bm25(fts, {embedded.WEIGHTS}), docs.datum DESC",
        (match, *lagen),
    ).fetchall()
    verwacht = [key for (key,) in rows if key in allowed][:10]
    assert [t.key for t in resultaat.treffers] == verwacht


@pytest.mark.parametrize("filters", [{}, {"thema": ["jeugd"]}])
def test_equal_scores_go_to_the_newest_on_every_page_without_repeats(tmp_path, filters):
    """Forty items alike but for their date (a weekly spreekuur): pages follow the dates."""
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(
        [
            Document(
                key=f"spreekuur-{i}",
                type="evenement",
                type_label="Agenda",
                title="Spreekuur wijkteam",
                summary="Elke week in het buurthuis.",
                body="",
                url=f"/spreekuur-{i}/",
                datum=datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
                facetten={"thema": [("jeugd", "Jeugd")]},
            )
            for i in range(40)
        ]
    )
    gezien = [
        treffer.datum
        for pagina in (1, 2, 3, 4)
        for treffer in zoek(backend, "spreekuur", filters, pagina=pagina).treffers
    ]
    assert gezien == sorted(gezien, reverse=True)
    assert len(set(gezien)) == 40


def document(
    key: str,
    title: str,
    summary: str,
    type: str = "praktijkvoorbeeld",
    body: str = "Zo pakten we het aan.",
    datum: datetime.date | None = datetime.date(2025, 1, 1),
) -> Document:
    return Document(
        key=key,
        type=type,
        type_label=type.capitalize(),
        title=title,
        summary=summary,
        body=body,
        url=f"/{key}/",
        datum=datum,
        facetten={"type": [(type, type.capitalize())]},
    )


def test_related_items_keep_to_a_filter_however_many_others_are_more_alike(tmp_path):
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(
        [
            document("beste", "Poolse aanpak", "Speeltuinonderhoud"),
            *(
                document(f"pub-{i}", "Speeltuinonderhoud", "Speeltuinonderhoud.", "publicatie")
                for i in range(150)
            ),
            *(document(f"pv-{i}", f"Buurtwerk {i}", "Ook speeltuinonderhoud.") for i in range(5)),
        ]
    )

    def verwant(**filters: list[str]) -> set[str]:
        resultaat = backend.search(Vraag("Poolse", filters=filters), parse("Poolse"))
        return {treffer.key for treffer in resultaat.verwant}

    assert verwant(type=["praktijkvoorbeeld"]) == {f"pv-{i}" for i in range(5)}
    assert len(verwant()) == 9


def test_related_items_are_like_the_best_result_also_when_its_rarest_word_is_common(tmp_path):
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(
        [
            document("beste", "Poolse werknemers in het buurthuis", "Een avond"),
            document("zo", "Arbeidsmigranten in het buurthuis", "Een middag"),
            *(document(f"n-{i}", "Wijkaanpak", "Het buurthuis") for i in range(1_200)),
        ]
    )

    resultaat = backend.search(Vraag("Poolse"), parse("Poolse"))

    assert "zo" in {treffer.key for treffer in resultaat.verwant}
    # Nothing to mark: the summary's start, not run on into the body.
    assert {treffer.snippet for treffer in resultaat.verwant if treffer.key == "zo"} == {
        "Een middag"
    }


def test_related_items_are_alike_in_their_text_not_in_their_labels(tmp_path):
    backend = EmbeddedBackend(tmp_path / "index")
    thema = document("thema", "Speeltuin", "Nieuwe toestellen")
    thema.facetten["thema"] = [("wonen", "Wonen")]
    backend.rebuild(
        [
            document("beste", "Poolse werknemers", "Zo wonen ze"),
            document("tekst", "Krap wonen", "Overvolle huizen"),
            thema,
        ]
    )

    resultaat = backend.search(Vraag("Poolse"), parse("Poolse"))

    assert [treffer.key for treffer in resultaat.verwant] == ["tekst"]


def test_a_document_deleted_after_its_id_was_read_is_left_out_of_the_results(tmp_path):
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(
        [document("blijft", "Buurthuis", "Open"), document("weg", "Buurthuis", "Dicht")]
    )
    db = backend._db()
    ids = dict(db.execute("SELECT key, id FROM docs"))
    backend.delete(["weg"])

    treffers = backend._treffers(db, [ids["weg"], ids["blijft"]], set())

    assert [treffer.key for treffer in treffers] == ["blijft"]


def test_a_words_documents_are_estimated_wherever_their_ids_lie(tmp_path, monkeypatch):
    """Beyond COUNTED a word's documents are estimated from both ends of its ids, so a word
    bunched among the oldest or the newest documents (an import, a new topic) is not taken
    for a common or a rare one: that estimate orders typo corrections and decides which
    words the any-word fallback leaves out. Counted from the start alone, the oldest 60 of
    300 came to 300."""
    woorden = {"qqoud": range(60), "qqnieuw": range(240, 300), "qqspreid": range(0, 300, 5)}
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(
        [
            document(
                f"doc-{i}",
                f"vulwoorda {i}",
                "",
                body=" ".join(woord for woord, docs in woorden.items() if i in docs),
                datum=None,
            )
            for i in range(300)
        ]
    )
    db = backend._db()
    monkeypatch.setattr(embedded, "COUNTED", 10)
    for woord in woorden:
        assert 48 <= embedded.documenten(db, f'"{woord}"') <= 75, woord
    monkeypatch.setattr(embedded, "COUNTED", 100)
    assert embedded.documenten(db, '"qqoud"') == 60


WOORDEN = [f"vulwoord{letter}" for letter in "klmnopqrst"]


def genoeg_index(tmp_path) -> EmbeddedBackend:
    """400 documents over ten made-up words, each word in its own share of them."""
    rng = random.Random(11)
    aandeel = dict(zip(WOORDEN, (0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9), strict=True))
    documenten = []
    for i in range(400):
        tekst = " ".join(w for w in WOORDEN if rng.random() < aandeel[w]) or "leeg"
        documenten.append(
            Document(
                f"doc-{i}", "praktijkvoorbeeld", "Praktijkvoorbeeld", "Titel", tekst, "", "/", None
            )
        )
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(documenten)
    return backend


@pytest.mark.parametrize("geteld", [2_000, 20], ids=["counted", "estimated"])
def test_a_long_questions_matches_are_the_same_when_counted_among_its_rarest_words(
    tmp_path, monkeypatch, geteld
):
    """`_genoeg` reads the documents of the rarest clauses and counts the clauses each has;
    FTS5's minimum-should-match expression must find the same matches, and the expression
    with every clause the same documents with all of them: also with a clause twice, a word
    no document has, and clause counts estimated rather than counted."""
    monkeypatch.setattr(embedded, "COUNTED", geteld)
    backend = genoeg_index(tmp_path)
    db = backend._db()
    rng = random.Random(12)
    gevonden = 0
    for lengte in range(3, 10):
        for _ in range(6):
            tekst = " ".join([*rng.sample(WOORDEN, lengte - 1), "vulwoordz"])
            teksten = [text for text, _ in backend._clauses(db, parse(tekst), {})[0]]
            # The same clause twice (the query parser keeps one of a word typed twice).
            teksten.append(rng.choice(teksten))
            ids, alles = embedded._genoeg(
                db, teksten, {t: embedded.documenten(db, t) for t in teksten}
            )

            assert alles is not None, tekst  # counted among the candidates
            expressie = embedded.minimum_should_match(teksten)
            assert ids.tolist() == embedded._matches(db, expressie).tolist(), tekst
            assert alles.tolist() == embedded._matches(db, " AND ".join(teksten)).tolist()
            gevonden += bool(len(ids)) + bool(len(alles))
    assert gevonden > 42  # most of the 42 queries find something, many have every word


def test_a_question_whose_rarest_words_are_common_is_left_to_fts5(tmp_path, monkeypatch):
    monkeypatch.setattr(embedded, "ANKER_DOCS", 10)
    backend = genoeg_index(tmp_path)
    db = backend._db()
    teksten = [text for text, _ in backend._clauses(db, parse(" ".join(WOORDEN[4:8])), {})[0]]

    ids, alles = embedded._genoeg(db, teksten, {t: embedded.documenten(db, t) for t in teksten})

    assert alles is None
    assert len(ids) and ids.tolist() == (
        embedded._matches(db, embedded.minimum_should_match(teksten)).tolist()
    )


@pytest.mark.parametrize(
    ("tekst", "synoniemen", "eerst", "geheel"),
    [
        ("wijkteam gezin zwembad", [], {"compound"}, '("wijkteam")'),
        # The whole word keeps the group's other members.
        (
            "sociaal wijkteam gezin zwembad",
            [["buurtteam", "sociaal wijkteam"]],
            {"compound", "buurtteam"},
            '("wijkteam" OR "buurtteam")',
        ),
    ],
)
def test_falling_back_a_compound_with_a_common_part_is_scored_as_the_whole_word(
    tmp_path, monkeypatch, tekst, synoniemen, eerst, geheel
):
    """ "wijkteam gezin zwembad": no document has three of its four clauses (wijk, team,
    gezin, zwembad), so any typed word may match. Scoring the wijkteam clause would read every
    document of "wijk" for its idf, so the documents scored are scored with the whole word:
    those with the compound (or a synonym of the words it is part of) rank before those with
    its parts apart, and all are found."""

    def document(i: int, tekst: str) -> Document:
        return Document(
            key=f"doc-{i}",
            type="praktijkvoorbeeld",
            type_label="Praktijkvoorbeeld",
            title=f"Verslag {i}",
            summary=tekst,
            body="",
            url=f"/doc-{i}/",
            datum=datetime.date(2024, 1, 1) + datetime.timedelta(days=i),
        )

    teksten = {
        "compound": "het wijkteam helpt",
        "buurtteam": "het buurtteam helpt",
        "apart": "een team uit de wijk helpt",
        "gezin": "een gezin in de wijk",
        "zwembad": "het zwembad in de wijk",
        "wijk": "nieuws uit de wijk",
    }
    soorten = [
        soort
        for soort, aantal in zip(teksten, (6, 6, 6, 6, 6, 400), strict=True)
        for _ in range(aantal)
    ]
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild([document(i, teksten[soort]) for i, soort in enumerate(soorten)])
    groot(monkeypatch)
    gescoord = gescoorde_expressies(monkeypatch)
    gevonden = [
        treffer.key
        for pagina in (1, 2, 3, 4)
        for treffer in backend.search(
            Vraag(tekst, pagina=pagina), parse(tekst, synoniemen)
        ).treffers
    ]
    assert gescoord and all(geheel in e and '"wijk"' not in e for e in gescoord)
    soort = {f"doc-{i}": s for i, s in enumerate(soorten)}
    verwacht = {"apart", "gezin", "zwembad"} | eerst
    assert sorted(soort[key] for key in gevonden) == sorted(s for s in soorten if s in verwacht)
    # The parts apart come last: none of them before a document with the compound.
    assert max(i for i, key in enumerate(gevonden) if soort[key] in eerst) < min(
        i for i, key in enumerate(gevonden) if soort[key] == "apart"
    )


def test_the_whole_words_phrases_are_looked_for_as_the_index_holds_them(tmp_path, monkeypatch):
    """The whole word a common compound part is scored as (`_geheel`) keeps the multi-word
    synonym it is part of ("sociaal wijkteam" for "wijkteam"); the index holds each of that
    phrase's stems followed by its groups' terms, so the phrase must be laid out that way too,
    or the documents with it never score for it."""
    groepen = [["wijkteam", "buurtteam", "sociaal wijkteam"]]
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild([document("sociaal", "Het sociale wijkteam helpt", "")], synoniemkaart(groepen))
    db = backend._db()
    query = parse("wijkteam gezin", groepen)
    clauses, kaart = backend._clauses(db, query, {})
    per_woord = embedded._per_getypt_woord(clauses, query)
    monkeypatch.setattr(embedded, "COMMON_DOCS", 0)

    geheel = embedded._geheel(query, per_woord, {"wijk": 1}, [per_woord[0][0]], kaart)

    ((expressie, _),) = geheel.values()
    frases = [frase for frase in re.findall(r'"[^"]*"', expressie) if " " in frase]
    assert frases
    assert all(embedded._matches(db, frase).tolist() for frase in frases), frases


def test_a_clauses_search_form_finds_the_same_documents_with_fewer_phrases(tmp_path):
    """Matches are found with each clause's search form (`_zoekvormen`), which leaves out
    the alternatives another alternative covers: the typed word beside which the index
    writes its group's term, and a phrase with such a term in it."""
    groepen = [
        ["jeugd", "jongeren", "tieners"],
        ["jeugdcriminaliteit", "jongerencriminaliteit", "criminaliteit onder jongeren"],
        ["wijkteam", "buurtteam", "sociaal wijkteam"],
    ]
    teksten = [
        "De jeugd in de wijk",
        "Tieners en hun ouders",
        "Criminaliteit onder jongeren daalt",
        "Aanpak van jongerencriminaliteit",
        "Het sociale wijkteam helpt",
        "Een buurtteam in de buurt",
        "Een team uit de wijk",
        "Nieuws over criminaliteit",
    ]
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(
        [document(f"doc-{i}", tekst, "") for i, tekst in enumerate(teksten)],
        synoniemkaart(groepen),
    )
    db = backend._db()
    korter = 0
    for tekst in ("jeugd", "jongeren criminaliteit", "aanpak jeugdcriminaliteit", "wijkteam"):
        clauses, kaart = backend._clauses(db, parse(tekst, groepen), {})
        vormen = backend._zoekvormen(db, clauses, kaart)
        for clause, _ in clauses:
            assert embedded._matches(db, vormen[clause]).tolist() == (
                embedded._matches(db, clause).tolist()
            ), (tekst, clause, vormen[clause])
            assert vormen[clause].count('"') <= clause.count('"')
            korter += vormen[clause].count('"') < clause.count('"')
    assert korter >= 4


@pytest.mark.parametrize("aantal", [1, 5, 40])
def test_documents_handed_to_sqlite_get_the_scores_of_a_pass_over_every_match(index, aantal):
    """A few documents are scored by handing their ids to SQLite (`Scoring._scored`), which
    must score them as one pass over all matches does: with the idf of the whole index."""
    db = index._db()
    expressie = '("wijk") OR ("bemiddeling")'
    alle = dict(db.execute(embedded._SCORE, (expressie,)).fetchall())
    docs = set(random.Random(aantal).sample(sorted(alle), aantal)) | {10_000}
    scoring = embedded.Scoring(expressie, [expressie], {expressie: len(alle)}, len(alle), [])
    assert embedded._gegeven(len(docs), len(alle)) < embedded.PER_ROW * len(alle)

    gescoord = dict(scoring._scored(db, expressie, docs))

    assert gescoord == {doc: alle[doc] for doc in docs if doc in alle}
    assert len(gescoord) == aantal


def test_a_long_question_keeps_its_rarest_words_not_its_first(tmp_path):
    """A question of more than MAX_GEZOCHT clauses is matched on its rarest typed words;
    before, its last words were left out, however telling."""
    vraag = (
        "wat kan ik als bewoner van een flat doen tegen hangjongeren en drugsdealers die"
        " 's avonds overlast geven bij ons winkelcentrum en de speeltuin"
    )
    assert len(parse(vraag).clauses) > embedded.MAX_GEZOCHT
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(
        [
            document("speeltuin", "Overlast bij de speeltuin en het winkelcentrum", "Een aanpak"),
            *(
                document(
                    f"flat-{i}",
                    f"Bewoners van flat {i}",
                    "Hangjongeren en drugsdealers geven 's avonds overlast",
                )
                for i in range(30)
            ),
        ]
    )

    resultaat = backend.search(Vraag(vraag), parse(vraag))

    assert resultaat.treffers[0].key == "speeltuin"


def test_of_a_long_question_words_no_document_has_are_left_out_first():
    """They would only make "enough of the clauses" harder (a review found a question that
    fell back to any word once nonsense was added)."""
    woorden = "jeugd wonen zorg school werk armoede schulden gezondheid taal sport politie kerk"
    query = parse(woorden)
    clauses = [(f"({i})", clause.alternatives) for i, clause in enumerate(query.clauses)]
    # The first two words are in no document, the others in more the later they come.
    documents = {text: 0 if i < 2 else 100 * i for i, (text, _) in enumerate(clauses)}

    gezocht, gehouden = embedded._zeldzaamste(query, clauses, documents)

    assert [text for text, _ in gehouden] == [f"({i})" for i in range(2, 12)]
    assert [clause.woord for clause in gezocht.clauses] == woorden.split()[2:]


def test_until_a_synonym_change_is_written_a_document_is_found_by_its_own_word(tmp_path):
    """A changed synonym group is written into the documents it concerns later (queued for
    cron when they are many); meanwhile a search finds them by the word they contain, and
    counts what it shows. The search form may leave that word out only when every
    document has its group's term beside it (a review found count 0 with the document
    listed)."""
    groepen = [["jongeren", "jeugd"]]
    documenten = [
        document("jongeren", "Jongeren in de wijk", ""),
        document("jeugd", "De jeugd", ""),
    ]
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(documenten, {})

    def gevonden() -> tuple[int, list[str]]:
        resultaat = backend.search(Vraag("jongeren"), parse("jongeren", groepen))
        return resultaat.count, [treffer.key for treffer in resultaat.treffers]

    assert sorted(backend.synoniemen_instellen(synoniemkaart(groepen))) == ["jeugd", "jongeren"]
    assert gevonden() == (1, ["jongeren"])
    backend.index(documenten[:1])
    assert gevonden() == (1, ["jongeren"])
    backend.index(documenten[1:])
    assert gevonden()[0] == 2
    # Once all are written again, the search form leaves the typed word out.
    db = backend._db()
    clauses, kaart = backend._clauses(db, parse("jongeren", groepen), {})
    assert '"jonger"' not in backend._zoekvormen(db, clauses, kaart)[clauses[0][0]]


def test_a_write_uses_the_synonym_groups_committed_while_it_waited_for_the_lock(tmp_path):
    """A document is written with the synonym terms read inside its own transaction: an
    editor's group change that another process commits while this write waits for the lock
    is not yet among the documents to write again (`verouderd`), so the write must see it
    (a review found the terms read before the lock, leaving such a document stale)."""
    groepen = [["jongeren", "jeugd"]]
    backend = EmbeddedBackend(tmp_path / "index.sqlite3")
    backend.rebuild([], {})
    ander = sqlite3.connect(backend.path, isolation_level=None)
    ander.execute("BEGIN IMMEDIATE")
    EmbeddedBackend._kaart_opslaan(ander, synoniemkaart(groepen))
    wacht = threading.Event()

    def schrijven() -> None:
        # Tells when the write asks for the lock, which the other connection holds.
        backend._db().set_trace_callback(lambda sql: sql.startswith("BEGIN") and wacht.set())
        backend.index([document("jongeren", "Jongeren in de wijk", "")])

    schrijver = threading.Thread(target=schrijven)
    schrijver.start()
    try:
        assert wacht.wait(10)
        ander.commit()
    finally:
        ander.rollback()
        ander.close()
    schrijver.join(30)
    assert not schrijver.is_alive()

    resultaat = backend.search(Vraag("jeugd"), parse("jeugd", groepen))
    assert [treffer.key for treffer in resultaat.treffers] == ["jongeren"]


def test_a_word_of_more_parts_than_are_matched_finds_nothing_without_an_error(tmp_path):
    """A made-up compound of eleven parts (a review's probe gave a server error): its parts
    are matched all or not at all, so alone it is searched whole; with other words it is
    left out."""
    backend = EmbeddedBackend(tmp_path / "index")
    woord = "huisbrugkerkdorpteamzorgparktuingeldwijkboot"
    backend.rebuild(
        [document("plein", "Een marktplein", ""), document("woord", f"Het {woord}", "")]
    )
    assert len(parse(woord).clauses) > embedded.MAX_GEZOCHT

    alleen = backend.search(Vraag(woord), parse(woord))
    assert [treffer.key for treffer in alleen.treffers] == ["woord"]
    resultaat = backend.search(Vraag(f"marktplein {woord}"), parse(f"marktplein {woord}"))
    assert [treffer.key for treffer in resultaat.treffers] == ["plein"]


def test_falling_back_a_rare_compound_of_two_common_parts_is_scored(tmp_path, monkeypatch):
    """In the any-word fallback a compound's documents are estimated from its rarest part;
    wijkteam, of two common parts, is rare itself, so it is counted and scored, and the
    documents with it come first (a review found them last)."""
    documenten = [
        *(document(f"wijk-{i}", "wijk vulwoorda", "") for i in range(90)),
        *(document(f"team-{i}", "team vulwoordb", "") for i in range(90)),
        *(document(f"wijkteam-{i}", "wijkteam", "", body="wijkteam wijkteam") for i in range(3)),
        *(
            document(f"{woord}-{i}", "iets", "", body=f"een lange tekst met {woord} erin")
            for woord in ("bemiddeling", "sportpark")
            for i in range(3)
        ),
    ]
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(documenten, {})
    monkeypatch.setattr(embedded, "COMMON_DOCS", 50)
    monkeypatch.setattr(embedded, "SCORE_ROWS", 30)
    monkeypatch.setattr(embedded, "COUNTED", 20)
    tekst = "wijkteam bemiddeling sportpark"

    resultaat = backend.search(Vraag(tekst), parse(tekst))

    assert {treffer.key for treffer in resultaat.treffers[:3]} == {
        f"wijkteam-{i}" for i in range(3)
    }


def test_a_corrected_compounds_shorter_form_is_looked_for_as_the_index_holds_it(tmp_path):
    """A typo corrected to a compound also finds its first two parts as a phrase (schuld
    hulpverlening for schuldhulpverlening, as a typed compound does); that phrase is laid
    out with the parts' synonym terms, as the index holds it, or it never matches (a review
    found it was not)."""
    groepen = [["schuld", "betalingsachterstand"]]
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(
        [
            document("verlening", "Schuldhulpverlening", ""),
            document("apart", "Schuld hulpverlening in de wijk", ""),
        ],
        synoniemkaart(groepen),
    )
    tekst = "schuldhulpverleneing"

    resultaat = backend.search(Vraag(tekst), parse(tekst, groepen))

    assert {treffer.key for treffer in resultaat.treffers} == {"verlening", "apart"}
    # Each word of that phrase followed by its own parts (huiswerk: huis werk), as written.
    backend.rebuild(
        [
            document("geheel", "Huiswerkbegeleiding", ""),
            document("apart", "Huiswerk begeleiding na school", ""),
        ],
        {},
    )
    tekst = "huiswerkbegelieding"
    resultaat = backend.search(Vraag(tekst), parse(tekst))
    assert {treffer.key for treffer in resultaat.treffers} == {"geheel", "apart"}
