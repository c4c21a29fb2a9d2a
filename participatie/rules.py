"""Who may handle participation, per area (django-rules): the alliance staff of a process's
focus area answer and moderate its contributions; the platform's moderators moderate in every
area but do not answer for an alliance. The objects checked are a focus area, or anything
with a `focusgebied` (a contribution, a report)."""

import rules

from gebieden.models import FocusgebiedPage
from gebieden.rules import is_alliantie_medewerker_van
from wijkwijzer.roles import MODERATOR


def _gebied(obj) -> FocusgebiedPage | None:
    if obj is None or isinstance(obj, FocusgebiedPage):
        return obj
    return getattr(obj, "focusgebied", None)


@rules.predicate
def is_team_van(user, obj) -> bool:
    return is_alliantie_medewerker_van(user, _gebied(obj))


is_moderator = rules.is_group_member(MODERATOR)

rules.add_perm("participatie.beantwoorden", rules.is_superuser | is_team_van)
rules.add_perm("participatie.modereren", rules.is_superuser | is_moderator | is_team_van)
