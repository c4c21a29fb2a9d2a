"""What every search backend takes and returns. The views and the API only see these."""

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from search.query import Query

FACETS = ("thema", "gebied", "type", "actielijn")
# A query with fewer results than this gets "Bedoelde je ...?" on either backend when a word
# it typed has a near spelling that many more documents use.
WEINIG = 3
# Words count as close together when at most this many others stand between each pair: such
# documents rank first (embedded: FTS5 NEAR) or score higher (Elasticsearch: phrase slop).
NABIJ = 3


@dataclass
class Document:
    """One searchable item, as a content app declares it (search.registry)."""

    key: str  # "<type>:<pk>", unique over the index
    type: str
    type_label: str
    title: str
    summary: str
    body: str
    url: str
    datum: datetime.date | None
    # facet name -> [(value, label)]; "type" is added from `type`.
    facetten: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # The municipality the item is about, when it names one; shown with the results.
    gemeente: str = ""


@dataclass
class Vraag:
    """A search as the user asked it: the text and the chosen facet values."""

    tekst: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    pagina: int = 1
    per_pagina: int = 10
    # Whether related items may fill the page (verwant_ruimte); a search for a count needs none.
    met_verwant: bool = True


@dataclass
class Treffer:
    key: str
    type: str
    type_label: str
    title: str
    url: str
    snippet: str  # HTML-safe: escaped text with <mark> around matched words
    # What people scan a result for, read from the index with the result (no query per
    # result): the document's date (published, last updated or the event's day) and its
    # areas: the labels of its gebied facet values, then its gemeente when another name.
    datum: datetime.date | None = None
    gebieden: list[str] = field(default_factory=list)


@dataclass
class FacetWaarde:
    value: str
    label: str
    count: int
    gekozen: bool = False


# Related items fill a page that holds every result up to this many places (verwant_ruimte).
VERWANT_TOT = 10


@dataclass
class Resultaat:
    count: int
    treffers: list[Treffer]
    facetten: dict[str, list[FacetWaarde]]
    suggestie: str = ""  # "Bedoelde je ...?" when the text has likely typos
    terugval: bool = False  # answered by the embedded backend because the primary failed
    # Items like the best result or with some of the query's words, when the results leave
    # room on the page (verwant_ruimte): shown apart from them and not counted.
    verwant: list[Treffer] = field(default_factory=list)


class Backend(Protocol):
    def index(self, documents: list[Document]) -> None: ...

    def delete(self, keys: list[str]) -> None: ...

    def rebuild(self, documents: list[Document]) -> None: ...

    def search(self, vraag: Vraag, query: "Query") -> Resultaat: ...

    def suggest(self, prefix: str, limit: int = 8) -> list[dict[str, str]]: ...

    def related(self, key: str, limit: int = 4, type: str | None = None) -> list[str]: ...


def gebieden_van(labels: list[str], gemeente: str) -> list[str]:
    """A result's areas as shown: its focus areas by name, then its gemeente unless that is
    one of those names already."""
    namen = sorted(labels)
    return [*namen, gemeente] if gemeente and gemeente not in namen else namen


def verwant_ruimte(vraag: Vraag, resultaat: Resultaat) -> int:
    """How many related items the page of `vraag` has room for beside `resultaat`: on a
    first page that holds every result, up to per_pagina (at most VERWANT_TOT) in all, also
    when there is none (a compound that no text has may have parts that some have); none
    when browsing with filters alone (no words to relate to) or for a count alone."""
    if not vraag.met_verwant or vraag.pagina != 1 or not vraag.tekst.strip():
        return 0
    return max(0, min(vraag.per_pagina, VERWANT_TOT) - resultaat.count)
