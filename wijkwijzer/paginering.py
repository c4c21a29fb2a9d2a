"""Which page of a listing a `page` parameter asks for."""

from typing import TypeVar

from django.core.paginator import Page, Paginator

# Django's Paginator and Page are generic in the stubs only, hence the quoted annotations.
T = TypeVar("T")


def getal(waarde: str | None, standaard: int, hoogste: int) -> int:
    """A whole number from a query parameter, within 1 and `hoogste`; none, or one that is
    not a number, is the default."""
    try:
        return min(max(int(standaard if waarde is None else waarde), 1), hoogste)
    except ValueError:
        return standaard


def pagina(paginator: "Paginator[T]", gevraagd: str | None) -> "Page[T]":
    """The page `gevraagd` names: the first for no number, 0 or a negative one, the last for
    one past it. Django's `get_page` gives the last page for 0 and negative numbers too,
    which puts the oldest items under the address of a first page."""
    return paginator.page(getal(gevraagd, 1, paginator.num_pages))
