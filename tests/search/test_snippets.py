"""Snippets: what users see of a result's text is the same as before they were made cheap (the
expected HTML is what the former implementation made of these texts), and words that cannot
match are no longer stemmed."""

import json
from pathlib import Path

import pytest

from search import analysis
from search.analysis import stem, words
from search.backends import snippets
from search.backends.snippets import snippet
from search.query import parse

ROOT = Path(__file__).resolve().parents[2]
# Dutch texts: the demo content and the held-out relevance set (bench/relevance/heldout).
DEMO = ROOT / "kennisbank" / "data"
HELDOUT = ROOT / "bench" / "relevance" / "heldout"


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        (
            "Sportclubs en scholen werken samen. De jongeren sporten elke week in de buurt.",
            "sporten",
            "De jongeren <mark>sporten</mark> elke week in de buurt.",
        ),
        (
            "Preventie van jeugdcriminaliteit op Zuid. Veel aandacht voor criminaliteit onder"
            " jongeren en jeugdcriminaliteit.",
            "criminaliteit",
            "Veel aandacht voor <mark>criminaliteit</mark> onder jongeren en"
            " <mark>jeugdcriminaliteit.</mark>",
        ),
        (
            "De coöperatie van huurders pakte 200 woningen aan.",
            "cooperatie woning",
            "De <mark>coöperatie</mark> van huurders pakte 200 <mark>woningen</mark> aan.",
        ),
        (
            'Een <script>alert("x")</script> zorgde voor overlast. Huurders & verhuurders.',
            "huurders",
            "<mark>Huurders</mark> &amp; verhuurders.",
        ),
        (
            # -heden stems to -heid: the word does not start with its stem.
            "Eenheden van de politie. De snelheden op straat gingen omlaag.",
            "snelheden",
            "De <mark>snelheden</mark> op straat gingen omlaag.",
        ),
        (
            # brood and broden share the stem "brod" (the vowel undoubled).
            "In het dorp bakken ze brood. Broden en nog eens broden.",
            "brood",
            "<mark>Broden</mark> en nog eens <mark>broden.</mark>",
        ),
        (
            "Ouderen en ouders kwamen. De ouderen bleven.",
            "ouderen",
            "<mark>Ouderen</mark> en ouders kwamen.",
        ),
        (
            "Verduurzaamd in 2024! Portiekflats werden verduurzaamd, met bewoners? Ja.",
            "verduurzamen bewoners",
            "Portiekflats werden <mark>verduurzaamd,</mark> met <mark>bewoners?</mark>",
        ),
        (
            "Het begon met een gesprek. "
            + " ".join(["woord"] * 20)
            + " en toen kwam de politie langs met "
            + " ".join(["nog"] * 30)
            + ".",
            "politie",
            "… woord woord woord woord woord woord en toen kwam de <mark>politie</mark> langs met"
            + " nog" * 17
            + " …",
        ),
        (
            "Geen enkel woord past hier. Ook hier niet.",
            "fietsenstalling",
            "Geen enkel woord past hier.",
        ),
        ("", "politie", ""),
    ],
)
def test_snippets_are_what_they_were(text, query, expected):
    assert snippet(text, parse(query).stems) == expected


def test_only_the_first_sentences_of_a_long_text_are_looked_at():
    text = (
        "Niets hier. " * 5
        + "De politie kwam. "
        + "Niets hier. " * snippets.SNIPPET_SENTENCES
        + "De politie en de politie kwamen."
    )

    assert snippet(text, parse("politie").stems) == "De <mark>politie</mark> kwam."


def test_words_that_cannot_match_are_not_stemmed(monkeypatch):
    stemmed = []

    def counting(word: str) -> str:
        stemmed.append(word)
        return stem(word)

    monkeypatch.setattr(snippets, "stem", counting)
    text = "Bewoners praten mee over het plein. " * 50 + "De politie luistert."

    assert snippet(text, parse("politie").stems) == "De <mark>politie</mark> luistert."
    assert not {"bewoners", "praten", "plein"} & set(stemmed)


def test_every_word_is_found_by_its_stem():
    """The pre-filter looks for the stem's first letters; it must never drop a word that has
    the stem (Snowball undoubles vowels and turns -heden into -heid)."""
    files = [*DEMO.glob("demo_*.json"), *HELDOUT.glob("items_*.json")]
    texts = " ".join(
        json.dumps(json.loads(file.read_text(encoding="utf-8")), ensure_ascii=False)
        for file in files
    )
    tricky = "maan manen brood broden snelheden eenheden mogelijkheden verduurzaamd gebeden"
    vocabulary = set(words(f"{texts} {tricky}")) | set(analysis.STAM_UITZONDERINGEN)

    missed = [w for w in vocabulary if not snippets._matcher(frozenset({stem(w)})).hits(w)]

    assert len(vocabulary) > 5000
    assert missed == []
