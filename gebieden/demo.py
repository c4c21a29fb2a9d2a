"""Demo content of the shared domain, run by `manage.py load_demo`.

Real: the 20 focus areas, their municipality and rijksvertegenwoordiger, the themes, the
actielijnen and kernindicatoren (from gebieden/data/, copied from the programme's documents).
Demo (marked `is_demo`, shown with a "voorbeeld" badge): alliance members other than the chair
and the rijksvertegenwoordiger, and the alliance meetings."""

import datetime
import json
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
