"""Importing area boundaries from a GeoJSON FeatureCollection (DESIGN.md:
`import_gebiedsgrenzen FILE.geojson [--proef]`), by command and in the admin.

A feature belongs to an area by the area's slug (a `slug` property) or by a CBS wijk or buurt
code listed on the area (any property holding WK…/BU…, so the CBS Wijk- en Buurtkaart works as
exported). An area made of several wijken or buurten gets their union. Features that belong to
no area are skipped and counted: a whole CBS file has thousands. All or nothing, like the
monitor import: with one error nothing is written, and `proef` writes nothing at all."""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from shapely.geometry.base import BaseGeometry

from gebieden.geo import GeometrieFout, samenvoegen, vlak
from gebieden.models import WIJK_OF_BUURTCODE, FocusgebiedPage, Gebiedsgrens

# A boundary file larger than this is refused before it is read (a whole CBS buurtkaart in
# WGS84 is about 250 MB; export the focus areas' part).
MAX_BYTES = 100 * 1024 * 1024


@dataclass
class Uitslag:
    fouten: list[str] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)
    # slug -> number of features that make up its new boundary
    gebieden: dict[str, int] = field(default_factory=dict)
    overgeslagen: int = 0
    opgeslagen: bool = False


def _codes(eigenschappen: dict[str, Any]) -> set[str]:
    return {
        waarde.strip()
        for waarde in eigenschappen.values()
        if isinstance(waarde, str) and WIJK_OF_BUURTCODE.fullmatch(waarde.strip())
    }


def _features(tekst: str | bytes, uitslag: Uitslag) -> list[Any]:
    try:
        data = json.loads(tekst)
    except (ValueError, RecursionError) as fout:
        uitslag.fouten.append(_("Het bestand is geen geldige JSON: %(fout)s") % {"fout": fout})
        return []
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        uitslag.fouten.append(_("Het bestand moet een GeoJSON FeatureCollection zijn."))
        return []
    features = data.get("features")
    if not isinstance(features, list):
        uitslag.fouten.append(_("De FeatureCollection heeft geen lijst 'features'."))
        return []
    return features


def lees(tekst: str | bytes) -> tuple[Uitslag, dict[FocusgebiedPage, list[BaseGeometry]]]:
    """Check every feature and group the shapes per area; write nothing."""
    uitslag = Uitslag()
    gebieden = list(FocusgebiedPage.objects.order_by("title"))
    op_slug = {gebied.slug: gebied for gebied in gebieden}
    op_code = {code: gebied for gebied in gebieden for code in gebied.cbs_code_lijst}
    vormen: dict[FocusgebiedPage, list[BaseGeometry]] = defaultdict(list)
    gevonden_codes: set[str] = set()
    for nummer, feature in enumerate(_features(tekst, uitslag), start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            uitslag.fouten.append(_("Feature %(n)d: geen GeoJSON Feature.") % {"n": nummer})
            continue
        eigenschappen = feature.get("properties") or {}
        if not isinstance(eigenschappen, dict):
            eigenschappen = {}
        slug = eigenschappen.get("slug")
        codes = _codes(eigenschappen)
        naam = slug or ", ".join(sorted(codes)) or str(nummer)
        if isinstance(slug, str) and slug:
            gebied = op_slug.get(slug)
            if gebied is None:
                uitslag.fouten.append(
                    _("Feature %(n)d: er is geen focusgebied met slug '%(slug)s'.")
                    % {"n": nummer, "slug": slug}
                )
                continue
        else:
            gebied = next((op_code[code] for code in sorted(codes) if code in op_code), None)
            if gebied is None:
                uitslag.overgeslagen += 1
                continue
            gevonden_codes |= codes
        try:
            vormen[gebied].append(vlak(feature.get("geometry") or {}))
        except GeometrieFout as fout:
            uitslag.fouten.append(
                _("Feature %(n)d (%(naam)s, %(gebied)s): %(fout)s")
                % {"n": nummer, "naam": naam, "gebied": gebied.title, "fout": fout}
            )
    # An area built from wijken or buurten with one missing from the file gets a hole: say so.
    for gebied in vormen:
        if not gebied.cbs_code_lijst & gevonden_codes:
            continue
        for code in sorted(gebied.cbs_code_lijst - gevonden_codes):
            uitslag.meldingen.append(
                _("%(gebied)s: %(code)s staat niet in het bestand; de grens is zonder.")
                % {"gebied": gebied.title, "code": code}
            )
    uitslag.gebieden = {gebied.slug: len(lijst) for gebied, lijst in vormen.items()}
    return uitslag, vormen


def importeren(tekst: str | bytes, *, bron: str, proef: bool = False) -> Uitslag:
    uitslag, vormen = lees(tekst)
    if uitslag.fouten or proef or not vormen:
        return uitslag
    with transaction.atomic():
        for gebied, lijst in vormen.items():
            Gebiedsgrens.objects.update_or_create(
                focusgebied=gebied,
                defaults={
                    "geometrie": samenvoegen(lijst),
                    "bron": bron[:200],
                    "is_benadering": False,
                },
            )
    uitslag.opgeslagen = True
    return uitslag
