"""Charts rendered on the server as inline SVG: readable without JavaScript, with a title and
a description for screen readers (the data table next to each chart has every figure), and
drawn with presentation attributes only, so the strict Content-Security-Policy (no inline
styles) holds. Why not a chart library: docs/dependencies.md.

Each chart is drawn twice, wide (640 units) and narrow (288 units), with its text at 16 units
in both. The stylesheet shows the wide one at exactly 640 px where there is room and the
narrow one at 288 px or wider otherwise, never smaller: so chart text is never below the
site's smallest text size (16 px), on a phone too (issue 19, point 4). Below 288 px the
narrow drawing scrolls sideways inside its container."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from wijkwijzer.text import getal

BREED, SMAL = 640, 288  # drawing widths; static/css/site.css shows them at 40rem and >= 18rem
LETTER = 16  # font size in drawing units, so in px at the smallest the drawing is shown
TEKEN = 0.6 * LETTER  # a generous width per character, to make room for labels
INKT = "#1a1a1a"
# Rijkshuisstijl colours with at least 3:1 contrast on white, told apart by dash pattern too.
KLEUR_GEBIED, KLEUR_GEMEENTE, KLEUR_NL, KLEUR_STREEF = "#01689b", "#535353", "#6f6f6f", "#a90061"


@dataclass(frozen=True)
class Lijn:
    label: str
    waarden: Sequence[Decimal | None]  # one per period, None where unknown
    kleur: str
    streep: str = ""  # stroke-dasharray


@dataclass(frozen=True)
class Schaal:
    """The value axis of a line chart: its lowest and highest value and round ticks."""

    begin: float
    eind: float
    ticks: list[float]


def _breedte(tekst: str) -> float:
    return len(tekst) * TEKEN


def schaal(waarden: Sequence[Decimal | float]) -> Schaal:
    """A y-range with round ticks that holds every value. It starts at zero unless that would
    flatten the differences; the page then says where it starts (`Reeks.as_begin`)."""
    laag, hoog = float(min(waarden)), float(max(waarden))
    if laag == hoog:
        laag, hoog = laag - 1, hoog + 1
    if 0 <= laag < hoog - laag:
        laag = 0.0
    stap = 10 ** math.floor(math.log10((hoog - laag) / 4))
    for factor in (1, 2, 2.5, 5, 10):
        if (hoog - laag) / (stap * factor) <= 5:
            stap *= factor
            break
    decimalen = max(0, -math.floor(math.log10(stap))) + 1  # enough for a step of 0.25
    begin = round(math.floor(laag / stap) * stap, decimalen)
    eind = round(math.ceil(hoog / stap) * stap, decimalen)
    ticks = [round(begin + i * stap, decimalen) for i in range(round((eind - begin) / stap) + 1)]
    return Schaal(begin, eind, ticks)


def _tekst(x: float, y: float, inhoud: str, anker: str = "start") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anker}" font-size="{LETTER}" '
        f'fill="{INKT}">{escape(inhoud)}</text>'
    )


def _svg(
    titel: str,
    beschrijving: str,
    sleutel: str,
    inhoud: list[str],
    breedte: int,
    hoogte: float,
    variant: str,
) -> str:
    # Every text in the drawing is escaped where it is put in (titles, labels, periods);
    # the rest is numbers and this module's constants, and `sleutel` an id made in code.
    return (
        f'<svg class="site-grafiek site-grafiek--{variant}" viewBox="0 0 {breedte} {hoogte:.0f}" '
        f'role="img" aria-labelledby="{sleutel}-titel {sleutel}-uitleg" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{sleutel}-titel">{escape(titel)}</title>'
        f'<desc id="{sleutel}-uitleg">{escape(beschrijving)}</desc>' + "".join(inhoud) + "</svg>"
    )


def _twee(maak, sleutel: str) -> SafeString:
    """The wide drawing (ids from `sleutel`) and the narrow one (ids `<sleutel>-smal`)."""
    return mark_safe(  # nosec B308 B703: see _svg
        maak(BREED, sleutel, "breed") + maak(SMAL, f"{sleutel}-smal", "smal")
    )


def _zichtbare_perioden(perioden: Sequence[str], afstand: float) -> set[int]:
    """Which period labels fit side by side: every k-th one, always the first and the last
    (the data table has them all)."""
    if len(perioden) < 2:
        return set(range(len(perioden)))
    nodig = max(_breedte(p) for p in perioden) + TEKEN
    k = max(1, math.ceil(nodig / afstand))
    laatste = len(perioden) - 1
    zichtbaar = set(range(0, laatste + 1, k))
    if laatste not in zichtbaar:
        zichtbaar.discard(max(zichtbaar))  # too close to the last one
        zichtbaar.add(laatste)
    return zichtbaar


def lijngrafiek(
    *, sleutel: str, titel: str, beschrijving: str, perioden: Sequence[str], lijnen: Sequence[Lijn]
) -> SafeString:
    """One line per series over `perioden` (evenly spaced)."""
    alle = [w for lijn in lijnen for w in lijn.waarden if w is not None]
    as_ = schaal(alle)
    labels = [getal(t) for t in as_.ticks]
    links = max(_breedte(t) for t in labels) + 12
    rechts = max(16.0, _breedte(perioden[-1]) / 2 + 4) if perioden else 16.0

    def teken(breedte: int, sleutel: str, variant: str) -> str:
        hoogte = 320 if breedte == BREED else 260
        boven, onder = LETTER, 2.5 * LETTER
        plot_b, plot_h = breedte - links - rechts, hoogte - boven - onder

        def x(i: int) -> float:
            return links + (plot_b * i / (len(perioden) - 1) if len(perioden) > 1 else plot_b / 2)

        def y(w: float) -> float:
            return boven + plot_h * (1 - (float(w) - as_.begin) / (as_.eind - as_.begin))

        inhoud = []
        for tick, label in zip(as_.ticks, labels, strict=True):
            inhoud.append(
                f'<line x1="{links:.1f}" x2="{breedte - rechts:.1f}" y1="{y(tick):.1f}" '
                f'y2="{y(tick):.1f}" stroke="#d0d0d0" stroke-width="1"/>'
                + _tekst(links - 8, y(tick) + LETTER / 3, label, "end")
            )
        afstand = plot_b / (len(perioden) - 1) if len(perioden) > 1 else plot_b
        zichtbaar = _zichtbare_perioden(perioden, afstand)
        inhoud.extend(
            _tekst(x(i), hoogte - onder + 1.5 * LETTER, periode, "middle")
            for i, periode in enumerate(perioden)
            if i in zichtbaar
        )
        for lijn in lijnen:
            punten = [(x(i), y(w)) for i, w in enumerate(lijn.waarden) if w is not None]
            if not punten:
                continue
            streep = f' stroke-dasharray="{lijn.streep}"' if lijn.streep else ""
            pad = " ".join(f"{px:.1f},{py:.1f}" for px, py in punten)
            inhoud.append(
                f'<polyline points="{pad}" fill="none" stroke="{lijn.kleur}" '
                f'stroke-width="3"{streep}/>'
            )
            if not lijn.streep:
                inhoud.extend(
                    f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{lijn.kleur}"/>'
                    for px, py in punten
                )
        return _svg(titel, beschrijving, sleutel, inhoud, breedte, hoogte, variant)

    return _twee(teken, sleutel)


def staafgrafiek(
    *, sleutel: str, titel: str, beschrijving: str, rijen: Sequence[tuple[str, Decimal]]
) -> SafeString:
    """Horizontal bars in the given order, each labelled with its name and value. Every bar
    starts at zero (a marked line): its length is its value, negative values go left. Wide,
    the names stand left of the bars; narrow, each name stands above its bar."""
    waarden = [float(w) for _, w in rijen]
    laag, hoog = min([0.0, *waarden]), max([0.0, *waarden])
    bereik = (hoog - laag) or 1.0
    waarde_b = max((_breedte(getal(w)) for _, w in rijen), default=0) + 8
    naam_b = min(280.0, max((_breedte(n) for n, _ in rijen), default=0) + 8)

    def teken(breedte: int, sleutel: str, variant: str) -> str:
        smal = variant == "smal"
        # The band the bars are drawn in, with room for the value labels on either side.
        begin = 8.0 if smal else naam_b + 8
        begin += waarde_b if laag < 0 else 0
        ruimte = breedte - begin - (waarde_b if hoog > 0 else 0) - 4
        nul = begin + ruimte * -laag / bereik
        rij_h, staaf_h = (3 * LETTER, LETTER + 2) if smal else (2 * LETTER, LETTER + 4)
        boven = 1.75 * LETTER  # room for the "0" above the zero line
        inhoud = [_tekst(nul, LETTER, "0", "middle")]
        for i, (naam, waarde) in enumerate(rijen):
            rij = boven + i * rij_h
            staaf_y = rij + (LETTER + 4 if smal else (rij_h - staaf_h) / 2)
            lengte = ruimte * abs(float(waarde)) / bereik
            links = nul - lengte if waarde < 0 else nul
            inhoud.append(
                _tekst(nul + 6 if laag == 0 else 8, rij + LETTER, naam)
                if smal
                else _tekst(naam_b, staaf_y + LETTER - 2, naam, "end")
            )
            inhoud.append(
                f'<rect x="{links:.1f}" y="{staaf_y:.1f}" width="{lengte:.1f}" '
                f'height="{staaf_h}" fill="{KLEUR_GEBIED}"/>'
            )
            if waarde < 0:
                inhoud.append(_tekst(links - 6, staaf_y + LETTER - 2, getal(waarde), "end"))
            else:
                inhoud.append(_tekst(nul + lengte + 6, staaf_y + LETTER - 2, getal(waarde)))
        onderkant = boven + len(rijen) * rij_h
        inhoud.append(
            f'<line x1="{nul:.1f}" x2="{nul:.1f}" y1="{boven - 4:.1f}" y2="{onderkant:.1f}" '
            f'stroke="{INKT}" stroke-width="2"/>'
        )
        return _svg(titel, beschrijving, sleutel, inhoud, breedte, onderkant + 8, variant)

    return _twee(teken, sleutel)
