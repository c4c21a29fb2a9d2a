"""`{% load kaarten %}`: the data of the pin picker (templates/includes/kaart_prikker.html)."""

from collections.abc import Mapping
from typing import Any

from django import template

from gebieden.kaart import prikker_data as _prikker_data

register = template.Library()


@register.simple_tag
def prikker_data(grens: Mapping[str, Any]) -> dict[str, Any]:
    return _prikker_data(grens)
