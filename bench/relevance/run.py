"""Relevance of the embedded search backend against Wagtail's built-in database search, on the
demo corpus and the judged Dutch queries in queries.json. Prints nDCG@10 and MRR per query kind
and overall, side by side.

    .venv/bin/python bench/relevance/run.py

It builds a fresh SQLite database with the demo content in a temporary folder, so it does not
touch the development database."""

import json
import math
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
K = 10


def ndcg(ranked: list[str], rel: dict[str, int]) -> float:
    dcg = sum((2 ** rel.get(slug, 0) - 1) / math.log2(i + 2) for i, slug in enumerate(ranked[:K]))
    ideal = sorted(rel.values(), reverse=True)[:K]
    idcg = sum((2**r - 1) / math.log2(i + 2) for i, r in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def reciprocal_rank(ranked: list[str], rel: dict[str, int]) -> float:
    return next((1 / (i + 1) for i, slug in enumerate(ranked[:K]) if rel.get(slug, 0) >= 2), 0.0)


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="wijkwijzer-relevance-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'db.sqlite3'}"
    os.environ["SEARCH_INDEX_PATH"] = str(workdir / "zoekindex.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "wijkwijzer.settings.dev"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.core.management import call_command
    from wagtail.models import Page

    from search.backends.base import Vraag
    from search.registry import soorten
    from search.services import zoeken

    print("Demo-inhoud laden in", workdir, "...", file=sys.stderr)
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", verbosity=0, stdout=quiet)
    models = {soort.type: soort.model for soort in soorten()}
    slugs = {
        f"{s.type}:{pk}": slug
        for s in soorten()
        for pk, slug in s.model.objects.values_list("pk", "slug")
    }

    def ours(query: dict) -> list[str]:
        result = zoeken(Vraag(query["q"], filters=query.get("filters", {}), per_pagina=K))
        return [slugs.get(hit.key, hit.key) for hit in result.treffers]

    def wagtail(query: dict) -> list[str]:
        types = query.get("filters", {}).get("type")
        queryset = models[types[0]].objects.live() if types else Page.objects.live()
        return [page.slug for page in queryset.search(query["q"])[:K]]

    queries = json.loads((Path(__file__).parent / "queries.json").read_text(encoding="utf-8"))
    scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    print(f"{'query':42} {'kind':18} {'nDCG ons':>9} {'nDCG wagtail':>13}")
    for query in queries:
        row = []
        for name, engine in (("ons", ours), ("wagtail", wagtail)):
            ranked = engine(query)
            for bucket in (query["kind"], "totaal"):
                scores[bucket][f"ndcg_{name}"].append(ndcg(ranked, query["rel"]))
                scores[bucket][f"mrr_{name}"].append(reciprocal_rank(ranked, query["rel"]))
            row.append(ndcg(ranked, query["rel"]))
        print(f"{query['q'][:42]:42} {query['kind']:18} {row[0]:9.3f} {row[1]:13.3f}")

    print()
    print(f"{'soort':18} {'n':>3} {'nDCG@10 ons':>12} {'wagtail':>8} {'MRR ons':>8} {'wagtail':>8}")
    for bucket, values in sorted(scores.items(), key=lambda item: item[0] == "totaal"):
        mean = {key: sum(v) / len(v) for key, v in values.items()}
        print(
            f"{bucket:18} {len(values['ndcg_ons']):3} {mean['ndcg_ons']:12.3f}"
            f" {mean['ndcg_wagtail']:8.3f} {mean['mrr_ons']:8.3f} {mean['mrr_wagtail']:8.3f}"
        )


if __name__ == "__main__":
    main()
