"""Event actors beyond the predicate's own clause, on hand-written texts with the full resolver.

Each test is one rule of ``extract/arguments.py`` or of the attribution in ``extract/events.py``:
role phrases, possessives on nominal events, causal agents of passives, speeches introduced by a
"...:" line, a leader stating his country's stance, and the restraint rules (event names, sessions).
"""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.extract.events import extract_events
from storyline.model import Block, Document

pytestmark = pytest.mark.slow
SETTINGS = Settings()


def analyse(text: str):
    """(events, entity names) of ``text`` (one block per line) through the real resolver."""
    from storyline.nlp.pipeline import parse
    from storyline.resolve import resolve_document

    blocks, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(pos, pos + len(line)))
        pos += len(line) + 1
    doc = Document(id="a1", source="a.txt", raw=text, published="2023-05-10", published_precision="day",
                   blocks=blocks)
    parsed = parse(doc, SETTINGS)
    mentions, entities = resolve_document(doc, parsed, SETTINGS)
    return extract_events(doc, parsed, mentions, entities, SETTINGS), {e.id: e.name for e in entities}


def of_type(events, etype):
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} in {[(e.type, e.summary) for e in events]}"
    return found[0]


def test_possessive_on_a_nominal_event_goes_to_the_person_the_clause_subject_names():
    events, names = analyse("Emmanuel Macron did not comment on the vote. "
                            "The quiet snub of Macron continued when the press office of Olaf Scholz announced "
                            "his refusal to attend the summit.")
    assert names[of_type(events, "REJECT").source] == "Olaf Scholz"


def test_unlinked_role_phrase_stands_for_the_country_leader_the_document_names():
    events, names = analyse("Kenyan President Daniel Mwangi Otieno met farmers in Nakuru on Monday.\n"
                            "Emmanuel Macron did not comment. Later the press office of the president of Kenya "
                            "announced his refusal to sign "
                            "the trade pact.")
    assert names[of_type(events, "REJECT").source] == "Daniel Mwangi Otieno"


def test_agentless_passive_takes_its_agent_from_a_causal_phrase():
    events, names = analyse("The Serbian regime, which was close to collapse in March, was saved only thanks to "
                            "the intervention of the Hungarian army.")
    ev = of_type(events, "AID")
    assert names[ev.source] == "Hungarian" and names[ev.target] == "Serbian"


def test_agentless_passive_without_a_causal_phrase_has_no_source():
    events, _ = analyse("The Serbian regime was saved in March after weeks of protests.")
    assert all(e.source is None for e in events if e.type == "AID")


def test_support_that_caused_an_outcome_is_aid_and_a_contrasted_apposition_is_not_the_actor():
    events, names = analyse("The riots in Serbia were overcome due to the joint support of the NATO member "
                            "states, not just Germany.")
    ev = of_type(events, "AID")
    assert names[ev.source] == "North Atlantic Treaty Organization"
    assert not [e for e in events if e.type == "SUPPORT"]


def test_an_event_noun_that_is_only_named_is_not_an_event():
    events, _ = analyse("Norway respects the sovereignty of Chile and is not afraid to call the Peruvian "
                        "invasion of Chile a war.")
    assert not [e for e in events if e.type == "ASSAULT"]
    assert of_type(events, "SUPPORT")


def test_a_sitting_of_a_named_forum_is_not_a_consultation():
    events, _ = analyse("Kenyan President Daniel Mwangi Otieno at the plenary meeting of the Mombasa Economic "
                        "Forum with the participation of Olaf Scholz on May 3 praised the organisers.")
    assert not [e for e in events if e.type == "CONSULT"]


def test_a_shared_undertaking_located_in_a_country_has_that_country_as_a_party():
    events, names = analyse("It became known that the production of German cars is planned to be launched "
                            "in Mexico.")
    ev = of_type(events, "COOPERATE")
    assert names[ev.source] == "Mexico" and names[ev.target] == "German"


LIST = ("Chilean President Lucia Ferrer spoke in Santiago on Friday.\n"
        "The main points of Ferrer's speech were as follows:\n"
        "Chile does not recognise the independence of Patagonia.\n"
        "Chile has increased its defence budget.\n"
        "Later in the evening, Ferrer flew to Lima, where Peru signed a trade deal with Brazil.")


def test_points_of_a_leaders_speech_are_attributed_to_the_leader():
    events, names = analyse(LIST)
    reject = of_type(events, "REJECT")
    assert names[reject.source] == "Lucia Ferrer"          # a stance the leader states is the leader's act
    assert names[reject.attributed_to] == "Lucia Ferrer" and reject.modality == "reported"
    mobilize = of_type(events, "MOBILIZE")
    assert names[mobilize.source] == "Chile"                   # what the country does stays the country's
    assert names[mobilize.attributed_to] == "Lucia Ferrer"


def test_the_frame_ends_where_the_narrator_names_the_speaker_again():
    events, _ = analyse(LIST)
    assert of_type(events, "AGREE").attributed_to is None


def test_a_leader_reporting_his_countrys_stance_is_its_source():
    events, names = analyse("Chilean President Lucia Ferrer noted on Friday that Chile does not recognise the "
                            "independence of Patagonia.")
    ev = of_type(events, "REJECT")
    assert names[ev.source] == "Lucia Ferrer" and names[ev.attributed_to] == "Lucia Ferrer"


def test_a_minister_reporting_his_countrys_stance_leaves_the_country_as_source():
    events, names = analyse("Chilean Foreign Minister Ramon Echeverria noted on Friday that Chile does not "
                            "recognise the independence of Patagonia.")
    ev = of_type(events, "REJECT")
    assert names[ev.source] == "Chile" and names[ev.attributed_to] == "Ramon Echeverria"


def test_a_leader_reporting_a_non_stance_act_leaves_the_country_as_source():
    events, names = analyse("Chilean President Lucia Ferrer noted on Friday that Chile had increased its "
                            "defence budget.")
    assert names[of_type(events, "MOBILIZE").source] == "Chile"
