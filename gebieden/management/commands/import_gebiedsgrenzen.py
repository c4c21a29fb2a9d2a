from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gebieden.grenzen import MAX_BYTES, importeren


class Command(BaseCommand):
    help = (
        "Importeert de grenzen van focusgebieden uit een GeoJSON FeatureCollection in WGS84 "
        "(zie docs/kaarten.md). Features horen bij een gebied door de eigenschap 'slug' of een "
        "CBS-wijk- of buurtcode die bij het gebied staat. Alles of niets."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("bestand", type=Path)
        parser.add_argument(
            "--proef", action="store_true", help="Alleen controleren en melden; niets opslaan."
        )

    def handle(self, *args, bestand: Path, proef: bool, **options) -> None:
        try:
            if bestand.stat().st_size > MAX_BYTES:
                raise CommandError(
                    f"{bestand} is groter dan {MAX_BYTES // 1024 // 1024} MB. Neem alleen de "
                    "wijken of buurten van de focusgebieden op."
                )
            tekst = bestand.read_bytes()
        except OSError as fout:
            raise CommandError(f"Kan {bestand} niet lezen: {fout}") from fout
        uitslag = importeren(tekst, bron=bestand.name, proef=proef)
        for fout in uitslag.fouten:
            self.stderr.write(f"FOUT {fout}")
        for melding in uitslag.meldingen:
            self.stdout.write(f"LET OP {melding}")
        for slug, aantal in sorted(uitslag.gebieden.items()):
            self.stdout.write(f"{slug}: {aantal} {'vorm' if aantal == 1 else 'vormen'}")
        samenvatting = (
            f"{len(uitslag.gebieden)} gebieden, {uitslag.overgeslagen} features bij geen gebied "
            "(overgeslagen)"
        )
        if uitslag.fouten:
            raise CommandError(f"{len(uitslag.fouten)} fouten; er is niets opgeslagen.")
        actie = "Proef, niets opgeslagen" if proef else "Opgeslagen"
        self.stdout.write(self.style.SUCCESS(f"{actie}: {samenvatting}."))
