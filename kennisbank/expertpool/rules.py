"""Who may do what with a support request and an invitation of the Expertpool, as named rules
(django-rules). From which statuses a step may be taken is the table in services (`OPEN`,
`COORDINATOR_ACTIES`); the rules say who.

The requester's and the invited expert's rules leave superusers out on purpose: a request is
read and worked on by its requester on the site and by the coordinators in the admin, and an
invitation is answered by the expert it went to. Ask those with `rules.has_perm`, since
Django's User.has_perm lets a superuser through every rule. Asked without an object,
`expertpool.behandelen_aanvraag` answers for every request: the admin list shows them all, and
the figures cover them all.

An invitation's e-mailed link is authorised by its single-use token, not by a rule: the
expert answers it without logging in."""

import rules

from kennisbank.expertpool.models import Ondersteuningsaanvraag, Uitnodiging
from wijkwijzer.roles import EXPERTPOOL_COORDINATOR


@rules.predicate
def is_aanvrager(user, aanvraag: Ondersteuningsaanvraag | None) -> bool:
    return user.is_authenticated and aanvraag is not None and aanvraag.aanvrager_id == user.pk


@rules.predicate
def is_uitgenodigde_expert(user, uitnodiging: Uitnodiging | None) -> bool:
    """The expert whose account the invited profile links."""
    return (
        user.is_authenticated
        and uitnodiging is not None
        and uitnodiging.expert.gebruiker_id == user.pk
    )


is_expertpool_coordinator = rules.is_superuser | rules.is_group_member(EXPERTPOOL_COORDINATOR)

# The requester's own request on the site: reading it with its timeline, adding information,
# withdrawing it and giving feedback once it is finished.
rules.add_perm("expertpool.bekijken_aanvraag", is_aanvrager)
rules.add_perm("expertpool.aanvullen_aanvraag", is_aanvrager)
rules.add_perm("expertpool.intrekken_aanvraag", is_aanvrager)
rules.add_perm("expertpool.waarderen_aanvraag", is_aanvrager)
# The coordinators work every request in the admin: take it on, invite an expert, decline,
# withdraw an invitation, finish; and they see the figures.
rules.add_perm("expertpool.behandelen_aanvraag", is_expertpool_coordinator)
# Only the invited expert answers an invitation from their own list.
rules.add_perm("expertpool.beantwoorden_uitnodiging", is_uitgenodigde_expert)
