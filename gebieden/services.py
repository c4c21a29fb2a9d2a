"""Writes for the shared domain: binding alliance staff to their focus area."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from gebieden.models import FocusgebiedPage
from gebieden.selectors import eigen_gebieden
from wijkwijzer.models import User
from wijkwijzer.roles import ALLIANTIE_MEDEWERKER

# What an alliance's staff may do with their own area page and everything below it
# (meetings, later participation processes). Publishing stays with them: it is their area.
AREA_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


@transaction.atomic
def ensure_alliantie_groep(gebied: FocusgebiedPage) -> Group:
    """The group holding the alliance staff of `gebied`, with page permissions on the area's
    subtree. Idempotent."""
    group = gebied.alliantie_groep
    if group is None:
        group, _ = Group.objects.get_or_create(name=f"Alliantie {gebied.title}")
        FocusgebiedPage.objects.filter(pk=gebied.pk).update(alliantie_groep=group)
        gebied.alliantie_groep = group
    for codename in AREA_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=gebied,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


@transaction.atomic
def add_alliantie_medewerker(*, user: User, gebied: FocusgebiedPage) -> None:
    """Make `user` a staff member of the alliance of `gebied` (one user may serve several)."""
    user.groups.add(Group.objects.get(name=ALLIANTIE_MEDEWERKER), ensure_alliantie_groep(gebied))


@transaction.atomic
def remove_alliantie_medewerker(*, user: User, gebied: FocusgebiedPage) -> None:
    if gebied.alliantie_groep_id is not None:
        user.groups.remove(gebied.alliantie_groep_id)
    if not eigen_gebieden(user).exists():
        user.groups.remove(Group.objects.get(name=ALLIANTIE_MEDEWERKER))
