from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kennisbank.importer import BestandFout, import_file
from wijkwijzer.voortgang import Voortgang, duur


class Command(BaseCommand):
    help = (
        "Importeert kennisitems uit een JSON-bestand (een lijst, of één object per regel). "
        "Bestaande items (zelfde slug) worden bijgewerkt; ongewijzigde overgeslagen. "
        "Zie docs/import_kennisbank.md."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: object, file: Path, verbosity: int = 1, **options: object) -> None:
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        voortgang = Voortgang(self.stdout, verbosity=verbosity, wat="items")
        try:
            result = import_file(file, voortgang)
        except BestandFout as error:
            raise CommandError(f"{file}: {error}") from error
        finally:
            voortgang.klaar()
        for reference, message in result.fouten:
            self.stderr.write(f"FOUT {reference}: {message}")
        if verbosity > 0:
            self.stdout.write(
                f"{len(result.aangemaakt)} aangemaakt, {len(result.bijgewerkt)} bijgewerkt, "
                f"{len(result.fouten)} mislukt, {len(result.ongewijzigd)} ongewijzigd "
                f"(in {duur(voortgang.verstreken())})."
            )
        if result.fouten:
            raise CommandError(f"{len(result.fouten)} item(s) niet geïmporteerd.", returncode=1)
