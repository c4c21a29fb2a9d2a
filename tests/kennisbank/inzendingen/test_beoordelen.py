"""The editors' side, in the Wagtail admin: the queue of submissions, comments per section,
and the decision."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail

from kennisbank.inzendingen.models import Inzending, Opmerking
from kennisbank.models import PraktijkvoorbeeldPage
from tests.factories import InzendingFactory

pytestmark = pytest.mark.django_db
Status = Inzending.Status


@pytest.fixture
def als(client):
    def login(user):
        TOTP.activate(user, generate_totp_secret())
        client.force_login(user)
        return client

    return login


def edit_url(inzending):
    return f"/admin/inzendingen_beoordelen/edit/{inzending.pk}/"


def test_the_queue_shows_submissions_not_drafts(als, lijst, redacteur):
    ingediend = InzendingFactory(status=Status.INGEDIEND, titel="Ingediende buurtkamer")
    concept = InzendingFactory(titel="Geheim concept")
    client = als(redacteur)

    page = client.get("/admin/inzendingen_beoordelen/").content.decode()

    assert ingediend.titel in page and concept.titel not in page
    assert client.get(edit_url(concept)).status_code == 404


def test_a_redacteur_returns_with_comments_per_section(als, lijst, redacteur):
    inzending = InzendingFactory(status=Status.INGEDIEND, ronde=1)
    client = als(redacteur)

    page = client.get(edit_url(inzending)).content.decode()
    assert inzending.aanpak in page
    assert "Goedkeuren en publiceren" not in page  # only the eindredactie decides
    response = client.post(
        edit_url(inzending),
        {
            "actie": "terugsturen",
            "opmerking_aanpak": "Welke stappen zet je precies?",
            "opmerking_kosten": "Een schatting helpt lezers.",
        },
    )

    assert response.status_code == 302
    inzending.refresh_from_db()
    assert inzending.status == Status.TERUGGESTUURD
    assert set(Opmerking.objects.values_list("sectie", "tekst")) == {
        ("aanpak", "Welke stappen zet je precies?"),
        ("kosten", "Een schatting helpt lezers."),
    }
    assert any(m.to == [inzending.auteur.email] for m in mail.outbox)


def test_returning_without_a_comment_is_refused_in_dutch(als, lijst, redacteur):
    inzending = InzendingFactory(status=Status.INGEDIEND)
    response = als(redacteur).post(edit_url(inzending), {"actie": "terugsturen"})
    assert "Schrijf bij minstens één onderdeel" in response.content.decode()
    assert Inzending.objects.get(pk=inzending.pk).status == Status.INGEDIEND


def test_a_redacteur_cannot_publish_by_posting(als, lijst, redacteur):
    inzending = InzendingFactory(status=Status.INGEDIEND)
    als(redacteur).post(edit_url(inzending), {"actie": "goedkeuren"})
    assert Inzending.objects.get(pk=inzending.pk).status == Status.INGEDIEND
    assert not PraktijkvoorbeeldPage.objects.exists()


def test_the_eindredacteur_publishes_with_the_organisation_credited(
    als, lijst, eindredacteur, client
):
    inzending = InzendingFactory(status=Status.INGEDIEND, ronde=1)
    als(eindredacteur).post(edit_url(inzending), {"actie": "goedkeuren"})

    inzending.refresh_from_db()
    assert inzending.status == Status.GEPUBLICEERD
    client.logout()
    page = client.get(inzending.pagina.url).content.decode()
    assert inzending.organisatie.naam in page
    assert f"Beschreven door {inzending.auteur.public_name}" in page
    assert inzending.auteur.email not in page
    assert "Werkzame elementen" in page and "vaste gastvrouw" in page


def test_declining_tells_the_author_why(als, lijst, eindredacteur):
    inzending = InzendingFactory(status=Status.INGEDIEND)
    als(eindredacteur).post(
        edit_url(inzending), {"actie": "afwijzen", "reden": "Dit is een advertentie."}
    )
    assert Inzending.objects.get(pk=inzending.pk).status == Status.AFGEWEZEN
    (bericht,) = [m for m in mail.outbox if m.to == [inzending.auteur.email]]
    assert "Dit is een advertentie." in bericht.body
