"""Dutch text analysis for the embedded backend: fold case and diacritics, split into words,
drop stop words, split the programme's compounds and stem with Snowball's Dutch (Porter)
stemmer. Index and query go through the same steps, so they meet on the same terms."""

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import snowballstemmer
import wordfreq

DATA = Path(__file__).resolve().parent / "data"
WORD = re.compile(r"\w+", re.UNICODE)
MIN_PART = 3
# A linking sound between compound parts: woning-s-corporatie is rare, but "en"/"s" are common
# (kinder-en-opvang, veiligheid-s-huis).
LINKS = ("", "s", "en", "e")
# What a linking sound costs a reading of a compound, on the Zipf scale. Free, it would make
# achter-s-tanden beat achter-standen; at 1 or more, gezin-steam would beat gezin-s-team.
KOPPEL_PRIJS = 0.75
# Bounds on the work one text can cause. Dutch compounds stay under ~50 letters
# (arbeidsongeschiktheidsverzekering: 33); a longer "word" is a code, a glued URL or an
# attack, and splitting it costs time quadratic in its length. A field's text beyond
# MAX_TEKST (about a 150-page report) is left out of the index, not the page.
MAX_WOORD = 60
MAX_TEKST = 500_000
# Stems and splits are cached per process; distinct queries must not grow it without end.
CACHE_WOORDEN = 50_000


# Characters that do not show and must not split a word: a soft hyphen, zero-width spaces and
# joiners, direction marks, a byte order mark (pasted from a word processor or a web page).
ONZICHTBAAR = "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
_ONZICHTBAAR = re.compile(ONZICHTBAAR)


def fold(text: str) -> str:
    """Lower case without diacritics or invisible characters: coöperatie -> cooperatie."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", _ONZICHTBAAR.sub("", text.lower()))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _word_list(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(fold(word) for word in line.split())
    return frozenset(words)


def _regels(name: str) -> dict[str, str]:
    """ "woord => stam" lines of a data file."""
    regels = {}
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            woord, _, stam = line.partition("=>")
            regels[fold(woord.strip())] = fold(stam.strip())
    return regels


STOP_WORDS = _word_list("stopwoorden.txt")
STAM_UITZONDERINGEN = _regels("stamuitzonderingen.txt")
# Snowball leaves the -d/-t of a past participle after a long vowel (verduurzaamd, and
# inflected: geisoleerde), and of a past tense's plural or a participle's as a noun
# (organiseerden, gedupeerden, alleenstaanden); as a pattern for Elasticsearch's
# pattern_replace, the same rule as in `stem`.
DEELWOORD = r"^(.{4,}([aeou])\2.)[dt](?:e|en)?$"
# Snowball only undoubles kk, dd and tt after removing an ending; a plural doubles any
# consonant (diefstal, diefstallen; bus, bussen), so its stem ends in one too. The same
# rule runs after Elasticsearch's stemmer. Not in a stem of three letters: those are mostly
# abbreviations (OVV, ASS, WRR), which undoubled became words (ov, as) that carry their
# synonym group's term in the index; the few plurals it parts from their singular (ossen,
# ebben, eggen) are rare.
ONTDUBBEL = r"^(.{2,}([bcdfghjklmnpqrstvwxz]))\2$"
# Dutch spells the s and f of a stem as z and v before an -e or -en (huis, huizen; bedrijf,
# bedrijven; actief, actieve), which Snowball keeps: buurthuis and buurthuizen, initiatief
# and initiatieven never met. As Kraaij and Pohlmann's stemmer does, the word is spelt with
# s and f before stemming. Each is one of Elasticsearch's pattern_replace filters too.
STEMKLANK = {r"^(.{2,})z(en?)$": r"\1s\2", r"^(.{2,})v(en?)$": r"\1f\2"}
# After stemming: Snowball leaves the -s after -ie (subsidies, organisaties) and undoubles a
# long vowel only after a consonant (maan -> man), not after another vowel (sociaal, and
# sociale -> social; financieel, financiele -> financiel).
NA_STAM = {r"(ie)s$": r"\1", r"([aeiou])([aeou])\2([^aeiouy])$": r"\1\2\3"}
# Compound parts: Dutch words of at least LEXICON_MIN letters from wordfreq's frequency list
# (drawn from Wikipedia, subtitles, news and web text), those at least as frequent as
# LEXICON_ZIPF (Zipf scale: 3 is once per million words); rarer entries are mostly names,
# typos and compounds themselves, which split words wrongly. Words that are also suffixes
# (veilig-heid, gezel-schap) are left out, and the programme's own parts added.
LEXICON_ZIPF = 2.5
LEXICON_MIN = 4
NIET_DELEN = _word_list("geen_woorddelen.txt")
PLAATSNAMEN = _word_list("plaatsnamen.txt")


def _lexicon() -> dict[str, float]:
    """The lexicon's words with their Zipf frequency in general Dutch."""
    weg = STOP_WORDS | NIET_DELEN
    woorden: dict[str, float] = {}
    for woord, frequentie in wordfreq.get_frequency_dict("nl", "large").items():
        if frequentie < 10 ** (LEXICON_ZIPF - 9):
            continue
        woord = fold(woord)
        if len(woord) >= LEXICON_MIN and woord.isalpha() and woord not in weg:
            woorden[woord] = max(woorden.get(woord, 0.0), math.log10(frequentie) + 9)
    # wordfreq keeps its lists cached (25 MB per process for Dutch); only the lexicon is needed.
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    return woorden


# The programme's own parts count as at least as frequent as the lexicon's rarest words.
ZIPF = dict.fromkeys(_word_list("woorddelen.txt"), LEXICON_ZIPF) | _lexicon()
PARTS = frozenset(ZIPF)
# Nouns too short for the lexicon whose plural is the word and -en, by which an inflected
# compound can end although its singular is not split (split_compound: fiets-paden). A hand
# list: for most of wordfreq's common three-letter words the -en form is another word, a
# verb (lag, lagen; kom, komen), a long vowel's plural (tal, talen of taal) or a word of its
# own (ten, tenen); with them a review found doorslagen read as doors-lagen.
KORTE_WOORDEN = frozenset({"dag", "weg", "pad", "bad", "gat", "vat", "dak", "eis", "bui"})
# Words never split: the names of places, and words that read as compounds of other
# meanings (maan-dagen, vrij-dagen; minder-jarigen).
HEEL = PLAATSNAMEN | _word_list("geen_samenstellingen.txt")


def _versie() -> int:
    """A number that changes when the analysis may turn a text into other terms: this module,
    its word lists and the versions of the stemmer and the lexicon. An index built with
    another number no longer meets the queries (search.health reports it)."""
    inhoud = hashlib.sha256(Path(__file__).read_bytes())
    for name in (
        "stopwoorden.txt",
        "stamuitzonderingen.txt",
        "woorddelen.txt",
        "geen_woorddelen.txt",
        "plaatsnamen.txt",
        "geen_samenstellingen.txt",
    ):
        inhoud.update((DATA / name).read_bytes())
    for package in ("snowballstemmer", "PyStemmer", "wordfreq"):
        inhoud.update(version(package).encode())
    return int(inhoud.hexdigest()[:12], 16)


ANALYSE_VERSIE = _versie()
_stemmer = snowballstemmer.stemmer("dutch_porter")


def _verkleinwoorden() -> dict[str, str]:
    """Diminutives of the lexicon whose base word their spelling leaves no doubt about, with
    that base: -tje after a long vowel or a schwa and l, n or r (tuin-tje, stoel-tje,
    wagen-tje) and -pje after m (boom-pje), when the base is in the lexicon and the word
    less the -je alone is not (that would be buurt-je against buur-tje). Other diminutives
    stay themselves, as the others are ambiguous or often mean something else: maatje is
    not "op maat", bankje not the bank of voedselbank, gaatje not gaat, beetje not beet.
    A diminutive much more frequent than its base means something else too and stays."""
    regels: dict[str, str] = {}
    for enkel, zipf in ZIPF.items():
        tje = enkel.endswith("tje") and re.search(TJE_NA, enkel[:-3])
        if not (tje or enkel.endswith("mpje")):
            continue
        basis = enkel[:-3]
        if basis in ZIPF and enkel[:-2] not in ZIPF and ZIPF[basis] >= zipf - VORM_MARGE:
            regels[enkel] = basis
    return regels


def _meervouden() -> dict[str, str]:
    """Plurals of the lexicon that Snowball does not take back to their singular, with that
    singular: in -s of a word in -e (ziektes, gemeentes, bendes, routes, analyses), as
    Snowball takes an -s off only after a consonant ("gemeentes" found no text about a
    gemeente); in -n of a word in -ene (volwassenen, betrokkenen), as Snowball takes -ene
    off the singular but only -en off the plural (volwassene was "volwas", volwassenen
    "volwassen"); and in -ici of a word in -icus (politici, technici). Not a plural much
    more frequent than its base (VORM_MARGE), which means something else: vrees (fear) is
    no plural of vree. A diminutive's plural is left to MEERVOUD, which runs first."""
    meervouden = {}
    for woord in ZIPF:
        if woord.endswith(("es", "enen")) and not woord.endswith("jes"):
            meervouden[woord] = woord[:-1]
        elif woord.endswith("ici"):
            meervouden[woord] = f"{woord[:-1]}us"
    return {
        woord: basis
        for woord, basis in meervouden.items()
        if basis in ZIPF and ZIPF[basis] >= ZIPF[woord] - VORM_MARGE
    }


# A long vowel (two letters) or a schwa (an e after a consonant) before l, n or r: the
# spellings after which a diminutive is -tje. After a short vowel it is -etje (pan-netje).
TJE_NA = r"(aa|ee|oo|uu|ie|oe|eu|ui|ei|ij|ou|au|[^aeiou]e)[lnr]$"
# Plural endings Snowball leaves, taken off before anything else (in this order; the same
# patterns run in Elasticsearch's chain): a plural diminutive is its singular (maatjes ->
# maatje), and -en after ie or ee, folded from -ën, is the plural of the word without it
# (categorieën, ideeën, moskeeën), which Snowball stemmed as "categorien", "ideen".
MEERVOUD = {r"^(.{2,}je)s$": r"\1", r"^(.+[ie]e)en$": r"\1"}
# How much more frequent (Zipf) a diminutive or a plural may be than its base and still be
# taken as one.
VORM_MARGE = 1.0
# Words of the lexicon that are a form of another (a diminutive, a plural), with
# that word: they get its stem.
BASISWOORDEN = _verkleinwoorden() | _meervouden()


def _eigen_s() -> frozenset[str]:
    """Words of the lexicon that end in a consonant and an s of their own, not a plural's:
    those whose plural in -en (or -zen) is in the lexicon too (mens, mensen; kans, kansen;
    grens, grenzen; arts, artsen). Snowball takes their s for a plural's: mens became "men"
    (as the pronoun), mensen "mens". Plurals in -s (teams, jongens) have no such plural;
    a double s (boss) is undoubled like any double consonant (ONTDUBBEL)."""
    return frozenset(
        woord
        for woord in ZIPF
        if re.search(r"[^aeiousj]s$", woord)
        and (f"{woord}en" in ZIPF or f"{woord[:-1]}zen" in ZIPF)
    )


EIGEN_S = _eigen_s()


def _geen_deelwoord() -> frozenset[str]:
    """Words of the lexicon that DEELWOORD would take for a past participle, but whose form
    in -en is in the lexicon and more common than the one in -e: nouns (voorbeeld,
    voorbeelden; antwoord, standaard, paspoort) and verbs whose stem ends in the d or t
    (aanvaard, aanvaarden), whose -d or -t is their own. A participle's -e form is the more
    common (betaalde, betaalden). Their -e and -en forms are in the set too (vervreemd,
    vervreemde; voorbeelden), as the lexicon may not have them."""
    woorden = {
        woord
        for woord in ZIPF
        if re.match(DEELWOORD, woord)
        and woord[-1] in "dt"
        and ZIPF.get(f"{woord}en", 0) > ZIPF.get(f"{woord}e", 0) + GEEN_DEELWOORD_MARGE
    }
    return frozenset(woorden | {woord + uitgang for woord in woorden for uitgang in ("e", "en")})


# How much more common (Zipf) the -en form must be than the -e form.
GEEN_DEELWOORD_MARGE = 0.5
GEEN_DEELWOORD = _geen_deelwoord()


@lru_cache(maxsize=CACHE_WOORDEN)
def stem(word: str) -> str:
    """Snowball's Dutch Porter stemmer, after taking off MEERVOUD's plural endings, except
    for the words in STAM_UITZONDERINGEN and EIGEN_S (which are their own stem) and
    BASISWOORDEN (which get their base word's); before it the -d/-t of a past participle
    after a long vowel is dropped (verduurzaamd -> verduurzaam, organiseerden ->
    organiseer; not for GEEN_DEELWOORD), which Snowball leaves alone, and a z or v before
    -e(n) spelt s or f (STEMKLANK); after it a final double consonant is undoubled
    (diefstallen -> diefstal) and NA_STAM's rules run."""
    for patroon, vervanging in MEERVOUD.items():
        word = re.sub(patroon, vervanging, word)
    if word in STAM_UITZONDERINGEN:
        return STAM_UITZONDERINGEN[word]
    if word in EIGEN_S:
        return word
    if basis := BASISWOORDEN.get(word):
        # The base word's stem, its exceptions included (boompje as boom, not as bom).
        return stem(basis)
    if word not in GEEN_DEELWOORD and (deelwoord := re.match(DEELWOORD, word)):
        word = deelwoord.group(1)
    stam = re.sub(ONTDUBBEL, r"\1", _stemmer.stemWord(_stemklank(word)))
    for patroon, vervanging in NA_STAM.items():
        stam = re.sub(patroon, vervanging, stam)
    return stam


# Endings by which a Dutch word's plural or inflected form extends it (verbogen).
VERBUIGINGEN = {"s", "n", "e", "en", "es"}
# Vowels, for the spelling of an open syllable (_grondvormen).
KLINKERS = "aeiouy"
# The unstressed prefixes that make a new word of a whole one, never a compound part
# (_afgeleid).
VOORVOEGSELS = ("be", "ge", "ver", "ont", "her", "er")
# Words at least this common (Zipf: once per million words) are named as sharing a synonym
# member's stem (stamgenoten).
STAMGENOOT_ZIPF = 3.0


def verbogen(woord: str, lid: str) -> bool:
    """Whether `woord` is `lid` with an inflection ending (VERBUIGINGEN)."""
    return woord.startswith(lid) and woord[len(lid) :] in VERBUIGINGEN


@lru_cache(maxsize=1)
def _per_stam() -> dict[str, list[str]]:
    """The lexicon's words of at least STAMGENOOT_ZIPF by stem, most frequent first (about
    27,000 words, stemmed in a third of a second once per process)."""
    per_stam: dict[str, list[str]] = {}
    for woord, zipf in sorted(ZIPF.items(), key=lambda item: -item[1]):
        if zipf >= STAMGENOOT_ZIPF:
            # Past stem's cache, which these would fill, pushing out the stems of searches.
            per_stam.setdefault(stem.__wrapped__(woord), []).append(woord)
    return per_stam


def stamgenoten(woord: str, met_vormen: bool = True) -> list[str]:
    """The common words of the lexicon that the stemmer gives `woord`'s stem, other than
    `woord` and, `met_vormen`, its inflected forms (or the word it is one of), most frequent
    first: a search for `woord` finds them too, and as a synonym member so does a search for
    every member of its group (stelen had stellen, so diefstal found "vragen stellen").
    Words of fewer than LEXICON_MIN letters are not in the lexicon."""
    folded = fold(woord)
    return [
        ander
        for ander in _per_stam().get(stem(folded), [])
        if ander != folded
        and not (met_vormen and (verbogen(ander, folded) or verbogen(folded, ander)))
    ]


@lru_cache(maxsize=CACHE_WOORDEN)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a compound made of known word parts (jeugdcriminaliteit -> jeugd,
    criminaliteit), or () when it is not one.

    Of the ways to read a word as known words, the one with the fewest parts wins, then the
    one whose parts are most frequent (the mean of their Zipf frequencies, as in Koehn and
    Knight's frequency-based splitting), less KOPPEL_PRIJS per linking sound. The word is
    only split when its parts are, on average, more frequent than the word itself: a common
    word that can be read as rarer words (vertrouwen: vert-rouwen, gesprekken: gesp-rekken)
    is a word, not a compound. Nor is an inflected form of a word of the lexicon that is
    none (wetenschappers of wetenschapper, not wetenschap-pers; mentoren of mentor, not
    ment-oren; noodzakelijke of noodzakelijk; kantoren of kantoor, _grondvormen), unless
    _kort_meervoud; nor a whole word with a prefix (bestrijden, _afgeleid)."""
    if len(word) < 2 * MIN_PART + 1 or word in HEEL or _afgeleid(word):
        return ()
    for uitgang in VERBUIGINGEN:
        if (
            word.endswith(uitgang)
            and any(
                basis in ZIPF and not split_compound(basis) for basis in _grondvormen(word, uitgang)
            )
            and not _kort_meervoud(word, uitgang)
        ):
            return ()
    lezing = _lezing(word)
    if lezing is None or _gemiddelde(lezing[0]) <= ZIPF.get(word, 0.0):
        return ()
    return lezing[0]


def _afgeleid(word: str) -> bool:
    """Whether `word` is a whole word of the lexicon with an unstressed prefix before it
    (VOORVOEGSELS): a derivation, not a compound (bestrijden: be-strijden, not best-rijden;
    vertellende: ver-tellende, not vert-ellende)."""
    return any(
        word.startswith(voorvoegsel)
        and (rest := word[len(voorvoegsel) :]) in ZIPF
        and not split_compound(rest)
        for voorvoegsel in VOORVOEGSELS
    )


def _stemklank(word: str) -> str:
    """`word` with a z or v before -e(n) spelled s or f (STEMKLANK: huizen -> huisen)."""
    for patroon, vervanging in STEMKLANK.items():
        word = re.sub(patroon, vervanging, word)
    return word


def _grondvormen(word: str, uitgang: str) -> Iterator[str]:
    """The words that `word` is a form of with the ending `uitgang`: `word` less it and,
    before -e and -en, with a z or v spelled s or f (_stemklank: huizen: huis, brieven:
    brief) and the long vowel of an open syllable spelled double (kantoren: kantoor,
    straten: straat)."""
    basis = word[: -len(uitgang)]
    yield basis
    if uitgang not in ("e", "en") or len(basis) < 3:
        return
    klank = _stemklank(word)[: -len(uitgang)]
    if klank != basis:
        yield klank
    if basis[-2] in "aeou" and basis[-3] not in KLINKERS and klank[-1] not in KLINKERS:
        yield klank[:-2] + 2 * klank[-2] + klank[-1]


def _kort_meervoud(word: str, uitgang: str) -> bool:
    """Whether `word`, less its -en, is a singular that stays whole for want of one of
    KORTE_WOORDEN (fietspad) and `word` reads as a compound ending in that word's plural
    (fiets-paden, feest-dagen, zwem-baden). Only then is the word read at all: a common
    word's reading is the costly part of splitting it."""
    lezing = _lezing(word) if uitgang == "en" else None
    return lezing is not None and lezing[0][-1][: -len(uitgang)] in KORTE_WOORDEN


def _gemiddelde(parts: tuple[str, ...]) -> float:
    return sum(ZIPF[part] for part in parts) / len(parts)


@lru_cache(maxsize=CACHE_WOORDEN)
def _lezing(word: str) -> tuple[tuple[str, ...], int] | None:
    """The best reading of `word` as two or more known parts and how many linking sounds it
    uses, or None when there is none. A part that is a known word is not split further."""
    return min(
        _lezingen(word),
        key=lambda lezing: (len(lezing[0]), KOPPEL_PRIJS * lezing[1] - _gemiddelde(lezing[0])),
        default=None,
    )


def _lezingen(word: str) -> Iterator[tuple[tuple[str, ...], int]]:
    """Each reading of `word` as a known first part, an optional linking sound and a known
    word or the best reading of the rest, with its number of linking sounds."""
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[:cut]
        if head not in PARTS:
            continue
        for link in LINKS:
            rest = word[cut:]
            if not rest.startswith(link):
                continue
            rest = rest[len(link) :]
            if len(rest) < MIN_PART:
                continue
            if rest in PARTS:
                yield (head, rest), bool(link)
            elif staart := _lezing(rest):
                yield (head, *staart[0]), bool(link) + staart[1]


@lru_cache(maxsize=CACHE_WOORDEN)
def delen(word: str) -> tuple[str, ...]:
    """A compound's parts and their own parts (schuldhulpverlening: schuld, hulpverlening,
    hulp, verlening), as a part that stands alone is split too."""
    return tuple(deel for part in split_compound(word) for deel in (part, *split_compound(part)))


def hele_woorden() -> list[str]:
    """The lexicon's words that are not split, and HEEL (places, maandagen): for
    Elasticsearch, whose decompounder would otherwise take any word apart that contains a
    known one (vertrouwen: vert, rouwen; overvecht: vecht)."""
    return sorted({woord for woord in PARTS if not split_compound(woord)} | HEEL)


def words(text: str) -> list[str]:
    """Folded words without stop words, from the first MAX_TEKST characters, leaving out
    words longer than MAX_WOORD."""
    return [
        word
        for word in WORD.findall(fold(text[:MAX_TEKST]))
        if len(word) <= MAX_WOORD and word not in STOP_WORDS
    ]


# Per stem, the terms of the synonym groups it is a one-word member of (synoniemkaart).
Kaart = dict[str, tuple[str, ...]]


def startlijst() -> list[str]:
    """The starting list of synonym groups (search/data/synoniemen.txt): a line per group, its
    members separated by commas, as editors write them (search.models.Synoniem)."""
    lines = (DATA / "synoniemen.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def geschreven_leden(groep: str) -> list[str]:
    """The members of a synonym group as editors write it: separated by commas."""
    return [lid.strip() for lid in groep.split(",") if lid.strip()]


def leden(groep: str) -> list[str]:
    """The members of a synonym group that the search can use (zoekbaar)."""
    return [lid for lid in geschreven_leden(groep) if zoekbaar(lid)]


# Negations among the stop words: a member that loses one means the opposite of what is left.
ONTKENNINGEN = frozenset({"zonder", "niet", "geen"})
# A word this common on its own (Zipf) stands for far more than a member it is left of.
GEKRIMPT_ZIPF = 4.5


def zoekbaar(lid: str) -> bool:
    """Whether a synonym member means what the index can find. Stop words are not indexed,
    so a member of several words that keeps one is stored and searched as that word:
    "zonder werk" as werk, "niet-gebruik" as gebruik, "het rijk" as rijk (also: rich), "u-pas"
    as pas. Found by a review: every text with werk had the group of werkloosheid, and
    autochtoon ("zonder migratieachtergrond") met allochtoon. Such a member is left out when
    it lost a negation, or lost words before the one left and that one is common on its own
    (GEKRIMPT_ZIPF, or shorter than the lexicon's words). "van onderop" (onderop) and
    "'s-Gravenhage" stay, and so does a member that lost only an ending after its word
    (zzp'er, ib-er, SDG's)."""
    geschreven = WORD.findall(fold(lid))
    over = words(lid)
    if len(geschreven) < 2 or len(over) != 1:
        return True
    if not ONTKENNINGEN.isdisjoint(geschreven):
        return False
    return geschreven[0] == over[0] or (
        len(over[0]) >= LEXICON_MIN and ZIPF.get(over[0], 0) < GEKRIMPT_ZIPF
    )


def weggelaten(tekst: str) -> list[str]:
    """The folded words of `tekst` that the index leaves out (stop words, overlong words)."""
    bewaard = set(words(tekst))
    return [woord for woord in WORD.findall(fold(tekst)) if woord not in bewaard]


def synoniemkaart(groepen: list[list[str]]) -> Kaart:
    """Per stem of a one-word member of a synonym group, a term that stands for the group:
    indexed beside the word, it lets a search for one member score every member's documents
    as one term, with one document frequency, as Elasticsearch's synonym query does. Without
    it a rare member (tieners) outweighs a common one (jeugd) on its own idf."""
    kaart: dict[str, list[str]] = {}
    for groep in groepen:
        stammen = sorted({stem(delen[0]) for member in groep if len(delen := words(member)) == 1})
        if len(stammen) < 2:
            continue
        term = "syn" + hashlib.blake2b(" ".join(stammen).encode(), digest_size=6).hexdigest()
        for stam in stammen:
            kaart.setdefault(stam, []).append(term)
    return {stam: tuple(termen) for stam, termen in kaart.items()}


def index_terms(text: str, kaart: Kaart | None = None) -> Iterator[str]:
    """The terms stored for `text`: each word's stem, followed by the stems of its compound
    parts, so both "jeugdcriminaliteit" and "criminaliteit" find it, each stem followed by
    the terms of its synonym groups in `kaart`."""
    return met_groepen(
        (term for word in words(text) for term in (stem(word), *map(stem, delen(word)))), kaart
    )


def met_groepen(terms: Iterable[str], kaart: Kaart | None = None) -> Iterator[str]:
    """`terms`, each followed by the terms of its synonym groups in `kaart`, as the index
    holds them (index_terms); a phrase is looked for that way too."""
    kaart = kaart or {}
    for term in terms:
        yield term
        yield from kaart.get(term, ())


def analyze(text: str, kaart: Kaart | None = None) -> str:
    return " ".join(index_terms(text, kaart))
