"""Results (uitvoering): alliance staff publish what came out of the participation, with a
status, progress, dated updates and the contributions, survey and meetings behind it; a
contribution shows the results it fed and a process its overall progress."""

import itertools

import pytest

from participatie.models import ResultaatPage, Resultaatstatus
from participatie.overgangen import RESULTAAT_OVERGANGEN
from tests.factories import (
    AlliantieoverlegPageFactory,
    GebiedsgrensFactory,
    InbrengFactory,
    ResultaatPageFactory,
    SteunFactory,
    UserFactory,
)
from tests.participatie.conftest import mails_to

pytestmark = pytest.mark.django_db


def formulier(**extra) -> dict:
    return {
        "title": "Speeltuin Poelenburg vernieuwd",
        "slug": "speeltuin-poelenburg",
        "samenvatting": "Nieuwe toestellen en schaduw.",
        "status": "in_uitvoering",
        "voortgang": "40",
        "reden_vervallen": "",
        "budget": "85000",
        "updates-TOTAL_FORMS": "1",
        "updates-INITIAL_FORMS": "0",
        "updates-MIN_NUM_FORMS": "0",
        "updates-MAX_NUM_FORMS": "1000",
        "updates-0-datum": "2027-03-14",
        "updates-0-tekst": "De oude toestellen zijn weggehaald.",
        "updates-0-foto": "",
        "updates-0-foto_tekst": "",
        "updates-0-ORDER": "1",
        "action-publish": "action-publish",
        **extra,
    }


def test_staff_publish_a_result_linked_to_contributions_and_a_meeting(
    client, gebied, proces, ander_proces, team
):
    schaduw = InbrengFactory(proces=proces, titel="Schaduw bij de zandbak")
    elders = InbrengFactory(proces=ander_proces, titel="Elders")
    overleg = AlliantieoverlegPageFactory(parent=gebied)
    client.force_login(team)
    add = f"/admin/pages/add/participatie/resultaatpage/{proces.pk}/"

    assert "Elders" not in client.get(add).content.decode()  # only this process's input
    response = client.post(add, formulier(bijdragen=[schaduw.pk], overleggen=[overleg.pk]))

    assert response.status_code == 302, response.content.decode()[:2000]
    resultaat = ResultaatPage.objects.get()
    assert list(resultaat.bijdragen.all()) == [schaduw]
    page = client.get(resultaat.url).content.decode()
    assert "In uitvoering" in page and "40% klaar" in page and "€ 85.000" in page
    assert "Schaduw bij de zandbak" in page and "De oude toestellen zijn weggehaald." in page
    assert "Besproken in het alliantieoverleg van" in page
    assert "Speeltuin Poelenburg vernieuwd" in client.get(schaduw.url).content.decode()
    assert client.post(add, formulier(slug="x", bijdragen=[elders.pk])).status_code == 200


def test_the_process_shows_overall_progress(client, proces):
    ResultaatPageFactory(parent=proces, status="gereed", voortgang=60)
    ResultaatPageFactory(parent=proces, status="in_uitvoering", voortgang=50)
    ResultaatPageFactory(parent=proces, status="vervallen", reden_vervallen="Geen geld")

    page = client.get(proces.url).content.decode()

    assert "Samen 75% klaar: 1 van de 2 resultaten zijn gereed." in page


def edit_form(resultaat, user, **data):
    form_class = ResultaatPage.get_edit_handler().get_form_class()
    return form_class(
        formulier(**data), instance=resultaat, parent_page=resultaat.get_parent(), for_user=user
    )


@pytest.mark.parametrize(
    ("van", "naar"), list(itertools.product(Resultaatstatus.values, Resultaatstatus.values))
)
def test_every_result_status_transition_is_allowed_or_refused(proces, van, naar):
    resultaat = ResultaatPageFactory(parent=proces, status=van, reden_vervallen="Reden")
    superuser = UserFactory(is_superuser=True)

    form = edit_form(
        resultaat,
        superuser,
        title=resultaat.title,
        slug=resultaat.slug,
        status=naar,
        reden_vervallen="Reden",
    )

    assert form.is_valid() == (van == naar or (van, naar) in RESULTAAT_OVERGANGEN), form.errors


def test_dropping_a_result_needs_a_reason(proces):
    resultaat = ResultaatPageFactory(parent=proces, status="gepland")

    form = edit_form(resultaat, UserFactory(is_superuser=True), status="vervallen")

    assert not form.is_valid()
    assert "Schrijf op waarom dit resultaat vervalt." in str(form.errors)


def test_writers_and_supporters_hear_what_came_of_their_input_once_per_status(proces):
    auteur = UserFactory(email="auteur@example.nl")
    inbreng = InbrengFactory(proces=proces, auteur=auteur, titel="Schaduw")
    SteunFactory(inbreng=inbreng, gebruiker=UserFactory(email="steun@example.nl"))
    resultaat = ResultaatPageFactory(parent=proces, bijdragen=[inbreng], live=False)

    resultaat.save_revision().publish()
    resultaat.save_revision().publish()

    (bericht,) = mails_to("auteur@example.nl")
    assert f"Uit 'Schaduw' komt: {resultaat.title} (gepland)." in bericht.body
    assert resultaat.url in bericht.body
    resultaat.status = "in_uitvoering"
    resultaat.save_revision().publish()
    assert len(mails_to("auteur@example.nl")) == 2
    assert mails_to("steun@example.nl") == []  # supporters: in the daily digest


def test_result_and_process_pages_keep_their_query_count(query_count, proces):
    resultaat = ResultaatPageFactory(parent=proces, bijdragen=[InbrengFactory(proces=proces)])

    def honderden():
        resultaat.bijdragen.add(*[InbrengFactory(proces=proces) for _ in range(100)])
        resultaat.save()
        for _ in range(20):
            ResultaatPageFactory(parent=proces)

    query_count.assert_constant(resultaat.url, honderden, maximum=17)
    query_count.assert_constant(proces.url, lambda: ResultaatPageFactory(parent=proces), maximum=18)


def test_a_result_may_have_a_place_inside_its_area(proces, gebied):
    GebiedsgrensFactory(focusgebied=gebied)
    resultaat = ResultaatPageFactory(parent=proces, status="gepland")
    beheerder = UserFactory(is_superuser=True)

    binnen = edit_form(resultaat, beheerder, status="gepland", lengte="4.84", breedte="52.435")
    buiten = edit_form(resultaat, beheerder, status="gepland", lengte="4.90", breedte="52.44")
    half = edit_form(resultaat, beheerder, status="gepland", lengte="4.84")

    assert binnen.is_valid(), binnen.errors
    assert not buiten.is_valid() and f"Deze plek ligt buiten {gebied.title}" in str(buiten.errors)
    assert not half.is_valid() and "Vul beide in." in str(half.errors)
