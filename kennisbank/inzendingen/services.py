"""The contribution workflow: a professional writes a practice example in steps, may share
the draft inside their organisation, and submits it; the editors return it with comments per
section (as often as needed) or the eindredactie publishes it, crediting the organisation.

The steps, from which statuses and by which rule (kennisbank.inzendingen.rules) each may be
taken, are one table, INZENDING_STAPPEN, that the views, the review screen and the tests all
read."""

from django.conf import settings
from django.db import transaction
from django.forms import ModelForm
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from rules.permissions import has_perm

from kennisbank.inzendingen.forms import bronregels
from kennisbank.inzendingen.models import Inzending, Opmerking, Organisatie
from kennisbank.inzendingen.stappen import STAP, ontbreekt
from kennisbank.models import SECTIES, PraktijkvoorbeeldIndexPage, PraktijkvoorbeeldPage
from wijkwijzer.mail import mail_role, mail_template
from wijkwijzer.markdown import render_markdown
from wijkwijzer.models import User
from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR

Status = Inzending.Status


class InzendingFout(Exception):
    """A step that is not allowed now; the message is Dutch and shown to the person."""


OPSLAAN = "opslaan"
DELEN = "delen"
INDIENEN = "indienen"
TERUGTREKKEN = "terugtrekken"
TERUGSTUREN = "terugsturen"
GOEDKEUREN = "goedkeuren"
AFWIJZEN = "afwijzen"

BEWERKBAAR = {Status.CONCEPT, Status.TERUGGESTUURD}
# step: (from which statuses, by which rule, to which status; None keeps it)
INZENDING_STAPPEN: dict[str, tuple[set[Status], str, Status | None]] = {
    OPSLAAN: (BEWERKBAAR, "inzendingen.opslaan_inzending", None),
    DELEN: (BEWERKBAAR, "inzendingen.delen_inzending", None),
    INDIENEN: (BEWERKBAAR, "inzendingen.indienen_inzending", Status.INGEDIEND),
    TERUGTREKKEN: ({Status.INGEDIEND}, "inzendingen.terugtrekken_inzending", Status.CONCEPT),
    TERUGSTUREN: (
        {Status.INGEDIEND},
        "inzendingen.terugsturen_inzending",
        Status.TERUGGESTUURD,
    ),
    GOEDKEUREN: ({Status.INGEDIEND}, "inzendingen.goedkeuren_inzending", Status.GEPUBLICEERD),
    AFWIJZEN: ({Status.INGEDIEND}, "inzendingen.afwijzen_inzending", Status.AFGEWEZEN),
}
FOUTEN = {
    OPSLAAN: "Alleen de schrijver kan dit voorbeeld aanpassen, zolang het een concept is.",
    DELEN: "Delen kan alleen zolang het voorbeeld een concept is.",
    INDIENEN: "Dit voorbeeld is al ingediend of afgerond.",
    TERUGTREKKEN: "Terugtrekken kan alleen zolang de redactie er nog niet over besliste.",
    TERUGSTUREN: "Terugsturen kan alleen bij een ingediend voorbeeld.",
    GOEDKEUREN: "Publiceren kan alleen bij een ingediend voorbeeld, door de eindredactie.",
    AFWIJZEN: "Afwijzen kan alleen bij een ingediend voorbeeld, door de eindredactie.",
}


def acties(gebruiker: User, inzending: Inzending) -> list[str]:
    """The steps `gebruiker` may take on `inzending` now."""
    return [
        stap
        for stap, (van, regel, _naar) in INZENDING_STAPPEN.items()
        if inzending.status in van and has_perm(regel, gebruiker, inzending)  # type: ignore[no-untyped-call]
    ]


def _verwacht(inzending: Inzending, gebruiker: User, stap: str) -> str:
    """Refuse a step `gebruiker` may not take now; returns the status it leads to."""
    if stap not in acties(gebruiker, inzending):
        raise InzendingFout(FOUTEN[stap])
    return INZENDING_STAPPEN[stap][2] or inzending.status


def nieuwe_inzending(*, auteur: User) -> Inzending:
    """An empty draft; someone in exactly one organisation writes for it by default."""
    organisaties = list(Organisatie.objects.filter(leden__gebruiker=auteur)[:2])
    return Inzending.objects.create(
        auteur=auteur, organisatie=organisaties[0] if len(organisaties) == 1 else None
    )


def stap_opslaan(*, inzending: Inzending, door: User, form: ModelForm[Inzending]) -> Inzending:
    """Save one step's answers (a valid StapForm bound to `inzending`)."""
    _verwacht(inzending, door, OPSLAAN)
    if form.instance.organisatie_id is None:
        form.instance.gedeeld = False  # nothing to share it with any more
    return form.save()


def delen(*, inzending: Inzending, door: User, gedeeld: bool) -> Inzending:
    """Share the draft with the members of its organisation, or stop sharing."""
    _verwacht(inzending, door, DELEN)
    if gedeeld and inzending.organisatie_id is None:
        raise InzendingFout(
            _("Kies eerst je organisatie (in de laatste stap); dan kun je het concept delen.")
        )
    inzending.gedeeld = gedeeld
    inzending.save(update_fields=["gedeeld", "gewijzigd_op"])
    return inzending


def indienen(*, inzending: Inzending, door: User) -> Inzending:
    """Send the example to the editors. Everything needed must be filled in."""
    naar = _verwacht(inzending, door, INDIENEN)
    leeg = ontbreekt(inzending)
    if leeg:
        raise InzendingFout(
            _("Er ontbreekt nog iets: %(wat)s.")
            % {"wat": "; ".join(f"{stap.titel}: {', '.join(velden)}" for stap, velden in leeg)}
        )
    if (
        inzending.organisatie_id
        and not door.organisatielidmaatschappen.filter(
            organisatie_id=inzending.organisatie_id
        ).exists()
    ):
        raise InzendingFout(_("Je bent geen lid (meer) van de gekozen organisatie. Kies opnieuw."))
    opnieuw = inzending.status == Status.TERUGGESTUURD
    with transaction.atomic():
        inzending.status = naar
        inzending.ronde += 1
        inzending.ingediend_op = timezone.now()
        inzending.save(update_fields=["status", "ronde", "ingediend_op", "gewijzigd_op"])
        onderwerp = "Opnieuw ingediend" if opnieuw else "Nieuw praktijkvoorbeeld ingediend"
        for rol in (REDACTEUR, EINDREDACTEUR):
            mail_role(
                rol,
                f"[WijkWijzer] {onderwerp}: {inzending.titel}",
                "inzendingen/email/ingediend_redactie.txt",
                {"inzending": inzending, "opnieuw": opnieuw, "link": _beoordeel_link(inzending)},
            )
        _mail_auteur(inzending, "Je praktijkvoorbeeld is ingediend")
    return inzending


def terugtrekken(*, inzending: Inzending, door: User) -> Inzending:
    """Take a submitted example back to keep writing; the editors no longer see it."""
    inzending.status = _verwacht(inzending, door, TERUGTREKKEN)
    inzending.save(update_fields=["status", "gewijzigd_op"])
    return inzending


def terugsturen(*, inzending: Inzending, door: User, opmerkingen: dict[str, str]) -> Inzending:
    """Return the example to its author with a comment on one or more sections (step slugs)."""
    naar = _verwacht(inzending, door, TERUGSTUREN)
    opmerkingen = {sectie: tekst.strip() for sectie, tekst in opmerkingen.items() if tekst.strip()}
    if not opmerkingen:
        raise InzendingFout(_("Schrijf bij minstens één onderdeel wat er beter kan."))
    if set(opmerkingen) - set(STAP):
        raise InzendingFout(_("Onbekend onderdeel."))
    with transaction.atomic():
        inzending.status = naar
        inzending.save(update_fields=["status", "gewijzigd_op"])
        Opmerking.objects.bulk_create(
            Opmerking(
                inzending=inzending, ronde=inzending.ronde, sectie=sectie, tekst=tekst, door=door
            )
            for sectie, tekst in opmerkingen.items()
        )
        _mail_auteur(inzending, "De redactie heeft opmerkingen bij je praktijkvoorbeeld")
    return inzending


def afwijzen(*, inzending: Inzending, door: User, reden: str) -> Inzending:
    """Decline the example for good, telling the author why."""
    naar = _verwacht(inzending, door, AFWIJZEN)
    if not reden.strip():
        raise InzendingFout(_("Schrijf op waarom het voorbeeld niet geplaatst wordt."))
    with transaction.atomic():
        inzending.status = naar
        inzending.reden_afwijzing = reden.strip()
        inzending.save(update_fields=["status", "reden_afwijzing", "gewijzigd_op"])
        _mail_auteur(inzending, "Je praktijkvoorbeeld wordt niet geplaatst")
    return inzending


def goedkeuren(*, inzending: Inzending, door: User) -> PraktijkvoorbeeldPage:
    """Publish the example as a practice example page, crediting the organisation as its
    contact and the author as its writer."""
    lijst = PraktijkvoorbeeldIndexPage.objects.first()
    if lijst is None:
        raise InzendingFout(
            _("Er is nog geen lijst met praktijkvoorbeelden om onder te publiceren.")
        )
    with transaction.atomic():
        inzending.status = _verwacht(inzending, door, GOEDKEUREN)
        organisatie = inzending.organisatie
        pagina = PraktijkvoorbeeldPage(
            title=inzending.titel,
            slug=_vrije_slug(inzending),
            live=False,
            samenvatting=inzending.samenvatting,
            **{naam: render_markdown(getattr(inzending, naam)) for naam in SECTIES},
            focusgebied=inzending.focusgebied,
            gemeente=inzending.gemeente
            or (inzending.focusgebied.gemeente if inzending.focusgebied else ""),
            kosten_band=inzending.kosten_band,
            kosten_eenheid=inzending.kosten_eenheid,
            bereik_effect=inzending.bereik_effect,
            contact_organisatie=organisatie.naam if organisatie else "",
            contact_url=inzending.contact_url or (organisatie.website if organisatie else ""),
            bronnen=[("bron", {"titel": t, "url": u}) for t, u in bronregels(inzending.bronnen)],
            publicatiedatum=timezone.localdate(),
            auteur=inzending.auteur,
        )
        pagina.themas = list(inzending.themas.all())
        pagina.doelgroepen = list(inzending.doelgroepen.all())
        lijst.add_child(instance=pagina)
        # Deciding on a contribution is the eindredactie's task in this workflow; the
        # revision records who published.
        pagina.save_revision(user=door).publish(user=door, skip_permission_checks=True)
        inzending.pagina = pagina
        inzending.save(update_fields=["status", "pagina", "gewijzigd_op"])
        _mail_auteur(inzending, "Je praktijkvoorbeeld staat online")
    return pagina


def _vrije_slug(inzending: Inzending) -> str:
    basis = slugify(inzending.titel)[:60] or "praktijkvoorbeeld"
    bezet = PraktijkvoorbeeldPage.objects.filter(slug=basis).exists()
    return f"{basis}-{inzending.pk}" if bezet else basis


def _beoordeel_link(inzending: Inzending) -> str:
    return settings.WAGTAILADMIN_BASE_URL + reverse(
        "inzendingen_beoordelen:edit", args=[inzending.pk]
    )


def _mail_auteur(inzending: Inzending, onderwerp: str) -> None:
    auteur = inzending.auteur
    if not auteur.email:
        return
    context = {
        "inzending": inzending,
        "naam": auteur.public_name,
        "link": settings.WAGTAILADMIN_BASE_URL
        + reverse("inzendingen:overzicht", args=[inzending.pk]),
        "pagina": settings.WAGTAILADMIN_BASE_URL + inzending.pagina.url
        if inzending.pagina is not None
        else "",
    }
    transaction.on_commit(
        lambda: mail_template(
            f"[WijkWijzer] {onderwerp}: {inzending.titel}",
            "inzendingen/email/auteur.txt",
            context,
            auteur.email,
        )
    )
