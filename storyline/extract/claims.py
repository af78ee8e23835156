"""Stance-bearing claims in one document's sentences.

A claim is a sentence that takes a position on a general dimension of a story:

* a *pole* claim: the sentence names actors and uses a phrase from ``lexicon/stance.yaml`` that places
  it at one pole of a dimension (alignment: aligned ↔ distancing; coordination: spontaneous ↔
  prearranged; compliance: complies ↔ evades). A negation just before the phrase flips the pole.
* a *cause* claim: "X happened thanks to / due to Y", with whether Y is said to be the only cause
  ("only thanks to") or one of several ("not just", "collective").
* a *quantity* claim: an amount (money converted roughly to US dollars, a count of a family of nouns —
  "farmers" and "activists" are both people —, or a measure such as "cubic metre/second") with a range
  ("several billion" = 3–9 billion, "a few hundred" = 200–500, "more than X" = X and up) and the words
  around it, which name what is measured. A figure the sentence rejects ("not the 150 claimed") is none.
* a *cause* claim may also name a thing rather than an actor ("the result of the driest winter"), deny a
  cause ("has nothing to do with the dam": pole ``denied``), or imply one by timing ("the flow fell on
  the very day the gates were lowered").
* a *frame* claim: an act characterised as hostile ("an unfriendly signal") or benign ("a routine
  rotation"), the two poles of ``framing`` in the lexicon.

Claims are compared across documents by ``storyline.fuse.disagreements``. Finding them needs only
sentence text and the actors' spans, so it runs per document or in the fuse stage alike.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable


from storyline.model import Sentence, Span
from storyline.nlp.quantities import find_quantities
from storyline.resources import load_yaml

LOGGER = logging.getLogger(__name__)

STANCE_PATH = Path(__file__).resolve().parent / "lexicon" / "stance.yaml"
#: "a ... b" in a phrase allows up to this many words in between
GAP_WORDS = 5
#: a negation counts when it is at most this many words before the phrase in the same clause
#: (7 reaches "no longer wants to remain the kremlin's satellite"; clause cuts keep it local)
NEGATION_WINDOW = 7
#: weight multipliers for hedged sentences: reported speculation, questions, conditions
REPORTED_WEIGHT, QUESTION_WEIGHT, CONDITIONAL_WEIGHT, PAST_WEIGHT = 0.6, 0.25, 0.4, 0.5
#: an author's own conclusion ("Consequently, ...", "In fact, ...") outweighs views it reports
CONCLUSION_WEIGHT = 1.5
#: claims early in an article state its thesis (headline, lead): up to this much extra weight
POSITION_BONUS = 0.3
#: "approximately $918 million" may be off by this factor either way
APPROX_WIDEN = 1.25
#: words before (and after) a quantity that name what it measures ("more than 20,000 farmers and their
#: families marched through the centre of Darel": the place is 9 words after the number)
ANCHOR_BEFORE, ANCHOR_AFTER = 8, 10
#: "more than X" reaches up to this factor above X; "fewer than X" this factor below
OPEN_RANGE = 1.5
#: a vague word with no scale after it is an amount when it means at least this many ("hundreds of")
VAGUE_ALONE_MIN = 90
#: words after a number searched for its unit ("several hundred angry residents")
UNIT_LOOKAHEAD, FAMILY_LOOKAHEAD = 6, 3
#: a cause implied by timing ("fell on the very day the gates were lowered") is weaker than a stated one
TEMPORAL_WEIGHT = 0.7
#: outcome term standing for any change verb: "the drop in the flow" and "the flow fell" meet
CHANGE_TERM = "~change"
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12, "tn": 1e12}

_STOP = frozenset("""a an the and or but if of to in on at by for from with as is are was were be been being
has have had do does did will would shall should can could may might must this that these those it its
he she they them his her their our we you i which who whom whose what when where why how not no than
then so such also just only very more most much many some any all each both other into about over after
before under again further once here there out up down off own same too s t said says say told thus
however although while because since until whether per via new one two first last year years
through towards toward within across during against among yesterday today
""".split())
_CLAUSE_CUT = re.compile(r"[,;:.!?()]|\b(?:that|which|who|but|because|while|whereas)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: a bare number joined to an earlier figure ("... to 85", "... and 25")
_BARE_FOLLOWER = re.compile(r"\b(?:to|and|or|from|versus|vs\.?)\s+(\d[\d,]*(?:\.\d+)?)(?![\d%]|\s*(?:per ?cent|percent)\b)")
YEAR_LIKE = (1800, 2100)
#: capitalised words that open an amount ("About 400,000 households", "Several hundred people")
_RANGE_WORD_BEFORE_NUMBER = re.compile(
    r"\b(About|Some|Around|Roughly|Nearly|Almost|Over|More|Fewer|Less|Several|Approximately|Up|At|Just|"
    r"Close|Well|Hundreds|Thousands|Tens|Dozens|Only|Barely|Perhaps|Maybe)(\s+(?:than\s+|to\s+|least\s+|"
    r"of\s+)?(?:\d|a\s|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand))")


@dataclass(frozen=True)
class Claim:
    """A stance-bearing sentence (an internal record of the fuse stage; not stored or exported)."""
    doc: str
    evidence: Span
    kind: str                    # pole | cause | quantity | frame
    dimension: str               # alignment | coordination | compliance | cause | quantity | framing
    pole: str                    # pole name, "only"/"shared"/"cause"/"denied", or the unit of a quantity
    weight: float
    actors: frozenset[str]       # actor keys named in the sentence
    terms: frozenset[str]        # content-word keys of the sentence (cause: outside the cause span)
    agents: frozenset[str] = frozenset()   # cause: actor keys named as the cause
    low: float | None = None     # quantity: range in comparable units
    high: float | None = None
    anchor: frozenset[str] = field(default_factory=frozenset)  # quantity: what is measured; cause: sentence
    text: str = ""               # the phrase that made the claim
    cause: frozenset[str] = frozenset()    # cause: content-word keys of the cause named
    outcome: frozenset[str] = frozenset()  # cause: content-word keys of the outcome explained
    when: frozenset[str] = frozenset()     # quantity: weekdays/months dating the figure
    co: frozenset[str] = frozenset()       # quantity: the sentence's other amounts ("60 day")
    converted: bool = False      # quantity: converted between currencies (rough)


@functools.lru_cache(maxsize=65536)
def term_key(word: str) -> str:
    """Crude spelling-tolerant stem: defence/defense, recognise/recognize, colour/color meet."""
    w = word.lower().replace("’", "'").split("'")[0].replace("z", "s").replace("c", "s").replace("ou", "o")
    return w[:6]


@functools.lru_cache(maxsize=16384)
def content_terms(text: str) -> frozenset[str]:
    """Keys of the content words of ``text`` (stop words and short words dropped)."""
    return frozenset(term_key(w) for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in _STOP)


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
    # position inside a word once instead of once per phrase (7x faster on news text)
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{_phrase_body(p)})" for p in ordered) + ")", re.IGNORECASE)


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


@functools.lru_cache(maxsize=4)
def load_stance_lexicon(path: str | None = None) -> StanceLexicon:
    """Load and compile the stance lexicon (the shipped one unless ``path`` is given)."""
    data: dict[str, Any] = load_yaml(Path(path or STANCE_PATH).read_text(encoding="utf-8"))
    poles, min_actors, cues = {}, {}, {}
    for dim, spec in data["dimensions"].items():
        if len(spec["poles"]) != 2:
            raise ValueError(f"stance lexicon: dimension {dim!r} needs exactly two poles")
        poles[dim] = {name: _alternation(words) for name, words in spec["poles"].items()}
        min_actors[dim] = int(spec.get("min_actors", 1))
        if spec.get("cues"):
            cues[dim] = (_alternation(spec["cues"]), int(spec.get("cue_window", 6)))
    cause = data["cause"]
    return StanceLexicon(
        poles=poles, min_actors=min_actors, cues=cues,
        negation=_alternation(data["negations"]), not_negation=_alternation(data["not_negations"]),
        reported=_alternation(data["hedges"]["reported"]), past=_alternation(data["hedges"]["past"]),
        conclusion=_alternation(data["conclusions"]),
        conditional=re.compile("|".join(re.escape(w) for w in data["hedges"]["conditional"]), re.I),
        cause_marker=_alternation(cause["markers"]), exclusive=_alternation(cause["exclusive"]),
        shared=_alternation(cause["shared"]), continuation=_alternation(cause["continuations"]),
        cause_max_words=int(cause.get("max_words", 16)),
        vague={k.lower(): (float(v[0]), float(v[1])) for k, v in data["vague_numbers"].items()},
        approximate=re.compile("|".join(r"(?<!\w)" + re.escape(w) + r"(?!\w)" for w in data["approximate"]), re.I),
        usd={k: float(v) for k, v in data["usd_per_unit"].items()},
        denial=_alternation(cause["denials"]), temporal=_alternation(cause["temporal"]),
        denial_verb=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in cause["denial_verbs"])
                               + r")\s+(?:(?:the\s+)?(?:claims?|suggestions?|reports?|allegations?)\s+)?that\s+[^,;:]*$",
                               re.IGNORECASE),
        reverse=_alternation(cause["reverse"]),
        change=_alternation(cause["change"]), term_cut=frozenset(w.lower() for w in cause["term_cut"]),
        frame_poles={k: _alternation(v) for k, v in data["framing"]["poles"].items()},
        frame_cues=_alternation(data["framing"]["cues"]), frame_window=int(data["framing"]["cue_window"]),
        number_words={k.lower(): float(v) for k, v in data["number_words"].items()},
        scale_words={k.lower(): float(v) for k, v in data["scale_words"].items()},
        at_least=_tail_alternation(data["at_least"]), at_most=_tail_alternation(data["at_most"]),
        amount_negation=_tail_alternation(data["amount_negations"]),
        family={_singular(w): fam for fam, words in data["unit_families"].items() for w in words},
        measures={k.lower(): v for k, v in data["measure_words"].items()},
        rate_periods=frozenset(data["rate_periods"]), time_words=frozenset(data["time_words"]))


def _tail_alternation(phrases: list[str]) -> re.Pattern[str]:
    """A phrase list matched at the very end of a text (the words just before a number)."""
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})\s*$", re.IGNORECASE)


def _singular(noun: str) -> str:
    """Crude singular of an English noun ("activists" -> "activist", "families" -> "family")."""
    n = noun.lower()
    if n.endswith("ies") and len(n) > 4:
        return n[:-3] + "y"
    if n.endswith(("sses", "xes", "ches", "shes")):
        return n[:-2]
    if n.endswith("s") and not n.endswith(("ss", "us")) and len(n) > 3:
        return n[:-1]
    return n


def _negated(text: str, start: int, lex: StanceLexicon) -> bool:
    """True when a negation ends shortly before ``start`` in the same clause."""
    before = _CLAUSE_CUT.split(text[:start])[-1]
    words = before.split()
    window = " ".join(words[-NEGATION_WINDOW:])
    if not window:
        return False
    cleaned = lex.not_negation.sub(" ", window)
    return bool(lex.negation.search(cleaned) or re.search(r"\w+n[’']t\b", cleaned))


def _sentence_weight(text: str, position: float, lex: StanceLexicon) -> tuple[float, float]:
    """(weight, extra factor for pole claims): a question asks rather than states a position, but what
    its relative clauses presuppose ("saved only thanks to X") still counts for causes and amounts."""
    w = 1.0
    if lex.reported.search(text):
        w *= REPORTED_WEIGHT
    if lex.past.search(text):
        w *= PAST_WEIGHT
    if lex.conditional.search(text):
        w *= REPORTED_WEIGHT
    if lex.conditional.search(text):
        w *= CONDITIONAL_WEIGHT
    if lex.conclusion.match(text.lstrip(" \"“«-–•")):
        w *= CONCLUSION_WEIGHT
    question = QUESTION_WEIGHT if text.rstrip(" »”\"'").endswith("?") else 1.0
    return w * (1.0 + POSITION_BONUS * (1.0 - position)), question


def _actors_in(sent: Sentence, actor_spans: list[tuple[int, int, str]], names: re.Pattern[str] | None,
               name_keys: dict[str, str], lo: int | None = None, hi: int | None = None) -> frozenset[str]:
    """Actor keys whose spans (or lower-case names) fall inside the sentence (or [lo, hi))."""
    lo = sent.start if lo is None else lo
    hi = sent.end if hi is None else hi
    keys = {k for s, e, k in actor_spans if s >= lo and e <= hi}
    if names is not None:
        chunk = sent.text[lo - sent.start:hi - sent.start]
        keys.update(name_keys[m.group(1).lower()] for m in names.finditer(chunk))
    return frozenset(keys)


def _pole_claims(sent: Sentence, doc: str, actors: frozenset[str], terms: frozenset[str], weight: float,
                 lex: StanceLexicon) -> list[Claim]:
    out = []
    for dim, poles in lex.poles.items():
        if len(actors) < lex.min_actors[dim]:
            continue
        names = list(poles)
        for i, (pole, rx) in enumerate(poles.items()):
            for m in rx.finditer(sent.text):
                if dim in lex.cues:
                    cue_rx, window = lex.cues[dim]
                    after = " ".join(sent.text[m.start():].split()[:window + len(m.group(0).split())])
                    if not cue_rx.search(after):
                        continue
                final = names[1 - i] if _negated(sent.text, m.start(), lex) else pole
                out.append(Claim(doc, Span(doc, sent.start, sent.end, sent.text), "pole", dim, final, weight,
                                 actors, terms, text=m.group(0)))
    return out


def _cause_span(text: str, start: int, lex: StanceLexicon) -> int:
    """End (in ``text``) of the cause named after a marker ending at ``start``."""
    pos, words = start, 0
    for m in re.finditer(r"[^\s,;:.!?]+|[,;:.!?]", text[start:]):
        tok = m.group(0)
        if tok in ".;:!?":
            break
        if tok == ",":
            rest = text[start + m.end():].lstrip()
            if not lex.continuation.match(rest):
                break
            continue
        words += 1
        pos = start + m.end()
        if words >= lex.cause_max_words:
            break
    return pos


def _clause_before(text: str) -> str:
    """The last clause of ``text`` ("..., pointing out that the flow fell sharply" -> "the flow fell sharply")."""
    return _CLAUSE_CUT.split(text)[-1]


def _term_cause(cause_text: str, lex: StanceLexicon) -> str:
    """The noun phrase a cause span starts with: "a storm that toppled towers" -> "a storm"."""
    words = cause_text.split()
    for i, w in enumerate(words):
        if i and w.lower().strip("\"“”'’,") in lex.term_cut:
            return " ".join(words[:i])
    return cause_text


def _cause_hits(text: str, lex: StanceLexicon) -> list[tuple[re.Match[str], str]]:
    """Cause markers, denials and temporal markers in ``text``, in order, a denial winning over a marker
    inside it ("nothing to do with" is not also a plain cause)."""
    hits = [(m, "denial") for m in lex.denial.finditer(text)]
    taken = [(m.start(), m.end()) for m, _ in hits]
    for kind, rx in (("reverse", lex.reverse), ("marker", lex.cause_marker), ("temporal", lex.temporal)):
        for m in rx.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                hits.append((m, kind))
                taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h[0].start())


def _cause_claims(sent: Sentence, doc: str, actor_spans: list[tuple[int, int, str]],
                  names: re.Pattern[str] | None, name_keys: dict[str, str], weight: float,
                  lex: StanceLexicon) -> list[Claim]:
    out = []
    hits = _cause_hits(sent.text, lex)
    if not hits:
        return out
    # the outcome is what the sentence explains: the clause before its first cause marker
    head = _clause_before(sent.text[:hits[0][0].start()])
    outcome = content_terms(head) | ({CHANGE_TERM} if lex.change.search(head) else set())
    for n, (m, kind) in enumerate(hits):
        if kind == "temporal" and not lex.change.search(_clause_before(sent.text[:m.start()])):
            continue  # "since Monday" after a non-change is a date, not a cause
        end = _cause_span(sent.text, m.end(), lex)
        if n + 1 < len(hits):  # "the result of A and has nothing to do with B": A's span stops before B's
            end = min(end, hits[n + 1][0].start())
        cause_text = sent.text[m.end():end]
        if kind == "reverse":  # "the dam was to blame for the low water": the cause is the clause's subject
            cause_text = re.sub(r"\b(?:is|was|were|are|be|been|not|also|alone|solely)\b", " ",
                                _clause_before(sent.text[:m.start()]))
            end = m.start()
        if m.group(0).lower().startswith("blam") and re.search(r"\bon\b", cause_text):
            cause_text = re.split(r"\bon\b", cause_text, maxsplit=1)[1]  # "blamed the outage on a storm"
        before = " ".join(sent.text[:m.start()].split()[-2:])
        first_after = " ".join(cause_text.split()[:1])
        exclusive = bool(lex.exclusive.search(before) or lex.exclusive.fullmatch(first_after or "-"))
        shared = bool(lex.shared.search(cause_text))
        agents = _actors_in(sent, actor_spans, names, name_keys, sent.start + m.end(), sent.start + end)
        cause = content_terms(_term_cause(cause_text, lex))
        if not agents and not cause:
            continue
        denied = kind == "denial" or (kind != "temporal" and _negated(sent.text, m.start(), lex)) \
            or bool(lex.denial_verb.search(sent.text[:m.start()]))
        pole = "denied" if denied else ("only" if exclusive and not shared else ("shared" if shared else "cause"))
        outside = sent.text[:m.start()] + " " + sent.text[end:]
        w = weight * (TEMPORAL_WEIGHT if kind == "temporal" else 1.0)
        out.append(Claim(doc, Span(doc, sent.start, sent.end, sent.text), "cause", "cause", pole, w,
                         agents, content_terms(outside), agents=agents, text=sent.text[m.start():end],
                         cause=cause, outcome=frozenset(outcome), anchor=content_terms(sent.text)))
    return out


def _frame_claims(sent: Sentence, doc: str, actors: frozenset[str], terms: frozenset[str], weight: float,
                  lex: StanceLexicon) -> list[Claim]:
    """An act characterised as hostile or benign ("calling the move an unfriendly signal")."""
    out, seen = [], set()
    poles = list(lex.frame_poles)
    for i, (pole, rx) in enumerate(lex.frame_poles.items()):
        for m in rx.finditer(sent.text):
            words = _WORD.findall(sent.text[:m.start()])[-lex.frame_window:]
            if not words or not lex.frame_cues.search(" ".join(words)):
                continue  # "routine" in passing is not a characterisation of the act
            final = poles[1 - i] if _negated(sent.text, m.start(), lex) else pole
            if final in seen:
                continue
            seen.add(final)
            out.append(Claim(doc, Span(doc, sent.start, sent.end, sent.text), "frame", "framing", final, weight,
                             actors, terms - content_terms(m.group(0)), text=m.group(0)))
    return out


# --- quantities -----------------------------------------------------------------------------------

def _noun_like(word: str) -> bool:
    """A lower-case word that can name what a number counts (not "on", "claimed", "new", "roughly")."""
    w = word.lower()
    return (word.isalpha() and word[0].islower() and w not in _STOP and len(w) > 2
            and not w.endswith(("ed", "ly", "ing")))


def _unit_after(words: list[str], lex: StanceLexicon) -> tuple[str | None, int]:
    """(unit, words used) from the words right after a number: "cubic metres a second" -> "cubic metre/second",
    "angry residents" -> "people" (a noun family), "claimed in" -> None."""
    clean = [w.strip("\"“”'’,.;:()").lower() for w in words]
    if clean and clean[0] in lex.measures:
        unit, used = lex.measures[clean[0]], 1
        if unit in ("cubic", "square") and len(clean) > 1 and clean[1] in lex.measures:
            unit, used = f"{unit} {lex.measures[clean[1]]}", 2
        if len(clean) > used + 1 and clean[used] in ("per", "a", "an", "each", "every") \
                and _singular(clean[used + 1]) in lex.rate_periods:
            unit, used = f"{unit}/{_singular(clean[used + 1])}", used + 2
        return unit, used
    for i, w in enumerate(clean[:FAMILY_LOOKAHEAD]):
        if _singular(w) in lex.family:
            return lex.family[_singular(w)], i + 1
    if words and _noun_like(words[0].strip("\"“”'’,.;:()")):
        return _singular(clean[0]), 1
    return None, 0


def _durations(text: str, lex: StanceLexicon) -> set[str]:
    """Other amounts of the sentence that tie two figures to one arrangement ("for 60 days")."""
    out = set()
    for m in re.finditer(r"(?<![\w.,])(\d+(?:\.\d+)?|[a-z]+)[\s-](second|minute|hour|day|week|month|year)s?\b",
                         text, re.IGNORECASE):
        n = m.group(1).lower()
        value = float(n) if n[0].isdigit() else lex.number_words.get(n)
        if value is not None:
            out.add(f"{value:g} {m.group(2).lower()}")
    return out


def _bare_followers(sent: Sentence, doc: str, actors: frozenset[str], weight: float, found: list[Claim],
                    lex: StanceLexicon) -> list[Claim]:
    """A bare number joined to a figure before it takes that figure's unit: "from 40 tonnes a day to 25"."""
    out = []
    for m in _BARE_FOLLOWER.finditer(sent.text):
        prior = [c for c in found if sent.text.find(c.text) < m.start() and c.pole not in lex.usd and c.pole != "USD"]
        if not prior or any(c.text.startswith(m.group(1)) for c in found):
            continue
        value = float(m.group(1).replace(",", ""))
        if YEAR_LIKE[0] <= value <= YEAR_LIKE[1] and "," not in m.group(1):
            continue  # "between 2019 and 2021"
        out.append(replace(prior[-1], low=value, high=value, text=m.group(1), co=frozenset()))
    return out


def _vague_scaled(text: str, lex: StanceLexicon) -> list[tuple[int, int, float, float]]:
    """(start, end, low, high) of vague multiples: "a few hundred" = 200..500, "tens of thousands"."""
    keys = "|".join(re.escape(k) for k in sorted(lex.vague, key=len, reverse=True))
    scales = "|".join(re.escape(k) for k in sorted(lex.scale_words, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?<!\w)({keys})(?:\s+({scales})s?)?(?:\s+of)?(?!\w)", text, re.IGNORECASE):
        lo, hi = lex.vague[m.group(1).lower()]
        if m.group(2) is None and hi < VAGUE_ALONE_MIN:
            continue  # "several countries", "a few days": no amount anyone would dispute
        scale = lex.scale_words[m.group(2).lower()] if m.group(2) else 1.0
        out.append((m.start(), m.end(), lo * scale, hi * scale))
    return out


def _quantity_text(text: str, lex: StanceLexicon) -> str:
    """The text with a capitalised range word before a number lower-cased ("About 400,000", "Several
    hundred"), same length, so that the quantity finder does not take the word for a name ("Article 5")."""
    def lower(m: re.Match[str]) -> str:
        return m.group(1).lower() + m.group(2)
    return _RANGE_WORD_BEFORE_NUMBER.sub(lower, text)


def _quantity_claims(sent: Sentence, doc: str, actors: frozenset[str], weight: float,
                     lex: StanceLexicon) -> list[Claim]:
    out: list[Claim] = []
    cursor = 0
    text = _quantity_text(sent.text, lex)
    last_unit: str | None = None
    vague_spans = _vague_scaled(text, lex)
    for q in find_quantities(text):
        at = text.find(q.text, cursor)
        if at < 0:
            continue
        if q.value is None and q.unit in lex.usd:  # "several billion dollars": a vague sum of money
            vague_spans = [v for v in vague_spans if not v[0] <= at < v[1]]
        elif any(s <= at < e for s, e, _, _ in vague_spans):
            continue  # read below as a vague amount ("several hundred", "tens of thousands")
        q_words = q.text.split()
        noun_unit = bool(q.unit) and q.unit not in lex.usd and q.unit not in ("percent", "km", "mi", "m") \
            and len(q_words) > 1 and q.value is not None
        # the number itself; a noun quantities.py read as the unit is read again below, with its neighbours
        num_text = " ".join(q_words[:-1]) if noun_unit else q.text
        num_end = at + len(num_text)
        cursor = at + len(q.text)
        before = text[:at].rstrip(" \"“")
        if lex.amount_negation.search(before):
            continue  # "not the 150 claimed": the sentence rejects that figure
        low_num = num_text.lower()
        converted = False
        if q.value is None:
            vague = next((v for k, v in sorted(lex.vague.items(), key=lambda kv: -len(kv[0]))
                          if low_num.startswith(k + " ")), None)
            if vague is None:
                continue
            scale = _scale_of(low_num)
            lo, hi = vague[0] * scale, vague[1] * scale
        else:
            lo = hi = float(q.value)
        unit = q.unit or ""
        if unit in lex.usd:
            lo, hi, unit, converted = lo * lex.usd[unit], hi * lex.usd[unit], "USD", unit != "USD"
        elif unit not in ("percent",):
            after = text[num_end:].split()[:UNIT_LOOKAHEAD]
            if after and after[0].lower() in lex.scale_words:  # "two hundred cubic metres"
                lo, hi = lo * lex.scale_words[after[0].lower()], hi * lex.scale_words[after[0].lower()]
                after = after[1:]
            found, used = _unit_after(after, lex)
            if found is None and q.unit in ("km", "mi", "m"):
                found = q.unit
            if found is None:
                if last_unit is None:
                    continue  # a bare number names nothing we can compare
                found = last_unit  # "from about 210 cubic metres a second ... to 85"
            unit = found
        if lex.at_least.search(before):
            hi = hi * OPEN_RANGE
        elif lex.at_most.search(before):
            lo = lo / OPEN_RANGE
        elif lex.approximate.search(" ".join(before.split()[-3:])):
            lo, hi = lo / APPROX_WIDEN, hi * APPROX_WIDEN
        last_unit = unit
        before_words = text[:at].split()[-ANCHOR_BEFORE:]
        after_words = text[cursor:].split()[:ANCHOR_AFTER]
        window = " ".join(before_words + after_words)
        anchor = content_terms(window) - content_terms(" ".join(lex.measures) + " " + " ".join(lex.rate_periods))
        when = frozenset(w for w in _WORD.findall(text) if w in lex.time_words)
        out.append(Claim(doc, Span(doc, sent.start, sent.end, sent.text), "quantity", "quantity", unit, weight,
                         actors, content_terms(text), low=lo, high=hi, anchor=anchor, text=q.text,
                         when=when, converted=converted))
    for start, end, lo, hi in vague_spans:
        unit, _ = _unit_after(text[end:].split()[:UNIT_LOOKAHEAD], lex)
        if unit is None:
            continue
        window = " ".join(text[:start].split()[-ANCHOR_BEFORE:] + text[end:].split()[:ANCHOR_AFTER])
        out.append(Claim(doc, Span(doc, sent.start, sent.end, sent.text), "quantity", "quantity", unit, weight,
                         actors, content_terms(text), low=lo, high=hi, anchor=content_terms(window),
                         text=text[start:end], when=frozenset(w for w in _WORD.findall(text) if w in lex.time_words)))
    out.extend(_bare_followers(sent, doc, actors, weight, out, lex))
    co = _durations(text, lex)
    amounts = {f"{c.low:g} {c.pole}" for c in out}
    return [replace(c, co=frozenset(co | (amounts - {f"{c.low:g} {c.pole}"}))) for c in out]


def _scale_of(text: str) -> float:
    for w in text.lower().split():
        if w in _SCALES:
            return _SCALES[w]
    return 1.0


def name_pattern(name_keys: dict[str, str]) -> re.Pattern[str] | None:
    """One regex finding any known actor name (lower- or upper-case, with a demonym ending)."""
    if not name_keys:
        return None
    alts = "|".join(re.escape(n) for n in sorted(name_keys, key=len, reverse=True))
    # "russia" also finds "russian"; the group keeps the name itself for the key lookup
    return re.compile(rf"(?<!\w)({alts})(?:n|ns|an|ans)?(?!\w)", re.IGNORECASE)


def find_claims(doc: str, sentences: list[Sentence], actor_spans: list[tuple[int, int, str]],
                name_keys: dict[str, str] | None = None, lexicon: StanceLexicon | None = None) -> list[Claim]:
    """Every pole, cause, quantity and frame claim in one document's sentences.

    Args:
        doc: the document id.
        sentences: the document's sentences (raw offsets, in order).
        actor_spans: (start, end, actor key) of every resolved actor mention in the document.
        name_keys: lower-case actor name -> actor key, to catch names NER missed ("russia").
        lexicon: a compiled stance lexicon (default: the shipped one).

    Returns:
        The claims, in sentence order.
    """
    lex = lexicon or load_stance_lexicon()
    name_keys = {k.lower(): v for k, v in (name_keys or {}).items()}
    names = name_pattern(name_keys)
    out: list[Claim] = []
    n = max(1, len(sentences) - 1)
    for i, sent in enumerate(sentences):
        weight, question = _sentence_weight(sent.text, i / n, lex)
        # the act a frame characterises is often named one sentence earlier ("X moved troops. Y called it ...")
        context = content_terms(sentences[i - 1].text) if i else frozenset()
        actors = _actors_in(sent, actor_spans, names, name_keys)
        terms = content_terms(sent.text)
        out.extend(_pole_claims(sent, doc, actors, terms, weight * question, lex))
        out.extend(_cause_claims(sent, doc, actor_spans, names, name_keys, weight, lex))
        out.extend(_quantity_claims(sent, doc, actors, weight, lex))
        out.extend(_frame_claims(sent, doc, actors, terms | context, weight * question, lex))
    return out
