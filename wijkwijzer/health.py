"""The database part of /health/ (wijkwijzer.views.health gathers every project app's
`health.py`: `check() -> dict` with its parts and the flags `kritiek`, the site cannot serve,
and `beperkt`, it serves with less)."""

from django.db import DatabaseError, connection


def check() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"database": {"status": "storing", "fout": type(error).__name__}, "kritiek": True}
    return {"database": {"status": "ok", "soort": connection.vendor}}
