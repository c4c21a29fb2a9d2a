"""Maps: drawn on the server as inline SVG, so they work without JavaScript and under the strict
CSP (presentation attributes only, no style attributes); every shape and point is a link or has
a title, with the same content in a list beside the map. `Kaart.data()` gives the same map as
JSON for static/js/kaart.js, which replaces the drawing with an interactive Leaflet map on PDOK
tiles. docs/kaarten.md, "The maps"."""

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from shapely.geometry import shape

from gebieden.geo import midden, voor_kaart

BREEDTE = 640
MARGE = 24
PUNT_STRAAL = 7
# A shape drawn smaller than this (in drawing units) becomes a dot at its centre, so an area a
# kilometre across stays visible and clickable on a map of the whole country.
KLEINSTE_VORM = 12
KLEUR_VLAK, KLEUR_RAND, KLEUR_PUNT = "#cce0f1", "#01689b", "#a90061"

Projectie = Callable[[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Vlak:
    geometrie: dict[str, Any]
    label: str
    url: str = ""


@dataclass(frozen=True)
class Punt:
    lengte: float
    breedte: float
    label: str
    url: str = ""
    status: str = ""


@dataclass
class Kaart:
    titel: str
    vlakken: Sequence[Vlak] = field(default_factory=list)
    punten: Sequence[Punt] = field(default_factory=list)
    # Demo shapes are guesses: the map says so under it.
    benadering: bool = False

    @property
    def leeg(self) -> bool:
        return not self.vlakken and not self.punten

    def svg(self) -> SafeString:
        return svg(self)

    def data(self) -> dict[str, Any]:
        """The map for static/js/kaart.js (through json_script): shapes simplified for the
        screen, the tile URL and its attribution."""
        return {
            **tegels(),
            "titel": self.titel,
            "vlakken": [
                {
                    "geometrie": voor_kaart(vlak.geometrie),
                    "midden": midden(vlak.geometrie),
                    "label": vlak.label,
                    "url": vlak.url,
                }
                for vlak in self.vlakken
            ],
            "punten": [
                {
                    "lengte": punt.lengte,
                    "breedte": punt.breedte,
                    "label": punt.label,
                    "url": punt.url,
                    "status": punt.status,
                }
                for punt in self.punten
            ],
        }


def tegels() -> dict[str, Any]:
    """What every interactive map needs: the tile URL, its attribution and the Dutch labels of
    Leaflet's controls."""
    return {
        "tegels": settings.KAART_TEGELS_URL,
        "attributie": settings.KAART_ATTRIBUTIE,
        "teksten": {"inzoomen": _("Inzoomen"), "uitzoomen": _("Uitzoomen")},
    }


def prikker_data(grens: Mapping[str, Any]) -> dict[str, Any]:
    """The pin picker's map (templates/includes/kaart_prikker.html): the area's boundary and
    the messages static/js/kaart.js shows."""
    data = tegels()
    data["grens"] = voor_kaart(grens)
    data["teksten"] |= {
        "buiten": _(
            "Deze plek ligt buiten het gebied. Zet de speld binnen de blauwe lijn, of noem de "
            "plek in het tekstveld."
        ),
        "kaart": _("Kaart van het gebied om een speld te zetten"),
        "geen": _("Er staat nog geen speld op de kaart."),
        # %(lengte)s and %(breedte)s are filled in by the script.
        "plek": _("De speld staat op lengtegraad %(lengte)s en breedtegraad %(breedte)s."),
    }
    return data


def _hoeken(kaart: Kaart) -> list[tuple[float, float]]:
    hoeken = []
    for vlak in kaart.vlakken:
        minx, miny, maxx, maxy = shape(vlak.geometrie).bounds
        hoeken += [(minx, miny), (maxx, maxy)]
    return hoeken + [(punt.lengte, punt.breedte) for punt in kaart.punten]


def _projectie(kaart: Kaart) -> tuple[Projectie, int]:
    """Longitude and latitude to drawing units: equirectangular, x scaled by cos(latitude) so
    shapes keep their proportions at Dutch latitudes; north up; centred in the width."""
    hoeken = _hoeken(kaart)
    minx, maxx = min(x for x, _y in hoeken), max(x for x, _y in hoeken)
    miny, maxy = min(y for _x, y in hoeken), max(y for _x, y in hoeken)
    factor = math.cos(math.radians((miny + maxy) / 2))
    breed = max((maxx - minx) * factor, 1e-4)
    hoog = max(maxy - miny, 1e-4)
    schaal = (BREEDTE - 2 * MARGE) / max(breed, hoog)
    links = MARGE + (BREEDTE - 2 * MARGE - breed * schaal) / 2

    def punt(lengte: float, breedte: float) -> tuple[float, float]:
        x = links + (lengte - minx) * factor * schaal
        y = MARGE + (maxy - breedte) * schaal
        return round(x, 1), round(y, 1)

    return punt, round(hoog * schaal + 2 * MARGE)


def _cirkel(x: float, y: float, kleur: str) -> str:
    return (
        f'<circle cx="{x}" cy="{y}" r="{PUNT_STRAAL}" fill="{kleur}" stroke="#ffffff" '
        'stroke-width="2"/>'
    )


def _vorm(geometrie: dict[str, Any], punt: Projectie) -> str:
    """A path of the shape, or a dot at its centre when the path would be too small to see."""
    minx, miny, maxx, maxy = shape(geometrie).bounds
    (x0, y0), (x1, y1) = punt(minx, miny), punt(maxx, maxy)
    if max(abs(x1 - x0), abs(y1 - y0)) < KLEINSTE_VORM:
        return _cirkel(*punt(*midden(geometrie)), KLEUR_RAND)
    vorm = voor_kaart(geometrie)
    veelhoeken = vorm["coordinates"] if vorm["type"] == "MultiPolygon" else [vorm["coordinates"]]
    delen = []
    for veelhoek in veelhoeken:
        for ring in veelhoek:
            delen.append("M" + "L".join(f"{x},{y}" for x, y in (punt(*p) for p in ring)) + "Z")
    return (
        f'<path d="{"".join(delen)}" fill="{KLEUR_VLAK}" stroke="{KLEUR_RAND}" '
        'stroke-width="2" fill-rule="evenodd"/>'
    )


def _link(url: str, label: str, binnen: str) -> str:
    # `binnen` is built from numbers and constants only; the label is escaped here.
    if not url:
        return format_html("<g><title>{}</title>{}</g>", label, mark_safe(binnen))  # nosec B308 B703
    return format_html(
        '<a href="{}" aria-label="{}"><title>{}</title>{}</a>',
        url,
        label,
        label,
        mark_safe(binnen),  # nosec B308 B703
    )


def svg(kaart: Kaart) -> SafeString:
    """The map as inline SVG: shapes under points, each a link (with a title as its name) when
    it has a URL. Not role="img": that would hide the links from keyboard and screen reader.
    (The HTML checker allows no role="group" on svg; the aria-label names it as it is.)"""
    if kaart.leeg:
        return mark_safe("")  # nosec B308 B703
    punt, hoogte = _projectie(kaart)
    delen = [_link(vlak.url, vlak.label, _vorm(vlak.geometrie, punt)) for vlak in kaart.vlakken]
    delen += [
        _link(item.url, item.label, _cirkel(*punt(item.lengte, item.breedte), KLEUR_PUNT))
        for item in kaart.punten
    ]
    return format_html(
        '<svg class="site-kaart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
        'width="{}" height="{}" aria-label="{}">{}</svg>',
        BREEDTE,
        hoogte,
        BREEDTE,
        hoogte,
        kaart.titel,
        # Each part was escaped by format_html above.
        mark_safe("".join(delen)),  # nosec B308 B703
    )
