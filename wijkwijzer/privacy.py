"""A person's rights under the AVG (GDPR): all their data as one JSON document, and deleting
the account. Each project app that holds personal data declares in its own `privacy.py`:

    def gegevens(user) -> dict            # what it holds about `user`, JSON-serialisable
    def verwijderen(user, *, bewaren: bool) -> None
        # before the account goes: with bewaren, public contributions stay without a name
        # ("verwijderde deelnemer"); without it, they are removed

and registers them in its wagtail_hooks.py (wijkwijzer.haken.PRIVACY).

What an app does not handle in `verwijderen` goes with the account by its foreign keys."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from wijkwijzer import haken
from wijkwijzer.models import User


def gegevens_van(user: User) -> dict[str, Any]:
    data: dict[str, Any] = {
        "gemaakt_op": timezone.now().isoformat(),
        "account": {
            "e-mailadres": user.email,
            "weergavenaam": user.display_name,
            "lid_sinds": user.date_joined.isoformat(),
            "laatst_ingelogd": user.last_login.isoformat() if user.last_login else None,
        },
    }
    for deel in haken.PRIVACY.alle():
        if deel.gegevens:
            data[deel.naam] = deel.gegevens(user)
    return data


@transaction.atomic
def account_verwijderen(user: User, *, bijdragen_bewaren: bool) -> None:
    for deel in haken.PRIVACY.alle():
        if deel.verwijderen:
            deel.verwijderen(user, bewaren=bijdragen_bewaren)
    user.delete()
