"""Who may manage an area's targets: whoever the rule gebieden.beheer_focusgebied lets
manage the area (the redactie everywhere, alliance staff in their own areas)."""

from django.db.models import QuerySet

from gebieden.models import FocusgebiedPage
from gebieden.selectors import eigen_gebieden
from wijkwijzer.models import User


def beheerbare_gebieden(user: User) -> QuerySet[FocusgebiedPage]:
    # Asked without an area, the rule answers for all of them.
    if user.has_perm("gebieden.beheer_focusgebied"):
        return FocusgebiedPage.objects.all()
    return eigen_gebieden(user)
