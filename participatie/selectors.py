"""Read paths of the participation pages. Each returns what a page shows in a fixed number of
queries, however many contributions, replies or supporters there are."""

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from django.core.paginator import Paginator
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    prefetch_related_objects,
)
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.query import PageQuerySet

from gebieden.kaart import Kaart, Punt, Vlak
from gebieden.models import AlliantieoverlegPage, FocusgebiedPage, Gebiedsgrens, Thema
from gebieden.selectors import eigen_gebieden
from participatie.models import (
    SCHRIJFFASEN,
    Besluit,
    Inbreng,
    Inbrengsoort,
    Melding,
    ParticipatieprocesPage,
    ProcesFase,
    Reactie,
    ResultaatPage,
    Statuswijziging,
    Steun,
    Vraagsoort,
    Vragenlijstantwoord,
)
from participatie.overgangen import Inbrengstatus, Publicatie, Resultaatstatus, Zichtbaarheid
from wijkwijzer import paginering
from wijkwijzer.models import User

PER_PAGINA = 20
SORTERINGEN = {"nieuw": "-aangemaakt_op", "steun": "-aantal_steun"}
# Survey results are shown once this many people answered, so no one's answers stand out.
MINIMUM_INZENDINGEN = 5
DUBBEL_TERMIJN = timedelta(days=30)
PUBLIEK = [Zichtbaarheid.ZICHTBAAR, Zichtbaarheid.VERBORGEN]


def _met_antwoorden(
    processen: PageQuerySet[ParticipatieprocesPage],
) -> PageQuerySet[ParticipatieprocesPage]:
    """Processes with their phases and how many public contributions got an answer, for
    "Wat is er met je inbreng gedaan?" beside each."""
    zichtbaar = Q(inbreng__zichtbaarheid=Zichtbaarheid.ZICHTBAAR)
    return (
        processen.live()
        .public()
        .prefetch_related("fasen")
        .annotate(
            aantal_inbreng=Count("inbreng", filter=zichtbaar),
            aantal_beantwoord=Count("inbreng", filter=zichtbaar & ~Q(inbreng__antwoord="")),
        )
    )


def _op_volgorde(processen: Iterable[ParticipatieprocesPage]) -> list[ParticipatieprocesPage]:
    """Each with where it stands today as `nu`, worked out once for the order and the card
    (templates/participatie/includes/processen.html), in the order of `_wat_nu_kan`."""
    vandaag = timezone.localdate()
    lijst = list(processen)
    for proces in lijst:
        proces.nu = proces.stand(vandaag)
    return sorted(lijst, key=_wat_nu_kan)


def _wat_nu_kan(proces: ParticipatieprocesPage) -> tuple[int, int]:
    """Open for input first, closing soonest first; then what opens later; then the rest,
    newest first."""
    stand = proces.nu
    if stand.schrijven_open and stand.tot is not None:
        return (0, stand.tot.toordinal())
    eerste = min((fase.begin for fase in proces.fasen.all()), default=None)
    if eerste and eerste > timezone.localdate():
        return (1, eerste.toordinal())
    return (2, -(proces.laatste_dag or eerste or timezone.localdate()).toordinal())


def processen_in_gebied(gebied: FocusgebiedPage) -> list[ParticipatieprocesPage]:
    """The area page's lead section: what a resident can do in this area now."""
    return _op_volgorde(_met_antwoorden(ParticipatieprocesPage.objects.child_of(gebied)))


def processen_die_sluiten(aantal: int = 3) -> list[ParticipatieprocesPage]:
    """The home page's "Meepraten": processes open for input now, closing soonest first, each
    with its area's name as `gebied`."""
    vandaag = timezone.localdate()
    open_nu = ParticipatieprocesPage.objects.filter(
        Exists(
            ProcesFase.objects.filter(
                proces=OuterRef("pk"),
                soort__in=SCHRIJFFASEN,
                begin__lte=vandaag,
                eind__gte=vandaag,
            )
        )
    )
    processen = [p for p in _op_volgorde(_met_antwoorden(open_nu)) if p.nu.schrijven_open][:aantal]
    ouders = {p.path[: -FocusgebiedPage.steplen] for p in processen}
    gebieden = dict(FocusgebiedPage.objects.filter(path__in=ouders).values_list("path", "title"))
    for proces in processen:
        proces.gebied = gebieden.get(proces.path[: -FocusgebiedPage.steplen], "")
    return processen


# A process map draws at most this many pins (the newest); the list has them all.
MAX_SPELDEN = 500


def _grens_kaart(titel: str, gebied: Q) -> Kaart | None:
    """A map of the shape of the area that `gebied` picks (a filter on Gebiedsgrens)."""
    grens = Gebiedsgrens.objects.filter(gebied).values_list("geometrie", "is_benadering")
    if not grens:
        return None
    geometrie, benadering = grens[0]
    return Kaart(titel, vlakken=[Vlak(geometrie, titel)], benadering=benadering)


def spelden_kaart(proces: ParticipatieprocesPage, inbreng: QuerySet[Inbreng]) -> Kaart | None:
    """The pins of the contributions the list shows (the same filters), on the area's shape,
    each a link to its contribution; in two queries."""
    # The process sits right under its area, so the area's tree path is the process's
    # without its last step.
    gebied = Q(focusgebied__path=proces.path[: -FocusgebiedPage.steplen])
    kaart = _grens_kaart(str(_("Inbreng op de kaart")), gebied)
    if kaart is None:
        return None
    statussen = dict(Inbrengstatus.choices)
    kaart.punten = [
        Punt(
            float(lengte),  # type: ignore[arg-type]  # None excluded in the query
            float(breedte),  # type: ignore[arg-type]
            f"{titel} ({statussen[status]})",
            proces.url + proces.reverse_subpage("inbreng", args=[pk]),
        )
        for pk, titel, lengte, breedte, status in inbreng.exclude(lengte=None)
        .exclude(breedte=None)
        .order_by("-aangemaakt_op")
        .values_list("pk", "titel", "lengte", "breedte", "status")[:MAX_SPELDEN]
    ]
    return kaart


def speld_kaart(inbreng: Inbreng) -> Kaart | None:
    """A contribution's own pin on its area's shape."""
    if not inbreng.heeft_speld:
        return None
    kaart = _grens_kaart(
        str(_("De plek van dit bericht")), Q(focusgebied_id=inbreng.focusgebied_id)
    )
    if kaart is not None and inbreng.lengte is not None and inbreng.breedte is not None:
        kaart.punten = [Punt(float(inbreng.lengte), float(inbreng.breedte), inbreng.titel)]
    return kaart


def uitvoering_kaart(gebied: FocusgebiedPage) -> list[Kaart]:
    """The area page's map: its shape and the results (uitvoering) with a place, each with its
    status, linking to the result. A list for the area section: empty without a shape."""
    titel = _("Wat er in %(gebied)s gebeurt") % {"gebied": gebied.title}
    kaart = _grens_kaart(str(titel), Q(focusgebied_id=gebied.pk))
    if kaart is None:
        return []
    statussen = dict(Resultaatstatus.choices)
    kaart.punten = [
        Punt(float(r.lengte), float(r.breedte), f"{r.title} ({statussen[r.status]})", r.url)
        for r in ResultaatPage.objects.descendant_of(gebied)
        .live()
        .public()
        .exclude(lengte=None)
        .exclude(breedte=None)
    ]
    return [kaart]


def _met_tellingen(qs: QuerySet[Inbreng]) -> QuerySet[Inbreng]:
    return qs.select_related("thema", "proces").annotate(
        aantal_steun=Count("steun", distinct=True),
        aantal_reacties=Count(
            "reacties", filter=Q(reacties__zichtbaarheid=Zichtbaarheid.ZICHTBAAR), distinct=True
        ),
    )


def proces_detail(proces: ParticipatieprocesPage, params: Mapping[str, str]) -> dict[str, Any]:
    """The process page: where it stands, and the public contributions, filtered by soort,
    thema and status (unknown values are ignored), sorted and paginated."""
    prefetch_related_objects([proces], "fasen")
    inbreng = Inbreng.objects.filter(proces=proces, zichtbaarheid__in=PUBLIEK)
    themas = list(Thema.objects.filter(pk__in=inbreng.order_by().values("thema")))
    gekozen: dict[str, str] = {}
    for naam, veld, keuzes in (
        ("soort", "soort", Inbrengsoort.values),
        ("status", "status", Inbrengstatus.values),
        ("thema", "thema_id", [str(thema.pk) for thema in themas]),
    ):
        waarde = params.get(naam, "")
        if waarde in keuzes:
            inbreng = inbreng.filter(**{veld: waarde})
            gekozen[naam] = waarde
    sortering = params.get("sorteer") or "nieuw"
    if sortering not in SORTERINGEN:
        sortering = "nieuw"
    lijst = _met_tellingen(inbreng).order_by(SORTERINGEN[sortering], "-pk")
    pagina = paginering.pagina(Paginator(lijst, PER_PAGINA), params.get("page"))
    aantallen = Inbreng.objects.filter(
        proces=proces, zichtbaarheid=Zichtbaarheid.ZICHTBAAR
    ).aggregate(totaal=Count("pk"), beantwoord=Count("pk", filter=~Q(antwoord="")))
    query = QueryDict(mutable=True)
    query.update({**gekozen, "sorteer": sortering})
    kaart = spelden_kaart(proces, inbreng) if proces.speld_aan else None
    resultaten = list(ResultaatPage.objects.child_of(proces).live().order_by("title"))
    return {
        "resultaten": resultaten,
        "kaart": kaart,
        "uitvoering": uitvoering(resultaten),
        "stand": proces.stand(),
        "filter_query": query.urlencode(),
        "gefilterd": bool(gekozen),
        "fasen": sorted(proces.fasen.all(), key=lambda fase: fase.begin),
        "pagina": pagina,
        "gekozen": gekozen,
        "sortering": sortering,
        "thema_keuzes": themas,
        "soort_keuzes": Inbrengsoort.choices,
        "status_keuzes": Inbrengstatus.choices,
        "aantal_inbreng": aantallen["totaal"],
        "aantal_beantwoord": aantallen["beantwoord"],
    }


def inbreng_met_foto(pk: int, user: User) -> Inbreng | None:
    """A contribution whose photo `user` may see: everyone once it is online, its writer
    while it waits, the area's moderators also when it is hidden."""
    inbreng = (
        Inbreng.objects.exclude(afbeelding="")
        .select_related("focusgebied")
        .filter(pk=pk, proces__live=True)
        .first()
    )
    if inbreng is None:
        return None
    if (
        inbreng.is_zichtbaar
        or (user.is_authenticated and inbreng.auteur_id == user.pk)
        or user.has_perm("participatie.modereren", inbreng)
    ):
        return inbreng
    return None


def inbreng_detail(proces: ParticipatieprocesPage, pk: int, user: User) -> Inbreng | None:
    """A public contribution of `proces` with its replies and history. Its own writer also
    sees it while it waits for approval."""
    zichtbaar = Q(zichtbaarheid__in=PUBLIEK)
    if user.is_authenticated:
        zichtbaar |= Q(auteur=user)
    steun_van_mij = (
        Exists(Steun.objects.filter(inbreng=OuterRef("pk"), gebruiker=user))
        if user.is_authenticated
        else Value(False)
    )
    return (
        _met_tellingen(Inbreng.objects.filter(zichtbaar, proces=proces, pk=pk))
        .select_related("overleg", "focusgebied")
        .annotate(door_mij_gesteund=steun_van_mij)
        .prefetch_related(
            Prefetch(
                "reacties",
                queryset=Reactie.objects.filter(zichtbaarheid__in=PUBLIEK),
                to_attr="publieke_reacties",
            ),
            Prefetch(
                "wijzigingen",
                queryset=Statuswijziging.objects.filter(publicatie=Publicatie.GEPUBLICEERD),
                to_attr="openbare_updates",
            ),
            Prefetch(
                "resultaten", queryset=ResultaatPage.objects.live(), to_attr="live_resultaten"
            ),
            Prefetch(
                "overlegbesluiten",
                queryset=Besluit.objects.select_related("overleg").order_by("overleg__datum"),
            ),
        )
        .first()
    )


def uitvoering(resultaten: list[ResultaatPage]) -> dict[str, Any] | None:
    """Overall progress of a process's results: the mean progress of those not dropped (a
    finished one counts as 100), and how many are finished."""
    lopend = [r for r in resultaten if r.status != Resultaatstatus.VERVALLEN]
    if not lopend:
        return None
    return {
        "procent": round(sum(r.telt_voortgang for r in lopend) / len(lopend)),
        "gereed": sum(r.status == Resultaatstatus.GEREED for r in lopend),
        "totaal": len(lopend),
    }


def resultaat_detail(resultaat: ResultaatPage) -> dict[str, Any]:
    """A result with the visible contributions and the live meetings behind it."""
    return {
        "bijdragen": list(
            _met_tellingen(resultaat.bijdragen.filter(zichtbaarheid=Zichtbaarheid.ZICHTBAAR))
        ),
        "overleggen_live": list(resultaat.overleggen.live().order_by("datum")),
        # Each photo's renditions come with the list (one query), not one lookup per photo.
        "updates": list(
            resultaat.updates.select_related("foto").prefetch_related("foto__renditions")
        ),
    }


def besluiten_van(overleg: AlliantieoverlegPage) -> list[Besluit]:
    """A meeting's decisions, each with its visible contributions."""
    return list(
        Besluit.objects.filter(overleg=overleg).prefetch_related(
            Prefetch(
                "bijdragen",
                queryset=Inbreng.objects.filter(
                    zichtbaarheid=Zichtbaarheid.ZICHTBAAR
                ).select_related("proces"),
            )
        )
    )


def krijgt_meldingen(inbreng: Inbreng, user: User) -> bool | None:
    """Whether `user` gets e-mail about `inbreng`; None when they do not follow it."""
    if not user.is_authenticated:
        return None
    if inbreng.auteur_id == user.pk:
        return inbreng.meldingen
    return (
        Steun.objects.filter(inbreng=inbreng, gebruiker=user)
        .values_list("meldingen", flat=True)
        .first()
    )


def terugkoppeling(proces: ParticipatieprocesPage) -> dict[str, Any]:
    """'Wat is er met je inbreng gedaan': counts per status and per theme, and every answer."""
    inbreng = Inbreng.objects.filter(proces=proces, zichtbaarheid=Zichtbaarheid.ZICHTBAAR)
    per_status = dict(inbreng.values_list("status").annotate(n=Count("pk")))
    per_thema = list(
        inbreng.values("thema__label").annotate(n=Count("pk")).order_by("-n", "thema__label")
    )
    beantwoord = list(
        _met_tellingen(inbreng.exclude(antwoord="")).order_by("status", "-beantwoord_op")
    )
    return {
        "per_status": [
            {"status": value, "label": label, "aantal": per_status.get(value, 0)}
            for value, label in Inbrengstatus.choices
        ],
        "per_thema": per_thema,
        "totaal": sum(per_status.values()),
        "beantwoord": beantwoord,
    }


def verslag_rijen(proces: ParticipatieprocesPage) -> list[Inbreng]:
    """Every public contribution with its counts, for the alliance meeting's report."""
    return list(
        _met_tellingen(
            Inbreng.objects.filter(proces=proces, zichtbaarheid=Zichtbaarheid.ZICHTBAAR)
        ).order_by("status", "-aangemaakt_op")
    )


OPEN_DATA_LICENTIE = "CC BY 4.0"
OPEN_DATA_LICENTIE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"


def open_data(proces: ParticipatieprocesPage) -> list[dict[str, Any]]:
    """Every visible contribution of `proces`, without personal data: no name, account,
    e-mail or postcode; the text is as it is shown in public. With the live results each
    contribution fed."""
    resultaten: dict[int, list[str]] = {}
    for inbreng_id, titel in ResultaatPage.bijdragen.through.objects.filter(
        resultaatpage__in=ResultaatPage.objects.child_of(proces).live()
    ).values_list("inbreng_id", "resultaatpage__title"):
        resultaten.setdefault(inbreng_id, []).append(titel)
    return [
        {
            "nummer": inbreng.pk,
            "datum": inbreng.aangemaakt_op.date().isoformat(),
            "soort": inbreng.get_soort_display(),
            "thema": inbreng.thema.label if inbreng.thema else "",
            "titel": inbreng.titel,
            "tekst": inbreng.tekst,
            "plek": inbreng.plek,
            "lengte": float(inbreng.lengte) if inbreng.lengte is not None else None,
            "breedte": float(inbreng.breedte) if inbreng.breedte is not None else None,
            "bewoner": inbreng.bewoner,
            # Annotated by _met_tellingen, which the stubs cannot follow.
            "steun": inbreng.aantal_steun,  # type: ignore[attr-defined]
            "reacties": inbreng.aantal_reacties,  # type: ignore[attr-defined]
            "status": inbreng.get_status_display(),
            "antwoord": inbreng.antwoord,
            "beantwoord_op": inbreng.beantwoord_op.date().isoformat()
            if inbreng.beantwoord_op
            else "",
            "resultaten": "; ".join(sorted(resultaten.get(inbreng.pk, []))),
        }
        for inbreng in verslag_rijen(proces)
    ]


def als_geojson(rijen: list[dict[str, Any]], kop: dict[str, Any]) -> dict[str, Any]:
    """Open data rows as a GeoJSON FeatureCollection (RFC 7946): each contribution a feature,
    its pin a Point (longitude, latitude); one without a pin has no geometry (null), so the
    file holds every contribution as the CSV and JSON do. `kop` (process, licence) goes in as
    foreign members of the collection."""
    features = []
    for rij in rijen:
        eigenschappen = {k: v for k, v in rij.items() if k not in {"lengte", "breedte"}}
        punt = (
            {"type": "Point", "coordinates": [rij["lengte"], rij["breedte"]]}
            if rij["lengte"] is not None and rij["breedte"] is not None
            else None
        )
        features.append(
            {"type": "Feature", "id": rij["nummer"], "geometry": punt, "properties": eigenschappen}
        )
    return {"type": "FeatureCollection", **kop, "features": features}


def vragenlijst_uitslag(proces: ParticipatieprocesPage) -> dict[str, Any]:
    """Results per question, counted over confirmed submissions; shown only once at least
    MINIMUM_INZENDINGEN people answered, and never per person (open answers are counted)."""
    vragen = list(proces.vragen.all())
    antwoorden = Vragenlijstantwoord.objects.filter(
        inzending__proces=proces, inzending__bevestigd=True
    )
    aantal = proces.inzendingen.filter(bevestigd=True).count()
    tellingen: dict[int, Counter[str]] = {vraag.pk: Counter() for vraag in vragen}
    for vraag_id, waarde, n in (
        antwoorden.exclude(vraag__soort=Vraagsoort.OPEN)
        .values_list("vraag_id", "waarde")
        .annotate(n=Count("pk"))
    ):
        tellingen[vraag_id][waarde] = n
    open_aantal = dict(
        antwoorden.filter(vraag__soort=Vraagsoort.OPEN)
        .values_list("vraag_id")
        .annotate(n=Count("pk"))
    )
    uitslag = []
    for vraag in vragen:
        telling = tellingen[vraag.pk]
        opties = (
            [str(n) for n in range(1, 6)] if vraag.soort == Vraagsoort.SCHAAL else vraag.optielijst
        )
        totaal = sum(telling.values())
        rij = {
            "vraag": vraag,
            "opties": [
                {
                    "label": optie,
                    "aantal": telling.get(optie, 0),
                    "procent": round(100 * telling.get(optie, 0) / totaal) if totaal else 0,
                }
                for optie in opties
            ],
            "open_aantal": open_aantal.get(vraag.pk, 0),
        }
        if vraag.soort == Vraagsoort.SCHAAL and totaal:
            rij["gemiddelde"] = sum(int(k) * v for k, v in telling.items()) / totaal
        uitslag.append(rij)
    return {"aantal": aantal, "zichtbaar": aantal >= MINIMUM_INZENDINGEN, "vragen": uitslag}


def is_dubbel(proces: ParticipatieprocesPage, tekst: str, inbreng: Inbreng | None = None) -> bool:
    """The same text (ignoring case, spaces and punctuation) was given in this process, or to
    this contribution, in the last DUBBEL_TERMIJN."""
    sinds = timezone.now() - DUBBEL_TERMIJN
    kern = _kern(tekst)
    teksten = (
        Reactie.objects.filter(inbreng=inbreng, aangemaakt_op__gte=sinds).values_list("tekst")
        if inbreng is not None
        else Inbreng.objects.filter(proces=proces, aangemaakt_op__gte=sinds).values_list("tekst")
    )
    return any(_kern(tekst) == kern for (tekst,) in teksten.iterator())


def _kern(tekst: str) -> str:
    return re.sub(r"\W+", "", tekst.casefold())


def gemodereerde_gebieden(user: User) -> QuerySet[FocusgebiedPage]:
    # Asked without an area, the rule answers for all of them.
    if user.has_perm("participatie.modereren"):
        return FocusgebiedPage.objects.all()
    return eigen_gebieden(user)


def moderatie_wachtrij(user: User) -> dict[str, Any]:
    """Open reports, and items waiting for approval, in the areas `user` moderates."""
    gebieden = gemodereerde_gebieden(user)
    meldingen = list(
        Melding.objects.filter(focusgebied__in=gebieden, afgehandeld_op__isnull=True)
        .select_related(
            "inbreng__proces",
            "inbreng__focusgebied",
            "reactie__inbreng__proces",
            "reactie__inbreng__focusgebied",
            "focusgebied",
        )
        .order_by("aangemaakt_op")
    )
    wachtend_inbreng = list(
        Inbreng.objects.filter(
            focusgebied__in=gebieden, zichtbaarheid=Zichtbaarheid.WACHT_OP_MODERATIE
        ).select_related("proces", "focusgebied")
    )
    wachtende_reacties = list(
        Reactie.objects.filter(
            inbreng__focusgebied__in=gebieden, zichtbaarheid=Zichtbaarheid.WACHT_OP_MODERATIE
        ).select_related("inbreng__proces", "inbreng__focusgebied")
    )
    return {
        "meldingen": meldingen,
        "wachtend": [*wachtend_inbreng, *wachtende_reacties],
    }


def mijn_inbreng(user: User) -> list[Inbreng]:
    return list(
        _met_tellingen(Inbreng.objects.filter(auteur=user)).select_related("proces", "focusgebied")
    )
