"""The contributor's side: the guided form in steps, the overview, sharing and submitting."""

import pytest
from django.core import mail

from kennisbank.inzendingen.models import Inzending
from tests.conftest import verzendsleutel
from tests.factories import (
    InzendingFactory,
    OrganisatieFactory,
    ThemaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
Status = Inzending.Status


def stap_url(inzending, nummer):
    return f"/kennisbank/bijdragen/{inzending.pk}/stap/{nummer}/"


def test_starting_creates_a_draft_and_opens_step_one(client, lijst):
    lid = UserFactory()
    OrganisatieFactory(leden=[lid])
    client.force_login(lid)

    response = client.post("/kennisbank/bijdragen/nieuw/")

    inzending = Inzending.objects.get(auteur=lid)
    assert response.url == stap_url(inzending, 1)
    page = client.get(response.url).content.decode()
    assert "Stap 1 van 7" in page and "Het probleem en het gebied" in page
    assert "Begin bij wat er speelde" in page  # the step's help in plain Dutch


def test_next_saves_and_moves_on_back_saves_and_returns(client, lijst):
    inzending = InzendingFactory(compleet=False)
    client.force_login(inzending.auteur)
    thema = ThemaFactory()

    response = client.post(
        stap_url(inzending, 1),
        {
            "titel": "Buurtkamer",
            "probleem": "Eenzaamheid",
            "themas": [thema.pk],
            "naar": "volgende",
        },
    )
    assert response.url == stap_url(inzending, 2)
    response = client.post(stap_url(inzending, 2), {"doel": "Elkaar kennen", "naar": "vorige"})
    assert response.url == stap_url(inzending, 1)

    inzending.refresh_from_db()
    assert (inzending.titel, inzending.probleem, inzending.doel) == (
        "Buurtkamer",
        "Eenzaamheid",
        "Elkaar kennen",
    )
    assert list(inzending.themas.all()) == [thema]
    assert "Elkaar kennen" in client.get(stap_url(inzending, 2)).content.decode()


def test_bad_input_is_refused_in_dutch_and_kept(client, lijst):
    inzending = InzendingFactory(compleet=False)
    client.force_login(inzending.auteur)

    response = client.post(
        stap_url(inzending, 1),
        {"titel": "Buurtkamer", "probleem": "Mail jan@example.nl voor meer", "naar": "volgende"},
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Zet hier geen e-mailadres" in page
    assert "Mail jan@example.nl voor meer" in page and 'value="Buurtkamer"' in page
    assert Inzending.objects.get(pk=inzending.pk).titel == ""

    response = client.post(
        stap_url(inzending, 6), {"kosten_band": "1", "kosten_eenheid": "", "naar": "opslaan"}
    )
    assert "allebei" in response.content.decode()
    response = client.post(
        stap_url(inzending, 7), {"bronnen": "Verslag https://kapot", "naar": "opslaan"}
    )
    assert "Het webadres https://kapot klopt niet" in response.content.decode()
    response = client.post(stap_url(inzending, 3), {"aanpak": "x" * 6001, "naar": "opslaan"})
    assert "de grens is 6000" in response.content.decode()


def test_only_own_organisations_can_be_chosen(client, lijst):
    inzending = InzendingFactory()
    vreemd = OrganisatieFactory()
    client.force_login(inzending.auteur)

    response = client.post(stap_url(inzending, 7), {"organisatie": vreemd.pk, "naar": "opslaan"})

    assert response.status_code == 400
    assert Inzending.objects.get(pk=inzending.pk).organisatie != vreemd


def test_the_overview_lists_what_is_missing_and_submits_when_complete(client, lijst):
    inzending = InzendingFactory(compleet=False)
    client.force_login(inzending.auteur)

    page = client.get(f"/kennisbank/bijdragen/{inzending.pk}/").content.decode()
    assert "ontbreekt er nog" in page and "Aanpak en werkzame elementen" in page
    response = client.post(f"/kennisbank/bijdragen/{inzending.pk}/indienen/", follow=True)
    assert "Er ontbreekt nog iets" in response.content.decode()
    assert Inzending.objects.get(pk=inzending.pk).status == Status.CONCEPT

    compleet = InzendingFactory(auteur=inzending.auteur)
    response = client.post(f"/kennisbank/bijdragen/{compleet.pk}/indienen/", follow=True)
    assert "Ingediend" in response.content.decode()
    assert Inzending.objects.get(pk=compleet.pk).status == Status.INGEDIEND
    assert any(m.to == [compleet.auteur.email] for m in mail.outbox)
    # Submitted, the form is closed until it comes back.
    response = client.get(stap_url(compleet, 1))
    assert response.status_code == 302


def test_a_shared_draft_is_readable_by_colleagues_only(client, lijst):
    inzending = InzendingFactory()
    collega, buitenstaander = UserFactory(), UserFactory()
    inzending.organisatie.leden.model.objects.create(
        organisatie=inzending.organisatie, gebruiker=collega
    )
    overzicht = f"/kennisbank/bijdragen/{inzending.pk}/"

    client.force_login(collega)
    assert client.get(overzicht).status_code == 404
    client.force_login(inzending.auteur)
    client.post(f"{overzicht}delen/", {"gedeeld": "1"})

    client.force_login(collega)
    page = client.get(overzicht).content.decode()
    assert inzending.titel in page
    assert "Delen met je organisatie" not in page  # reading only
    assert inzending.titel in client.get("/kennisbank/bijdragen/").content.decode()
    assert client.get(stap_url(inzending, 1)).status_code == 302
    client.post(f"{overzicht}indienen/")
    assert Inzending.objects.get(pk=inzending.pk).status == Status.CONCEPT

    client.force_login(buitenstaander)
    assert client.get(overzicht).status_code == 404


def test_returned_comments_show_at_their_step(client, lijst, redacteur):
    from kennisbank.inzendingen import services

    inzending = InzendingFactory(status=Status.INGEDIEND, ronde=1)
    services.terugsturen(
        inzending=inzending, door=redacteur, opmerkingen={"aanpak": "Noem de stappen."}
    )
    client.force_login(inzending.auteur)

    assert "Noem de stappen." in client.get(stap_url(inzending, 3)).content.decode()
    assert "Noem de stappen." not in client.get(stap_url(inzending, 2)).content.decode()
    assert (
        "Noem de stappen." in client.get(f"/kennisbank/bijdragen/{inzending.pk}/").content.decode()
    )


def test_logged_out_visitors_are_sent_to_log_in(client, lijst):
    assert client.get("/kennisbank/bijdragen/").status_code == 302
    assert client.post("/kennisbank/bijdragen/nieuw/").status_code == 302
    assert not Inzending.objects.exists()


def test_step_numbers_outside_the_form_are_not_found(client, lijst):
    inzending = InzendingFactory(compleet=False)
    client.force_login(inzending.auteur)
    assert client.get(stap_url(inzending, 8)).status_code == 404
    assert client.get(stap_url(inzending, 0)).status_code == 404


def test_rate_limit_keeps_what_was_typed(client, lijst, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "formulier": ("1/h", "100/h")}
    inzending = InzendingFactory(compleet=False)
    client.force_login(inzending.auteur)
    client.post(stap_url(inzending, 2), {"doel": "Eerste", "naar": "opslaan"})

    response = client.post(stap_url(inzending, 2), {"doel": "Tweede", "naar": "opslaan"})

    assert response.status_code == 429
    assert "Tweede" in response.content.decode()
    assert Inzending.objects.get(pk=inzending.pk).doel == "Eerste"


def test_my_list_and_the_overview_keep_their_query_counts(client, query_count, lijst):
    from kennisbank.inzendingen.models import Opmerking

    inzending = InzendingFactory(status=Status.TERUGGESTUURD, ronde=1, gedeeld=True)
    schrijver = inzending.auteur
    client.force_login(schrijver)

    def meer_inzendingen():
        for _ in range(5):
            InzendingFactory(auteur=schrijver)
            gedeeld = InzendingFactory(gedeeld=True)
            gedeeld.organisatie.leden.model.objects.create(
                organisatie=gedeeld.organisatie, gebruiker=schrijver
            )

    def meer_opmerkingen():
        for sectie in ("probleem", "doel", "aanpak", "kosten", "contact"):
            Opmerking.objects.create(inzending=inzending, ronde=1, sectie=sectie, tekst="Beter.")

    query_count.assert_constant("/kennisbank/bijdragen/", meer_inzendingen, maximum=12)
    query_count.assert_constant(
        f"/kennisbank/bijdragen/{inzending.pk}/", meer_opmerkingen, maximum=20
    )


def test_starting_twice_with_the_same_button_makes_one_draft(client, lijst):
    lid = UserFactory()
    client.force_login(lid)
    sleutel = verzendsleutel(client.get("/kennisbank/bijdragen/"))

    eerste = client.post("/kennisbank/bijdragen/nieuw/", {"verzendsleutel": sleutel})
    tweede = client.post("/kennisbank/bijdragen/nieuw/", {"verzendsleutel": sleutel})

    assert Inzending.objects.filter(auteur=lid).count() == 1
    assert eerste.url == tweede.url
