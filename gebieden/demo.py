"""Demo content of the shared domain, run by `manage.py load_demo`.

Real: the 20 focus areas, their municipality and rijksvertegenwoordiger, the themes, the
actielijnen and kernindicatoren (from gebieden/data/, copied from the programme's documents).
Demo (marked `is_demo`, shown with a "voorbeeld" badge): alliance members other than the chair
and the rijksvertegenwoordiger, and the alliance meetings. Approximate: the areas' shapes
(`Gebiedsgrens.is_benadering`, said on every map)."""

import datetime
import json
import math
from pathlib import Path
from typing import Any

from django.utils import timezone, translation
from django.utils.formats import date_format

from gebieden.models import (
    Actielijn,
    AlliantieLid,
    AlliantieoverlegPage,
    AlliantieRol,
    FocusgebiedPage,
    GebiedenIndexPage,
    Gebiedsgrens,
    Kernindicator,
    Thema,
)
from gebieden.services import ensure_alliantie_groep
from wijkwijzer.services import ensure_home_page

DATA = Path(__file__).resolve().parent / "data"

INDEX_INTRO = (
    "Het Nationaal Programma Leefbaarheid en Veiligheid werkt in twintig stedelijke "
    "focusgebieden in negentien gemeenten. In elk gebied werkt een alliantie onder leiding van "
    "de burgemeester samen met bewoners, woningcorporaties, scholen, politie, zorg en het Rijk."
)

# Fictional people for the demo alliances; every row is shown as "voorbeeld".
DEMO_MEMBERS = [
    (AlliantieRol.WETHOUDER, "Sanne de Vries", "Gemeente {gemeente}"),
    (AlliantieRol.WONINGCORPORATIE, "Mehmet Yilmaz", "Woningcorporatie Thuis in {gemeente}"),
    (AlliantieRol.SCHOLEN, "Ingrid Bakker", "Schoolbestuur Samen Leren"),
    (AlliantieRol.POLITIE, "Ruud Jansen", "Politie, basisteam {gemeente}"),
    (AlliantieRol.OM, "Fatima El Amrani", "Openbaar Ministerie"),
    (AlliantieRol.GGD, "Peter van Dijk", "GGD regio {gemeente}"),
    (AlliantieRol.ZORGVERZEKERAAR, "Linda Visser", "Zorgverzekeraar Gezond Samen"),
    (AlliantieRol.WERKGEVERS, "Kees Mulder", "Ondernemersvereniging {gemeente}"),
    (AlliantieRol.WELZIJN, "Naima Bouzid", "Welzijnsorganisatie De Brug"),
    (AlliantieRol.BEWONERS, "Wim de Groot", "Bewonersplatform {gebied}"),
]


def load() -> None:
    _load_taxonomy()
    home = ensure_home_page()
    index = GebiedenIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=GebiedenIndexPage(
                title="Focusgebieden",
                slug="gebieden",
                intro=INDEX_INTRO,
                show_in_menus=True,
                search_description=(
                    "De twintig focusgebieden: wat er speelt, wie de alliantie is en waar je "
                    "kunt meepraten."
                ),
            )
        )
    data = json.loads((DATA / "focusgebieden.json").read_text(encoding="utf-8"))
    today = timezone.localdate()
    for item in data["gebieden"]:
        area = FocusgebiedPage.objects.filter(slug=item["slug"]).first() or _create_area(
            index, item
        )
        ensure_alliantie_groep(area)
        if not area.alliantieleden.exists():
            _add_members(area, item)
        if not AlliantieoverlegPage.objects.child_of(area).exists():
            _add_meetings(area, today)
    _add_approximate_boundaries()


def _add_approximate_boundaries() -> None:
    """A rough shape around each area's centre, marked as such (gebieden/data/demo_kaart.json),
    and the municipality's CBS code, for areas that have neither yet."""
    kaart = json.loads((DATA / "demo_kaart.json").read_text(encoding="utf-8"))["gebieden"]
    for area in FocusgebiedPage.objects.filter(slug__in=kaart, grens__isnull=True):
        item = kaart[area.slug]
        if not area.cbs_gemeentecode:
            FocusgebiedPage.objects.filter(pk=area.pk).update(cbs_gemeentecode=item["gemeentecode"])
        Gebiedsgrens.objects.create(
            focusgebied=area,
            geometrie=_rough_shape(*item["midden"], item["straal_m"]),
            bron="Benadering voor de demo, geen officiële grens",
            is_benadering=True,
        )


def _rough_shape(lengte: float, breedte: float, straal_m: float) -> dict[str, Any]:
    """A 12-sided shape around a centre, its corners at 75-100% of the radius so it does not
    look like an official circle."""
    per_graad_breedte = 111_320
    per_graad_lengte = per_graad_breedte * math.cos(math.radians(breedte))
    hoeken = []
    for i in range(12):
        hoek = 2 * math.pi * i / 12
        r = straal_m * (0.75 + 0.25 * ((i * 7) % 5) / 4)
        hoeken.append(
            [
                round(lengte + r * math.cos(hoek) / per_graad_lengte, 6),
                round(breedte + r * math.sin(hoek) / per_graad_breedte, 6),
            ]
        )
    return {"type": "Polygon", "coordinates": [[*hoeken, hoeken[0]]]}


def _load_taxonomy() -> None:
    themes = json.loads((DATA / "themas.json").read_text(encoding="utf-8"))
    for theme in themes["themas"]:
        Thema.objects.update_or_create(slug=theme["slug"], defaults={"label": theme["label"]})
    monitor = json.loads((DATA / "kernindicatoren.json").read_text(encoding="utf-8"))
    lines = {
        int(number): Actielijn.objects.update_or_create(
            nummer=int(number), defaults={"titel": title}
        )[0]
        for number, title in monitor["actielijnen"].items()
    }
    definities = {
        item["nummer"]: item
        for item in json.loads(
            (DATA / "kernindicator_definities.json").read_text(encoding="utf-8")
        )["definities"]
    }
    for indicator in monitor["kernindicatoren"]:
        definitie = definities[indicator["nummer"]]
        Kernindicator.objects.update_or_create(
            nummer=indicator["nummer"],
            defaults={
                "actielijn": lines[indicator["actielijn"]],
                "naam": indicator["naam"],
                "bron": indicator["bron"] or "",
                "eenheid": definitie["eenheid"],
                "hoger_is_beter": definitie["hoger_is_beter"],
            },
        )


def _create_area(index: GebiedenIndexPage, item: dict[str, Any]) -> FocusgebiedPage:
    return index.add_child(
        instance=FocusgebiedPage(
            title=item["naam"],
            slug=item["slug"],
            gemeente=item["gemeente"],
            provincie=item["provincie"],
            toegevoegd_in=item["toegevoegd_in"],
            regiodeal_2020=item["regiodeal_2020"],
            alliantie_naam=f"Alliantie {item['naam']}",
            samenvatting=(
                f"{item['naam']} is sinds {item['toegevoegd_in']} een van de stedelijke "
                f"focusgebieden van het Nationaal Programma Leefbaarheid en Veiligheid, in de "
                f"gemeente {item['gemeente']}."
            ),
        )
    )


def _add_members(area: FocusgebiedPage, item: dict[str, Any]) -> None:
    members = [
        AlliantieLid(
            focusgebied=area,
            rol=AlliantieRol.VOORZITTER,
            organisatie=f"Burgemeester van {item['gemeente']}",
        )
    ]
    for rol, naam, organisatie in DEMO_MEMBERS:
        members.append(
            AlliantieLid(
                focusgebied=area,
                rol=rol,
                naam=naam,
                organisatie=organisatie.format(gemeente=item["gemeente"], gebied=item["naam"]),
                is_demo=True,
            )
        )
    rijk = item.get("rijksvertegenwoordiger") or {}
    members.append(
        AlliantieLid(
            focusgebied=area,
            rol=AlliantieRol.RIJK,
            naam=rijk.get("naam") or "",
            departement=rijk.get("departement") or "",
            organisatie="Rijksoverheid",
        )
    )
    for order, member in enumerate(members):
        member.sort_order = order
    AlliantieLid.objects.bulk_create(members)


def _add_meetings(area: FocusgebiedPage, today: datetime.date) -> None:
    for weeks, with_minutes in ((-10, True), (-4, True), (3, False)):
        date = today + datetime.timedelta(weeks=weeks)
        area.add_child(
            instance=AlliantieoverlegPage(
                title=f"Alliantieoverleg {_long_date(date)}",
                slug=f"overleg-{date.isoformat()}",
                datum=date,
                aanvang=datetime.time(19, 30),
                locatie=f"Wijkcentrum {area.title}",
                agenda=(
                    "<ol><li>Opening en mededelingen</li>"
                    "<li>Voortgang uitvoeringsprogramma</li>"
                    "<li>Agendapunten van bewoners</li>"
                    "<li>Rondvraag en sluiting</li></ol>"
                ),
                notulen=(
                    "<p>De alliantie besprak de voortgang van het uitvoeringsprogramma en de "
                    "agendapunten die bewoners hadden ingediend. Afgesproken is dat het "
                    "programmabureau in het volgende overleg terugkoppelt wat er met de "
                    "inbreng is gedaan.</p>"
                    if with_minutes
                    else ""
                ),
                is_demo=True,
            )
        )


def _long_date(date: datetime.date) -> str:
    with translation.override("nl"):
        return date_format(date, "j F Y")
