"""Dutch analysis where Snowball's stemmer alone changes the meaning."""

import pytest

from search.analysis import analyze, stem
from search.backends.base import Vraag
from search.services import herbouwen, zoeken
from tests.factories import PraktijkvoorbeeldPageFactory


def test_older_people_and_parents_are_kept_apart():
    assert stem("ouderen") == stem("oudere") != stem("ouders") == stem("ouder")


def test_a_past_participle_meets_its_verb():
    assert analyze("verduurzaamd") == analyze("verduurzaam")


@pytest.mark.django_db
def test_a_search_about_older_people_does_not_find_a_playground_for_parents(home):
    eenzaamheid = PraktijkvoorbeeldPageFactory(
        title="Huiskamer tegen eenzaamheid", samenvatting="Koffie en aandacht voor ouderen."
    )
    speeltuin = PraktijkvoorbeeldPageFactory(
        title="Speeltuin in Oost", samenvatting="Ouders en kinderen richten de speeltuin in."
    )
    herbouwen()

    def gevonden(tekst: str) -> set[str]:
        return {treffer.title for treffer in zoeken(Vraag(tekst)).treffers}

    assert gevonden("eenzaamheid ouderen") == {eenzaamheid.title}
    assert speeltuin.title not in gevonden("oudere")
    assert gevonden("ouders") == {speeltuin.title}
