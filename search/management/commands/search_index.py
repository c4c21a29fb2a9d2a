import time

from django.core.management.base import BaseCommand, CommandError

from search.services import herbouwen


class Command(BaseCommand):
    help = "Bouwt de zoekindex opnieuw op uit de database (--rebuild)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--rebuild", action="store_true", help="Index opnieuw opbouwen.")

    def handle(self, *args, rebuild: bool = False, **options) -> None:
        if not rebuild:
            raise CommandError("Gebruik: manage.py search_index --rebuild")
        started = time.perf_counter()
        count = herbouwen()
        self.stdout.write(
            f"Zoekindex opgebouwd: {count} documenten in {time.perf_counter() - started:.1f} s."
        )
