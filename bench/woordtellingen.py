"""How fast the embedded backend counts a word's documents, where it chooses between words by
how common they are: typo candidates ("Bedoelde je", EmbeddedBackend._dichtbij) and the
any-word fallback (embedded._distinctive). Against the exact count of FTS5's
vocabulary table (fts5vocab), which it used before and which reads every document of a word:

    .venv/bin/python bench/woordtellingen.py [--items 1000000]

The index is synthetic, built in a temporary folder with the backend's own schema: five
common words in 10 to 60% of the documents, two in half of the first or the last tenth of
them (bunched by id), and 30 of 20,000 rare words per document. Prints
per common word both counts and their times (best and median of 7), then the two backend
paths on typos of the common words and on a query of the five with one rare word."""

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search.backends.embedded import EmbeddedBackend, _distinctive, _per_term, documenten

GEWOON = {"wijk": 0.6, "woning": 0.4, "buurt": 0.3, "jonger": 0.15, "bewoner": 0.1}
# Words whose documents are bunched by id, as after an import or with a new topic: in half of
# the first and of the last tenth of the documents.
GEBUNDELD = {"oudbouw": (0.0, 0.1), "nieuwbouw": (0.9, 1.0)}
# Spread over the alphabet, as a real vocabulary: typo candidates are read by first letter.
ZELDZAAM = [f"{chr(ord('a') + i % 26)}{i}" for i in range(20_000)]
TYPFOUTEN = ["woninh", "buurtt", "jongre", "bewonre"]


def bouwen(path: Path, items: int) -> None:
    backend = EmbeddedBackend(path)
    db = backend._db()
    rng = random.Random(1)
    with db:
        for doc in range(1, items + 1):
            woorden = [w for w, deel in GEWOON.items() if rng.random() < deel]
            woorden += [
                w
                for w, (van, tot) in GEBUNDELD.items()
                if van * items < doc <= tot * items and rng.random() < 0.5
            ]
            woorden += rng.sample(ZELDZAAM, 30)
            db.execute(
                "INSERT INTO fts (rowid, title, summary, body, labels) VALUES (?, ?, '', ?, '')",
                (doc, " ".join(woorden[:5]), " ".join(woorden)),
            )
            db.execute(
                "INSERT INTO docs (id, key, type, type_label, title, summary, body, url, datum)"
                " VALUES (?, ?, 't', 'T', '', '', '', '', '2026-01-01')",
                (doc, f"t:{doc}"),
            )
        db.executemany("INSERT INTO words VALUES (?, ?)", [(w, w) for w in [*GEWOON, *ZELDZAAM]])
        db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, row)")


def tijd(functie: Callable[[], object]) -> str:
    tijden = []
    for _ in range(7):
        start = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - start) * 1000)
    return f"{min(tijden):6.2f} / {statistics.median(tijden):6.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wijkwijzer-woordtellingen-") as map_:
        path = Path(map_) / "index.sqlite3"
        start = time.perf_counter()
        bouwen(path, args.items)
        print(f"{args.items:,} documenten gebouwd in {time.perf_counter() - start:.0f} s")
        backend = EmbeddedBackend(path)
        db: sqlite3.Connection = backend._db()
        print(
            f"{'woord':10} {'exact':>8} {'fts5vocab (min / mediaan)':>26} {'geteld':>8} "
            f"{'documenten() (min / mediaan)':>29}"
        )
        for woord in [*GEWOON, *GEBUNDELD]:

            def exact(woord: str = woord) -> int:
                return db.execute("SELECT doc FROM vocab WHERE term = ?", (woord,)).fetchone()[0]

            def geteld(woord: str = woord) -> int:
                return documenten(db, f'"{woord}"')

            print(f"{woord:10} {exact():8} {tijd(exact):>26} {geteld():8} {tijd(geteld):>29}")
        for typfout in TYPFOUTEN:
            print(
                f"typfout {typfout:9} {tijd(lambda t=typfout: backend._dichtbij(db, t))}"
                f" -> {backend._dichtbij(db, typfout)[0][0]}"
            )
        clauses = [(f'("{w}")', [(w,)]) for w in [*GEWOON, ZELDZAAM[1]]]

        def terugval() -> list[str]:
            return _distinctive(clauses, _per_term(db, clauses), args.items)

        print(f"any-word fallback, 6 words {tijd(terugval)} -> {terugval()}")


if __name__ == "__main__":
    main()
