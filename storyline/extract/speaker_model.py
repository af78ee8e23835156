"""Who said each quote: a trained ranker over candidate speakers, the attribution rules as features.

The rules of ``extract.quotes`` find a speaker phrase for most quotes, but on news nobody tuned
them on they take the nearest person for every "he" or "she", lose the speaker of a quote
paragraph that follows its introduction, and leave role descriptions ("a senior official")
unattributed. Here every entity mentioned near a quote is a candidate, with "nobody" and the
speaker phrase itself (when it is a description that names no one) beside them. A logistic
regression scores each candidate from:

- what the rules found: their choice, by which route (after the quote, before it, carried over),
  and whether the candidate is named inside the speaker phrase;
- agreement of a pronoun speaker phrase with the candidate's gender, read from titles, gendered
  role words and given names (``data/gender_words.yaml``, ``data/given_names.yaml``), and for a person they leave
  without one, from the text's own pronouns before the quote (``pronoun_evidence``: "X said his …", "X … . She …");
  the latest person and the latest subject whose gender fits, the last speaker's fit with the pronoun, paragraphs back
  to the candidate, and a name that only qualifies a common noun ("Lassa fever": no one who speaks);
- position: sentences between the candidate's nearest mention and the quote (before and after),
  its recency rank among people, whether that mention is a grammatical subject or the addressee
  of a speech verb ("told Mr. Y"), whether it is named inside the quote;
- discourse: the previous quote's speaker, a quote that opens its paragraph, salience;
- for "nobody" (``quote_shape``): the quote's length, whether it is a whole sentence with a verb, a cue verb in
  its sentence or beside it, a headline, how far the nearest person or body is, a word before it that names a term
  ("so-called", "nicknamed", "chanting", "reading"), a determiner or possessive before it, whether it modifies a
  noun ("the “basic economy” fares"), sits between a given name and a surname (a nickname) or is governed by a
  cue verb (a partial quote: speech);
- comparisons between the candidates of one quote (``syntactic_roles``): which one is the grammatical subject
  of the cue verb or of the sentence before, which one the cue addresses ("X told Y"), which one sits only in
  the subject's relative clause ("X, who runs Y, said"), who is mentioned most, who is nearest, whether the
  candidate is the only person a "he"/"she" fits.

The model is either pointwise (a logistic regression on each candidate) or listwise (``info["kind"]``: trained
on the differences between the speaker and each other candidate of the same quote, its scores normalised
over the quote's candidates). The candidate with the highest score speaks, unless "nobody" is close enough
(``Abstain``, chosen on held-out folds) or a second small regression (``Silence``: the quote's shape and the
ranker's probabilities) says the quote has no speaker in the text: the listwise ranker, trained mostly on quotes
that have one, gives slogans, titles and documents' words a speaker too often. The model is trained by ``make train``
(``scripts/train_quotes.py``) from the team-written passages in ``training/quotes/`` and shipped
in the package (``storyline/models/quote_speakers.npz``); ``Settings.speaker_model`` names another.
"""
from __future__ import annotations

import bisect
import functools
import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.extract.person_nouns import is_person_noun
from storyline.extract.quote_speakers import (
    ANTECEDENT,
    DESCRIBED,
    PREVIOUS_DESCRIBED,
    QuoteSpan,
    SpeakerContext,
    cue_at,
    cue_subject,
    entity_genders,
    has_given_name,
    person_evidence,
)
from storyline.extract.roles import PROTOTYPES, WordVectors
from storyline.modelfile import bounded_expit, sparse_dot
from storyline.resolve.coref import gender_lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

LOGGER = logging.getLogger(__name__)

__all__ = [
    "Abstain",
    "Candidate",
    "Layout",
    "Silence",
    "SpeakerModel",
    "antecedent_phrase",
    "can_speak",
    "candidates",
    "default_model_path",
    "described_type",
    "entity_genders",
    "inner_antecedent",
    "layout_of",
    "load_speaker_model",
    "phrase_head",
    "pick",
    "pronoun_evidence",
    "pronoun_genders",
    "quote_shape",
    "silence_features",
    "softmax",
    "syntactic_roles",
    "written_thing",
]

#: how many sentences before a quote (and after it) a candidate may be mentioned
SENTENCES_BEFORE = 3
SENTENCES_AFTER = 1
SENTENCES_BEFORE_PRONOUN = 8
#: the longest definite description read as a person named before ("the 76-year-old former coup leader")
MAX_ANAPHOR_WORDS = 6
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "we": "p", "it": "n", "i": "s"}
#: pronouns among the gendered words: in a description they name its possessor ("her father"), not the person
_POSSESSORS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_SPEECH_LEMMAS_ADDRESS = ("tell", "ask", "inform", "assure", "remind", "warn", "urge", "write")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_OBJECT_DEPS = ("dobj", "dative", "iobj")


def default_model_path() -> Path:
    return Path(str(resources.files("storyline").joinpath("models", "quote_speakers.npz")))


@dataclass
class Candidate:
    """One possible speaker of a quote: an entity id, ``DESCRIBED`` or None (nobody)."""
    entity: str | None
    features: dict[str, float] = field(default_factory=dict)


@dataclass
class Layout:
    """Sentence and paragraph indexes of positions in the body view."""
    sent_starts: list[int]
    para_starts: list[int]

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_starts, pos) - 1

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1


def layout_of(ctx: SpeakerContext) -> Layout:
    blocks = sorted(b.start for b in ctx.doc.blocks) or [0]
    return Layout([s[0] for s in ctx.sents] or [0], blocks)


def _token_at(ctx: SpeakerContext, pos: int) -> Any | None:
    sent = ctx.sentence_at(pos)
    if sent is None:
        return None
    span, off = sent[2], sent[3]
    for tok in span:
        if off + tok.idx <= pos < off + tok.idx + len(tok.text):
            return tok
    return None


def _role(ctx: SpeakerContext, start: int, end: int) -> str:
    """'subject', 'addressee', 'possessor', 'place' (the object of "in", "outside", … or a dateline) or 'other'
    for the mention at [start, end)."""
    if _dateline(ctx, start, end):
        return "place"
    tok = _token_at(ctx, max(start, end - 1))
    if tok is None:
        return "other"
    offset = ctx.sentence_at(start)[3]  # type: ignore[index]
    # the mention's syntactic head: climb while the head stays inside the mention (spaCy makes a new
    # Token object on every access, so identity is compared by index)
    while tok.head.i != tok.i and start <= offset + tok.head.idx < end:
        tok = tok.head
    if tok.dep_ in _SUBJECT_DEPS:
        return "subject"
    if tok.dep_ == "poss":
        return "possessor"
    if (tok.dep_ in _OBJECT_DEPS and tok.head.lemma_ in _SPEECH_LEMMAS_ADDRESS) or \
            (tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_ in _SPEECH_LEMMAS_ADDRESS):
        return "addressee"
    if tok.dep_ == "pobj" and tok.head.lower_ in ctx.cues.place_prepositions:
        return "place"
    # a name that qualifies the place a preposition names ("at the Cedar Rapids distribution centre", "in the Mar
    # Mikhael district") is a place too; a possessor ("in the minister's office") is not
    if tok.dep_ == "compound" and tok.head.dep_ == "pobj" and tok.head.head.lower_ in ctx.cues.place_prepositions:
        return "place"
    return "other"


def _dateline(ctx: SpeakerContext, start: int, end: int) -> bool:
    """A mention opening a paragraph in capitals before a dash or a comma ("MANAUS —", "NAIROBI, Kenya —")."""
    para_start = ctx.view.rfind("\n", 0, start) + 1
    return not ctx.view[para_start:start].strip() and ctx.view[start:end].isupper() and \
        re.match(r"(?:,[^\n—–]{0,40})?\s*[—–-]", ctx.view[end:end + 45]) is not None


def _place_evidence(ctx: SpeakerContext, ent: Any, spans: list[tuple[int, int]]) -> bool:
    """The text treats ``ent`` as a place: a place of the knowledge base, a name whose last word is a place word
    ("Halsey Street"), or a mention after a place preposition or in a dateline."""
    if ent.kb_id and ent.type in ("GPE", "LOC"):
        return True
    words = re.findall(r"[^\W\d_]+", ent.name)
    if words and words[-1].lower() in ctx.cues.place_words and len(words) > 1:
        return True
    for _s, e in spans:
        after = re.match(r"\s+([^\W\d_]+)", ctx.view[e:e + 30])
        if after and after.group(1).lower() in ctx.cues.place_words:
            return True                               # "the Fergana valley", "Jeju Island"
    return any(_role(ctx, s, e) == "place" for s, e in spans)


def _bucket(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


def _paragraph_has_cue(ctx: SpeakerContext, para: int) -> bool:
    """Whether paragraph ``para`` holds a cue verb outside quotes: a paragraph without one is a quote
    carried over from the paragraph before."""
    if not 0 <= para < len(ctx.doc.blocks):
        return False
    block = ctx.doc.blocks[para]
    return _cue_in_sentences(ctx, 0, len(ctx.sents) - 1, (block.start, block.end))


def antecedent_phrase(ctx: SpeakerContext, quote: QuoteSpan, layout: Layout) -> tuple[int, int] | None:
    """The nearest unnamed person described as a grammatical subject before ``quote`` (in its sentence or
    up to ``SENTENCES_BEFORE`` sentences back): "The surgeon", "A nurse beside him", "The woman who runs the
    animal shelter" — the person a "he"/"she" after the quote may stand for. None when there is none."""
    first = layout.sentence(quote.start)
    att = quote.attribution
    # a quote with no speaker phrase of its own may be an unnamed body's too ("A senior diplomat was blunt. “…”"):
    # any subject that can speak; a "he" or "she" stands for a person
    pronoun = bool(att.ok and att.phrase and ctx.view[att.phrase[0]:att.phrase[1]].strip().lower() in _PRONOUN_GENDER)
    for k in range(first, max(-1, first - SENTENCES_BEFORE - 1), -1):
        if not 0 <= k < len(ctx.sents):
            continue
        _s0, _e0, span, off = ctx.sents[k]
        found = None
        for tok in span:
            start = off + tok.idx
            if start >= quote.start or tok.dep_ not in _SUBJECT_DEPS or any(a <= start < b for a, b in ctx.quoted):
                continue
            # "One of the paramedics, who …": a partitive subject stands for one of the people its "of" names
            member = _partitive_member(tok) if tok.pos_ not in ("NOUN", "PROPN") else None
            if tok.pos_ not in ("NOUN", "PROPN") and member is None:
                continue
            lemma = (member if member is not None else tok).lemma_.lower()
            s, e = off + tok.left_edge.idx, off + tok.right_edge.idx + len(tok.right_edge.text)
            comma = ctx.view.find(",", s, e)
            e = comma if comma > s else e
            if tok.pos_ == "PROPN":
                # a name the tagger missed ("Fisherman Raimundo Tavares, 58, has …"), before a "he" or "she": a
                # name any mention covers is a candidate of its own
                if not pronoun or e > quote.start or any(m.start < e and s < m.end for m in ctx.mentions) \
                        or len(ctx.view[s:e].split()) > 6:
                    continue
                found = (s, e)
                continue
            if e > quote.start or any(m.start < e and s < m.end and m.type == "PERSON" for m in ctx.mentions):
                continue
            if len(ctx.view[s:e].split()) > 12 or not (_person_like(lemma) or
                                                        (not pronoun and can_speak(ctx, tok, off))):
                continue
            found = (s, e)                            # the last one before the quote in this sentence
        if found:
            return found
    return None


def _partitive_member(tok: Token) -> Token | None:
    """The noun a partitive subject picks one of ("One of the paramedics", "another of his aides"): the object of
    its "of"; None when ``tok`` is no such numeral or pronoun."""
    if tok.lower_ not in ("one", "another", "each", "neither", "either"):
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return obj if obj is not None and obj.pos_ == "NOUN" else None


#: sentences before an outer quote's own where the person a "he"/"she" opening a cue inside it may be introduced
INNER_SENTENCES_BEFORE = 2
#: sentences before the cue's own that the search reads at most, however long the outer quote (a transcript's answer
#: may run for pages and hold many inner quotes): each inner quote's search stays bounded, the whole pass linear
INNER_SENTENCES_SCANNED = 8
#: the slots a described person may stand in before a "he"/"she" takes it up ("the minister phoned him", "told by a
#: minister's staffer", "I asked my grandmother once")
_ANTECEDENT_DEPS = ("nsubj", "nsubjpass", "dobj", "dative", "pobj", "appos", "conj")
#: the prepositions whose object a "he"/"she" may take up ("told by a staffer", "spoke to his coach")
_PERSON_PREPOSITIONS = frozenset({"by", "to", "with", "for", "about", "like"})


def _described_person(tok: Any, gender: str) -> bool:
    """A singular common noun for a person of ``gender`` ("m"/"f") or of no known one ("the official", "my son",
    "one of the veterans"), not a possessor's pronoun; for ``gender`` "p" (a "they"), people a plural noun describes
    ("the inspectors") or a body a singular one names ("the dam company", "one delegation")."""
    member = _partitive_member(tok) if tok.lower_ in ("one", "another") and gender != "p" else None
    head = member if member is not None else tok
    number = ("NN", "NNS") if gender == "p" else ("NN",)
    if head.pos_ != "NOUN" or (member is None and tok.tag_ not in number) or tok.dep_ not in _ANTECEDENT_DEPS:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ not in _PERSON_PREPOSITIONS:
        return False                                  # "at dawn", "in the tunnel": a time or a place
    if any(c.lower_ in ("what", "which") for c in tok.children):
        return False                                  # "asked what day it was": a question, no one in it
    lemma = head.lemma_.lower()
    if gender == "p":
        if tok.tag_ == "NNS":
            return _person_like(lemma) and lemma not in gender_lexicon()[0]
        _, sims = _word_vectors().of(lemma)
        if sims is None:
            return False
        by = dict(zip(PROTOTYPES, (float(v) for v in sims)))
        return max(by["institution"], by["company"], by["government"]) > \
            max(by["place"], by["thing"], by["money"], by["time"], by["document"], by["person"])
    word_gender = gender_lexicon()[0]
    if word_gender.get(lemma, gender) != gender or lemma in _POSSESSORS:
        return False
    if _person_like(lemma):
        return True
    # an agent noun ("the manager", "his employer", "my editor") nearer the person prototypes than the thing ones:
    # a person, although the institution prototypes may be nearer still
    _, sims = _word_vectors().of(lemma)
    if sims is None or not re.search(r"(?:er|or|ist|ian|ant|ent|ee)$", lemma):
        return False
    by = dict(zip(PROTOTYPES, (float(v) for v in sims)))
    return max(by["person"], by["official"], by["worker"], by["soldier"]) > \
        max(by["place"], by["thing"], by["money"], by["time"])


def _named_apart(ctx: SpeakerContext, tok: Any, off: int, exclude: list[tuple[int, int]]) -> bool:
    """The noun stands beside a name in apposition ("The site foreman, Ivo Petrak", "Dana Kowal, a crane
    operator") or inside a span of ``exclude``: the name, not the noun, is the candidate."""
    near = [tok.head] if tok.dep_ == "appos" else []
    near += [c for c in tok.children if c.dep_ == "appos"]
    for t in near:
        at = off + t.idx
        if t.pos_ == "PROPN" and any(m.start <= at < m.end for m in ctx.mentions):
            return True
        if any(a <= at < b for a, b in exclude):
            return True
    return False


def inner_antecedent(ctx: SpeakerContext, outer_start: int, at: int, gender: str,
                     exclude: list[tuple[int, int]], exclude_entity: str | None) -> tuple[int, int, str | None] | None:
    """The person a "he" or "she" at ``at`` (``gender`` "m"/"f"), the subject of a cue inside the quote that opens at
    ``outer_start``, stands for: the nearest singular person of that gender (or of none known) before it — for a
    "they" (``gender`` "p") the nearest body or people ("the dam company came. “They told us, ‘…’”") — in the outer
    quote or up to ``INNER_SENTENCES_BEFORE`` sentences before it, and at most ``INNER_SENTENCES_SCANNED`` sentences
    before the cue's own — a named person (its mention's span and entity) or a person a
    noun describes (its span and None: "the minister phoned him. “He said, ‘…’”", "“My son asked me … He said,
    ‘…’”"). The outer speaker (``exclude_entity``, the spans ``exclude`` of its mentions and phrase) is never its
    own addressee's antecedent. None when no such person stands in that window."""
    first = next((k for k, s in enumerate(ctx.sents) if s[0] <= outer_start < s[1]), None)
    cue = next((k for k, s in enumerate(ctx.sents) if s[0] <= at < s[1]), None)
    if first is None or cue is None:
        return None
    lo = max(0, first - INNER_SENTENCES_BEFORE, cue - INNER_SENTENCES_SCANNED)
    since = ctx.sents[lo][0]
    genders = ctx.genders()
    best: tuple[int, int, str | None] | None = None
    where = -1                                        # where the best one stands
    for m in ctx.mentions:
        if m.entity is None:
            continue
        kind = m.type in ("ORG", "NORP") if gender == "p" else \
            (m.type == "PERSON" or has_given_name(m.text)) and genders.get(m.entity, gender) == gender
        if since <= m.start and m.end <= at and m.entity != exclude_entity and kind \
                and not any(a < m.end and m.start < b for a, b in exclude) and m.start > where:
            best, where = (m.start, m.end, m.entity), m.start
    # read back from the cue and stop at the first fitting noun or at the named person already found: the nearest
    # one wins, and the search reads no further than it must
    for _s0, _e0, span, off in reversed(ctx.sents[lo:cue + 1]):
        for tok in reversed(span):
            start = off + tok.idx
            if start >= at:
                continue
            if start <= where:
                break
            if not _described_person(tok, gender):
                continue
            # "one of the veterans": the phrase runs to the noun the partitive picks, not just "one"
            member = _partitive_member(tok) if tok.lower_ in ("one", "another") else None
            last = member if member is not None and member.i > tok.i else tok
            s, e = off + tok.left_edge.idx, off + last.idx + len(last.text)
            if any(m.start < e and s < m.end and m.type == "PERSON" for m in ctx.mentions) \
                    or any(a < e and s < b for a, b in exclude) or _named_apart(ctx, tok, off, exclude):
                continue
            best, where = (s, e, None), start
            break
        if (best is not None and best[2] is None) or (span and off + span[0].idx <= where):
            break
    if best is not None and best[2] is None and gender != "p":
        # "the clan's accountant … The accountant, Salvatore Russo": the one person the text introduces with the
        # described person's noun is the one described
        head = ctx.view[best[0]:best[1]].split()[-1].lower()
        named = [e for e, words in ctx.descriptors.items() if head in words and e != exclude_entity
                 and genders.get(e, gender) == gender]
        if len(named) == 1:
            best = (best[0], best[1], named[0])
    return best


def _person_like(lemma: str) -> bool:
    """A head word for a person or people: a gendered word, or one the trained person-noun check accepts ("the
    docker", "a deckhand", not "the storm" nor "the match")."""
    return lemma in gender_lexicon()[0] or is_person_noun(lemma)


def can_speak(ctx: SpeakerContext, subj: Any, offset: int) -> bool:
    """Whether the subject token ``subj`` of a cue can be a speaker: a pronoun, a name, a mention, a group or role
    word, an agent noun, or a head word nearer the person and institution prototypes than the place, thing,
    time, money and document ones. "Every day of delay tells X that …" is the writer's opinion, not speech."""
    if subj.pos_ in ("PRON", "PROPN") or subj.lower_ in ctx.cues.quantifiers:
        return True
    at = offset + subj.idx
    if any(m.start <= at < m.end for m in ctx.mentions):
        return True
    lemma, lower = subj.lemma_.lower(), subj.lower_
    if {lemma, lower} & (set(ctx.cues.groups) | set(ctx.cues.synonyms) | set(gender_lexicon()[0])):
        return True
    if re.search(r"(?:er|or|ist|ian|ant|ent|man|woman|ee|ese)$", lemma):
        return True
    _, sims = _word_vectors().of(lemma)
    if sims is None:
        return True
    by = dict(zip(PROTOTYPES, (float(v) for v in sims)))
    return max(by["person"], by["official"], by["worker"], by["soldier"], by["institution"], by["company"],
               by["government"]) > max(by["place"], by["thing"], by["time"], by["money"], by["document"])


def _antecedent_features(ctx: SpeakerContext, phrase: tuple[int, int], pronoun: str, how: str, agreeing: bool,
                         layout: Layout, q: QuoteSpan) -> dict[str, float]:
    word_gender = gender_lexicon()[0]
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", ctx.view[phrase[0]:phrase[1]])]
    # "her father": the possessor's "her" says nothing of the father's gender
    genders = {word_gender[w] for w in words if w in word_gender and w not in _POSSESSORS}
    # the head word's gender settles it: "his mother" is a woman, "the woman's husband" a man
    head = phrase_head(ctx, phrase)
    head_gender = word_gender.get(head.lemma_.lower()) or word_gender.get(head.lower_) if head is not None else None
    gap = layout.sentence(q.start) - layout.sentence(phrase[0])
    first = words[0] if words else ""
    return {"antecedent": 1.0, f"antecedent&gap={_bucket(gap, 3)}": 1.0, f"antecedent&how={how}": 1.0,
            "antecedent&agree": float(pronoun in genders), "antecedent&clash": float(bool(genders - {pronoun})),
            "antecedent&head_agree": float(bool(pronoun) and head_gender == pronoun),
            "antecedent&head_clash": float(bool(pronoun) and head_gender is not None and head_gender != pronoun),
            "antecedent&named_agrees": float(agreeing), "antecedent&indefinite": float(first in ctx.cues.indefinite),
            "antecedent&the": float(first == "the"), "antecedent&rule": float(q.attribution.speaker is not None)}


def _label_only_asks(ctx: SpeakerContext, quotes: list[QuoteSpan], i: int) -> bool:
    """Every turn under ``quotes[i]``'s transcript label is a question: the label is the interviewer's or the host's,
    whose questions the text does not quote as anyone's words ("Q:", "HOST:", a host's surname). A label the role
    lexicon maps to a person or an office ("CHAIR:", "THE COURT:", "SENATOR PARK:") is not: a chair or a judge who
    only asks still speaks the questions, and the gold names them."""
    phrase = quotes[i].attribution.phrase
    if phrase is None:
        return False
    label = ctx.view[phrase[0]:phrase[1]].strip().lower()
    label_roles = ctx.cues.label_roles or {}
    if any(w in label_roles for w in re.findall(r"[^\W\d_]+", label)):
        return False
    turns = [ctx.view[q.start:q.end] for q in quotes if q.attribution.how == "label" and q.attribution.phrase
             and ctx.view[q.attribution.phrase[0]:q.attribution.phrase[1]].strip().lower() == label]
    return bool(turns) and all(re.search(r"\?[\s’'\"”»,.]*$", t) for t in turns)


def _cue_in_sentences(ctx: SpeakerContext, first: int, last: int, para: tuple[int, int]) -> bool:
    """A cue verb outside every quote in sentences ``first``..``last`` of paragraph ``para``."""
    for k in range(max(0, first), min(len(ctx.sents), last + 1)):
        s0, _e0, span, off = ctx.sents[k]
        if not para[0] <= s0 < para[1]:
            continue
        toks = ctx.tokens(span.doc)
        for i in range(span.start, span.end):
            at = off + toks.idx[i]
            if cue_at(ctx, toks, span.doc, i) and not any(a <= at < b for a, b in ctx.quoted):
                return True
    return False


def quote_shape(ctx: SpeakerContext, q: QuoteSpan, layout: Layout) -> dict[str, float]:
    """What the quoted words look like and what stands around them: the evidence that nobody speaks them.

    A slogan, a sign, a title or a scare-quoted phrase is short, often title-cased, has no verb and no
    first or second person, opens no sentence of its own, has no cue verb in its sentence or the ones beside
    it, and follows a word that names rather than reports ("reads", "titled", "so-called", "the")."""
    text = ctx.view[q.start:q.end]
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    n = len(words)
    size = "1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "13+"
    long_words = [w for w in words if len(w) >= 4]
    feats: dict[str, float] = {f"words={size}": 1.0}
    if len(long_words) >= 2 and sum(w[:1].isupper() for w in long_words) >= 0.6 * len(long_words):
        feats["title_case"] = 1.0
    # "Low Tide", "Off The Pitch", "Who Pays?", "NO ENTRY AFTER DARK": a title, a name or a sign whose words are
    # too short for ``title_case``; a sentence someone says has lower-case words beyond its first. Only a capital no
    # sentence gives counts: not the first word's, nor the pronoun "I"'s ("Yes, I did." has no other), and at least
    # one word must be long enough to show its case ("No, I do." shows nothing)
    later_caps = [w for w in words[1:] if w[:1].isupper() and re.sub(r"['’].*", "", w) != "I"]
    if n >= 2 and later_caps and any(len(w) > 3 for w in words) \
            and all(w[:1].isupper() for w in words if len(w) > 3):
        feats["capitalised"] = 1.0
    if re.search(r"\?[\s’'\"”»,.]*$", text):
        # a question is often asked, not said, by nobody the text quotes: an interviewer's, a sign's, a form's
        feats["question"] = 1.0
    if n <= 3 and not re.search(r"[.!?,][’'\"”»]?$", text):
        # one to three words with no closing stop: a term, a scare quote, a title or a name more often than
        # speech; crossed with what shows a term, so the ranker can weigh them together
        feats["fragment"] = 1.0
    if re.search(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|[Uu]s|I'm|I’m)\b", text):
        feats["first_person"] = 1.0
    if re.search(r"\b[Yy]ou(?:r|rs)?\b", text):
        feats["second_person"] = 1.0
    if text[-1:] in ".!?,":
        feats["closing_stop"] = 1.0                   # '…,” she said' / 'Not any more.”': an utterance
    verb = False
    sent = ctx.sentence_at(q.start)
    if sent is not None:
        _s0, _e0, span, off = sent
        toks = ctx.tokens(span.doc)
        verb = any(q.start <= off + toks.idx[i] < q.end and toks.pos[i] in ("VERB", "AUX")
                   for i in range(span.start, span.end))
        feats.update(_quote_syntax(ctx, q, span, off))
    feats["verb"] = float(verb)
    if "fragment" in feats:
        for k in ("det_before", "modifies_noun", "noun_after", "passive_verb"):
            if k in feats:
                feats[f"fragment&{k}"] = 1.0
        if not verb:
            feats["fragment&no_verb"] = 1.0
        if not feats.get("cue_governs"):
            feats["fragment&not_governed"] = 1.0
    if n >= 4 and text[:1].isupper() and re.search(r"[.!?][’'\"”»]?$", text) and verb:
        feats["sentence"] = 1.0                       # a whole sentence someone could say, not a term
    para = layout.paragraph(q.start)
    bounds = (ctx.doc.blocks[para].start, ctx.doc.blocks[para].end) if 0 <= para < len(ctx.doc.blocks) \
        else (0, len(ctx.view))
    qs, qe = layout.sentence(q.start), layout.sentence(max(q.start, q.end - 1))
    feats["cue_sentence"] = float(_cue_in_sentences(ctx, qs, qe, bounds))
    feats["cue_near"] = float(_cue_in_sentences(ctx, qs - 1, qe + 1, bounds))
    block = ctx.view[bounds[0]:bounds[1]].strip()
    if block and block[-1] not in ".!?\"”»’:" and len(block.split()) <= 14:
        feats["heading"] = 1.0                        # a headline or a caption line, not a sentence
    before = ctx.view[max(bounds[0], q.start - 40):q.start].rstrip(' "“”„«»\'‘’')
    if ctx.cues.term_before_re is not None and ctx.cues.term_before_re.search(before):
        feats["term_before"] = 1.0                    # "the so-called “…”", "nicknamed “…”", "chanting “…”"
    if ctx.cues.title_before_re.search(before) or ctx.cues.naming_before_re.search(before):
        feats["naming_before"] = 1.0                  # "a banner reading “…”", "a plan called “…”"
    if "fragment" in feats and ("term_before" in feats or "naming_before" in feats):
        feats["fragment&term"] = 1.0
    # "a sign above her desk that says “…”", "the motto “…”", "placards reading “…”": a written thing named just
    # before the quote in its own sentence carries the words
    clause = re.split(r"[.!?]\s", before)[-1]
    if any(w in ctx.cues.text_nouns or w.rstrip("s") in ctx.cues.text_nouns
           for w in re.findall(r"[^\W\d_]+", clause.lower())[-6:]):
        feats["text_before"] = 1.0
    feats.update(_nearest_person_gap(ctx, q, layout, bounds))
    prev = re.search(r"([^\W\d_][\w'’-]*)\W*$", before)
    if prev and before.endswith(prev.group(1)):
        feats[f"prev_word={prev.group(1).lower()}"] = 1.0
    elif before.endswith(":"):
        feats["prev_colon"] = 1.0
    elif before == "" or re.search(r"[.!?]$", before):
        feats["opens_sentence"] = 1.0
    elif before.endswith(","):
        feats["prev_comma"] = 1.0
    return feats


#: the dependency labels by which a quoted span modifies a noun outside it ("the “basic economy” fares",
#: "Dominic “The Hammer” Oyelaran", "its “AI-ready” laptops"): a term, not speech
_NOUN_MODIFIER_DEPS = ("compound", "amod", "nmod", "appos", "poss", "npadvmod", "nummod", "nn")
#: the dependency labels of a reported clause or of a cue's object ("said prices had “finally turned”")
_REPORTED_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "parataxis", "advcl", "acomp")


def _quote_syntax(ctx: SpeakerContext, q: QuoteSpan, span: Any, off: int) -> dict[str, float]:
    """How a quoted span sits in its sentence: whether it modifies a noun outside it or is preceded by a
    determiner or possessive (a term), whether a name flanks it on both sides (a nickname), and whether a cue
    verb outside the quote governs it (a reported clause or a cue's object: speech)."""
    feats: dict[str, float] = {}
    inside = [t for t in span if q.start <= off + t.idx < q.end]
    if not inside:
        return feats
    first, last = inside[0], inside[-1]
    lo = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in lo or t.head.i == t.i]
    head = heads[0] if heads else first
    doc = span.doc
    # the nearest word tokens outside the quote on either side, skipping the marks
    prev_tok = next((doc[k] for k in range(first.i - 1, span.start - 1, -1) if not doc[k].is_punct), None)
    next_tok = next((doc[k] for k in range(last.i + 1, span.end) if not doc[k].is_punct), None)
    if head.head.i != head.i and head.head.i not in lo and head.dep_ in _NOUN_MODIFIER_DEPS \
            and head.head.pos_ in ("NOUN", "PROPN"):
        feats["modifies_noun"] = 1.0
    if next_tok is not None and next_tok.i == last.i + 2 and next_tok.pos_ == "NOUN" and next_tok.text.islower():
        feats["noun_after"] = 1.0                     # "“basic economy” fares": the quote is used as an adjective
    if prev_tok is not None and (prev_tok.pos_ == "DET" or prev_tok.tag_ in ("PRP$", "POS")):
        feats["det_before"] = 1.0                     # "the “Swamp”", "its “independent partners”"
    if prev_tok is not None and next_tok is not None and prev_tok.pos_ == "PROPN" and next_tok.pos_ == "PROPN" \
            and prev_tok.i == first.i - 2 and next_tok.i == last.i + 2:
        feats["between_names"] = 1.0                  # "Dominic “The Hammer” Oyelaran"
    climb, governed = head, False
    for _ in range(6):
        if climb.head.i == climb.i:
            break
        dep, climb = climb.dep_, climb.head
        if climb.i in lo:
            continue
        if climb.lemma_ in ctx.cues.partial_lemmas and climb.pos_ in ("VERB", "AUX") and dep in _REPORTED_DEPS:
            governed = True
            break
        if climb.pos_ in ("VERB", "AUX"):
            break
    feats["cue_governs"] = float(governed)
    if climb.i not in lo and climb.pos_ in ("VERB", "AUX"):
        deps = {c.dep_ for c in climb.children}
        if deps & {"auxpass", "nsubjpass"} and "agent" not in deps:
            # "has been branded a “hypocrite”", "is known locally as “the Swamp”": a passive verb with no "by …"
            # names no one who said the words, and its subject is who they are about
            feats["passive_verb"] = 1.0
    return feats


def _nearest_person_gap(ctx: SpeakerContext, q: QuoteSpan, layout: Layout, para: tuple[int, int]) -> dict[str, float]:
    """Sentences between the quote and the nearest person or body mentioned outside quotes (before it, or after
    it in its paragraph): far from everyone, quoted words are more often nobody's."""
    qs, qe = layout.sentence(q.start), layout.sentence(max(q.start, q.end - 1))
    gaps = []
    for m in ctx.mentions:
        if m.entity is None or m.type not in ("PERSON", "ORG", "NORP", "GPE") or q.start <= m.start < q.end \
                or any(a <= m.start < b for a, b in ctx.quoted):
            continue
        s = layout.sentence(m.start)
        if m.end <= q.start:
            gaps.append(qs - s)
        elif para[0] <= m.start < para[1]:
            gaps.append(max(0, s - qe))
    return {f"nearest_gap={_bucket(min(gaps), 3)}" if gaps else "nearest_gap=none": 1.0}


def _last_description(ctx: SpeakerContext, quotes: list[QuoteSpan], i: int) -> tuple[int, int] | None:
    """The speaker description ("a senior official") of the last quote before ``quotes[i]`` that has one, a
    pronoun not counting."""
    for q in reversed(quotes[:i]):
        a = q.attribution
        if a.ok and a.speaker is None and a.phrase and \
                ctx.view[a.phrase[0]:a.phrase[1]].strip().lower() not in _PRONOUN_GENDER:
            return a.phrase
    return None


def written_thing(ctx: SpeakerContext, phrase: tuple[int, int]) -> bool:
    """Whether a speaker phrase is headed by a thing that carries written words ("The act", "A sign taped to the
    door", "The paste's label", "Section 9"): its words are quoted, the thing does not speak. The static word
    vectors barely tell a label or a notice from a person, so the head is read against ``text_nouns``."""
    head = phrase_head(ctx, phrase)
    if head is not None:
        return head.lemma_.lower() in ctx.cues.text_nouns or head.lower_ in ctx.cues.text_nouns
    words = re.findall(r"[^\W\d_]+", ctx.view[phrase[0]:phrase[1]].lower())
    return bool(words) and words[-1] in ctx.cues.text_nouns


def _described_as(ctx: SpeakerContext, ent: Any) -> set[str]:
    """The words the text introduces a person with (titles, roles, appositives, relations), with their role
    synonyms: what a later "the physician" or "his sister" can match."""
    words = set(ctx.descriptors.get(ent.id, set()))
    words.update(w.lower() for w in re.findall(r"[^\W\d_]+", " ".join(filter(None, [ent.role]))))
    words.update({ctx.cues.synonyms[w] for w in list(words) if w in ctx.cues.synonyms})
    words.update({w for w, head in ctx.cues.synonyms.items() if head in words})
    return words


def _ages(ctx: SpeakerContext) -> dict[str, str]:
    """The age the text gives each person: "X, 38," or "the 38-year-old X"."""
    out: dict[str, str] = {}
    for m in ctx.mentions:
        if m.entity is None or m.type != "PERSON":
            continue
        after = re.match(r",\s*(\d{1,3})\b", ctx.view[m.end:m.end + 6])
        before = re.search(r"(\d{1,3})-year-old\s+(?:[^\W\d_]+\s+){0,3}$", ctx.view[max(0, m.start - 60):m.start])
        age = after or before
        if age:
            out.setdefault(m.entity, age.group(1))
    return out


def _mention_head(ctx: SpeakerContext, start: int, end: int) -> Any | None:
    """The syntactic head token of the mention at [start, end)."""
    tok = _token_at(ctx, max(start, end - 1))
    sent = ctx.sentence_at(start)
    if tok is None or sent is None:
        return None
    offset = sent[3]
    while tok.head.i != tok.i and start <= offset + tok.head.idx < end:
        tok = tok.head
    return tok


def _modifier_only(ctx: SpeakerContext, spans: list[tuple[int, int]]) -> bool:
    """Every mention in ``spans`` is a compound modifier of a common noun ("Lassa fever", "the Jebel terminal")."""
    if not spans:
        return False
    for s, e in spans:
        tok = _mention_head(ctx, s, e)
        if tok is None or tok.dep_ != "compound" or tok.head.pos_ != "NOUN":
            return False
    return True


def addressed(ctx: SpeakerContext, start: int, end: int) -> bool:
    """A mention the cue speaks to: "told Al-Rayan Radio", "told the Coast FM news service", "said in an interview
    with X", "wrote to X"."""
    tok = _mention_head(ctx, start, end)
    if tok is None:
        return False
    # "the Coast FM news service": the outlet's name is a compound of the noun the cue governs
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in _OBJECT_DEPS and tok.head.lemma_ in _SPEECH_LEMMAS_ADDRESS:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "with"):
        governor = tok.head.head
        return governor.lemma_ in _SPEECH_LEMMAS_ADDRESS or governor.lemma_ in _ADDRESS_NOUNS or \
            (governor.lemma_ in ("say", "speak", "talk") and tok.head.lower_ == "to")
    return False


#: nouns a cue's addressee hangs on ("in an interview with X", "in a letter to Y")
_ADDRESS_NOUNS = ("interview", "letter", "conversation", "call", "message", "email")


#: the links from a subject to the names set beside it ("His counterpart, X,", "X and Y", "Professor X")
_NAMING_DEPS = ("appos", "conj", "compound", "flat", "cc", "punct", "nmod")


def _path_to(tok: Any, ancestor: Any) -> list[str] | None:
    """The dependency labels from ``tok`` up to ``ancestor`` (empty when they are the same token), None when
    ``tok`` is not under it. Tokens are compared by index: spaCy rebuilds Token objects."""
    path: list[str] = []
    for _ in range(12):
        if tok.i == ancestor.i:
            return path
        if tok.head.i == tok.i:
            return None
        path.append(tok.dep_)
        tok = tok.head
    return None


def syntactic_roles(ctx: SpeakerContext, ent_spans: dict[str, list[tuple[int, int]]], first: int, last: int,
                    para: tuple[int, int]) -> dict[str, set[str]]:
    """What each candidate's mentions are to the sentences ``first``..``last`` of paragraph ``para``, by entity:

    - ``cue_subject``: the grammatical subject of a cue verb, or an appositive of it ("His counterpart, X, said");
    - ``cue_addressee``: the one a cue verb addresses ("X told Mr. Y", "said to Y"): the teller speaks, not Y;
    - ``in_subject_clause``: inside the subject's relative clause ("X, who runs Averon, told analysts": Averon
      does not speak); ``in_subject_modifier`` inside another modifier ("X of Limuru Leaf", "an analyst at Y");
      ``subject_possessor`` the subject's possessor ("Alcott's deputy said");
    - ``root_subject``: the subject of a sentence's main verb whatever the verb ("Bērziņš smiled. “…”");
    - ``inner_cue_subject`` / ``outer_cue_subject``: the cue subject of a cue verb inside another cue verb's
      clause, and of that other verb ("X said Y told him: “…”": Y tells the quote, X tells of the telling).
    """
    out: dict[str, set[str]] = {}
    heads: dict[tuple[int, int], Any] = {}
    for k in range(max(0, first), min(len(ctx.sents), last + 1)):
        s0, _e0, span, off = ctx.sents[k]
        if not para[0] <= s0 < para[1]:
            continue
        toks = ctx.tokens(span.doc)
        subjects, addressees = [], []
        cues = [i for i in range(span.start, span.end)
                if not any(a <= off + toks.idx[i] < b for a, b in ctx.quoted) and cue_at(ctx, toks, span.doc, i)]
        #: a cue verb inside another's reported clause ("X said Y told him: “…”"): its teller is the inner one
        inner = {i for i in cues if any(a.i in cues for a in span.doc[i].ancestors)}
        outer = {a.i for i in inner for a in span.doc[i].ancestors if a.i in cues}
        nested: list[tuple[Any, str]] = []
        for i in cues:
            verb = span.doc[i]
            subj = cue_subject(verb)
            if subj is not None:
                subjects.append(subj)
                if i in inner or i in outer:
                    nested.append((subj, "inner_cue_subject" if i in inner else "outer_cue_subject"))
            for c in verb.children:
                if c.dep_ in _OBJECT_DEPS:
                    addressees.append(c)
                elif c.dep_ == "prep" and c.lower_ == "to":
                    addressees.extend(g for g in c.children if g.dep_ == "pobj")
        root_subj = [c for c in span.root.children if c.dep_ in _SUBJECT_DEPS]
        for ent, spans in ent_spans.items():
            for ms, me in spans:
                if not s0 <= ms < _e0:
                    continue
                head = heads.get((ms, me))
                if head is None:
                    head = heads[(ms, me)] = _mention_head(ctx, ms, me)
                if head is None:
                    continue
                roles = out.setdefault(ent, set())
                for subj in subjects:
                    path = _path_to(head, subj)
                    if path is None:
                        continue
                    if all(d in _NAMING_DEPS for d in path):
                        roles.add("cue_subject")          # the subject or a name set beside it
                    elif any(d in ("relcl", "acl", "advcl", "ccomp") for d in path):
                        roles.add("in_subject_clause")
                    elif "poss" in path[:1]:
                        roles.add("subject_possessor")
                    else:
                        roles.add("in_subject_modifier")  # "X of Limuru Leaf", "an analyst at Y"
                for subj, kind in nested:
                    path = _path_to(head, subj)
                    if path is not None and all(d in _NAMING_DEPS for d in path):
                        roles.add(kind)
                if any(head.i == a.i or (head.dep_ == "appos" and head.head.i == a.i) for a in addressees):
                    roles.add("cue_addressee")
                if any(head.i == r.i or (head.dep_ == "appos" and head.head.i == r.i) for r in root_subj):
                    roles.add("root_subject")
    return out


#: the third-person pronouns that say a person's gender when they take up a subject ("Ajayi said his village …")
_GENDERED_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                      "herself": "f"}


def pronoun_evidence(ctx: SpeakerContext) -> list[tuple[int, str, str]]:
    """What the text's own pronouns say of each person's gender, as (the pronoun's position, entity id, "m"/"f"):
    a person who is the subject of a sentence and the first gendered pronoun after it in that sentence ("A farmer
    in Owo, Babatunde Ajayi, said his village …"), or the "he"/"she" that opens the next sentence of the paragraph
    ("Ortiz Peña became the first woman to run it. She has not …"), with no other person named between them. A
    name whose given name the lexicon lacks gets its gender here; the position lets a quote read only what comes
    before it, never its own "he said". Pronouns inside quotes are left out: they speak of others."""
    if ctx.pronoun_cache is not None:
        return ctx.pronoun_cache
    person_like = person_evidence(ctx)
    people = [m for m in ctx.mentions if m.entity and not any(a <= m.start < b for a, b in ctx.quoted)
              and (m.type == "PERSON" or has_given_name(m.text) or m.entity in person_like)]
    out: list[tuple[int, str, str]] = []
    para_of = layout_of(ctx).paragraph
    for k, (s0, e0, span, off) in enumerate(ctx.sents):
        here = [m for m in people if s0 <= m.start < e0]
        root_subjects = {c.i for c in span.root.children if c.dep_ in _SUBJECT_DEPS}
        for m in here:
            head = _mention_head(ctx, m.start, m.end)
            if head is None:
                continue
            # the subject itself or a name apposed to it, maybe through its modifier ("A farmer in Owo, X, said")
            top = head
            for _ in range(4):
                if top.dep_ not in ("appos", "pobj", "prep") or top.head.i == top.i:
                    break
                top = top.head
            if top.dep_ not in _SUBJECT_DEPS:
                continue
            # "Her predecessor, X, said her …": a pronoun before the subject keeps another person in view
            if any(t.lower_ in _GENDERED_PRONOUNS and off + t.idx < m.start and
                   not any(a <= off + t.idx < b for a, b in ctx.quoted) for t in span):
                continue
            for tok in span:
                at = off + tok.idx
                if at < m.end or any(a <= at < b for a, b in ctx.quoted):
                    continue
                if any(m.end <= o.start < at and o.entity != m.entity for o in here):
                    break                             # another person between: the pronoun may be theirs
                if tok.lower_ not in _GENDERED_PRONOUNS:
                    continue
                # "his", "her" as a possessor and the reflexives go back to the subject; "he"/"she" only as the
                # subject of the clause the subject's verb governs ("X said he would …"); "him" is someone else
                verb = top.head
                if tok.lower_ in ("his", "hers", "himself", "herself") or (tok.lower_ == "her" and tok.dep_ == "poss") \
                        or (tok.lower_ in ("he", "she") and tok.dep_ in _SUBJECT_DEPS and tok.head.head.i == verb.i):
                    out.append((at, m.entity or "", _GENDERED_PRONOUNS[tok.lower_]))
                break
            is_root_subject = top.i in root_subjects
            if not is_root_subject or k + 1 >= len(ctx.sents) or len({o.entity for o in here}) != 1:
                continue
            n0, _n1, nspan, noff = ctx.sents[k + 1]
            if para_of(n0) != para_of(s0):
                continue
            subj = next((c for c in nspan.root.children if c.dep_ in _SUBJECT_DEPS), None)
            at = noff + subj.idx if subj is not None else -1
            if subj is None or subj.lower_ not in ("he", "she") or any(a <= at < b for a, b in ctx.quoted) or \
                    any(n0 <= o.start < at for o in people):
                continue
            out.append((at, m.entity or "", _GENDERED_PRONOUNS[subj.lower_]))
    ctx.pronoun_cache = sorted(set(out))
    return ctx.pronoun_cache


def pronoun_genders(evidence: list[tuple[int, str, str]], before: int) -> dict[str, str]:
    """Each person's gender by the pronouns of ``pronoun_evidence`` read before position ``before``; ties give
    nothing."""
    votes: dict[str, list[str]] = {}
    for at, ent, g in evidence:
        if at < before:
            votes.setdefault(ent, []).append(g)
    return {e: ("f" if vs.count("f") > vs.count("m") else "m") for e, vs in votes.items()
            if vs.count("f") != vs.count("m")}


@dataclass
class ActionLine:
    """The sentence right before a quote that opens its paragraph, when it ends the paragraph before and is a person
    acting with no speech ("The old man waved a hand.", "He laughed.", "Asante shuffled his papers."): the person
    who acts is who speaks next, more often than the last speaker. ``roles`` are the candidates' roles in it (as
    ``syntactic_roles`` gives them), ``pronoun`` the gender of a "he"/"she" subject, ``words`` a described
    subject's words ("the captain")."""
    roles: dict[str, set[str]]
    pronoun: str | None = None
    words: frozenset[str] = frozenset()


def action_line(ctx: SpeakerContext, ent_spans: dict[str, list[tuple[int, int]]], layout: Layout, q: QuoteSpan,
                para: int) -> ActionLine | None:
    """The action line before ``q`` (see ``ActionLine``), or None when the sentence before is in the quote's own
    paragraph, holds a quote or a cue verb (an attribution, not an action), or its main verb has no subject."""
    qs = layout.sentence(q.start)
    if qs <= 0 or para <= 0 or para >= len(ctx.doc.blocks):
        return None
    block = ctx.doc.blocks[para - 1]
    s0, e0, span, _off = ctx.sents[qs - 1]
    if not (block.start <= s0 < block.end) or ctx.view[e0:q.start].strip(' \n"“„«‘\'') != "":
        return None
    if any(s0 <= a < e0 for a, _ in ctx.quoted) or re.search(r"[\"“”«»]", ctx.view[s0:e0]):
        return None
    toks = ctx.tokens(span.doc)
    if any(cue_at(ctx, toks, span.doc, k) for k in range(span.start, span.end)):
        return None
    root = span.root
    subj = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if root.pos_ not in ("VERB", "AUX") or subj is None:
        return None
    words = frozenset(t.lower_ for t in subj.subtree if t.is_alpha and t.lower_ not in ("the", "a", "an", "his",
                                                                                         "her", "their"))
    return ActionLine(syntactic_roles(ctx, ent_spans, qs - 1, qs - 1, (block.start, block.end)),
                      _PRONOUN_GENDER.get(subj.lower_) if subj.lower_ in ("he", "she") else None, words)


def candidates(ctx: SpeakerContext, quotes: list[QuoteSpan], i: int, previous: str | None,
               genders: dict[str, str], layout: Layout, before_previous: str | None = None) -> list[Candidate]:
    """The candidate speakers of ``quotes[i]`` with their features; ``previous``: the speaker
    chosen for the quote before it, ``before_previous`` the one before that."""
    q = quotes[i]
    att = q.attribution
    qs, qe = layout.sentence(q.start), layout.sentence(max(q.start, q.end - 1))
    para = layout.paragraph(q.start)
    opens_para = ctx.view[ctx.doc.blocks[para].start:q.start].strip(' "“”„«»\'‘’-–—') == "" \
        if 0 <= para < len(ctx.doc.blocks) else False
    phrase_text = ctx.view[att.phrase[0]:att.phrase[1]].strip().lower() if att.phrase else ""
    pronoun = _PRONOUN_GENDER.get(phrase_text)
    # a headline quote has no cue of its own: its route says so, and the people its headline names are marked
    how = att.how if att.ok or att.how == "headline" else "none"
    # "the 38-year-old said", "the spokeswoman said", "the midfielder added": a definite description that
    # names no one usually takes up a person just named, not a new unnamed speaker
    figures = bool(set(re.findall(r"[^\W\d_]+", phrase_text)) & ctx.cues.source_nouns)
    anaphor = ""
    # "the housing agency's figures" is a source, not a person named before
    if att.ok and att.speaker is None and pronoun is None and re.match(r"(?:the|his|her|their) ", phrase_text) \
            and len(phrase_text.split()) <= MAX_ANAPHOR_WORDS and not figures:
        anaphor = "age" if re.search(r"\d+-year-old", phrase_text) else "role"
    anaphor_words = {w for w in re.findall(r"[^\W\d_]+", phrase_text) if w not in ("the", "his", "her", "their")}
    anaphor_age = re.search(r"(\d+)-year-old", phrase_text)
    anaphor_gender = {gender_lexicon()[0].get(w) for w in re.findall(r"[^\W\d_]+", phrase_text)} - {None}
    para_cue = _paragraph_has_cue(ctx, para)
    # "The label on the bottle says “…”", "The act says a tenancy must be registered “…”": a written thing's words
    written = att.phrase is not None and pronoun is None and written_thing(ctx, att.phrase)
    context = {f"how={how}": 1.0, "direct": float(q.direct), "opens_para": float(opens_para),
               "para_no_cue": float(not para_cue)}

    # a pronoun can reach further back than a name is repeated: its person may be the article's subject
    reach = SENTENCES_BEFORE_PRONOUN if pronoun in ("m", "f") or anaphor else SENTENCES_BEFORE
    nearest_before: dict[str, tuple[int, int, int]] = {}   # entity -> (sentence gap, start, end)
    nearest_after: dict[str, tuple[int, int, int]] = {}
    inside: set[str] = set()
    count: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    first_mention: dict[str, int] = {}
    for m in ctx.mentions:
        if m.entity is None:
            continue
        count[m.entity] = count.get(m.entity, 0) + 1
        first_mention.setdefault(m.entity, m.start)
        if q.start <= m.start < q.end:
            inside.add(m.entity)
            continue
        if any(a <= m.start < b for a, b in ctx.quoted):
            continue
        s = layout.sentence(m.start)
        if m.end <= q.start and qs - s <= reach:
            nearest_before[m.entity] = (qs - s, m.start, m.end)
            last_seen[m.entity] = m.start
        elif m.start >= q.end and s - qe <= SENTENCES_AFTER and layout.paragraph(m.start) == para:
            nearest_after.setdefault(m.entity, (s - qe, m.start, m.end))
    # the person named last before the quote in its own paragraph: a pronoun or a cue there points to the one
    # just introduced ("Foreign Minister X arrived with a blunt message. “…,” she said"), not to a person
    # of an earlier paragraph
    para_start = ctx.doc.blocks[para].start if 0 <= para < len(ctx.doc.blocks) else q.start
    person_like = person_evidence(ctx)
    in_para = [m for m in ctx.mentions if m.entity and para_start <= m.start and m.end <= q.start
               and (m.type == "PERSON" or has_given_name(m.text) or m.entity in person_like)
               and not any(a <= m.start < b for a, b in ctx.quoted)]
    para_nearest = in_para[-1].entity if in_para else None
    para_entities = {m.entity for m in in_para}
    # every name, body or description the quote's paragraph mentions before it: a "he"/"she" whose paragraph
    # introduces an unnamed person ("One of the paramedics waited by the ambulance. “…,” he said") rarely reaches back
    # past that person to a name of an earlier paragraph
    para_mentioned = {m.entity for m in ctx.mentions if m.entity and para_start <= m.start and m.end <= q.start
                      and not any(a <= m.start < b for a, b in ctx.quoted)}
    antecedent_found = antecedent_phrase(ctx, q, layout) if pronoun in ("m", "f") else None
    described_here = (antecedent_found is not None and layout.paragraph(antecedent_found[0]) == para) or \
        (previous in (DESCRIBED, PREVIOUS_DESCRIBED, ANTECEDENT) and i > 0 and
         layout.paragraph(quotes[i - 1].start) == para)
    people_order = sorted((e for e in last_seen if ctx.entities.get(e) and ctx.entities[e].type == "PERSON"),
                          key=lambda e: -last_seen[e])
    pool = set(nearest_before) | set(nearest_after)
    if att.ok and att.speaker:
        pool.add(att.speaker)
    if previous and previous not in (DESCRIBED, PREVIOUS_DESCRIBED, ANTECEDENT):
        pool.add(previous)
    ages = _ages(ctx) if anaphor_age else {}
    # an exchange: this quote and the two before it each open a paragraph of their own, one after another
    exchange = i >= 2 and opens_para and not para_cue and \
        [layout.paragraph(quotes[i - 2].start), layout.paragraph(quotes[i - 1].start)] == [para - 2, para - 1]
    datelines = {m.entity for m in ctx.mentions if m.entity in pool and _dateline(ctx, m.start, m.end)}
    # an outlet or a person only ever spoken to ("told Al-Rayan Radio", "in an interview with X"): every one of
    # its mentions outside quotes is a cue's addressee; its name may still look like a person's ("Al …")
    spoken_to: dict[str, bool] = {}
    for m in ctx.mentions:
        if m.entity in pool and not any(a <= m.start < b for a, b in ctx.quoted):
            spoken_to[m.entity] = spoken_to.get(m.entity, True) and addressed(ctx, m.start, m.end)
    out = []
    # a person the tagger typed otherwise ("Claudia Reinholt" as an organisation) is a person by the given name
    near_people = [e for e in pool if ctx.entities.get(e) is not None and
                   (ctx.entities[e].type == "PERSON" or has_given_name(ctx.entities[e].name) or e in person_like)]
    text_genders = pronoun_genders(pronoun_evidence(ctx), q.start) if pronoun in ("m", "f") else {}
    # for a "he"/"she", a person the lexicons give no gender takes the one the text's pronouns gave before the quote
    genders = {**text_genders, **genders} if text_genders else genders
    agreeing = pronoun in ("m", "f") and any(genders.get(e) == pronoun for e in near_people)
    # the person a "he"/"she" most likely takes up: the latest one named before the quote whose gender (from the
    # lexicons or the text's pronouns) fits, and the latest fitting one named as a grammatical subject
    latest_agreeing: str | None = None
    latest_agreeing_subject: str | None = None
    if pronoun in ("m", "f"):
        fitting = sorted((e for e in nearest_before if (genders.get(e) or text_genders.get(e)) == pronoun),
                         key=lambda e: -last_seen.get(e, -1))
        latest_agreeing = fitting[0] if fitting else None
        latest_agreeing_subject = next((e for e in fitting if _role(ctx, *nearest_before[e][1:]) == "subject"), None)
    n_people = _bucket(len(near_people), 3)
    clashing = pronoun in ("m", "f") and any(genders.get(e) not in (None, pronoun) for e in near_people)
    # the candidates compared with one another: who is the subject of the cue, who is told, who the
    # sentence before is about, who is mentioned most, nearest, the one person the pronoun fits
    para_bounds = (ctx.doc.blocks[para].start, ctx.doc.blocks[para].end) if 0 <= para < len(ctx.doc.blocks) \
        else (0, len(ctx.view))
    ent_spans: dict[str, list[tuple[int, int]]] = {}
    for m in ctx.mentions:
        if m.entity in pool and not (q.start <= m.start < q.end) and not any(a <= m.start < b for a, b in ctx.quoted):
            ent_spans.setdefault(m.entity, []).append((m.start, m.end))
    own_roles = syntactic_roles(ctx, ent_spans, qs, qe, para_bounds)
    prev_roles = syntactic_roles(ctx, ent_spans, qs - 1, qs - 1, para_bounds) if qs > 0 else {}
    any_cue_subject = any("cue_subject" in r for r in own_roles.values())
    any_prev_subject = any("root_subject" in r or "cue_subject" in r for r in prev_roles.values())
    action = action_line(ctx, ent_spans, layout, q, para) if opens_para and not att.ok else None
    action_subjects = {e for e, r in (action.roles if action else {}).items() if "root_subject" in r}
    top_count = max((count.get(e, 0) for e in pool), default=0)
    by_distance = sorted(sorted(pool), key=lambda e: -last_seen.get(e, -1))
    agreeing_people = [e for e in near_people if pronoun in ("m", "f") and genders.get(e) == pronoun]
    previous_para = i > 0 and layout.paragraph(quotes[i - 1].start) == para - 1
    headline_people: set[str] = set()
    if how == "headline":
        headline_people = {m.entity for m in ctx.mentions if m.entity and para_bounds[0] <= m.start < para_bounds[1]
                           and not q.start <= m.start < q.end and ctx.entities.get(m.entity) is not None
                           and ctx.entities[m.entity].type == "PERSON"}
    for ent_id in sorted(pool):
        ent = ctx.entities.get(ent_id)
        if ent is None:
            continue
        f: dict[str, float] = {"entity": 1.0, f"type={ent.type}": 1.0, "generic": float(ent.generic),
                               "salience": math.log1p(count.get(ent_id, 0)), "inside_quote": float(ent_id in inside)}
        if ent.name[:1].islower():
            f["lower_name"] = 1.0                     # a group named by a common noun: "staff", "officers"
        if ent.type != "PERSON" and has_given_name(ent.name):
            f["given_name&not_person"] = 1.0          # a person the tagger typed otherwise
        if ent_id in person_like:
            f["person_evidence&not_person"] = 1.0     # "Tobi Ogunleye, 23,": an age or a title says person
        if ent_id in ctx.untagged:
            # a name the tagger missed, read off a speech verb's subject slot: a person the ranker may pick
            f["untagged"] = 1.0
            f[f"untagged&slot={ctx.untagged[ent_id]}"] = 1.0
            f["untagged&given_name"] = float(has_given_name(ent.name))
            f[f"untagged&words={min(len(ent.name.split()), 3)}"] = 1.0
        if att.ok and att.speaker == ent_id:
            f["rule"] = 1.0
            f[f"rule&how={how}"] = 1.0
            f[f"rule&n_people={n_people}"] = 1.0
        if att.phrase and any(m.entity == ent_id and m.start < att.phrase[1] and att.phrase[0] < m.end
                              for m in ctx.mentions):
            f["in_phrase"] = 1.0
            f[f"in_phrase&how={how}"] = 1.0
            f[f"in_phrase&type={ent.type}"] = 1.0
        else:
            # a place speaks only as the subject of a cue ("Moscow said"); a dateline or a venue
            # near the quote is not its speaker
            f[f"not_in_phrase&type={ent.type}"] = 1.0
        if first_mention.get(ent_id, -1) == ctx.doc.blocks[0].start if ctx.doc.blocks else False:
            f["opens_document"] = 1.0
        if spoken_to.get(ent_id):
            f["only_addressee"] = 1.0
            f[f"only_addressee&type={ent.type}"] = 1.0
        if _modifier_only(ctx, ent_spans.get(ent_id, [])):
            # "Lassa fever", "the Jebel terminal", "the Marlowe case": a name that only ever qualifies a common noun
            # names a disease, a place or a thing after someone, not a person who is there to speak
            f["modifier_only"] = 1.0
            if pronoun in ("m", "f"):
                f["pronoun&modifier_only"] = 1.0
        if ent_id in datelines:
            # "FRANKFURT — …": the place a story was filed from; a phrase the resolver tied to it ("the company")
            # rarely means the place
            f["dateline"] = 1.0
        if pronoun == "n":
            # "…,” it said": a body speaks, most often the one that spoke last
            f[f"pronoun_it&type={ent.type}"] = 1.0
            f["pronoun_it&previous"] = float(previous == ent_id)
        if pronoun in ("m", "f"):
            g = genders.get(ent_id)
            f["pronoun&" + ("agree" if g == pronoun else "clash" if g else "unknown")] = 1.0
            f[f"pronoun&type={ent.type}"] = 1.0
            if g is None and agreeing:
                # another person nearby is known to be the pronoun's gender ("she" with Jennifer
                # and Tyler): elimination weighs against the one whose gender the text never gave
                f["pronoun&unknown_other_agrees"] = 1.0
            if g is None and clashing:
                f["pronoun&unknown_other_clashes"] = 1.0
            f[f"pronoun&n_people={n_people}"] = 1.0
            if ent_id not in para_mentioned:
                f["pronoun&not_in_para"] = 1.0
                if described_here:
                    f["pronoun&not_in_para&described_here"] = 1.0
            tg = text_genders.get(ent_id)
            if tg is not None:
                # "Babatunde Ajayi, said his village …": the text's own pronouns before the quote say the gender a
                # title or a known given name did not
                f["pronoun&text_" + ("agree" if tg == pronoun else "clash")] = 1.0
                if g is None:
                    f["pronoun&unknown&text_" + ("agree" if tg == pronoun else "clash")] = 1.0
            if ent_id == latest_agreeing:
                f["pronoun&latest_agreeing"] = 1.0
            if ent_id == latest_agreeing_subject:
                f["pronoun&latest_agreeing_subject"] = 1.0
            if previous == ent_id:
                # the last speaker goes on speaking unless the pronoun says another person
                fit = g or tg
                f["pronoun&previous&" + ("agree" if fit == pronoun else "clash" if fit else "unknown")] = 1.0
            if ent_id in last_seen:
                f[f"pronoun&para_gap={_bucket(para - layout.paragraph(last_seen[ent_id]), 3)}"] = 1.0
            if ent.generic and g == pronoun:
                # "a man whose shop flooded", "the beekeeper": a description the resolver kept as an entity
                f["pronoun&agree&generic"] = 1.0
        if ent_id in nearest_before:
            gap, ms, me = nearest_before[ent_id]
            f[f"before={_bucket(gap, 4)}"] = 1.0
            role = _role(ctx, ms, me)
            f[f"role={role}"] = 1.0
            if pronoun in ("m", "f") and role == "place":
                # "a youth centre in Ibadan. “…,” she said": the pronoun's person is not the place just named
                f["pronoun&role=place"] = 1.0
        else:
            f["not_before"] = 1.0
        if ent_id in nearest_after:
            gap, ms, me = nearest_after[ent_id]
            f[f"after={_bucket(gap, 2)}"] = 1.0
            # "…,” he told officers": the one told is not the speaker; the subject of the cue is
            f[f"after_role={_role(ctx, ms, me)}"] = 1.0
        if para_nearest is not None and (ent.type == "PERSON" or has_given_name(ent.name) or ent_id in person_like):
            if ent_id == para_nearest:
                f["para_nearest"] = 1.0
                if pronoun in ("m", "f"):
                    f["para_nearest&pronoun"] = 1.0
                    f["para_nearest&pronoun_" + ("agree" if genders.get(ent_id) == pronoun else
                                                 "clash" if genders.get(ent_id) else "unknown")] = 1.0
            elif ent_id not in para_entities:
                f["outside_para"] = 1.0
                f[f"outside_para&how={how}"] = 1.0
                if pronoun in ("m", "f"):
                    f["outside_para&pronoun"] = 1.0
        if anaphor and ent.type == "PERSON" and "in_phrase" not in f:
            f[f"anaphor={anaphor}"] = 1.0
            if ent_id not in nearest_before:
                # "the singer told Glow magazine": a definite description takes up someone named before it, not
                # a name that only follows the quote
                f["anaphor&not_before"] = 1.0
            f[f"anaphor={anaphor}&" + ("para_nearest" if ent_id == para_nearest else
                                       "in_para" if ent_id in para_entities else "outside_para")] = 1.0
            if ent_id in people_order:
                f[f"anaphor&recency={_bucket(people_order.index(ent_id), 3)}"] = 1.0
            if anaphor_gender and genders.get(ent_id):
                f["anaphor&" + ("agree" if genders[ent_id] in anaphor_gender else "clash")] = 1.0
            # "the physician", "his sister", "the deputy minister": the words that introduced the person
            described_as = _described_as(ctx, ent)
            if anaphor_words & described_as:
                f["anaphor&described_match"] = 1.0
            if anaphor_age:
                age = ages.get(ent_id)
                if age is not None:
                    f["anaphor&age_" + ("agree" if age == anaphor_age.group(1) else "clash")] = 1.0
        # "Fire chief Dolores Vega: “…”": a name, a colon and the quote, as live blogs write
        if ent_id in nearest_before and re.fullmatch(r"\s*[:：]\s*[\"“„«‘']?\s*",
                                                     ctx.view[nearest_before[ent_id][2]:q.start]):
            f["name_colon"] = 1.0
            f[f"name_colon&type={ent.type}"] = 1.0
        if att.phrase and how == "according" and "in_phrase" not in f and pronoun is None:
            f["according&not_in_phrase"] = 1.0
        if figures and "in_phrase" not in f:
            # "according to the central bank's figures": the figures' owner or nobody, never a person elsewhere
            f["figures&not_in_phrase"] = 1.0
        if ent_id in people_order:
            f[f"recency={_bucket(people_order.index(ent_id), 3)}"] = 1.0
        if exchange and before_previous == ent_id and previous != ent_id and previous is not None:
            # two people trading lines: a quote with no cue of its own goes to the one who spoke two quotes ago
            f["alternate"] = 1.0
            f["alternate&para_no_cue"] = float(not para_cue)
            f[f"alternate&how={how}"] = 1.0
        if previous == ent_id:
            f["previous"] = 1.0
            f["previous&opens_para"] = float(opens_para)
            f[f"previous&how={how}"] = 1.0
            f["previous&para_no_cue"] = float(not para_cue)
        mine, before_mine = own_roles.get(ent_id, set()), prev_roles.get(ent_id, set())
        for r in mine:
            f[f"syn={r}"] = 1.0
            f[f"syn={r}&how={how}"] = 1.0
            # "a spokesman for the ministry" may stand for the ministry; "a trader in Singapore" never for the city
            f[f"syn={r}&type={ent.type}"] = 1.0
        for r in before_mine:
            f[f"syn_prev={r}"] = 1.0
            f[f"syn_prev={r}&para_no_cue"] = float(not para_cue)
        if action is not None:
            # "Asante shuffled his papers." / "He laughed." / "The captain leaned in." before a quote with no cue
            kind = ent.type if ent.type == "PERSON" or has_given_name(ent.name) else "other"
            if ent_id in action_subjects:
                f[f"action_subject&type={kind}"] = 1.0
                f["action_subject&previous"] = float(previous == ent_id)
            elif action_subjects:
                f["other_is_action_subject"] = 1.0
            if action.pronoun and kind == "PERSON" and genders.get(ent_id):
                f["action_pronoun&" + ("agree" if genders[ent_id] == action.pronoun else "clash")] = 1.0
            if action.words and not action_subjects and not action.pronoun and kind == "PERSON" \
                    and action.words & _described_as(ctx, ent):
                f["action_described_match"] = 1.0
        if any_cue_subject and "cue_subject" not in mine:
            f["other_is_cue_subject"] = 1.0
        if any_prev_subject and not before_mine & {"root_subject", "cue_subject"} and not mine:
            f["other_is_prev_subject"] = 1.0
        f["most_mentioned"] = float(count.get(ent_id, 0) == top_count)
        f["mention_share"] = count.get(ent_id, 0) / top_count if top_count else 0.0
        if ent_id in last_seen:
            f[f"distance_rank={_bucket(by_distance.index(ent_id), 3)}"] = 1.0
        if pronoun in ("m", "f") and ent_id in agreeing_people:
            f["pronoun&only_agreeing" if len(agreeing_people) == 1 else "pronoun&one_of_agreeing"] = 1.0
        if pronoun in ("m", "f") and ent_id not in person_like and _place_evidence(ctx, ent, ent_spans.get(ent_id, [])):
            # "Hong Kong", "Halsey Street", "the Fergana valley": a known place, a name ending in a place word or one
            # named after "in"/"at" anywhere; a name the tagger typed as a place with none of these may be a person
            f["pronoun&place_evidence"] = 1.0
            f[f"pronoun&place_evidence&type={ent.type}"] = 1.0
        if pronoun in ("m", "f") and ent_id not in near_people and not ent.generic and not ent.name[:1].islower():
            # a named place or body for a "he" or "she" (a generic "the spokesman" may well be the one)
            f["pronoun&named_not_person"] = 1.0
        if previous == ent_id and previous_para:
            f["previous&previous_para"] = 1.0
            f["previous&previous_para&opens_para"] = float(opens_para)
        if ent_id in headline_people:
            # "“I will not concede”: Kiprono …" against "Unions slam X's “cold-blooded” cuts as chief Y defends them"
            f["headline_person"] = 1.0
            f["headline_person&only" if len(headline_people) == 1 else "headline_person&one_of"] = 1.0
        out.append(Candidate(ent_id, f))
    questioner = how == "label" and phrase_text.rstrip(".") in ctx.cues.questioners
    shape = quote_shape(ctx, q, layout)
    # the same evidence on the side of a speaker the rules or a speaker phrase offer: "a banner: “…”" and
    # "The sign says: “…”" give the rules a phrase but no one who speaks
    doubt = {"no_cue_near": not shape["cue_near"], "no_cue_sentence": not shape["cue_sentence"],
             "no_verb": not shape["verb"], "title_case": "title_case" in shape,
             "capitalised": "capitalised" in shape,
             "short": any(f"words={k}" in shape for k in ("1", "2", "3")),
             "no_person": not ("first_person" in shape or "second_person" in shape),
             "term": "term_before" in shape or "naming_before" in shape,
             "modifier": any(k in shape for k in ("modifies_noun", "noun_after", "between_names")),
             "not_governed": not shape.get("cue_governs") and not shape.get("sentence"), "text": written,
             "text_before": "text_before" in shape, "question": "question" in shape,
             "fragment": "fragment" in shape, "passive_verb": "passive_verb" in shape,
             "label_asks": how == "label" and "question" in shape and _label_only_asks(ctx, quotes, i)}
    doubts = {k for k, v in doubt.items() if v}
    for cand in out:
        if cand.features.get("rule") or cand.features.get("in_phrase"):
            cand.features.update({f"phrase&{k}": 1.0 for k in doubts})
            cand.features.update({f"phrase&how={how}&{k}": 1.0 for k in doubts})
    nobody = {"nobody": 1.0, **{f"nobody&{k}": v for k, v in context.items()},
              **{f"nobody&shape_{k}": v for k, v in shape.items()},
              "nobody&no_people": float(not people_order), f"nobody&n_people={n_people}": 1.0,
              "nobody&questioner": float(questioner), "nobody&figures": float(figures),
              "nobody&label_asks": float(doubt["label_asks"])}
    if written:
        nobody.update({"nobody&phrase_text": 1.0, f"nobody&phrase_text&how={how}": 1.0})
    if att.ok and att.speaker is None:
        nobody["nobody&anonymous"] = 1.0
    out.append(Candidate(None, nobody))
    if pronoun in ("m", "f"):
        found = antecedent_found
        if found is not None:
            feats = _antecedent_features(ctx, found, pronoun, how, agreeing, layout, q)
            feats["antecedent&same_para"] = float(layout.paragraph(found[0]) == para)
            out.append(Candidate(ANTECEDENT, feats))
    elif pronoun is None and (not att.ok or how in ("none", "carry", "continue")):
        # "A senior diplomat was blunt. “…”": a quote with no cue of its own after a sentence about an unnamed person
        found = antecedent_phrase(ctx, q, layout)
        if found is not None and layout.sentence(found[0]) >= qs - 1:
            feats = _antecedent_features(ctx, found, "", how, False, layout, q)
            feats["antecedent&no_pronoun"] = 1.0
            feats["antecedent&no_pronoun&opens_para"] = float(opens_para)
            feats["antecedent&no_pronoun&para_no_cue"] = float(not para_cue)
            out.append(Candidate(ANTECEDENT, feats))
    if previous in (DESCRIBED, PREVIOUS_DESCRIBED, ANTECEDENT):
        # the described speaker of the quote before ("a factory manager … said …. “…,” he said"); a quote
        # with a description of its own that differs from the last one is someone else's
        last_phrase = _last_description(ctx, quotes, i)
        last_description = ctx.view[last_phrase[0]:last_phrase[1]].strip().lower() if last_phrase else None
        # the clause a document "says" hands its described speaker on to the partial quote inside it ("The ruling
        # said the law violated “…”"): a written thing's words, carried or not, have no speaker
        carried_text = last_phrase is not None and written_thing(ctx, last_phrase)
        own = att.ok and att.speaker is None and pronoun is None and bool(phrase_text)
        carried = {"prev_described": 1.0, f"prev_described&how={how}": 1.0,
                   "prev_described&opens_para": float(opens_para), "prev_described&para_no_cue": float(not para_cue),
                   "prev_described&pronoun": float(pronoun is not None), "prev_described&rule": float(
                       att.ok and att.speaker is not None),
                   "prev_described&same_para": float(layout.paragraph(quotes[i - 1].start) == para),
                   "prev_described&same_phrase": float(own and phrase_text == last_description),
                   "prev_described&new_phrase": float(own and phrase_text != last_description),
                   "prev_described&new_definite": float(own and phrase_text != last_description
                                                        and phrase_text.startswith("the ")),
                   "prev_described&text": float(carried_text),
                   "prev_described&text&same_para": float(carried_text and layout.paragraph(quotes[i - 1].start)
                                                          == para)}
        out.append(Candidate(PREVIOUS_DESCRIBED, carried))
    if att.ok and att.speaker is None and att.phrase and pronoun is None and phrase_text:
        first = phrase_text.split()[0]
        # "Nobody ever said …", "No minister will say …": a denied speaker says nothing
        negative = first in ("nobody", "no", "none", "never", "neither") or phrase_text.startswith("no one")
        feats = {"described": 1.0, "described&negative": float(negative), f"described&how={how}": 1.0,
                 f"described&anaphor={anaphor or 'no'}": 1.0,
                 "described&anaphor_person_in_para": float(bool(anaphor) and para_nearest is not None),
                 "described&figures": float(figures),
                 **{f"described&{k}": 1.0 for k in doubts}, **{f"described&how={how}&{k}": 1.0 for k in doubts},
                 "described&indefinite": float(first in ctx.cues.indefinite), "described&the": float(first == "the")}
        head = phrase_head(ctx, att.phrase)
        if head is not None:
            feats["described&plural"] = float(head.tag_ in ("NNS", "NNPS"))
            # how much the head word is like a person, an institution, a document or a figure: "a senior
            # official" speaks, "the data" and "the report" are sources but nobody
            _, sims = _word_vectors().of(head.lemma_.lower())
            if sims is not None:
                feats.update({f"described&proto_{name}": float(v) for name, v in zip(PROTOTYPES, sims)})
                # "according to the memo" makes the memo a source; "The contract promised “…”" quotes a
                # document's words, which nobody speaks: how the cue reads the phrase weighs its likeness
                by = dict(zip(PROTOTYPES, (float(v) for v in sims)))
                for name in ("document", "thing", "person"):
                    feats[f"described&how={how}&proto_{name}"] = by[name]
        if how == "label":
            # "MR. DELANEY:", "THE COURT:" name a speaker; "Q:" and "MODERATOR:" stand for the asker
            label_words = ctx.view[att.phrase[0]:att.phrase[1]].split()
            feats[f"described&label_words={min(len(label_words), 3)}"] = 1.0
            feats["described&label_title"] = float(any(w.rstrip(".").lower() in ctx.cues.synonyms or
                                                       w.endswith(".") for w in label_words))
            feats["described&label_questioner"] = float(questioner)
        out.append(Candidate(DESCRIBED, feats))
    return out


@functools.lru_cache(maxsize=1)
def _word_vectors() -> WordVectors:
    return WordVectors()


def phrase_head(ctx: SpeakerContext, phrase: tuple[int, int]) -> Any | None:
    """The syntactic head of a speaker phrase ("a senior *official* of the ministry")."""
    tok = _token_at(ctx, phrase[0])
    sent = ctx.sentence_at(phrase[0])
    if tok is None or sent is None:
        return None
    offset = sent[3]
    while tok.head.i != tok.i and phrase[0] <= offset + tok.head.idx < phrase[1]:
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") else None


def described_type(ctx: SpeakerContext, phrase: tuple[int, int]) -> str:
    """PERSON for a described speaker whose head is one person ("a senior official"), else ORG (a group,
    an institution): a singular head nearer the person prototypes than the institution ones."""
    head = phrase_head(ctx, phrase)
    if head is None or head.tag_ in ("NNS", "NNPS"):
        return "ORG"
    _, sims = _word_vectors().of(head.lemma_.lower())
    if sims is None:
        return "PERSON"
    by = dict(zip(PROTOTYPES, (float(v) for v in sims)))
    return "PERSON" if max(by["person"], by["official"]) >= max(by["institution"], by["company"],
                                                                by["government"]) else "ORG"


@dataclass
class SpeakerModel:
    """A fitted vectorizer and classifier over candidate features, with its training figures."""
    vectorizer: Any
    classifier: Any
    info: dict[str, Any] = field(default_factory=dict)

    @functools.cached_property
    def weights(self) -> tuple[dict[str, float], float]:
        """The fitted regression as plain weights: a few candidates cost microseconds this way."""
        coef = self.classifier.coef_[0]
        return {name: float(coef[j]) for name, j in self.vectorizer.vocabulary_.items()}, \
            float(self.classifier.intercept_[0])

    def scores(self, cands: list[Candidate]) -> list[float]:
        """P(the speaker) of each candidate: the classifier's ``predict_proba`` for a pointwise model, the
        scores normalised over the quote's candidates for a listwise one (``info["kind"]``)."""
        weights, bias = self.weights
        zs = [bias + sparse_dot(weights, c.features) for c in cands]
        if self.info.get("kind") == "listwise":
            return softmax(zs)
        return [bounded_expit(z) for z in zs]

    def rank(self, ctx: SpeakerContext, quotes: list[QuoteSpan]) -> list[str | None]:
        """Each quote's speaker: an entity id, ``DESCRIBED`` or None."""
        silence = self.info.get("silence")
        abstain = Abstain(**self.info.get("abstain", {}),
                          silence=Silence(tuple(sorted(silence["weights"].items())), silence["bias"],
                                          silence["threshold"]) if silence else Silence())
        return choose_speakers(ctx, quotes, self.scores, abstain)


def softmax(zs: list[float]) -> list[float]:
    """Scores as a distribution over one quote's candidates."""
    if not zs:
        return []
    top = max(zs)
    exps = [math.exp(z - top) for z in zs]
    total = sum(exps)
    return [e / total for e in exps]


def silence_features(cands: list[Candidate], values: list[float]) -> dict[str, float]:
    """What the "no speaker" decision reads of one quote: the nobody candidate's own features (the quote's shape:
    cue in its sentence or beside it, length, a term's or a title's form, distance to the nearest person, the
    paragraph's cue) and the ranker's view (nobody's probability, the best speaker's, the gap between them)."""
    nobody = next((k for k, c in enumerate(cands) if c.entity is None), None)
    if nobody is None:
        return {}
    others = [k for k in range(len(cands)) if k != nobody]
    top = max(others, key=lambda k: values[k], default=None)
    best = values[top] if top is not None else 0.0
    # the words before the quote are left out: a few hundred quotes cannot weigh single words
    feats = {k: v for k, v in cands[nobody].features.items() if "prev_word=" not in k}
    feats.update({"p_nobody": values[nobody], "p_best": best, "p_gap": best - values[nobody],
                  f"p_best<{_step(best)}": 1.0, f"p_nobody<{_step(values[nobody])}": 1.0,
                  "n_candidates": math.log(len(cands))})
    if top is not None:
        # what ties the best candidate to the quote: a cue naming it, the last quote's speaker in the paragraph
        # before, a mention in the quote's own sentence
        mine = cands[top].features
        feats.update({f"best&{k}": 1.0 for k in _SILENCE_BEST if mine.get(k)})
        feats["best&described"] = float(cands[top].entity in (DESCRIBED, PREVIOUS_DESCRIBED, ANTECEDENT))
    return feats


#: the best candidate's features the "no speaker" decision reads
_SILENCE_BEST = ("rule", "in_phrase", "previous", "previous&previous_para", "previous&para_no_cue", "syn=cue_subject",
                 "para_nearest", "inside_quote", "name_colon", "before=0", "after=0", "headline_person", "alternate",
                 "outside_para", "not_before", "phrase&text", "prev_described&text")


def _step(p: float) -> str:
    return next(f"{t:.1f}" for t in (0.2, 0.4, 0.6, 0.8, 1.01) if p < t)


@dataclass(frozen=True)
class Silence:
    """A small logistic regression over ``silence_features`` that says a quote has no speaker in the text
    (a slogan, a title, a document's words, a speaker only in another story) although the ranker's best
    candidate is someone: it says so when its probability reaches ``threshold``. Trained on held-out
    ranker probabilities and its threshold chosen on held-out folds (``scripts/train_quotes.py``); an
    empty one never does."""
    weights: tuple[tuple[str, float], ...] = ()
    bias: float = 0.0
    threshold: float = 1.1

    def probability(self, feats: dict[str, float]) -> float:
        w = dict(self.weights)
        z = self.bias + sparse_dot(w, feats)
        return bounded_expit(z)


@dataclass(frozen=True)
class Abstain:
    """When the ranker says "nobody" although a speaker scores best: the best speaker's probability is
    under ``least``, it beats the nobody candidate by less than ``margin``, or ``silence`` says the quote has
    no speaker. Chosen by cross-validation on the training passages (``scripts/train_quotes.py``); the
    defaults never abstain."""
    least: float = 0.0
    margin: float = 0.0
    silence: Silence = Silence()


def pick(cands: list[Candidate], values: list[float], abstain: Abstain = Abstain()) -> int:
    """The index of the chosen candidate: the best-scoring one, or nobody when ``abstain`` says so."""
    best = max(range(len(cands)), key=lambda k: values[k])
    if cands[best].entity is None:
        return best
    nobody = next((k for k, c in enumerate(cands) if c.entity is None), None)
    if nobody is not None and (values[best] < abstain.least or values[best] - values[nobody] < abstain.margin):
        return nobody
    if nobody is not None and abstain.silence.weights and \
            abstain.silence.probability(silence_features(cands, values)) >= abstain.silence.threshold:
        return nobody
    return best


def choose_speakers(ctx: SpeakerContext, quotes: list[QuoteSpan],
                    scores: Callable[[list[Candidate]], list[float]], abstain: Abstain = Abstain()) -> list[str | None]:
    """The best-scoring candidate of each quote, in text order (a choice feeds the next quote)."""
    genders, layout = entity_genders(ctx), layout_of(ctx)
    chosen: list[str | None] = []
    previous: str | None = None
    before_previous: str | None = None
    for i in range(len(quotes)):
        cands = candidates(ctx, quotes, i, previous, genders, layout, before_previous)
        best = pick(cands, scores(cands), abstain)
        chosen.append(cands[best].entity)
        previous, before_previous = cands[best].entity, previous
    return chosen


@functools.lru_cache(maxsize=4)
def load_speaker_model(path: str = "") -> SpeakerModel:
    """The model at ``path`` (default: the one shipped in the package), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds the model.
    """
    from storyline.cache import read_shipped_model

    data = read_shipped_model(path, default_model_path, on_problem="raise",
                              missing="no quote speaker model at {path}: run `make train` (or set speaker_model to a "
                                      "model file, or use the rule attribution storyline.quotes.rules.v1)")
    return SpeakerModel(vectorizer=data["vectorizer"], classifier=data["classifier"], info=data.get("info", {}))
