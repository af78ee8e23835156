"""Arguments of an event predicate: which resolved actors are its source and its target.

Subject / agent / passive subject / objects, inherited through xcomp, conj and advcl; a name
inside a noun phrase is found through appositions, compounds and "of" phrases; pronouns go to
the reporting clause's subject or the nearest earlier actor of a fitting type; a relative pronoun
to the noun its clause modifies. Two rules for actors the clause names only indirectly:

* a possessive on a nominalised event ("the press office of the prime minister announced *his*
  refusal") goes to the person the governing clause's subject names, before any earlier subject;
* an agentless passive takes its agent from a causal phrase ("was saved thanks to *the
  intervention of* N", "due to the support of N"), else it has no source.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import yaml

from storyline.extract.lexicon import LEXICON_PATH
from storyline.model import Entity, Mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

LOGGER = logging.getLogger(__name__)

#: tokens to look back for the antecedent of a pronoun or "the country" (about two sentences)
SALIENCE_WINDOW = 60
_SUBJ = ("nsubj", "csubj")
_OBJ = ("dobj", "dative", "attr", "oprd")
_TARGET_PREPS = ("to", "with", "against", "on", "at", "from", "into", "toward", "towards", "for", "upon", "over")
_NOUN_SOURCE_TYPES = {"MOBILIZE", "AID", "SUPPORT", "CONSULT", "COOPERATE", "AGREE", "REQUEST", "THREATEN",
                      "PROTEST", "REJECT", "RETREAT", "CONCEDE"}
_MALE_FEMALE = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_NEUTER = {"it", "its", "they", "them", "their", "itself", "themselves"}
_RELATIVE = {"which", "who", "that", "whom", "whose"}
#: relations through which a predicate with no subject of its own takes its governor's subject
#: ("refused to allow", "joined ... and blocked", "responded by suspending"); not ccomp: a
#: reported clause has its own subject
_INHERIT_RELS = ("xcomp", "conj", "advcl", "pcomp", "compound", "pobj", "prep")
#: how far up the parse to look for that governor
MAX_INHERIT_HOPS = 4
#: two-word phrases that introduce the cause of an outcome ("thanks to", "due to"): the actor of
#: the noun after them did the deed an agentless passive reports
CAUSAL_PHRASES = frozenset({"thanks to", "due to", "owing to", "because of", "help of", "support of",
                            "assistance of"})
#: paragraphs after a "...:" line that may still be the introduced speaker's points (a list of
#: a speech's main points runs to a handful of paragraphs; narration resumes after it)
MAX_FRAMED_BLOCKS = 8
#: nouns that stand for a country's leader in a role phrase ("the X president", "his X counterpart")
ROLE_HEADS = frozenset({"president", "premier", "chancellor", "leader", "king", "queen", "emir", "counterpart",
                        "guest", "host"})
#: words before an apposition that contrast it with its head ("the member states, not just X")
_CONTRAST = frozenset({"not", "rather", "unlike", "except", "excluding"})


class Actors:
    """Token -> local entity id, through the resolved mentions of one document."""

    def __init__(self, mentions: list[Mention], entities: list[Entity], offset_of: dict[int, int],
                 anaphors: dict[str, str], leader_titles: tuple[str, ...] = ()):
        self.mentions = sorted((m for m in mentions if m.entity), key=lambda m: m.start)
        self.types = {e.id: e.type for e in entities}
        self.countries = {e.id: e.country for e in entities if e.country}
        # country -> [(role, person id)] of the document's persons who lead a country, most mentioned first
        self.leaders: dict[str, list[tuple[str, str]]] = {}
        for e in sorted(entities, key=lambda e: -len(e.mentions)):
            role = (e.role or "").lower()
            if e.type == "PERSON" and e.country and leader_titles and role.startswith(leader_titles):
                self.leaders.setdefault(e.country, []).append((role, e.id))
        for m in self.mentions:
            self.types.setdefault(m.entity or "", m.type)
        self.anaphors = anaphors
        self.offset_of = offset_of  # id(spacy doc) -> raw offset of its block

    def _raw(self, tok: "Token") -> int:
        return self.offset_of[id(tok.doc)] + tok.idx

    def at(self, tok: "Token") -> str | None:
        """The entity of a mention covering the token, if any."""
        pos = self._raw(tok)
        for m in self.mentions:
            if m.start <= pos < m.end:
                return m.entity
            if m.start > pos:
                break
        return None

    def before(self, tok: "Token", types: set[str]) -> str | None:
        """The entity of the nearest mention of a fitting type before the token."""
        pos = self._raw(tok)
        best = None
        for m in self.mentions:
            if m.start >= pos:
                break
            if self.types.get(m.entity or "") in types:
                best = m.entity
        return best


def _np_entity(tok: "Token", actors: Actors, depth: int = 0) -> str | None:
    """The actor a noun phrase headed by ``tok`` names ("the government of X", "President, Y")."""
    if tok is None or depth > 3:
        return None
    ent = actors.at(tok) or _role_person(tok, actors)
    if ent:
        return ent
    kids = list(tok.children)
    for rel in ("appos", "compound", "nmod", "poss", "amod"):
        for child in kids:
            if child.dep_ == rel and not (rel == "appos" and _contrasted(tok, child)):
                ent = actors.at(child) or (None if rel in ("amod",) else _np_entity(child, actors, depth + 1))
                if ent is None and rel == "poss" and child.tag_ == "PRP$" and tok.lemma_.lower() in actors.anaphors:
                    ent = _owned_institution(child, actors)  # "his government", "its army"
                if ent:
                    return ent
    # "The President of X, Name,": the parser often hangs the apposition on X; the person
    # the whole phrase names wins over the place in its "of" complement
    for g in tok.subtree:
        if g.dep_ == "appos" and g.i > tok.i and not _contrasted(g.head, g):
            ent = actors.at(g)
            if ent and actors.types.get(ent) == "PERSON":
                return ent
    for child in kids:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
            for g in child.children:
                if g.dep_ == "pobj":
                    ent = _np_entity(g, actors, depth + 1)
                    if ent:
                        return ent
    return None


def _owned_institution(pron: "Token", actors: Actors) -> str | None:
    """ "his government" / "its army": the country of the person the pronoun stands for, else that person."""
    owner = _pronoun_entity(pron, actors)
    if owner is None or actors.types.get(owner) != "PERSON":
        return owner
    country = actors.countries.get(owner)
    if country:
        for ent, code in actors.countries.items():
            if code == country and actors.types.get(ent) == "GPE":
                return ent
    return owner


def _role_title(tok: "Token") -> str | None:
    """The leader title a noun heads ("president", "prime minister", "head of state", "guest"), if any."""
    lemma = tok.lemma_.lower()
    if lemma == "minister" and any(c.lower_ == "prime" for c in tok.children):
        return "prime minister"
    if lemma == "head":
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = first_child(of, ("pobj",)) if of is not None else None
        return f"head of {pobj.lower_}" if pobj is not None and pobj.lower_ in ("state", "government") else None
    return lemma if lemma in ROLE_HEADS else None


def _role_person(tok: "Token", actors: Actors) -> str | None:
    """A role phrase the resolver left unlinked ("the president of X", "the X head of state", "his X guest").

    It stands for the document's person who leads the country the phrase names: the one whose
    role starts with the title, else the only leader of that country the document names.
    """
    if not actors.leaders or tok.pos_ != "NOUN":
        return None
    title = _role_title(tok)
    if title is None:
        return None
    country = None
    for c in tok.children:
        holder = c if c.dep_ in ("amod", "compound", "poss") else (
            first_child(c, ("pobj",)) if c.dep_ == "prep" and c.lower_ == "of" else None)
        ent = actors.at(holder) if holder is not None else None
        if ent and actors.types.get(ent) in ("GPE", "NORP"):
            country = actors.countries.get(ent)
            break
    cands = actors.leaders.get(country or "", [])
    titled = [pid for role, pid in cands if role.startswith(title)]
    if titled:
        return titled[0]
    return cands[0][1] if len(cands) == 1 else None


def _contrasted(head: "Token", appos: "Token") -> bool:
    """An apposition set against its head ("the member states, not just X"): X is not the head's actor."""
    lo, hi = sorted((head.i, appos.left_edge.i))
    return any(t.lower_ in _CONTRAST for t in head.doc[lo + 1:hi + 1])


def _salient_before(tok: "Token", actors: Actors, types: set[str]) -> str | None:
    """The nearest earlier subject naming an actor of a fitting type (same block), else the nearest actor."""
    sdoc = tok.doc
    for i in range(tok.i - 1, max(-1, tok.i - SALIENCE_WINDOW), -1):
        cand = sdoc[i]
        if cand.dep_ in ("nsubj", "nsubjpass") or (cand.head.dep_ in ("nsubj", "nsubjpass")
                                                   and cand.dep_ in ("appos", "compound")):
            ent = actors.at(cand)
            if ent and actors.types.get(ent) in types:
                return ent
    return actors.before(tok, types)


def _anaphor_entity(tok: "Token", actors: Actors) -> str | None:
    """A definite description standing for an actor named earlier ("the country", "the organization")."""
    wanted = actors.anaphors.get(tok.lemma_.lower())
    if wanted is None or not any(c.lower_ in ("the", "this", "that") for c in tok.children):
        return None
    if any(c.dep_ in ("compound", "amod", "prep", "poss") for c in tok.children if c.lower_ != "the"):
        return None  # "the Kazakh government", "the government of X": named inside, not an anaphor
    return _salient_before(tok, actors, {wanted})


def _pronoun_entity(tok: "Token", actors: Actors) -> str | None:
    """Resolve a pronoun: the reporting clause's subject first, else the nearest fitting actor."""
    low = tok.lower_
    if low not in _MALE_FEMALE and low not in _NEUTER:
        return None
    clause = tok.head
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ in ("ccomp", "parataxis") and clause.head.i != clause.i:
        for child in clause.head.children:
            if child.dep_ in _SUBJ and child.i != tok.i:
                ent = entity_of(child, actors, allow_pronoun=False)
                if ent:
                    return ent
    wanted = {"PERSON"} if low in _MALE_FEMALE else {"GPE", "ORG", "NORP"}
    if tok.tag_ == "PRP$":
        ent = _clause_agent(tok, actors, wanted)
        if ent:
            return ent
    return _salient_before(tok, actors, wanted)


def _clause_agent(tok: "Token", actors: Actors, wanted: set[str]) -> str | None:
    """For "X's office announced *his* refusal": the actor of a fitting type that the governing clause's subject names.

    A possessive on a noun reads as the clause's own agent; when that subject is an office or
    service "of" someone, it is that someone, not whoever was last a subject.
    """
    head, hops = tok.head, 0
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and hops < MAX_INHERIT_HOPS:
        head, hops = head.head, hops + 1
    if head.pos_ not in ("VERB", "AUX"):
        return None
    subj = first_child(head, ("nsubj",))
    if subj is None or subj.pos_ == "PRON" or any(t.i == tok.i for t in subj.subtree):
        return None
    for t in subj.subtree:
        ent = actors.at(t) or _role_person(t, actors)
        if ent and actors.types.get(ent) in wanted:
            return ent
    return None


def _relative_entity(tok: "Token", actors: Actors) -> str | None:
    """A relative pronoun stands for the noun its clause modifies ("the regime, which was saved ...")."""
    clause = tok.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    return entity_of(clause.head, actors, allow_pronoun=False)


def entity_of(tok: "Token | None", actors: Actors, *, allow_pronoun: bool = True) -> str | None:
    if tok is None:
        return None
    if tok.lower_ in _RELATIVE and tok.tag_ in ("WDT", "WP", "WP$"):
        return _relative_entity(tok, actors)
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
        return _pronoun_entity(tok, actors) if allow_pronoun else None
    ent = _np_entity(tok, actors) or _anaphor_entity(tok, actors)
    if ent is None:
        for child in tok.children:  # coordinated subjects: "X and Y met" -> X
            if child.dep_ == "conj":
                return actors.at(child)
    return ent


def same(a: "Token | None", b: "Token | None") -> bool:
    """Token identity (spaCy makes a new Python object on every access)."""
    return a is not None and b is not None and a.i == b.i


def first_child(tok: "Token", rels: Iterable[str]) -> "Token | None":
    rels = tuple(rels)
    return next((c for c in tok.children if c.dep_ in rels), None)


def is_passive(tok: "Token") -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def verb_args(pred: "Token", actors: Actors, skip: "Token | None",
               lex_inverse: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(source, target) of a verbal predicate."""
    source = target = None
    if is_passive(pred):
        agent = first_child(pred, ("agent",))
        if agent is not None:
            source = entity_of(first_child(agent, ("pobj",)), actors)
        target = entity_of(first_child(pred, ("nsubjpass",)), actors)
    else:
        source = entity_of(first_child(pred, _SUBJ), actors)
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
            if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS or same(child, skip):
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
    own = first_child(pred, ("nsubjpass",) if passive else _SUBJ)
    # (a relative pronoun the parse could not tie to its noun does not count: "..., and which was saved")
    own_subject = own is not None and not (own.lower_ in _RELATIVE and own.tag_ in ("WDT", "WP"))
    while (not own_subject and (target if passive else source) is None and tok.dep_ in _INHERIT_RELS
           and hops < MAX_INHERIT_HOPS):
        tok, hops = tok.head, hops + 1
        subj = first_child(tok, (*_SUBJ, "nsubjpass")) if tok.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            if passive:
                target = entity_of(subj, actors)
            else:
                source = entity_of(subj, actors)
            break
    if pred.lemma_.lower() in lex_inverse:
        source, target = target, source
    return source, target


def noun_args(noun: "Token", code: str, actors: Actors, *, climb: bool = True) -> tuple[str | None, str | None]:
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
    etype = code.split("/")[0]
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


def causal_phrase(tok: "Token") -> bool:
    """The noun phrase headed by ``tok`` follows "thanks to", "due to", "with the help of" ..."""
    i = tok.left_edge.i
    return i >= 2 and f"{tok.doc[i - 2].lower_} {tok.doc[i - 1].lower_}" in CAUSAL_PHRASES


def causal_agent(pred: "Token", actors: Actors) -> str | None:
    """The actor of a causal phrase on ``pred``: "was saved thanks to the intervention of N" -> N."""
    for tok in pred.subtree:
        if tok.pos_ not in ("NOUN", "PROPN") or not causal_phrase(tok):
            continue
        head, hops = tok.head, 0
        while head.i != pred.i and head.pos_ not in ("VERB", "AUX") and hops < MAX_INHERIT_HOPS:
            head, hops = head.head, hops + 1
        if head.i != pred.i:
            continue  # the phrase belongs to another clause
        ent = _np_entity(tok, actors) if tok.pos_ == "PROPN" else noun_args(tok, "AID", actors, climb=False)[0]
        if ent:
            return ent
    return None


def _subject(pred: "Token") -> "Token | None":
    """The predicate's own subject, else the one of the verb it is coordinated with ("met and signed")."""
    tok = pred
    for _ in range(MAX_INHERIT_HOPS):
        subj = first_child(tok, _SUBJ)
        if subj is not None or tok.dep_ != "conj" or tok.head.i == tok.i:
            return subj
        tok = tok.head
    return None


def coordinated_partner(pred: "Token", source: str, actors: Actors) -> str | None:
    """The other actor of a coordinated subject: "A and B met", "delegations from A and B met" -> B."""
    subj = _subject(pred)
    if subj is None:
        return None
    for tok in subj.subtree:
        if tok.dep_ != "conj" or tok.head.pos_ in ("VERB", "AUX"):
            continue
        ent = _np_entity(tok, actors)
        if ent and ent != source and actors.types.get(ent) in ("PERSON", "ORG", "GPE", "NORP"):
            return ent
    return None


def _people(noun: "Token", cues: "ArgumentCues") -> bool:
    """A noun phrase naming people: a listed group noun, or a plural agent noun ("miners", "activists")."""
    heads = [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    for tok in heads:
        lemma = tok.lemma_.lower()
        if lemma in cues.crowd_nouns or (tok.tag_ in ("NNS", "NNPS") and lemma.endswith(cues.crowd_suffixes)):
            return True
    return False


def crowd_subject(pred: "Token", cues: "ArgumentCues") -> bool:
    """The subject is a crowd of people ("3,000 farmers", "thousands of students", "protesters")."""
    subj = _subject(pred)
    return subj is not None and subj.pos_ in ("NOUN", "PROPN") and _people(subj, cues)


def inanimate_agent(pred: "Token", actors: Actors, cues: "ArgumentCues") -> bool:
    """The doer is a named thing, not an actor ("flood water cut off the town", "was cut off by the storm").

    A common noun that names no people and no institution, and no actor inside it.
    """
    if is_passive(pred):
        agent = first_child(pred, ("agent",))
        doer = first_child(agent, ("pobj",)) if agent is not None else None
    else:
        doer = first_child(pred, _SUBJ)
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


def led_by(pred: "Token", actors: Actors) -> str | None:
    """The leader or organiser a clause names for an action ("marched ..., led by N", "a strike called by the union")."""
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


@dataclass(frozen=True)
class ArgumentCues:
    """Word lists of the ``arguments`` section of the event lexicon (see ``events.yaml``)."""
    causal_aid_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    stance_verbs: frozenset[str]
    leader_titles: tuple[str, ...]
    located_types: frozenset[str]
    crowd_nouns: frozenset[str] = frozenset()
    crowd_suffixes: tuple[str, ...] = ()
    institution_nouns: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=8)
def load_argument_cues(extra_paths: tuple[str, ...] = ()) -> ArgumentCues:
    """The ``arguments`` section of the shipped event lexicon, extended by user lexicon files."""
    data: dict[str, list[str]] = {}
    for path in (LEXICON_PATH, *extra_paths):
        section = (yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}).get("arguments") or {}
        for key, words in section.items():
            data[key] = data.get(key, []) + [str(w).lower() for w in words or []]

    def words(key: str) -> frozenset[str]:
        return frozenset(data.get(key, []))

    return ArgumentCues(causal_aid_nouns=words("causal_aid_nouns"), naming_verbs=words("naming_verbs"),
                        speech_nouns=words("speech_nouns"), stance_verbs=words("stance_verbs"),
                        leader_titles=tuple(sorted(data.get("leader_titles", []), key=len, reverse=True)),
                        located_types=frozenset(w.upper() for w in data.get("located_types", [])),
                        crowd_nouns=words("crowd_nouns"), crowd_suffixes=tuple(data.get("crowd_suffixes", [])),
                        institution_nouns=words("institution_nouns"))


def _frame_speaker(sent, actors: Actors, cues: ArgumentCues, reporting: frozenset[str]) -> str | None:
    """The actor a "...:" sentence introduces as speaker ("the main points of X's speech were:", "X said:")."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in cues.speech_nouns:
            for c in tok.children:
                holder = c if c.dep_ == "poss" else (first_child(c, ("pobj",)) if c.dep_ == "prep"
                                                     and c.lower_ in ("of", "by") else None)
                ent = entity_of(holder, actors, allow_pronoun=False)
                if ent:
                    return ent
        elif tok.pos_ == "VERB" and lemma in reporting:
            ent = entity_of(first_child(tok, _SUBJ), actors, allow_pronoun=False)
            if ent:
                return ent
    return None


def framed_speakers(blocks: "list[tuple[int, Doc]]", actors: Actors, cues: ArgumentCues,
                    reporting: frozenset[str]) -> dict[int, str]:
    """id(block parse) -> the speaker whose statement a preceding "...:" paragraph introduces.

    The frame runs over the following paragraphs until one ends with a colon itself, or names
    the speaker again (the narrator speaking about the speaker), or ``MAX_FRAMED_BLOCKS``.
    """
    out: dict[int, str] = {}
    for n, (_, sdoc) in enumerate(blocks):
        sents = list(sdoc.sents)
        if not sents or not sdoc.text.rstrip().endswith(":"):
            continue
        speaker = _frame_speaker(sents[-1], actors, cues, reporting)
        if speaker is None:
            continue
        for _, nxt in blocks[n + 1:n + 1 + MAX_FRAMED_BLOCKS]:
            if nxt.text.rstrip().endswith(":") or any(actors.at(t) == speaker for t in nxt if t.pos_ == "PROPN"):
                break
            out[id(nxt)] = speaker
    return out


def leads(person: Entity, cues: ArgumentCues) -> bool:
    """The person's resolved role is the leadership of a country ("President of X", "Prime Minister")."""
    role = (person.role or "").lower()
    return person.type == "PERSON" and bool(person.country) and role.startswith(cues.leader_titles)


def stance_source(pred: "Token", source: str | None, speaker: str | None, entities: dict[str, Entity],
                  cues: ArgumentCues) -> str | None:
    """A leader stating his own country's stance performs it: "X noted that <X's country> does not recognise ..." -> X.

    Only stance verbs (recognise, support, condemn ...): what the country *does* stays the
    country's ("X said that <country> raised its defence budget").
    """
    if speaker is None or source is None or pred.lemma_.lower() not in cues.stance_verbs:
        return source
    sp, src = entities.get(speaker), entities.get(source)
    if sp and src and src.type == "GPE" and leads(sp, cues) and sp.country == src.country:
        return speaker
    return source


def location_party(pred: "Token", actors: Actors) -> str | None:
    """The country an undertaking takes place in ("production will be launched in Mexico")."""
    tok = pred
    for _ in range(2):  # the predicate, or the verb it completes ("is planned to be launched in")
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                ent = _np_entity(first_child(c, ("pobj",)), actors)
                if ent and actors.types.get(ent) == "GPE":
                    return ent
        if tok.dep_ != "xcomp":
            break
        tok = tok.head
    return None
