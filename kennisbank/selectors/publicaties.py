"""Read paths of the publications."""

from typing import Any

from django.http import QueryDict

from kennisbank.models import (
    PublicatieIndexPage,
    PublicatiePage,
)
from kennisbank.selectors.basis import per_thema


def publicaties_lijst(index: PublicatieIndexPage, params: QueryDict) -> dict[str, Any]:
    """Publications under `index`, newest first, optionally filtered by `thema`, paged."""
    return per_thema(PublicatiePage, "publicaties", index, params)
