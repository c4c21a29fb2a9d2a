"""Read paths of the agenda: upcoming and past events, an event with its seats."""

from typing import Any

from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils import timezone
from wagtail.models import Page

from kennisbank.models import (
    Aanmelding,
    AgendaPage,
    EvenementPage,
)
from kennisbank.selectors.basis import PER_PAGE, Bezoeker
from wijkwijzer.paginering import pagina


def komende_evenementen(home: Page) -> list[EvenementPage]:
    return list(
        EvenementPage.objects.live()
        .public()
        .filter(begin__gte=timezone.now())
        .order_by("begin")[:3]
    )


def agenda(index: AgendaPage, params: QueryDict) -> dict[str, Any]:
    """Upcoming events in date order; past events newest first, paged, so their reports stay
    findable."""
    now = timezone.now()
    events = EvenementPage.objects.child_of(index).live()
    past = Paginator(events.filter(begin__lt=now).order_by("-begin"), PER_PAGE)
    return {
        "komende": list(events.filter(begin__gte=now).order_by("begin")),
        "eerdere": pagina(past, params.get("page")),
        "filter_query": "",
    }


def evenement_detail(evenement: EvenementPage, user: Bezoeker) -> dict[str, Any]:
    taken = evenement.aanmeldingen.filter(status=Aanmelding.Status.AANGEMELD).count()
    mine = None
    if user.is_authenticated:
        mine = (
            evenement.aanmeldingen.filter(deelnemer=user)
            .exclude(status=Aanmelding.Status.AFGEMELD)
            .first()
        )
    return {
        "themas": list(evenement.themas.all()),
        "plaatsen_vrij": max(evenement.capaciteit - taken, 0),
        "mijn_aanmelding": mine,
        "voorbij": evenement.begin_is_past,
    }
