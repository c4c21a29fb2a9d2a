"""At a glance: each example shows its evidence level, cost band and reach where known; the
listing sorts and filters by them, and a comparison view puts two to four side by side."""

import json

import pytest

from kennisbank.models import PraktijkvoorbeeldPage
from tests.factories import (
    BewijskrachtFactory,
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
)
from tests.kennisbank.test_import import item, run, setup  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db
LIST = "/kennisbank/praktijkvoorbeelden/"
COMPARE = "/kennisbank/praktijkvoorbeelden/vergelijken/"


@pytest.fixture
def voorbeelden(gebieden_index):
    PraktijkvoorbeeldIndexPageFactory()
    idee = BewijskrachtFactory(naam="Idee", slug="idee", volgorde=1)
    effectief = BewijskrachtFactory(naam="Effectief", slug="effectief", volgorde=5)
    return {
        "duur": PraktijkvoorbeeldPageFactory(
            title="Duur en bewezen",
            bewijskracht=effectief,
            kosten_band=3,
            kosten_eenheid="jaar",
            bereik_effect="30% minder schooluitval",
        ),
        "goedkoop": PraktijkvoorbeeldPageFactory(
            title="Goedkoop idee",
            bewijskracht=idee,
            kosten_band=1,
            kosten_eenheid="deelnemer",
        ),
        "onbekend": PraktijkvoorbeeldPageFactory(title="Nog onbekend"),
    }


def titels(response) -> list[str]:
    return [page.title for page in response.context["voorbeelden"]]


def test_cards_show_the_marks_that_are_known(client, voorbeelden):
    page = client.get(LIST).content.decode()

    assert "Effectief" in page
    assert "hoog: meer dan € 250.000 per jaar" in page
    assert "laag: minder dan € 250 per deelnemer" in page
    assert "30% minder schooluitval" in page


def test_sort_by_evidence_or_cost_with_unknown_last(client, voorbeelden):
    assert titels(client.get(LIST, {"sort": "bewijskracht"})) == [
        "Duur en bewezen",
        "Goedkoop idee",
        "Nog onbekend",
    ]
    assert titels(client.get(LIST, {"sort": "kosten"})) == [
        "Goedkoop idee",
        "Duur en bewezen",
        "Nog onbekend",
    ]


def test_filter_by_cost_band(client, voorbeelden):
    assert titels(client.get(LIST, {"kosten": ["1", "2"]})) == ["Goedkoop idee"]


def test_compare_two_to_four_side_by_side(client, voorbeelden):
    ids = [voorbeelden["duur"].pk, voorbeelden["onbekend"].pk]

    page = client.get(COMPARE, {"id": ids}).content.decode()

    assert page.index("Duur en bewezen") < page.index("Nog onbekend")
    assert "30% minder schooluitval" in page and "onbekend" in page
    assert "geen keurmerk en geen aanbeveling" in page
    te_weinig = client.get(COMPARE, {"id": ids[:1]})
    assert te_weinig.status_code == 400
    assert "Kies 2 tot 4 praktijkvoorbeelden" in te_weinig.content.decode()
    assert client.get(COMPARE, {"id": [1, 2, 3, 4, 5]}).status_code == 400
    # Ids that are no page ids count as chosen and not found, whatever they are.
    for vreemd in ("-1", "x", "9" * 25, str(2**31)):
        fout = client.get(COMPARE, {"id": [ids[0], vreemd]})
        assert fout.status_code == 400, vreemd
        assert "Niet alle gekozen voorbeelden bestaan (nog)." in fout.content.decode()


def test_the_comparison_keeps_its_query_count(query_count, voorbeelden):
    twee = [voorbeelden["duur"].pk, voorbeelden["goedkoop"].pk]
    vier = [*twee, voorbeelden["onbekend"].pk, PraktijkvoorbeeldPageFactory().pk]
    url = lambda ids: COMPARE + "?" + "&".join(f"id={i}" for i in ids)  # noqa: E731

    query_count.get(url(twee))
    assert query_count.get(url(twee)) == query_count.get(url(vier))


@pytest.mark.usefixtures("setup")
def test_the_import_takes_the_marks(tmp_path):
    ok = item(kosten_band=2, kosten_per="deelnemer", bereik_effect="80 gezinnen per jaar")
    fout = item(slug="fout", kosten_band=7, kosten_per="maand")

    _out, err, code = run(tmp_path, json.dumps([ok, fout]))

    page = PraktijkvoorbeeldPage.objects.get(slug="aandebak-garanties")
    assert page.kosten_tekst == "midden: € 250 tot € 1.000 per deelnemer"
    assert page.bereik_effect == "80 gezinnen per jaar"
    assert code != 0 and "kosten_band moet 1, 2 of 3 zijn" in err
