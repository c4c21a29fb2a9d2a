"""Support requests: from submission to match to close, with a timeline of every change, the
coordinator's ranked proposals, the expert's single-use link, and who may see what."""

import datetime
import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.utils import timezone

from kennisbank.expertpool.models import Fase, Ondersteuningsaanvraag, Uitnodiging
from kennisbank.expertpool.selectors import voorgestelde_experts
from kennisbank.expertpool.services import (
    OVERGANGEN,
    ExpertpoolFout,
    expert_uitnodigen,
    overgang,
    uitnodiging_beantwoorden,
)
from tests.conftest import verzendsleutel
from tests.factories import (
    ExpertPageFactory,
    ExpertpoolPageFactory,
    FocusgebiedPageFactory,
    OndersteuningsaanvraagFactory,
    ThemaFactory,
    UserFactory,
)
from wijkwijzer.roles import EXPERTPOOL_COORDINATOR, REDACTEUR

pytestmark = pytest.mark.django_db
S = Ondersteuningsaanvraag.Status


@pytest.fixture
def coordinator(roles):
    user = UserFactory(email="coordinator@example.nl", display_name="Coördinator")
    user.groups.add(roles[EXPERTPOOL_COORDINATOR])
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def pool(home):
    return ExpertpoolPageFactory()


@pytest.fixture
def jeugd():
    return ThemaFactory(label="Jeugd", slug="jeugd")


def link_in(message) -> str:
    return re.search(r"http://[^/]+(/expertpool/uitnodiging/[^/\s]+/)", message.body).group(1)


def test_request_travels_from_submission_to_match_to_close(
    client, pool, coordinator, jeugd, django_capture_on_commit_callbacks
):
    gebied = FocusgebiedPageFactory(title="Utrecht Overvecht", provincie="utrecht")
    expert = ExpertPageFactory(
        title="Mehmet Yilmaz",
        themas=[jeugd],
        fasen=["ontwerp"],
        regios=["utrecht"],
        gebruiker=UserFactory(email="mehmet@example.nl"),
    )
    ExpertPageFactory(title="Minder passend", fasen=["uitvoering"])
    aanvrager = UserFactory(email="gemeente@example.nl", display_name="Petra")

    client.force_login(aanvrager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/expertpool/aanvragen/",
            {
                "organisatie": "Gemeente Utrecht",
                "focusgebied": gebied.pk,
                "vraag": "Hoe betrekken we sportclubs bij de jeugdaanpak?",
                "fase": Fase.objects.get(slug="ontwerp").pk,
                "themas": [jeugd.pk],
                "urgentie": "hoog",
                "periode": "komende twee maanden",
            },
            follow=True,
        )
    aanvraag = Ondersteuningsaanvraag.objects.get()
    assert response.redirect_chain[-1][0] == f"/expertpool/mijn-aanvragen/{aanvraag.pk}/"
    assert {m.to[0] for m in mail.outbox} == {"gemeente@example.nl", "coordinator@example.nl"}

    client.force_login(coordinator)
    assert "Gemeente Utrecht" in client.get("/admin/ondersteuningsaanvragen/").content.decode()
    edit = f"/admin/ondersteuningsaanvragen/edit/{aanvraag.pk}/"
    form = client.get(edit).content.decode()
    assert form.index("Mehmet Yilmaz (score") < form.index("Minder passend (score")
    assert "Expertise: Jeugd" in form and "Ondersteunt de fase ontwerp" in form
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit, {"actie": "in_behandeling_nemen"})
        client.post(edit, {"actie": "uitnodigen", "expert": expert.pk})
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.EXPERT_VOORGESTELD
    invitation = mail.outbox[-1]
    assert invitation.to == ["mehmet@example.nl"]
    link = link_in(invitation)

    client.logout()
    page = client.get(link).content.decode()
    assert "Hoe betrekken we sportclubs" in page and "gemeente@example.nl" not in page
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.EXPERT_VOORGESTELD  # opening the link changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"besluit": "accepteren"})
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.GEMATCHT and aanvraag.expert == expert
    intro = {m.to[0]: m.body for m in mail.outbox if "Kennismaking" in m.subject}
    assert "mehmet@example.nl" in intro["gemeente@example.nl"]
    assert "gemeente@example.nl" in intro["mehmet@example.nl"]
    assert "al beantwoord" in client.get(link).content.decode()
    client.post(link, {"besluit": "afwijzen"})
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.GEMATCHT  # the link works once

    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            edit,
            {"actie": "afronden", "uitkomst": "Drie sportclubs doen mee.", "openbaar": "on"},
        )
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.AFGEROND
    assert "Drie sportclubs doen mee." in client.get(expert.url).content.decode()

    client.force_login(aanvrager)
    client.post(
        f"/expertpool/mijn-aanvragen/{aanvraag.pk}/feedback/",
        {"waardering": "5", "feedback": "Heel bruikbaar"},
    )
    aanvraag.refresh_from_db()
    assert aanvraag.waardering == 5
    timeline = client.get(f"/expertpool/mijn-aanvragen/{aanvraag.pk}/").content.decode()
    for status in ("ingediend", "in behandeling", "expert voorgesteld", "gematcht", "afgerond"):
        assert f"status {status}" in timeline
    assert "(Coördinator)" in timeline
    assert list(aanvraag.gebeurtenissen.values_list("naar_status", flat=True)) == [
        S.INGEDIEND,
        S.IN_BEHANDELING,
        S.EXPERT_VOORGESTELD,
        S.GEMATCHT,
        S.AFGEROND,
    ]


@pytest.mark.parametrize("van", S.values)
@pytest.mark.parametrize("naar", S.values)
def test_every_transition_is_allowed_or_refused_by_the_table(home, van, naar):
    aanvraag = OndersteuningsaanvraagFactory(status=van)
    door = UserFactory()
    if (van, naar) in OVERGANGEN:
        overgang(aanvraag, naar, door=door)
        aanvraag.refresh_from_db()
        assert aanvraag.status == naar
        entry = aanvraag.gebeurtenissen.get()
        assert (entry.van_status, entry.naar_status, entry.wie) == (van, naar, door)
    else:
        with pytest.raises(ExpertpoolFout, match="kan niet naar"):
            overgang(aanvraag, naar, door=door)
        aanvraag.refresh_from_db()
        assert aanvraag.status == van and not aanvraag.gebeurtenissen.exists()


def test_proposals_are_ranked_by_fit_with_reasons(pool, jeugd):
    wonen = ThemaFactory(label="Wonen")
    gebied = FocusgebiedPageFactory(provincie="utrecht")
    aanvraag = OndersteuningsaanvraagFactory(focusgebied=gebied, themas=[jeugd, wonen])
    best = ExpertPageFactory(
        title="Best", themas=[jeugd, wonen], fasen=["ontwerp"], regios=["utrecht"]
    )
    busy = ExpertPageFactory(
        title="Druk", themas=[jeugd, wonen], fasen=["ontwerp"], regios=["utrecht"]
    )
    OndersteuningsaanvraagFactory(status=S.GEMATCHT, expert=busy)
    OndersteuningsaanvraagFactory(status=S.GEMATCHT, expert=busy)
    ExpertPageFactory(title="Landelijk", themas=[jeugd], regios=["landelijk"])
    ExpertPageFactory(title="Beperkt", themas=[jeugd], beschikbaarheid="beperkt")
    ExpertPageFactory(title="Afwezig", themas=[jeugd, wonen], beschikbaarheid="niet")
    ExpertPageFactory(title="Zonder account", themas=[jeugd, wonen], gebruiker=None)

    ranked = voorgestelde_experts(aanvraag)

    assert [v.expert.title for v in ranked] == ["Best", "Druk", "Landelijk", "Beperkt"]
    assert [v.score for v in ranked] == [11, 9, 6, 4]
    assert ranked[0].redenen == [
        "Expertise: Jeugd, Wonen",
        "Ondersteunt de fase ontwerp",
        "Werkt in Utrecht",
        "Beschikbaar",
    ]
    assert "2 lopende opdracht(en)" in ranked[1].redenen
    assert best.pk not in [v.expert.pk for v in voorgestelde_experts(aanvraag, limit=0)]


def test_an_expert_already_invited_is_not_proposed_again(pool, jeugd, coordinator):
    aanvraag = OndersteuningsaanvraagFactory(themas=[jeugd])
    expert = ExpertPageFactory(themas=[jeugd])
    uitnodiging, _ = expert_uitnodigen(aanvraag=aanvraag, expert=expert, door=coordinator)
    uitnodiging_beantwoorden(uitnodiging=uitnodiging, accepteren=False, door=None)
    assert expert not in [v.expert for v in voorgestelde_experts(aanvraag)]


def test_an_expired_link_is_refused(client, pool, coordinator):
    aanvraag = OndersteuningsaanvraagFactory()
    uitnodiging, token = expert_uitnodigen(
        aanvraag=aanvraag, expert=ExpertPageFactory(), door=coordinator
    )
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(
        verloopt_op=timezone.now() - datetime.timedelta(minutes=1)
    )
    link = f"/expertpool/uitnodiging/{token}/"
    assert "verlopen" in client.get(link).content.decode()
    response = client.post(link, {"besluit": "accepteren"})
    assert response.status_code == 400
    assert "verlopen of al beantwoord" in response.content.decode()
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.EXPERT_VOORGESTELD
    assert client.get("/expertpool/uitnodiging/verzonnen-token/").status_code == 404
    assert not Uitnodiging.objects.filter(token_hash=token).exists()  # only the hash is kept


@pytest.mark.parametrize("afloop", ["beantwoord", "verlopen"])
def test_a_used_or_expired_link_shows_nothing_of_the_request(client, pool, coordinator, afloop):
    aanvraag = OndersteuningsaanvraagFactory(
        organisatie="Gemeente Zaanstad", vraag="Hoe betrekken we jongeren bij de herinrichting?"
    )
    uitnodiging, token = expert_uitnodigen(
        aanvraag=aanvraag, expert=ExpertPageFactory(), door=coordinator
    )
    link = f"/expertpool/uitnodiging/{token}/"
    assert "Gemeente Zaanstad" in client.get(link).content.decode()
    if afloop == "beantwoord":
        uitnodiging_beantwoorden(uitnodiging=uitnodiging, accepteren=True, door=None)
    else:
        Uitnodiging.objects.filter(pk=uitnodiging.pk).update(
            verloopt_op=timezone.now() - datetime.timedelta(minutes=1)
        )

    html = client.get(link).content.decode()

    assert "Deze uitnodiging is niet meer geldig" in html
    assert "Gemeente Zaanstad" not in html and "jongeren" not in html
    assert aanvraag.gebied_naam not in html


def test_declining_returns_the_request_to_the_coordinator(
    pool, coordinator, django_capture_on_commit_callbacks
):
    aanvraag = OndersteuningsaanvraagFactory()
    uitnodiging, _ = expert_uitnodigen(
        aanvraag=aanvraag, expert=ExpertPageFactory(title="Koen"), door=coordinator
    )
    with django_capture_on_commit_callbacks(execute=True):
        uitnodiging_beantwoorden(
            uitnodiging=uitnodiging, accepteren=False, door=None, toelichting="Te druk"
        )
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.IN_BEHANDELING
    assert "Koen kan niet helpen. Te druk" in aanvraag.gebeurtenissen.last().tekst
    assert any(m.to == ["coordinator@example.nl"] for m in mail.outbox)


def test_requester_adds_information_and_withdraws(
    client, pool, coordinator, django_capture_on_commit_callbacks
):
    aanvraag = OndersteuningsaanvraagFactory()
    expert_uitnodigen(aanvraag=aanvraag, expert=ExpertPageFactory(), door=coordinator)
    client.force_login(aanvraag.aanvrager)
    detail = f"/expertpool/mijn-aanvragen/{aanvraag.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(detail + "aanvullen/", {"tekst": "De wethouder wil ook meedoen."})
    assert "De wethouder wil ook meedoen." in client.get(detail).content.decode()
    assert mail.outbox[-1].to == ["coordinator@example.nl"]

    client.post(detail + "intrekken/")
    aanvraag.refresh_from_db()
    assert aanvraag.status == S.INGETROKKEN
    assert aanvraag.uitnodigingen.get().status == Uitnodiging.Status.INGETROKKEN
    response = client.post(detail + "aanvullen/", {"tekst": "Nog iets"})
    assert "aanvullen kan niet meer" in response.content.decode()


def test_requesters_see_only_their_own_requests(client, pool):
    mine = OndersteuningsaanvraagFactory(organisatie="Mijn gemeente")
    other = OndersteuningsaanvraagFactory(organisatie="Andere gemeente")
    client.force_login(mine.aanvrager)
    listing = client.get("/expertpool/mijn-aanvragen/").content.decode()
    assert "Mijn gemeente" in listing and "Andere gemeente" not in listing
    base = f"/expertpool/mijn-aanvragen/{other.pk}/"
    assert client.get(base).status_code == 404
    for action, data in (
        ("aanvullen/", {"tekst": "x"}),
        ("intrekken/", {}),
        ("feedback/", {"waardering": "1"}),
    ):
        assert client.post(base + action, data).status_code == 404
    other.refresh_from_db()
    assert other.status == S.INGEDIEND and not other.gebeurtenissen.exists()


def test_experts_see_only_their_own_invitations(client, pool, coordinator):
    mine, other = ExpertPageFactory(), ExpertPageFactory()
    for expert, organisatie in ((mine, "Voor mij"), (other, "Voor een ander")):
        expert_uitnodigen(
            aanvraag=OndersteuningsaanvraagFactory(organisatie=organisatie),
            expert=expert,
            door=coordinator,
        )
    client.force_login(mine.gebruiker)
    page = client.get("/expertpool/mijn-uitnodigingen/").content.decode()
    assert "Voor mij" in page and "Voor een ander" not in page
    theirs = other.uitnodigingen.get()
    assert client.post(f"/expertpool/mijn-uitnodigingen/{theirs.pk}/").status_code == 404
    client.post(
        f"/expertpool/mijn-uitnodigingen/{mine.uitnodigingen.get().pk}/",
        {"besluit": "accepteren"},
    )
    assert mine.uitnodigingen.get().status == Uitnodiging.Status.GEACCEPTEERD
    assert theirs.status == Uitnodiging.Status.OPEN


def test_only_coordinators_work_the_queue(client, pool, roles):
    aanvraag = OndersteuningsaanvraagFactory()
    redacteur = UserFactory()
    redacteur.groups.add(roles[REDACTEUR])
    TOTP.activate(redacteur, generate_totp_secret())
    client.force_login(redacteur)
    for url in (
        "/admin/ondersteuningsaanvragen/",
        f"/admin/ondersteuningsaanvragen/edit/{aanvraag.pk}/",
        "/admin/expertpool/cijfers/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Gemeente Utrecht" not in response.content.decode()


def test_coordinator_exports_csv_and_sees_figures(client, pool, coordinator):
    gebied = FocusgebiedPageFactory(title="Heerlen-Noord")
    matched = OndersteuningsaanvraagFactory(focusgebied=gebied, organisatie="Gemeente Heerlen")
    OndersteuningsaanvraagFactory(organisatie='=HYPERLINK("http://x.example")')
    Ondersteuningsaanvraag.objects.filter(pk=matched.pk).update(
        ingediend_op=timezone.now() - datetime.timedelta(days=10),
        gematcht_op=timezone.now() - datetime.timedelta(days=4),
    )
    OndersteuningsaanvraagFactory()
    client.force_login(coordinator)

    csv = client.get("/admin/ondersteuningsaanvragen/?export=csv")
    body = b"".join(csv.streaming_content).decode()
    assert csv["Content-Type"].startswith("text/csv")
    assert "Gemeente Heerlen" in body and len(body.strip().splitlines()) == 4
    assert ',"\'=HYPERLINK(""http://x.example"")",' in body  # text, not a formula

    figures = client.get("/admin/expertpool/cijfers/").content.decode()
    assert "Mediaan tot een match: 6,0 dagen (1 gematcht)" in figures
    assert "Heerlen-Noord" in figures


def test_bad_input_gets_dutch_errors_and_keeps_what_was_typed(client, pool):
    client.force_login(UserFactory())
    response = client.post(
        "/expertpool/aanvragen/",
        {"organisatie": "Gemeente Delft", "vraag": "", "periode": "2027"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    for message in (
        "Beschrijf je vraag.",
        "Kies de fase.",
        "Kies minstens één thema.",
        "Kies een focusgebied of vul de gemeente in.",
    ):
        assert message in html
    assert 'value="Gemeente Delft"' in html
    assert not Ondersteuningsaanvraag.objects.exists()


def test_a_request_sent_twice_is_one_request(client, pool, jeugd):
    client.force_login(UserFactory())
    data = {
        "organisatie": "Gemeente Delft",
        "gemeente": "Delft",
        "vraag": "Hoe betrekken we sportclubs?",
        "fase": Fase.objects.get(slug="ontwerp").pk,
        "themas": [jeugd.pk],
        "urgentie": "hoog",
        "periode": "dit najaar",
        "verzendsleutel": verzendsleutel(client.get("/expertpool/aanvragen/")),
    }

    for _ in range(2):
        assert client.post("/expertpool/aanvragen/", data).status_code == 302

    assert Ondersteuningsaanvraag.objects.count() == 1
