"""The home page shows what is going on (issue 19, point 7): the postcode field, processes
open now, the newest practice examples and the next events; each menu card says what is
behind it. The sections come from the apps that own them (wijkwijzer.sections)."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    EvenementPageFactory,
    ExpertpoolPageFactory,
    KennisbankIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
)

pytestmark = pytest.mark.django_db


def test_the_postcode_field_sends_to_the_areas_list(client, gebieden_index):
    html = client.get("/").content.decode()

    assert '<form method="get" action="/gebieden/"' in html
    assert '<label for="home-postcode">Je postcode</label>' in html


def test_no_postcode_field_without_a_published_areas_list(client, gebieden_index):
    gebieden_index.unpublish()

    assert "Je postcode" not in client.get("/").content.decode()


def test_newest_examples_and_next_events(client, home):
    for dag in range(1, 6):
        PraktijkvoorbeeldPageFactory(
            title=f"Voorbeeld van dag {dag}", publicatiedatum=datetime.date(2026, 3, dag)
        )
    nu = timezone.now()
    EvenementPageFactory(title="Kenniskamer morgen", begin=nu + datetime.timedelta(days=1))
    EvenementPageFactory(title="Leerkring volgende week", begin=nu + datetime.timedelta(days=7))
    EvenementPageFactory(title="Bijeenkomst van gisteren", begin=nu - datetime.timedelta(days=1))

    html = client.get("/").content.decode()

    shown = [dag for dag in range(1, 6) if f"Voorbeeld van dag {dag}<" in html]
    assert shown == [3, 4, 5]
    assert html.index("Voorbeeld van dag 5") < html.index("Voorbeeld van dag 3")
    assert html.index("Kenniskamer morgen") < html.index("Leerkring volgende week")
    assert "Bijeenkomst van gisteren" not in html


def test_each_menu_card_says_what_is_behind_it(client, home, gebieden_index):
    gebieden_index.search_description = "Twintig gebieden en hun alliantie."
    gebieden_index.save()
    KennisbankIndexPageFactory(show_in_menus=True, search_description="Wat werkt in de wijk?")
    ExpertpoolPageFactory(show_in_menus=True, search_description="Vraag een expert om hulp.")

    html = client.get("/").content.decode()

    for tekst in (
        "Twintig gebieden en hun alliantie.",
        "Wat werkt in de wijk?",
        "Vraag een expert om hulp.",
    ):
        assert html.count(tekst) == 1


def test_the_home_page_takes_a_fixed_number_of_queries(query_count, gebieden_index):
    PraktijkvoorbeeldPageFactory()
    EvenementPageFactory()

    def meer():
        for _ in range(4):
            PraktijkvoorbeeldPageFactory()
            EvenementPageFactory()

    query_count.assert_constant("/", meer, maximum=20)
