"""The database and e-mail parts of /health/ (wijkwijzer.views.health gathers every project
app's `health.py`: `check() -> dict` with its parts and the flags `kritiek`, the site cannot
serve, and `beperkt`, it serves with less)."""

import datetime

from django.db import DatabaseError, connection
from django.db.models import Count, Min, Q
from django.utils import timezone
from mailer.models import PRIORITY_DEFERRED, Message

# Mail older than this in the outbox means the sender or the SMTP server is not working: the
# site still takes every contribution, but people wait for their confirmation e-mails.
MAIL_TE_OUD = datetime.timedelta(minutes=15)
# A deferred message that failed this many times again after being retried will not go by
# itself (a refused address, a message the SMTP server rejects): someone must look at it.
BLIJFT_MISLUKKEN = 3


def check() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"database": {"status": "storing", "fout": type(error).__name__}, "kritiek": True}
    return {
        "database": {"status": "ok", "soort": connection.vendor},
        **mail_check(),
    }


def mail_check() -> dict:
    wachtrij = Message.objects.aggregate(
        aantal=Count("pk"),
        uitgesteld=Count("pk", filter=Q(priority=PRIORITY_DEFERRED)),
        blijft_mislukken=Count(
            "pk", filter=Q(priority=PRIORITY_DEFERRED, retry_count__gte=BLIJFT_MISLUKKEN)
        ),
        oudste=Min("when_added"),
    )
    oudste = wachtrij.pop("oudste")
    if oudste is None:
        return {"e-mail": {"status": "ok", **wachtrij}}
    leeftijd = timezone.now() - oudste
    te_oud = leeftijd > MAIL_TE_OUD
    wachtrij["oudste_minuten"] = int(leeftijd.total_seconds() // 60)
    status = "mislukt" if wachtrij["blijft_mislukken"] else "vertraagd" if te_oud else "ok"
    return {"e-mail": {"status": status, **wachtrij}, "beperkt": status != "ok"}
