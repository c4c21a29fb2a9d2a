"""`manage.py import_kennisbank FILE`: the public import contract."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError

from gebieden.models import Actielijn
from kennisbank import importer
from kennisbank.models import PraktijkvoorbeeldIndexPage, PraktijkvoorbeeldPage, VraagPage
from tests.factories import (
    BewijskrachtFactory,
    FocusgebiedPageFactory,
    PraktijkvoorbeeldIndexPageFactory,
    SynthesePageFactory,
    ThemaFactory,
    VraagbaakPageFactory,
)
from tests.wijkwijzer.test_markdown import PAYLOADS, assert_inert

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(gebieden_index):
    PraktijkvoorbeeldIndexPageFactory()
    ThemaFactory(label="Veiligheid", slug="veiligheid")
    ThemaFactory(label="Jeugd", slug="jeugd")
    for n in (1, 2, 3, 4):
        Actielijn.objects.create(nummer=n, titel=f"Actielijn {n}")
    return FocusgebiedPageFactory(
        parent=gebieden_index, title="Rotterdam-Zuid", slug="rotterdam-zuid", gemeente="Rotterdam"
    )


def item(**overrides) -> dict:
    return {
        "type": "praktijkvoorbeeld",
        "slug": "aandebak-garanties",
        "title": "AanDeBak-garanties",
        "summary": "Zeker van werk bij de start van je opleiding.",
        "body_markdown": "Jongeren kiezen **vaker** voor techniek.",
        "themes": ["jeugd"],
        "focusgebied": "rotterdam-zuid",
        "gemeente": None,
        "actielijnen": [3],
        "doelgroepen": ["Jongeren", "Werkgevers"],
        "published": "2024-05-01",
        **overrides,
    }


def run(tmp_path, content: str) -> tuple[str, str, int]:
    path = tmp_path / "items.json"
    path.write_text(content, encoding="utf-8")
    out, err = StringIO(), StringIO()
    try:
        call_command("import_kennisbank", str(path), stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        code = error.returncode
        err.write(str(error))
    return out.getvalue(), err.getvalue(), code


def test_imports_a_json_array_as_published_listed_pages(tmp_path, setup, client):
    out, _, code = run(tmp_path, json.dumps([item()]))

    page = PraktijkvoorbeeldPage.objects.get(slug="aandebak-garanties")
    assert code == 0 and "1 aangemaakt" in out
    assert page.live and page.focusgebied == setup and page.gemeente == "Rotterdam"
    assert [t.slug for t in page.themas.all()] == ["jeugd"]
    assert [a.nummer for a in page.actielijnen.all()] == [3]
    assert sorted(d.naam for d in page.doelgroepen.all()) == ["Jongeren", "Werkgevers"]
    assert str(page.publicatiedatum) == "2024-05-01"
    listing = client.get("/kennisbank/praktijkvoorbeelden/").content.decode()
    assert "AanDeBak-garanties" in listing
    assert "<strong>vaker</strong>" in client.get(page.url).content.decode()


def test_an_imported_example_shows_no_internal_notes(tmp_path, setup, client):
    BewijskrachtFactory(slug="veelbelovend", naam="Veelbelovend")
    run(tmp_path, json.dumps([item(bewijskracht=["veelbelovend"])]))

    html = client.get(PraktijkvoorbeeldPage.objects.get().url).content.decode()

    assert "Veelbelovend" in html
    assert "importbestand" not in html
    # The action line by its name, not a bare number.
    assert "3. Actielijn 3" in html


def test_json_lines_and_reimport_updates_instead_of_duplicating(tmp_path, setup):
    lines = "\n".join(json.dumps(i) for i in [item(), item(slug="tweede", title="Tweede")])
    run(tmp_path, lines)
    out, _, code = run(
        tmp_path,
        "\n".join(
            json.dumps(i) for i in [item(title="Nieuwe titel"), item(slug="tweede", title="Tweede")]
        ),
    )

    assert code == 0 and "0 aangemaakt, 1 bijgewerkt, 0 mislukt, 1 ongewijzigd" in out
    assert PraktijkvoorbeeldPage.objects.count() == 2
    assert PraktijkvoorbeeldPage.objects.get(slug="aandebak-garanties").title == "Nieuwe titel"


def test_bad_items_are_reported_with_their_place_and_the_good_ones_imported(tmp_path, setup):
    content = "\n".join(
        [
            json.dumps(item(slug="goed")),
            json.dumps(item(slug="fout-thema", themes=["bestaat-niet"])),
            "{dit is geen json",
            json.dumps(item(slug="fout-gebied", focusgebied="atlantis")),
            json.dumps(item(slug="fout-datum", published="vorige week")),
            json.dumps(item(slug="fout-actielijn", actielijnen=[7])),
            json.dumps(item(slug="Fout Slug")),
            json.dumps(item(slug="geen-titel", title="")),
            json.dumps(item(slug="email", contact_organisatie="mail jan@example.nl")),
            json.dumps(item(slug="vreemd-type", type="recept")),
        ]
    )
    out, err, code = run(tmp_path, content)

    assert code == 1
    assert "1 aangemaakt, 0 bijgewerkt, 9 mislukt" in out
    assert list(PraktijkvoorbeeldPage.objects.values_list("slug", flat=True)) == ["goed"]
    for expected in [
        "regel 2 (slug 'fout-thema'): onbekend thema: bestaat-niet",
        "regel 3: geen geldige JSON",
        "regel 4 (slug 'fout-gebied'): onbekend focusgebied 'atlantis'",
        "regel 5 (slug 'fout-datum'): published 'vorige week' is geen datum",
        "regel 6 (slug 'fout-actielijn'): actielijnen moet een lijst met getallen van 1 tot",
        "regel 7 (slug 'Fout Slug'): ongeldige slug",
        "regel 8 (slug 'geen-titel'): verplicht veld ontbreekt: title",
        "regel 9 (slug 'email'): contact_organisatie mag geen e-mailadres bevatten",
        "regel 10 (slug 'vreemd-type'): onbekend type 'recept'",
    ]:
        assert expected in err, expected


def test_xss_payloads_in_the_body_come_out_inert_on_the_page(tmp_path, setup, client):
    body = "\n\n".join(PAYLOADS)
    run(tmp_path, json.dumps([item(body_markdown=body, lessen_markdown=body)]))

    html = client.get(PraktijkvoorbeeldPage.objects.get().url).content.decode()
    assert_inert(html[html.index("<main") : html.index("</main>")])


def vraag_item(**overrides) -> dict:
    return item(
        **{
            "type": "vraag",
            "slug": "jongeren-betrekken",
            "title": "Hoe betrek je jongeren bij het wijkplan?",
            "summary": "Op bewonersavonden zien we vrijwel geen jongeren.",
            "body_markdown": "Ga naar **plekken waar jongeren al zijn**, zoals de sportschool.",
            **overrides,
        }
    )


def test_vraag_items_become_public_questions_with_their_answer(tmp_path, setup, client):
    vraagbaak = VraagbaakPageFactory()
    out, err, code = run(
        tmp_path,
        json.dumps(
            [
                vraag_item(),
                vraag_item(slug="zonder-antwoord", body_markdown=""),
                vraag_item(slug="xss", body_markdown="\n\n".join(PAYLOADS)),
            ]
        ),
    )

    assert code == 1 and "2 aangemaakt, 0 bijgewerkt, 1 mislukt" in out
    assert "item 2 (slug 'zonder-antwoord'): een vraag heeft een antwoord nodig" in err
    vraag = VraagPage.objects.get(slug="jongeren-betrekken")
    assert vraag.live and [t.slug for t in vraag.themas.all()] == ["jeugd"]
    assert vraag.focusgebied == setup
    listing = client.get(vraagbaak.url).content.decode()
    assert "Hoe betrek je jongeren bij het wijkplan?" in listing
    page = client.get(vraag.url).content.decode()
    assert "<strong>plekken waar jongeren al zijn</strong>" in page
    html = client.get(VraagPage.objects.get(slug="xss").url).content.decode()
    assert_inert(html[html.index("<main") : html.index("</main>")])


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("import_kennisbank", str(tmp_path / "nee.json"))


BAD_ITEMS = {
    "a number as title": item(slug="titel-getal", title=12),
    "a list as type": item(slug="type-lijst", type=["praktijkvoorbeeld"]),
    "a NUL byte": item(slug="nul", summary="Voor\u0000na"),
    "a field longer than its column": item(slug="lange-gemeente", gemeente="G" * 500),
    "reach over its column": item(slug="lang-bereik", bereik_effect="b" * 201),
    "a slug used by another page type": item(slug="synthese-slug"),
    "a body over the size limit": item(slug="te-lang", body_markdown="woord " * 20_000),
    "a list over the size limit": item(slug="te-veel", doelgroepen=["Jongeren"] * 101),
}


@pytest.mark.parametrize("soort", BAD_ITEMS)
def test_a_bad_item_is_a_fout_line_and_the_items_around_it_are_imported(tmp_path, setup, soort):
    SynthesePageFactory(
        parent=PraktijkvoorbeeldIndexPage.objects.get(), title="Synthese", slug="synthese-slug"
    )
    items = [item(slug="ervoor", title="Ervoor"), BAD_ITEMS[soort], item(slug="erna", title="Erna")]

    out, err, code = run(tmp_path, json.dumps(items))

    assert code == 1
    assert "1 mislukt" in out and "2 aangemaakt" in out
    (fout,) = [regel for regel in err.splitlines() if regel.startswith("FOUT")]
    assert fout.startswith("FOUT item 2")
    assert "Traceback" not in err
    assert set(PraktijkvoorbeeldPage.objects.values_list("slug", flat=True)) == {"ervoor", "erna"}


def test_deep_nesting_and_broken_json_are_reported_per_item(tmp_path, setup):
    diep = '{"type": "praktijkvoorbeeld", "x": ' + "[" * 50_000 + "]" * 50_000 + "}"
    kapot = '{"type": "praktijkvoorbeeld", "slug": }'
    content = "[" + ", ".join([json.dumps(item(slug="eerste")), diep, kapot]) + ", "
    content += json.dumps(item(slug="laatste", title='Laatste, met [haakjes] en "}')) + "]"

    out, err, code = run(tmp_path, content)

    assert code == 1 and "2 aangemaakt" in out and "2 mislukt" in out
    assert "FOUT item 2: te diep genest" in err
    assert "FOUT item 3: geen geldige JSON" in err
    assert PraktijkvoorbeeldPage.objects.get(slug="laatste").title == 'Laatste, met [haakjes] en "}'


def test_a_file_over_the_size_limit_is_refused_whole(tmp_path, setup, monkeypatch):
    monkeypatch.setattr(importer, "MAX_BESTAND", 1000)

    _, err, code = run(tmp_path, json.dumps([item(body_markdown="x" * 2000)]))

    assert code == 1 and "groter dan" in err
    assert not PraktijkvoorbeeldPage.objects.exists()


def test_an_item_meeting_a_locked_database_is_tried_again_then_reported(
    tmp_path, setup, monkeypatch
):
    monkeypatch.setattr(importer.time, "sleep", lambda seconden: None)
    echt = importer.import_item
    pogingen: dict[str, int] = {}

    def soms_bezet(item, *rest):
        pogingen[item["slug"]] = pogingen.get(item["slug"], 0) + 1
        if item["slug"] == "altijd-bezet" or pogingen[item["slug"]] == 1:
            raise OperationalError("database is locked")
        return echt(item, *rest)

    monkeypatch.setattr(importer, "import_item", soms_bezet)
    items = [item(slug="even-bezet"), item(slug="altijd-bezet"), item(slug="daarna")]

    out, err, code = run(tmp_path, json.dumps(items))

    assert code == 1 and "2 aangemaakt" in out and "1 mislukt" in out
    assert "FOUT item 2 (slug 'altijd-bezet'): de database bleef bezet" in err
    assert pogingen == {"even-bezet": 2, "altijd-bezet": importer.POGINGEN, "daarna": 2}


# Progress and speed (issue 22, point 6)


def run_met(tmp_path, content: str, **options) -> tuple[str, str]:
    path = tmp_path / "items.json"
    path.write_text(content, encoding="utf-8")
    out, err = StringIO(), StringIO()
    call_command("import_kennisbank", str(path), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def items(aantal: int, **overrides) -> list[dict]:
    return [item(slug=f"voorbeeld-{n}", title=f"Voorbeeld {n}", **overrides) for n in range(aantal)]


def test_progress_and_a_summary_at_normal_verbosity(tmp_path, setup):
    out, _ = run_met(tmp_path, json.dumps(items(3)))

    assert "3 van 3 items (100%)" in out and "per s" in out
    assert "3 aangemaakt, 0 bijgewerkt, 0 mislukt, 0 ongewijzigd" in out


def test_nothing_on_stdout_at_verbosity_0_but_errors_still_on_stderr(tmp_path, setup):
    slecht = item(slug="slecht", themes=["bestaat-niet"])
    path = tmp_path / "items.json"
    path.write_text(json.dumps([*items(2), slecht]), encoding="utf-8")
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError):
        call_command("import_kennisbank", str(path), stdout=out, stderr=err, verbosity=0)

    assert out.getvalue() == ""
    assert "FOUT item 3 (slug 'slecht'): onbekend thema: bestaat-niet" in err.getvalue()


def test_a_second_run_skips_unchanged_items_and_updates_a_changed_one(tmp_path, setup):
    run_met(tmp_path, json.dumps(items(3)))
    revisies = dict(PraktijkvoorbeeldPage.objects.values_list("slug", "latest_revision_id"))
    gewijzigd = items(3)
    gewijzigd[1]["summary"] = "Een nieuwe samenvatting."
    gewijzigd[2]["doelgroepen"] = ["Jongeren"]

    out, _ = run_met(tmp_path, json.dumps(gewijzigd))

    assert "0 aangemaakt, 2 bijgewerkt, 0 mislukt, 1 ongewijzigd" in out
    nu = dict(PraktijkvoorbeeldPage.objects.values_list("slug", "latest_revision_id"))
    assert nu["voorbeeld-0"] == revisies["voorbeeld-0"]
    assert nu["voorbeeld-1"] != revisies["voorbeeld-1"]
    page = PraktijkvoorbeeldPage.objects.get(slug="voorbeeld-1")
    assert page.samenvatting == "Een nieuwe samenvatting." and page.live
    assert [
        d.naam for d in PraktijkvoorbeeldPage.objects.get(slug="voorbeeld-2").doelgroepen.all()
    ] == ["Jongeren"]


def test_an_item_whose_page_has_a_draft_is_published_again(tmp_path, setup):
    run_met(tmp_path, json.dumps(items(1)))
    page = PraktijkvoorbeeldPage.objects.get(slug="voorbeeld-0")
    page.title = "Concept van een redacteur"
    page.save_revision()

    out, _ = run_met(tmp_path, json.dumps(items(1)))

    assert "1 bijgewerkt" in out
    page.refresh_from_db()
    assert page.title == "Voorbeeld 0" and not page.has_unpublished_changes


def test_queries_per_item_stay_bounded(tmp_path, setup, django_assert_max_num_queries):
    # Before issue 22 a new item took about 135 queries (Wagtail's search index and the
    # reference index written per save, every theme and area looked up per item) and an
    # unchanged one about 100; Wagtail's publishing route alone took about 90 for a new one.
    with django_assert_max_num_queries(20 * 50):
        run_met(tmp_path, json.dumps(items(20)))
    with django_assert_max_num_queries(20):
        out, _ = run_met(tmp_path, json.dumps(items(20)))
    assert "20 ongewijzigd" in out


@pytest.mark.django_db(transaction=True)
def test_items_are_searchable_when_the_command_returns_also_in_the_admin(tmp_path, setup):
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from search.backends.base import Vraag
    from search.services import zoeken

    run_met(tmp_path, json.dumps([*items(2), item(slug="uniek", title="Zeldzaamwoord")]))

    assert [t.title for t in zoeken(Vraag(tekst="zeldzaamwoord")).treffers] == ["Zeldzaamwoord"]
    gevonden = get_search_backend().search("Zeldzaamwoord", Page)
    assert [page.title for page in gevonden] == ["Zeldzaamwoord"]


@pytest.mark.django_db(transaction=True)
def test_followers_hear_of_new_items_once_when_the_import_ends(tmp_path, setup, mailoutbox):
    from kennisbank.models import Volg, Volgvoorkeur
    from tests.factories import UserFactory
    from wijkwijzer.meldingen import Frequentie

    lezer = UserFactory()
    Volg.objects.create(gebruiker=lezer, soort="thema", waarde="jeugd")
    Volgvoorkeur.objects.create(gebruiker=lezer, frequentie=Frequentie.DIRECT)
    anders = [item(slug="ander", title="Over veiligheid", themes=["veiligheid"])]

    run_met(tmp_path, json.dumps([*items(2), *anders]))
    assert sorted(m.subject for m in mailoutbox) == [
        "[WijkWijzer] Nieuw in de kennisbank: Voorbeeld 0",
        "[WijkWijzer] Nieuw in de kennisbank: Voorbeeld 1",
    ]
    assert mailoutbox[0].to == [lezer.email]

    gewijzigd = items(3)
    gewijzigd[0]["summary"] = "Een nieuwe samenvatting."
    run_met(tmp_path, json.dumps(gewijzigd))
    assert len(mailoutbox) == 3 and mailoutbox[2].subject.endswith("Voorbeeld 2")


@pytest.mark.django_db(transaction=True)
def test_an_import_makes_the_cached_pages_stale_once_at_its_end(tmp_path, setup):
    from wijkwijzer.models import Paginaversie

    def versie() -> int:
        rij = Paginaversie.objects.filter(bereik="").first()
        return rij.versie if rij else 1

    voor = versie()
    run_met(tmp_path, json.dumps(items(5)))
    assert versie() == voor + 1
