"""A page's SQL query count does not grow with the content on it (DESIGN.md's quality bars):
every public page type is rendered for an anonymous visitor with a little content and again
with five times as much, and must take the same number of queries (issue 21, point 6). The
pages of someone logged in (their own kennisbank, questions, requests, invitations,
contributions and settings) are measured the same way, logged in, while their own things grow
(issue 21, point 3 of the follow-up).

`test_every_public_page_type_is_measured` fails for a page model, a route of a routable page
or a URL pattern that is neither measured nor named in NIET_GEMETEN, so a new page type is
noticed."""

import datetime
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import get_page_models

from gebieden.models import (
    Actielijn,
    AlliantieoverlegPage,
    FocusgebiedPage,
    Kernindicator,
    Thema,
)
from gebieden.monitor.importer import importeren
from kennisbank.expertpool.models import ExpertPage, Ondersteuningsaanvraag
from kennisbank.expertpool.services import (
    aanvraag_afronden,
    aanvulling_toevoegen,
    expert_uitnodigen,
    uitnodiging_beantwoorden,
)
from kennisbank.inzendingen.models import Inzending, Organisatie, Organisatielid
from kennisbank.models import (
    Aanmelding,
    Bewijskracht,
    BewijskrachtPage,
    Doelgroep,
    EvenementPage,
    LeerkringBijeenkomst,
    LeerkringPage,
    Leeslijstitem,
    PraktijkvoorbeeldPage,
    PublicatiePage,
    SynthesePage,
    Volg,
    Volgsoort,
    Vraag,
    VraagPage,
)
from participatie.models import (
    Inbreng,
    ParticipatieprocesPage,
    ResultaatPage,
    ResultaatUpdate,
    Vraagsoort,
    Vragenlijstvraag,
)
from participatie.overgangen import Zichtbaarheid
from participatie.services import besluit_vastleggen, melden, status_wijzigen
from search.services import herbouwen
from tests.factories import (
    AlliantieLidFactory,
    AlliantieoverlegPageFactory,
    BewijskrachtFactory,
    BewijskrachtPageFactory,
    DoelgroepFactory,
    EvenementPageFactory,
    ExpertPageFactory,
    ExpertpoolPageFactory,
    FocusgebiedPageFactory,
    GebiedsgrensFactory,
    InbrengFactory,
    InzendingFactory,
    KennisbankIndexPageFactory,
    LeerkringPageFactory,
    OndersteuningsaanvraagFactory,
    OrganisatieFactory,
    ParticipatieprocesPageFactory,
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
    PublicatiePageFactory,
    ReactieFactory,
    ResultaatPageFactory,
    SteunFactory,
    SynthesePageFactory,
    ThemaFactory,
    UserFactory,
    VraagFactory,
    VraagPageFactory,
    teamlid,
)
from wijkwijzer.models import User

KLEIN, GROOT = 2, 10  # items of each kind per list, at the two sizes

# What is not measured, and why. Everything else a visitor can reach is.
NIET_GEMETEN = {
    "wagtailcore.Page": "de boomwortel, geen pagina voor bezoekers",
    "admin/login/": "stuurt door naar de inlogpagina",
    "_util/login/": "stuurt door naar de inlogpagina",
    "favicon.ico": "een vast bestand",
    "health": "een controle voor beheer, geen inhoud",
    "privacy": "vaste tekst",
    "toegankelijkheid": "vaste tekst",
    "search:openapi": "een vast bestand",
    "kennisbank:leeslijst": "schrijft (POST)",
    "kennisbank:volgen": "schrijft (POST)",
    "kennisbank:volgmeldingen": "schrijft (POST)",
    "kennisbank:volgmeldingen_uit": "een afmeldbevestiging, geen inhoud",
    "kennisbank:aanmelden": "schrijft (POST)",
    "kennisbank:afmelden": "schrijft (POST)",
    "kennisbank:leerkring_aanvragen": "schrijft (POST)",
    "kennisbank:leerkring_verlaten": "schrijft (POST)",
    "kennisbank:vraag_toestemming": "schrijft (POST)",
    "kennisbank:leerkring_document": "alleen voor leden, een bestand",
    "expertpool:aanvullen": "schrijft (POST)",
    "expertpool:intrekken": "schrijft (POST)",
    "expertpool:feedback": "schrijft (POST)",
    "expertpool:uitnodiging": "één uitnodiging, voor de uitgenodigde expert",
    "expertpool:mijn_uitnodiging": "schrijft (POST)",
    "inzendingen:nieuw": "schrijft (POST)",
    "inzendingen:indienen": "schrijft (POST)",
    "inzendingen:terugtrekken": "schrijft (POST)",
    "inzendingen:delen": "schrijft (POST)",
    "participatie:bevestigen": "een bevestiging van één bericht",
    "participatie:verstuurd": "vaste tekst",
    "participatie:reageren": "schrijft (POST)",
    "participatie:steunen": "schrijft (POST)",
    "participatie:inbreng_melden": "schrijft (POST)",
    "participatie:reactie_melden": "schrijft (POST)",
    "participatie:inbreng_foto": "een bestand",
    "participatie:meldingen": "schrijft (POST)",
    "participatie:afmelden": "een afmeldbevestiging, geen inhoud",
    "participatie:afmelden_soort": "een afmeldbevestiging, geen inhoud",
    "participatie:moderatie_bulk": "schrijft (POST), alleen voor het team",
    "participatie:behandelen": "schrijft (POST), alleen voor het team",
    "participatie:moderatie_actie": "schrijft (POST), alleen voor het team",
    "participatie:update_actie": "schrijft (POST), alleen voor het team",
    "participatie:vastgehouden_publiceren": "schrijft (POST), alleen voor het team",
    "wagtailcore_authenticate_with_password": "een wachtwoordformulier",
    "wagtailcore_login": "stuurt door naar de inlogpagina",
    "wagtail_serve": "de paginaboom: elk paginatype staat hieronder apart",
}
# Whole URL trees that are not for visitors or serve files.
NIET_GEMETEN_ONDER = ("admin/", "documenten/", "account/", "^media/")


@dataclass
class Inhoud:
    """One area with a process, a meeting and a result, and the kennisbank around it; `groei`
    adds `n` more of every kind of item these pages list."""

    gebied: FocusgebiedPage
    team: User
    thema: Thema
    niveau: Bewijskracht
    doelgroep: Doelgroep
    actielijn: Actielijn
    proces: ParticipatieprocesPage
    inbreng: Inbreng
    overleg: AlliantieoverlegPage
    resultaat: ResultaatPage
    voorbeeld: PraktijkvoorbeeldPage
    ander_voorbeeld: PraktijkvoorbeeldPage
    synthese: SynthesePage
    bewijskracht: BewijskrachtPage
    publicatie: PublicatiePage
    evenement: EvenementPage
    leerkring: LeerkringPage
    vraag: VraagPage
    expert: ExpertPage
    # Each growth step adds one earlier year of figures to the area's indicator.
    jaren: Iterator[int] = field(default_factory=lambda: iter(range(2018, 1900, -1)))

    def urls(self) -> dict[str, str]:
        proces = self.proces.url
        return {
            "wijkwijzer.HomePage": "/",
            "gebieden.GebiedenIndexPage": "/gebieden/",
            "gebieden.FocusgebiedPage": self.gebied.url,
            "gebieden.AlliantieoverlegPage": self.overleg.url,
            "participatie.ParticipatieprocesPage": proces,
            "participatie.ParticipatieprocesPage:index_route": proces,
            "participatie.ParticipatieprocesPage:inbreng": self.inbreng.url,
            "participatie.ParticipatieprocesPage:inbreng_geven": proces + "inbreng-geven/",
            "participatie.ParticipatieprocesPage:agendapunt": proces + "agendapunt/",
            "participatie.ParticipatieprocesPage:vragenlijst": proces + "vragenlijst/",
            "participatie.ParticipatieprocesPage:open_data": proces + "open-data/geojson/",
            "participatie.ParticipatieprocesPage:open_data (csv)": proces + "open-data/csv/",
            "participatie.ParticipatieprocesPage:terugkoppeling": proces + "wat-is-er-gedaan/",
            "participatie.ParticipatieprocesPage (gefilterd)": f"{proces}?thema={self.thema.slug}",
            "participatie.ResultaatPage": self.resultaat.url,
            "kennisbank.KennisbankIndexPage": "/kennisbank/",
            "kennisbank.PraktijkvoorbeeldIndexPage": "/kennisbank/praktijkvoorbeelden/",
            "kennisbank.PraktijkvoorbeeldIndexPage (gefilterd)": (
                f"/kennisbank/praktijkvoorbeelden/?thema={self.thema.slug}&sort=bewijskracht"
            ),
            "kennisbank.PraktijkvoorbeeldPage": self.voorbeeld.url,
            "kennisbank:vergelijken": "/kennisbank/praktijkvoorbeelden/vergelijken/"
            f"?id={self.voorbeeld.pk}&id={self.ander_voorbeeld.pk}",
            "kennisbank.SynthesePage": self.synthese.url,
            "kennisbank.BewijskrachtPage": self.bewijskracht.url,
            "kennisbank.PublicatieIndexPage": "/kennisbank/publicaties/",
            "kennisbank.PublicatiePage": self.publicatie.url,
            "kennisbank.AgendaPage": "/kennisbank/agenda/",
            "kennisbank.EvenementPage": self.evenement.url,
            "kennisbank.LeerkringIndexPage": "/kennisbank/leerkringen/",
            "kennisbank.LeerkringPage": self.leerkring.url,
            "kennisbank.VraagbaakPage": "/kennisbank/vraagbaak/",
            "kennisbank.VraagPage": self.vraag.url,
            "kennisbank:feed": "/kennisbank/feed/",
            "expertpool.ExpertpoolPage": "/expertpool/",
            "expertpool.ExpertPage": self.expert.url,
            "monitor:gebied": f"/gebieden/{self.gebied.slug}/monitor/",
            "monitor:gebied_csv": f"/gebieden/{self.gebied.slug}/monitor/13.csv",
            "monitor:vergelijking": "/monitor/?indicator=13",
            "monitor:vergelijking_csv": "/monitor/vergelijking.csv?indicator=13",
            "search:zoeken": "/zoeken/?q=plein",
            "search:api": "/api/zoeken/?q=plein",
            "search:suggesties": "/api/zoeken/suggesties/?q=pra",
            "sitemap.xml": "/sitemap.xml",
            "robots.txt": "/robots.txt",
        }

    def groei(self, n: int) -> None:
        for _ in range(n):
            self._gebied()
            self._participatie()
            self._kennisbank()
            self._monitor()
        herbouwen()

    def _gebied(self) -> None:
        vandaag = datetime.date.today()
        AlliantieLidFactory(focusgebied=self.gebied)
        AlliantieoverlegPageFactory(parent=self.gebied, datum=vandaag + datetime.timedelta(7))
        AlliantieoverlegPageFactory(parent=self.gebied, datum=vandaag - datetime.timedelta(7))
        ParticipatieprocesPageFactory(parent=self.gebied)

    def _participatie(self) -> None:
        inbreng = InbrengFactory(
            proces=self.proces,
            thema=self.thema,
            lengte=Decimal("4.8400"),
            breedte=Decimal("52.4400"),
        )
        ReactieFactory(inbreng=self.inbreng)
        ReactieFactory(inbreng=inbreng)
        SteunFactory(inbreng=self.inbreng)
        SteunFactory(inbreng=inbreng)
        status_wijzigen(inbreng=inbreng, naar="verwerkt", antwoord="Komt er.", door=self.team)
        besluit_vastleggen(
            overleg=self.overleg, tekst="Besloten.", bijdragen=[inbreng], door=self.team
        )
        Vragenlijstvraag.objects.create(
            proces=self.proces, vraag="Welke kleur?", soort=Vraagsoort.EEN, opties="Rood\nBlauw"
        )
        ResultaatPageFactory(
            parent=self.proces,
            bijdragen=[inbreng],
            lengte=Decimal("4.8450"),
            breedte=Decimal("52.4450"),
        )
        self.resultaat.bijdragen.add(inbreng)
        self.resultaat.overleggen.add(AlliantieoverlegPageFactory(parent=self.gebied))
        ResultaatUpdate.objects.create(
            resultaat=self.resultaat, tekst="Weer een stap.", foto=_foto(), foto_tekst="Foto"
        )
        self.resultaat.save()

    def _kennisbank(self) -> None:
        kenmerken = {
            "themas": [self.thema, ThemaFactory()],
            "bewijskracht": self.niveau,
            "doelgroepen": [self.doelgroep],
            "actielijnen": [self.actielijn],
        }
        in_gebied = PraktijkvoorbeeldPageFactory(focusgebied=self.gebied, **kenmerken)
        PraktijkvoorbeeldPageFactory(**kenmerken)
        self.synthese.voorbeelden.add(in_gebied)
        self.synthese.save()
        PublicatiePageFactory(themas=[self.thema, ThemaFactory()])
        EvenementPageFactory(themas=[self.thema])
        EvenementPageFactory(
            themas=[self.thema], begin=timezone.now() - datetime.timedelta(days=30)
        )
        Aanmelding.objects.create(
            evenement=self.evenement, deelnemer=UserFactory(), status=Aanmelding.Status.AANGEMELD
        )
        LeerkringPageFactory(themas=[self.thema])
        LeerkringBijeenkomst.objects.create(
            leerkring=self.leerkring, begin=timezone.now(), plaats="Utrecht"
        )
        VraagPageFactory(themas=[self.thema], focusgebied=self.gebied)
        expert = ExpertPageFactory(
            themas=[self.thema, ThemaFactory()],
            fasen=["ontwerp"],
            regios=["landelijk"],
            foto=_foto(),
        )
        expert.praktijkvoorbeelden.add(in_gebied)
        expert.save()
        self.expert.praktijkvoorbeelden.add(in_gebied)
        self.expert.save()
        _afgerond(self.expert, self.gebied, self.thema)

    def _monitor(self) -> None:
        ander = FocusgebiedPageFactory(parent=self.gebied.get_parent())
        jaar = next(self.jaren)
        importeren(
            "\n".join(
                [
                    "indicator;gebied;periode;waarde;eenheid;bron;gemeente;nederland",
                    f"13;{self.gebied.slug};{jaar};55;procent;Voorbeeld;60;70",
                    f"13;{ander.slug};2024;52;procent;Voorbeeld;60;70",
                ]
            ),
            voorbeelddata=True,
        )


def _foto() -> Image:
    return Image.objects.create(title="Foto", file=get_test_image_file())


def _afgerond(expert: ExpertPage, gebied: FocusgebiedPage, thema: Thema) -> None:
    """A finished, public request the expert helped with."""
    aanvraag = OndersteuningsaanvraagFactory(focusgebied=gebied, themas=[thema])
    uitnodiging, _token = expert_uitnodigen(aanvraag=aanvraag, expert=expert, door=None)
    uitnodiging_beantwoorden(uitnodiging=uitnodiging, accepteren=True, door=None)
    aanvraag_afronden(aanvraag=aanvraag, door=None, uitkomst="Een plan.", openbaar=True)


@pytest.fixture
def inhoud(gebieden_index, roles) -> Inhoud:
    """Every public page type once, each list on them empty."""
    gebied = FocusgebiedPageFactory(parent=gebieden_index, title="Zaandam Oost", postcodes="1503")
    GebiedsgrensFactory(focusgebied=gebied)
    team = teamlid(gebied)
    actielijn = Actielijn.objects.create(nummer=4, titel="Jeugd en veiligheid")
    Kernindicator.objects.create(nummer=13, actielijn=actielijn, naam="Ervaren veiligheid")
    thema = ThemaFactory(label="Veiligheid")
    proces = ParticipatieprocesPageFactory(
        parent=gebied, agendapunt_aan=True, vragenlijst_aan=True, speld_aan=True
    )
    KennisbankIndexPageFactory()
    PraktijkvoorbeeldIndexPageFactory()
    voorbeelden = [PraktijkvoorbeeldPageFactory(focusgebied=gebied) for _ in range(2)]
    ExpertpoolPageFactory()
    return Inhoud(
        gebied=gebied,
        team=team,
        thema=thema,
        niveau=BewijskrachtFactory(),
        doelgroep=DoelgroepFactory(),
        actielijn=actielijn,
        proces=proces,
        inbreng=InbrengFactory(proces=proces, thema=thema),
        overleg=AlliantieoverlegPageFactory(parent=gebied),
        resultaat=ResultaatPageFactory(parent=proces),
        voorbeeld=voorbeelden[0],
        ander_voorbeeld=voorbeelden[1],
        synthese=SynthesePageFactory(voorbeelden=voorbeelden),
        bewijskracht=BewijskrachtPageFactory(),
        publicatie=PublicatiePageFactory(themas=[thema]),
        evenement=EvenementPageFactory(themas=[thema]),
        leerkring=LeerkringPageFactory(),
        vraag=VraagPageFactory(),
        expert=ExpertPageFactory(themas=[thema]),
    )


def _normaal(sql: str) -> str:
    """A query without its literal values, so the same query for other items reads the same."""
    return re.sub(r"IN \(\?(, \?)*\)", "IN (...)", re.sub(r"\b\d+\b|'[^']*'", "?", sql))


def _meet(client: Client, urls: dict[str, str]) -> dict[str, list[str]]:
    gemeten = {}
    for naam, url in urls.items():
        # Kept image renditions, site root paths and search answers live in the cache, which
        # a restart or a new server starts without: what a page costs is measured without.
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, f"{naam}: {url} gaf {response.status_code}"
        gemeten[naam] = [_normaal(query["sql"]) for query in queries]
    return gemeten


@dataclass
class Eigen:
    """A resident with their own things in every part, and an expert with invitations; `groei`
    adds `n` more of each thing their own pages list."""

    inhoud: Inhoud
    bewoner: User
    expert: User
    profiel: ExpertPage
    organisatie: Organisatie
    vraag: Vraag
    aanvraag: Ondersteuningsaanvraag
    inzending: Inzending

    def urls(self) -> dict[str, tuple[User, str]]:
        """The logged-in pages by URL name, each with who looks at it."""
        bewoner, expert = self.bewoner, self.expert
        return {
            "kennisbank:mijn_kennisbank": (bewoner, "/kennisbank/mijn-kennisbank/"),
            "kennisbank:vraag_stellen": (bewoner, "/kennisbank/vraagbaak/vraag-stellen/"),
            "kennisbank:mijn_vragen": (bewoner, "/kennisbank/vraagbaak/mijn-vragen/"),
            "kennisbank:mijn_vraag": (
                bewoner,
                f"/kennisbank/vraagbaak/mijn-vragen/{self.vraag.pk}/",
            ),
            "expertpool:aanvragen": (bewoner, "/expertpool/aanvragen/"),
            "expertpool:mijn_aanvragen": (bewoner, "/expertpool/mijn-aanvragen/"),
            "expertpool:mijn_aanvraag": (
                bewoner,
                f"/expertpool/mijn-aanvragen/{self.aanvraag.pk}/",
            ),
            "expertpool:mijn_uitnodigingen": (expert, "/expertpool/mijn-uitnodigingen/"),
            "inzendingen:mijn_bijdragen": (bewoner, "/kennisbank/bijdragen/"),
            "inzendingen:overzicht": (bewoner, f"/kennisbank/bijdragen/{self.inzending.pk}/"),
            "inzendingen:stap": (bewoner, f"/kennisbank/bijdragen/{self.inzending.pk}/stap/1/"),
            "participatie:mijn_inbreng": (bewoner, "/participatie/mijn-inbreng/"),
            "participatie:meldingen_instellen": (bewoner, "/participatie/meldingen/"),
            "profiel": (bewoner, "/account/profiel/"),
            "mijn_gegevens": (bewoner, "/account/mijn-gegevens/"),
            "account_verwijderen": (bewoner, "/account/verwijderen/"),
        }

    def groei(self, n: int) -> None:
        inhoud, bewoner = self.inhoud, self.bewoner
        for _ in range(n):
            thema, gebied = (
                ThemaFactory(),
                FocusgebiedPageFactory(parent=inhoud.gebied.get_parent()),
            )
            # The reading list, what is followed and new examples matching it.
            voorbeeld = PraktijkvoorbeeldPageFactory(themas=[thema], focusgebied=gebied)
            Leeslijstitem.objects.create(gebruiker=bewoner, pagina=voorbeeld)
            Volg.objects.create(gebruiker=bewoner, soort=Volgsoort.THEMA, waarde=thema.slug)
            Volg.objects.create(gebruiker=bewoner, soort=Volgsoort.GEBIED, waarde=gebied.slug)
            # Questions, requests with their timeline, invitations for the expert.
            VraagFactory(vrager=bewoner, thema=thema, focusgebied=gebied)
            aanvraag = OndersteuningsaanvraagFactory(
                aanvrager=bewoner, focusgebied=gebied, themas=[thema, inhoud.thema]
            )
            aanvulling_toevoegen(aanvraag=self.aanvraag, door=bewoner, tekst="Nog iets.")
            expert_uitnodigen(aanvraag=aanvraag, expert=self.profiel, door=None)
            # Contributions of one's own and shared with one, and input in a process.
            InzendingFactory(auteur=bewoner)
            collega = UserFactory()
            Organisatielid.objects.create(organisatie=self.organisatie, gebruiker=collega)
            InzendingFactory(auteur=collega, organisatie=self.organisatie, gedeeld=True)
            mijn_inbreng = InbrengFactory(proces=inhoud.proces, auteur=bewoner, thema=thema)
            ReactieFactory(inbreng=mijn_inbreng)
            SteunFactory(inbreng=mijn_inbreng)
        herbouwen()


@pytest.fixture
def eigen(inhoud) -> Eigen:
    bewoner, expert = UserFactory(display_name="Fatima"), UserFactory(display_name="Expert")
    return Eigen(
        inhoud=inhoud,
        bewoner=bewoner,
        expert=expert,
        profiel=ExpertPageFactory(themas=[inhoud.thema], gebruiker=expert),
        organisatie=OrganisatieFactory(leden=[bewoner]),
        vraag=VraagFactory(vrager=bewoner, thema=inhoud.thema),
        aanvraag=OndersteuningsaanvraagFactory(aanvrager=bewoner, themas=[inhoud.thema]),
        inzending=InzendingFactory(auteur=bewoner, compleet=False),
    )


def _meet_ingelogd(urls: dict[str, tuple[User, str]]) -> dict[str, list[str]]:
    clients: dict[int, Client] = {}
    gemeten = {}
    for naam, (gebruiker, url) in urls.items():
        if gebruiker.pk not in clients:
            clients[gebruiker.pk] = Client()
            clients[gebruiker.pk].force_login(gebruiker)
        gemeten.update(_meet(clients[gebruiker.pk], {naam: url}))
    return gemeten


def _vergelijk(namen, klein: dict[str, list[str]], groot: dict[str, list[str]]) -> str:
    """The table of counts on the output, and the difference of every page that grew."""
    print(f"\n{'paginatype':<58} {KLEIN:>4} {GROOT:>4}")
    for naam in namen:
        print(f"{naam:<58} {len(klein[naam]):>4} {len(groot[naam]):>4}")
    gegroeid = {
        naam: (klein[naam], groot[naam]) for naam in namen if len(groot[naam]) != len(klein[naam])
    }
    return "\n\n".join(
        f"{naam}: {len(voor)} -> {len(na)} queries\n"
        + "\n".join(difflib.unified_diff(voor, na, lineterm="", n=0))
        for naam, (voor, na) in gegroeid.items()
    )


@pytest.mark.django_db
def test_no_logged_in_page_takes_more_queries_with_more_of_ones_own(eigen):
    urls = eigen.urls()
    eigen.groei(KLEIN)
    _meet_ingelogd(urls)
    klein = _meet_ingelogd(urls)
    eigen.groei(GROOT - KLEIN)
    _meet_ingelogd(urls)
    groot = _meet_ingelogd(urls)
    verschil = _vergelijk(urls, klein, groot)
    assert not verschil, verschil


def _team_urls(inhoud: Inhoud) -> dict[str, tuple[User, str]]:
    """The area team's own pages (moderation, decisions, the report), by URL name."""
    team, beheer = inhoud.team, "/participatie/beheer"
    return {
        "participatie:moderatie": (team, f"{beheer}/moderatie/"),
        "participatie:besluiten": (team, f"{beheer}/overleg/{inhoud.overleg.pk}/besluiten/"),
        "participatie:verslag": (team, f"{beheer}/proces/{inhoud.proces.pk}/verslag/"),
        "participatie:verslag_csv": (team, f"{beheer}/proces/{inhoud.proces.pk}/verslag.csv"),
    }


def _wachtrij_groei(inhoud: Inhoud, n: int) -> None:
    """`n` more contributions and replies waiting for a moderator, and `n` open reports."""
    for _ in range(n):
        wacht = Zichtbaarheid.WACHT_OP_MODERATIE
        InbrengFactory(proces=inhoud.proces, thema=inhoud.thema, zichtbaarheid=wacht)
        ReactieFactory(inbreng=inhoud.inbreng, zichtbaarheid=wacht)
        melden(
            bijdrage=ReactieFactory(inbreng=inhoud.inbreng),
            reden="Scheldwoord.",
            melder=None,
            sleutel="melder",
        )


@pytest.mark.django_db
def test_no_team_page_takes_more_queries_with_more_to_handle(inhoud):
    # Team pages are for accounts with a second factor only.
    TOTP.activate(inhoud.team, generate_totp_secret())
    urls = _team_urls(inhoud)
    for meting in ("klein", "groot"):
        groei = KLEIN if meting == "klein" else GROOT - KLEIN
        inhoud.groei(groei)
        _wachtrij_groei(inhoud, groei)
        _meet_ingelogd(urls)
        gemeten = _meet_ingelogd(urls)
        if meting == "klein":
            klein = gemeten
    verschil = _vergelijk(urls, klein, gemeten)
    assert not verschil, verschil


@pytest.mark.django_db
def test_no_public_page_takes_more_queries_with_more_content(client, inhoud):
    urls = inhoud.urls()
    inhoud.groei(KLEIN)
    # The first round warms per-process caches (content types) and makes the image
    # renditions, which a visitor finds made.
    _meet(client, urls)
    klein = _meet(client, urls)
    inhoud.groei(GROOT - KLEIN)
    _meet(client, urls)
    groot = _meet(client, urls)
    verschil = _vergelijk(urls, klein, groot)
    assert not verschil, verschil


def _url_namen(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[str]:
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(NIET_GEMETEN_ONDER):
            continue
        if isinstance(pattern, URLResolver):
            yield from _url_namen(pattern, route, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name or route


@pytest.mark.django_db
def test_every_public_page_type_is_measured(inhoud, eigen):
    gemeten = {naam.split(" (")[0] for naam in [*inhoud.urls(), *eigen.urls(), *_team_urls(inhoud)]}
    soorten = [model._meta.label for model in get_page_models()]
    soorten += [
        f"{model._meta.label}:{route.name}"
        for model in get_page_models()
        if issubclass(model, RoutablePageMixin)
        for route in model.get_subpage_urls()
    ]
    soorten += list(_url_namen(get_resolver()))
    assert [soort for soort in soorten if soort not in gemeten | NIET_GEMETEN.keys()] == []
