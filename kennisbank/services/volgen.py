"""Writes of one's own kennisbank: the reading list and what one follows."""

from typing import Any

from django.db.models import Model
from wagtail.models import Page

from kennisbank.models import (
    Leeslijstitem,
    Volg,
)
from wijkwijzer.models import User


def _wisselen(model: type[Model], **velden: Any) -> bool:
    """Remove the row with `velden` if there is one, else add it; returns whether it exists
    now. Deleting first (one query) decides, so a double click cannot add two."""
    verwijderd, _per_model = model._default_manager.filter(**velden).delete()
    if verwijderd:
        return False
    model._default_manager.get_or_create(**velden)
    return True


def leeslijst_wisselen(*, gebruiker: User, pagina: Page) -> bool:
    """Put `pagina` on the reading list, or take it off; returns whether it is on now."""
    return _wisselen(Leeslijstitem, gebruiker=gebruiker, pagina=pagina)


def volgen_wisselen(*, gebruiker: User, soort: str, waarde: str) -> bool:
    """Follow a theme, area or organisation, or stop; returns whether it is followed now."""
    return _wisselen(Volg, gebruiker=gebruiker, soort=soort, waarde=waarde)
