"""Which resolved actor a token or noun phrase names: mentions, role phrases, pronouns, anaphors.

A name inside a noun phrase is found through appositions, compounds and "of" phrases; pronouns go
to the reporting clause's subject or the nearest earlier actor of a fitting type; a relative pronoun
to the noun its clause modifies. A possessive on a nominalised event ("the press office of the prime
minister announced *his* refusal") goes to the person the governing clause's subject names, before
any earlier subject.
"""
from __future__ import annotations

import bisect
import itertools
import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from storyline.model import Entity, Mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

LOGGER = logging.getLogger(__name__)

#: tokens to look back for the antecedent of a pronoun or "the country" (about two sentences)
SALIENCE_WINDOW = 60
#: dependency labels of an active clause's subject
SUBJECT_DEPS = ("nsubj", "csubj")
_MALE_FEMALE = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_NEUTER = {"it", "its", "they", "them", "their", "itself", "themselves"}
#: words that open a relative clause ("the ministry, which said ..."): their antecedent is the actor
RELATIVE_PRONOUNS = {"which", "who", "that", "whom", "whose"}
#: how far up the parse to look for a governing clause or verb
MAX_INHERIT_HOPS = 4
#: nouns that stand for a country's leader in a role phrase ("the X president", "his X counterpart")
ROLE_HEADS = frozenset({"president", "premier", "chancellor", "leader", "king", "queen", "emir", "counterpart",
                        "guest", "host"})
#: words before an apposition that contrast it with its head ("the member states, not just X")
_CONTRAST = frozenset({"not", "rather", "unlike", "except", "excluding"})


class Actors:
    """Token -> local entity id, through the resolved mentions of one document."""

    def __init__(self, mentions: list[Mention], entities: list[Entity], offset_of: dict[int, int],
                 anaphors: dict[str, str], leader_titles: tuple[str, ...] = (),
                 blocks: Sequence[tuple[int, Any]] = ()):
        self.mentions = sorted((m for m in mentions if m.entity), key=lambda m: m.start)
        self.types = {e.id: e.type for e in entities}
        self.countries = {e.id: e.country for e in entities if e.country}
        #: unnamed actors (groups, descriptions): a feature of the role ranker
        self.generic = {e.id for e in entities if e.generic}
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
        # id(spacy doc) -> the block parse before it (a paragraph-opening pronoun's antecedent is there)
        ordered = [sdoc for _, sdoc in sorted(blocks, key=lambda b: b[0])]
        self.previous = {id(b): a for a, b in itertools.pairwise(ordered)}
        # for ``at``: the mention starts, and the furthest end among the mentions up to each one
        self._starts = [m.start for m in self.mentions]
        self._reach = list(itertools.accumulate((m.end for m in self.mentions), max))

    def _raw(self, tok: Token) -> int:
        return self.offset_of[id(tok.doc)] + tok.idx

    def at(self, tok: Token) -> str | None:
        """The entity of the first mention (by start) covering the token, if any."""
        pos = self._raw(tok)
        # the first mention ending after pos is the first whose running furthest end passes pos;
        # it covers pos when it starts at or before it
        j = bisect.bisect_right(self._reach, pos)
        if j < len(self._starts) and self._starts[j] <= pos:
            return self.mentions[j].entity
        return None

    def before(self, tok: Token, types: set[str]) -> str | None:
        """The entity of the nearest mention of a fitting type before the token."""
        pos = self._raw(tok)
        best = None
        for m in self.mentions:
            if m.start >= pos:
                break
            if self.types.get(m.entity or "") in types:
                best = m.entity
        return best


def np_entity(tok: Token | None, actors: Actors, depth: int = 0) -> str | None:
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
                ent = actors.at(child) or (None if rel in ("amod",) else np_entity(child, actors, depth + 1))
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
                    ent = np_entity(g, actors, depth + 1)
                    if ent:
                        return ent
    return None


def _owned_institution(pron: Token, actors: Actors) -> str | None:
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


def _role_title(tok: Token) -> str | None:
    """The leader title a noun heads ("president", "prime minister", "head of state", "guest"), if any."""
    lemma = tok.lemma_.lower()
    if lemma == "minister" and any(c.lower_ == "prime" for c in tok.children):
        return "prime minister"
    if lemma == "head":
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = first_child(of, ("pobj",)) if of is not None else None
        return f"head of {pobj.lower_}" if pobj is not None and pobj.lower_ in ("state", "government") else None
    return lemma if lemma in ROLE_HEADS else None


def _role_person(tok: Token, actors: Actors) -> str | None:
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


def _contrasted(head: Token, appos: Token) -> bool:
    """An apposition set against its head ("the member states, not just X"): X is not the head's actor."""
    lo, hi = sorted((head.i, appos.left_edge.i))
    return any(t.lower_ in _CONTRAST for t in head.doc[lo + 1:hi + 1])


def _salient_before(tok: Token, actors: Actors, types: set[str]) -> str | None:
    """The nearest earlier subject naming an actor of a fitting type (same block), else the nearest actor."""
    sdoc = tok.doc
    for i in range(tok.i - 1, max(-1, tok.i - SALIENCE_WINDOW), -1):
        cand = sdoc[i]
        if cand.dep_ in ("nsubj", "nsubjpass") or (cand.head.dep_ in ("nsubj", "nsubjpass")
                                                   and cand.dep_ in ("appos", "compound")):
            ent = actors.at(cand)
            if ent and actors.types.get(ent) in types:
                return ent
    # only a pronoun with no subject before it in its paragraph looks back past the paragraph
    opening = not any(t.dep_ in ("nsubj", "nsubjpass") for t in sdoc[:tok.i])
    prev = actors.previous.get(id(sdoc)) if opening else None
    if prev is not None and len(prev):
        # "The federation demanded that Congress withdraw the bill, which would ... a state company. / It
        # warned ...": a pronoun opening a paragraph continues the last sentence's main subject, not its
        # last-named actor
        last = prev[len(prev) - 1].sent
        subjects = [c for c in last.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        for cand in subjects:
            ent = np_entity(cand, actors)
            if ent and actors.types.get(ent) in types:
                return ent
    return actors.before(tok, types)


def _anaphor_entity(tok: Token, actors: Actors) -> str | None:
    """A definite description standing for an actor named earlier ("the country", "the organization")."""
    wanted = actors.anaphors.get(tok.lemma_.lower())
    if wanted is None or not any(c.lower_ in ("the", "this", "that") for c in tok.children):
        return None
    if any(c.dep_ in ("compound", "amod", "prep", "poss") for c in tok.children if c.lower_ != "the"):
        return None  # "the Kazakh government", "the government of X": named inside, not an anaphor
    return _salient_before(tok, actors, {wanted})


def _pronoun_entity(tok: Token, actors: Actors) -> str | None:
    """Resolve a pronoun: the reporting clause's subject first, else the nearest fitting actor."""
    low = tok.lower_
    if low not in _MALE_FEMALE and low not in _NEUTER:
        return None
    clause = tok.head
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ in ("ccomp", "parataxis") and clause.head.i != clause.i:
        for child in clause.head.children:
            if child.dep_ in SUBJECT_DEPS and child.i != tok.i:
                ent = entity_of(child, actors, allow_pronoun=False)
                if ent:
                    return ent
    wanted = {"PERSON"} if low in _MALE_FEMALE else {"GPE", "ORG", "NORP"}
    if tok.tag_ == "PRP$":
        ent = _clause_agent(tok, actors, wanted)
        if ent:
            return ent
    return _salient_before(tok, actors, wanted)


def _clause_agent(tok: Token, actors: Actors, wanted: set[str]) -> str | None:
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


def _relative_entity(tok: Token, actors: Actors) -> str | None:
    """A relative pronoun stands for the noun its clause modifies ("the regime, which was saved ...")."""
    clause = tok.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    return entity_of(clause.head, actors, allow_pronoun=False)


def entity_of(tok: Token | None, actors: Actors, *, allow_pronoun: bool = True) -> str | None:
    if tok is None:
        return None
    if tok.lower_ in RELATIVE_PRONOUNS and tok.tag_ in ("WDT", "WP", "WP$"):
        return _relative_entity(tok, actors)
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
        return _pronoun_entity(tok, actors) if allow_pronoun else None
    ent = np_entity(tok, actors) or _anaphor_entity(tok, actors)
    if ent is None:
        for child in tok.children:  # coordinated subjects: "X and Y met" -> X
            if child.dep_ == "conj":
                return actors.at(child)
    return ent


def first_child(tok: Token, rels: Iterable[str]) -> Token | None:
    rels = tuple(rels)
    return next((c for c in tok.children if c.dep_ in rels), None)
