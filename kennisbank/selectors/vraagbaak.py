"""Read paths of the vraagbaak: the public questions and one's own."""

from typing import Any

from django.http import QueryDict

from kennisbank.models import (
    Vraag,
    VraagbaakPage,
    VraagPage,
)
from kennisbank.selectors.basis import per_thema
from wijkwijzer.models import User


def vraagbaak_lijst(index: VraagbaakPage, params: QueryDict) -> dict[str, Any]:
    """Public questions and answers under `index`, newest first, filtered by `thema`, paged."""
    return per_thema(VraagPage, "vragen", index, params)


def mijn_vragen(user: User) -> list[Vraag]:
    """The asker's own questions, newest first, for their personal page."""
    return list(Vraag.objects.filter(vrager=user).select_related("thema", "focusgebied", "pagina"))


def mijn_vraag(user: User, pk: int) -> Vraag | None:
    return (
        Vraag.objects.filter(vrager=user, pk=pk)
        .select_related("thema", "focusgebied", "pagina")
        .first()
    )
