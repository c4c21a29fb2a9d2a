"""Read paths of the kennisbank, each with a fixed number of queries however many items,
themes or related items there are."""

import datetime
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.http import QueryDict
from django.utils import timezone
from rules.permissions import has_perm
from wagtail.models import Page

from gebieden.models import Actielijn, FocusgebiedPage, Thema
from kennisbank.models import (
    Aanmelding,
    AgendaPage,
    Bewijskracht,
    BewijskrachtPage,
    Doelgroep,
    EvenementPage,
    KennisbankIndexPage,
    Kostenband,
    LeerkringIndexPage,
    LeerkringPage,
    Leeslijstitem,
    PraktijkvoorbeeldIndexPage,
    PraktijkvoorbeeldPage,
    PublicatieIndexPage,
    PublicatiePage,
    SynthesePage,
    Volg,
    Volgsoort,
    Vraag,
    VraagbaakPage,
    VraagPage,
)
from wijkwijzer import haken
from wijkwijzer.models import User

# Who looks at a page: someone logged in, or a visitor.
Bezoeker = User | AnonymousUser
P = TypeVar("P", bound=Page)

PER_PAGE = 12
RELATED = 4
SORTS = {
    "nieuw": ("-publicatiedatum", "title"),
    "titel": ("title",),
    # Unknown marks last, so "strongest evidence" and "cheapest" lead with known ones.
    "bewijskracht": (F("bewijskracht__volgorde").desc(nulls_last=True), "title"),
    "kosten": (F("kosten_band").asc(nulls_last=True), "title"),
}
KOSTEN_OPTIES = [(str(band.value), band.label) for band in Kostenband]
VERGELIJK_MIN, VERGELIJK_MAX = 2, 4


def _cards(queryset: QuerySet[P]) -> QuerySet[P]:
    """What a card shows: area and themes, loaded with the list."""
    return queryset.select_related("focusgebied", "bewijskracht").prefetch_related("themas")


def kennisbank_start(index: KennisbankIndexPage) -> dict[str, Any]:
    return {
        "secties": list(index.get_children().live()),
        "lijst": PraktijkvoorbeeldIndexPage.objects.child_of(index).live().first(),
        "nieuwste": list(
            _cards(PraktijkvoorbeeldPage.objects.live().order_by("-publicatiedatum"))[:6]
        ),
        "themas": list(Thema.objects.all()),
    }


def praktijkvoorbeelden_lijst(
    index: PraktijkvoorbeeldIndexPage, params: QueryDict
) -> dict[str, Any]:
    """The examples under `index`, filtered by the query parameters `thema`, `gebied`,
    `gemeente`, `actielijn`, `doelgroep` and `bewijskracht` (each repeatable: any of the values
    within one filter, all filters together), sorted by `sort` and paged by `page`. Unknown
    values are ignored."""
    themas = list(Thema.objects.all())
    gebieden = list(FocusgebiedPage.objects.live().order_by("title").only("id", "title", "slug"))
    actielijnen = list(Actielijn.objects.all())
    doelgroepen = list(Doelgroep.objects.all())
    niveaus = list(Bewijskracht.objects.all())
    items = PraktijkvoorbeeldPage.objects.child_of(index).live()
    gemeenten = sorted(set(items.exclude(gemeente="").values_list("gemeente", flat=True)))

    getlist = params.getlist
    chosen = {
        "thema": [t.slug for t in themas if t.slug in getlist("thema")],
        "gebied": [g.slug for g in gebieden if g.slug in getlist("gebied")],
        "gemeente": [g for g in gemeenten if g in getlist("gemeente")],
        "actielijn": [str(a.nummer) for a in actielijnen if str(a.nummer) in getlist("actielijn")],
        "doelgroep": [d.slug for d in doelgroepen if d.slug in getlist("doelgroep")],
        "bewijskracht": [b.slug for b in niveaus if b.slug in getlist("bewijskracht")],
        "kosten": [band for band, _label in KOSTEN_OPTIES if band in getlist("kosten")],
    }
    lookups = {
        "thema": "themas__slug__in",
        "gebied": "focusgebied__slug__in",
        "gemeente": "gemeente__in",
        "actielijn": "actielijnen__nummer__in",
        "doelgroep": "doelgroepen__slug__in",
        "bewijskracht": "bewijskracht__slug__in",
        "kosten": "kosten_band__in",
    }
    for key, values in chosen.items():
        if values:
            items = items.filter(
                pk__in=PraktijkvoorbeeldPage.objects.filter(**{lookups[key]: values}).values("pk")
            )

    sort = params.get("sort", "nieuw")
    if sort not in SORTS:
        sort = "nieuw"
    paginator = Paginator(_cards(items.order_by(*SORTS[sort])), PER_PAGE)
    page: PaginatorPage[PraktijkvoorbeeldPage] = paginator.get_page(params.get("page"))

    query = QueryDict(mutable=True)
    for key, values in chosen.items():
        query.setlist(key, values)
    if sort != "nieuw":
        query["sort"] = sort
    return {
        "syntheses": list(SynthesePage.objects.child_of(index).live().order_by("title")),
        "voorbeelden": page,
        "aantal": paginator.count,
        "filter_query": query.urlencode(),
        "gekozen": chosen,
        "sort": sort,
        "gefilterd": any(chosen.values()),
        "opties": {
            "thema": [(t.slug, t.label) for t in themas],
            "gebied": [(g.slug, g.title) for g in gebieden],
            "gemeente": [(g, g) for g in gemeenten],
            "actielijn": [(str(a.nummer), str(a)) for a in actielijnen],
            "doelgroep": [(d.slug, d.naam) for d in doelgroepen],
            "bewijskracht": [(b.slug, b.naam) for b in niveaus],
            "kosten": KOSTEN_OPTIES,
        },
    }


def vergelijking(ids: list[str]) -> dict[str, Any]:
    """Two to four live examples side by side, in the order asked; `fout` says in Dutch what
    is wrong with the choice otherwise."""
    gekozen = list(dict.fromkeys(i for i in ids if i.isdigit()))
    if not VERGELIJK_MIN <= len(gekozen) <= VERGELIJK_MAX:
        return {
            "voorbeelden": [],
            "fout": f"Kies {VERGELIJK_MIN} tot {VERGELIJK_MAX} praktijkvoorbeelden om te "
            f"vergelijken; je koos er {len(gekozen)}.",
        }
    gevonden = {
        v.pk: v
        for v in _cards(
            PraktijkvoorbeeldPage.objects.live().filter(pk__in=gekozen)
        ).prefetch_related("doelgroepen", "actielijnen")
    }
    voorbeelden = [gevonden[int(i)] for i in gekozen if int(i) in gevonden]
    fout = (
        "" if len(voorbeelden) == len(gekozen) else "Niet alle gekozen voorbeelden bestaan (nog)."
    )
    return {"voorbeelden": voorbeelden, "fout": fout}


def vergelijkbare_voorbeelden(
    voorbeeld: PraktijkvoorbeeldPage, themas: list[Thema], limit: int = RELATED
) -> list[PraktijkvoorbeeldPage]:
    """Examples sharing `themas` (the example's themes) or the area with `voorbeeld`: same
    area first, then most shared themes, then newest."""
    theme_ids = [thema.pk for thema in themas]
    matches = Q(themas__in=theme_ids)
    if voorbeeld.focusgebied_id:
        matches |= Q(focusgebied_id=voorbeeld.focusgebied_id)
    candidates = (
        PraktijkvoorbeeldPage.objects.live().filter(matches).exclude(pk=voorbeeld.pk).values("pk")
    )
    ranked = (
        PraktijkvoorbeeldPage.objects.filter(pk__in=candidates)
        .annotate(
            gedeelde_themas=Count("themas", filter=Q(themas__in=theme_ids), distinct=True),
            # Without an area nothing shares it (a plain When would match IS NULL).
            zelfde_gebied=Case(
                When(focusgebied_id=voorbeeld.focusgebied_id, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            if voorbeeld.focusgebied_id
            else Value(0),
        )
        .order_by("-zelfde_gebied", "-gedeelde_themas", "-publicatiedatum")
    )
    return list(_cards(ranked)[:limit])


def vergelijkbaar(
    voorbeeld: PraktijkvoorbeeldPage, themas: list[Thema]
) -> list[PraktijkvoorbeeldPage]:
    """The "Vergelijkbare voorbeelden": what the search backend finds most alike in text,
    topped up with examples of the same area or themes."""
    found: list[PraktijkvoorbeeldPage] = []
    # The search service offers its more-like-this through a hook, so the kennisbank does not
    # depend on search; the last one registered counts.
    if zoekers := haken.MEER_ZOALS_DIT.alle():
        ids = zoekers[-1](voorbeeld, RELATED)
        by_id = {
            page.pk: page
            for page in _cards(PraktijkvoorbeeldPage.objects.live().filter(pk__in=ids))
        }
        found = [by_id[pk] for pk in ids if pk in by_id]
    if len(found) < RELATED:
        seen = {page.pk for page in found}
        found += [
            page
            for page in vergelijkbare_voorbeelden(voorbeeld, themas, RELATED + len(found))
            if page.pk not in seen
        ][: RELATED - len(found)]
    return found


def praktijkvoorbeeld_detail(
    voorbeeld: PraktijkvoorbeeldPage, gebruiker: Bezoeker
) -> dict[str, Any]:
    themas = list(voorbeeld.themas.all())
    return {
        "themas": themas,
        "actielijnen": list(voorbeeld.actielijnen.all()),
        "doelgroepen": list(voorbeeld.doelgroepen.all()),
        "vergelijkbaar": vergelijkbaar(voorbeeld, themas),
        "beoordeling": voorbeeld.beoordelingen.select_related("niveau").order_by("-datum").first(),
        "syntheses": list(voorbeeld.syntheses.live().order_by("title")),
        "volgt": volgt(gebruiker),
        "op_leeslijst": gebruiker.is_authenticated
        and Leeslijstitem.objects.filter(gebruiker=gebruiker, pagina=voorbeeld).exists(),
        "niveaus_pagina": BewijskrachtPage.objects.live().first(),
    }


def synthese_detail(synthese: SynthesePage) -> dict[str, Any]:
    return {"voorbeelden": list(_cards(synthese.voorbeelden.live().order_by("title")))}


NIEUW_SINDS = 60  # days: what "new for you" looks back over


def volgt(gebruiker: Bezoeker) -> dict[str, set[str]]:
    """What `gebruiker` follows, per kind (empty for visitors)."""
    gevolgd: dict[str, set[str]] = {soort: set() for soort in Volgsoort.values}
    if gebruiker.is_authenticated:
        for soort, waarde in Volg.objects.filter(gebruiker=gebruiker).values_list(
            "soort", "waarde"
        ):
            gevolgd[soort].add(waarde)
    return gevolgd


def volg_labels(gevolgd: dict[str, set[str]]) -> dict[str, dict[str, str]]:
    """What to call each followed value, per kind: names for slugs and account numbers."""
    return {
        Volgsoort.THEMA: dict(
            Thema.objects.filter(slug__in=gevolgd[Volgsoort.THEMA]).values_list("slug", "label")
        ),
        Volgsoort.GEBIED: dict(
            FocusgebiedPage.objects.filter(slug__in=gevolgd[Volgsoort.GEBIED]).values_list(
                "slug", "title"
            )
        ),
        Volgsoort.ORGANISATIE: {naam: naam for naam in gevolgd[Volgsoort.ORGANISATIE]},
        Volgsoort.AUTEUR: {
            str(auteur.pk): auteur.public_name
            for auteur in User.objects.filter(
                pk__in=[pk for pk in gevolgd[Volgsoort.AUTEUR] if pk.isdigit()]
            )
        },
    }


def volg_label(soort: str, waarde: str) -> str:
    return volg_labels({**{s: set() for s in Volgsoort.values}, soort: {waarde}})[soort].get(
        waarde, waarde
    )


def past_bij(gevolgd: dict[str, set[str]]) -> Q:
    """The practice examples matching what is followed."""
    return (
        Q(themas__slug__in=gevolgd[Volgsoort.THEMA])
        | Q(focusgebied__slug__in=gevolgd[Volgsoort.GEBIED])
        | Q(contact_organisatie__in=gevolgd[Volgsoort.ORGANISATIE])
        | Q(auteur_id__in=[pk for pk in gevolgd[Volgsoort.AUTEUR] if pk.isdigit()])
    )


def mijn_kennisbank(gebruiker: User) -> dict[str, Any]:
    """The personal page: the reading list, what is followed, and new examples matching it."""
    gevolgd = volgt(gebruiker)
    labels = volg_labels(gevolgd)
    sinds = timezone.localdate() - datetime.timedelta(days=NIEUW_SINDS)
    nieuw = (
        _cards(
            PraktijkvoorbeeldPage.objects.live().filter(
                pk__in=PraktijkvoorbeeldPage.objects.filter(past_bij(gevolgd)).values("pk"),
                publicatiedatum__gte=sinds,
            )
        ).order_by("-publicatiedatum")[:20]
        if any(gevolgd.values())
        else []
    )
    return {
        "leeslijst": [
            item.pagina.specific
            for item in Leeslijstitem.objects.filter(gebruiker=gebruiker).select_related("pagina")
            if item.pagina.live
        ],
        "gevolgd": [
            (soort, waarde, label)
            for soort in Volgsoort.values
            for label, waarde in sorted(
                (labels[soort].get(waarde, waarde), waarde) for waarde in gevolgd[soort]
            )
        ],
        "nieuw": list(nieuw),
        "nieuw_sinds": NIEUW_SINDS,
    }


def verlopen_beoordelingen(today: datetime.date | None = None) -> list[PraktijkvoorbeeldPage]:
    """Live examples whose current assessment has expired, oldest first: for the editors."""
    today = today or timezone.localdate()
    return list(
        PraktijkvoorbeeldPage.objects.live()
        .filter(bewijskracht_geldig_tot__lt=today)
        .select_related("bewijskracht")
        .order_by("bewijskracht_geldig_tot")
    )


def kennis_uit_gebied(gebied: FocusgebiedPage) -> list[PraktijkvoorbeeldPage]:
    """For the area page's "Kennis uit dit gebied" section."""
    return list(
        _cards(PraktijkvoorbeeldPage.objects.live())
        .filter(focusgebied=gebied)
        .order_by("-publicatiedatum")[:6]
    )


def nieuwe_voorbeelden_op_home(home: Page) -> list[PraktijkvoorbeeldPage]:
    return list(
        _cards(PraktijkvoorbeeldPage.objects.live().public()).order_by("-publicatiedatum", "-pk")[
            :3
        ]
    )


def komende_evenementen(home: Page) -> list[EvenementPage]:
    return list(
        EvenementPage.objects.live()
        .public()
        .filter(begin__gte=timezone.now())
        .order_by("begin")[:3]
    )


def nieuwste_voorbeelden(limit: int = 20) -> list[PraktijkvoorbeeldPage]:
    return list(PraktijkvoorbeeldPage.objects.live().order_by("-publicatiedatum", "-pk")[:limit])


def publicaties_lijst(index: PublicatieIndexPage, params: QueryDict) -> dict[str, Any]:
    """Publications under `index`, newest first, optionally filtered by `thema`, paged."""
    return _per_thema(PublicatiePage, "publicaties", index, params)


def vraagbaak_lijst(index: VraagbaakPage, params: QueryDict) -> dict[str, Any]:
    """Public questions and answers under `index`, newest first, filtered by `thema`, paged."""
    return _per_thema(VraagPage, "vragen", index, params)


def _per_thema(model: type[Page], naam: str, index: Page, params: QueryDict) -> dict[str, Any]:
    """The live `model` pages under `index` in the context variable `naam` (also the related
    name from Thema), newest first, filtered by the repeatable `thema` parameter, paged; the
    theme options are only the themes that have such pages."""
    themas = list(Thema.objects.filter(**{f"{naam}__isnull": False}).distinct())
    items = model.objects.child_of(index).live()
    chosen = [t.slug for t in themas if t.slug in params.getlist("thema")]
    if chosen:
        items = items.filter(pk__in=model.objects.filter(themas__slug__in=chosen).values("pk"))
    paginator = Paginator(
        items.order_by("-publicatiedatum", "title").prefetch_related("themas"), PER_PAGE
    )
    query = QueryDict(mutable=True)
    query.setlist("thema", chosen)
    return {
        naam: paginator.get_page(params.get("page")),
        "aantal": paginator.count,
        "opties": {"thema": [(t.slug, t.label) for t in themas]},
        "gekozen": {"thema": chosen},
        "filter_query": query.urlencode(),
        "gefilterd": bool(chosen),
    }


def agenda(index: AgendaPage, params: QueryDict) -> dict[str, Any]:
    """Upcoming events in date order; past events newest first, paged, so their reports stay
    findable."""
    now = timezone.now()
    events = EvenementPage.objects.child_of(index).live()
    past = Paginator(events.filter(begin__lt=now).order_by("-begin"), PER_PAGE)
    return {
        "komende": list(events.filter(begin__gte=now).order_by("begin")),
        "eerdere": past.get_page(params.get("page")),
        "filter_query": "",
    }


def evenement_detail(evenement: EvenementPage, user: Bezoeker) -> dict[str, Any]:
    taken = evenement.aanmeldingen.filter(status=Aanmelding.Status.AANGEMELD).count()
    mine = None
    if user.is_authenticated:
        mine = (
            evenement.aanmeldingen.filter(deelnemer=user)
            .exclude(status=Aanmelding.Status.AFGEMELD)
            .first()
        )
    return {
        "themas": list(evenement.themas.all()),
        "plaatsen_vrij": max(evenement.capaciteit - taken, 0),
        "mijn_aanmelding": mine,
        "voorbij": evenement.begin_is_past,
    }


def leerkringen_lijst(index: LeerkringIndexPage) -> dict[str, Any]:
    circles = LeerkringPage.objects.child_of(index).live().order_by("title")
    return {"leerkringen": list(circles.prefetch_related("themas"))}


def leerkring_detail(leerkring: LeerkringPage, user: Bezoeker) -> dict[str, Any]:
    """What the page shows; `is_lid` (kennisbank.bekijk_ledendocumenten) decides whether the
    members-only part is rendered."""
    mine = None
    if user.is_authenticated:
        mine = leerkring.lidmaatschappen.filter(deelnemer=user).first()
    return {
        "themas": list(leerkring.themas.all()),
        "bijeenkomsten": list(leerkring.bijeenkomsten.order_by("begin")),
        "mijn_lidmaatschap": mine,
        "is_lid": has_perm("kennisbank.bekijk_ledendocumenten", user, leerkring),  # type: ignore[no-untyped-call]
        "nu": timezone.now(),
    }


def mijn_vragen(user: User) -> list[Vraag]:
    """The asker's own questions, newest first, for their personal page."""
    return list(Vraag.objects.filter(vrager=user).select_related("thema", "focusgebied", "pagina"))


def mijn_vraag(user: User, pk: int) -> Vraag | None:
    return (
        Vraag.objects.filter(vrager=user, pk=pk)
        .select_related("thema", "focusgebied", "pagina")
        .first()
    )
