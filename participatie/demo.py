"""Demo content of the participation module, run by `manage.py load_demo` after gebieden: three
fictional processes (marked as demo) in three areas, with phases around today so that one is
open for input, one is in the "reageren op concept" phase with a survey, and one is finished
with every contribution answered. Contributions are written through the services, as a
resident's would be."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from gebieden.models import FocusgebiedPage, Thema
from participatie.models import (
    Fasesoort,
    Inbreng,
    Inbrengsoort,
    ParticipatieprocesPage,
    ProcesFase,
    ResultaatPage,
    ResultaatUpdate,
    Vraagsoort,
    Vragenlijstvraag,
)
from participatie.overgangen import Inbrengstatus, Resultaatstatus
from participatie.services import Schrijver, inbreng_geven, status_wijzigen, steunen
from wijkwijzer.services import account_for_email

DAG = datetime.timedelta(days=1)

# Postcodes (four digits) of the demo areas, for the "bewoner" mark.
POSTCODES = {"zaandam-oost": "1503, 1504", "utrecht-overvecht": "3561, 3562, 3563, 3564"}


@dataclass(frozen=True)
class DemoInbreng:
    titel: str
    tekst: str
    thema: str
    soort: str = Inbrengsoort.IDEE
    plek: str = ""
    status: str = Inbrengstatus.ONTVANGEN
    antwoord: str = ""


PROCESSEN = [
    {
        "gebied": "zaandam-oost",
        "slug": "speelplekken-poelenburg",
        "title": "Nieuwe speelplekken in Poelenburg",
        "samenvatting": (
            "De gemeente wil drie speelplekken in Poelenburg vernieuwen. Welke plek moet eerst? "
            "En wat moet er komen? Vertel het ons."
        ),
        "plan": (
            "<p>De speelplekken aan de Poelenburgerstraat, het Guisplein en de Kerkbuurt zijn "
            "oud. De gemeente en woningcorporatie willen ze samen vernieuwen. Er is geld voor "
            "drie plekken in twee jaar.</p>"
        ),
        "fasen": [
            (Fasesoort.INFORMEREN, -30, -15),
            (Fasesoort.INBRENG, -14, 30),
            (Fasesoort.TERUGKOPPELING, 45, 75),
        ],
        "agendapunt": True,
        "inbreng": [
            DemoInbreng(
                "Schaduw bij het Guisplein",
                "Er is in de zomer geen schaduw. Kinderen spelen daar niet als het warm is. "
                "Graag **bomen** of een overkapping.",
                "openbare-ruimte",
                plek="Guisplein",
                status=Inbrengstatus.IN_BEHANDELING,
                antwoord="We nemen schaduw mee in het ontwerp. De hovenier kijkt welke bomen "
                "hier passen.",
            ),
            DemoInbreng(
                "Speelplek voor oudere kinderen",
                "Er is veel voor kleine kinderen, maar niets voor kinderen van 10 tot 14 jaar. "
                "Een pannaveldje zou mooi zijn.",
                "jeugd",
            ),
            DemoInbreng(
                "Zorgen over overlast 's avonds",
                "Bij de speeltuin aan de Kerkbuurt hangen 's avonds jongeren rond. Denk ook aan "
                "verlichting.",
                "veiligheid",
                soort=Inbrengsoort.ZORG,
                plek="Kerkbuurt",
            ),
        ],
    },
    {
        "gebied": "utrecht-overvecht",
        "slug": "groen-winkelcentrum-overvecht",
        "title": "Meer groen rond het winkelcentrum Overvecht",
        "samenvatting": (
            "Er ligt een conceptplan voor meer groen en zitplekken rond het winkelcentrum. "
            "Wat vind je ervan? Vul ook de korte vragenlijst in."
        ),
        "plan": (
            "<p>Het conceptplan: minder stenen, meer bomen, bankjes in de schaduw en een "
            "veilige oversteek naar de Zambesidreef.</p>"
        ),
        "fasen": [
            (Fasesoort.INBRENG, -60, -21),
            (Fasesoort.REAGEREN, -20, 20),
            (Fasesoort.TERUGKOPPELING, 30, 60),
        ],
        "vragenlijst": [
            (
                "Hoe vaak kom je bij het winkelcentrum?",
                Vraagsoort.EEN,
                "Elke dag\nElke week\nMinder dan eens per week",
            ),
            (
                "Wat vind je het belangrijkst?",
                Vraagsoort.MEER,
                "Bomen\nBankjes\nVeilig oversteken\nSpeelplek",
            ),
            ("Het conceptplan maakt de buurt prettiger.", Vraagsoort.SCHAAL, ""),
            ("Wat mis je nog in het plan?", Vraagsoort.OPEN, ""),
        ],
        "inbreng": [
            DemoInbreng(
                "Bankjes met leuning",
                "Voor ouderen zijn bankjes met een leuning en armsteun belangrijk.",
                "gezondheid",
                soort=Inbrengsoort.REACTIE,
                status=Inbrengstatus.VERWERKT,
                antwoord="Goed punt. In het definitieve plan hebben alle nieuwe bankjes een "
                "leuning en armsteunen.",
            ),
            DemoInbreng(
                "Fietsenstalling niet vergeten",
                "Als er minder stenen komen, waar zetten we dan de fietsen?",
                "openbare-ruimte",
                soort=Inbrengsoort.REACTIE,
                plek="Zambesidreef",
            ),
        ],
    },
    {
        "gebied": "rotterdam-zuid",
        "slug": "buurthuis-tarwewijk",
        "title": "Een buurthuis voor de Tarwewijk",
        "samenvatting": (
            "Bewoners konden meedenken over de plannen voor een buurthuis. Het plan is klaar. "
            "Lees wat er met de inbreng is gedaan."
        ),
        "plan": "<p>In het oude schoolgebouw aan de Mijnsherenlaan komt een buurthuis.</p>",
        "fasen": [
            (Fasesoort.INFORMEREN, -200, -180),
            (Fasesoort.INBRENG, -179, -120),
            (Fasesoort.TERUGKOPPELING, -119, -60),
        ],
        "resultaten": [
            (
                "Taalcafé in het buurthuis",
                Resultaatstatus.GEREED,
                100,
                ["Taalcafé"],
                "Het taalcafé is elke dinsdag en donderdag open, met vrijwilligers van het "
                "Taalhuis.",
            ),
            (
                "Schuldhulp-spreekuur in de wijk",
                Resultaatstatus.IN_UITVOERING,
                60,
                ["Schuldhulp in de wijk"],
                "Het wijkteam houdt elke woensdag spreekuur; de ruimte wordt nog ingericht.",
            ),
        ],
        "veranderd": (
            "<p>Door de inbreng komt er een taalcafé op dinsdag en donderdag, en is de "
            "openingstijd op zaterdag verlengd tot 17.00 uur.</p>"
        ),
        "inbreng": [
            DemoInbreng(
                "Taalcafé",
                "Veel buren willen beter Nederlands leren. Een taalcafé zou helpen.",
                "participatie",
                status=Inbrengstatus.VERWERKT,
                antwoord="Er komt een taalcafé op dinsdag en donderdag, met vrijwilligers "
                "van het Taalhuis.",
            ),
            DemoInbreng(
                "Sportzaal in het gebouw",
                "Maak van de gymzaal een sportzaal voor de buurt.",
                "jeugd",
                status=Inbrengstatus.NIET_OVERGENOMEN,
                antwoord="De gymzaal is te klein en voldoet niet aan de regels voor "
                "sport. Sportclub Zuid biedt wel gratis proeflessen aan in hun hal.",
            ),
            DemoInbreng(
                "Schuldhulp in de wijk",
                "Zorg dat je in het buurthuis ook hulp kunt krijgen bij geldzorgen.",
                "armoede-en-schulden",
                status=Inbrengstatus.DOORGESTUURD,
                antwoord="Dit is doorgestuurd naar het wijkteam. Vanaf maart houdt de "
                "schuldhulp elke woensdag spreekuur in het buurthuis.",
            ),
        ],
    },
]

BEWONERS = ["Fatima", "Henk", "Sanne", "Mo", "Anouk", "Kees"]


def load() -> None:
    today = timezone.localdate()
    bewoners = [
        account_for_email(f"{naam.lower()}@voorbeeld.invalid", naam)[0] for naam in BEWONERS
    ]
    for data in PROCESSEN:
        gebied = FocusgebiedPage.objects.filter(slug=data["gebied"]).first()
        if gebied is None or ParticipatieprocesPage.objects.filter(slug=data["slug"]).exists():
            continue
        if data["gebied"] in POSTCODES and not gebied.postcodes:
            gebied.postcodes = POSTCODES[data["gebied"]]
            gebied.save_revision().publish()
        _proces(gebied, data, today, bewoners)


def _proces(gebied, data, today, bewoners) -> None:
    proces = ParticipatieprocesPage(
        title=data["title"],
        slug=data["slug"],
        samenvatting=data["samenvatting"],
        plan=[("tekst", data["plan"])],
        contact_naam=f"Programmabureau {gebied.title}",
        agendapunt_aan=data.get("agendapunt", False),
        vragenlijst_aan=bool(data.get("vragenlijst")),
        wat_is_veranderd=data.get("veranderd", ""),
        is_demo=True,
    )
    proces.fasen = [
        ProcesFase(soort=soort, begin=today + van * DAG, eind=today + tot * DAG)
        for soort, van, tot in data["fasen"]
    ]
    proces.vragen = [
        Vragenlijstvraag(vraag=vraag, soort=soort, opties=opties)
        for vraag, soort, opties in data.get("vragenlijst", [])
    ]
    gebied.add_child(instance=proces)
    proces.save_revision().publish()
    themas = {thema.slug: thema for thema in Thema.objects.all()}
    gegeven = {}
    for nummer, item in enumerate(data["inbreng"]):
        auteur = bewoners[nummer % len(bewoners)]
        inbreng, _token = inbreng_geven(
            proces=proces,
            schrijver=Schrijver(auteur, auteur.email, auteur.public_name, bewoner=nummer % 2 == 0),
            soort=item.soort,
            titel=item.titel,
            tekst=item.tekst,
            thema=themas.get(item.thema),
            plek=item.plek,
        )
        for supporter in bewoners[nummer + 1 : nummer + 4]:
            steunen(inbreng=inbreng, gebruiker=supporter)
        if item.status != Inbrengstatus.ONTVANGEN:
            _beantwoorden(inbreng, item)
        gegeven[item.titel] = inbreng
    for titel, status, voortgang, bijdragen, update in data.get("resultaten", []):
        resultaat = ResultaatPage(
            title=titel,
            samenvatting=update,
            status=status,
            voortgang=voortgang,
        )
        proces.add_child(instance=resultaat)
        resultaat.bijdragen.set([gegeven[naam] for naam in bijdragen])
        resultaat.updates = [ResultaatUpdate(datum=today - 10 * DAG, tekst=update)]
        resultaat.save_revision().publish()


def _beantwoorden(inbreng: Inbreng, item: DemoInbreng) -> None:
    if item.status != Inbrengstatus.IN_BEHANDELING:
        status_wijzigen(inbreng=inbreng, naar=Inbrengstatus.IN_BEHANDELING, antwoord="", door=None)
    status_wijzigen(inbreng=inbreng, naar=item.status, antwoord=item.antwoord, door=None)
