"""Views of the practice examples beyond their pages: comparing."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kennisbank.selectors.praktijkvoorbeelden import vergelijking


def vergelijken(request: HttpRequest) -> HttpResponse:
    context = vergelijking(request.GET.getlist("id"))
    return render(
        request, "kennisbank/vergelijken.html", context, status=400 if context["fout"] else 200
    )
