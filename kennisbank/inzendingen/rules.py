"""Who may take which step on a practice example written by a professional (django-rules);
from which statuses a step may be taken is the table in services. Nobody reviews their own
example, superusers included, so these rules are asked with `rules.has_perm`: Django's
User.has_perm would let a superuser take the author's steps and read every draft."""

import rules

from gebieden.rules import is_redactie
from kennisbank.inzendingen.models import Inzending
from wijkwijzer.roles import EINDREDACTEUR


@rules.predicate
def is_auteur(user, inzending: Inzending) -> bool:
    return user.is_authenticated and inzending.auteur_id == user.pk


@rules.predicate
def is_collega(user, inzending: Inzending) -> bool:
    """A member of the organisation the draft is shared with."""
    return (
        user.is_authenticated
        and inzending.gedeeld
        and inzending.organisatie_id is not None
        and user.organisatielidmaatschappen.filter(organisatie_id=inzending.organisatie_id).exists()
    )


@rules.predicate
def is_geen_concept(user, inzending: Inzending) -> bool:
    # A draft stays the writer's own until it is submitted the first time.
    return inzending.status != Inzending.Status.CONCEPT


# The editorial roles stop at one's own work.
is_beoordelaar = ~is_auteur & (rules.is_superuser | is_redactie)
is_eindredactie = ~is_auteur & (rules.is_superuser | rules.is_group_member(EINDREDACTEUR))

rules.add_perm(
    "inzendingen.bekijken_inzending", is_auteur | is_collega | (is_beoordelaar & is_geen_concept)
)
rules.add_perm("inzendingen.opslaan_inzending", is_auteur)
rules.add_perm("inzendingen.delen_inzending", is_auteur)
rules.add_perm("inzendingen.indienen_inzending", is_auteur)
rules.add_perm("inzendingen.terugtrekken_inzending", is_auteur)
rules.add_perm("inzendingen.terugsturen_inzending", is_beoordelaar)
rules.add_perm("inzendingen.goedkeuren_inzending", is_eindredactie)
rules.add_perm("inzendingen.afwijzen_inzending", is_eindredactie)
