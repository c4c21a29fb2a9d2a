from django import template

from wijkwijzer.text import getal as _getal

register = template.Library()


@register.filter
def getal(value) -> str:
    """A figure as Dutch readers write it (decimal comma, no trailing zeros)."""
    return "" if value is None else _getal(value)
