"""One's own kennisbank: the reading list, following, and the e-mail about new items."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from kennisbank import meldingen
from kennisbank.forms import VolgmeldingenForm
from kennisbank.models import Volgsoort
from kennisbank.selectors.volgen import mijn_kennisbank, volg_label
from kennisbank.services.volgen import leeslijst_wisselen, volgen_wisselen
from wijkwijzer.ratelimit import form_status, limit_writes
from wijkwijzer.views import afmeldpagina


@require_POST
@login_required
@limit_writes("klik")
def leeslijst(request: HttpRequest, pk: int) -> HttpResponse:
    pagina = get_object_or_404(Page.objects.live().public(), pk=pk)
    if leeslijst_wisselen(gebruiker=request.user, pagina=pagina):
        messages.success(request, _("Bewaard op je leeslijst."))
    else:
        messages.success(request, _("Van je leeslijst gehaald."))
    return redirect(pagina.url)


@require_POST
@login_required
@limit_writes("klik")
def volgen(request: HttpRequest) -> HttpResponse:
    soort, waarde = request.POST.get("soort", ""), request.POST.get("waarde", "").strip()
    if soort not in Volgsoort.values or not waarde or len(waarde) > 200:
        raise Http404
    if soort == Volgsoort.AUTEUR and not waarde.isdigit():
        raise Http404
    terug = url_has_allowed_host_and_scheme(
        request.POST.get("terug", ""), allowed_hosts={request.get_host()}
    )
    volgt_nu = volgen_wisselen(gebruiker=request.user, soort=soort, waarde=waarde)
    wat = volg_label(soort, waarde)
    messages.success(
        request,
        _("Je volgt nu %(wat)s.") % {"wat": wat}
        if volgt_nu
        else _("Je volgt %(wat)s niet meer.") % {"wat": wat},
    )
    return redirect(request.POST["terug"] if terug else "kennisbank:mijn_kennisbank")


@login_required
def mijn_kennisbank_view(request: HttpRequest) -> HttpResponse:
    form = VolgmeldingenForm(initial={"frequentie": meldingen.frequentie(request.user)})
    return _mijn_kennisbank(request, form)


def _mijn_kennisbank(request: HttpRequest, form: VolgmeldingenForm, status: int = 200):
    context = {**mijn_kennisbank(request.user), "meldingen_form": form}
    return render(request, "kennisbank/mijn_kennisbank.html", context, status=status)


@login_required
@require_POST
def volgmeldingen_instellen(request: HttpRequest) -> HttpResponse:
    form = VolgmeldingenForm(request.POST)
    status = form_status(request, form)
    if status is not None:
        return _mijn_kennisbank(request, form, status)
    meldingen.frequentie_opslaan(request.user, form.cleaned_data["frequentie"])
    messages.success(request, _("Opgeslagen: zo vaak krijg je e-mail over nieuwe items."))
    return redirect("kennisbank:mijn_kennisbank")


@csrf_exempt  # see wijkwijzer.views.afmeldpagina
def volgmeldingen_uit(request: HttpRequest, token: str) -> HttpResponse:
    return afmeldpagina(
        request,
        lambda: _("nieuwe items in de kennisbank") if meldingen.afmelden(token) else None,
        reverse("kennisbank:mijn_kennisbank"),
    )
