"""Modality and attribution of an event predicate, read off the dependency parse.

Five values (``model.MODALITIES``): *asserted* by the outlet, *reported* (someone says it
happened; the speaker is returned so the event can record who), *denied* (negated, or inside
"denied that ..."), *planned* (will / intends to / is planned to), *hypothetical* (if, would,
could, a question). A refusal verb that is negated is not handled here: "does not recognise" is
typed REJECT by the event lexicon and stays asserted (the caller passes ``negation_consumed``).

The cue words are data: ``data/modality.yaml``.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.data import load, read, resource_path

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

LOGGER = logging.getLogger(__name__)

LEXICON_PATH = resource_path("modality")
#: how far up the parse a governing cue may be (clause nesting deeper than this is rare in news)
MAX_CLIMB = 6
#: dependency labels that embed a clause under its governor
_CLAUSAL = {"ccomp", "xcomp", "advcl", "conj", "parataxis", "relcl", "acl", "pcomp", "dobj", "pobj", "prep"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


@dataclass(frozen=True)
class ModalityLexicon:
    reporting: frozenset[str]
    attribution: tuple[str, ...]
    negation: frozenset[str]
    denial: frozenset[str]
    planned_verbs: frozenset[str]
    planned_aux: frozenset[str]
    planned_phrases: tuple[str, ...]
    conditional: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_verbs: frozenset[str]


@dataclass(frozen=True)
class Modality:
    """What modality.classify found: the value, the speaker token (if reported) and negation."""
    value: str
    speaker: Token | None = None
    negated: bool = False


@functools.lru_cache(maxsize=4)
def load_modality_lexicon(path: str | None = None) -> ModalityLexicon:
    """Load (once per process) the modality cue lexicon."""
    data = read(path, "modality") if path else load("modality")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return ModalityLexicon(
        reporting=words("reporting_verbs"), attribution=tuple(data.get("attribution_phrases") or []),
        negation=words("negation_words"), denial=words("denial_verbs"),
        planned_verbs=words("planned_verbs"), planned_aux=words("planned_auxiliaries"),
        planned_phrases=tuple(data.get("planned_phrases") or []),
        conditional=words("conditional_markers"), hypothetical_aux=words("hypothetical_auxiliaries"),
        hypothetical_verbs=words("hypothetical_verbs"))


def is_negated(tok: Token, lex: ModalityLexicon) -> bool:
    """A negation attached to the predicate ("did not", "never", "no longer", "no agreement")."""
    for child in tok.children:
        low = child.lower_
        if child.dep_ == "neg" or (low in lex.negation and child.dep_ in ("advmod", "det", "neg", "preconj")):
            return True
        if low == "longer" and any(c.lower_ == "no" for c in child.children):
            return True
    return False


def speaker_of(verb: Token) -> Token | None:
    """The subject of a reporting verb (its agent when passive: "was told by X")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _according_to(tok: Token) -> Token | None:
    """The X of an "according to X" attached to ``tok``."""
    for child in tok.children:
        if child.lower_ in ("according", "citing") and child.dep_ in ("prep", "advcl", "advmod"):
            for g in child.subtree:
                if g.dep_ == "pobj" or (child.lower_ == "citing" and g.dep_ == "dobj"):
                    return g
    return None


def _aux_words(tok: Token) -> list[str]:
    return [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]


def classify(pred: Token, lex: ModalityLexicon, *, negation_consumed: bool = False,
             sent: tuple[Span, str] | None = None) -> Modality:
    """Modality of the event whose predicate is ``pred``.

    Args:
        pred: the predicate token (verb or nominal head).
        lex: the cue lexicon (``load_modality_lexicon()``).
        negation_consumed: the lexicon already turned a negation into the type (not recognise = REJECT).
        sent: ``(pred.sent, pred.sent.text)`` when the caller has them (both are slow to rebuild).

    Returns:
        The modality value, the speaker token when reported, and whether a negation was seen.
    """
    negated = is_negated(pred, lex) and not negation_consumed
    hypothetical = planned = denied = False
    speaker: Token | None = None
    if sent is None:
        span = pred.sent
        sent = (span, span.text)
    sent_span, sent_text = sent
    if sent_text.rstrip().endswith("?"):
        hypothetical = True

    tok = pred
    for _ in range(MAX_CLIMB):
        auxes = _aux_words(tok)
        if any(a in lex.planned_aux for a in auxes):
            planned = True
        if any(a in lex.hypothetical_aux for a in auxes):
            # "said it would boost exports": future in the past, i.e. planned
            clause = tok
            while clause.dep_ == "conj" and clause.head.i != clause.i:   # "said that A and that B would"
                clause = clause.head
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in lex.reporting:
                planned = True
            else:
                hypothetical = True
        if any(c.dep_ == "mark" and c.lower_ in lex.conditional for c in tok.children):
            hypothetical = True
        acc = _according_to(tok)
        if acc is not None and speaker is None:
            speaker = acc
        if tok.dep_ == "ROOT" or tok.head.i == tok.i:
            break
        head, rel = tok.head, tok.dep_
        hl = head.lemma_.lower()
        if rel in ("xcomp", "ccomp") and hl in lex.planned_verbs and speaker is None:
            planned = True
        if rel in ("ccomp", "xcomp", "pcomp", "pobj") and hl in lex.denial:
            denied = True
        if rel in ("ccomp", "xcomp") and hl in lex.hypothetical_verbs:
            hypothetical = True
        if rel in ("ccomp", "parataxis") and hl in lex.reporting and speaker is None:
            speaker = speaker_of(head)
            if speaker is None:
                speaker = head  # a passive or subjectless report: still reported, speaker unknown
        if rel in ("acl", "relcl", "amod"):
            break  # a modifier of a noun: the noun's own clause does not govern this predicate
        tok = head
    text = sent_text.lower()
    if not planned and any(p in text for p in lex.planned_phrases) and _phrase_governs(pred, lex, sent_span):
        planned = True

    if negated or denied:
        value = "denied"
    elif hypothetical:
        value = "hypothetical"
    elif planned:
        value = "planned"
    elif speaker is not None:
        value = "reported"
    else:
        value = "asserted"
    speaker_tok = speaker if speaker is not None and speaker.pos_ in ("PROPN", "NOUN", "PRON") else None
    return Modality(value, speaker_tok, negated)


def _phrase_governs(pred: Token, lex: ModalityLexicon, sent: Span | None = None) -> bool:
    """A planned phrase ("is planned to", "is set to") whose words sit on the predicate or its head."""
    sent = sent if sent is not None else pred.sent
    near = " ".join(t.lower_ for t in sent if t.i <= pred.i and t.i >= pred.i - 5)
    return any(p in near for p in lex.planned_phrases)
