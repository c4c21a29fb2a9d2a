from django.core.management.base import BaseCommand

from participatie.services import geplande_publiceren


class Command(BaseCommand):
    help = (
        "Publiceert vastgehouden antwoorden waarvan het geplande moment is gekomen, per plan "
        "tegelijk. Elke tien minuten draaien (cron)."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Gepubliceerde updates: {geplande_publiceren()}")
