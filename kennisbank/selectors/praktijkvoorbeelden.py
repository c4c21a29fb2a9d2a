"""Read paths of the practice examples and syntheses: the filtered list, comparing, similar
examples, the detail page, and the short lists on other pages."""

import datetime
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.http import QueryDict
from django.utils import timezone
from wagtail.models import Page

from gebieden.models import Actielijn, FocusgebiedPage, Thema
from kennisbank.models import (
    Bewijskracht,
    BewijskrachtPage,
    Doelgroep,
    Kostenband,
    Leeslijstitem,
    PraktijkvoorbeeldIndexPage,
    PraktijkvoorbeeldPage,
    SynthesePage,
)
from kennisbank.selectors.basis import PER_PAGE, Bezoeker, kaarten
from kennisbank.selectors.volgen import volgt
from wijkwijzer import haken
from wijkwijzer.paginering import pagina

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
MAX_PAGINA_ID = 2**31 - 1  # a page's id is a 32-bit integer in PostgreSQL


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
    paginator = Paginator(kaarten(items.order_by(*SORTS[sort])), PER_PAGE)
    page: PaginatorPage[PraktijkvoorbeeldPage] = pagina(paginator, params.get("page"))

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
    gekozen = list(dict.fromkeys(i.strip() for i in ids if i.strip()))
    if not VERGELIJK_MIN <= len(gekozen) <= VERGELIJK_MAX:
        return {
            "voorbeelden": [],
            "fout": f"Kies {VERGELIJK_MIN} tot {VERGELIJK_MAX} praktijkvoorbeelden om te "
            f"vergelijken; je koos er {len(gekozen)}.",
        }
    # What is no page id (a word, a negative or too large a number) is a page that does not
    # exist; the database is not asked about it (beyond its integer range it would fail).
    pks = [int(i) for i in gekozen if i.isdigit() and int(i) <= MAX_PAGINA_ID]
    gevonden = {
        v.pk: v
        for v in kaarten(PraktijkvoorbeeldPage.objects.live().filter(pk__in=pks)).prefetch_related(
            "doelgroepen", "actielijnen"
        )
    }
    voorbeelden = [gevonden[pk] for pk in pks if pk in gevonden]
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
    return list(kaarten(ranked)[:limit])


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
            for page in kaarten(PraktijkvoorbeeldPage.objects.live().filter(pk__in=ids))
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
    return {"voorbeelden": list(kaarten(synthese.voorbeelden.live().order_by("title")))}


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
        kaarten(PraktijkvoorbeeldPage.objects.live())
        .filter(focusgebied=gebied)
        .order_by("-publicatiedatum")[:6]
    )


def nieuwe_voorbeelden_op_home(home: Page) -> list[PraktijkvoorbeeldPage]:
    return list(
        kaarten(PraktijkvoorbeeldPage.objects.live().public()).order_by("-publicatiedatum", "-pk")[
            :3
        ]
    )


def nieuwste_voorbeelden(limit: int = 20) -> list[PraktijkvoorbeeldPage]:
    return list(PraktijkvoorbeeldPage.objects.live().order_by("-publicatiedatum", "-pk")[:limit])
