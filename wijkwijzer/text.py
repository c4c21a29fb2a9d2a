"""Text for readers: plain text from stored HTML (search documents, feeds) and numbers as
Dutch readers write them."""

import html
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import strip_tags


def plain(value) -> str:
    """The text of rich text, a StreamField or any HTML string, without tags or entities."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())


def getal(waarde: Decimal | float, decimalen: int | None = None) -> str:
    """A number as Dutch readers write it (1.234,5): decimal comma and thousands dots, rounded
    to `decimalen` decimals, or with as many as it has and no trailing zeros."""
    waarde = Decimal(str(waarde))
    if decimalen is None:
        waarde = waarde.normalize()
        decimalen = max(0, -int(waarde.as_tuple().exponent))
    else:
        waarde = round(waarde, decimalen)
    return number_format(waarde, decimal_pos=decimalen, use_l10n=True, force_grouping=True)
