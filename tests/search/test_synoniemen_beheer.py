"""An editor who adds or changes a synonym group in the admin is told which common words it
will also find through a member's stem (search.wagtail_hooks.synoniemgroep_nakijken)."""

import pytest

from search.models import Synoniem
from tests.factories import UserFactory
from tests.participatie.conftest import with_mfa
from wijkwijzer.roles import REDACTEUR

pytestmark = pytest.mark.django_db
TOEVOEGEN = "/admin/snippets/search/synoniem/add/"


@pytest.fixture
def redacteur(client, roles):
    editor = with_mfa(UserFactory())
    editor.groups.add(roles[REDACTEUR])
    client.force_login(editor)
    return client


def waarschuwingen(response) -> list[str]:
    berichten = response.context["messages"]
    return [str(bericht) for bericht in berichten if bericht.level_tag == "warning"]


def test_an_editor_is_told_which_common_words_a_synonym_member_also_finds(redacteur):
    response = redacteur.post(TOEVOEGEN, {"termen": "handicap, beperking"}, follow=True)

    assert response.status_code == 200
    groep = Synoniem.objects.get(termen="handicap, beperking")
    (waarschuwing,) = waarschuwingen(response)
    assert '"beperken"' in waarschuwing
    assert '"beperking"' in waarschuwing

    # Changed, the group is checked again.
    response = redacteur.post(
        f"/admin/snippets/search/synoniem/edit/{groep.pk}/",
        {"termen": "handicap, beperking, verval"},
        follow=True,
    )
    assert any('"vervallen"' in tekst for tekst in waarschuwingen(response))


def test_a_group_whose_members_share_no_stem_with_common_words_gets_no_warning(redacteur):
    response = redacteur.post(TOEVOEGEN, {"termen": "hoogbouw, torenflats, VvE"}, follow=True)

    assert Synoniem.objects.filter(termen="hoogbouw, torenflats, VvE").exists()
    assert waarschuwingen(response) == []


def test_an_editor_is_told_that_a_member_the_search_would_shrink_is_left_out(redacteur):
    response = redacteur.post(TOEVOEGEN, {"termen": "werkloosheid, zonder werk"}, follow=True)

    meldingen = waarschuwingen(response)
    (weggelaten,) = [tekst for tekst in meldingen if "helpt niet" in tekst]
    assert '"zonder werk" helpt niet bij het zoeken' in weggelaten
    assert '"zonder"' in weggelaten and '("werk")' in weggelaten
    # One member is left, so the group does nothing.
    assert any("minder dan twee woorden" in tekst for tekst in meldingen)
