"""Writes of the learning circles: the members-only collection, asking to join, the
coordinator's decision and leaving."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Collection, CollectionViewRestriction

from kennisbank.models import (
    LEDEN_COLLECTIE,
    LeerkringPage,
    Lidmaatschap,
)
from wijkwijzer.mail import mail_template
from wijkwijzer.models import User
from wijkwijzer.roles import (
    EINDREDACTEUR,
    LEERKRING_COORDINATOR,
    REDACTEUR,
)


def ensure_ledencollectie() -> Collection:
    """The collection for members-only documents of learning circles. Its view restriction
    lets only the editors and coordinators through Wagtail's own document URL; members get
    their documents from kennisbank.views.leerkringen.leerkring_document, after the
    membership check."""
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
