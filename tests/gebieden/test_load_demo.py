"""`manage.py load_demo`: the 20 areas with their alliances, themes and kernindicatoren from
the programme's documents, demo members and meetings marked as such, idempotent."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from gebieden.models import (
    Actielijn,
    AlliantieLid,
    AlliantieoverlegPage,
    FocusgebiedPage,
    Kernindicator,
    Thema,
)
from gebieden.monitor.models import Meting
from kennisbank.expertpool.models import ExpertPage, Ondersteuningsaanvraag
from kennisbank.models import (
    EvenementPage,
    LeerkringPage,
    PraktijkvoorbeeldPage,
    PublicatiePage,
    VraagPage,
)
from participatie.models import Inbreng, ParticipatieprocesPage
from wijkwijzer.models import User
from wijkwijzer.services import ensure_home_page

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "gebieden" / "data"


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (
            FocusgebiedPage,
            AlliantieLid,
            AlliantieoverlegPage,
            Thema,
            Actielijn,
            Kernindicator,
            Meting,
            ParticipatieprocesPage,
            Inbreng,
        )
    )


@pytest.fixture(scope="module")
def _demo_geladen(django_db_setup, django_db_blocker, tmp_path_factory):
    """load_demo once for the module instead of once per test (5 s each): inside a transaction
    that is rolled back at the end, each test in a savepoint of its own, as Django's
    TestCase.setUpTestData does. The demo's search index goes to a file of this module."""
    index = tmp_path_factory.mktemp("demo") / "zoekindex.sqlite3"
    with (
        django_db_blocker.unblock(),
        override_settings(SEARCH_EMBEDDED_PATH=index),
        transaction.atomic(),
    ):
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        ensure_home_page()
        call_command("load_demo", stdout=StringIO())
        yield index
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_geladen, settings):
    settings.SEARCH_EMBEDDED_PATH = _demo_geladen


def test_loads_all_twenty_areas_with_their_alliance(demo, client):
    expected = json.loads((DATA / "focusgebieden.json").read_text())["gebieden"]
    assert FocusgebiedPage.objects.live().count() == 20 == len(expected)

    for item in expected:
        area = FocusgebiedPage.objects.get(slug=item["slug"])
        html = client.get(f"/gebieden/{item['slug']}/").content.decode()
        assert area.gemeente == item["gemeente"]
        assert f"Alliantie {item['naam']}" in html
        assert f"Burgemeester van {item['gemeente']}" in html
        rijk = item["rijksvertegenwoordiger"] or {}
        if rijk.get("naam"):
            assert rijk["naam"] in html
        if rijk.get("departement"):
            assert f"Rijksoverheid ({rijk['departement']})" in html


def test_taxonomy_matches_the_domain_files(demo):
    assert Thema.objects.count() == 12
    assert Actielijn.objects.count() == 4
    assert Kernindicator.objects.count() == 15
    assert Kernindicator.objects.get(nummer=5).bron == "Leefbaarometer"


def test_demo_rows_are_marked_and_real_rows_are_not(demo):
    assert AlliantieoverlegPage.objects.filter(is_demo=False).count() == 0
    assert not AlliantieLid.objects.filter(rol__in=["voorzitter", "rijk"], is_demo=True).exists()
    assert AlliantieLid.objects.filter(is_demo=True).count() == 20 * 10


def test_demo_figures_cover_every_area_and_indicator_and_are_marked(demo, client):
    assert Meting.objects.count() == 20 * 15 * 6
    assert not Meting.objects.filter(voorbeelddata=False).exists()
    assert Kernindicator.objects.get(nummer=15).hoger_is_beter is False
    page = client.get("/gebieden/utrecht-overvecht/monitor/").content.decode()
    assert "Voorbeelddata, geen echte cijfers." in page


def test_demo_participation_processes_show_the_loop(demo, client):
    afgerond = ParticipatieprocesPage.objects.get(slug="buurthuis-tarwewijk")
    page = client.get(afgerond.url + "wat-is-er-gedaan/").content.decode()
    assert "Er komt een taalcafé op dinsdag en donderdag" in page
    assert ParticipatieprocesPage.objects.count() == 3
    proces = client.get(afgerond.url).content.decode()
    assert "Taalcafé in het buurthuis" in proces and "Samen 80% klaar" in proces


def test_running_twice_changes_nothing_and_says_so(demo):
    before = counts()
    out, stil = StringIO(), StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=stil, verbosity=0)
    assert counts() == before
    assert "onderdelen (100%)" in out.getvalue() and "0 nieuwe pagina's" in out.getvalue()
    assert stil.getvalue() == ""


def test_the_overview_lists_the_areas_in_the_main_menu(demo, client):
    home = client.get("/").content.decode()
    assert 'href="/gebieden/"' in home
    overview = client.get("/gebieden/").content.decode()
    assert "20 focusgebieden" in overview
    assert "Zaandam Oost" in overview and "Heerlen-Noord" in overview


def test_kennisbank_demo_covers_all_themes_and_most_areas(demo, client):
    examples = PraktijkvoorbeeldPage.objects.live()
    assert examples.count() >= 40
    assert not examples.filter(is_demo=False).exists()
    assert Thema.objects.exclude(praktijkvoorbeelden__in=examples).count() == 0
    assert examples.values("focusgebied").distinct().count() >= 12
    for slug in (
        "integraal-interventieteam-zaandam-oost",
        "communitycentrum-holendrecht",
        "childrens-zones-rotterdam-zuid",
        "aandebak-garanties-rotterdam-zuid",
        "bovengrondse-vakschool-heerlen-noord",
        "woningen-voor-leraren-amsterdam-zuidoost",
    ):
        assert client.get(examples.get(slug=slug).url).status_code == 200
    publications = PublicatiePage.objects.live()
    assert publications.count() >= 4 and not publications.filter(is_demo=False).exists()
    assert LeerkringPage.objects.live().filter(is_demo=True).count() == 2
    events = EvenementPage.objects.live().filter(is_demo=True)
    assert events.filter(begin__gte=timezone.now()).exists()
    assert events.filter(begin__lt=timezone.now()).exclude(verslag="").exists()
    answered = VraagPage.objects.live()
    assert answered.count() >= 6 and not answered.filter(is_demo=False).exists()
    assert "6 beantwoorde vragen" in client.get("/kennisbank/vraagbaak/").content.decode()


def test_expertpool_demo_has_experts_and_requests_in_every_stage(demo, client):
    experts = ExpertPage.objects.live()
    assert experts.count() == 10 and not experts.filter(is_demo=False).exists()
    assert not experts.filter(gebruiker__isnull=True).exists()
    assert "10 experts gevonden" in client.get("/expertpool/").content.decode()
    statuses = set(Ondersteuningsaanvraag.objects.values_list("status", flat=True))
    assert statuses == {"ingediend", "in_behandeling", "gematcht", "afgerond"}
    assert not any(user.has_usable_password() for user in User.objects.all())
