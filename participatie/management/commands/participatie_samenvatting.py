from django.core.management.base import BaseCommand

from participatie.meldingen import samenvattingen_versturen
from participatie.models import Frequentie


class Command(BaseCommand):
    help = (
        "Verstuurt de samenvattingen per e-mail: één e-mail per persoon, per plan gegroepeerd. "
        "Draai --frequentie dagelijks elke dag en --frequentie wekelijks elke week (cron)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--frequentie",
            choices=[Frequentie.DAGELIJKS, Frequentie.WEKELIJKS],
            required=True,
        )

    def handle(self, *args, frequentie: str, **options) -> None:
        aantal = samenvattingen_versturen(frequentie)
        self.stdout.write(f"Samenvattingen verstuurd: {aantal}")
