"""Snippets for the embedded backend's results: the sentence with the most matched words,
shortened around the first match, escaped, with the matched words in <mark>.

A result's text can be long (extracted PDFs), and stemming every word of it in Python cost
more than the rest of a search. So a regular expression first picks the words that can have
one of the query's stems, and only those are stemmed; whether a word is marked is remembered
per query."""

import html
import re
from functools import lru_cache

from search.analysis import STAM_UITZONDERINGEN, fold, split_compound, stem

SENTENCE = re.compile(r"(?<=[.!?])\s+")
SNIPPET_WORDS = 30
SNIPPET_SENTENCES = 200
# Snowball's Dutch stemmer only cuts a word's ending, except that it may undouble the vowel
# before the last consonant (maan -> man) and turns -heden into -heid. So a word starts with
# its stem without the stem's last two letters (the first letter always stays).
STEM_SLACK = 2
# Queries whose marked words are remembered, and how many words per query at most.
QUERIES_KEPT = 64
WORDS_KEPT = 10_000


def snippet(text: str, stems: set[str]) -> str:
    """The sentence of `text` with the most matched words (the first of those), shortened
    around the first match, escaped, with the matched words in <mark>. Only the first
    SNIPPET_SENTENCES sentences are looked at."""
    pieces = SENTENCE.split(text.replace("\n", " "), SNIPPET_SENTENCES)[:SNIPPET_SENTENCES]
    sentences = [s for s in pieces if s.strip()]
    if not sentences:
        return ""
    matcher = _matcher(frozenset(stems))
    best = max(sentences, key=matcher.hits)
    tokens = best.split()
    first = next((i for i, token in enumerate(tokens) if matcher.marked(token)), 0)
    start = max(0, first - SNIPPET_WORDS // 3)
    part = tokens[start : start + SNIPPET_WORDS]
    out = " ".join(
        f"<mark>{html.escape(token)}</mark>" if matcher.marked(token) else html.escape(token)
        for token in part
    )
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return f"{prefix}{out}{suffix}"


@lru_cache(maxsize=QUERIES_KEPT)
def _matcher(stems: frozenset[str]) -> "_Matcher":
    return _Matcher(stems)


class _Matcher:
    """Which words of a text match a query's stems."""

    def __init__(self, stems: frozenset[str]) -> None:
        self.stems = stems
        prefixes = {s[: max(1, len(s) - STEM_SLACK)] for s in stems if s}
        prefixes |= {word for word, s in STAM_UITZONDERINGEN.items() if s in stems}
        alternatives = "|".join(map(re.escape, sorted(prefixes)))
        # Whole words that start with one of the prefixes: the only ones that can match.
        self.candidates = re.compile(rf"\b(?:{alternatives})\w*") if prefixes else None
        self._marked: dict[str, bool] = {}

    def hits(self, sentence: str) -> int:
        """How many words of `sentence` have one of the stems."""
        if self.candidates is None:
            return 0
        return sum(
            1 for word in self.candidates.findall(fold(sentence)) if stem(word) in self.stems
        )

    def marked(self, token: str) -> bool:
        """Whether a whitespace-separated token is to be marked: its word, or one of its
        compound parts, has one of the stems."""
        found = self._marked.get(token)
        if found is None:
            word = re.sub(r"\W+", "", fold(token))
            found = bool(word) and (
                stem(word) in self.stems
                or any(stem(part) in self.stems for part in split_compound(word))
            )
            if len(self._marked) >= WORDS_KEPT:
                self._marked.clear()
            self._marked[token] = found
        return found
