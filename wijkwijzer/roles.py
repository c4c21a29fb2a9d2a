"""The platform's roles, as Django groups. Each project app may declare in its own `roles.py`
a `ROLE_PERMISSIONS` mapping of role name to permissions ("app_label.codename") that the role
needs for that app; `ensure_roles` gathers them. Area-bound roles (alliantie-medewerker of one
focus area) add a group per area on top of the role group: see gebieden.services.
Each app registers its mapping in its wagtail_hooks.py (wijkwijzer.haken.ROLRECHTEN)."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from wijkwijzer import haken

REDACTEUR = "Redacteur"
EINDREDACTEUR = "Eindredacteur"
ALLIANTIE_MEDEWERKER = "Alliantie-medewerker"
EXPERTPOOL_COORDINATOR = "Expertpool-coördinator"
MODERATOR = "Moderator"
LEERKRING_COORDINATOR = "Leerkring-coördinator"
VRAAGBAAK_COORDINATOR = "Vraagbaak-coördinator"
VRAAGBAAK_DESKUNDIGE = "Vraagbaak-deskundige"
ROLES = (
    REDACTEUR,
    EINDREDACTEUR,
    ALLIANTIE_MEDEWERKER,
    EXPERTPOOL_COORDINATOR,
    MODERATOR,
    LEERKRING_COORDINATOR,
    VRAAGBAAK_COORDINATOR,
    VRAAGBAAK_DESKUNDIGE,
)

ADMIN_ACCESS = "wagtailadmin.access_admin"
ROLE_PERMISSIONS = {role: [ADMIN_ACCESS] for role in ROLES}

# Redacteuren write and submit for review; eindredacteuren approve and publish (see
# wijkwijzer.services.ensure_review_workflow). In Wagtail anyone with publish permission can
# bypass a workflow, so redacteuren do not get it. Area-bound roles get page permissions on
# their own area only (gebieden.services).
_EDIT = ["add_page", "change_page", "lock_page", "unlock_page"]
PAGE_PERMISSIONS = {REDACTEUR: _EDIT, EINDREDACTEUR: [*_EDIT, "publish_page"]}
MEDIA_PERMISSIONS = ["add_image", "choose_image", "add_document", "choose_document"]
COLLECTION_PERMISSIONS = {
    REDACTEUR: [*MEDIA_PERMISSIONS, "change_image", "change_document"],
    EINDREDACTEUR: [*MEDIA_PERMISSIONS, "change_image", "change_document"],
    ALLIANTIE_MEDEWERKER: MEDIA_PERMISSIONS,
}


def permissions_by_name(names: Iterable[str]) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


WAGTAIL_APP_OF_MODEL = {"page": "wagtailcore", "image": "wagtailimages", "document": "wagtaildocs"}


def wagtail_permission(codename: str) -> Permission:
    app_label = WAGTAIL_APP_OF_MODEL[codename.rsplit("_", 1)[1]]
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles() -> dict[str, Group]:
    """Create the role groups and grant what the apps declare. Idempotent; never removes a
    permission an administrator added by hand."""
    grants: dict[str, set[str]] = defaultdict(set)
    for rechten in haken.ROLRECHTEN.alle():
        for role, names in rechten.items():
            grants[role].update(names)

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*permissions_by_name(sorted(grants[role])))
        if root_page is not None:
            for codename in PAGE_PERMISSIONS.get(role, []):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=wagtail_permission(codename)
                )
        if root_collection is not None:
            for codename in COLLECTION_PERMISSIONS.get(role, []):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=wagtail_permission(codename)
                )
        groups[role] = group
    return groups


def ensure_roles_after_migrate(using: str = "default", **kwargs: Any) -> None:
    # Django creates each app's permissions in its own post_migrate handler, some of which run
    # after this one; create them all first so every declared permission exists.
    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    ensure_roles()
