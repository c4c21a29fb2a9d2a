"""Pooling for the held-out relevance set: every engine's top 10 for every held-out query
(both halves and the fresh sets), less what is judged already (by the queries' author or an
earlier round), written as a round for a judge who has not seen the search code:

    .venv/bin/python bench/relevance/poel.py [--database postgres://…]

writes heldout/poel/ronde_N.json (the queries, the results to grade and each result's text).
The judge follows heldout/poel/README.md and writes heldout/poel/oordelen_N.json, which
run.py adds to the author's judgements. Pool again after a change to the ranking: results
nobody judged count as not relevant, which understates a better engine."""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.relevance import run

TEKST = 1500  # characters of a result's summary and body shown to the judge


def teksten() -> dict[str, dict]:
    """What the judge reads of each item, by the name the engines answer with: what our
    search indexes, and of pages only Wagtail's search finds, their title and description."""
    from wagtail.models import Page

    from search.registry import soorten

    gevonden = {
        pagina.slug: {
            "soort": str(pagina.specific_class._meta.verbose_name),
            "titel": pagina.title,
            "tekst": pagina.search_description,
        }
        for pagina in Page.objects.live()
    }
    for soort in soorten():
        for item in soort.items():
            document = soort.to_document(item)
            gevonden[getattr(item, "slug", document.key)] = {
                "soort": document.type_label,
                "titel": document.title,
                "tekst": f"{document.summary}\n\n{document.body}"[:TEKST],
            }
    return gevonden


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="PostgreSQL URL: pool Wagtail's search there too")
    args = parser.parse_args()
    run.opzetten(args.database)
    zoekmachines = run.machines()
    vragen = [
        vraag
        for pad in [*run.HELFTEN.values(), *run.VERS.values()]
        for vraag in run.vragen_uit(pad)
    ]
    ronde = []
    for vraag in vragen:
        open_ = {
            slug
            for machine in zoekmachines.values()
            for slug in machine(vraag)
            if slug not in vraag["rel"]
        }
        if open_:
            ronde.append(
                {"id": vraag["id"], "vraag": vraag["q"], "filters": vraag["filters"]}
                | {"te_beoordelen": sorted(open_)}
            )
    bekend = teksten()
    nodig = {slug for vraag in ronde for slug in vraag["te_beoordelen"]}
    nummer = len(list(run.POEL.glob("ronde_*.json"))) + 1
    pad = run.POEL / f"ronde_{nummer}.json"
    pad.write_text(
        json.dumps(
            {"vragen": ronde, "items": {slug: bekend[slug] for slug in sorted(nodig)}},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    paren = sum(len(vraag["te_beoordelen"]) for vraag in ronde)
    print(f"{pad}: {paren} paren bij {len(ronde)} vragen, {len(nodig)} items")


if __name__ == "__main__":
    main()
