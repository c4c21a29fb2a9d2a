"""Demo figures for Zicht op Wijken, run by `manage.py load_demo` after gebieden: synthetic
values for the 15 kernindicatoren in the 20 areas from 2019 to 2024, with the municipality
and the Netherlands as references. They are made up, marked `voorbeelddata`, and every page
that shows them says "Voorbeelddata, geen echte cijfers". They go through the same importer
as real figures."""

import random
from decimal import Decimal

from gebieden.models import FocusgebiedPage, Kernindicator
from gebieden.monitor.importer import importeren
from gebieden.monitor.models import Meting, Streefwaarde

JAREN = range(2019, 2025)
BRON = "Voorbeelddata, geen echte cijfers"
# nummer: (lowest start, highest start, change per year, decimals, the Netherlands or None)
VERLOOP = {
    1: (200, 1500, -40, 0, None),
    2: (400, 2500, -120, 0, None),
    3: (50, 600, 20, 0, None),
    4: (15, 45, 0.8, 1, 58),
    5: (4.2, 5.4, 0.05, 1, 6.1),
    6: (30, 60, -0.8, 1, 25),
    7: (20, 40, 0.6, 1, 46),
    8: (2.0, 5.0, -0.15, 1, 1.8),
    9: (40, 70, 0.5, 0, 72),
    10: (60, 85, 0.4, 0, 100),
    11: (12, 28, -0.4, 1, 8.5),
    12: (58, 72, 0.2, 0, 78),
    13: (55, 75, 0.7, 0, 83),
    14: (2, 6, -0.1, 1, None),
    15: (40, 90, -1.5, 1, 45),
}
STREEFWAARDEN = {
    "zaandam-oost": [(13, 75, 2030)],
    "rotterdam-zuid": [(8, 2.5, 2030), (5, 5.5, 2030)],
}


def _regels() -> list[str]:
    eenheden = dict(Kernindicator.objects.values_list("nummer", "eenheid"))
    regels = ["indicator;gebied;periode;waarde;eenheid;bron;gemeente;nederland"]
    for gebied in FocusgebiedPage.objects.order_by("slug"):
        for nummer, (laag, hoog, stap, decimalen, nederland) in VERLOOP.items():
            kans = random.Random(f"{gebied.slug}-{nummer}")
            start = kans.uniform(laag, hoog)
            for i, jaar in enumerate(JAREN):
                waarde = max(0.0, start + stap * i + kans.gauss(0, abs(stap) / 2))
                nl = "" if nederland is None else round(nederland + stap / 4 * i, decimalen)
                gemeente = "" if nederland is None else round((waarde + nederland) / 2, decimalen)
                regels.append(
                    f"{nummer};{gebied.slug};{jaar};{round(waarde, decimalen)};"
                    f"{eenheden.get(nummer, '')};{BRON};{gemeente};{nl}"
                )
    return regels


def load() -> None:
    if Meting.objects.filter(voorbeelddata=True).exists() or not Kernindicator.objects.exists():
        return
    uitslag = importeren("\n".join(_regels()), voorbeelddata=True)
    if uitslag.fouten:
        raise ValueError(f"Demo-cijfers kloppen niet: {uitslag.fouten[:3]}")
    for slug, doelen in STREEFWAARDEN.items():
        gebied = FocusgebiedPage.objects.filter(slug=slug).first()
        for nummer, waarde, jaar in doelen if gebied else []:
            Streefwaarde.objects.get_or_create(
                focusgebied=gebied,
                kernindicator=Kernindicator.objects.get(nummer=nummer),
                defaults={"waarde": Decimal(str(waarde)), "jaar": jaar},
            )
