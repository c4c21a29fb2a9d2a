"""Markdown from users and imports comes out as safe HTML, whatever is thrown at it."""

import pytest

from wijkwijzer.markdown import render_markdown

# Classic XSS payloads, raw and hidden in Markdown constructs.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '![plaatje](x" onerror="alert(1))',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    "<details open ontoggle=alert(1)>",
    "[a](vbscript:msgbox(1))",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_comes_out_inert(payload):
    html = render_markdown(f"Tekst\n\n{payload}\n\nmeer tekst").lower()
    for dangerous in (
        "<script",
        "onerror=",
        "onload=",
        "ontoggle=",
        "javascript:",
        "vbscript:",
        "data:text",
        "<iframe",
        "<svg",
        "<img",
        "style=",
        "<math",
    ):
        assert dangerous not in html, (payload, html)


def test_ordinary_markdown_is_kept():
    html = render_markdown(
        "# Aanpak\n\nWe werken **samen** met [de school](https://school.nl).\n\n- een\n- twee"
    )
    assert "<h2>Aanpak</h2>" in html
    assert "<strong>samen</strong>" in html
    assert '<a href="https://school.nl" rel="nofollow noopener">de school</a>' in html
    assert "<li>een</li>" in html
