"""Stance-bearing claims in one document's sentences.

A claim is a sentence that takes a position on a general dimension of a story:

* a *pole* claim: the sentence names actors and uses a phrase from ``lexicon/stance.yaml`` that places
  it at one pole of a dimension (alignment: aligned ↔ distancing; coordination: spontaneous ↔
  prearranged; compliance: complies ↔ evades). A negation just before the phrase flips the pole.
* a *cause* claim: "X happened thanks to / due to Y", with whether Y is said to be the only cause
  ("only thanks to") or one of several ("not just", "collective").
* a *quantity* claim: an amount (money converted roughly to US dollars, or a count) with a range
  ("several billion" = 3–9 billion) and the words just before it, which name what is measured.

Claims are compared across documents by ``storyline.fuse.disagreements``. Finding them needs only
sentence text and the actors' spans, so it runs per document or in the fuse stage alike.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from storyline.model import Sentence, Span
from storyline.nlp.quantities import find_quantities

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
#: words before (and after) a quantity that name what it measures
ANCHOR_BEFORE, ANCHOR_AFTER = 8, 3
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12, "tn": 1e12}

_STOP = frozenset("""a an the and or but if of to in on at by for from with as is are was were be been being
has have had do does did will would shall should can could may might must this that these those it its
he she they them his her their our we you i which who whom whose what when where why how not no than
then so such also just only very more most much many some any all each both other into about over after
before under again further once here there out up down off own same too s t said says say told thus
however although while because since until whether per via new one two first last year years
""".split())
_CLAUSE_CUT = re.compile(r"[,;:.!?()]|\b(?:that|which|who|but|because|while|whereas)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Claim:
    """A stance-bearing sentence (an internal record of the fuse stage; not stored or exported)."""
    doc: str
    evidence: Span
    kind: str                    # pole | cause | quantity
    dimension: str               # alignment | coordination | compliance | cause | quantity
    pole: str                    # pole name, "only"/"shared"/"cause", or the unit of a quantity
    weight: float
    actors: frozenset[str]       # actor keys named in the sentence
    terms: frozenset[str]        # content-word keys of the sentence (cause: outside the cause span)
    agents: frozenset[str] = frozenset()   # cause: actor keys named as the cause
    low: float | None = None     # quantity: range in comparable units
    high: float | None = None
    anchor: frozenset[str] = field(default_factory=frozenset)  # quantity: what is measured
    text: str = ""               # the phrase that made the claim


def term_key(word: str) -> str:
    """Crude spelling-tolerant stem: defence/defense, recognise/recognize, colour/color meet."""
    w = word.lower().replace("’", "'").split("'")[0].replace("z", "s").replace("c", "s").replace("ou", "o")
    return w[:6]


def content_terms(text: str) -> frozenset[str]:
    """Keys of the content words of ``text`` (stop words and short words dropped)."""
    return frozenset(term_key(w) for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in _STOP)


def _phrase_regex(phrase: str) -> str:
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
    return rf"(?<!\w){body}(?!\w)"


def _alternation(phrases: Iterable[str]) -> re.Pattern[str]:
    phrases = [p for p in phrases if p.strip()]
    if not phrases:  # an empty alternation would match everywhere
        raise ValueError("stance lexicon: an empty phrase list")
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile("|".join(f"(?:{_phrase_regex(p)})" for p in ordered), re.IGNORECASE)


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


@functools.lru_cache(maxsize=4)
def load_stance_lexicon(path: str | None = None) -> StanceLexicon:
    """Load and compile the stance lexicon (the shipped one unless ``path`` is given)."""
    data: dict[str, Any] = yaml.safe_load(Path(path or STANCE_PATH).read_text(encoding="utf-8"))
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
        usd={k: float(v) for k, v in data["usd_per_unit"].items()})


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


def _cause_claims(sent: Sentence, doc: str, actor_spans: list[tuple[int, int, str]],
                  names: re.Pattern[str] | None, name_keys: dict[str, str], weight: float,
                  lex: StanceLexicon) -> list[Claim]:
    out = []
    for m in lex.cause_marker.finditer(sent.text):
        end = _cause_span(sent.text, m.end(), lex)
        cause_text = sent.text[m.end():end]
        before = " ".join(sent.text[:m.start()].split()[-2:])
        first_after = " ".join(cause_text.split()[:1])
        exclusive = bool(lex.exclusive.search(before) or lex.exclusive.fullmatch(first_after or "-"))
        shared = bool(lex.shared.search(cause_text))
        agents = _actors_in(sent, actor_spans, names, name_keys, sent.start + m.end(), sent.start + end)
        if not agents:
            continue  # a cause with no actor ("due to the weather") is not an attribution we compare
        outside = sent.text[:m.start()] + " " + sent.text[end:]
        pole = "only" if exclusive and not shared else ("shared" if shared else "cause")
        out.append(Claim(doc, Span(doc, sent.start, sent.end, sent.text), "cause", "cause", pole, weight,
                         agents, content_terms(outside), agents=agents, text=sent.text[m.start():end]))
    return out


def _scale_of(text: str) -> float:
    for w in text.lower().split():
        if w in _SCALES:
            return _SCALES[w]
    return 1.0


def _quantity_claims(sent: Sentence, doc: str, actors: frozenset[str], weight: float,
                     lex: StanceLexicon) -> list[Claim]:
    out = []
    cursor = 0
    for q in find_quantities(sent.text):
        at = sent.text.find(q.text, cursor)
        if at < 0:
            continue
        cursor = at + len(q.text)
        low_text = q.text.lower()
        if q.value is not None:
            lo = hi = float(q.value)
        else:
            vague = next((v for k, v in sorted(lex.vague.items(), key=lambda kv: -len(kv[0]))
                          if low_text.startswith(k + " ")), None)
            if vague is None:
                continue
            scale = _scale_of(low_text)
            lo, hi = vague[0] * scale, vague[1] * scale
        before_words = sent.text[:at].split()
        if lex.approximate.search(" ".join(before_words[-3:])):
            lo, hi = lo / APPROX_WIDEN, hi * APPROX_WIDEN
        unit = q.unit or ""
        if unit in lex.usd:
            lo, hi, unit = lo * lex.usd[unit], hi * lex.usd[unit], "USD"
        anchor_text = " ".join(before_words[-ANCHOR_BEFORE:] + sent.text[cursor:].split()[:ANCHOR_AFTER])
        anchor = content_terms(anchor_text)
        out.append(Claim(doc, Span(doc, sent.start, sent.end, sent.text), "quantity", "quantity", unit, weight,
                         actors, content_terms(sent.text), low=lo, high=hi, anchor=anchor, text=q.text))
    return out


def name_pattern(name_keys: dict[str, str]) -> re.Pattern[str] | None:
    """One regex finding any known actor name (lower- or upper-case, with a demonym ending)."""
    if not name_keys:
        return None
    alts = "|".join(re.escape(n) for n in sorted(name_keys, key=len, reverse=True))
    # "russia" also finds "russian"; the group keeps the name itself for the key lookup
    return re.compile(rf"(?<!\w)({alts})(?:n|ns|an|ans)?(?!\w)", re.IGNORECASE)


def find_claims(doc: str, sentences: list[Sentence], actor_spans: list[tuple[int, int, str]],
                name_keys: dict[str, str] | None = None, lexicon: StanceLexicon | None = None) -> list[Claim]:
    """Every pole, cause and quantity claim in one document's sentences.

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
        actors = _actors_in(sent, actor_spans, names, name_keys)
        terms = content_terms(sent.text)
        out.extend(_pole_claims(sent, doc, actors, terms, weight * question, lex))
        out.extend(_cause_claims(sent, doc, actor_spans, names, name_keys, weight, lex))
        out.extend(_quantity_claims(sent, doc, actors, weight, lex))
    return out
