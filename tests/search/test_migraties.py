"""The synonym list's upgrade on a running site (search.migrations.0005): new groups are
added and extended groups replace their old form, but what editors changed stays theirs."""

import importlib

import pytest
from django.apps import apps

from search.models import Synoniem

pytestmark = pytest.mark.django_db

tweede_lijst = importlib.import_module("search.migrations.0005_synoniemen_tweede_lijst")


def test_a_site_with_the_old_list_gets_the_new_groups_and_keeps_its_editors_changes():
    (oud, uitgebreid), (gewijzigd_oud, _) = tweede_lijst.UITGEBREID[:2]
    Synoniem.objects.all().delete()
    # As 0003 left it, except that an editor changed one group.
    Synoniem.objects.create(termen=oud)
    Synoniem.objects.create(termen=gewijzigd_oud + ", eigen term")

    tweede_lijst.uitbreiden(apps, None)

    termen = set(Synoniem.objects.values_list("termen", flat=True))
    assert uitgebreid in termen and oud not in termen
    assert gewijzigd_oud + ", eigen term" in termen
    assert set(tweede_lijst.NIEUW) <= termen
    # Run again: nothing doubles.
    aantal = Synoniem.objects.count()
    tweede_lijst.uitbreiden(apps, None)
    assert Synoniem.objects.count() == aantal
