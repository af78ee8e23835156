"""Do two claims about one story disagree, and how? A trained decision over a pair of sentences.

The rule dimensions of ``fuse.disagreements`` compare claims of a few narrow shapes (actor poles,
cause phrases, same-unit amounts, framings). Outlets also disagree in other ways: one states as fact
what another only suggests (``hedged_vs_firm``), one reports an act as done that another calls planned
or denies (``status``), they give different numbers, lengths of time or dates for the same thing
(``figure``, ``duration``, ``date``), opposite attitudes of one actor to one act (``attitude``),
different stated causes (``reason``) or different agents (``actor``). Most pairs of sentences about one
story disagree in none of these ways, so ``none`` is a label too.

Each side is read once (:func:`read_side`): amounts in comparable units (currencies, distances,
weights, volumes, shares written as words), durations in hours, dates (weekdays, months, day numbers,
years, parts of the day), hedging, planned and blocked/denied cues (``data/pair_cues.yaml`` next to
the modality and stance lexicons), attitude words, stated reasons, the sentence's subject words, and
the claims of ``extract.claims`` (whose rule conflicts are features too). A side's claim is also read under its
reporting frame (:func:`claim_frame`: "the company said", "according to", "police denied that"), and the state
of the act two claims share is read in each claim (:func:`claim_states`): one claim reported with two verbs, or
with a frame on one side only, is one state, and a status disagreement needs two. :func:`pair_features` turns
two sides into a feature dict (what agrees, what conflicts, how alike the two are); a logistic
regression over them gives the label and its probability, and :func:`evidence_spans` points at the
words on each side that carry the disagreement.

The model is trained by ``make train`` (``scripts/train_disagreements.py``) from the team-written pairs
in ``training/disagreements/`` and shipped in the package (``storyline/models/disagreement_pairs.npz``);
``Settings.disagreement_pair_model`` names another.
"""
from __future__ import annotations

import contextlib
import functools
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from storyline.config import Settings
from storyline.data import load
from storyline.extract.claims import find_claims
from storyline.extract.modality import load_modality_lexicon
from storyline.extract.patterns import grouped_alternation
from storyline.extract.stance import STOP_TERMS, content_terms, load_stance_lexicon, term_key
from storyline.fuse.disagreement_events import event_families, fact_context, phases, same_fact
from storyline.fuse.disagreements import (
    QUANTITY_TOLERANCE,
    SAME_UNIT_TOLERANCE,
    BoundClaim,
    DimensionContext,
    Found,
    SentenceKeys,
    claim_count_kind,
    count_kind,
    counts_fit,
)
from storyline.fuse.mapper import chunks
from storyline.fuse.outlets import UNKNOWN_OUTLET, outlet_name
from storyline.model import Claim, DocAnalysis, Sentence, Side, Span
from storyline.nlp.quantities import singular
from storyline.registry import dimension

LOGGER = logging.getLogger(__name__)

__all__ = ["LABELS", "NONE", "PairModel", "PairVerdict", "SideFacts", "act_status", "candidate_pairs", "claim_frame",
           "claim_state", "claim_states",
           "default_model_path", "evidence_spans", "fact_keys", "fit_pair_model", "load_pair_model",
           "pair_disagreements", "pair_features", "read_side"]

NONE = "none"
LABELS = ("none", "hedged_vs_firm", "status", "figure", "duration", "date", "attitude", "reason", "actor")
#: two amounts in one unit agree within this factor (rounding: "1,830" / "about 1,800")...
SAME_TOLERANCE = 1.08
#: ...and within this one when either is approximate ("nearly forty" / "37") or converted ("111F" / "44C")
APPROX_TOLERANCE = 1.3
#: a bound ("at least 23", "more than 400") agrees with an exact figure on its side up to this factor ("more than
#: 400" / "412"; not "more than 200,000" / "85,000"), and within ``SAME_TOLERANCE`` on the other ("at least 23" /
#: "19" conflict, though within ``APPROX_TOLERANCE``)
BOUND_TOLERANCE = 1.5
#: two durations agree within this factor ("a fortnight" / "about two weeks")
DURATION_TOLERANCE = 1.2
#: words a reason runs to after its marker ("postponed because of [a waterlogged pitch]")
REASON_WORDS = 7
#: a sentence's subject is at most this many words before its verb
SUBJECT_WORDS = 6
#: content words two sides must share for the state of their shared act to be compared (``act_status``)
ACT_MIN_SHARED = 2
#: words after a hedge that say what it qualifies ("may have [caused the blast]")
HEDGED_WORDS = 8
#: words before a reason's marker that say what it explains ("[the match was postponed] because of snow")
OUTCOME_WORDS = 8
#: words either side of an amount, a duration or a date that say what it is of
CONTEXT_WORDS = 4
_WORD = re.compile(r"[^\W_][\w'’-]*")
_ONE_IN = re.compile(r"one in (\w+)", re.IGNORECASE)
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“A-Z0-9])")
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<cur>[$€£¥])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|m|k|tn)\b)?(?P<pct>\s?%|\s?per\s?cent\b|\s?percent\b)?"
    r"(?P<deg>\s?°?\s?[CF]\b)?", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12, "tn": 1e12}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_EXTRA_NUMBER_WORDS = {"thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17, "eighteen": 18,
                       "nineteen": 19, "a dozen": 12, "an": 1, "a": 1}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")
#: "9 p.m." as "9pm"; the part of the day a clock time is in is read too ("at 4 a.m." / "on Thursday afternoon")
_CLOCK = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)(?!\w)|\b(\d{1,2})[.:](\d{2})\b",
                    re.IGNORECASE)
#: a zone named after a clock time ("04:00 GMT", "10:24 JST", "9 a.m. (UTC)"); its offset is in ``clock_zones``
_ZONE_AFTER = re.compile(r"\s*\(?\s*([A-Z]{2,5})\b\)?")
_RACE_TIME = re.compile(r"\b\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\b")
# a comma after a year ends its clause ("in 2028, the minister said"); one before digits groups them ("2,028,000")
_YEAR = re.compile(r"(?<![\d,.$€£])(1[89]\d\d|20\d\d)(?!\d|,\d)")
_BC = re.compile(r"(\d[\d,]*)\s?(BC|BCE|AD)\b")
#: "a week-long strike", "a 48-hour stoppage", "a five-year deal"
_HYPHEN_PERIOD = re.compile(r"\b([\w]+)-(second|minute|hour|day|night|week|month|season|year|decade)(?:-long|-old)?\b",
                            re.IGNORECASE)

_LONG_PERIOD = re.compile(r"\b(minute|hour|day|week|month|year|decade)-long\b", re.IGNORECASE)


@dataclass(frozen=True)
class PairCues:
    """The compiled ``pair_cues.yaml`` with the lexicons it leans on."""
    hedges: re.Pattern[str]
    planned: re.Pattern[str]
    blocked: re.Pattern[str]
    positive: re.Pattern[str]
    negative: re.Pattern[str]
    reasons: re.Pattern[str]
    day_parts: re.Pattern[str]
    done_irregular: frozenset[str]
    fractions: dict[str, float]
    durations: dict[str, float]
    conversions: dict[str, tuple[str, float]]
    number_words: dict[str, float]
    families: dict[str, str]
    reporting: frozenset[str]
    agent_claims: re.Pattern[str]
    agent_blame: re.Pattern[str]
    unit_before: frozenset[str] = frozenset()
    one_thing: frozenset[str] = frozenset()
    #: units that count people (``people_units`` and the stance lexicon's "people" family)
    people: frozenset[str] = frozenset()
    #: (one half, the other) of each pair of opposite states of one thing ("shut" / "stayed open")
    opposite_states: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    #: words before a number putting it near a figure, not past it ("nearly", "almost"): no bound
    near_values: frozenset[str] = frozenset()
    #: a time zone's abbreviation (lower case) -> its offset from UTC in hours
    clock_zones: dict[str, float] = field(default_factory=dict)
    #: reason markers with the cause before them and the act they explain after ("a landslide forced the closure")
    reasons_before: re.Pattern[str] = re.compile(r"(?!)")
    #: markers that only look like reasons ("was followed by" names what came next)
    not_causes: re.Pattern[str] = re.compile(r"(?!)")
    #: cause frames around the act they explain ("blamed [the outbreak] on ..."), the act as the group "act"
    reason_frames: tuple[re.Pattern[str], ...] = ()


def _phrases(words: Iterable[str]) -> re.Pattern[str]:
    alts = []
    for w in sorted({str(w) for w in words}, key=len, reverse=True):
        star = w.endswith("*")
        body = r"\s+".join(re.escape(p) for p in w.rstrip("*").split())
        alts.append(body + (r"[\w'-]*" if star else ""))
    return re.compile(r"(?<![\w'])(?:" + grouped_alternation(alts) + r")(?![\w'])", re.IGNORECASE)


#: words between the halves of a cause frame: the act it explains ("blamed [the weekend's outbreak] on")
FRAME_WORDS = 5


def _frame(first: str, second: str) -> re.Pattern[str]:
    """A cause frame's halves with one to ``FRAME_WORDS`` words between them, in one clause (group "act")."""
    a, b = (r"\s+".join(re.escape(p) for p in w.split()) for w in (first, second))
    return re.compile(rf"(?<![\w']){a}\s+(?P<act>(?:[^\W_][\w'’-]*\s+){{1,{FRAME_WORDS}}}?){b}(?![\w'])",
                      re.IGNORECASE)


_T = TypeVar("_T")
#: the memos of ``_run_memo`` functions, and how many ``feature_run`` blocks are open
_RUN_MEMOS: list[dict[str, Any]] = []
_RUN_DEPTH = [0]
_MISSING = object()


def _run_memo(fn: Callable[[str], _T]) -> Callable[[str], _T]:
    """``fn`` (a sentence's features) memoised without bound inside ``feature_run``, as ``fn`` is outside it.

    A corpus run reads each sentence's features several times (candidate keys, the pair features of each of its
    pairs, the checks of a verdict), far apart: size-limited caches smaller than the corpus's sentences dropped
    them in between and read them again, more often the larger the corpus.
    """
    memo: dict[str, Any] = {}
    _RUN_MEMOS.append(memo)

    @functools.wraps(fn)
    def memoised(text: str) -> _T:
        if not _RUN_DEPTH[0]:
            return fn(text)
        value = memo.get(text, _MISSING)
        if value is _MISSING:
            value = memo[text] = fn(text)
        return value

    # the lru_cache's cache_clear and cache_info stay reachable (functools.wraps leaves them behind)
    for name in ("cache_clear", "cache_info"):
        if hasattr(fn, name):
            setattr(memoised, name, getattr(fn, name))
    return memoised


def _side_memo(fn: Callable[[SideFacts], _T]) -> Callable[[SideFacts], _T]:
    """``fn`` of one side memoised inside ``feature_run`` like ``_run_memo``: a side meets many others, and the
    pair features read the same things off it for each pair. Kept by the side's text with the side itself, and
    used only for that very object (``read_side`` gives one object per text within a run), so a side built
    otherwise (a test's, an edited copy) is read afresh."""
    memo: dict[str, Any] = {}
    _RUN_MEMOS.append(memo)

    @functools.wraps(fn)
    def memoised(side: SideFacts) -> _T:
        if not _RUN_DEPTH[0]:
            return fn(side)
        held = memo.get(side.text)
        if held is None or held[0] is not side:
            held = memo[side.text] = (side, fn(side))
        return held[1]

    return memoised


@contextlib.contextmanager
def feature_run() -> Iterator[None]:
    """Within it, each sentence's features are read once (``_run_memo``); forgotten when the outermost one ends."""
    _RUN_DEPTH[0] += 1
    try:
        yield
    finally:
        _RUN_DEPTH[0] -= 1
        if not _RUN_DEPTH[0]:
            for memo in _RUN_MEMOS:
                memo.clear()


@functools.lru_cache(maxsize=2)
def load_pair_cues() -> PairCues:
    """Compile (once per process) the pair cues and the number, unit and reason words of the other lexicons."""
    data = load("pair_cues")
    stance = load("stance")
    modality = load_modality_lexicon()
    numbers = {k.lower(): float(v) for k, v in stance["number_words"].items()}
    numbers.update({k: float(v) for k, v in _EXTRA_NUMBER_WORDS.items()})
    families = {singular(w.lower()): fam for fam, words in stance["unit_families"].items() for w in words}
    planned = [*data["planned"], *modality.planned_phrases, *(f"{w}s to" for w in modality.planned_verbs)]
    blocked = [*data["blocked"], *modality.denial, *(f"{w}d" for w in modality.denial if w.endswith("e"))]
    classes = data.get("reason_classes") or {}
    return PairCues(
        hedges=_phrases(data["hedges"]), planned=_phrases(planned), blocked=_phrases(blocked),
        positive=_phrases(data["positive"]), negative=_phrases(data["negative"]),
        reasons=_phrases([*data["reasons"], *stance["cause"]["markers"], *classes.get("cause_after", []),
                          *classes.get("cause_before", []), *classes.get("not_causes", [])]),
        reasons_before=_phrases(classes.get("cause_before") or ["caused"]),
        not_causes=_phrases(classes.get("not_causes") or ["followed by"]),
        reason_frames=tuple(_frame(str(x), str(y)) for x, y in data.get("reason_frames") or []),
        day_parts=_phrases(data.get("day_parts") or []),
        done_irregular=frozenset(w.lower() for w in data.get("done_irregular") or []),
        fractions={k.lower(): float(v) for k, v in (data.get("fractions") or {}).items()},
        durations={k.lower(): float(v) for k, v in data["durations"].items()},
        conversions={k.lower(): (str(v[0]), float(v[1])) for k, v in data["conversions"].items()},
        number_words=numbers, families=families, reporting=modality.reporting,
        agent_claims=_phrases(data.get("agent_claims") or ["claimed responsibility for"]),
        agent_blame=_phrases(data.get("agent_blame") or ["blamed on"]),
        unit_before=frozenset(w.lower() for w in data.get("unit_before") or []),
        one_thing=frozenset(w.lower() for w in data.get("one_thing_units") or []),
        people=frozenset(singular(w.lower()) for w in data.get("people_units") or [])
        | frozenset(w for w, fam in families.items() if fam == "people") | {"people"},
        opposite_states=tuple((_phrases(x), _phrases(y)) for x, y in data.get("opposite_states") or []),
        near_values=frozenset(str(w).lower() for w in data.get("near_values") or []),
        clock_zones={str(k).lower(): float(v) for k, v in (data.get("clock_zones") or {}).items()})


@dataclass(frozen=True)
class Amount:
    """A number read off a side: value in its base unit, the unit, where, and whether it is approximate."""
    value: float
    unit: str
    start: int
    end: int
    approx: bool = False
    #: what a count counts ("killed", "displaced"; ``fuse.disagreements.count_kind``), "" when not said
    kind: str = ""
    #: "min" for a floor ("at least 23", "more than 400"), "max" for a ceiling ("fewer than 50", "up to 300"), else ""
    bound: str = ""


@dataclass(frozen=True)
class Agent:
    """Who is said to have done an act: the agent's words and the act's words (offsets of the agent)."""
    start: int
    end: int
    agent: frozenset[str]
    act: frozenset[str]
    #: named as the doer by the sentence's words (a passive's "by", blame, a claim), not only as its subject
    attributed: bool = True


@dataclass
class SideFacts:
    """What one side of a pair says, as the pair features need it (offsets into ``text``)."""
    text: str
    terms: frozenset[str]
    words: list[str]
    amounts: list[Amount] = field(default_factory=list)
    durations: list[Amount] = field(default_factory=list)
    dates: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)
    hedges: list[tuple[int, int]] = field(default_factory=list)
    planned: list[tuple[int, int]] = field(default_factory=list)
    blocked: list[tuple[int, int]] = field(default_factory=list)
    positive: list[tuple[int, int]] = field(default_factory=list)
    negative: list[tuple[int, int]] = field(default_factory=list)
    reasons: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)
    done: list[tuple[int, int]] = field(default_factory=list)
    subject: tuple[int, int, frozenset[str]] = (0, 0, frozenset())
    agents: list[Agent] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in rx.finditer(text)]


def _number_word(tok: str, cues: PairCues) -> float | None:
    tok = tok.lower()
    if tok in cues.number_words:
        return cues.number_words[tok]
    if "-" in tok:  # "twenty-five"
        parts = [cues.number_words.get(p) for p in tok.split("-")]
        if all(p is not None for p in parts) and len(parts) == 2:
            return float(sum(p for p in parts if p is not None))
    return None


@functools.lru_cache(maxsize=4)
def _period_regex(units: str) -> re.Pattern[str]:
    # built once per unit list: every sentence of a corpus is read for its lengths of time
    # "for five more years", "two further weeks": the added length is the length told
    return re.compile(rf"(?<![\w-])(?P<q>(?:about|around|roughly|nearly|almost|some|at least|more than|up to|"
                      rf"just over|just under|over|under)\s+)?(?P<n>[\w.,-]+|an?|half an?|half a)"
                      rf"(?P<half>\s+and\s+a\s+half)?(?:\s+(?:more|further|additional|extra))?"
                      rf"\s+(?P<u>{units})s?\b(?!-)", re.IGNORECASE)


#: "a week ago", "three days earlier": a point in time counted back from another, not a length of time
#: ("battled the blaze for 14 hours before they could" is a length: "before" ends the clause to count back)
_AGO_AFTER = re.compile(r"\s+(?:ago\b|earlier\b|before(?=\s*[,;:.]|\s*$))", re.IGNORECASE)
#: "a second round", "a second reactor": the ordinal, not a length of one second (a noun follows it)
_ORDINAL_AFTER = re.compile(r"\s+(?!(?:or|and|of|to|in|on|at|for|later|before|after|ago|earlier|longer)\b)"
                            r"[^\W\d_]", re.IGNORECASE)


#: "old" after a length of years makes it an age ("users must be at least 16 years old")
_AGE_AFTER = re.compile(r"\s+old\b", re.IGNORECASE)
#: a period right after an amount makes it a rate ("$100 billion a year", "40 billion shillings annually"): a rate is
#: never one figure with a total ("pledges have reached $1 billion")
_RATE_AFTER = re.compile(r"\s+(?:(?:a|an|per|each|every)\s+(?P<per>year|month|week|day)\b"
                         r"|(?P<ly>annual|year|month|week|dai)ly\b)", re.IGNORECASE)
#: an amount ending just before "a"/"an" and a unit of time makes that period a rate's ("about €14 more a month",
#: "1.2 million euros a year", "17 hours a day"), not a length of time
_RATE_BEFORE = re.compile(r"(?:\d|\b(?:hundred|thousand|million|billion|dozen|percent|cent))[\w,.%]*"
                          r"(?:\s+[^\W\d_][\w'’-]*){0,2}\s+$", re.IGNORECASE)


def _periods(text: str, cues: PairCues, taken: list[tuple[int, int]]) -> list[Amount]:
    """Durations in hours: "48 hours", "two weeks", "a fortnight", "a five-year deal", "half a year"."""
    out: list[Amount] = []
    units = "|".join(sorted((re.escape(u) for u in cues.durations), key=len, reverse=True))
    rx = _period_regex(units)
    for m in rx.finditer(text):
        n_text = m.group("n").lower()
        n: float | None
        if n_text in ("half a", "half an"):
            n = 0.5
        elif re.fullmatch(r"\d+(?:\.\d+)?", n_text):
            n = float(n_text)
        else:
            n = _number_word(n_text, cues)
        if n is None:
            continue
        if n_text in ("a", "an") and not m.group("q") and _RATE_BEFORE.search(text, 0, m.start()):
            continue   # a rate's period ("€14 more a month", "30,000 vehicles a day"), not a length of time
        if _AGE_AFTER.match(text, m.end()):
            continue   # an age ("at least 16 years old"), not a length of time
        if _AGO_AFTER.match(text, m.end()):
            continue   # "arrived a week ago": when, not how long
        if (n_text in ("a", "an") and m.group("u").lower() == "second" and not m.group(0).lower().endswith("s")
                and _ORDINAL_AFTER.match(text, m.end())):
            continue   # "a second round": the ordinal
        hours = (n + (0.5 if m.group("half") else 0.0)) * cues.durations[m.group("u").lower()]
        end = m.end()
        more = re.match(r"\s+and\s+a\s+half\b", text[end:])
        if more:
            hours += 0.5 * cues.durations[m.group("u").lower()]
            end += more.end()
        else:  # "2 hours 6 minutes"
            more2 = re.match(rf"\s+(?:and\s+)?(\d+)\s+({units})s?\b", text[end:], re.IGNORECASE)
            if more2:
                hours += float(more2.group(1)) * cues.durations[more2.group(2).lower()]
                end += more2.end()
        out.append(Amount(hours, "hour", m.start(), end, approx=bool(m.group("q"))))
    for word, hours in cues.fractions.items():  # "a fortnight", "a decade"
        if hours >= 100:
            for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
                out.append(Amount(hours, "hour", m.start(), m.end()))
    for m in _HYPHEN_PERIOD.finditer(text):
        n_text = m.group(1).lower()
        n = float(n_text) if n_text.isdigit() else _number_word(n_text, cues)
        unit = m.group(2).lower()
        if n is None or unit not in cues.durations:
            continue
        if m.group(0).lower().endswith("-old"):
            continue  # an age, not a length of time
        out.append(Amount(n * cues.durations[unit], "hour", m.start(), m.end()))
    for m in _LONG_PERIOD.finditer(text):  # "a week-long strike"
        out.append(Amount(cues.durations[m.group(1).lower()], "hour", m.start(), m.end()))
    kept: list[Amount] = []
    for a in sorted(out, key=lambda a: (a.start, -a.end)):  # "2 hours 6 minutes" once, not also "6 minutes"
        if not any(k.start < a.end and a.start < k.end for k in kept) and \
                not any(s < a.end and a.start < e for s, e in taken):
            kept.append(a)
    out = kept
    taken.extend((a.start, a.end) for a in out)
    return out


def _dates(text: str, cues: PairCues, taken: list[tuple[int, int]]) -> dict[str, list[tuple[str, int, int]]]:
    out: dict[str, list[tuple[str, int, int]]] = {}

    def add(kind: str, value: str, s: int, e: int) -> None:
        out.setdefault(kind, []).append((value, s, e))
        taken.append((s, e))

    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        if w in _WEEKDAYS:
            add("weekday", w, m.start(), m.end())
        elif w in _MONTHS and (m.group(0)[0].isupper()) and not (w == "may" and m.start() == 0):
            add("month", w, m.start(), m.end())
            near = re.match(r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,\d)", text[m.end():])
            before = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$", text[:m.start()])
            if near and not _YEAR.fullmatch(near.group(1)):
                add("day", f"{w} {int(near.group(1))}", m.start(), m.end() + near.end())
            elif before:
                add("day", f"{w} {int(before.group(1))}", before.start(1), m.end())
        elif w in _SEASONS:
            add("season", "autumn" if w == "fall" else w, m.start(), m.end())
    for m in _YEAR.finditer(text):
        add("year", m.group(1), m.start(), m.end())
    for m in _BC.finditer(text):
        add("year", f"{m.group(1)} {m.group(2)}", m.start(), m.end())
    for m in _RACE_TIME.finditer(text):   # "2:04:12" is a time taken (a race's), not a time of day nor numbers
        taken.append((m.start(), m.end()))
    for m in _CLOCK.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        hour = int(m.group(1) or m.group(4))
        if m.group(3) and m.group(3).lower().startswith("p") and hour < 12:
            hour += 12
        zone = _ZONE_AFTER.match(text, m.end())
        offset = cues.clock_zones.get(zone.group(1).lower()) if zone else None
        if zone is not None and offset is not None:
            # "09:30 IST" and "04:00 GMT" are one moment: a time given in a named zone is read as UTC, apart from
            # the clock times of the place (unzoned or "local time"), which name another frame
            minutes = (hour * 60 + int(m.group(2) or m.group(5) or 0) - round(offset * 60)) % (24 * 60)
            add("utc", str(minutes // 60), m.start(), m.end() + zone.end() - zone.start())
            continue
        add("clock", str(hour), m.start(), m.end())
        if m.group(3):   # "6.40" may be a time or a figure; "6.40 a.m." is a time of a part of the day
            out.setdefault("part", []).append((_clock_part(hour), m.start(), m.end()))
    for s, e in _spans(cues.day_parts, text):
        part = text[s:e].lower().split()[-1]
        if part in ("am", "pm"):
            continue
        add("part", {"dawn": "morning", "midday": "afternoon", "noon": "afternoon", "dusk": "evening",
                     "midnight": "night", "overnight": "night"}.get(part, part), s, e)
    return out


def _clock_part(hour: int) -> str:
    """The part of the day (``day_parts`` as ``_dates`` names them) an hour of the clock falls in."""
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 18:
        return "afternoon"
    return "evening" if 18 <= hour < 22 else "night"


def _amounts(text: str, cues: PairCues, taken: list[tuple[int, int]]) -> list[Amount]:
    """Numbers with their units in base units: money in its currency, "12 km" in metres, "25%" as a share."""
    out: list[Amount] = []
    lex = load_stance_lexicon()
    last: tuple[str, float, int] | None = None   # the last amount's unit, factor to it and end
    for m in _NUMBER.finditer(text):
        if any(s < m.end("num") and m.start("num") < e for s, e in taken):
            continue
        value = float(m.group("num").replace(",", ""))
        begin = m.start("cur") if m.group("cur") else m.start("num")
        if m.group("scale"):
            scale = m.group("scale").lower()
            if scale == "m" and not m.group("cur"):
                # "12 m" is metres, not millions
                metre, factor = cues.conversions.get("m", ("metre", 1.0))
                out.append(Amount(value * factor, metre, begin, m.end(), _approx(text, begin, lex)))
                continue
            value *= _SCALES[scale]
        as_written = value   # the number as written, before any conversion of its unit
        end = m.end()
        unit: str | None = None
        if m.group("cur"):
            unit = _CURRENCY[m.group("cur")]
            value *= lex.usd.get(unit, 1.0)
            unit = "USD"
        elif m.group("pct"):
            unit, value = "share", value / 100
        elif m.group("deg"):
            unit = "celsius"
            if m.group("deg").strip().lstrip("°").upper() == "F":
                value = (value - 32) * 5 / 9
        else:
            before = re.search(r"([A-Za-z]+)\s*$", text[:begin])
            if before and before.group(1).lower() in cues.unit_before:
                # "magnitude 5.8", "a category 4 storm": the measure is named before its number
                unit = before.group(1).lower()
                begin = before.start(1)
            else:
                unit, used, factor = _unit_after(text[end:], cues, lex)
                if unit is None and last and _SAME_MEASURE_GAP.fullmatch(text, last[2], begin):
                    unit, factor = last[0], last[1]
                end += used
                value *= factor
        value_unit = unit or "count"
        rate = _RATE_AFTER.match(text, end)
        if rate and value_unit != "share":
            per = (rate.group("per") or rate.group("ly")).lower()
            value_unit = f"{value_unit}/{'day' if per == 'dai' else 'year' if per == 'annual' else per}"
        out.append(Amount(value, value_unit, begin, end, _approx(text, begin, lex)))
        last = (value_unit, value / as_written if as_written else 1.0, end) if value_unit != "count" else None
    shares: dict[str, list[tuple[str, float]]] = {}
    for k, v in cues.fractions.items():
        if v < 1:
            shares.setdefault(k[:1], []).append((k, v))
    for m in _WORD.finditer(text):  # "twelve miners", "a dozen", "two-thirds", "one in five"
        if any(s < m.end() and m.start() < e for s, e in taken) or any(a.start <= m.start() < a.end for a in out):
            continue
        low = m.group(0).lower()
        n = _number_word(low, cues) if low not in ("a", "an", "one") else None
        # only the fractions starting with the word's first letter can start here (a word at a time)
        frac = next((v for k, v in shares.get(low[:1], ()) if text[m.start():m.start() + len(k)].lower() == k), None)
        if frac is not None:
            k = next(k for k, v in cues.fractions.items() if v == frac and text[m.start():].lower().startswith(k))
            out.append(Amount(frac, "share", m.start(), m.start() + len(k)))
            continue
        # every word of a sentence comes here: the look-ahead is read only after the word that starts it,
        # and on the next few characters rather than the rest of the text
        one_in = _ONE_IN.match(text, m.start()) if low == "one" else None
        if one_in:
            d = _number_word(one_in.group(1), cues)
            if d:
                out.append(Amount(1 / d, "share", m.start(), one_in.end()))
            continue
        if low == "dozen" or (low == "a" and text[m.start():m.start() + 7].lower() == "a dozen"):
            n = 12.0
        if n is None or n < 2:
            continue
        after = text[m.end():]
        scaled = re.match(r"\s+(hundred|thousand|million|billion)\b", after, re.IGNORECASE)
        shift = 0
        if scaled:
            n *= _SCALES.get(scaled.group(1).lower(), 100.0)
            shift = scaled.end()
        counted, used, factor = _unit_after(after[shift:], cues, lex)
        if counted is None:
            continue  # "two of them": a number word with no noun names nothing comparable
        out.append(Amount(n * factor, counted, m.start(), m.end() + shift + used, _approx(text, m.start(), lex)))
    # what each count counts: "four killed" and "6,000 in shelters" are never one figure given twice
    return [Amount(a.value, a.unit, a.start, a.end, a.approx, count_kind(text, a.start, a.end),
                   _bound(text, a.start, lex) if a.approx else "") for a in out]


def _approx(text: str, start: int, lex: Any) -> bool:
    before = " ".join(text[:start].split()[-3:])
    return bool(lex.approximate.search(before) or lex.at_least.search(before) or lex.at_most.search(before))


def _bound(text: str, start: int, lex: Any) -> str:
    """"min" when the words before a number make it a floor, "max" a ceiling, "" otherwise; a word of nearness
    ("nearly", "almost": ``near_values`` in ``data/pair_cues.yaml``) puts the number close to the figure, not past
    it."""
    before = " ".join(text[:start].split()[-3:])
    for bound, rx in (("min", lex.at_least), ("max", lex.at_most)):
        m = rx.search(before)
        if m and m.group(0).strip().lower() not in load_pair_cues().near_values:
            return bound
    return ""


def amounts_within(x: Amount, y: Amount, firm: float = SAME_TOLERANCE) -> bool:
    """Do two amounts of one thing agree? Within ``firm`` (``APPROX_TOLERANCE`` when either is approximate), and a
    bound against an exact figure on its own side of it (``BOUND_TOLERANCE``): "at least 23" / "19" conflict, "more
    than 400" / "412" agree."""
    ratio = max(x.value, y.value) / max(min(x.value, y.value), 1e-9)
    if bool(x.bound) != bool(y.bound):
        b, e = (x, y) if x.bound else (y, x)
        if not e.approx:
            over = e.value >= b.value
            if (b.bound == "min") == over:
                return ratio <= BOUND_TOLERANCE
            return ratio <= SAME_TOLERANCE
    return ratio <= (APPROX_TOLERANCE if (x.approx or y.approx) else firm)


_AUXILIARIES = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "be", "will", "would"})
_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
_MODALS = frozenset({"may", "might", "could"})
_CAN = re.compile(r"\b(?:can|cannot|can't)\b", re.IGNORECASE)
_COULD_NOT = re.compile(r"\bcould\s+not\b|\bcouldn't\b", re.IGNORECASE)
_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|those|these)(?:\s+[A-Za-z]+['’]s?)?(?=\s)",
                      re.IGNORECASE)
#: the whole's number in a part of it ("14 of the train's [30] wagons"): the part counts what the whole does
_WHOLE_NUMBER = re.compile(r"\s+(?:\d[\d,.]*|[A-Za-z]+(?:-[A-Za-z]+)?)(?=\s)")
#: between an amount and a bare number that is the same measure's earlier or later value ("12,500 taka, up from
#: 8,000", "from 85 euros to 95"): the bare number takes the amount's unit
_SAME_MEASURE_GAP = re.compile(r"\s*,?\s*(?:(?:up|down|rising|falling|rose|fell|increased|decreased)\s+)?"
                               r"(?:from|to|against|compared\s+with)\s*$", re.IGNORECASE)


def _unit_after(after: str, cues: PairCues, lex: Any) -> tuple[str | None, int, float]:
    """(unit, characters used, factor to the base unit) from the words after a number."""
    part = _PART_OF.match(after)
    if part:   # "2,300 of its drivers": the count is of the noun after the determiner
        rest = after[part.end():]
        whole = _WHOLE_NUMBER.match(rest)
        if whole and (whole.group(0).strip()[0].isdigit() or _number_word(whole.group(0).strip().lower(), cues)):
            rest, skip = rest[whole.end():], whole.end()   # "14 of the train's 30 wagons": of wagons, as the 30
        else:
            skip = 0
        unit, used, factor = _unit_after(rest, cues, lex)
        return (unit, part.end() + skip + used, factor) if unit else (None, 0, 1.0)
    m = re.match(r"\s*(?:[-–]\s*)?([A-Za-z/]+(?:\s+[A-Za-z/]+){0,2})", after)
    if not m:
        return None, 0, 1.0
    words = m.group(1).split()
    for k in (2, 1):  # "cubic metres", "square kilometres", "km/h"
        if len(words) >= k:
            key = " ".join(singular(w.lower()) for w in words[:k])
            raw = " ".join(w.lower() for w in words[:k])
            for cand in (key, raw):
                if cand in cues.conversions:
                    unit, factor = cues.conversions[cand]
                    used = after.lower().find(words[k - 1].lower()) + len(words[k - 1])
                    return unit, used, factor
    for i, w in enumerate(words[:3]):
        if w.lower() in _AUXILIARIES:
            break   # "12 passengers [were killed]": the verb after an auxiliary is not what is counted
        if w.lower() in _RATE_WORDS:
            break   # "1,030 naira a litre": what follows "a" or "per" is the rate's denominator, not what is counted
        s = singular(w.lower())
        if s in cues.families:
            head = words[i + 1] if i + 1 < len(words) else ""
            if singular(head.lower()) in cues.people:   # "1,400 bus drivers": a compound's head counts people
                return singular(head.lower()), after.find(head, after.find(w) + len(w)) + len(head), 1.0
            return cues.families[s], after.find(w) + len(w), 1.0
        if w.lower() in lex.measures:
            return lex.measures[w.lower()], after.find(w) + len(w), 1.0
    first = words[0]
    if first.isalpha() and first[0].islower() and first.lower() not in STOP_TERMS and len(first) > 2:
        # the plural head of a short noun phrase is what is counted ("42 rural schools", "27 village schools"), not
        # the adjective or noun modifying it
        for w in words[1:3]:
            low = w.lower()
            if not w.isalpha() or low in STOP_TERMS or low in _AUXILIARIES or low in _RATE_WORDS:
                break
            if low.endswith("s") and not low.endswith("ss") and len(low) > 3 and not first.lower().endswith("s"):
                return singular(low), after.find(w, after.find(first) + len(first)) + len(w), 1.0
        return singular(first.lower()), after.find(first) + len(first), 1.0
    return None, 0, 1.0


def _words_end(rest: str, begin: int, n: int) -> int:
    """The offset just after the first ``n`` words of ``rest``, a stretch of the text starting at ``begin`` (``begin``
    when it has none): the n-th word's own place, not the first place its letters occur (the last "the" of "forced
    [the] evacuation of residents from buildings in the old town" is not the first)."""
    words = list(re.finditer(r"\S+", rest))[:n]
    return begin + words[-1].end() if words else begin


#: a passive before a marker of the cause-before class: "the plant [was] forced to stop" names no cause before it
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|get|gets|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def reason_marker(text: str, start: int, cues: PairCues) -> tuple[str, int, int, int] | None:
    """The reason marker at ``start``: (class, marker end, start and end of the act it explains).

    Class "after" (``reasons``, ``cause_after``): the act is the clause before the marker, the cause after it
    ("closed [after] a landslide", "the closure [followed] a landslide"); "before" (``cause_before``): the cause is
    before the marker, the act after it ("a landslide [forced] the closure of the road"); "frame"
    (``reason_frames``): the act between the halves, the cause after them ("[blamed] the outbreak [on] growers ...").
    None where no marker starts there or one only looks like one ("was [followed by] a tsunami").
    """
    for rx in cues.reason_frames:
        f = rx.match(text, start)
        if f:
            return "frame", f.end(), f.start("act"), f.start("act") + len(f.group("act").rstrip())
    m = cues.reasons.match(text, start)
    if not m:
        return None
    no = cues.not_causes.match(text, start)
    if no and no.end() == m.end():
        return None
    before = cues.reasons_before.match(text, start)
    if before and before.end() == m.end():
        rest = re.split(r"[,;:.!?]|\b(?:and|but|which|who|while|said|according)\b", text[m.end():], maxsplit=1)[0]
        return "before", m.end(), m.end(), _words_end(rest, m.end(), OUTCOME_WORDS)
    clause = re.split(r"[,;:]", text[:start])[-1]
    return "after", m.end(), start - len(clause), start


#: where a cause told before its marker starts at the latest: after a clause's subject and reporting verb ("the
#: inquiry found [that] a worn bearing caused ...", "rain fell [and] a landslide forced ...")
_CAUSE_OPENS = re.compile(r"\b(?:that|and|but|which|who|while|said|according)\b", re.IGNORECASE)


def _cause_before(text: str, start: int) -> str:
    """The words of a cause told before the marker at ``start`` (class "before" of ``reason_marker``): its clause's
    last ``REASON_WORDS`` words, after a reporting verb or a "that" ("Investigators said on Monday that [a worn
    bearing] caused ..."): the clause's first words there are the report's, not the cause's."""
    clause = _CAUSE_OPENS.split(re.split(r"[,;:]", text[:start])[-1])[-1]
    return " ".join(clause.split()[-REASON_WORDS:])


def _reasons(text: str, cues: PairCues) -> list[tuple[int, int, frozenset[str]]]:
    """A text's stated reasons: (marker start, end, the cause's content words); the span runs from the marker over
    the cause (class "after", "frame") or over the act it explains (class "before", the cause before it)."""
    out = []
    starts = {m.start() for m in cues.reasons.finditer(text)}
    starts.update(m.start() for rx in cues.reason_frames for m in rx.finditer(text))
    covered = -1
    for start in sorted(starts):
        marker = reason_marker(text, start, cues) if start >= covered else None
        if marker is None:
            continue
        kind, marker_end, _act_start, act_end = marker
        if kind == "before":
            if _PASSIVE_BEFORE.search(text[:start]):
                continue
            terms = content_terms(_cause_before(text, start))
            if terms and act_end > marker_end:
                out.append((start, act_end, terms))
            covered = marker_end
            continue
        covered = marker_end
        rest = re.split(r"[,;:.!?]|\b(?:and|but|which|who|while|said|according)\b", text[marker_end:], maxsplit=1)[0]
        words = rest.split()[:REASON_WORDS]
        if not words:
            continue
        end = _words_end(rest, marker_end, REASON_WORDS)
        terms = content_terms(" ".join(words))
        if terms:
            out.append((start, end, terms))
    return out


def _done(text: str, cues: PairCues) -> list[tuple[int, int]]:
    """Past-tense verbs that state an act as done ("approved", "sank")."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        if m.start() == 0 and m.group(0)[0].isupper():
            continue
        if (w.endswith("ed") and len(w) > 4 and w not in ("need", "speed", "proceed")) or w in cues.done_irregular:
            out.append((m.start(), m.end()))
    return out


def _subject(text: str, verbs: list[tuple[int, int]]) -> tuple[int, int, frozenset[str]]:
    """The words before the sentence's first verb-like word: who acts ("Firefighters rescued ...")."""
    first = min((s for s, _ in verbs), default=-1)
    if first <= 0:
        return 0, 0, frozenset()
    head = text[:first]
    words = head.split()
    if len(words) > SUBJECT_WORDS:
        return 0, 0, frozenset()
    end = len(head.rstrip())
    return 0, end, content_terms(head)


#: an agent phrase ends at a clause edge or where a new clause or an adjunct starts ("by two men [who ...]")
_AGENT_END = re.compile(r"[,;:.!?()\"“”]|\s(?:who|which|that|after|because|while|when|during|on|at|near|since|"
                        r"before|with|using|and|but|as|to|for|in|from|last|earlier|early|late)\s|\s\d", re.IGNORECASE)
#: "was stolen by", "were set alight by", "had been ordered by" (the verb and up to two particles before "by")
_PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|been|being|be|got)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)"
                         r"(?P<more>(?:\s+(?:\w+)){0,2}?)\s+by\s+(?=\S)", re.IGNORECASE)
#: passive verbs that state a cause, not an agent ("was caused by a broken rail"): the reasons read those
_CAUSE_VERBS = frozenset({"caused", "triggered", "sparked", "prompted", "driven", "brought", "fuelled", "fueled",
                          "affected", "hit", "followed", "accompanied", "replaced"})
#: a subject ending in these is the patient of a passive verb, not its agent
_BE_AUX = re.compile(r"\b(?:was|were|is|are|been|being|be|has|have|had|got)\s*$", re.IGNORECASE)
#: words after a participle that show it starts a clause of its own ("a group [calling itself] ..."; not
#: "a printing company")
_PARTICIPLE_NEXT = frozenset({"as", "in", "itself", "themselves", "the", "a", "an", "to", "with", "on", "for", "from",
                              "by", "at", "into", "through", "his", "her", "their", "its"})
#: words an agent phrase runs to
AGENT_WORDS = 7
#: words of the act an agent did (its clause before a passive verb, or after an active one)
ACT_WORDS = 6


def _agent_phrase(text: str, start: int) -> tuple[int, int]:
    edge = _AGENT_END.search(text, start)
    end = edge.start() if edge else len(text)
    words = list(_WORD.finditer(text[start:end]))[:AGENT_WORDS]
    rest = list(_WORD.finditer(text[start:]))
    # "two men [posing as cleaners]", "a militia [involved in ...]": a participle ends it
    for k, w in enumerate(words):
        word = w.group(0)
        after = rest[k + 1].group(0).lower() if k + 1 < len(rest) else ""
        if k and word.islower() and (word.endswith("ing") or (k >= 2 and word.endswith("ed"))) \
                and (after in _PARTICIPLE_NEXT or k + 1 >= len(words)):
            words = words[:k]
            break
    return (start, start + words[-1].end()) if words else (start, start)


def _act_before(text: str, end: int) -> frozenset[str]:
    clause = re.split(r"[,;:]", text[:end])[-1]
    return content_terms(" ".join(clause.split()[-ACT_WORDS:]))


def _act_after(text: str, start: int) -> frozenset[str]:
    clause = re.split(r"[,;:]", text[start:])[0]
    return content_terms(" ".join(clause.split()[:ACT_WORDS]))


def _agents(text: str, cues: PairCues, subject: tuple[int, int, frozenset[str]],
            verbs: list[tuple[int, int]]) -> list[Agent]:
    """Who did what: the by-agent of a passive ("the bus was set alight [by a group of fans]"), the one an
    act is blamed on or attributed to, the one claiming it, else the sentence's subject with its verb."""
    out: list[Agent] = []
    for m in _PASSIVE_BY.finditer(text):
        if m.group("verb").lower() in _CAUSE_VERBS:
            continue
        s, e = _agent_phrase(text, m.end())
        if e > s:
            act = _act_before(text, m.start()) | content_terms(m.group("verb") + m.group("more"))
            out.append(Agent(s, e, content_terms(text[s:e]), act))
    blamed = False
    for m in cues.agent_blame.finditer(text):   # "blamed the attack on X", "was blamed on X", "attributed to X"
        rest = text[m.end():]
        if re.search(r"\s(?:on|to)$", m.group(0)):   # "blamed on X": the agent follows
            on = re.match(r"\s*", rest)
        else:   # "blamed the attack on X"
            on = re.match(r"(?P<what>(?:\s+[\w'’-]+){1,6}?)\s+(?:on|to)\s+", rest)
        if not on:
            continue
        s, e = _agent_phrase(text, m.end() + on.end())
        if e > s and not any(a.start == s for a in out):
            what = on.groupdict().get("what") or ""
            # "officials blamed [the attack] on X": the act is what is blamed; "the attack was blamed on X": before
            out.append(Agent(s, e, content_terms(text[s:e]),
                             content_terms(what) if what.strip() else _act_before(text, m.start())))
            blamed = True
    for m in cues.agent_claims.finditer(text):  # "X claimed responsibility for the attack"
        head = re.split(r"[,;:]", text[:m.start()])[-1]
        words = head.split()
        if 0 < len(words) <= SUBJECT_WORDS:
            s = m.start() - len(head.lstrip())
            e = m.start() - (len(head) - len(head.rstrip()))
            out.append(Agent(s, e, content_terms(head), _act_after(text, m.end())))
    head = text[subject[0]:subject[1]]
    # the subject of the first verb acts, unless the verb is passive ("The derailment [was] caused ...")
    overlaps = any(a.start < subject[1] and subject[0] < a.end for a in out)
    if subject[1] and not blamed and not _BE_AUX.search(head) and not overlaps:
        verb_end = min((e for s, e in verbs if s >= subject[1]), default=subject[1])
        out.append(Agent(subject[0], subject[1], subject[2], _act_after(text, subject[1])
                         | content_terms(text[subject[1]:verb_end]), attributed=False))
    return [a for a in out if a.agent]


def _sentences(text: str) -> list[Sentence]:
    out, pos = [], 0
    for part in _SENT_END.split(text):
        at = text.find(part, pos)
        if part.strip():
            out.append(Sentence("pair", at, at + len(part), part))
        pos = at + len(part)
    return out


@_run_memo
@functools.lru_cache(maxsize=65536)
def _figures(text: str) -> tuple[dict[str, list[tuple[str, int, int]]], list[Amount], list[Amount]]:
    """(dates, lengths of time, amounts) of a text, each read where the ones before it are not: ``read_side``
    and ``fact_keys`` read the same sentences."""
    cues = load_pair_cues()
    taken: list[tuple[int, int]] = []
    dates = _dates(text, cues, taken)
    durations = _periods(text, cues, taken)
    return dates, durations, _amounts(text, cues, taken)


@_run_memo
@functools.lru_cache(maxsize=4096)
def read_side(text: str) -> SideFacts:
    """Everything the pair features read off one side (a claim's sentence or a few sentences)."""
    cues = load_pair_cues()
    dates, durations, amounts = _figures(text)
    words = [w.lower() for w in _WORD.findall(text)]
    facts = SideFacts(text=text, terms=content_terms(text), words=words, amounts=amounts, durations=durations,
                      dates=dates)
    facts.hedges = _spans(cues.hedges, text)
    facts.planned = _spans(cues.planned, text)
    facts.blocked = _spans(cues.blocked, text)
    facts.positive = _spans(cues.positive, text)
    facts.negative = _spans(cues.negative, text)
    facts.reasons = _reasons(text, cues)
    facts.done = _done(text, cues)
    verbs = facts.done + facts.planned + facts.hedges + facts.blocked + facts.positive + facts.negative
    facts.subject = _subject(text, verbs)
    # the agent's verb is a verb of the act, not an attitude word ("[Protesters] pulled down the statue")
    facts.agents = _agents(text, cues, _subject(text, facts.done), facts.done)
    facts.claims = find_claims("pair", _sentences(text))
    return facts


# --- pair features --------------------------------------------------------------------------------

def _jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@functools.lru_cache(maxsize=65536)   # as ``_around``: read again for each pair
def _hedged_words(text: str, end: int) -> frozenset[str]:
    """Content words of what a hedge qualifies: the words of its clause after the cue."""
    clause = re.split(r"[,;:]", text[end:])[0]
    return content_terms(" ".join(clause.split()[:HEDGED_WORDS]))


#: content words at the start of a reason that say what the cause is ("because of [illegal blasting]")
REASON_HEAD_WORDS = 2


@_side_memo
def _reason_heads(s: SideFacts) -> frozenset[str]:
    """The first content words of each of a side's reasons (what the cause is, before what it is about)."""
    out: set[str] = set()
    cues = load_pair_cues()
    for start, end, _ in s.reasons:
        words = [w for w in _WORD.findall(s.text[start:end]) if content_terms(w)]
        kind = reason_marker(s.text, start, cues)
        if kind and kind[0] == "before":   # the cause is before the marker: "a worn bearing caused ..."
            cause = _cause_before(s.text, start)
            out.update(next(iter(content_terms(w))) for w in [w for w in _WORD.findall(cause) if content_terms(w)]
                       [:REASON_HEAD_WORDS])
            continue
        # the marker itself ("because", "caused") is not the cause
        marker = cues.reasons.match(s.text, start)
        skip = len(_WORD.findall(marker.group(0))) if marker else 0
        if kind and kind[0] == "frame":   # "blamed the outbreak on [growers ...]": the cause after the frame
            skip = len(_WORD.findall(s.text[start:kind[1]]))
        out.update(next(iter(content_terms(w))) for w in words[skip:skip + REASON_HEAD_WORDS] if content_terms(w))
    return frozenset(out)


def _explained_text(text: str, start: int) -> str:
    """The words of what the reason whose marker is at ``start`` explains, as written: its clause before the marker,
    or the act after a marker of the cause-before class or inside a frame (``reason_marker``)."""
    marker = reason_marker(text, start, load_pair_cues())
    if marker and marker[0] != "after":
        return " ".join(text[marker[2]:marker[3]].split()[:OUTCOME_WORDS])
    clause = re.split(r"[,;:]", text[:start])[-1]
    return " ".join(clause.split()[-OUTCOME_WORDS:])


def _explained(text: str, start: int) -> frozenset[str]:
    """Content words of what a reason explains (``_explained_text``)."""
    return content_terms(_explained_text(text, start))


@functools.lru_cache(maxsize=65536)   # each fact of a side is read again for each pair the side is in
def _around(text: str, start: int, end: int) -> frozenset[str]:
    """Content words within CONTEXT_WORDS words either side of a span: what an amount or a date is of."""
    before = text[:start].split()[-CONTEXT_WORDS:]
    after = text[end:].split()[:CONTEXT_WORDS]
    return content_terms(" ".join(before + after))


@functools.lru_cache(maxsize=65536)   # as ``_around``: read again for each pair
def _around_event(text: str, start: int, end: int) -> frozenset[str]:
    """``_around`` with the event named there under any of its names: "5,000 people [marched]" / "20,000
    people joined [the march]", "[halted] for two hours" / "[the shutdown] lasted 45 minutes"."""
    before = text[:start].split()[-CONTEXT_WORDS:]
    after = text[end:].split()[:CONTEXT_WORDS]
    window = " ".join(before + after)
    return content_terms(window) | event_families(window)


def _context_overlap(a: SideFacts, b: SideFacts, xs: list[tuple[str, int, int]],
                     ys: list[tuple[str, int, int]]) -> float | None:
    """Best overlap of the words around two facts of one kind (same unit, same date kind) on the two sides.

    Two sentences of one story may give "85,000 people" and "six people" for two different things
    (displaced / dead): the words around the figures tell them apart where the sentence as a whole
    shares the story's words. None when no two facts are comparable.
    """
    best: float | None = None
    for kx, sx, ex in xs:
        for ky, sy, ey in ys:
            if kx == ky:
                # by the words' first letters: "[killing] seven passengers" / "12 passengers were [killed]"
                o = _jaccard(_prefixes(_around_event(a.text, sx, ex)), _prefixes(_around_event(b.text, sy, ey)))
                best = o if best is None else max(best, o)
    return best


#: letters of a word around a fact that tell what the fact is of, whatever its ending ("killing" / "killed")
CONTEXT_PREFIX = 4


@functools.lru_cache(maxsize=65536)
def _prefixes(terms: frozenset[str]) -> frozenset[str]:
    return frozenset(k[:CONTEXT_PREFIX] for k in terms)


#: count kinds that count people whatever noun of people the clause gives them ("twelve others were injured" /
#: "four passengers were injured"); "affected" counts homes and customers as often as people, so not here
_PEOPLE_KINDS = frozenset({"killed", "injured", "displaced", "arrested", "missing", "rescued"})


def people_unit(x: Amount) -> str:
    """The unit a count is compared under: "people" for a count of one kind of people under any noun of
    people ("twelve others were injured", "four passengers were injured"), else its own unit."""
    return "people" if x.kind in _PEOPLE_KINDS and x.unit in load_pair_cues().people else x.unit


def comparable_amounts(x: Amount, y: Amount) -> bool:
    """May two amounts be figures of one thing? One unit and counts of one kind, or counts of one kind of people
    under two nouns of people (the kind is what is counted: "12 others were injured" / "four passengers were
    hurt"; not "six villages were evacuated" / "1,500 residents were evacuated")."""
    if x.unit == y.unit:
        return counts_fit(x.kind, y.kind)
    return x.kind == y.kind and people_unit(x) == people_unit(y) == "people"


def _worst_match(xs: list[Amount], ys: list[Amount]) -> tuple[float, bool, bool]:
    """(largest log-ratio of an amount to its nearest counterpart of the same unit, any comparable pair,
    every comparable amount agreeing within its tolerance)."""
    worst, comparable, agree = 0.0, False, True
    scales = load_pair_cues().unit_before
    for x in xs:
        same = [y for y in ys if comparable_amounts(x, y)]
        if not same:
            continue
        comparable = True
        ratios = [(max(x.value, y.value) / max(min(x.value, y.value), 1e-9), y) for y in same
                  if x.value > 0 and y.value > 0]
        if not ratios:
            continue
        ratio = min(r for r, _ in ratios)
        worst = max(worst, math.log(ratio))
        if x.unit in scales:
            # a point on a scale ("magnitude 5.8" / "6.2") is given exactly, not rounded
            agree = agree and ratio <= 1.001
        elif not any(amounts_within(x, y) for _, y in ratios):
            agree = False
    return worst, comparable, agree


def _claims_features(a: SideFacts, b: SideFacts) -> dict[str, float]:
    """The rule dimensions' conflicts between the two sides' claims, as features."""
    f: dict[str, float] = {}
    for x in a.claims:
        for y in b.claims:
            if x.kind != y.kind:
                continue
            if (x.kind == "quantity" and x.pole == y.pole and None not in (x.low, x.high, y.low, y.high)
                    and counts_fit(claim_count_kind(x), claim_count_kind(y))):
                tol = QUANTITY_TOLERANCE if (x.converted or y.converted) else SAME_UNIT_TOLERANCE
                if not (x.low / tol <= y.high and y.low / tol <= x.high):  # type: ignore[operator]
                    f["dim:quantity"] = 1.0
            elif x.kind == "cause":
                if (x.pole == "denied") != (y.pole == "denied") and set(x.cause) & set(y.cause):
                    f["dim:cause_denied"] = 1.0
                elif x.cause and y.cause and not set(x.cause) & set(y.cause):
                    f["dim:cause_rival"] = 1.0
            elif x.kind in ("frame", "pole") and x.dimension == y.dimension and x.pole != y.pole:
                f[f"dim:{x.kind}"] = 1.0
    return f


#: content words after a plan's or a denial's cue that name its act ("will [reopen]", "would not [suspend]")
STATUS_VERB_WORDS = 2


@_side_memo
def status_verbs(s: SideFacts) -> frozenset[str]:
    """The stems of the acts a side gives a state: its verbs told as done ("has [closed]") and the words a plan or a
    denial governs ("will [reopen]", "denied [towing]"), reporting verbs aside. A state of one act told twice names
    that act on both sides ("has suspended" / "will consider suspending"); "has closed" / "will reopen next week" and
    "has ordered an inquiry" / "the inquiry would examine" are states of two acts."""
    reporting = load_pair_cues().reporting
    words: set[str] = set()
    for x, y in s.done:
        words |= {w for w in content_terms(s.text[x:y]) if w not in reporting}
    for _x, y in [*s.planned, *s.blocked]:
        clause = re.split(r"[,;:.]", s.text[y:], maxsplit=1)[0]
        after = [w for w in _WORD.findall(clause) if content_terms(w) and w.lower() not in reporting]
        words |= set().union(*(content_terms(w) for w in after[:STATUS_VERB_WORDS]))
    return _stems(frozenset(words))


#: endings a word's act key (``act_key``) drops: "lifted" / "lift", "closing" / "closes" / "close"
_INFLECTION = re.compile(r"(?:ing|ed|es|s|e)$")
#: a last consonant written twice: a past or a participle doubles it ("banned", "scrapping"), and some stems end so
#: ("fill", "pass"), so a key keeps it once whether or not an ending came off
_DOUBLED_END = re.compile(r"([b-df-hj-np-tv-z])\1$")


def act_key(word: str) -> str:
    """A word without its inflection, spelled as ``content_terms`` keys are: the key of its act whatever the
    tense ("has lifted" / "whether to lift", "voted to close" / "a decision on closing", "scrapped" / "scrap")."""
    w = word.lower()
    bare = _INFLECTION.sub("", w)
    return term_key(_DOUBLED_END.sub(r"\1", bare if len(bare) >= 3 else w))


@_run_memo
@functools.lru_cache(maxsize=65536)
def done_acts(text: str) -> frozenset[str]:
    """The verbs a sentence tells as done (``SideFacts.done``, as ``status_verbs`` reads them), as ``act_key``,
    reporting verbs aside: two states of one act told in two tenses meet here ("has [lifted]" / "whether to lift").
    Read without the rest of ``read_side``: every sentence of a corpus is read."""
    cues = load_pair_cues()
    return frozenset(act_key(w) for x, y in _done(text, cues) for w in _WORD.findall(text[x:y])
                     if content_terms(w) and not content_terms(w) & cues.reporting)


@_side_memo
def _status(s: SideFacts) -> str:
    if s.blocked:
        return "blocked"
    if s.planned:
        return "planned"
    return "done" if s.done else "other"


#: where a clause ends inside a sentence: a state cue ("delayed", "will") in another clause is not the shared act's
#: ("and", "after", "when" go on with the same act or name: "resigned on Monday after it emerged", "Brest and Quimper")
_CLAUSE_SPLIT = re.compile(r"[,;:()]|\s(?:but|while|whereas|though|although)\s", re.IGNORECASE)


@_run_memo
@functools.lru_cache(maxsize=4096)
def _clauses(text: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """The clauses of ``text`` (``_CLAUSE_SPLIT``) with their content words, read once per sentence: a side meets
    many others, each with other shared words."""
    edges = [0] + [x for m in _CLAUSE_SPLIT.finditer(text) for x in (m.start(), m.end())] + [len(text)]
    return tuple((lo, hi, content_terms(text[lo:hi])) for lo, hi in zip(edges[::2], edges[1::2]))


def act_status(s: SideFacts, shared: frozenset[str]) -> str:
    """The status (``_status``) of the clause of ``s`` that says most of the ``shared`` words: the state of
    the act two sentences share, not of a side remark ("Schools opened normally on Monday[, while some rural
    bus routes ran late]" / "Schools opened as normal[, though buses were delayed]")."""
    lo, hi, _ = max(_clauses(s.text), key=lambda c: (len(c[2] & shared), -c[0]))

    def inside(spans: list[tuple[int, int]]) -> bool:
        # a cue that is the shared act's own verb states no state of it: "suspended a levy" / "would not suspend
        # the levy" are one act (suspending) done and denied, not two acts halted
        # (a one-word cue: "without charge" still negates the charge both sides name)
        return any(lo <= x < hi and (" " in s.text[x:y] or not content_terms(s.text[x:y]) & shared) for x, y in spans)

    if inside(s.blocked):
        stops = [(x, y) for x, y in s.blocked if lo <= x < hi]
        # every cue of the clause puts the act off ("postponed until the autumn"): deferred, not stopped
        return "deferred" if all(_deferred().fullmatch(s.text[x:y]) for x, y in stops) else "blocked"
    # a clause with no planned or blocked cue states the act as it is: "done" and "other" are one state here;
    # "will stay closed" is the state going on, as "was closed" tells it
    if inside(s.planned) and not _continuing().search(s.text, lo, hi):
        return "planned"
    return "done"


@functools.lru_cache(maxsize=1)
def _deferred() -> re.Pattern[str]:
    """The ``deferred`` cues of ``pair_cues.yaml``: an act put off, not stopped ("postponed")."""
    return _phrases(load("pair_cues").get("deferred") or ["postpone*"])


@functools.lru_cache(maxsize=1)
def _tentative() -> re.Pattern[str]:
    """The ``tentative`` cues of ``pair_cues.yaml``: a plan weighed, not decided ("is considering")."""
    return _phrases(load("pair_cues").get("tentative") or ["consider*"])


@functools.lru_cache(maxsize=1)
def _loose_reasons() -> re.Pattern[str]:
    """The ``loose_reasons`` cues of ``pair_cues.yaml``: markers as often of a purpose or a length ("for")."""
    return _phrases(load("pair_cues").get("loose_reasons") or ["for"])


#: words before a hedge cue that make it a noun: "the suspects", "two suspects", "their beliefs"
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|both|all|these|those|his|her|"
                          r"their|its|of|main|other|\d+)\s+)$", re.IGNORECASE)


def verb_hedges(s: SideFacts) -> list[tuple[int, int]]:
    """The hedge cues of a side that are not nouns ("Police suspect arson" hedges; "the suspects will appear" does
    not)."""
    return [(x, y) for x, y in s.hedges if not _NOUN_BEFORE.search(s.text[max(0, x - 20):x])]


def gives_cause(s: SideFacts) -> bool:
    """Does a side state a cause: a reason whose marker is not only a loose one ("for flood victims", "for
    several years" name who or how long, not why)? A loose marker before an act or a "reasons" is a cause still
    ("detained for fishing without a licence", "resigned for health reasons")."""
    loose = _loose_reasons()
    for x, end, terms in s.reasons:
        m = loose.match(s.text, x)
        if not m:
            return True
        after = s.text[m.end():end].split()
        if (after and after[0].lower().endswith("ing")) or any(t.startswith("reason") for t in terms):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _ahead() -> re.Pattern[str]:
    """The ``ahead`` cues of ``pair_cues.yaml``: a time still to come ("next week", "later this year")."""
    return _phrases(load("pair_cues").get("ahead") or ["next week"])


@functools.lru_cache(maxsize=1)
def _continuing() -> re.Pattern[str]:
    """The ``continuing`` cues of ``pair_cues.yaml``: a state going on ("will stay closed")."""
    return _phrases(load("pair_cues").get("continuing") or ["remain"])


#: a speaker is at most this many words before the reporting verb ("[The country's rail operator] said")
SPEAKER_WORDS = 10
#: words after a state cue read as the act it is the state of ("has not yet been [charged]", "will [reopen the line]")
GOVERNED_WORDS = 4
#: a claim's words are compared by their first letters ("agree" / "agreed")
STEM = 5


@dataclass(frozen=True)
class StateCues:
    """The compiled reporting frames and state cues of ``pair_cues.yaml`` that read a claim under its frame."""
    report: re.Pattern[str]
    deny: re.Pattern[str]
    blocked: re.Pattern[str]
    planned: re.Pattern[str]
    skip: frozenset[str]


def _inflections(lemma: str) -> list[str]:
    """A verb's -s and -ed forms by rule ("deny" -> "denies", "denied"; "state" -> "states", "stated")."""
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied"]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d"]
    return [lemma, lemma + ("es" if lemma.endswith(("s", "sh", "ch")) else "s"), lemma + "ed"]


@functools.lru_cache(maxsize=1)
def state_cues() -> StateCues:
    """Compile (once per process) the frames and the cues of a claim's state."""
    data = load("pair_cues")
    modality = load_modality_lexicon()
    report = {*(data.get("report_forms") or []), *(f for w in modality.reporting for f in _inflections(w))}
    deny = {*(data.get("deny_frames") or []), *(f for w in modality.denial for f in _inflections(w))}
    # a plan told in the past is a plan still: "promised to clear", "agreed to pay"
    planned = [*data["planned"], *modality.planned_phrases,
               *(f"{f} to" for w in modality.planned_verbs for f in _inflections(w))]
    blocked = [*data["blocked"], *(data.get("deny_determiners") or [])]
    return StateCues(report=_phrases(report | deny), deny=_phrases(deny), blocked=_phrases(blocked),
                     planned=_phrases(planned), skip=frozenset(w.lower() for w in data.get("state_skip") or []))


@_run_memo
@functools.lru_cache(maxsize=4096)
def claim_frame(text: str) -> tuple[int, int, str]:
    """The claim a sentence states under its reporting frame: (start, end, frame), frame "" (none), "report" or
    "deny". "Police denied that [the driver had been arrested]"; "[Output fell by half], the company said";
    "According to the union, [2,300 workers walked out]". Two outlets give one claim under two frames, or one
    with a frame and one without; the claim's state is read inside it (``claim_state``)."""
    cues = state_cues()
    for m in cues.report.finditer(text):
        before = text[:m.start()]
        comma = before.rfind(",")
        deny = bool(cues.deny.fullmatch(m.group(0)))
        if comma < 0 and len(before.split()) <= SPEAKER_WORDS:
            # a leading frame: "X said (on Monday) (that) ..." / "According to X, ..."
            if m.group(0).lower().startswith(("according", "as reported", "citing")):
                cut = text.find(",", m.end())
                return (cut + 1, len(text), "report") if cut > 0 else (0, len(text), "")
            rest = text[m.end():]
            that = re.match(r"(?:[^,;:.]*?\s)??that\s", rest)
            start = m.end() + (that.end() if that and len(rest[:that.end()].split()) <= 6 else 0)
            return start, len(text), "deny" if deny else "report"
        if comma > 0 and len(before[comma + 1:].split()) <= SPEAKER_WORDS:
            # a trailing frame: "..., the operator said (in a statement)." / "..., according to officials."
            return 0, comma, "deny" if deny else "report"
    return 0, len(text), ""


@_run_memo
@functools.lru_cache(maxsize=4096)
def _claim_cues(text: str) -> tuple[tuple[str, int, frozenset[str], frozenset[str], frozenset[str]], ...]:
    """The state cues inside a sentence's claim (``claim_frame``): (kind, where, the cue's own words, the words of
    the act it governs, those of them after the cue). The act is what the cue's clause names before it ("[The
    recount] will begin") and the next words past auxiliaries and adverbs ("has not [yet been] charged [with
    arson]"). "would" states a plan only under
    a report ("said it would close"); in a sentence of the writer's own it is a conditional ("a long strike would
    remove ...")."""
    cues = state_cues()
    lo, hi, frame = claim_frame(text)
    out: list[tuple[str, int, frozenset[str], frozenset[str], frozenset[str]]] = []
    for kind, rx in (("blocked", cues.blocked), ("planned", cues.planned)):
        for m in rx.finditer(text, lo, hi):
            cue = m.group(0).lower()
            if cue == "would" and not frame:
                continue
            after = [w for w in _WORD.findall(re.split(r"[,;:]", text[m.end():hi], maxsplit=1)[0])
                     if w.lower() not in cues.skip and not w.lower().endswith("ly")][:GOVERNED_WORDS]
            clause = re.split(r"[,;:]", text[lo:m.start()])[-1].split()
            before = clause if len(clause) <= SUBJECT_WORDS else []
            out.append((kind, m.start(), _stems(content_terms(cue)), _stems(content_terms(" ".join(before + after))),
                        _stems(content_terms(" ".join(after)))))
    return tuple(out)


def _stems(terms: frozenset[str]) -> frozenset[str]:
    # shorter than ``content_terms``' keys: "agree" / "agreed", "close" / "closed" meet
    return frozenset(k[:STEM] for k in terms)


@_run_memo
@functools.lru_cache(maxsize=4096)
def claim_terms(text: str) -> frozenset[str]:
    """The content words of a sentence's claim, without its reporting frame (as ``_stems``)."""
    lo, hi, _ = claim_frame(text)
    return _stems(content_terms(text[lo:hi]))


def claim_state(text: str, shared: frozenset[str]) -> str:
    """The state of the act two claims share, as one sentence tells it: "blocked" when a denial or a negation
    governs a shared word ("No one has yet been [charged]") or the frame denies a claim about it ("Police denied
    that the driver had been arrested"), "planned" when a plan does ("will [reopen]"), else "done". A cue
    governing words the other side does not say is a side remark's ("its members could not [wait]")."""
    _, _, frame = claim_frame(text)
    cues = _claim_cues(text)
    if frame == "deny" and claim_terms(text) & shared:
        return "blocked"
    # a cue that is the shared act's own verb states no state of it: "suspended a levy" / "would not suspend the
    # levy" are one act done and denied
    # ("without charge" still negates the charge both sides name)
    live = [(kind, governed) for kind, _, own, governed, _ in cues if len(own) > 1 or not own & shared]
    if any(kind == "blocked" and governed & shared for kind, governed in live):
        return "blocked"
    if any(kind == "planned" and governed & shared for kind, governed in live):
        return "planned"
    return "done"


def claim_states(a: str, b: str) -> tuple[str, str]:
    """``claim_state`` of both sides for the words their claims share."""
    shared = claim_terms(a) & claim_terms(b)
    return claim_state(a, shared), claim_state(b, shared)


@_side_memo
def _first_attitude(s: SideFacts) -> str:
    """"positive" or "negative": the side's first attitude word, "" without one."""
    first = min([(x, "positive") for x, _ in s.positive] + [(x, "negative") for x, _ in s.negative], default=None)
    return first[1] if first else ""


@functools.lru_cache(maxsize=1)
def nation_words() -> dict[str, str]:
    """Country names and demonyms (lower case) -> the country's code, from the actor knowledge base's data."""
    import pycountry

    out: dict[str, str] = {}
    extra = load("kb/countries")
    for c in pycountry.countries:
        spec = extra.get(c.alpha_3) or {}
        names = [spec.get("name") or getattr(c, "common_name", None) or c.name, *(spec.get("demonym") or [])]
        for n in names:
            out[str(n).lower()] = c.alpha_3
    return out


_NATION_HEAD = re.compile(r"^(.{0,80}?)\b(?:was|were|is|are|has|have|had|will|would)\b", re.IGNORECASE)


def _agent_nations(s: SideFacts) -> frozenset[str]:
    """Countries named where the side says who acts: its subject (words before the first auxiliary or
    verb) and its agent phrases ("by Spanish divers")."""
    # read once per side, kept on it: a sentence is one side of many pairs
    held = s.__dict__.get("_agent_nations")
    if held is None:
        held = s.__dict__["_agent_nations"] = _read_agent_nations(s)
    return held


def _read_agent_nations(s: SideFacts) -> frozenset[str]:
    nations = nation_words()
    spans = [s.text[s.subject[0]:s.subject[1]]] + [s.text[g.start:g.end] for g in s.agents]
    head = _NATION_HEAD.match(s.text)
    if head:
        spans.append(head.group(1))
    out: set[str] = set()
    for span in spans:
        low = span.lower()
        for m in _WORD.finditer(low):
            code = nations.get(m.group(0))
            if code:
                out.add(code)
    return frozenset(out)


@_side_memo
def _word_set(s: SideFacts) -> frozenset[str]:
    return frozenset(s.words)


@_side_memo
def _is_tentative(s: SideFacts) -> bool:
    return bool(_tentative().search(s.text))


@_side_memo
def _outcomes(s: SideFacts) -> frozenset[str]:
    """The words of what the side's reasons explain, under any of the outcome's names (``_explained``)."""
    return frozenset().union(*(_explained(s.text, x) | event_families(_explained_text(s.text, x))
                               for x, _, _ in s.reasons))


@_side_memo
def _subject_terms(s: SideFacts) -> frozenset[str]:
    """Who acts: the subject's words and the event families it names."""
    return s.subject[2] | event_families(s.text[s.subject[0]:s.subject[1]])


#: characters before a state word a negation governs it from ("has not yet been [approved]")
NEGATION_REACH = 16
_NEGATED = re.compile(r"(?<![\w'])(?:not|never|no)(?![\w'])|n't(?![\w'])", re.IGNORECASE)


#: a state word that begins a compound ("an open-ended strike", "closed-door talks") tells no state of the thing
_COMPOUND_NEXT = re.compile(r"-\w")


def _tells(half: re.Pattern[str], text: str) -> bool:
    """Does ``text`` tell this half of a pair of states, not negated ("has not reopened" tells neither half: its
    other features read it) nor as the first part of a compound word?"""
    return any(not _NEGATED.search(text, max(0, m.start() - NEGATION_REACH), m.start())
               and not _COMPOUND_NEXT.match(text, m.end()) for m in half.finditer(text))


def _tells_of(half: re.Pattern[str], text: str, shared: frozenset[str]) -> bool:
    """Does the clause of ``text`` saying most of the ``shared`` words (``_clauses``) tell this half of a pair of
    states?"""
    lo, hi, _ = max(_clauses(text), key=lambda c: (len(c[2] & shared), -c[0]))
    return _tells(half, text[lo:hi])


def opposite_states(a: str, b: str) -> bool:
    """Does one text tell one half of a pair of opposite states (``opposite_states`` in ``pair_cues.yaml``) and the
    other text the other half only, of a thing both name ("the intake has been shut" / "the intake stayed open")?"""
    if not content_terms(a) & content_terms(b):
        return False
    for x, y in load_pair_cues().opposite_states:
        xa, ya, xb, yb = _tells(x, a), _tells(y, a), _tells(x, b), _tells(y, b)
        if (xa and not ya and yb and not xb) or (xb and not yb and ya and not xa):
            return True
    return False


def pair_features(a: SideFacts, b: SideFacts) -> dict[str, float]:
    """Symmetric features of a pair of sides (swapping a and b gives the same dict)."""
    f: dict[str, float] = {"bias": 1.0}
    f["sim:terms"] = _jaccard(a.terms, b.terms)
    wa, wb = _word_set(a), _word_set(b)
    f["sim:words"] = _jaccard(wa, wb)
    f["len:ratio"] = min(len(a.words), len(b.words)) / max(len(a.words), len(b.words), 1)
    # amounts
    worst1, comp1, agree1 = _worst_match(a.amounts, b.amounts)
    worst2, comp2, agree2 = _worst_match(b.amounts, a.amounts)
    if comp1 or comp2:
        f["amt:comparable"] = 1.0
        f["amt:logratio"] = min(max(worst1, worst2), 3.0)
        f["amt:conflict" if not (agree1 and agree2) else "amt:agree"] = 1.0
        # two counts of one kind that conflict ("injuring 14 workers" / "31 workers were injured"): the kind is
        # what is counted, however the two clauses are worded around it
        if not (agree1 and agree2) and any(x.kind and x.kind == y.kind and comparable_amounts(x, y)
                                           and not _amount_agree("figure", x, y) for x in a.amounts for y in b.amounts):
            f["amt:kind_conflict"] = 1.0
        if agree1 != agree2:
            # every figure of one side is matched on the other, which adds one ("six died, two of them
            # children"; "31 dead, up from 12"): detail or an update more often than a disagreement
            f["amt:one_way"] = 1.0
    elif a.amounts and b.amounts:
        f["amt:other_units"] = 1.0
    elif a.amounts or b.amounts:
        f["amt:one_side"] = 1.0
    # are the facts of one kind on the two sides about the same thing? (words around them)
    for name, xs, ys in (
            ("amt", [(x.unit, x.start, x.end) for x in a.amounts], [(y.unit, y.start, y.end) for y in b.amounts]),
            ("dur", [("h", x.start, x.end) for x in a.durations], [("h", y.start, y.end) for y in b.durations]),
            ("date", [(k, s, e) for k, v in a.dates.items() for _, s, e in v],
             [(k, s, e) for k, v in b.dates.items() for _, s, e in v])):
        ctx = _context_overlap(a, b, xs, ys)
        if ctx is not None:
            f[f"{name}:context"] = ctx
            if ctx == 0.0:
                f[f"{name}:context_none"] = 1.0
    # durations
    worst_d1, comp_d, agree_d1 = _worst_match(a.durations, b.durations)
    worst_d2, _, agree_d2 = _worst_match(b.durations, a.durations)
    if comp_d:
        ratio = max(worst_d1, worst_d2)
        f["dur:logratio"] = min(ratio, 3.0)
        f["dur:conflict" if ratio > math.log(DURATION_TOLERANCE) and not (agree_d1 and agree_d2) and
          ratio > math.log(APPROX_TOLERANCE if any(x.approx for x in a.durations + b.durations) else
                           DURATION_TOLERANCE) else "dur:agree"] = 1.0
    elif a.durations or b.durations:
        f["dur:one_side"] = 1.0
    # dates
    date_conflict = False
    for kind in ("weekday", "month", "day", "year", "season", "clock", "utc", "part"):
        # the day a claim was made ("the ministry said on Thursday") dates the report, not what it reports
        xa = {v for v, s, _ in a.dates.get(kind, []) if not _REPORTED_ON.search(a.text, 0, s)}
        xb = {v for v, s, _ in b.dates.get(kind, []) if not _REPORTED_ON.search(b.text, 0, s)}
        if xa and xb:
            f[f"date:{kind}:{'conflict' if not xa & xb else 'agree'}"] = 1.0
            date_conflict = date_conflict or not xa & xb
        elif xa or xb:
            f[f"date:{kind}:one_side"] = 1.0
    # two figures of one thing each dated, at two times ("Nine people were treated on Sunday" / "By Monday evening,
    # 14 people had been treated"; "by the end of February, 712 had applied" / "when it closed on 31 May, 1,046 had"):
    # a count read twice as it grew more often than two reports of one reading
    if date_conflict and f.get("amt:conflict"):
        f["amt:dated_apart"] = 1.0
    # hedging
    ha, hb = len(a.hedges), len(b.hedges)
    if bool(ha) != bool(hb):
        f["hedge:xor"] = 1.0
        # is what one side hedges what the other states? the share of the hedged words the firm side has
        # ("investigators suspect [the attack was carried out by a criminal group]")
        hedged, firm = (a, b) if ha else (b, a)
        said = frozenset().union(*(_hedged_words(hedged.text, e) for _, e in hedged.hedges))
        if said:
            f["hedge:cover"] = len(said & firm.terms) / len(said)
    elif ha and hb:
        f["hedge:both"] = 1.0
    # status
    sa, sb = _status(a), _status(b)
    f[f"status:{'|'.join(sorted((sa, sb)))}"] = 1.0
    if sa != sb:
        f["status:differ"] = 1.0
        va, vb = status_verbs(a), status_verbs(b)
        if va and vb:
            f["status:verbs_shared" if va & vb else "status:verbs_differ"] = 1.0
    if bool(a.planned) != bool(b.planned):
        f["planned:xor"] = 1.0
    if bool(a.blocked) != bool(b.blocked):
        f["blocked:xor"] = 1.0
    if opposite_states(a.text, b.text):
        f["state:opposite"] = 1.0
    # an act put in a time still to come on one side ("is due to start next week") and told as done on the other
    # ("has started"): in one report of one day the two cannot both hold, while a plan and the same act done
    # later ("would reopen on Thursday" / "reopened on Thursday") name one time
    ahead_a, ahead_b = bool(_ahead().search(a.text)), bool(_ahead().search(b.text))
    if ahead_a != ahead_b and {sa, sb} == {"planned", "done"} and _status(a if ahead_a else b) == "planned":
        f["plan:ahead_vs_done"] = 1.0
    # the state of the act the two sentences share, read in the clause telling it (``act_status``): "The mayor
    # praised the result" / "The mayor criticised the result, saying the win did not give her a mandate" give the
    # act one state (the "not" is a side remark's), "has been recaptured" / "none of them has been caught" two
    la, lb = _first_attitude(a), _first_attitude(b)
    shared = a.terms & b.terms
    if len(shared) >= ACT_MIN_SHARED:
        state_a, state_b = act_status(a, shared), act_status(b, shared)
        if state_a != state_b:
            f["act:differ"] = 1.0
            f[f"act:{'|'.join(sorted((state_a, state_b)))}"] = 1.0
        else:
            f["act:same"] = 1.0
            if la and lb and la != lb:
                f["att:opposite_same_act"] = 1.0
    # the claims under their reporting frames ("the company said", "according to", "police denied that"): the
    # state of the act they share as each claim tells it (``claim_states``). One claim reported with two verbs, or
    # with a frame on one side only, is one state; a claim and its denial are two
    # (read only where a state cue governs a word both claims say, or a frame denies: a pair of figures or
    # reasons says nothing here)
    fa, fb = claim_frame(a.text)[2], claim_frame(b.text)[2]
    if (fa == "deny") != (fb == "deny"):
        f["frame:deny_one"] = 1.0
    shared_claim = claim_terms(a.text) & claim_terms(b.text)
    if fa == "deny" or fb == "deny" or any(governed & shared_claim for s in (a, b)
                                           for _, _, _, governed, _ in _claim_cues(s.text)):
        ca, cb = claim_state(a.text, shared_claim), claim_state(b.text, shared_claim)
        if ca != cb:
            f["claim:differ"] = 1.0
            f[f"claim:{'|'.join(sorted((ca, cb)))}"] = 1.0
        else:
            f["claim:same"] = 1.0
    # a plan weighed on one side, decided on the other ("is considering making" / "will make")
    if _is_tentative(a) != _is_tentative(b) and a.planned and b.planned:
        f["plan:tentative_xor"] = 1.0
    # attitude
    # the first attitude word of each side is its main clause's ("praised the decision, saying ..." /
    # "criticised the decision, arguing ... until the lights came back on")
    if la and lb:
        f["att:opposite" if la != lb else "att:same"] = 1.0
    # reasons
    if a.reasons and b.reasons:
        ra = frozenset().union(*(t for _, _, t in a.reasons))
        rb = frozenset().union(*(t for _, _, t in b.reasons))
        overlap = _jaccard(ra, rb)
        f["reason:overlap"] = overlap
        f["reason:both_disjoint" if not ra & rb else "reason:both_shared"] = 1.0
        # two reasons disagree only as reasons of one outcome: the words the reason explains, before its marker
        # ("the markets reopened after weeks of panic" / "the crisis was overcome due to joint effort")
        # the outcome under any of its names: "the derailment was caused by" / "the accident happened because"
        oa, ob = _outcomes(a), _outcomes(b)
        # what each reason starts with: "a broken rail [on the curve]" / "the train [was going too fast on the curve]"
        # share "curve" but name two causes
        fa_, fb_ = _reason_heads(a), _reason_heads(b)
        if fa_ and fb_ and not fa_ & fb_:
            f["reason:heads_differ"] = 1.0
        f["reason:outcome"] = _jaccard(oa, ob)
        if not oa & ob:
            f["reason:outcome_none"] = 1.0
    elif a.reasons or b.reasons:
        f["reason:one_side"] = 1.0
    # one event under two names, and the facts of one thing: the figures, lengths of time and dates that conflict
    # are of one thing (``figures_fit``, ``dates_fit``), not of two sub-events
    ea, eb = event_families(a.text), event_families(b.text)
    if ea and eb:
        f["evn:shared" if ea & eb else "evn:differ"] = 1.0
    if "amt:conflict" in f:
        f["fit:figure"] = float(figures_fit("figure", a, b))
    if "dur:conflict" in f:
        f["fit:duration"] = float(figures_fit("duration", a, b))
    if date_conflict:   # a "date:<kind>:conflict" feature
        f["fit:date"] = float(dates_fit(a, b))
    # who acts
    ta, tb = _subject_terms(a), _subject_terms(b)
    if ta and tb:
        rest = _jaccard(a.terms - ta, b.terms - tb)
        f["subj:overlap"] = _jaccard(ta, tb)
        if not ta & tb:
            f["subj:disjoint"] = 1.0
            f["subj:disjoint_rest"] = rest
    # whose people did it: "teams from Greece" / "Italian teams", "a Spanish warship" / "an Italian frigate"
    na, nb = _agent_nations(a), _agent_nations(b)
    if na and nb:
        f["agent:nation_same" if na & nb else "agent:nation_differ"] = 1.0
    # who did the act: by-agents, blame, claims of responsibility, active subjects, compared for the same act
    if a.agents and b.agents:
        best = max(((_jaccard(x.act, y.act), x, y) for x in a.agents for y in b.agents), key=lambda t: t[0])
        act, x, y = best
        f["agent:act"] = act
        if x.agent & y.agent:
            f["agent:same"] = 1.0
        else:
            f["agent:differ"] = 1.0
            f["agent:differ_act"] = act
            if act > 0:
                f["agent:differ_same_act"] = 1.0
    elif a.agents or b.agents:
        f["agent:one_side"] = 1.0
    # no bag of the words only one side has: on the written pairs it memorised stories' words and lost
    # found pairs on the hand-written ones in cross-validation
    f.update(_claims_features(a, b))
    return f


# --- evidence ---------------------------------------------------------------------------------------

Span2 = tuple[int, int]


def _clip(text: str, span: Span2) -> Span2:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1] in " ,;":
        e -= 1
    return s, e


def _conflicting(xs: list[Amount], ys: list[Amount]) -> tuple[Amount | None, Amount | None]:
    best: tuple[float, Amount | None, Amount | None] = (-1.0, None, None)
    for x in xs:
        for y in ys:
            if comparable_amounts(x, y) and x.value > 0 and y.value > 0:
                r = abs(math.log(x.value / y.value))
                if r > best[0]:
                    best = (r, x, y)
    if best[1] is None and xs and ys:
        return xs[0], ys[0]
    return best[1], best[2]


def _first(spans: list[Span2] | list[tuple[int, int, frozenset[str]]]) -> Span2 | None:
    return (spans[0][0], spans[0][1]) if spans else None


def _hedged_evidence(h: SideFacts, firm: SideFacts) -> tuple[Span2 | None, Span2 | None]:
    if not h.hedges:
        return None, None
    s, e = h.hedges[0]
    # the hedged verb: the words after the cue ("may have [caused]"); the firm side states it
    after = [m for m in _WORD.finditer(h.text[e:]) if m.group(0).lower() not in ("have", "been", "be", "to")][:2]
    hs = (s, e + after[0].end()) if after else (s, e)
    fs = None
    for m in after:
        key = m.group(0).lower()[:5]
        hit = re.search(rf"\b{re.escape(key)}\w*", firm.text, re.IGNORECASE)
        if hit:
            fs = (hit.start(), hit.end())
            break
    if fs is None and firm.done:
        fs = firm.done[0]
    return hs, fs


def evidence_spans(label: str, a: SideFacts, b: SideFacts) -> tuple[Span2 | None, Span2 | None]:
    """(span in a, span in b) of the words carrying a disagreement of kind ``label`` (None: not found)."""
    if label == "figure":
        x, y = _conflicting(a.amounts, b.amounts)
        return (x.start, x.end) if x else None, (y.start, y.end) if y else None
    if label == "duration":
        x, y = _conflicting(a.durations, b.durations)
        return (x.start, x.end) if x else None, (y.start, y.end) if y else None
    if label == "date":
        for kind in ("day", "weekday", "month", "year", "season", "clock", "utc", "part"):
            xa, xb = a.dates.get(kind, []), b.dates.get(kind, [])
            if xa and xb and not {v for v, _, _ in xa} & {v for v, _, _ in xb}:
                return (xa[0][1], xa[0][2]), (xb[0][1], xb[0][2])
        da = [(s, e) for v in a.dates.values() for _, s, e in v]
        db = [(s, e) for v in b.dates.values() for _, s, e in v]
        return _first(sorted(da)), _first(sorted(db))
    if label == "hedged_vs_firm":
        if bool(a.hedges) and not b.hedges:
            return _hedged_evidence(a, b)
        if bool(b.hedges) and not a.hedges:
            hb, ha = _hedged_evidence(b, a)
            return ha, hb
        return _first(a.hedges), _first(b.hedges)
    if label == "status":
        def cue(s: SideFacts) -> Span2 | None:
            return _first(s.blocked) or _first(s.planned) or _first(s.done)
        return cue(a), cue(b)
    if label == "attitude":
        return _first(a.positive) or _first(a.negative), _first(b.negative) or _first(b.positive)
    if label == "reason":
        return _first(a.reasons), _first(b.reasons)
    if label == "actor":
        if a.agents and b.agents:
            ga, gb = max(((g, h) for g in a.agents for h in b.agents),
                         key=lambda p: (not (p[0].agent & p[1].agent), _jaccard(p[0].act, p[1].act)))
            return (ga.start, ga.end), (gb.start, gb.end)
        return ((a.subject[0], a.subject[1]) if a.subject[1] else None,
                (b.subject[0], b.subject[1]) if b.subject[1] else None)
    return None, None


# --- the model --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PairVerdict:
    """The model's decision on one pair: the label, its probability, and the evidence on each side."""
    label: str
    probability: float
    span_a: tuple[int, int] | None = None
    span_b: tuple[int, int] | None = None

    @property
    def disagree(self) -> bool:
        return self.label != NONE


def default_model_path() -> Path:
    """The model shipped inside the package."""
    return Path(str(resources.files("storyline").joinpath("models", "disagreement_pairs.npz")))


class PairModel:
    """A fitted pair classifier: a DictVectorizer and a logistic regression over ``pair_features``."""

    def __init__(self, vectorizer: Any, classifier: Any) -> None:
        self.vectorizer = vectorizer
        self.classifier = classifier
        self.labels: list[str] = [str(c) for c in classifier.classes_]

    def probabilities(self, pairs: list[tuple[str, str]]) -> list[dict[str, float]]:
        """Per pair, every label's probability."""
        if not pairs:
            return []
        # a sentence told alike by several outlets (syndicated copies) makes one pair of texts many times over:
        # each distinct pair is read once (a row's probabilities do not depend on the other rows)
        unique = list(dict.fromkeys(pairs))
        feats = [pair_features(read_side(a), read_side(b)) for a, b in unique]
        probs = self.classifier.predict_proba(self.vectorizer.transform(feats))
        of = {pair: [float(p) for p in row] for pair, row in zip(unique, probs)}
        return [dict(zip(self.labels, of[pair])) for pair in pairs]

    def judge(self, pairs: list[tuple[str, str]], min_probability: float = 0.0,
              only: str = "") -> list[PairVerdict]:
        """Per pair, the most probable disagreement label when the pair disagrees in some way with at least
        ``min_probability`` (one minus the probability of ``none``), else ``none``; ``only``: that label, with its
        probability and evidence, whatever the others' probabilities.

        Whether two sentences disagree and how are two questions: a pair the model reads as hedged vs firm
        (0.49) or as a status (0.34) is a disagreement at 0.83, though no one kind reaches 0.7."""
        unique = list(dict.fromkeys(pairs))
        of = {(a, b): verdict(a, b, probs, min_probability, only)
              for (a, b), probs in zip(unique, self.probabilities(unique))}
        return [of[pair] for pair in pairs]


def verdict(a: str, b: str, probs: dict[str, float], min_probability: float = 0.0, only: str = "") -> PairVerdict:
    """``PairModel.judge`` of one pair whose probabilities (``PairModel.probabilities``) are known."""
    if only:
        label, p = only, probs[only]
    else:
        label = max((k for k in probs if k != NONE), key=lambda k: probs[k])
        p = 1.0 - probs.get(NONE, 0.0)
        if p < min_probability or probs[label] < probs.get(NONE, 0.0):
            label, p = NONE, probs.get(NONE, 0.0)
    spans = evidence_spans(label, read_side(a), read_side(b)) if label != NONE else (None, None)
    ea, eb = (_clip(a, spans[0]) if spans[0] else None), (_clip(b, spans[1]) if spans[1] else None)
    return PairVerdict(label, p, ea, eb)


def fit_pair_model(texts: list[tuple[str, str]], labels: list[str], c: float = 1.0) -> PairModel:
    """Fit a pair model on (side a, side b) texts and their labels (both orders are shown)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats = [pair_features(read_side(a), read_side(b)) for a, b in texts]
    vec = DictVectorizer()
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(vec.fit_transform(feats), labels)
    return PairModel(vec, clf)


@functools.lru_cache(maxsize=2)
def load_pair_model(path: str = "") -> PairModel | None:
    """The pair model at ``path`` (default: the shipped one); None when there is none (not trained yet)."""
    from storyline.cache import read_shipped_model

    data = read_shipped_model(path, default_model_path, on_problem="warn", logger=LOGGER,
                              missing="no disagreement pair model at {path}: run make train")
    if data is None:
        return None
    return PairModel(data["vectorizer"], data["classifier"])


# --- the corpus dimension ---------------------------------------------------------------------------

#: a sentence shorter than this says too little to compare; longer ones are rarely one claim
MIN_WORDS, MAX_WORDS = 5, 70
#: a blocking key held by more sentences than this names the story itself, not one fact of it
MAX_BUCKET = 40
#: rare words two sentences must share to be compared without a shared story event or actor...
MIN_SHARED_TERMS = 3
#: ...and with a shared actor
MIN_SHARED_WITH_ACTOR = 2
#: the most partner sentences one sentence is compared with (its best-sharing ones)
MAX_PARTNERS = 6
#: a pair is compared when it shares at least this share of the keys each sentence shares with its best
#: counterpart in the other's document (1.0: each is the other's best; a sentence stating two facts, "hackers
#: attacked it, while the regulator blamed a storm", has a near-best counterpart for each, and a lead sentence
#: shares many words with everything)
ALIGN_SHARE = 0.75
#: sentences a block of stories holds at most (about) while the corpus dimension judges its pairs: the features of
#: one block's sentences are held at once (``story_blocks``)
PAIR_BLOCK_SENTENCES = 20000
#: words (the story's own too) two sentences must share to be told apart as done / planned / denied states of one act
STATUS_MIN_SHARED = 3
#: ...and to be two opposite states of one thing (``opposite_states``: "has been shut" / "stayed open")
OPPOSITE_MIN_SHARED = 2
#: ...and to be aligned as such (``opposite_pairs``)
OPPOSITE_ALIGN_SHARED = 3
#: claim words (``claim_terms``) two sentences must share, the act one of them plans or denies among them, to be
#: aligned as two states of that act (``state_pairs``)
STATE_MIN_SHARED = 2
#: acts two sentences giving causes must share, of what their causes explain, to be aligned as two reasons of one act
#: (``reason_pairs``)
REASON_ALIGN_SHARED = 1
#: fact kinds whose sentences are also aligned among themselves (``fact_pairs``), and the words they must share
#: (a count of one unit and kind, a length of time: "Forty-one passengers were injured" / "... injuring 27 passengers"
#: in a lead sentence sharing more words with another sentence; ``figures_fit`` then asks they be of one thing)
FACT_ALIGNED = ("fact:reason", "fact:agent", "fact:amt:", "fact:dur", "fact:act:", "fact:date")
FACT_MIN_SHARED = 1
FACT_MIN_SHARED_SENTENCE = 3
#: ...in buckets of at most this many sentences (a story's sentences of one kind of fact)
MAX_FACT_BUCKET = 120


@dataclass(frozen=True)
class _Unit:
    """A sentence the corpus dimension may compare: where it is and what it shares with others."""
    doc: str
    outlet: str
    story: str
    start: int
    end: int
    text: str
    keys: frozenset[str]
    #: every content word, the story's own words too: what two statements of one kind of fact are about
    words: frozenset[str] = frozenset()


_LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1)
def _period_words() -> frozenset[str]:
    """Words without which a text names no length of time: the units, plain and plural."""
    cues = load_pair_cues()
    return frozenset(w for u in [*cues.durations, *cues.fractions] for p in u.lower().split() for w in (p, p + "s"))


@functools.lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """Words without which a text (with no digit) states no amount: number words, fractions, "one in"."""
    cues = load_pair_cues()
    parts = [*cues.number_words, *cues.fractions, "one"]
    return frozenset(w for p in parts for w in _LETTERS.findall(p.lower()) if w not in ("a", "an"))


@_run_memo
@functools.lru_cache(maxsize=65536)
def fact_keys(text: str) -> frozenset[str]:
    """The kinds of checkable fact a sentence states: amounts per unit, a length of time, dates per kind,
    a count's kind, a stated reason, a named agent, an attitude word ("amt:vehicle", "amt:people:killed", "dur",
    "date:weekday", "reason", "agent", "att").

    Two sentences of one story stating the same kind of fact about a shared word ("1,500 vehicles were
    stuck" / "About 600 vehicles were trapped") are worth comparing although they share too few rare
    words otherwise. Read without the claims (the cheap part of ``read_side``): every sentence of a
    corpus is read.
    """
    cues = load_pair_cues()
    # the sentences the pair model reads later (read_side) were read here once
    dates, durations, amounts = _figures(text)
    keys = {f"date:{kind}" for kind in dates}
    words = set(_LETTERS.findall(text.lower()))
    timed = bool(words & _period_words())
    if timed and durations:
        keys.add("dur")
    if words & _number_words() or any(c.isdigit() for c in text):
        if durations and not timed:  # a length of time under no unit word: the amounts as read without it
            taken: list[tuple[int, int]] = []
            _dates(text, cues, taken)
            amounts = _amounts(text, cues, taken)
        # a count's kind is part of what it measures: "four killed" never meets "6,000 in shelters" here; a count
        # of one kind of people is keyed as people whatever its noun ("Four crew members are still missing" /
        # "Six fishermen are still missing"), as ``comparable_amounts`` compares it
        keys.update(f"amt:{people_unit(a)}:{a.kind}" if a.kind else f"amt:{a.unit}" for a in amounts)
    if _reasons(text, cues):
        keys.add("reason")
    if fact_acts(text)[1]:
        keys.add("agent")
    if cues.positive.search(text) or cues.negative.search(text):
        keys.add("att")
    return frozenset(keys)


@_run_memo
@functools.lru_cache(maxsize=65536)
def fact_acts(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(what the sentence's reasons explain, the acts its agents did): the words two versions of one
    reason or one agent share ("the footbridge [collapsed] because ..." / "the footbridge [gave way] after ...")."""
    cues = load_pair_cues()
    reasons = _reasons(text, cues)
    # what the first reason explains; a later reason's clause is often the first one's cause ("... because its
    # cables had corroded after decades without maintenance")
    explained = _explained(text, reasons[0][0]) if reasons else frozenset()
    if reasons:   # the event it explains under any of its names: "the derailment was caused" / "the accident happened"
        explained |= event_families(_explained_text(text, reasons[0][0]))
    done = _done(text, cues)
    agents = _agents(text, cues, _subject(text, done), done)
    acts = frozenset().union(*(a.act for a in agents))
    if agents:   # "the strike was called by X" / "the stoppage was organised by Y": one act under two names
        acts |= event_families(text)
    return explained, acts


def _units(context: DimensionContext, analyses: Sequence[DocAnalysis] | None = None) -> list[_Unit]:
    """The sentences the corpus dimension may compare (of ``analyses``, default the context's), with what they
    share with others.

    Every sentence of a comparable length, not only those carrying a stored claim or an event's
    evidence: a disagreement is as often in a sentence no rule reads ("The river burst its banks on
    Monday night" / "... early on Sunday"), and the pair model judges any two sentences.
    """
    out = []
    for a in context.analyses if analyses is None else analyses:
        doc = a.document.id
        # a document whose outlet is not known is its own source: "unknown" vs "unknown" is no one outlet
        outlet = outlet_name(a)
        if outlet == UNKNOWN_OUTLET:
            outlet = f"{UNKNOWN_OUTLET}:{doc}"
        events = context.story_event_spans.get(doc, [])
        actors = context.actor_spans.get(doc, [])
        for s in a.sentences:
            n = len(s.text.split())
            if not MIN_WORDS <= n <= MAX_WORDS:
                continue
            terms, families, facts = sentence_keys(s.text, context.sentence_keys)
            se = {sid for lo, hi, sid in events if lo < s.end and hi > s.start}
            keys = ({f"se:{x}" for x in se} | {f"actor:{k}" for lo, hi, k in actors if s.start <= lo and hi <= s.end}
                    | {f"term:{t}" for t in terms - context.common}
                    # one event under two names ("the theft" / "the painting was taken"): its family is a
                    # shared rare word, which the story's own words (left out above) are not
                    | {f"term:{f}" for f in families}
                    | {f"fact:{k}" for k in facts}
                    # the act a sentence tells under any of its names ("has been recaptured" / "none ... has
                    # been caught"; "was sentenced" / "sentencing is due"): its states are aligned among the
                    # sentences telling that act (``fact_pairs``), a lead sharing more words takes no place
                    | {f"fact:act:{f}" for f in families})
            out.append(_Unit(doc, outlet, context.story_of.get(doc, ""), s.start, s.end, s.text, frozenset(keys),
                             terms))
    return out


def sentence_keys(text: str, known: dict[str, SentenceKeys] | None = None) -> SentenceKeys:
    """What the corpus dimension keys a sentence by whatever the corpus: its content terms, event families and kinds
    of fact (``fact_keys``). ``known``: the keys of sentences read before (``DimensionContext.sentence_keys``), read
    and added to: a store keeps them, and an update reads its scope's stored sentences from there, not again."""
    held = known.get(text) if known is not None else None
    if held is None:
        held = (content_terms(text), event_families(text), fact_keys(text))
        if known is not None:
            known[text] = held
    return held


def _key_kinds(u: _Unit) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """A unit's keys by kind: (rare words, story events and facts, actors)."""
    # an act's family is a shared rare word already ("term:evn:..."); as a fact it only aligns in ``fact_pairs``
    return (frozenset(k for k in u.keys if k.startswith("term:")),
            frozenset(k for k in u.keys if k.startswith(("se:", "fact:")) and not k.startswith("fact:act:")),
            frozenset(k for k in u.keys if k.startswith("actor:")))


def _related(a: tuple[frozenset[str], frozenset[str], frozenset[str]],
             b: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> bool:
    """Whether two units (their ``_key_kinds``) share enough to be compared."""
    terms = len(a[0] & b[0])
    if not a[1].isdisjoint(b[1]):
        return terms >= 1
    if not a[2].isdisjoint(b[2]):
        return terms >= MIN_SHARED_WITH_ACTOR
    return terms >= MIN_SHARED_TERMS


def candidate_pairs(units: list[_Unit]) -> list[tuple[int, int]]:
    """Sentence pairs of different outlets in one story that share a story event, an actor or rare words,
    and are (nearly) each other's best counterpart in the other's document.

    Blocked by story and key: each sentence meets only the sentences of its buckets (a bucket as large
    as a story is skipped), and keeps its MAX_PARTNERS best-sharing partners, so the work grows with
    the corpus, not with its square. Of those, a pair is kept only when neither sentence shares much more
    (ALIGN_SHARE) with another sentence of the other's document: two reports of one fact align with each
    other, while "85,000 people fled" meets "six people died" only because both are about people, and
    "six people died" has its own counterpart ("six people drowned") in the other report.
    """
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, u in enumerate(units):
        for k in u.keys:
            buckets.setdefault((u.story, k), []).append(i)
    shared: dict[int, dict[int, int]] = {}
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue
        # a bucket's members are in ascending order, each once: every y after x is a y > x
        for at, x in enumerate(members):
            ux = units[x]
            for y in members[at + 1:]:
                if ux.outlet != units[y].outlet and ux.doc != units[y].doc:
                    row = shared.setdefault(x, {})
                    row[y] = row.get(y, 0) + 1
    best: dict[int, list[tuple[int, int]]] = {}
    top: dict[tuple[int, str], int] = {}   # (sentence, other document) -> most keys shared with one of its sentences
    kinds = [_key_kinds(u) for u in units]  # split once: a unit meets many others
    for x, row in shared.items():
        for y, n in row.items():
            if _related(kinds[x], kinds[y]):
                best.setdefault(x, []).append((n, y))
                best.setdefault(y, []).append((n, x))
                for a, b in ((x, y), (y, x)):
                    top[(a, units[b].doc)] = max(top.get((a, units[b].doc), 0), n)
    out: set[tuple[int, int]] = set()
    for x, partners in best.items():
        for n, y in sorted(partners, key=lambda p: (-p[0], p[1]))[:MAX_PARTNERS]:
            if n >= ALIGN_SHARE * top[(x, units[y].doc)] and n >= ALIGN_SHARE * top[(y, units[x].doc)]:
                out.add((min(x, y), max(x, y)))
    out.update(fact_pairs(units, buckets))
    out.update(state_pairs(units))
    out.update(opposite_pairs(units))
    out.update(reason_pairs(units))
    return sorted(out)


def state_pairs(units: list[_Unit]) -> set[tuple[int, int]]:
    """Pairs of sentences telling one act in two states: one plans or denies an act ("will decide next week whether
    to [lift] the ban", "is due to be [signed] in Oslo") and the other, of another outlet, tells that act in another
    state ("has lifted the ban", "signed the agreement in Tórshavn"), whatever the tense.

    Such sentences share the act and a participant, too few rare words for ``candidate_pairs``, and each often
    shares more with another sentence (the plan with the lead, the done act with its own details). A pair is kept
    when the act a plan or denial governs (``planned_acts``) is a verb the other sentence tells as done
    (``done_acts``), the two claims give it two states (``claim_states``), and of the other document's such sentences
    it shares the most claim words. Indexed by story and act: the work grows with the corpus, not with its square.
    """
    acts = [done_acts(u.text) for u in units]
    index: dict[tuple[str, str], list[int]] = {}
    for i, u in enumerate(units):
        for k in acts[i]:
            index.setdefault((u.story, k), []).append(i)
    out: set[tuple[int, int]] = set()
    for x, ux in enumerate(units):
        best: dict[str, tuple[int, set[int]]] = {}   # other document -> (claim words shared, its sentences)
        for act in planned_acts(ux.text):
            members = index.get((ux.story, act), [])
            if len(members) > MAX_FACT_BUCKET:   # an act every sentence of the story tells: the story's own
                continue
            for y in members:
                uy = units[y]
                if uy.doc == ux.doc or uy.outlet == ux.outlet:
                    continue
                n = len(claim_terms(ux.text) & claim_terms(uy.text))
                top, tied = best.get(uy.doc, (STATE_MIN_SHARED, set()))
                if n < top or y in tied:
                    continue
                states = claim_states(ux.text, uy.text)
                if states[0] == states[1] or "done" not in states:
                    continue
                best[uy.doc] = (n, {y}) if n > top else (n, tied | {y})
        for _n, ys in best.values():
            out.update((min(x, y), max(x, y)) for y in ys)
    return out


def opposite_pairs(units: list[_Unit]) -> set[tuple[int, int]]:
    """Pairs of sentences telling one thing in two opposite states (``opposite_states`` in ``pair_cues.yaml``): "The
    ferry remained out of service on Thursday" / "The car ferry has resumed service". Such sentences share the thing
    and little else, and each shares more with a sentence telling the same state. A sentence telling one half only
    meets the sentences of another outlet's documents telling the other half only, sharing at least
    ``OPPOSITE_MIN_SHARED`` words (the story's own too), the most of that document's such sentences (ties kept).
    Indexed by story, pair of states and half: the work grows with the corpus, not with its square."""
    halves = load_pair_cues().opposite_states
    index: dict[tuple[str, int, int], list[int]] = {}
    for i, u in enumerate(units):
        for k, (first, second) in enumerate(halves):
            tx, ty = _tells(first, u.text), _tells(second, u.text)
            if tx != ty:
                index.setdefault((u.story, k, 0 if tx else 1), []).append(i)
    out: set[tuple[int, int]] = set()
    for (story, k, half), xs in index.items():
        ys = index.get((story, k, 1 - half), [])
        if half == 1 or len(xs) > MAX_FACT_BUCKET or len(ys) > MAX_FACT_BUCKET:
            continue
        best: dict[tuple[int, str], tuple[int, set[int]]] = {}   # (sentence, other document) -> (shared, sentences)
        for x in xs:
            for y in ys:
                ux, uy = units[x], units[y]
                if uy.doc == ux.doc or uy.outlet == ux.outlet:
                    continue
                shared = ux.words & uy.words
                n = len(shared)
                # each state told of what the two share, not in a side remark: "The cable car, [which opened in
                # 2012]" / "will stay closed", "its closure had pushed traffic" / "reopened it"
                if n < OPPOSITE_ALIGN_SHARED or not (_tells_of(halves[k][half], ux.text, shared)
                                                     and _tells_of(halves[k][1 - half], uy.text, shared)):
                    continue
                for key, other in (((x, uy.doc), y), ((y, ux.doc), x)):
                    top, tied = best.get(key, (OPPOSITE_ALIGN_SHARED, set()))
                    if n > top or (n == top and other not in tied):
                        best[key] = (n, {other}) if n > top else (n, tied | {other})
        for (x, _doc), (_n, others) in best.items():
            out.update((min(x, y), max(x, y)) for y in others)
    return out


def planned_meets_done(a: str, b: str) -> bool:
    """Does one sentence plan or deny an act (``planned_acts``) the other tells done (``done_acts``), the two claims
    giving it two states, one done (``claim_states``), and sharing ``STATE_MIN_SHARED`` claim words: "signed the
    agreement in Tórshavn" / "The agreement is due to be signed in Oslo". What ``state_pairs`` aligns: two states of
    one act sharing the act and a participant, too few words for the word count ``pair_fits`` asks of other pairs."""
    if not (planned_acts(a) & done_acts(b) or planned_acts(b) & done_acts(a)):
        return False
    if len(claim_terms(a) & claim_terms(b)) < STATE_MIN_SHARED:
        return False
    # a plan against the act done, not a denial: "None of the escaped men has been caught" / "The men escaped",
    # "would not tolerate higher inflation" / "had expected an increase" share a word and no act
    return sorted(claim_states(a, b)) == ["done", "planned"]


@_run_memo
@functools.lru_cache(maxsize=4096)
def planned_acts(text: str) -> frozenset[str]:
    """The acts (as ``act_key``) a sentence's plans and denials govern after the cue (``_claim_cues``), not the cues'
    own words: "will decide next week whether to [lift] the ban", "no tanker trucks had [arrived]" (the words before
    a cue name who acts as often as the act: "The river rose because a landslide blocked ...")."""
    governed = frozenset().union(*(after - own for _kind, _at, own, _words, after in _claim_cues(text)))
    return frozenset(act_key(w) for w in _WORD.findall(text) if _stems(content_terms(w)) & governed)


@_run_memo
@functools.lru_cache(maxsize=65536)
def explained_acts(text: str) -> frozenset[str]:
    """What a sentence's causes explain, as ``act_key`` of the words before each cause's marker and the event families
    there: "the plant had been [delayed] because of ..." / "The [delay] was caused by ...", "has been [suspended] since
    Saturday after ..." / "The service was [suspended] because of ...". A loose marker's clause ("for two months")
    names no cause (``gives_cause``), and reporting verbs and date words say nothing of the act."""
    cues = load_pair_cues()
    loose = _loose_reasons()
    quiet = cues.reporting | _date_words()
    out: set[str] = set()
    periods = {w for unit in cues.durations for w in (unit, unit + "s")}
    for start, _end, _terms in _reasons(text, cues):
        if loose.match(text, start):
            continue
        # "after four years in office", "after a four-year restoration": a marker of time before a length, no cause
        marker = reason_marker(text, start, cues)
        head = text[marker[1] if marker else start:].split()[:REASON_HEAD_WORDS + 1]
        if periods & {w.lower() for w in _LETTERS.findall(" ".join(head))}:
            continue
        told = _explained_text(text, start)
        out.update(act_key(w) for w in _WORD.findall(told) if content_terms(w) and not content_terms(w) & quiet)
        out.update(event_families(told))
    return frozenset(out)


def reason_pairs(units: list[_Unit]) -> set[tuple[int, int]]:
    """Pairs of sentences giving a cause for one act, each the other's version among the other document's sentences
    giving causes: "the plant had been delayed because of late delivery" / "The delay was caused by a dispute over
    compensation", "has been suspended since Saturday after inspectors found a crack" / "The service was suspended
    because of a pay dispute".

    Two outlets' reasons for one act share the act and little else, often in two forms ("delayed" / "delay"), and a
    sentence telling more of the act in the other report takes their place in ``candidate_pairs`` and ``fact_pairs``
    (which keep each other's best by every word). Here the words are the acts the causes explain
    (``explained_acts``); a sentence meets the other document's sentences sharing the most of them (ties kept).
    Indexed by story and act: the work grows with the corpus, not with its square."""
    acts = [explained_acts(u.text) for u in units]
    index: dict[tuple[str, str], list[int]] = {}
    for i, u in enumerate(units):
        for k in acts[i]:
            index.setdefault((u.story, k), []).append(i)
    best: dict[tuple[int, str], tuple[int, set[int]]] = {}   # (sentence, other document) -> (shared, sentences)
    for x, ux in enumerate(units):
        shared: dict[int, int] = {}
        for k in acts[x]:
            members = index.get((ux.story, k), [])
            if len(members) > MAX_FACT_BUCKET:   # an act every sentence of the story explains: the story's own
                continue
            for y in members:
                uy = units[y]
                if uy.doc != ux.doc and uy.outlet != ux.outlet:
                    shared[y] = shared.get(y, 0) + 1
        for y, n in shared.items():
            key = (x, units[y].doc)
            top, tied = best.get(key, (REASON_ALIGN_SHARED, set()))
            if n > top or (n == top and y not in tied):
                best[key] = (n, {y}) if n > top else (n, tied | {y})
    # each the other's best: a sentence's best alone also pairs it with a sentence telling more of the act in the
    # other report (offline on the dev dumps, +3 non-gold pairs for no gold one)
    out: set[tuple[int, int]] = set()
    for (x, _doc), (_n, ys) in best.items():
        out.update((min(x, y), max(x, y)) for y in ys if x in best.get((y, units[x].doc), (0, set()))[1])
    return out


def _about(u: _Unit, key: str) -> frozenset[str]:
    """The words a fact of kind ``key`` is about: what a reason explains, the act an agent did, else the sentence."""
    if key == "fact:reason":
        return fact_acts(u.text)[0] or u.words
    if key == "fact:agent":
        return fact_acts(u.text)[1] or u.words
    # one event under two names: "a strike that lasted 72 hours" / "the walkout ended after five days"
    return u.words | event_families(u.text)


def fact_pairs(units: list[_Unit], buckets: dict[tuple[str, str], list[int]]) -> set[tuple[int, int]]:
    """Pairs of sentences stating the same kind of fact (a reason, an agent, a count of one kind, a length of
    time, a date) that are each other's best counterpart among the other document's sentences of that kind.

    Two outlets' versions of one fact ("the footbridge collapsed because its cables had corroded" / "the
    footbridge gave way after a truck struck a pillar") often share only the story's own words, which the
    rare-word alignment leaves out, and a lead sentence sharing many words with them takes their place.
    Among the sentences that give a reason, the best-sharing one (the story's words count here) is the
    other outlet's version of it. One partner per sentence, kind and document: the work stays linear.
    """
    out: set[tuple[int, int]] = set()
    for (_story, key), members in buckets.items():
        if not key.startswith(FACT_ALIGNED) or len(members) > MAX_FACT_BUCKET:
            continue
        # a reason's outcome or an agent's act is a few specific words; other facts are compared by whole sentences
        least = FACT_MIN_SHARED_SENTENCE if key.startswith(("fact:date", "fact:act:")) else FACT_MIN_SHARED
        best: dict[tuple[int, str], tuple[int, set[int]]] = {}   # (sentence, other document) -> (shared, the best)
        # each member's words and story events, read once: a member meets every other of the bucket
        about = {x: _about(units[x], key) for x in members}
        events = {x: frozenset(k for k in units[x].keys if k.startswith("se:")) for x in members}
        for x in members:
            for y in members:
                ux, uy = units[x], units[y]
                if ux.doc == uy.doc or ux.outlet == uy.outlet:
                    continue
                n = len(about[x] & about[y]) + 2 * len(events[x] & events[y])
                top, tied = best.get((x, uy.doc), (least, set()))
                if n > top:
                    best[(x, uy.doc)] = (n, {y})
                elif n == top:   # ties are all kept: the model tells them apart
                    best[(x, uy.doc)] = (n, tied | {y})
        for (x, _doc), (_n, ys) in best.items():
            for y in ys:
                if x in best.get((y, units[x].doc), (0, set()))[1]:
                    out.add((min(x, y), max(x, y)))
    return out


def _phrase(text: str, span: tuple[int, int] | None) -> str:
    return text[span[0]:span[1]] if span else ""


def _same_outcome(a: _Unit, b: _Unit) -> bool:
    """Do two sentences giving reasons explain the same thing? Their explained words (the story's own words
    too) meet, or they tell of the same story event."""
    return (bool(fact_acts(a.text)[0] & fact_acts(b.text)[0]) or any(k.startswith("se:") for k in a.keys & b.keys)
            # the act in two forms: "had been delayed because of ..." / "The delay was caused by ..."
            or bool(explained_acts(a.text) & explained_acts(b.text)))


def _same_act(a: str, b: str) -> bool:
    """Do two sentences name agents of one act? Their acts share a word besides the verbs (what was acted on)."""
    fa, fb = read_side(a), read_side(b)
    verbs = frozenset().union(*(content_terms(s.text[x:y]) for s in (fa, fb) for x, y in s.done))
    if fa.agents and fb.agents and event_families(a) & event_families(b):
        return True   # one event under two names: "the strike was called by X" / "the stoppage was organised by Y"
    return any((x.act & y.act) - verbs for x in fa.agents for y in fb.agents)


def pair_fits(label: str, a: _Unit, b: _Unit) -> bool:
    """Are the two sentences about the one thing a disagreement of ``label`` needs them to be about?"""
    if label == "reason":
        # reasons of two different things: "closed for repairs" / "called for a corridor"; and each side must give a
        # cause, not only a purpose or a length ("asked for emergency help" / "an aid fund for flood victims")
        return _same_outcome(a, b) and gives_cause(read_side(a.text)) and gives_cause(read_side(b.text))
    if label == "actor":
        # agents of two acts sharing a verb at most ("temperatures reached" / ...), or one agent in two words; and one
        # side names its doer as such (by, blamed on, claimed): two subjects doing things to one object ("investors
        # snapped up the offer" / "shares opened at the offer price") are two acts more often than two doers of one
        return (_same_act(a.text, b.text) and not _one_agent(a.text, b.text) and not _event_as_agent(a.text, b.text)
                and any(x.attributed for s in (read_side(a.text), read_side(b.text)) for x in s.agents))
    if label in ("figure", "duration"):
        # two figures (lengths of time) need one on each side: a sentence stating none ("the bridge was designed to
        # last at least 100 years" / "the city expects 30,000 vehicles a day") gives nothing to disagree with
        fa, fb = read_side(a.text), read_side(b.text)
        xs, ys = (fa.amounts, fb.amounts) if label == "figure" else (fa.durations, fb.durations)
        return bool(xs and ys) and figures_fit(label, fa, fb)
    if label == "date":
        return dates_fit(read_side(a.text), read_side(b.text))
    if label == "hedged_vs_firm":
        # one side hedges and the other does not: two firm sentences ("will appear in court on Thursday" / "the
        # suspects will appear in court on Thursday") state one scheduled event, and two hedged ones hedge alike
        ha, hb = verb_hedges(read_side(a.text)), verb_hedges(read_side(b.text))
        if bool(ha) == bool(hb):
            return False
        hedged, firm = (a.text, b.text) if ha else (b.text, a.text)
        # a modal of ability or permission against "can" is one modality ("passengers could change their tickets" /
        # "passengers can rebook"), and "could not" tells what did not happen, not what may have
        modals = [hedged[x:y].lower() for x, y in (ha or hb)]
        return not (all(m in _MODALS for m in modals) and (_CAN.search(firm) or _COULD_NOT.search(hedged)))
    if label == "status":
        shared = a.words & b.words
        # a state is a state of one act: "will" and "not" alone relate any two sentences of a story, and the two
        # clauses telling the shared act must give it two states (a side remark's "delayed" is not the act's)
        # and the two claims, read under their reporting frames, give the act they share two states: "said it had
        # been asking" / "has been asking" is one claim reported twice, "denied that he had been arrested" / "has
        # been arrested" a claim and its denial (``claim_states``)
        if len(shared) >= OPPOSITE_MIN_SHARED and opposite_states(a.text, b.text):
            return True   # "the intake has been shut" / "the intake stayed open": two states, each "done"
        states = claim_states(a.text, b.text)
        # and the shared words name more than who acts: "Mayor Sabine Kröger apologised" / "Mayor Sabine Kröger said
        # the town would not give in" share only their subject, two acts of one person
        fa, fb = read_side(a.text), read_side(b.text)
        if not shared - fa.subject[2] - fb.subject[2]:
            return False
        # an act planned against the same act done shares the act and a participant only ("signed the agreement" /
        # "the agreement is due to be signed"): two states of it as ``state_pairs`` aligns them
        return ((len(shared) >= STATUS_MIN_SHARED or planned_meets_done(a.text, b.text))
                and act_status(read_side(a.text), shared) != act_status(read_side(b.text), shared)
                and states[0] != states[1])
    return True


#: units a count shares with counts of anything ("people", "homes", money, shares, measures): the words around two
#: such figures must show they are of one thing; a count of a noun of its own ("flights", "patients") is of that noun
_FAMILY_UNITS = frozenset({"count", "share", "USD", "celsius", "hour"})
#: words before a date read as what happened then (its predicate: "the fire [broke out shortly before midnight] on
#: Monday"), and after it (a place or an object: "on Sunday [in Lærdal]")
DATE_WORDS_BEFORE, DATE_WORDS_AFTER = 10, 3


def _generic_unit(unit: str) -> bool:
    cues = load_pair_cues()
    unit = unit.split("/", 1)[0]   # a rate is as generic as its unit ("USD/year")
    if unit in cues.one_thing:
        return False
    return (unit in _FAMILY_UNITS or unit in set(cues.families.values())
            or unit in {base for base, _ in cues.conversions.values()})


def _amount_agree(label: str, x: Amount, y: Amount) -> bool:
    if x.value <= 0 or y.value <= 0:
        return True
    if x.unit in load_pair_cues().unit_before:
        return abs(x.value - y.value) < 0.05   # a point on a scale is given exactly
    return amounts_within(x, y, DURATION_TOLERANCE if label == "duration" else SAME_TOLERANCE)


@functools.lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    """Content terms of day, month and part-of-day names: every date's context has some, none tells what it dates."""
    cues = load_pair_cues()
    return content_terms(" ".join([*_WEEKDAYS, *_MONTHS, *_SEASONS, *load("pair_cues").get("day_parts", []),
                                   "early", "late", "last", "next", "week", "day", "night", "hours"])) | frozenset(
        k for k in cues.durations)


def figures_fit(label: str, a: SideFacts, b: SideFacts) -> bool:
    """Do two sides give two figures (or lengths of time) for one thing? Two of one thing (``_same_figure``)
    conflict, and neither is matched by a figure of that thing on the other side ("31 dead, up from 12" / "12
    dead" is an update or a detail)."""
    xs, ys = (a.amounts, b.amounts) if label == "figure" else (a.durations, b.durations)
    if not xs or not ys:
        return True   # "an indefinite strike" / "a two-day strike": nothing to check, the model's reading stands
    for x in xs:
        for y in ys:
            if _amount_agree(label, x, y) or not _same_figure(label, a.text, x, b.text, y):
                continue
            if any(_amount_agree(label, x, z) and _same_figure(label, a.text, x, b.text, z) for z in ys) or \
                    any(_amount_agree(label, z, y) and _same_figure(label, a.text, z, b.text, y) for z in xs):
                continue
            return True
    return False


#: a share told as a change: "rose by 12 percent", "jumped 27 percent", "a 9 percent rise", "up 3 percent"
_CHANGE_BEFORE = re.compile(r"\b(?:rose|rise|rises|rising|fell|fall|falls|falling|jumped|climbed|dropped|slipped|"
                            r"gained|lost|increased|decreased|grew|shrank|cut|raised|lowered|up|down|by|"
                            r"(?:rise|increase|cut|drop|fall|jump|hike|gain|loss|decline)\s+of)\s+"
                            r"(?:(?:about|around|some|nearly|almost|roughly|more than|just over|just under)\s+)?$",
                            re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"^\s*(?:rise|increase|cut|drop|fall|jump|hike|higher|lower|more|less)\b", re.IGNORECASE)


def _is_change(text: str, x: Amount) -> bool:
    return bool(_CHANGE_BEFORE.search(text, 0, x.start) or _CHANGE_AFTER.match(text[x.end:x.end + 20]))


def _same_figure(label: str, text_x: str, x: Amount, text_y: str, y: Amount) -> bool:
    """Are two figures of one thing? Comparable (one unit, counts of one kind), and the same kind of count, a
    unit that is a thing of its own ("120 flights" / "40 flights"), or words around them in common
    (``disagreement_events.same_fact``: "rain that fell for three days" / "the road will stay closed for three
    months" are two facts)."""
    if not comparable_amounts(x, y):
        return False
    if x.unit == "share" and _is_change(text_x, x) != _is_change(text_y, y):
        return False   # a change ("shares jumped 27 percent") and a level ("holds 38 percent of the shares")
    if label == "figure" and ((x.kind and x.kind == y.kind) or not _generic_unit(x.unit)):
        return True
    return same_fact(fact_context(text_x, x.start, x.end), fact_context(text_y, y.start, y.end), _date_words())


def _date_context(text: str, start: int, end: int) -> frozenset[str]:
    """What a date is the date of: the words before it (with the event and its phase there) and a few after."""
    words = list(_WORD.finditer(text, 0, start))[-DATE_WORDS_BEFORE:]
    before = text[words[0].start():start] if words else ""
    later = list(_WORD.finditer(text, end))[:DATE_WORDS_AFTER]
    after = content_terms(text[end:later[-1].end()]) if later else frozenset()
    return content_terms(before) | event_families(before) | phases(before) | after


#: a reporting verb just before a date: "said on Friday", "told reporters late on Monday", "announced last week"
_REPORTED_ON = re.compile(r"\b(?:said|says|told(?:\s+\w+)?|announced|reported|confirmed|added|stated|wrote)"
                          r"\s+(?:late\s+|early\s+)?(?:on|last|this)?\s*$", re.IGNORECASE)


def dates_fit(a: SideFacts, b: SideFacts) -> bool:
    """Do two sides give two dates for one event? A day, month, year or part of the day on each side, of one
    kind and two values, both dating one thing at one phase (``_date_context``: "the blaze started at 2 a.m. on
    Tuesday" / "the fire broke out before midnight on Monday", not "the fire started on Sunday" / "was brought
    under control on Tuesday"), and neither dated the same on the other side."""
    for kind, all_xs in a.dates.items():
        # the day a claim was made ("the ministry said on Thursday") dates the report, not what it reports
        xs = [x for x in all_xs if not _REPORTED_ON.search(a.text, 0, x[1])]
        ys = [y for y in b.dates.get(kind, []) if not _REPORTED_ON.search(b.text, 0, y[1])]
        cx = {(sx, ex): _date_context(a.text, sx, ex) for _, sx, ex in xs}
        cy = {(sy, ey): _date_context(b.text, sy, ey) for _, sy, ey in ys}
        for vx, sx, ex in xs:
            for vy, sy, ey in ys:
                if vx == vy or not same_fact(cx[(sx, ex)], cy[(sy, ey)], _date_words()):
                    continue
                if any(v == vx and same_fact(cx[(sx, ex)], cy[(s, e)], _date_words()) for v, s, e in ys) or \
                        any(v == vy and same_fact(cx[(s, e)], cy[(sy, ey)], _date_words()) for v, s, e in xs):
                    continue
                return True
    return False


def next_reading(model: PairModel, a: _Unit, b: _Unit, ruled_out: str, min_probability: float,
                 probs: dict[str, float] | None = None) -> PairVerdict:
    """The model's most probable reading of a pair other than ``ruled_out`` that fits the pair (``pair_fits``), if it
    reaches ``min_probability`` once ``ruled_out`` is set aside (the probabilities of the rest, renormalised).
    ``probs``: the pair's ``PairModel.probabilities`` when already known."""
    if probs is None:
        probs = model.probabilities([(a.text, b.text)])[0]
    rest = max(1e-9, 1.0 - probs.get(ruled_out, 0.0))
    for label in sorted(probs, key=lambda k: -probs[k]):
        if label == ruled_out:
            continue
        if label == NONE or probs[label] / rest < min_probability or not pair_fits(label, a, b):
            break
        return verdict(a.text, b.text, probs, 0.0, only=label)
    return PairVerdict(NONE, probs.get(NONE, 0.0))


def _event_as_agent(a: str, b: str) -> bool:
    """Is every agent one side names the event itself ("A landslide swept through" / "The slide destroyed 30 homes";
    "The blaze started" / "The fire was started by a battery")? An event does not rival a doer of it."""
    def names_event(phrase: str) -> bool:
        # the phrase's first word that is not a stop word: "a gang of metal thieves" is a gang, not a theft
        head = next((w for w in _WORD.findall(phrase) if w.lower() not in STOP_TERMS), "")
        return bool(head and event_families(head))

    for side in (read_side(a), read_side(b)):
        if side.agents and all(names_event(side.text[x.start:x.end]) for x in side.agents):
            return True
    return False


def _one_agent(a: str, b: str) -> bool:
    """Do two sentences name one agent of one act in two words? A word of one agent starts the other's
    ("Tugboats towed the ship back" / "Tugs brought the ferry back"): a compound of the same head, not a rival."""
    fa, fb = read_side(a), read_side(b)
    verbs = frozenset().union(*(content_terms(s.text[x:y]) for s in (fa, fb) for x, y in s.done))
    for x in fa.agents:
        for y in fb.agents:
            if not (x.act & y.act) - verbs:
                continue
            wx = {singular(w.lower()) for w in _WORD.findall(a[x.start:x.end]) if w.lower() not in STOP_TERMS}
            wy = {singular(w.lower()) for w in _WORD.findall(b[y.start:y.end]) if w.lower() not in STOP_TERMS}
            if any(len(u) >= 3 and len(v) >= 3 and (u.startswith(v) or v.startswith(u)) for u in wx for v in wy):
                return True
    return False


def day_of(published: str | None) -> str:
    """The ISO day (YYYY-MM-DD) a document is dated, or "" when it has none."""
    return published[:10] if published and re.match(r"\d{4}-\d{2}-\d{2}", published) else ""


def is_update(a: _Unit, b: _Unit, day_a: str, day_b: str) -> bool:
    """Is a status pair a plan reported first and its doing reported on a later day? ("The ministry will open an
    inquiry" on Sunday / "The ministry opened an inquiry on Monday" on Monday): the later report updates the
    earlier one, it does not contradict it. Read in each side's clause of the shared act (``act_status``)."""
    if not day_a or not day_b or day_a == day_b:
        return False
    shared = a.words & b.words
    sides = {day_a: read_side(a.text), day_b: read_side(b.text)}
    earlier, later = sorted(sides)
    # the whole later sentence states no denial either: "No one has yet been charged, ... before the suspects
    # appear in court" is the plan's act not done, whatever its clause of shared words says
    return (act_status(sides[earlier], shared) == "planned" and act_status(sides[later], shared) == "done"
            and _status(sides[earlier]) == "planned" and _status(sides[later]) == "done")


def plan_then_outcome(a: str, b: str, day_a: str, day_b: str) -> bool:
    """Is a length or date a plan reported first and what came of it reported on a later day? ("the service would be
    suspended for three weeks" on Monday / "has resumed service, five days after it stopped" on Thursday): the later
    report tells what happened, it does not contradict the plan. Each claim is read inside its reporting frame ("she
    told a meeting that services should be running again within two weeks" is no act done)."""
    if not day_a or not day_b or day_a == day_b:
        return False
    claims = {}
    for day, text in ((day_a, a), (day_b, b)):
        start, end, _frame = claim_frame(text)
        claims[day] = _status(read_side(text[start:end]))
    earlier, later = sorted(claims)
    return claims[earlier] == "planned" and claims[later] == "done"


#: the pair model's least probability of a disagreement (one minus that of none) on some pair of two outlets'
#: sentences for a rule quantity candidate to stand (``figures_disagree``): more likely than not, since the rule has
#: already found two amounts of one unit that do not overlap (0.65, the model's own threshold, lost "some 2,000
#: residents gathered" / "drew several hundred angry residents", at 0.58)
QUANTITY_MIN_PROBABILITY = 0.5


def figures_disagree(candidates: Sequence[Sequence[Side]], settings: Settings,
                     memo: dict[tuple[str, str], tuple[float, ...]] | None = None) -> list[bool]:
    """Per rule quantity candidate (its sides), does the trained pair model read its amounts as a disagreement?
    Some pair of its sides from two documents disagrees with at least ``QUANTITY_MIN_PROBABILITY`` ("Nine were
    treated on Sunday" / "By Monday evening 14 had been treated" is a count read twice; "14 of its 30 wagons" / "14
    wagons" one figure). The model judges the pairs it reads: a pair in which it finds no two comparable amounts
    ("several million dollars" / "$2 billion") is left to the rule, as is every pair when there is no model.
    ``memo``: the pair probabilities judged before (``DimensionContext.pair_memo``), read and added to."""
    model = load_pair_model(settings.disagreement_pair_model)
    if model is None:
        return [True] * len(candidates)
    memo = memo if memo is not None else {}
    out: list[bool] = []
    with feature_run():   # each sentence read once for every candidate
        of = [sorted({(x.evidence.text, y.evidence.text) for x in sides for y in sides if x.doc < y.doc})
              for sides in candidates]
        todo = [t for t in dict.fromkeys(t for pairs in of for t in pairs) if t not in memo]
        for t, probs in zip(todo, model.probabilities(todo)):
            memo[t] = tuple(probs[label] for label in model.labels)
        none_at = model.labels.index(NONE)
        for pairs in of:
            unread = any(not any(comparable_amounts(x, y) for x in read_side(a).amounts for y in read_side(b).amounts)
                         for a, b in pairs)
            out.append(unread or any(1.0 - memo[t][none_at] >= QUANTITY_MIN_PROBABILITY for t in pairs))
    return out


def judge_block(shared: tuple[PairModel, float], block: Sequence[tuple[str, str]]
                ) -> list[tuple[tuple[float, ...], PairVerdict]]:
    """``PairModel.judge`` of one block of sentence pairs, each with its probabilities (in the order of the
    model's labels, as ``DimensionContext.pair_memo`` keeps them); ``shared`` = (model, least probability)."""
    model, min_probability = shared
    pairs = list(block)
    return [(tuple(probs[label] for label in model.labels), verdict(a, b, probs, min_probability))
            for (a, b), probs in zip(pairs, model.probabilities(pairs))]


@dimension("storyline.disagreements.pairs.v1")
def pair_disagreements(claims: list[BoundClaim], context: DimensionContext, settings: Settings) -> list[Found]:
    """Sentence pairs of two outlets on one story that the trained pair model calls a disagreement."""
    model = load_pair_model(settings.disagreement_pair_model)
    if model is None or not context.analyses:
        return []
    with feature_run():   # each sentence's features read once for the whole run
        return _pair_disagreements(model, context, settings)


def forget_features() -> None:
    """Empty the memos ``feature_run`` holds (its sentences' features): a run done with some sentences (a block
    of stories) lets their features go before it reads others'."""
    for memo in _RUN_MEMOS:
        memo.clear()


def story_blocks(analyses: Sequence[DocAnalysis], story_of: Mapping[str, str],
                 size: int | None = None) -> list[list[int]]:
    """The indexes of ``analyses`` in blocks of whole stories (``story_of``: document id -> story id; a document
    of none is in the story ""), each block in the analyses' order and of about ``size`` sentences (default
    ``PAIR_BLOCK_SENTENCES``), the stories in the order of their first documents."""
    size = PAIR_BLOCK_SENTENCES if size is None else size
    by_story: dict[str, list[int]] = {}
    for n, a in enumerate(analyses):
        by_story.setdefault(story_of.get(a.document.id, ""), []).append(n)
    blocks: list[list[int]] = []
    block: list[int] = []
    held = 0
    for members in by_story.values():
        block += members
        held += sum(len(analyses[n].sentences) for n in members)
        if held >= size:
            blocks.append(sorted(block))
            block, held = [], 0
    if block:
        blocks.append(sorted(block))
    return blocks


def _pair_disagreements(model: PairModel, context: DimensionContext, settings: Settings) -> list[Found]:
    # sentence pairs never cross a story (``candidate_pairs`` buckets by story): a block of whole stories has the
    # pairs the whole corpus has there, judged the same. Each block's sentence features are forgotten before the
    # next block's are read, so memory holds one block's, not the scope's (an update of a 100k store reaches
    # 12-16k documents). The candidates are put back in the order of their pairs in the whole corpus.
    analyses = context.analyses
    found: list[tuple[tuple[int, int, int, int], Found]] = []
    for block in story_blocks(analyses, context.story_of):
        found += _block_disagreements(model, context, settings, [(n, analyses[n]) for n in block])
        forget_features()
    found.sort(key=lambda f: f[0])
    return [f for _, f in found]


def _block_disagreements(model: PairModel, context: DimensionContext, settings: Settings,
                         block: list[tuple[int, DocAnalysis]]) -> list[tuple[tuple[int, int, int, int], Found]]:
    """The candidates of a block of whole stories (each analysis with its index in the context's), each with its
    pair's place among the whole corpus's pairs: (document index, unit within it) of both sentences."""
    units: list[_Unit] = []
    where: list[tuple[int, int]] = []   # a unit's (document index, unit within it): its order in the corpus's units
    for n, analysis in block:
        own = _units(context, [analysis])
        units += own
        where += [(n, m) for m in range(len(own))]
    pairs = candidate_pairs(units)
    texts = [(units[i].text, units[j].text) for i, j in pairs]
    # each pair is judged on its own two sentences: blocks of pairs can be judged anywhere, and a pair of texts
    # that syndicated copies repeat is judged once
    # a pair the memo holds was judged by an earlier run (the incremental fuse's stored pairs): a pair's
    # probabilities are those of its two sentences alone, so only the pairs it lacks are read by the model
    mapper = context.mapper
    min_probability = settings.disagreement_pair_min_probability
    memo = context.pair_memo if context.pair_memo is not None else {}
    unique = list(dict.fromkeys(texts))
    todo = [t for t in unique if t not in memo]
    judged: dict[tuple[str, str], PairVerdict] = {}
    for t, (row, v) in zip(todo, (x for part in mapper.map(judge_block, chunks(todo, mapper.parallelism),
                                                           (model, min_probability)) for x in part)):
        memo[t], judged[t] = row, v
    for t in unique:
        if t not in judged:
            judged[t] = verdict(t[0], t[1], dict(zip(model.labels, memo[t])), min_probability)
    verdicts = [judged[t] for t in texts]
    # the model's reading is ruled out (two acts, two outcomes, one state); its next reading may stand
    # ("The strike lasted three days" / "The 48-hour strike ended": a length of time, not a state)
    ruled_out = [k for k, ((i, j), v) in enumerate(zip(pairs, verdicts))
                 if v.disagree and not pair_fits(v.label, units[i], units[j])]
    again = {k: dict(zip(model.labels, memo[texts[k]])) for k in ruled_out}
    found: list[tuple[tuple[int, int, int, int], Found]] = []
    dated = {x.document.id: day_of(x.document.published) for _, x in block}
    for k, ((i, j), v) in enumerate(zip(pairs, verdicts)):
        if not v.disagree:
            continue
        a, b = units[i], units[j]
        if k in again:
            v = next_reading(model, a, b, v.label, settings.disagreement_pair_min_probability, again[k])
            if not v.disagree:
                continue
        if v.label == "status" and is_update(a, b, dated.get(a.doc, ""), dated.get(b.doc, "")):
            continue
        if v.label in ("duration", "date") and plan_then_outcome(a.text, b.text, dated.get(a.doc, ""),
                                                                  dated.get(b.doc, "")):
            continue
        shared = sorted(k[5:] for k in a.keys & b.keys if k.startswith("term:"))
        words = [w for w in _WORD.findall(a.text) if content_terms(w) and next(iter(content_terms(w))) in shared]
        topic = f"{v.label}: " + " ".join(dict.fromkeys(w.lower() for w in words))[:60].strip()
        sides = [Side(doc=u.doc, stance=f"{v.label}: {_phrase(u.text, span)}".strip().rstrip(":"),
                      evidence=Span(u.doc, u.start, u.end, u.text))
                 for u, span in ((a, v.span_a), (b, v.span_b))]
        found.append(((*where[i], *where[j]), (v.probability, f"pairs:{v.label}", topic, sides)))
    LOGGER.debug("pair model: %d sentences, %d candidate pairs (%d judged now), %d disagreements", len(units),
                 len(pairs), len(todo), len(found))
    return found
