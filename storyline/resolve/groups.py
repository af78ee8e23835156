"""Unnamed groups that act in the news: protesters, riot police, troops, the health ministry.

"Protesters blocked the ring road", "police detained 40 people": the actor has no name, yet it is
the source of the event, and PLOVER codes it as a sector actor. Named-entity recognition finds no
name there, so these groups become actors of their own here: a noun phrase whose head noun is a
group word (``data/groups.yaml``) and that is an argument of a clause. Each distinct phrase of a
document is one ``generic`` entity, typed ORG with its sector, and with a country when a demonym or
a place name modifies it ("Kenyan police" stays unnamed but gets the country).
"""
from __future__ import annotations

import functools
from bisect import bisect_right
from typing import TYPE_CHECKING

from storyline.data import load
from storyline.model import Document, Entity, Mention, Span
from storyline.resolve.institutions import mark_institutions
from storyline.resolve.kb import load_kb
from storyline.resolve.names import fold

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from storyline.nlp.pipeline import Parsed

__all__ = ["STATE_SECTORS", "find_groups", "group_sectors"]

#: where a group noun acts or is acted on: subject, object, agent of a passive ("by police"), a list
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr",
                           "ROOT"})  # a root noun: the parser's reading of "The miners called on ..."
#: modifiers that belong to the group's name ("riot police", "striking workers", "health ministry")
NAME_MODIFIERS = frozenset({"compound", "amod", "nmod"})
#: entity types whose mention inside the phrase gives the group its country
PLACE_TYPES = frozenset({"NORP", "GPE"})
#: sectors that act for their state: with a country, the fuse stage makes the state the event's actor
#: ("Russian troops shelled ...", "the U.S. delegation met ...") as it does for a demonym
STATE_SECTORS = frozenset({"military", "police", "government"})
#: a bare "the government", "officials", "the authorities" refers back to a state the text names;
#: where the document names one, resolution already reads it so (the event lexicon's anaphors)
ANAPHORIC_WORDS = frozenset({"government", "authority", "official", "administration", "ministry", "cabinet"})


@functools.lru_cache(maxsize=4)
def group_sectors(extra_paths: tuple[str, ...] = ()) -> dict[str, str]:
    """Group noun lemma → sector, from ``data/groups.yaml``."""
    data = load("groups", extra_paths)
    return {word: sector for sector, words in data["sectors"].items() for word in words}


def _phrase(tok: Token) -> tuple[int, int]:
    """(first, last) token index of the group's name: its head and the modifiers right before it, and a plural
    noun that owns it ("the bakers' union", "the weavers' union"): whom the body is of, as much a part of what it
    is called as "glaziers" of "the glaziers union" (a singular owner, "the company's union", is another
    actor)."""
    first = tok.i
    while first - 1 >= tok.sent.start:
        prev = tok.doc[first - 1]
        if prev.dep_ == "case" and prev.text in ("'", "’") and first - 2 >= tok.sent.start:
            owner = tok.doc[first - 2]
            if owner.dep_ == "poss" and owner.tag_ == "NNS" and owner.head.i == tok.i and prev.head.i == owner.i:
                first -= 2
                continue
            break
        if prev.dep_ not in NAME_MODIFIERS or not first <= prev.head.i <= tok.i:
            break
        first -= 1
    return first, tok.i


def _definite_possessor(tok: Token) -> bool:
    """"the company's new depot", "The team's coach": a definite group noun that owns something names the body as
    much as a subject does ("a company's truck" names none)."""
    return tok.dep_ == "poss" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _of_a_place(head: Token, offset: int, mentions: list[Mention], by_id: dict[str, Entity]) -> bool:
    """The group noun has a "from/of <place>" complement naming a state or people."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("from", "of"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            at = offset + obj.idx
            if any(m.start <= at < m.end and m.entity in by_id and by_id[m.entity].type in PLACE_TYPES
                   for m in mentions):
                return True
    return False


def find_groups(doc: Document, parsed: Parsed, mentions: list[Mention], entities: list[Entity],
                extra_paths: tuple[str, ...] = (), kb_paths: tuple[str, ...] = (),
                ) -> tuple[list[Mention], list[Entity]]:
    """``mentions`` and ``entities`` with the document's acting unnamed groups added.

    Args:
        doc: the cleaned document.
        parsed: its parse.
        mentions: the resolved mentions (sorted by offset), left as they are.
        entities: the document's entities; new ones get ids ``f"{doc.id}/g{n}"``.
        extra_paths: user files laid over ``data/groups.yaml``.
        kb_paths: the user's knowledge-base files, so an institution of theirs is found like a shipped one.

    Returns:
        (mentions sorted by offset, entities), the new ones marked ``generic``.
    """
    sectors = group_sectors(extra_paths)
    by_id = {e.id: e for e in entities}
    names_state = any(e.type == "GPE" for e in entities)
    # "the authority" after "the Intergovernmental Basin Authority": a bare head word of a name refers back
    named_heads = {e.name.split()[-1].lower() for e in entities if e.type in ("ORG", "GPE") and e.name.split()}
    starts = [m.start for m in mentions]
    new_mentions: list[Mention] = []
    groups: dict[tuple[str, str | None], Entity] = {}

    def covering(start: int, end: int) -> list[Mention]:
        i = bisect_right(starts, end)
        return [m for m in mentions[max(0, i - 8):i] if m.start < end and start < m.end]

    for offset, sdoc in parsed.blocks:
        toks = parsed.tokens(sdoc)
        for i, lemma in enumerate(toks.lemma):
            sector = sectors.get(lemma)
            if sector is None or toks.pos[i] not in ("NOUN", "PROPN") or (
                    toks.dep[i] not in ARGUMENT_DEPS and not _definite_possessor(sdoc[i])):
                continue
            head = sdoc[i]
            first, last = _phrase(head)
            if first == last and ((lemma in ANAPHORIC_WORDS and names_state) or toks.lower[i] in named_heads
                                  or lemma in named_heads):
                continue
            if sector in STATE_SECTORS and _of_a_place(head, offset, mentions, by_id):
                continue  # "delegations from X", "troops of Y": the place acts, as resolution reads it
            start, end = offset + toks.idx[first], offset + toks.end[last]
            inside = covering(start, end)
            if any(m.start <= offset + toks.idx[i] < m.end for m in inside):
                continue  # the head is part of a name already ("the Interior Ministry")
            country = next((by_id[m.entity].country for m in inside
                            if m.entity in by_id and m.type in PLACE_TYPES and by_id[m.entity].country), None)
            if country is None:
                # "China's commerce ministry": the possessor owns the group
                owners = [offset + t.idx for t in head.children if t.dep_ == "poss"]
                country = next((by_id[m.entity].country for at in owners for m in covering(at, at + 1)
                                if m.start <= at < m.end and m.entity in by_id and m.type in PLACE_TYPES
                                and by_id[m.entity].country), None)
            text = doc.raw[start:end]
            key = (fold(text), country)
            entity = groups.get(key)
            if entity is None:
                entity = Entity(id=f"{doc.id}/g{len(groups) + 1}", name=text, type="ORG", country=country,
                                sector=sector, aliases=[text], generic=True)
                groups[key] = entity
            entity.mentions.append(Span(doc.id, start, end, text))
            new_mentions.append(Mention(doc.id, start, end, text, "ORG", entity.id))
    merged = sorted([*mentions, *new_mentions], key=lambda m: (m.start, m.end)) if new_mentions else mentions
    # "the central bank", "parliament", "the Defence Ministry": a state institution is an actor of its own
    return mark_institutions(merged, [*entities, *groups.values()], load_kb(kb_paths))
