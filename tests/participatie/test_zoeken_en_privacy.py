"""Public processes and visible contributions are searchable; nothing waiting, hidden or
unpublished is; and no e-mail address or postcode appears in public HTML or the API."""

import pytest
from django.core import mail

from participatie.models import Zichtbaarheid
from tests.factories import InbrengFactory, UserFactory
from tests.participatie.conftest import link_in_mail

pytestmark = pytest.mark.django_db


def zoek(client, q: str) -> dict:
    return client.get("/api/zoeken/", {"q": q}).json()


def titels(resultaat: dict) -> set[str]:
    return {item["title"] for item in resultaat["results"]}


def test_processes_and_visible_contributions_are_found(client, proces):
    proces.save_revision().publish()  # factories add pages without the publish signal
    InbrengFactory(proces=proces, titel="Waterspeelplaats", tekst="Een waterspeelplaats.")
    InbrengFactory(
        proces=proces,
        titel="Waterpomp",
        tekst="Een waterpomp bij de zandbak.",
        zichtbaarheid=Zichtbaarheid.WACHT_OP_MODERATIE,
    )

    assert "Speelplekken vernieuwen" in titels(zoek(client, "speelplek"))
    gevonden = zoek(client, "waterspeelplaats")
    assert "Waterspeelplaats" in titels(gevonden)
    assert "Waterpomp" not in titels(zoek(client, "waterpomp"))
    types = {facet["value"] for facet in gevonden["facets"]["type"]}
    assert "inbreng" in types


def test_a_contributions_markdown_is_searched_and_shown_as_the_text_people_read(client, proces):
    InbrengFactory(
        proces=proces,
        titel="Watertappunt",
        tekst="Een **watertappunt** bij het [speelveld](https://voorbeeld.nl/kwaadaardig).",
    )

    (treffer,) = zoek(client, "watertappunt")["results"]
    assert "Een <mark>watertappunt</mark> bij het speelveld." in treffer["snippet"]
    assert "**" not in treffer["snippet"] and "voorbeeld.nl" not in treffer["snippet"]
    assert titels(zoek(client, "kwaadaardig")) == set()


def test_hidden_contributions_leave_the_index(client, proces, team):
    inbreng = InbrengFactory(proces=proces, titel="Zonnebrillen", tekst="Koop zonnebrillen")
    assert "Zonnebrillen" in titels(zoek(client, "zonnebrillen"))
    client.force_login(team)

    client.post(
        f"/participatie/beheer/moderatie/inbreng/{inbreng.pk}/",
        {"actie": "verbergen", "reden": "Reclame"},
    )

    assert "Zonnebrillen" not in titels(zoek(client, "zonnebrillen"))


def test_unpublishing_a_process_takes_its_contributions_out(client, proces):
    InbrengFactory(proces=proces, titel="Pannaveld", tekst="Een pannaveld voor de jeugd")
    assert "Pannaveld" in titels(zoek(client, "pannaveld"))

    proces.unpublish()

    assert titels(zoek(client, "pannaveld")) == set()


def test_an_answer_makes_the_contribution_findable_by_its_words(client, proces, team):
    from participatie.services import status_wijzigen

    inbreng = InbrengFactory(proces=proces, titel="Bankjes", tekst="Meer bankjes")
    status_wijzigen(inbreng=inbreng, naar="verwerkt", antwoord="Met armleuningen.", door=team)

    assert "Bankjes" in titels(zoek(client, "armleuningen"))


def test_no_address_or_postcode_in_public_html_or_api(client, proces, thema, team):
    client.post(
        proces.url + "inbreng-geven/",
        {
            "soort": "idee",
            "titel": "Bloembakken",
            "tekst": "Bloembakken langs de stoep.",
            "thema": thema.pk,
            "pseudoniem": "Sanne",
            "email": "sanne.de.vries@example.nl",
            "postcode": "1504",
        },
    )
    client.post(link_in_mail(mail.outbox[-1]))
    inbreng = proces.inbreng.get()
    reageerder = UserFactory(email="kees.jansen@example.nl", display_name="Kees")
    client.force_login(reageerder)
    client.post(
        f"/participatie/inbreng/{inbreng.pk}/reageren/",
        {"tekst": "Mooi idee!", "pseudoniem": "Kees"},
    )
    client.post(f"/participatie/inbreng/{inbreng.pk}/steunen/")
    client.logout()

    pages = [
        client.get(url).content.decode()
        for url in (
            proces.url,
            inbreng.url,
            proces.url + "wat-is-er-gedaan/",
            proces.get_parent().url,
            "/zoeken/?q=bloembakken",
            "/api/zoeken/?q=bloembakken",
            "/api/zoeken/suggesties/?q=bloem",
        )
    ]

    assert "Bloembakken" in pages[1] and "Sanne" in pages[1] and "Kees" in pages[1]
    for page in pages:
        assert "sanne.de.vries" not in page and "kees.jansen" not in page
        assert "1504" not in page
