"""Writes of the agenda: registering for an event and cancelling, with a seat or on the
waiting list, and the confirmation with its iCalendar file."""

from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event

from kennisbank.models import (
    Aanmelding,
    EvenementPage,
)
from wijkwijzer.mail import mail_template
from wijkwijzer.models import User


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
