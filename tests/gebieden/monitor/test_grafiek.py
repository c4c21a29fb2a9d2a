"""The server-side charts: titled and described for screen readers, free of inline styles
(the CSP forbids them), sound with one period or equal values, drawn wide and narrow with
text that is never scaled below 16 px, and with bars that start at zero."""

import xml.etree.ElementTree as ET
from decimal import Decimal
from itertools import pairwise

import pytest

from gebieden.monitor.grafiek import BREED, LETTER, SMAL, Lijn, lijngrafiek, staafgrafiek

SVG = "{http://www.w3.org/2000/svg}"


def tekeningen(svg: str) -> dict[str, ET.Element]:
    """The wide and the narrow drawing, by variant."""
    return {
        element.get("class").rsplit("--", 1)[1]: element
        for element in ET.fromstring(f"<div>{svg}</div>")
    }


def breedte(tekening: ET.Element) -> float:
    return float(tekening.get("viewBox").split()[2])


def test_a_line_chart_has_title_description_and_one_point_per_value():
    svg = lijngrafiek(
        sleutel="t",
        titel="Ervaren veiligheid <in> Overvecht",
        beschrijving="Gestegen.",
        perioden=["2022", "2023", "2024"],
        lijnen=[Lijn("Overvecht", [Decimal("60"), None, Decimal("62")], "#01689b")],
    )

    assert 'role="img" aria-labelledby="t-titel t-uitleg"' in svg
    assert '<title id="t-titel">Ervaren veiligheid &lt;in&gt; Overvecht</title>' in svg
    assert 'aria-labelledby="t-smal-titel t-smal-uitleg"' in svg  # ids stay unique
    assert "style" not in svg
    for tekening in tekeningen(svg).values():
        assert len(tekening.findall(f"{SVG}circle")) == 2  # the unknown period is skipped


def test_one_period_and_equal_values_still_draw():
    svg = lijngrafiek(
        sleutel="e",
        titel="T",
        beschrijving="D",
        perioden=["2024"],
        lijnen=[Lijn("A", [Decimal("5")], "#000")],
    )

    assert [len(t.findall(f"{SVG}circle")) for t in tekeningen(svg).values()] == [1, 1]


def test_every_chart_comes_wide_and_narrow_with_16_unit_text():
    lijn = lijngrafiek(
        sleutel="l",
        titel="T",
        beschrijving="D",
        perioden=["2019", "2020"],
        lijnen=[Lijn("A", [Decimal("1500"), Decimal("1234.5")], "#000")],
    )
    staaf = staafgrafiek(sleutel="s", titel="T", beschrijving="D", rijen=[("A", Decimal("3"))])

    for svg in (lijn, staaf):
        varianten = tekeningen(svg)
        assert {naam: breedte(t) for naam, t in varianten.items()} == {
            "breed": BREED,
            "smal": SMAL,
        }
        for tekening in varianten.values():
            teksten = tekening.findall(f"{SVG}text")
            assert teksten and {t.get("font-size") for t in teksten} == {str(LETTER)}


def test_period_labels_that_would_overlap_are_thinned_out_but_first_and_last_stay():
    perioden = [f"{jaar}-Q{kwartaal}" for jaar in (2022, 2023, 2024) for kwartaal in (1, 2, 3, 4)]
    svg = lijngrafiek(
        sleutel="q",
        titel="T",
        beschrijving="D",
        perioden=perioden,
        lijnen=[Lijn("A", [Decimal(i) for i in range(12)], "#000")],
    )

    for naam, tekening in tekeningen(svg).items():
        labels = [
            (float(t.get("x")), t.text) for t in tekening.findall(f"{SVG}text") if "-Q" in t.text
        ]
        assert labels[0][1] == "2022-Q1" and labels[-1][1] == "2024-Q4", naam
        afstanden = [b[0] - a[0] for a, b in pairwise(labels)]
        assert min(afstanden) >= len("2022-Q1") * LETTER * 0.6, naam  # no two labels touch
        assert labels[-1][0] + len("2024-Q4") * LETTER * 0.3 <= breedte(tekening), naam


def balken(tekening: ET.Element) -> tuple[float, list[tuple[float, float]]]:
    """The zero line's x, and each bar's left edge and width."""
    nul = {float(lijn.get("x1")) for lijn in tekening.findall(f"{SVG}line")}
    assert len(nul) == 1
    rects = [(float(r.get("x")), float(r.get("width"))) for r in tekening.findall(f"{SVG}rect")]
    return nul.pop(), rects


@pytest.mark.parametrize("variant", ["breed", "smal"])
def test_bars_start_at_zero_so_their_lengths_compare_as_their_values(variant):
    svg = staafgrafiek(
        sleutel="b",
        titel="T",
        beschrijving="D",
        rijen=[("Poelenburg", Decimal("90")), ("Overvecht", Decimal("60")), ("X", Decimal("0"))],
    )
    tekening = tekeningen(svg)[variant]

    nul, rects = balken(tekening)
    assert [x for x, _ in rects] == [nul, nul, nul]
    assert rects[1][1] / rects[0][1] == pytest.approx(60 / 90, abs=0.01)  # not a fitted range
    assert rects[2][1] == 0
    assert ">0<" in ET.tostring(tekening, encoding="unicode")  # the zero line says it is zero


def test_negative_bars_go_left_from_zero():
    svg = staafgrafiek(
        sleutel="n",
        titel="T",
        beschrijving="D",
        rijen=[("A", Decimal("4")), ("B", Decimal("-2"))],
    )

    for tekening in tekeningen(svg).values():
        nul, [(ax, ab), (bx, bb)] = balken(tekening)
        assert ax == nul and bx + bb == pytest.approx(nul, abs=0.1)
        assert bb / ab == pytest.approx(0.5, abs=0.01)
        assert min(bx, ax) >= 0 and max(ax + ab, bx + bb) <= breedte(tekening)


def test_a_bar_chart_labels_each_bar():
    svg = staafgrafiek(
        sleutel="b", titel="T", beschrijving="D", rijen=[("Poelenburg", Decimal("9.5"))]
    )

    assert svg.count(">Poelenburg<") == 2 and svg.count(">9,5<") == 2
    assert svg.count("<rect") == 2  # one per drawing
