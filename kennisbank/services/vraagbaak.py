"""Writes of the vraagbaak: a private question's steps (the table `VRAAG_STAPPEN`), from
asking through routing and answering to publishing, and the asker's consent."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gebieden.models import FocusgebiedPage, Thema
from kennisbank.models import (
    Vraag,
    VraagbaakPage,
    VraagPage,
)
from wijkwijzer.mail import mail_role, mail_template
from wijkwijzer.markdown import render_markdown
from wijkwijzer.models import User
from wijkwijzer.roles import (
    VRAAGBAAK_COORDINATOR,
)


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
