import pytest

from tests.factories import PraktijkvoorbeeldIndexPageFactory, UserFactory
from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR


@pytest.fixture(autouse=True)
def _commit_at_once(monkeypatch):
    """Mails go out on commit; in a test transaction that never comes, so run them now."""
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, *a, **k: func())


@pytest.fixture
def lijst(home):
    return PraktijkvoorbeeldIndexPageFactory()


@pytest.fixture
def redacteur(roles):
    user = UserFactory(email="redacteur@example.nl")
    user.groups.add(roles[REDACTEUR])
    return user


@pytest.fixture
def eindredacteur(roles):
    user = UserFactory(email="eindredacteur@example.nl")
    user.groups.add(roles[EINDREDACTEUR])
    return user
