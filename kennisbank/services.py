"""Writes of the kennisbank that are more than a form save."""

import logging
from typing import IO, Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from wagtail.models import Collection, CollectionViewRestriction, Page

from gebieden.models import FocusgebiedPage, Thema
from kennisbank.models import (
    LEDEN_COLLECTIE,
    Aanmelding,
    EvenementPage,
    LeerkringPage,
    Leeslijstitem,
    Lidmaatschap,
    PublicatiePage,
    Volg,
    Vraag,
    VraagbaakPage,
    VraagPage,
)
from wijkwijzer.mail import mail_role, mail_template
from wijkwijzer.markdown import render_markdown
from wijkwijzer.models import User
from wijkwijzer.roles import (
    EINDREDACTEUR,
    LEERKRING_COORDINATOR,
    REDACTEUR,
    VRAAGBAAK_COORDINATOR,
)

logger = logging.getLogger(__name__)


def pdf_text(file: IO[bytes]) -> str:
    """All text of a PDF file, page by page; empty when the file cannot be read as a PDF."""
    try:
        reader = PdfReader(file)
        return "\n".join((page.extract_text() or "").strip() for page in reader.pages).strip()
    except (PdfReadError, ValueError, OSError) as error:
        logger.warning("PDF niet leesbaar: %s", error)
        return ""


def extract_document_texts(publicatie: PublicatiePage) -> int:
    """Extract the text of every attached PDF whose file changed since the last extraction,
    so search can find what is inside. Returns how many documents were read."""
    read = 0
    for attachment in publicatie.documenten.select_related("document"):
        document = attachment.document
        if attachment.tekst_van_bestand == document.file.name:
            continue
        text = ""
        if document.file_extension.lower() == "pdf":
            with document.open_file() as file:
                text = pdf_text(file)
        attachment.tekst = text
        attachment.tekst_van_bestand = document.file.name
        attachment.save(update_fields=["tekst", "tekst_van_bestand"])
        read += 1
    return read


def ensure_ledencollectie() -> Collection:
    """The collection for members-only documents of learning circles. Its view restriction
    lets only the editors and coordinators through Wagtail's own document URL; members get
    their documents from kennisbank.views.leerkring_document, after the membership check."""
    # Wagtail's migrations create the root collection, but a flush (as between transactional
    # tests, which also sends post_migrate) removes it.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = Collection.objects.filter(name=LEDEN_COLLECTIE).first()
    if collection is None:
        collection = root.add_child(name=LEDEN_COLLECTIE)
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.GROUPS}
    )
    groups = [
        Group.objects.get_or_create(name=name)[0]
        for name in (REDACTEUR, EINDREDACTEUR, LEERKRING_COORDINATOR)
    ]
    restriction.groups.add(*groups)
    return collection


def aanmelden(*, deelnemer: User, evenement: EvenementPage) -> Aanmelding:
    """Register `deelnemer` for `evenement`: a seat while there is one, otherwise the waiting
    list. Registering twice changes nothing. Sends a confirmation (with an iCalendar file for
    a seat) once the registration is stored."""
    with transaction.atomic():
        # Lock the event row so two people cannot take the last seat at the same time.
        EvenementPage.objects.select_for_update().get(pk=evenement.pk)
        aanmelding = Aanmelding.objects.filter(evenement=evenement, deelnemer=deelnemer).first()
        if aanmelding and aanmelding.status != Aanmelding.Status.AFGEMELD:
            return aanmelding
        status = (
            Aanmelding.Status.AANGEMELD
            if _taken(evenement) < evenement.capaciteit
            else Aanmelding.Status.WACHTLIJST
        )
        if aanmelding is None:
            aanmelding = Aanmelding(evenement=evenement, deelnemer=deelnemer)
        aanmelding.status = status
        aanmelding.save()
        transaction.on_commit(lambda: _mail_status(aanmelding))
    return aanmelding


def afmelden(*, deelnemer: User, evenement: EvenementPage) -> None:
    """Cancel a registration; the first person on the waiting list gets the free seat."""
    with transaction.atomic():
        EvenementPage.objects.select_for_update().get(pk=evenement.pk)
        aanmelding = Aanmelding.objects.filter(evenement=evenement, deelnemer=deelnemer).first()
        if aanmelding is None or aanmelding.status == Aanmelding.Status.AFGEMELD:
            return
        had_seat = aanmelding.status == Aanmelding.Status.AANGEMELD
        aanmelding.status = Aanmelding.Status.AFGEMELD
        aanmelding.save(update_fields=["status", "gewijzigd"])
        if had_seat:
            volgende = (
                evenement.aanmeldingen.filter(status=Aanmelding.Status.WACHTLIJST)
                .order_by("aangemaakt", "pk")
                .first()
            )
            if volgende is not None:
                volgende.status = Aanmelding.Status.AANGEMELD
                volgende.save(update_fields=["status", "gewijzigd"])
                transaction.on_commit(lambda: _mail_status(volgende))


def _taken(evenement: EvenementPage) -> int:
    return evenement.aanmeldingen.filter(status=Aanmelding.Status.AANGEMELD).count()


def evenement_ics(evenement: EvenementPage) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//WijkWijzer//Agenda//NL")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"evenement-{evenement.pk}@wijkwijzer")
    event.add("summary", evenement.title)
    event.add("dtstart", evenement.begin)
    event.add("dtend", evenement.einde)
    event.add("dtstamp", timezone.now())
    event.add("location", evenement.locatie or evenement.online_link)
    event.add("description", evenement.samenvatting)
    if evenement.online_link:
        event.add("url", evenement.online_link)
    calendar.add_component(event)
    return calendar.to_ical()


def _mail_status(aanmelding: Aanmelding) -> None:
    evenement, deelnemer = aanmelding.evenement, aanmelding.deelnemer
    context = {"evenement": evenement, "naam": deelnemer.public_name, "aanmelding": aanmelding}
    seat = aanmelding.status == Aanmelding.Status.AANGEMELD
    subject = (
        f"[WijkWijzer] Aanmelding bevestigd: {evenement.title}"
        if seat
        else f"[WijkWijzer] Op de wachtlijst: {evenement.title}"
    )
    attachments = (
        [(f"{evenement.slug}.ics", evenement_ics(evenement), "text/calendar")] if seat else []
    )
    mail_template(subject, "kennisbank/email/aanmelding.txt", context, deelnemer.email, attachments)


def lidmaatschap_aanvragen(
    *, deelnemer: User, leerkring: LeerkringPage, motivatie: str = ""
) -> Lidmaatschap:
    """Ask to join a learning circle; the coordinator is told by e-mail. Asking again while a
    request is open, or as a member, changes nothing."""
    with transaction.atomic():
        lidmaatschap, created = Lidmaatschap.objects.get_or_create(
            leerkring=leerkring,
            deelnemer=deelnemer,
            defaults={"status": Lidmaatschap.Status.AANGEVRAAGD, "motivatie": motivatie},
        )
        if not created and lidmaatschap.status in (
            Lidmaatschap.Status.AANGEVRAAGD,
            Lidmaatschap.Status.LID,
        ):
            return lidmaatschap
        lidmaatschap.status = Lidmaatschap.Status.AANGEVRAAGD
        lidmaatschap.motivatie = motivatie
        lidmaatschap.save()
        coordinator = leerkring.coordinator
        if coordinator is not None and coordinator.email:
            transaction.on_commit(
                lambda: mail_template(
                    f"[WijkWijzer] Nieuwe aanmelding voor {leerkring.title}",
                    "kennisbank/email/lidmaatschap_aanvraag.txt",
                    {"lidmaatschap": lidmaatschap, "naam": coordinator.public_name},
                    coordinator.email,
                )
            )
    return lidmaatschap


def lidmaatschap_beoordelen(*, lidmaatschap: Lidmaatschap, goedgekeurd: bool) -> Lidmaatschap:
    """The coordinator approves or declines a request; the asker is told by e-mail."""
    if lidmaatschap.status != Lidmaatschap.Status.AANGEVRAAGD:
        raise ValueError(_("Alleen een openstaande aanvraag kan worden beoordeeld."))
    lidmaatschap.status = Lidmaatschap.Status.LID if goedgekeurd else Lidmaatschap.Status.AFGEWEZEN
    with transaction.atomic():
        lidmaatschap.save(update_fields=["status", "gewijzigd"])
        transaction.on_commit(
            lambda: mail_template(
                f"[WijkWijzer] {lidmaatschap.leerkring.title}: "
                + ("welkom als lid" if goedgekeurd else "je aanmelding"),
                "kennisbank/email/lidmaatschap_besluit.txt",
                {"lidmaatschap": lidmaatschap, "naam": lidmaatschap.deelnemer.public_name},
                lidmaatschap.deelnemer.email,
            )
        )
    return lidmaatschap


def leerkring_verlaten(*, deelnemer: User, leerkring: LeerkringPage) -> None:
    Lidmaatschap.objects.filter(
        leerkring=leerkring, deelnemer=deelnemer, status=Lidmaatschap.Status.LID
    ).update(status=Lidmaatschap.Status.VERTROKKEN, gewijzigd=timezone.now())


class VraagbaakFout(ValueError):
    """A step that is not possible in the question's current status; the message says why."""


DOORSTUREN, SLUITEN, BEANTWOORDEN, PUBLICEREN = (
    "doorsturen",
    "sluiten",
    "beantwoorden",
    "publiceren",
)


# From which statuses each step on a question may be taken: the question's state machine.
VRAAG_STAPPEN = {
    BEANTWOORDEN: {Vraag.Status.IN_BEHANDELING},
    DOORSTUREN: {Vraag.Status.INGEDIEND, Vraag.Status.IN_BEHANDELING},
    SLUITEN: {Vraag.Status.INGEDIEND, Vraag.Status.IN_BEHANDELING},
    PUBLICEREN: {Vraag.Status.BEANTWOORD},
}


def vraag_acties(vraag: Vraag, *, coordinator: bool, behandelaar: bool) -> list[str]:
    """The steps a person may take on `vraag` now: the coordinator routes, closes and
    publishes (with the asker's consent); the answer is written by the person it was routed
    to, or the coordinator."""
    mag = {
        BEANTWOORDEN: coordinator or behandelaar,
        DOORSTUREN: coordinator,
        SLUITEN: coordinator,
        PUBLICEREN: coordinator and vraag.toestemming_publicatie,
    }
    return [stap for stap, van in VRAAG_STAPPEN.items() if vraag.status in van and mag[stap]]


def vraag_stellen(
    *,
    vrager: User,
    vraag: str,
    toelichting: str,
    thema: Thema,
    focusgebied: FocusgebiedPage | None = None,
    toestemming_publicatie: bool = False,
) -> Vraag:
    """Store a new question; the asker gets a confirmation, the coordinators a notice."""
    with transaction.atomic():
        nieuw = Vraag.objects.create(
            vrager=vrager,
            vraag=vraag,
            toelichting=toelichting,
            thema=thema,
            focusgebied=focusgebied,
            toestemming_publicatie=toestemming_publicatie,
        )
        transaction.on_commit(lambda: _mail_vraag_status(nieuw))
        mail_role(
            VRAAGBAAK_COORDINATOR,
            f"[WijkWijzer] Nieuwe vraag voor de vraagbaak: {nieuw.vraag}",
            "kennisbank/email/vraag_nieuw.txt",
            {"vraag": nieuw, "link": _admin_link(nieuw)},
        )
    return nieuw


def vraag_doorsturen(*, vraag: Vraag, behandelaar: User) -> Vraag:
    """Route the question to the person who will answer it (again, to change who)."""
    _expect(vraag, DOORSTUREN)
    vraag.behandelaar = behandelaar
    first_time = vraag.status == Vraag.Status.INGEDIEND
    vraag.status = Vraag.Status.IN_BEHANDELING
    vraag.in_behandeling_op = vraag.in_behandeling_op or timezone.now()
    with transaction.atomic():
        vraag.save(update_fields=["behandelaar", "status", "in_behandeling_op"])
        if first_time:
            transaction.on_commit(lambda: _mail_vraag_status(vraag))
        if behandelaar.email:
            transaction.on_commit(
                lambda: mail_template(
                    f"[WijkWijzer] Vraag voor jou: {vraag.vraag}",
                    "kennisbank/email/vraag_doorgestuurd.txt",
                    {"vraag": vraag, "naam": behandelaar.public_name, "link": _admin_link(vraag)},
                    behandelaar.email,
                )
            )
    return vraag


def vraag_beantwoorden(*, vraag: Vraag, antwoord: str) -> Vraag:
    """Store the answer (Markdown) and send it to the asker."""
    _expect(vraag, BEANTWOORDEN)
    vraag.antwoord = antwoord
    vraag.status = Vraag.Status.BEANTWOORD
    vraag.beantwoord_op = timezone.now()
    with transaction.atomic():
        vraag.save(update_fields=["antwoord", "status", "beantwoord_op"])
        transaction.on_commit(lambda: _mail_vraag_status(vraag))
    return vraag


def vraag_publiceren(
    *, vraag: Vraag, titel: str, samenvatting: str, antwoord: str, door: User | None = None
) -> VraagPage:
    """Publish the answered question in the vraagbaak, in the wording the coordinator checked
    for personal details. Only with the asker's consent."""
    _expect(vraag, PUBLICEREN)
    if not vraag.toestemming_publicatie:
        raise VraagbaakFout(_("De vrager heeft geen toestemming gegeven om te publiceren."))
    vraagbaak = VraagbaakPage.objects.first()
    if vraagbaak is None:
        raise VraagbaakFout(_("Er is nog geen vraagbaakpagina om onder te publiceren."))
    with transaction.atomic():
        pagina = vraag.pagina
        if pagina is None:
            pagina = VraagPage(slug=f"{slugify(titel)[:60]}-{vraag.pk}")
        pagina.title = titel
        pagina.samenvatting = samenvatting
        pagina.antwoord = render_markdown(antwoord)
        pagina.focusgebied = vraag.focusgebied
        pagina.publicatiedatum = timezone.localdate()
        if pagina.pk is None:
            vraagbaak.add_child(instance=pagina)
        pagina.themas.set([vraag.thema])
        # Publishing answered questions is the coordinator's own task, not a page edit:
        # they need no page permissions in the tree, and the revision records who did it.
        pagina.save_revision(user=door).publish(user=door, skip_permission_checks=True)
        vraag.pagina = pagina
        vraag.status = Vraag.Status.GEPUBLICEERD
        vraag.gepubliceerd_op = timezone.now()
        vraag.save(update_fields=["pagina", "status", "gepubliceerd_op"])
        transaction.on_commit(lambda: _mail_vraag_status(vraag))
    return pagina


def vraag_sluiten(*, vraag: Vraag, reden: str) -> Vraag:
    """Close a question that the vraagbaak will not answer, telling the asker why."""
    _expect(vraag, SLUITEN)
    vraag.status = Vraag.Status.GESLOTEN
    vraag.reden_gesloten = reden
    vraag.gesloten_op = timezone.now()
    with transaction.atomic():
        vraag.save(update_fields=["status", "reden_gesloten", "gesloten_op"])
        transaction.on_commit(lambda: _mail_vraag_status(vraag))
    return vraag


def toestemming_wijzigen(*, vraag: Vraag, toestemming: bool) -> Vraag:
    """The asker may change their mind at any time. Withdrawn after publication, the public
    page goes offline at once."""
    with transaction.atomic():
        vraag.toestemming_publicatie = toestemming
        fields = ["toestemming_publicatie"]
        if not toestemming and vraag.status == Vraag.Status.GEPUBLICEERD:
            if vraag.pagina is not None and vraag.pagina.live:
                vraag.pagina.unpublish()
            vraag.status = Vraag.Status.BEANTWOORD
            vraag.gepubliceerd_op = None
            fields += ["status", "gepubliceerd_op"]
        vraag.save(update_fields=fields)
    return vraag


def _expect(vraag: Vraag, step: str) -> None:
    if vraag.status not in VRAAG_STAPPEN[step]:
        raise VraagbaakFout(
            _("Een vraag met status '%(status)s' kun je niet %(stap)s.")
            % {"status": vraag.get_status_display(), "stap": step}
        )


def _mail_vraag_status(vraag: Vraag) -> None:
    vrager = vraag.vrager
    mail_template(
        f"[WijkWijzer] Je vraag is {vraag.get_status_display()}: {vraag.vraag}",
        "kennisbank/email/vraag_status.txt",
        {
            "vraag": vraag,
            "naam": vrager.public_name,
            "link": settings.WAGTAILADMIN_BASE_URL
            + reverse("kennisbank:mijn_vraag", args=[vraag.pk]),
            "openbaar": (
                settings.WAGTAILADMIN_BASE_URL + vraag.pagina.url
                if vraag.pagina and vraag.pagina.live
                else ""
            ),
        },
        vrager.email,
    )


def _admin_link(vraag: Vraag) -> str:
    return settings.WAGTAILADMIN_BASE_URL + reverse("vraagbaak:edit", args=[vraag.pk])


def _wisselen(model: type[Model], **velden: Any) -> bool:
    """Remove the row with `velden` if there is one, else add it; returns whether it exists
    now. Deleting first (one query) decides, so a double click cannot add two."""
    verwijderd, _per_model = model._default_manager.filter(**velden).delete()
    if verwijderd:
        return False
    model._default_manager.get_or_create(**velden)
    return True


def leeslijst_wisselen(*, gebruiker: User, pagina: Page) -> bool:
    """Put `pagina` on the reading list, or take it off; returns whether it is on now."""
    return _wisselen(Leeslijstitem, gebruiker=gebruiker, pagina=pagina)


def volgen_wisselen(*, gebruiker: User, soort: str, waarde: str) -> bool:
    """Follow a theme, area or organisation, or stop; returns whether it is followed now."""
    return _wisselen(Volg, gebruiker=gebruiker, soort=soort, waarde=waarde)
