from django.core.management.base import BaseCommand

from kennisbank.meldingen import samenvattingen_versturen
from wijkwijzer.meldingen import Frequentie


class Command(BaseCommand):
    help = (
        "Verstuurt de samenvattingen van nieuwe items in de kennisbank bij wat mensen volgen: "
        "één e-mail per persoon. Draai --frequentie dagelijks elke dag en --frequentie "
        "wekelijks elke week (cron)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--frequentie", choices=[Frequentie.DAGELIJKS, Frequentie.WEKELIJKS], required=True
        )

    def handle(self, *args, frequentie: str, **options) -> None:
        aantal = samenvattingen_versturen(frequentie)
        self.stdout.write(f"Samenvattingen verstuurd: {aantal}")
