"""The member "betrekking" leaves the starting list's group of baan: as a job it is rare,
and "met betrekking tot" (concerning) is in every other policy text, so a search for baan or
job found them all. A site's group is changed where it is still as the list gave it."""

import importlib

from django.db import migrations

OUD = "baan, job, betrekking"
NIEUW = "baan, job"


def bijwerken(apps, schema_editor):
    importlib.import_module("search.migrations.0007_synoniemen_zonder_pluk_ze").vervangen(
        apps, OUD, NIEUW
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0007_synoniemen_zonder_pluk_ze")]

    operations = [migrations.RunPython(bijwerken, migrations.RunPython.noop)]
