"""Search requests from query parameters, the same for the page and the API."""

import re
from dataclasses import dataclass

from django.http import QueryDict

from search.analysis import fold
from search.backends.base import FACETS, Vraag
from search.registry import soorten
from wijkwijzer.paginering import getal

# A quoted phrase (closed, as search.query reads one), or a word outside one.
WOORD_OF_ZIN = re.compile(r'"[^"]+"|\w+')
APOSTROF = {"'", "\u2019"}

PER_PAGE = 10
MAX_PER_PAGE = 50
MAX_PAGE = 100


def vraag_uit(params: QueryDict, *, per_pagina: bool = False) -> Vraag:
    """The search in `params`: `q`, the repeatable facet parameters, `page` (beyond what is
    sensible it becomes the last sensible page) and, where the caller allows it (the API),
    `per_pagina` (1 to 50, default 10)."""
    return Vraag(
        tekst=params.get("q", "").strip()[:200],
        filters={name: params.getlist(name) for name in FACETS if params.getlist(name)},
        pagina=getal(params.get("page"), 1, MAX_PAGE),
        per_pagina=getal(params.get("per_pagina"), PER_PAGE, MAX_PER_PAGE)
        if per_pagina
        else PER_PAGE,
    )


@dataclass(frozen=True)
class Soortvoorstel:
    """Only one type of item for the rest of what was typed: "experts eenzaamheid" is
    "experts" (`naam`, the type's plural) and "eenzaamheid" (`tekst`)."""

    type: str
    naam: str
    tekst: str
    # How many items of the type the rest finds (search.services.soortaanbod).
    aantal: int = 0


def soortvoorstel(vraag: Vraag) -> Soortvoorstel | None:
    """The type that a word of `vraag` names (outside quotes; the first such word), when no
    type is chosen, with the rest of the words (none: every item of the type). The words
    are matched as text, so "experts eenzaamheid" ranks items that say expert first, not the
    experts (whose pages need not say it); the page offers the experts rather than choosing
    for the user, who may mean the word."""
    if vraag.filters.get("type"):
        return None
    woorden = {fold(woord): soort for soort in soorten() for woord in soort.woorden}
    tokens = list(WOORD_OF_ZIN.finditer(vraag.tekst))
    for i, gevonden in enumerate(tokens):
        if soort := woorden.get(fold(gevonden.group(0))):
            # The rest as its words and phrases, without the punctuation around them (not
            # ", eenzaamheid!") nor the s of the type word's possessive ("expert's").
            bezit = i + 1 < len(tokens) and (
                vraag.tekst[gevonden.end() : tokens[i + 1].start()] in APOSTROF
            )
            rest = [
                t.group(0) for j, t in enumerate(tokens) if j != i and (j != i + 1 or not bezit)
            ]
            return Soortvoorstel(soort.type, soort.woorden[0], " ".join(rest))
    return None
