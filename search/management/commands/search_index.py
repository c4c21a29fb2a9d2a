from django.core.management.base import BaseCommand, CommandError, CommandParser

from search.services import achterstand_wegwerken, embedded, herbouwen
from wijkwijzer.voortgang import Voortgang, duur

# cron runs --achterstand every minute: each run stops in time for the next.
ACHTERSTAND_SECONDEN = 50


class Command(BaseCommand):
    help = (
        "Bouwt de zoekindex opnieuw op uit de database (--rebuild), of verwerkt de uitgestelde"
        " indexeringen (--achterstand)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="Index opnieuw opbouwen.")
        parser.add_argument(
            "--achterstand", action="store_true", help="Uitgestelde indexeringen verwerken."
        )
        parser.add_argument(
            "--verouderd",
            action="store_true",
            help="Met --rebuild: alleen als de index met een andere analyse is opgebouwd.",
        )

    def handle(
        self,
        *args: str,
        rebuild: bool = False,
        achterstand: bool = False,
        verouderd: bool = False,
        verbosity: int = 1,
        **options: object,
    ) -> None:
        if achterstand:
            done = achterstand_wegwerken(seconden=ACHTERSTAND_SECONDEN)
            if verbosity > 0:
                self.stdout.write(
                    "Een vorige run is nog bezig; deze doet niets."
                    if done is None
                    else f"Uitgestelde indexeringen verwerkt: {done}."
                )
            return
        if not rebuild:
            raise CommandError("Gebruik: manage.py search_index --rebuild (of --achterstand)")
        # `make run` after an upgrade that changed the Dutch analysis (search.health), or with
        # an index file that is new (and so empty) beside a database that has content.
        if verouderd and embedded().analyse_actueel() and embedded().aantal():
            if verbosity > 0:
                self.stdout.write("Zoekindex is actueel.")
            return
        voortgang = Voortgang(self.stdout, verbosity=verbosity, wat="documenten")
        try:
            count = herbouwen(voortgang)
        finally:
            voortgang.klaar()
        if verbosity > 0:
            self.stdout.write(
                f"Zoekindex opgebouwd: {count} documenten in {duur(voortgang.verstreken())}."
            )
