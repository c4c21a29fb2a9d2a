"""Plain text from stored HTML, for search documents and feeds."""

import html

from django.utils.html import strip_tags


def plain(value) -> str:
    """The text of rich text, a StreamField or any HTML string, without tags or entities."""
    return " ".join(html.unescape(strip_tags(str(value or ""))).split())
