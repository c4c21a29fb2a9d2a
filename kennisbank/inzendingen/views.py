"""The contributor's side of the workflow: the guided form in steps, the read-back overview
with the editors' comments, and the one-click steps (share, submit, take back)."""

from collections.abc import Callable

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kennisbank.inzendingen import services
from kennisbank.inzendingen.forms import stap_form
from kennisbank.inzendingen.models import Inzending
from kennisbank.inzendingen.selectors import (
    gedeeld_met_mij,
    inzending_secties,
    mijn_inzendingen,
    opmerkingen_per_sectie,
)
from kennisbank.inzendingen.stappen import STAPPEN, ontbreekt
from wijkwijzer.ratelimit import TOO_MANY, limit_writes, over_limit
from wijkwijzer.verzending import eenmalig


@login_required
def mijn_bijdragen(request: HttpRequest) -> HttpResponse:
    context = {
        "inzendingen": mijn_inzendingen(request.user),
        "gedeeld": gedeeld_met_mij(request.user),
    }
    return render(request, "inzendingen/mijn_bijdragen.html", context)


@login_required
@require_POST
@eenmalig
@limit_writes("formulier")
def nieuw(request: HttpRequest) -> HttpResponse:
    inzending = services.nieuwe_inzending(auteur=request.user)
    return redirect("inzendingen:stap", pk=inzending.pk, nummer=1)


def _inzending(request: HttpRequest, pk: int) -> Inzending:
    inzending = get_object_or_404(
        Inzending.objects.select_related("organisatie", "auteur", "pagina"), pk=pk
    )
    if not rules.has_perm("inzendingen.bekijken_inzending", request.user, inzending):
        raise Http404
    return inzending


@login_required
def stap(request: HttpRequest, pk: int, nummer: int) -> HttpResponse:
    """One step of the form. Every button saves what is on the screen first: 'Vorige stap'
    and 'Volgende stap' then move, 'Opslaan' stays. Invalid input is shown again with the
    errors and nothing is saved, so nothing typed is lost either."""
    inzending = _inzending(request, pk)
    if services.OPSLAAN not in services.acties(request.user, inzending):
        messages.info(request, services.FOUTEN[services.OPSLAAN])
        return redirect("inzendingen:overzicht", pk=inzending.pk)
    if not 1 <= nummer <= len(STAPPEN):
        raise Http404
    huidige = STAPPEN[nummer - 1]
    form = stap_form(huidige)(request.POST or None, instance=inzending, gebruiker=request.user)
    status = 200
    if request.method == "POST":
        if over_limit(request, "formulier"):
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid():
            services.stap_opslaan(inzending=inzending, door=request.user, form=form)
            return _na_opslaan(request, inzending, nummer)
        else:
            status = 400
    context = {
        "inzending": inzending,
        "stap": huidige,
        "stappen": STAPPEN,
        "form": form,
        "opmerkingen": opmerkingen_per_sectie(inzending, alleen_laatste=True).get(huidige.slug)
        if inzending.status == Inzending.Status.TERUGGESTUURD
        else None,
    }
    return render(request, "inzendingen/stap.html", context, status=status)


def _na_opslaan(request: HttpRequest, inzending: Inzending, nummer: int) -> HttpResponse:
    naar = request.POST.get("naar")
    if naar == "vorige" and nummer > 1:
        return redirect("inzendingen:stap", pk=inzending.pk, nummer=nummer - 1)
    if naar == "volgende":
        if nummer < len(STAPPEN):
            return redirect("inzendingen:stap", pk=inzending.pk, nummer=nummer + 1)
        return redirect("inzendingen:overzicht", pk=inzending.pk)
    messages.success(request, _("Opgeslagen. Je kunt later verder schrijven."))
    return redirect("inzendingen:stap", pk=inzending.pk, nummer=nummer)


@login_required
def overzicht(request: HttpRequest, pk: int) -> HttpResponse:
    inzending = _inzending(request, pk)
    context = {
        "inzending": inzending,
        "secties": inzending_secties(inzending),
        "acties": services.acties(request.user, inzending),
        "ontbreekt": ontbreekt(inzending) if inzending.status in services.BEWERKBAAR else [],
    }
    return render(request, "inzendingen/overzicht.html", context)


def _eenklik(stap: Callable, gelukt: str) -> Callable:
    """A one-click step on one's own submission; refusals come back as a message."""

    @login_required
    @require_POST
    @limit_writes("formulier")
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        inzending = _inzending(request, pk)
        try:
            stap(request, inzending)
        except services.InzendingFout as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, gelukt)
        return redirect("inzendingen:overzicht", pk=inzending.pk)

    return view


indienen = _eenklik(
    lambda request, inzending: services.indienen(inzending=inzending, door=request.user),
    _("Ingediend. De redactie kijkt ernaar; je krijgt een e-mail als er nieuws is."),
)
terugtrekken = _eenklik(
    lambda request, inzending: services.terugtrekken(inzending=inzending, door=request.user),
    _("Teruggetrokken. Het is weer een concept dat je kunt aanpassen."),
)
delen = _eenklik(
    lambda request, inzending: services.delen(
        inzending=inzending, door=request.user, gedeeld=request.POST.get("gedeeld") == "1"
    ),
    _("Opgeslagen: wie het concept kan lezen, staat nu bovenaan."),
)
