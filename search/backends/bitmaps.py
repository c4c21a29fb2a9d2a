"""Facet values as bitmaps over document ids, kept in step with the embedded index.

Several processes (gunicorn workers) share one index file and each keeps its own bitmaps in
memory. Every write bumps the index's version and logs, in the same transaction, which
documents it changed; a process that finds a newer version reads only those documents again
and sets or clears their bits. It loads everything afresh only when it has no bitmaps yet or
the log no longer reaches back to its version: after a rebuild, or when it fell more than
CHANGES_KEPT logged changes behind (catching up would then cost about as much)."""

import sqlite3
from collections.abc import Iterable
from typing import overload

import numpy as np

from search.backends.base import FACETS, FacetWaarde, Vraag

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO meta (key, value) VALUES ('version', 0);
CREATE TABLE IF NOT EXISTS changes (
    version INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (version, doc)
) WITHOUT ROWID;
-- The log is complete from this version on. An index made before the log existed starts it
-- at its current version.
INSERT OR IGNORE INTO meta (key, value) SELECT 'changes_from', value FROM meta
    WHERE key = 'version';
"""
CHANGES_KEPT = 10_000
# Up to this many documents are handled bit by bit rather than as a bitmap of every document.
FEW = 64
_CHANGED = "SELECT DISTINCT doc FROM changes WHERE version > ?"
# Per facet value its documents as one string: ten times faster to read than a row per
# document and value. The label is that of any of the value's rows (they are the same).
_FACETS = "SELECT name, value, label, group_concat(doc) FROM facets GROUP BY name, value"
_FACETS_CHANGED = (
    "SELECT name, value, label, group_concat(doc) FROM facets"
    " WHERE doc IN (SELECT doc FROM changes WHERE version > ?) GROUP BY name, value"
)
_DOCS = "SELECT group_concat(id) FROM docs"
_DOCS_CHANGED = (
    "SELECT group_concat(id) FROM docs WHERE id IN (SELECT doc FROM changes WHERE version > ?)"
)
# The dated documents and their dates as date.toordinal(), computed by SQLite (the Julian day
# number of 0001-01-01 is 1721425.5), as two strings in the same order.
_DATES = (
    "SELECT group_concat(id), group_concat(CAST(julianday(datum) - 1721424.5 AS INTEGER))"
    " FROM docs WHERE julianday(datum) IS NOT NULL"
)
# Two constants joined (bandit B608).
_DATES_CHANGED = f"{_DATES} AND id IN (SELECT doc FROM changes WHERE version > ?)"  # nosec B608


def record(db: sqlite3.Connection, docs: Iterable[int]) -> None:
    """Bump the version and log the documents a write changed; to be called inside the
    write's transaction, so no process can see the write without its log entries."""
    (version,) = db.execute(
        "UPDATE meta SET value = value + 1 WHERE key = 'version' RETURNING value"
    ).fetchone()
    db.executemany(
        "INSERT OR IGNORE INTO changes (version, doc) VALUES (?, ?)",
        [(version, doc) for doc in docs],
    )
    oldest_kept = db.execute(
        "SELECT version FROM changes ORDER BY version DESC LIMIT 1 OFFSET ?", (CHANGES_KEPT,)
    ).fetchone()
    if oldest_kept:
        db.execute("DELETE FROM changes WHERE version <= ?", oldest_kept)
        db.execute("UPDATE meta SET value = ? WHERE key = 'changes_from'", oldest_kept)


def restart(db: sqlite3.Connection) -> None:
    """After a rebuild: bump the version and start the log afresh, so every process that
    holds bitmaps of before loads them again."""
    (version,) = db.execute(
        "UPDATE meta SET value = value + 1 WHERE key = 'version' RETURNING value"
    ).fetchone()
    db.execute("DELETE FROM changes")
    db.execute("UPDATE meta SET value = ? WHERE key = 'changes_from'", (version,))


def current(db: sqlite3.Connection, bitmaps: "FacetBitmaps | None") -> "FacetBitmaps":
    """`bitmaps` brought to the index's current version: from the log where it reaches back
    far enough, otherwise loaded afresh. `db` must not be inside a transaction."""
    if bitmaps is not None and bitmaps.version == _meta(db)["version"]:
        return bitmaps
    # One read transaction, so the version, the log and the documents are one snapshot.
    db.execute("BEGIN")
    try:
        meta = _meta(db)
        if bitmaps is None or not meta["changes_from"] <= bitmaps.version <= meta["version"]:
            return FacetBitmaps.load(db, meta["version"])
        if bitmaps.version == meta["version"]:
            return bitmaps
        return bitmaps.caught_up(db, meta["version"])
    finally:
        db.rollback()


def _meta(db: sqlite3.Connection) -> dict[str, int]:
    return dict(db.execute("SELECT key, value FROM meta"))


class Datums:
    """Each dated document's date (as an ordinal; 0 for none) by document id, in an array: as
    a dict, a million dates took about 100 MB and 0.7 s to fill. Shared by the bitmaps of
    successive versions and updated in place (FacetBitmaps.caught_up)."""

    def __init__(self) -> None:
        self.dagen = np.zeros(0, dtype=np.int32)

    def van(self, docs: np.ndarray) -> np.ndarray:
        """The dates of `docs`, 0 for those beyond the array."""
        dagen = np.zeros(len(docs), dtype=np.int64)
        binnen = docs < len(self.dagen)
        dagen[binnen] = self.dagen[docs[binnen]]
        return dagen

    def zetten(self, docs: np.ndarray, dagen: np.ndarray) -> None:
        """Set the dates of `docs` to `dagen` (0: no date)."""
        if len(docs) and docs.max() >= len(self.dagen):
            # Grown at once, not per write; a search reading the old array meanwhile sees no
            # date for the new documents, which only orders its ties differently.
            groter = np.zeros(max(int(docs.max()) + 1, 2 * len(self.dagen)), dtype=np.int32)
            groter[: len(self.dagen)] = self.dagen
            self.dagen = groter
        self.dagen[docs] = dagen

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Datums):
            return NotImplemented
        lengte = max(len(self.dagen), len(other.dagen))
        return bool(
            np.array_equal(
                np.pad(self.dagen, (0, lengte - len(self.dagen))),
                np.pad(other.dagen, (0, lengte - len(other.dagen))),
            )
        )


class FacetBitmaps:
    """Per facet value, the set of documents that have it, as a Python int used as a bitmap
    (bit n = document id n). Counting a facet over the matches is one AND and a popcount,
    which keeps facet counts cheap however many documents match. `datum` holds each dated
    document's date (as an ordinal) for ranking ties."""

    def __init__(self, version: int, size: int, datum: Datums) -> None:
        self.version = version
        self.size = size
        self.datum = datum
        self.masks: dict[tuple[str, str], int] = {}
        self.labels: dict[tuple[str, str], str] = {}
        self.present = 0  # the documents in the index
        self.documents = 0

    @classmethod
    def load(cls, db: sqlite3.Connection, version: int) -> "FacetBitmaps":
        (size,) = db.execute("SELECT max(id) FROM docs").fetchone()
        bitmaps = cls(version, (size or 0) + 1, Datums())
        bitmaps._add(db.execute(_FACETS))
        bitmaps._add_documents(db.execute(_DOCS).fetchone())
        bitmaps.datum.zetten(*_dates(db.execute(_DATES).fetchone()))
        return bitmaps

    def caught_up(self, db: sqlite3.Connection, version: int) -> "FacetBitmaps":
        """New bitmaps at `version`, from these and the documents the log names since their
        version: their bits are cleared and set again from what the index holds now (nothing
        for a deleted document). New objects, because a search in another thread may be
        counting over these; a value's bitmap that none of the changed documents had or has
        now is the same (immutable) int, so a write costs a copy of only the few bitmaps it
        touches (each size/8 bytes: 125 KB at a million documents, all 48 of the bench took
        5 to 15 ms). Only `datum` is shared and updated in place (copying it would cost more
        than the update, and a lookup during the update is harmless)."""
        since = (self.version,)
        changed = [doc for (doc,) in db.execute(_CHANGED, since)]
        (size,) = db.execute("SELECT max(id) FROM docs").fetchone()
        bitmaps = FacetBitmaps(version, max(self.size, (size or 0) + 1), self.datum)
        weg = bitmaps.bitmap(changed)
        # Testing a bit costs a copy of the bits above it (>>) or below it (&): the shorter.
        tests = [(doc, 1 << doc if doc < bitmaps.size // 2 else 0) for doc in changed[: FEW + 1]]

        def zonder(mask: int) -> int:
            return mask & ~weg if _has_any(mask, tests) else mask

        bitmaps.masks = {facet: zonder(mask) for facet, mask in self.masks.items()}
        bitmaps.labels = dict(self.labels)
        bitmaps._add(db.execute(_FACETS_CHANGED, since))
        for facet in [facet for facet, mask in bitmaps.masks.items() if not mask]:
            del bitmaps.masks[facet], bitmaps.labels[facet]
        bitmaps.present = zonder(self.present)
        bitmaps._add_documents(db.execute(_DOCS_CHANGED, since).fetchone())
        # The changed documents' dates in one step, 0 where they have none now (deleted): a
        # search in another thread sees each document's old date or its new one.
        docs, dagen = _dates(db.execute(_DATES_CHANGED, since).fetchone())
        gedateerd = dict(zip(docs.tolist(), dagen.tolist(), strict=True))
        self.datum.zetten(
            np.array(changed, dtype=np.int64),
            np.array([gedateerd.get(doc, 0) for doc in changed], dtype=np.int32),
        )
        return bitmaps

    def _add(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Add (facet name, value, label, comma-separated documents) rows to the masks."""
        for name, value, label, docs in rows:
            facet = (name, value)
            self.labels[facet] = label
            self.masks[facet] = self.masks.get(facet, 0) | self.bitmap(ids_uit(docs))

    def _add_documents(self, docs: tuple[str | None]) -> None:
        """Add the documents of a row of _DOCS to the documents present."""
        self.present |= self.bitmap(ids_uit(docs[0]))
        self.documents = self.present.bit_count()

    def bitmap(self, docs: Iterable[int] | np.ndarray) -> int:
        ids = docs if isinstance(docs, np.ndarray) else np.fromiter(docs, dtype=np.int64)
        ids = ids[ids < self.size]
        if len(ids) <= FEW:
            # A few documents (a write's): their bits alone, not a bitmap of every document.
            bitmap = 0
            for doc in ids.tolist():
                bitmap |= 1 << doc
            return bitmap
        # In C: setting 145,000 bits one by one in Python took 24 ms at a million documents.
        bits = np.zeros(self.size, dtype=bool)
        bits[ids] = True
        return int.from_bytes(np.packbits(bits, bitorder="little").tobytes(), "little")

    def chosen(self, filters: dict[str, list[str]]) -> dict[str, int]:
        """Per facet with chosen values, the documents that have any of them (several values
        within a facet: any; a value nobody has allows nothing)."""
        masks = {}
        for name in FACETS:
            values = filters.get(name) or []
            if values:
                either = 0
                for value in values:
                    either |= self.masks.get((name, value), 0)
                masks[name] = either
        return masks

    def filter(self, filters: dict[str, list[str]]) -> bytes | None:
        """The documents allowed by the chosen facet values (any value within a facet, all
        facets together), as bytes to test ids against; None when nothing is chosen."""
        allowed = _all_of(self.chosen(filters).values())
        if allowed is None:
            return None
        return allowed.to_bytes(self.size // 8 + 1, "little")

    def counts(self, matched: int, vraag: Vraag) -> dict[str, list[FacetWaarde]]:
        """Facet value counts over `matched` (the query's matches before any facet filter),
        disjunctively: a facet's values are counted over the matches that the *other* facets'
        chosen values allow, not its own, so choosing a value keeps its neighbours in view
        with the number of results they would bring (several values within a facet mean
        any of them). Chosen values that nothing matches now are added by the search service
        (search.services.zoeken), for either backend."""
        chosen = self.chosen(vraag.filters)
        allowed_all = _all_of(chosen.values())
        base = matched if allowed_all is None else matched & allowed_all
        # One AND per facet with chosen values; the others share `base`.
        per_facet = {
            name: _all_of([mask for other, mask in chosen.items() if other != name], matched)
            for name in chosen
        }
        facets: dict[str, list[FacetWaarde]] = {name: [] for name in FACETS}
        for (name, value), mask in self.masks.items():
            if name not in facets:
                continue
            if count := (per_facet.get(name, base) & mask).bit_count():
                gekozen = value in vraag.filters.get(name, [])
                facets[name].append(FacetWaarde(value, self.labels[(name, value)], count, gekozen))
        # The value last: processes that loaded or caught up hold the values in another order.
        for values in facets.values():
            values.sort(key=lambda w: (-w.count, w.label, w.value))
        return facets


def ids_uit(tekst: str | None) -> np.ndarray:
    """Document ids from SQLite's group_concat (comma-separated, None for none), parsed in C:
    at a million documents reading 145,559 matches this way took 13 ms, a row per id 46 ms."""
    if not tekst:
        return np.empty(0, dtype=np.int64)
    return np.fromstring(tekst, dtype=np.int64, sep=",")


def _dates(row: tuple[str | None, str | None]) -> tuple[np.ndarray, np.ndarray]:
    """The documents and their dates of a row of _DATES."""
    return ids_uit(row[0]), ids_uit(row[1]).astype(np.int32)


def _has_any(mask: int, tests: list[tuple[int, int]]) -> bool:
    """Whether `mask` has any of the documents of `tests`, (document, its bit when it lies in
    the lower half of the bitmap, else 0); True for more than FEW of them."""
    return len(tests) > FEW or any(mask & bit if bit else mask >> doc & 1 for doc, bit in tests)


@overload
def _all_of(masks: Iterable[int], start: int) -> int: ...
@overload
def _all_of(masks: Iterable[int], start: None = None) -> int | None: ...
def _all_of(masks: Iterable[int], start: int | None = None) -> int | None:
    """The AND of `masks` and `start`; None when there is nothing to AND."""
    result = start
    for mask in masks:
        result = mask if result is None else result & mask
    return result
