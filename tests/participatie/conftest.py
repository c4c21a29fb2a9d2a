"""Two areas, each with a process open for input and an alliance team, and a platform
moderator: enough to check that every write stays within its own area."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.db import transaction

from gebieden.services import add_alliantie_medewerker
from tests.factories import (
    FocusgebiedPageFactory,
    ParticipatieprocesPageFactory,
    ThemaFactory,
    UserFactory,
)
from wijkwijzer.roles import MODERATOR


@pytest.fixture(autouse=True)
def _on_commit_at_once(monkeypatch):
    """Tests here run inside one transaction that never commits; run the work the services
    defer to after the commit (e-mail, search indexing) at once, as a commit would."""
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


def with_mfa(user):
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def gebied(gebieden_index, roles):
    return FocusgebiedPageFactory(title="Poelenburg", postcodes="1503, 1504")


@pytest.fixture
def ander_gebied(gebieden_index, roles):
    return FocusgebiedPageFactory(title="Overvecht", postcodes="3561")


@pytest.fixture
def proces(gebied):
    return ParticipatieprocesPageFactory(parent=gebied, title="Speelplekken vernieuwen")


@pytest.fixture
def ander_proces(ander_gebied):
    return ParticipatieprocesPageFactory(parent=ander_gebied, title="Groen bij de winkels")


@pytest.fixture
def thema(db):
    return ThemaFactory(label="Openbare ruimte", slug="openbare-ruimte")


@pytest.fixture
def team(gebied):
    user = with_mfa(UserFactory(display_name="Team Poelenburg", email="team@example.nl"))
    add_alliantie_medewerker(user=user, gebied=gebied)
    return user


@pytest.fixture
def ander_team(ander_gebied):
    user = with_mfa(UserFactory(display_name="Team Overvecht", email="ander@example.nl"))
    add_alliantie_medewerker(user=user, gebied=ander_gebied)
    return user


@pytest.fixture
def moderator(roles):
    user = with_mfa(UserFactory(display_name="Moderator", email="moderator@example.nl"))
    user.groups.add(roles[MODERATOR])
    return user


@pytest.fixture
def bewoner(db):
    return UserFactory(display_name="Fatima", email="fatima@example.nl")


def link_in_mail(message) -> str:
    """The path of the first link to this site in an e-mail."""
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def mails_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]
