"""Demo content of the kennisbank, run by `manage.py load_demo`: the bewijskracht levels, the
section pages, 40 practice examples, 4 publications and 6 answered vraagbaak questions
(data/demo_*.json, imported through the same importer as any file, all marked as demo). Six
of the examples are those from the programme's own documents; the rest is plausible but
fictional."""

import datetime
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify

from kennisbank.importer import import_file
from kennisbank.models import (
    AgendaPage,
    Bewijskracht,
    BewijskrachtPage,
    EvenementPage,
    Evenementsoort,
    KennisbankIndexPage,
    LeerkringBijeenkomst,
    LeerkringIndexPage,
    LeerkringPage,
    PraktijkvoorbeeldIndexPage,
    PraktijkvoorbeeldPage,
    PublicatieIndexPage,
    PublicatiePage,
    SynthesePage,
    VraagbaakPage,
    VraagPage,
)
from wijkwijzer.services import ensure_home_page

DATA = Path(__file__).resolve().parent / "data"

BEWIJSKRACHT = [
    ("idee", "Idee", "Een nieuwe aanpak die nog niet of nauwelijks is uitgeprobeerd."),
    (
        "in-ontwikkeling",
        "In ontwikkeling",
        "De aanpak wordt uitgevoerd en beschreven; de werking is nog niet onderzocht.",
    ),
    (
        "veelbelovend",
        "Veelbelovend",
        "Er zijn eerste aanwijzingen, bijvoorbeeld uit een evaluatie of monitor, "
        "dat de aanpak werkt.",
    ),
    (
        "goed-onderbouwd",
        "Goed onderbouwd",
        "Een beschreven aanpak met een onderbouwing uit theorie en praktijk, "
        "beoordeeld door deskundigen.",
    ),
    (
        "effectief",
        "Effectief",
        "Onderzoek met een vergelijkingsgroep laat zien dat de aanpak het beoogde effect heeft.",
    ),
]


def load() -> None:
    for volgorde, (slug, naam, uitleg) in enumerate(BEWIJSKRACHT, start=1):
        Bewijskracht.objects.update_or_create(
            slug=slug, defaults={"naam": naam, "volgorde": volgorde, "uitleg": uitleg}
        )
    home = ensure_home_page()
    kennisbank = KennisbankIndexPage.objects.first() or home.add_child(
        instance=KennisbankIndexPage(
            title="Kennisbank",
            slug="kennisbank",
            show_in_menus=True,
            search_description=(
                "Praktijkvoorbeelden, publicaties, leerkringen, vragen en de agenda: wat werkt "
                "in de wijk?"
            ),
            intro=(
                "Praktijkvoorbeelden, publicaties en leerkringen uit de twintig focusgebieden: "
                "wat werkt in de wijk, en wat leerden anderen onderweg?"
            ),
        )
    )
    sections = [
        (
            PraktijkvoorbeeldIndexPage,
            "Praktijkvoorbeelden",
            "praktijkvoorbeelden",
            "Aanpakken uit de focusgebieden, met wat ze opleverden en wat er geleerd is.",
            None,
        ),
        (
            PublicatieIndexPage,
            "Publicaties",
            "publicaties",
            "Praktijkboeken, handreikingen, onderzoek en kennisdossiers.",
            None,
        ),
        (
            AgendaPage,
            "Agenda",
            "agenda",
            "Wijk-werkateliers, kenniskamers en leerkringbijeenkomsten. Meld je aan.",
            _add_events,
        ),
        (
            LeerkringIndexPage,
            "Leerkringen",
            "leerkringen",
            "Professionals uit verschillende gebieden leren samen over één opgave.",
            _add_circles,
        ),
        (
            VraagbaakPage,
            "Vraagbaak",
            "vraagbaak",
            "Vragen van professionals uit de focusgebieden, beantwoord door deskundigen uit "
            "het netwerk. Gepubliceerd met toestemming van de vrager, zonder naam.",
            None,
        ),
    ]
    for model, title, slug, intro, fill in sections:
        if model.objects.exists():
            continue
        section = kennisbank.add_child(instance=model(title=title, slug=slug, intro=intro))
        if fill:
            fill(section)
    if not BewijskrachtPage.objects.exists():
        kennisbank.add_child(instance=BewijskrachtPage(title="Bewijskracht", slug="bewijskracht"))
    # Importing publishes a revision per item; on later runs the demo is already there.
    for model, name in (
        (PraktijkvoorbeeldPage, "demo_praktijkvoorbeelden.json"),
        (PublicatiePage, "demo_publicaties.json"),
        (VraagPage, "demo_vragen.json"),
    ):
        if model.objects.filter(is_demo=True).exists():
            continue
        result = import_file(DATA / name)
        if result.fouten:
            raise RuntimeError(f"Demo-import {name} mislukt: {result.fouten}")
    _add_synthese()


def _add_synthese() -> None:
    """One editor's synthesis, of the two buurtbemiddeling examples."""
    if SynthesePage.objects.exists():
        return
    lijst = PraktijkvoorbeeldIndexPage.objects.first()
    bronnen = PraktijkvoorbeeldPage.objects.filter(slug__startswith="buurtbemiddeling")
    synthese = SynthesePage(
        title="Buurtbemiddeling: wat werkt",
        slug="buurtbemiddeling-wat-werkt",
        samenvatting=(
            "Wat twee wijken leerden over buurtbemiddeling bij burenruzies: vroeg beginnen, "
            "goed getrainde vrijwilligers en een vaste coördinator."
        ),
        body=(
            "<p>Buurtbemiddeling werkt het best als buren er vroeg naartoe worden verwezen, "
            "door woningcorporatie en wijkagent samen. Vrijwilligers hebben een training en "
            "intervisie nodig; een vaste coördinator houdt de lijnen kort.</p>"
        ),
        is_demo=True,
    )
    synthese.voorbeelden = list(bronnen)
    lijst.add_child(instance=synthese)
    synthese.save_revision().publish()


EVENTS = [
    # (days from today, kind, title, place, capacity, with report)
    (
        -60,
        Evenementsoort.KENNISKAMER,
        "Kenniskamer: wat werkt tegen ondermijning in de wijk?",
        "Den Haag",
        40,
        True,
    ),
    (
        -21,
        Evenementsoort.WIJKWERKATELIER,
        "Wijk-werkatelier Overvecht: samen aan de slag met het uitvoeringsplan",
        "Utrecht Overvecht",
        30,
        True,
    ),
    (
        14,
        Evenementsoort.WIJKWERKATELIER,
        "Wijk-werkatelier Zaandam Oost: bewoners en professionals aan één tafel",
        "Wijkcentrum Poelenburg, Zaandam",
        25,
        False,
    ),
    (
        30,
        Evenementsoort.KENNISKAMER,
        "Kenniskamer: kansengelijkheid en de Children's Zones",
        "Rotterdam-Zuid",
        3,
        False,
    ),
    (
        45,
        Evenementsoort.WEBINAR,
        "Webinar: bewonersparticipatie die verschil maakt",
        "",
        200,
        False,
    ),
]


def _add_events(agenda: AgendaPage) -> None:
    now = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0)
    for days, soort, title, place, capacity, report in EVENTS:
        begin = now + datetime.timedelta(days=days)
        agenda.add_child(
            instance=EvenementPage(
                title=title,
                slug=slugify(title)[:80],
                soort=soort,
                begin=begin,
                einde=begin + datetime.timedelta(hours=2, minutes=30),
                locatie=place,
                online_link="https://wijkwijzer.example/webinar" if not place else "",
                capaciteit=capacity,
                samenvatting=(
                    "Professionals uit de focusgebieden wisselen ervaringen uit en werken aan "
                    "concrete vragen uit de praktijk."
                ),
                verslag=(
                    "<p>De deelnemers deelden wat werkte en wat niet. De belangrijkste les: "
                    "begin klein, werk samen met bewoners en maak afspraken over wie wat doet.</p>"
                    if report
                    else ""
                ),
                is_demo=True,
            )
        )


CIRCLES = [
    (
        "Leerkring bewonersparticipatie",
        "Hoe zorgen we dat inbreng van bewoners zichtbaar verschil maakt?",
        "Kennisinstituut Wijk en Bewoner",
    ),
    (
        "Leerkring jeugd en veiligheid",
        "Preventie van jeugdcriminaliteit: wat werkt, en hoe werk je samen met scholen en ouders?",
        "Netwerk Jeugdpreventie",
    ),
]


def _add_circles(index: LeerkringIndexPage) -> None:
    now = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    for title, summary, facilitator in CIRCLES:
        circle = LeerkringPage(
            title=title,
            slug=slugify(title),
            samenvatting=summary,
            doel=f"<p>{summary} De leden brengen vragen uit hun eigen gebied in.</p>",
            facilitator=facilitator,
            ledeninformatie="<p>Online bijeenkomsten: de link volgt per e-mail.</p>",
            is_demo=True,
        )
        circle.bijeenkomsten = [
            LeerkringBijeenkomst(
                begin=now - datetime.timedelta(days=35),
                plaats="Utrecht",
                verslag="<p>De leden deelden voorbeelden uit hun gebied en kozen drie vragen.</p>",
            ),
            LeerkringBijeenkomst(begin=now + datetime.timedelta(days=20), plaats="Online"),
        ]
        index.add_child(instance=circle)
