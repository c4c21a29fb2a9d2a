from django import template
from django.utils.safestring import SafeString, mark_safe

from wijkwijzer.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Markdown typed by people, rendered and sanitised (wijkwijzer.markdown)."""
    # Safe to mark: render_markdown escapes raw HTML and cleans the output with bleach.
    return mark_safe(render_markdown(text))  # nosec B308 B703
