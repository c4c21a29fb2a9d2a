from django.core.management.base import BaseCommand
from django.utils import timezone

from participatie.models import ParticipatieprocesPage
from participatie.services import (
    anonimiseren,
    bewaartermijn_verstreken,
    verlopen_bevestigingen_opruimen,
)


class Command(BaseCommand):
    help = (
        "Anonimiseert de persoonsgegevens van participatieprocessen waarvan de bewaartermijn "
        "voorbij is, en verwijdert berichten die niet binnen 7 dagen zijn bevestigd. "
        "Dagelijks draaien (cron)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--proef", action="store_true", help="Alleen tonen wat er zou gebeuren."
        )

    def handle(self, *args, proef: bool = False, **options) -> None:
        today = timezone.localdate()
        processen = ParticipatieprocesPage.objects.filter(
            geanonimiseerd_op__isnull=True
        ).prefetch_related("fasen")
        for proces in processen:
            if bewaartermijn_verstreken(proces, today):
                self.stdout.write(f"Anonimiseren: {proces.title}")
                if not proef:
                    anonimiseren(proces)
        if not proef:
            aantal = verlopen_bevestigingen_opruimen()
            self.stdout.write(f"Niet bevestigde berichten verwijderd: {aantal}")
