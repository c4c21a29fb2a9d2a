"""Speed of the embedded search backend on a synthetic corpus: indexing throughput, latency of
typical queries with facets (p50/p95/p99), the bare engine query (FTS5 MATCH ranked by BM25,
top 10) for comparison, and memory.

    .venv/bin/python bench/search.py [--items 100000] [--repeat 5]

The corpus mixes the demo texts' words into 30,000 made-up ones with a Zipf distribution, as
in real text, with facet spreads like the site's (12 themes, 20 areas, 4 actielijnen, 6
types). It runs in a temporary folder and needs no database."""

import argparse
import datetime
import itertools
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search.analysis import words  # noqa: E402
from search.backends.base import Document, Vraag  # noqa: E402
from search.backends.embedded import WEIGHTS, EmbeddedBackend  # noqa: E402
from search.query import parse  # noqa: E402

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
]
TYPES = ["praktijkvoorbeeld", "publicatie", "vraag", "evenement", "expert", "leerkring"]


def vocabulary() -> list[str]:
    text = " ".join(
        json.dumps(item, ensure_ascii=False)
        for name in ("demo_praktijkvoorbeelden", "demo_publicaties", "demo_vragen")
        for item in json.loads((ROOT / "kennisbank" / "data" / f"{name}.json").read_text())
    )
    return sorted({word for word in words(text) if len(word) > 2 and not word.isdigit()})


def zipf_vocabulary(
    demo: list[str], size: int, rng: random.Random
) -> tuple[list[str], list[float]]:
    """The demo words mixed into `size` made-up Dutch-looking words, with Zipf weights (the
    n-th word is used about 1/n as often as the first), as in real text."""
    syllables = [
        "ver",
        "be",
        "wijk",
        "stra",
        "huis",
        "gen",
        "ing",
        "heid",
        "lijk",
        "zorg",
        "ont",
        "bouw",
        "ker",
        "pla",
        "men",
        "werk",
        "bu",
        "ur",
        "ta",
        "sche",
    ]
    made_up = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size)}
    words_ = sorted(made_up | set(demo))
    rng.shuffle(words_)
    return words_, [1 / (rank + 1) for rank in range(len(words_))]


def corpus(n: int, vocab: list[str], rng: random.Random):
    themes = [f"thema-{i}" for i in range(12)]
    areas = [f"gebied-{i}" for i in range(20)]
    words_, weights = zipf_vocabulary(vocab, 30_000, rng)
    cumulative = list(itertools.accumulate(weights))
    for i in range(n):
        sentence = lambda k: " ".join(rng.choices(words_, cum_weights=cumulative, k=k))  # noqa: E731
        yield Document(
            key=f"doc:{i}",
            type=rng.choice(TYPES),
            type_label="Soort",
            title=sentence(6).capitalize(),
            summary=sentence(25) + ".",
            body=". ".join(sentence(15) for _ in range(8)) + ".",
            url=f"/doc/{i}/",
            datum=datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 2000),
            facetten={
                "thema": [(t, t) for t in rng.sample(themes, rng.randint(1, 3))],
                "gebied": [(a, a) for a in rng.sample(areas, 1)],
                "actielijn": [(str(rng.randint(1, 4)), "actielijn")],
            },
        )


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(42)
    vocab = vocabulary()
    path = Path(tempfile.mkdtemp(prefix="wijkwijzer-bench-")) / "zoekindex.sqlite3"
    backend = EmbeddedBackend(path)

    started = time.perf_counter()
    backend.rebuild(list(corpus(args.items, vocab, rng)))
    seconds = time.perf_counter() - started
    size = path.stat().st_size / 1e6
    print(f"corpus: {args.items} items, index {size:.0f} MB")
    print(f"indexing: {seconds:.1f} s, {args.items / seconds:.0f} items/s")

    db = backend._db()
    t0 = time.perf_counter()
    backend.search(Vraag("woning"), parse("woning"))
    first = (time.perf_counter() - t0) * 1000
    print(f"first query after an index change (loads the facet bitmaps): {first:.0f} ms")
    full, bare = [], []
    for _ in range(args.repeat):
        for text in QUERIES:
            query = parse(text)
            t0 = time.perf_counter()
            result = backend.search(
                Vraag(text, filters={"thema": ["thema-1"]} if rng.random() < 0.3 else {}), query
            )
            full.append((time.perf_counter() - t0) * 1000)
            match = " AND ".join(text for text, _ in backend._clauses(db, query, {}))
            t0 = time.perf_counter()
            db.execute(
                # WEIGHTS is the backend's constant; the query is a bound parameter.
                f"SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, {WEIGHTS}) LIMIT 10",  # nosec B608
                (match,),
            ).fetchall()
            bare.append((time.perf_counter() - t0) * 1000)
            assert result.facetten is not None
    print(f"queries: {len(full)} (with facet counts, 10 results, snippets)")
    for name, values in (("search", full), ("bare FTS5 top 10", bare)):
        p50, p95, p99 = (percentile(values, p) for p in (50, 95, 99))
        print(
            f"  {name:22} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  p99 {p99:6.1f} ms"
            f"  mean {statistics.mean(values):6.1f} ms"
        )
    print(f"  overhead ratio (p50): {percentile(full, 50) / max(percentile(bare, 50), 0.001):.1f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"memory: peak resident {peak:.0f} MB")


if __name__ == "__main__":
    main()
