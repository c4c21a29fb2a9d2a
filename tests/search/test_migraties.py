"""The synonym list's upgrades on a running site (search.migrations.0005 and 0006): new groups
are added and extended groups replace their old form, but what editors changed stays theirs."""

import importlib

import pytest
from django.apps import apps

from search.models import Synoniem

pytestmark = pytest.mark.django_db

LIJSTEN = [
    importlib.import_module(f"search.migrations.{naam}")
    for naam in ("0005_synoniemen_tweede_lijst", "0006_synoniemen_afkortingen")
]


@pytest.mark.parametrize("lijst", LIJSTEN)
def test_a_site_with_the_old_list_gets_the_new_groups_and_keeps_its_editors_changes(lijst):
    (oud, uitgebreid), (gewijzigd_oud, _) = lijst.UITGEBREID[:2]
    Synoniem.objects.all().delete()
    # As 0003 left it, except that an editor changed one group.
    Synoniem.objects.create(termen=oud)
    Synoniem.objects.create(termen=gewijzigd_oud + ", eigen term")

    lijst.uitbreiden(apps, None)

    termen = set(Synoniem.objects.values_list("termen", flat=True))
    assert uitgebreid in termen and oud not in termen
    assert gewijzigd_oud + ", eigen term" in termen
    assert set(lijst.NIEUW) <= termen
    # Run again: nothing doubles.
    aantal = Synoniem.objects.count()
    lijst.uitbreiden(apps, None)
    assert Synoniem.objects.count() == aantal


@pytest.mark.parametrize(
    "migratie", ["0007_synoniemen_zonder_pluk_ze", "0008_synoniemen_baan_zonder_betrekking"]
)
def test_a_member_that_left_the_list_leaves_the_group_where_the_list_gave_it(migratie):
    """On a site with the list's old group it is replaced; on a new site, which got the new
    group from the list file (0003) and the old one again from 0005 (pluk-ze), the old goes."""
    zonder = importlib.import_module(f"search.migrations.{migratie}")
    Synoniem.objects.all().delete()
    Synoniem.objects.create(termen=zonder.OUD)
    zonder.bijwerken(apps, None)
    assert list(Synoniem.objects.values_list("termen", flat=True)) == [zonder.NIEUW]

    Synoniem.objects.create(termen=zonder.OUD)
    zonder.bijwerken(apps, None)
    assert list(Synoniem.objects.values_list("termen", flat=True)) == [zonder.NIEUW]


def test_a_new_site_has_the_list_file_and_not_the_member_that_left_it():
    termen = set(Synoniem.objects.values_list("termen", flat=True))
    assert {"ontneming, ontnemingsmaatregel, plukze", "baan, job"} <= termen
    assert not any("pluk-ze" in groep or "betrekking" in groep for groep in termen)
