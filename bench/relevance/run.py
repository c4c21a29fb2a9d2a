"""Relevance of the site's search against Wagtail's built-in database search, on material the
team did not write: the held-out items of heldout/ (written, with their queries and graded
judgements, by someone who had not seen the search code) on top of the demo content. The
queries were split once, at random (splitsen.py), into a development half (ontwikkel/) and a
test half (toets/). Tune only on the development half; this script always reports both, the
fresh sets written later the same way (vers/, vers2/, vers3/, their READMEs say why), and the team's
own older set (queries.json, over the demo content, tuned on) for comparison.

The judgements are the queries' author's, completed with pooled ones (poel.py): results of
any engine that the author did not judge, graded by a judge who had not seen the code.

Prints nDCG@10 and MRR per category and overall, for each half and engine, also with the
results outside the judged items left out ("alleen beoordeeld"). "ons" is our first page as
a visitor sees it: the results, and when they do not fill it, the items like the best one
shown below them; "alleen resultaten" is the results alone.

    .venv/bin/python bench/relevance/run.py [--per-vraag] [--database postgres://…]

It builds a fresh SQLite database with the demo content and the held-out items in a temporary
folder, so it does not touch the development database. With ELASTICSEARCH_URL set (a server
to test against), the site's search is Elasticsearch, as the service routes it there: "ons"
and "alleen resultaten" are then its figures, over an index rebuilt for the run; the first
line says which engine answered. No Elasticsearch server can be installed on the machines
this was written on, so that run has not been made yet. The evaluation functions are also used
by the smoke test in tests/search/test_relevantie.py."""

import argparse
import json
import math
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

HIER = Path(__file__).resolve().parent
ROOT = HIER.parents[1]
K = 10
POEL = HIER / "heldout" / "poel"
HELFTEN = {"ontwikkel": HIER / "ontwikkel" / "vragen.json", "toets": HIER / "toets" / "vragen.json"}
# Sets written later, each by another helper who had seen neither the code nor the other
# queries (their READMEs say when and why): held out like the test half, never tuned on.
VERS = {
    "vers": HIER / "vers" / "vragen.json",
    "vers2": HIER / "vers2" / "vragen.json",
    "vers3": HIER / "vers3" / "vragen.json",
}

Zoekmachine = Callable[[dict], list[str]]


def ndcg(ranked: list[str], rel: dict[str, int]) -> float:
    dcg = sum((2 ** rel.get(slug, 0) - 1) / math.log2(i + 2) for i, slug in enumerate(ranked[:K]))
    ideal = sorted(rel.values(), reverse=True)[:K]
    idcg = sum((2**r - 1) / math.log2(i + 2) for i, r in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def reciprocal_rank(ranked: list[str], rel: dict[str, int]) -> float:
    return next((1 / (i + 1) for i, slug in enumerate(ranked[:K]) if rel.get(slug, 0) >= 2), 0.0)


def vragen_uit(pad: Path) -> list[dict]:
    """Queries in one form: the held-out files say id/query/category/judgements, the team's
    older file q/kind/rel. A held-out query's judgements are its author's, completed with
    the pooled ones (poel_oordelen) for results the author did not judge."""
    vragen = json.loads(pad.read_text(encoding="utf-8"))
    gepoold = poel_oordelen()
    return [
        {
            "id": v.get("id", ""),
            "q": v.get("query", v.get("q")),
            "soort": v.get("category", v.get("kind")),
            "filters": v.get("filters") or {},
            "rel": gepoold.get(v.get("id", ""), {}) | v.get("judgements", v.get("rel")),
        }
        for v in vragen
    ]


def poel_oordelen() -> dict[str, dict[str, int]]:
    """The pooled judgements (poel.py): per query id, grades of results from any engine's
    top 10 that the queries' author had not judged, given by a judge who had not seen the
    search code."""
    oordelen: dict[str, dict[str, int]] = defaultdict(dict)
    for pad in sorted(POEL.glob("oordelen_*.json")):
        for vraag_id, cijfers in json.loads(pad.read_text(encoding="utf-8")).items():
            oordelen[vraag_id].update(cijfers)
    return oordelen


def heldout_items() -> list[dict]:
    return [
        item
        for pad in sorted((HIER / "heldout").glob("items_*.json"))
        for item in json.loads(pad.read_text(encoding="utf-8"))
    ]


def evalueren(vragen: Iterable[dict], machines: dict[str, Zoekmachine]) -> dict:
    """Mean nDCG@10 and MRR per category (and "totaal") per engine, also over the judged
    results only. Returns {engine: {category: {"n", "ndcg", "mrr", "ndcg_beoordeeld"}}}."""
    ruw: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for vraag in vragen:
        for naam, machine in machines.items():
            ranked = machine(vraag)
            beoordeeld = [slug for slug in ranked if slug in vraag["rel"]]
            for bak in (vraag["soort"], "totaal"):
                ruw[naam][bak]["ndcg"].append(ndcg(ranked, vraag["rel"]))
                ruw[naam][bak]["mrr"].append(reciprocal_rank(ranked, vraag["rel"]))
                ruw[naam][bak]["ndcg_beoordeeld"].append(ndcg(beoordeeld, vraag["rel"]))
    return {
        naam: {
            bak: {"n": len(cijfers["ndcg"])}
            | {maat: sum(waarden) / len(waarden) for maat, waarden in cijfers.items()}
            for bak, cijfers in per_bak.items()
        }
        for naam, per_bak in ruw.items()
    }


def machines() -> dict[str, Zoekmachine]:
    """Our search and Wagtail's, answering with slugs. Django must be set up."""
    from wagtail.models import Page

    from search.backends.base import Vraag
    from search.registry import soorten
    from search.services import zoeken

    modellen = {soort.type: soort.model for soort in soorten()}
    slugs = {
        f"{soort.type}:{pk}": slug
        for soort in soorten()
        if any(veld.name == "slug" for veld in soort.model._meta.get_fields())
        for pk, slug in soort.model.objects.values_list("pk", "slug")
    }

    def ons(vraag: dict) -> list[str]:
        """The first page as a visitor sees it: the results, then the items like the best
        one ("Misschien ook interessant") that fill it when the results do not."""
        uitslag = zoeken(Vraag(vraag["q"], filters=vraag["filters"], per_pagina=K))
        return [slugs.get(t.key, t.key) for t in [*uitslag.treffers, *uitslag.verwant]]

    def resultaten(vraag: dict) -> list[str]:
        """The results alone, as `count` counts them (and as before 2026-11-27's third stop)."""
        uitslag = zoeken(Vraag(vraag["q"], filters=vraag["filters"], per_pagina=K))
        return [slugs.get(treffer.key, treffer.key) for treffer in uitslag.treffers]

    def wagtail(vraag: dict) -> list[str]:
        """Wagtail's search cannot filter on themes or areas: its results are filtered
        afterwards, from its first 100."""
        filters = vraag["filters"]
        types = filters.get("type")
        queryset = modellen[types[0]].objects.live() if types else Page.objects.live()
        gevonden = []
        for pagina in queryset.search(vraag["q"])[:100]:
            pagina = pagina.specific
            if "thema" in filters and not (
                hasattr(pagina, "themas")
                and pagina.themas.filter(slug__in=filters["thema"]).exists()
            ):
                continue
            if (
                "gebied" in filters
                and getattr(getattr(pagina, "focusgebied", None), "slug", None)
                not in filters["gebied"]
            ):
                continue
            gevonden.append(pagina.slug)
            if len(gevonden) == K:
                break
        return gevonden

    return {"ons": ons, "resultaten": resultaten, "wagtail": wagtail}


def tabel(titel: str, uitslag: dict) -> None:
    print(f"\n{titel}")
    print(
        f"{'categorie':20} {'n':>4} {'nDCG ons':>9} {'wagtail':>8} {'MRR ons':>8} "
        f"{'wagtail':>8} {'alleen beoordeeld: ons':>23} {'wagtail':>8} "
        f"{'nDCG alleen resultaten':>23}"
    )
    ons, wagtail, resultaten = uitslag["ons"], uitslag["wagtail"], uitslag["resultaten"]
    for bak in sorted(ons, key=lambda b: (b == "totaal", b)):
        print(
            f"{bak:20} {ons[bak]['n']:4} {ons[bak]['ndcg']:9.3f} {wagtail[bak]['ndcg']:8.3f} "
            f"{ons[bak]['mrr']:8.3f} {wagtail[bak]['mrr']:8.3f} "
            f"{ons[bak]['ndcg_beoordeeld']:23.3f} {wagtail[bak]['ndcg_beoordeeld']:8.3f} "
            f"{resultaten[bak]['ndcg']:23.3f}"
        )


def opzetten(database: str | None = None) -> Path:
    """A fresh database (SQLite in a temporary folder, or the empty PostgreSQL database at
    the URL `database`, where Wagtail's search uses the `dutch` configuration) and search
    index, with the demo content and the held-out items; sets Django up on it. Returns the
    temporary folder."""
    werkmap = Path(tempfile.mkdtemp(prefix="wijkwijzer-relevance-"))
    os.environ["DATABASE_URL"] = database or f"sqlite:///{werkmap / 'db.sqlite3'}"
    os.environ["SEARCH_INDEX_PATH"] = str(werkmap / "zoekindex.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "wijkwijzer.settings.dev"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    if database:
        settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "dutch"
    print("Voorbeeldinhoud en achtergehouden items laden in", werkmap, "...", file=sys.stderr)
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as stil:
        call_command("load_demo", verbosity=0, stdout=stil)
        bestand = werkmap / "heldout.json"
        bestand.write_text(json.dumps(heldout_items()), encoding="utf-8")
        call_command("import_kennisbank", str(bestand), stdout=stil)
    from search.services import herbouwen

    # Both indexes from scratch, as `search_index --rebuild`: Elasticsearch's with its own
    # analysis settings, not an index that the first write made with default ones.
    herbouwen()
    motor = "Elasticsearch" if settings.ELASTICSEARCH_URL else "de ingebouwde zoekmachine"
    print("De zoekfunctie van de site is", motor, file=sys.stderr)
    return werkmap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-vraag", action="store_true", help="ook het cijfer per vraag")
    parser.add_argument(
        "--database", help="URL van een lege PostgreSQL-database: Wagtail met 'dutch' daar"
    )
    args = parser.parse_args()
    opzetten(args.database)
    zoekmachines = machines()
    sets = {naam: vragen_uit(pad) for naam, pad in {**HELFTEN, **VERS}.items()}
    sets["eigen (getuned, oud)"] = vragen_uit(HIER / "queries.json")
    for naam, vragen in sets.items():
        if args.per_vraag:
            for vraag in vragen:
                cijfers = {m: ndcg(z(vraag), vraag["rel"]) for m, z in zoekmachines.items()}
                print(
                    f"{naam:10} {vraag['soort']:18} {cijfers['ons']:.3f} "
                    f"{cijfers['wagtail']:.3f} {vraag['q']}"
                )
        tabel(f"{naam}: {len(vragen)} vragen", evalueren(vragen, zoekmachines))


if __name__ == "__main__":
    main()
