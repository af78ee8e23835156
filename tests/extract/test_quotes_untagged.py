"""People the tagger never named, in a speech verb's subject slot: candidates of the ranker, kept only if chosen."""
from __future__ import annotations

import dataclasses
import re

from storyline.config import Settings
from storyline.extract.quotes import find_quotes
from storyline.extract.speaker_model import candidates, entity_genders, layout_of
from storyline.model import Block, Document
from storyline.nlp.pipeline import parse
from storyline.resolve import resolve_document

SETTINGS = Settings()

PASSAGE = ("KANO — Onion prices in northern Nigeria doubled in a month, traders said on Monday.\n"
           "A trader at the Dawanau market, Garba Kwankwaso Adamu, said lorries could not reach the farms.\n"
           "“The roads are water now,” he said.")


def analysed_without(text: str, missed: str, as_type: str | None = None):
    """The passage parsed and resolved, with every mention inside ``missed`` dropped (a tagger that misses the
    name) or, with ``as_type``, typed as that (a tagger that mistypes it)."""
    blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    doc = Document(id="t", source="t.txt", raw=text, blocks=blocks)
    parsed = parse(doc, SETTINGS)
    mentions, entities = resolve_document(doc, parsed, SETTINGS)
    at = text.index(missed)
    span = (at, at + len(missed))
    inside = {m.entity for m in mentions if span[0] <= m.start and m.end <= span[1]}
    if as_type is None:
        mentions = [m for m in mentions if m.entity not in inside]
        entities = [e for e in entities if e.id not in inside]
    else:
        mentions = [dataclasses.replace(m, type=as_type) if m.entity in inside else m for m in mentions]
        entities = [dataclasses.replace(e, type=as_type) if e.id in inside else e for e in entities]
    return doc, parsed, mentions, entities


def captured(doc, parsed, mentions, entities, choose):
    seen = {}

    def rank(ctx, quotes):
        seen["ctx"], seen["quotes"] = ctx, quotes
        return choose(ctx, quotes)

    found = find_quotes(doc, parsed, mentions, entities, SETTINGS, rank=rank)
    return found, seen["ctx"], seen["quotes"]


def test_an_untagged_name_apposed_to_the_subject_of_said_is_a_candidate_marked_untagged():
    doc, parsed, mentions, entities = analysed_without(PASSAGE, "Garba Kwankwaso Adamu")
    _, ctx, quotes = captured(doc, parsed, mentions, entities, lambda ctx, qs: [q.speaker for q in qs])
    last = max(range(len(quotes)), key=lambda k: quotes[k].start)
    cands = candidates(ctx, quotes, last, None, entity_genders(ctx), layout_of(ctx))
    untagged = [c for c in cands if c.features.get("untagged")]
    assert [ctx.entities[c.entity].name for c in untagged] == ["Garba Kwankwaso Adamu"]
    assert untagged[0].features.get("untagged&slot=appos") == 1.0
    assert ctx.entities[untagged[0].entity].type == "PERSON"


def test_a_chosen_untagged_name_becomes_a_person_with_raw_offsets():
    doc, parsed, mentions, entities = analysed_without(PASSAGE, "Garba Kwankwaso Adamu")

    def pick_untagged(ctx, quotes):
        return [next(iter(ctx.untagged)) if q.start > PASSAGE.index("“") else q.speaker for q in quotes]

    found, _, _ = captured(doc, parsed, mentions, entities, pick_untagged)
    last = max(found.quotes, key=lambda q: q.start)
    person = next(e for e in found.entities if e.id == last.speaker)
    assert person.name == "Garba Kwankwaso Adamu" and person.type == "PERSON"
    spans = [(m.start, m.end) for m in found.mentions if m.entity == person.id]
    assert [doc.raw[s:e] for s, e in spans] == ["Garba Kwankwaso Adamu"]
    assert len(found.entities) == len(entities) + 1


def test_an_untagged_name_no_quote_takes_is_left_out():
    doc, parsed, mentions, entities = analysed_without(PASSAGE, "Garba Kwankwaso Adamu")
    found, ctx, _ = captured(doc, parsed, mentions, entities, lambda ctx, qs: [None for _ in qs])
    assert ctx.untagged
    assert found.mentions is mentions and found.entities is entities


def test_a_body_in_the_subject_slot_is_no_untagged_person():
    text = ("Flights were cancelled across the region on Sunday.\n"
            "The Civil Aviation Authority said the airspace would reopen on Tuesday.\n"
            "“Safety comes first,” it said.")
    doc, parsed, mentions, entities = analysed_without(text, "Civil Aviation Authority")
    _, ctx, _ = captured(doc, parsed, mentions, entities, lambda ctx, qs: [q.speaker for q in qs])
    assert not ctx.untagged
