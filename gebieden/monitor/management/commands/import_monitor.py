from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gebieden.monitor.importer import Onleesbaar, decodeer, importeren
from wijkwijzer.voortgang import Voortgang


class Command(BaseCommand):
    help = (
        "Importeert cijfers van de kernindicatoren uit een CSV-bestand (zie docs/monitor.md): "
        "UTF-8 of Windows-1252 (Excel), gescheiden door puntkomma's of komma's. "
        "Alles of niets: bij één fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("bestand", type=Path)
        parser.add_argument(
            "--proef", action="store_true", help="Alleen controleren; niets opslaan."
        )

    def handle(self, *args, bestand: Path, proef: bool, verbosity: int = 1, **options) -> None:
        try:
            tekst, codering = decodeer(bestand.read_bytes())
        except OSError as fout:
            raise CommandError(f"Kan {bestand} niet lezen: {fout}") from fout
        except Onleesbaar as fout:
            raise CommandError(f"{bestand}: {fout}") from fout
        voortgang = Voortgang(self.stdout, verbosity=verbosity, wat="regels")
        try:
            uitslag = importeren(tekst, proef=proef, voortgang=voortgang)
        finally:
            voortgang.klaar()
        for fout in uitslag.fouten:
            self.stderr.write(fout)
        if uitslag.fouten:
            raise CommandError(f"{len(uitslag.fouten)} fouten; er is niets opgeslagen.")
        if verbosity > 0:
            actie = "Zou opslaan" if proef else "Opgeslagen"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{actie}: {uitslag.nieuw} nieuw, {uitslag.bijgewerkt} bijgewerkt. "
                    f"Gelezen als {codering}."
                )
            )
