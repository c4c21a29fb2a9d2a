"""Facet bitmaps in a process that did not write: after a write by another process (two
backend instances on one file stand for two gunicorn workers) they are brought up to date from
the index's change log, not loaded afresh, and give the same counts, filters and dates as a
fresh load; after a rebuild, or when the log no longer reaches back far enough, they are
loaded afresh."""

import datetime
import importlib
import threading

import numpy as np
import pytest

from search.backends import bitmaps
from search.backends.base import Document, Vraag
from search.backends.bitmaps import FacetBitmaps
from search.backends.embedded import EmbeddedBackend
from search.query import parse
from search.services import embedded


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


def test_a_write_copies_only_the_bitmaps_it_touches(tmp_path, loads):
    """Each value's bitmap is size/8 bytes (125 KB at a million documents): a write makes a
    new one only for the values its documents had or have; the others stay the same object."""
    writer, searcher = EmbeddedBackend(tmp_path / "index"), EmbeddedBackend(tmp_path / "index")
    writer.rebuild([document(f"d{i}", [["jeugd", "wonen", "zorg"][i % 3]]) for i in range(600)])
    search(searcher)
    voor = dict(searcher._bitmaps.masks)
    writer.index([document("nieuw", ["jeugd"]), document("d1", ["zorg"])])  # d1 had wonen
    na = searcher.search(Vraag("buurtaanpak"), parse("buurtaanpak"))
    masks = searcher._bitmaps.masks
    assert masks[("type", "praktijkvoorbeeld")] is not voor[("type", "praktijkvoorbeeld")]
    for thema in ("jeugd", "wonen", "zorg"):
        assert masks[("thema", thema)] is not voor[("thema", thema)]
    writer.index([document("nieuwer", ["zorg"])])
    tussen = dict(searcher._bitmaps.masks)
    search(searcher)
    masks = searcher._bitmaps.masks
    assert masks[("thema", "jeugd")] is tussen[("thema", "jeugd")]
    assert masks[("thema", "wonen")] is tussen[("thema", "wonen")]
    assert masks[("thema", "zorg")] is not tussen[("thema", "zorg")]
    assert len(loads) == 1
    fresh = EmbeddedBackend(tmp_path / "index").search(Vraag("buurtaanpak"), parse("buurtaanpak"))
    assert search(searcher).facetten == fresh.facetten
    assert na.count == 601


def test_a_warmed_up_worker_does_not_load_the_bitmaps_in_its_first_search(tmp_path, loads):
    EmbeddedBackend(tmp_path / "index").rebuild([document("a", ["jeugd"])])
    worker = EmbeddedBackend(tmp_path / "index")
    worker.opwarmen()
    assert len(loads) == 1
    assert search(worker).count == 1
    assert len(loads) == 1


@pytest.mark.django_db
def test_each_web_worker_warms_up_its_search_index_as_it_starts(settings, tmp_path, loads):
    """wijkwijzer.wsgi, which every gunicorn worker imports, starts the warm-up."""
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "index"
    embedded().rebuild([document("a", ["jeugd"])])
    importlib.reload(importlib.import_module("wijkwijzer.wsgi"))
    for thread in threading.enumerate():
        if thread.name == "zoekindex-opwarmen":
            thread.join(timeout=10)
    assert len(loads) == 1
    assert search(embedded()).count == 1
    assert len(loads) == 1


def test_a_date_sqlite_cannot_read_counts_as_none_and_the_others_still_load(tmp_path):
    """Every date is written by the backend as an ISO date; one that is not (written by hand)
    must not stop the other documents' dates from loading."""
    backend = EmbeddedBackend(tmp_path / "index")
    backend.rebuild(
        [
            document("a", ["jeugd"], datetime.date(2024, 1, 1)),
            document("b", ["wonen"], datetime.date(2024, 2, 1)),
        ]
    )
    db = backend._db()
    with db:
        db.execute("UPDATE docs SET datum = '2024-13-45' WHERE key = 'b'")
    ids = dict(db.execute("SELECT key, id FROM docs"))

    geladen = bitmaps.current(db, None)

    # An id beyond the array (a document written since) has no date either.
    dagen = geladen.datum.van(np.array([ids["a"], ids["b"], ids["b"] + 1000]))
    assert dagen.tolist() == [datetime.date(2024, 1, 1).toordinal(), 0, 0]
