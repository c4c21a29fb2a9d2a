"""Vraagbaak: a professional asks, the coordinator routes, a deskundige answers, and with the
asker's consent the answer becomes a public, searchable page. The asker hears of every step
and follows it on a personal page."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from wagtail.models import Page

from kennisbank.models import Vraag, VraagPage
from kennisbank.services.vraagbaak import (
    BEANTWOORDEN,
    DOORSTUREN,
    PUBLICEREN,
    SLUITEN,
    VraagbaakFout,
    toestemming_wijzigen,
    vraag_acties,
    vraag_beantwoorden,
    vraag_doorsturen,
    vraag_publiceren,
    vraag_sluiten,
)
from tests.conftest import verzendsleutel
from tests.factories import (
    FocusgebiedPageFactory,
    ThemaFactory,
    UserFactory,
    VraagbaakPageFactory,
    VraagFactory,
    VraagPageFactory,
)
from wijkwijzer.roles import VRAAGBAAK_COORDINATOR, VRAAGBAAK_DESKUNDIGE

pytestmark = pytest.mark.django_db


def staff(roles, role: str, email: str):
    user = UserFactory(email=email, display_name=role)
    user.groups.add(roles[role])
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def coordinator(roles):
    return staff(roles, VRAAGBAAK_COORDINATOR, "coordinator@example.nl")


@pytest.fixture
def deskundige(roles):
    return staff(roles, VRAAGBAAK_DESKUNDIGE, "deskundige@example.nl")


@pytest.fixture
def vraagbaak(home):
    return VraagbaakPageFactory()


@pytest.fixture
def vrager():
    return UserFactory(email="vrager@example.nl", display_name="Sanne")


def test_question_travels_from_asking_to_a_public_answer(
    client, vraagbaak, vrager, coordinator, deskundige, django_capture_on_commit_callbacks
):
    thema = ThemaFactory(label="Jeugd", slug="jeugd")
    gebied = FocusgebiedPageFactory(title="Utrecht Overvecht")
    client.force_login(vrager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/kennisbank/vraagbaak/vraag-stellen/",
            {
                "thema": thema.pk,
                "focusgebied": gebied.pk,
                "vraag": "Hoe bereik je jongeren die nergens aan meedoen?",
                "toelichting": "Ik ben Sanne, jongerenwerker bij Stichting Noord.",
                "toestemming_publicatie": "on",
            },
            follow=True,
        )
    vraag = Vraag.objects.get()
    assert response.redirect_chain[-1][0] == f"/kennisbank/vraagbaak/mijn-vragen/{vraag.pk}/"
    assert "Status: <strong>ingediend</strong>" in response.content.decode()
    assert {m.to[0] for m in mail.outbox} == {"vrager@example.nl", "coordinator@example.nl"}

    client.force_login(coordinator)
    edit_url = f"/admin/vraagbaak/edit/{vraag.pk}/"
    assert "Hoe bereik je jongeren" in client.get("/admin/vraagbaak/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"actie": DOORSTUREN, "behandelaar": deskundige.pk})
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.IN_BEHANDELING and vraag.behandelaar == deskundige
    assert [m.to[0] for m in mail.outbox[-2:]] == ["vrager@example.nl", "deskundige@example.nl"]
    assert "in behandeling" in mail.outbox[-2].subject

    client.force_login(deskundige)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            edit_url, {"actie": BEANTWOORDEN, "antwoord": "Zoek ze op **straat** en op school."}
        )
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.BEANTWOORD
    assert mail.outbox[-1].to == ["vrager@example.nl"]
    assert "Zoek ze op **straat** en op school." in mail.outbox[-1].body

    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            edit_url,
            {
                "actie": PUBLICEREN,
                "titel": "Hoe bereik je jongeren die nergens aan meedoen?",
                "samenvatting": "Een jongerenwerker ziet weinig jongeren bij activiteiten.",
                "antwoord": "Zoek ze op **straat** en op school.",
            },
        )
    vraag.refresh_from_db()
    pagina = vraag.pagina
    assert vraag.status == Vraag.Status.GEPUBLICEERD and pagina.live
    assert pagina.get_parent().specific == vraagbaak
    assert mail.outbox[-1].to == ["vrager@example.nl"]
    assert pagina.url in mail.outbox[-1].body

    client.logout()
    public = client.get(pagina.url).content.decode()
    assert "<strong>straat</strong>" in public and "Utrecht Overvecht" in public
    assert "Sanne" not in public and "vrager@example.nl" not in public
    assert "Hoe bereik je jongeren" in client.get(vraagbaak.url).content.decode()
    assert list(Page.objects.live().search("straat")) == [pagina.page_ptr]

    client.force_login(vrager)
    personal = client.get("/kennisbank/vraagbaak/mijn-vragen/").content.decode()
    assert "beantwoord en gepubliceerd" in personal
    detail = client.get(f"/kennisbank/vraagbaak/mijn-vragen/{vraag.pk}/").content.decode()
    assert pagina.url in detail and "<strong>straat</strong>" in detail
    for step in ("Ingediend", "In behandeling genomen", "Beantwoord", "Gepubliceerd"):
        assert step in detail


# Every step from every status: which are allowed is the state machine of a question.
STEPS = {
    DOORSTUREN: lambda vraag, user: vraag_doorsturen(vraag=vraag, behandelaar=user),
    BEANTWOORDEN: lambda vraag, user: vraag_beantwoorden(vraag=vraag, antwoord="Zo."),
    PUBLICEREN: lambda vraag, user: vraag_publiceren(
        vraag=vraag, titel="Vraag", samenvatting="Situatie", antwoord="Zo."
    ),
    SLUITEN: lambda vraag, user: vraag_sluiten(vraag=vraag, reden="Buiten het programma."),
}
ALLOWED = {
    Vraag.Status.INGEDIEND: {DOORSTUREN: Vraag.Status.IN_BEHANDELING, SLUITEN: "gesloten"},
    Vraag.Status.IN_BEHANDELING: {
        DOORSTUREN: Vraag.Status.IN_BEHANDELING,
        BEANTWOORDEN: Vraag.Status.BEANTWOORD,
        SLUITEN: Vraag.Status.GESLOTEN,
    },
    Vraag.Status.BEANTWOORD: {PUBLICEREN: Vraag.Status.GEPUBLICEERD},
    Vraag.Status.GEPUBLICEERD: {},
    Vraag.Status.GESLOTEN: {},
}


@pytest.mark.parametrize("status", list(ALLOWED))
@pytest.mark.parametrize("step", list(STEPS))
def test_every_step_from_every_status(vraagbaak, deskundige, status, step):
    vraag = VraagFactory(status=status, toestemming_publicatie=True, behandelaar=deskundige)
    if step in ALLOWED[status]:
        STEPS[step](vraag, deskundige)
        vraag.refresh_from_db()
        assert vraag.status == ALLOWED[status][step]
    else:
        with pytest.raises(VraagbaakFout, match="kun je niet"):
            STEPS[step](vraag, deskundige)
        vraag.refresh_from_db()
        assert vraag.status == status


def test_publishing_needs_the_askers_consent(vraagbaak):
    vraag = VraagFactory(status=Vraag.Status.BEANTWOORD, toestemming_publicatie=False)
    with pytest.raises(VraagbaakFout, match="geen toestemming"):
        STEPS[PUBLICEREN](vraag, None)
    assert not VraagPage.objects.exists()
    assert PUBLICEREN not in vraag_acties(vraag, coordinator=True, behandelaar=False)


def test_who_may_take_which_step(vraagbaak, deskundige):
    vraag = VraagFactory(status=Vraag.Status.IN_BEHANDELING, behandelaar=deskundige)
    assert vraag_acties(vraag, coordinator=False, behandelaar=True) == [BEANTWOORDEN]
    assert vraag_acties(vraag, coordinator=False, behandelaar=False) == []
    assert vraag_acties(vraag, coordinator=True, behandelaar=False) == [
        BEANTWOORDEN,
        DOORSTUREN,
        SLUITEN,
    ]


def test_a_deskundige_sees_only_the_questions_routed_to_them(client, vraagbaak, deskundige):
    mine = VraagFactory(status=Vraag.Status.IN_BEHANDELING, behandelaar=deskundige)
    other = VraagFactory(vraag="Een vraag voor iemand anders", status=Vraag.Status.INGEDIEND)
    client.force_login(deskundige)
    listing = client.get("/admin/vraagbaak/").content.decode()
    assert mine.vraag in listing and other.vraag not in listing
    assert client.get(f"/admin/vraagbaak/edit/{other.pk}/").status_code == 404
    response = client.post(
        f"/admin/vraagbaak/edit/{other.pk}/", {"actie": SLUITEN, "reden": "Weg ermee"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == Vraag.Status.INGEDIEND


def test_a_deskundige_cannot_route_or_close(client, vraagbaak, deskundige):
    vraag = VraagFactory(status=Vraag.Status.IN_BEHANDELING, behandelaar=deskundige)
    client.force_login(deskundige)
    response = client.post(
        f"/admin/vraagbaak/edit/{vraag.pk}/", {"actie": SLUITEN, "reden": "Geen zin in"}
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.IN_BEHANDELING


def test_a_step_without_its_field_is_refused_in_dutch(client, vraagbaak, coordinator):
    vraag = VraagFactory()
    client.force_login(coordinator)
    response = client.post(f"/admin/vraagbaak/edit/{vraag.pk}/", {"actie": SLUITEN, "reden": ""})
    assert "Vul dit in voor deze stap." in response.content.decode()
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.INGEDIEND


def test_closing_tells_the_asker_why(vraagbaak, django_capture_on_commit_callbacks):
    vraag = VraagFactory()
    with django_capture_on_commit_callbacks(execute=True):
        vraag_sluiten(vraag=vraag, reden="Deze vraag hoort bij het Juridisch Loket.")
    assert "Juridisch Loket" in mail.outbox[-1].body
    assert mail.outbox[-1].to == [vraag.vrager.email]


def test_bad_input_gets_dutch_errors_and_keeps_what_was_typed(client, vraagbaak, vrager):
    client.force_login(vrager)
    response = client.post(
        "/kennisbank/vraagbaak/vraag-stellen/",
        {"vraag": "Wat werkt tegen eenzaamheid?", "toelichting": ""},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Kies een thema." in html
    assert "Vertel kort wat er speelt" in html
    assert 'value="Wat werkt tegen eenzaamheid?"' in html
    assert not Vraag.objects.exists()


def test_asking_needs_an_account(client, vraagbaak):
    response = client.get("/kennisbank/vraagbaak/vraag-stellen/")
    assert response.status_code == 302 and response.url.startswith("/account/login/?next=")


def test_only_the_asker_sees_their_question(client, vraagbaak):
    vraag = VraagFactory(toestemming_publicatie=False)
    client.force_login(UserFactory())
    assert client.get(f"/kennisbank/vraagbaak/mijn-vragen/{vraag.pk}/").status_code == 404
    toggle = f"/kennisbank/vraagbaak/mijn-vragen/{vraag.pk}/toestemming/"
    assert client.post(toggle, {"toestemming_publicatie": "on"}).status_code == 404
    vraag.refresh_from_db()
    assert not vraag.toestemming_publicatie
    assert vraag.vraag not in client.get("/kennisbank/vraagbaak/mijn-vragen/").content.decode()


def test_withdrawing_consent_takes_the_public_page_offline(client, vraagbaak):
    vraag = VraagFactory(status=Vraag.Status.BEANTWOORD, toestemming_publicatie=True)
    pagina = STEPS[PUBLICEREN](vraag, None)
    assert client.get(pagina.url).status_code == 200

    client.force_login(vraag.vrager)
    response = client.post(
        f"/kennisbank/vraagbaak/mijn-vragen/{vraag.pk}/toestemming/", follow=True
    )
    assert "Je vraag wordt niet openbaar gemaakt." in response.content.decode()
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.BEANTWOORD and not vraag.toestemming_publicatie
    assert not Page.objects.get(pk=pagina.pk).live
    client.logout()
    assert client.get(pagina.url).status_code == 404

    toestemming_wijzigen(vraag=vraag, toestemming=True)
    assert PUBLICEREN in vraag_acties(vraag, coordinator=True, behandelaar=False)


def test_too_many_questions_get_a_clear_message_and_keep_the_text(
    client, vraagbaak, vrager, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "formulier": ("2/h", "40/h")}
    thema = ThemaFactory()
    client.force_login(vrager)
    data = {"thema": thema.pk, "vraag": "Nog een vraag", "toelichting": "Uitleg"}
    for _ in range(2):
        assert client.post("/kennisbank/vraagbaak/vraag-stellen/", data).status_code == 302
    response = client.post("/kennisbank/vraagbaak/vraag-stellen/", data)
    html = response.content.decode()
    assert response.status_code == 429
    assert "te vaak iets verstuurd" in html and 'value="Nog een vraag"' in html
    assert Vraag.objects.count() == 2


def test_listing_shows_only_live_questions_and_filters_by_theme(client, vraagbaak):
    jeugd, wonen = ThemaFactory(label="Jeugd"), ThemaFactory(label="Wonen")
    VraagPageFactory(title="Vraag over jeugd", themas=[jeugd])
    VraagPageFactory(title="Vraag over wonen", themas=[wonen])
    VraagPageFactory(title="Concept over jeugd", themas=[jeugd]).unpublish()
    html = client.get(vraagbaak.url).content.decode()
    assert "Vraag over jeugd" in html and "Vraag over wonen" in html
    assert "Concept over jeugd" not in html
    filtered = client.get(vraagbaak.url, {"thema": jeugd.slug}).content.decode()
    assert "Vraag over jeugd" in filtered and "Vraag over wonen" not in filtered


def test_listing_query_count_does_not_grow(query_count, vraagbaak):
    VraagPageFactory(themas=[ThemaFactory()])
    query_count.assert_constant(
        vraagbaak.url,
        lambda: [VraagPageFactory(themas=[ThemaFactory()]) for _ in range(5)],
        maximum=15,
    )


def test_detail_query_count_does_not_grow(query_count, vraagbaak):
    vraag = VraagPageFactory(themas=[ThemaFactory()])
    query_count.assert_constant(
        vraag.url,
        lambda: vraag.themas.add(*[ThemaFactory() for _ in range(4)]),
        maximum=15,
    )


def test_a_question_sent_twice_is_asked_once(client, vraagbaak, vrager):
    client.force_login(vrager)
    url = "/kennisbank/vraagbaak/vraag-stellen/"
    data = {
        "thema": ThemaFactory().pk,
        "vraag": "Hoe vinden we vrijwilligers?",
        "toelichting": "Voor de speeltuin.",
        "verzendsleutel": verzendsleutel(client.get(url)),
    }

    eerste = client.post(url, data)
    tweede = client.post(url, data)

    vraag = Vraag.objects.get()
    assert eerste.url == tweede.url == f"/kennisbank/vraagbaak/mijn-vragen/{vraag.pk}/"
