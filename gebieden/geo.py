"""Area shapes as GeoJSON in WGS84 (longitude, latitude), checked and combined with shapely.
docs/kaarten.md: why GeoJSON text in the database and not GeoDjango, and the limits."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _
from shapely import make_valid
from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.validation import explain_validity

# The Netherlands in WGS84 with a margin: longitude 3.0-7.5, latitude 50.5-53.8.
NEDERLAND = (3.0, 50.5, 7.5, 53.8)
# Coordinates of Rijksdriehoekstelsel (RD New, EPSG:28992), the CBS files' own system: metres,
# x 0-300,000 and y 300,000-625,000.
RD = (0, 300_000, 300_000, 625_000)
# Shapes for the map are simplified to about 5 m (in degrees): smaller pages, same picture.
KAART_TOLERANTIE = 0.00005


class GeometrieFout(ValueError):
    """A shape that cannot be a focus area's boundary, with a Dutch explanation."""


def _binnen(bounds: tuple[float, ...], vak: tuple[float, ...]) -> bool:
    minx, miny, maxx, maxy = bounds
    return vak[0] <= minx and maxx <= vak[2] and vak[1] <= miny and maxy <= vak[3]


def vlak(geojson: Mapping[str, Any]) -> Polygon | MultiPolygon:
    """The polygon a GeoJSON geometry describes, or GeometrieFout saying what is wrong."""
    soort = geojson.get("type") if isinstance(geojson, Mapping) else None
    if soort not in {"Polygon", "MultiPolygon"}:
        raise GeometrieFout(
            _("Een gebiedsgrens moet een Polygon of MultiPolygon zijn, geen %(soort)s.")
            % {"soort": soort or _("onbekend type")}
        )
    try:
        geometrie = shape(geojson)
    except (ValueError, TypeError, AttributeError, IndexError) as fout:
        raise GeometrieFout(
            _("De coördinaten zijn onleesbaar (%(fout)s).") % {"fout": fout}
        ) from fout
    if geometrie.is_empty:
        raise GeometrieFout(_("De vorm is leeg."))
    if not _binnen(geometrie.bounds, NEDERLAND):
        if _binnen(geometrie.bounds, RD):
            raise GeometrieFout(
                _(
                    "De coördinaten zijn in meters (Rijksdriehoekstelsel, EPSG:28992). Sla het "
                    "bestand op in WGS84 (EPSG:4326), bijvoorbeeld met QGIS of ogr2ogr."
                )
            )
        raise GeometrieFout(
            _(
                "De vorm ligt niet in Nederland. Staan lengte- en breedtegraad in de goede "
                "volgorde (eerst lengte, dan breedte) en in WGS84?"
            )
        )
    if not geometrie.is_valid:
        hersteld = make_valid(geometrie)
        if not isinstance(hersteld, Polygon | MultiPolygon):
            raise GeometrieFout(
                _("De vorm is ongeldig: %(uitleg)s.") % {"uitleg": explain_validity(geometrie)}
            )
        geometrie = hersteld
    return geometrie


def samenvoegen(vlakken: Iterable[BaseGeometry]) -> dict[str, Any]:
    """One area made of several CBS wijken or buurten: their union, as GeoJSON."""
    return mapping(unary_union(list(vlakken)))


def bevat(geojson: Mapping[str, Any], lengte: float, breedte: float) -> bool:
    """Whether a point lies inside the shape or on its edge."""
    return shape(geojson).covers(Point(lengte, breedte))


def voor_kaart(geojson: Mapping[str, Any]) -> dict[str, Any]:
    return mapping(shape(geojson).simplify(KAART_TOLERANTIE, preserve_topology=True))


def midden(geojson: Mapping[str, Any]) -> tuple[float, float]:
    """A point inside the shape (longitude, latitude), for a label or a first map view."""
    punt = shape(geojson).representative_point()
    return punt.x, punt.y


def speld_fout(
    grens: Mapping[str, Any], lengte: float | None, breedte: float | None, gebied: str
) -> str | None:
    """What is wrong with a pin for an area (both coordinates or none, inside the boundary),
    in Dutch, or None when it is fine or absent."""
    if lengte is None and breedte is None:
        return None
    if lengte is None or breedte is None:
        return _("Een speld heeft een lengte- en een breedtegraad. Vul beide in.")
    if not bevat(grens, float(lengte), float(breedte)):
        return _(
            "Deze plek ligt buiten %(gebied)s. Zet de speld binnen de grens van het gebied, of "
            "laat hem weg en noem de plek in het tekstveld."
        ) % {"gebied": gebied}
    return None
