import pytest

from gebieden.models import Actielijn, Kernindicator
from tests.factories import FocusgebiedPageFactory


@pytest.fixture
def indicatoren(db):
    """Three indicators over two actielijnen: one better when higher, one better when lower,
    one without a direction."""
    wonen = Actielijn.objects.create(nummer=2, titel="Wonen")
    jeugd = Actielijn.objects.create(nummer=4, titel="Jeugd")
    return {
        5: Kernindicator.objects.create(
            nummer=5,
            actielijn=wonen,
            naam="Ervaren leefbaarheid",
            eenheid="score",
            hoger_is_beter=True,
        ),
        1: Kernindicator.objects.create(
            nummer=1,
            actielijn=wonen,
            naam="Te herstructureren woningen",
            eenheid="woningen",
        ),
        15: Kernindicator.objects.create(
            nummer=15,
            actielijn=jeugd,
            naam="Incidentie criminaliteit",
            eenheid="procent",
            hoger_is_beter=False,
        ),
    }


@pytest.fixture
def gebied(gebieden_index, roles):
    return FocusgebiedPageFactory(title="Overvecht", slug="overvecht", gemeente="Utrecht")


@pytest.fixture
def ander_gebied(gebieden_index, roles):
    return FocusgebiedPageFactory(title="Poelenburg", slug="poelenburg", gemeente="Zaanstad")
