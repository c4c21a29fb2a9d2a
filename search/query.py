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
    """Quoted parts are phrases; other words become a clause each, a known compound one
    clause per part. Words that are a member of a synonym group (longest first, so
    "vereniging van eigenaren" is one member) keep their own clauses, each of which also
    accepts the group's other members: "overlast van jongeren" still finds overlast and
    jongeren apart, and jeugdoverlast; a hangjongere still hangen and jongeren."""
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
        lengte, leden = _synonym_at(tokens, i, groups)
        for word in tokens[i : i + lengte]:
            # A one-word member that is no compound has its group in its own clause.
            if word not in STOP_WORDS:
                _add_word(query, word, groups, leden if lengte > 1 else [])
        i += lengte
    return query


def _add_word(query: Query, word: str, groups: Groepen, leden: Groep) -> None:
    """The clauses of one typed word, each also accepting `leden` (the other members of the
    synonym group the word is part of)."""
    getypt = len(query.clauses)
    parts = () if _in_group(word, groups) else split_compound(word)
    # A compound matches its parts anywhere (jeugdcriminaliteit: criminaliteit onder
    # jongeren). Of three or more parts the last is left out, so a shorter compound counts
    # too (schuldhulpverlening: schuldhulp); ranking still prefers all parts. The parts are
    # known words, so they get no typo corrections (prive-vraag must not find "vraag" and a
    # word one letter from "prive").
    for part in (parts[:2] if len(parts) > 2 else parts) or (word,):
        clause = _word_clause(part, groups, woord="" if parts else None, getypt=getypt)
        extra = [alt for alt in map(_members_phrase, leden) if alt]
        clause.alternatives = list(dict.fromkeys([*clause.alternatives, *extra]))
        query.clauses.append(clause)


def _synonym_at(tokens: list[str], i: int, groups: Groepen) -> tuple[int, Groep]:
    """How many tokens from `i` on form a member of a synonym group (the longest such
    member; 1 when none does) and the other members of the groups it belongs to."""
    lengte = max(
        (
            len(member)
            for group in groups
            for member in group
            if tuple(tokens[i : i + len(member)]) == member
        ),
        default=1,
    )
    gevonden = tuple(tokens[i : i + lengte])
    leden = [
        member for group in groups if gevonden in group for member in group if member != gevonden
    ]
    return lengte, list(dict.fromkeys(leden))


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
