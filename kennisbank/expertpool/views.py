from collections.abc import Callable

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kennisbank.expertpool.forms import (
    AanvraagForm,
    AanvullingForm,
    FeedbackForm,
    UitnodigingAntwoordForm,
)
from kennisbank.expertpool.models import Ondersteuningsaanvraag, Uitnodiging
from kennisbank.expertpool.selectors import (
    aanvraag_met_tijdlijn,
    mijn_aanvragen,
    mijn_uitnodigingen,
    uitnodiging_met_aanvraag,
)
from kennisbank.expertpool.services import (
    OPEN,
    ExpertpoolFout,
    aanvraag_indienen,
    aanvraag_intrekken,
    aanvulling_toevoegen,
    feedback_geven,
    uitnodiging_beantwoorden,
    uitnodiging_bij_token,
)
from wijkwijzer.ratelimit import form_status, limit_writes
from wijkwijzer.verzending import eenmalig


@login_required
@eenmalig
def aanvraag_indienen_view(request: HttpRequest) -> HttpResponse:
    form = AanvraagForm(request.POST or None)
    status = form_status(request, form)
    if status is None:
        data = form.cleaned_data
        aanvraag = aanvraag_indienen(aanvrager=request.user, themas=data.pop("themas"), **data)
        messages.success(
            request, _("Je aanvraag is verstuurd. Je krijgt een e-mail bij elke stap.")
        )
        return redirect("expertpool:mijn_aanvraag", pk=aanvraag.pk)
    return render(request, "expertpool/aanvraag_indienen.html", {"form": form}, status=status)


@login_required
def mijn_aanvragen_view(request: HttpRequest) -> HttpResponse:
    return render(
        request, "expertpool/mijn_aanvragen.html", {"aanvragen": mijn_aanvragen(request.user)}
    )


def _eigen_aanvraag(
    request: HttpRequest, pk: int, regel: str = "expertpool.bekijken_aanvraag"
) -> Ondersteuningsaanvraag:
    """The request, when `regel` (a rule of kennisbank.expertpool.rules, which leaves
    superusers out) lets this user at it; anyone else gets a 404, as if it did not exist."""
    aanvraag = aanvraag_met_tijdlijn(pk)
    if aanvraag is None or not rules.has_perm(regel, request.user, aanvraag):
        raise Http404
    return aanvraag


def _detail(request, aanvraag, status: int = 200, **forms) -> HttpResponse:
    # What the requester may do: the rule says who, the status table when.
    user, is_open = request.user, aanvraag.status in OPEN
    context = {
        "aanvraag": aanvraag,
        "kan_aanvullen": is_open
        and rules.has_perm("expertpool.aanvullen_aanvraag", user, aanvraag),
        "kan_intrekken": is_open
        and aanvraag.status != Ondersteuningsaanvraag.Status.GEMATCHT
        and rules.has_perm("expertpool.intrekken_aanvraag", user, aanvraag),
        "kan_waarderen": aanvraag.status == Ondersteuningsaanvraag.Status.AFGEROND
        and rules.has_perm("expertpool.waarderen_aanvraag", user, aanvraag),
        "aanvulling_form": forms.get("aanvulling_form") or AanvullingForm(),
        "feedback_form": forms.get("feedback_form")
        or FeedbackForm(initial={"waardering": aanvraag.waardering, "feedback": aanvraag.feedback}),
    }
    return render(request, "expertpool/mijn_aanvraag.html", context, status=status)


@login_required
def mijn_aanvraag_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _eigen_aanvraag(request, pk))


def _formulier_op_aanvraag(
    request: HttpRequest,
    pk: int,
    regel: str,
    form_class: type,
    naam: str,
    stap: Callable,
    gelukt: str,
) -> HttpResponse:
    """A form posted on the requester's own request (`naam` is its context name): shown again
    with its errors, or applied by `stap(aanvraag, cleaned_data)`, when `regel` lets this user
    take the step. A step the request's status does not allow is explained in a message, as
    the form is not shown in that status."""
    aanvraag = _eigen_aanvraag(request, pk, regel)
    form = form_class(request.POST)
    if status := form_status(request, form):
        return _detail(request, aanvraag, status, **{naam: form})
    try:
        stap(aanvraag, form.cleaned_data)
    except ExpertpoolFout as error:
        messages.error(request, str(error))
        return _detail(request, aanvraag, 400, **{naam: form})
    messages.success(request, gelukt)
    return redirect("expertpool:mijn_aanvraag", pk=pk)


@require_POST
@login_required
@eenmalig
def aanvullen_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier_op_aanvraag(
        request,
        pk,
        "expertpool.aanvullen_aanvraag",
        AanvullingForm,
        "aanvulling_form",
        lambda aanvraag, data: aanvulling_toevoegen(
            aanvraag=aanvraag, door=request.user, tekst=data["tekst"]
        ),
        _("Je aanvulling is toegevoegd. De coördinator krijgt bericht."),
    )


@require_POST
@login_required
@limit_writes("klik")
def intrekken_view(request: HttpRequest, pk: int) -> HttpResponse:
    aanvraag = _eigen_aanvraag(request, pk, "expertpool.intrekken_aanvraag")
    try:
        aanvraag_intrekken(aanvraag=aanvraag, door=request.user)
        messages.success(request, _("Je aanvraag is ingetrokken."))
    except ExpertpoolFout as error:
        messages.error(request, str(error))
    return redirect("expertpool:mijn_aanvraag", pk=pk)


@require_POST
@login_required
def feedback_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _formulier_op_aanvraag(
        request,
        pk,
        "expertpool.waarderen_aanvraag",
        FeedbackForm,
        "feedback_form",
        lambda aanvraag, data: feedback_geven(aanvraag=aanvraag, **data),
        _("Bedankt voor je feedback."),
    )


def _beantwoorden(request: HttpRequest, uitnodiging: Uitnodiging) -> str | None:
    """Apply the expert's answer from a POST; returns an error message or None."""
    form = UitnodigingAntwoordForm(request.POST)
    if not form.is_valid():
        return _("Houd de toelichting korter dan 1000 tekens.")
    accepteren = request.POST.get("besluit") == "accepteren"
    try:
        uitnodiging_beantwoorden(
            uitnodiging=uitnodiging,
            accepteren=accepteren,
            door=request.user if request.user.is_authenticated else None,
            toelichting=form.cleaned_data["toelichting"],
        )
    except ExpertpoolFout as error:
        return str(error)
    messages.success(
        request,
        _("Dank je wel! We brengen je per e-mail in contact met de aanvrager.")
        if accepteren
        else _("Dank je wel voor je antwoord. De coördinator zoekt verder."),
    )
    return None


@limit_writes("klik")
def uitnodiging_view(request: HttpRequest, token: str) -> HttpResponse:
    """The expert's link from the e-mail: GET shows the request (mail scanners may open
    links, so nothing changes on GET), POST accepts or declines, once."""
    bij_token = uitnodiging_bij_token(token)
    if bij_token is None:
        raise Http404
    fout = None
    if request.method == "POST":
        fout = _beantwoorden(request, bij_token)
        if fout is None:
            return redirect("expertpool:uitnodiging", token=token)
    return render(
        request,
        "expertpool/uitnodiging.html",
        {"uitnodiging": bij_token, "form": UitnodigingAntwoordForm(), "fout": fout},
        status=400 if fout else 200,
    )


@login_required
def mijn_uitnodigingen_view(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "expertpool/mijn_uitnodigingen.html",
        {"uitnodigingen": mijn_uitnodigingen(request.user)},
    )


@require_POST
@login_required
@limit_writes("klik")
def mijn_uitnodiging_beantwoorden(request: HttpRequest, pk: int) -> HttpResponse:
    gevonden = uitnodiging_met_aanvraag(pk)
    if gevonden is None or not rules.has_perm(
        "expertpool.beantwoorden_uitnodiging", request.user, gevonden
    ):
        raise Http404
    if fout := _beantwoorden(request, gevonden):
        messages.error(request, fout)
    return redirect("expertpool:mijn_uitnodigingen")
