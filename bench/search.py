"""Speed of the embedded search backend on a synthetic corpus, against a reference that does
the same work with plain SQLite FTS5, at one or more corpus sizes:

    .venv/bin/python bench/search.py [--items 100000,300000,1000000] [--repeat 5] [--writes 20]

Per size and engine: indexing throughput (the corpus's generation not counted), index size on
disk, process memory (peak resident set of the indexing process and of the searching one),
the first search of a new process, latency of a query mix with facet counts and snippets
(p50/p95/p99), and the first search after a write: one document indexed by another instance
on the same file (another worker), then one search, repeated (p50/p95).

The reference ("plain FTS5") stores the same analysed text and words (search.analysis) in the
same FTS5 table and gets the same match expression, typo alternatives and fallback (the
backend's own code, run on the reference's file); it filters and counts facets in SQL (a
subquery and a GROUP BY on the facet table; a facet with a choice is counted without its own
filter, as the site counts it), ranks with ORDER BY bm25() and date, and takes
its snippets from FTS5's snippet() (over the analysed text: cheaper, not what users see).
Both must find the same number of matches with the same facet counts; the bench says so.

Both index and search with the site's starting list of synonym groups (search/data/
synoniemen.txt), as production does.

The corpus mixes the demo texts' words into 30,000 made-up ones with a Zipf distribution, as
in real text, with facet spreads like the site's (12 themes, 20 areas, 4 actielijnen, 6
types). Each size and engine is built and measured in a process of its own, so peak memory is
that engine's; everything runs in a temporary folder and needs no database."""

import argparse
import datetime
import itertools
import json
import random
import resource
import shutil
import sqlite3

# Runs this script itself, with arguments made here (bandit B404, B603).
import subprocess  # nosec B404
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search.analysis import analyze, leden, startlijst, stem, synoniemkaart, words  # noqa: E402
from search.backends.base import Document, Vraag  # noqa: E402
from search.backends.embedded import (  # noqa: E402
    TYPO_MIN_LENGTH,
    WEIGHTS,
    EmbeddedBackend,
    _distinctive,
    _per_getypt_woord,
    _per_term,
    minimum_should_match,
)
from search.query import Query, parse  # noqa: E402

QUERIES = [
    "aanpak jeugdcriminaliteit",
    "criminaliteit jongeren",
    "woningen verduurzamen",
    "schuldhulpverlening",
    "bewoners participatie",
    "leraren woningen",
    "ondermijning herkennen",
    "energiecoaches huurders",
    "buurtbemiddeling",
    "integrale wijkaanpak samenwerking",
    '"plan per gezin"',
    "ondermijnig",
    "gezondheid buurthuis",
    "taalhuis bibliotheek",
    "regietafel alliantie",
    # Natural questions, as residents and professionals ask them (the relevance sets'
    # category): many clauses, and the second finds too little with enough of its words,
    # so it falls back to any word.
    "hoe voorkom je dat huurders uit hun huis worden gezet",
    "wat doet een wijkteam bij een gezin met heel veel problemen tegelijk",
]
# The site's starting list of synonym groups, in the index (a term per group beside each
# member) and in the queries, as in production.
GROEPEN = [leden(groep) for groep in startlijst()]
KAART = synoniemkaart(GROEPEN)
FILTERED_SHARE = 0.3  # of the queries, with a theme chosen
TYPES = ["praktijkvoorbeeld", "publicatie", "vraag", "evenement", "expert", "leerkring"]
SYLLABLES = "ver be wijk stra huis gen ing heid lijk zorg ont bouw ker pla men werk bu ur ta sche"
TITLE, SUMMARY, SENTENCE, SENTENCES = 6, 25, 15, 8


def vocabulary() -> list[str]:
    text = " ".join(
        json.dumps(item, ensure_ascii=False)
        for name in ("demo_praktijkvoorbeelden", "demo_publicaties", "demo_vragen")
        for item in json.loads((ROOT / "kennisbank" / "data" / f"{name}.json").read_text())
    )
    return sorted({word for word in words(text) if len(word) > 2 and not word.isdigit()})


def corpus(start: int, stop: int, seed: int) -> Iterator[Document]:
    """Documents doc:start up to doc:stop, the same for the same arguments: the demo words
    mixed into 30,000 made-up Dutch-looking ones, with Zipf weights (the n-th word is used
    about 1/n as often as the first), as in real text."""
    rng = random.Random(seed)
    made_up = {"".join(rng.choices(SYLLABLES.split(), k=rng.randint(2, 4))) for _ in range(30_000)}
    vocab = sorted(made_up | set(vocabulary()))
    rng.shuffle(vocab)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocab))))
    themes = [f"thema-{i}" for i in range(12)]
    areas = [f"gebied-{i}" for i in range(20)]
    per_doc = TITLE + SUMMARY + SENTENCE * SENTENCES
    for i in range(start, stop):
        drawn = rng.choices(vocab, cum_weights=cumulative, k=per_doc)
        body = drawn[TITLE + SUMMARY :]
        yield Document(
            key=f"doc:{i}",
            type=rng.choice(TYPES),
            type_label="Soort",
            title=" ".join(drawn[:TITLE]).capitalize(),
            summary=" ".join(drawn[TITLE : TITLE + SUMMARY]) + ".",
            body=". ".join(" ".join(body[s : s + SENTENCE]) for s in range(0, len(body), SENTENCE))
            + ".",
            url=f"/doc/{i}/",
            datum=datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 2000),
            facetten={
                "thema": [(t, t) for t in rng.sample(themes, rng.randint(1, 3))],
                "gebied": [(a, a) for a in rng.sample(areas, 1)],
                "actielijn": [(str(rng.randint(1, 4)), "actielijn")],
            },
        )


class Timed:
    """Iterates over `documents` and adds up the time spent making them, so indexing
    throughput leaves the corpus generation out."""

    def __init__(self, documents: Iterator[Document]) -> None:
        self.documents = documents
        self.seconds = 0.0

    def __iter__(self) -> Iterator[Document]:
        while True:
            started = time.perf_counter()
            document = next(self.documents, None)
            self.seconds += time.perf_counter() - started
            if document is None:
                return
            yield document


class Reference:
    """The same work with plain SQLite FTS5; see the module's docstring."""

    SCHEMA = """
    PRAGMA journal_mode=WAL;
    CREATE TABLE docs (
        id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, title TEXT NOT NULL,
        url TEXT NOT NULL, datum TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, labels, tokenize='ascii');
    CREATE TABLE facets (doc INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
        label TEXT NOT NULL);
    CREATE INDEX facets_by_value ON facets (name, value, doc);
    CREATE INDEX facets_by_doc ON facets (doc, name, value);
    CREATE TABLE words (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
    """

    def __init__(self, path: Path) -> None:
        new = not path.exists()
        self.db = sqlite3.connect(path, isolation_level="IMMEDIATE")
        if new:
            self.db.executescript(self.SCHEMA)
        # The backend's query code, run on this file (it only reads the `docs`, `fts`, `words`
        # and `synoniemen` tables, which have the same shape here); its own file is never
        # opened.
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS synoniemen (stem TEXT PRIMARY KEY, termen TEXT NOT NULL)"
            " WITHOUT ROWID"
        )
        self.helper = EmbeddedBackend(path)
        self.kaart = EmbeddedBackend._kaart(self.db)

    def rebuild(self, documents) -> None:
        with self.db:
            EmbeddedBackend._kaart_opslaan(self.db, KAART)
            self.kaart = KAART
            for document in documents:
                self._write(document)
            self.db.execute("INSERT INTO fts (fts) VALUES ('optimize')")

    def index(self, documents: list[Document]) -> None:
        with self.db:
            for document in documents:
                self._write(document)

    def _write(self, document: Document) -> None:
        db = self.db
        (doc,) = db.execute(
            "INSERT INTO docs (key, title, url, datum) VALUES (?, ?, ?, ?) ON CONFLICT (key)"
            " DO UPDATE SET title=excluded.title, datum=excluded.datum RETURNING id",
            (document.key, document.title, document.url, str(document.datum or "")),
        ).fetchone()
        db.execute("DELETE FROM fts WHERE rowid = ?", (doc,))
        db.execute("DELETE FROM facets WHERE doc = ?", (doc,))
        labels = " ".join(label for pairs in document.facetten.values() for _, label in pairs)
        texts = (document.title, document.summary, document.body)
        db.execute(
            "INSERT INTO fts (rowid, title, summary, body, labels) VALUES (?, ?, ?, ?, ?)",
            (doc, *(analyze(text, self.kaart) for text in (*texts, labels))),
        )
        facets = {**document.facetten, "type": [(document.type, document.type_label)]}
        db.executemany(
            "INSERT INTO facets VALUES (?, ?, ?, ?)",
            [(doc, name, value, label) for name, pairs in facets.items() for value, label in pairs],
        )
        db.executemany(
            "INSERT OR IGNORE INTO words VALUES (?, ?)",
            [
                (word, stem(word))
                for text in texts
                for word in set(words(text))
                if len(word) >= TYPO_MIN_LENGTH - 1
            ],
        )

    def search(self, vraag: Vraag, query: Query) -> dict:
        db = self.db
        clauses, _ = self.helper._clauses(db, query, {})
        teksten = [text for text, _ in clauses]
        match = minimum_should_match(teksten)
        count = "SELECT count(*) FROM fts WHERE fts MATCH ?"
        if len(clauses) > 1 and not db.execute(count, (match,)).fetchone()[0]:
            (documents,) = db.execute("SELECT count(*) FROM docs").fetchone()
            per_woord = _per_getypt_woord(clauses, query)
            match = " OR ".join(_distinctive(per_woord, _per_term(db, per_woord), documents))

        # The matches scored once (MATERIALIZED: folding the facet filter into the FTS5
        # query makes SQLite run the match again for every document of the facet value).
        # Only placeholders and constants are formatted into this SQL (bandit B608).
        def scored(behalve: str = "") -> tuple[str, list]:
            """The matches scored once (MATERIALIZED: folding the facet filter into the FTS5
            query makes SQLite run the match again for every document of the facet value),
            filtered by every facet but `behalve`. Only placeholders and constants are
            formatted into this SQL (bandit B608)."""
            sql = (
                f"WITH m AS MATERIALIZED (SELECT rowid AS doc, bm25(fts, {WEIGHTS}) AS score"  # nosec B608
                " FROM fts WHERE fts MATCH ?), allowed AS (SELECT doc, score FROM m WHERE 1"
            )
            params = [match]
            for name, values in vraag.filters.items():
                if name == behalve:
                    continue
                sql += (
                    " AND EXISTS (SELECT 1 FROM facets f WHERE f.doc = m.doc AND f.name = ?"  # nosec B608
                    f" AND f.value IN ({','.join('?' * len(values))}))"
                )
                params += [name, *values]
            return sql + ")", params

        alle_filters, params = scored()
        (total,) = db.execute(f"{alle_filters} SELECT count(*) FROM allowed", params).fetchone()  # nosec B608
        # Facet counts as the site shows them: a facet with a choice is counted without its
        # own filter, so its other values keep their counts (disjunctive faceting).
        facetten: dict[str, dict[str, int]] = {}
        gekozen = list(vraag.filters)
        tellingen = [
            (
                alle_filters,
                params,
                f"name NOT IN ({','.join('?' * len(gekozen))})",  # nosec B608
                gekozen,
            )
        ]
        for name in gekozen:
            zonder, zonder_params = scored(behalve=name)
            tellingen.append((zonder, zonder_params, "name = ?", [name]))
        for sql, sql_params, waar, waar_params in tellingen:
            for name, value, number in db.execute(
                f"{sql} SELECT name, value, count(*) FROM allowed JOIN facets USING (doc)"  # nosec B608
                f" WHERE {waar} GROUP BY name, value",
                [*sql_params, *waar_params],
            ):
                facetten.setdefault(name, {})[value] = number
        order, order_params = "score, docs.datum DESC", []
        alles = " AND ".join(teksten)
        if match != alles:
            # Documents with every word first, as the backend ranks them.
            order = f"doc NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?), {order}"  # nosec B608
            order_params = [alles]
        top = [
            doc
            for (doc,) in db.execute(
                f"{alle_filters} SELECT doc FROM allowed JOIN docs ON docs.id = doc"  # nosec B608
                f" ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, *order_params, vraag.per_pagina, (vraag.pagina - 1) * vraag.per_pagina],
            )
        ]
        db.execute(
            "SELECT docs.key, docs.title, docs.url, snippet(fts, -1, '<mark>', '</mark>', '…', 30)"
            " FROM fts JOIN docs ON docs.id = fts.rowid WHERE fts MATCH ?"
            " AND fts.rowid IN (SELECT value FROM json_each(?))",
            (match, json.dumps(top)),
        ).fetchall()
        return {"count": total, "facetten": facetten}


def ours_result(backend: EmbeddedBackend, vraag: Vraag, query: Query) -> dict:
    result = backend.search(vraag, query)
    facetten = {
        name: {w.value: w.count for w in values} for name, values in result.facetten.items()
    }
    return {"count": result.count, "facetten": {n: v for n, v in facetten.items() if v}}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(engine: str, items: int, path: Path) -> dict:
    documents = Timed(corpus(0, items, seed=42))
    started = time.perf_counter()
    if engine == "ours":
        EmbeddedBackend(path).rebuild(documents, KAART)
    else:
        Reference(path).rebuild(documents)
    seconds = time.perf_counter() - started - documents.seconds
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {
        "items_s": items / seconds,
        "disk_mb": path.stat().st_size / 1e6,
        "rss_build": peak_mb(),
    }


def measure(engine: str, items: int, path: Path, repeat: int, writes: int) -> dict:
    """The query mix, then `writes` times one document written and one search."""
    rng = random.Random(7)
    mix = [
        (text, {"thema": ["thema-1"]} if rng.random() < FILTERED_SHARE else {})
        for _ in range(repeat)
        for text in QUERIES
    ]
    queries = {text: parse(text, GROEPEN) for text in QUERIES}
    if engine == "ours":
        reader, writer = EmbeddedBackend(path), EmbeddedBackend(path)

        def search(text: str, filters: dict) -> dict:
            return ours_result(reader, Vraag(text, filters=filters), queries[text])

        write = writer.index
    else:
        reference = Reference(path)

        def search(text: str, filters: dict) -> dict:
            return reference.search(Vraag(text, filters=filters), queries[text])

        write = reference.index

    def timed(text: str, filters: dict) -> tuple[float, dict]:
        started = time.perf_counter()
        result = search(text, filters)
        return (time.perf_counter() - started) * 1000, result

    first, _ = timed(*mix[0])
    latencies, results = [], []
    for text, filters in mix:
        ms, result = timed(text, filters)
        latencies.append(ms)
        results.append(result)
    after_write, write_ms = [], []
    for i, document in enumerate(corpus(items, items + writes, seed=43)):
        started = time.perf_counter()
        write([document])
        write_ms.append((time.perf_counter() - started) * 1000)
        ms, result = timed(*mix[i % len(mix)])
        after_write.append(ms)
        results.append(result)
    return {
        "first_ms": first,
        "search": [percentile(latencies, p) for p in (50, 95, 99)],
        "after_write": [percentile(after_write, p) for p in (50, 95)],
        "write_ms": percentile(write_ms, 50),
        "rss_search": peak_mb(),
        "results": results,
    }


def step(args: list[str]) -> dict:
    """Runs one step of this script in a process of its own and returns what it printed."""
    done = subprocess.run(  # nosec B603
        [sys.executable, __file__, *args], check=True, stdout=subprocess.PIPE, text=True
    )
    return json.loads(done.stdout)


def report(items: int, ours: dict, reference: dict) -> None:
    rows = [
        ("indexing, items/s", "items_s", "{:,.0f}"),
        ("index on disk, MB", "disk_mb", "{:,.0f}"),
        ("peak memory indexing, MB", "rss_build", "{:,.0f}"),
        ("peak memory searching, MB", "rss_search", "{:,.0f}"),
        ("first search, new process, ms", "first_ms", "{:,.1f}"),
        ("one-document write, p50 ms", "write_ms", "{:,.1f}"),
    ]
    print(f"\n{items:,} items{'ours':>28}{'plain FTS5':>14}{'ours/FTS5':>11}")
    for label, key, form in rows:
        a, b = ours[key], reference[key]
        print(f"  {label:32}{form.format(a):>12}{form.format(b):>14}{a / b:>11.2f}")
    for label, key, names in (
        ("search", "search", ("p50", "p95", "p99")),
        ("first search after a write", "after_write", ("p50", "p95")),
    ):
        for name, a, b in zip(names, ours[key], reference[key], strict=True):
            print(f"  {label + ', ' + name + ' ms':32}{a:>12.1f}{b:>14.1f}{a / b:>11.2f}")
    differ = sum(a != b for a, b in zip(ours["results"], reference["results"], strict=True))
    print(
        f"  {len(ours['results'])} searches (after writes too), {len(ours['results']) - differ}"
        " with the same count and facet counts in both"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", default="100000", help="sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="times the queries are run")
    parser.add_argument("--writes", type=int, default=20, help="writes, each with one search")
    parser.add_argument(
        "--keep",
        type=Path,
        help="folder to keep the built indexes in and measure copies of them, so a size is"
        " built once (1,000,000 items take half an hour)",
    )
    # One step in a process of its own (main runs these).
    parser.add_argument("--step", choices=["build", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--engine", choices=["ours", "reference"], help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step == "build":
        print(json.dumps(build(args.engine, int(args.items), args.path)))
        return
    if args.step == "measure":
        print(
            json.dumps(measure(args.engine, int(args.items), args.path, args.repeat, args.writes))
        )
        return
    folder = Path(tempfile.mkdtemp(prefix="wijkwijzer-bench-"))
    try:
        for items in map(int, args.items.split(",")):
            found = {}
            for engine in ("ours", "reference"):
                path = folder / f"{engine}-{items}.sqlite3"
                common = ["--engine", engine, "--items", str(items), "--path", str(path)]
                runs = ["--repeat", str(args.repeat), "--writes", str(args.writes)]
                if args.keep:
                    found[engine] = kept(args.keep, engine, items, path)
                else:
                    found[engine] = step(["--step", "build", *common])
                found[engine] |= step(["--step", "measure", *common, *runs])
                for file in folder.glob(f"{engine}-{items}.sqlite3*"):
                    file.unlink()
            report(items, found["ours"], found["reference"])
    finally:
        shutil.rmtree(folder)


def kept(keep: Path, engine: str, items: int, path: Path) -> dict:
    """The build figures of the index of `engine` at `items` kept in `keep`, built there first
    when it is not there yet; the index is copied to `path`, so the writes of the measurement
    leave the kept one as built. The kept index must be rebuilt (its files removed) when the
    corpus or what the index holds changes."""
    keep.mkdir(parents=True, exist_ok=True)
    index, figures = keep / f"{engine}-{items}.sqlite3", keep / f"{engine}-{items}.json"
    if not figures.exists():
        for file in keep.glob(f"{index.name}*"):
            file.unlink()
        built = step(
            ["--step", "build", "--engine", engine, "--items", str(items), "--path", str(index)]
        )
        figures.write_text(json.dumps(built))
    shutil.copyfile(index, path)
    return json.loads(figures.read_text())


if __name__ == "__main__":
    main()
