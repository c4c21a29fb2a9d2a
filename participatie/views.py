"""Views of the participation module: thin wrappers around participatie.services (writes) and
participatie.selectors (reads). Residents' forms work without an account (write first, then
confirm the e-mail address) and without JavaScript."""

import logging

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from gebieden.models import AlliantieoverlegPage, FocusgebiedPage
from participatie import meldingen, selectors, services
from participatie.forms import (
    AgendapuntForm,
    BehandelForm,
    BesluitForm,
    InbrengForm,
    MeldenForm,
    MeldingvoorkeurenForm,
    ModeratieForm,
    PubliceerForm,
    ReactieForm,
    SteunEmailForm,
    VragenlijstForm,
)
from participatie.models import (
    Inbreng,
    Inbrengsoort,
    Meldingsoort,
    ParticipatieprocesPage,
    Reactie,
    Stand,
    Statuswijziging,
)
from participatie.overgangen import Publicatie, Zichtbaarheid
from wijkwijzer.clientip import client_ip
from wijkwijzer.downloads import csv_response
from wijkwijzer.ratelimit import TOO_MANY, form_status, limit_writes, over_limit
from wijkwijzer.verzending import eenmalig
from wijkwijzer.views import afmeldpagina

logger = logging.getLogger(__name__)
VERSTUURD = "participatie_verstuurd"
LOGIN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def _stand(proces: ParticipatieprocesPage) -> Stand:
    # Several callers ask per request; the phases are read once.
    prefetch_related_objects([proces], "fasen")
    return proces.stand()


def _proces_context(request: HttpRequest, proces: ParticipatieprocesPage) -> dict:
    return {"page": proces, "self": proces, "stand": _stand(proces)}


def proces_pagina(request: HttpRequest, proces: ParticipatieprocesPage) -> HttpResponse:
    """The process page itself, also as the admin's preview. The area's alliance team also
    gets the updates it held back, with the form to publish them together."""
    # What Wagtail's own index route does: a preview request arrives marked as one.
    request.is_preview = getattr(request, "is_preview", False)
    # Only signed-in people can be on the team; visitors cost no extra query.
    team = request.user.is_authenticated and request.user.has_perm(
        "participatie.beantwoorden", services.focusgebied_van(proces)
    )
    extra: dict[str, object] = {"kan_beantwoorden": team}
    if team:
        extra["vastgehouden_aantal"] = services.vastgehouden(proces).count()
        extra["publiceer_form"] = PubliceerForm()
    return proces.render(request, context_overrides=extra)


def _bevestigen_gevraagd(request: HttpRequest, titel: str, email: str) -> HttpResponse:
    """After a write without an account: say where the link went (post/redirect/get), with
    the address half hidden so a shared screen does not show it."""
    naam, _at, domein = email.partition("@")
    request.session[VERSTUURD] = {
        "titel": titel,
        "email": f"{naam[:1]}…@{domein}" if domein else "",
    }
    return redirect("participatie:verstuurd")


def _na_schrijven(
    request: HttpRequest, bijdrage: Inbreng | Reactie, token: str | None, url: str
) -> HttpResponse:
    if token is not None:
        titel = bijdrage.titel if isinstance(bijdrage, Inbreng) else _("Je reactie")
        return _bevestigen_gevraagd(request, titel, request.POST.get("email", ""))
    if bijdrage.zichtbaarheid == Zichtbaarheid.WACHT_OP_MODERATIE:
        messages.success(
            request, _("Dank je wel! Een moderator bekijkt je bericht; daarna staat het online.")
        )
    else:
        messages.success(request, _("Dank je wel! Je bericht staat online."))
    return redirect(url)


def _schrijfformulier(
    request: HttpRequest,
    proces: ParticipatieprocesPage,
    form_class: type,
    template: str,
    open_: bool,
    gesloten_tekst: str,
    opslaan,
) -> HttpResponse:
    """The shared flow of the three residents' forms on a process: closed, shown, refused
    (with what was typed), a bot's post quietly dropped, or saved."""
    context = _proces_context(request, proces)
    if not open_:
        context["gesloten"] = gesloten_tekst
        return TemplateResponse(request, template, context, status=403 if request.POST else 200)
    gebied = services.focusgebied_van(proces)
    form = form_class(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        gebied=gebied,
        proces=proces,
    )
    if request.method == "POST" and form.is_bot:
        logger.info("Honeypot ingevuld bij proces %s; niets opgeslagen", proces.pk)
        return _bevestigen_gevraagd(request, request.POST.get("titel", ""), "")
    status = form_status(request, form)
    if status is not None:
        return TemplateResponse(request, template, {**context, "form": form}, status=status)
    return opslaan(form)


@eenmalig
def inbreng_geven(request: HttpRequest, proces: ParticipatieprocesPage) -> HttpResponse:
    def opslaan(form: InbrengForm) -> HttpResponse:
        data = form.cleaned_data
        inbreng, token = services.inbreng_geven(
            proces=proces,
            schrijver=form.schrijver(),
            soort=data["soort"],
            titel=data["titel"],
            tekst=data["tekst"],
            thema=data["thema"],
            plek=data["plek"],
            afbeelding=data.get("afbeelding"),
            afbeelding_tekst=data["afbeelding_tekst"],
            speld=form.speld,
        )
        return _na_schrijven(request, inbreng, token, inbreng.url)

    stand = _stand(proces)
    return _schrijfformulier(
        request,
        proces,
        InbrengForm,
        "participatie/inbreng_geven.html",
        proces.inbreng_aan and stand.schrijven_open,
        stand.tekst if proces.inbreng_aan else _("Bij dit plan kun je geen inbreng geven."),
        opslaan,
    )


@eenmalig
def agendapunt_voorstellen(request: HttpRequest, proces: ParticipatieprocesPage) -> HttpResponse:
    if not proces.agendapunt_aan:
        raise Http404

    def opslaan(form: AgendapuntForm) -> HttpResponse:
        inbreng, token = services.inbreng_geven(
            proces=proces,
            schrijver=form.schrijver(),
            soort=Inbrengsoort.AGENDAPUNT,
            titel=form.cleaned_data["titel"],
            tekst=form.cleaned_data["tekst"],
        )
        return _na_schrijven(request, inbreng, token, inbreng.url)

    laatste_dag = proces.laatste_dag
    return _schrijfformulier(
        request,
        proces,
        AgendapuntForm,
        "participatie/agendapunt.html",
        laatste_dag is None or timezone.localdate() <= laatste_dag,
        _("Dit proces is afgerond; een agendapunt voorstellen kan hier niet meer."),
        opslaan,
    )


@eenmalig
def vragenlijst(request: HttpRequest, proces: ParticipatieprocesPage) -> HttpResponse:
    if not proces.vragenlijst_aan:
        raise Http404

    def opslaan(form: VragenlijstForm) -> HttpResponse:
        try:
            _inzending, token = services.vragenlijst_invullen(
                proces=proces, schrijver=form.schrijver(), antwoorden=form.antwoorden()
            )
        except services.ParticipatieFout as fout:
            messages.info(request, str(fout))
            return redirect(proces.url + proces.reverse_subpage("vragenlijst"))
        if token is not None:
            return _bevestigen_gevraagd(
                request, _("Je antwoorden op de vragenlijst"), form.cleaned_data["email"]
            )
        messages.success(request, _("Dank je wel! Je antwoorden tellen mee."))
        return redirect(proces.url + proces.reverse_subpage("vragenlijst"))

    stand = _stand(proces)
    al_ingevuld = (
        request.user.is_authenticated and proces.inzendingen.filter(gebruiker=request.user).exists()
    )
    response = _schrijfformulier(
        request,
        proces,
        VragenlijstForm,
        "participatie/vragenlijst.html",
        stand.schrijven_open and not al_ingevuld,
        _("Je hebt deze vragenlijst al ingevuld. Dank je wel!") if al_ingevuld else stand.tekst,
        opslaan,
    )
    if isinstance(response, TemplateResponse):
        response.context_data["uitslag"] = selectors.vragenlijst_uitslag(proces)
    return response


def inbreng_detail(
    request: HttpRequest,
    proces: ParticipatieprocesPage,
    pk: int,
    *,
    reactie_form: ReactieForm | None = None,
    behandel_form: BehandelForm | None = None,
    status: int = 200,
) -> HttpResponse:
    inbreng = selectors.inbreng_detail(proces, pk, request.user)
    if inbreng is None:
        raise Http404
    gebied = inbreng.focusgebied
    stand = _stand(proces)
    context = {
        **_proces_context(request, proces),
        "inbreng": inbreng,
        "meldingen_aan": selectors.krijgt_meldingen(inbreng, request.user),
        "steun_form": SteunEmailForm(prefix="steun"),
        "kan_beantwoorden": request.user.has_perm("participatie.beantwoorden", inbreng),
        "kan_modereren": request.user.has_perm("participatie.modereren", inbreng),
        "kaart": selectors.speld_kaart(inbreng),
    }
    if stand.schrijven_open and inbreng.is_zichtbaar:
        context["reactie_form"] = reactie_form or ReactieForm(
            user=request.user, gebied=gebied, proces=proces, inbreng=inbreng
        )
    if context["kan_beantwoorden"]:
        context["behandel_form"] = behandel_form or BehandelForm(inbreng=inbreng)
        context["vastgehouden"] = inbreng.wijzigingen.filter(publicatie=Publicatie.CONCEPT)
    return TemplateResponse(request, "participatie/inbreng.html", context, status=status)


def terugkoppeling(request: HttpRequest, proces: ParticipatieprocesPage) -> HttpResponse:
    context = {**_proces_context(request, proces), **selectors.terugkoppeling(proces)}
    return TemplateResponse(request, "participatie/terugkoppeling.html", context)


def open_data(request: HttpRequest, proces: ParticipatieprocesPage, formaat: str) -> HttpResponse:
    """The process's contributions as open data (CSV, JSON or GeoJSON with the pins as
    points), without personal data."""
    rijen = selectors.open_data(proces)
    naam = f"inbreng-{proces.slug}"
    if formaat == "csv":
        kolommen = list(rijen[0]) if rijen else ["nummer"]
        return csv_response(f"{naam}.csv", kolommen, ([rij[k] for k in kolommen] for rij in rijen))
    kop = {
        "proces": proces.title,
        "adres": request.build_absolute_uri(proces.url),
        "licentie": selectors.OPEN_DATA_LICENTIE,
        "licentie_url": selectors.OPEN_DATA_LICENTIE_URL,
        "gemaakt_op": timezone.now().isoformat(),
    }
    if formaat == "json":
        data = {**kop, "inbreng": rijen}
    elif formaat == "geojson":
        data = selectors.als_geojson(rijen, kop)
    else:
        raise Http404
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    if formaat == "geojson":
        response["Content-Type"] = "application/geo+json"
    response["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return response


def _inbreng_of_404(pk: int) -> Inbreng:
    inbreng = (
        Inbreng.objects.select_related("proces", "focusgebied")
        .filter(pk=pk, proces__live=True)
        .first()
    )
    if inbreng is None:
        raise Http404
    return inbreng


@require_POST
@eenmalig
def reageren(request: HttpRequest, pk: int) -> HttpResponse:
    inbreng = _inbreng_of_404(pk)
    proces = inbreng.proces
    if not (_stand(proces).schrijven_open and inbreng.is_zichtbaar):
        messages.error(request, _("Reageren kan hier niet (meer)."))
        return redirect(inbreng.url)
    form = ReactieForm(
        request.POST, user=request.user, gebied=inbreng.focusgebied, proces=proces, inbreng=inbreng
    )
    if form.is_bot:
        return _bevestigen_gevraagd(request, _("Je reactie"), "")
    if status := form_status(request, form):
        return inbreng_detail(request, proces, pk, reactie_form=form, status=status)
    reactie, token = services.reageren(
        inbreng=inbreng, schrijver=form.schrijver(), tekst=form.cleaned_data["tekst"]
    )
    return _na_schrijven(request, reactie, token, inbreng.url)


@require_POST
@eenmalig
@limit_writes("klik")
def steunen(request: HttpRequest, pk: int) -> HttpResponse:
    inbreng = _inbreng_of_404(pk)
    if not (_stand(inbreng.proces).schrijven_open and inbreng.is_zichtbaar):
        messages.error(request, _("Steunen kan hier niet (meer)."))
        return redirect(inbreng.url)
    if not request.user.is_authenticated:
        form = SteunEmailForm(request.POST, prefix="steun")
        if not form.is_valid():
            messages.error(request, form.errors["email"][0])
            return redirect(inbreng.url)
        services.steunen_met_email(inbreng=inbreng, email=form.cleaned_data["email"])
        return _bevestigen_gevraagd(
            request, _("Je steun voor: %s") % inbreng.titel, form.cleaned_data["email"]
        )
    if request.POST.get("actie") == "intrekken":
        services.steun_intrekken(inbreng=inbreng, gebruiker=request.user)
        messages.success(request, _("Je steunt deze inbreng niet meer."))
    else:
        try:
            services.steunen(inbreng=inbreng, gebruiker=request.user)
            messages.success(
                request, _("Je steunt deze inbreng. Je krijgt bericht als er iets verandert.")
            )
        except services.ParticipatieFout as fout:
            messages.error(request, str(fout))
    return redirect(inbreng.url)


@require_POST
@login_required
@limit_writes("klik")
def meldingen_item(request: HttpRequest, pk: int) -> HttpResponse:
    inbreng = _inbreng_of_404(pk)
    aan = request.POST.get("aan") == "1"
    services.meldingen_instellen(inbreng=inbreng, gebruiker=request.user, aan=aan)
    messages.success(
        request,
        _("Je krijgt weer e-mail als er iets verandert.")
        if aan
        else _("Je krijgt geen e-mail meer over deze inbreng."),
    )
    return redirect(inbreng.url)


def afmelden(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every status e-mail: one click on the button, no login needed. A GET only
    shows the button, so link checkers in mail programs change nothing."""
    if request.method == "POST":
        inbreng = services.afmelden_met_token(token)
        if inbreng is None:
            return render(request, "participatie/afmelden.html", {"ongeldig": True}, status=400)
        return render(request, "participatie/afmelden.html", {"afgemeld": inbreng})
    return render(request, "participatie/afmelden.html", {})


def _melden(request: HttpRequest, bijdrage: Inbreng | Reactie, url: str) -> HttpResponse:
    form = MeldenForm(request.POST)
    if over_limit(request, "klik"):
        messages.error(request, TOO_MANY)
    elif not form.is_valid():
        messages.error(request, form.errors["reden"][0])
    else:
        melder = request.user if request.user.is_authenticated else None
        services.melden(
            bijdrage=bijdrage,
            reden=form.cleaned_data["reden"],
            melder=melder,
            sleutel=services.melder_sleutel(melder, client_ip(request)),
        )
        messages.success(request, _("Dank je wel. Een moderator bekijkt het bericht."))
    return redirect(url)


def inbreng_foto(request: HttpRequest, pk: int) -> FileResponse:
    """A contribution's photo, to those who may see the contribution: photos are not served
    from MEDIA_ROOT directly, so a hidden contribution's photo is not public either."""
    inbreng = selectors.inbreng_met_foto(pk, request.user)
    if inbreng is None:
        raise Http404
    response = FileResponse(inbreng.afbeelding.open("rb"), content_type="image/jpeg")
    # Photos do not change; one that was hidden must not stay in shared caches.
    response["Cache-Control"] = (
        "public, max-age=86400" if inbreng.is_zichtbaar else "private, no-store"
    )
    return response


@require_POST
def inbreng_melden(request: HttpRequest, pk: int) -> HttpResponse:
    inbreng = _inbreng_of_404(pk)
    # Only what is online can be reported: an unconfirmed or hidden contribution has no
    # public page, so its number must not take reports either.
    if not inbreng.is_zichtbaar:
        raise Http404
    return _melden(request, inbreng, inbreng.url)


@require_POST
def reactie_melden(request: HttpRequest, pk: int) -> HttpResponse:
    reactie = get_object_or_404(
        Reactie.objects.select_related("inbreng__proces"), pk=pk, inbreng__proces__live=True
    )
    if not (reactie.is_zichtbaar and reactie.inbreng.is_zichtbaar):
        raise Http404
    return _melden(request, reactie, reactie.inbreng.url)


def _bevestigd_bericht(uitkomst: services.Bevestigd, ingelogd: bool) -> str:
    """What a resident is told after confirming: what happened to what they sent and, when the
    link logged them in, that and why there is an account, and how to remove it."""
    if uitkomst.wacht_op_moderatie:
        bericht = _(
            "Je e-mailadres is bevestigd. Een moderator bekijkt je bericht; daarna staat het "
            "online."
        )
    else:
        bericht = _("Je e-mailadres is bevestigd. Dank je wel!")
    if not ingelogd:
        return bericht
    if uitkomst.account_nieuw:
        uitleg = _(
            "We hebben met dit e-mailadres een account voor je gemaakt, zodat je je berichten "
            "kunt terugvinden en bericht krijgt als er antwoord is. Je bent nu ingelogd. Wil je "
            'geen account? Dan kun je het <a class="nl-link" href="{url}">verwijderen</a>.'
        )
    else:
        uitleg = _(
            "Je bent nu ingelogd met het account van dit e-mailadres. Wil je dat account niet "
            'meer? Dan kun je het <a class="nl-link" href="{url}">verwijderen</a>.'
        )
    return format_html("{} {}", bericht, format_html(uitleg, url=reverse("account_verwijderen")))


def bevestigen(request: HttpRequest, token: str) -> HttpResponse:
    bevestiging = services.bevestiging_bij_token(token)
    if bevestiging is None:
        return render(request, "participatie/bevestigen.html", {"ongeldig": True}, status=404)
    if request.method != "POST":
        return render(request, "participatie/bevestigen.html", {})
    uitkomst = services.bevestigen(bevestiging)
    ingelogd = uitkomst.inloggen and not request.user.is_authenticated
    if ingelogd:
        login(request, uitkomst.gebruiker, backend=LOGIN_BACKEND)
    messages.success(request, _bevestigd_bericht(uitkomst, ingelogd))
    return redirect(uitkomst.url)


def verstuurd(request: HttpRequest) -> HttpResponse:
    gegevens = request.session.get(VERSTUURD)
    if gegevens is None:
        return redirect("/")
    return render(request, "participatie/verstuurd.html", gegevens)


@login_required
def meldingen_instellen(request: HttpRequest) -> HttpResponse:
    gebruiker = request.user
    form = MeldingvoorkeurenForm(
        request.POST or None,
        initial={
            **meldingen.voorkeuren(gebruiker),
            "gebieden": meldingen.gebruiker_gebieden(gebruiker),
        },
    )
    status = form_status(request, form)
    if status is None:
        meldingen.voorkeuren_opslaan(gebruiker, form.keuzes(), form.cleaned_data["gebieden"])
        messages.success(request, _("Je keuzes voor e-mail zijn opgeslagen."))
        return redirect("participatie:meldingen_instellen")
    return render(request, "participatie/meldingen_instellen.html", {"form": form}, status=status)


@csrf_exempt  # see wijkwijzer.views.afmeldpagina
def afmelden_soort(request: HttpRequest, token: str) -> HttpResponse:
    def afmelden() -> str | None:
        uitkomst = meldingen.afmelden(token)
        return Meldingsoort(uitkomst[1]).label if uitkomst else None

    return afmeldpagina(request, afmelden, reverse("participatie:meldingen_instellen"))


@login_required
def mijn_inbreng(request: HttpRequest) -> HttpResponse:
    return render(
        request, "participatie/mijn_inbreng.html", {"inbreng": selectors.mijn_inbreng(request.user)}
    )


# Staff pages, under settings.STAFF_PATH_PREFIXES (MFA required).


@require_POST
@login_required
@eenmalig
def behandelen(request: HttpRequest, pk: int) -> HttpResponse:
    inbreng = _inbreng_of_404(pk)
    if not request.user.has_perm("participatie.beantwoorden", inbreng):
        raise PermissionDenied
    form = BehandelForm(request.POST, inbreng=inbreng)
    if status := form_status(request, form):
        return inbreng_detail(request, inbreng.proces, pk, behandel_form=form, status=status)
    data = form.cleaned_data
    try:
        services.status_wijzigen(
            inbreng=inbreng,
            naar=data["status"],
            antwoord=data["antwoord"],
            door=request.user,
            ondertekening=data["ondertekening"],
            vasthouden=data["vasthouden"],
        )
    except services.ParticipatieFout as fout:
        form.add_error(None, str(fout))
        return inbreng_detail(request, inbreng.proces, pk, behandel_form=form, status=409)
    if data["vasthouden"]:
        messages.success(
            request, _("De update is bewaard als concept. Nog niemand ziet hem of krijgt bericht.")
        )
    else:
        messages.success(
            request, _("De update staat online. De indiener en wie steunt, krijgen bericht.")
        )
    return redirect(inbreng.url)


@require_POST
@login_required
@limit_writes("klik")
def update_actie(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish or withdraw one held-back update."""
    wijziging = get_object_or_404(Statuswijziging.objects.select_related("inbreng"), pk=pk)
    inbreng = _inbreng_of_404(wijziging.inbreng_id)
    if not request.user.has_perm("participatie.beantwoorden", inbreng):
        raise PermissionDenied
    actie = {"publiceren": services.update_publiceren, "intrekken": services.update_intrekken}
    if request.POST.get("actie") not in actie:
        raise Http404
    try:
        actie[request.POST["actie"]](wijziging)
        messages.success(request, _("Gedaan."))
    except services.ParticipatieFout as fout:
        messages.error(request, str(fout))
    return redirect(inbreng.url)


@require_POST
@login_required
@limit_writes("klik")
def vastgehouden_publiceren(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the process's held-back updates together, now or at a chosen moment."""
    proces = _proces_voor_team(request, pk)
    form = PubliceerForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["moment"][0])
    elif (moment := form.cleaned_data["moment"]) and moment > timezone.now():
        aantal = services.publicatie_plannen(proces, moment)
        messages.success(
            request,
            _("%(aantal)d updates worden gepubliceerd op %(moment)s.")
            % {
                "aantal": aantal,
                "moment": formats.date_format(timezone.localtime(moment), "j F Y H:i"),
            },
        )
    else:
        try:
            aantal = services.vastgehouden_publiceren(proces)
            messages.success(
                request,
                _("%(aantal)d updates staan online; iedereen krijgt bericht.") % {"aantal": aantal},
            )
        except services.ParticipatieFout as fout:
            messages.error(request, str(fout))
    return redirect(proces.url)


@login_required
def moderatie(request: HttpRequest) -> HttpResponse:
    if not selectors.gemodereerde_gebieden(request.user).exists():
        raise PermissionDenied
    context = {**selectors.moderatie_wachtrij(request.user), "form": ModeratieForm()}
    return render(request, "participatie/moderatie.html", context)


MODERATIE_ACTIES = {
    "verbergen": services.verbergen,
    "terugzetten": services.terugzetten,
    "goedkeuren": services.goedkeuren,
    "afwijzen": services.melding_afwijzen,
}


def _moderatie_uitvoeren(request: HttpRequest, sleutel: str, actie_naam: str, reden: str) -> str:
    """Apply one moderation action to "inbreng:<pk>" or "reactie:<pk>"; returns an error
    message, or "" when it was done."""
    soort, _sep, pk = sleutel.partition(":")
    model = {"inbreng": Inbreng, "reactie": Reactie}.get(soort)
    actie = MODERATIE_ACTIES.get(actie_naam)
    if model is None or actie is None or not pk.isdigit():
        raise Http404
    bijdrage = get_object_or_404(model, pk=pk)
    if not request.user.has_perm("participatie.modereren", bijdrage.hoofdinbreng):
        raise PermissionDenied
    kwargs = {"reden": reden} if actie is services.verbergen else {}
    try:
        actie(bijdrage=bijdrage, door=request.user, **kwargs)
    except services.ParticipatieFout as fout:
        return str(fout)
    return ""


@require_POST
@login_required
@limit_writes("klik")
def moderatie_actie(request: HttpRequest, soort: str, pk: int) -> HttpResponse:
    form = ModeratieForm(request.POST)
    form.is_valid()
    fout = _moderatie_uitvoeren(
        request, f"{soort}:{pk}", request.POST.get("actie", ""), form.cleaned_data.get("reden", "")
    )
    if fout:
        messages.error(request, fout)
    else:
        messages.success(
            request, _("Gedaan. Het besluit is vastgelegd en de schrijver is op de hoogte.")
        )
    return redirect("participatie:moderatie")


@require_POST
@login_required
@limit_writes("klik")
def moderatie_bulk(request: HttpRequest) -> HttpResponse:
    """One action for every ticked item in the queue."""
    items = request.POST.getlist("items")
    if not items:
        messages.error(request, _("Vink eerst de berichten aan."))
        return redirect("participatie:moderatie")
    form = ModeratieForm(request.POST)
    form.is_valid()
    actie, reden = request.POST.get("actie", ""), form.cleaned_data.get("reden", "")
    # All or nothing: one item the user may not moderate refuses the whole batch.
    with transaction.atomic():
        fouten = [
            f for f in (_moderatie_uitvoeren(request, item, actie, reden) for item in items) if f
        ]
    gelukt = len(items) - len(fouten)
    if gelukt:
        messages.success(request, _("%(aantal)d berichten afgehandeld.") % {"aantal": gelukt})
    for fout in sorted(set(fouten)):
        messages.error(request, fout)
    return redirect("participatie:moderatie")


def _proces_voor_team(request: HttpRequest, pk: int) -> ParticipatieprocesPage:
    proces = get_object_or_404(ParticipatieprocesPage, pk=pk)
    if not request.user.has_perm("participatie.beantwoorden", services.focusgebied_van(proces)):
        raise PermissionDenied
    return proces


@login_required
def besluiten(request: HttpRequest, pk: int) -> HttpResponse:
    """The team records the decisions of an alliance meeting about residents' input."""
    overleg = get_object_or_404(AlliantieoverlegPage, pk=pk)
    gebied = FocusgebiedPage.objects.parent_of(overleg).get()
    if not request.user.has_perm("participatie.beantwoorden", gebied):
        raise PermissionDenied
    form = BesluitForm(
        request.POST if request.method == "POST" else None, gebied=gebied, overleg=overleg
    )
    status = form_status(request, form)
    if status is None:
        services.besluit_vastleggen(
            overleg=overleg,
            tekst=form.cleaned_data["tekst"],
            bijdragen=list(form.cleaned_data["bijdragen"]),
            door=request.user,
        )
        messages.success(request, _("Het besluit is vastgelegd. De indieners krijgen bericht."))
        return redirect("participatie:besluiten", pk=overleg.pk)
    context = {"overleg": overleg, "form": form, "besluiten": selectors.besluiten_van(overleg)}
    return render(request, "participatie/besluiten.html", context, status=status)


@login_required
def verslag(request: HttpRequest, pk: int) -> HttpResponse:
    """A printable report of every contribution and answer, for the alliance meeting."""
    proces = _proces_voor_team(request, pk)
    context = {
        "proces": proces,
        "rijen": selectors.verslag_rijen(proces),
        **selectors.terugkoppeling(proces),
    }
    return render(request, "participatie/verslag.html", context)


@login_required
def verslag_csv(request: HttpRequest, pk: int) -> HttpResponse:
    proces = _proces_voor_team(request, pk)
    return csv_response(
        f"inbreng-{proces.slug}.csv",
        [
            "nummer",
            "datum",
            "soort",
            "titel",
            "thema",
            "plek",
            "bewoner",
            "steun",
            "reacties",
            "status",
            "antwoord",
            "tekst",
        ],
        (
            [
                inbreng.pk,
                f"{inbreng.aangemaakt_op:%Y-%m-%d}",
                inbreng.get_soort_display(),
                inbreng.titel,
                inbreng.thema.label if inbreng.thema else "",
                inbreng.plek,
                "ja" if inbreng.bewoner else "nee",
                inbreng.aantal_steun,
                inbreng.aantal_reacties,
                inbreng.get_status_display(),
                inbreng.antwoord,
                inbreng.tekst,
            ]
            for inbreng in selectors.verslag_rijen(proces)
        ),
    )
