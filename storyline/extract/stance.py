"""The vocabulary every kind of claim shares: the compiled stance lexicon and the small text helpers
(term keys, phrase regexes, negation) that pole, cause, frame and quantity claims all lean on.

It lives apart from ``claims`` and ``amounts`` so that both, and the fuse stage comparing claims across
documents, can use it without importing each other.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from storyline.data import load, read, resource_path
from storyline.extract.patterns import grouped_alternation
from storyline.nlp.quantities import singular

LOGGER = logging.getLogger(__name__)

STANCE_PATH = resource_path("stance")
#: "a ... b" in a phrase allows up to this many words in between
GAP_WORDS = 5
#: a negation counts when it is at most this many words before the phrase in the same clause
#: (7 reaches "no longer wants to remain the kremlin's satellite"; clause cuts keep it local)
NEGATION_WINDOW = 7
#: outcome term standing for any change verb: "the drop in the flow" and "the flow fell" meet
CHANGE_TERM = "~change"

STOP_TERMS = frozenset(
    "a an the and or but if of to in on at by for from with as is are was were be been being has have had "
    "do does did will would shall should can could may might must this that these those it its he she "
    "they them his her their our we you i which who whom whose what when where why how not no than then "
    "so such also just only very more most much many some any all each both other into about over after "
    "before under again further once here there out up down off own same too s t said says say told thus "
    "however although while because since until whether per via new one two first last year years through "
    "towards toward within across during against among yesterday today".split())
CLAUSE_CUT = re.compile(r"[,;:.!?()]|\b(?:that|which|who|but|because|while|whereas)\b", re.I)
TERM_WORD = re.compile(r"[^\W\d_][\w'’-]*")


class SentenceFacts:
    """A sentence's hedge weights, worked out on first use.

    Most sentences hold no claim of any kind, and the four hedge searches are the dearest part of
    reading one: the claim finders ask for the weights only once a phrase, cause marker or amount
    has been found.
    """

    def __init__(self, weights: Callable[[], tuple[float, float]]) -> None:
        self._weights = weights

    @functools.cached_property
    def weights(self) -> tuple[float, float]:
        """(weight of the sentence's claims, extra factor for pole and frame claims)."""
        return self._weights()


@functools.lru_cache(maxsize=65536)
def term_key(word: str) -> str:
    """Crude spelling-tolerant stem: defence/defense, recognise/recognize, colour/color meet."""
    w = word.lower().replace("’", "'").split("'")[0].replace("z", "s").replace("c", "s").replace("ou", "o")
    return w[:6]


@functools.lru_cache(maxsize=16384)
def content_terms(text: str) -> frozenset[str]:
    """Keys of the content words of ``text`` (stop words and short words dropped)."""
    return frozenset(term_key(w) for w in TERM_WORD.findall(text) if len(w) > 2 and w.lower() not in STOP_TERMS)


def _phrase_body(phrase: str) -> str:
    """A lexicon phrase as a regex ("..." a short gap, "*" any word, "word*" a prefix), up to a word end."""
    parts = []
    for tok in phrase.split():
        if tok == "...":
            parts.append(rf"(?:\W+\w+){{0,{GAP_WORDS}}}?")
            continue
        if tok == "*":
            parts.append(r"\w+")
            continue
        star = tok.endswith("*")
        core = re.escape(tok.rstrip("*"))
        parts.append(core + (r"\w*" if star else ""))
    body = ""
    for i, p in enumerate(parts):
        body += p if i == 0 or parts[i].startswith("(?:\\W+") else r"\W+" + p
    return rf"{body}(?!\w)"


def _alternation(phrases: Iterable[str]) -> re.Pattern[str]:
    phrases = [p for p in phrases if p.strip()]
    if not phrases:  # an empty alternation would match everywhere
        raise ValueError("stance lexicon: an empty phrase list")
    ordered = sorted(phrases, key=len, reverse=True)
    # the word-start assertion is shared, not repeated per phrase: the regex engine then rejects a
    # position inside a word once instead of once per phrase (7x faster on news text); grouping the
    # phrases by first letter then tries one letter per group instead of every phrase
    return re.compile(r"(?<!\w)" + grouped_alternation([_phrase_body(p) for p in ordered]), re.IGNORECASE)


@dataclass(frozen=True)
class StanceLexicon:
    """The compiled ``stance.yaml``."""
    poles: dict[str, dict[str, re.Pattern[str]]]
    min_actors: dict[str, int]
    cues: dict[str, tuple[re.Pattern[str], int]]
    negation: re.Pattern[str]
    not_negation: re.Pattern[str]
    reported: re.Pattern[str]
    past: re.Pattern[str]
    conclusion: re.Pattern[str]
    conditional: re.Pattern[str]
    cause_marker: re.Pattern[str]
    exclusive: re.Pattern[str]
    shared: re.Pattern[str]
    continuation: re.Pattern[str]
    cause_max_words: int
    vague: dict[str, tuple[float, float]]
    #: a vague multiple with its optional scale word ("a few hundred", "tens of thousands")
    vague_amount: re.Pattern[str]
    approximate: re.Pattern[str]
    usd: dict[str, float]
    denial: re.Pattern[str]
    denial_verb: re.Pattern[str]
    reverse: re.Pattern[str]
    temporal: re.Pattern[str]
    change: re.Pattern[str]
    term_cut: frozenset[str]
    frame_poles: dict[str, re.Pattern[str]]
    frame_cues: re.Pattern[str]
    frame_window: int
    number_words: dict[str, float]
    scale_words: dict[str, float]
    at_least: re.Pattern[str]
    at_most: re.Pattern[str]
    amount_negation: re.Pattern[str]
    family: dict[str, str]
    measures: dict[str, str]
    rate_periods: frozenset[str]
    time_words: frozenset[str]
    #: any pole, frame or cause phrase: one scan that most sentences fail, sparing them the scans
    #: of each phrase list (a sentence it finds nothing in holds no pole, frame or cause claim)
    any_phrase: re.Pattern[str]


@functools.lru_cache(maxsize=4)
def load_stance_lexicon(path: str | None = None) -> StanceLexicon:
    """Load and compile the stance lexicon (the shipped one unless ``path`` is given)."""
    data: dict[str, Any] = read(path, "stance") if path else load("stance")
    poles, min_actors, cues = {}, {}, {}
    for dim, spec in data["dimensions"].items():
        if len(spec["poles"]) != 2:
            raise ValueError(f"stance lexicon: dimension {dim!r} needs exactly two poles")
        poles[dim] = {name: _alternation(words) for name, words in spec["poles"].items()}
        min_actors[dim] = int(spec.get("min_actors", 1))
        if spec.get("cues"):
            cues[dim] = (_alternation(spec["cues"]), int(spec.get("cue_window", 6)))
    cause = data["cause"]
    vague = {k.lower(): (float(v[0]), float(v[1])) for k, v in data["vague_numbers"].items()}
    scale_words = {k.lower(): float(v) for k, v in data["scale_words"].items()}
    return StanceLexicon(
        poles=poles, min_actors=min_actors, cues=cues,
        negation=_alternation(data["negations"]), not_negation=_alternation(data["not_negations"]),
        reported=_alternation(data["hedges"]["reported"]), past=_alternation(data["hedges"]["past"]),
        conclusion=_alternation(data["conclusions"]),
        conditional=re.compile(grouped_alternation([re.escape(w) for w in data["hedges"]["conditional"]]), re.I),
        cause_marker=_alternation(cause["markers"]), exclusive=_alternation(cause["exclusive"]),
        shared=_alternation(cause["shared"]), continuation=_alternation(cause["continuations"]),
        cause_max_words=int(cause.get("max_words", 16)),
        vague=vague, vague_amount=_vague_amount(vague, scale_words),
        approximate=re.compile("|".join(r"(?<!\w)" + re.escape(w) + r"(?!\w)" for w in data["approximate"]), re.I),
        usd={k: float(v) for k, v in data["usd_per_unit"].items()},
        denial=_alternation(cause["denials"]), temporal=_alternation(cause["temporal"]),
        denial_verb=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in cause["denial_verbs"])
                               + r")\s+(?:(?:the\s+)?(?:claims?|suggestions?|reports?|allegations?)\s+)?"
                               r"that\s+[^,;:]*$",
                               re.IGNORECASE),
        reverse=_alternation(cause["reverse"]),
        change=_alternation(cause["change"]), term_cut=frozenset(w.lower() for w in cause["term_cut"]),
        frame_poles={k: _alternation(v) for k, v in data["framing"]["poles"].items()},
        frame_cues=_alternation(data["framing"]["cues"]), frame_window=int(data["framing"]["cue_window"]),
        number_words={k.lower(): float(v) for k, v in data["number_words"].items()},
        scale_words=scale_words,
        at_least=_tail_alternation(data["at_least"]), at_most=_tail_alternation(data["at_most"]),
        amount_negation=_tail_alternation(data["amount_negations"]),
        family={singular(w): fam for fam, words in data["unit_families"].items() for w in words},
        measures={k.lower(): v for k, v in data["measure_words"].items()},
        rate_periods=frozenset(data["rate_periods"]), time_words=frozenset(data["time_words"]),
        any_phrase=_alternation([*(w for spec in data["dimensions"].values() for words in spec["poles"].values()
                                   for w in words),
                                 *(w for words in data["framing"]["poles"].values() for w in words),
                                 *(w for key in ("denials", "reverse", "markers", "temporal") for w in cause[key])]))


def _vague_amount(vague: dict[str, Any], scales: dict[str, float]) -> re.Pattern[str]:
    keys = grouped_alternation([re.escape(k) for k in sorted(vague, key=len, reverse=True)])
    scale = "|".join(re.escape(k) for k in sorted(scales, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({keys})(?:\s+({scale})s?)?(?:\s+of)?(?!\w)", re.IGNORECASE)


def _tail_alternation(phrases: list[str]) -> re.Pattern[str]:
    """A phrase list matched at the very end of a text (the words just before a number)."""
    alts = grouped_alternation([re.escape(p) for p in sorted(phrases, key=len, reverse=True)])
    return re.compile(rf"(?<!\w){alts}\s*$", re.IGNORECASE)


def is_negated(text: str, start: int, lex: StanceLexicon) -> bool:
    """True when a negation ends shortly before ``start`` in the same clause."""
    before = CLAUSE_CUT.split(text[:start])[-1]
    words = before.split()
    window = " ".join(words[-NEGATION_WINDOW:])
    if not window:
        return False
    cleaned = lex.not_negation.sub(" ", window)
    return bool(lex.negation.search(cleaned) or re.search(r"\w+n[’']t\b", cleaned))
