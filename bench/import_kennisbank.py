"""Speed of `manage.py import_kennisbank` on synthetic items, at one or more sizes:

    .venv/bin/python bench/import_kennisbank.py [--items 1000,10000] [--seed 22]

Per size: a fresh SQLite database and search index in a temporary folder, migrated and with
load_demo's content (the index pages, themes and areas the items point at), production
settings (DEBUG off). Then the real command three times on the same database: a first import
(every item new), a second of the same file (every item unchanged) and a third in which one
item in ten has another title and summary (changed). Each run is a process of its own, as
from the command line; it reports items per second and SQL queries per item, counted with a
database execute wrapper (cheaper than recording the queries, so it hardly slows them).
It also prints items per second of the process's own CPU time (SQLite runs inside it): on a
machine busy with other work that figure holds still where the wall-clock one does not.

The items are made from a fixed seed: the same sizes give the same files on every machine."""

import argparse
import json
import os
import random

# Runs manage.py and this script itself, with arguments made here (bandit B404, B603).
import subprocess  # nosec B404
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "gebieden" / "data"
WOORDEN = [
    *[
        "buurt",
        "wijk",
        "bewoners",
        "jongeren",
        "ouderen",
        "school",
        "werk",
        "schulden",
        "veiligheid",
        "groen",
    ],
    *[
        "speelplek",
        "buurthuis",
        "woningen",
        "eenzaamheid",
        "taal",
        "gezondheid",
        "sport",
        "cultuur",
    ],
    *["ondernemers", "armoede", "verduurzaming", "straat", "plein", "aanpak", "samenwerking"],
    *["gemeente", "corporatie", "politie", "zorg", "welzijn"],
]
DOELGROEPEN = ["Jongeren", "Ouderen", "Ouders", "Werkgevers", "Nieuwkomers", "Huurders"]


def tekst(rng: random.Random, woorden: int) -> str:
    return " ".join(rng.choice(WOORDEN) for _ in range(woorden)).capitalize() + "."


def items(aantal: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    themas = [t["slug"] for t in json.loads((DATA / "themas.json").read_text())["themas"]]
    gebieden = json.loads((DATA / "focusgebieden.json").read_text())["gebieden"]
    gebieden = [gebied["slug"] for gebied in gebieden]
    result = []
    for nummer in range(aantal):
        soort = rng.choices(["praktijkvoorbeeld", "publicatie", "vraag"], [7, 2, 1])[0]
        # About 1.5 kB of text an item, so 10,000 items stay under the 20 MB file limit.
        body = "\n\n".join(tekst(rng, rng.randint(30, 90)) for _ in range(rng.randint(1, 4)))
        result.append(
            {
                "type": soort,
                "slug": f"bench-{soort}-{nummer}",
                "title": f"{tekst(rng, 5)[:-1]} {nummer}",
                "summary": tekst(rng, 25),
                "body_markdown": f"## Aanpak\n\n{body}\n\n- **{rng.choice(WOORDEN)}**\n",
                "themes": rng.sample(themas, rng.randint(1, 3)),
                "focusgebied": rng.choice([*gebieden, None]),
                "gemeente": None,
                "actielijnen": sorted(rng.sample([1, 2, 3, 4], rng.randint(1, 2))),
                "doelgroepen": rng.sample(DOELGROEPEN, rng.randint(0, 2)),
                "published": f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-01",
            }
        )
    return result


def meet(bestand: str) -> None:
    """In the child process: run the command once and print seconds and queries as JSON."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    queries = 0

    def tel(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(tel):
        call_command("import_kennisbank", bestand, verbosity=0)
    seconden = time.perf_counter() - started
    cpu = time.process_time() - cpu
    print(json.dumps({"seconden": seconden, "cpu": cpu, "queries": queries}))


def bench(aantal: int, seed: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wijkwijzer.settings.production",
            "SECRET_KEY": "bench-only-not-secret",
            "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
            "SEARCH_INDEX_PATH": f"{folder}/zoekindex.sqlite3",
            "ELASTICSEARCH_URL": "",
            "LOG_FORMAT": "tekst",
            "LOG_LEVEL": "WARNING",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (["migrate", "-v", "0"], ["load_demo", "-v", "0"]):
            subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True)  # nosec B603
        data = items(aantal, seed)
        runs = [("nieuw", data), ("ongewijzigd", data)]
        rng = random.Random(seed + 1)
        gewijzigd = [
            {**item, "title": item["title"] + " (herzien)", "summary": tekst(rng, 25)}
            if index % 10 == 0
            else item
            for index, item in enumerate(data)
        ]
        runs.append(("10% gewijzigd", gewijzigd))
        for naam, inhoud in runs:
            bestand = Path(folder) / f"{naam[:2]}.json"
            bestand.write_text(json.dumps(inhoud), encoding="utf-8")
            child = subprocess.run(  # nosec B603
                [sys.executable, __file__, "--meet", str(bestand)],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            if child.returncode:
                sys.exit(f"{naam}: de import mislukte\n{child.stderr[-3000:]}")
            uitslag = json.loads(child.stdout.strip().splitlines()[-1])
            print(
                f"{aantal:>6} items, {naam:<14} {uitslag['seconden']:7.1f} s  "
                f"{aantal / uitslag['seconden']:7.1f} items/s  "
                f"({aantal / uitslag['cpu']:.1f} per CPU-s)  "
                f"{uitslag['queries'] / aantal:6.1f} queries/item",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="1000,10000", help="sizes, comma separated")
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--meet", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.meet:
        sys.path.insert(0, str(ROOT))
        meet(args.meet)
        return
    for aantal in (int(n) for n in args.items.split(",")):
        bench(aantal, args.seed)


if __name__ == "__main__":
    main()
