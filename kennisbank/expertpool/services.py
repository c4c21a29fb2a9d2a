"""Writes of the Expertpool. A request's status changes only in `overgang`, which checks the
transition table, records who did what and when, and tells the requester."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gebieden.models import Provincie, Thema
from kennisbank.expertpool.models import (
    AanvraagGebeurtenis,
    ExpertPage,
    Fase,
    Ondersteuningsaanvraag,
    Regio,
    Uitnodiging,
)
from wijkwijzer.mail import mail_role, mail_template
from wijkwijzer.models import User
from wijkwijzer.roles import EXPERTPOOL_COORDINATOR
from wijkwijzer.tokens import new_token, token_hash

S = Ondersteuningsaanvraag.Status
# Every allowed status change. Who may make it is decided by the function that asks for it.
OVERGANGEN: set[tuple[str, str]] = {
    (S.INGEDIEND, S.IN_BEHANDELING),
    (S.INGEDIEND, S.EXPERT_VOORGESTELD),
    (S.INGEDIEND, S.AFGEWEZEN),
    (S.INGEDIEND, S.INGETROKKEN),
    (S.IN_BEHANDELING, S.EXPERT_VOORGESTELD),
    (S.IN_BEHANDELING, S.AFGEWEZEN),
    (S.IN_BEHANDELING, S.INGETROKKEN),
    # The expert accepts, or declines / the invitation is withdrawn: back to the coordinator.
    (S.EXPERT_VOORGESTELD, S.GEMATCHT),
    (S.EXPERT_VOORGESTELD, S.IN_BEHANDELING),
    (S.EXPERT_VOORGESTELD, S.INGETROKKEN),
    (S.GEMATCHT, S.AFGEROND),
}
OPEN = {S.INGEDIEND, S.IN_BEHANDELING, S.EXPERT_VOORGESTELD, S.GEMATCHT}
# The coordinator's steps in the admin, and from which statuses each is offered.
IN_BEHANDELING_NEMEN, UITNODIGEN, AFWIJZEN = "in_behandeling_nemen", "uitnodigen", "afwijzen"
UITNODIGING_INTREKKEN, AFRONDEN = "uitnodiging_intrekken", "afronden"
COORDINATOR_ACTIES = {
    IN_BEHANDELING_NEMEN: {S.INGEDIEND},
    UITNODIGEN: {S.INGEDIEND, S.IN_BEHANDELING},
    AFWIJZEN: {S.INGEDIEND, S.IN_BEHANDELING},
    UITNODIGING_INTREKKEN: {S.EXPERT_VOORGESTELD},
    AFRONDEN: {S.GEMATCHT},
}
UITNODIGING_GELDIG = datetime.timedelta(days=7)


FASEN = [("verkenning", "Verkenning"), ("ontwerp", "Ontwerp"), ("uitvoering", "Uitvoering")]


def ensure_fasen_en_regios() -> None:
    """The three phases of the programme's approach, and the regions: the provinces (same slugs
    as gebieden.Provincie, so an area's province matches) plus nationwide. Run after every
    migrate (and flush, which also sends post_migrate)."""
    for volgorde, (slug, naam) in enumerate(FASEN, start=1):
        Fase.objects.update_or_create(slug=slug, defaults={"naam": naam, "volgorde": volgorde})
    Regio.objects.update_or_create(
        slug="landelijk", defaults={"naam": "Landelijk", "landelijk": True}
    )
    for slug, naam in Provincie.choices:
        Regio.objects.update_or_create(slug=slug, defaults={"naam": naam})


class ExpertpoolFout(ValueError):
    """A step that cannot be taken; the message says why, in Dutch."""


def overgang(
    aanvraag: Ondersteuningsaanvraag, naar: str, *, door: User | None, tekst: str = ""
) -> Ondersteuningsaanvraag:
    """Move `aanvraag` to status `naar` if the table allows it, record it and tell the
    requester. Call inside the caller's transaction when other rows change with it."""
    with transaction.atomic():
        current = Ondersteuningsaanvraag.objects.select_for_update().get(pk=aanvraag.pk)
        van = current.status
        if (van, naar) not in OVERGANGEN:
            raise ExpertpoolFout(
                _("Een aanvraag met status '%(van)s' kan niet naar '%(naar)s'.")
                % {"van": S(van).label, "naar": S(naar).label}
            )
        aanvraag.status = naar
        now = timezone.now()
        if naar == S.GEMATCHT:
            aanvraag.gematcht_op = now
        if naar == S.AFGEROND:
            aanvraag.afgerond_op = now
        aanvraag.save()
        AanvraagGebeurtenis.objects.create(
            aanvraag=aanvraag, wie=door, wanneer=now, van_status=van, naar_status=naar, tekst=tekst
        )
        transaction.on_commit(lambda: _mail_aanvrager(aanvraag))
    return aanvraag


def aanvraag_indienen(
    *, aanvrager: User, themas: Iterable[Thema], **velden: Any
) -> Ondersteuningsaanvraag:
    """Store a new request (fields as on Ondersteuningsaanvraag); the requester gets a
    confirmation and the coordinators a notice."""
    with transaction.atomic():
        aanvraag = Ondersteuningsaanvraag(aanvrager=aanvrager, **velden)
        aanvraag.full_clean(exclude=["themas"])
        aanvraag.save()
        aanvraag.themas.set(themas)
        AanvraagGebeurtenis.objects.create(
            aanvraag=aanvraag, wie=aanvrager, naar_status=S.INGEDIEND
        )
        transaction.on_commit(lambda: _mail_aanvrager(aanvraag))
        _mail_coordinatoren(aanvraag, "Nieuwe aanvraag")
    return aanvraag


def aanvraag_in_behandeling_nemen(*, aanvraag: Ondersteuningsaanvraag, door: User) -> None:
    overgang(aanvraag, S.IN_BEHANDELING, door=door)


def aanvraag_afwijzen(*, aanvraag: Ondersteuningsaanvraag, door: User, reden: str) -> None:
    if not reden.strip():
        raise ExpertpoolFout(_("Geef een reden op: de aanvrager krijgt die te zien."))
    with transaction.atomic():
        aanvraag.reden_afwijzing = reden
        overgang(aanvraag, S.AFGEWEZEN, door=door, tekst=reden)


def expert_uitnodigen(
    *, aanvraag: Ondersteuningsaanvraag, expert: ExpertPage, door: User
) -> tuple[Uitnodiging, str]:
    """Invite `expert` and mail them a single-use link. Returns the invitation and the token
    (only its hash is stored)."""
    if expert.gebruiker is None or not expert.gebruiker.email:
        raise ExpertpoolFout(
            _("%(expert)s heeft geen account en kan niet worden uitgenodigd.")
            % {"expert": expert.title}
        )
    token, hashed = new_token()
    with transaction.atomic():
        uitnodiging = Uitnodiging.objects.create(
            aanvraag=aanvraag,
            expert=expert,
            token_hash=hashed,
            verloopt_op=timezone.now() + UITNODIGING_GELDIG,
        )
        overgang(aanvraag, S.EXPERT_VOORGESTELD, door=door, tekst=f"Uitgenodigd: {expert.title}")
        link = settings.WAGTAILADMIN_BASE_URL + reverse("expertpool:uitnodiging", args=[token])
        transaction.on_commit(
            lambda: mail_template(
                f"[WijkWijzer] Verzoek om ondersteuning: {aanvraag.gebied_naam}",
                "expertpool/email/uitnodiging.txt",
                {"aanvraag": aanvraag, "expert": expert, "link": link, "geldig": uitnodiging},
                expert.gebruiker.email,
            )
        )
    return uitnodiging, token


def uitnodiging_bij_token(token: str) -> Uitnodiging | None:
    return (
        Uitnodiging.objects.select_related("aanvraag__focusgebied", "aanvraag__fase", "expert")
        .filter(token_hash=token_hash(token))
        .first()
    )


def uitnodiging_beantwoorden(
    *, uitnodiging: Uitnodiging, accepteren: bool, door: User | None, toelichting: str = ""
) -> None:
    """The expert's answer, by the e-mailed link or from their own page. Accepting matches the
    request and introduces requester and expert to each other; declining returns it to the
    coordinator."""
    with transaction.atomic():
        locked = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
        if not locked.kan_beantwoorden:
            raise ExpertpoolFout(_("Deze uitnodiging is verlopen of al beantwoord."))
        uitnodiging.status = (
            Uitnodiging.Status.GEACCEPTEERD if accepteren else Uitnodiging.Status.AFGEWEZEN
        )
        uitnodiging.beantwoord_op = timezone.now()
        uitnodiging.toelichting = toelichting
        uitnodiging.save()
        aanvraag, expert = uitnodiging.aanvraag, uitnodiging.expert
        if accepteren:
            aanvraag.expert = expert
            overgang(aanvraag, S.GEMATCHT, door=door, tekst=f"{expert.title} helpt mee.")
            transaction.on_commit(lambda: _mail_kennismaking(aanvraag))
        else:
            overgang(
                aanvraag,
                S.IN_BEHANDELING,
                door=door,
                tekst=f"{expert.title} kan niet helpen. {toelichting}".strip(),
            )
        _mail_coordinatoren(
            aanvraag, f"{expert.title} heeft {'geaccepteerd' if accepteren else 'afgezegd'}"
        )


def uitnodiging_intrekken(*, aanvraag: Ondersteuningsaanvraag, door: User) -> None:
    """The coordinator withdraws the open invitation (for example when it expired)."""
    with transaction.atomic():
        aanvraag.uitnodigingen.filter(status=Uitnodiging.Status.OPEN).update(
            status=Uitnodiging.Status.INGETROKKEN
        )
        overgang(aanvraag, S.IN_BEHANDELING, door=door, tekst="Uitnodiging ingetrokken.")


def aanvraag_afronden(
    *, aanvraag: Ondersteuningsaanvraag, door: User, uitkomst: str, openbaar: bool = False
) -> None:
    if not uitkomst.strip():
        raise ExpertpoolFout(_("Beschrijf kort wat de ondersteuning heeft opgeleverd."))
    with transaction.atomic():
        aanvraag.uitkomst = uitkomst
        aanvraag.uitkomst_openbaar = openbaar
        overgang(aanvraag, S.AFGEROND, door=door, tekst=uitkomst)


def aanvraag_intrekken(*, aanvraag: Ondersteuningsaanvraag, door: User) -> None:
    """The requester withdraws; an open invitation lapses with it."""
    with transaction.atomic():
        aanvraag.uitnodigingen.filter(status=Uitnodiging.Status.OPEN).update(
            status=Uitnodiging.Status.INGETROKKEN
        )
        overgang(aanvraag, S.INGETROKKEN, door=door)
        _mail_coordinatoren(aanvraag, "Aanvraag ingetrokken")


def aanvulling_toevoegen(*, aanvraag: Ondersteuningsaanvraag, door: User, tekst: str) -> None:
    """The requester adds information; it joins the timeline and the coordinators hear of it."""
    if aanvraag.status not in OPEN:
        raise ExpertpoolFout(_("Deze aanvraag is gesloten; aanvullen kan niet meer."))
    with transaction.atomic():
        AanvraagGebeurtenis.objects.create(aanvraag=aanvraag, wie=door, tekst=tekst)
        _mail_coordinatoren(aanvraag, "Aanvulling op aanvraag")


def feedback_geven(*, aanvraag: Ondersteuningsaanvraag, waardering: int, feedback: str) -> None:
    if aanvraag.status != S.AFGEROND:
        raise ExpertpoolFout(_("Feedback geven kan als de aanvraag is afgerond."))
    aanvraag.waardering = waardering
    aanvraag.feedback = feedback
    aanvraag.save(update_fields=["waardering", "feedback"])


def _mail_aanvrager(aanvraag: Ondersteuningsaanvraag) -> None:
    aanvrager = aanvraag.aanvrager
    mail_template(
        f"[WijkWijzer] Je aanvraag bij de Expertpool: {aanvraag.get_status_display()}",
        "expertpool/email/aanvraag_status.txt",
        {
            "aanvraag": aanvraag,
            "naam": aanvrager.public_name,
            "link": settings.WAGTAILADMIN_BASE_URL
            + reverse("expertpool:mijn_aanvraag", args=[aanvraag.pk]),
        },
        aanvrager.email,
    )


def _mail_kennismaking(aanvraag: Ondersteuningsaanvraag) -> None:
    """Requester and expert get each other's name and e-mail address, privately."""
    aanvrager, expert = aanvraag.aanvrager, aanvraag.expert
    # Only called once a request is matched, so there is an expert with an account.
    assert expert is not None and expert.gebruiker is not None
    for naam, to, ander, ander_email in (
        (aanvrager.public_name, aanvrager.email, expert.title, expert.gebruiker.email),
        (expert.title, expert.gebruiker.email, aanvrager.public_name, aanvrager.email),
    ):
        mail_template(
            f"[WijkWijzer] Kennismaking: {aanvraag.gebied_naam}",
            "expertpool/email/kennismaking.txt",
            {"aanvraag": aanvraag, "naam": naam, "ander": ander, "ander_email": ander_email},
            to,
        )


def _mail_coordinatoren(aanvraag: Ondersteuningsaanvraag, onderwerp: str) -> None:
    link = settings.WAGTAILADMIN_BASE_URL + reverse(
        "ondersteuningsaanvragen:edit", args=[aanvraag.pk]
    )
    mail_role(
        EXPERTPOOL_COORDINATOR,
        f"[WijkWijzer] {onderwerp}: {aanvraag.gebied_naam}",
        "expertpool/email/coordinator.txt",
        {"aanvraag": aanvraag, "link": link},
    )
