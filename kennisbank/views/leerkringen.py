"""Asking to join a learning circle, leaving it, and its members-only documents."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.documents.models import Document

from kennisbank.forms import LidmaatschapForm
from kennisbank.models import LeerkringPage
from kennisbank.services.leerkringen import leerkring_verlaten, lidmaatschap_aanvragen
from wijkwijzer.ratelimit import form_status, limit_writes


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
