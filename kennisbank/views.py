import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.documents.models import Document
from wagtail.models import Page

from kennisbank import meldingen
from kennisbank.forms import LidmaatschapForm, VolgmeldingenForm, VraagForm
from kennisbank.models import Aanmelding, EvenementPage, LeerkringPage, Volgsoort
from kennisbank.selectors import (
    mijn_kennisbank,
    mijn_vraag,
    mijn_vragen,
    vergelijking,
    volg_label,
)
from kennisbank.services import (
    aanmelden,
    afmelden,
    leerkring_verlaten,
    leeslijst_wisselen,
    lidmaatschap_aanvragen,
    toestemming_wijzigen,
    volgen_wisselen,
    vraag_stellen,
)
from wijkwijzer.ratelimit import form_status, limit_writes
from wijkwijzer.verzending import eenmalig
from wijkwijzer.views import afmeldpagina


def vergelijken(request: HttpRequest) -> HttpResponse:
    context = vergelijking(request.GET.getlist("id"))
    return render(
        request, "kennisbank/vergelijken.html", context, status=400 if context["fout"] else 200
    )


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


@require_POST
@login_required
def leerkring_aanvragen(request: HttpRequest, pk: int) -> HttpResponse:
    leerkring = get_object_or_404(LeerkringPage.objects.live(), pk=pk)
    form = LidmaatschapForm(request.POST)
    if status := form_status(request, form):
        # Show the page again with the form as typed and its error.
        context = {**leerkring.get_context(request), "lidmaatschap_form": form}
        return TemplateResponse(request, leerkring.get_template(request), context, status=status)
    lidmaatschap_aanvragen(
        deelnemer=request.user, leerkring=leerkring, motivatie=form.cleaned_data["motivatie"]
    )
    messages.success(
        request,
        _("Je aanmelding is verstuurd. De coördinator laat je per e-mail weten of je lid bent."),
    )
    return redirect(leerkring.url)


@require_POST
@login_required
@limit_writes("klik")
def leerkring_verlaten_view(request: HttpRequest, pk: int) -> HttpResponse:
    leerkring = get_object_or_404(LeerkringPage.objects.live(), pk=pk)
    leerkring_verlaten(deelnemer=request.user, leerkring=leerkring)
    messages.success(request, _("Je bent geen lid meer van deze leerkring."))
    return redirect(leerkring.url)


@login_required
def leerkring_document(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """Members-only documents are served here, after the membership check, and only when the
    document belongs to this circle."""
    leerkring = get_object_or_404(LeerkringPage.objects.live(), pk=pk)
    if not rules.has_perm("kennisbank.bekijk_ledendocumenten", request.user, leerkring):
        raise Http404
    ids = {block.value.pk for block in leerkring.ledendocumenten if block.value}
    if document_pk not in ids:
        raise Http404
    document = get_object_or_404(Document, pk=document_pk)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)


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
