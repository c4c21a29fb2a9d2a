"""Read paths of the learning circles."""

from typing import Any

from django.utils import timezone
from rules.permissions import has_perm

from kennisbank.models import (
    LeerkringIndexPage,
    LeerkringPage,
)
from kennisbank.selectors.basis import Bezoeker


def leerkringen_lijst(index: LeerkringIndexPage) -> dict[str, Any]:
    circles = LeerkringPage.objects.child_of(index).live().order_by("title")
    return {"leerkringen": list(circles.prefetch_related("themas"))}


def leerkring_detail(leerkring: LeerkringPage, user: Bezoeker) -> dict[str, Any]:
    """What the page shows; `is_lid` (kennisbank.bekijk_ledendocumenten) decides whether the
    members-only part is rendered."""
    mine = None
    if user.is_authenticated:
        mine = leerkring.lidmaatschappen.filter(deelnemer=user).first()
    return {
        "themas": list(leerkring.themas.all()),
        "bijeenkomsten": list(leerkring.bijeenkomsten.order_by("begin")),
        "mijn_lidmaatschap": mine,
        "is_lid": has_perm("kennisbank.bekijk_ledendocumenten", user, leerkring),  # type: ignore[no-untyped-call]
        "nu": timezone.now(),
    }
