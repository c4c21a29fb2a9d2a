"""Follow and keep: a logged-in professional keeps a reading list and follows themes, areas
and organisations; a personal page lists them and what is new."""

import datetime

import pytest

from kennisbank.models import Leeslijstitem, Volg
from tests.factories import (
    FocusgebiedPageFactory,
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
    ThemaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
MIJN = "/kennisbank/mijn-kennisbank/"
VANDAAG = datetime.date.today()


@pytest.fixture
def voorbeelden(gebieden_index):
    PraktijkvoorbeeldIndexPageFactory()
    jeugd, wonen = (
        ThemaFactory(label="Jeugd", slug="jeugd"),
        ThemaFactory(label="Wonen", slug="wonen"),
    )
    gebied = FocusgebiedPageFactory(parent=gebieden_index, title="Overvecht", slug="overvecht")
    return {
        "jeugd": PraktijkvoorbeeldPageFactory(
            title="Jongerenwerk", themas=[jeugd], publicatiedatum=VANDAAG
        ),
        "wonen": PraktijkvoorbeeldPageFactory(
            title="Woningruil", themas=[wonen], publicatiedatum=VANDAAG
        ),
        "gebied": PraktijkvoorbeeldPageFactory(
            title="Buurtkamer",
            focusgebied=gebied,
            contact_organisatie="Stichting Buurt",
            publicatiedatum=VANDAAG,
        ),
        "oud": PraktijkvoorbeeldPageFactory(
            title="Oud jeugdproject",
            themas=[jeugd],
            publicatiedatum=VANDAAG - datetime.timedelta(days=400),
        ),
    }


def test_visitors_are_asked_to_log_in(client, voorbeelden):
    page = client.get(voorbeelden["jeugd"].url).content.decode()

    assert "Log in om dit te bewaren" in page
    assert client.post(f"/kennisbank/leeslijst/{voorbeelden['jeugd'].pk}/").status_code == 302
    assert not Leeslijstitem.objects.exists()


def test_keep_an_example_on_the_reading_list_and_take_it_off(client, voorbeelden):
    client.force_login(UserFactory())
    url = f"/kennisbank/leeslijst/{voorbeelden['wonen'].pk}/"

    response = client.post(url, follow=True)

    assert "Bewaard op je leeslijst." in response.content.decode()
    assert "Van mijn leeslijst halen" in response.content.decode()
    assert "Woningruil" in client.get(MIJN).content.decode()
    client.post(url)
    assert not Leeslijstitem.objects.exists()


def test_following_shows_what_is_new_for_you(client, voorbeelden):
    client.force_login(UserFactory())

    client.post("/kennisbank/volgen/", {"soort": "thema", "waarde": "jeugd", "terug": "/"})
    client.post("/kennisbank/volgen/", {"soort": "organisatie", "waarde": "Stichting Buurt"})
    page = client.get(MIJN).content.decode()

    nieuw = page.split("Nieuw voor jou", 1)[1].split("Wat je volgt", 1)[0]
    assert "Jongerenwerk" in nieuw and "Buurtkamer" in nieuw
    assert "Woningruil" not in nieuw and "Oud jeugdproject" not in nieuw
    assert "Jeugd (thema)" in page and "Stichting Buurt (organisatie)" in page
    detail = client.get(voorbeelden["jeugd"].url).content.decode()
    assert "Niet meer volgen: Jeugd" in detail

    client.post("/kennisbank/volgen/", {"soort": "thema", "waarde": "jeugd"})
    assert list(Volg.objects.values_list("waarde", flat=True)) == ["Stichting Buurt"]


def test_bad_follow_requests_are_refused_and_never_redirect_away(client, voorbeelden):
    client.force_login(UserFactory())

    assert client.post("/kennisbank/volgen/", {"soort": "iets", "waarde": "x"}).status_code == 404
    response = client.post(
        "/kennisbank/volgen/",
        {"soort": "gebied", "waarde": "overvecht", "terug": "https://elders.example/"},
    )
    assert response["Location"] == MIJN


def test_following_an_author_by_their_public_name(client, voorbeelden):
    auteur = UserFactory(display_name="Fatima uit Overvecht")
    van_auteur = PraktijkvoorbeeldPageFactory(
        title="Moedercafé", auteur=auteur, publicatiedatum=VANDAAG
    )
    lezer = UserFactory()
    client.force_login(lezer)

    page = client.get(van_auteur.url).content.decode()
    assert "Beschreven door Fatima uit Overvecht" in page
    assert auteur.email not in page
    response = client.post(
        "/kennisbank/volgen/",
        {"soort": "auteur", "waarde": str(auteur.pk), "terug": van_auteur.url},
        follow=True,
    )

    assert "Je volgt nu Fatima uit Overvecht." in response.content.decode()
    assert "Niet meer volgen: Fatima uit Overvecht" in response.content.decode()
    mijn = client.get(MIJN).content.decode()
    assert "Fatima uit Overvecht (auteur)" in mijn and "Moedercafé" in mijn
    assert "Jongerenwerk" not in mijn
    assert client.post("/kennisbank/volgen/", {"soort": "auteur", "waarde": "x"}).status_code == 404


def test_deleting_an_account_ends_following_it_as_an_author(voorbeelden):
    from wijkwijzer.privacy import account_verwijderen

    auteur, lezer = UserFactory(), UserFactory()
    Volg.objects.create(gebruiker=lezer, soort="auteur", waarde=str(auteur.pk))
    account_verwijderen(auteur, bijdragen_bewaren=True)
    assert not Volg.objects.filter(gebruiker=lezer).exists()
