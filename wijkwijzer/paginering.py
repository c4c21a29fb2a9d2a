"""Which page of a listing a `page` parameter asks for."""

from typing import TypeVar

from django.core.paginator import Page, Paginator

# Django's Paginator and Page are generic in the stubs only, hence the quoted annotations.
T = TypeVar("T")


def pagina(paginator: "Paginator[T]", gevraagd: str | None) -> "Page[T]":
    """The page `gevraagd` names: the first for no number, 0 or a negative one, the last for
    one past it. Django's `get_page` gives the last page for 0 and negative numbers too,
    which puts the oldest items under the address of a first page."""
    try:
        nummer = int(gevraagd or 1)
    except ValueError:
        nummer = 1
    return paginator.page(min(max(nummer, 1), paginator.num_pages))
