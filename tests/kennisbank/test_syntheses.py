"""Record types: a praktijkbeschrijving (one local project) and a synthese (an editor's
synthesis of a recurring approach, linking the examples it draws on), both clearly labelled
and searchable."""

import pytest

from search.services import herbouwen
from tests.factories import (
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
    SynthesePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def synthese(gebieden_index):
    PraktijkvoorbeeldIndexPageFactory()
    arnhem = PraktijkvoorbeeldPageFactory(title="Buurtbemiddeling in Arnhem")
    breda = PraktijkvoorbeeldPageFactory(title="Buurtbemiddeling in Breda")
    PraktijkvoorbeeldPageFactory(title="Schoolpleinen")
    return SynthesePageFactory(title="Buurtbemiddeling: wat werkt", voorbeelden=[arnhem, breda])


def test_a_synthesis_links_the_examples_it_draws_on(client, synthese):
    page = client.get(synthese.url).content.decode()

    assert "Synthese" in page and "Gebaseerd op 2 praktijkbeschrijvingen" in page
    assert "Buurtbemiddeling in Arnhem" in page and "Schoolpleinen" not in page


def test_examples_are_labelled_and_name_their_synthesis(client, synthese):
    arnhem = synthese.voorbeelden.get(title="Buurtbemiddeling in Arnhem")

    page = client.get(arnhem.url).content.decode()
    lijst = client.get("/kennisbank/praktijkvoorbeelden/").content.decode()

    assert "Praktijkbeschrijving" in page
    assert "Opgenomen in de synthese:" in page and "Buurtbemiddeling: wat werkt" in page
    assert "Syntheses: wat werkt bij een terugkerende aanpak" in lijst


def test_syntheses_are_searchable_as_their_own_type(client, synthese):
    herbouwen()

    data = client.get("/api/zoeken/", {"q": "buurtbemiddeling"}).json()

    assert {"title": "Buurtbemiddeling: wat werkt", "type": "synthese"}.items() <= next(
        r for r in data["results"] if r["title"] == "Buurtbemiddeling: wat werkt"
    ).items()
    assert "synthese" in {facet["value"] for facet in data["facets"]["type"]}
