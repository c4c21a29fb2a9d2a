"""What the kennisbank's read paths share: who looks, the page size, what a card loads, a
list per theme, and the kennisbank's start page."""

from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from wagtail.models import Page

from gebieden.models import Thema
from kennisbank.models import (
    KennisbankIndexPage,
    PraktijkvoorbeeldIndexPage,
    PraktijkvoorbeeldPage,
)
from wijkwijzer.models import User
from wijkwijzer.paginering import pagina

# Who looks at a page: someone logged in, or a visitor.
Bezoeker = User | AnonymousUser

P = TypeVar("P", bound=Page)

PER_PAGE = 12


def kaarten(queryset: QuerySet[P]) -> QuerySet[P]:
    """What a card shows: area and themes, loaded with the list."""
    return queryset.select_related("focusgebied", "bewijskracht").prefetch_related("themas")


def kennisbank_start(index: KennisbankIndexPage) -> dict[str, Any]:
    return {
        "secties": list(index.get_children().live()),
        "lijst": PraktijkvoorbeeldIndexPage.objects.child_of(index).live().first(),
        "nieuwste": list(
            kaarten(PraktijkvoorbeeldPage.objects.live().order_by("-publicatiedatum"))[:6]
        ),
        "themas": list(Thema.objects.all()),
    }


def per_thema(model: type[Page], naam: str, index: Page, params: QueryDict) -> dict[str, Any]:
    """The live `model` pages under `index` in the context variable `naam` (also the related
    name from Thema), newest first, filtered by the repeatable `thema` parameter, paged; the
    theme options are only the themes that have such pages."""
    themas = list(Thema.objects.filter(**{f"{naam}__isnull": False}).distinct())
    items = model.objects.child_of(index).live()
    chosen = [t.slug for t in themas if t.slug in params.getlist("thema")]
    if chosen:
        items = items.filter(pk__in=model.objects.filter(themas__slug__in=chosen).values("pk"))
    paginator = Paginator(
        items.order_by("-publicatiedatum", "title").prefetch_related("themas"), PER_PAGE
    )
    query = QueryDict(mutable=True)
    query.setlist("thema", chosen)
    return {
        naam: pagina(paginator, params.get("page")),
        "aantal": paginator.count,
        "opties": {"thema": [(t.slug, t.label) for t in themas]},
        "gekozen": {"thema": chosen},
        "filter_query": query.urlencode(),
        "gefilterd": bool(chosen),
    }
