"""Who may edit which area: alliance staff only their own area (and one person may serve
several), redacteuren everything, other roles no pages. Tested as a matrix over roles."""

import pytest
import rules

from gebieden.services import add_alliantie_medewerker, remove_alliantie_medewerker
from tests.factories import AlliantieoverlegPageFactory, FocusgebiedPageFactory, UserFactory
from wijkwijzer.roles import (
    ALLIANTIE_MEDEWERKER,
    EINDREDACTEUR,
    EXPERTPOOL_COORDINATOR,
    MODERATOR,
    REDACTEUR,
    ROLES,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas(gebieden_index, roles):
    from gebieden.services import ensure_alliantie_groep

    own, other = (
        FocusgebiedPageFactory(parent=gebieden_index),
        FocusgebiedPageFactory(parent=gebieden_index),
    )
    for area in (own, other):
        ensure_alliantie_groep(area)
    return own, other


def user_with(role: str, roles: dict, area) -> object:
    if role == "bewoner":
        return UserFactory()
    if role == "superuser":
        return UserFactory(is_superuser=True)
    user = UserFactory()
    if role == ALLIANTIE_MEDEWERKER:
        add_alliantie_medewerker(user=user, gebied=area)
    else:
        user.groups.add(roles[role])
    return user


# role -> (may edit own area, may edit other area, may publish directly)
MATRIX = {
    "bewoner": (False, False, False),
    ALLIANTIE_MEDEWERKER: (True, False, True),
    REDACTEUR: (True, True, False),
    EINDREDACTEUR: (True, True, True),
    MODERATOR: (False, False, False),
    EXPERTPOOL_COORDINATOR: (False, False, False),
    "superuser": (True, True, True),
}


@pytest.mark.parametrize("role", MATRIX)
def test_area_edit_matrix(role, areas, roles):
    own, other = areas
    meeting = AlliantieoverlegPageFactory(parent=own)
    user = user_with(role, roles, own)
    may_own, may_other, may_publish = MATRIX[role]

    assert own.permissions_for_user(user).can_edit() is may_own
    assert meeting.permissions_for_user(user).can_edit() is may_own
    assert own.permissions_for_user(user).can_publish() is may_publish
    assert other.permissions_for_user(user).can_edit() is may_other
    assert rules.has_perm("gebieden.beheer_focusgebied", user, own) is may_own
    assert rules.has_perm("gebieden.beheer_focusgebied", user, other) is may_other


def test_every_role_reaches_the_admin_and_residents_do_not(roles, areas):
    for role in ROLES:
        user = UserFactory()
        user.groups.add(roles[role])
        assert user.has_perm("wagtailadmin.access_admin"), role
    assert not UserFactory().has_perm("wagtailadmin.access_admin")


def test_staff_of_two_areas_and_removal_from_one(areas):
    own, other = areas
    user = UserFactory()
    add_alliantie_medewerker(user=user, gebied=own)
    add_alliantie_medewerker(user=user, gebied=other)
    assert other.permissions_for_user(user).can_edit()

    remove_alliantie_medewerker(user=user, gebied=other)
    user = type(user).objects.get(pk=user.pk)  # fresh permission cache

    assert own.permissions_for_user(user).can_edit()
    assert not other.permissions_for_user(user).can_edit()
    assert user.groups.filter(name=ALLIANTIE_MEDEWERKER).exists()

    remove_alliantie_medewerker(user=user, gebied=own)
    assert not user.groups.filter(name=ALLIANTIE_MEDEWERKER).exists()


def test_new_area_created_in_admin_gets_its_alliance_group(client, gebieden_index, roles):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from gebieden.models import FocusgebiedPage

    admin = UserFactory(is_superuser=True)
    TOTP.activate(admin, generate_totp_secret())
    client.force_login(admin)

    response = client.post(
        f"/admin/pages/add/gebieden/focusgebiedpage/{gebieden_index.pk}/",
        {
            "title": "Nieuwe Wijk",
            "slug": "nieuwe-wijk",
            "gemeente": "Zwolle",
            "provincie": "overijssel",
            "meldingsdrempel": "3",
            "alliantieleden-TOTAL_FORMS": "0",
            "alliantieleden-INITIAL_FORMS": "0",
            "alliantieleden-MIN_NUM_FORMS": "0",
            "alliantieleden-MAX_NUM_FORMS": "1000",
            "action-publish": "publish",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    area = FocusgebiedPage.objects.get(slug="nieuwe-wijk")
    assert area.live
    assert area.alliantie_groep.name == "Alliantie Nieuwe Wijk"
