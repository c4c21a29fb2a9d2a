"""Where each request type's p95 crosses 300 ms: wrk (a small C load generator, so the two
cores go to the server rather than to the generator) against gunicorn with the production
settings, at rising concurrency. Prints, per request type and level, throughput and
p50/p95/p99, and the knee: the highest throughput measured with p95 at or below 300 ms.

    make bench-knie   (or: .venv/bin/python bench/load/knie.py [--duur 8] [--workers 5])

Needs wrk (Debian package `wrk`). Submissions need a form token per request, which wrk cannot
follow; their latency under load comes from `make bench-load` (locust)."""

import argparse
import os
import re
import shutil
import subprocess
import sys
import urllib.request

from run import HIER, server

GRENS_MS = 300
NIVEAUS = [1, 2, 4, 8, 16, 32, 64]
SOORTEN = {
    # name: (path, every URL new so the page cache cannot answer)
    "pagina uit de cache": ("/kennisbank/praktijkvoorbeelden/", False),
    "pagina zonder cache": ("/kennisbank/praktijkvoorbeelden/", True),
    "gebiedspagina zonder cache": ("/gebieden/zaandam-oost/", True),
    "zoeken zonder cache": ("/zoeken/?q=jongeren+overlast", True),
}
UITSLAG = re.compile(r"UITSLAG (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)")


def meten(host: str, pad: str, uniek: bool, verbindingen: int, duur: int) -> dict:
    resultaat = subprocess.run(
        [
            "wrk",
            "-t",
            "1",
            "-c",
            str(verbindingen),
            "-d",
            f"{duur}s",
            "--timeout",
            "10s",
            "-s",
            str(HIER / "wrk.lua"),
            host,
        ],
        env={**os.environ, "WRK_PAD": pad, "WRK_UNIEK": "1" if uniek else "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    aantal, fouten, p50, p95, p99, seconden = UITSLAG.search(resultaat.stdout).groups()
    return {
        "per_s": int(aantal) / float(seconden),
        "fouten": int(fouten),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duur", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk ontbreekt: apt-get install wrk")
    with server(1, args.workers, args.threads) as s:
        print(f"gunicorn {args.workers} workers x {args.threads} threads, productie-instellingen")
        for naam, (pad, uniek) in SOORTEN.items():
            urllib.request.urlopen(s.host + pad).read()  # nosec B310: our loopback server
            print(f"\n{naam} ({pad})")
            print(f"{'verbindingen':>12} {'/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} {'fouten':>7}")
            knie, gekruist = 0.0, False
            for verbindingen in NIVEAUS:
                m = meten(s.host, pad, uniek, verbindingen, args.duur)
                print(
                    f"{verbindingen:>12} {m['per_s']:>7.0f} {m['p50']:>7.1f} {m['p95']:>7.1f} "
                    f"{m['p99']:>7.1f} {m['fouten']:>7}"
                )
                gekruist = m["p95"] > GRENS_MS
                if gekruist:
                    break
                knie = max(knie, m["per_s"])
            if not gekruist:
                print(f"knie: niet bereikt; p95 <= {GRENS_MS} ms tot {NIVEAUS[-1]} verbindingen")
            elif knie:
                print(f"knie: {knie:.0f} verzoeken/s met p95 <= {GRENS_MS} ms")
            else:
                print(f"knie: al bij 1 verbinding p95 > {GRENS_MS} ms")


if __name__ == "__main__":
    main()
