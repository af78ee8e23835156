"""Arguments of an event predicate: which resolved actors are its source and its target.

Subject / agent / passive subject / objects, inherited through xcomp, conj and advcl; the actor
each argument names is looked up by ``storyline.extract.actors``. An agentless passive takes its
agent from a causal phrase ("was saved thanks to *the intervention of* N", "due to the support of
N"), else it has no source. Speech frames and the lexicon's argument cues live in
``storyline.extract.frames``; both modules' public names are re-exported here.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from storyline.extract.actors import (
    MAX_INHERIT_HOPS,
    RELATIVE_PRONOUNS,
    ROLE_HEADS,
    SALIENCE_WINDOW,
    SUBJECT_DEPS,
    Actors,
    entity_of,
    first_child,
    np_entity,
)
from storyline.extract.frames import (
    MAX_FRAMED_BLOCKS,
    ArgumentCues,
    framed_speakers,
    leads,
    load_argument_cues,
    stance_source,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["CAUSAL_PHRASES", "LEADING_VERBS", "MAX_FRAMED_BLOCKS", "MAX_INHERIT_HOPS", "ROLE_HEADS",
           "SALIENCE_WINDOW", "SINGULAR_PERSON_SUFFIXES", "Actors", "ArgumentCues", "causal_agent",
           "causal_phrase", "coordinated_partner", "crowd_subject", "entity_of", "first_child",
           "framed_speakers", "inanimate_agent", "is_passive", "leads", "led_by", "load_argument_cues",
           "location_party", "noun_args", "same", "stance_source", "verb_args"]

LOGGER = logging.getLogger(__name__)

_OBJ = ("dobj", "dative", "attr", "oprd")
_TARGET_PREPS = ("to", "with", "against", "on", "at", "from", "into", "toward", "towards", "for", "upon", "over")
_NOUN_SOURCE_TYPES = {"MOBILIZE", "AID", "SUPPORT", "CONSULT", "COOPERATE", "AGREE", "REQUEST", "THREATEN",
                      "PROTEST", "REJECT", "RETREAT", "CONCEDE"}
#: relations through which a predicate with no subject of its own takes its governor's subject
#: ("refused to allow", "joined ... and blocked", "responded by suspending"); not ccomp: a
#: reported clause has its own subject
_INHERIT_RELS = ("xcomp", "conj", "advcl", "pcomp", "compound", "pobj", "prep")
#: two-word phrases that introduce the cause of an outcome ("thanks to", "due to"): the actor of
#: the noun after them did the deed an agentless passive reports
CAUSAL_PHRASES = frozenset({"thanks to", "due to", "owing to", "because of", "help of", "support of",
                            "assistance of"})


def same(a: Token | None, b: Token | None) -> bool:
    """Token identity (spaCy makes a new Python object on every access)."""
    return a is not None and b is not None and a.i == b.i


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def verb_args(pred: Token, actors: Actors, skip: Token | None,
               lex_inverse: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(source, target) of a verbal predicate."""
    source = target = None
    if is_passive(pred):
        agent = first_child(pred, ("agent",))
        if agent is not None:
            source = entity_of(first_child(agent, ("pobj",)), actors)
        target = entity_of(first_child(pred, ("nsubjpass",)), actors)
    else:
        source = entity_of(first_child(pred, SUBJECT_DEPS), actors)
        for child in pred.children:
            if child.dep_ in _OBJ and not same(child, skip):
                target = entity_of(child, actors)
                if target:
                    break
    if target is None:  # "signed an agreement with France": the object's own "with" phrase
        for obj in pred.children:
            if obj.dep_ == "dobj":
                for child in obj.children:
                    if child.dep_ == "prep" and child.lower_ in ("with", "against", "to", "on"):
                        target = target or entity_of(first_child(child, ("pobj",)), actors)
    if target is None:
        for child in list(pred.children) + ([skip] if skip is not None else []):
            if (child.dep_ == "prep" and child.lower_ in _TARGET_PREPS) or same(child, skip):
                for g in child.children:
                    if g.dep_ == "prep" and g.lower_ in _TARGET_PREPS and same(child, skip):
                        target = entity_of(first_child(g, ("pobj",)), actors)
                    elif g.dep_ == "pobj" and not same(child, skip):
                        target = entity_of(g, actors)
                    if target:
                        break
            if target:
                break
    if source is None and is_passive(pred):
        source = causal_agent(pred, actors)
    # no subject of its own: "Kazakhstan joined ... and blocked ...", "refused to allow ...";
    # a passive without its own subject takes the head's subject as its target
    passive = is_passive(pred)
    tok, hops = pred, 0
    # a subject of its own that names no actor ("farmers marched", "the deal was signed") is
    # still the predicate's subject: the governor's actor is someone else
    own = first_child(pred, ("nsubjpass",) if passive else SUBJECT_DEPS)
    # (a relative pronoun the parse could not tie to its noun does not count: "..., and which was saved")
    own_subject = own is not None and not (own.lower_ in RELATIVE_PRONOUNS and own.tag_ in ("WDT", "WP"))
    while (not own_subject and (target if passive else source) is None and tok.dep_ in _INHERIT_RELS
           and hops < MAX_INHERIT_HOPS):
        tok, hops = tok.head, hops + 1
        subj = first_child(tok, (*SUBJECT_DEPS, "nsubjpass")) if tok.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            if passive:
                target = entity_of(subj, actors)
            else:
                source = entity_of(subj, actors)
            break
    if pred.lemma_.lower() in lex_inverse:
        source, target = target, source
    return source, target


def noun_args(noun: Token, code: str, actors: Actors, *, climb: bool = True) -> tuple[str | None, str | None]:
    """(source, target) of a nominal predicate ("his refusal", "conversation with X")."""
    source = target = None
    of_ent = None
    for child in noun.children:
        if child.dep_ == "poss":
            source = source or entity_of(child, actors)
        elif child.dep_ in ("amod", "compound", "nmod") and actors.at(child) and climb:
            source = source or actors.at(child)
        elif child.dep_ == "prep":
            pobj = first_child(child, ("pobj",))
            if child.lower_ == "by":
                source = entity_of(pobj, actors) or source
            elif child.lower_ == "of":
                of_ent = entity_of(pobj, actors)
            elif child.lower_ in _TARGET_PREPS and target is None:
                target = entity_of(pobj, actors)
    etype = code.split("/", maxsplit=1)[0]
    if of_ent:
        if source is None and etype in _NOUN_SOURCE_TYPES:
            source = of_ent
        elif target is None:
            target = of_ent
    if source is None and climb:  # the clause the noun sits in: "X, during a conversation with Y, thanked"
        head, hops = noun.head, 0
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and hops < MAX_INHERIT_HOPS:
            head, hops = head.head, hops + 1
        if head.pos_ in ("VERB", "AUX") and head.i != noun.i:
            source, _ = verb_args(head, actors, None)
    return source, target


def causal_phrase(tok: Token) -> bool:
    """The noun phrase headed by ``tok`` follows "thanks to", "due to", "with the help of" ..."""
    i = tok.left_edge.i
    return i >= 2 and f"{tok.doc[i - 2].lower_} {tok.doc[i - 1].lower_}" in CAUSAL_PHRASES


def causal_agent(pred: Token, actors: Actors) -> str | None:
    """The actor of a causal phrase on ``pred``: "was saved thanks to the intervention of N" -> N."""
    for tok in pred.subtree:
        if tok.pos_ not in ("NOUN", "PROPN") or not causal_phrase(tok):
            continue
        head, hops = tok.head, 0
        while head.i != pred.i and head.pos_ not in ("VERB", "AUX") and hops < MAX_INHERIT_HOPS:
            head, hops = head.head, hops + 1
        if head.i != pred.i:
            continue  # the phrase belongs to another clause
        ent = np_entity(tok, actors) if tok.pos_ == "PROPN" else noun_args(tok, "AID", actors, climb=False)[0]
        if ent:
            return ent
    return None


def _subject(pred: Token) -> Token | None:
    """The predicate's own subject, else the one of the verb it is coordinated with ("met and signed")."""
    tok = pred
    for _ in range(MAX_INHERIT_HOPS):
        subj = first_child(tok, SUBJECT_DEPS)
        if subj is not None or tok.dep_ != "conj" or tok.head.i == tok.i:
            return subj
        tok = tok.head
    return None


def coordinated_partner(pred: Token, source: str, actors: Actors) -> str | None:
    """The other actor of a coordinated subject: "A and B met", "delegations from A and B met" -> B."""
    subj = _subject(pred)
    if subj is None:
        return None
    for tok in subj.subtree:
        if tok.dep_ != "conj" or tok.head.pos_ in ("VERB", "AUX"):
            continue
        ent = np_entity(tok, actors)
        if ent and ent != source and actors.types.get(ent) in ("PERSON", "ORG", "GPE", "NORP"):
            return ent
    return None


def _people(noun: Token, cues: ArgumentCues) -> bool:
    """A noun phrase naming people: a listed group noun, or a plural agent noun ("miners", "activists")."""
    heads = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    for tok in heads:
        lemma = tok.lemma_.lower()
        if lemma in cues.crowd_nouns or (tok.tag_ in ("NNS", "NNPS") and lemma.endswith(cues.crowd_suffixes)):
            return True
    return False


def crowd_subject(pred: Token, cues: ArgumentCues) -> bool:
    """The subject is a crowd of people ("3,000 farmers", "thousands of students", "protesters")."""
    subj = _subject(pred)
    return subj is not None and subj.pos_ in ("NOUN", "PROPN") and _people(subj, cues)


def inanimate_agent(pred: Token, actors: Actors, cues: ArgumentCues) -> bool:
    """The doer is a named thing, not an actor ("flood water cut off the town", "was cut off by the storm").

    A common noun that names no people and no institution, and no actor inside it.
    """
    if is_passive(pred):
        agent = first_child(pred, ("agent",))
        doer = first_child(agent, ("pobj",)) if agent is not None else None
    else:
        doer = first_child(pred, SUBJECT_DEPS)
    if doer is None:
        return False
    named = actors.at(doer)
    if named is not None:  # "the 1998 Accord guarantees ...": a named thing, not an actor
        return actors.types.get(named) in _THING_TYPES
    if doer.pos_ != "NOUN" or any(actors.at(t) for t in doer.subtree):
        return False
    lemma = doer.lemma_.lower()
    if lemma in cues.institution_nouns or lemma in actors.anaphors or _people(doer, cues):
        return False
    # a singular agent noun ("the activist", "the gunman"); not "-er"/"-or", which name things
    # as often as people ("water", "power", "order")
    return not lemma.endswith(SINGULAR_PERSON_SUFFIXES)


#: entity types that name things, places and occasions: as a doer, no actor did the deed
_THING_TYPES = frozenset({"LOC", "EVENT", "MISC", "FAC", "PRODUCT", "LAW", "WORK_OF_ART"})
#: endings of singular nouns that almost always name a person
SINGULAR_PERSON_SUFFIXES = ("ist", "ian", "man", "woman", "ant", "ee")


def led_by(pred: Token, actors: Actors) -> str | None:
    """The leader or organiser a clause names for an action ("marched ..., led by N", "a strike called by
    the union")."""
    subj = _subject(pred)
    for holder in [pred] + ([subj] if subj is not None else []):
        for c in holder.children:
            if c.dep_ in ("advcl", "acl", "relcl") and c.lemma_.lower() in LEADING_VERBS:
                agent = first_child(c, ("agent",))
                ent = entity_of(first_child(agent, ("pobj",)), actors) if agent is not None else None
                if ent:
                    return ent
    return None


#: verbs whose agent leads or organises a collective action ("led by", "organised by")
LEADING_VERBS = frozenset({"lead", "organise", "organize", "head", "call", "convene", "spearhead", "stage"})


def location_party(pred: Token, actors: Actors) -> str | None:
    """The country an undertaking takes place in ("production will be launched in Mexico")."""
    tok = pred
    for _ in range(2):  # the predicate, or the verb it completes ("is planned to be launched in")
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                ent = np_entity(first_child(c, ("pobj",)), actors)
                if ent and actors.types.get(ent) == "GPE":
                    return ent
        if tok.dep_ != "xcomp":
            break
        tok = tok.head
    return None
