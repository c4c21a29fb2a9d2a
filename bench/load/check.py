"""Run inside `manage.py shell` by run.py after the load: is every contribution the server
accepted there exactly once (a double click is accepted twice, stored once), is each one whole
(with its "ontvangen" status row), and nothing else from the test? Prints a JSON line."""

import json
import os
from collections import Counter
from pathlib import Path

from django.db.models import Count

from participatie.models import Inbreng

geaccepteerd = set(Path(os.environ["BENCH_GEACCEPTEERD"]).read_text().splitlines())
belasting = Inbreng.objects.filter(titel__startswith="Belasting ")
opgeslagen = Counter(belasting.values_list("titel", flat=True))
print(
    json.dumps(
        {
            "geaccepteerd": len(geaccepteerd),
            "opgeslagen": sum(opgeslagen.values()),
            "ontbrekend": sum(1 for titel in geaccepteerd if opgeslagen[titel] == 0),
            "dubbel": sum(1 for aantal in opgeslagen.values() if aantal > 1),
            "onverwacht": sum(1 for titel in opgeslagen if titel not in geaccepteerd),
            "half": belasting.annotate(n=Count("wijzigingen")).exclude(n=1).count(),
        }
    )
)
