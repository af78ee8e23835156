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
3. *Arguments* (``extract/arguments.py``): subject / agent / objects, pronouns, role phrases,
   causal agents of passives. An event noun that a verb only names ("call the invasion a war")
   or a sitting of a named forum is no event. A speech a "...:" paragraph introduces attributes
   the paragraphs after it to its speaker; a leader stating his own country's stance is its source.
4. *Dates*: a DATE entity attached to the predicate (else one in the sentence not attached to
   another event), resolved by ``nlp.dates.resolve_date`` against the publication date; with no
   publication date a year written elsewhere in the article anchors month/day dates; no date
   evidence gives null.
"""
from __future__ import annotations

import datetime
import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storyline.clean.inline import parse_wire_dateline
from storyline.config import Settings
from storyline.data.plover import quad_classes
from storyline.extract.arguments import (
    Actors,
    ArgumentCues,
    causal_phrase,
    coordinated_partner,
    crowd_subject,
    entity_of,
    first_child,
    framed_speakers,
    inanimate_agent,
    is_passive,
    led_by,
    load_argument_cues,
    location_party,
    noun_args,
    stance_source,
    verb_args,
)
from storyline.extract.lexicon import EventLexicon, load_event_lexicon
from storyline.extract.modality import Modality, classify, is_negated, load_modality_lexicon
from storyline.extract.roles import Descriptions, Descriptors, RoleCandidate, choose_roles, load_role_model
from storyline.model import Document, Entity, Event, Mention, Span
from storyline.nlp.dates import (
    MONTHS,
    TENSE_TIME,
    WEEKDAYS,
    anaphoric_days,
    parse_base,
    resolve_date,
    verb_tense,
    years_in,
)
from storyline.nlp.quantities import find_quantities
from storyline.nlp.tokens import BlockTokens, read_tokens
from storyline.resolve.groups import group_sectors

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from storyline.nlp.pipeline import Parsed

LOGGER = logging.getLogger(__name__)

#: sentences longer than this (in tokens) are list dumps or glued text, not one statement
MAX_SENT_TOKENS = 120
#: at most this many events from one sentence (a sentence reports one or two acts; more is spray)
MAX_EVENTS_PER_SENTENCE = 3
_CIRCUMSTANTIAL_PREPS = {"during", "after", "before", "at", "in", "following", "amid"}
#: entity types that name no actor: a forum or a war does not act
NON_ACTOR_TYPES = frozenset({"EVENT"})
#: entity types that can act or be acted upon in a political event; a river, a region or a
#: product ("LOC", "MISC") is a place or a thing ("cut the flow of the river" sanctions nobody)
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: types whose target may also be a place: an attack on a town, the occupation of a region
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
#: types whose coordinated subjects act with each other ("A and B met" -> A with B)
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
#: types a crowd performs without a named actor ("thousands of farmers marched")
CROWD_TYPES = frozenset({"PROTEST"})

#: how a summary says each type: (with a target, without one)
TYPE_PHRASES = {
    "AGREE": ("agreed with", "agreed"), "CONSULT": ("consulted", "held consultations"),
    "SUPPORT": ("supported", "expressed support"), "CONCEDE": ("made a concession to", "made a concession"),
    "COOPERATE": ("cooperated with", "cooperated"), "AID": ("gave aid to", "gave aid"),
    "RETREAT": ("retreated from", "retreated"), "REQUEST": ("asked", "made a request"),
    "ACCUSE": ("accused", "made an accusation"), "REJECT": ("rejected", "refused"),
    "THREATEN": ("threatened", "made a threat"), "PROTEST": ("protested against", "protested"),
    "SANCTION": ("sanctioned", "imposed a sanction"), "MOBILIZE": ("mobilised against", "mobilised"),
    "COERCE": ("coerced", "used coercion"), "ASSAULT": ("attacked", "used force"),
}


@dataclass
class EventCandidate:
    """A typed predicate of a sentence, before its arguments are found (not a model record)."""
    pred: Token
    code: str
    nominal: bool = False
    negation_consumed: bool = False
    obj: Token | None = None  # the noun that gave a support verb its meaning
    #: typed by a trained decision, not by the lexicon: the lexicon's host-verb rules ("X welcomed Y" is
    #: Y's visit) belong to its own reading and apply only when the decision is that reading (CONSULT)
    decided: bool = False


def _military(tok: Token) -> bool:
    words = {t.lemma_.lower() for t in tok.subtree} | {tok.lemma_.lower()}
    return bool(words & {"army", "military", "defence", "defense", "troop", "force", "arm", "weapon"})


def _frame_object(obj: Token, objects: frozenset[str]) -> bool:
    """A frame object: a listed lemma, or "@LABEL" for a named-entity label ("@MONEY": "$35 million")."""
    return obj.lemma_.lower() in objects or (bool(obj.ent_type_) and f"@{obj.ent_type_}" in objects)


def type_verb(tok: Token, lex: EventLexicon, neg: bool) -> EventCandidate | None:
    """The event a verb reports, from its particle, its object or its lemma (``neg``: it is negated)."""
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "advmod"):
            phrase = f"{lemma} {child.lower_}"
            code = lex.particles.get(phrase)
            if code:
                return EventCandidate(tok, _particle_frame(tok, child, phrase, lex) or code)
    if lemma in lex.with_object and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
        # "demonstrates that ...", "demonstrated its strength": not a protest; but a support
        # verb keeps its noun's meaning ("struck a deal", "staged a rally")
        obj = first_child(tok, ("dobj",))
        noun_code = lex.lookup_noun(obj.lemma_.lower()) if obj is not None and obj.pos_ == "NOUN" else None
        if noun_code and obj is not None and lemma in lex.support_verbs:
            return EventCandidate(tok, with_noun_mode(noun_code, obj, lex), obj=obj)
        code = lex.with_object[lemma]
        return EventCandidate(tok, code) if code else None
    if neg and lemma in lex.negated:
        return EventCandidate(tok, lex.negated[lemma], negation_consumed=True)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    # "sent $500 million in military aid": the object's own "in/of" phrase names the thing
    objs += [g for o in list(objs) for c in o.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
             for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ == "compound" and tok.tag_ == "VBG":  # mis-parsed gerund: "by suspending permits"
        objs.append(tok.head)
    if tok.dep_ == "xcomp" and is_passive(tok):  # "production is planned to be launched"
        objs += [c for c in tok.head.children if c.dep_ == "nsubjpass"]
    for frame in lex.frames:
        if lemma in frame.verbs:
            for obj in objs:
                if _frame_object(obj, frame.objects) and (not frame.require_military or _military(obj)):
                    return EventCandidate(tok, frame.code, obj=obj)
    if lemma in lex.verbs:
        return EventCandidate(tok, lex.verbs[lemma])
    if lemma in lex.support_verbs or tok.pos_ == "VERB":
        for child in tok.children:
            cands = [child] if child.dep_ in ("dobj", "attr") else []
            if child.dep_ == "prep" and child.lower_ in ("for", "in"):
                cands = [g for g in child.children if g.dep_ == "pobj"]
            for obj in cands:
                code = lex.lookup_noun(obj.lemma_.lower()) if obj.pos_ == "NOUN" else None
                if code and lemma in lex.support_verbs:
                    return EventCandidate(tok, with_noun_mode(code, obj, lex), obj=obj)
    return None


def _particle_frame(tok: Token, particle: Token, phrase: str, lex: EventLexicon) -> str | None:
    """A frame's type for a phrasal verb by what it is done to: "walked out of the talks" leaves talks (REJECT),
    while "walked out" alone is a strike."""
    objs = [g for c in (tok, particle) for p in c.children if p.dep_ == "prep" and p.i > particle.i
            for g in p.children if g.dep_ == "pobj"]
    for frame in lex.frames:
        if phrase in frame.verbs and any(_frame_object(o, frame.objects) for o in objs):
            return frame.code
    return None


def with_noun_mode(code: str, noun: Token, lex: EventLexicon) -> str:
    """``code`` with the mode a modifier of the noun gives it ("armed clashes")."""
    for child in noun.children:
        mode = lex.noun_modes.get(child.lemma_.lower()) if child.dep_ in ("compound", "amod") else None
        if mode:
            return f"{code.split('/', maxsplit=1)[0]}/{mode}"
    return code


def event_candidates(sent, lex: EventLexicon, mlex, cues: ArgumentCues,
                     toks: BlockTokens | None = None) -> list[EventCandidate]:
    """Typed predicates of one sentence; ``toks``: its block's token attributes (read here if not given)."""
    toks = toks if toks is not None else read_tokens(sent.doc)
    sdoc = sent.doc
    pos, tag, dep, lemmas = toks.pos, toks.tag, toks.dep, toks.lemma
    out: list[EventCandidate] = []
    # the attribute lists decide which tokens can be predicates; only those become Token objects
    for i in range(sent.start, sent.end):
        lemma = lemmas[i]
        if pos[i] in ("VERB", "AUX") or (tag[i] == "VBG" and dep[i] == "compound"):
            if lemma not in lex.verb_lemmas:
                continue  # no verb rule names it (checked first: the rules below walk the parse)
            tok = sdoc[i]
            cand = type_verb(tok, lex, is_negated(tok, mlex))
            if cand and cand.obj is not None and lemma in cues.naming_verbs:
                continue  # "call the invasion a war" names an event; it does not report one
            if cand:
                out.append(cand)
        elif pos[i] == "NOUN":
            code = lex.lookup_noun(lemma)
            if not code:
                continue
            tok = sdoc[i]
            if lemma in lex.with_complement and any(
                    c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ == "for")
                    for c in tok.children):
                code = lex.with_complement[lemma]  # "calls to harden", "a call for talks"
            if code and dep[i] in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in cues.naming_verbs:
                continue  # "call the invasion a war": a reference to the event, not a report of it
            if code and causal_phrase(tok) and lemma in cues.causal_aid_nouns:
                code = "AID"  # "overcome thanks to the support of N": help that did something
            if code and nominal_ok(tok):
                out.append(EventCandidate(tok, with_noun_mode(code, tok, lex), nominal=True))
    used = {c.obj.i for c in out if c.obj is not None}
    out = [c for c in out if not (c.nominal and c.pred.i in used)]
    return drop_embedded(out)


def nominal_ok(tok: Token) -> bool:
    """A nominal predicate needs its own argument (possessor, "of/by/with/against" phrase) or a NORP modifier."""
    for child in tok.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "by", "with", "against", "on", "to", "between"):
            return True
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
            return True
    return False


def _is_session(noun: Token, actors: Actors) -> bool:
    """ "the plenary meeting of the Forum": a sitting of a named event, not an act between actors."""
    for child in noun.children:
        holder = child if child.dep_ == "poss" else (
            next((g for g in child.children if g.dep_ == "pobj"), None) if child.dep_ == "prep" and child.lower_ == "of"
            else None)
        ent = entity_of(holder, actors, allow_pronoun=False)
        if ent and actors.types.get(ent) in NON_ACTOR_TYPES:
            return True
    return False


def drop_embedded(cands: list[EventCandidate]) -> list[EventCandidate]:
    """Drop predicates inside another event's arguments (coordinated and circumstantial ones stay)."""
    cands = drop_consequences(cands)
    preds = {c.pred.i: c.code.split("/")[0] for c in cands}
    return [c for c in cands if _shelter(c, preds) is None]


def drop_under_decided(cands: list[EventCandidate], label: str) -> list[EventCandidate]:
    """Drop the lexicon's proposals inside the arguments of a predicate the trained decision made or retyped.

    The lexicon's own pass (``drop_embedded``) ran before the decision, so a main verb the decision adds
    ("appealed for international help", "offered to meet", "students detained last week were freed")
    did not yet shelter what it governs: a help asked for, a meeting offered or a past arrest naming who
    was freed is part of that act, not a second one. Coordinated and circumstantial predicates stay, and
    so does a proposal of the decided type (the noun of "imposed sanctions" keeps its own arguments).
    ``label``: the decision's type (or NONE).
    """
    decided = {c.pred.i: c.code.split("/")[0] for c in cands if c.decided}
    keep = []
    for c in cands:
        head = None if c.decided or not decided else _shelter(c, decided)
        if head is None or decided[head] == c.code.split("/")[0]:
            keep.append(c)
    return _one_act_for_its_aim(keep, label)


def _one_act_for_its_aim(cands: list[EventCandidate], label: str) -> list[EventCandidate]:
    """An act and the aim it was done for ("gathered ... to denounce the deal", "blocked the highway to
    protest", "telephoned him to thank him") are one act: where the decision's type is one of the two,
    the other goes."""
    def etype(c: EventCandidate) -> str:
        return c.code.split("/")[0]

    def clause_of(c: EventCandidate) -> int:
        # a support verb's event noun ("held a sit-in") stands for its verb's clause
        return c.pred.head.i if c.nominal and c.pred.dep_ in ("dobj", "nsubjpass") else c.pred.i

    drop: set[int] = set()
    for aim in cands:
        if not _purpose_clause(aim.pred):
            continue
        for act in cands:
            if act is aim or clause_of(act) != aim.pred.head.i or (etype(act) == label) == (etype(aim) == label):
                continue
            drop.add(id(act) if etype(aim) == label else id(aim))
    return [c for c in cands if id(c) not in drop]


def _shelter(c: EventCandidate, preds: dict[int, str]) -> int | None:
    """The first of ``preds`` (index -> type) above ``c``'s predicate when it takes that predicate as an
    argument; None when there is none or the predicate is coordinated with it or circumstantial to it."""
    tok = c.pred
    while tok.head.i != tok.i:
        head = tok.head
        if head.i in preds:
            # an adverbial clause is a second act beside its head's, unless it only says what the act was
            # for or on what condition ("appealed for help to shelter families", "until the university
            # reopens"): an aim or a condition has not happened
            sibling = tok.dep_ == "conj" or any(t.dep_ == "advcl" and not _unrealised_clause(t, c.code)
                                                for t in [c.pred, *_path(c.pred, head)][:-1])
            circumstantial = any(t.dep_ == "prep" and t.lower_ in _CIRCUMSTANTIAL_PREPS
                                 for t in [c.pred, *_path(c.pred, head)])
            # "met to discuss", "met and talked": one event of that type per clause
            same_type = preds[head.i] == c.code.split("/")[0] and not c.nominal
            return head.i if same_type or not (sibling or circumstantial) else None
        tok = head
    return None


def drop_consequences(cands: list[EventCandidate]) -> list[EventCandidate]:
    """Drop a participle that tells what another candidate's act did ("staged a strike, cancelling 2,800
    trains", "fired on the crowd, wounding five"): the effect is part of that act, not a second one."""
    # a clause is an event's when its verb is a predicate or its object an event noun ("staged a strike")
    clauses = {c.pred.i for c in cands} | {c.pred.head.i for c in cands
                                            if c.nominal and c.pred.dep_ in ("dobj", "nsubjpass")}
    return [c for c in cands if not (_consequence(c.pred) and c.pred.head.i in clauses)]


def _consequence(pred: Token) -> bool:
    """A participle trailing its clause with no subject or conjunction of its own ("..., killing two",
    "..., halting services"): it tells what the clause's act did, it is not another act."""
    return pred.dep_ == "advcl" and pred.tag_ == "VBG" and pred.i > pred.head.i and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in pred.children)


def _path(tok: Token, top: Token) -> list[Token]:
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


#: dependency labels by which a date modifies a noun, not a clause: "the 1998 treaty" names which
#: treaty, it does not say when the event happened
_NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "poss"})
_YEAR_ONLY = re.compile(r"(?:the\s+)?(?:1[89]|20)\d\d(?:'s|s)?", re.IGNORECASE)


def _clause_head(tok: Token, stop: int) -> Token | None:
    """The predicate ``stop`` or the first verb above ``tok``: the clause a time expression belongs to."""
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i == stop or tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _noun_property(root: Token, own: set[int]) -> bool:
    """A date that modifies a noun other than the event's own ("the 1998 treaty", "the war of 2008")."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif root.dep_ not in _NOUN_MODIFIER_DEPS:
        return False
    return head.pos_ in ("NOUN", "PROPN") and head.i not in own


def _date_for(cand: EventCandidate, sent, cand_preds: set[int],
              dating: _Dating) -> tuple[str | None, str | None, str | None]:
    """The event's ``(date, precision, date_source)``: its own sentence first, then the discourse.

    In the sentence, the date of its own clause, else of a clause that governs it ("said on
    Monday that ..."); a date in another clause (a relative clause, a sibling event) or one that
    only qualifies a noun is background, never the event's date. Without one, ``dating.around``
    looks at the paragraph, the lead, the wire dateline and the day's-news wording.
    """
    pred = cand.pred
    own_toks = {pred.i} | ({cand.obj.i} if cand.obj is not None else set())
    governors = {t.i for t in pred.ancestors}
    # "blocked the road on Monday to protest": a purpose clause happens when the act it serves does,
    # even though that act is an event of its own
    purpose_of = pred.head.i if _purpose_clause(pred) else None
    own, governing, qualifying = [], [], []
    for ent in sent.ents:
        if not _day_time(ent) or dating.in_dateline(ent):
            continue
        clause = _clause_head(ent.root, pred.i)
        mine = clause is None or clause.i == pred.i
        above = not mine and clause is not None and clause.i in governors and \
            (clause.i not in cand_preds or clause.i == purpose_of)
        if _noun_property(ent.root, own_toks):
            # "the January protests were overcome": a month on a noun of the event's clause
            # dates it; a bare year names a thing ("the 1998 treaty", "the 2015 agreement")
            if (mine or above) and not _YEAR_ONLY.fullmatch(ent.text.strip()):
                qualifying.append(ent)
        elif mine:
            own.append(ent)
        elif above:
            governing.append(ent)
    for ent in own + governing + qualifying:
        iso, precision = resolve_date(ent.text, dating.base, base_precision=dating.precision)
        if iso and precision:
            if ent.root.head.lower_ in _SPAN_LIMITS:
                dating.bounds.add((id(sent.doc), sent.start))
            return _ahead(iso, precision, ent.text, _prospect(pred, iso, dating), dating), precision, "sentence"
        shift = anaphoric_days(ent.text)
        anchor = dating.anchor(sent) if shift is not None else None
        if shift is not None and anchor is not None:
            # "a day earlier", "the same day": counted from the day the text dated last, not from publication
            return (anchor + datetime.timedelta(days=shift)).isoformat(), "day", "context"
    if own or dating.points(sent):
        # the clause names its own time ("in spring"), or the sentence dates another of its
        # clauses ("summoned him last week and moved troops"): an earlier date would be a guess
        return None, None, None
    if _quoted(pred, dating.text(sent.doc)):
        return None, None, None  # a quotation speaks in its speaker's time, not the report's
    material = quad_classes().get(cand.code.split("/", 1)[0], "").startswith("material")
    return dating.around(sent, _tense_at(pred), material)


#: typographic quotation marks that open and close; a straight double quote does both
_OPEN_QUOTES = "\u201c\u00ab"
_CLOSE_QUOTES = "\u201d\u00bb"


#: a TIME entity that still names a day ("Wednesday night", "yesterday morning"); "hours", "10 a.m." do not
_DAY_IN_TIME = re.compile(r"\b(" + "|".join(WEEKDAYS) + r"|yesterday|today|tonight|last night)\b", re.IGNORECASE)


def _day_time(ent: SpacySpan) -> bool:
    """A time expression that can date an event: a DATE, or a TIME of a named day ("on Monday night")."""
    return ent.label_ == "DATE" or (ent.label_ == "TIME" and _DAY_IN_TIME.search(ent.text) is not None)


def _purpose_clause(pred: Token) -> bool:
    """An infinitive adverbial clause of purpose ("gathered on Friday to protest", "marched to demand")."""
    return pred.dep_ == "advcl" and pred.head.i != pred.i and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)


#: subordinators of a clause whose act is a condition or a limit, not a fact: "if", "unless", "until"
_CONDITION_MARKS = frozenset({"if", "unless", "until"})


def _unrealised_clause(pred: Token, code: str) -> bool:
    """An adverbial clause of condition, or of a material purpose: what an act depends on or aims at.

    An aim that is an expression (a verbal PLOVER type, or a protest, which is a demonstration) is carried
    out by the act it serves ("blocked the highway to protest", "marched to demand", "called to thank");
    a material aim ("appealed for help to shelter families", "sent troops to retake the town") is not.
    """
    if pred.dep_ != "advcl":
        return False
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in pred.children):
        return True
    etype = code.split("/", 1)[0]
    material = quad_classes().get(etype, "").startswith("material") and etype != "PROTEST"
    return material and _purpose_clause(pred)


def _ahead(iso: str, precision: str, text: str, tense: str | None, dating: _Dating) -> str:
    """A yearless month/day or a weekday said of the future falls after the publication day, not before it.

    ``resolve_date`` reads a yearless "June 1" or "on Thursday" as the last one on or before the base (news
    reports the past); "will ban exports from June 1" in March speaks of the coming June, "will meet on
    Thursday" of the coming Thursday.
    """
    if tense != "future" or precision not in ("day", "month") or dating.base is None or not dating.published \
            or _YEAR_IN_TEXT.search(text) or iso >= dating.base.isoformat()[:len(iso)]:
        return iso
    if precision == "day" and _WEEKDAY_IN_TEXT.search(text) and not _LAST.search(text) \
            and not _MONTH_IN_TEXT.search(text):
        # "will meet on Thursday", said on a Tuesday: the coming Thursday, not the one before
        return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=7)).isoformat()
    if not _MONTH_IN_TEXT.search(text):
        return iso
    year = int(iso[:4]) + 1
    moved = f"{year:04d}{iso[4:]}"
    if precision == "day":
        try:
            datetime.date.fromisoformat(moved)
        except ValueError:  # 29 February
            return iso
    return moved


#: prepositions by which a time bounds a lasting state rather than dating an act
_SPAN_LIMITS = frozenset({"since", "until", "till"})
_YEAR_IN_TEXT = re.compile(r"\b(1[89]|20)\d\d\b")
_WEEKDAY_IN_TEXT = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_LAST = re.compile(r"\b(last|past|previous)\b", re.IGNORECASE)
_MONTH_IN_TEXT = re.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.IGNORECASE)


#: days before publication past which a yearless month date said with "would" is read as the coming one
_WOULD_AHEAD_DAYS = 183


def _prospect(pred: Token, iso: str, dating: _Dating) -> str | None:
    """The clause's tense for placing a yearless date, where "would" looks ahead from a past report as "will"
    does from the present: "said it would block the road again on February 21" (said on February 10).

    Only when the past reading is half a year or more before publication: "said he would resign on
    April 2", published on April 10, speaks of the April 2 just gone."""
    tense = _tense_at(pred)
    if tense is not None or dating.base is None or len(iso) != 10 or \
            not any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in pred.children):
        return tense
    far = (dating.base - datetime.date.fromisoformat(iso)).days > _WOULD_AHEAD_DAYS
    return "future" if far else tense


def _quoted(tok: Token, text: str) -> bool:
    """Whether a token stands inside a quotation opened earlier in its paragraph (``text``: the block's)."""
    before = text[:tok.idx]
    opened = sum(before.count(q) for q in _OPEN_QUOTES) - sum(before.count(q) for q in _CLOSE_QUOTES)
    return opened > 0 or before.count('"') % 2 == 1


def _tense_at(tok: Token) -> str | None:
    """The tense of the clause a predicate heads or, for an event noun, of the verb above it."""
    while tok.pos_ not in ("VERB", "AUX"):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return verb_tense(tok)


@dataclass
class _Point:
    """A date said before an event: a dated event or a date expression, with its clause's tense."""
    iso: str
    precision: str
    tense: str | None


@dataclass
class _Dating:
    """What dates an article's events beyond their own sentence (issue 16, discourse dates).

    ``base``/``precision`` anchor date expressions (the publication date, else a year written in
    the article); ``published`` says the base is a real publication day; ``dateline`` is the
    wire dateline's date; ``lead`` the article's first sentence; ``events`` the dated events so
    far by (paragraph, sentence start).
    """
    base: datetime.date | None
    precision: str | None
    published: bool = False
    dateline: tuple[str, str] | None = None
    lead: SpacySpan | None = None
    #: how many characters of the lead's paragraph parse are a dateline kept in the body ("KYIV, May 2 (X) - ");
    #: its date is the dateline's, never a date of the lead's own clauses
    dateline_chars: int = 0
    events: dict[tuple[int, int], _Point] = field(default_factory=dict)
    #: sentences whose event is dated by where a lasting state began or ends ("had blocked it since Monday"):
    #: that date is the state's, so it dates no act said after it
    bounds: set[tuple[int, int]] = field(default_factory=set)
    #: per block parse, its sentences; per sentence, its time expressions (spaCy rebuilds every token
    #: object each time a doc's sentences or a span's entities are read, and each event asks again)
    _sentences: dict[int, tuple[Any, list[SpacySpan]]] = field(default_factory=dict)
    _texts: dict[int, tuple[Any, str]] = field(default_factory=dict)
    _times: dict[tuple[int, int], tuple[SpacySpan, list[tuple[SpacySpan, Token]]]] = field(default_factory=dict)

    def record(self, sent: SpacySpan, pred: Token, date: str | None, precision: str | None,
               source: str | None) -> None:
        """Remember an event dated by the text (not by dateline or publication) for the sentences after it."""
        if date and precision and source in ("sentence", "context") and (id(sent.doc), sent.start) not in self.bounds:
            self.events[(id(sent.doc), sent.start)] = _Point(date, precision, _tense_at(pred))

    def anchor(self, sent: SpacySpan) -> datetime.date | None:
        """The day an anaphoric time ("a day earlier", "the same day") counts from: the last day an earlier
        sentence of the paragraph names, else the day of the article's last dated event before ``sent``."""
        for prev in reversed([s for s in self.sentences(sent.doc) if s.start < sent.start]):
            days = [p for p in self.points(prev) if p.precision == "day"]
            if days:
                return datetime.date.fromisoformat(days[-1].iso)
        here = (id(sent.doc), sent.start)
        days = [p for key, p in self.events.items() if key != here and p.precision == "day"]
        return datetime.date.fromisoformat(days[-1].iso) if days else None

    def in_dateline(self, ent: SpacySpan) -> bool:
        """True for a date written in the dateline that opens the lead's paragraph."""
        return self.lead is not None and ent.doc is self.lead.doc and ent.start_char < self.dateline_chars

    def text(self, sdoc: Any) -> str:
        """A block parse's text, read once (``Doc.text`` joins every token anew)."""
        held = self._texts.get(id(sdoc))
        if held is None or held[0] is not sdoc:
            held = self._texts[id(sdoc)] = (sdoc, sdoc.text)
        return held[1]

    def sentences(self, sdoc: Any) -> list[SpacySpan]:
        """The sentences of a block parse, read once."""
        held = self._sentences.get(id(sdoc))
        if held is None or held[0] is not sdoc:
            held = self._sentences[id(sdoc)] = (sdoc, list(sdoc.sents))
        return held[1]

    def times(self, sent: SpacySpan) -> list[tuple[SpacySpan, Token]]:
        """A sentence's time expressions that belong to a clause, with that clause's verb (read once)."""
        key = (id(sent.doc), sent.start)
        held = self._times.get(key)
        if held is None or held[0].doc is not sent.doc:
            held = self._times[key] = (sent, [t for t in self.read_times(sent) if not self.in_dateline(t[0])])
        return held[1]

    @staticmethod
    def read_times(sent: SpacySpan) -> list[tuple[SpacySpan, Token]]:
        out = []
        for ent in sent.ents:
            if ent.label_ not in ("DATE", "TIME") or _noun_property(ent.root, set()):
                continue
            if ent.root.head.lower_ in _SPAN_LIMITS:
                continue  # "blocked it since Monday": where a state began or ends, not when a next act happened
            clause = _clause_head(ent.root, -1)
            if clause is not None:  # a verbless line ("Monday, 3 June") has no tense to agree with
                out.append((ent, clause))
        return out

    def points(self, sent: SpacySpan) -> list[_Point]:
        """The dates a sentence offers the sentences after it: its dated event, else its clause-level dates."""
        event = self.events.get((id(sent.doc), sent.start))
        if event is not None:
            return [event]
        out = []
        for ent, clause in self.times(sent):
            iso, precision = resolve_date(ent.text, self.base, base_precision=self.precision)
            if iso and precision:
                out.append(_Point(iso, precision, verb_tense(clause)))
        return out[-1:]

    def agrees(self, point: _Point, tense: str | None) -> bool:
        """Same time as the event's tense, and on the side of the publication day the tense says."""
        if tense is None or point.tense is None or TENSE_TIME[tense] != TENSE_TIME[point.tense]:
            return False
        if self.published and self.base is not None:
            day = self.base.isoformat()[:len(point.iso)]
            if point.iso > day:
                return TENSE_TIME[tense] == "future"
            if point.iso < day:
                return TENSE_TIME[tense] != "future"
        return True

    def around(self, sent: SpacySpan, tense: str | None,
               material: bool = True) -> tuple[str | None, str | None, str | None]:
        """The date of an event its own sentence does not date, with where it came from.

        The nearest earlier sentence of the paragraph that offers a date gives it if the tenses
        agree (a tense change breaks the thread); a paragraph offering none defers to the lead
        sentence for a ``material`` act only; the lead's own events take a wire dateline; failing these, an event in the
        present perfect or progressive is the day's news and takes the publication day.
        """
        is_lead = self.lead is not None and sent.doc is self.lead.doc and sent.start == self.lead.start
        found, own_frame = None, False
        for prev in reversed([s for s in self.sentences(sent.doc) if s.start < sent.start]):
            found = next(iter(self.points(prev)), None)
            # a time the paragraph names but we cannot place ("for years", "that night") is
            # still its own time frame: the lead's date does not reach past it
            own_frame = found is not None or bool(self.times(prev))
            if own_frame:
                break
        # a later paragraph's deed (police detaining, troops moving) carries on the lead's scene; its statements
        # (a demand, a denial, a welcome) are reactions said at a time of their own, which it does not give
        if not own_frame and material and self.lead is not None and sent.doc is not self.lead.doc:
            found = next(iter(self.points(self.lead)), None)
        if found is not None and self.agrees(found, tense):
            return found.iso, found.precision, "context"
        if found is None and is_lead and self.dateline is not None and tense is not None \
                and TENSE_TIME[tense] != "future":
            return self.dateline[0], self.dateline[1], "dateline"
        if self.published and self.base is not None and tense in ("perfect", "progressive"):
            return self.base.isoformat(), "day", "publication"
        return None, None, None


def _fit_roles(etype: str, source: str | None, target: str | None, actors: Actors) -> tuple[str | None, str | None]:
    """Keep only arguments of a plausible actor type (a river is not sanctioned; a town may be shelled)."""
    def fits(ent: str | None, place_ok: bool) -> bool:
        kind = actors.types.get(ent or "")
        if kind is None:
            return True  # an entity the resolver did not type: keep
        return kind in ACTOR_TYPES or (place_ok and kind not in NON_ACTOR_TYPES)
    return (source if fits(source, False) else None,
            target if fits(target, etype in PLACE_TARGET_TYPES) else None)


def _inverse_ok(pred: Token, lex: EventLexicon, actors: Actors) -> bool:
    """A host verb ("received", "welcomed") is a visit only with a guest or a meeting as its object."""
    if pred.lemma_.lower() not in lex.inverse_verbs:
        return True
    obj = first_child(pred, ("dobj",))
    if obj is None:
        return True
    return entity_of(obj, actors) is not None or lex.lookup_noun(obj.lemma_.lower()) is not None


#: participles of an "X, known as Y" phrase, which give the name of the noun they modify
_NAMING_PARTICIPLES = frozenset({"know", "call", "name"})


def _named_apposition(pred: Token, source: str | None, actors: Actors) -> str | None:
    """The named actor an apposition gives a subject that is only a description.

    "His party, the Progressive Alliance, condemned ...", "The federation, known as Agrochile, accused ...":
    the subject's head word resolves to a generic group (or to nothing), while the apposition names it.
    None when the subject already names an actor or no apposition names one.
    """
    subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    # the apposition is said in the clause, so it outweighs what the head word was resolved to; but a
    # source the rules found elsewhere (a passive's agent) is not the subject's
    if subj is None or not (source is None or source in actors.generic or source == actors.at(subj)
                            or source == entity_of(subj, actors)):
        return None
    for child in subj.children:
        names = []
        if child.dep_ == "appos":
            names = [child]
        elif child.dep_ == "acl" and child.lemma_.lower() in _NAMING_PARTICIPLES:
            names = [g for g in child.subtree if g.dep_ in ("pobj", "oprd", "attr") and g.pos_ == "PROPN"]
        for tok in names:
            ent = actors.at(tok)
            if ent is not None and ent not in actors.generic and ent != source:
                return ent
    return None


def _wire_subject(pred: Token, wire: tuple[int, int], offset: int, actors: Actors, source: str | None,
                  target: str | None) -> tuple[str | None, str | None]:
    """The subject the parser hung on a wire dateline kept in the lead ("ASTANA, Oct 7 (Reuters) - Kazakhstan and
    Uzbekistan signed": the city is the verb's subject, the countries a conjunct of the agency): the first actor of
    the subject's phrase outside the dateline, and a conjunct of it as the target when none was found."""
    for subj in pred.children:
        if subj.dep_ not in ("nsubj", "nsubjpass") or not wire[0] <= offset + subj.idx < wire[1]:
            continue
        for tok in subj.subtree:
            ent = entity_of(tok, actors) if offset + tok.idx >= wire[1] else None
            if ent is None:
                continue
            partner = next((entity_of(c, actors) for c in tok.children if c.dep_ == "conj"
                            and entity_of(c, actors) not in (None, ent)), None)
            return ent, target or partner
    return source, target


def _doc_base(doc: Document, parsed: Parsed | None = None) -> _Dating:
    """The article's dating: publication date as a base, failing it the most frequent year written
    in the article; the wire dateline's date and the lead sentence when ``parsed`` is given."""
    base, precision = parse_base(doc.published, doc.published_precision)
    if base is None or precision == "uncertain":
        years = Counter(years_in(doc.body_view()))
        base, precision = (datetime.date(years.most_common(1)[0][0], 12, 31), "year") if years else (None, None)
    dating = _Dating(base, precision, published=precision == "day")
    # a dateline opens the first paragraph (and stays in the body) or stands alone on its line (removed as a
    # dateline); its pattern looks one character past a removed one, at what follows it
    spans = [(r.start, r.end + 1) for r in doc.removed if r.reason == "dateline"]
    lead_block = [(b.start, b.end) for b in sorted(doc.blocks, key=lambda b: b.start)[:1]]
    spans += lead_block
    in_body = None
    for start, end in sorted(spans):
        found = parse_wire_dateline(doc.raw[start:end])
        if found is not None and (start, end) in lead_block:
            # an undated dateline ("KYIV (AP) - ") names no day but still the place and agency of the filing
            in_body = start + found[0]
        if found is not None and found[1]:
            iso, iso_precision = resolve_date(found[1], base, base_precision=precision)
            if iso and iso_precision:
                dating.dateline = (iso, iso_precision)
            break
    if parsed is not None and parsed.blocks:
        dating.lead = next(iter(parsed.blocks[0][1].sents), None)
        if in_body is not None:
            dating.dateline_chars = max(0, in_body - parsed.blocks[0][0])
    return dating


def summarize(ev: Event, names: dict[str, str]) -> str:
    """A one-line summary from the event's fields; ``names`` maps entity ids to names."""
    src = names.get(ev.source or "", "Someone")
    tgt = names.get(ev.target or "", "")
    speaker = names.get(ev.attributed_to or "")
    with_target, alone = TYPE_PHRASES.get(ev.type, (ev.type.lower(), ev.type.lower()))
    text = f"{src} {with_target} {tgt}" if tgt else f"{src} {alone}"
    if ev.mode:
        text += f" ({ev.mode})"
    if ev.date:
        text += f" on {ev.date}"
    if ev.modality != "asserted":
        text += f" [{ev.modality}{' by ' + speaker if speaker else ''}]"
    return text + "."


#: A sentence decision: (label, probability) for each (sentence text, lexicon codes) of a document.
Decide = Callable[[Sequence[str], Sequence[Sequence[str]]], list[tuple[str, float]]]

#: How sure a trained decision must be to overrule the lexicon. Fixed from the written training data's
#: cross-validation (scripts/train_events.py prints it), never from a test set: dropping what the
#: lexicon found needs a confident NONE; a new event where the lexicon found none needs a confident type.
DROP_P = 0.75
RETYPE_P = 0.5
ADD_P = 0.6


def _main_predicate(sent: SpacySpan, reporting: frozenset[str]) -> Token | None:
    """The sentence's main verb: its root when that is a verb, else its first verb; in reported
    speech ("X said Y had moved troops") the verb of what was reported, not the verb of saying."""
    root = sent.root
    pred = root if root.pos_ in ("VERB", "AUX") else next((t for t in sent if t.pos_ == "VERB"), None)
    while pred is not None and pred.lemma_.lower() in reporting:
        said = next((c for c in pred.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")), None)
        if said is None:
            break
        pred = said
    return pred


def decided_candidates(sent: SpacySpan, cands: list[EventCandidate], label: str, p: float,
                       reporting: frozenset[str] = frozenset()) -> list[EventCandidate]:
    """The candidates a trained sentence decision leaves: ``label`` is NONE or a PLOVER type.

    A confident NONE drops the lexicon's proposals; a type the lexicon also proposed goes first; a
    confident type the lexicon did not propose belongs to the main clause: the proposal on the main
    verb is retyped, or the main verb becomes a predicate of that type (its arguments are found as for
    any verb), ahead of the other proposals.
    """
    if label == "NONE":
        return [] if p >= DROP_P else cands
    same = [c for c in cands if c.code.split("/", 1)[0] == label]
    if same:
        ordered = same + [c for c in cands if c not in same]
        main = _main_predicate(sent, reporting) if p >= RETYPE_P and all(c.nominal for c in same) else None
        if main is not None and all(c.pred.i != main.i for c in cands):
            # "X imposed sanctions on Y": the noun names no actor of its own; its clause's verb does
            ordered.append(EventCandidate(main, same[0].code, decided=True))
        return ordered
    if p < (RETYPE_P if cands else ADD_P):
        return cands
    # the sentence's type is its main clause's: retype the proposal there, or make the main verb one
    main = _main_predicate(sent, reporting)
    at_main = next((c for c in cands if main is not None and c.pred.i == main.i), None)
    if at_main is not None:
        retyped = EventCandidate(at_main.pred, label, at_main.nominal, at_main.negation_consumed, at_main.obj,
                                 decided=True)
        return [retyped, *(c for c in cands if c is not at_main)]
    if main is not None:
        return [EventCandidate(main, label, decided=True), *cands]
    if cands:
        first = cands[0]
        return [EventCandidate(first.pred, label, first.nominal, first.negation_consumed, first.obj,
                               decided=True), *cands[1:]]
    return []


#: a sentence the coder reads: (raw offset of its block, the sentence, its text, the lexicon's candidates in it)
Proposal = tuple[int, Any, str, list[EventCandidate]]


def sentence_proposals(parsed: Parsed, settings: Settings) -> list[Proposal]:
    """The sentences ``extract_events`` reads (up to ``MAX_SENT_TOKENS``), each with the lexicon's candidates.

    Public so that a group of documents can put all their sentences before the trained decision in one
    call (``storyline.engine.components``): its scikit-learn pipeline costs about as much per call as for
    a document's sentences, and each sentence's decision does not depend on the others in the call."""
    lex = load_event_lexicon(tuple(settings.event_lexicon_paths))
    cues = load_argument_cues(tuple(settings.event_lexicon_paths))
    mlex = load_modality_lexicon()
    return [(offset, sent, sent_text, event_candidates(sent, lex, mlex, cues, parsed.tokens(sent.doc)))
            for offset, sent, sent_text in parsed.sentences_with_text() if len(sent) <= MAX_SENT_TOKENS]


def decision_inputs(proposals: Sequence[Proposal]) -> tuple[list[str], list[list[str]]]:
    """What ``extract_events`` hands its ``decide`` for ``proposals``: sentence texts and lexicon codes."""
    return [t.strip() for _, _, t, _ in proposals], [[c.code for c in p[3]] for p in proposals]


def extract_events(doc: Document, parsed: Parsed, mentions: list[Mention], entities: list[Entity],
                   settings: Settings, decide: Decide | None = None,
                   proposals: list[Proposal] | None = None) -> list[Event]:
    """PLOVER events of one document.

    Args:
        doc: the document (raw text, publication date).
        parsed: its spaCy parse, block by block with raw offsets.
        mentions: resolved mentions (``entity`` = local entity id).
        entities: the document's local entities.
        settings: ``event_lexicon_paths`` extends the shipped lexicon.
        decide: a trained sentence decision (``EventModel.predict``); None: the lexicon decides alone.
        proposals: ``sentence_proposals(parsed, settings)``, when the caller has them already.

    Returns:
        Events with type, mode, source/target entity ids, date, modality, quantities, summary and
        the sentence as evidence. With a trained decision and ``settings.event_roles`` "trained", an
        actor the rules leave out of a sentence the decision calls an event is chosen by the role ranker
        (``extract.roles``); a description it chooses ("the judge") becomes a generic entity, added to
        ``entities`` and ``mentions`` (kept sorted) in place.
    """
    lex = load_event_lexicon(tuple(settings.event_lexicon_paths))
    cues = load_argument_cues(tuple(settings.event_lexicon_paths))
    mlex = load_modality_lexicon()
    dating = _doc_base(doc, parsed)
    # a wire dateline kept at the head of the lead ("MOSCOW, March 4 (Reuters) - ") names where the story was filed
    # and who filed it: nobody's actor
    wire = (parsed.blocks[0][0], parsed.blocks[0][0] + dating.dateline_chars) if parsed.blocks else (0, 0)
    actors = Actors([m for m in mentions if not (wire[0] <= m.start and m.end <= wire[1])], entities,
                    {id(sdoc): off for off, sdoc in parsed.blocks}, lex.anaphors, cues.leader_titles,
                    parsed.blocks)
    by_id = {e.id: e for e in entities}
    names = {e.id: e.name for e in entities}
    frames = framed_speakers(parsed.blocks, actors, cues, mlex.reporting, parsed.tokens)
    events: list[Event] = []
    if proposals is None:
        proposals = sentence_proposals(parsed, settings)
    decided: set[int] = set()  # sentences (by position) the trained decision calls an event
    if decide is not None and proposals:
        decisions = decide(*decision_inputs(proposals))
        decided = {n for n, (label, _) in enumerate(decisions) if label != "NONE"}
        proposals = [(o, s, t, drop_under_decided(drop_consequences(decided_candidates(s, c, label, p,
                                                                                          mlex.reporting)), label))
                     for (o, s, t, c), (label, p) in zip(proposals, decisions)]
    ranker = load_role_model(settings.event_role_model) if decided and settings.event_roles != "rules" else None
    described = Descriptions(doc.id, doc.raw, ranker) if ranker is not None else None
    sectors = group_sectors() if ranker is not None else {}
    descriptors = Descriptors(parsed.blocks, mentions, entities)

    def actor(c: RoleCandidate | None, offset: int) -> str | None:
        if c is None or c.head is None:
            return None
        if wire[0] <= offset + c.head.idx < wire[1]:
            return None  # a word of the dateline ("KYIV (AP) - "): the filing's place or agency, no actor
        if c.entity is not None or described is None:
            return c.entity
        made = described.entity(c.head, offset, actors)
        names.setdefault(made, next(e.name for e in described.entities.values() if e.id == made))
        return made

    for n_prop, (offset, sent, sent_text, cands) in enumerate(proposals):
        cand_preds = {c.pred.i for c in cands}
        seen: set[tuple] = set()
        n_sent = 0
        for cand in cands:
            if cand.nominal:
                if noun_args(cand.pred, cand.code, actors, climb=False) == (None, None):
                    continue  # a nominal event names at least one of its own actors
                if _is_session(cand.pred, actors):
                    continue
                source, target = noun_args(cand.pred, cand.code, actors)
            else:
                host_rules = not cand.decided or cand.code.startswith("CONSULT")
                if host_rules and not _inverse_ok(cand.pred, lex, actors):
                    continue
                # a frame's object that is no event noun is a participant ("summoned *X's envoy*"):
                # it may name the target; an event noun ("held talks") has its own arguments
                eventive = cand.obj is not None and lex.lookup_noun(cand.obj.lemma_.lower()) is not None
                source, target = verb_args(cand.pred, actors, cand.obj if eventive else None,
                                           lex.inverse_verbs if host_rules else frozenset())
                if eventive and cand.obj is not None and cand.obj.dep_ in ("dobj", "attr"):
                    # "announced her refusal": the noun's own possessor is the actor
                    n_source, n_target = noun_args(cand.obj, cand.code, actors, climb=False)
                    source, target = n_source or source, target or n_target
                if source is None and wire[1] > wire[0]:
                    source, target = _wire_subject(cand.pred, wire, offset, actors, source, target)
            etype, _, mode = cand.code.partition("/")
            source, target = _fit_roles(etype, source, target, actors)
            if source is None and target is not None and etype in cues.located_types:
                source = location_party(cand.pred, actors)
            if not cand.nominal and target is None and source is not None and etype in SYMMETRIC_TYPES:
                target = coordinated_partner(cand.pred, source, actors)  # "A and B met" -> A with B
            crowd = not cand.nominal and etype in CROWD_TYPES and crowd_subject(cand.pred, cues)
            if ranker is not None and n_prop in decided and (source is None or target is None
                                                             or settings.event_roles == "ranker"):
                # the ranker fills the roles the rules leave empty (or, as "ranker", decides both); it
                # may answer "no actor", and an event with none is still dropped below
                in_wire = frozenset(t.i for t in sent if wire[0] <= offset + t.idx < wire[1])
                r_source, r_target = choose_roles(cand.pred, etype, actors, cues, ranker, sectors,
                                                  lex.inverse_verbs if not cand.decided else frozenset(), in_wire)
                if settings.event_roles == "ranker":
                    source, target = actor(r_source, offset), actor(r_target, offset)
                else:
                    # a target only for an event the rules would drop: where they found a source, their
                    # reading of the clause stands (a description target is never merged across documents,
                    # so it would split the event from its reports elsewhere)
                    if source is None and target is None and r_target is not None:
                        target = actor(r_target, offset)
                    source = source or actor(r_source, offset)
                source, target = _fit_roles(etype, source, target, actors)
            if source is None and not cand.nominal and inanimate_agent(cand.pred, actors, cues):
                continue  # "flood water cut off the town": a thing, not an actor, did it
            if crowd and source is None:
                source = led_by(cand.pred, actors)  # "farmers marched, led by N"
            if not cand.nominal:
                source = _named_apposition(cand.pred, source, actors) or source
            if described is not None:
                sent_end = offset + sent.end_char
                source, target = descriptors.rename(source, sent_end), descriptors.rename(target, sent_end)
            if target == source:
                target = None
            if source is None and target is None and not crowd:
                continue  # an event needs an actor; only a crowd acts without a name
            mod: Modality = classify(cand.pred, mlex, negation_consumed=cand.negation_consumed,
                                     sent=(sent, sent_text))
            modality = mod.value
            speaker = entity_of(mod.speaker, actors) if mod.speaker is not None else None
            if modality == "asserted" and id(sent.doc) in frames:
                modality, speaker = "reported", frames[id(sent.doc)]  # a point of a speech a "...:" line introduced
            if modality == "reported":
                source = stance_source(cand.pred, source, speaker, by_id, cues)
            key = (etype, source, target)
            if key in seen or n_sent >= MAX_EVENTS_PER_SENTENCE:
                continue
            seen.add(key)
            n_sent += 1
            date, precision, date_source = _date_for(cand, sent, cand_preds, dating)
            lead = len(sent_text) - len(sent_text.lstrip())
            start = offset + sent.start_char + lead
            end = start + len(sent_text.strip())
            sub = list(cand.pred.subtree)
            q_start, q_end = offset + sub[0].idx, offset + sub[-1].idx + len(sub[-1].text)
            ev = Event(
                id=f"{doc.id}/v{len(events) + 1}", type=etype, source=source, target=target,
                date=date, date_precision=precision, date_source=date_source, modality=modality,
                attributed_to=speaker if modality == "reported" else None,
                quantities=find_quantities(doc.raw[q_start:q_end]),
                evidence=[Span(doc.id, start, end, doc.raw[start:end])], mode=mode or None, doc=doc.id)
            ev.summary = summarize(ev, names)
            events.append(ev)
            dating.record(sent, cand.pred, date, precision, date_source)
    if described is not None and described.mentions:
        entities.extend(described.entities.values())
        mentions.extend(described.mentions)
        mentions.sort(key=lambda m: (m.start, m.end))
    LOGGER.debug("%s: %d events", doc.id, len(events))
    return events
