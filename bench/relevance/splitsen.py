"""Split the held-out queries (heldout/queries.json) once, at random, into a development half
(ontwikkel/vragen.json) and a test half (toets/vragen.json). Run once: it refuses to overwrite
an existing split, so nobody can re-draw until the test half looks good.

    .venv/bin/python bench/relevance/splitsen.py
"""

import json
import random
import secrets
import sys
from pathlib import Path

HIER = Path(__file__).resolve().parent


def main() -> None:
    doelen = {naam: HIER / naam / "vragen.json" for naam in ("ontwikkel", "toets")}
    if any(pad.exists() for pad in doelen.values()):
        sys.exit("Er is al een splitsing; die blijft zoals hij is.")
    vragen = json.loads((HIER / "heldout" / "queries.json").read_text(encoding="utf-8"))
    # Drawn once and printed, so the split can be traced, not chosen. Within each category
    # the queries are shuffled and dealt alternately, so both halves have every category.
    zaad = secrets.randbits(32)
    toeval = random.Random(zaad)
    per_soort: dict[str, list] = {}
    for vraag in vragen:
        per_soort.setdefault(vraag["category"], []).append(vraag)
    delen: tuple[list, list] = ([], [])
    for soort in sorted(per_soort):
        toeval.shuffle(per_soort[soort])
        eerste = toeval.randrange(2)
        for nummer, vraag in enumerate(per_soort[soort]):
            delen[(nummer + eerste) % 2].append(vraag)
    for (naam, pad), deel in zip(doelen.items(), delen, strict=True):
        pad.parent.mkdir(exist_ok=True)
        pad.write_text(json.dumps(deel, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{naam}: {len(deel)} vragen -> {pad.relative_to(HIER)}")
    print(f"zaad: {zaad}")


if __name__ == "__main__":
    main()
