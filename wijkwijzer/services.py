import secrets
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from wijkwijzer.models import HomePage, User
from wijkwijzer.roles import EINDREDACTEUR

HOME_INTRO = _(
    "WijkWijzer brengt kennis en inbreng samen voor de twintig stedelijke focusgebieden van "
    "het Nationaal Programma Leefbaarheid en Veiligheid. Hier vind je wat er in elk gebied "
    "gebeurt, wie er samenwerken in de alliantie, en wat er met de inbreng van bewoners wordt "
    "gedaan."
)


@transaction.atomic
def ensure_home_page() -> HomePage:
    """The site's home page and default Site. Replaces the placeholder page that Wagtail's
    first migration creates. Idempotent."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        # Wagtail's own "Welcome" page is a plain Page; ours replaces it.
        root.get_children().exact_type(Page).filter(slug="home").delete()
        root.refresh_from_db()
        home = HomePage(title="WijkWijzer", slug="home", intro=HOME_INTRO, live=True)
        root.add_child(instance=home)
    # The public address (WAGTAILADMIN_BASE_URL) is the site's: absolute links in the sitemap
    # and in e-mails use it.
    adres = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": adres.hostname or "localhost",
            "port": adres.port or (443 if adres.scheme == "https" else 80),
            "root_page": home,
            "site_name": "WijkWijzer",
        },
    )
    ensure_review_workflow(home)
    return home


REVIEW_WORKFLOW = "Redactionele review"
REVIEW_TASK = "Eindredactie"


def ensure_review_workflow(home: HomePage) -> Workflow:
    """Every page on the site goes through review before publishing: a redacteur submits, an
    eindredacteur approves (and thereby publishes) or asks for changes. Idempotent."""
    group, _ = Group.objects.get_or_create(name=EINDREDACTEUR)
    task, created = GroupApprovalTask.objects.get_or_create(name=REVIEW_TASK)
    if created:
        task.groups.set([group])
    workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def profile_update(*, user: User, display_name: str) -> User:
    user.display_name = display_name
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name"])
    return user


@transaction.atomic
def account_for_email(email: str, display_name: str) -> tuple[User, bool]:
    """The account of whoever just proved they read `email` (by following a single-use link),
    created if there is none: a light account with a verified address and no password, which
    its owner can give a password later through "Wachtwoord vergeten". Returns (user, created)."""
    existing = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    if existing is not None:
        if not existing.verified:
            existing.verified = True
            existing.save(update_fields=["verified"])
        return existing.user, False
    found = User.objects.filter(email__iexact=email).first()
    created = found is None
    user = found or User(username=f"deelnemer-{secrets.token_hex(6)}", email=email)
    if created:
        user.display_name = display_name
        user.set_unusable_password()
        user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user, created
