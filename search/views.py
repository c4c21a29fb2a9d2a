from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from gebieden.models import Thema
from search.selectors import vraag_uit
from search.services import suggesties, zoeken


def zoeken_view(request: HttpRequest) -> HttpResponse:
    vraag = vraag_uit(request.GET)
    resultaat = zoeken(vraag) if vraag.tekst else None
    context = {"vraag": vraag, "resultaat": resultaat}
    if resultaat is not None:
        # A paginator over the count only, for the shared pagination include.
        pages = Paginator(range(resultaat.count), vraag.per_pagina)
        context["pagina"] = pages.get_page(vraag.pagina)
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
    if resultaat is None or resultaat.count == 0:
        context["themas"] = Thema.objects.all()[:8]
    template = (
        "search/resultaten.html" if request.headers.get("HX-Request") else "search/zoeken.html"
    )
    return render(request, template, context)


@cache_control(max_age=60)
def zoeken_api(request: HttpRequest) -> JsonResponse:
    """DESIGN.md's contract: results with absolute URLs, for clients on other sites."""
    vraag = vraag_uit(request.GET, per_pagina=True)
    resultaat = zoeken(vraag) if vraag.tekst else None
    if resultaat is None:
        return JsonResponse({"count": 0, "results": [], "facets": {}})
    return JsonResponse(
        {
            "count": resultaat.count,
            "results": [
                {
                    "title": t.title,
                    "url": request.build_absolute_uri(t.url),
                    "type": t.type,
                    "snippet": t.snippet,
                }
                for t in resultaat.treffers
            ],
            "facets": {
                name: [{"value": w.value, "label": w.label, "count": w.count} for w in waarden]
                for name, waarden in resultaat.facetten.items()
            },
        }
    )


@cache_control(max_age=60)
def suggesties_api(request: HttpRequest) -> JsonResponse:
    prefix = request.GET.get("q", "").strip()[:100]
    return JsonResponse(suggesties(prefix) if prefix else [], safe=False)
