"""The embedded backend: SQLite FTS5 in a file of its own (not the project's database), fed
with text analysed in Python (search.analysis), so it works the same next to SQLite and
PostgreSQL. BM25 ranks with title and summary weighing more than body text; newer items win
ties. Facet counts and filters come from bitmaps in memory (search.backends.bitmaps)."""

import datetime
import itertools
import json
import math
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.analysis import (
    ANALYSE_VERSIE,
    MAX_WOORD,
    WORD,
    ZIPF,
    Kaart,
    analyze,
    delen,
    fold,
    index_terms,
    met_groepen,
    split_compound,
    stem,
    words,
)
from search.backends import bitmaps
from search.backends.base import (
    FACETS,
    NABIJ,
    WEINIG,
    Document,
    Resultaat,
    Treffer,
    Vraag,
    gebieden_van,
    verwant_ruimte,
)
from search.backends.bitmaps import FacetBitmaps
from search.backends.snippets import snippet
from search.query import Clause, Query

# Per word: its FTS5 match text and its alternatives (each a tuple of stems).
Clauses = list[tuple[str, list[tuple[str, ...]]]]
# A scored row: document id and BM25 score.
Row = tuple[int, float]

SCHEMA = """
PRAGMA journal_mode=WAL;
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, type TEXT NOT NULL,
    type_label TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL,
    url TEXT NOT NULL, datum TEXT NOT NULL, gemeente TEXT NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    title, summary, body, labels, tokenize='ascii'
);
CREATE VIRTUAL TABLE IF NOT EXISTS titles USING fts5(words, tokenize='ascii', prefix='2 3');
CREATE TABLE IF NOT EXISTS facets (
    doc INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, label TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facets_by_value ON facets (name, value, doc);
CREATE INDEX IF NOT EXISTS facets_by_doc ON facets (doc);
-- Lets the facet bitmaps read every document's date without reading the documents' text;
-- keyed by id first, so writing documents in id order (a rebuild) appends to it.
CREATE INDEX IF NOT EXISTS docs_datum ON docs (id, datum);
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
-- Typo candidates share a typed word's first letter (a range of the key) or its last two
-- letters (this index), so finding them reads a slice of the vocabulary, not all of it.
CREATE INDEX IF NOT EXISTS words_eind ON words (substr(word, -2));
-- The synonym groups' terms the documents were indexed with (search.analysis.synoniemkaart).
CREATE TABLE IF NOT EXISTS synoniemen (stem TEXT PRIMARY KEY, termen TEXT NOT NULL) WITHOUT ROWID;
-- Documents whose terms a change of those groups changed, until they are written again
-- (EmbeddedBackend.synoniemen_instellen; a search's search forms rely on there being none).
CREATE TABLE IF NOT EXISTS verouderd (doc INTEGER PRIMARY KEY);
"""
WEIGHTS = "10.0, 4.0, 1.0, 2.0"  # title, summary, body, facet labels (themes, area)
TYPO_MIN_LENGTH = 5
# From this length on a typed word may have two typos (Elasticsearch: fuzziness AUTO:5,8).
TYPO_TWEE_LENGTH = 8
TIE_MARGIN = 20
# "Bedoelde je ...?" for a query with fewer than WEINIG results offers a word that VAKER times
# as many documents have, within the allowed typos of a word it typed.
VAKER = 5
# "Like this" (EmbeddedBackend._lijkt_op) and the related items' query words (_verwant) score
# about this many documents.
LIJKT_OP_RIJEN = 1_000
COMMON_SHARE = 0.1  # a word in more than this share of the documents is common,
COMMON_MIN = 100  # but a word in this many or fewer never is
_SCORE = f"SELECT rowid, bm25(fts, {WEIGHTS}) AS score FROM fts WHERE fts MATCH ?"  # nosec B608
_FIRST = (
    "SELECT count(*), min(rowid), max(rowid) FROM"
    " (SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid LIMIT ?)"
)
_LAST = (
    "SELECT min(rowid), max(rowid) FROM"
    " (SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC LIMIT ?)"
)
GEBIED_SEPARATOR = "\x1f"  # char(31): between area labels read with group_concat
# What a document holds besides its terms; raised when a field is added (2: gemeente, for the
# result's areas; 3: compound parts among the typo candidates), so an index written before
# reports that it needs a rebuild.
DOCUMENT_VERSIE = 3


class EmbeddedBackend:
    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._schema_ready = False
        self._bitmaps: FacetBitmaps | None = None

    # -- storage ---------------------------------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # As the project database (settings.DATABASES): writes take the lock when they
            # begin, and wait for another writer's commit instead of failing at once.
            db = sqlite3.connect(
                self.path, timeout=20, check_same_thread=False, isolation_level="IMMEDIATE"
            )
            # The schema is made once per process; connections of other threads only read
            # or write inside their own short transactions, so they do not lock each other.
            with self._lock:
                if not self._schema_ready:
                    db.executescript(SCHEMA + bitmaps.SCHEMA)
                    columns = {row[1] for row in db.execute("PRAGMA table_info(docs)")}
                    # A new index is built with today's analysis and document fields; one
                    # from before they had a number has none, so it counts as outdated.
                    with db:
                        if "gemeente" not in columns:
                            db.execute(
                                "ALTER TABLE docs ADD COLUMN gemeente TEXT NOT NULL DEFAULT ''"
                            )
                        db.executemany(
                            "INSERT OR IGNORE INTO meta (key, value) SELECT ?, ?"
                            " WHERE NOT EXISTS (SELECT 1 FROM docs)",
                            [("analyse", ANALYSE_VERSIE), ("documenten", DOCUMENT_VERSIE)],
                        )
                    self._schema_ready = True
            self._local.db = db
        return db

    def opwarmen(self) -> None:
        """Load what the first search of a process would (the facet bitmaps and dates: 2.7 s
        at a million documents), so that no visitor waits for it; a search that comes in
        meanwhile waits for this load instead of starting its own."""
        self._facet_bitmaps(self._db())

    def aantal(self) -> int:
        """How many documents are indexed (the health check reads it)."""
        return self._db().execute("SELECT count(*) FROM docs").fetchone()[0]

    def analyse_actueel(self) -> bool:
        """Whether the index was built with the analysis and the document fields of this code
        (ANALYSE_VERSIE, DOCUMENT_VERSIE); after an upgrade that changed either,
        `search_index --rebuild` makes it so."""
        meta = dict(self._db().execute("SELECT key, value FROM meta"))
        return meta.get("analyse") == ANALYSE_VERSIE and meta.get("documenten") == DOCUMENT_VERSIE

    def index(self, documents: list[Document]) -> None:
        db = self._db()
        with db:
            # The synonym terms are read in the transaction that writes with them: a change
            # of the groups committed in between would leave the documents with the old terms
            # and not among those to write again (`verouderd`).
            db.execute("BEGIN IMMEDIATE")
            kaart = self._kaart(db)
            bitmaps.record(db, [self._write(db, document, kaart) for document in documents])

    @staticmethod
    def _kaart(db: sqlite3.Connection, stems: Iterable[str] | None = None) -> Kaart:
        """The synonym terms the index was written with, of `stems` (None: of every stem)."""
        if stems is None:
            rows = db.execute("SELECT stem, termen FROM synoniemen")
        else:
            gevraagd = list(stems)
            rows = db.execute(
                f"SELECT stem, termen FROM synoniemen WHERE stem IN ({_marks(gevraagd)})",  # nosec B608
                gevraagd,
            )
        return {stam: tuple(termen.split()) for stam, termen in rows}

    def synoniemen_instellen(self, kaart: Kaart) -> list[str]:
        """Index with the synonym terms of `kaart` from now on; returns the keys of the
        documents whose terms that changes (those with a stem whose terms changed), which
        the caller indexes again."""
        db = self._db()
        with db:
            db.execute("BEGIN IMMEDIATE")  # as in `index`
            oud = self._kaart(db)
            veranderd = [
                stam for stam in oud.keys() | kaart.keys() if oud.get(stam) != kaart.get(stam)
            ]
            if not veranderd:
                return []
            self._kaart_opslaan(db, kaart)
            match = " OR ".join(_fts_phrase((stam,)) for stam in sorted(veranderd))
            verouderd = db.execute(
                "SELECT docs.id, docs.key FROM fts JOIN docs ON docs.id = fts.rowid"
                " WHERE fts MATCH ?",
                (match,),
            ).fetchall()
            db.executemany(
                "INSERT OR IGNORE INTO verouderd (doc) VALUES (?)", [(i,) for i, _ in verouderd]
            )
            return [key for _, key in verouderd]

    @staticmethod
    def _kaart_opslaan(db: sqlite3.Connection, kaart: Kaart) -> None:
        db.execute("DELETE FROM synoniemen")
        db.executemany(
            "INSERT INTO synoniemen (stem, termen) VALUES (?, ?)",
            [(stam, " ".join(termen)) for stam, termen in kaart.items()],
        )

    def _write(self, db: sqlite3.Connection, document: Document, kaart: Kaart) -> int:
        """Store `document`; returns its id."""
        row = db.execute(
            "INSERT INTO docs (key, type, type_label, title, summary, body, url, datum, gemeente)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
            " type=excluded.type, type_label=excluded.type_label, title=excluded.title,"
            " summary=excluded.summary, body=excluded.body, url=excluded.url,"
            " datum=excluded.datum, gemeente=excluded.gemeente RETURNING id",
            (
                document.key,
                document.type,
                document.type_label,
                document.title,
                document.summary,
                document.body,
                document.url,
                document.datum.isoformat() if document.datum else "",
                document.gemeente,
            ),
        ).fetchone()
        doc_id = row[0]
        self._remove_terms(db, [doc_id])
        labels = " ".join(label for pairs in document.facetten.values() for _, label in pairs)
        db.execute(
            "INSERT INTO fts (rowid, title, summary, body, labels) VALUES (?, ?, ?, ?, ?)",
            (doc_id, *(analyze(text, kaart) for text in (*self._texts(document), labels))),
        )
        db.execute(
            "INSERT INTO titles (rowid, words) VALUES (?, ?)",
            (doc_id, " ".join(words(document.title))),
        )
        facets = {**document.facetten, "type": [(document.type, document.type_label)]}
        db.executemany(
            "INSERT INTO facets (doc, name, value, label) VALUES (?, ?, ?, ?)",
            [
                (doc_id, name, value, label)
                for name, pairs in facets.items()
                for value, label in pairs
            ],
        )
        # A compound's parts too: the index finds them (bewonersparticipatie has participatie),
        # so a typo of a word that the texts only use inside compounds is corrected to it.
        db.executemany(
            "INSERT OR IGNORE INTO words (word, stem) VALUES (?, ?)",
            [
                (woord, stem(woord))
                for text in self._texts(document)
                for word in set(words(text))
                for woord in (word, *delen(word))
                if len(woord) >= TYPO_MIN_LENGTH - 1
            ],
        )
        return doc_id

    @staticmethod
    def _texts(document: Document) -> tuple[str, str, str]:
        return document.title, document.summary, document.body

    @staticmethod
    def _remove_terms(db: sqlite3.Connection, ids: list[int]) -> None:
        for table, column in (
            ("fts", "rowid"),
            ("titles", "rowid"),
            ("facets", "doc"),
            ("verouderd", "doc"),
        ):
            sql = f"DELETE FROM {table} WHERE {column} = ?"  # nosec B608
            db.executemany(sql, [(i,) for i in ids])

    def delete(self, keys: list[str]) -> None:
        db = self._db()
        with db:
            ids = [
                row[0]
                for key in keys
                for row in db.execute("SELECT id FROM docs WHERE key = ?", (key,))
            ]
            self._remove_terms(db, ids)
            db.executemany("DELETE FROM docs WHERE id = ?", [(i,) for i in ids])
            bitmaps.record(db, ids)

    def rebuild(self, documents: list[Document], kaart: Kaart | None = None) -> None:
        """Index `documents` instead of what the index holds, with the synonym terms of
        `kaart` (None: those the index has)."""
        db = self._db()
        with db:
            for table in ("docs", "fts", "titles", "facets", "words", "verouderd"):
                db.execute(f"DELETE FROM {table}")  # nosec B608
            if kaart is None:
                kaart = self._kaart(db)
            else:
                self._kaart_opslaan(db, kaart)
            for document in documents:
                self._write(db, document, kaart)
            bitmaps.restart(db)
            db.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [("analyse", ANALYSE_VERSIE), ("documenten", DOCUMENT_VERSIE)],
            )
            db.execute("INSERT INTO fts (fts) VALUES ('optimize')")

    # -- reading ---------------------------------------------------------------------------

    def search(self, vraag: Vraag, query: Query) -> Resultaat:
        return self._search(vraag, query)

    def _search(self, vraag: Vraag, query: Query, delen: Sequence[str] = ()) -> Resultaat:
        """`query`'s results; `delen` are the clauses of the compounds' parts when `query`
        searches them whole (Query.anders), for the related items."""
        db = self._db()
        if not query and vraag.filters:
            return self._bladeren(db, vraag)
        suggestie_words: dict[str, str] = {}
        clauses, kaart = self._clauses(db, query, suggestie_words)
        if not clauses:
            return Resultaat(0, [], {name: [] for name in FACETS})
        facets = self._facet_bitmaps(db)
        # Matches are found with each clause's search form, scored with the clause itself.
        vorm = self._zoekvormen(db, clauses, kaart)
        documents = {tekst: documenten(db, vorm[tekst]) for tekst, _ in clauses}
        gezocht, clauses = _zeldzaamste(query, clauses, documents)
        if not clauses:
            # One typed word of more parts than may be matched: searched whole, if anything.
            if anders := query.anders():
                return self._search(vraag, anders)
            return Resultaat(0, [], {name: [] for name in FACETS})
        teksten = [text for text, _ in clauses]
        match = minimum_should_match(teksten)
        voorkeur: list[set[int]] = []
        geheel: dict[str, tuple[str, int]] = {}
        ids, alles = _genoeg(
            db, [vorm[t] for t in teksten], {vorm[t]: documents[t] for t in teksten}
        )
        if len(clauses) > 1:
            if len(ids):
                voorkeur = self._voorkeur(db, [vorm[t] for t in teksten], clauses, alles)
            else:
                # Not even the minimum matches: any word may, ranked by how well, leaving out
                # words that most documents have (they would match nearly everything). No
                # document has every word then, so there is nothing to rank first.
                per_woord = _per_getypt_woord(clauses, gezocht)
                vorm |= {
                    _samen([t for t, _ in groep]): _samen([vorm[t] for t, _ in groep])
                    for groep in _per_woord(clauses, gezocht)
                }
                frequency = _per_term(db, per_woord, documents)
                teksten = _distinctive(per_woord, frequency, facets.documents)
                geheel = _geheel(gezocht, per_woord, frequency, teksten, kaart)
                match = " OR ".join(teksten)
                ids = _matches(db, " OR ".join(vorm[t] for t in teksten))
                documents = _geschat(
                    clauses, gezocht, documents, lambda tekst: documenten(db, vorm[tekst])
                )
        if not len(ids) and (anders := query.anders()):
            # No document matches, not even with any one word: its compounds searched whole may
            # (factsheets, which the lexicon splits otherwise than factsheet).
            return self._search(vraag, anders, [text for text, _ in clauses])
        # Facets are counted over the matches before filtering (FacetBitmaps.counts).
        matched = facets.bitmap(ids)
        allowed = facets.filter(vraag.filters)
        toegestaan = None if allowed is None else _toegestaan(ids, allowed)
        aantal = len(ids) if toegestaan is None else len(toegestaan)
        top = self._top(
            db,
            Scoring(match, teksten, documents, len(ids), voorkeur, geheel),
            vraag,
            facets,
            toegestaan,
            voorkeur,
            ids,
        )
        treffers = self._treffers(db, top, query.stems)
        if aantal < WEINIG and not suggestie_words:
            suggestie_words = self._betere_woorden(db, query, facets)
        suggestie = self._suggestion(vraag.tekst, suggestie_words) if suggestie_words else ""
        resultaat = Resultaat(aantal, treffers, facets.counts(matched, vraag), suggestie)
        if ruimte := verwant_ruimte(vraag, resultaat):
            woorden: Sequence[str] = teksten
            if not top:
                # Nothing found. When nothing matched before the filters either, a compound's
                # part may (jeugdbende, which no text has, nor bende: the items about jeugd), as
                # Elasticsearch's decompounder finds them. When the filters left the matches
                # out, the facet counts say where they are.
                woorden = delen if not len(ids) else []
            resultaat.verwant = self._verwant(db, top, woorden, facets, allowed, ruimte)
        return resultaat

    def _bladeren(self, db: sqlite3.Connection, vraag: Vraag) -> Resultaat:
        """Filters without words (every expert, every item of a theme or an area): all the
        documents the filters allow, newest first, as Elasticsearch orders a query that
        matches everything; facet counts over every document, as for such a query."""
        facets = self._facet_bitmaps(db)
        allowed = facets.filter(vraag.filters)
        if allowed is None:
            return Resultaat(0, [], {name: [] for name in FACETS})
        ids = np.flatnonzero(
            np.unpackbits(np.frombuffer(allowed, dtype=np.uint8), bitorder="little")
        )
        # Newest first, the last written of equal dates first.
        volgorde = np.lexsort((-ids, -facets.datum.van(ids)))
        offset = (vraag.pagina - 1) * vraag.per_pagina
        top = ids[volgorde][offset : offset + vraag.per_pagina].tolist()
        return Resultaat(
            len(ids), self._treffers(db, top, set()), facets.counts(facets.present, vraag)
        )

    @staticmethod
    def _treffers(db: sqlite3.Connection, ids: list[int], stems: set[str]) -> list[Treffer]:
        """The documents `ids` as results, in that order, their snippets marking `stems`.
        What a result shows besides its title and snippet (type, areas, date) is read in the
        same query as the text: the areas are the document's gebied facet labels."""
        found = {
            doc: row
            for doc, *row in db.execute(
                "SELECT id, key, type, type_label, title, url, summary, body, datum, gemeente,"  # nosec B608
                " (SELECT group_concat(label, char(31)) FROM facets"
                "  WHERE facets.doc = docs.id AND facets.name = 'gebied')"
                f" FROM docs WHERE id IN ({_marks(ids)})",
                ids,
            )
        }
        treffers = []
        # A document deleted since its id was read is left out.
        for doc in (doc for doc in ids if doc in found):
            key, type_, label, title, url, summary, body, datum, gemeente, gebieden = found[doc]
            treffers.append(
                Treffer(
                    key,
                    type_,
                    label,
                    title,
                    url,
                    # With no words to mark (related items) the summary's start, which is
                    # what Elasticsearch shows for them too.
                    snippet(f"{summary}\n{body}" if stems else summary, stems),
                    datum=datetime.date.fromisoformat(datum) if datum else None,
                    gebieden=gebieden_van(
                        gebieden.split(GEBIED_SEPARATOR) if gebieden else [], gemeente
                    ),
                )
            )
        return treffers

    def _voorkeur(
        self, db: sqlite3.Connection, zoek: list[str], clauses: Clauses, alles: np.ndarray | None
    ) -> list[set[int]]:
        """For a query of several words, the matches that rank before the others, best first:
        those with every word (when the match needs fewer; `alles` when `_genoeg` found
        them), then those with the words close together (NEAR: a phrase, or a compound whose
        parts the index holds side by side, burenruzie for "buren ruzie"). Those close
        together have every word, so when no match has every word the second set is not
        looked for (at a million items that costs as much as the first: 5 ms for "integrale
        wijkaanpak samenwerking"). `zoek`: the clauses' search forms (`_zoekvormen`)."""
        sets: list[set[int]] = []
        if minimum_nodig(len(zoek)) < len(zoek):
            expressie = " AND ".join(zoek)
            sets.append(set((_matches(db, expressie) if alles is None else alles).tolist()))
            if not sets[0]:
                return [set(), set()]
        dichtbij = " ".join(_fts_phrase(alternatives[0]) for _, alternatives in clauses)
        sets.append(set(_matches(db, f"NEAR({dichtbij}, {NABIJ * (len(clauses) - 1)})").tolist()))
        return sets

    def _top(
        self,
        db: sqlite3.Connection,
        scoring: "Scoring",
        vraag: Vraag,
        facets: "FacetBitmaps",
        allowed: set[int] | None,
        voorkeur: list[set[int]],
        matches: np.ndarray,
    ) -> list[int]:
        """The ids on the requested page: those in the first `voorkeur` set first, then the
        second's, then the rest; within each, best BM25 score first, ties to the newest.
        `allowed` are the matches the filters allow (None: no filters). Only what can reach
        the page is ranked: when a preferred set holds a page's worth, just its documents.

        BM25 in SQLite costs a pass over every document of each word in the expression (its
        idf) and a few microseconds per row it scores, so scoring is planned by what it reads
        (`Scoring`): documents with every word are scored with each word once (the same order
        as the minimum-should-match expression, which repeats words); a few documents are
        handed to SQLite, which scores only them (`Scoring._scored`); and when
        the words are common or the matches many, only the rarer words' documents are
        scored, with those words (`Scoring.candidates`), as Elasticsearch's common terms."""
        offset = (vraag.pagina - 1) * vraag.per_pagina
        wanted = offset + vraag.per_pagina
        pool = allowed
        in_laag = False
        for laag in reversed(voorkeur):
            binnen = laag if pool is None else laag & pool
            if len(binnen) >= wanted:
                pool, in_laag = binnen, True
                break
        rows: Iterable[Row] | None = scoring.candidates(db, pool, in_laag, matches, wanted)
        if rows is None:
            rows = scoring.exact(db, pool, in_laag, voorkeur, wanted)

        return _beste_eerst(list(rows), voorkeur, facets.datum, wanted)[offset:]

    def facet_labels(self, name: str, values: Iterable[str]) -> dict[str, str]:
        """The labels the index knows for these values of facet `name`."""
        labels = self._facet_bitmaps(self._db()).labels
        return {value: labels[(name, value)] for value in values if (name, value) in labels}

    def _facet_bitmaps(self, db: sqlite3.Connection) -> FacetBitmaps:
        """Facet values as bitmaps over document ids, with each document's date, at the
        index's current version (search.backends.bitmaps keeps them in step)."""
        with self._lock:
            self._bitmaps = bitmaps.current(db, self._bitmaps)
            return self._bitmaps

    def _clauses(
        self, db: sqlite3.Connection, query: Query, suggestie_words: dict[str, str]
    ) -> tuple[Clauses, Kaart]:
        """Per clause the FTS5 expression and its alternatives (typo corrections included),
        with the synonym terms the index has for every stem the search may use: those of the
        clauses, their corrections and the compounds searched whole (`_geheel`), read at
        once. A synonym group's one-word members become the term that stands for the group
        in the index, so its documents are scored as those of one word."""
        typos = {
            i: self._typo_alternatives(db, clause, suggestie_words)
            for i, clause in enumerate(query.clauses)
            if clause.woord and len(clause.woord) >= TYPO_MIN_LENGTH
        }
        heel = (alt for alts in query.geheel.values() for alt in alts)
        kaart = self._kaart(
            db,
            query.stems.union(*(alt for alts in typos.values() for alt in alts), *heel),
        )
        clauses = []
        for i, clause in enumerate(query.clauses):
            # A corrected compound's parts are a phrase, laid out as the index holds it.
            alternatives = _zoals_geindexeerd(
                _groepsterm(clause.alternatives, kaart) + typos.get(i, []), kaart
            )
            unique = list(dict.fromkeys(alternatives))
            clauses.append(("(" + " OR ".join(map(_fts_phrase, unique)) + ")", unique))
        return clauses, kaart

    @staticmethod
    def _zoekvormen(db: sqlite3.Connection, clauses: Clauses, kaart: Kaart) -> dict[str, str]:
        """Per clause its search form: an FTS5 expression that finds the same documents with
        fewer phrases, for finding matches (scoring needs the clause itself). It leaves out
        an alternative whose documents another one of the clause always has: a phrase with a
        term that is an alternative on its own, and a word the index writes its synonym
        group's term beside (`kaart`) when that term is an alternative too (the word as
        typed stays in the clause for its score, `_groepsterm`). The second holds only while
        every document was written with today's groups: after an editor changed them, until
        the documents they concern are written again (table `verouderd`), such a word stays.
        FTS5 reads every phrase of an OR for each candidate: at a million items "aanpak
        jeugdcriminaliteit" found its matches in 16 ms rather than 29, "taalhuis bibliotheek"
        in 10 rather than 20."""
        if db.execute("SELECT 1 FROM verouderd LIMIT 1").fetchone():
            kaart = {}
        vormen = {}
        for text, alternatives in clauses:
            woorden = {alt[0] for alt in alternatives if len(alt) == 1}
            nodig = [
                alt
                for alt in alternatives
                if not woorden.intersection(kaart.get(alt[0], ()) if len(alt) == 1 else alt)
            ]
            vormen[text] = "(" + " OR ".join(map(_fts_phrase, nodig)) + ")"
        return vormen

    def _typo_alternatives(
        self, db: sqlite3.Connection, clause: Clause, suggestie_words: dict[str, str]
    ) -> list[tuple[str, ...]]:
        """Words within the allowed typos (toegestane_fouten) of a typed word that the index
        does not know, nearest and then most frequent first; they join the clause, and the
        best one feeds "Bedoelde je ...?"."""
        # jeugdwerk, whose items say jongerenwerk, is no typo for jeugdwet; muizen, a Dutch
        # word that no item has, none for huizen.
        if clause.woord in ZIPF or self._bekend(db, clause):
            return []
        close = self._dichtbij(db, clause.woord)
        if not close:
            return []
        suggestie_words[clause.woord] = close[0][0]
        alternatives: list[tuple[str, ...]] = [(found_stem,) for found, found_stem, _ in close[:3]]
        # A corrected compound also finds its shorter form, as a typed one does (search.query).
        for found, _, _ in close[:3]:
            if parts := split_compound(found):
                # As the index holds those words: each stem followed by its own parts.
                alternatives.append(tuple(index_terms(" ".join(parts[:2]))))
        return alternatives

    @staticmethod
    def _bekend(db: sqlite3.Connection, clause: Clause) -> bool:
        """Whether a document has the clause's word or one of its synonyms. Asked of the
        index, not the vocabulary: that counts all documents of a term first (milliseconds
        for a common word at a million documents)."""
        return bool(
            db.execute(
                "SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1",
                (" OR ".join(map(_fts_phrase, clause.alternatives)),),
            ).fetchone()
        )

    def _dichtbij(self, db: sqlite3.Connection, word: str) -> list[tuple[str, str, int]]:
        """The indexed words within the allowed typos of `word` (not `word` itself), as
        (word, stem, documents with that stem): nearest first, then most frequent."""
        fouten = toegestane_fouten(word)
        lengtes = (len(word) - fouten, len(word) + fouten)
        rows = db.execute(
            "SELECT word, stem FROM words WHERE word >= ? AND word < ?"
            " AND length(word) BETWEEN ? AND ? UNION"
            " SELECT word, stem FROM words WHERE substr(word, -2) = ?"
            " AND length(word) BETWEEN ? AND ?",
            (word[0], chr(ord(word[0]) + 1), *lengtes, word[-2:], *lengtes),
        ).fetchall()
        # Optimal string alignment distance: a letter added, removed or changed, or two
        # neighbours swapped, each one edit. In C: a large vocabulary has tens of thousands
        # of candidates.
        candidates = [
            (rows[i][0], rows[i][1], afstand)
            for _, afstand, i in process.extract(
                word,
                [found for found, _ in rows],
                scorer=OSA.distance,
                score_cutoff=fouten,
                limit=None,
            )
            if rows[i][0] != word
        ]
        if not candidates:
            return []
        frequency = self._documenten_per_term(db, (found_stem for _, found_stem, _ in candidates))
        candidates.sort(key=lambda c: (c[2], -frequency.get(c[1], 0), c[0]))
        return [
            (found, found_stem, frequency.get(found_stem, 0)) for found, found_stem, _ in candidates
        ]

    def _betere_woorden(
        self, db: sqlite3.Connection, query: Query, facets: FacetBitmaps
    ) -> dict[str, str]:
        """For a query that finds little although the index knows its words: per typed word,
        a word within the allowed typos that many more documents have (verslaving for
        "verslavng" that one document misspells too), for "Bedoelde je ...?". Not for the
        name of a place with a focus area (a word of an area's label): "overlast Groningen"
        is no typo for "overlast woningen"."""
        plaatsen = {
            woord
            for (naam, _), label in facets.labels.items()
            if naam == "gebied"
            for woord in words(label)
        }
        beter = {}
        for clause in query.clauses:
            if (
                len(clause.woord) < TYPO_MIN_LENGTH
                or clause.woord in plaatsen
                or clause.woord in ZIPF
            ):
                continue
            eigen = max(self._documenten_per_term(db, clause.alternatives[0]).values())
            for found, found_stem, documenten in self._dichtbij(db, clause.woord):
                if found_stem != stem(clause.woord) and documenten >= VAKER * max(eigen, 1):
                    beter[clause.woord] = found
                    break
        return beter

    @staticmethod
    def _documenten_per_term(db: sqlite3.Connection, terms: Iterable[str]) -> dict[str, int]:
        """Per term, how many documents have it (`documenten`: exact up to COUNTED, estimated
        beyond). FTS5's vocabulary table counts exactly by reading every document of the
        term: at a million items 16 ms for a word in 600,000 of them, against 0.4 ms."""
        return {term: documenten(db, _fts_phrase((term,))) for term in dict.fromkeys(terms)}

    @staticmethod
    def _suggestion(text: str, replacements: dict[str, str]) -> str:
        return re.sub(r"\w+", lambda m: replacements.get(fold(m.group(0)), m.group(0)), text)

    def suggest(self, prefix: str, limit: int = 8) -> list[dict[str, str]]:
        # The word being typed may be the start of a longer one even where it is a stop word
        # on its own: "over" for Overvecht and overlast.
        *eerder, bezig = WORD.findall(fold(prefix)) or [""]
        terms = [*words(" ".join(eerder)), *([bezig] if 0 < len(bezig) <= MAX_WOORD else [])]
        if not terms:
            return []
        match = " AND ".join(f'"{term}"' for term in terms[:-1])
        last = f'"{terms[-1]}" *'
        match = f"{match} AND {last}" if match else last
        rows = (
            self._db()
            .execute(
                "SELECT docs.title, docs.url, docs.type, docs.type_label FROM titles JOIN docs ON"
                " docs.id = titles.rowid WHERE titles MATCH ? ORDER BY rank, docs.datum DESC"
                " LIMIT ?",
                (match, limit),
            )
            .fetchall()
        )
        return [
            {"title": title, "url": url, "type": type_, "type_label": label}
            for title, url, type_, label in rows
        ]

    def related(self, key: str, limit: int = 4, type: str | None = None) -> list[str]:
        """More like this (`_lijkt_op`), of `type` when given; the document itself left out."""
        db = self._db()
        row = db.execute("SELECT id FROM docs WHERE key = ?", (key,)).fetchone()
        match = self._lijkt_op(db, row[0]) if row else ""
        if not match:
            return []
        facets = self._facet_bitmaps(db)
        allowed = facets.filter({"type": [type]} if type else {})
        ids = _meest_als(db, match, {row[0]}, facets, allowed, limit)
        keys = dict(
            db.execute(f"SELECT id, key FROM docs WHERE id IN ({_marks(ids)})", ids).fetchall()  # nosec B608
        )
        return [keys[doc] for doc in ids if doc in keys]

    def _verwant(
        self,
        db: sqlite3.Connection,
        top: list[int],
        teksten: Sequence[str],
        facets: FacetBitmaps,
        allowed: bytes | None,
        limit: int,
    ) -> list[Treffer]:
        """Up to `limit` documents that `allowed` allows beside the results `top` (every
        result): those most like the best result (`_lijkt_op`) or with any of the query's
        clauses `teksten`, best BM25 score first and the newest of equal scores, as
        pseudo-relevance feedback expands a query (RM3 keeps the query's own words beside
        the feedback's). A clause in more than LIJKT_OP_RIJEN documents is left out: scoring
        them would cost more than the search."""
        woorden = [
            tekst
            for tekst in teksten
            if documenten(db, tekst, tot=LIJKT_OP_RIJEN) <= LIJKT_OP_RIJEN
        ]
        # No results (a compound no text has): nothing to be like, the words alone.
        zoals = [self._lijkt_op(db, top[0])] if top else []
        delen = [deel for deel in [*zoals, *woorden] if deel]
        if not delen:
            return []
        match = " OR ".join(f"({deel})" for deel in delen)
        return self._treffers(db, _meest_als(db, match, set(top), facets, allowed, limit), set())

    def _lijkt_op(self, db: sqlite3.Connection, doc: int) -> str:
        """The FTS5 expression for "like this document": its most distinctive terms (rare in
        the index, present in its title and summary), any of them; empty for a document
        that is not indexed or has no such terms. Every document of the terms is scored, so
        the rarest are kept while their documents add up to LIJKT_OP_RIJEN, and the rarest
        alone when it has up to SCORE_ROWS; they are counted by `documenten`: at a million
        items twelve terms of thousands of documents each, counted exactly by FTS5's
        vocabulary table, took 0.9 s (docs/search.md has today's figure)."""
        row = db.execute("SELECT title, summary FROM fts WHERE rowid = ?", (doc,)).fetchone()
        if row is None:
            return ""
        rarity = {
            term: documenten(db, _fts_phrase((term,)), tot=LIJKT_OP_RIJEN)
            for term in dict.fromkeys(f"{row[0]} {row[1]}".split())
        }
        best: list[str] = []
        rijen = 0
        for term in sorted((t for t, n in rarity.items() if n > 1), key=rarity.__getitem__):
            if len(best) == 12 or rijen + rarity[term] > (LIJKT_OP_RIJEN if best else SCORE_ROWS):
                break
            best.append(term)
            rijen += rarity[term]
        if not best:
            return ""
        # In the text, as Elasticsearch's more_like_this fields: not the labels (a theme
        # "Wonen" is not like the verb in a summary).
        return "{title summary body} : (" + " OR ".join(_fts_phrase((t,)) for t in best) + ")"


# BM25 in SQLite reads every document of each word in the expression once (FTS5 counts them
# for the idf), at about 1/PER_ROW of the cost of scoring one row.
PER_ROW = 40
# Handing SQLite a document's id to score costs about this much (at a million items a list
# of 40,000 ids added 6.5 ms).
PER_ID = 5
# A question's clauses beyond this many are left out, its commonest words first
# (`_zeldzaamste`): "enough of the clauses" is matched as every combination of them, which
# grows as n choose 3n/4 (20 clauses took 12 s, 10 take 45 combinations).
MAX_GEZOCHT = 10
# A phrase of several terms costs FTS5 about this many times as much per term and document
# as a word does (at a million items: 1.3 ms for a phrase of five terms whose rarest has
# 2,186 documents, 0.85 ms for a word of 23,356).
PER_FRASETERM = 3
# A word in more documents than this is common: a search does not let SQLite score it (that
# alone would cost tens of milliseconds at a million documents); far more documents than any
# word of the relevance bench or the tests has, so they rank as before.
COMMON_DOCS = 20_000
# Candidates for a minimum-should-match up to this many are read and counted in numpy
# (`_genoeg`); "huis wijk buurt", whose rarest two words have 541,000 documents, is left
# to FTS5.
ANKER_DOCS = 20_000
# A clause's documents are counted up to this many and estimated beyond (counting costs too).
COUNTED = 2_000
# Scoring more rows than this in SQLite costs more than a search may take; the rarer words'
# documents are scored instead (Scoring.candidates).
SCORE_ROWS = 5_000


class Scoring:
    """Plans how the `matches` matches of `match` (made of the clauses `delen`) are scored,
    from how many documents each clause has (`documents`: counted up to COUNTED, estimated
    beyond).
    With preferred sets (`voorkeur`, which all have every clause; the first is the set of
    documents with every clause when `match` needs fewer), those are scored with every
    clause once."""

    def __init__(
        self,
        match: str,
        delen: list[str],
        documents: dict[str, int],
        matches: int,
        voorkeur: list[set[int]],
        geheel: dict[str, tuple[str, int]] | None = None,
    ) -> None:
        self.match = match
        self.delen = delen
        # Clauses with a common part, scored as their whole word when only the rarer clauses
        # are (`_geheel`); for their idf FTS5 reads their words' documents, not theirs.
        self.geheel = {deel: tekst for deel, (tekst, _) in (geheel or {}).items()}
        self.heel_lezen = {
            deel: _idf_lezen(tekst, documents[deel]) for deel, tekst in self.geheel.items()
        }
        self.lezen = {
            **{deel: _idf_lezen(deel, aantal) for deel, aantal in documents.items()},
            **{deel: lezen for deel, (_, lezen) in (geheel or {}).items()},
        }
        # Every match has this many of the clauses (the any-word fallback: one).
        self.nodig = minimum_nodig(len(delen)) if match == minimum_should_match(delen) else 1
        self.rows = {match: matches}
        self.alles = " AND ".join(delen) if voorkeur else match
        if self.alles != match:
            self.rows[self.alles] = len(voorkeur[0])
        self.documents = documents

    def _idf_cost(self, expression: str) -> int:
        """What FTS5 reads for the idf of `expression`: each clause's phrases' documents (of
        a clause with a common part, its words'), as often as the clause occurs in it."""
        return sum(
            expression.count(deel) * self.lezen[deel]
            + (
                expression.count(self.geheel[deel]) * self.heel_lezen[deel]
                if deel in self.geheel
                else 0
            )
            for deel in self.delen
        )

    def _cost(self, expression: str, docs: int, rows: int) -> int:
        """The cost of scoring those of `docs` documents that match `expression` (which has
        `rows` matches): its idf, and the rows scored (`_gegeven`)."""
        return self._idf_cost(expression) + min(PER_ROW * rows, _gegeven(docs, rows))

    def exact(
        self,
        db: sqlite3.Connection,
        pool: set[int] | None,
        in_laag: bool,
        voorkeur: list[set[int]],
        wanted: int,
    ) -> Iterable[Row]:
        """Every document of `pool` (None: every match) scored with the query's own words;
        documents of a preferred set (which all have every word) with each word once."""
        if pool is None and not voorkeur:
            return self._best(db, self.match, wanted + TIE_MARGIN)
        if pool is None:
            eerst = voorkeur[0]
            rest = (
                row
                for row in self._best(db, self.match, wanted + len(eerst) + TIE_MARGIN)
                if row[0] not in eerst
            )
            return itertools.chain(self._scored(db, self.alles, eerst), rest)
        # Without preferred sets the best scores are all that can reach the page: SQLite
        # sorts the matches by score and only those are read.
        beste = None if voorkeur else wanted + TIE_MARGIN
        return self._scored(db, self.alles if in_laag else self.match, pool, beste=beste)

    def _scored(
        self,
        db: sqlite3.Connection,
        expression: str,
        docs: set[int],
        rows: int | None = None,
        beste: int | None = None,
    ) -> Iterable[Row]:
        """Those of `docs` that match `expression` (which has `rows` matches), with their
        scores. SQLite is given the documents when that costs less than scoring every match
        (`_gegeven`); "+rowid" keeps their ids out of FTS5's own plan, which would look up
        each one apart and count the expression's documents for its idf again each time (at
        a million items 27 ms for 100 documents, 1.3 ms this way). With `beste`, only the
        best that many, best first."""
        rows = self.rows[expression] if rows is None else rows
        volgorde = "" if beste is None else " ORDER BY score"
        if _gegeven(len(docs), rows) < PER_ROW * rows:
            return db.execute(
                f"{_SCORE} AND +rowid IN (SELECT value FROM json_each(?)){volgorde}",  # nosec B608
                (expression, json.dumps(sorted(docs))),
            )
        gevonden = (row for row in db.execute(_SCORE + volgorde, (expression,)) if row[0] in docs)
        return gevonden if beste is None else _beste(gevonden, beste)

    @staticmethod
    def _best(db: sqlite3.Connection, expression: str, limit: int) -> Iterator[Row]:
        return _beste(db.execute(f"{_SCORE} ORDER BY score", (expression,)), limit)

    def candidates(
        self,
        db: sqlite3.Connection,
        pool: set[int] | None,
        in_laag: bool,
        matches: np.ndarray,
        wanted: int,
    ) -> list[Row] | None:
        """When the query has a common clause or many matches: the documents of its rarer
        clauses only, scored with those clauses (a common clause adds little to a document's
        score and costs most to score), as Elasticsearch's common terms query; when every
        clause is common, the documents with the query in their title. Counts and facet
        counts do not change (they come from all matches); None when the exact score costs
        less."""
        common = [deel for deel in self.delen if self.documents[deel] > COMMON_DOCS]
        # A clause to be scored as its whole word has a common part.
        if not common and not self.geheel and (in_laag or self.rows[self.match] <= SCORE_ROWS):
            return None
        rare = sorted(
            (deel for deel in self.delen if deel not in common), key=self.documents.__getitem__
        )
        exact = self.alles if in_laag else self.match
        docs = set(matches.tolist()) if pool is None else pool
        if not rare:
            if self._cost(exact, len(docs), self.rows[exact]) <= PER_ROW * SCORE_ROWS:
                return None
            # Only common words, and exact scores would cost more than SCORE_ROWS rows (the
            # words' idf alone reads every document of them): those that match in the title
            # alone (the column that weighs most) are scored, a fraction of the matches (at a
            # million documents "woningen": 6,290 of 145,559, 116 -> 23 ms in SQLite); the
            # others follow, newest first. Any of the words in the title would rank more of
            # them, but scores far more ("wijk aanpak" with a theme: 114 -> 233 ms).
            expression, rows = f"{{title}} : ({exact})", self.rows[exact]
        elif in_laag:
            # The preferred sets' documents have every clause, so every rare one.
            expression, rows = " AND ".join(rare), self.documents[rare[0]]
        else:
            # The rarest clauses while their documents are few; while they add up to at most
            # twice that, as many as it takes for every match to have one of them (a match
            # lacks at most len(delen) - nodig clauses).
            dekkend = len(self.delen) - self.nodig + 1
            rows, kept = 0, list[str]()
            for deel in rare:
                budget = 2 * SCORE_ROWS if len(kept) < dekkend else SCORE_ROWS
                if kept and rows + self.documents[deel] > budget:
                    break
                kept.append(deel)
                rows += self.documents[deel]
            gescoord = [self.geheel.get(deel, deel) for deel in rare]
            expression = " OR ".join(gescoord[: len(kept)])
            if len(kept) < len(rare):
                # The other rare clauses add to the score of the documents scored, without
                # adding documents (the kept clauses count twice then, as minimum should
                # match counts every clause of a document with all of them).
                expression = f"({expression}) AND ({' OR '.join(gescoord)})"
        if rare and self._cost(expression, len(docs), rows) >= self._cost(
            exact, len(docs), self.rows[exact]
        ):
            return None
        found = list(self._scored(db, expression, docs, rows))
        if len(found) < wanted and len(docs) > len(found):
            # Too few have the clauses scored: the other matches come after them, newest
            # first (a score of 0 is below every BM25 score, which SQLite makes negative),
            # not scored again with the common clauses.
            scored = {doc for doc, _ in found}
            found += [(doc, 0.0) for doc in docs if doc not in scored]
        return found


def _gegeven(docs: int, rows: int) -> int:
    """The cost of scoring those of `docs` documents handed to SQLite that match an expression
    with `rows` matches: each id in the list, and the rows scored."""
    return PER_ID * docs + PER_ROW * min(docs, rows)


def _idf_lezen(tekst: str, documents: int) -> int:
    """What FTS5 reads for the idf of the clause `tekst`, which `documents` documents match:
    it counts the documents of each of its phrases apart, and a phrase of several terms
    (a multi-word synonym member as the index lays it out, five terms for "jongeren
    criminaliteit") advances every term to each document of the others. Each phrase is
    estimated from the clause's documents, which bound those of a one-term phrase (not the
    reads of a compound's parts joined in the any-word fallback, whose common part is
    planned apart there, `_geheel`). At a million items that phrase, whose rarest term has
    2,186 documents, costs 1.3 ms: as much as a word of 36,000."""
    return sum(
        documents if len(termen) == 1 else PER_FRASETERM * len(termen) * documents
        for termen in (frase.split() for frase in re.findall(r'"([^"]*)"', tekst))
    )


def _meest_als(
    db: sqlite3.Connection,
    match: str,
    weg: set[int],
    facets: FacetBitmaps,
    allowed: bytes | None,
    limit: int,
) -> list[int]:
    """The best `limit` matches of `match` that `allowed` allows (None: all), not those of
    `weg`: best BM25 score first, the newest of equal scores. SQLite scores and sorts every
    match either way, so `allowed` is applied while reading them in order rather than to a
    fixed number of the best; the dates come from the facet bitmaps, not from joining the
    documents' table for every match (twice the time at a million items)."""
    rows = list(
        _beste(
            (
                (doc, score)
                for doc, score in db.execute(f"{_SCORE} ORDER BY score", (match,))
                if doc not in weg and (allowed is None or _has(allowed, doc))
            ),
            limit,
        )
    )
    return _beste_eerst(rows, [], facets.datum, limit)


def documenten(db: sqlite3.Connection, expression: str, tot: int | None = None) -> int:
    """How many documents match `expression`: counted up to `tot` (COUNTED), beyond that
    estimated from the first and the last `tot` of them (FTS5 reads them by id from either
    end): as if the documents lay as densely between the first and the last as they do at
    both ends. Ids follow the order of writing, so a word's documents can be bunched (an
    import, a new topic); from one end alone a word in the oldest 2,500 of 30,000 documents
    was estimated at 30,000. FTS5's vocabulary table counts exactly, by reading every
    document of the term: at a million items 45 ms for fifteen words of which three were
    common."""
    tot = COUNTED if tot is None else tot
    aantal, eerste, tot_id = db.execute(_FIRST, (expression, tot + 1)).fetchone()
    if aantal <= tot:
        return int(aantal)
    vanaf_id, laatste = db.execute(_LAST, (expression, tot + 1)).fetchone()
    # 2 * tot gaps between documents over these two stretches of ids.
    gespreid = (tot_id - eerste) + (laatste - vanaf_id)
    return max(aantal, 2 * tot * (laatste - eerste) // max(gespreid, 1) + 1)


def _beste_eerst(
    rows: list[Row], voorkeur: list[set[int]], datum: bitmaps.Datums, aantal: int
) -> list[int]:
    """The ids of the best `aantal` of `rows`: those in the first preferred set first, then
    the second's, then the rest; within each, best score first, ties to the newest, and
    equal ones in the order of `rows`. Sorted in numpy: as a key per row in Python this took
    a quarter of a search that scores thousands of documents."""
    docs = np.fromiter((doc for doc, _ in rows), dtype=np.int64, count=len(rows))
    sleutels = [
        -datum.van(docs),
        np.fromiter((score for _, score in rows), dtype=np.float64, count=len(rows)),
        *(
            np.fromiter((doc not in laag for doc, _ in rows), dtype=bool, count=len(rows))
            for laag in reversed(voorkeur)
        ),
    ]
    # lexsort sorts by its last key first, and keeps the order of equal rows.
    return docs[np.lexsort(sleutels)[:aantal]].tolist()


def _beste(rows: Iterable[Row], aantal: int) -> Iterator[Row]:
    """The first `aantal` of `rows` (best score first) and all after them with the last one's
    score: equal scores go to the newest (`_top`), wherever SQLite's sort put them, so a
    page never depends on where a run of equal scores was cut (nor repeats across pages)."""
    laatste = None
    for i, row in enumerate(rows):
        if i >= aantal and row[1] != laatste:
            return
        laatste = row[1]
        yield row


def _groepsterm(alternatives: list[tuple[str, ...]], kaart: Kaart) -> list[tuple[str, ...]]:
    """`alternatives` with the one-word ones that belong to one synonym group replaced by the
    term that stands for the group (where the first of them was), the group shared by most
    first; phrases stay as they are. The word as typed (the first alternative) stays too, so
    a document with it scores for it and for its group: above one with only a synonym."""
    rest = list(alternatives)
    while True:
        telling = Counter(term for alt in rest if len(alt) == 1 for term in kaart.get(alt[0], ()))
        if not telling:
            break
        term, aantal = max(telling.items(), key=lambda paar: (paar[1], paar[0]))
        if aantal < 2:
            break
        leden = [alt for alt in rest if len(alt) == 1 and term in kaart.get(alt[0], ())]
        plek = rest.index(leden[0])
        rest = [alt for alt in rest if alt not in leden]
        rest.insert(plek, (term,))
    return rest if not alternatives or alternatives[0] in rest else [alternatives[0], *rest]


def _has(bits: bytes, doc: int) -> bool:
    return doc >> 3 < len(bits) and bool(bits[doc >> 3] >> (doc & 7) & 1)


def _matches(db: sqlite3.Connection, match: str) -> np.ndarray:
    """The ids of the documents that match `match`, in one string from SQLite (bitmaps.ids_uit)."""
    (tekst,) = db.execute(
        "SELECT group_concat(rowid) FROM fts WHERE fts MATCH ?", (match,)
    ).fetchone()
    return bitmaps.ids_uit(tekst)


def _toegestaan(docs: np.ndarray, bits: bytes) -> set[int]:
    """Those of `docs` with their bit set in `bits`, tested in C (this runs over every match)."""
    vlag = np.unpackbits(np.frombuffer(bits, dtype=np.uint8), bitorder="little")
    binnen = docs[docs < len(vlag)]
    return set(binnen[vlag[binnen] == 1].tolist())


def _marks(values: Sized) -> str:
    """One "?" placeholder per value. The SQL built with f-strings in this module (marked
    `# nosec B608` for bandit) only inserts these placeholders, table names and WEIGHTS, all
    constants of this module; every value is a bound parameter."""
    return ",".join("?" * len(values))


def _zeldzaamste(
    query: Query, clauses: Clauses, documents: dict[str, int]
) -> tuple[Query, Clauses]:
    """`query` and its `clauses` with at most MAX_GEZOCHT clauses: of a longer question, the
    typed words whose clauses have the fewest documents (`documents`: per clause; but not
    none), whole (a compound's parts together), in the question's order. Matching "enough
    of the clauses" costs every combination of them, and the commonest words add least to a
    match and its score, as Elasticsearch's common terms. Leaving out the last words instead
    lost "winkelcentrum" and "speeltuin" of "wat kan ik als bewoner van een flat doen tegen
    hangjongeren en drugsdealers die 's avonds overlast geven bij ons winkelcentrum en de
    speeltuin" (13 clauses)."""
    if len(clauses) <= MAX_GEZOCHT:
        return query, clauses
    gehouden: list[int] = []

    def zeldzaam(plekken: list[int]) -> tuple[bool, int]:
        # A word no document has only makes "enough of the clauses" harder: it is left out first.
        aantal = min(documents[clauses[i][0]] for i in plekken)
        return aantal == 0, aantal

    for plekken in sorted(query.woorden(), key=zeldzaam):
        if len(gehouden) + len(plekken) <= MAX_GEZOCHT:
            gehouden += plekken
    gehouden.sort()
    return Query([query.clauses[i] for i in gehouden]), [clauses[i] for i in gehouden]


def _per_getypt_woord(clauses: Clauses, query: Query) -> Clauses:
    """The clauses joined per typed word: a compound's parts as one clause that needs them
    all, so falling back to any word never finds "vraag" for "privevraag"."""
    return [
        (_samen([text for text, _ in groep]), [alt for _, alts in groep for alt in alts])
        for groep in _per_woord(clauses, query)
    ]


def _per_woord(clauses: Clauses, query: Query) -> list[Clauses]:
    """The clauses of each typed word (a compound's parts), in the query's order."""
    return [[clauses[i] for i in plekken] for plekken in query.woorden()]


def _samen(teksten: list[str]) -> str:
    """One clause that needs every clause of `teksten`. A word of one clause keeps its text,
    so its documents need not be counted again."""
    return teksten[0] if len(teksten) == 1 else "(" + " AND ".join(teksten) + ")"


def _geschat(
    clauses: Clauses, query: Query, documents: dict[str, int], tellen: Callable[[str], int]
) -> dict[str, int]:
    """Per typed word's clause (`_per_getypt_woord`) how many documents it has, at most: a
    compound's, those of its rarest part (`documents`: per clause). Counting them instead
    (`tellen`) reads the common part's documents from both ends: at a million items 6 ms
    for "wijkteam", whose part "wijk" 650,000 documents have. An estimate above COMMON_DOCS
    is counted all the same: a compound of two common parts may be rare, and taken for
    common it would not be scored (a review found such compounds ranked last)."""
    geteld = {}
    for groep in _per_woord(clauses, query):
        tekst = _samen([text for text, _ in groep])
        aantal = min(documents[text] for text, _ in groep)
        geteld[tekst] = tellen(tekst) if aantal > COMMON_DOCS and tekst not in documents else aantal
    return geteld


def _per_term(
    db: sqlite3.Connection, clauses: Clauses, documents: dict[str, int] | None = None
) -> dict[str, int]:
    """How many documents have each term of `clauses` (EmbeddedBackend._documenten_per_term);
    those of a clause of one term are its `documents`, when counted already."""
    geteld = documents or {}
    bekend = {
        alternatives[0][0]: geteld[text]
        for text, alternatives in clauses
        if text in geteld and len(alternatives) == 1 and len(alternatives[0]) == 1
    }
    rest = (term for _, alternatives in clauses for alt in alternatives for term in alt)
    return bekend | EmbeddedBackend._documenten_per_term(
        db, (term for term in rest if term not in bekend)
    )


def _distinctive(clauses: Clauses, frequency: dict[str, int], documents: int) -> list[str]:
    """The clauses that can match and are not common (a term in at most COMMON_SHARE of
    the `documents`, and never fewer than COMMON_MIN; `frequency`: documents per term);
    failing that, those that can match."""
    limit = max(COMMON_SHARE * documents, COMMON_MIN)

    def keep(alternatives: list[tuple[str, ...]], common_ok: bool) -> bool:
        counts = [frequency.get(term, 0) for alt in alternatives for term in alt]
        return any(count > 0 and (common_ok or count <= limit) for count in counts)

    for common_ok in (False, True):
        kept = [text for text, alternatives in clauses if keep(alternatives, common_ok)]
        if kept:
            return kept
    return [text for text, _ in clauses]


def _geheel(
    query: Query, per_woord: Clauses, frequency: dict[str, int], teksten: list[str], kaart: Kaart
) -> dict[str, tuple[str, int]]:
    """Of the any-word fallback's clauses (`per_woord`, per typed word; those of `teksten`,
    the ones it keeps), those of a compound
    with a common part (in more than COMMON_DOCS documents), each with its whole word to be
    scored with instead (Scoring.candidates). FTS5 reads every document of each word of an
    expression for its idf: at a million items the 650,000 of "wijk" for "wijkteam", most
    of a question's time. The whole word is in fewer documents than the clause and credits
    only those that have the compound, never one with a part alone ("team" for wijkteam
    would); one with the parts apart matches and is counted, but ranks on its other words.
    The whole word keeps the other members of a multi-word synonym the word is part of
    ("buurtteam" for "sociaal wijkteam"). With each, how many documents FTS5 reads for the
    clause's idf."""
    geheel = query.geheel
    getypt = dict.fromkeys(clause.getypt for clause in query.clauses)
    found = {}
    for woord, (text, alternatives) in zip(getypt, per_woord, strict=True):
        lezen = [frequency.get(term, 0) for alt in alternatives for term in alt]
        if text in teksten and woord in geheel and max(lezen, default=0) > COMMON_DOCS:
            heel = _zoals_geindexeerd(geheel[woord], kaart)
            found[text] = ("(" + " OR ".join(map(_fts_phrase, heel)) + ")", sum(lezen))
    return found


def _zoals_geindexeerd(alternatives: list[tuple[str, ...]], kaart: Kaart) -> list[tuple[str, ...]]:
    """`alternatives` with each phrase as the index holds it: each stem followed by its
    synonym groups' terms in `kaart` (met_groepen), or it would never match."""
    return [alt if len(alt) == 1 else tuple(met_groepen(alt, kaart)) for alt in alternatives]


def _fts_phrase(terms: tuple[str, ...]) -> str:
    return '"' + " ".join(term.replace('"', "") for term in terms) + '"'


def _genoeg(
    db: sqlite3.Connection, teksten: list[str], documents: dict[str, int]
) -> tuple[np.ndarray, np.ndarray | None]:
    """The ids of the matches of `minimum_should_match(teksten)`, and of those with every
    clause when they came at no cost (None otherwise). FTS5 evaluates that expression as one
    branch per combination of clauses, each seeking through the documents of its common
    words: at a million items 71 ms for a question of eight clauses (28 branches) and 22 ms
    for "integrale wijkaanpak samenwerking" (five clauses, five branches). A match lacks at
    most len - nodig clauses, so it has one of the len - nodig + 1 rarest (`documents` says
    which): when those are few, their documents are the candidates, every other clause is
    looked for among them only, and numpy counts the clauses each candidate has."""
    nodig = minimum_nodig(len(teksten))
    ankers = sorted(teksten, key=documents.__getitem__)[: len(teksten) - nodig + 1]
    if nodig == len(teksten) or sum(documents[anker] for anker in ankers) > ANKER_DOCS:
        return _matches(db, minimum_should_match(teksten)), None
    kandidaten = " OR ".join(ankers)
    per_clause = [
        _matches(db, tekst if tekst in ankers else f"({kandidaten}) AND {tekst}")
        for tekst in teksten
    ]
    ids, clauses = np.unique(np.concatenate(per_clause), return_counts=True)
    return ids[clauses >= nodig], ids[clauses == len(teksten)]


def minimum_should_match(teksten: list[str]) -> str:
    """The FTS5 expression for "enough of these clauses", as Elasticsearch's
    minimum_should_match "2<-1 5<75%": up to two words all must match, three to five all but
    one, more than five three quarters (rounded up), so a long question still finds the
    document that lacks one of its words."""
    aantal = len(teksten)
    nodig = minimum_nodig(aantal)
    if nodig == aantal:
        return " AND ".join(teksten)
    return " OR ".join(
        "(" + " AND ".join(deel) + ")" for deel in itertools.combinations(teksten, nodig)
    )


def minimum_nodig(aantal: int) -> int:
    """How many of `aantal` clauses minimum_should_match needs."""
    return aantal if aantal <= 2 else aantal - 1 if aantal <= 5 else math.ceil(0.75 * aantal)


def toegestane_fouten(woord: str) -> int:
    """Typos allowed in a typed word, as Elasticsearch's fuzziness AUTO:5,8: none in short
    words (too many other words are that close), one from 5 letters, two from 8."""
    if len(woord) >= TYPO_TWEE_LENGTH:
        return 2
    return 1 if len(woord) >= TYPO_MIN_LENGTH else 0
