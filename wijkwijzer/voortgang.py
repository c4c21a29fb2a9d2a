"""Progress of a long-running management command (import_kennisbank, import_monitor,
search_index --rebuild, load_demo), the same way in each.

On a terminal one line is rewritten in place: done of total, the rate per second and the time
left. In a log or pipe (cron, CI, `| tee`) a line is printed at each tenth of the work and at
least every half minute, so the log shows the command is alive without filling up. At
--verbosity 0 nothing is printed. The command prints its own summary line with the counts."""

import time
from collections.abc import Callable

from django.core.management.base import OutputWrapper

from wijkwijzer import text

# A terminal line is redrawn at most this often; redrawing it per item would cost more than
# a fast item does.
TERMINAL_INTERVAL = 0.2
LOG_INTERVAL = 30.0
LOG_STAPPEN = 10


def duur(seconden: float) -> str:
    """'45 s', '3 min 05 s', '1 u 02 min'."""
    seconden = round(seconden)
    if seconden < 60:
        return f"{seconden} s"
    minuten, seconden = divmod(seconden, 60)
    if minuten < 60:
        return f"{minuten} min {seconden:02d} s"
    uren, minuten = divmod(minuten, 60)
    return f"{uren} u {minuten:02d} min"


def getal(waarde: float) -> str:
    """Whole numbers from 100 up, one decimal below: 1.800 and 52,3."""
    return text.getal(waarde, 0 if isinstance(waarde, int) or waarde >= 100 else 1)


class Voortgang:
    """Call with (done, total) after each unit of work; `klaar()` once at the end, before the
    summary. `wat` names the units in the line ("items", "documenten")."""

    def __init__(
        self,
        stdout: OutputWrapper,
        *,
        verbosity: int,
        wat: str,
        klok: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stdout = stdout
        self.stil = verbosity < 1
        self.terminal = stdout.isatty()
        self.wat = wat
        self.klok = klok
        self.begin = klok()
        self.laatst = self.begin
        self.laatste_stap = -1
        self.regel_open = False

    def __call__(self, gedaan: int, totaal: int | None, bezig: str = "") -> None:
        if self.stil:
            return
        nu = self.klok()
        if self.terminal:
            if nu - self.laatst < TERMINAL_INTERVAL and gedaan != totaal:
                return
            self.stdout.write(f"\r{self.regel(gedaan, totaal, bezig)}\033[K", ending="")
            self.stdout.flush()
            self.regel_open = True
        else:
            stap = gedaan * LOG_STAPPEN // totaal if totaal else -1
            if stap == self.laatste_stap and nu - self.laatst < LOG_INTERVAL:
                return
            self.laatste_stap = stap
            self.stdout.write(self.regel(gedaan, totaal, bezig))
        self.laatst = nu

    def regel(self, gedaan: int, totaal: int | None, bezig: str = "") -> str:
        verstreken = self.klok() - self.begin
        tempo = gedaan / verstreken if verstreken > 0 else 0.0
        delen = [f"{getal(gedaan)} van {getal(totaal)} {self.wat}" if totaal else getal(gedaan)]
        if totaal:
            delen[0] += f" ({gedaan * 100 // totaal}%)"
        if gedaan and verstreken > 0:
            delen.append(f"{getal(tempo)} per s")
            if totaal and gedaan < totaal:
                delen.append(f"nog ca. {duur((totaal - gedaan) / tempo)}")
        if bezig:
            delen.append(bezig)
        return ", ".join(delen)

    def verstreken(self) -> float:
        return self.klok() - self.begin

    def klaar(self) -> None:
        """Clear the terminal line, so the summary stands on a line of its own."""
        if self.regel_open:
            self.stdout.write("\r\033[K", ending="")
            self.stdout.flush()
            self.regel_open = False
