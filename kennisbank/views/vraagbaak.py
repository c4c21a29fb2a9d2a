"""Asking the vraagbaak a question, and the asker's own questions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kennisbank.forms import VraagForm
from kennisbank.selectors.vraagbaak import mijn_vraag, mijn_vragen
from kennisbank.services.vraagbaak import toestemming_wijzigen, vraag_stellen
from wijkwijzer.ratelimit import form_status, limit_writes
from wijkwijzer.verzending import eenmalig


@login_required
@eenmalig
def vraag_stellen_view(request: HttpRequest) -> HttpResponse:
    form = VraagForm(request.POST or None)
    status = form_status(request, form)
    if status is None:
        vraag = vraag_stellen(vrager=request.user, **form.cleaned_data)
        messages.success(request, _("Je vraag is verstuurd. Je krijgt een e-mail bij elke stap."))
        return redirect("kennisbank:mijn_vraag", pk=vraag.pk)
    return render(request, "kennisbank/vraag_stellen.html", {"form": form}, status=status)


@login_required
def mijn_vragen_view(request: HttpRequest) -> HttpResponse:
    return render(request, "kennisbank/mijn_vragen.html", {"vragen": mijn_vragen(request.user)})


@login_required
def mijn_vraag_view(request: HttpRequest, pk: int) -> HttpResponse:
    vraag = mijn_vraag(request.user, pk)
    if vraag is None:
        raise Http404
    return render(request, "kennisbank/mijn_vraag.html", {"vraag": vraag})


@require_POST
@login_required
@limit_writes("klik")
def vraag_toestemming(request: HttpRequest, pk: int) -> HttpResponse:
    vraag = mijn_vraag(request.user, pk)
    if vraag is None:
        raise Http404
    toestemming = request.POST.get("toestemming_publicatie") == "on"
    toestemming_wijzigen(vraag=vraag, toestemming=toestemming)
    messages.success(
        request,
        _("Je vraag mag openbaar, zonder je naam.")
        if toestemming
        else _("Je vraag wordt niet openbaar gemaakt."),
    )
    return redirect("kennisbank:mijn_vraag", pk=vraag.pk)
