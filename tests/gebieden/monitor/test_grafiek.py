"""The server-side charts: titled and described for screen readers, free of inline styles
(the CSP forbids them), and sound with one period or equal values."""

from decimal import Decimal

from gebieden.monitor.grafiek import Lijn, getal, lijngrafiek, staafgrafiek


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
    assert svg.count("<circle") == 2  # the unknown period is skipped
    assert "style" not in svg


def test_one_period_and_equal_values_still_draw():
    svg = lijngrafiek(
        sleutel="e",
        titel="T",
        beschrijving="D",
        perioden=["2024"],
        lijnen=[Lijn("A", [Decimal("5")], "#000")],
    )

    assert svg.count("<circle") == 1


def test_a_bar_chart_labels_each_bar():
    svg = staafgrafiek(
        sleutel="b", titel="T", beschrijving="D", rijen=[("Poelenburg", Decimal("9.5"))]
    )

    assert ">Poelenburg<" in svg and ">9,5<" in svg and svg.count("<rect") == 1


def test_numbers_are_written_the_dutch_way():
    assert getal(Decimal("14.00")) == "14"
    assert getal(Decimal("1234.50")) == "1.234,5"
