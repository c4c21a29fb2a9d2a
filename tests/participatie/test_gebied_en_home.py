"""What a resident can do now, first: on an area page the open participation processes lead,
with their deadline and what was done with earlier input; on the home page the processes that
close soonest, across all areas (issue 19, points 2 and 7)."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from participatie.models import Fasesoort, Inbrengstatus, Zichtbaarheid
from tests.factories import (
    AlliantieLidFactory,
    FocusgebiedPageFactory,
    InbrengFactory,
    ParticipatieprocesPageFactory,
)

pytestmark = pytest.mark.django_db


def _datum(dagen: int) -> str:
    with translation.override("nl"):
        return date_format(timezone.localdate() + datetime.timedelta(days=dagen), "j F Y")


def test_the_area_page_starts_with_what_a_resident_can_do_now(client, gebied):
    AlliantieLidFactory(focusgebied=gebied, rol="woningcorporatie", naam="Mehmet Yilmaz")
    ParticipatieprocesPageFactory(
        parent=gebied, title="Afgerond plan", fasen=[(Fasesoort.INBRENG, -60, -30)]
    )
    ParticipatieprocesPageFactory(
        parent=gebied, title="Sluit later", fasen=[(Fasesoort.INBRENG, -3, 40)]
    )
    open_nu = ParticipatieprocesPageFactory(
        parent=gebied, title="Sluit eerst", fasen=[(Fasesoort.INBRENG, -3, 5)]
    )
    InbrengFactory(proces=open_nu, status=Inbrengstatus.VERWERKT, antwoord="Komt er.")
    InbrengFactory(proces=open_nu)
    InbrengFactory(proces=open_nu, zichtbaarheid=Zichtbaarheid.WACHT_OP_BEVESTIGING)

    html = client.get(gebied.url).content.decode()

    # Participation before the description, the alliance and its meetings.
    assert html.index("Meepraten over dit gebied") < html.index("Leden van de alliantie")
    assert html.index("Meepraten over dit gebied") < html.index("Alliantieoverleg")
    # Open first, closing soonest first; the finished one last.
    assert html.index("Sluit eerst") < html.index("Sluit later") < html.index("Afgerond plan")
    assert f"Inbreng mogelijk tot {_datum(5)}" in html
    assert "Geef je inbreng" in html
    # What was done with input: only what is public counts.
    assert "Wat is er met je inbreng gedaan?</a> (1 van 2 berichten beantwoord)" in html


def test_the_number_of_residents_shows_only_when_known(client, gebieden_index):
    bekend = FocusgebiedPageFactory(parent=gebieden_index, inwoners=15300)
    onbekend = FocusgebiedPageFactory(parent=gebieden_index, inwoners=None)

    assert ">Inwoners</dt>" in client.get(bekend.url).content.decode()
    assert ">Inwoners</dt>" not in client.get(onbekend.url).content.decode()


def test_the_home_page_lists_processes_open_now_closing_soonest_first(client, gebied, ander_gebied):
    ParticipatieprocesPageFactory(
        parent=gebied, title="Nog lang open", fasen=[(Fasesoort.INBRENG, -1, 60)]
    )
    ParticipatieprocesPageFactory(
        parent=ander_gebied, title="Bijna dicht", fasen=[(Fasesoort.INBRENG, -10, 2)]
    )
    ParticipatieprocesPageFactory(
        parent=gebied, title="Al dicht", fasen=[(Fasesoort.INBRENG, -30, -1)]
    )
    ParticipatieprocesPageFactory(
        parent=gebied, title="Nog niet open", fasen=[(Fasesoort.INBRENG, 5, 30)]
    )
    ParticipatieprocesPageFactory(parent=gebied, title="Concept", live=False)

    html = client.get("/").content.decode()

    assert "Meepraten: nu open" in html
    assert html.index("Bijna dicht") < html.index("Nog lang open")
    # Each names its area, so a resident sees at once whether it is theirs.
    assert html.index("Overvecht") < html.index("Nog lang open")
    for niet in ("Al dicht", "Nog niet open", "Concept"):
        assert niet not in html


def test_the_home_page_says_so_when_nothing_is_open(client, gebied):
    ParticipatieprocesPageFactory(
        parent=gebied, title="Al dicht", fasen=[(Fasesoort.INBRENG, -30, -1)]
    )

    html = client.get("/").content.decode()

    assert "Er is op dit moment geen plan waarover je je inbreng kunt geven." in html


def test_the_home_page_and_area_page_take_a_fixed_number_of_queries(query_count, gebied):
    ParticipatieprocesPageFactory(parent=gebied)

    def meer():
        for dagen in (3, 9, 20):
            proces = ParticipatieprocesPageFactory(
                parent=FocusgebiedPageFactory(), fasen=[(Fasesoort.INBRENG, -1, dagen)]
            )
            InbrengFactory(proces=proces)
            ParticipatieprocesPageFactory(parent=gebied)

    query_count.assert_constant("/", meer, maximum=20)
    query_count.assert_constant(gebied.url, meer, maximum=20)
