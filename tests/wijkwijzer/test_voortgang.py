"""The progress line of long-running commands: rewritten in place on a terminal, a line per
tenth in a log, nothing at --verbosity 0."""

from io import StringIO

from django.core.management.base import OutputWrapper

from wijkwijzer.voortgang import Voortgang, duur, getal


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


class Klok:
    def __init__(self) -> None:
        self.nu = 0.0

    def __call__(self) -> float:
        return self.nu


def test_on_a_terminal_one_line_shows_count_rate_and_time_left():
    uit, klok = Terminal(), Klok()
    voortgang = Voortgang(OutputWrapper(uit), verbosity=1, wat="items", klok=klok)

    klok.nu = 10.0
    voortgang(500, 1800)
    voortgang.klaar()

    assert "\r500 van 1.800 items (27%), 50,0 per s, nog ca. 26 s" in uit.getvalue()
    assert "\n" not in uit.getvalue() and uit.getvalue().endswith("\r\033[K")


def test_in_a_log_a_line_at_the_start_and_per_tenth_of_the_work():
    uit, klok = StringIO(), Klok()
    voortgang = Voortgang(OutputWrapper(uit), verbosity=1, wat="items", klok=klok)

    for gedaan in range(1, 101):
        klok.nu += 0.1
        voortgang(gedaan, 100)

    regels = uit.getvalue().splitlines()
    # The first item shows the command has started; then one line per tenth.
    assert len(regels) == 11 and regels[-1].startswith("100 van 100 items (100%)")


def test_quiet_at_verbosity_0():
    uit = Terminal()
    voortgang = Voortgang(OutputWrapper(uit), verbosity=0, wat="items")

    voortgang(1, 2)
    voortgang.klaar()

    assert uit.getvalue() == ""


def test_dutch_numbers_and_durations():
    assert (getal(1800), getal(52.34), getal(250.6)) == ("1.800", "52,3", "251")
    assert (duur(45), duur(185), duur(3720)) == ("45 s", "3 min 05 s", "1 u 02 min")
