from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gebieden.monitor.importer import importeren


class Command(BaseCommand):
    help = (
        "Importeert cijfers van de kernindicatoren uit een CSV-bestand (zie docs/monitor.md). "
        "Alles of niets: bij één fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("bestand", type=Path)
        parser.add_argument(
            "--proef", action="store_true", help="Alleen controleren; niets opslaan."
        )

    def handle(self, *args, bestand: Path, proef: bool, **options) -> None:
        try:
            tekst = bestand.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as fout:
            raise CommandError(f"Kan {bestand} niet lezen als UTF-8-tekst: {fout}") from fout
        uitslag = importeren(tekst, proef=proef)
        for fout in uitslag.fouten:
            self.stderr.write(fout)
        if uitslag.fouten:
            raise CommandError(f"{len(uitslag.fouten)} fouten; er is niets opgeslagen.")
        actie = "Zou opslaan" if proef else "Opgeslagen"
        self.stdout.write(
            self.style.SUCCESS(f"{actie}: {uitslag.nieuw} nieuw, {uitslag.bijgewerkt} bijgewerkt.")
        )
