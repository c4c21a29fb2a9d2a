"""The relevance bench (bench/relevance/run.py) runs, so it cannot rot unnoticed: a few
held-out queries over the items they judge, through ours and Wagtail's, ours with each of its
backends (Elasticsearch only where a server is set up). It asserts no score: the
figures are the bench's to print (docs/search.md), not a test's to tune to."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from bench.relevance import run
from gebieden.models import Actielijn
from search.services import herbouwen
from tests.factories import (
    PraktijkvoorbeeldIndexPageFactory,
    PublicatieIndexPageFactory,
    VraagbaakPageFactory,
)

# Through each backend the site's search can use (Elasticsearch only with a server).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("zoekmachine")]
AANTAL = 8


def test_the_relevance_bench_scores_held_out_queries_on_both_engines(home, tmp_path):
    for index in (
        PraktijkvoorbeeldIndexPageFactory,
        PublicatieIndexPageFactory,
        VraagbaakPageFactory,
    ):
        index()
    Actielijn.objects.bulk_create(Actielijn(nummer=n, titel=f"Actielijn {n}") for n in range(1, 5))
    vragen = [v for v in run.vragen_uit(run.HELFTEN["ontwikkel"]) if not v["filters"]][:AANTAL]
    beoordeeld = {slug for vraag in vragen for slug in vraag["rel"]}
    # Themes and areas come from load_demo, too slow here; the queries have no filters.
    items = [
        item | {"themes": [], "focusgebied": None}
        for item in run.heldout_items()
        if item["slug"] in beoordeeld
    ]
    bestand = tmp_path / "items.json"
    bestand.write_text(json.dumps(items), encoding="utf-8")
    call_command("import_kennisbank", str(bestand), stdout=StringIO())
    herbouwen()  # the test's transaction never commits, so indexing on commit never ran

    uitslag = run.evalueren(vragen, run.machines())

    assert set(uitslag) == {"ons", "resultaten", "wagtail"}
    for cijfers in uitslag.values():
        assert cijfers["totaal"]["n"] == len(vragen) == AANTAL
        assert all(0 <= cijfers["totaal"][maat] <= 1 for maat in ("ndcg", "mrr"))
    assert uitslag["ons"]["totaal"]["ndcg"] > 0
    assert Path(run.HELFTEN["toets"]).exists()
