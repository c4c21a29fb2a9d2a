"""From what a user typed to a backend-neutral query: clauses that must all match, each with
alternatives (a single term or a phrase of terms, as stems) from synonyms and compounds."""

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from search.analysis import (
    STOP_WORDS,
    fold,
    index_terms,
    split_compound,
    stem,
    verbogen,
    words,
)

QUOTED = re.compile(r'"([^"]+)"')
# A Dutch postcode (1503 AB, 1503AB): areas are indexed by its four digits.
POSTCODE = re.compile(r"\b(\d{4}) ?[a-z]{2}\b", re.IGNORECASE)
# A query's clauses beyond this many are left out (a guard against pasted text: each clause
# costs a count, and an unknown word a typo search). The embedded backend matches at most
# ten of them, the rarest (search.backends.embedded.MAX_GEZOCHT).
MAX_CLAUSES = 20


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
    # The first clause of a typed compound: the whole word, searched for instead of its parts
    # when nothing matches the query (`Query.anders`).
    anders: list["Clause"] = field(default_factory=list)


@dataclass
class Query:
    clauses: list[Clause] = field(default_factory=list)

    @property
    def stems(self) -> set[str]:
        return {term for clause in self.clauses for alt in clause.alternatives for term in alt}

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def geheel(self) -> dict[int, list[tuple[str, ...]]]:
        """Per typed word read as its parts (a split compound), the whole word's stem with its
        synonyms and the other members of a multi-word synonym the word is part of: the index
        holds a compound whole as well as its parts."""
        return {
            clause.getypt: clause.anders[0].alternatives for clause in self.clauses if clause.anders
        }

    def woorden(self) -> list[list[int]]:
        """Per typed word, the positions of its clauses (a compound's parts), in order."""
        plekken: dict[int, list[int]] = {}
        for i, clause in enumerate(self.clauses):
            plekken.setdefault(clause.getypt, []).append(i)
        return list(plekken.values())

    def anders(self) -> "Query | None":
        """This query with its compounds searched whole, for when nothing matches their parts
        (factsheets, which the lexicon splits otherwise than factsheet). None when it has no
        compound."""
        per_woord = [[self.clauses[i] for i in plekken] for plekken in self.woorden()]
        # Only a typed word's first clause has the whole word, and that has none: a word is
        # read the other way once.
        if not any(eigen[0].anders for eigen in per_woord):
            return None
        return Query(
            [
                replace(ander, getypt=eigen[0].getypt)
                for eigen in per_woord
                for ander in eigen[0].anders or eigen
            ]
        )


# A synonym group's members, each a tuple of folded words (one or more).
Groep = list[tuple[str, ...]]


# A one-word synonym member is known in its inflected forms ("leerlingen" for leerling,
# search.analysis.verbogen), not in any form with its stem, which also joins words of other
# meanings (stellen and stelen, geweldig and geweld), nor in a shorter one (stel is no
# stelen, Schelde no schelden); members shorter than this (and abbreviations) only as
# written: "op" would be OPP, "mogen" MOG.
VORM_MIN = 5


@dataclass(frozen=True)
class Synoniemen:
    """The synonym groups, looked up by member: per member, the members of every group it is
    in (itself first), and the longest member's length."""

    leden: dict[tuple[str, ...], Groep]
    langste: int
    # The multi-word members by their words' stems: "sociale wijkteam" is "sociaal wijkteam".
    per_stam: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # The one-word members of at least VORM_MIN letters that are no abbreviation, by stem.
    per_woordstam: dict[str, list[str]] = field(default_factory=dict)

    def lid(self, woorden: tuple[str, ...]) -> tuple[str, ...] | None:
        """The member that the folded `woorden` are, as the list writes it; None if none."""
        if woorden in self.leden:
            return woorden
        if len(woorden) > 1:
            return self.per_stam.get(tuple(map(stem, woorden)))
        woord = woorden[0]
        leden = self.per_woordstam.get(stem(woord), [])
        return next(((lid,) for lid in leden if verbogen(woord, lid)), None)

    def van(self, woorden: tuple[str, ...]) -> Groep:
        lid = self.lid(woorden)
        return self.leden[lid] if lid else []


def met_vormen(geschreven: str, woord: str) -> bool:
    """Whether a one-word member written `geschreven` (folded: `woord`) is also known in its
    inflected forms: not when short or an abbreviation (VORM_MIN)."""
    return len(woord) >= VORM_MIN and not geschreven.isupper()


@lru_cache(maxsize=4)
def _synoniemen(groepen: tuple[tuple[str, ...], ...]) -> Synoniemen:
    leden: dict[tuple[str, ...], Groep] = {}
    woorden: dict[str, list[str]] = {}
    for groep in groepen:
        members = [tuple(re.findall(r"\w+", fold(member))) for member in groep]
        for geschreven, member in zip(groep, members, strict=True):
            if member:
                leden.setdefault(member, [member])
                leden[member] += [
                    ander for ander in members if ander and ander not in leden[member]
                ]
            if len(member) == 1 and met_vormen(geschreven, member[0]):
                vormen = woorden.setdefault(stem(member[0]), [])
                vormen += [member[0]] if member[0] not in vormen else []
    per_stam = {tuple(map(stem, lid)): lid for lid in leden if len(lid) > 1}
    return Synoniemen(leden, max(map(len, leden), default=1), per_stam, woorden)


def als_lid(text: str, synoniemen: list[list[str]]) -> str:
    """`text` with each run of words outside quotes that is a synonym member in another form
    of its words written as the member ("sociale wijkteams" as "sociaal wijkteam",
    "hangjongeren" as "hangjongere"), for Elasticsearch: its synonym filter matches the words
    before stemming, where `parse` matches a member in such forms too (Synoniemen.lid)."""
    groepen = _synoniemen(tuple(tuple(groep) for groep in synoniemen))
    delen = re.split(r'("[^"]*")', text)
    for d in range(0, len(delen), 2):
        tokens = list(re.finditer(r"\w+", delen[d]))
        woorden = [fold(token.group(0)) for token in tokens]
        vervangen, i = [], 0
        while i < len(tokens):
            n = _lid_lengte(woorden, i, groepen)
            span = tuple(woorden[i : i + n])
            if span not in groepen.leden and (lid := groepen.lid(span)):
                vervangen.append((tokens[i].start(), tokens[i + n - 1].end(), " ".join(lid)))
            i += n
        for begin, eind, woorden_van_lid in reversed(vervangen):
            delen[d] = delen[d][:begin] + woorden_van_lid + delen[d][eind:]
    return "".join(delen)


def _lid_lengte(woorden: list[str], i: int, groepen: Synoniemen) -> int:
    """How many of the folded `woorden` from `i` on form a multi-word synonym member (in
    any form of its words), longest first; 1 when none does."""
    return next(
        (
            n
            for n in range(min(groepen.langste, len(woorden) - i), 1, -1)
            if groepen.van(tuple(woorden[i : i + n]))
        ),
        1,
    )


def _phrase(text: str) -> tuple[str, ...]:
    """The stems of `text`'s words; of more than one word, each followed by its compound
    parts' stems, as the index holds them (search.analysis.index_terms), so a phrase is
    found across a compound ("jongerenwerk op straat" is stored as jongerenwerk jonger
    werk strat)."""
    woorden = words(text)
    if len(woorden) == 1:
        return (stem(woorden[0]),)
    return tuple(index_terms(text))


def parse(text: str, synoniemen: list[list[str]] | None = None) -> Query:
    """Quoted parts are phrases; other words become a clause each, a known compound one
    clause per part. A word that is a member of a synonym group has the group's members as
    alternatives; words that form a multi-word member (longest first, so "vereniging van
    eigenaren" is one member) keep a clause each, each also accepting the group's other
    members: "overlast van jongeren" still finds overlast and jongeren apart, and
    jeugdoverlast."""
    query = Query()
    for phrase in QUOTED.findall(text):
        if (stems := _phrase(phrase)) and not _toevoegen(query, [Clause([stems])]):
            return query
    rest = POSTCODE.sub(r"\1", fold(QUOTED.sub(" ", text)))
    tokens = re.findall(r"\w+", rest)
    groepen = _synoniemen(tuple(tuple(groep) for groep in synoniemen or []))
    i = 0
    while i < len(tokens):
        lengte = _lid_lengte(tokens, i, groepen)
        leden = groepen.van(tuple(tokens[i : i + lengte]))[1:] if lengte > 1 else []
        for word in tokens[i : i + lengte]:
            if word not in STOP_WORDS and not _toevoegen(
                query, _woord_clauses(word, groepen, leden)
            ):
                return query
        i += lengte
    return query


def _toevoegen(query: Query, clauses: list[Clause]) -> bool:
    """Add one typed word's (or phrase's) clauses to `query`, those it does not have yet (a
    repeated word adds nothing); False, adding nothing, when that would pass MAX_CLAUSES."""
    nieuw = [
        clause
        for clause in clauses
        if all(clause.alternatives != ander.alternatives for ander in query.clauses)
    ]
    if len(query.clauses) + len(nieuw) > MAX_CLAUSES:
        return False
    for clause in nieuw:
        clause.getypt = len(query.clauses)
    query.clauses += nieuw
    return True


def _woord_clauses(word: str, groepen: Synoniemen, leden: Groep) -> list[Clause]:
    """The clauses of one typed word, each also accepting `leden` (the other members of the
    multi-word synonym the word is part of)."""
    # A compound matches its parts anywhere (jeugdcriminaliteit: criminaliteit onder
    # jongeren, hangjongere: jongeren die hangen), and one that is a synonym member its group
    # too, in each part's clause. Of three or more parts, minimum should match lets one miss,
    # so a shorter compound counts too (schuldhulpmaatje: schuldhulp), after those with every
    # part. The parts are known words, so they get no typo corrections (prive-vraag must not
    # find "vraag" and a word one letter from "prive").
    parts = split_compound(word)
    extra = [alt for alt in map(_members_phrase, leden) if alt]
    if parts and groepen.van((word,)):
        extra += _word_clause(word, groepen).alternatives
    clauses = []
    for part in parts or (word,):
        clause = _word_clause(part, groepen, woord="" if parts else None)
        clause.alternatives = list(dict.fromkeys([*clause.alternatives, *extra]))
        # A word the analysis leaves out (longer than MAX_WOORD) is in no document either.
        if clause.alternatives:
            clauses.append(clause)
    if parts and clauses:
        clauses[0].anders = [Clause(list(dict.fromkeys([(stem(word),), *extra])))]
    return clauses


def _word_clause(word: str, groepen: Synoniemen, woord: str | None = None) -> Clause:
    """The clause for `word` and its synonyms; `woord` is what typo correction starts from
    (the word itself unless given)."""
    members: Groep = groepen.van((word,)) or [(word,)]
    single = {stem(member[0]) for member in members if len(member) == 1}
    # A compound synonym whose part is itself a member adds nothing but a double score: the
    # index holds compounds' parts too (woningcorporatie is found by corporatie).
    # The word itself stays (a member of its own group comes first), so a document with it
    # scores for it as well as for the group (_groepsterm): "schuldhulpverlening", whose part
    # schuld is a member, ranked every document about schulden alike.
    members = [
        member
        for i, member in enumerate(members)
        if i == 0
        or len(member) > 1
        or not {stem(part) for part in split_compound(member[0])} & single
    ]
    unique = list(dict.fromkeys(alt for alt in map(_members_phrase, members) if alt))
    return Clause(unique, woord=word if woord is None else woord)


def _members_phrase(member: tuple[str, ...]) -> tuple[str, ...]:
    return _phrase(" ".join(member))
