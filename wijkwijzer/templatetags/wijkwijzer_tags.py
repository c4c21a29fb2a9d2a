from django import template
from django.utils.html import format_html
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
