"""Search requests from query parameters, the same for the page and the API."""

from django.http import QueryDict

from search.backends.base import FACETS, Vraag

PER_PAGE = 10
MAX_PAGE = 100


def vraag_uit(params: QueryDict) -> Vraag:
    """The search in `params`: `q`, the repeatable facet parameters and `page` (a page number
    that is not one, or beyond what is sensible, becomes 1)."""
    try:
        pagina = min(max(int(params.get("page", 1)), 1), MAX_PAGE)
    except ValueError:
        pagina = 1
    return Vraag(
        tekst=params.get("q", "").strip()[:200],
        filters={name: params.getlist(name) for name in FACETS if params.getlist(name)},
        pagina=pagina,
        per_pagina=PER_PAGE,
    )
