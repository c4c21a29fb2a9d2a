"""Read paths of one's own kennisbank: what someone follows, and the personal page with the
reading list and new examples matching it."""

import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from gebieden.models import FocusgebiedPage, Thema
from kennisbank.models import (
    Leeslijstitem,
    PraktijkvoorbeeldPage,
    Volg,
    Volgsoort,
)
from kennisbank.selectors.basis import Bezoeker, kaarten
from wijkwijzer.models import User

NIEUW_SINDS = 60  # days: what "new for you" looks back over


def volgt(gebruiker: Bezoeker) -> dict[str, set[str]]:
    """What `gebruiker` follows, per kind (empty for visitors)."""
    gevolgd: dict[str, set[str]] = {soort: set() for soort in Volgsoort.values}
    if gebruiker.is_authenticated:
        for soort, waarde in Volg.objects.filter(gebruiker=gebruiker).values_list(
            "soort", "waarde"
        ):
            gevolgd[soort].add(waarde)
    return gevolgd


def volg_labels(gevolgd: dict[str, set[str]]) -> dict[str, dict[str, str]]:
    """What to call each followed value, per kind: names for slugs and account numbers."""
    return {
        Volgsoort.THEMA: dict(
            Thema.objects.filter(slug__in=gevolgd[Volgsoort.THEMA]).values_list("slug", "label")
        ),
        Volgsoort.GEBIED: dict(
            FocusgebiedPage.objects.filter(slug__in=gevolgd[Volgsoort.GEBIED]).values_list(
                "slug", "title"
            )
        ),
        Volgsoort.ORGANISATIE: {naam: naam for naam in gevolgd[Volgsoort.ORGANISATIE]},
        Volgsoort.AUTEUR: {
            str(auteur.pk): auteur.public_name
            for auteur in User.objects.filter(
                pk__in=[pk for pk in gevolgd[Volgsoort.AUTEUR] if pk.isdigit()]
            )
        },
    }


def volg_label(soort: str, waarde: str) -> str:
    return volg_labels({**{s: set() for s in Volgsoort.values}, soort: {waarde}})[soort].get(
        waarde, waarde
    )


def past_bij(gevolgd: dict[str, set[str]]) -> Q:
    """The practice examples matching what is followed."""
    return (
        Q(themas__slug__in=gevolgd[Volgsoort.THEMA])
        | Q(focusgebied__slug__in=gevolgd[Volgsoort.GEBIED])
        | Q(contact_organisatie__in=gevolgd[Volgsoort.ORGANISATIE])
        | Q(auteur_id__in=[pk for pk in gevolgd[Volgsoort.AUTEUR] if pk.isdigit()])
    )


def leeslijst(gebruiker: User) -> list[Page]:
    """The live pages on the reading list, last added first, each as its own page type: one
    query for the list and one per page type, however long it is."""
    ids = list(Leeslijstitem.objects.filter(gebruiker=gebruiker).values_list("pagina", flat=True))
    paginas = {pagina.pk: pagina for pagina in Page.objects.live().filter(pk__in=ids).specific()}
    return [paginas[pk] for pk in ids if pk in paginas]


def mijn_kennisbank(gebruiker: User) -> dict[str, Any]:
    """The personal page: the reading list, what is followed, and new examples matching it."""
    gevolgd = volgt(gebruiker)
    labels = volg_labels(gevolgd)
    sinds = timezone.localdate() - datetime.timedelta(days=NIEUW_SINDS)
    nieuw = (
        kaarten(
            PraktijkvoorbeeldPage.objects.live().filter(
                pk__in=PraktijkvoorbeeldPage.objects.filter(past_bij(gevolgd)).values("pk"),
                publicatiedatum__gte=sinds,
            )
        ).order_by("-publicatiedatum")[:20]
        if any(gevolgd.values())
        else []
    )
    return {
        "leeslijst": leeslijst(gebruiker),
        "gevolgd": [
            (soort, waarde, label)
            for soort in Volgsoort.values
            for label, waarde in sorted(
                (labels[soort].get(waarde, waarde), waarde) for waarde in gevolgd[soort]
            )
        ],
        "nieuw": list(nieuw),
        "nieuw_sinds": NIEUW_SINDS,
    }
