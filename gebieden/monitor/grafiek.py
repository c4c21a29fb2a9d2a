"""Charts rendered on the server as inline SVG: readable without JavaScript, with a title and
a description for screen readers (the data table next to each chart has every figure), and
drawn with presentation attributes only, so the strict Content-Security-Policy (no inline
styles) holds. Why not a chart library: docs/dependencies.md."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BREEDTE, HOOGTE = 640, 300
LINKS, RECHTS, BOVEN, ONDER = 64, 16, 16, 40
# Rijkshuisstijl colours with at least 3:1 contrast on white, told apart by dash pattern too.
KLEUR_GEBIED, KLEUR_GEMEENTE, KLEUR_NL, KLEUR_STREEF = "#01689b", "#535353", "#6f6f6f", "#a90061"


@dataclass(frozen=True)
class Lijn:
    label: str
    waarden: Sequence[Decimal | None]  # one per period, None where unknown
    kleur: str
    streep: str = ""  # stroke-dasharray


def getal(waarde: Decimal | float) -> str:
    """A number as Dutch readers write it: decimal comma, no trailing zeros."""
    waarde = Decimal(str(waarde)).normalize()
    decimalen = max(0, -waarde.as_tuple().exponent)
    return number_format(waarde, decimal_pos=decimalen, use_l10n=True, force_grouping=True)


def _schaal(waarden: list[Decimal]) -> tuple[float, float, list[float]]:
    """A y-range with round ticks that holds every value."""
    laag, hoog = float(min(waarden)), float(max(waarden))
    if laag == hoog:
        laag, hoog = laag - 1, hoog + 1
    if 0 <= laag < hoog - laag:
        laag = 0.0  # start at zero, unless that would flatten the differences
    stap = 10 ** math.floor(math.log10((hoog - laag) / 4))
    for factor in (1, 2, 2.5, 5, 10):
        if (hoog - laag) / (stap * factor) <= 5:
            stap *= factor
            break
    begin = math.floor(laag / stap) * stap
    eind = math.ceil(hoog / stap) * stap
    ticks = [begin + i * stap for i in range(round((eind - begin) / stap) + 1)]
    return begin, eind, ticks


def _svg(titel: str, beschrijving: str, sleutel: str, inhoud: list[str], hoogte: int) -> SafeString:
    # Every text in the drawing is escaped where it is put in (titles, labels, periods);
    # the rest is numbers and this module's constants, and `sleutel` an id made in code.
    return mark_safe(  # nosec B308 B703
        f'<svg class="site-grafiek" viewBox="0 0 {BREEDTE} {hoogte}" role="img" '
        f'aria-labelledby="{sleutel}-titel {sleutel}-uitleg" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{sleutel}-titel">{escape(titel)}</title>'
        f'<desc id="{sleutel}-uitleg">{escape(beschrijving)}</desc>' + "".join(inhoud) + "</svg>"
    )


def lijngrafiek(
    *, sleutel: str, titel: str, beschrijving: str, perioden: Sequence[str], lijnen: Sequence[Lijn]
) -> SafeString:
    """One line per series over `perioden` (evenly spaced)."""
    alle = [w for lijn in lijnen for w in lijn.waarden if w is not None]
    laag, hoog, ticks = _schaal(alle)
    plot_b, plot_h = BREEDTE - LINKS - RECHTS, HOOGTE - BOVEN - ONDER

    def x(i: int) -> float:
        return LINKS + (plot_b * i / (len(perioden) - 1) if len(perioden) > 1 else plot_b / 2)

    def y(w: float) -> float:
        return BOVEN + plot_h * (1 - (float(w) - laag) / (hoog - laag))

    inhoud = []
    for tick in ticks:
        inhoud.append(
            f'<line x1="{LINKS}" x2="{BREEDTE - RECHTS}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="#d0d0d0" stroke-width="1"/>'
            f'<text x="{LINKS - 8}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#1a1a1a">{escape(getal(tick))}</text>'
        )
    for i, periode in enumerate(perioden):
        inhoud.append(
            f'<text x="{x(i):.1f}" y="{HOOGTE - ONDER + 20}" text-anchor="middle" font-size="12" '
            f'fill="#1a1a1a">{escape(periode)}</text>'
        )
    for lijn in lijnen:
        punten = [(x(i), y(w)) for i, w in enumerate(lijn.waarden) if w is not None]
        if not punten:
            continue
        streep = f' stroke-dasharray="{lijn.streep}"' if lijn.streep else ""
        pad = " ".join(f"{px:.1f},{py:.1f}" for px, py in punten)
        inhoud.append(
            f'<polyline points="{pad}" fill="none" stroke="{lijn.kleur}" stroke-width="3"{streep}/>'
        )
        if not lijn.streep:
            inhoud.extend(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{lijn.kleur}"/>'
                for px, py in punten
            )
    return _svg(titel, beschrijving, sleutel, inhoud, HOOGTE)


def staafgrafiek(
    *, sleutel: str, titel: str, beschrijving: str, rijen: Sequence[tuple[str, Decimal]]
) -> SafeString:
    """Horizontal bars in the given order, each labelled with its name and value."""
    rij_h, label_b = 26, 200
    hoogte = BOVEN + rij_h * len(rijen) + 8
    hoogste = max((float(w) for _, w in rijen), default=1) or 1
    ruimte = BREEDTE - label_b - RECHTS - 70
    inhoud = []
    for i, (naam, waarde) in enumerate(rijen):
        boven = BOVEN + i * rij_h
        lengte = max(1.0, ruimte * max(float(waarde), 0) / hoogste)
        inhoud.append(
            f'<text x="{label_b - 8}" y="{boven + 17}" text-anchor="end" font-size="13" '
            f'fill="#1a1a1a">{escape(naam)}</text>'
            f'<rect x="{label_b}" y="{boven + 4}" width="{lengte:.1f}" height="{rij_h - 8}" '
            f'fill="{KLEUR_GEBIED}"/>'
            f'<text x="{label_b + lengte + 6:.1f}" y="{boven + 17}" font-size="13" '
            f'fill="#1a1a1a">{escape(getal(waarde))}</text>'
        )
    return _svg(titel, beschrijving, sleutel, inhoud, hoogte)
