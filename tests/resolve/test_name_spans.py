"""Name-span completion rules (``name_spans``), seen through ``find_candidates`` on hand-made parses.

spaCy's entities are given by hand, cut the way the small model often cuts them; each test checks
that one rule completes the span (a given name, a hyphenated or particle-led surname, a glued
article), adds what the model missed (a repeated surname, an acronym's expansion, a descriptive
name of an organisation) or, in the negative cases, leaves the text alone. No spaCy model is loaded.
"""
from __future__ import annotations

import pytest

from storyline.resolve.kb import load_kb
from storyline.resolve.name_spans import PRIORITY, Cand
from storyline.resolve.ner import find_candidates
from tests.handmade import make_document, make_parsed, make_spacy_doc


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def spans(kb, text: str, ents=(), tree=None) -> list[tuple[str, int, str, str]]:
    """(text, start, type, source) of every candidate of a one-paragraph text."""
    doc = make_document(text)
    parsed = make_parsed(doc, make_spacy_doc(text, tree=tree, ents=list(ents)))
    return [(text[c.start:c.end], c.start, c.type, c.source) for c in find_candidates(doc, parsed, kb)]


def found(kb, text: str, ents=(), tree=None) -> list[str]:
    return [s for s, *_ in spans(kb, text, ents, tree)]


def cands(kb, text: str, ents=()) -> list[Cand]:
    doc = make_document(text)
    return find_candidates(doc, make_parsed(doc, make_spacy_doc(text, ents=list(ents))), kb)


def test_priority_orders_the_sources():
    assert PRIORITY["role"] > PRIORITY["rule"] > PRIORITY["kb"] > PRIORITY["spacy"]
    assert Cand(0, 4, "PERSON", "kb").priority == PRIORITY["kb"]


def test_a_lone_surname_gets_the_given_name_before_it(kb):
    text = "The talks were chaired by Ilka Renholt on Monday."
    assert spans(kb, text, [("Renholt", "PERSON")]) == [("Ilka Renholt", 26, "PERSON", "spacy")]


def test_a_title_before_a_lone_surname_is_not_a_given_name(kb):
    assert found(kb, "Minister Renholt opened the port.", [("Renholt", "PERSON")]) == ["Renholt"]


def test_a_hyphenated_tail_cut_off_by_the_model_is_given_back(kb):
    got = found(kb, "Ilka Renholt-Obeng opened the port.", [("Ilka Renholt", "PERSON")])
    assert got == ["Ilka Renholt-Obeng"]


def test_a_hyphen_between_two_people_joins_nothing(kb):
    text = "Ilka Renholt met Otto Varga. The Renholt-Varga meeting was short."
    got = found(kb, text, [("Ilka Renholt", "PERSON"), ("Otto Varga", "PERSON"), ("Renholt#1", "PERSON")])
    assert got == ["Ilka Renholt", "Otto Varga", "Renholt"]


def test_particles_and_the_surname_after_a_given_name(kb):
    text = "The report was written by Liesel van der Kamp for the board."
    assert spans(kb, text, [("Liesel", "PERSON")]) == [("Liesel van der Kamp", 26, "PERSON", "spacy")]


def test_a_glued_article_and_surname_after_a_given_name(kb):
    text = "The mediator Nabil al-Harrani arrived on Monday."
    assert found(kb, text, [("Nabil", "PERSON")]) == ["Nabil al-Harrani"]


def test_a_repeated_bare_surname_is_added_as_a_person(kb):
    text = "Ilka Renholt opened the port. Later Renholt said the cranes were ready."
    [full, repeat] = cands(kb, text, [("Ilka Renholt", "PERSON")])
    assert (text[repeat.start:repeat.end], repeat.start) == ("Renholt", 36)
    assert (repeat.type, repeat.source) == ("PERSON", "rule")
    assert repeat.info == {"surname_repeat": True} and full.source == "spacy"


def test_a_surname_that_is_also_a_common_word_needs_a_proper_noun_tag(kb):
    text = "Dana Young opened the port. The young workers cheered and Young smiled."
    assert found(kb, text, [("Dana Young", "PERSON")]) == ["Dana Young", "Young"]          # tagged PROPN
    tagged_adj = {"Young#1": ("ADJ", "amod", "smiled")}
    assert found(kb, text, [("Dana Young", "PERSON")], tagged_adj) == ["Dana Young"]


def test_bracketed_acronym_names_the_words_whose_initials_it_spells(kb):
    text = "The Coastal Fisheries Authority (CFA) met on Tuesday."
    name, acronym = cands(kb, text)
    assert (text[name.start:name.end], name.type, name.source, name.info) == (
        "Coastal Fisheries Authority", "ORG", "rule", {"acronym": "CFA"})
    assert (text[acronym.start:acronym.end], acronym.info) == ("CFA", {"acronym_of": (4, 31)})


def test_an_acronym_that_spells_other_words_names_nothing(kb):
    assert found(kb, "The Coastal Fisheries Authority (KLB) met on Tuesday.") == []


def test_descriptive_phrase_of_an_organisation_named_before(kb):
    text = ("The Upper Sava Basin Authority closed two locks. "
            "The basin authority said repairs would take weeks.")
    org, ana = cands(kb, text, [("Upper Sava Basin Authority", "ORG")])
    assert (text[ana.start:ana.end], ana.type, ana.source) == ("The basin authority", "ORG", "rule")
    assert ana.info == {"antecedent": (org.start, org.end), "descriptive": True}


@pytest.mark.parametrize("phrase", ["The river authority", "The authority"])
def test_descriptive_phrase_needs_words_of_the_name(kb, phrase):
    # "river" is no word of the name; a bare head is kept only for a knowledge-base organisation
    text = f"The Upper Sava Basin Authority closed two locks. {phrase} said repairs would take weeks."
    assert found(kb, text, [("Upper Sava Basin Authority", "ORG")]) == ["Upper Sava Basin Authority"]
