"""What is searchable, as the content apps declare it in their own `zoeken.py` and register
in their wagtail_hooks.py (wijkwijzer.haken.ZOEKBAAR, a wijkwijzer.haken.Zoekbaar each):

    {"type": "praktijkvoorbeeld", "label": "Praktijkvoorbeeld", "model": PraktijkvoorbeeldPage,
     "items": callable -> queryset of what is public, "document": callable(item) -> dict}

The dict has title, summary, body, url, datum, facet lists thema / gebied / actielijn of
(value, label) pairs and, optionally, gemeente (shown with the result). Items that are not
pages add "onder": callable(page) -> the items whose visibility or URL follow that page; they
are re-indexed when they are saved or deleted, and when that page is published, unpublished,
moved or restricted. Content apps import nothing from search; search reads the hook."""

import builtins
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db.models import Model, QuerySet

from search.backends.base import Document
from wijkwijzer import haken


@dataclass(frozen=True)
class Soort:
    type: str
    label: str
    # builtins: within the class, `type` is the field above.
    model: builtins.type[Model]
    items: Callable[[], "QuerySet[Any]"]
    document: Callable[[Any], dict[str, Any]]
    # Optional: callable(page) -> the items of this type whose visibility or URL follow that
    # page (a process's contributions follow the process page).
    onder: Callable[[Any], Iterable[Any]] | None = None
    # Words for the type itself, its plural first (wijkwijzer.haken.Zoekbaar).
    woorden: tuple[str, ...] = ()

    def key(self, item: Model) -> str:
        return f"{self.type}:{item.pk}"

    def to_document(self, item: Model) -> Document:
        data = self.document(item)
        return Document(
            key=self.key(item),
            type=self.type,
            type_label=self.label,
            title=data["title"],
            summary=data.get("summary", ""),
            body=data.get("body", ""),
            url=data["url"],
            datum=data.get("datum"),
            facetten={name: data.get(name, []) for name in ("thema", "gebied", "actielijn")},
            gemeente=data.get("gemeente", ""),
        )


@cache
def soorten() -> list[Soort]:
    """Read once per process: the declarations are code, and this is asked on every page
    view that shows related items and on every publish."""
    return [Soort(**declaration) for declaration in haken.ZOEKBAAR.alle()]


def typen() -> dict[str, str]:
    """The one vocabulary of `type`: slug -> label, in declaration order. Search results,
    facet values, suggestions and the `type` filter all use these slugs; the labels are what
    people read."""
    return {soort.type: soort.label for soort in soorten()}


def soort_of(instance: Model) -> Soort | None:
    """The declaration for `instance`'s exact model (a page's specific class)."""
    return next((s for s in soorten() if type(instance) is s.model), None)


def afhankelijk_van(page: Model) -> list[Any]:
    """The non-page items whose visibility or URL follow `page`."""
    return [item for soort in soorten() if soort.onder for item in soort.onder(page)]


def all_documents() -> Iterator[Document]:
    for soort in soorten():
        for item in soort.items().iterator(chunk_size=500):
            yield soort.to_document(item)
