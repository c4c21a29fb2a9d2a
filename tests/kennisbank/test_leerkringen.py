"""Learning circles: ask to join, the coordinator decides in the admin, members see the
members-only part and can leave; nobody else ever sees it."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from kennisbank.models import LedenDocumentBlock, Lidmaatschap
from kennisbank.services.leerkringen import (
    ensure_ledencollectie,
    lidmaatschap_aanvragen,
    lidmaatschap_beoordelen,
)
from tests.factories import LeerkringPageFactory, UserFactory
from wijkwijzer.roles import LEERKRING_COORDINATOR

pytestmark = pytest.mark.django_db
SECRET = "Geheime vergaderlink"


@pytest.fixture
def coordinator(roles):
    user = UserFactory(email="coordinator@example.nl")
    user.groups.add(roles[LEERKRING_COORDINATOR])
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def kring(home, coordinator):
    document = Document(title="Werkmap leden", collection=ensure_ledencollectie())
    document.file.save("werkmap.pdf", ContentFile(b"%PDF-1.4 leden"), save=True)
    kring = LeerkringPageFactory(title="Leerkring participatie", coordinator=coordinator)
    kring.ledendocumenten = [("document", document)]
    kring.save_revision().publish()
    kring.refresh_from_db()
    return kring


def document_url(kring) -> str:
    return f"/leerkringen/{kring.pk}/documenten/{kring.ledendocumenten[0].value.pk}/"


def test_join_request_is_decided_by_the_coordinator_in_the_admin(
    client, kring, coordinator, django_capture_on_commit_callbacks
):
    member = UserFactory(email="lid@example.nl")
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/leerkringen/{kring.pk}/aanmelden/",
            {"motivatie": "Ik werk in Overvecht."},
            follow=True,
        )
    assert "Je aanmelding is verstuurd." in response.content.decode()
    assert mail.outbox[-1].to == ["coordinator@example.nl"]
    assert "Ik werk in Overvecht." in mail.outbox[-1].body
    assert SECRET not in client.get(kring.url).content.decode()

    lidmaatschap = Lidmaatschap.objects.get()
    client.force_login(coordinator)
    assert (
        "lid@example.nl" not in client.get("/admin/lidmaatschappen/").content.decode()
    )  # no e-mail shown
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/lidmaatschappen/edit/{lidmaatschap.pk}/", {"status": "lid"})

    lidmaatschap.refresh_from_db()
    assert lidmaatschap.status == "lid"
    assert mail.outbox[-1].to == ["lid@example.nl"] and "welkom" in mail.outbox[-1].subject
    client.force_login(member)
    page = client.get(kring.url).content.decode()
    assert SECRET in page and "Werkmap leden" in page
    assert client.get(document_url(kring)).status_code == 200


@pytest.mark.parametrize("who", ["anoniem", "ingelogd", "aangevraagd", "afgewezen", "vertrokken"])
def test_non_members_never_see_the_members_only_part(client, kring, who):
    if who != "anoniem":
        user = UserFactory()
        client.force_login(user)
        if who != "ingelogd":
            Lidmaatschap.objects.create(leerkring=kring, deelnemer=user, status=who)

    html = client.get(kring.url).content.decode()

    assert SECRET not in html and "Werkmap leden" not in html
    assert client.get(document_url(kring)).status_code in (302, 404)


@pytest.mark.parametrize("who", ["anoniem", "lid", "niet-lid"])
def test_wagtails_public_document_url_stays_closed(client, kring, who):
    document = kring.ledendocumenten[0].value
    if who != "anoniem":
        user = UserFactory()
        client.force_login(user)
        if who == "lid":
            Lidmaatschap.objects.create(leerkring=kring, deelnemer=user, status="lid")

    response = client.get(document.url)

    assert document.url.startswith("/documenten/")
    assert response.status_code in (302, 403)
    assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_public_document_cannot_be_put_in_the_members_only_part(kring):
    public = Document(title="Openbaar verslag")
    public.file.save("verslag.pdf", ContentFile(b"%PDF-1.4 openbaar"), save=True)

    with pytest.raises(ValidationError, match="staat in een openbare collectie"):
        LedenDocumentBlock().clean(public)
    assert LedenDocumentBlock().clean(kring.ledendocumenten[0].value).title == "Werkmap leden"


def test_member_leaves_and_loses_access(client, kring):
    user = UserFactory()
    Lidmaatschap.objects.create(leerkring=kring, deelnemer=user, status="lid")
    client.force_login(user)
    assert SECRET in client.get(kring.url).content.decode()

    client.post(f"/leerkringen/{kring.pk}/verlaten/")

    assert SECRET not in client.get(kring.url).content.decode()
    assert Lidmaatschap.objects.get().status == "vertrokken"


def test_a_member_cannot_fetch_a_document_of_another_circle(client, kring):
    other = LeerkringPageFactory()
    user = UserFactory()
    Lidmaatschap.objects.create(leerkring=other, deelnemer=user, status="lid")
    client.force_login(user)

    response = client.get(
        f"/leerkringen/{other.pk}/documenten/{kring.ledendocumenten[0].value.pk}/"
    )

    assert response.status_code == 404


def test_coordinator_sees_only_requests_for_own_circles(client, kring, coordinator):
    elsewhere = LeerkringPageFactory(title="Andere kring")
    lidmaatschap_aanvragen(deelnemer=UserFactory(display_name="Aanvrager hier"), leerkring=kring)
    other = lidmaatschap_aanvragen(
        deelnemer=UserFactory(display_name="Aanvrager elders"), leerkring=elsewhere
    )
    client.force_login(coordinator)

    listing = client.get("/admin/lidmaatschappen/").content.decode()

    assert "Aanvrager hier" in listing and "Aanvrager elders" not in listing
    assert client.get(f"/admin/lidmaatschappen/edit/{other.pk}/").status_code == 404


def test_a_decided_request_cannot_be_decided_again(kring):
    lidmaatschap = lidmaatschap_aanvragen(deelnemer=UserFactory(), leerkring=kring)
    lidmaatschap_beoordelen(lidmaatschap=lidmaatschap, goedgekeurd=False)
    with pytest.raises(ValueError):
        lidmaatschap_beoordelen(lidmaatschap=lidmaatschap, goedgekeurd=True)


def test_too_long_motivation_keeps_the_text_and_explains(client, kring):
    client.force_login(UserFactory())
    text = "lang " * 250

    response = client.post(f"/leerkringen/{kring.pk}/aanmelden/", {"motivatie": text})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Houd je motivatie korter dan 1000 tekens." in html
    assert text.strip() in html
    assert not Lidmaatschap.objects.exists()


def test_a_members_only_document_sends_visitors_to_allauths_login(client, kring):
    document = kring.ledendocumenten[0].value

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=/documenten/")
