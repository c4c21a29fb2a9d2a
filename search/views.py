import json
import math
from functools import cache
from pathlib import Path
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import get_script_prefix
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from gebieden.models import Thema
from search.backends.base import Treffer, Vraag
from search.registry import typen
from search.selectors import MAX_PAGE, vraag_uit
from search.services import soortaanbod, suggesties, zoeken
from wijkwijzer.paginacache import SLEUTEL_HEADERS, gezet

OPENAPI = Path(__file__).with_name("openapi.json")


@require_safe
@vary_on_headers(*SLEUTEL_HEADERS)
def zoeken_view(request: HttpRequest) -> HttpResponse:
    vraag = vraag_uit(request.GET)
    # Filters alone list every item they allow, newest first.
    resultaat = zoeken(vraag) if vraag.tekst or vraag.filters else None
    context: dict[str, Any] = {"vraag": vraag, "resultaat": resultaat}
    if resultaat is not None:
        # A paginator over the count only, for the shared pagination include.
        pages = Paginator(range(resultaat.count), vraag.per_pagina)
        context["pagina"] = pages.get_page(vraag.pagina)
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        if resultaat.suggestie:
            suggestie = query.copy()
            suggestie["q"] = resultaat.suggestie  # "Bedoelde je" keeps the chosen filters
            context["suggestie_query"] = suggestie.urlencode()
        if voorstel := soortaanbod(vraag):
            # The other filters stay chosen, as with "Bedoelde je".
            alleen = query.copy()
            alleen["q"] = voorstel.tekst
            alleen.setlist("type", [voorstel.type])
            context["soortvoorstel"] = voorstel
            context["soortvoorstel_query"] = alleen.urlencode()
    if resultaat is None or resultaat.count == 0:
        context["themas"] = Thema.objects.all()[:8]
    # htmx asks for the results alone when a filter is ticked; going back to a page its
    # history cache no longer holds, it asks for the whole page (HX-History-Restore-Request).
    fragment = gezet(request, "HX-Request") and not gezet(request, "HX-History-Restore-Request")
    template = "search/resultaten.html" if fragment else "search/zoeken.html"
    return render(request, template, context)


@require_safe
@cache_control(max_age=60)
def zoeken_api(request: HttpRequest) -> JsonResponse:
    """DESIGN.md's contract, described in search/openapi.json: results with absolute URLs,
    for clients on other sites, and links to the pages around this one."""
    vraag = vraag_uit(request.GET, per_pagina=True)
    resultaat = zoeken(vraag) if vraag.tekst or vraag.filters else None
    count = resultaat.count if resultaat else 0
    vorige, volgende = _buren(vraag, count)
    return JsonResponse(
        {
            "count": count,
            "next": _pagina_url(request, volgende),
            "previous": _pagina_url(request, vorige),
            "results": [_treffer(request, t) for t in (resultaat.treffers if resultaat else [])],
            "facets": {
                name: [{"value": w.value, "label": w.label, "count": w.count} for w in waarden]
                for name, waarden in (resultaat.facetten.items() if resultaat else [])
            },
            "verwant": [_treffer(request, t) for t in (resultaat.verwant if resultaat else [])],
            "suggestie": resultaat.suggestie if resultaat else "",
        }
    )


def _treffer(request: HttpRequest, treffer: Treffer) -> dict[str, str]:
    return {
        "title": treffer.title,
        "url": request.build_absolute_uri(treffer.url),
        "type": treffer.type,
        "snippet": treffer.snippet,
    }


def _buren(vraag: Vraag, count: int) -> tuple[int | None, int | None]:
    """The pages before and after `vraag`'s. Past the end, "before" is the last page with
    results, so a client that overshoots finds its way back. No page after MAX_PAGE: a
    request for it would be answered with MAX_PAGE again, and a client following `next`
    would never stop."""
    laatste = min(math.ceil(count / vraag.per_pagina), MAX_PAGE)
    vorige = min(vraag.pagina - 1, laatste) or None
    volgende = vraag.pagina + 1 if vraag.pagina < laatste else None
    return vorige, volgende


def _pagina_url(request: HttpRequest, pagina: int | None) -> str | None:
    """This request's URL at another page, every other parameter as the client sent it."""
    if pagina is None:
        return None
    query = request.GET.copy()
    query["page"] = str(pagina)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@require_safe
@cache_control(max_age=60)
def suggesties_api(request: HttpRequest) -> JsonResponse:
    prefix = request.GET.get("q", "").strip()[:100]
    gevonden = suggesties(prefix) if prefix else []
    return JsonResponse(
        [{**s, "url": request.build_absolute_uri(s["url"])} for s in gevonden], safe=False
    )


@cache
def _openapi() -> str:
    return OPENAPI.read_text(encoding="utf-8")


@require_safe
@cache_control(max_age=3600)
def openapi_api(request: HttpRequest) -> JsonResponse:
    """search/openapi.json, completed with what only the running site knows: its address and
    the `type` vocabulary, which the content apps declare (search.registry.typen)."""
    schema: dict[str, Any] = json.loads(_openapi())
    schema["servers"] = [{"url": request.build_absolute_uri(get_script_prefix()).rstrip("/")}]
    vocabulaire = typen()
    soort = schema["components"]["schemas"]["Type"]
    soort["enum"] = list(vocabulaire)
    soort["description"] += " " + "; ".join(
        f"{slug}: {label}" for slug, label in vocabulaire.items()
    )
    return JsonResponse(schema, json_dumps_params={"ensure_ascii": False})
