"""What is searchable, as the content apps declare it in their own `zoeken.py`:

    ZOEKBAAR = [{"type": "praktijkvoorbeeld", "label": "Praktijkvoorbeeld",
                 "model": PraktijkvoorbeeldPage, "items": callable -> queryset of what is
                 public, "document": callable(item) -> dict}]

The dict has title, summary, body, url, datum, facet lists thema / gebied / actielijn of
(value, label) pairs and, optionally, gemeente (shown with the result). Items that are not
pages add "onder": callable(page) -> the items whose visibility or URL follow that page; they
are re-indexed when they are saved or deleted, and when that page is published, unpublished,
moved or restricted. Content apps import nothing
from search; search reads these lists."""

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from search.backends.base import Document
from wijkwijzer.discovery import project_app_modules


@dataclass(frozen=True)
class Soort:
    type: str
    label: str
    model: type
    items: Any
    document: Any
    # Optional: callable(page) -> the items of this type whose visibility or URL follow that
    # page (a process's contributions follow the process page).
    onder: Any = None

    def key(self, item) -> str:
        return f"{self.type}:{item.pk}"

    def to_document(self, item) -> Document:
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
    return [
        Soort(**declaration)
        for module in project_app_modules("zoeken")
        for declaration in getattr(module, "ZOEKBAAR", [])
    ]


def typen() -> dict[str, str]:
    """The one vocabulary of `type`: slug -> label, in declaration order. Search results,
    facet values, suggestions and the `type` filter all use these slugs; the labels are what
    people read."""
    return {soort.type: soort.label for soort in soorten()}


def soort_of(instance) -> Soort | None:
    """The declaration for `instance`'s exact model (a page's specific class)."""
    return next((s for s in soorten() if type(instance) is s.model), None)


def afhankelijk_van(page) -> list:
    """The non-page items whose visibility or URL follow `page`."""
    return [item for soort in soorten() if soort.onder for item in soort.onder(page)]


def all_documents() -> Iterator[Document]:
    for soort in soorten():
        for item in soort.items().iterator(chunk_size=500):
            yield soort.to_document(item)
