"""Load test of a campaign evening: gunicorn with PostgreSQL on loopback, 200 simulated people
for 60 s (anonymous browsing, searching, logged-in residents giving input and support), by
locust. Prints throughput, p50/p95/p99 per request type, errors, whether every accepted
contribution is in the database exactly once, and the memory of each gunicorn worker.

    make bench-load            (or: .venv/bin/python bench/load/run.py [--gebruikers 200]
                                [--duur 60] [--workers 5])
    make bench-load-herstart   (the same load, with PostgreSQL restarted a third of the way in:
                                how requests fail, how long until the site answers again
                                without restarting gunicorn, and no half-written contribution)

It starts its own PostgreSQL server (initdb in a temporary folder; as root through the
`postgres` account) and needs locust in `.venv-bench` (`make bench-load` installs it from
requirements/bench.txt). The settings are production's, see load_settings.py."""

import argparse
import contextlib
import csv
import glob
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HIER = Path(__file__).resolve().parent
PYTHON = ROOT / ".venv" / "bin" / "python"
LOCUST = ROOT / ".venv-bench" / "bin" / "locust"
PG_PORT = 54331


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def als_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@dataclass
class Postgres:
    url: str
    pg_ctl: list[str]

    def stop(self) -> None:
        subprocess.run(
            als_postgres([*self.pg_ctl, "-m", "fast", "stop"]), stdout=subprocess.DEVNULL
        )

    def herstart(self) -> None:
        """As an operator or a failover would: open connections are cut."""
        subprocess.run(
            als_postgres([*self.pg_ctl, "-m", "fast", "restart"]),
            check=True,
            stdout=subprocess.DEVNULL,
        )


def start_postgres(map: Path) -> Postgres:
    bin_dir = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
    data = map / "pg"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(map, "postgres")
        shutil.chown(data, "postgres")
    subprocess.run(
        als_postgres([f"{bin_dir}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres"]),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    opties = f"-h 127.0.0.1 -p {PG_PORT} -k {map} -F -c max_connections=200"
    pg_ctl = [f"{bin_dir}/pg_ctl", "-D", str(data), "-l", str(map / "pg.log"), "-w", "-o", opties]
    subprocess.run(als_postgres([*pg_ctl, "start"]), check=True, stdout=subprocess.DEVNULL)
    return Postgres(f"postgres://postgres@127.0.0.1:{PG_PORT}/wijkwijzer", pg_ctl)


def manage_uitslag(env: dict, *args: str, invoer: str | None = None):
    return subprocess.run(
        [str(PYTHON), str(ROOT / "manage.py"), *args],
        env=env,
        input=invoer,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def manage(env: dict, *args: str, invoer: str | None = None) -> str:
    """The command's output; the bench stops when it fails."""
    resultaat = manage_uitslag(env, *args, invoer=invoer)
    if resultaat.returncode:
        sys.exit(f"manage.py {' '.join(args)} mislukte:\n{resultaat.stderr[-3000:]}")
    return resultaat.stdout


def wacht_op(url: str, seconden: int = 60) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            # Always http://127.0.0.1:<port>/..., built in this script.
            with urllib.request.urlopen(url, timeout=2) as antwoord:  # nosec B310
                if antwoord.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"{url} antwoordt niet")


def rss_mb(pid: int) -> float:
    for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
        if regel.startswith("VmRSS:"):
            return int(regel.split()[1]) / 1024
    return 0.0


def workers_van(master: int) -> list[int]:
    kinderen = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in kinderen]


def soort(naam: str) -> str:
    if naam.startswith("versturen"):
        return "versturen"
    if naam == "zoeken":
        return "zoeken"
    return "pagina's"


def rapport(stats_csv: Path) -> dict:
    rijen = [r for r in csv.DictReader(stats_csv.open()) if r["Name"] != "Aggregated"]
    print(f"\n{'verzoek':52} {'aantal':>7} {'fout':>5} {'p50':>6} {'p95':>6} {'p99':>6} {'/s':>7}")
    for r in sorted(rijen, key=lambda r: r["Name"]):
        print(
            f"{r['Name'][:52]:52} {r['Request Count']:>7} {r['Failure Count']:>5} "
            f"{r['50%']:>6} {r['95%']:>6} {r['99%']:>6} {float(r['Requests/s']):>7.1f}"
        )
    return {r["Name"]: r for r in rijen}


def locust(env: dict, host: str, csv_prefix: Path, gebruikers: int, duur: int, *klassen: str):
    """Run the locustfile's user classes `klassen` headless; the figures go to CSV."""
    subprocess.run(
        [
            str(LOCUST),
            "-f",
            str(HIER / "locustfile.py"),
            "--headless",
            "-u",
            str(gebruikers),
            "-r",
            str(max(1, gebruikers // 10)),
            "-t",
            f"{duur}s",
            "--host",
            host,
            "--csv",
            str(csv_prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
            *klassen,
        ],
        env=env,
        check=False,
        # Its own summary table; the report prints what matters.
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def herstart_tijdens(postgres: Postgres, na: float, uitslag: dict) -> threading.Thread:
    """Restart PostgreSQL `na` seconds into the load, in the background."""

    def herstarten() -> None:
        time.sleep(na)
        uitslag["begin"] = time.time()
        postgres.herstart()
        uitslag["klaar"] = time.time()

    draad = threading.Thread(target=herstarten)
    draad.start()
    return draad


def storing_rapport(map: Path, uitslag: dict, workers_voor: list[int], workers_na: list[int]):
    """When requests failed around the restart, of what kind, and whether the site came back
    on its own (failures stop, same gunicorn workers)."""
    seconden: dict[int, int] = {}
    for r in csv.DictReader((map / "stats_stats_history.csv").open()):
        if r["Name"] == "Aggregated":
            seconden[int(r["Timestamp"])] = int(r["Total Failure Count"])
    tijden = sorted(seconden)
    begin, klaar = uitslag["begin"], uitslag["klaar"]
    print(
        f"\nPostgreSQL herstart op t={begin - tijden[0]:.0f} s, "
        f"duurde {klaar - begin:.1f} s (pg_ctl restart -m fast)"
    )
    met_fouten = [t for vorige, t in pairwise(tijden) if seconden[t] > seconden[vorige]]
    if met_fouten:
        print(
            f"Fouten van t={met_fouten[0] - tijden[0]} s tot t={met_fouten[-1] - tijden[0]} s; "
            f"laatste fout {met_fouten[-1] - klaar:.0f} s na het einde van de herstart"
        )
    laatste = tijden[-1] - (met_fouten[-1] if met_fouten else tijden[0])
    print(f"Daarna {laatste} s zonder fouten tot het einde van de test")
    soorten: dict[str, int] = {}
    fouten_csv = map / "stats_failures.csv"
    if fouten_csv.exists():
        for r in csv.DictReader(fouten_csv.open()):
            soort = "HTTP-foutpagina" if re_status(r["Error"]) else "verbinding of time-out"
            soorten[soort] = soorten.get(soort, 0) + int(r["Occurrences"])
    print("Soort fouten: " + (", ".join(f"{n}x {s}" for s, n in sorted(soorten.items())) or "geen"))
    print(f"Gunicorn-workers herstart: {'nee' if workers_voor == workers_na else 'ja'}")


def re_status(fout: str) -> bool:
    """Whether locust's error text is an HTTP answer (an error page with its status) rather
    than a broken connection or a timeout."""
    return re.search(r"\b[45]\d\d\b", fout) is not None


def vergelijken(env: dict, host: str, map: Path, gebruikers: int = 50, duur: int = 20) -> None:
    """Throughput of a page from the anonymous cache against a bare view, same server."""
    urllib.request.urlopen(host + "/").read()  # nosec B310: our loopback server; into the cache
    per_seconde = {}
    for klasse in ("PaginaUitCache", "KaleView"):
        locust(env, host, map / klasse, gebruikers, duur, klasse)
        (rij,) = [
            r
            for r in csv.DictReader((map / f"{klasse}_stats.csv").open())
            if r["Name"] != "Aggregated"
        ]
        per_seconde[klasse] = float(rij["Requests/s"])
        print(
            f"{rij['Name']}: {per_seconde[klasse]:.0f}/s, p95 {rij['95%']} ms, "
            f"{rij['Failure Count']} fouten"
        )
    print(
        f"Verhouding pagina uit de cache / kale view: "
        f"{per_seconde['PaginaUitCache'] / per_seconde['KaleView']:.2f}"
    )


@dataclass
class Server:
    env: dict
    host: str
    map: Path
    postgres: Postgres
    gunicorn: subprocess.Popen


@contextlib.contextmanager
def server(bewoners: int, workers: int, threads: int) -> Iterator[Server]:
    """Its own PostgreSQL with the demo content and residents' sessions (prepare.py), and
    gunicorn with the production settings (load_settings.py) on a free loopback port; both
    stopped and removed afterwards."""
    map = Path(tempfile.mkdtemp(prefix="wijkwijzer-load-"))
    postgres = start_postgres(map)
    gunicorn = None
    try:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "load_settings",
            "PYTHONPATH": f"{ROOT}:{HIER}",
            "DATABASE_URL": postgres.url,
            "SECRET_KEY": secrets.token_urlsafe(40),
            "SEARCH_INDEX_PATH": str(map / "zoekindex.sqlite3"),
            "MEDIA_ROOT": str(map / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "LOG_FORMAT": "tekst",
            "LOG_LEVEL": "WARNING",
            "BENCH_BEWONERS": str(bewoners),
            "BENCH_DOEL": str(map / "doel.json"),
            "BENCH_GEACCEPTEERD": str(map / "geaccepteerd.txt"),
        }
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "wijkwijzer"],
            check=True,
        )
        print("Database, statische bestanden en voorbeeldinhoud klaarzetten...", flush=True)
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        manage(env, "load_demo")
        manage(env, "shell", invoer=(HIER / "prepare.py").read_text())

        poort = vrije_poort()
        gunicorn = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "wijkwijzer.wsgi",
                "-b",
                f"127.0.0.1:{poort}",
                "-w",
                str(workers),
                "-k",
                "gthread",
                "--keep-alive",
                "75",
                "--threads",
                str(threads),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        wacht_op(f"http://127.0.0.1:{poort}/health/")
        yield Server(env, f"http://127.0.0.1:{poort}", map, postgres, gunicorn)
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        postgres.stop()
        shutil.rmtree(map, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gebruikers", type=int, default=200)
    parser.add_argument("--duur", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--db-herstart",
        action="store_true",
        help="herstart PostgreSQL na een derde van de duur (storingstest)",
    )
    args = parser.parse_args()
    if not LOCUST.exists():
        sys.exit("locust ontbreekt: draai `make bench-load`")

    # Residents leave after a few contributions and new ones arrive (locustfile.py), so the
    # run needs more accounts than simulated people.
    with server(3 * args.gebruikers, args.workers, args.threads) as s:
        env, host, map, postgres, gunicorn = s.env, s.host, s.map, s.postgres, s.gunicorn
        print(
            f"Belasting: {args.gebruikers} gebruikers, {args.duur} s, gunicorn "
            f"{args.workers} workers x {args.threads} threads, rate limits van productie, "
            "elke gesimuleerde persoon met een eigen adres achter de proxy",
            flush=True,
        )
        workers_voor = workers_van(gunicorn.pid)
        herstart: dict = {}
        if args.db_herstart:
            draad = herstart_tijdens(postgres, args.duur / 3, herstart)
        locust(
            env, host, map / "stats", args.gebruikers, args.duur, "Bezoeker", "Zoeker", "Bewoner"
        )
        if args.db_herstart:
            draad.join()
        per_verzoek = rapport(map / "stats_stats.csv")
        groepen: dict[str, list] = {}
        for naam, r in per_verzoek.items():
            groepen.setdefault(soort(naam), []).append(r)
        totaal = sum(int(r["Request Count"]) for r in per_verzoek.values())
        fouten = sum(int(r["Failure Count"]) for r in per_verzoek.values())
        print(f"\nTotaal: {totaal} verzoeken, {totaal / args.duur:.0f}/s, {fouten} fouten")
        for groep, rijen in sorted(groepen.items()):
            print(
                f"  {groep}: slechtste p95 {max(int(r['95%']) for r in rijen)} ms, "
                f"slechtste p99 {max(int(r['99%']) for r in rijen)} ms"
            )
        fouten_csv = map / "stats_failures.csv"
        if fouten_csv.exists():
            for r in csv.DictReader(fouten_csv.open()):
                print(f"  fout: {r['Name']}: {r['Error']} ({r['Occurrences']}x)")
        controle = json.loads(
            manage(env, "shell", invoer=(HIER / "check.py").read_text()).strip().splitlines()[-1]
        )
        print(
            f"\nInbreng: {controle['geaccepteerd']} geaccepteerd, {controle['opgeslagen']} "
            f"opgeslagen, {controle['ontbrekend']} ontbrekend, {controle['dubbel']} dubbel, "
            f"{controle['half']} half opgeslagen, "
            f"{controle['onverwacht']} opgeslagen zonder dat de bezoeker het antwoord kreeg"
        )
        geheugen = [rss_mb(pid) for pid in workers_van(gunicorn.pid)]
        print("Geheugen per worker (RSS, MB): " + ", ".join(f"{m:.0f}" for m in geheugen))
        if args.db_herstart:
            storing_rapport(map, herstart, workers_voor, workers_van(gunicorn.pid))
        else:
            vergelijken(env, host, map)


if __name__ == "__main__":
    main()
