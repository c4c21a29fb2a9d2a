from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kennisbank.importer import BestandFout, import_file


class Command(BaseCommand):
    help = (
        "Importeert kennisitems uit een JSON-bestand (een lijst, of één object per regel). "
        "Bestaande items (zelfde slug) worden bijgewerkt. Zie docs/import_kennisbank.md."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: object, file: Path, **options: object) -> None:
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        try:
            result = import_file(file)
        except BestandFout as error:
            raise CommandError(f"{file}: {error}") from error
        for reference, message in result.fouten:
            self.stderr.write(f"FOUT {reference}: {message}")
        self.stdout.write(
            f"{len(result.aangemaakt)} aangemaakt, {len(result.bijgewerkt)} bijgewerkt, "
            f"{len(result.fouten)} mislukt."
        )
        if result.fouten:
            raise CommandError(f"{len(result.fouten)} item(s) niet geïmporteerd.", returncode=1)
