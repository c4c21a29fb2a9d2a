"""The member "pluk-ze" leaves the starting list's group of ontneming: the index keeps only
"pluk" of it (ze is a stop word), so every text with plukken ("de vruchten plukken") had the
group's term. A site's group is changed where it is still as the list had it; a new site,
which got the new line from 0003 and the old one again from 0005, keeps the new one."""

from django.db import migrations

OUD = "ontneming, ontnemingsmaatregel, pluk-ze, plukze"
NIEUW = "ontneming, ontnemingsmaatregel, plukze"


def vervangen(apps, oud: str, nieuw: str) -> None:
    """The group `oud` becomes `nieuw` where a site still has it as the list gave it, or goes
    where the site has `nieuw` already (later migrations use this too)."""
    Synoniem = apps.get_model("search", "Synoniem")
    if Synoniem.objects.filter(termen=nieuw).exists():
        Synoniem.objects.filter(termen=oud).delete()
    else:
        Synoniem.objects.filter(termen=oud).update(termen=nieuw)


def bijwerken(apps, schema_editor):
    vervangen(apps, OUD, NIEUW)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_synoniemen_afkortingen")]

    operations = [migrations.RunPython(bijwerken, migrations.RunPython.noop)]
