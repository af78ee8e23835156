"""The role ranker (``extract/roles.py``) on hand-written sentences with the full resolver.

A sentence the trained decision calls an event whose actor is a description ("the party leader",
"the secretary of state") is coded with that description as a generic actor; the rule baseline
drops it; a clause whose only argument is a pronoun nobody in the text stands for stays without
an actor, and the event is dropped.
"""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.extract.events import extract_events
from storyline.extract.roles import description_span
from storyline.model import Block, Document

pytestmark = pytest.mark.slow


def analyse(text: str, label: str, roles: str = "trained"):
    """(events, mentions, entities by id) of one-paragraph ``text``; the decision calls it ``label``."""
    from storyline.nlp.pipeline import parse
    from storyline.resolve import resolve_document
    from storyline.resolve.groups import find_groups

    settings = Settings(event_roles=roles)
    doc = Document(id="r1", source="r.txt", raw=text, blocks=[Block(0, len(text))])
    parsed = parse(doc, settings)
    mentions, entities = resolve_document(doc, parsed, settings)
    mentions, entities = find_groups(doc, parsed, mentions, entities)

    def decide(texts, codes):
        return [(label, 0.9) for _ in texts]

    events = extract_events(doc, parsed, mentions, entities, settings, decide=decide)
    return events, mentions, {e.id: e for e in entities}


def test_a_role_description_is_the_source_of_a_decided_event():
    text = "The party leader resigned after the Liberals' worst result in a generation."
    events, mentions, entities = analyse(text, "RETREAT")
    assert [e.type for e in events] == ["RETREAT"]
    source = entities[events[0].source]
    assert source.generic and source.type == "PERSON" and source.name == "party leader"
    mention = next(m for m in mentions if m.entity == source.id)
    assert (mention.doc, text[mention.start:mention.end]) == ("r1", "party leader")
    assert events[0].summary.startswith("party leader ")


def test_the_rule_baseline_drops_the_same_event():
    events, _, entities = analyse("The party leader resigned after the Liberals' worst result in a generation.",
                                  "RETREAT", roles="rules")
    assert events == []
    assert not any(e.id.startswith("r1/d") for e in entities.values())


def test_an_institution_description_is_an_organisation():
    events, _, entities = analyse("The secretary of state criticised the county for closing polling places early.",
                                  "ACCUSE")
    assert events and events[0].type == "ACCUSE"
    assert entities[events[0].source].name == "secretary of state"
    assert entities[events[0].target].name == "county"
    assert entities[events[0].target].type == "ORG"


def test_an_unresolved_pronoun_leaves_the_event_without_an_actor():
    events, _, _ = analyse("He resigned on Monday.", "RETREAT")
    assert events == []


def test_a_description_name_keeps_its_modifiers_and_a_short_of_phrase():
    from storyline.nlp.pipeline import load_nlp

    sdoc = load_nlp(Settings().spacy_model)("The deputy secretary of state met the striking miners.")
    head = next(t for t in sdoc if t.lower_ == "secretary")
    first, last = description_span(head)
    assert sdoc[first:last + 1].text == "deputy secretary of state"


@pytest.mark.parametrize("dateline,text,label", [
    ("KYIV (AP) — ", "Twelve protesters were detained near the parliament on Friday.", "COERCE"),
    ("ASTANA, Oct 7 (Reuters) - ", "Wheat exports to Kyrgyzstan were banned on Tuesday.", "SANCTION"),
    ("NAIROBI, June 4 — ", "Two opposition newspapers were shut down on Wednesday.", "COERCE"),
])
def test_the_ranker_never_takes_a_wire_dateline_for_an_actor(dateline, text, label):
    # a passive leaves the clause without a subject: the dateline's city (or agency) was the ranker's next best
    events, mentions, _ = analyse(dateline + text, label)
    in_dateline = {m.entity for m in mentions if m.start < len(dateline)}
    assert in_dateline
    assert not any(in_dateline & {e.source, e.target} for e in events)


def test_a_subject_the_parser_hangs_on_the_dateline_is_still_the_source():
    # the parser reads the dateline's city as the verb's subject and the two countries as a conjunct of the agency
    dateline = "NAIROBI, June 4 (Reuters) - "
    events, _, ents = analyse(dateline + "Kenya and Tanzania signed a border agreement on Wednesday, the two "
                              "governments said.", "AGREE")
    names = [(ents[e.source].name if e.source else None, ents[e.target].name if e.target else None) for e in events]
    assert ("Kenya", "Tanzania") in names


def test_a_group_noun_that_described_a_named_union_is_that_union_again():
    # "the Kestrel union" makes "union" a description of Kestrel: "The union" after it is Kestrel,
    # so its events join Kestrel's in other reports
    text = ("Dock workers in Lisbon stopped work on Friday, the Kestrel union said. "
            "The union accused the port authority of cutting night-shift pay.")
    events, _, by_id = analyse(text, "ACCUSE")
    (accuse,) = [e for e in events if "accused" in e.evidence[0].text]
    assert by_id[accuse.source].name == "Kestrel"


@pytest.mark.parametrize("kind, described", [("ORG", True), ("PERSON", False)])
def test_a_name_before_a_noun_describes_an_organisation_not_a_person(kind, described):
    # "the Orrell union" says what Orrell is when Orrell is an organisation; a person's name before a
    # noun ("the Orrell campaign") says whose it is, so a later "the campaign" is not that person
    from storyline.extract.roles import Descriptors
    from storyline.model import Entity, Mention
    from storyline.nlp.pipeline import parse

    text = "The Orrell campaign held a rally in Leeds on Sunday."
    doc = Document(id="r2", source="r.txt", raw=text, blocks=[Block(0, len(text))])
    parsed = parse(doc, Settings())
    start = text.index("Orrell")
    named = Entity(id="r2/e1", name="Orrell", type=kind)
    group = Entity(id="r2/g1", name="campaign", type="ORG", generic=True)
    found = Descriptors(parsed.blocks, [Mention("r2", start, start + 6, "Orrell", kind, "r2/e1")], [named, group])
    assert (found.rename("r2/g1", len(text)) == "r2/e1") is described
