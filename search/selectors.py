"""Search requests from query parameters, the same for the page and the API."""

from django.http import QueryDict

from search.backends.base import FACETS, Vraag
from wijkwijzer.paginering import getal

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
