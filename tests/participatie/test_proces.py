"""A process page says where it stands, computed from its phases; the area page lists its
processes; the survey shows results only aggregated; and pages with hundreds of
contributions take as many queries as pages with a few."""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from participatie import services
from participatie.models import (
    Fasesoort,
    Inbreng,
    ParticipatieprocesPage,
    ProcesFase,
    Vraagsoort,
    Vragenlijstvraag,
)
from tests.factories import (
    InbrengFactory,
    ReactieFactory,
    SteunFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2027, 3, 1)


def proces_met(*fasen) -> ParticipatieprocesPage:
    proces = ParticipatieprocesPage(title="Plan")
    proces.fasen = [
        ProcesFase(
            soort=soort,
            begin=TODAY + datetime.timedelta(days=b),
            eind=TODAY + datetime.timedelta(days=e),
        )
        for soort, b, e in fasen
    ]
    return proces


@pytest.mark.parametrize(
    ("fasen", "tekst", "open_"),
    [
        ([(Fasesoort.INBRENG, -3, 11)], "Inbreng mogelijk tot 12 maart 2027", True),
        # Adjacent writing phases read as one period.
        (
            [(Fasesoort.INBRENG, -10, 2), (Fasesoort.REAGEREN, 3, 20)],
            "Inbreng mogelijk tot 21 maart 2027",
            True,
        ),
        (
            [(Fasesoort.INFORMEREN, -5, 4), (Fasesoort.INBRENG, 5, 30)],
            "Inbreng mogelijk vanaf 6 maart 2027",
            False,
        ),
        (
            [(Fasesoort.INBRENG, -40, -20), (Fasesoort.TERUGKOPPELING, -19, 10)],
            "Terugkoppeling",
            False,
        ),
        ([(Fasesoort.INBRENG, -40, -20)], "Afgerond op 9 februari 2027", False),
        ([], "Nog geen fasen bekend", False),
    ],
)
def test_where_a_process_stands(fasen, tekst, open_):
    stand = proces_met(*fasen).stand(TODAY)

    assert (stand.tekst, stand.schrijven_open) == (tekst, open_)


def test_the_area_page_lists_its_processes_with_their_stand(client, proces, gebied):
    page = client.get(gebied.url).content.decode()

    eind = date_format(timezone.localdate() + datetime.timedelta(days=30), "j F Y")
    assert "Speelplekken vernieuwen" in page
    assert f"Inbreng mogelijk tot {eind}" in page


def test_filters_and_sorting_are_kept_in_the_url(client, proces, thema):
    populair = InbrengFactory(proces=proces, titel="Populair idee", thema=thema)
    InbrengFactory(proces=proces, titel="Nieuw idee")
    for _ in range(3):
        SteunFactory(inbreng=populair)

    op_steun = client.get(proces.url, {"sorteer": "steun"}).content.decode()
    op_thema = client.get(proces.url, {"thema": thema.pk}).content.decode()

    assert op_steun.index("Populair idee") < op_steun.index("Nieuw idee")
    assert "Populair idee" in op_thema and "Nieuw idee" not in op_thema
    assert "Alle filters wissen" in op_thema


def test_process_and_contribution_pages_keep_a_constant_query_count(query_count, proces):
    inbreng = InbrengFactory(proces=proces)
    ReactieFactory(inbreng=inbreng)

    def honderden():
        gebruikers = [UserFactory() for _ in range(5)]
        Inbreng.objects.bulk_create(
            Inbreng(
                proces=proces,
                focusgebied=inbreng.focusgebied,
                soort="idee",
                titel=f"Idee {n}",
                tekst=f"Tekst {n}",
                pseudoniem="Buur",
                zichtbaarheid="zichtbaar",
            )
            for n in range(300)
        )
        for gebruiker in gebruikers:
            SteunFactory(inbreng=inbreng, gebruiker=gebruiker)
            ReactieFactory(inbreng=inbreng)

    # Wagtail's routing takes one query per level of the page tree (four here); the rest is
    # fixed.
    query_count.assert_constant(proces.url, honderden, maximum=18)
    query_count.assert_constant(inbreng.url, lambda: ReactieFactory(inbreng=inbreng), maximum=17)
    query_count.assert_constant(
        proces.url + "wat-is-er-gedaan/",
        lambda: InbrengFactory(proces=proces, antwoord="Ja"),
        maximum=15,
    )


def vragenlijst(proces) -> dict[str, Vragenlijstvraag]:
    proces.vragenlijst_aan = True
    proces.save_revision().publish()
    vragen = {
        "vaak": Vragenlijstvraag.objects.create(
            proces=proces,
            vraag="Hoe vaak?",
            soort=Vraagsoort.EEN,
            opties="Vaak\nSoms",
            verplicht=True,
        ),
        "wat": Vragenlijstvraag.objects.create(
            proces=proces, vraag="Wat wilt u?", soort=Vraagsoort.MEER, opties="Bomen\nBankjes"
        ),
        "schaal": Vragenlijstvraag.objects.create(
            proces=proces, vraag="Goed plan?", soort=Vraagsoort.SCHAAL
        ),
        "open": Vragenlijstvraag.objects.create(
            proces=proces, vraag="Nog iets?", soort=Vraagsoort.OPEN
        ),
    }
    return vragen


def test_survey_results_are_aggregated_and_shown_from_five_people(client, proces):
    vragen = vragenlijst(proces)
    url = proces.url + "vragenlijst/"

    def invullen(n: int) -> None:
        client.force_login(UserFactory())
        response = client.post(
            url,
            {
                f"vraag_{vragen['vaak'].pk}": "Vaak" if n % 2 else "Soms",
                f"vraag_{vragen['wat'].pk}": ["Bomen", "Bankjes"] if n == 0 else ["Bomen"],
                f"vraag_{vragen['schaal'].pk}": "4",
                f"vraag_{vragen['open'].pk}": f"Mijn geheime mening {n}",
            },
        )
        assert response.status_code == 302

    for n in range(4):
        invullen(n)
    page = client.get(url).content.decode()
    assert "We tonen de uitslag als minstens 5 mensen hebben geantwoord" in page
    assert "Je hebt deze vragenlijst al ingevuld" in page

    invullen(4)
    page = client.get(url).content.decode()
    assert "5 mensen hebben geantwoord." in page
    assert "Gemiddeld: 4,0 op een schaal van 1 tot 5." in page
    assert '>Bomen</th><td class="utrecht-table__cell">5</td>' in page
    assert '>Bankjes</th><td class="utrecht-table__cell">1</td>' in page
    assert "5 open antwoorden" in page
    assert "geheime mening" not in page  # never per person


def test_an_account_answers_a_survey_once_even_from_two_tabs(proces, bewoner):
    vragen = vragenlijst(proces)
    schrijver = services.Schrijver(bewoner, bewoner.email, "Fatima")
    antwoorden = {vragen["open"].pk: ["Meer bomen"]}
    services.vragenlijst_invullen(proces=proces, schrijver=schrijver, antwoorden=antwoorden)

    with pytest.raises(services.ParticipatieFout, match="al ingevuld"):
        services.vragenlijst_invullen(proces=proces, schrijver=schrijver, antwoorden=antwoorden)

    assert proces.inzendingen.count() == 1


def test_a_required_survey_question_gets_a_dutch_error(client, proces, bewoner):
    vragen = vragenlijst(proces)
    client.force_login(bewoner)

    response = client.post(proces.url + "vragenlijst/", {f"vraag_{vragen['open'].pk}": "Iets"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Beantwoord deze vraag." in page
    assert "Iets" in page
