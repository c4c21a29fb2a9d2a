"""What editors meet in and on the way to the admin: setting up the authenticator app when the
QR code cannot be scanned, a superuser named for what they are, no avatars from a third party,
each role once among the groups, and menu labels that fit the sidebar."""

import importlib
import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.admin.menu import admin_menu
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from tests.conftest import past_op_scherm
from tests.factories import FocusgebiedPageFactory, UserFactory
from tests.wijkwijzer.test_accounts import totp_code
from wijkwijzer.models import User
from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR, ROLES

WACHTWOORD = "Zonnebloem-2026!"
# Wagtail's sidebar cuts a longer label off with an ellipsis ("Participatie: moder…").
MENU_LABEL_MAX = 20
ADMIN_PAGES = ["/admin/", "/admin/users/", "/admin/pages/", "/admin/account/"]


def new_superuser() -> User:
    """A superuser as `createsuperuser` makes one: no display name, a verified address."""
    user = User.objects.create_superuser("beheer", "beheer@example.nl", WACHTWOORD)
    user.emailaddress_set.create(email=user.email, verified=True, primary=True)
    return user


def top_menu_labels() -> list[str]:
    """The labels in the admin menu's top level, whoever may see them. (A submenu's own items
    wrap onto a second line instead of being cut off.)"""
    return [str(item.label) for item in admin_menu.registered_menu_items]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_sets_up_the_authenticator_app_by_typing_the_secret(page, roles):
    editor = UserFactory(email="redactie@example.nl", password=WACHTWOORD)
    editor.groups.add(roles[REDACTEUR])

    page.goto("/admin/")
    page.get_by_label("E-mail").fill("redactie@example.nl")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()
    # Sent to set up the second factor; allauth asks for the password once more first.
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Bevestig").click()

    expect(page.get_by_role("heading", name="Authenticator-app instellen")).to_be_visible()
    expect(page.locator("input[disabled]")).to_have_count(0)
    # Read as a person would who cannot scan: the key in blocks of four, and once more whole.
    in_blocks = page.get_by_text("Sleutel", exact=True).locator("xpath=following::code[1]")
    whole = page.get_by_text("zonder spaties", exact=False).locator("xpath=following::code[1]")
    secret = whole.inner_text()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    assert in_blocks.inner_text() == " ".join(re.findall(".{4}", secret))
    page.set_viewport_size({"width": 320, "height": 640})
    assert past_op_scherm(page), "de sleutel past niet op een smal scherm"

    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activeren").click()

    expect(page.get_by_text("Authenticator-app geactiveerd")).to_be_visible()
    assert Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP)
    # From now on the admin asks for a code from the app.
    page.goto("/admin/")
    expect(page.get_by_text("Vul de code uit je app in")).to_be_visible()


def test_a_new_superuser_is_greeted_as_beheerder_not_deelnemer(client, home):
    beheerder = new_superuser()
    secret = generate_totp_secret()
    TOTP.activate(beheerder, secret)

    client.post("/account/login/", {"login": "beheer@example.nl", "password": WACHTWOORD})
    client.post("/account/2fa/authenticate/", {"code": totp_code(secret)})
    dashboard = client.get("/admin/").content.decode()

    assert "Je bent nu ingelogd als Beheerder." in dashboard
    assert "Deelnemer" not in dashboard
    assert beheerder.public_name == "Beheerder"


def test_staff_without_display_name_are_named_by_their_role(roles):
    redacteur = UserFactory(display_name="")
    redacteur.groups.add(roles[REDACTEUR])
    assert redacteur.public_name == "Redacteur"
    assert UserFactory(display_name="").public_name == "Deelnemer"


@pytest.mark.django_db
def test_no_admin_page_loads_an_avatar_from_gravatar(client, home):
    beheerder = new_superuser()
    TOTP.activate(beheerder, generate_totp_secret())
    client.force_login(beheerder)

    for path in ADMIN_PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "gravatar" not in response.content.decode().lower(), path


@pytest.mark.django_db
def test_after_migrating_the_groups_are_exactly_the_roles():
    # The test database was made by `migrate`; its post_migrate handler created the roles.
    assert sorted(Group.objects.values_list("name", flat=True)) == sorted(ROLES)
    assert not Workflow.objects.filter(name="Moderators approval").exists()


@pytest.mark.django_db
def test_members_of_wagtails_default_groups_keep_access_in_the_matching_role(roles):
    migration = importlib.import_module("wijkwijzer.migrations.0005_wagtail_standaardgroepen_weg")
    editors = Group.objects.create(name="Editors")
    moderators = Group.objects.create(name="Moderators")
    schrijver, publiceerder = UserFactory(), UserFactory()
    editors.user_set.add(schrijver)
    moderators.user_set.add(publiceerder)
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    migration.remove_wagtail_default_groups(apps, None)

    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert list(schrijver.groups.values_list("name", flat=True)) == [REDACTEUR]
    assert list(publiceerder.groups.values_list("name", flat=True)) == [EINDREDACTEUR]
    # The default workflow was never used, so it went with the group.
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not GroupApprovalTask.objects.filter(name="Moderators approval").exists()


@pytest.mark.django_db
def test_admin_menu_labels_fit_the_sidebar():
    labels = top_menu_labels()

    assert "Moderatie inbreng" in labels
    too_long = [label for label in labels if len(label) > MENU_LABEL_MAX]
    assert not too_long, f"langer dan {MENU_LABEL_MAX} tekens: {too_long}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_menu_label_is_cut_off_in_the_sidebar(page, gebieden_index, browser_login):
    FocusgebiedPageFactory(parent=gebieden_index)  # so that moderation is in the menu too
    beheerder = UserFactory(is_superuser=True)
    TOTP.activate(beheerder, generate_totp_secret())
    browser_login(beheerder)

    page.goto("/admin/")
    labels = page.locator(".sidebar-main-menu .menuitem-label")
    expect(labels.first).to_be_visible()
    expect(page.get_by_role("link", name="Moderatie inbreng")).to_be_visible()
    cut_off = labels.evaluate_all(
        "labels => labels.filter(l => l.scrollWidth > l.clientWidth).map(l => l.textContent)"
    )
    assert not cut_off
