"""The permission matrix: every role against every write URL, asserting the exact set of roles
whose write takes effect.

A write "takes effect" when a row of the project's apps (or a user) changed: the tables the
request sent write statements to are compared with the world before. Each attempt runs in a
savepoint that is rolled back, so every role starts from the same world. A refused
write must also be refused cleanly: a redirect to the login page, 403, 404 or 405, never a
server error. The admin's editing screens are checked by opening them (Wagtail checks the same
permission to show an editor as to save it): allowed means a 200 (and, for a row that names a
text, the page showing it). A few reads decided by a rule are rows too.

Each row names the rules (django-rules, `app.verb_model`) whose decision it exercises; a rule
of this project that no row names fails the matrix, so a new rule cannot go untested.

The roles: anonymous, a resident (who owns the resident's things below), a resident of another
area, alliance staff of area A and of area B, a platform moderator, a redacteur, the
expertpool coördinator and a superuser. Residents may give input in any area: the postcode
only earns the "bewoner" mark, it does not gate writing."""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rules.permissions import permissions
from wagtail.documents.models import Document

from gebieden.services import add_alliantie_medewerker
from kennisbank.expertpool.models import ExpertPage, Fase, Ondersteuningsaanvraag, Uitnodiging
from kennisbank.inzendingen.models import Inzending
from kennisbank.models import Aanmelding, Lidmaatschap, Vraag
from kennisbank.services.leerkringen import ensure_ledencollectie
from participatie import services as participatie_services
from participatie.models import (
    Inbrengsoort,
    Inbrengstatus,
    Meldingsoort,
    Steun,
    Vraagsoort,
    Vragenlijstvraag,
)
from tests.factories import (
    AgendaPageFactory,
    AlliantieoverlegPageFactory,
    EvenementPageFactory,
    ExpertPageFactory,
    ExpertpoolPageFactory,
    FocusgebiedPageFactory,
    InbrengFactory,
    InzendingFactory,
    KennisbankIndexPageFactory,
    LeerkringIndexPageFactory,
    LeerkringPageFactory,
    OndersteuningsaanvraagFactory,
    ParticipatieprocesPageFactory,
    PraktijkvoorbeeldIndexPageFactory,
    PraktijkvoorbeeldPageFactory,
    ReactieFactory,
    ThemaFactory,
    UserFactory,
    VraagbaakPageFactory,
    VraagFactory,
)
from tests.participatie.conftest import with_mfa
from wijkwijzer.discovery import project_app_configs
from wijkwijzer.models import User, Verzending
from wijkwijzer.roles import EXPERTPOOL_COORDINATOR, MODERATOR, REDACTEUR

pytestmark = pytest.mark.django_db

ROLLEN = [
    "anoniem",
    "bewoner",
    "bewoner_b",
    "team_a",
    "team_b",
    "moderator",
    "redacteur",
    "coordinator",
    "superuser",
]
INGELOGD = set(ROLLEN) - {"anoniem"}
IEDEREEN = set(ROLLEN)
ALLEEN_EIGENAAR = {"bewoner"}
TEAM_A = {"team_a", "superuser"}
GEEN: set[str] = set()


@dataclass
class Actie:
    naam: str
    url: Callable[[dict], str]
    data: Callable[[dict], dict] | None = None  # None: open the (admin) screen with a GET
    toegestaan: set[str] = field(default_factory=set)
    # Run for the acting user first, inside the savepoint (for example: be registered).
    vooraf: Callable[[dict, User], object] | None = None
    # The rules (`app.verb_model`) whose decision this row exercises.
    regels: tuple[str, ...] = ()
    # For a screen (data None): allowed only when the page shows this text.
    toont: str | None = None


def _lidmaatschap(w: dict, gebruiker: User) -> None:
    Lidmaatschap.objects.create(
        leerkring=w["kring"], deelnemer=gebruiker, status=Lidmaatschap.Status.LID
    )


def _aanmelding(w: dict, gebruiker: User) -> None:
    Aanmelding.objects.create(
        evenement=w["evenement"], deelnemer=gebruiker, status=Aanmelding.Status.AANGEMELD
    )


def _uitgenodigde_expert(w: dict, gebruiker: User) -> None:
    ExpertPage.objects.filter(pk=w["uitnodiging"].expert_id).update(gebruiker=gebruiker)


def _steun(w: dict, gebruiker: User) -> None:
    Steun.objects.create(inbreng=w["inbreng"], gebruiker=gebruiker)


def _inbreng_formulier(w: dict) -> dict:
    return {
        "soort": Inbrengsoort.IDEE,
        "titel": "Bankjes bij de speeltuin",
        "tekst": "Graag een paar bankjes voor ouders.",
        "thema": w["thema"].pk,
        "pseudoniem": "Iemand",
        "email": "iemand@example.nl",
    }


ACTIES = [
    # Residents' writes on area A's process: open to everyone (without an account they wait
    # for the e-mail confirmation, stored all the same).
    Actie(
        "inbreng geven", lambda w: w["proces"].url + "inbreng-geven/", _inbreng_formulier, IEDEREEN
    ),
    Actie(
        "agendapunt voorstellen",
        lambda w: w["proces"].url + "agendapunt/",
        lambda w: {
            "titel": "Verlichting",
            "tekst": "Het pad is donker.",
            "pseudoniem": "Iemand",
            "email": "iemand@example.nl",
        },
        IEDEREEN,
    ),
    Actie(
        "vragenlijst invullen",
        lambda w: w["proces"].url + "vragenlijst/",
        lambda w: {
            f"vraag_{w['vraag'].pk}": "Meer groen",
            "pseudoniem": "Iemand",
            "email": "iemand@example.nl",
        },
        IEDEREEN,
    ),
    Actie(
        "reageren",
        lambda w: f"/participatie/inbreng/{w['inbreng'].pk}/reageren/",
        lambda w: {"tekst": "Mee eens.", "pseudoniem": "Iemand", "email": "iemand@example.nl"},
        IEDEREEN,
    ),
    Actie(
        "steunen",
        lambda w: f"/participatie/inbreng/{w['inbreng'].pk}/steunen/",
        lambda w: {"steun-email": "iemand@example.nl"},
        IEDEREEN,
    ),
    Actie(
        "inbreng melden",
        lambda w: f"/participatie/inbreng/{w['inbreng'].pk}/melden/",
        lambda w: {"reden": "Dit is reclame."},
        IEDEREEN,
    ),
    Actie(
        "reactie melden",
        lambda w: f"/participatie/reactie/{w['reactie'].pk}/melden/",
        lambda w: {"reden": "Dit is reclame."},
        IEDEREEN,
    ),
    # One's own notification settings.
    Actie(
        "meldingen bij een inbreng",
        lambda w: f"/participatie/inbreng/{w['inbreng'].pk}/meldingen/",
        lambda w: {"aan": "0"},
        INGELOGD,
        vooraf=_steun,
    ),
    Actie(
        "meldingen instellen",
        lambda w: "/participatie/meldingen/",
        lambda w: {"gebieden": [w["gebied"].pk], **dict.fromkeys(Meldingsoort.values, "nooit")},
        INGELOGD,
    ),
    # The alliance team of area A answers; the moderators and that team moderate.
    Actie(
        "beantwoorden",
        lambda w: f"/participatie/beheer/inbreng/{w['inbreng'].pk}/behandelen/",
        lambda w: {"status": Inbrengstatus.IN_BEHANDELING},
        TEAM_A,
        regels=("participatie.beantwoorden",),
    ),
    Actie(
        "vastgehouden update publiceren",
        lambda w: f"/participatie/beheer/update/{w['update'].pk}/",
        lambda w: {"actie": "publiceren"},
        TEAM_A,
        regels=("participatie.beantwoorden",),
    ),
    Actie(
        "alle vastgehouden updates publiceren",
        lambda w: f"/participatie/beheer/proces/{w['proces'].pk}/publiceren/",
        lambda w: {"moment": ""},
        TEAM_A,
        regels=("participatie.beantwoorden",),
    ),
    Actie(
        "besluit vastleggen",
        lambda w: f"/participatie/beheer/overleg/{w['overleg'].pk}/besluiten/",
        lambda w: {"tekst": "We plaatsen bankjes.", "bijdragen": [w["inbreng"].pk]},
        TEAM_A,
        regels=("participatie.beantwoorden",),
    ),
    Actie(
        "modereren",
        lambda w: f"/participatie/beheer/moderatie/inbreng/{w['inbreng'].pk}/",
        lambda w: {"actie": "verbergen", "reden": "Scheldwoorden"},
        {"team_a", "moderator", "superuser"},
        regels=("participatie.modereren",),
    ),
    Actie(
        "modereren in bulk",
        lambda w: "/participatie/beheer/moderatie/bulk/",
        lambda w: {"items": [f"inbreng:{w['inbreng'].pk}"], "actie": "verbergen", "reden": "Spam"},
        {"team_a", "moderator", "superuser"},
        regels=("participatie.modereren",),
    ),
    # Kennisbank: one's own lists, registrations, questions and requests.
    Actie(
        "leeslijst", lambda w: f"/kennisbank/leeslijst/{w['voorbeeld'].pk}/", lambda w: {}, INGELOGD
    ),
    Actie(
        "volgen",
        lambda w: "/kennisbank/volgen/",
        lambda w: {"soort": "thema", "waarde": w["thema"].slug},
        INGELOGD,
    ),
    Actie(
        "kennisbank-meldingen instellen",
        lambda w: "/kennisbank/meldingen/",
        lambda w: {"frequentie": "dagelijks"},
        INGELOGD,
    ),
    Actie(
        "aanmelden evenement",
        lambda w: f"/agenda/{w['evenement'].pk}/aanmelden/",
        lambda w: {},
        INGELOGD,
    ),
    Actie(
        "afmelden evenement",
        lambda w: f"/agenda/{w['evenement'].pk}/afmelden/",
        lambda w: {},
        INGELOGD,
        vooraf=_aanmelding,
    ),
    Actie(
        "aanmelden leerkring",
        lambda w: f"/leerkringen/{w['kring'].pk}/aanmelden/",
        lambda w: {"motivatie": "Ik werk in de wijk."},
        INGELOGD,
    ),
    Actie(
        "leerkring verlaten",
        lambda w: f"/leerkringen/{w['kring'].pk}/verlaten/",
        lambda w: {},
        INGELOGD,
        vooraf=_lidmaatschap,
    ),
    Actie(
        "vraag stellen",
        lambda w: "/kennisbank/vraagbaak/vraag-stellen/",
        lambda w: {"thema": w["thema"].pk, "vraag": "Hoe?", "toelichting": "Uitleg"},
        INGELOGD,
    ),
    Actie(
        "toestemming voor de eigen vraag",
        lambda w: f"/kennisbank/vraagbaak/mijn-vragen/{w['vraag_van_bewoner'].pk}/toestemming/",
        lambda w: {"toestemming_publicatie": "on"},
        ALLEEN_EIGENAAR,
    ),
    Actie(
        "expertpool-aanvraag indienen",
        lambda w: "/expertpool/aanvragen/",
        lambda w: {
            "organisatie": "Gemeente Delft",
            "gemeente": "Delft",
            "vraag": "Hoe betrekken we sportclubs?",
            "fase": Fase.objects.get(slug="ontwerp").pk,
            "themas": [w["thema"].pk],
            "urgentie": "hoog",
            "periode": "dit najaar",
        },
        INGELOGD,
    ),
    Actie(
        "eigen aanvraag aanvullen",
        lambda w: f"/expertpool/mijn-aanvragen/{w['aanvraag'].pk}/aanvullen/",
        lambda w: {"tekst": "Nog een detail."},
        ALLEEN_EIGENAAR,
        regels=("expertpool.aanvullen_aanvraag",),
    ),
    Actie(
        "eigen aanvraag intrekken",
        lambda w: f"/expertpool/mijn-aanvragen/{w['aanvraag'].pk}/intrekken/",
        lambda w: {},
        ALLEEN_EIGENAAR,
        regels=("expertpool.intrekken_aanvraag",),
    ),
    Actie(
        "feedback op de eigen aanvraag",
        lambda w: f"/expertpool/mijn-aanvragen/{w['afgeronde_aanvraag'].pk}/feedback/",
        lambda w: {"waardering": "4", "feedback": "Goed geholpen."},
        ALLEEN_EIGENAAR,
        regels=("expertpool.waarderen_aanvraag",),
    ),
    # Only the invited expert answers an invitation; the expert is none of these roles.
    Actie(
        "uitnodiging beantwoorden",
        lambda w: f"/expertpool/mijn-uitnodigingen/{w['uitnodiging'].pk}/",
        lambda w: {"besluit": "accepteren", "toelichting": ""},
        GEEN,
        regels=("expertpool.beantwoorden_uitnodiging",),
    ),
    # ... unless the role's account is the invited expert's, the superuser's included.
    Actie(
        "uitnodiging beantwoorden als de uitgenodigde expert",
        lambda w: f"/expertpool/mijn-uitnodigingen/{w['uitnodiging'].pk}/",
        lambda w: {"besluit": "accepteren", "toelichting": ""},
        INGELOGD,
        vooraf=_uitgenodigde_expert,
        regels=("expertpool.beantwoorden_uitnodiging",),
    ),
    # Practice examples written by professionals: a new draft for anyone logged in, the
    # draft itself for its author only.
    Actie(
        "praktijkvoorbeeld beginnen",
        lambda w: "/kennisbank/bijdragen/nieuw/",
        lambda w: {},
        INGELOGD,
    ),
    Actie(
        "stap van het eigen concept opslaan",
        lambda w: f"/kennisbank/bijdragen/{w['concept'].pk}/stap/1/",
        lambda w: {"titel": "Nieuwe titel", "actie": "opslaan"},
        ALLEEN_EIGENAAR,
        regels=("inzendingen.bekijken_inzending", "inzendingen.opslaan_inzending"),
    ),
    Actie(
        "eigen concept delen",
        lambda w: f"/kennisbank/bijdragen/{w['concept'].pk}/delen/",
        lambda w: {"gedeeld": "1"},
        ALLEEN_EIGENAAR,
        regels=("inzendingen.delen_inzending",),
    ),
    Actie(
        "eigen concept indienen",
        lambda w: f"/kennisbank/bijdragen/{w['concept'].pk}/indienen/",
        lambda w: {},
        ALLEEN_EIGENAAR,
        regels=("inzendingen.indienen_inzending",),
    ),
    Actie(
        "eigen inzending terugtrekken",
        lambda w: f"/kennisbank/bijdragen/{w['ingediend'].pk}/terugtrekken/",
        lambda w: {},
        ALLEEN_EIGENAAR,
        regels=("inzendingen.terugtrekken_inzending",),
    ),
    # One's own account.
    Actie(
        "profiel wijzigen",
        lambda w: "/account/profiel/",
        lambda w: {"display_name": "Nieuwe naam"},
        INGELOGD,
    ),
    Actie(
        "account verwijderen",
        lambda w: "/account/verwijderen/",
        lambda w: {"bijdragen": "bewaren", "bevestig": "on", "wachtwoord": "geheim-wachtwoord-123"},
        INGELOGD,
    ),
    # Links from e-mails are authorised by their signed or single-use token, not by a role:
    # a wrong token does nothing for anyone.
    Actie(
        "bevestigen met een onjuist token",
        lambda w: "/participatie/bevestigen/onjuist/",
        lambda w: {},
        GEEN,
    ),
    Actie(
        "afmelden met een onjuist token",
        lambda w: "/participatie/afmelden/onjuist/",
        lambda w: {},
        GEEN,
    ),
    Actie(
        "geen e-mail met een onjuist token",
        lambda w: "/participatie/geen-email/onjuist/",
        lambda w: {},
        GEEN,
    ),
    Actie(
        "kennisbank-meldingen uit met een onjuist token",
        lambda w: "/kennisbank/meldingen/uit/onjuist/",
        lambda w: {},
        GEEN,
    ),
    Actie(
        "uitnodiging met een onjuist token",
        lambda w: "/expertpool/uitnodiging/onjuist/",
        lambda w: {"besluit": "accepteren", "toelichting": ""},
        GEEN,
    ),
    # The admin: editing screens, per area for alliance staff. Redactie also manage the
    # targets and the learning circles' join requests (the circles' own coordinators, not a
    # role of this matrix, see only theirs).
    Actie(
        "pagina van gebied A bewerken",
        lambda w: f"/admin/pages/{w['gebied'].pk}/edit/",
        None,
        {"team_a", "redacteur", "superuser"},
    ),
    Actie(
        "pagina van gebied B bewerken",
        lambda w: f"/admin/pages/{w['gebied_b'].pk}/edit/",
        None,
        {"team_b", "redacteur", "superuser"},
    ),
    Actie(
        "proces in gebied A bewerken",
        lambda w: f"/admin/pages/{w['proces'].pk}/edit/",
        None,
        {"team_a", "redacteur", "superuser"},
    ),
    Actie(
        "praktijkvoorbeeld bewerken",
        lambda w: f"/admin/pages/{w['voorbeeld'].pk}/edit/",
        None,
        {"redacteur", "superuser"},
    ),
    Actie(
        "expertpool-aanvraag behandelen",
        lambda w: f"/admin/ondersteuningsaanvragen/edit/{w['aanvraag'].pk}/",
        None,
        {"coordinator", "superuser"},
        regels=("expertpool.behandelen_aanvraag",),
    ),
    Actie(
        "expertpool-aanvraag in behandeling nemen",
        lambda w: f"/admin/ondersteuningsaanvragen/edit/{w['aanvraag'].pk}/",
        lambda w: {"actie": "in_behandeling_nemen"},
        {"coordinator", "superuser"},
        regels=("expertpool.behandelen_aanvraag",),
    ),
    Actie(
        "expertpool-cijfers",
        lambda w: "/admin/expertpool/cijfers/",
        None,
        {"coordinator", "superuser"},
        regels=("expertpool.behandelen_aanvraag",),
        toont="Aanvragen per gebied",
    ),
    Actie(
        "inzending beoordelen",
        lambda w: f"/admin/inzendingen_beoordelen/edit/{w['ingediend'].pk}/",
        None,
        {"redacteur", "superuser"},
        regels=("inzendingen.bekijken_inzending",),
    ),
    Actie(
        "monitorcijfers importeren",
        lambda w: "/admin/monitor/import/",
        None,
        {"redacteur", "superuser"},
    ),
    Actie(
        "gebiedsgrenzen inlezen",
        lambda w: "/admin/gebieden/grenzen/",
        None,
        {"superuser"},
    ),
    Actie(
        "streefwaarde toevoegen",
        lambda w: "/admin/streefwaarden/new/",
        None,
        {"team_a", "team_b", "redacteur", "superuser"},
        regels=("gebieden.beheer_focusgebied",),
    ),
    Actie(
        "vraagbaakvraag behandelen",
        lambda w: f"/admin/vraagbaak/edit/{w['vraag_van_bewoner'].pk}/",
        None,
        {"superuser"},
        regels=("kennisbank.beheer_vraag", "kennisbank.beantwoord_vraag"),
    ),
    Actie(
        "leerkringaanmelding beoordelen",
        lambda w: f"/admin/lidmaatschappen/edit/{w['aanvraag_lidmaatschap'].pk}/",
        None,
        {"redacteur", "superuser"},
        regels=("kennisbank.beoordeel_lidmaatschap",),
    ),
    Actie(
        "gebruiker bewerken",
        lambda w: f"/admin/users/edit/{w['rollen']['bewoner'].pk}/",
        None,
        {"superuser"},
    ),
    # The editors' decisions on a submitted example: any editor returns it, only the
    # eindredactie (of these roles: the superuser) publishes or declines.
    Actie(
        "inzending terugsturen",
        lambda w: f"/admin/inzendingen_beoordelen/edit/{w['ingediend'].pk}/",
        lambda w: {"actie": "terugsturen", "opmerking_aanpak": "Beschrijf de stappen."},
        {"redacteur", "superuser"},
        regels=("inzendingen.terugsturen_inzending",),
    ),
    Actie(
        "inzending goedkeuren",
        lambda w: f"/admin/inzendingen_beoordelen/edit/{w['ingediend'].pk}/",
        lambda w: {"actie": "goedkeuren"},
        {"superuser"},
        regels=("inzendingen.goedkeuren_inzending",),
    ),
    Actie(
        "inzending afwijzen",
        lambda w: f"/admin/inzendingen_beoordelen/edit/{w['ingediend'].pk}/",
        lambda w: {"actie": "afwijzen", "reden": "Geen praktijkvoorbeeld."},
        {"superuser"},
        regels=("inzendingen.afwijzen_inzending",),
    ),
    # Reads decided by a rule. A support request's page is its requester's only, the
    # superuser's not included.
    Actie(
        "eigen expertpool-aanvraag bekijken",
        lambda w: f"/expertpool/mijn-aanvragen/{w['aanvraag'].pk}/",
        None,
        ALLEEN_EIGENAAR,
        regels=("expertpool.bekijken_aanvraag",),
        toont="Organisatie",
    ),
    # A learning circle's documents are for its members only, the
    # superuser included.
    Actie(
        "ledendocument openen als lid",
        lambda w: f"/leerkringen/{w['kring'].pk}/documenten/{w['ledendocument'].pk}/",
        None,
        INGELOGD,
        vooraf=_lidmaatschap,
        regels=("kennisbank.bekijk_ledendocumenten",),
    ),
    Actie(
        "ledendocument openen zonder lidmaatschap",
        lambda w: f"/leerkringen/{w['kring'].pk}/documenten/{w['ledendocument'].pk}/",
        None,
        GEEN,
        regels=("kennisbank.bekijk_ledendocumenten",),
    ),
    Actie(
        "verlopen beoordelingen op het dashboard",
        lambda w: "/admin/",
        None,
        {"redacteur", "superuser"},
        regels=("kennisbank.bekijk_verlopen_beoordelingen",),
        toont="Beoordelingen van bewijskracht verlopen",
    ),
]


@pytest.fixture
def wereld(gebieden_index, roles, settings) -> dict:
    # The matrix is about permissions; rate limits are tested on their own.
    settings.RATE_LIMITS = {"klik": ("1000/h", "1000/h"), "formulier": ("1000/h", "1000/h")}
    gebied = FocusgebiedPageFactory(parent=gebieden_index, title="Poelenburg")
    gebied_b = FocusgebiedPageFactory(parent=gebieden_index, title="Overvecht")
    rollen: dict[str, User | None] = {
        "anoniem": None,
        "bewoner": UserFactory(display_name="Fatima"),
        "bewoner_b": UserFactory(display_name="Henk"),
        "team_a": with_mfa(UserFactory()),
        "team_b": with_mfa(UserFactory()),
        "moderator": with_mfa(UserFactory()),
        "redacteur": with_mfa(UserFactory()),
        "coordinator": with_mfa(UserFactory()),
        "superuser": with_mfa(UserFactory(is_superuser=True, is_staff=True)),
    }
    add_alliantie_medewerker(user=rollen["team_a"], gebied=gebied)
    add_alliantie_medewerker(user=rollen["team_b"], gebied=gebied_b)
    rollen["moderator"].groups.add(roles[MODERATOR])
    rollen["redacteur"].groups.add(roles[REDACTEUR])
    rollen["coordinator"].groups.add(roles[EXPERTPOOL_COORDINATOR])
    bewoner = rollen["bewoner"]

    thema = ThemaFactory(label="Openbare ruimte", slug="openbare-ruimte")
    proces = ParticipatieprocesPageFactory(parent=gebied, agendapunt_aan=True, vragenlijst_aan=True)
    vraag = Vragenlijstvraag.objects.create(
        proces=proces, vraag="Wat mist er?", soort=Vraagsoort.OPEN, verplicht=False
    )
    schrijver = UserFactory(display_name="Schrijver")
    inbreng = InbrengFactory(proces=proces, auteur=schrijver)
    inbreng_met_update = InbrengFactory(proces=proces, auteur=schrijver)
    participatie_services.status_wijzigen(
        inbreng=inbreng_met_update,
        naar=Inbrengstatus.IN_BEHANDELING,
        antwoord="We kijken ernaar.",
        door=rollen["team_a"],
        ondertekening="Team",
        vasthouden=True,
    )

    kennisbank = KennisbankIndexPageFactory()
    voorbeeld = PraktijkvoorbeeldPageFactory(
        parent=PraktijkvoorbeeldIndexPageFactory(parent=kennisbank)
    )
    evenement = EvenementPageFactory(parent=AgendaPageFactory(parent=kennisbank))
    kring = LeerkringPageFactory(parent=LeerkringIndexPageFactory(parent=kennisbank))
    ledendocument = Document(title="Werkmap leden", collection=ensure_ledencollectie())
    ledendocument.file.save("werkmap.pdf", ContentFile(b"%PDF-1.4 leden"), save=True)
    kring.ledendocumenten = [("document", ledendocument)]
    kring.save_revision().publish()
    VraagbaakPageFactory(parent=kennisbank)
    pool = ExpertpoolPageFactory()
    expert = ExpertPageFactory(parent=pool, gebruiker=UserFactory())
    aanvraag = OndersteuningsaanvraagFactory(aanvrager=bewoner)
    return {
        "rollen": rollen,
        "gebied": gebied,
        "gebied_b": gebied_b,
        "thema": thema,
        "proces": proces,
        "vraag": vraag,
        "inbreng": inbreng,
        "reactie": ReactieFactory(inbreng=inbreng, auteur=schrijver),
        "update": inbreng_met_update.wijzigingen.latest("pk"),
        "overleg": AlliantieoverlegPageFactory(parent=gebied),
        "voorbeeld": voorbeeld,
        "evenement": evenement,
        "kring": kring,
        "ledendocument": ledendocument,
        "aanvraag_lidmaatschap": Lidmaatschap.objects.create(
            leerkring=kring, deelnemer=UserFactory(), status=Lidmaatschap.Status.AANGEVRAAGD
        ),
        "vraag_van_bewoner": VraagFactory(
            vrager=bewoner, status=Vraag.Status.BEANTWOORD, antwoord="Zo doe je dat."
        ),
        "aanvraag": aanvraag,
        "afgeronde_aanvraag": OndersteuningsaanvraagFactory(
            aanvrager=bewoner, status=Ondersteuningsaanvraag.Status.AFGEROND
        ),
        # An invitation waits for an answer while its request has an expert proposed.
        "uitnodiging": Uitnodiging.objects.create(
            aanvraag=OndersteuningsaanvraagFactory(
                aanvrager=bewoner, status=Ondersteuningsaanvraag.Status.EXPERT_VOORGESTELD
            ),
            expert=expert,
            token_hash="0" * 64,
            verloopt_op=timezone.now() + datetime.timedelta(days=7),
        ),
        "concept": InzendingFactory(auteur=bewoner),
        "ingediend": InzendingFactory(auteur=bewoner, status=Inzending.Status.INGEDIEND),
    }


@cache
def _modellen() -> dict[str, type]:
    """The tables a write can take effect in, by name: the project's apps and the users."""
    modellen = [User]
    for config in project_app_configs():
        modellen.extend(config.get_models())
    # A form receipt is bookkeeping, written for any redirect (also a refusal's).
    return {m._meta.db_table: m for m in modellen if m is not Verzending}


def vingerafdruk(modellen) -> dict:
    """The rows of `modellen`, except when someone last logged in."""
    afdruk = {}
    for model in modellen:
        velden = [f.attname for f in model._meta.concrete_fields if f.name != "last_login"]
        afdruk[model] = tuple(model.objects.order_by("pk").values_list(*velden))
    return afdruk


SCHRIJVEN = re.compile(r'^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?', re.IGNORECASE)


def _geschreven(queries: list[dict]) -> list[type]:
    """The project's tables the request sent a write statement to (which may have changed
    nothing: an UPDATE can match no row)."""
    tabellen = _modellen()
    namen = {m.group(1) for q in queries if (m := SCHRIJVEN.match(q["sql"]))}
    return [tabellen[naam] for naam in namen if naam in tabellen]


def _probeer(actie: Actie, w: dict, rol: str, basis: dict) -> tuple[bool, int]:
    """Whether `rol`'s attempt took effect (compared with `basis`, the world before), and its
    status."""
    gebruiker = w["rollen"][rol]
    client = Client()
    with transaction.atomic():
        if gebruiker is not None:
            client.force_login(gebruiker)
            if actie.vooraf:
                actie.vooraf(w, gebruiker)
                basis = vingerafdruk(basis)
        if actie.data is None:
            response = client.get(actie.url(w))
            gelukt = response.status_code == 200 and (
                actie.toont is None or actie.toont in response.content.decode()
            )
        else:
            with CaptureQueriesContext(connection) as queries:
                response = client.post(actie.url(w), actie.data(w))
            geschreven = _geschreven(queries.captured_queries)
            gelukt = vingerafdruk(geschreven) != {m: basis[m] for m in geschreven}
        transaction.set_rollback(True)
    return gelukt, response.status_code


@pytest.mark.parametrize("actie", ACTIES, ids=[a.naam for a in ACTIES])
def test_exactly_the_allowed_roles_can_write(actie, wereld):
    basis = vingerafdruk(_modellen().values())
    toegestaan = set()
    for rol in ROLLEN:
        gelukt, status = _probeer(actie, wereld, rol, basis)
        assert status < 500, (rol, status)
        if gelukt:
            toegestaan.add(rol)
        else:
            assert status in (200, 302, 400, 403, 404, 405, 409), (rol, status)
    assert toegestaan == actie.toegestaan


def test_every_rule_of_the_project_is_exercised_by_a_row():
    apps = {config.label for config in project_app_configs()}
    regels = {naam for naam in permissions if naam.split(".", 1)[0] in apps}
    genoemd = {regel for actie in ACTIES for regel in actie.regels}
    assert genoemd - regels == set(), "rows name rules that do not exist"
    assert regels - genoemd == set(), "rules that no row of the matrix exercises"
