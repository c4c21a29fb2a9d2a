"""The search part of /health/ (see wijkwijzer.views.health): each backend answers or not. With
Elasticsearch down, search still answers from the embedded backend, so the site is degraded,
not down; so it is with an embedded index built by an older analysis."""

import contextlib
import sqlite3
from typing import Any

from django.db import DatabaseError

from search.models import Indexachterstand
from search.services import ES_ERRORS, elastic, embedded


def check() -> dict[str, Any]:
    try:
        index = embedded()
        ingebouwd: dict[str, Any] = {"status": "ok", "documenten": index.aantal()}
        if not index.analyse_actueel():
            # It still answers, but its terms may no longer meet the queries' terms.
            ingebouwd |= {"status": "verouderd", "actie": "manage.py search_index --rebuild"}
    except sqlite3.Error as error:
        ingebouwd = {"status": "storing", "fout": type(error).__name__}
    # Updates waiting for `search_index --achterstand`: growing means cron is not running.
    # Without a database there is no count; the database part of /health/ says why.
    with contextlib.suppress(DatabaseError):
        ingebouwd["achterstand"] = Indexachterstand.objects.count()
    es = elastic()
    if es is None:
        elastic_status: dict[str, Any] = {"status": "niet ingesteld"}
    else:
        try:
            elastic_status = {"status": "ok", "documenten": es.aantal()}
        except ES_ERRORS as error:
            elastic_status = {"status": "storing", "fout": type(error).__name__}
    return {
        "zoeken": {"ingebouwd": ingebouwd, "elasticsearch": elastic_status},
        # Down only when neither backend can answer.
        "kritiek": ingebouwd["status"] == "storing" and elastic_status["status"] != "ok",
        "beperkt": elastic_status["status"] == "storing" or ingebouwd["status"] == "verouderd",
    }
