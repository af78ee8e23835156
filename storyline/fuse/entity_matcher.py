"""A trained pairwise matcher for cross-document entity resolution (``Settings.entity_matcher='trained'``).

The rule merge (``storyline.fuse.entities``) joins names by fixed tests and is precise, but outlets spell one
actor in more ways than the tests foresee (Hnatiuk/Gnatyuk, Daqalo/Dagalo, Papadopoulos/Papadopulos, "Bobby"
for Robert Kane, "Calais" typed a person in one article and a place in the next). The matcher starts from the
rules' groups and joins what they leave apart:

1. candidate pairs come from blocking keys: folded names, transliteration skeletons (g/h/k/q/c/x as one
   consonant, y/i/j and v/u/w dropped with the vowels, diacritics folded; "ch" also read as "sh"), surname
   skeletons and their prefixes, the words of a name (of a person's, the surname's), a person's name words in
   any order, and, between a full form and a short one only, the first two given names with their formal forms
   (``data/nicknames.yaml``) and first three letters, initials or acronyms, and of an organisation its generic
   institution words in English (``data/name_glosses.yaml``) with its country, held or named in any language
   (a body named in its own language and in English). A key held by more than
   ``MAX_BLOCK`` entities is skipped (a common word says little), except the rules' groups and folded names,
   which link to their first holder only: pairs grow with the entities, not with their square. Only pairs of
   two people (by type, or by a name that opens with a known given name) or of two entities written alike are
   judged (``in_scope``);
2. each pair gets features (string similarity of names and surnames, word overlap, skeleton equality,
   given-name compatibility incl. nicknames and initials, generation conflict, coarse types, KB ids,
   countries, roles, same document, mention counts, where a lone word stands in a longer name, and the
   rules' verdict);
3. a small scikit-learn classifier (``scripts/train_entities.py``, from ``training/entities`` only) gives
   each pair a probability, and groups are joined by average link over their scored pairs while the
   average reaches the model's threshold, never against the union's cannot-links (two KB entries, two
   countries, "Jr." and "Sr.") nor against this module's: one surname with given names that cannot be one
   person's ("Joshua Kiptoo", "E. Kiptoo"); a lone surname two such people could bear; optionally, two
   entities of one document its resolver kept apart.

Co-occurring actors are left out of the features on purpose: the training mini-corpora each tell one story,
so shared context would stand for "same story", not "same actor". The union-find belongs to
``storyline.fuse.entities``; here are keys, features, the model file and the join.
"""
from __future__ import annotations

import functools
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from rapidfuzz import fuzz

from storyline.model import Entity
from storyline.nlp.quantities import singular
from storyline.resolve.coref import gender_lexicon
from storyline.resolve.descriptions import name_word_table, org_sectors
from storyline.resolve.kb import foreign_country_names, load_kb
from storyline.resolve.names import (
    HONORIFICS,
    acronym_letters,
    acronym_of,
    capital_initials,
    content_words,
    expanded_otherwise,
    fold,
    foreign_institution_word,
    gendered_forms,
    generation,
    given_match,
    given_name_match,
    given_names,
    gloss,
    glosses,
    is_acronym_for,
    is_short_form,
    looks_like_acronym,
    name_key,
    persons_match,
    split_given,
    split_person,
    surnames_match,
    surnames_one_edit,
)

#: A blocking key held by more entities than this says little ("ministry", "Kim" in a large corpus).
MAX_BLOCK = 64
#: A surname-like key ("s", "p", "w") held by more entities than this is split by a second key, the first letters
#: of a person's given names (see ``given_letters``): people who share a common surname are compared only when
#: their given names could be one ("J." and "John", "Yulia" and "Julia"); those without a given name ("Mr Kane",
#: a lone word) still meet every holder. Below it the block is compared whole, as before.
SPLIT_BLOCK = 16
#: The keys ``SPLIT_BLOCK`` splits: those a surname, its prefix or its words give.
_SPLIT_KEYS = frozenset({"s", "p", "w"})
#: Names per entity compared (an actor with many aliases is compared by its first few).
MAX_NAMES = 6
#: Leading consonants of a surname skeleton used as a key (Kvaratskhelishvili ~ Kvaratskheli).
PREFIX_LEN = 5
#: Keys that join a full form with a short one only: a given name or its head with a lone word ("g", "h"),
#: the initials of a name with an all-capital name ("a"); the short side holds the key with a "1".
_ASYMMETRIC = frozenset({"g", "h", "a", "d"})
_LONE_SIDE = frozenset(k + "1" for k in _ASYMMETRIC)
#: Named entities a description's head may meet ("the minister" and every minister of a large corpus say little).
MAX_DESCRIPTION_BLOCK = 12
#: Shortest skeleton that is a key or a feature ("kn" is Kenya and Okonjo).
MIN_SKELETON = 4
#: Coarse entity types, in feature order.
TYPES = ("PERSON", "ORG", "GPE", "NORP", "OTHER")
_COARSE = {"PERSON": "PERSON", "ORG": "ORG", "EVENT": "ORG", "MISC": "OTHER", "GPE": "GPE", "LOC": "GPE",
           "FAC": "GPE", "NORP": "NORP"}
#: Words too common in names to block on (articles, particles, honorifics are short or listed here).
_STOP_WORDS = frozenset({"the", "and", "for", "of", "mr", "mrs", "ms", "dr", "von", "van", "der", "del", "los", "las"})
#: Velar and glottal consonants that romanisations swap (Hnatiuk/Gnatyuk, Daqalo/Dagalo, Khaled/Haled).
_VELARS = re.compile(r"[ghqcx]")
#: Letters a loose skeleton drops: vowels and the glides and v/u/w that spellings trade (Lindqvist/Lindquist).
_LOOSE_DROP = re.compile(r"[aeiouyjvw]")


@functools.lru_cache(maxsize=65536)
def loose_skeleton(text: str) -> str:
    """Consonants of a name's transliteration key, velars as one letter, glides dropped ("Gnatyuk" → "kntk")."""
    key = "".join(name_key(w) for w in fold(text).split())
    return _LOOSE_DROP.sub("", _VELARS.sub("k", key))


#: French and German spellings of the "sh" sound that English, Arabic and Persian romanisations write "sh"
#: (Abou Chakra ~ Abu Shakra, Achraf ~ Ashraf, Schulz ~ Shulz); the skeleton reads "ch" as two velars.
_SIBILANT = re.compile(r"t?sch|tch|ch")


def sibilant_skeleton(text: str) -> str:
    """``loose_skeleton`` with "ch"/"sch"/"tch" read as "sh" ("Chakra" → "skkr", as "Shakra"); the plain
    skeleton when the name has none of them."""
    return loose_skeleton(_SIBILANT.sub("sh", fold(text)))


@functools.cache
def _formal_forms() -> dict[str, frozenset[str]]:
    from storyline.data import load

    out: dict[str, set[str]] = defaultdict(set)
    for formal, shorts in load("nicknames")["nicknames"].items():
        for short in shorts:
            out[fold(short)].add(fold(formal))
    return {k: frozenset(v) for k, v in out.items()}


#: Articles, prepositions and conjunctions of the languages ``glosses`` reads, dropped from a glossed name
#: ("Universiteti i Prishtinës", "Armija na Republika", "Agencija za komunikacije", "Forsvar og sikkerhet")
FOREIGN_STOP = frozenset({"da", "do", "dos", "das", "della", "delle", "dei", "di", "du", "le", "les", "el", "los",
                          "las", "der", "die", "den", "fur", "und", "y", "e", "et", "van", "het", "voor", "l", "d",
                          "i", "te", "na", "za", "og", "och", "ja", "ba", "din"})
#: Shortest common beginning of two words of organisation names read as one word inflected ("Helsinki" and the
#: genitive "Helsingin", "Prishtina" and "Prishtinës"), when it is also most of the shorter word (``PREFIX_SHARE``)
MIN_WORD_PREFIX = 5
PREFIX_SHARE = 0.7
#: Organisations that share a name word are compared only in blocks of at most this many ("university", "ministry")
MAX_ORG_WORD_BLOCK = 24


def org_words(name: str) -> tuple[str, ...]:
    """The content words of an organisation's name, each glossed into English when it is a common institution word
    of another language ("Fudbalski savez Srbije" → association, football, srbije), sorted."""
    return tuple(sorted({gloss(w) or w for w in content_words(name) if w not in FOREIGN_STOP}))


@functools.lru_cache(maxsize=65536)
def words_agree(x: str, y: str) -> bool:
    """Two folded name words that are one word spelled or inflected otherwise: equal, with a long common beginning
    ("helsinki"/"helsingin"), or one transliteration skeleton ("tashkent"/"toshkent", "serbia"/"srbije")."""
    if x == y:
        return True
    if min(len(x), len(y)) < 4:
        return False
    n = 0
    for cx, cy in zip(x, y):
        if cx != cy:
            break
        n += 1
    if n >= MIN_WORD_PREFIX and n >= PREFIX_SHARE * min(len(x), len(y)):
        return True
    sx = loose_skeleton(x)
    return len(sx) >= 3 and sx == loose_skeleton(y)


def org_cover(a: Sequence[tuple[str, ...]], b: Sequence[tuple[str, ...]]) -> tuple[float, float, float]:
    """How two organisations' names share words, over their glossed names (``org_words``): (share of the shorter
    name's words the other holds, share of the longer's, distinctive words shared — not a generic institution
    word of ``glosses`` —, at most two, halved); the best pair of names. "Health Ministry" ~ "Ministry of Health
    and Social Protection" (1, 0.5, 0), "Dunav" ~ "FK Dunav" (1, 0.5, 0.5), "Helsinki University Hospital" ~
    "Helsingin yliopistollinen sairaala" (1, 1, 0.5)."""
    generic = frozenset(glosses().values())
    best = (0.0, 0.0, 0.0)
    for wa in a:
        for wb in b:
            if not wa or not wb:
                continue
            short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
            hit_short = [w for w in short if any(words_agree(w, v) for v in long_)]
            hit_long = sum(any(words_agree(w, v) for v in short) for w in long_)
            distinct = sum(w not in generic for w in hit_short)
            best = max(best, (len(hit_short) / len(short), hit_long / len(long_), min(distinct, 2) / 2))
    return best


#: Languages whose names of countries a body's own name may hold, for the translated head-word key: pycountry's
#: translations of the languages news copy names bodies in ("Lietuvos Aukščiausiasis Teismas", "Magyar Nemzeti Bank")
COUNTRY_LANGUAGES = ("es", "fr", "pt", "it", "de", "nl", "pl", "cs", "ro", "sv", "tr", "id", "lt", "lv", "et", "fi",
                     "hu", "da", "nb_NO", "hr", "sr@latin", "bs", "sl", "sk", "sq", "el", "sw", "ms", "is")
#: Shortest country word read by its beginning as an inflected form ("Lietuvos" of "Lietuva", "Lithuanian")
MIN_COUNTRY_STEM = 5
#: Letters an inflected country word may add past the common beginning ("Lietuv-os", "Lithuania-n")
MAX_COUNTRY_ENDING = 2


@functools.cache
def _country_words() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """(folded country word → ISO code: the knowledge base's names, demonyms and aliases and pycountry's names in
    ``COUNTRY_LANGUAGES``; the one-word ones of at least ``MIN_COUNTRY_STEM`` letters by their first letters)."""
    exact = dict(foreign_country_names(COUNTRY_LANGUAGES, 4))
    exact.update(load_kb().country_words)
    stems: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for word, code in exact.items():
        if " " not in word and len(word) >= MIN_COUNTRY_STEM and word.isalpha():
            stems[word[:MIN_COUNTRY_STEM]].append((word, code))
    return exact, stems


def _country_stem(word: str) -> str | None:
    """The country a folded word names inflected: its beginning is a country word but for its last letter or
    ending ("lietuvos" ~ "lietuva", "lithuanian" ~ "lithuania"), not a longer word that opens alike ("georgetown")."""
    if len(word) < MIN_COUNTRY_STEM:
        return None
    codes = set()
    for known, code in _country_words()[1].get(word[:MIN_COUNTRY_STEM], ()):
        n = 0
        for cx, cy in zip(word, known):
            if cx != cy:
                break
            n += 1
        short, long_ = sorted((len(word), len(known)))
        if n >= short - 1 and long_ - n <= MAX_COUNTRY_ENDING:
            codes.add(code)
    return codes.pop() if len(codes) == 1 else None


def named_countries(names: Sequence[str], *, inflected: bool = True) -> frozenset[str]:
    """The countries an organisation's names name, in English or in another language, inflected or not ("Supreme
    Court of Lithuania", "Lietuvos Aukščiausiasis Teismas": LTU). ``inflected=False`` reads only the words that
    are a country's name or demonym as they stand: an inflected reading also takes a place named after a country
    ("Indiana" of "India"), too unsure for a rule. The longest country name is read, not the ones inside it: "South
    Sudan" names South Sudan alone, not Sudan too, "Papua New Guinea" not Guinea."""
    exact = _country_words()[0]
    out: set[str] = set()
    for name in names:
        words = [w for w in fold(re.sub(r"['’]s\b", "", name)).split() if w not in FOREIGN_STOP and w != "the"]
        i = 0
        while i < len(words):
            n = next((n for n in (3, 2, 1) if i + n <= len(words) and " ".join(words[i:i + n]) in exact), 0)
            if n:
                out.add(exact[" ".join(words[i:i + n])])
            elif inflected and (code := _country_stem(words[i])):
                out.add(code)
            i += max(n, 1)
    return frozenset(out)


def head_words(org: Sequence[tuple[str, ...]]) -> frozenset[str]:
    """The generic institution words of an organisation's glossed names (``glosses``' English words: "court",
    "supreme", "ministry"), whatever language the name was written in."""
    generic = frozenset(glosses().values())
    return frozenset(w for ws in org for w in ws if w in generic)


def first_surnames(given: str) -> list[str]:
    """Words after the first given name that are no known given names ("Restrepo" of "Álvaro Restrepo" in "Álvaro
    Restrepo Londoño"): Spanish and Portuguese names carry a first surname there, which a short form may keep."""
    return [p for p in split_given(given)[1:] if len(p) >= 3 and fold(p) not in given_names()]


def _contained(single: str, other: str) -> tuple[float, float, float]:
    """Where a one-word name stands in a longer one: (first word, last word, after "of"/"for"/"de")."""
    words = fold(other).split()
    w = fold(single)
    if len(words) < 2 or " " in w or w not in words:
        return 0.0, 0.0, 0.0
    k = words.index(w)
    return float(k == 0), float(k == len(words) - 1), float(k > 0 and words[k - 1] in ("of", "for", "de", "del"))


@functools.lru_cache(maxsize=65536)
def _acronym(name: str) -> str:
    """``acronym_of``, cached: a popular actor's names come back in every article."""
    return acronym_of(name)


def _type(e: Entity) -> str:
    return _COARSE.get(e.type, "OTHER")


@dataclass
class Info:
    """What the keys and features read of one entity, computed once."""
    names: list[str]
    folded: set[str]
    words: set[str]
    person: bool
    given: str = ""
    surname: str = ""
    single: bool = False
    generation: str | None = None
    #: linked to a knowledge-base entry (a lone word the KB knows is what the KB says, not a surname)
    known: bool = False
    #: an unnamed description or group ("the prime minister", "the commission"), never merged by its name
    generic: bool = False
    #: the words a description's head may match: of a description, its folded name; of a person, the role
    #: phrase before "of" ("prime minister" of "Prime Minister of Japan"); of an organisation, its name words
    role: str = ""
    keys: set[tuple[str, str]] = field(default_factory=set)
    #: the second key of a large surname block (``given_letters``); empty: meets every holder of the block
    letters: frozenset[str] = frozenset()
    #: of an organisation (by type, not read as a person), its names' glossed words (``org_words``)
    org: list[tuple[str, ...]] = field(default_factory=list)
    #: of an organisation's description, the name words its head's kind fits (``description_kinds``)
    kinds: frozenset[str] = frozenset()
    #: of an organisation's description, heads of other sectors that make a name another kind (``unlike_heads``)
    unlike: frozenset[str] = frozenset()
    #: of an organisation's description, the words before its head that may be words of the body's name ("tram" of
    #: "the tram operator", "baker" of "the bakers' union"; ``description_modifiers``), in the singular
    mods: frozenset[str] = frozenset()
    #: of a person, "f" or "m" when a name says it (``person_gender``), else empty
    gender: str = ""
    #: of an organisation, its names' generic institution words in English (``head_words``)
    heads: frozenset[str] = frozenset()
    #: of an organisation, its country and those its names name (``named_countries``)
    countries: frozenset[str] = frozenset()


def is_description(name: str) -> bool:
    """"The union", "the Orvado-based lender": an article and common words (a hyphenated modifier may open with a
    place), what a description joined to a named body leaves among its aliases."""
    words = name.split()
    return len(words) >= 2 and words[0].lower() == "the" and all(
        w[:1].islower() or ("-" in w and w.split("-")[-1][:1].islower()) for w in words[1:])


@functools.cache
def kind_words() -> dict[str, frozenset[str]]:
    """An organisation description's head → the folded words of the names it calls so, itself included ("carrier":
    airlines, airways, air, shipping, lines; ``name_word_table``)."""
    return {h: frozenset(fold(w) for w in ws) for h, ws in name_word_table().items()}


@functools.cache
def _kind_name_words() -> frozenset[str]:
    return frozenset(w for ws in kind_words().values() for w in ws)


def description_kinds(name: str) -> frozenset[str]:
    """The name words an organisation's description fits by its head's kind ("the Orvado-based carrier" → airlines,
    airways, ...), the head itself excluded; empty for a head with no kind."""
    words = fold(name).split()
    if not words:
        return frozenset()
    head = singular(words[-1])
    return kind_words().get(head, frozenset()) - {words[-1], head}


#: Words before a description's head that say nothing of the body's name ("the state mining company", "the
#: region's main clinic", "the former operator")
_VAGUE_MODIFIERS = frozenset({"the", "its", "their", "his", "her", "this", "that", "state", "main", "former", "new",
                              "local", "capital", "country", "city", "town", "island", "big", "biggest", "largest",
                              "small", "smaller", "old", "same", "whole", "entire", "only", "private", "public",
                              "northern", "southern", "eastern", "western", "central"})


def _bare(word: str) -> str:
    """A folded word without its possessive and other marks, in the singular ("bakers'" → "baker")."""
    return singular(re.sub(r"['’]s?$", "", word).strip(".,'’\"()"))


def description_modifiers(name: str) -> frozenset[str]:
    """The words of an organisation's description before its head that may be words of the body's name, in the
    singular: "the tram operator" → tram, "the bakers' union" → baker, "the national university" →
    national; not a place's "-based" form, a capitalised word or a word that says nothing of the name
    (``_VAGUE_MODIFIERS``)."""
    words = name.split()[:-1]
    out = set()
    for w in words:
        if "-" in w or (w[:1].isupper() and w.lower() not in ("the", "its", "their")):
            continue
        b = _bare(fold(w))
        if len(b) >= 4 and b.isalpha() and b not in _VAGUE_MODIFIERS and b not in _STOP_WORDS:
            out.add(b)
    return frozenset(out)


def description_modifier(a: Info, b: Info) -> bool:
    """A description of an organisation and a named organisation whose names hold a word the description puts before
    its head ("the tram operator" ~ "Northgate Tram Lines", "the bakers' union" ~ "Northgate Bakers' Trade
    Union"): as written or glossed, in the singular."""
    for desc, named in ((a, b), (b, a)):
        if desc.generic and not named.generic and desc.mods and not named.person and named.org:
            held = {_bare(w) for ws in named.org for w in ws} | {_bare(w) for w in named.words}
            if desc.mods & held:
                return True
    return False


def unlike_heads(name: str) -> frozenset[str]:
    """The heads of other sectors than a description's own, whose word in a name makes it another kind of body:
    "the company" is no "Department of Mining" though "mining" names companies."""
    words = fold(name).split()
    sector = org_sectors().get(singular(words[-1]), "") if words else ""
    if not sector:
        return frozenset()
    return frozenset(h for h, s in org_sectors().items() if s and s != sector)


def _kind_named(parts: Sequence[str]) -> bool:
    """A name of two or more words ending in a word organisations of some kind are named with ("Tullavik Mining",
    "Kestrel Airways") that does not open with a known given name: a body NER called a person ("Kwame Gold" opens
    with a given name and stays one)."""
    return len(parts) >= 2 and fold(parts[-1]) in _kind_name_words() and fold(parts[0]) not in given_names()


def person_gender(names: Sequence[str], given: str) -> str:
    """"f"/"m" by a gendered word of address before a lone surname ("Mr Nowak", an alias ``resolve.coref`` keeps),
    else by the first given name when ``data/given_names.yaml`` lists it under one sex; empty when neither says."""
    word_gender, name_gender = gender_lexicon()
    said = {word_gender[w] for n in names if len(ws := n.split()) == 2
            and (w := fold(ws[0])) in HONORIFICS and w in word_gender}
    if len(said) == 1:
        return said.pop()
    firsts = [given.split(maxsplit=1)[0], split_given(given)[0]] if split_given(given) else []
    return next((name_gender[f.lower()] for f in firsts if f.lower() in name_gender), "")


def info_of(e: Entity) -> Info:
    # a named body's description alias is no name of it: its head word would make every other article's
    # description of that kind a candidate of the body ("The union" beside a federation), which in a store fused
    # in batches drew other stories' descriptions to a stored body that a whole run keeps apart
    names = [n for n in dict.fromkeys([e.name, *e.aliases]) if e.generic or not is_description(n)] or [e.name]
    names = names[:MAX_NAMES]
    folded = {f for n in names if (f := fold(n))}
    words = {w for f in folded for w in f.split()}
    # NER calls an unfamiliar person an organisation or a place now and then ("Karin Lindqvist" ORG): a name
    # of two to four capitalised words unknown to the KB that opens with a known given name is read as a person's
    parts = e.name.split()
    # and a body named in a language it does not know a person ("Universiteti i Prishtinës", "Futbol
    # Federatsiyasy"): a common institution word of another language makes it an organisation here
    institution = e.type == "PERSON" and not e.generic and (foreign_institution_word(e.name) or _kind_named(parts))
    person = not institution and (e.type == "PERSON" or (
        not e.kb_id and not e.generic and 2 <= len(parts) <= 4 and all(w[:1].isupper() for w in parts)
        and fold(parts[0]) in given_names()))
    full = [n for n in names if split_person(n)[0]] if person else []
    given, surname = split_person(max(full, key=len)) if full else ("", split_person(e.name)[1] if person else "")
    # one word, or a surname behind a title ("Ms Lindqvist")
    single = len(fold(e.name).split()) == 1 or (person and not given and bool(surname) and " " not in surname)
    inf = Info(names=names, folded=folded, words=words, person=person, given=given, surname=surname,
               single=single, generation=generation(e.name) if person else None, known=bool(e.kb_id),
               generic=e.generic, gender=person_gender(names, given) if person or single else "")
    _description_keys(e, inf)
    if e.generic:
        return inf
    if given:
        inf.letters = given_letters(given)
    if (_type(e) == "ORG" or institution) and not person:
        # a word of an organisation's name, glossed, by its beginning and its skeleton: one body named in two
        # languages or inflected ("Helsinki University Hospital" ~ "Helsingin yliopistollinen sairaala"), or by
        # a short form ("Dunav" ~ "FK Dunav Novi Sad")
        inf.org = [ow for n in names if not looks_like_acronym(n) and (ow := org_words(n))]
        inf.heads = head_words(inf.org)
        inf.countries = named_countries(names) | ({e.country} if e.country else set())
        # a body named in its own language and in English whose distinctive words differ ("Lietuvos Aukščiausiasis
        # Teismas", "Supreme Court of Lithuania"): its head words in English with its country
        for h in inf.heads:
            for c in inf.countries:
                inf.keys.add(("t", f"{h}@{c}"))
        for ws in inf.org:
            for w in ws:
                if len(w) >= 4:
                    inf.keys.add(("c", w[:MIN_WORD_PREFIX]))
                    if len(sk := loose_skeleton(w)) >= 3:
                        inf.keys.add(("c", "~" + sk))
    for f in folded:
        inf.keys.add(("f", f))
        if len(sk := loose_skeleton(f)) >= MIN_SKELETON:
            inf.keys.add(("k", sk))
        if "ch" in f and len(sk := sibilant_skeleton(f)) >= MIN_SKELETON:
            inf.keys.add(("k", sk))
    last = surname or (e.name if single else "")
    if last:
        core = re.split(r"[\s\-]+", fold(last))[-1] if fold(last) else ""
        for part in {fold(last), core}:
            sk = loose_skeleton(part)
            if len(sk) >= 2:
                inf.keys.add(("s", sk))
            # an h that one romanisation writes and another drops (Karimzadeh/Karimzade, Abdullah/Abdulla): the
            # skeleton of the name without any h (the skeleton itself reads h as a velar)
            if len(sk_h := loose_skeleton(part.replace("h", ""))) >= 3 and sk_h != sk:
                inf.keys.add(("s", sk_h))
            if len(sk) >= PREFIX_LEN + 2:
                inf.keys.add(("p", sk[:PREFIX_LEN]))
            if "ch" in part and len(sk_ch := sibilant_skeleton(part)) >= 2:
                inf.keys.add(("s", sk_ch))
    # any word of a name ("Tolosa" ~ "Real Club Deportivo Tolosa"), but of a person's full name only the
    # surname's: two people who share a given name are no candidates ("Ana Ruiz", "Ana Lopez"); a lone given
    # name meets the full name by the "g" key below
    for w in (fold(surname).split() if given else words):
        if len(w) >= 3 and w not in _STOP_WORDS:
            inf.keys.add(("w", w))
    # a person's name in the other order ("Zhang Wei", "Wei Zhang"; "Yamamoto Haruki"): which word is the
    # surname depends on the outlet, so the surname keys above miss it
    if person:
        for f in folded:
            if len(parts := f.split()) >= 2:
                inf.keys.add(("o", " ".join(sorted(parts))))
    # a one-word name may be a given name or a pet form of one ("Yulia", "Bobby"), whatever type NER gave it
    # a word between the given name and the last one may be a first surname ("Tomás Herrera Vidal" is
    # "Mr Herrera", "James Lado Wani" is "James Lado") unless it is a known given name
    for middle in split_given(given)[1:] if given and " " in given.strip() else []:
        if fold(middle) not in given_names() and len(sk := loose_skeleton(middle)) >= 2:
            inf.keys.add(("s", sk))
    # the first two given names: many people go by their second ("Muhammad Rizwan Qureshi" is "Rizwan"); a
    # lone word is read without its title ("Mr Herrera")
    firsts = split_given(given)[:2] if given else ([surname or e.name] if single else [])
    for g in firsts:
        fg = fold(g)
        if len(fg) >= 2:
            inf.keys.add(("g" if given else "g1", fg))
            for formal in _formal_forms().get(fg, ()):
                inf.keys.add(("g" if given else "g1", formal))
            # a pet form keeps the head of the name (Luizinho ~ Luiz, Rizzy ~ Rizwan, Hamouda ~ Hamdan): a lone
            # word meets the full names whose given name starts alike, never another lone word by it
            if len(head := name_key(g)[:3]) == 3:
                inf.keys.add(("h" if given else "h1", head))
    for n in names:
        letters = acronym_letters(n)
        if looks_like_acronym(n) and 2 <= len(letters) <= 8:
            inf.keys.add(("a1", letters))
        elif len(n.split()) >= 2:
            inf.keys.add(("a", _acronym(n)))
            if len(n.split()) >= 3:
                inf.keys.add(("a", _acronym(" ".join(n.split()[:-1]))))
            initials = "".join(w[0].upper() for w in re.findall(r"[A-Za-zÀ-ÿ]+", n))
            inf.keys.add(("a", initials))
            if len(caps := capital_initials(n)) >= 2:
                inf.keys.add(("a", caps))
    return inf


def _description_keys(e: Entity, inf: Info) -> None:
    """"d" keys: a description's head noun ("d1", the lone side) meets the people whose role phrase ends in it and
    the organisations whose names hold it ("the prime minister" ~ "Prime Minister Harriet Pembroke" in another
    article or before her name, "the commission" ~ "Independent National Electoral Commission"); a description
    is otherwise never compared, as its name is no name."""
    if e.generic:
        words = fold(e.name).split()
        if words and e.type in ("PERSON", "ORG") and len(words[-1]) >= 4:
            inf.role = " ".join(words)
            inf.keys.add(("d1", words[-1]))
            if e.type == "ORG":
                # and the names its kind calls so: "the carrier" meets "Osprey Bay Airways" in another article
                inf.kinds = description_kinds(e.name)
                inf.unlike = unlike_heads(e.name)
                inf.keys.update(("d1", w) for w in inf.kinds if len(w) >= 3)
                inf.mods = description_modifiers(e.name)
                inf.keys.update(("d1", w) for w in inf.mods)
        return
    if inf.person and e.role:
        phrase = fold(re.split(r"\bof\b", e.role.lower())[0])
        if phrase and len(phrase.split()[-1]) >= 4:
            inf.role = phrase
            inf.keys.add(("d", phrase.split()[-1]))
    elif (e.type == "ORG" or foreign_institution_word(e.name)) and not inf.person:
        # its words as written and glossed ("Aerolíneas" is "airlines"), and a kind word of three letters ("Air")
        glossed = {w for n in inf.names for w in org_words(n)}
        for w in inf.words | glossed:
            if (len(w) >= 4 or (len(w) == 3 and w in _kind_name_words())) and w not in _STOP_WORDS:
                inf.keys.add(("d", w))
                # and in the singular without marks, as a description's modifiers are read ("Bakers'" ~ "the
                # bakers' union")
                if len(b := _bare(w)) >= 4:
                    inf.keys.add(("d", b))



def description_kind(a: Info, b: Info) -> bool:
    """A description of an organisation and a named entity whose names hold a word of the description's kind and
    not its head ("the carrier" ~ "Osprey Bay Airways", "the miner" ~ "Minera Orvado Norte")."""
    for desc, named in ((a, b), (b, a)):
        if desc.generic and not named.generic and desc.kinds and not named.person \
                and any(("d", w) in named.keys for w in desc.kinds) and not desc.unlike & named.words:
            return True
    return False


def description_head(a: Info, b: Info) -> tuple[bool, bool]:
    """(a description's head is the other's role head or a word of its name, the description's words end with
    the other's whole role phrase) for a description and a named entity; (False, False) for other pairs."""
    for desc, named in ((a, b), (b, a)):
        if desc.generic and not named.generic and desc.role:
            head = desc.role.split()[-1]
            if ("d", head) in named.keys:
                phrase = named.role
                return True, bool(phrase) and (desc.role == phrase or desc.role.endswith(" " + phrase))
    return False, False


def given_letters(given: str) -> frozenset[str]:
    """The first letters a person's first two given names may be written with: as written, of their
    transliteration key and of its consonants (Yulia, Julia and Iulia share "l"; Khaled and Haled "k"), and
    the same of their formal forms (Bobby ~ Robert). Two people of one large surname block are compared only
    when these meet."""
    out: set[str] = set()
    for g in split_given(given)[:2]:
        fg = fold(g)
        for form in (fg, *_formal_forms().get(fg, ())):
            for text in (form, name_key(form), loose_skeleton(form)):
                if text:
                    out.add(text[0])
    return frozenset(out)


def _split_pairs(block: list[int], infos: Sequence[Info]) -> set[tuple[int, int]]:
    """The pairs of a large surname block that share a given-name letter, and every pair with a holder that
    has no given name (``SPLIT_BLOCK``)."""
    bare: list[int] = []
    by_letter: dict[str, list[int]] = defaultdict(list)
    for i in block:
        if infos[i].letters:
            for c in infos[i].letters:
                by_letter[c].append(i)
        else:
            bare.append(i)
    pairs: set[tuple[int, int]] = set()
    for i in bare:
        pairs.update((min(i, j), max(i, j)) for j in block if j != i)
    for sub in by_letter.values():
        for pos, i in enumerate(sub):
            pairs.update((min(i, j), max(i, j)) for j in sub[pos + 1:])
    return pairs


def candidate_pairs(infos: Sequence[Info], members: Sequence[int], rule_root: Sequence[int]) -> list[tuple[int, int]]:
    """Pairs of ``members`` that share a blocking key (see the module doc), each once, ``i < j``."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in members:
        for key in infos[i].keys:
            blocks[key].append(i)
        blocks[("r", str(rule_root[i]))].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, block in blocks.items():
        if key[0] in _LONE_SIDE:
            continue
        if key[0] in _ASYMMETRIC:
            lone = blocks.get((key[0] + "1", key[1]), [])
            # each lone word meets at most MAX_BLOCK full forms: pairs grow with the lone words
            if len(block) <= (MAX_DESCRIPTION_BLOCK if key[0] == "d" else MAX_BLOCK):
                pairs.update((min(i, j), max(i, j)) for i in block for j in lone if i != j)
            continue
        if len(block) < 2 or (key[0] in ("c", "t") and len(block) > MAX_ORG_WORD_BLOCK):
            continue
        if len(block) > MAX_BLOCK:
            if key[0] in ("r", "f"):
                # a group the rules formed, a name written alike: linked through its first holder
                pairs.update((min(block[0], j), max(block[0], j)) for j in block[1:])
            continue
        if len(block) > SPLIT_BLOCK and key[0] in _SPLIT_KEYS:
            pairs.update(_split_pairs(block, infos))
            continue
        for pos, i in enumerate(block):
            pairs.update((min(i, j), max(i, j)) for j in block[pos + 1:])
    return sorted(pairs)


def sole_partners(pairs: Sequence[tuple[int, int]], infos: Sequence[Info | None],
                  group_of: Sequence[int]) -> set[int]:
    """The descriptions whose judged pairs all reach one group of named entities (``group_of``: the rules' groups):
    "the carrier" in a corpus that names one airline, under however many spellings the rules joined. In a corpus of
    many stories a description's kind meets several bodies and is no evidence of which; a store's update finds every
    stored body its keys name, the ones a whole run would pair it with."""
    reached: dict[int, dict[int, Info]] = defaultdict(dict)
    for i, j in pairs:
        a, b = infos[i], infos[j]
        if a is None or b is None or a.generic == b.generic:
            continue
        d, n = (i, j) if a.generic else (j, i)
        reached[d].setdefault(group_of[n], infos[n])  # type: ignore[arg-type]
    out = set()
    for d, groups in reached.items():
        # groups whose names are one body's in two languages or forms ("Aerolíneas Quelmira", "Quelmira Airlines":
        # the matcher's own organisation test) are one body here, as a store holds them as one entity
        reps = list(groups.values())
        if all(org_pair(reps[0], other) for other in reps[1:]):
            out.add(d)
    return out


def in_scope(a: Info, b: Info) -> bool:
    """The pairs the matcher judges: two people (by type, or by a name that opens with a known given name),
    two entities written alike whatever types NER gave them, or a lone word the KB does not know beside a
    person whose surname it spells (NER calls a bare surname an organisation or a place now and then:
    "Lindqvist" ORG, "Salcedo" GPE beside "Aurelio Salcedo"). A lone word inside an organisation's name
    ("Velmar" in "University of Velmar") is left to the rules: the training stories seldom show the many
    places and bodies a real corpus names after one another."""
    if a.generic or b.generic:
        # a description is judged against the named entities its head or its kind fits, never against another
        # description
        return description_head(a, b)[0] or description_kind(a, b)
    if a.person and b.person and not (a.folded & b.folded):
        return not (unnamed_by(a, b) or unnamed_by(b, a))
    return (a.person and b.person) or bool(a.folded & b.folded) or lone_surname(a, b) or lone_surname(b, a) \
        or lone_given(a, b) or lone_given(b, a) or org_pair(a, b) or translated_pair(a, b)


def translated_pair(a: Info, b: Info) -> bool:
    """Two organisations of one country whose names hold the same generic institution words in English
    (``head_words``): one body named in its own language and in English ("Lietuvos Aukščiausiasis Teismas",
    "Supreme Court of Lithuania"), or two bodies of one kind in one country, which the matcher tells apart."""
    return bool(a.org and b.org and a.heads and a.heads == b.heads and a.countries & b.countries)


def _generic_forms(names: Sequence[str]) -> dict[str, set[str]]:
    """English gloss → the folded forms a body's names write it in ("court" → {"tribunal"}, "mining" → {"minera"})."""
    out: dict[str, set[str]] = defaultdict(set)
    for n in names:
        if looks_like_acronym(n):
            continue
        for w in content_words(n):
            if w not in FOREIGN_STOP and (g := gloss(w)):
                out[g].add(w)
    return out


@functools.lru_cache(maxsize=65536)
def _distinctive(org: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """The words of an organisation's glossed names that are neither generic institution words nor a country's:
    what tells one ministry, court or mining company of a kind from another ("Huaylas", "Viljandi", "administrative");
    cached, as a body's names come back in every pair it is judged in."""
    generic = frozenset(glosses().values())
    return frozenset(w for ws in org for w in ws if len(w) >= 3 and w not in generic and not named_countries([w]))


def _unmatched(xs: frozenset[str], ys: Sequence[tuple[str, ...]]) -> bool:
    """Whether some word of ``xs`` agrees with no word of the glossed names ``ys`` (``words_agree``)."""
    other = {w for ws in ys for w in ws}
    return any(not any(words_agree(x, y) for y in other) for x in xs)


def two_languages(a: Info, b: Info) -> bool:
    """Two organisations' names write a generic institution word they share each in its own language ("Compañía
    Minera X" / "X Mining Company": "minera" and "mining"; "Tribunal Supremo" / "Supreme Court")."""
    fa, fb = _generic_forms(a.names), _generic_forms(b.names)
    return any(not (fa[g] & fb[g]) for g in fa.keys() & fb.keys())


def org_body_relation(a: Info, b: Info) -> tuple[bool, bool]:
    """(one body named in two languages, two bodies of one kind) of two organisations, read from their glossed names
    and countries. One body: a generic word written in two languages (``two_languages``), no two countries, no
    distinctive word or generic word of another field on both sides that the other lacks (one name's generic words
    all among the other's: the kind and field, "ministry", "health"; "court", "supreme"), and a distinctive word or
    two generic ones shared ("Compañía Minera Huaylas" / "Huaylas Mining", "Viljandi Maakohus" / "Viljandi County
    Court"). Two bodies of one kind: generic words of one kind with two countries ("Ministry of Defence of Latvia" /
    "... of Estonia", "Ministerio de Salud" of Ecuador and "Ministry of Health" of Colombia), or each name with a
    distinctive word the other lacks ("Viljandi County Court" / "Valga County Court"). Most pairs that share a kind
    in a corpus of many stories are the second; the first is what an own-language and an English article write of
    one body."""
    if not (a.org and b.org and a.heads and b.heads):
        return False, False
    country_clash = bool(a.countries and b.countries and not a.countries & b.countries)
    # each name says something the other does not: a distinctive word, or a generic one of another field ("Agencia
    # Nacional de Hidrocarburos" / "National Mining Agency"); one side's extra words alone are a longer form of it
    # ("Compañía Minera X" / "X Mining", "X Maakohus" / "X County Court")
    da, db = _distinctive(tuple(a.org)), _distinctive(tuple(b.org))
    qualifier_clash = (_unmatched(da, b.org) or bool(a.heads - b.heads)) and \
        (_unmatched(db, a.org) or bool(b.heads - a.heads))
    # and something names this body rather than the kind: a distinctive word both hold, or two or more generic words
    # shared ("Tribunal Supremo" / "Supreme Court" of one country); a lone "Tribunal" says only the kind
    named = any(words_agree(x, y) for x in da for y in db) or len(a.heads & b.heads) >= 2
    one = named and not country_clash and not qualifier_clash and two_languages(a, b)
    kind = a.heads <= b.heads or b.heads <= a.heads
    return one, kind and (country_clash or qualifier_clash)


def unnamed_by(a: Info, b: Info) -> bool:
    """``a`` is one word (or a surname behind a title) and ``b`` a full name it spells neither the surname nor a
    first surname of, nor one of the first two given names or a short form of them (many people go by their
    second: "Karim" of "Abdul Karim Haidari"): "Chhabra" met "Chakradev Pillai" by the head of a pet form only, and
    is no name of his (judged, such pairs drew a lone surname to a stranger of its country)."""
    if not (a.single and not a.given and b.given and b.surname):
        return False
    words = {w for w in (a.names[0], a.surname) if w}
    givens = [b.given, *split_given(b.given)[:2]]
    return not any(surnames_match(w, b.surname) or any(surnames_match(w, m) for m in first_surnames(b.given))
                   or any(given_name_match(w, g) for g in givens) or gendered_forms(w, b.surname) for w in words)


#: Share of the shorter organisation name's words the other must hold for the pair to be judged (``org_pair``)
MIN_ORG_COVER = 0.5


def org_pair(a: Info, b: Info) -> bool:
    """Two organisations whose names share at least half the shorter one's glossed words (``org_cover``), all of
    them or a distinctive one: "Ministry of Health" and "Ministry of Finance" share only a generic word, and such
    pairs, many in any corpus, are left to the rules (judged, they outnumbered the people's pairs in training)."""
    if not (a.org and b.org):
        return False
    short, _, distinct = org_cover(a.org, b.org)
    return short >= MIN_ORG_COVER and (short == 1.0 or distinct > 0)


def lone_surname(a: Info, b: Info) -> bool:
    """``a`` is one word, not a person by type, unknown to the KB, and a spelling of person ``b``'s surname."""
    return (a.single and not a.person and not a.known and not a.given and b.person and bool(b.surname)
            and surnames_match(a.names[0], b.surname))


def lone_given(a: Info, b: Info) -> bool:
    """``a`` is one word, not a person by type, unknown to the KB, and person ``b``'s first given name: where people
    are called by their given name ("Kurniawan" GPE beside "Kurniawan Prasetyo", a Thai or Ethiopian name)."""
    return (a.single and not a.person and not a.known and not a.given and b.person and bool(b.given)
            and fold(a.names[0]) == fold(split_given(b.given)[0]))


def shares_key(a: Info, b: Info) -> bool:
    """Whether two entities meet in some block, block sizes aside (blocking recall is measured by it)."""
    for kind, value in a.keys:
        if kind in _ASYMMETRIC:
            other = (kind + "1", value)
        elif kind in _LONE_SIDE:
            other = (kind[:-1], value)
        else:
            other = (kind, value)
        if other in b.keys:
            return True
    return False


FEATURES = (
    "rule_same", "kb_same", "kb_conflict", "kb_one", "country_same", "country_conflict", "gen_conflict",
    "gen_one", "name_ratio", "name_token_set", "word_jaccard", "folded_equal", "skeleton_equal",
    "surname_ratio", "surname_match", "surname_skeleton_equal", "both_given", "given_match", "given_conflict",
    "nickname", "persons_match", "single_is_surname", "single_is_given", "acronym", "content_equal",
    "content_subset", "role_same", "role_conflict", "same_doc", "log_mentions_min", "log_mentions_max",
    "single_first", "single_last", "single_after_of", "single_place", "multi_person", "single_a_or_b", "words_max",
    "description_head", "description_phrase", "lone_surname", "org_both", "org_cover_short", "org_cover_long",
    "org_distinct", "org_all", "surname_gendered", "description_kind", "description_sole", "description_modifier",
    "org_one_body", "org_two_of_kind", "surname_one_edit",
    *(f"type_{a}_{b}" for n, a in enumerate(TYPES) for b in TYPES[n:]),
)


def _ratio(names_a: Sequence[str], names_b: Sequence[str], scorer: Any) -> float:
    return max((scorer(x, y) for x in names_a for y in names_b), default=0.0) / 100.0


def busiest_article(e: Entity) -> int:
    """The most mentions ``e`` has in one article (at least 1): what a stored entity and its articles' copies say
    alike, where a count over all its articles grows with the store."""
    return max(Counter(m.doc for m in e.mentions).values(), default=1)


def pair_features(a: Entity, b: Entity, ia: Info, ib: Info, *, rule_same: bool, same_doc: bool,
                  sole: bool = False, mentions: tuple[int, int] | None = None) -> list[float]:
    """The feature row of one candidate pair, in ``FEATURES`` order; ``sole``: of a description and a named entity,
    the named entity's group is the only one the description is judged against (``sole_partners``); ``mentions``:
    the two sides' mention counts (``busiest_article`` over each side's certain group; by default each entity's
    own)."""
    fa, fb = sorted(ia.folded), sorted(ib.folded)
    sa, sb = fold(ia.surname), fold(ib.surname)
    single_a = not ia.given and ia.single
    single_b = not ib.given and ib.single
    both_given = bool(ia.given and ib.given)
    g_match = both_given and given_match(ia.given, ib.given)
    nick = both_given and any(is_short_form(x, y) or is_short_form(y, x)
                              for x in split_given(ia.given)[:1] for y in split_given(ib.given)[:1])
    pm = ia.person and ib.person and any(persons_match(x, y) for x in ia.names for y in ib.names
                                         if split_person(x)[0] and split_person(y)[0])
    single_surname = single_given = False
    for s_inf, other in ((ia, ib), (ib, ia)):
        if not s_inf.given and s_inf.single and other.surname:
            one = s_inf.names[0]
            # "Restrepo" ~ "Álvaro Restrepo Londoño": a first surname before the second is a surname too
            single_surname |= surnames_match(one, other.surname) or any(
                surnames_match(one, m) for m in first_surnames(other.given))
            single_given |= bool(other.given) and given_name_match(one, other.given)
    acr = any((looks_like_acronym(x) and is_acronym_for(x, y) and not expanded_otherwise(x, y, ia.names))
              or (looks_like_acronym(y) and is_acronym_for(y, x) and not expanded_otherwise(y, x, ib.names))
              for x in ia.names for y in ib.names)
    ca, cb = content_words(a.name), content_words(b.name)
    shorter, longer = (a, b) if len(fold(a.name).split()) <= len(fold(b.name).split()) else (b, a)
    contained = _contained(shorter.name, longer.name)
    ta, tb = sorted((TYPES.index(_type(a)), TYPES.index(_type(b))))
    type_hot = [float(ta == x and tb == y) for n, _ in enumerate(TYPES) for x, y in [(n, m) for m in
                                                                                      range(n, len(TYPES))]]
    na, nb = mentions if mentions is not None else (busiest_article(a), busiest_article(b))
    sk_a = {sk for f in fa if len(sk := loose_skeleton(f)) >= MIN_SKELETON}
    sk_b = {sk for f in fb if len(sk := loose_skeleton(f)) >= MIN_SKELETON}
    row = [
        float(rule_same),
        float(bool(a.kb_id) and a.kb_id == b.kb_id),
        float(bool(a.kb_id and b.kb_id) and a.kb_id != b.kb_id),
        float(bool(a.kb_id) != bool(b.kb_id)),
        float(bool(a.country) and a.country == b.country),
        float(bool(a.country and b.country) and a.country != b.country),
        float(bool(ia.generation and ib.generation) and ia.generation != ib.generation),
        float(bool(ia.generation) != bool(ib.generation)),
        _ratio(fa, fb, fuzz.ratio),
        _ratio(fa, fb, fuzz.token_set_ratio),
        len(ia.words & ib.words) / max(1, len(ia.words | ib.words)),
        float(bool(ia.folded & ib.folded)),
        float(bool(sk_a & sk_b)),
        fuzz.ratio(sa, sb) / 100.0 if sa and sb else 0.0,
        float(bool(sa and sb) and surnames_match(ia.surname, ib.surname)),
        float(bool(sa and sb) and len(loose_skeleton(sa)) >= 3 and loose_skeleton(sa) == loose_skeleton(sb)),
        float(both_given),
        float(g_match),
        float(both_given and not g_match),
        float(nick),
        float(pm),
        float(single_surname),
        float(single_given),
        float(acr),
        float(bool(ca) and ca == cb),
        float(bool(ca and cb) and (ca < cb or cb < ca)),
        float(bool(a.role) and a.role == b.role),
        float(bool(a.role and b.role) and a.role != b.role),
        float(same_doc),
        math.log(min(na, nb)),
        math.log(max(na, nb)),
        *contained,
        # a place or a people inside an organisation's name is where it is, not what it is
        float(bool(contained[0] or contained[2]) and _type(shorter) in ("GPE", "NORP")),
        float(bool(contained[0] or contained[1] or contained[2]) and (ib if shorter is a else ia).person),
        float(single_a or single_b),
        float(max(len(fold(a.name).split()), len(fold(b.name).split()))),
        *map(float, description_head(ia, ib)),
        float(lone_surname(ia, ib) or lone_surname(ib, ia)),
        float(bool(ia.org and ib.org)),
        *(cover := org_cover(ia.org, ib.org) if ia.org and ib.org else (0.0, 0.0, 0.0)),
        # every word of both names agrees: one name in two languages ("Centro Hospitalar do Alto Minho")
        float(cover[0] == 1.0 and cover[1] == 1.0),
        # "Stojanovska" beside "Petar Stojanovski": one family, two people
        float((ia.person or single_a) and (ib.person or single_b)
              and gendered_forms(ia.surname or ia.names[0], ib.surname or ib.names[0])),
        # "the carrier" beside "... Airways": a description whose head's kind the other's names say
        float(description_kind(ia, ib)),
        float(sole and (ia.generic != ib.generic)),
        float(description_modifier(ia, ib)),
        # one body in two languages, or two bodies of one kind (two countries, two distinctive names)
        *map(float, org_body_relation(ia, ib)),
        # "Abdulla Khalifa" / "Abdulla Khalifah": a surname one letter apart once transliterated, of two people or
        # a person and a lone word
        float((ia.person or single_a) and (ib.person or single_b)
              and surnames_one_edit(ia.surname or ia.names[0], ib.surname or ib.names[0])),
        *type_hot,
    ]
    return row


class Classifier(Protocol):
    def predict_proba(self, x: Any) -> Any: ...


@dataclass
class MatcherModel:
    """A trained pair classifier and the probability at which a pair is joined."""
    classifier: Classifier
    threshold: float
    features: tuple[str, ...]
    info: dict = field(default_factory=dict)


def default_model_path() -> Path:
    return Path(str(resources.files("storyline").joinpath("models", "entity_matcher.npz")))


@functools.lru_cache(maxsize=4)
def load_matcher(path: str = "") -> MatcherModel:
    """The model at ``path`` (default: the one shipped in the package), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds the model.
        ValueError: when the file was trained on other features than this module computes.
    """
    from storyline.cache import read_shipped_model

    data = read_shipped_model(
        path, default_model_path, on_problem="raise", features=FEATURES,
        missing="no entity matcher model at {path}: run `make train` (or set entity_matcher='rules')",
        mismatch="entity matcher model {path} has other features than this version: run `make train`")
    return MatcherModel(classifier=data["classifier"], threshold=float(data["threshold"]),
                        features=tuple(data["features"]), info=data.get("info", {}))


class Union(Protocol):
    def find(self, i: int) -> int: ...
    def compatible(self, i: int, j: int) -> bool: ...
    def union(self, i: int, j: int) -> bool: ...


#: Full names a group keeps for the given-name cannot-link (a popular actor's spellings beyond this add little).
MAX_GROUP_NAMES = 8


def _names_clash(xs: Sequence[str], ys: Sequence[str]) -> bool:
    """Two people, one surname, given names that cannot be one person's ("Joshua Kiptoo", "E. Kiptoo"), or the
    masculine and feminine forms of one surname ("Petar Stojanovski", "Biljana Stojanovska")."""
    for x in xs:
        gx, sx = split_person(x)
        for y in ys:
            gy, sy = split_person(y)
            if (surnames_match(sx, sy) and not given_match(gx, gy) and not persons_match(x, y)) \
                    or gendered_forms(sx, sy):
                return True
    return False


def other_sex(s: int, f: int, full_names: Sequence[Sequence[str]], single: Sequence[bool],
              genders: Sequence[str]) -> bool:
    """A lone surname (``s``) whose word of address says one sex and a full name (``f``) whose given name says the
    other ("Mr Nowak", "Ewa Nowak"): never one person."""
    return bool(single[s] and full_names[f] and genders[s] and genders[f] and genders[s] != genders[f])


def _ambiguous_singles(groups: Union, pairs: Sequence[tuple[int, int]], probs: Sequence[float], threshold: float,
                       full_names: Sequence[Sequence[str]], single: Sequence[bool], genders: Sequence[str]) -> set[int]:
    """One-word names whose likely partners include two people that cannot be one (a partner of the other sex
    than the name's word of address says is none)."""
    partners: dict[int, dict[int, Sequence[str]]] = defaultdict(dict)
    for (i, j), p in zip(pairs, probs):
        if p < threshold:
            continue
        for s, f in ((i, j), (j, i)):
            if single[s] and full_names[f] and not other_sex(s, f, full_names, single, genders):
                partners[s].setdefault(groups.find(f), full_names[f])
    out = set()
    for s, by_group in partners.items():
        named = list(by_group.values())[:MAX_GROUP_NAMES]
        if any(_names_clash(x, y) for pos, x in enumerate(named) for y in named[pos + 1:]):
            out.add(s)
    return out


def join_best_first(groups: Union, pairs: Sequence[tuple[int, int]], probs: Sequence[float], threshold: float,
                    doc_of: Sequence[str], full_names: Sequence[Sequence[str]], single: Sequence[bool],
                    same_doc_cannot_link: bool = True, genders: Sequence[str] | None = None) -> None:
    """Average-link over the scored pairs: the two groups whose scored pairs average highest are joined
    first, while that average is at least ``threshold`` (pairs no key brought together do not count).
    One strong pair cannot chain a place into every organisation named after it: the organisations'
    own low pairs pull the average down.

    Never joined, besides the union's cannot-links: people whose given names disagree under one surname
    (``full_names`` per entity); two groups that each hold an entity of a document, different entities
    the document's own resolver kept apart, unless a pair links those two directly; a one-word name
    (``single``) and the people it could name when two such people are likely ("Lindqvist" beside Maria
    and Tomas Lindqvist: its pairs count as 0); a one-word name and a person of the other sex than its word of
    address (``genders`` per entity, ``person_gender``: "Mr Nowak" and "Ewa Nowak")."""
    genders = genders if genders is not None else [""] * len(single)
    ambiguous = _ambiguous_singles(groups, pairs, probs, threshold, full_names, single, genders)
    # between two groups: [sum of probabilities, number of scored pairs, pairs of one document's entities]
    links: dict[int, dict[int, list]] = defaultdict(dict)
    docs: dict[int, dict[str, int]] = {}
    names: dict[int, list[str]] = {}
    for (i, j), p in zip(pairs, probs):
        a, b = groups.find(i), groups.find(j)
        if a == b:
            continue
        if (i in ambiguous and full_names[j]) or (j in ambiguous and full_names[i]) \
                or other_sex(i, j, full_names, single, genders) or other_sex(j, i, full_names, single, genders):
            p = 0.0
        link = links[a].setdefault(b, [0.0, 0, set()])
        links[b][a] = link
        link[0] += p
        link[1] += 1
        if doc_of[i] == doc_of[j] and p >= threshold:
            link[2].add(doc_of[i])
    for i in sorted({x for p in pairs for x in p}):
        root = groups.find(i)
        docs.setdefault(root, {}).setdefault(doc_of[i], i)
        kept = names.setdefault(root, [])
        kept.extend(n for n in full_names[i] if n not in kept and len(kept) < MAX_GROUP_NAMES)
    heap = [(-link[0] / link[1], a, b) for a, nbrs in links.items() for b, link in nbrs.items() if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < threshold:
            break
        current = links.get(a, {}).get(b)
        if current is None or groups.find(a) != a or groups.find(b) != b or current[0] / current[1] != -neg:
            continue   # a stale entry: one side was joined since, or the average moved
        if not groups.compatible(a, b) or _names_clash(names[a], names[b]):
            continue
        shared = docs[a].keys() & docs[b].keys()
        if same_doc_cannot_link and shared - current[2]:
            continue
        groups.union(a, b)
        root = groups.find(a)
        gone = b if root == a else a
        _absorb(links, root, gone)
        docs[root] = {**docs.pop(gone), **docs[root]}
        names[root] = (names[root] + [n for n in names.pop(gone) if n not in names[root]])[:MAX_GROUP_NAMES]
        for other, merged in links[root].items():
            heapq.heappush(heap, (-merged[0] / merged[1], min(root, other), max(root, other)))


def _absorb(links: dict[int, dict[int, list]], root: int, gone: int) -> None:
    """Fold the links of group ``gone`` into those of ``root`` (their sums and counts add up)."""
    links[root].pop(gone, None)
    for other, link in links.pop(gone, {}).items():
        if other == root:
            continue
        links[other].pop(gone, None)
        mine: list | None = links[root].get(other)
        if mine is None:
            links[root][other] = link
            links[other][root] = link
        else:
            mine[0] += link[0]
            mine[1] += link[1]
            mine[2] |= link[2]
