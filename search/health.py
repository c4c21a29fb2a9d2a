"""The search part of /health/ (see wijkwijzer.views.health): each backend answers or not. With
Elasticsearch down, search still answers from the embedded backend, so the site is degraded,
not down."""

import sqlite3

from search.services import ES_ERRORS, elastic, embedded


def check() -> dict:
    try:
        ingebouwd = {"status": "ok", "documenten": embedded().aantal()}
    except sqlite3.Error as error:
        ingebouwd = {"status": "storing", "fout": type(error).__name__}
    es = elastic()
    if es is None:
        elastic_status = {"status": "niet ingesteld"}
    else:
        try:
            elastic_status = {"status": "ok", "documenten": es.aantal()}
        except ES_ERRORS as error:
            elastic_status = {"status": "storing", "fout": type(error).__name__}
    return {
        "zoeken": {"ingebouwd": ingebouwd, "elasticsearch": elastic_status},
        # Down only when neither backend can answer.
        "kritiek": ingebouwd["status"] != "ok" and elastic_status["status"] != "ok",
        "beperkt": elastic_status["status"] == "storing",
    }
