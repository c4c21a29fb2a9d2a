"""From what a user typed to a backend-neutral query: clauses that must all match, each with
alternatives (a single term or a phrase of terms, as stems) from synonyms and compounds."""

import re
from dataclasses import dataclass, field

from search.analysis import STOP_WORDS, fold, split_compound, stem, words

QUOTED = re.compile(r'"([^"]+)"')
# A Dutch postcode (1503 AB, 1503AB): areas are indexed by its four digits.
POSTCODE = re.compile(r"\b(\d{4}) ?[a-z]{2}\b", re.IGNORECASE)


@dataclass
class Clause:
    """One thing the user asked for; a document matches if it has any of the alternatives.
    `woord` is the folded word as typed (for spelling suggestions), empty for phrases and
    synonym groups."""

    alternatives: list[tuple[str, ...]]
    woord: str = ""
    # Clauses from one typed word (the parts of a compound) share a number: when a query
    # falls back to any of its words, such a word still needs all its parts.
    getypt: int = 0


@dataclass
class Query:
    clauses: list[Clause] = field(default_factory=list)

    @property
    def stems(self) -> set[str]:
        return {term for clause in self.clauses for alt in clause.alternatives for term in alt}

    def __bool__(self) -> bool:
        return bool(self.clauses)


# Synonym groups, each member a tuple of folded words (one or more).
Groep = list[tuple[str, ...]]
Groepen = list[Groep]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in words(text))


def parse(text: str, synoniemen: list[list[str]] | None = None) -> Query:
    """Quoted parts are phrases; other words are matched against the synonym groups (longest
    first, so "vereniging van eigenaren" is one group) and otherwise become a clause of their
    own, split into one clause per part when they are a known compound."""
    query = Query()
    for phrase in QUOTED.findall(text):
        if stems := _phrase(phrase):
            query.clauses.append(Clause([stems], getypt=len(query.clauses)))
    rest = POSTCODE.sub(r"\1", fold(QUOTED.sub(" ", text)))
    tokens = re.findall(r"\w+", rest)
    groups = [
        [tuple(re.findall(r"\w+", fold(member))) for member in group] for group in synoniemen or []
    ]
    i = 0
    while i < len(tokens):
        match = _synonym_at(tokens, i, groups)
        if match:
            length, group = match
            alternatives = [_phrase(" ".join(member)) for member in group]
            query.clauses.append(
                Clause([alt for alt in alternatives if alt], getypt=len(query.clauses))
            )
            i += length
            continue
        word = tokens[i]
        i += 1
        if word in STOP_WORDS:
            continue
        parts = split_compound(word)
        if parts and not _in_group(word, groups):
            # A compound matches its parts anywhere (jeugdcriminaliteit: criminaliteit onder
            # jongeren). Of three or more parts the last is left out, so a shorter compound
            # counts too (schuldhulpverlening: schuldhulp); ranking still prefers all parts.
            # The parts are known words, so they get no typo corrections (prive-vraag must
            # not find "vraag" and a word one letter from "prive").
            getypt = len(query.clauses)
            for part in parts[:2] if len(parts) > 2 else parts:
                query.clauses.append(_word_clause(part, groups, woord="", getypt=getypt))
        else:
            query.clauses.append(_word_clause(word, groups, getypt=len(query.clauses)))
    return query


def _synonym_at(tokens: list[str], i: int, groups: Groepen) -> tuple[int, Groep] | None:
    best = None
    for group in groups:
        for member in group:
            n = len(member)
            if n > 1 and tuple(tokens[i : i + n]) == member and (best is None or n > best[0]):
                best = (n, group)
    return best


def _in_group(word: str, groups: Groepen) -> bool:
    return any(member == (word,) for group in groups for member in group)


def _word_clause(word: str, groups: Groepen, woord: str | None = None, getypt: int = 0) -> Clause:
    """The clause for `word` and its synonyms; `woord` is what typo correction starts from
    (the word itself unless given)."""
    members: Groep = [(word,)]
    for group in groups:
        if (word,) in group:
            members += group
    single = {stem(member[0]) for member in members if len(member) == 1}
    # A compound synonym whose part is itself a member adds nothing but a double score: the
    # index holds compounds' parts too (woningcorporatie is found by corporatie).
    members = [
        member
        for member in members
        if len(member) > 1 or not {stem(part) for part in split_compound(member[0])} & single
    ]
    unique = list(dict.fromkeys(alt for alt in map(_members_phrase, members) if alt))
    return Clause(unique, woord=word if woord is None else woord, getypt=getypt)


def _members_phrase(member: tuple[str, ...]) -> tuple[str, ...]:
    return _phrase(" ".join(member))
