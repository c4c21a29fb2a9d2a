"""Object-level permissions of the kennisbank, as named rules (django-rules), asked by the
admin screens and views alike. Asked without an object, a rule answers for every object of
its kind: the admin lists use that to show all rows or only one's own."""

import rules

from gebieden.rules import is_redactie
from kennisbank.models import LeerkringPage, Lidmaatschap, Vraag
from wijkwijzer.roles import VRAAGBAAK_COORDINATOR


@rules.predicate
def is_coordinator_van_kring(user, lidmaatschap: Lidmaatschap | None) -> bool:
    return (
        user.is_authenticated
        and lidmaatschap is not None
        and lidmaatschap.leerkring.coordinator_id == user.pk
    )


@rules.predicate
def is_lid_van(user, leerkring: LeerkringPage) -> bool:
    return (
        user.is_authenticated
        and leerkring.lidmaatschappen.filter(
            deelnemer=user, status=Lidmaatschap.Status.LID
        ).exists()
    )


@rules.predicate
def is_behandelaar_van(user, vraag: Vraag | None) -> bool:
    return user.is_authenticated and vraag is not None and vraag.behandelaar_id == user.pk


is_vraagbaak_coordinator = rules.is_superuser | rules.is_group_member(VRAAGBAAK_COORDINATOR)

# A learning circle's coordinator decides on requests to join it; the redactie on all.
rules.add_perm(
    "kennisbank.beoordeel_lidmaatschap",
    rules.is_superuser | is_redactie | is_coordinator_van_kring,
)
# Members only, superusers not included: ask with rules.has_perm, since Django's
# User.has_perm lets a superuser through every rule.
rules.add_perm("kennisbank.bekijk_ledendocumenten", is_lid_van)
# The vraagbaak coordinator sees every question, routes, closes and publishes it; the answer
# is written by the coordinator or the deskundige it was routed to.
rules.add_perm("kennisbank.beheer_vraag", is_vraagbaak_coordinator)
rules.add_perm("kennisbank.beantwoord_vraag", is_vraagbaak_coordinator | is_behandelaar_van)
# The dashboard's list of practice examples whose evidence assessment expired.
rules.add_perm("kennisbank.bekijk_verlopen_beoordelingen", rules.is_superuser | is_redactie)
