"""Who may manage an area's targets: the redactie everywhere, alliance staff in their own
areas (the same binding as gebieden.rules)."""

from django.db.models import QuerySet

from gebieden.models import FocusgebiedPage
from gebieden.selectors import eigen_gebieden
from wijkwijzer.models import User
from wijkwijzer.roles import EINDREDACTEUR, REDACTEUR


def beheerbare_gebieden(user: User) -> QuerySet[FocusgebiedPage]:
    if user.is_superuser or user.groups.filter(name__in=[REDACTEUR, EINDREDACTEUR]).exists():
        return FocusgebiedPage.objects.all()
    return eigen_gebieden(user)
