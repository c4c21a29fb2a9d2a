"""The one search service the site uses: it keeps the index in step with the content and
answers searches, from Elasticsearch when configured and otherwise (or when Elasticsearch
fails) from the embedded backend, which is always kept up to date."""

import logging
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db.models import Model
from elasticsearch import ApiError, TransportError

from search.analysis import (
    ANALYSE_VERSIE,
    geschreven_leden,
    stamgenoten,
    startlijst,
    synoniemkaart,
    weggelaten,
    words,
    zoekbaar,
)
from search.backends.base import FacetWaarde, Resultaat, Vraag
from search.backends.elastic import ElasticBackend
from search.backends.embedded import EmbeddedBackend
from search.models import Indexachterstand, Synoniem
from search.query import als_lid, met_vormen, parse
from search.registry import Soort, all_documents, soort_of, soorten
from search.selectors import Soortvoorstel, soortvoorstel
from wijkwijzer.uitstel import Uitstel

logger = logging.getLogger(__name__)
# By analysis version: a release that reads the groups otherwise (search.analysis.leden) must
# not take those an older release's processes cached, in a cache they share.
SYNONIEMEN_CACHE = f"search:synoniemen:{ANALYSE_VERSIE}"


@cache
def _embedded(path: str) -> EmbeddedBackend:
    return EmbeddedBackend(path)


def embedded() -> EmbeddedBackend:
    return _embedded(str(settings.SEARCH_EMBEDDED_PATH))


@cache
def _elastic(url: str) -> ElasticBackend:
    return ElasticBackend(url)


def elastic() -> ElasticBackend | None:
    return _elastic(settings.ELASTICSEARCH_URL) if settings.ELASTICSEARCH_URL else None


ES_ERRORS = (ApiError, TransportError)
T = TypeVar("T")


def _answer(primary: Callable[[ElasticBackend], T], fallback: Callable[[], T]) -> tuple[T, bool]:
    """Elasticsearch's answer when it is configured and answers; otherwise the embedded
    backend's. The flag says whether it had to fall back."""
    es = elastic()
    if es is None:
        return fallback(), False
    try:
        return primary(es), False
    except ES_ERRORS:
        logger.exception("Elasticsearch gaf geen antwoord; de ingebouwde zoekfunctie antwoordt")
        return fallback(), True


def _write(action: Callable[[ElasticBackend], None]) -> None:
    """Also write to Elasticsearch when configured. A failure is logged; the embedded index is
    up to date anyway, and `search_index --rebuild` brings Elasticsearch back in step."""
    es = elastic()
    if es is None:
        return
    try:
        action(es)
    except ES_ERRORS:
        logger.exception("Elasticsearch niet bijgewerkt; draai search_index --rebuild")


def synoniemen() -> list[list[str]]:
    groups = django_cache.get(SYNONIEMEN_CACHE)
    if groups is None:
        groups = _synoniemen_uit_database()
        django_cache.set(SYNONIEMEN_CACHE, groups, 300)
    return groups


def _synoniemen_uit_database() -> list[list[str]]:
    """The synonym groups with at least two members the search can use: Elasticsearch
    rejects a whole synonyms set for one empty rule, and one member alone has no synonym."""
    groepen = (synoniem.groep for synoniem in Synoniem.objects.all())
    return [groep for groep in groepen if not zonder_synoniemen(groep)]


def zoeken(vraag: Vraag) -> Resultaat:
    result, terugval = _answer(
        lambda es: es.search(replace(vraag, tekst=als_lid(vraag.tekst, synoniemen()))),
        lambda: embedded().search(vraag, parse(vraag.tekst, synoniemen())),
    )
    result.terugval = terugval
    _gekozen_erbij(result, vraag)
    return result


def soortaanbod(vraag: Vraag) -> Soortvoorstel | None:
    """Only the type that a word of `vraag` names, for the rest of its words
    (selectors.soortvoorstel), with how many items that finds; None when it finds none, as
    a link to no results helps nobody. One more search, only for a query with such a word."""
    if (voorstel := soortvoorstel(vraag)) is None:
        return None
    filters = {**vraag.filters, "type": [voorstel.type]}
    alleen = Vraag(voorstel.tekst, filters, per_pagina=1, met_verwant=False)
    aantal = zoeken(alleen).count
    return replace(voorstel, aantal=aantal) if aantal else None


def _gekozen_erbij(result: Resultaat, vraag: Vraag) -> None:
    """A chosen facet value stays listed, ticked, when nothing matches it now (another query,
    or a value no item has, from an old link), so it can be unticked; labelled as the
    embedded index knows it (kept up to date with either backend), else by its value."""
    for name, values in vraag.filters.items():
        listed = {waarde.value for waarde in result.facetten.get(name, [])}
        if missing := [value for value in values if value not in listed]:
            labels = embedded().facet_labels(name, missing)
            result.facetten.setdefault(name, []).extend(
                FacetWaarde(value, labels.get(value, value), 0, True) for value in missing
            )


def opwarmen() -> None:
    """Prepare this process for its first search (see wijkwijzer.wsgi); a failure is logged,
    the first search then does the work itself."""
    try:
        embedded().opwarmen()
    except sqlite3.Error:
        logger.exception("Zoekindex niet voorbereid; de eerste zoekopdracht doet het zelf")


def suggesties(prefix: str) -> list[dict[str, str]]:
    return _answer(lambda es: es.suggest(prefix), lambda: embedded().suggest(prefix))[0]


def vergelijkbaar(instance: Model, limit: int = 4) -> list[int]:
    """Ids of items of the same type most alike `instance` in text (more like this)."""
    soort = soort_of(instance)
    if soort is None:
        return []
    key = soort.key(instance)
    keys, _ = _answer(
        lambda es: es.related(key, limit, type=soort.type),
        lambda: embedded().related(key, limit, type=soort.type),
    )
    return [int(key.split(":", 1)[1]) for key in keys]


# While a bulk job runs, what it changes is indexed once, at its end, instead of one item at
# a time (entered through the `haken.BULKVERWERKING` hook, wijkwijzer.bulk), also when it ends
# in an error, so everything that was saved is found.
uitstel: Uitstel[Model] = Uitstel(lambda instances: bijwerken(*instances))
# Documents per index write when many are brought up to date at once.
BLOK = 500
# A change of the synonyms indexes up to this many documents again at once, in the editor's
# request (about a second); more wait for `search_index --achterstand` (cron, every minute).
SYNONIEMEN_DIRECT = 1_000
# A synonym group needs two members the search can use.
SYNONIEMEN_MIN = 2
# How many words sharing a member's stem an editor is shown (stamgenoten_van).
STAMGENOTEN_GETOOND = 5


def bijwerken(*instances: Model) -> None:
    """Bring the index in line with `instances`: each indexed if it is public now, otherwise
    (also when it was deleted) taken out, with one index write per type. A failed write is
    queued and retried with the next successful one, so no update is lost."""
    if uitstel.bewaard(*instances):
        return
    per_soort: dict[Soort, dict[int, None]] = defaultdict(dict)
    for instance in instances:
        soort = soort_of(instance)
        if soort is not None:
            per_soort[soort][instance.pk] = None
    if (
        _per_soort_bijwerken(per_soort)
        and per_soort
        and Indexachterstand.objects.filter(reden=Indexachterstand.Reden.STORING).exists()
    ):
        achterstand_verwerken(reden=Indexachterstand.Reden.STORING)


def _per_soort_bijwerken(per_soort: dict[Soort, dict[int, None]]) -> bool:
    """Index the items of each type by their keys, in writes of at most BLOK; whether every
    write succeeded (a failed one is queued)."""
    return all(
        [
            _bijwerken_of_onthouden(soort, pks[begin : begin + BLOK])
            for soort, uniek in per_soort.items()
            for pks in [list(uniek)]
            for begin in range(0, len(pks), BLOK)
        ]
    )


def _bijwerken_of_onthouden(soort: Soort, pks: list[int]) -> bool:
    keys = [f"{soort.type}:{pk}" for pk in pks]
    try:
        items = list(soort.items().filter(pk__in=pks))
        publiek = {item.pk for item in items}
        weg = [f"{soort.type}:{pk}" for pk in pks if pk not in publiek]
        if weg:
            _delete(weg)
        if items:
            documents = [soort.to_document(item) for item in items]
            embedded().index(documents)
            _write(lambda es: es.index(documents))
    except sqlite3.Error:
        logger.exception("Zoekindex niet bijgewerkt voor %s; volgt bij de volgende wijziging", keys)
        for key in keys:
            Indexachterstand.objects.get_or_create(sleutel=key)
        return False
    return True


def achterstand_verwerken(limit: int = 100, reden: str | None = None) -> int:
    """Do the queued index updates (those for `reden`, None: all), oldest first, in writes
    of at most BLOK per type; returns how many succeeded."""
    by_type = {soort.type: soort for soort in soorten()}
    wachtrij = Indexachterstand.objects.order_by("aangemaakt")
    if reden is not None:
        wachtrij = wachtrij.filter(reden=reden)
    per_soort: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for rij, sleutel in wachtrij.values_list("pk", "sleutel")[:limit]:
        type_, pk = sleutel.split(":", 1)
        per_soort[type_].append((rij, int(pk)))
    done = 0
    for type_, rijen in per_soort.items():
        soort = by_type.get(type_)
        for begin in range(0, len(rijen), BLOK):
            blok = rijen[begin : begin + BLOK]
            if soort is None or _bijwerken_of_onthouden(soort, [pk for _, pk in blok]):
                Indexachterstand.objects.filter(pk__in=[rij for rij, _ in blok]).delete()
                done += len(blok)
    return done


def achterstand_wegwerken(seconden: float) -> int | None:
    """Work through the whole queue in rounds, until it is empty, a round succeeds for none,
    or `seconden` have passed (so the runs of a per-minute cron job do not overlap); returns
    how many succeeded, or None when another run is still at it."""
    with alleen_deze_run() as mag:
        if not mag:
            return None
        einde = time.monotonic() + seconden
        done = 0
        while time.monotonic() < einde:
            gedaan = achterstand_verwerken(limit=4 * BLOK)
            done += gedaan
            if not gedaan:
                break
        return done


@contextmanager
def alleen_deze_run() -> Iterator[bool]:
    """True for one process at a time on this server: a run that outlives its minute (a slow
    block) would otherwise race the next one, both indexing the same queued documents and
    one overwriting the other's newer version (a visitor's write still retries failed
    writes meanwhile, as before). A lock file beside the index, not a row lock, because
    SQLite has none and the queue belongs to this server's embedded index anyway. Opened
    for reading, so a file left by another user (a manual run as root) still locks; when
    it cannot be opened at all, the run goes ahead unlocked rather than never."""
    import fcntl  # POSIX only; imported here so the rest of the module imports anywhere

    index = Path(settings.SEARCH_EMBEDDED_PATH)
    pad = index.with_name(index.name + ".lock")
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        slot = os.open(pad, os.O_RDONLY | os.O_CREAT, 0o664)
    except OSError:
        logger.warning("Geen slot op %s; de achterstand wordt zonder verwerkt", pad)
        yield True
        return
    try:
        fcntl.flock(slot, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(slot)
        yield False
        return
    try:
        yield True
    finally:
        os.close(slot)  # releases the lock


def _delete(keys: list[str]) -> None:
    embedded().delete(keys)
    _write(lambda es: es.delete(keys))


def niet_zoekbaar(termen: str) -> dict[str, tuple[list[str], str]]:
    """The members of a synonym group as an editor wrote it (`termen`) that the search leaves
    out (search.analysis.zoekbaar), each with the words the index drops of it and the one it
    keeps."""
    return {
        lid: (weggelaten(lid), " ".join(words(lid)))
        for lid in geschreven_leden(termen)
        if not zoekbaar(lid)
    }


def zonder_synoniemen(groep: list[str]) -> bool:
    """Whether a group (`Synoniem.groep`) has too few members the search can use to be used
    at all (`_synoniemen_uit_database`)."""
    return len(groep) < SYNONIEMEN_MIN


def stamgenoten_van(groep: list[str]) -> dict[str, list[str]]:
    """Per one-word member of a synonym group the common words with its stem (at most
    STAMGENOTEN_GETOOND; search.analysis.stamgenoten): the group's searches find them too.
    Only the editor can tell whether they mean the same (schulden, schuld) or not
    (stelen, stellen); the starting list had eight that did not."""
    genoten = {}
    for lid in groep:
        if len(woorden := words(lid)) != 1:
            continue
        if gevonden := stamgenoten(woorden[0], met_vormen(lid, woorden[0])):
            genoten[lid] = gevonden[:STAMGENOTEN_GETOOND]
    return genoten


def synoniemen_bijwerken() -> None:
    """After an editor changed the synonyms: the embedded index writes the new groups' terms
    and the documents whose terms that changes are indexed again, at once when they are
    few, otherwise queued for `search_index --achterstand`; Elasticsearch gets the new
    synonyms set (it applies them at search time).

    Until a queued document is indexed again, a search for its group still finds it by the
    word it contains, only not by that word's synonyms."""
    django_cache.delete(SYNONIEMEN_CACHE)
    keys = embedded().synoniemen_instellen(synoniemkaart(synoniemen()))
    _write(lambda es: es.put_synonyms(synoniemen()))
    if len(keys) > SYNONIEMEN_DIRECT:
        Indexachterstand.objects.bulk_create(
            [Indexachterstand(sleutel=k, reden=Indexachterstand.Reden.SYNONIEMEN) for k in keys],
            batch_size=BLOK,
            ignore_conflicts=True,
        )
        return
    by_type = {soort.type: soort for soort in soorten()}
    per_soort: dict[Soort, dict[int, None]] = defaultdict(dict)
    for key in keys:
        type_, pk = key.split(":", 1)
        if type_ in by_type:
            per_soort[by_type[type_]][int(pk)] = None
    _per_soort_bijwerken(per_soort)


def herbouwen(voortgang: Callable[[int, int | None], None] | None = None) -> int:
    """Rebuild the indexes from the database; returns the number of documents. With
    Elasticsearch configured, it is rebuilt too, and errors are not swallowed here.
    `voortgang` is called with (documents read, total) as the documents are made, which is
    most of the time a rebuild takes."""
    totaal = sum(soort.items().count() for soort in soorten()) if voortgang else None
    documents = []
    for document in all_documents():
        documents.append(document)
        if voortgang:
            voortgang(len(documents), totaal)
    # From the database, not the cache: a rebuild after an upgrade writes today's groups.
    groepen = _synoniemen_uit_database()
    embedded().rebuild(documents, synoniemkaart(groepen))
    # Everything is fresh now, queued updates included.
    Indexachterstand.objects.all().delete()
    es = elastic()
    if es is not None:
        es.put_synonyms(groepen)
        es.rebuild(documents)
    return len(documents)


def ensure_synoniemen() -> None:
    """The starting list of synonyms (search/data/synoniemen.txt); groups editors changed or
    deleted are not touched again once the list exists."""
    if Synoniem.objects.exists():
        return
    Synoniem.objects.bulk_create([Synoniem(termen=groep) for groep in startlijst()])
