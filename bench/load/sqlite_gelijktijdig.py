"""The embedded default under a writer and a web server at once: `make run`'s set-up (SQLite,
the embedded search index, runserver) serving visitors who browse, search and give input,
while `import_kennisbank` imports 1,000 practice examples. Prints how long the import took,
its FOUT lines, whether every item is there and searchable, and how the visitors fared (by
HTTP status; every accepted contribution must be stored).

    make bench-sqlite   (or: .venv/bin/python bench/load/sqlite_gelijktijdig.py [--items 1000]
                         [--bezoekers 4] [--schrijvers 2])
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

import formulier
import requests
from run import PYTHON, ROOT, manage_uitslag, vrije_poort

ZOEKWOORDEN = ["buurtbemiddeling", "jongeren", "veiligheid", "schulden", "eenzaamheid", "groen"]
DOEL = """
import json
from participatie.models import ParticipatieprocesPage
proces = next(
    p for p in ParticipatieprocesPage.objects.live() if p.inbreng_aan and p.stand().schrijven_open
)
print(json.dumps({"inbreng_geven": proces.url + "inbreng-geven/"}))
"""
TELLING = """
import json, os
from kennisbank.models import PraktijkvoorbeeldPage
from participatie.models import Inbreng
from search.services import zoeken
from search.backends.base import Vraag
titels = set(json.loads(os.environ["BENCH_TITELS"]))
gevonden = zoeken(Vraag(tekst="gelijktijdigheidsproef", per_pagina=1))
print(json.dumps({
    "items": PraktijkvoorbeeldPage.objects.live().filter(slug__startswith="bench-").count(),
    "vindbaar": gevonden.count,
    "inbreng": Inbreng.objects.filter(titel__in=titels).count(),
}))
"""


def items(aantal: int) -> list[dict]:
    return [
        {
            "type": "praktijkvoorbeeld",
            "slug": f"bench-{nummer}",
            "title": f"Buurtaanpak {nummer}: samen sterker in de wijk",
            "summary": "Bewoners, wijkteam en corporatie werken samen aan een veilige buurt.",
            "body_markdown": (
                "Een gelijktijdigheidsproef. " + "De aanpak begint bij de **bewoners**. " * 40
            ),
            "doelgroepen": ["Bewoners"],
            "published": "2025-01-01",
        }
        for nummer in range(aantal)
    ]


class Bezoekers:
    """Threads that browse and search, and threads that give input, until told to stop; each
    contribution from its own address behind the (simulated) proxy."""

    def __init__(self, host: str, inbreng_url: str, lezers: int, schrijvers: int) -> None:
        self.host, self.inbreng_url = host, inbreng_url
        self.stop = threading.Event()
        self.statussen: Counter = Counter()
        self.geaccepteerd: list[str] = []
        self._adres = iter(range(1, 1_000_000))
        self._lock = threading.Lock()
        self.draden = [threading.Thread(target=self._lezen) for _ in range(lezers)]
        self.draden += [threading.Thread(target=self._schrijven) for _ in range(schrijvers)]

    def _sessie(self) -> requests.Session:
        with self._lock:
            nummer = next(self._adres)
        sessie = requests.Session()
        sessie.headers["X-Forwarded-For"] = f"198.18.{nummer // 250}.{nummer % 250 + 1}"
        return sessie

    def _tel(self, antwoord: requests.Response | None) -> None:
        with self._lock:
            self.statussen[antwoord.status_code if antwoord is not None else "verbinding"] += 1

    def _get(self, sessie: requests.Session, pad: str) -> requests.Response | None:
        try:
            antwoord = sessie.get(self.host + pad, timeout=60)
        except requests.RequestException:
            antwoord = None
        self._tel(antwoord)
        return antwoord

    def _lezen(self) -> None:
        sessie, nummer = self._sessie(), 0
        paden = ["/", "/kennisbank/praktijkvoorbeelden/", "/gebieden/", self.inbreng_url[:-14]]
        while not self.stop.is_set():
            nummer += 1
            woord = ZOEKWOORDEN[nummer % len(ZOEKWOORDEN)]
            self._get(sessie, paden[nummer % len(paden)])
            self._get(sessie, "/zoeken/?" + urllib.parse.urlencode({"q": woord}))

    def _schrijven(self) -> None:
        while not self.stop.is_set():
            sessie = self._sessie()
            pagina = self._get(sessie, self.inbreng_url)
            titel = f"Gelijktijdig {secrets.token_hex(6)}"
            data = formulier.inbreng(
                pagina.text if pagina is not None else "",
                titel,
                email=f"{secrets.token_hex(4)}@example.invalid",
            )
            if data is None:
                continue
            try:
                antwoord = sessie.post(
                    self.host + self.inbreng_url, data=data, allow_redirects=False, timeout=60
                )
            except requests.RequestException:
                antwoord = None
            self._tel(antwoord)
            if antwoord is not None and antwoord.status_code == 302:
                self.geaccepteerd.append(titel)

    def __enter__(self) -> "Bezoekers":
        for draad in self.draden:
            draad.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for draad in self.draden:
            draad.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--bezoekers", type=int, default=4)
    parser.add_argument("--schrijvers", type=int, default=2)
    args = parser.parse_args()
    map = Path(tempfile.mkdtemp(prefix="wijkwijzer-sqlite-"))
    poort = vrije_poort()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wijkwijzer.settings.dev",
        "DATABASE_URL": f"sqlite:///{map / 'db.sqlite3'}",
        "SEARCH_INDEX_PATH": str(map / "zoekindex.sqlite3"),
        "MEDIA_ROOT": str(map / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        # Every simulated visitor has its own address, as behind a proxy.
        "TRUSTED_PROXY_COUNT": "1",
        "LOG_LEVEL": "WARNING",
    }
    server = None
    try:
        print("Database en voorbeeldinhoud klaarzetten...", flush=True)
        for stap in (("migrate", "--noinput"), ("load_demo",)):
            if (uitslag := manage_uitslag(env, *stap)).returncode:
                sys.exit(uitslag.stderr[-2000:])
        inbreng_url = json.loads(
            manage_uitslag(env, "shell", invoer=DOEL).stdout.strip().splitlines()[-1]
        )["inbreng_geven"]
        bestand = map / "items.json"
        bestand.write_text(json.dumps(items(args.items)), encoding="utf-8")
        server = subprocess.Popen(
            [str(PYTHON), str(ROOT / "manage.py"), "runserver", f"127.0.0.1:{poort}", "--noreload"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        host = f"http://127.0.0.1:{poort}"
        for _ in range(120):
            try:
                requests.get(host + "/health/", timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.5)
        print(
            f"Import van {args.items} items terwijl {args.bezoekers} bezoekers lezen en zoeken "
            f"en {args.schrijvers} inbreng geven (runserver, SQLite, ingebouwde zoekindex)",
            flush=True,
        )
        with Bezoekers(host, inbreng_url, args.bezoekers, args.schrijvers) as bezoekers:
            begin = time.monotonic()
            uitslag = manage_uitslag(env, "import_kennisbank", str(bestand))
            duur = time.monotonic() - begin
        fouten = [regel for regel in uitslag.stderr.splitlines() if regel.startswith("FOUT")]
        print(f"Import: {duur:.1f} s, exit {uitslag.returncode}, {len(fouten)} FOUT-regels")
        print("  " + (uitslag.stdout.strip().splitlines() or ["(geen samenvatting)"])[-1])
        for regel in fouten[:5]:
            print(f"  {regel}")
        if "Traceback" in uitslag.stderr:
            print("  Traceback in de uitvoer:\n" + uitslag.stderr[-1500:])
        telling = json.loads(
            manage_uitslag(
                {**env, "BENCH_TITELS": json.dumps(bezoekers.geaccepteerd)},
                "shell",
                invoer=TELLING,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        print(
            f"Items aanwezig: {telling['items']} van {args.items}; "
            f"vindbaar via zoeken: {telling['vindbaar']}"
        )
        totaal = sum(bezoekers.statussen.values())
        print(
            f"Bezoekers: {totaal} verzoeken, per status: "
            + ", ".join(f"{s}: {n}" for s, n in sorted(bezoekers.statussen.items(), key=str))
        )
        print(
            f"Inbreng: {len(bezoekers.geaccepteerd)} geaccepteerd, {telling['inbreng']} opgeslagen"
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(map, ignore_errors=True)


if __name__ == "__main__":
    main()
