"""PLOVER events from the dependency parse and the resolved actors.

For every sentence, predicates are found and typed, then given arguments, a date, a modality,
quantities and a summary:

1. *Typing* (data: ``lexicon/events.yaml``), most specific first: a phrasal verb ("rule out"),
   a negated verb that means a refusal ("does not recognise" -> REJECT), a verb typed by its
   object ("increase the defence budget" -> MOBILIZE), a listed verb, and a verb whose meaning
   comes from its object noun ("held talks", "joined the sanctions", "arrived ... for talks").
   Nominal predicates ("his refusal to accept", "a telephone conversation with X") are typed
   from the noun list or, failing that, by mapping the noun back to a listed verb
   ("condemnation" -> condemn), so the lexicon generalises past its entries.
2. *Restraint*: a predicate nested inside another event's arguments ("thanked him for his
   refusal", "refused to allow X to join") is part of that event, not a new one; and an event
   needs at least one resolved actor.
3. *Arguments*: subject / agent / passive subject / objects, inherited through xcomp, conj and
   advcl; a name inside a noun phrase is found through appositions, compounds and "of" phrases;
   pronouns go to the reporting clause's subject or the nearest earlier actor of a fitting type.
4. *Dates*: a DATE entity attached to the predicate (else one in the sentence not attached to
   another event), resolved by ``nlp.dates.resolve_date`` against the publication date; with no
   publication date a year written elsewhere in the article anchors month/day dates; no date
   evidence gives null.
"""
from __future__ import annotations

import datetime
import logging
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from storyline.config import Settings
from storyline.extract.lexicon import EventLexicon, load_event_lexicon
from storyline.extract.modality import Modality, classify, is_negated, load_modality_lexicon
from storyline.model import Document, Entity, Event, Mention, Span
from storyline.nlp.dates import parse_base, resolve_date, years_in
from storyline.nlp.quantities import find_quantities

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from storyline.nlp.pipeline import Parsed

LOGGER = logging.getLogger(__name__)

#: sentences longer than this (in tokens) are list dumps or glued text, not one statement
MAX_SENT_TOKENS = 120
#: at most this many events from one sentence (a sentence reports one or two acts; more is spray)
MAX_EVENTS_PER_SENTENCE = 3
#: tokens to look back for the antecedent of a pronoun or "the country" (about two sentences)
SALIENCE_WINDOW = 60
_SUBJ = ("nsubj", "csubj")
_OBJ = ("dobj", "dative", "attr", "oprd")
_TARGET_PREPS = ("to", "with", "against", "on", "at", "from", "into", "toward", "towards", "for", "upon", "over")
_NOUN_SOURCE_TYPES = {"MOBILIZE", "AID", "SUPPORT", "CONSULT", "COOPERATE", "AGREE", "REQUEST", "THREATEN",
                      "PROTEST", "REJECT", "RETREAT", "CONCEDE"}
_MALE_FEMALE = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_NEUTER = {"it", "its", "they", "them", "their", "itself", "themselves"}
_CIRCUMSTANTIAL_PREPS = {"during", "after", "before", "at", "in", "following", "amid"}
#: relations through which a predicate with no subject of its own takes its governor's subject
#: ("refused to allow", "joined ... and blocked", "responded by suspending"); not ccomp: a
#: reported clause has its own subject
_INHERIT_RELS = ("xcomp", "conj", "advcl", "pcomp", "compound", "pobj", "prep")
#: how far up the parse to look for that governor
MAX_INHERIT_HOPS = 4

TYPE_PHRASES = {
    "AGREE": "agreed with", "CONSULT": "consulted", "SUPPORT": "supported", "CONCEDE": "made a concession to",
    "COOPERATE": "cooperated with", "AID": "gave aid to", "RETREAT": "retreated from", "REQUEST": "asked",
    "ACCUSE": "accused", "REJECT": "rejected", "THREATEN": "threatened", "PROTEST": "protested against",
    "SANCTION": "sanctioned", "MOBILIZE": "mobilised against", "COERCE": "coerced", "ASSAULT": "attacked",
}


@dataclass
class _Candidate:
    pred: "Token"
    code: str
    nominal: bool = False
    negation_consumed: bool = False
    obj: "Token | None" = None  # the noun that gave a support verb its meaning


class _Actors:
    """Token -> local entity id, through the resolved mentions of one document."""

    def __init__(self, mentions: list[Mention], entities: list[Entity], offset_of: dict[int, int],
                 anaphors: dict[str, str]):
        self.mentions = sorted((m for m in mentions if m.entity), key=lambda m: m.start)
        self.types = {e.id: e.type for e in entities}
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


def _np_entity(tok: "Token", actors: _Actors, depth: int = 0) -> str | None:
    """The actor a noun phrase headed by ``tok`` names ("the government of X", "President, Y")."""
    if tok is None or depth > 3:
        return None
    ent = actors.at(tok)
    if ent:
        return ent
    kids = list(tok.children)
    for rel in ("appos", "compound", "nmod", "poss", "amod"):
        for child in kids:
            if child.dep_ == rel:
                ent = actors.at(child) or (None if rel in ("amod",) else _np_entity(child, actors, depth + 1))
                if ent:
                    return ent
    # "The President of X, Name,": the parser often hangs the apposition on X; the person
    # the whole phrase names wins over the place in its "of" complement
    for g in tok.subtree:
        if g.dep_ == "appos" and g.i > tok.i:
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


def _salient_before(tok: "Token", actors: _Actors, types: set[str]) -> str | None:
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


def _anaphor_entity(tok: "Token", actors: _Actors) -> str | None:
    """A definite description standing for an actor named earlier ("the country", "the organization")."""
    wanted = actors.anaphors.get(tok.lemma_.lower())
    if wanted is None or not any(c.lower_ in ("the", "this", "that") for c in tok.children):
        return None
    if any(c.dep_ in ("compound", "amod", "prep", "poss") for c in tok.children if c.lower_ != "the"):
        return None  # "the Kazakh government", "the government of X": named inside, not an anaphor
    return _salient_before(tok, actors, {wanted})


def _pronoun_entity(tok: "Token", actors: _Actors) -> str | None:
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
                ent = _entity_of(child, actors, allow_pronoun=False)
                if ent:
                    return ent
    wanted = {"PERSON"} if low in _MALE_FEMALE else {"GPE", "ORG", "NORP"}
    return _salient_before(tok, actors, wanted)


def _entity_of(tok: "Token | None", actors: _Actors, *, allow_pronoun: bool = True) -> str | None:
    if tok is None:
        return None
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
        return _pronoun_entity(tok, actors) if allow_pronoun else None
    ent = _np_entity(tok, actors) or _anaphor_entity(tok, actors)
    if ent is None:
        for child in tok.children:  # coordinated subjects: "X and Y met" -> X
            if child.dep_ == "conj":
                return actors.at(child)
    return ent


def _same(a: "Token | None", b: "Token | None") -> bool:
    """Token identity (spaCy makes a new Python object on every access)."""
    return a is not None and b is not None and a.i == b.i


def _child(tok: "Token", rels: Iterable[str]) -> "Token | None":
    rels = tuple(rels)
    return next((c for c in tok.children if c.dep_ in rels), None)


def _is_passive(tok: "Token") -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _verb_args(pred: "Token", actors: _Actors, skip: "Token | None",
               lex_inverse: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(source, target) of a verbal predicate."""
    source = target = None
    if _is_passive(pred):
        agent = _child(pred, ("agent",))
        if agent is not None:
            source = _entity_of(_child(agent, ("pobj",)), actors)
        target = _entity_of(_child(pred, ("nsubjpass",)), actors)
    else:
        source = _entity_of(_child(pred, _SUBJ), actors)
        for child in pred.children:
            if child.dep_ in _OBJ and not _same(child, skip):
                target = _entity_of(child, actors)
                if target:
                    break
    if target is None:  # "signed an agreement with France": the object's own "with" phrase
        for obj in pred.children:
            if obj.dep_ == "dobj":
                for child in obj.children:
                    if child.dep_ == "prep" and child.lower_ in ("with", "against", "to", "on"):
                        target = target or _entity_of(_child(child, ("pobj",)), actors)
    if target is None:
        for child in list(pred.children) + ([skip] if skip is not None else []):
            if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS or _same(child, skip):
                for g in child.children:
                    if g.dep_ == "prep" and g.lower_ in _TARGET_PREPS and _same(child, skip):
                        target = _entity_of(_child(g, ("pobj",)), actors)
                    elif g.dep_ == "pobj" and not _same(child, skip):
                        target = _entity_of(g, actors)
                    if target:
                        break
            if target:
                break
    # no subject of its own: "Kazakhstan joined ... and blocked ...", "refused to allow ...";
    # a passive without its own subject takes the head's subject as its target
    passive = _is_passive(pred)
    tok, hops = pred, 0
    while (target if passive else source) is None and tok.dep_ in _INHERIT_RELS and hops < MAX_INHERIT_HOPS:
        tok, hops = tok.head, hops + 1
        subj = _child(tok, (*_SUBJ, "nsubjpass")) if tok.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            if passive:
                target = _entity_of(subj, actors)
            else:
                source = _entity_of(subj, actors)
            break
    if pred.lemma_.lower() in lex_inverse:
        source, target = target, source
    return source, target


def _noun_args(noun: "Token", code: str, actors: _Actors, *, climb: bool = True) -> tuple[str | None, str | None]:
    """(source, target) of a nominal predicate ("his refusal", "conversation with X")."""
    source = target = None
    of_ent = None
    for child in noun.children:
        if child.dep_ == "poss":
            source = source or _entity_of(child, actors)
        elif child.dep_ in ("amod", "compound", "nmod") and actors.at(child) and climb:
            source = source or actors.at(child)
        elif child.dep_ == "prep":
            pobj = _child(child, ("pobj",))
            if child.lower_ == "by":
                source = _entity_of(pobj, actors) or source
            elif child.lower_ == "of":
                of_ent = _entity_of(pobj, actors)
            elif child.lower_ in _TARGET_PREPS and target is None:
                target = _entity_of(pobj, actors)
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
            source, _ = _verb_args(head, actors, None)
    return source, target


def _military(tok: "Token") -> bool:
    words = {t.lemma_.lower() for t in tok.subtree} | {tok.lemma_.lower()}
    return bool(words & {"army", "military", "defence", "defense", "troop", "force", "arm", "weapon"})


def _type_verb(tok: "Token", lex: EventLexicon, neg: bool) -> _Candidate | None:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "advmod"):
            code = lex.particles.get(f"{lemma} {child.lower_}")
            if code:
                return _Candidate(tok, code)
    if lemma in lex.with_object and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
        # "demonstrates that ...", "demonstrated its strength": not a protest
        code = lex.with_object[lemma]
        return _Candidate(tok, code) if code else None
    if neg and lemma in lex.negated:
        return _Candidate(tok, lex.negated[lemma], negation_consumed=True)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    # "sent $500 million in military aid": the object's own "in/of" phrase names the thing
    objs += [g for o in list(objs) for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
             for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ == "compound" and tok.tag_ == "VBG":  # mis-parsed gerund: "by suspending permits"
        objs.append(tok.head)
    if tok.dep_ == "xcomp" and _is_passive(tok):  # "production is planned to be launched"
        objs += [c for c in tok.head.children if c.dep_ == "nsubjpass"]
    for frame in lex.frames:
        if lemma in frame.verbs:
            for obj in objs:
                if obj.lemma_.lower() in frame.objects and (not frame.require_military or _military(obj)):
                    return _Candidate(tok, frame.code, obj=obj)
    if lemma in lex.verbs:
        return _Candidate(tok, lex.verbs[lemma])
    if lemma in lex.support_verbs or tok.pos_ == "VERB":
        for child in tok.children:
            cands = [child] if child.dep_ in ("dobj", "attr") else []
            if child.dep_ == "prep" and child.lower_ in ("for", "in"):
                cands = [g for g in child.children if g.dep_ == "pobj"]
            for obj in cands:
                code = lex.lookup_noun(obj.lemma_.lower()) if obj.pos_ == "NOUN" else None
                if code and (lemma in lex.support_verbs or obj.lemma_.lower() in lex.nouns):
                    return _Candidate(tok, _with_noun_mode(code, obj, lex), obj=obj)
    return None


def _with_noun_mode(code: str, noun: "Token", lex: EventLexicon) -> str:
    for child in noun.children:
        mode = lex.noun_modes.get(child.lemma_.lower()) if child.dep_ in ("compound", "amod") else None
        if mode:
            return f"{code.split('/')[0]}/{mode}"
    return code


def _candidates(sent, lex: EventLexicon, mlex) -> list[_Candidate]:
    out: list[_Candidate] = []
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") or (tok.tag_ == "VBG" and tok.dep_ == "compound"):
            cand = _type_verb(tok, lex, is_negated(tok, mlex))
            if cand:
                out.append(cand)
        elif tok.pos_ == "NOUN":
            code = lex.lookup_noun(tok.lemma_.lower())
            if code and tok.lemma_.lower() in lex.with_complement and any(
                    c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.children):
                code = lex.with_complement[tok.lemma_.lower()]  # "calls to harden", "a call for talks"
            if code and _nominal_ok(tok):
                out.append(_Candidate(tok, _with_noun_mode(code, tok, lex), nominal=True))
    used = {id(c.obj) for c in out if c.obj is not None}
    out = [c for c in out if not (c.nominal and id(c.pred) in used)]
    return _drop_embedded(out)


def _nominal_ok(tok: "Token") -> bool:
    """A nominal predicate needs its own argument (possessor, "of/by/with/against" phrase) or a NORP modifier."""
    for child in tok.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "by", "with", "against", "on", "to", "between"):
            return True
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
            return True
    return False


def _drop_embedded(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop predicates inside another event's arguments (coordinated and circumstantial ones stay)."""
    preds = {c.pred.i for c in cands}
    keep = []
    for c in cands:
        tok, embedded = c.pred, False
        while tok.head.i != tok.i:
            head = tok.head
            if head.i in preds:
                sibling = tok.dep_ == "conj" or any(t.dep_ == "advcl" for t in [c.pred, *_path(c.pred, head)][:-1])
                circumstantial = any(t.dep_ == "prep" and t.lower_ in _CIRCUMSTANTIAL_PREPS
                                     for t in [c.pred, *_path(c.pred, head)])
                embedded = not (sibling or circumstantial)
                break
            tok = head
        if not embedded:
            keep.append(c)
    return keep


def _path(tok: "Token", top: "Token") -> list["Token"]:
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def _date_for(pred: "Token", sent, cand_preds: set[int], base, base_precision) -> tuple[str | None, str | None]:
    attached, loose = [], []
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        tok, owner = ent.root, None
        while tok.head.i != tok.i:
            tok = tok.head
            if tok.i in cand_preds or tok.i == pred.i:
                owner = tok
                break
        if owner is not None and owner.i == pred.i:
            attached.append(ent)
        elif owner is None:
            loose.append(ent)
    for ent in attached + loose:
        iso, precision = resolve_date(ent.text, base, base_precision=base_precision)
        if iso:
            return iso, precision
    return None, None


def _doc_base(doc: Document) -> tuple[datetime.date | None, str | None]:
    """Publication date as a base; failing it, the most frequent year written in the article."""
    base, precision = parse_base(doc.published, doc.published_precision)
    if base is not None and precision != "uncertain":
        return base, precision
    years = Counter(years_in(doc.body_view()))
    if years:
        year = years.most_common(1)[0][0]
        return datetime.date(year, 12, 31), "year"
    return None, None


def _summary(ev: Event, names: dict[str, str], speaker: str | None) -> str:
    src = names.get(ev.source or "", "Someone")
    tgt = names.get(ev.target or "", "")
    verb = TYPE_PHRASES.get(ev.type, ev.type.lower())
    text = f"{src} {verb}{' ' + tgt if tgt else ''}"
    if ev.mode:
        text += f" ({ev.mode})"
    if ev.date:
        text += f" on {ev.date}"
    if ev.modality != "asserted":
        text += f" [{ev.modality}{' by ' + speaker if speaker else ''}]"
    return text + "."


def extract_events(doc: Document, parsed: "Parsed", mentions: list[Mention], entities: list[Entity],
                   settings: Settings) -> list[Event]:
    """PLOVER events of one document.

    Args:
        doc: the document (raw text, publication date).
        parsed: its spaCy parse, block by block with raw offsets.
        mentions: resolved mentions (``entity`` = local entity id).
        entities: the document's local entities.
        settings: ``event_lexicon_paths`` extends the shipped lexicon.

    Returns:
        Events with type, mode, source/target entity ids, date, modality, quantities, summary and
        the sentence as evidence.
    """
    lex = load_event_lexicon(tuple(settings.event_lexicon_paths))
    mlex = load_modality_lexicon()
    actors = _Actors(mentions, entities, {id(sdoc): off for off, sdoc in parsed.blocks}, lex.anaphors)
    names = {e.id: e.name for e in entities}
    base, base_precision = _doc_base(doc)
    events: list[Event] = []
    for offset, sent in parsed.spacy_sentences():
        if len(sent) > MAX_SENT_TOKENS:
            continue
        cands = _candidates(sent, lex, mlex)
        cand_preds = {c.pred.i for c in cands}
        seen: set[tuple] = set()
        n_sent = 0
        for cand in cands:
            if cand.nominal:
                if _noun_args(cand.pred, cand.code, actors, climb=False) == (None, None):
                    continue  # a nominal event names at least one of its own actors
                source, target = _noun_args(cand.pred, cand.code, actors)
            else:
                source, target = _verb_args(cand.pred, actors, cand.obj, lex.inverse_verbs)
                if cand.obj is not None and cand.obj.dep_ in ("dobj", "attr"):
                    # "announced her refusal": the noun's own possessor is the actor
                    n_source, n_target = _noun_args(cand.obj, cand.code, actors, climb=False)
                    source, target = n_source or source, target or n_target
            if target == source:
                target = None
            if source is None and target is None:
                continue
            etype, _, mode = cand.code.partition("/")
            key = (etype, source, target)
            if key in seen or n_sent >= MAX_EVENTS_PER_SENTENCE:
                continue
            seen.add(key)
            n_sent += 1
            mod: Modality = classify(cand.pred, mlex, negation_consumed=cand.negation_consumed)
            speaker = _entity_of(mod.speaker, actors) if mod.speaker is not None else None
            date, precision = _date_for(cand.pred, sent, cand_preds, base, base_precision)
            lead = len(sent.text) - len(sent.text.lstrip())
            start = offset + sent.start_char + lead
            end = start + len(sent.text.strip())
            sub = list(cand.pred.subtree)
            q_start, q_end = offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1].text)
            ev = Event(
                id=f"{doc.id}/v{len(events) + 1}", type=etype, source=source, target=target,
                date=date, date_precision=precision, modality=mod.value,
                attributed_to=speaker if mod.value == "reported" else None,
                quantities=find_quantities(doc.raw[q_start:q_end]),
                evidence=[Span(doc.id, start, end, doc.raw[start:end])], mode=mode or None, doc=doc.id)
            ev.summary = _summary(ev, names, names.get(speaker or ""))
            events.append(ev)
    LOGGER.debug("%s: %d events", doc.id, len(events))
    return events
