"""Facet bitmaps in a process that did not write: after a write by another process (two
backend instances on one file stand for two gunicorn workers) they are brought up to date from
the index's change log, not loaded afresh, and give the same counts, filters and dates as a
fresh load; after a rebuild, or when the log no longer reaches back far enough, they are
loaded afresh."""

import datetime

import pytest

from search.backends import bitmaps
from search.backends.base import Document, Vraag
from search.backends.bitmaps import FacetBitmaps
from search.backends.embedded import EmbeddedBackend
from search.query import parse


def document(key: str, themes: list[str], datum: datetime.date | None = None) -> Document:
    return Document(
        key=key,
        type="praktijkvoorbeeld",
        type_label="Praktijkvoorbeeld",
        title=f"Buurtaanpak {key}",
        summary="Bewoners en de gemeente werken samen in de wijk.",
        body="",
        url=f"/{key}/",
        datum=datum,
        facetten={"thema": [(theme, theme.capitalize()) for theme in themes]},
    )


@pytest.fixture
def loads(monkeypatch) -> list[int]:
    """The versions at which bitmaps were loaded afresh."""
    versions: list[int] = []
    load = FacetBitmaps.load.__func__

    def counting(cls, db, version):
        versions.append(version)
        return load(cls, db, version)

    monkeypatch.setattr(FacetBitmaps, "load", classmethod(counting))
    return versions


@pytest.fixture
def workers(tmp_path) -> tuple[EmbeddedBackend, EmbeddedBackend]:
    """A writing and a searching worker on one index, the searcher's bitmaps loaded."""
    writer, searcher = EmbeddedBackend(tmp_path / "index"), EmbeddedBackend(tmp_path / "index")
    writer.rebuild(
        [
            document("a", ["jeugd"], datetime.date(2024, 1, 1)),
            document("b", ["wonen"], datetime.date(2024, 2, 1)),
            document("c", ["zorg"]),
        ]
    )
    search(searcher)
    return writer, searcher


def search(backend: EmbeddedBackend, **filters: list[str]):
    return backend.search(Vraag("buurtaanpak", filters=filters), parse("buurtaanpak"))


def themes(result) -> dict[str, int]:
    return {waarde.value: waarde.count for waarde in result.facetten["thema"]}


def assert_as_fresh(backend: EmbeddedBackend, path) -> None:
    fresh = EmbeddedBackend(path)
    search(fresh)
    held, loaded = backend._bitmaps, fresh._bitmaps
    assert held.masks == loaded.masks
    assert held.labels == loaded.labels
    assert held.datum == loaded.datum
    assert held.documents == loaded.documents


def test_another_workers_writes_are_applied_without_a_full_load(workers, loads, tmp_path):
    writer, searcher = workers

    writer.index(
        [
            document("b", ["jeugd"], datetime.date(2023, 6, 1)),
            document("d", ["veiligheid"], datetime.date(2023, 1, 1)),
        ]
    )
    writer.delete(["c"])
    result = search(searcher)
    filtered = search(searcher, thema=["jeugd"])

    assert loads == []
    assert result.count == 3
    assert themes(result) == {"jeugd": 2, "veiligheid": 1}
    assert [t.key for t in search(searcher, thema=["veiligheid"]).treffers] == ["d"]
    # Equal scores: the newest first, by b's date as it is now.
    assert [t.key for t in filtered.treffers] == ["a", "b"]
    assert searcher._bitmaps.documents == 3
    assert_as_fresh(searcher, tmp_path / "index")


def test_a_worker_that_missed_several_writes_catches_up_at_once(workers, loads, tmp_path):
    writer, searcher = workers

    for key in ("d", "e", "f"):
        writer.index([document(key, ["groen"])])
    writer.delete(["d", "a"])

    assert themes(search(searcher)) == {"groen": 2, "wonen": 1, "zorg": 1}
    assert loads == []
    assert_as_fresh(searcher, tmp_path / "index")


def test_after_a_rebuild_a_worker_loads_afresh(workers, loads, tmp_path):
    writer, searcher = workers

    writer.rebuild([document("x", ["wonen"])])

    assert themes(search(searcher)) == {"wonen": 1}
    assert len(loads) == 1
    writer.index([document("y", ["zorg"])])
    assert themes(search(searcher)) == {"wonen": 1, "zorg": 1}
    assert len(loads) == 1


def test_a_worker_further_behind_than_the_log_reaches_loads_afresh(
    workers, loads, tmp_path, monkeypatch
):
    monkeypatch.setattr(bitmaps, "CHANGES_KEPT", 2)
    writer, searcher = workers

    for key in ("d", "e", "f"):
        writer.index([document(key, ["groen"])])

    assert themes(search(searcher))["groen"] == 3
    assert len(loads) == 1
    assert_as_fresh(searcher, tmp_path / "index")


def test_the_change_log_stays_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(bitmaps, "CHANGES_KEPT", 3)
    writer = EmbeddedBackend(tmp_path / "index")

    for key in "abcdefgh":
        writer.index([document(key, ["jeugd"])])

    assert writer._db().execute("SELECT count(*) FROM changes").fetchone()[0] <= 3
