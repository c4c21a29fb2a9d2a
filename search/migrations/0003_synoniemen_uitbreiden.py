"""The starting list of synonyms grew from 19 to 417 groups (search/data/synoniemen.txt). A
site that already has its list gets the groups it does not have, once; groups its editors
changed or deleted before are not touched. A new site gets the whole list here."""

from pathlib import Path

from django.db import migrations

LIJST = Path(__file__).resolve().parents[1] / "data" / "synoniemen.txt"


def uitbreiden(apps, schema_editor):
    Synoniem = apps.get_model("search", "Synoniem")
    regels = LIJST.read_text(encoding="utf-8").splitlines()
    bestaand = set(Synoniem.objects.values_list("termen", flat=True))
    Synoniem.objects.bulk_create(
        [
            Synoniem(termen=regel.strip())
            for regel in dict.fromkeys(regels)
            if regel.strip() and not regel.startswith("#") and regel.strip() not in bestaand
        ]
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_indexachterstand")]

    operations = [migrations.RunPython(uitbreiden, migrations.RunPython.noop)]
