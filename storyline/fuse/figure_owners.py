"""Whose figure: what a figure or a date of a sentence is of, read off the sentence's dependency parse.

Two sentences of one story give figures and dates of many things: "40 dead in the flood" / "12 dead in the fire"
count the dead of two events, "talks are due to start on Thursday" / "the union will decide on Friday" date two acts,
"a third of the grape harvest" / "70 percent of the country's vineyards" are shares of two wholes. The words near a
figure (``disagreement_events.fact_context``) share the story's words either way; the parse tells which of them the
figure is attached to. A figure's *owner* (:func:`fact_owners`) is the set of words the parse links it to:

* the noun it counts or measures ("40 [people]") when that noun is outside the figure itself, its possessor or
  compound ("the [country]'s vineyards") and the object of its "of" ("a third of the [harvest]");
* the verb it is an argument of, reached through prepositions and nouns ("died", "start", "destroy"), and that
  verb's subject, object and prepositional objects ("[storm] destroyed", "died in the [flood]");

each word by its lemma's first letters, with the event families it names (``disagreement_events``: "the blaze" and
"the fire" are one event). The pair model compares the owners of the two sides' conflicting figures and dates
(``pair_model.pair_features``): figures of one thing share an owner's word, figures of two things share none.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.config import Settings
from storyline.fuse.disagreement_events import event_families, phases
from storyline.nlp.pipeline import load_nlp

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["ACT_KEY", "OWNER_PREFIX", "fact_owners", "owners_overlap", "read_owners"]

#: prefix of the owner keys of the act a fact belongs to (its verb), as against the things it is attached to
ACT_KEY = "act:"
#: letters of an owner's lemma compared ("flood" / "flooding", "vineyard" / "vineyards")
OWNER_PREFIX = 5
#: the parser the owners are read with: the default pipeline's, whatever a run's ``spacy_model`` (the pair model is
#: trained on its parses)
PARSER: str = Settings().spacy_model
#: parts of speech an owner word may be
_OWNER_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
#: verbs that report or link rather than tell what a figure is of ("officials [said] 40 died", "the toll [is] 40")
_LIGHT_VERBS = frozenset({"be", "have", "say", "tell", "report", "add", "state", "confirm", "announce", "claim",
                          "estimate", "put", "give", "according", "accord", "show", "reach", "stand", "total"})
#: dependency labels of a verb's arguments read as what its figure is of
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "agent", "dative", "oprd"})
#: dependency labels climbed from a figure to the noun or verb it belongs to
_CLIMB = frozenset({"nummod", "quantmod", "compound", "amod", "npadvmod", "pobj", "prep", "appos", "nmod", "advmod",
                    "dobj", "nsubj", "nsubjpass", "attr", "conj", "det", "poss", "case", "acomp", "xcomp", "advcl",
                    "acl", "relcl", "oprd", "dative", "agent", "pcomp", "punct", "cc", "dep", "meta", "predet"})
#: most steps climbed from a figure to its verb
MAX_CLIMB = 6


#: owners of the facts of a text already read (``fact_owners``), by (text, spans); cleared when it grows past
#: ``MAX_HELD`` (a corpus run reads each sentence's owners once per pair it is in)
_HELD: dict[tuple[str, tuple[tuple[int, int], ...]], tuple[frozenset[str], ...]] = {}
MAX_HELD = 65536
#: sentences parsed in one batch (``read_owners``)
PARSE_BATCH = 256


def read_owners(items: list[tuple[str, tuple[tuple[int, int], ...]]]) -> None:
    """Parse the texts of ``items`` not read yet in batches (faster than one at a time) and hold their owners."""
    todo = list(dict.fromkeys(k for k in items if k[1] and k not in _HELD))
    if not todo:
        return
    if len(_HELD) + len(todo) > MAX_HELD:
        _HELD.clear()
    nlp = load_nlp(PARSER)
    docs = nlp.pipe([t for t, _ in todo], disable=["ner"], batch_size=PARSE_BATCH)
    for (text, spans), doc in zip(todo, docs):
        _HELD[(text, spans)] = tuple(_owner(doc, s, e, spans) for s, e in spans)


def _word(tok: Token, act: bool = False) -> set[str]:
    """A token as owner keys: its lemma's first letters and the event families it names (``ACT_KEY`` before each
    when it is the act the fact belongs to)."""
    if tok.pos_ not in _OWNER_POS or tok.is_stop or not tok.is_alpha:
        return set()
    lemma = tok.lemma_.lower()
    if lemma in _LIGHT_VERBS:
        return set()
    keys = {lemma[:OWNER_PREFIX]} | set(event_families(tok.text)) | set(phases(tok.text))
    return {ACT_KEY + k for k in keys} if act else keys


def _owner(doc: Doc, start: int, end: int, others: tuple[tuple[int, int], ...]) -> frozenset[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return frozenset()
    inside = {t.i for t in span}
    # the other figures and dates of the sentence are facts of their own, not what this one is of
    facts = {t.i for s, e in others if (o := doc.char_span(s, e, alignment_mode="expand")) is not None for t in o}
    out: set[str] = set()

    def noun_words(noun: Token) -> None:
        # the noun counted and what it is a part or a kind of: "[country]'s vineyards", "a third of the [harvest]"
        if noun.i not in inside:
            out.update(_word(noun))
        for child in noun.children:
            if child.i in inside:
                continue
            if child.dep_ in ("poss", "compound"):
                out.update(_word(child))
            elif child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "for", "at"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i not in inside:
                        out.update(_word(obj))
                        out.update(w for c in obj.children if c.dep_ in ("compound", "poss") for w in _word(c))

    tok = span.root
    noun_words(tok)
    for _ in range(MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in _LIGHT_VERBS:
            break
        if tok.head is tok or tok.dep_ not in _CLIMB:
            break
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN"):
            noun_words(tok)
    if tok.pos_ in ("VERB", "AUX", "ADJ") and tok.i not in inside:
        out.update(_word(tok, act=True))
        for child in tok.children:
            if child.i in inside or child.dep_ in ("ccomp", "advcl", "conj"):
                continue   # another clause's words are another fact's
            if child.dep_ in _ARGUMENTS:
                out.update(_word(child))
            elif child.dep_ in ("prep", "agent"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.i not in inside and not any(t.i in inside for t in obj.subtree):
                        out.update(_word(obj))
        # a verb with no subject of its own has its governor's: "[Talks] are due to start on Thursday"
        up = tok
        while not any(c.dep_ in ("nsubj", "nsubjpass") for c in up.children) and up.dep_ in ("xcomp", "acomp") \
                and up.head is not up:
            up = up.head
        if up is not tok:
            out.update(w for c in up.children if c.dep_ in ("nsubj", "nsubjpass") for w in _word(c))
    return frozenset(out - {k for i in facts - inside for k in _word(doc[i])}
                     - {k for i in facts - inside for k in _word(doc[i], act=True)})


def fact_owners(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[frozenset[str], ...]:
    """Per span of ``text`` (a figure or a date, character offsets), the words of what it is of (its owner)."""
    if not spans:
        return ()
    key = (text, spans)
    if key not in _HELD:
        read_owners([key])
    return _HELD[key]


def owners_overlap(x: frozenset[str], y: frozenset[str], act: bool = False) -> float | None:
    """How much two owners are one thing: the share of the smaller one the other has, over the things they are
    attached to (or, ``act``, over their acts); None when either has none."""
    x = frozenset(k for k in x if k.startswith(ACT_KEY) == act)
    y = frozenset(k for k in y if k.startswith(ACT_KEY) == act)
    if not x or not y:
        return None
    return len(x & y) / min(len(x), len(y))
