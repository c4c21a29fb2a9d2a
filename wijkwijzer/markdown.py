"""User-written text is Markdown. Python-Markdown does not sanitise, so its HTML always goes
through bleach with an explicit allow-list before it is stored or shown."""

import bleach
import markdown as md
from bleach.linkifier import Linker

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "ul",
        "ol",
        "li",
        "a",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "code",
        "pre",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})


def _external_link_attrs(attrs: dict, new: bool = False) -> dict:
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


_linker = Linker(callbacks=[_external_link_attrs], skip_tags={"pre", "code"})


def render_markdown(text: str) -> str:
    """Markdown to safe HTML: raw HTML in the input is escaped or stripped, links may only be
    http(s) or mailto, and headings start at h2 (the page owns the h1)."""
    html = md.markdown(text or "", extensions=["sane_lists"], output_format="html")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    cleaned = bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return _linker.linkify(cleaned)
