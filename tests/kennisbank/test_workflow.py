"""Review before publishing: a redacteur writes and submits a practice example, an
eindredacteur approves it (which publishes it) or sends it back."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail

from kennisbank.models import PraktijkvoorbeeldPage
from tests.factories import PraktijkvoorbeeldIndexPageFactory, UserFactory
from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR

pytestmark = pytest.mark.django_db


def staff(roles, role):
    user = UserFactory()
    user.groups.add(roles[role])
    TOTP.activate(user, generate_totp_secret())
    return user


def form_data(title: str, action: str) -> dict:
    empty_stream = {f"{name}-count": "0" for name in ("body", "bronnen", "bijlagen")}
    return {
        "title": title,
        "slug": "buurtbemiddeling",
        "samenvatting": "Vrijwilligers helpen buren ruzies op te lossen.",
        "publicatiedatum": "2026-11-01",
        **empty_stream,
        **{
            f"{inline}-{suffix}": value
            for inline in ("comments", "beoordelingen")
            for suffix, value in (
                ("TOTAL_FORMS", "0"),
                ("INITIAL_FORMS", "0"),
                ("MIN_NUM_FORMS", "0"),
                ("MAX_NUM_FORMS", "1000"),
            )
        },
        action: "1",
    }


def test_redacteur_submits_and_eindredacteur_approves(client, home, roles):
    lijst = PraktijkvoorbeeldIndexPageFactory()
    redacteur, eindredacteur = staff(roles, REDACTEUR), staff(roles, EINDREDACTEUR)

    redacteur.email, eindredacteur.email = "redactie@example.nl", "eindredactie@example.nl"
    redacteur.save()
    eindredacteur.save()
    client.force_login(redacteur)
    response = client.post(
        f"/admin/pages/add/kennisbank/praktijkvoorbeeldpage/{lijst.pk}/",
        form_data("Buurtbemiddeling", "action-submit"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = PraktijkvoorbeeldPage.objects.get(slug="buurtbemiddeling")
    assert not page.live
    assert not page.permissions_for_user(redacteur).can_publish()
    assert page.workflow_in_progress
    # Wagtail tells the eindredacteuren that something waits for their review.
    assert any("eindredactie@example.nl" in message.to for message in mail.outbox)

    task_state = page.current_workflow_task_state
    task = task_state.task.specific
    assert "approve" in [action for action, *_ in task.get_actions(page, eindredacteur)]
    assert "approve" not in [action for action, *_ in task.get_actions(page, redacteur)]
    client.force_login(eindredacteur)
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})

    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200


def test_redacteur_cannot_publish_directly(client, home, roles):
    lijst = PraktijkvoorbeeldIndexPageFactory()
    client.force_login(staff(roles, REDACTEUR))

    client.post(
        f"/admin/pages/add/kennisbank/praktijkvoorbeeldpage/{lijst.pk}/",
        form_data("Poging", "action-publish"),
    )

    page = PraktijkvoorbeeldPage.objects.filter(slug="buurtbemiddeling").first()
    assert page is None or not page.live
