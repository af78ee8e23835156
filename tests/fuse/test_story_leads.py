"""The trained story decision reads the lead apart from the background: a long article recaps another
story of its kind (that story's town, figures) in a later paragraph, while its lead names its own."""
from __future__ import annotations

import re

from storyline.config import Settings
from storyline.fuse.stories import PAIR_FEATURES, StoryScorer, norp_is_place, place_level, story_features
from storyline.model import DocAnalysis, Document, Entity, Span

BACKGROUND = ("The water authority said the river would stay high for a week. Volunteers filled sandbags at the "
              "football ground through the night, and the provincial health ministry sent two mobile clinics. "
              "Schools will remain closed for the rest of the week, the mayor's office said. ") * 2

SAN_AURELIO = ("Paraná floods San Aurelio del Monte\n\nAt least 4 people died and 2,140 were evacuated after the "
               "Paraná burst its banks at San Aurelio del Monte, in Corrientes province, Argentina, on Saturday.\n\n"
               + BACKGROUND + "\n\nThe flooding comes days after the Bermejo swamped Villa Quebrachal, in Chaco "
               "province, where 870 people had to leave their homes.")
SAN_AURELIO_FOLLOWUP = ("San Aurelio del Monte begins to clean up\n\nSix days after the Paraná flooded San Aurelio "
                        "del Monte, in Corrientes, the water has gone down; 2,140 people had been evacuated.\n\n"
                        + BACKGROUND)
VILLA_QUEBRACHAL = ("Bermejo floods Villa Quebrachal\n\nAt least 2 people died and 870 were evacuated after the "
                    "Bermejo burst its banks at Villa Quebrachal, in Chaco province, Argentina, on Sunday.\n\n"
                    + BACKGROUND)
PLACES = ("San Aurelio del Monte", "Villa Quebrachal", "Corrientes", "Chaco", "Argentina")


def _analysis(doc_id: str, raw: str) -> DocAnalysis:
    """A document whose places are tagged at every mention, as the actor stage tags them."""
    title, body = raw.split("\n\n", 1)
    doc = Document(id=doc_id, source=f"{doc_id}.txt", raw=raw, title=title, text=body)
    entities = []
    for k, name in enumerate(PLACES):
        spans = [Span(doc_id, m.start(), m.end(), name) for m in re.finditer(re.escape(name), raw)]
        if spans:
            entities.append(Entity(id=f"{doc_id}-e{k}", name=name, type="GPE", mentions=spans))
    return DocAnalysis(document=doc, entities=entities)


def test_place_levels_come_from_the_gazetteer():
    assert place_level("Argentina") == (frozenset({"AR"}), None)
    assert place_level("Corrientes") == (frozenset({"AR"}), "corrientes")
    assert place_level("Punjab")[0] == frozenset({"IN", "PK"})   # one name, two countries' provinces
    assert place_level("San Aurelio del Monte") == (frozenset(), None)   # a town: no gazetteer level


def test_a_town_named_only_in_the_background_is_not_the_leads():
    f = story_features(_analysis("a", SAN_AURELIO))
    assert f.lead_towns == {"san aurelio del monte"}
    assert f.lead_provinces == {"corrientes"} and f.lead_countries == {"AR"}
    assert "870" not in f.lead_numbers and "2140" in f.lead_numbers
    # the recapped town's key is in the document, but weighs less than the lead's town
    keys = {e.name: e.name.lower() for e in _analysis("a", SAN_AURELIO).entities}
    assert f.lead_salience[keys["San Aurelio del Monte"]] > f.lead_salience[keys["Villa Quebrachal"]]


def test_lead_features_tell_a_recap_from_the_same_story():
    analyses = [_analysis("a", SAN_AURELIO), _analysis("b", SAN_AURELIO_FOLLOWUP), _analysis("c", VILLA_QUEBRACHAL)]
    scorer = StoryScorer(analyses, Settings(stories="rules", embedding_model=""), {})

    def feature(i: int, j: int, name: str) -> float:
        return scorer.pair_features(i, j)[PAIR_FEATURES.index(name)]

    assert feature(0, 1, "lead_town") == 1.0 and feature(0, 1, "lead_town_conflict") == 0.0
    assert feature(0, 2, "lead_town") == 0.0 and feature(0, 2, "lead_town_conflict") == 1.0
    assert feature(0, 2, "lead_province_conflict") == 1.0 and feature(0, 2, "lead_country_conflict") == 0.0
    assert feature(0, 1, "lead_numbers") > feature(0, 2, "lead_numbers")
    assert feature(0, 1, "lead_cosine") > feature(0, 2, "lead_cosine")


def _typed(doc_id: str, raw: str, names: list[tuple[str, str, str | None]]) -> DocAnalysis:
    """A document whose names (name, type, knowledge-base id) are tagged at every mention."""
    title, body = raw.split("\n\n", 1)
    doc = Document(id=doc_id, source=f"{doc_id}.txt", raw=raw, title=title, text=body)
    entities = [Entity(id=f"{doc_id}-e{k}", name=name, type=etype, kb_id=kb_id,
                       mentions=[Span(doc_id, m.start(), m.end(), name) for m in re.finditer(re.escape(name), raw)])
                for k, (name, etype, kb_id) in enumerate(names)]
    return DocAnalysis(document=doc, entities=entities)


#: one crash told twice: the second report names the province only as a modifier ("a Corrientes prosecutor"), which
#: the recogniser types NORP with no demonym entry, beside a real demonym
CRASH = ("Bus overturns in Corrientes\n\nA bus carrying 40 farm workers overturned on a bridge near Itá Ibaté in "
         "Corrientes province, Argentina, on Tuesday, killing six.")
CRASH_CHARGE = ("Driver charged over bridge crash\n\nA Corrientes prosecutor charged the Paraguayan driver of the bus "
                "that overturned near Itá Ibaté with culpable homicide on Friday.")


def test_a_province_typed_as_a_group_is_a_place_and_a_demonym_is_not():
    f = story_features(_typed("b", CRASH_CHARGE, [("Corrientes", "NORP", None), ("Paraguayan", "NORP", "norp:PRY"),
                                                  ("Itá Ibaté", "GPE", None)]))
    assert "corrientes" in f.keys and "corrientes" in f.places
    assert f.lead_provinces == {"corrientes"} and f.lead_towns == {"ita ibate"}
    assert "norp:PRY" not in f.keys and "paraguayan" not in f.keys   # every Paraguayan story's: no story key


def test_a_province_named_as_a_modifier_is_shared_with_the_report_that_names_it_as_a_place():
    analyses = [_typed("a", CRASH, [("Corrientes", "GPE", None), ("Argentina", "GPE", "gpe:ARG"),
                                    ("Itá Ibaté", "GPE", None)]),
                _typed("b", CRASH_CHARGE, [("Corrientes", "NORP", None), ("Paraguayan", "NORP", "norp:PRY")])]
    scorer = StoryScorer(analyses, Settings(stories="rules", embedding_model=""), {})
    assert "corrientes" in scorer.feats[0].keys & scorer.feats[1].keys
    assert scorer.entity_overlap(0, 1) > 0.0


#: two unrelated stories whose leads name the same party and faith groups, which the recogniser types NORP and the
#: knowledge base links to no demonym entry: neither a party nor a faith is a town the two stories share
BUDGET_VOTE = ("Senate passes farm budget\n\nRepublicans and Democrats in the state senate passed the farm budget "
               "on Thursday after Sunni and Shiite members of the chamber's minority caucus joined the vote.")
SCHOOL_FIRE = ("Fire closes a school in Brackley\n\nA fire closed a primary school in Brackley on Monday; Republicans "
               "on the county board and Sunni and Shiite parents' groups asked for an inquiry.")


def test_a_party_or_faith_typed_as_a_group_is_not_a_town() -> None:
    groups = [("Republicans", "NORP", None), ("Democrats", "NORP", None), ("Sunni", "NORP", None),
              ("Shiite", "NORP", None)]
    f = story_features(_typed("v", BUDGET_VOTE, groups))
    assert not f.lead_towns & {"republicans", "democrats", "sunni", "shiite"}
    assert not f.places & {"republicans", "democrats", "sunni", "shiite"}


def test_the_rules_baseline_reads_every_unlinked_group_name_as_a_place() -> None:
    groups = [("Republicans", "NORP", None), ("Sunni", "NORP", None)]
    f = story_features(_typed("v", BUDGET_VOTE, groups), norp_places="rules")
    assert {"republicans", "sunni"} <= f.places


#: a town no gazetteer lists, typed NORP as a modifier where the text also names it after a place preposition
FERRY = ("Ferry runs aground off Tarvish\n\nA ferry carrying 80 passengers ran aground off Tarvish on Sunday. "
         "Tarvish fishermen took the passengers ashore in their boats; no one was hurt, the coastguard in Tarvish "
         "said.")


def test_a_town_typed_as_a_group_that_the_text_names_as_a_place_is_one() -> None:
    a = _typed("f", FERRY, [("Tarvish", "NORP", None)])
    assert norp_is_place(a.entities[0], a)
    assert "tarvish" in story_features(a).places


#: a town no gazetteer lists, typed NORP and named only as a modifier: nothing in the text says place, nothing says
#: group (stories31 read a name a place only from P(place) >= 0.4, and this one, at about 0.38, was lost)
DAIRY = ("Dairy to shut with 140 jobs lost\n\nThe Kirnach dairy will close in March with the loss of 140 jobs, its "
         "owners said on Wednesday, blaming the price of feed.")


def test_a_town_named_with_no_place_signal_keeps_the_place_prior() -> None:
    a = _typed("k", DAIRY, [("Kirnach", "NORP", None)])
    assert norp_is_place(a.entities[0], a)
    f = story_features(a)
    assert "kirnach" in f.places and f.lead_towns == {"kirnach"}
