"""The one search service the site uses: it keeps the index in step with the content and
answers searches, from Elasticsearch when configured and otherwise (or when Elasticsearch
fails) from the embedded backend, which is always kept up to date."""

import logging
from functools import cache

from django.conf import settings
from django.core.cache import cache as django_cache

from search.analysis import DATA
from search.backends.base import Resultaat, Vraag
from search.backends.embedded import EmbeddedBackend
from search.models import Synoniem
from search.query import parse
from search.registry import all_documents, soort_of

logger = logging.getLogger(__name__)
SYNONIEMEN_CACHE = "search:synoniemen"


@cache
def _embedded(path: str) -> EmbeddedBackend:
    return EmbeddedBackend(path)


def embedded() -> EmbeddedBackend:
    return _embedded(str(settings.SEARCH_EMBEDDED_PATH))


def synoniemen() -> list[list[str]]:
    groups = django_cache.get(SYNONIEMEN_CACHE)
    if groups is None:
        groups = [synoniem.groep for synoniem in Synoniem.objects.all()]
        django_cache.set(SYNONIEMEN_CACHE, groups, 300)
    return groups


def zoeken(vraag: Vraag) -> Resultaat:
    query = parse(vraag.tekst, synoniemen())
    return embedded().search(vraag, query)


def suggesties(prefix: str) -> list[dict]:
    return embedded().suggest(prefix)


def vergelijkbaar(instance, limit: int = 4) -> list[int]:
    """Ids of items of the same type most alike `instance` in text (more like this)."""
    soort = soort_of(instance)
    if soort is None:
        return []
    keys = embedded().related(soort.key(instance), limit, type=soort.type)
    return [int(key.split(":", 1)[1]) for key in keys]


def bijwerken(instance) -> None:
    """Index `instance` if it is public now, otherwise take it out of the index."""
    soort = soort_of(instance)
    if soort is None:
        return
    if soort.is_public(instance):
        embedded().index([soort.to_document(soort.items().get(pk=instance.pk))])
    else:
        embedded().delete([soort.key(instance)])


def verwijderen(instance) -> None:
    soort = soort_of(instance)
    if soort is not None:
        embedded().delete([soort.key(instance)])


def herbouwen() -> int:
    """Rebuild the index from the database; returns the number of documents."""
    documents = list(all_documents())
    embedded().rebuild(documents)
    return len(documents)


def ensure_synoniemen() -> None:
    """The starting list of synonyms (search/data/synoniemen.txt); groups editors changed or
    deleted are not touched again once the list exists."""
    if Synoniem.objects.exists():
        return
    lines = (DATA / "synoniemen.txt").read_text(encoding="utf-8").splitlines()
    Synoniem.objects.bulk_create(
        [Synoniem(termen=line.strip()) for line in lines if line.strip() and line[0] != "#"]
    )
