"""The speed bench (bench/search.py) runs, so it cannot rot unnoticed, and its reference still
does the backend's work: on a small corpus every search, also after writes, finds the same
count and facet counts in both engines (its fallback once differed from the backend's, and
only a run at a million items showed it). It asserts no timing: those are the bench's to
print (docs/search.md)."""

import re
import subprocess  # nosec B404: runs the bench script with this interpreter
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "search.py"


def test_the_speed_bench_runs_and_both_engines_agree_on_every_search():
    uitvoer = subprocess.run(  # nosec B603: a fixed script and arguments
        [sys.executable, str(BENCH), "--items", "400", "--repeat", "1", "--writes", "3"],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout

    gevonden = re.search(r"(\d+) searches \(after writes too\), (\d+) with the same count", uitvoer)
    assert gevonden, uitvoer
    assert int(gevonden[1]) > 15 and gevonden[1] == gevonden[2], uitvoer
    assert "search, p95 ms" in uitvoer
