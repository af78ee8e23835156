"""Who speaks a quote, seen through ``extract_quotes`` on hand-made parses (no spaCy model).

The cue lexicon, speaker phrases after a quote (name, inverted cue, pronoun, indefinite source,
possessive, role phrase, descriptor + name), cue verbs before a quote and in indirect speech (read
off the hand-made dependency parse), and the self-reference flag.
"""
from __future__ import annotations

import re

import pytest

from storyline.config import Settings
from storyline.extract.quote_speakers import load_cues
from storyline.extract.quotes import extract_quotes
from storyline.model import Quote
from tests.handmade import entities_of, make_document, make_parsed, make_spacy_doc, mention

RENHOLT = ("Ilka Renholt", "PERSON", "e1")
VARGA = ("Otto Varga", "PERSON", "e2")


def quotes_of(text: str, *people: tuple[str, str, str], parse=None, **facts) -> list[Quote]:
    """The quotes of one paragraph, each named actor mentioned at every occurrence of its name."""
    doc = make_document(text)
    mentions = [mention(doc, name, type_, eid, n) for name, type_, eid in people
                for n in range(text.count(name))]
    entities = entities_of(mentions, {eid: (name, type_) for name, type_, eid in people}, **facts)
    return extract_quotes(doc, make_parsed(doc, parse), mentions, entities, Settings())


def speaker(text: str, *people, **kwargs) -> str | None:
    found = quotes_of(text, *people, **kwargs)
    assert len(found) == 1, [q.text for q in found]
    return found[0].speaker


def test_cue_lexicon_makes_regular_and_irregular_forms():
    cues = load_cues()
    for form in ("said", "says", "noted", "added", "told", "warned"):
        assert re.fullmatch(cues.forms_re, form), form
    assert not re.fullmatch(cues.forms_re, "sailed")


def test_cue_lexicon_without_verbs_is_refused(tmp_path):
    path = tmp_path / "quote_cues.yaml"
    path.write_text("verbs: []\npronouns: [he, she]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="`verbs` must list at least one cue verb"):
        load_cues(str(path))


def test_name_then_cue_and_cue_then_name():
    text = "“The harbour will reopen next week,” Ilka Renholt said on Tuesday."
    assert speaker(text, RENHOLT, VARGA) == "e1"
    assert speaker("“The harbour will reopen next week,” said Otto Varga.", RENHOLT, VARGA) == "e2"


def test_pronoun_is_the_last_person_named_outside_quotes():
    text = "Ilka Renholt arrived late. “Ask Otto Varga about the broken locks,” she said."
    assert speaker(text, RENHOLT, VARGA) == "e1"      # Varga is named inside the quote


def test_indefinite_source_is_kept_anonymous():
    text = "Ilka Renholt left. “The canal tolls will double before the end of May,” an official said."
    assert speaker(text, RENHOLT) is None


def test_a_persons_spokesman_is_not_that_person():
    text = "Ilka Renholt spoke first. “The canal tolls will rise in May,” Renholt's spokesman said."
    assert speaker(text, RENHOLT, ("Renholt", "PERSON", "e1")) is None


def test_role_phrase_is_the_person_the_text_introduced_with_those_words():
    text = ("Fisheries Minister Ilka Renholt met Otto Varga, an engineer at the port. "
            "“The quotas will stay as they are,” the fisheries minister said.")
    assert speaker(text, RENHOLT, VARGA) == "e1"
    text = text.replace("the fisheries minister", "the port engineer")
    assert speaker(text, RENHOLT, VARGA) == "e2"      # from the appositive ", an engineer at ..."
    text = text.replace("the port engineer", "the harbour master")
    assert speaker(text, RENHOLT, VARGA) is None      # nobody was introduced so


def test_descriptor_before_an_organisation_name():
    text = "“The new cranes will arrive in March at the latest,” terminal operator Orsk Shipping said."
    assert speaker(text, ("Orsk Shipping", "ORG", "e3")) == "e3"


def test_cue_verb_before_the_quote_through_its_subject():
    text = "Ilka Renholt told reporters that “the budget for the new locks is already spent.”"
    parse = make_spacy_doc(text, tree={"told": ("VERB", "ROOT", None), "Renholt": ("PROPN", "nsubj", "told"),
                                       "Ilka": ("PROPN", "compound", "Renholt")}, lemmas={"told": "tell"})
    [q] = quotes_of(text, RENHOLT, parse=parse)
    assert (q.text, q.speaker, q.direct) == ("the budget for the new locks is already spent.", "e1", True)
    # without a parse there is no cue verb to read: the quote is kept, but nobody speaks it
    [q] = quotes_of(text, RENHOLT)
    assert q.start == text.index("the budget") and q.speaker is None


INDIRECT = "Otto Varga said that the canal would close in May for repairs."
INDIRECT_TREE = {
    "said": ("VERB", "ROOT", None), "Varga": ("PROPN", "nsubj", "said"),
    "Otto": ("PROPN", "compound", "Varga"),
    "close": ("VERB", "ccomp", "said"), "that": ("SCONJ", "mark", "close"), "the": ("DET", "det", "canal"),
    "canal": ("NOUN", "nsubj", "close"), "would": ("AUX", "aux", "close"), "in": ("ADP", "prep", "close"),
    "May": ("PROPN", "pobj", "in"), "for": ("ADP", "prep", "close"), "repairs": ("NOUN", "pobj", "for")}


def test_indirect_speech_is_the_clause_complement_of_a_cue_verb():
    parse = make_spacy_doc(INDIRECT, tree=INDIRECT_TREE, lemmas={"said": "say"})
    [q] = quotes_of(INDIRECT, VARGA, parse=parse)
    assert (q.start, q.end, q.speaker, q.direct) == (16, 61, "e2", False)
    assert q.text == "that the canal would close in May for repairs"


def test_a_verb_outside_the_cue_lexicon_reports_nothing():
    text = INDIRECT.replace("said", "hoped")
    tree = {("hoped" if k == "said" else k): (p, d, "hoped" if h == "said" else h)
            for k, (p, d, h) in INDIRECT_TREE.items()}
    assert quotes_of(text, VARGA, parse=make_spacy_doc(text, tree=tree, lemmas={"hoped": "hope"})) == []


def test_according_to_attributes_the_rest_of_the_sentence():
    text = "According to Otto Varga, the new locks will cost twice the planned sum."
    parse = make_spacy_doc(text, tree={"cost": ("VERB", "ROOT", None), "According": ("VERB", "prep", "cost"),
                                       "to": ("ADP", "prep", "According"), "Varga": ("PROPN", "pobj", "to"),
                                       "Otto": ("PROPN", "compound", "Varga")})
    [q] = quotes_of(text, VARGA, parse=parse)
    assert (q.text, q.speaker, q.direct) == ("the new locks will cost twice the planned sum.", "e2", False)


def test_a_speaker_naming_himself_in_the_third_person_is_doubtful():
    [q] = quotes_of("“Varga will not resign over one broken lock,” Otto Varga said.", VARGA,
                    ("Varga", "PERSON", "e2"))
    assert q.speaker == "e2" and q.doubtful
    [q] = quotes_of("“Renholt will not resign over one broken lock,” Otto Varga said.", VARGA,
                    ("Renholt", "PERSON", "e1"))
    assert q.speaker == "e2" and not q.doubtful
