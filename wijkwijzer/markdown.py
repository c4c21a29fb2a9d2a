"""User-written text is Markdown. Python-Markdown does not sanitise, so its HTML always goes
through one sanitiser with an explicit allow-list before it is stored or shown.

The sanitiser is bleach (the brief's choice). bleach has had its final release and its
repository is archived, so nh3 (the maintained Rust-based successor, html5ever's parser) stands
ready behind the same allow-list: `tests/wijkwijzer/test_markdown.py` runs every XSS payload
through both and asserts both are inert. Moving is one line: `SANITISE = _nh3`
(docs/dependencies.md)."""

from collections.abc import Callable

import bleach
import markdown as md
import nh3
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


def _bleach(html: str) -> str:
    return bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )


def _nh3(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_PROTOCOLS),
        strip_comments=True,
        link_rel=None,
    )


SANITISE: Callable[[str], str] = _bleach


def _external_link_attrs(attrs: dict, new: bool = False) -> dict:
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


_linker = Linker(callbacks=[_external_link_attrs], skip_tags={"pre", "code"})


def render_markdown(text: str) -> str:
    """Markdown to safe HTML: raw HTML in the input is escaped or stripped, links may only be
    http(s) or mailto, and headings start at h2 (the page owns the h1)."""
    if not text or text.isspace():
        # Markdown makes nothing of it; an import leaves most optional fields empty.
        return ""
    html = md.markdown(text, extensions=["sane_lists"], output_format="html")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return _linker.linkify(SANITISE(html))
