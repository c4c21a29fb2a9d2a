"""Registering for an event and cancelling."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kennisbank.models import Aanmelding, EvenementPage
from kennisbank.services.agenda import aanmelden, afmelden
from wijkwijzer.ratelimit import limit_writes


@require_POST
@login_required
@limit_writes("klik")
def evenement_aanmelden(request: HttpRequest, pk: int) -> HttpResponse:
    evenement = get_object_or_404(EvenementPage.objects.live(), pk=pk)
    if evenement.capaciteit == 0 or evenement.begin_is_past:
        messages.error(request, _("Aanmelden voor dit evenement kan niet (meer)."))
        return redirect(evenement.url)
    aanmelding = aanmelden(deelnemer=request.user, evenement=evenement)
    if aanmelding.status == Aanmelding.Status.AANGEMELD:
        messages.success(request, _("Je bent aangemeld. De bevestiging staat in je e-mail."))
    else:
        messages.info(request, _("Het evenement is vol. Je staat op de wachtlijst."))
    return redirect(evenement.url)


@require_POST
@login_required
@limit_writes("klik")
def evenement_afmelden(request: HttpRequest, pk: int) -> HttpResponse:
    evenement = get_object_or_404(EvenementPage.objects.live(), pk=pk)
    afmelden(deelnemer=request.user, evenement=evenement)
    messages.success(request, _("Je bent afgemeld."))
    return redirect(evenement.url)
