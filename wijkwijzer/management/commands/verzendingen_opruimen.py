from django.core.management.base import BaseCommand

from wijkwijzer.verzending import BEWAREN, verzendingen_opruimen


class Command(BaseCommand):
    help = f"Verwijdert bewijzen van verstuurde formulieren ouder dan {BEWAREN.days} dagen."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Verwijderd: {verzendingen_opruimen()}")
