"""Demo content of the Expertpool, run by `manage.py load_demo`: the /expertpool/ page with ten
fictional experts (marked as demo, with accounts that cannot log in) and a few requests in
different stages, so the coordinator's queue and figures have something to show."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from gebieden.models import FocusgebiedPage, Thema
from kennisbank.expertpool.models import (
    ExpertPage,
    ExpertpoolPage,
    Fase,
    Ondersteuningsaanvraag,
    Regio,
    Urgentie,
)
from kennisbank.expertpool.selectors import voorgestelde_experts
from kennisbank.expertpool.services import (
    aanvraag_afronden,
    aanvraag_in_behandeling_nemen,
    aanvraag_indienen,
    expert_uitnodigen,
    uitnodiging_beantwoorden,
)
from kennisbank.models import PraktijkvoorbeeldPage
from wijkwijzer.models import User
from wijkwijzer.services import ensure_home_page

# (name, role, themes, phases, regions, experience, availability, biography)
EXPERTS = [
    (
        "Anouk de Graaf",
        "Oud-wethouder wonen, Zaanstad",
        ["wonen", "samenwerking"],
        ["verkenning", "ontwerp"],
        ["noord-holland"],
        "lokaal",
        "beschikbaar",
        "Anouk was acht jaar wethouder en bracht corporaties, zorg en politie "
        "samen in één wijkaanpak.",
    ),
    (
        "Mehmet Yilmaz",
        "Programmamanager jeugd, Rotterdam",
        ["jeugd", "veiligheid", "onderwijs"],
        ["ontwerp", "uitvoering"],
        ["zuid-holland"],
        "lokaal",
        "beschikbaar",
        "Mehmet werkte aan de aanpak van jeugdcriminaliteit op Zuid, met "
        "scholen, ouders en sportclubs.",
    ),
    (
        "Ingrid Mulder",
        "Senior adviseur, ministerie van BZK",
        ["samenwerking", "wonen"],
        ["verkenning"],
        ["landelijk"],
        "rijk",
        "beperkt",
        "Ingrid kent de regelingen voor volkshuisvesting en helpt gebieden de "
        "weg te vinden in het Rijk.",
    ),
    (
        "Jeroen Bakker",
        "Onderzoeker wijkaanpak",
        ["participatie", "samenwerking"],
        ["verkenning", "ontwerp"],
        ["landelijk"],
        "beide",
        "beschikbaar",
        "Jeroen onderzocht twintig jaar wijkaanpakken en helpt allianties hun "
        "aanpak te onderbouwen.",
    ),
    (
        "Fatima El Amrani",
        "Opbouwwerker en trainer",
        ["participatie", "jeugd"],
        ["uitvoering"],
        ["utrecht", "noord-holland"],
        "lokaal",
        "beschikbaar",
        "Fatima traint professionals om bewoners te bereiken die zelden meedoen.",
    ),
    (
        "Peter Janssen",
        "Oud-burgemeester",
        ["ondermijning", "veiligheid"],
        ["verkenning", "ontwerp", "uitvoering"],
        ["limburg", "noord-brabant"],
        "beide",
        "beperkt",
        "Peter leidde als burgemeester de aanpak van ondermijning en kent de "
        "samenwerking met het OM.",
    ),
    (
        "Sanne Visser",
        "Adviseur schuldhulpverlening",
        ["armoede-en-schulden", "werk-en-inkomen"],
        ["ontwerp", "uitvoering"],
        ["groningen", "friesland", "drenthe"],
        "lokaal",
        "beschikbaar",
        "Sanne zette vroegsignalering van schulden op in drie gemeenten.",
    ),
    (
        "Koen de Vries",
        "Directeur onderwijsstichting",
        ["onderwijs", "jeugd"],
        ["ontwerp", "uitvoering"],
        ["zuid-holland", "utrecht"],
        "lokaal",
        "niet",
        "Koen werkte aan het binden van leraren aan scholen in kwetsbare wijken.",
    ),
    (
        "Laura Smit",
        "Gebiedsregisseur openbare ruimte",
        ["openbare-ruimte", "duurzaamheid"],
        ["ontwerp", "uitvoering"],
        ["gelderland", "overijssel"],
        "lokaal",
        "beschikbaar",
        "Laura herinrichtte pleinen en parken samen met bewoners.",
    ),
    (
        "Ahmed Benali",
        "Arts en adviseur gezondheid in de wijk",
        ["gezondheid", "samenwerking"],
        ["verkenning", "ontwerp"],
        ["landelijk"],
        "beide",
        "beschikbaar",
        "Ahmed verbindt huisartsen, GGD en wijkteams rond gezondheid in de wijk.",
    ),
]

REQUESTS = [
    # (area slug, organisation, question, phase, themes, urgency, period, how far it got)
    (
        "zaandam-oost",
        "Gemeente Zaanstad",
        "We willen de samenwerking tussen corporaties en zorg in Poelenburg "
        "versterken. Wie heeft dit eerder gedaan?",
        "verkenning",
        ["wonen", "samenwerking"],
        Urgentie.NORMAAL,
        "voorjaar 2027",
        "afgerond",
    ),
    (
        "rotterdam-zuid",
        "Alliantie Rotterdam-Zuid",
        "Hoe betrekken we sportclubs bij de aanpak van jeugdcriminaliteit?",
        "ontwerp",
        ["jeugd", "veiligheid"],
        Urgentie.HOOG,
        "komende twee maanden",
        "gematcht",
    ),
    (
        "heerlen-noord",
        "Gemeente Heerlen",
        "We zoeken hulp bij het opzetten van vroegsignalering van schulden.",
        "uitvoering",
        ["armoede-en-schulden"],
        Urgentie.NORMAAL,
        "2027",
        "in_behandeling",
    ),
    (
        "utrecht-overvecht",
        "Alliantie Overvecht",
        "Hoe krijgen we bewoners die nooit meedoen aan tafel bij het uitvoeringsplan?",
        "verkenning",
        ["participatie"],
        Urgentie.LAAG,
        "najaar 2027",
        "ingediend",
    ),
]


def _demo_user(email: str, name: str) -> User:
    user, created = User.objects.get_or_create(
        username=email, defaults={"email": email, "display_name": name}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def load() -> None:
    home = ensure_home_page()
    pool = ExpertpoolPage.objects.first() or home.add_child(
        instance=ExpertpoolPage(
            title="Expertpool",
            slug="expertpool",
            show_in_menus=True,
            search_description=(
                "Experts die allianties en gemeenten helpen. Vraag hier ondersteuning aan."
            ),
            intro=(
                "Mensen met gezag, visie en creativiteit die allianties ondersteunen bij de "
                "verkenning, het ontwerp en de uitvoering van hun aanpak."
            ),
        )
    )
    if ExpertPage.objects.filter(is_demo=True).exists():
        return
    themas = {t.slug: t for t in Thema.objects.all()}
    fasen = {f.slug: f for f in Fase.objects.all()}
    regios = {r.slug: r for r in Regio.objects.all()}
    voorbeelden = list(PraktijkvoorbeeldPage.objects.live().order_by("pk")[:20])
    experts = []
    for number, (name, role, expertise, phases, regions, ervaring, beschikbaar, bio) in enumerate(
        EXPERTS
    ):
        expert = pool.add_child(
            instance=ExpertPage(
                title=name,
                slug=slugify(name),
                functie=role,
                biografie=f"<p>{bio}</p>",
                ervaring=ervaring,
                beschikbaarheid=beschikbaar,
                gebruiker=_demo_user(f"expert{number + 1}@example.nl", name),
                is_demo=True,
            )
        )
        expert.themas.set([themas[slug] for slug in expertise])
        expert.fasen.set([fasen[slug] for slug in phases])
        expert.regios.set([regios[slug] for slug in regions])
        expert.praktijkvoorbeelden.set(voorbeelden[number * 2 : number * 2 + 2])
        expert.save_revision().publish()
        experts.append(expert)
    _add_requests()


def _add_requests() -> None:
    requester = _demo_user("aanvrager@example.nl", "Demo-aanvrager")
    coordinator = _demo_user("coordinator-expertpool@example.nl", "Demo-coördinator")
    for slug, organisatie, vraag, fase, themas, urgentie, periode, stand in REQUESTS:
        aanvraag = aanvraag_indienen(
            aanvrager=requester,
            themas=list(Thema.objects.filter(slug__in=themas)),
            organisatie=organisatie,
            focusgebied=FocusgebiedPage.objects.get(slug=slug),
            vraag=vraag,
            fase=Fase.objects.get(slug=fase),
            urgentie=urgentie,
            periode=periode,
        )
        if stand == "ingediend":
            continue
        aanvraag_in_behandeling_nemen(aanvraag=aanvraag, door=coordinator)
        if stand == "in_behandeling":
            continue
        uitnodiging, _ = expert_uitnodigen(
            aanvraag=aanvraag, expert=voorgestelde_experts(aanvraag)[0].expert, door=coordinator
        )
        uitnodiging_beantwoorden(uitnodiging=uitnodiging, accepteren=True, door=None)
        if stand == "afgerond":
            aanvraag_afronden(
                aanvraag=aanvraag,
                door=coordinator,
                uitkomst="Twee werksessies met corporaties en zorg; nu ligt er één plan.",
                openbaar=True,
            )
    # Date the submissions back a few weeks, so the queue shows ages and the figures a time
    # to a match.
    for weeks, aanvraag in enumerate(Ondersteuningsaanvraag.objects.order_by("pk"), start=2):
        submitted = timezone.now() - datetime.timedelta(weeks=weeks)
        Ondersteuningsaanvraag.objects.filter(pk=aanvraag.pk).update(ingediend_op=submitted)
        aanvraag.gebeurtenissen.filter(naar_status=aanvraag.Status.INGEDIEND).update(
            wanneer=submitted
        )
