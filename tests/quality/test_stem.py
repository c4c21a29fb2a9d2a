"""One voice (docs/schrijfwijzer.md): the site says "je" to everyone. Every template, every
translatable string in the project's code and every demo text is read for "u", "uw" and
"uzelf" used as words."""

import ast
import re
from pathlib import Path

from django.conf import settings

FORMEEL = re.compile(r"\b(u|uw|uzelf)\b", re.IGNORECASE)
BASIS = Path(settings.BASE_DIR)
APPS = ("wijkwijzer", "gebieden", "kennisbank", "participatie", "search")
VERTALING = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext"}
# Template syntax: comments go, expressions go, tags keep only their quoted strings (the text
# of {% translate "…" %}), HTML tags go (attribute names are not text).
COMMENTAAR = re.compile(r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}", re.DOTALL)
EXPRESSIE = re.compile(r"\{\{.*?\}\}", re.DOTALL)
TAG = re.compile(r"\{%(.*?)%\}", re.DOTALL)
HTML_TAG = re.compile(r"<[^>]*>")
AANHALING = re.compile(r"\"([^\"]*)\"|'([^']*)'")


def template_tekst(bron: str) -> str:
    bron = COMMENTAAR.sub(" ", bron)
    bron = EXPRESSIE.sub(" ", bron)
    bron = TAG.sub(lambda m: " ".join(a or b for a, b in AANHALING.findall(m.group(1))), bron)
    return HTML_TAG.sub(" ", bron)


def formeel_in_templates() -> list[str]:
    gevonden = []
    for pad in sorted((BASIS / "templates").rglob("*")):
        if pad.suffix not in {".html", ".txt"}:
            continue
        for nummer, regel in enumerate(template_tekst(pad.read_text()).splitlines(), 1):
            if FORMEEL.search(regel):
                gevonden.append(f"{pad.relative_to(BASIS)}:{nummer}: {regel.strip()}")
    return gevonden


def _teksten(boom: ast.AST, alle: bool) -> list[str]:
    """String constants passed to a gettext function, or (`alle`) every string with a space:
    demo content is not translated but is read by visitors all the same."""
    teksten = []
    for knoop in ast.walk(boom):
        if alle:
            if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
                teksten += [knoop.value] if " " in knoop.value else []
        elif isinstance(knoop, ast.Call) and getattr(knoop.func, "id", None) in VERTALING:
            teksten += [
                arg.value
                for arg in knoop.args
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            ]
    return teksten


def formeel_in_code() -> list[str]:
    gevonden = []
    for app in APPS:
        for pad in sorted((BASIS / app).rglob("*.py")):
            if "migrations" in pad.parts:
                continue
            boom = ast.parse(pad.read_text())
            for tekst in _teksten(boom, alle=pad.name == "demo.py"):
                if FORMEEL.search(tekst):
                    gevonden.append(f"{pad.relative_to(BASIS)}: {tekst}")
    return gevonden


def test_the_templates_say_je_not_u():
    assert formeel_in_templates() == []


def test_the_code_and_the_demo_content_say_je_not_u():
    assert formeel_in_code() == []


def test_the_check_finds_u_where_it_is_written():
    # The reader of templates must see text in tags and between them, and skip code.
    assert FORMEEL.search(template_tekst('{% translate "Wat vindt u ervan?" %}'))
    assert FORMEEL.search(template_tekst("<p>Hier ziet u wat er gebeurde.</p>"))
    assert not FORMEEL.search(template_tekst('{{ u.naam }}<a href="?u=1">je</a>'))
    boom = ast.parse('x = _("Uw inbreng")\ny = {"u": 1}\nz = "Wat vindt u ervan?"')
    assert [t for t in _teksten(boom, alle=False) if FORMEEL.search(t)] == ["Uw inbreng"]
    assert {t for t in _teksten(boom, alle=True) if FORMEEL.search(t)} == {
        "Uw inbreng",
        "Wat vindt u ervan?",
    }
