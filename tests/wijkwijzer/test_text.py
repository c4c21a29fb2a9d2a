"""wijkwijzer.text: numbers as Dutch readers write them, used by the monitor's charts and
sentences and by the progress lines of long commands."""

from decimal import Decimal

from wijkwijzer.text import getal


def test_numbers_are_written_the_dutch_way():
    assert getal(Decimal("14.00")) == "14"
    assert getal(Decimal("1234.50")) == "1.234,5"
    assert getal(1800) == "1.800"
    assert getal(0.25) == "0,25"
    assert getal(-1234567) == "-1.234.567"
    assert (getal(52.34, 1), getal(50, 1), getal(250.6, 0)) == ("52,3", "50,0", "251")
