import time

from django.core.management.base import BaseCommand, CommandError

from search.services import achterstand_verwerken, herbouwen


class Command(BaseCommand):
    help = (
        "Bouwt de zoekindex opnieuw op uit de database (--rebuild), of verwerkt de uitgestelde"
        " indexeringen (--achterstand)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="Index opnieuw opbouwen.")
        parser.add_argument(
            "--achterstand", action="store_true", help="Uitgestelde indexeringen verwerken."
        )

    def handle(self, *args, rebuild: bool = False, achterstand: bool = False, **options) -> None:
        if achterstand:
            done = achterstand_verwerken(limit=10_000)
            self.stdout.write(f"Uitgestelde indexeringen verwerkt: {done}.")
            return
        if not rebuild:
            raise CommandError("Gebruik: manage.py search_index --rebuild (of --achterstand)")
        started = time.perf_counter()
        count = herbouwen()
        self.stdout.write(
            f"Zoekindex opgebouwd: {count} documenten in {time.perf_counter() - started:.1f} s."
        )
