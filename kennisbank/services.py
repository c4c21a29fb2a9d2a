"""Writes of the kennisbank that are more than a form save."""

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from icalendar import Calendar, Event
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from kennisbank.models import (
    Aanmelding,
    EvenementPage,
    LeerkringPage,
    Lidmaatschap,
    PublicatiePage,
)
from wijkwijzer.models import User

logger = logging.getLogger(__name__)


def pdf_text(file) -> str:
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
    _mail(subject, "kennisbank/email/aanmelding.txt", context, deelnemer.email, attachments)


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
                lambda: _mail(
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
        raise ValueError("Alleen een openstaande aanvraag kan worden beoordeeld.")
    lidmaatschap.status = Lidmaatschap.Status.LID if goedgekeurd else Lidmaatschap.Status.AFGEWEZEN
    with transaction.atomic():
        lidmaatschap.save(update_fields=["status", "gewijzigd"])
        transaction.on_commit(
            lambda: _mail(
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


def _mail(
    subject: str, template: str, context: dict, to: str, attachments: list | None = None
) -> None:
    EmailMessage(
        subject, render_to_string(template, context), to=[to], attachments=attachments
    ).send()
