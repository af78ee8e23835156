"""Stance-bearing claims in one document's sentences.

A claim is a sentence that takes a position on a general dimension of a story:

* a *pole* claim: the sentence names actors and uses a phrase from ``lexicon/stance.yaml`` that places
  it at one pole of a dimension (alignment: aligned ↔ distancing; coordination: spontaneous ↔
  prearranged; compliance: complies ↔ evades). A negation just before the phrase flips the pole.
* a *cause* claim: "X happened thanks to / due to Y", with whether Y is said to be the only cause
  ("only thanks to") or one of several ("not just", "collective").
* a *cause* claim may also name a thing rather than an actor ("the result of the driest winter"), deny a
  cause ("has nothing to do with the dam": pole ``denied``), or imply one by timing ("the flow fell on
  the very day the gates were lowered").
* a *frame* claim: an act characterised as hostile ("an unfriendly signal") or benign ("a routine
  rotation"), the two poles of ``framing`` in the lexicon.

A sentence's *quantity* claims (amounts as ranges) are read by ``amounts``; the compiled lexicon and the
text helpers all kinds share live in ``stance``; the ``Claim`` record in ``storyline.model``.

Finding claims needs only the document's sentences, so it runs per document, in the workers, and the
claims are stored with the document. Which actors a claim names depends on the corpus (entities merged
across documents, names NER missed here but found elsewhere), so ``storyline.fuse.disagreements``
binds them when it compares claims across documents. Detection is therefore permissive where it
depended on actors: a pole claim whose dimension needs named actors, or a cause naming no content
word, is kept here and dropped by the binding when the corpus finds too few actors in it.
"""
from __future__ import annotations

import functools
import logging
import re

from storyline.extract.amounts import quantity_claims
from storyline.extract.stance import (
    CHANGE_TERM,
    CLAUSE_CUT,
    TERM_WORD,
    SentenceFacts,
    StanceLexicon,
    content_terms,
    is_negated,
    load_stance_lexicon,
)
from storyline.model import Claim, Sentence, Span

LOGGER = logging.getLogger(__name__)

#: weight multipliers for hedged sentences: reported speculation, questions, conditions
REPORTED_WEIGHT, QUESTION_WEIGHT, CONDITIONAL_WEIGHT, PAST_WEIGHT = 0.6, 0.25, 0.4, 0.5
#: an author's own conclusion ("Consequently, ...", "In fact, ...") outweighs views it reports
CONCLUSION_WEIGHT = 1.5
#: claims early in an article state its thesis (headline, lead): up to this much extra weight
POSITION_BONUS = 0.3
#: a cause implied by timing ("fell on the very day the gates were lowered") is weaker than a stated one
TEMPORAL_WEIGHT = 0.7


def _sentence_weight(text: str, position: float, lex: StanceLexicon) -> tuple[float, float]:
    """(weight, extra factor for pole claims): a question asks rather than states a position, but what
    its relative clauses presuppose ("saved only thanks to X") still counts for causes and amounts."""
    w = 1.0
    if lex.reported.search(text):
        w *= REPORTED_WEIGHT
    if lex.past.search(text):
        w *= PAST_WEIGHT
    if lex.conditional.search(text):
        w *= CONDITIONAL_WEIGHT
    if lex.conclusion.match(text.lstrip(" \"“«-–•")):
        w *= CONCLUSION_WEIGHT
    question = QUESTION_WEIGHT if text.rstrip(" »”\"'").endswith("?") else 1.0
    return w * (1.0 + POSITION_BONUS * (1.0 - position)), question


def _pole_claims(sent: Sentence, doc: str, facts: SentenceFacts, terms: frozenset[str],
                 lex: StanceLexicon) -> list[Claim]:
    # a dimension about actors needs ``lex.min_actors`` of them named: the binding checks that
    out = []
    for dim, poles in lex.poles.items():
        names = list(poles)
        for i, (pole, rx) in enumerate(poles.items()):
            for m in rx.finditer(sent.text):
                if dim in lex.cues:
                    cue_rx, window = lex.cues[dim]
                    after = " ".join(sent.text[m.start():].split()[:window + len(m.group(0).split())])
                    if not cue_rx.search(after):
                        continue
                final = names[1 - i] if is_negated(sent.text, m.start(), lex) else pole
                weight, question = facts.weights
                out.append(Claim("", doc, Span(doc, sent.start, sent.end, sent.text), "pole", dim, final,
                                 weight * question, text=m.group(0), terms=sorted(terms)))
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
    return CLAUSE_CUT.split(text)[-1]


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


def _cause_claims(sent: Sentence, doc: str, facts: SentenceFacts, lex: StanceLexicon) -> list[Claim]:
    out: list[Claim] = []
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
        # the actors named as the cause are bound from this span; a cause with neither actors nor
        # content words is dropped then
        lo, hi = sent.start + m.end(), sent.start + end
        cause_span = Span(doc, lo, hi, sent.text[lo - sent.start:hi - sent.start]) if hi > lo else None
        cause = content_terms(_term_cause(cause_text, lex))
        denied = kind == "denial" or (kind != "temporal" and is_negated(sent.text, m.start(), lex)) \
            or bool(lex.denial_verb.search(sent.text[:m.start()]))
        pole = "denied" if denied else ("only" if exclusive and not shared else ("shared" if shared else "cause"))
        outside = sent.text[:m.start()] + " " + sent.text[end:]
        w = facts.weights[0] * (TEMPORAL_WEIGHT if kind == "temporal" else 1.0)
        out.append(Claim("", doc, Span(doc, sent.start, sent.end, sent.text), "cause", "cause", pole, w,
                         text=sent.text[m.start():end], terms=sorted(content_terms(outside)),
                         anchor=sorted(content_terms(sent.text)), cause_span=cause_span, cause=sorted(cause),
                         outcome=sorted(outcome)))
    return out


def _frame_claims(sent: Sentence, doc: str, facts: SentenceFacts, terms: frozenset[str],
                  lex: StanceLexicon) -> list[Claim]:
    """An act characterised as hostile or benign ("calling the move an unfriendly signal")."""
    out, seen = [], set()
    poles = list(lex.frame_poles)
    for i, (pole, rx) in enumerate(lex.frame_poles.items()):
        for m in rx.finditer(sent.text):
            words = TERM_WORD.findall(sent.text[:m.start()])[-lex.frame_window:]
            if not words or not lex.frame_cues.search(" ".join(words)):
                continue  # "routine" in passing is not a characterisation of the act
            final = poles[1 - i] if is_negated(sent.text, m.start(), lex) else pole
            if final in seen:
                continue
            seen.add(final)
            weight, question = facts.weights
            out.append(Claim("", doc, Span(doc, sent.start, sent.end, sent.text), "frame", "framing", final,
                             weight * question, text=m.group(0), terms=sorted(terms - content_terms(m.group(0)))))
    return out


def find_claims(doc: str, sentences: list[Sentence], lexicon: StanceLexicon | None = None) -> list[Claim]:
    """Every pole, cause, quantity and frame claim in one document's sentences.

    Args:
        doc: the document id.
        sentences: the document's sentences (raw offsets, in order).
        lexicon: a compiled stance lexicon (default: the shipped one).

    Returns:
        The claims in sentence order, ids ``<doc>/c1``, ``<doc>/c2``, ...; their actors are bound
        at fuse time (``storyline.fuse.disagreements.bind_claims``).
    """
    lex = lexicon or load_stance_lexicon()
    out: list[Claim] = []
    n = max(1, len(sentences) - 1)
    context: frozenset[str] = frozenset()
    for i, sent in enumerate(sentences):
        facts = SentenceFacts(functools.partial(_sentence_weight, sent.text, i / n, lex))
        terms = content_terms(sent.text)
        phrase = lex.any_phrase.search(sent.text) is not None
        if phrase:
            out.extend(_pole_claims(sent, doc, facts, terms, lex))
            out.extend(_cause_claims(sent, doc, facts, lex))
        out.extend(quantity_claims(sent, doc, facts, lex))
        if phrase:
            out.extend(_frame_claims(sent, doc, facts, terms | context, lex))
        # the act a frame characterises is often named one sentence earlier ("X moved troops. Y called it ...")
        context = terms
    for k, claim in enumerate(out, start=1):
        claim.id = f"{doc}/c{k}"
    return out
