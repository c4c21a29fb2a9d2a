"""The monitor pages: one area's indicators over time, and the areas compared on one indicator,
each with CSV downloads of exactly what the charts show."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from gebieden.models import FocusgebiedPage
from gebieden.monitor import selectors
from wijkwijzer.downloads import csv_response


def _gebied(slug: str) -> FocusgebiedPage:
    return get_object_or_404(FocusgebiedPage.objects.live().public(), slug=slug)


def gebied_monitor(request: HttpRequest, slug: str) -> HttpResponse:
    """A summary of every indicator, then each one to open; `?indicator=<nummer>` opens that
    one (links from the summary and the comparison use it, so it works in every browser
    without JavaScript)."""
    gebied = _gebied(slug)
    nummer = request.GET.get("indicator", "")
    context = {
        "gebied": gebied,
        "open_indicator": int(nummer) if nummer.isdecimal() and len(nummer) <= 3 else None,
        **selectors.gebied_monitor(gebied),
    }
    return render(request, "monitor/gebied.html", context)


def _decimaal(value) -> str:
    return "" if value is None else str(value).replace(".", ",")


def gebied_csv(request: HttpRequest, slug: str, nummer: int) -> HttpResponse:
    gebied = _gebied(slug)
    reeks = selectors.reeks_van(gebied, nummer)
    if reeks is None:
        raise Http404
    streef = reeks.streefwaarde
    return csv_response(
        f"{gebied.slug}-indicator-{nummer}.csv",
        [
            "indicator",
            "gebied",
            "periode",
            "waarde",
            "eenheid",
            "bron",
            "gemeente",
            "nederland",
            "streefwaarde",
            "voorbeelddata",
        ],
        [
            [
                nummer,
                gebied.slug,
                m.periode,
                _decimaal(m.waarde),
                m.eenheid,
                m.bron,
                _decimaal(m.gemeente_waarde),
                _decimaal(m.nederland_waarde),
                _decimaal(streef.waarde) if streef else "",
                "ja" if m.voorbeelddata else "nee",
            ]
            for m in reeks.metingen
        ],
    )


def vergelijking(request: HttpRequest) -> HttpResponse:
    return render(request, "monitor/vergelijking.html", selectors.vergelijking(request.GET))


def vergelijking_csv(request: HttpRequest) -> HttpResponse:
    data = selectors.vergelijking(request.GET)
    if data["indicator"] is None:
        raise Http404
    nummer = data["indicator"].nummer
    return csv_response(
        f"vergelijking-indicator-{nummer}-{data['periode']}.csv",
        ["indicator", "gebied", "periode", "waarde", "eenheid", "bron", "voorbeelddata"],
        [
            [
                nummer,
                m.focusgebied.slug,
                m.periode,
                _decimaal(m.waarde),
                m.eenheid,
                m.bron,
                "ja" if m.voorbeelddata else "nee",
            ]
            for m in data["metingen"]
        ],
    )
