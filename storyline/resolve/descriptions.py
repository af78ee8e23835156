"""Definite descriptions ("the minister", "the 54-year-old", "The Frenchwoman", "the company") and the
entity named before them that each stands for.

``find_descriptions`` spots the descriptions of a text: "the/The" + up to three modifiers + a head noun
that names a person (a title, an occupation, a kinship/age/gender noun, a demonym) or an organisation
("the company", "the club", "the ministry"). ``pair_features`` describes a description against each
earlier entity (an ``Antecedent``): head among the entity's role words or KB title, gender, country,
type, age, distance and salience. ``choose`` picks the antecedent: by the rules (the nearest entity
whose roles hold the head) or by the trained ranker (``storyline/models/descriptions.npz``, built by
``scripts/train_descriptions.py``): the best-scored candidate when its score passes the threshold, else
none (the "no antecedent" option: generic and non-referring uses stay unlinked).
"""
from __future__ import annotations

import functools
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.data import load
from storyline.resolve.kb import KB

LOGGER = logging.getLogger(__name__)

#: How far back (characters) an antecedent's last mention may be.
WINDOW = 2500
#: Adjectives a description may add to a role without changing whom it names ("the former minister").
FREE_MODIFIERS = frozenset({
    "former", "new", "veteran", "outgoing", "incoming", "embattled", "current", "longtime", "long-time", "retired",
    "acting", "then", "top", "senior", "powerful", "influential", "beleaguered", "recently", "newly", "appointed",
    "elected", "same", "latter", "alleged", "late", "young", "old", "elderly", "ousted", "jailed", "detained",
    "popular", "controversial", "interim", "defiant", "disgraced", "celebrated", "renowned", "prominent"})
#: Ranks that make a different office of the same head noun ("vice president" is not "the president").
RANKS = frozenset({"vice", "deputy", "assistant", "junior", "under", "associate", "lieutenant"})
#: Words that end a description ("the minister said": the head is "minister").
STOP = frozenset({"the", "a", "an", "and", "or", "with", "by", "for", "to", "of", "from", "said", "says", "told",
                  "met", "as", "at", "in", "on", "that", "who", "when", "after", "before", "while", "is", "was",
                  "has", "had", "will", "would", "which", "whose", "but", "than", "said,", "also"})
_PRONOUNS = frozenset({"she", "her", "hers", "herself", "he", "him", "his", "himself"})
_WORD = re.compile(r"[^\W_][\w’'-]*")
_THE = re.compile(r"\b[Tt]he\s+")
_AGE = re.compile(r"^(\d{1,3})-year-old$")
_SENT_END = re.compile(r"[.!?][\"”’']?\s|\n")

#: Feature names, in the order of ``pair_features`` rows (a model trained on others is refused).
FEATURES: tuple[str, ...] = (
    "person_desc", "org_desc", "cand_person", "cand_org", "cand_place", "type_match",
    "head_in_roles", "mods_ok", "head_in_kb_title", "rank_conflict",
    "gender_agree", "gender_conflict", "country_agree", "country_conflict",
    "age_desc", "age_match", "age_conflict", "head_in_name", "sector_match",
    "log_chars", "sentences", "same_sentence", "nearest_of_type", "closer_compatible", "compatible_rank",
    "log_mentions", "first_position", "subject", "generic_head", "sentence_start", "rule_choice", "n_candidates",
)


@dataclass
class Antecedent:
    """An entity of the document as a description's candidate (built by ``storyline.resolve.coref``)."""
    type: str
    #: (start, end) of its mentions by name (not descriptions), in text order
    spans: list[tuple[int, int]]
    #: lower-case words of its roles: titles around its names, appositives, KB title; for an organisation,
    #: the words of its names
    words: set[str] = field(default_factory=set)
    kb_title: str | None = None
    gender: str | None = None       # "f" / "m"
    country: str | None = None
    ages: set[str] = field(default_factory=set)
    sector: str | None = None
    #: mentions that are grammatical subjects (followed by a speech verb or opening a sentence)
    subjects: int = 0


@dataclass
class Description:
    start: int
    end: int
    head: str
    mods: list[str]
    kind: str                     # "PERSON" or "ORG"
    sector: str | None = None     # of an organisation head: "BUS", "GOV", "MIL", "MED"
    #: words of an organisation's name the head fits (the head itself, "fc" for "club")
    fits: frozenset[str] = frozenset()
    age: str | None = None
    gender: str | None = None
    country: str | None = None
    #: the head is a role an entity is given ("minister"), not a noun any person is ("woman", "teenager")
    generic: bool = False
    #: where a name in apposition starts ("The prosecutor, Igor Savelyev, said", "the spokesman for the
    #: presidency, Julián Ortega"): the description names that person, not one named before
    appos: int | None = None


@dataclass
class DescriptionExample:
    """A description with its candidates: each one's mention spans, its ``FEATURES`` row, and which the rule picks."""
    description: Description
    candidate_spans: list[list[tuple[int, int]]]
    rows: list[list[float]]
    rule: list[int]


@dataclass(frozen=True)
class Lexicon:
    person_heads: frozenset[str]
    generic_heads: frozenset[str]
    org_heads: dict[str, str]      # head → sector ("" when any)
    name_words: dict[str, frozenset[str]]   # head → words of a name it fits ("club": "fc", "united")
    contrast: frozenset[str]       # "rival", "other": another entity than the one named before
    gender: dict[str, str]
    titles: frozenset[str] = frozenset()   # "foreign minister": a modifier of a title is part of the office


@functools.cache
def org_sectors() -> dict[str, str]:
    """Organisation head → its sector (``org_heads`` of ``data/descriptions.yaml``: "BUS", "GOV", ...; "" for
    any sector). Shared, not to be changed: callers that keep it copy it."""
    return {h: "" if sector == "ANY" else sector
            for sector, heads in load("descriptions").get("org_heads", {}).items() for h in heads}


@functools.cache
def name_word_table() -> dict[str, frozenset[str]]:
    """Organisation head → the words of a name it fits, itself included ("club": "fc", "united", "club";
    ``name_words`` of ``data/descriptions.yaml``). Shared, not to be changed: callers that keep it copy it."""
    return {h: frozenset(ws) | {h} for h, ws in load("descriptions").get("name_words", {}).items()}


@functools.lru_cache(maxsize=8)
def _lexicon_of(titles: tuple[str, ...], roles: tuple[str, ...]) -> Lexicon:
    data = load("descriptions")
    words = load("gender_words")
    gender = {w: g for g, key in (("f", "female"), ("m", "male")) for w in words[key] if w not in _PRONOUNS}
    generic = frozenset(data.get("person_nouns", [])) | frozenset(gender)
    orgs = dict(org_sectors())
    # "head of government" ends in an organisation's head: a title's last word is a person's head unless so
    person = frozenset({t.split()[-1] for t in titles} - set(orgs)) | frozenset(roles) | frozenset(
        data.get("occupations", []))
    fits = dict(name_word_table())
    return Lexicon(person_heads=person | generic, generic_heads=generic - person, org_heads=orgs, gender=gender,
                   name_words=fits, contrast=frozenset(data.get("contrast_modifiers", [])), titles=frozenset(titles))


def lexicon(kb: KB) -> Lexicon:
    return _lexicon_of(tuple(kb.lexicon.get("titles", {})), tuple(kb.lexicon.get("person_roles", [])))


def demonym(word: str, kb: KB) -> tuple[str | None, str | None]:
    """(country, gender) of "Frenchwoman", "Kenyan", "Spaniard"; (None, None) for other words."""
    for suffix, g in (("woman", "f"), ("man", "m")):
        if word.lower().endswith(suffix) and len(word) > len(suffix) + 2:
            c = kb.country_of(word[:-len(suffix)])
            if c:
                return c, g
    if word[:1].isupper():
        return kb.country_of(word), None
    return None, None


def opens_sentence(view: str, start: int) -> bool:
    """``start`` opens the text, a paragraph or a sentence (after ". ", ".” ", "? ")."""
    return start == 0 or bool(re.search(r"(?:[.!?][\"”’']?\s+|\n)$", view[max(0, start - 3):start]))


def speech_subject(view: str, end: int, verbs: frozenset[str]) -> bool:
    """The words ending at ``end`` are a speech verb's subject: one of ``verbs`` follows ("X said", "X, 54, told")."""
    nxt = re.match(r"\s*(?:,[^,]{0,60},\s*)?([a-z]+)", view[end:end + 80])
    return bool(nxt and nxt.group(1) in verbs)


def find_descriptions(view: str, kb: KB, taken: Sequence[tuple[int, int]] = ()) -> list[Description]:
    """The definite descriptions of people and organisations in ``view`` that overlap no span of ``taken``."""
    lex = lexicon(kb)
    out: list[Description] = []
    for m in _THE.finditer(view):
        words = list(_WORD.finditer(view, m.end(), min(len(view), m.end() + 80)))[:5]
        # the words must follow each other with spaces only: a comma or full stop ends the phrase
        run = []
        prev = m.end()
        for w in words:
            if view[prev:w.start()].strip():
                break
            run.append(w)
            prev = w.end()
        cut = next((i for i, w in enumerate(run) if w.group().lower() in STOP), len(run))
        run = run[:cut]
        if not run:
            continue
        found = None
        for i, w in enumerate(run[:4]):
            text = w.group()
            low = text.lower()
            nxt = run[i + 1].group().lower() if i + 1 < len(run) else ""
            aged = _AGE.match(low)
            if aged:
                if nxt in lex.person_heads:
                    continue   # "the 61-year-old engineer": the noun after the age is the head
                found = (i, "PERSON", low, aged.group(1))
                break
            country, g = demonym(text, kb)
            if g:
                found = (i, "PERSON", low, None)   # "The Frenchwoman"
                break
            if country:
                if not nxt and not low.endswith("s") and low != kb.country_name(country).lower():
                    found = (i, "PERSON", low, None)   # "the Kenyan" (one person; "the Kenyans" are many)
                    break
                continue   # "the Spanish club": a demonym modifies the head after it
            if text[:1].isupper() and not (text.isupper() and low in lex.person_heads | lex.org_heads.keys()):
                break   # a capitalised word: a name ("the Hoover Dam"), not a description
            base = low.split("-")[0] if "-" in low and low.split("-")[0] in lex.person_heads else low
            if base in lex.person_heads and nxt not in lex.person_heads and nxt not in lex.org_heads:
                found = (i, "PERSON", base, None)
                break
            if low in lex.org_heads and nxt not in lex.org_heads and nxt not in lex.person_heads:
                found = (i, "ORG", low, None)
                break
        if found is None:
            continue
        i, kind, head, age = found
        s, e = m.start(), run[i].end()
        after = view[e:e + 30]
        # not "the bank's governor, Kenji Morikawa": the possessor is a mention of its own
        appos = _APPOS.match(view, e, min(len(view), e + 120)) if kind == "PERSON" and not any(
            w.group().endswith(("'s", "’s")) for w in run[:i + 1]) else None
        if appos is not None and any(o.appos == appos.end() for o in out):
            # "the head of the energy regulator, Dalia Fenwick": the name is the head's, and the body inside
            # the office phrase is not a person
            appos = None
        if appos is None and (re.match(r"\s*,?\s+(?:[A-ZÀ-Þ][^\W\d_]|of\b)", after)
                              or after.startswith(("-", "’s", "'s"))):
            continue   # a title before a name ("the minister Ana Ruiz"), an office "of" something
        if any(a < e and s < b for a, b in taken):
            continue
        mods = [w.group().lower() for w in run[:i]]
        if lex.contrast & set(mods) and " ".join([*mods[-2:], head]) not in lex.titles and \
                " ".join([*mods[-1:], head]) not in lex.titles:
            continue   # "the rival company" is not the company named before; "the foreign minister" is an office
        age = age or next((a.group(1) for w in mods if (a := _AGE.match(w))), None)
        gender = lex.gender.get(head)
        country = None
        for w in [*run[:i + 1]]:
            c, g = demonym(w.group(), kb)
            if c:
                country, gender = c, gender or g
        generic = head in lex.generic_heads or age is not None or (country is not None and head not in lex.person_heads)
        out.append(Description(s, e, head, mods, kind, sector=lex.org_heads.get(head) or None,
                               fits=lex.name_words.get(head, frozenset({head})) if kind == "ORG" else frozenset(),
                               age=age,
                               gender=gender, country=country, generic=generic,
                               appos=appos.end() if appos else None))
    return out


#: Between a description and a name in apposition to it: an optional phrase of its office ("in the case", "for
#: the presidency"), a comma, and an optional second description ("the South African diplomat").
_APPOS = re.compile(r"(?:\s+(?:in|of|for|at|on|to)\s+[^,.;:!?()\n\"“”]{1,40}?)?\s*,\s+"
                    r"(?:(?:the|a|an)\s+(?:[^\W\d_][\w’'-]*\s+){1,4}?)?(?=[A-ZÀ-Þ][^\W\d_])")


def _sentences_between(view: str, a: int, b: int) -> int:
    return len(_SENT_END.findall(view, a, b))


def _compatible(d: Description, a: Antecedent) -> bool:
    """The rule's test: the antecedent's roles hold the description's head (or its age, or its name words)."""
    if d.kind == "PERSON":
        if a.type != "PERSON":
            return False
        if _AGE.match(d.head):
            return d.age in a.ages
        if d.head in a.words or (a.kb_title and d.head in a.kb_title.split()):
            mods_ok = all(w in a.words or w in FREE_MODIFIERS for w in d.mods if not _AGE.match(w))
            return mods_ok and not ((a.words & RANKS) and not (set(d.mods) & RANKS))
        return False
    return a.type not in ("PERSON", "GPE", "LOC", "NORP") and bool(d.fits & a.words)


def role_conflict(d: Description, a: Antecedent, roles: frozenset[str]) -> bool:
    """The description names a role (of ``roles``: "minister", "judge") and the person is given only other ones
    ("Justice Barasa" for "the finance minister")."""
    if d.kind != "PERSON" or d.generic or d.head not in roles or a.type != "PERSON":
        return False
    held = (a.words | set((a.kb_title or "").split())) & roles
    return bool(held) and not (_synonyms().get(d.head, {d.head}) & held)


@functools.lru_cache(maxsize=1)
def _synonyms() -> dict[str, frozenset[str]]:
    """Role noun → the nouns of its line in ``data/descriptions.yaml`` (itself included)."""
    out: dict[str, frozenset[str]] = {}
    for line in load("descriptions").get("role_synonyms", []):
        for w in line:
            out[w] = out.get(w, frozenset({w})) | frozenset(line)
    return out


def candidates(d: Description, ants: Sequence[Antecedent], roles: frozenset[str] = frozenset()
               ) -> list[tuple[int, int]]:
    """(index into ``ants``, start of its last mention before ``d``) of the antecedents within ``WINDOW``; with
    ``roles``, none the description's role conflicts with (``role_conflict``)."""
    out = []
    for i, a in enumerate(ants):
        if (d.kind == "PERSON") != (a.type == "PERSON") or a.type in ("NORP", "LOC", "GPE"):
            continue   # a person's description names a person; "the company", "the Brazilian navy" name no
            # person, nor a place or a country (a body of the country is its own actor)
        if roles and role_conflict(d, a, roles):
            continue
        if d.kind == "PERSON" and not d.generic and (a.words & RANKS) and not (set(d.mods) & RANKS):
            continue   # "the president" is not the vice president: a rank names another office (an age or
            # "the woman" names no office: the deputy is "the 49-year-old" as anyone is)
        before = [s for s, _ in a.spans if s < d.start]
        if before and d.start - max(before) <= WINDOW:
            out.append((i, max(before)))
    return out


def rule_choice(d: Description, ants: Sequence[Antecedent], cands: Sequence[tuple[int, int]]) -> int | None:
    """The nearest compatible antecedent; an age with no match goes to the nearest person."""
    fits = [(at, i) for i, at in cands if _compatible(d, ants[i])]
    if fits:
        return max(fits)[1]
    if _AGE.match(d.head):
        people = [(at, i) for i, at in cands if ants[i].type == "PERSON"]
        return max(people)[1] if people else None
    return None


def pair_features(view: str, d: Description, ants: Sequence[Antecedent],
                  cands: Sequence[tuple[int, int]]) -> list[list[float]]:
    """One row of ``FEATURES`` per candidate of ``cands`` (as ``candidates`` returns them)."""
    rule = rule_choice(d, ants, cands)
    person = d.kind == "PERSON"
    same_type = [(at, i) for i, at in cands if (ants[i].type == "PERSON") == person]
    compat = sorted(((at, i) for i, at in cands if _compatible(d, ants[i])), reverse=True)
    nearest_type = max(same_type)[1] if same_type else None
    sent_start = opens_sentence(view, d.start)
    rows = []
    for i, at in cands:
        a = ants[i]
        cand_person = a.type == "PERSON"
        cand_place = a.type in ("GPE", "LOC", "NORP")
        first = a.spans[0][0]
        in_kb = bool(a.kb_title and d.head in a.kb_title.split())
        mods_ok = all(w in a.words or w in FREE_MODIFIERS or _AGE.match(w) for w in d.mods)
        rank = bool((a.words & RANKS) and not (set(d.mods) & RANKS))
        closer = any(at2 > at and j != i for at2, j in compat)
        rank_of = next((n for n, (_, j) in enumerate(compat) if j == i), len(compat))
        rows.append([
            float(person), float(not person), float(cand_person), float(not cand_person and not cand_place),
            float(cand_place), float(cand_person == person and not cand_place),
            float(d.head in a.words), float(mods_ok), float(in_kb), float(rank),
            float(bool(d.gender and a.gender == d.gender)), float(bool(d.gender and a.gender and a.gender != d.gender)),
            float(bool(d.country and a.country == d.country)),
            float(bool(d.country and a.country and a.country != d.country)),
            float(d.age is not None), float(d.age is not None and d.age in a.ages),
            float(d.age is not None and bool(a.ages) and d.age not in a.ages),
            float(not person and bool(d.fits & a.words)), float(not person and bool(a.sector) and a.sector == d.sector),
            math.log1p(max(0, d.start - at)) / 8.0, min(_sentences_between(view, at, d.start), 10) / 10.0,
            float(_sentences_between(view, at, d.start) == 0), float(nearest_type == i), float(closer),
            min(rank_of, 5) / 5.0,
            math.log1p(len(a.spans)), first / max(1, len(view)), float(a.subjects > 0),
            float(d.generic), float(sent_start), float(rule == i), min(len(cands), 10) / 10.0,
        ])
    return rows


@dataclass(frozen=True)
class RankerModel:
    classifier: Any
    threshold: float
    features: tuple[str, ...]
    info: dict = field(default_factory=dict)

    def positive(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """P(the antecedent) of each row: the classifier's ``predict_proba(rows)[:, 1]``, value for value.

        A document asks for a handful of rows at a time; scikit-learn's input checks cost about ten times the 150
        shallow trees themselves there, so the shipped ranker is read in its plain form
        (``storyline.modelfile.GradientBoosting``), whose trees are walked as arrays with the same arithmetic."""
        return [float(p) for p in self.classifier.predict_proba(rows)[:, 1]]


def default_model_path() -> Path:
    return Path(str(resources.files("storyline").joinpath("models", "descriptions.npz")))


@functools.lru_cache(maxsize=4)
def load_ranker(path: str = "") -> RankerModel | None:
    """The model at ``path`` (default: the shipped one), loaded once; None (with a warning) when there is none
    or it was trained on other features: descriptions then follow the rules."""
    from storyline.cache import read_shipped_model

    data = read_shipped_model(
        path, default_model_path, on_problem="warn", logger=LOGGER, features=FEATURES,
        missing="no description model at {path}: run `make train`; descriptions follow the rules",
        mismatch="description model {path} has other features than this version: run `make train`")
    if data is None:
        return None
    return RankerModel(classifier=data["classifier"], threshold=float(data["threshold"]),
                       features=tuple(data["features"]), info=data.get("info", {}))


def choose(view: str, d: Description, ants: Sequence[Antecedent], mode: str = "trained",
           model: RankerModel | None = None, roles: frozenset[str] = frozenset()) -> int | None:
    """Index into ``ants`` of the entity ``d`` stands for, or None ("no antecedent"); ``roles`` as for
    ``candidates``."""
    cands = candidates(d, ants, roles)
    if not cands:
        return None
    if mode != "trained" or model is None:
        return rule_choice(d, ants, cands)
    rows = pair_features(view, d, ants, cands)
    probs = model.positive(rows)
    best = max(range(len(cands)), key=lambda n: probs[n])
    return cands[best][0] if probs[best] >= model.threshold else None
