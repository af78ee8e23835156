"""Name keys: spelling- and transliteration-tolerant keys for names of people and organisations.

Outlets romanise the same Cyrillic, Kazakh or Arabic name in many ways (``q``/``k``,
``zh``/``j``, ``y``/``i``, doubled consonants, a glide ``y`` between vowels, accents).
``name_key`` folds those differences into one spelling; ``skeleton`` keeps only the
consonants so that a vowel ending (``-o``/``-a``) still matches. Equality of keys is
a *candidate* match: callers combine it with context (first names, country, role).
"""
from __future__ import annotations

import functools
import logging
import re

from rapidfuzz.distance import Levenshtein
from unidecode import unidecode

from storyline.data import load

LOGGER = logging.getLogger(__name__)

#: Ordered rewrites from common romanisation variants to one spelling. Longer patterns first.
_REWRITES: tuple[tuple[str, str], ...] = (
    ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("zh", "j"), ("dj", "j"),
    ("kh", "h"), ("gh", "g"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("w", "v"), ("ph", "f"),
    ("tz", "ts"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"), ("ii", "i"), ("c", "k"),
)
_VOWELS = "aeiou"
#: A glide "i" (from "y") between vowels carries no distinctive sound: Zuyev ~ Zuev.
_GLIDE = re.compile(r"(?<=[aeiou])i(?=[aeiou])")
_DOUBLE = re.compile(r"(.)\1+")
#: French/German-era spellings of the Slavic "-ov"/"-ev" endings: Smirnoff ~ Smirnov, Rachmaninow ~ -ov.
_FF_ENDING = re.compile(r"(?<=[oe])ff$")
_NON_LETTER = re.compile(r"[^a-z]+")
#: Minimum key length for the one-edit vowel tolerance (short keys collide too easily).
MIN_FUZZY_KEY_LEN = 6
#: Words dropped from a person's name before it is split (titles of address, not names).
_HONORIFICS = frozenset(load("names")["honorifics"])
#: Lower-case words inside a surname (``data/names.yaml``).
_PARTICLES = frozenset(load("names")["particles"])


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """ASCII, lower-case, letters and single spaces only."""
    return " ".join(_NON_LETTER.sub(" ", unidecode(text).lower()).split())


@functools.lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """Transliteration-normalised key of one name word (``Qadyrbek`` → ``kadirbek``)."""
    s = _NON_LETTER.sub("", unidecode(word).lower())
    if len(s) >= MIN_FUZZY_KEY_LEN:
        s = _FF_ENDING.sub("v", s)
    for old, new in _REWRITES:
        s = s.replace(old, new)
    s = _GLIDE.sub("", s)
    return _DOUBLE.sub(r"\1", s)


def skeleton(word: str) -> str:
    """Consonants of the name key (vowel endings and vowel choices ignored)."""
    return "".join(c for c in name_key(word) if c not in _VOWELS)


def words_match(a: str, b: str) -> bool:
    """Two name words are variants of one another (same key, or same consonants and one vowel apart)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    return (min(len(ka), len(kb)) >= MIN_FUZZY_KEY_LEN and skeleton(a) == skeleton(b)
            and Levenshtein.distance(ka, kb, score_cutoff=1) <= 1)


def given_match(a: str, b: str) -> bool:
    """Given names (or an initial) that may denote the same person."""
    pa, pb = split_given(a), split_given(b)
    if not pa or not pb:
        return True
    a0, b0 = pa[0], pb[0]
    if len(name_key(a0)) == 1 or len(name_key(b0)) == 1:   # an initial
        return name_key(a0)[:1] == name_key(b0)[:1]
    if words_match(a0, b0):
        return True
    # the first vowel of a given name shifts between languages (Aleksandr / Oleksandr)
    sa, sb = skeleton(a0), skeleton(b0)
    return len(sa) >= 3 and sa == sb


def split_given(given: str) -> list[str]:
    """Parts of a given name: 'Kassym-Jomart' → ['Kassym', 'Jomart']; 'R.' → ['R']."""
    return [p for p in re.split(r"[\s\-‐‑.]+", given) if p]


@functools.lru_cache(maxsize=65536)
def split_person(name: str, surname_first: bool = False) -> tuple[str, str]:
    """(given names, surname) of a person's name; the surname may be empty for a one-word name."""
    words = [w for w in name.replace("’", "'").split() if fold(w) not in _HONORIFICS]
    while words and fold(words[-1]) in ("jr", "sr", "ii", "iii"):
        words.pop()
    if not words:
        return "", ""
    if len(words) == 1:
        return "", words[0]
    if surname_first:
        return " ".join(words[1:]), words[0]
    # "Bashar al-Assad", "Ursula von der Leyen": particles belong to the surname
    i = len(words) - 1
    while i > 0 and fold(words[i - 1]) in _PARTICLES:
        i -= 1
    # "Van der Aue" at a sentence start is a surname with its particles, not a given name "Van"
    return " ".join(words[:i]), " ".join(words[i:])


def surnames_match(a: str, b: str) -> bool:
    """Surnames that are spelling or transliteration variants of one another."""
    la, lb = _surname_core(a), _surname_core(b)
    if not la or not lb:
        return False
    return words_match(la, lb)


@functools.lru_cache(maxsize=65536)
def _surname_core(surname: str) -> str:
    """The last part of a surname that is not a particle ('' if none); cached, as clustering asks often."""
    parts = [p for p in re.split(r"[\s\-]+", surname) if p and fold(p) not in _PARTICLES]
    return parts[-1] if parts else ""


def persons_match(a: str, b: str, a_surname_first: bool = False, b_surname_first: bool = False) -> bool:
    """Two person names that may denote one person: surnames match and given names agree."""
    ga, sa = split_person(a, a_surname_first)
    gb, sb = split_person(b, b_surname_first)
    if not sa or not sb or not surnames_match(sa, sb):
        return False
    return given_match(ga, gb)


#: Function words of organisation names in English and the languages news names bodies in (they
#: carry no initial in an acronym: "Confederação Nacional dos Estivadores" → CNE).
_STOP = frozenset({"the", "of", "and", "for", "in", "on", "de", "la", "del", "des", "du", "a", "an", "&",
                   "da", "do", "dos", "das", "di", "della", "degli", "delle", "y", "e", "et", "und", "fur",
                   "los", "las", "le", "les", "el", "der", "den", "het", "van", "von"})


def content_words(name: str) -> frozenset[str]:
    """Content words of an organisation or event name, order-free ('Organization of the X' ~ 'X Organization')."""
    words = fold(name.replace("Organisation", "Organization").replace("organisation", "organization")).split()
    return frozenset(w for w in words if w not in _STOP)


def acronym_of(name: str) -> str:
    """Initials of the content words of a name ('Collective Security Treaty Organization' → 'CSTO')."""
    words = re.findall(r"[A-Za-zÀ-ÿ]+", unidecode(name))
    return "".join(w[0].upper() for w in words if w.lower() not in _STOP)


def is_acronym_for(acronym: str, name: str) -> bool:
    """True when ``acronym`` spells the initials of ``name`` (in order, or as a set for reordered names)."""
    acr = re.sub(r"[^A-Za-z]", "", acronym).upper()
    if len(acr) < 2:
        return False
    initials = acronym_of(name)
    return acr == initials or (len(acr) >= 3 and sorted(acr) == sorted(initials))
