from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from wijkwijzer import verzending
from wijkwijzer.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Markdown typed by people, rendered and sanitised (wijkwijzer.markdown)."""
    # Safe to mark: render_markdown escapes raw HTML and cleans the output with bleach.
    return mark_safe(render_markdown(text))  # nosec B308 B703


@register.simple_tag
def verzendsleutel() -> SafeString:
    """The hidden key of a write form whose view is `wijkwijzer.verzending.eenmalig`: a new
    one each time the form is shown."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', verzending.VELD, verzending.nieuwe_sleutel()
    )


def _groepjes(text: str, size: int) -> list[str]:
    return [text[start : start + size] for start in range(0, len(text), size)]


@register.filter
def in_groepjes(text: str, size: int = 4) -> str:
    """`text` in blocks of `size` characters with a space between them, easier to read and to
    type over (an authenticator secret: "ABCD EFGH IJKL")."""
    return " ".join(_groepjes(text, size))


@register.filter
def afbreekbaar(text: str, size: int = 4) -> SafeString:
    """`text` whole, but allowed to wrap after every `size` characters (`<wbr>`), so a long
    code fits a narrow screen and is still copied without spaces."""
    head, *rest = _groepjes(text, size) or [""]
    return format_html("{}", head) + format_html_join("", "<wbr>{}", ((part,) for part in rest))
