"""Examples rated before assessments were records keep their level: each gets one assessment
by the editorial panel, dated on its publication and valid for three years, marked for a new
assessment."""

import datetime

from django.db import migrations


def niveaus_naar_beoordelingen(apps, schema_editor):
    Page = apps.get_model("kennisbank", "PraktijkvoorbeeldPage")
    Beoordeling = apps.get_model("kennisbank", "Beoordeling")
    for page in Page.objects.filter(bewijskracht__isnull=False):
        if Beoordeling.objects.filter(praktijkvoorbeeld=page).exists():
            continue
        geldig_tot = page.publicatiedatum + datetime.timedelta(days=3 * 365)
        Beoordeling.objects.create(
            praktijkvoorbeeld=page,
            niveau_id=page.bewijskracht_id,
            beoordelaar="redactiepanel",
            datum=page.publicatiedatum,
            geldig_tot=geldig_tot,
            onderbouwing="Niveau uit de kennisbank van vóór de beoordelingen; opnieuw beoordelen.",
            sort_order=0,
        )
        Page.objects.filter(pk=page.pk).update(bewijskracht_geldig_tot=geldig_tot)


class Migration(migrations.Migration):
    dependencies = [("kennisbank", "0008_praktijkvoorbeeldpage_bewijskracht_geldig_tot_and_more")]

    operations = [migrations.RunPython(niveaus_naar_beoordelingen, migrations.RunPython.noop)]
