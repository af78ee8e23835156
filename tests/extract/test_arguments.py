"""Source and target of event predicates on hand-made dependency parses (no spaCy model).

Each test parses one invented sentence by hand (only the arcs the rule reads) and names its
actors with resolved mentions, as the resolve stage would.
"""
from __future__ import annotations

from storyline.extract.arguments import (
    Actors,
    causal_agent,
    causal_phrase,
    coordinated_partner,
    crowd_subject,
    inanimate_agent,
    is_passive,
    led_by,
    load_argument_cues,
    location_party,
    noun_args,
    same,
    verb_args,
)
from tests.handmade import entities_of, make_document, make_spacy_doc, mention, token

CUES = load_argument_cues()
ANAPHORS = {"government": "GPE", "country": "GPE", "organisation": "ORG"}
VALDORIA, MORVENIA = ("e1", "GPE"), ("e2", "GPE")


def parse(text: str, tree: dict, actors: dict[str, tuple[str, str]], lemmas: dict | None = None,
          tags: dict | None = None):
    """(spaCy doc, Actors) of a one-block text; ``actors`` maps a phrase to (entity id, type)."""
    doc = make_document(text)
    sdoc = make_spacy_doc(text, tree=tree, lemmas=lemmas, tags=tags)
    mentions = [mention(doc, phrase, type_, eid) for phrase, (eid, type_) in actors.items()]
    entities = entities_of(mentions, {eid: (phrase, type_) for phrase, (eid, type_) in actors.items()})
    return sdoc, Actors(mentions, entities, {id(sdoc): 0}, ANAPHORS)


def test_active_verb_subject_is_source_and_object_target():
    sdoc, actors = parse("Valdoria accused Morvenia of fraud.",
                         {"accused": ("VERB", "ROOT", None), "Valdoria": ("PROPN", "nsubj", "accused"),
                          "Morvenia": ("PROPN", "dobj", "accused"), "of": ("ADP", "prep", "accused"),
                          "fraud": ("NOUN", "pobj", "of")},
                         {"Valdoria": VALDORIA, "Morvenia": MORVENIA})
    pred = token(sdoc, "accused")
    assert not is_passive(pred)
    assert verb_args(pred, actors, None) == ("e1", "e2")


def test_passive_agent_is_source_and_passive_subject_target():
    sdoc, actors = parse("Morvenia was accused by Valdoria.",
                         {"accused": ("VERB", "ROOT", None), "Morvenia": ("PROPN", "nsubjpass", "accused"),
                          "was": ("AUX", "auxpass", "accused"), "by": ("ADP", "agent", "accused"),
                          "Valdoria": ("PROPN", "pobj", "by")},
                         {"Valdoria": VALDORIA, "Morvenia": MORVENIA})
    pred = token(sdoc, "accused")
    assert is_passive(pred)
    assert verb_args(pred, actors, None) == ("e1", "e2")


def test_agentless_passive_has_no_source():
    sdoc, actors = parse("Morvenia was accused of fraud.",
                         {"accused": ("VERB", "ROOT", None), "Morvenia": ("PROPN", "nsubjpass", "accused"),
                          "was": ("AUX", "auxpass", "accused"), "of": ("ADP", "prep", "accused"),
                          "fraud": ("NOUN", "pobj", "of")},
                         {"Morvenia": MORVENIA})
    assert verb_args(token(sdoc, "accused"), actors, None) == (None, "e2")


CAUSAL = "The town was saved thanks to the intervention of the Kelmar Rescue Service."
CAUSAL_TREE = {
    "saved": ("VERB", "ROOT", None), "town": ("NOUN", "nsubjpass", "saved"), "The": ("DET", "det", "town"),
    "was": ("AUX", "auxpass", "saved"), "thanks": ("NOUN", "prep", "saved"), "to": ("ADP", "prep", "thanks"),
    "intervention": ("NOUN", "pobj", "to"), "the": ("DET", "det", "intervention"),
    "of": ("ADP", "prep", "intervention"), "Service": ("PROPN", "pobj", "of"),
    "the#1": ("DET", "det", "Service"),
    "Kelmar": ("PROPN", "compound", "Service"), "Rescue": ("PROPN", "compound", "Service")}


def test_agentless_passive_takes_its_source_from_a_causal_phrase():
    sdoc, actors = parse(CAUSAL, CAUSAL_TREE, {"Kelmar Rescue Service": ("e3", "ORG")})
    pred = token(sdoc, "saved")
    assert causal_phrase(token(sdoc, "intervention")) and not causal_phrase(token(sdoc, "town"))
    assert causal_agent(pred, actors) == "e3"
    assert verb_args(pred, actors, None) == ("e3", None)


def test_a_plain_prepositional_phrase_is_no_cause():
    text = CAUSAL.replace("thanks to", "close to")
    tree = {("close" if k == "thanks" else k): (p, d, "close" if h == "thanks" else h)
            for k, (p, d, h) in CAUSAL_TREE.items()}
    sdoc, actors = parse(text, tree, {"Kelmar Rescue Service": ("e3", "ORG")})
    assert causal_agent(token(sdoc, "saved"), actors) is None


def test_target_from_a_preposition_of_the_verb_or_of_its_object():
    sdoc, actors = parse("Valdoria sent aid to Morvenia.",
                         {"sent": ("VERB", "ROOT", None), "Valdoria": ("PROPN", "nsubj", "sent"),
                          "aid": ("NOUN", "dobj", "sent"), "to": ("ADP", "prep", "sent"),
                          "Morvenia": ("PROPN", "pobj", "to")},
                         {"Valdoria": VALDORIA, "Morvenia": MORVENIA})
    assert verb_args(token(sdoc, "sent"), actors, None) == ("e1", "e2")
    sdoc, actors = parse("Valdoria signed a treaty with Morvenia.",
                         {"signed": ("VERB", "ROOT", None), "Valdoria": ("PROPN", "nsubj", "signed"),
                          "treaty": ("NOUN", "dobj", "signed"), "a": ("DET", "det", "treaty"),
                          "with": ("ADP", "prep", "treaty"), "Morvenia": ("PROPN", "pobj", "with")},
                         {"Valdoria": VALDORIA, "Morvenia": MORVENIA})
    assert verb_args(token(sdoc, "signed"), actors, None) == ("e1", "e2")


def test_a_predicate_without_subject_inherits_its_governors():
    sdoc, actors = parse("Valdoria refused to recognise Morvenia.",
                         {"refused": ("VERB", "ROOT", None), "Valdoria": ("PROPN", "nsubj", "refused"),
                          "recognise": ("VERB", "xcomp", "refused"), "to": ("PART", "aux", "recognise"),
                          "Morvenia": ("PROPN", "dobj", "recognise")},
                         {"Valdoria": VALDORIA, "Morvenia": MORVENIA})
    assert verb_args(token(sdoc, "recognise"), actors, None) == ("e1", "e2")


def test_an_own_subject_naming_no_actor_blocks_inheritance():
    sdoc, actors = parse("Valdoria closed the border and farmers blocked the road.",
                         {"closed": ("VERB", "ROOT", None), "Valdoria": ("PROPN", "nsubj", "closed"),
                          "border": ("NOUN", "dobj", "closed"), "and": ("CCONJ", "cc", "closed"),
                          "blocked": ("VERB", "conj", "closed"), "farmers": ("NOUN", "nsubj", "blocked"),
                          "road": ("NOUN", "dobj", "blocked")},
                         {"Valdoria": VALDORIA}, lemmas={"farmers": "farmer"}, tags={"farmers": "NNS"})
    blocked = token(sdoc, "blocked")
    assert verb_args(blocked, actors, None) == (None, None)    # not Valdoria: the farmers did it
    assert crowd_subject(blocked, CUES)


def test_inverse_predicate_swaps_source_and_target():
    sdoc, actors = parse("Morvenia received aid from Valdoria.",
                         {"received": ("VERB", "ROOT", None), "Morvenia": ("PROPN", "nsubj", "received"),
                          "aid": ("NOUN", "dobj", "received"), "from": ("ADP", "prep", "received"),
                          "Valdoria": ("PROPN", "pobj", "from")},
                         {"Valdoria": VALDORIA, "Morvenia": MORVENIA}, lemmas={"received": "receive"})
    pred = token(sdoc, "received")
    assert verb_args(pred, actors, None) == ("e2", "e1")
    assert verb_args(pred, actors, None, frozenset({"receive"})) == ("e1", "e2")


def test_noun_predicate_possessor_by_and_of_phrases():
    sdoc, actors = parse("Valdoria's refusal of talks with Morvenia angered many.",
                         {"angered": ("VERB", "ROOT", None), "refusal": ("NOUN", "nsubj", "angered"),
                          "Valdoria": ("PROPN", "poss", "refusal"), "'s": ("PART", "case", "Valdoria"),
                          "of": ("ADP", "prep", "refusal"), "talks": ("NOUN", "pobj", "of"),
                          "with": ("ADP", "prep", "talks"), "Morvenia": ("PROPN", "pobj", "with")},
                         {"Valdoria": VALDORIA, "Morvenia": MORVENIA})
    assert noun_args(token(sdoc, "refusal"), "REJECT", actors) == ("e1", None)
    assert noun_args(token(sdoc, "talks"), "CONSULT", actors) == ("e1", "e2")   # source from the clause


def test_of_phrase_is_source_for_some_types_and_target_for_others():
    sdoc, actors = parse("The support of Valdoria surprised observers.",
                         {"surprised": ("VERB", "ROOT", None), "support": ("NOUN", "nsubj", "surprised"),
                          "The": ("DET", "det", "support"), "of": ("ADP", "prep", "support"),
                          "Valdoria": ("PROPN", "pobj", "of")},
                         {"Valdoria": VALDORIA})
    noun = token(sdoc, "support")
    assert noun_args(noun, "SUPPORT", actors, climb=False) == ("e1", None)
    assert noun_args(noun, "ACCUSE", actors, climb=False) == (None, "e1")


def test_coordinated_subject_gives_the_other_actor():
    sdoc, actors = parse("Valdoria and Morvenia signed a treaty.",
                         {"signed": ("VERB", "ROOT", None), "Valdoria": ("PROPN", "nsubj", "signed"),
                          "and": ("CCONJ", "cc", "Valdoria"), "Morvenia": ("PROPN", "conj", "Valdoria"),
                          "treaty": ("NOUN", "dobj", "signed")},
                         {"Valdoria": VALDORIA, "Morvenia": MORVENIA})
    pred = token(sdoc, "signed")
    assert verb_args(pred, actors, None)[0] == "e1"
    assert coordinated_partner(pred, "e1", actors) == "e2"
    assert coordinated_partner(pred, "e2", actors) is None     # the partner is never the source itself
    assert same(token(sdoc, "signed"), pred) and not same(pred, None)


def test_inanimate_doer_versus_people_and_actors():
    storm, actors = parse("The storm cut off the town.",
                          {"cut": ("VERB", "ROOT", None), "storm": ("NOUN", "nsubj", "cut"),
                           "town": ("NOUN", "dobj", "cut")}, {})
    assert inanimate_agent(token(storm, "cut"), actors, CUES)
    assert not crowd_subject(token(storm, "cut"), CUES)
    activist, actors = parse("The activist cut the fence.",
                             {"cut": ("VERB", "ROOT", None), "activist": ("NOUN", "nsubj", "cut"),
                              "fence": ("NOUN", "dobj", "cut")}, {})
    assert not inanimate_agent(token(activist, "cut"), actors, CUES)
    named, actors = parse("Valdoria cut the cable.",
                          {"cut": ("VERB", "ROOT", None), "Valdoria": ("PROPN", "nsubj", "cut"),
                           "cable": ("NOUN", "dobj", "cut")}, {"Valdoria": VALDORIA})
    assert not inanimate_agent(token(named, "cut"), actors, CUES)


def test_crowd_of_people_through_an_of_phrase():
    sdoc, _ = parse("Thousands of fishermen marched through Kelmar.",
                    {"marched": ("VERB", "ROOT", None), "Thousands": ("NOUN", "nsubj", "marched"),
                     "of": ("ADP", "prep", "Thousands"), "fishermen": ("NOUN", "pobj", "of")},
                    {}, lemmas={"Thousands": "thousand", "fishermen": "fisherman"}, tags={"fishermen": "NNS"})
    assert crowd_subject(token(sdoc, "marched"), CUES)


UNION_AND_TOWN = {"Kelmar Farmers Union": ("e4", "ORG"), "Kelmar": ("e5", "GPE")}


def test_leader_of_a_collective_action():
    sdoc, actors = parse("Farmers marched through Kelmar, led by the Kelmar Farmers Union.",
                         {"marched": ("VERB", "ROOT", None), "Farmers": ("NOUN", "nsubj", "marched"),
                          "led": ("VERB", "advcl", "marched"), "by": ("ADP", "agent", "led"),
                          "Union": ("PROPN", "pobj", "by")},
                         UNION_AND_TOWN, lemmas={"led": "lead"})
    assert led_by(token(sdoc, "marched"), actors) == "e4"
    sdoc, actors = parse("Farmers marched through Kelmar, watched by the Kelmar Farmers Union.",
                         {"marched": ("VERB", "ROOT", None), "Farmers": ("NOUN", "nsubj", "marched"),
                          "watched": ("VERB", "advcl", "marched"), "by": ("ADP", "agent", "watched"),
                          "Union": ("PROPN", "pobj", "by")},
                         UNION_AND_TOWN, lemmas={"watched": "watch"})
    assert led_by(token(sdoc, "marched"), actors) is None


def test_location_party_is_a_country_where_the_undertaking_happens():
    tree = {"launched": ("VERB", "ROOT", None), "Production": ("NOUN", "nsubjpass", "launched"),
            "be": ("AUX", "auxpass", "launched"), "in": ("ADP", "prep", "launched"),
            "Morvenia": ("PROPN", "pobj", "in")}
    sdoc, actors = parse("Production will be launched in Morvenia.", tree, {"Morvenia": MORVENIA})
    assert location_party(token(sdoc, "launched"), actors) == "e2"
    sdoc, actors = parse("Production will be launched in Morvenia.", tree, {"Morvenia": ("e6", "ORG")})
    assert location_party(token(sdoc, "launched"), actors) is None     # only a country is a party
