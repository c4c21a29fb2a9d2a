"""Object-level permissions for focus areas, as named rules (django-rules), checked in views
and templates alike. Page editing in the Wagtail admin is bounded by the same groups through
Wagtail's page permissions (see gebieden.services)."""

import rules

from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR


@rules.predicate
def is_alliantie_medewerker_van(user, gebied) -> bool:
    if gebied is None or gebied.alliantie_groep_id is None or not user.is_authenticated:
        return False
    return user.groups.filter(pk=gebied.alliantie_groep_id).exists()


is_redactie = rules.is_group_member(REDACTEUR) | rules.is_group_member(EINDREDACTEUR)

rules.add_perm(
    "gebieden.beheer_focusgebied", rules.is_superuser | is_redactie | is_alliantie_medewerker_van
)
