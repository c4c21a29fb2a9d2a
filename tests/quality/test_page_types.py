"""Every page type passes axe-core (WCAG 2.1 A/AA) in a real Chromium and the Nu HTML
Checker with zero errors. A new page type gets a row in PAGE_TYPES."""

import datetime
from decimal import Decimal
from typing import NamedTuple

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from gebieden.models import Actielijn, Kernindicator
from gebieden.monitor.importer import importeren
from gebieden.monitor.models import Streefwaarde
from kennisbank.expertpool.services import (
    aanvraag_afronden,
    expert_uitnodigen,
    uitnodiging_beantwoorden,
)
from kennisbank.inzendingen.models import Inzending, Opmerking
from kennisbank.meldingen import afmeld_url
from kennisbank.models import Leeslijstitem, Lidmaatschap, Volg, Vraag
from participatie.models import Vraagsoort, Vragenlijstvraag
from participatie.services import (
    Schrijver,
    besluit_vastleggen,
    inbreng_geven,
    melden,
    status_wijzigen,
)
from search.services import herbouwen
from tests.factories import (
    AlliantieLidFactory,
    AlliantieoverlegPageFactory,
    BewijskrachtFactory,
    BewijskrachtPageFactory,
    EvenementPageFactory,
    ExpertPageFactory,
    ExpertpoolPageFactory,
    FocusgebiedPageFactory,
    GebiedsgrensFactory,
    InbrengFactory,
    InzendingFactory,
    LeerkringPageFactory,
    OndersteuningsaanvraagFactory,
    ParticipatieprocesPageFactory,
    PraktijkvoorbeeldPageFactory,
    PublicatiePageFactory,
    ReactieFactory,
    ResultaatPageFactory,
    SynthesePageFactory,
    ThemaFactory,
    UserFactory,
    VraagbaakPageFactory,
    VraagFactory,
    VraagPageFactory,
    teamlid,
)


class Soort(NamedTuple):
    """How to reach a page type: `login` is None (anonymous), "nieuw" (a fresh account) or the
    name of a user in the `site` fixture; `klik` is the text of a button that is pressed
    (posted) to get there; `toont` a text the page must show, where a URL alone does not
    make sure it is the variant meant."""

    login: str | None = None
    status: int = 200
    klik: str | None = None
    toont: str | None = None


PAGE_TYPES = {
    "home": Soort(),
    "gebieden": Soort(),
    "gebieden_gefilterd": Soort(),
    "postcode_buiten_gebieden": Soort(),
    "postcode_ongeldig": Soort(),
    "focusgebied": Soort(),
    "alliantieoverleg": Soort(),
    "login": Soort(),
    "signup": Soort(),
    "admin_login": Soort(),
    "password_reset": Soort(),
    "niet_gevonden": Soort(status=404),
    "geen_toegang": Soort(login="bewoner", status=403),
    "te_vaak": Soort(login="nieuw", status=429, klik="Aanmelden"),
    "kennisbank": Soort(),
    "praktijkvoorbeelden": Soort(),
    "praktijkvoorbeelden_leeg": Soort(),
    "praktijkvoorbeeld": Soort(),
    "vergelijken": Soort(),
    "synthese": Soort(),
    "praktijkvoorbeeld_ingelogd": Soort(login="lezer"),
    "mijn_kennisbank": Soort(login="lezer"),
    "volgmeldingen_uit": Soort(),
    "mijn_bijdragen": Soort(login="schrijver"),
    "bijdrage_stap": Soort(login="schrijver"),
    "bijdrage_overzicht": Soort(login="schrijver"),
    "bijdrage_concept": Soort(login="schrijver"),
    "bewijskracht": Soort(),
    "publicaties": Soort(),
    "publicatie": Soort(),
    "agenda": Soort(),
    "evenement": Soort(),
    "evenement_ingelogd": Soort(login="nieuw"),
    "evenement_voorbij": Soort(),
    "leerkringen": Soort(),
    "leerkring": Soort(),
    "leerkring_ingelogd": Soort(login="nieuw"),
    "leerkring_lid": Soort(login="lid"),
    "vraagbaak": Soort(),
    "vraag": Soort(),
    "vraag_stellen": Soort(login="nieuw"),
    "mijn_vragen": Soort(login="vrager"),
    "mijn_vraag": Soort(login="vrager"),
    "expertpool": Soort(),
    "expert": Soort(),
    "aanvraag_indienen": Soort(login="nieuw"),
    "mijn_aanvragen": Soort(login="aanvrager"),
    "mijn_aanvraag": Soort(login="aanvrager"),
    "uitnodiging": Soort(),
    "mijn_uitnodigingen": Soort(login="expert"),
    "zoeken": Soort(),
    "zoeken_resultaten": Soort(),
    "zoeken_niets": Soort(),
    "zoeken_verwant": Soort(),
    "zoeken_niets_verwant": Soort(toont="Deze onderwerpen gaan over een deel van je zoekwoorden."),
    "zoeken_soortvoorstel": Soort(toont="Bekijk alle experts (1)"),
    "zoeken_bladeren": Soort(toont="13 resultaten"),
    "proces": Soort(),
    "inbreng_geven": Soort(),
    "inbreng_geven_fout": Soort(status=400, klik="Verstuur je inbreng"),
    "inbreng": Soort(),
    "inbreng_team": Soort(login="team"),
    "proces_team": Soort(login="team"),
    "resultaat": Soort(),
    "overleg_besluiten": Soort(login="team"),
    "besluiten": Soort(login="team"),
    "agendapunt": Soort(),
    "vragenlijst": Soort(),
    "terugkoppeling": Soort(),
    "bevestigen": Soort(),
    "afmelden": Soort(),
    "mijn_inbreng": Soort(login="bewoner"),
    "meldingen_instellen": Soort(login="bewoner"),
    "afmelden_soort": Soort(),
    "moderatie": Soort(login="team"),
    "verslag": Soort(login="team"),
    "monitor_gebied": Soort(),
    "monitor_vergelijking": Soort(),
    "profiel": Soort(login="nieuw"),
    "privacy": Soort(),
    "toegankelijkheid": Soort(),
    "account_verwijderen": Soort(login="nieuw"),
    "mfa_instellen": Soort(login="nieuw"),
    "mfa_bevestigen": Soort(login="team"),
}


@pytest.fixture
def site(gebieden_index, roles, settings) -> dict:
    """Page type -> URL ("urls"), the named users ("users") and button targets ("acties")."""
    # Every click is over the limit, so pressing a button shows the rate-limit page.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "klik": ("0/h", "0/h")}
    area = FocusgebiedPageFactory(parent=gebieden_index, title="Zaandam Oost", slug="zaandam-oost")
    AlliantieLidFactory(
        focusgebied=area, rol="voorzitter", naam="", organisatie="Burgemeester van Zaanstad"
    )
    AlliantieLidFactory(focusgebied=area, rol="politie", is_demo=True)
    meeting = AlliantieoverlegPageFactory(parent=area, is_demo=True)
    thema, leeg = ThemaFactory(label="Veiligheid"), ThemaFactory(label="Wonen")
    voorbeelden = [
        PraktijkvoorbeeldPageFactory(
            themas=[thema],
            focusgebied=area,
            is_demo=True,
            bewijskracht=BewijskrachtFactory(),
            partners="Gemeente\nPolitie",
            looptijd="2022 tot heden",
            contact_organisatie="Gemeente",
            kosten_band=2,
            kosten_eenheid="jaar",
            bereik_effect="200 jongeren per jaar",
        )
        for _ in range(13)
    ]
    bewijskracht = BewijskrachtPageFactory()
    publicatie = PublicatiePageFactory(themas=[thema], is_demo=True)
    evenement = EvenementPageFactory(themas=[thema], is_demo=True)
    kring = LeerkringPageFactory()
    lid = UserFactory()
    Lidmaatschap.objects.create(leerkring=kring, deelnemer=lid, status=Lidmaatschap.Status.LID)
    vraagbaak = VraagbaakPageFactory()
    vraag = VraagPageFactory(themas=[thema], focusgebied=area, is_demo=True)
    eigen = VraagFactory(
        thema=thema,
        status=Vraag.Status.GEPUBLICEERD,
        antwoord="Begin **klein**.",
        toestemming_publicatie=True,
        pagina=vraag,
    )
    voorbij = EvenementPageFactory(
        begin=timezone.now() - datetime.timedelta(days=5), verslag="<p>Verslag</p>"
    )
    ExpertpoolPageFactory()
    expert = ExpertPageFactory(
        themas=[thema], fasen=["ontwerp"], regios=["landelijk"], is_demo=True
    )
    expert.praktijkvoorbeelden.set(voorbeelden[:2])
    expert.save()
    afgerond = OndersteuningsaanvraagFactory(focusgebied=area, themas=[thema])
    geaccepteerd, _ = expert_uitnodigen(aanvraag=afgerond, expert=expert, door=None)
    uitnodiging_beantwoorden(uitnodiging=geaccepteerd, accepteren=True, door=None)
    aanvraag_afronden(aanvraag=afgerond, door=None, uitkomst="Een plan.", openbaar=True)
    _, token = expert_uitnodigen(
        aanvraag=OndersteuningsaanvraagFactory(themas=[thema]), expert=expert, door=None
    )
    lezer = UserFactory()
    Volg.objects.create(gebruiker=lezer, soort="thema", waarde=thema.slug)
    bijdragen = _bijdragen(voorbeelden[0])
    Leeslijstitem.objects.create(gebruiker=lezer, pagina=voorbeelden[1])
    deelname = _participatie(area, thema)
    _monitor(area)
    herbouwen()
    urls = {
        "home": "/",
        "gebieden": "/gebieden/",
        "gebieden_gefilterd": "/gebieden/?provincie=zuid-holland&gemeente=onbekend",
        "postcode_buiten_gebieden": "/gebieden/?postcode=9999",
        "postcode_ongeldig": "/gebieden/?postcode=abcd",
        "focusgebied": area.url,
        "alliantieoverleg": meeting.url,
        "login": "/account/login/",
        "signup": "/account/signup/",
        "admin_login": "/admin/login/",
        "password_reset": "/account/password/reset/",
        "niet_gevonden": "/bestaat-niet/",
        "te_vaak": evenement.url,
        "kennisbank": "/kennisbank/",
        "praktijkvoorbeelden": "/kennisbank/praktijkvoorbeelden/?thema=veiligheid",
        "praktijkvoorbeelden_leeg": f"/kennisbank/praktijkvoorbeelden/?thema={leeg.slug}",
        "praktijkvoorbeeld": voorbeelden[0].url,
        "synthese": SynthesePageFactory(voorbeelden=voorbeelden[:2], is_demo=True).url,
        "praktijkvoorbeeld_ingelogd": voorbeelden[0].url,
        "mijn_kennisbank": "/kennisbank/mijn-kennisbank/",
        **bijdragen["urls"],
        "volgmeldingen_uit": afmeld_url(lezer).removeprefix(settings.WAGTAILADMIN_BASE_URL),
        "vergelijken": "/kennisbank/praktijkvoorbeelden/vergelijken/"
        f"?id={voorbeelden[0].pk}&id={voorbeelden[1].pk}",
        "bewijskracht": bewijskracht.url,
        "publicaties": "/kennisbank/publicaties/",
        "publicatie": publicatie.url,
        "agenda": "/kennisbank/agenda/",
        "evenement": evenement.url,
        "evenement_ingelogd": evenement.url,
        "evenement_voorbij": voorbij.url,
        "leerkringen": "/kennisbank/leerkringen/",
        "leerkring": kring.url,
        "leerkring_ingelogd": kring.url,
        "leerkring_lid": kring.url,
        "vraagbaak": vraagbaak.url,
        "vraag": vraag.url,
        "vraag_stellen": "/kennisbank/vraagbaak/vraag-stellen/",
        "mijn_vragen": "/kennisbank/vraagbaak/mijn-vragen/",
        "mijn_vraag": f"/kennisbank/vraagbaak/mijn-vragen/{eigen.pk}/",
        "expertpool": "/expertpool/?fase=ontwerp",
        "expert": expert.url,
        "aanvraag_indienen": "/expertpool/aanvragen/",
        "mijn_aanvragen": "/expertpool/mijn-aanvragen/",
        "mijn_aanvraag": f"/expertpool/mijn-aanvragen/{afgerond.pk}/",
        "uitnodiging": f"/expertpool/uitnodiging/{token}/",
        "mijn_uitnodigingen": "/expertpool/mijn-uitnodigingen/",
        "zoeken": "/zoeken/",
        "zoeken_resultaten": "/zoeken/?q=praktijkvoorbeeld&thema=veiligheid",
        "zoeken_niets": "/zoeken/?q=schuldhulpverlening+xyzzy",
        # Two results, and below them related items ("Misschien ook interessant").
        "zoeken_verwant": "/zoeken/?q=kenniskamer",
        # A compound no item has: nothing found, and below it the items with one of its parts.
        "zoeken_niets_verwant": "/zoeken/?q=jongerenbende",
        # A word for a type of item: the offer of that type.
        "zoeken_soortvoorstel": "/zoeken/?q=experts",
        # Filters without words: every item they allow.
        "zoeken_bladeren": "/zoeken/?type=praktijkvoorbeeld",
        "profiel": "/account/profiel/",
        "privacy": "/privacy/",
        "toegankelijkheid": "/toegankelijkheid/",
        "account_verwijderen": "/account/verwijderen/",
        "mfa_instellen": "/account/2fa/totp/activate/",
        "mfa_bevestigen": "/account/2fa/reauthenticate/?next=/admin/",
        **deelname["urls"],
        "monitor_gebied": f"/gebieden/{area.slug}/monitor/",
        "monitor_vergelijking": "/monitor/?indicator=13",
    }
    return {
        "urls": urls,
        "users": {
            "lid": lid,
            "vrager": eigen.vrager,
            "aanvrager": afgerond.aanvrager,
            "expert": expert.gebruiker,
            "lezer": lezer,
            "schrijver": bijdragen["schrijver"],
            **deelname["users"],
        },
        # Where the `klik` button posts to, for the checks without a browser.
        "acties": {
            "te_vaak": f"/agenda/{evenement.pk}/aanmelden/",
            "inbreng_geven_fout": deelname["urls"]["inbreng_geven"],
        },
    }


def _bijdragen(gepubliceerd) -> dict:
    """A professional with a returned contribution (comments at a step) and an empty draft
    (what is missing, sharing); the published example names them as its author."""
    teruggestuurd = InzendingFactory(status=Inzending.Status.TERUGGESTUURD, ronde=1)
    Opmerking.objects.create(
        inzending=teruggestuurd, ronde=1, sectie="aanpak", tekst="Noem de stappen."
    )
    schrijver = teruggestuurd.auteur
    concept = InzendingFactory(auteur=schrijver, compleet=False)
    gepubliceerd.auteur = schrijver
    gepubliceerd.save()
    return {
        "schrijver": schrijver,
        "urls": {
            "mijn_bijdragen": "/kennisbank/bijdragen/",
            "bijdrage_stap": f"/kennisbank/bijdragen/{teruggestuurd.pk}/stap/3/",
            "bijdrage_overzicht": f"/kennisbank/bijdragen/{teruggestuurd.pk}/",
            "bijdrage_concept": f"/kennisbank/bijdragen/{concept.pk}/",
        },
    }


def _monitor(area) -> None:
    """Two indicators, one with demo figures, references and a target, one without figures."""
    actielijn = Actielijn.objects.create(nummer=4, titel="Jeugd en veiligheid")
    veiligheid = Kernindicator.objects.create(
        nummer=13, actielijn=actielijn, naam="Ervaren veiligheid", hoger_is_beter=True
    )
    Kernindicator.objects.create(nummer=15, actielijn=actielijn, naam="Criminaliteit")
    regels = [
        f"13;{area.slug};{jaar};{50 + jaar % 7};procent;Voorbeeld;60;70"
        for jaar in range(2019, 2025)
    ]
    importeren(
        "\n".join(["indicator;gebied;periode;waarde;eenheid;bron;gemeente;nederland", *regels]),
        voorbeelddata=True,
    )
    Streefwaarde.objects.create(focusgebied=area, kernindicator=veiligheid, waarde=65, jaar=2030)


def _participatie(area, thema) -> dict:
    """A process with every module on: a contribution answered by the team, with a reply
    from a resident and a hidden one, and a write waiting for confirmation."""
    team = teamlid(area)
    TOTP.activate(team, generate_totp_secret())
    area.postcodes = "1503"
    area.save()
    # A shape, so the area, process and contribution pages and /gebieden/ draw their maps.
    GebiedsgrensFactory(focusgebied=area, is_benadering=True)
    proces = ParticipatieprocesPageFactory(
        parent=area, agendapunt_aan=True, vragenlijst_aan=True, speld_aan=True, is_demo=True
    )
    for vraag, soort, opties in [
        ("Hoe vaak komt u op het plein?", Vraagsoort.EEN, "Vaak\nSoms"),
        ("Wat wilt u?", Vraagsoort.MEER, "Bomen\nBankjes"),
        ("Goed plan?", Vraagsoort.SCHAAL, ""),
        ("Nog iets?", Vraagsoort.OPEN, ""),
    ]:
        Vragenlijstvraag.objects.create(proces=proces, vraag=vraag, soort=soort, opties=opties)
    bewoner = UserFactory(display_name="Fatima")
    inbreng = InbrengFactory(
        proces=proces,
        auteur=bewoner,
        thema=thema,
        bewoner=True,
        lengte=Decimal("4.8400"),
        breedte=Decimal("52.4400"),
    )
    ReactieFactory(inbreng=inbreng)
    ReactieFactory(inbreng=inbreng, zichtbaarheid="verborgen", verborgen_reden="Grof")
    status_wijzigen(inbreng=inbreng, naar="verwerkt", antwoord="Komt **er**.", door=team)
    overleg = AlliantieoverlegPageFactory(parent=area)
    resultaat = ResultaatPageFactory(
        parent=proces,
        bijdragen=[inbreng],
        status="in_uitvoering",
        voortgang=40,
        budget=85000,
        uit_vragenlijst=True,
        lengte=Decimal("4.8450"),
        breedte=Decimal("52.4450"),
    )
    resultaat.overleggen.add(overleg)
    besluit_vastleggen(
        overleg=overleg, tekst="Zes lantaarns erbij.", bijdragen=[inbreng], door=team
    )
    resultaat.updates.create(tekst="De oude toestellen zijn weg.")
    resultaat.save()
    # A held-back update, for the team's views of the contribution and the process.
    status_wijzigen(
        inbreng=inbreng,
        naar="in_behandeling",
        antwoord="Opnieuw bekeken.",
        door=team,
        vasthouden=True,
    )
    # The moderation queue with a report and an item waiting for approval.
    melden(bijdrage=inbreng, reden="Grof", melder=None, sleutel="ip-test")
    InbrengFactory(proces=proces, zichtbaarheid="moderatie", titel="Wacht op goedkeuring")
    _, token = inbreng_geven(
        proces=proces,
        schrijver=Schrijver(None, "nieuw@example.nl", "Nieuw"),
        soort="idee",
        titel="Wacht op bevestiging",
        tekst="Tekst",
    )
    return {
        "urls": {
            "proces": proces.url,
            "inbreng_geven": proces.url + "inbreng-geven/",
            "inbreng_geven_fout": proces.url + "inbreng-geven/",
            "inbreng": inbreng.url,
            "inbreng_team": inbreng.url,
            "proces_team": proces.url,
            "resultaat": resultaat.url,
            "overleg_besluiten": overleg.url,
            "besluiten": f"/participatie/beheer/overleg/{overleg.pk}/besluiten/",
            "agendapunt": proces.url + "agendapunt/",
            "vragenlijst": proces.url + "vragenlijst/",
            "terugkoppeling": proces.url + "wat-is-er-gedaan/",
            "bevestigen": f"/participatie/bevestigen/{token}/",
            "afmelden": "/participatie/afmelden/onbekend/",
            "mijn_inbreng": "/participatie/mijn-inbreng/",
            "meldingen_instellen": "/participatie/meldingen/",
            "afmelden_soort": "/participatie/geen-email/onbekend/",
            "moderatie": "/participatie/beheer/moderatie/",
            "verslag": f"/participatie/beheer/proces/{proces.pk}/verslag/",
            "geen_toegang": f"/participatie/beheer/proces/{proces.pk}/verslag/",
        },
        "users": {"team": team, "bewoner": bewoner},
    }


def user_for(soort: Soort, site: dict):
    if soort.login is None:
        return None
    return UserFactory() if soort.login == "nieuw" else site["users"][soort.login]


# One test per page type runs both auditors on one set-up: the `site` fixture is the costly
# part, and a browser test's database is emptied after each test (issue 21, point 7).
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_passes_the_nu_checker_and_axe(
    name, site, client, nu_checker, page, axe, browser_login
):
    soort = PAGE_TYPES[name]
    url = site["urls"][name]
    if user := user_for(soort, site):
        browser_login(user)  # logs `client` in as well: the browser gets its session

    response = client.get(url, follow=True)
    if soort.klik:
        response = client.post(site["acties"][name], follow=True)
    assert response.status_code == soort.status
    assert soort.toont is None or soort.toont in response.content.decode()
    assert nu_checker(response.content.decode()) == []

    browser_response = page.goto(url)
    if soort.klik:
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name=soort.klik, exact=True).click()
        browser_response = navigation.value
    assert browser_response.status == soort.status
    assert axe(page) == []
