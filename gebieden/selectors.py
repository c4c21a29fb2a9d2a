"""Read paths for the focus area pages. Each returns what a page shows with a fixed number
of queries, however many areas, members or meetings there are."""

import datetime
from collections.abc import Mapping
from itertools import groupby
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.query import PageQuerySet

from gebieden.forms import PostcodeForm
from gebieden.kaart import Kaart, Vlak
from gebieden.models import (
    AlliantieoverlegPage,
    FocusgebiedPage,
    GebiedenIndexPage,
    Gebiedsgrens,
    Provincie,
)
from wijkwijzer import haken
from wijkwijzer.models import User
from wijkwijzer.sections import fill

RECENT_MEETINGS = 5


def gebieden_bij_postcode(index: GebiedenIndexPage, pc4: str) -> list[FocusgebiedPage]:
    """The live areas under `index` whose postcodes include `pc4`, in one query."""
    kandidaten = FocusgebiedPage.objects.child_of(index).live().filter(postcodes__contains=pc4)
    return [area for area in kandidaten.order_by("title") if pc4 in area.postcode_lijst]


def focusgebieden_overzicht(index: GebiedenIndexPage, params: Mapping[str, str]) -> dict[str, Any]:
    """The areas under `index`, filtered by the `provincie` and `gemeente` query parameters
    (unknown values are ignored) and grouped by province."""
    areas = FocusgebiedPage.objects.child_of(index).live()
    choices = list(areas.order_by("gemeente").values_list("provincie", "gemeente").distinct())
    known_provincies = {provincie for provincie, _ in choices}
    known_gemeenten = {gemeente for _, gemeente in choices}

    provincie = params.get("provincie", "")
    gemeente = params.get("gemeente", "")
    if provincie in known_provincies:
        areas = areas.filter(provincie=provincie)
    else:
        provincie = ""
    if gemeente in known_gemeenten:
        areas = areas.filter(gemeente=gemeente)
    else:
        gemeente = ""

    area_list = list(areas.order_by("provincie", "title"))
    labels = dict(Provincie.choices)
    groups = [
        {"provincie": labels[key], "gebieden": list(items)}
        for key, items in groupby(area_list, key=lambda area: area.provincie)
    ]
    known = [area.inwoners for area in area_list if area.inwoners is not None]
    return {
        "groepen": groups,
        "aantal": len(area_list),
        "inwoners_bekend": sum(known) if known else None,
        "inwoners_onbekend": len(area_list) - len(known),
        "provincie_keuzes": sorted((key, labels[key]) for key in known_provincies),
        "gemeente_keuzes": sorted(known_gemeenten),
        "gekozen_provincie": provincie,
        "gekozen_gemeente": gemeente,
        "gefilterd": bool(provincie or gemeente),
        "kaart": overzichtskaart(area_list),
    }


def overzichtskaart(gebieden: list[FocusgebiedPage]) -> Kaart:
    """The listed areas with a boundary on one map, each a link to its page, in one query.
    On a map of the country an area is a speck: the drawing shows it as a dot (gebieden.kaart)."""
    grenzen = {
        gebied_id: (geometrie, benadering)
        for gebied_id, geometrie, benadering in Gebiedsgrens.objects.filter(
            focusgebied__in=gebieden
        ).values_list("focusgebied_id", "geometrie", "is_benadering")
    }
    return Kaart(
        _("Kaart van de focusgebieden"),
        vlakken=[
            Vlak(grenzen[gebied.pk][0], gebied.title, gebied.url)
            for gebied in gebieden
            if gebied.pk in grenzen
        ],
        benadering=any(benadering for _geometrie, benadering in grenzen.values()),
    )


def komende_overleggen(
    area: FocusgebiedPage, today: datetime.date | None = None
) -> PageQuerySet[AlliantieoverlegPage]:
    """The area's live meetings from `today` on, soonest first."""
    today = today or timezone.localdate()
    return (
        AlliantieoverlegPage.objects.child_of(area)
        .live()
        .filter(datum__gte=today)
        .order_by("datum")
    )


def eigen_gebieden(user: User) -> QuerySet[FocusgebiedPage]:
    """The areas whose alliance staff `user` is part of (see gebieden.services)."""
    return FocusgebiedPage.objects.filter(alliantie_groep__user=user)


def focusgebied_detail(area: FocusgebiedPage, today: datetime.date | None = None) -> dict[str, Any]:
    today = today or timezone.localdate()
    members = list(area.alliantieleden.all())
    meetings = AlliantieoverlegPage.objects.child_of(area).live()
    secties = fill(haken.GEBIED_SECTIE.alle(), area)
    return {
        "voorzitter": next((m for m in members if m.rol == "voorzitter"), None),
        "leden": [m for m in members if m.rol != "voorzitter"],
        "komende_overleggen": list(komende_overleggen(area, today)),
        "eerdere_overleggen": list(
            meetings.filter(datum__lt=today).order_by("-datum")[:RECENT_MEETINGS]
        ),
        "secties_voorop": [filled for filled in secties if filled.section.lead],
        "secties": [filled for filled in secties if not filled.section.lead],
    }


def postcode_zoeker(home: Any) -> list[dict[str, Any]]:
    """The home page's postcode field: it sends to the live areas list below `home`, so there is
    none when that list is not published."""
    index = GebiedenIndexPage.objects.live().descendant_of(home).first()
    if index is None:
        return []
    return [{"index": index, "form": PostcodeForm(auto_id="home-%s")}]


def grens_van(gebied: FocusgebiedPage) -> dict[str, Any] | None:
    """The area's boundary as GeoJSON, or None when it has none."""
    return (
        Gebiedsgrens.objects.filter(focusgebied=gebied).values_list("geometrie", flat=True).first()
    )
