"""Script injection, checked in Chromium: every field people write (contributions, replies,
the team's answers and decisions, reports, questions, requests, practice examples, names,
imported Markdown) holds a payload, and no script runs on any page that shows it.

The browser ignores the Content-Security-Policy here (`bypass_csp`), so this tests the
escaping and the Markdown sanitising themselves, not the CSP that would also stop them. Each
payload starts with a marker word, checked on the page, so a page that does not show the field
cannot pass by accident."""

import json

import pytest
from django.core.management import call_command

from gebieden.services import add_alliantie_medewerker
from kennisbank.expertpool.models import Fase
from kennisbank.expertpool.services import aanvraag_indienen
from kennisbank.services.vraagbaak import vraag_stellen
from participatie import services
from participatie.models import Inbrengsoort, Inbrengstatus
from tests.factories import (
    AlliantieoverlegPageFactory,
    ExpertpoolPageFactory,
    FocusgebiedPageFactory,
    InzendingFactory,
    KennisbankIndexPageFactory,
    ParticipatieprocesPageFactory,
    PraktijkvoorbeeldIndexPageFactory,
    PublicatieIndexPageFactory,
    ThemaFactory,
    UserFactory,
    VraagbaakPageFactory,
)
from tests.participatie.conftest import with_mfa
from wijkwijzer.roles import MODERATOR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VANGNET = "window.__xss = (veld) => { (window.__treffers = window.__treffers || []).push(veld); }"
# Elements from the page that could run code: inline handlers, javascript: links, scripts
# that mention the trap.
GEVAARLIJK = """() => {
  const gevonden = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const waarde = attr.value.trim().toLowerCase();
      if (attr.name.startsWith('on')) gevonden.push(`${el.tagName} ${attr.name}`);
      if (['href', 'src', 'action', 'formaction'].includes(attr.name)
          && waarde.startsWith('javascript:')) gevonden.push(`${el.tagName} ${attr.name}`);
    }
  }
  for (const script of document.querySelectorAll('script')) {
    if (script.textContent.includes('__xss')) gevonden.push('SCRIPT');
  }
  return gevonden;
}"""


def lang(veld: str) -> str:
    """For text and Markdown fields."""
    return (
        f"Merk{veld} <script>__xss('{veld}')</script> <img src=x onerror=\"__xss('{veld}')\"> "
        f"[klik](javascript:__xss('{veld}')) \"><svg onload=__xss('{veld}')> "
        f"<a href=\"javascript:__xss('{veld}')\">link</a>"
    )


def kort(veld: str) -> str:
    """For names and titles (60 characters at most)."""
    return f'Merk{veld}"><img src=x onerror=__xss(1)>'


@pytest.fixture
def browser_zonder_csp(browser, live_server, client):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", bypass_csp=True)
    context.add_init_script(VANGNET)
    pagina = context.new_page()
    dialogen: list[str] = []
    pagina.on("dialog", lambda dialog: (dialogen.append(dialog.message), dialog.dismiss()))

    def als(gebruiker) -> None:
        context.clear_cookies()
        if gebruiker is not None:
            client.force_login(gebruiker)
            context.add_cookies(
                [
                    {
                        "name": "sessionid",
                        "value": client.cookies["sessionid"].value,
                        "url": live_server.url,
                    }
                ]
            )

    yield pagina, als, dialogen
    context.close()


@pytest.fixture
def wereld(gebieden_index, roles, tmp_path):
    gebied = FocusgebiedPageFactory(parent=gebieden_index, title="Poelenburg")
    proces = ParticipatieprocesPageFactory(parent=gebied, title="Speelplekken")
    thema = ThemaFactory(label="Openbare ruimte", slug="openbare-ruimte")
    bewoner = UserFactory(display_name=kort("profielnaam"))
    team = with_mfa(UserFactory(display_name="Team"))
    add_alliantie_medewerker(user=team, gebied=gebied)
    moderator = with_mfa(UserFactory())
    moderator.groups.add(roles[MODERATOR])

    schrijver = services.Schrijver(bewoner, bewoner.email, kort("pseudoniem"))
    inbreng, _token = services.inbreng_geven(
        proces=proces,
        schrijver=schrijver,
        soort=Inbrengsoort.IDEE,
        titel=kort("titel"),
        tekst=lang("tekst"),
        thema=thema,
        plek=kort("plek"),
    )
    services.reageren(inbreng=inbreng, schrijver=schrijver, tekst=lang("reactie"))
    services.status_wijzigen(
        inbreng=inbreng,
        naar=Inbrengstatus.IN_BEHANDELING,
        antwoord=lang("antwoord"),
        door=team,
        ondertekening=kort("ondertekening"),
        vasthouden=False,
    )
    overleg = AlliantieoverlegPageFactory(parent=gebied)
    services.besluit_vastleggen(
        overleg=overleg, tekst=lang("besluit"), bijdragen=[inbreng], door=team
    )
    verborgen, _token = services.inbreng_geven(
        proces=proces, schrijver=schrijver, soort=Inbrengsoort.IDEE, titel="Weg", tekst="Weg"
    )
    services.verbergen(bijdrage=verborgen, reden=lang("moderatiereden"), door=moderator)
    services.melden(bijdrage=inbreng, reden=lang("meldreden"), melder=None, sleutel="ip:1")

    kennisbank = KennisbankIndexPageFactory()
    PraktijkvoorbeeldIndexPageFactory(parent=kennisbank)
    PublicatieIndexPageFactory(parent=kennisbank)
    VraagbaakPageFactory(parent=kennisbank)
    bestand = tmp_path / "import.json"
    bestand.write_text(
        json.dumps(
            [
                {
                    "type": "praktijkvoorbeeld",
                    "slug": "import-xss",
                    "title": kort("importtitel"),
                    "summary": lang("importsamenvatting"),
                    "body_markdown": lang("importtekst"),
                    "aanpak_markdown": lang("importaanpak"),
                    "themes": ["openbare-ruimte"],
                },
                {
                    "type": "vraag",
                    "slug": "import-vraag-xss",
                    "title": kort("importvraag"),
                    "summary": lang("importcontext"),
                    "body_markdown": lang("importantwoord"),
                },
            ]
        )
    )
    call_command("import_kennisbank", str(bestand))

    vraag = vraag_stellen(
        vrager=bewoner, thema=thema, vraag=lang("vraag"), toelichting=lang("toelichting")
    )
    ExpertpoolPageFactory()
    aanvraag = aanvraag_indienen(
        aanvrager=bewoner,
        themas=[thema],
        organisatie=kort("organisatie"),
        gemeente="Zaanstad",
        focusgebied=None,
        vraag=lang("aanvraag"),
        fase=Fase.objects.get(slug="ontwerp"),
        urgentie="normaal",
        periode=kort("periode"),
    )
    inzending = InzendingFactory(
        auteur=bewoner, titel=kort("inzendingtitel"), aanpak=lang("inzendingaanpak")
    )
    return {
        "bewoner": bewoner,
        "moderator": moderator,
        "pagina's": [
            (None, proces.url, ["titel", "pseudoniem"]),
            (
                None,
                inbreng.url,
                ["titel", "tekst", "plek", "pseudoniem", "reactie", "antwoord", "ondertekening"],
            ),
            (None, proces.url + "wat-is-er-gedaan/", ["titel", "antwoord"]),
            (None, overleg.url, ["besluit"]),
            (None, verborgen.url, ["moderatiereden"]),
            (None, "/zoeken/?q=Merktekst", ["titel"]),
            (
                None,
                "/kennisbank/praktijkvoorbeelden/import-xss/",
                ["importtitel", "importtekst", "importaanpak"],
            ),
            (None, "/zoeken/?q=Merkimporttekst", ["importtitel"]),
            (
                None,
                "/kennisbank/vraagbaak/import-vraag-xss/",
                ["importvraag", "importcontext", "importantwoord"],
            ),
            (bewoner, "/participatie/mijn-inbreng/", ["titel"]),
            (bewoner, "/account/profiel/", []),
            (bewoner, f"/kennisbank/vraagbaak/mijn-vragen/{vraag.pk}/", ["vraag", "toelichting"]),
            (bewoner, f"/expertpool/mijn-aanvragen/{aanvraag.pk}/", ["aanvraag", "organisatie"]),
            (
                bewoner,
                f"/kennisbank/bijdragen/{inzending.pk}/",
                ["inzendingtitel", "inzendingaanpak"],
            ),
            (moderator, "/participatie/beheer/moderatie/", ["titel", "meldreden"]),
        ],
    }


def test_no_script_runs_from_anything_people_wrote(browser_zonder_csp, wereld):
    pagina, als, dialogen = browser_zonder_csp
    for gebruiker, url, velden in wereld["pagina's"]:
        als(gebruiker)
        response = pagina.goto(url)
        assert response.status == 200, url
        tekst = pagina.inner_text("main")
        for veld in velden:
            assert f"Merk{veld}" in tekst, (url, veld)
        assert pagina.evaluate(GEVAARLIJK) == [], url
        assert pagina.evaluate("window.__treffers || []") == [], url
    assert dialogen == []
