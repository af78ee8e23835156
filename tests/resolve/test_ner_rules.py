"""Name-span rules (resolve.ner, resolve.name_spans) on sentences written for these tests (loads spaCy)."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.model import Block, Document
from storyline.nlp.pipeline import parse
from storyline.resolve import resolve_document
from storyline.resolve.kb import load_kb
from storyline.resolve.name_spans import Cand, acronym_names, complete_names
from storyline.resolve.ner import fix_types, place_types, speaker_types

pytestmark = pytest.mark.slow


def run(text: str):
    blocks, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block(pos, pos + len(line)))
        pos += len(line) + 1
    doc = Document(id="t", source="t.txt", raw=text, blocks=blocks)
    settings = Settings()
    return resolve_document(doc, parse(doc, settings), settings)


def owner(entities, text):
    hits = [e for e in entities if any(m.text == text for m in e.mentions)]
    assert hits, f"no mention {text!r}: {[(e.name, [m.text for m in e.mentions]) for e in entities]}"
    return hits[0]


def test_hyphen_tail_cut_by_ner_is_given_back():
    text = "“We will not sign tonight,” WTA Secretary-General Noémie Castelli-Ba told reporters."
    start = text.index("Noémie")
    cut = Cand(start, start + len("Noémie Castelli"), "PERSON", "spacy")   # how spaCy often cuts it
    out = complete_names([cut], text, load_kb(), {})
    assert [text[c.start:c.end] for c in out] == ["Noémie Castelli-Ba"]


def test_hyphen_between_two_people_is_not_one_name():
    _, ents = run("Tomas Haldane met Grace Okoro in Accra. The Haldane-Okoro meeting lasted an hour.")
    assert not any("Haldane-Okoro" in m.text for e in ents for m in e.mentions)
    assert owner(ents, "Grace Okoro") is not owner(ents, "Tomas Haldane")


@pytest.mark.parametrize("name", ["Margarethe von der Aue", "Lotte van den Broek", "Hendrik van der Wiel"])
def test_surname_particles_stay_in_the_name(name):
    _, ents = run(f"The flood report was written by Siobhan Kearney and {name} for the river board.\n"
                  f"Fisheries commissioner {name} said the quota would be cut.")
    e = owner(ents, name)
    assert e.type == "PERSON" and e.name == name


def test_sentence_initial_particle_and_bare_surname_join_the_person():
    _, ents = run("Maarten van der Aue, the head of a shipping firm, said costs were rising.\n"
                  "Van der Aue said in a statement that the offer stood.")
    assert owner(ents, "Van der Aue") is owner(ents, "Maarten van der Aue")


def test_bare_surname_missed_by_ner_is_a_mention_of_the_person():
    _, ents = run("Factory owner Lucia Brandvold closed the plant on Friday.\n"
                  "“We had no orders left after March,” Brandvold said. Brandvold has run it since 2004.")
    e = owner(ents, "Lucia Brandvold")
    assert sum(m.text == "Brandvold" for m in e.mentions) == 2


def test_two_people_with_one_surname_stay_apart():
    _, ents = run("Senator Anna Kowalczyk voted against the budget.\n"
                  "Her brother, Piotr Kowalczyk, a mayor, voted for it. Kowalczyk said the town needed roads.")
    anna, piotr = owner(ents, "Anna Kowalczyk"), owner(ents, "Piotr Kowalczyk")
    assert anna is not piotr
    assert owner(ents, "Kowalczyk") is piotr   # the nearest full name before it


def test_appositive_title_makes_a_person():
    _, ents = run("Dana Whitcombe, chair of the Coastal Fishers Cooperative, said boats stayed in port.")
    assert owner(ents, "Dana Whitcombe").type == "PERSON"


def test_foreign_language_name_before_its_acronym():
    text = "The strike was called by the Confederación Nacional de Trabajadores Portuarios (CNTP) on Monday."
    out = acronym_names(text, [])
    spans = {text[c.start:c.end] for c in out}
    assert "Confederación Nacional de Trabajadores Portuarios" in spans and "CNTP" in spans
    assert not acronym_names("Talks were held in the capital (XYZ) again.", [])


def test_descriptive_name_of_an_organisation_mentioned_before():
    mentions, _ = run("The Northern Grid Operating Company cut supply on Monday.\n"
                      "The grid company said repairs would take a week. The company apologised.")
    texts = {m.text: m.type for m in mentions}
    assert texts.get("The grid company") == "ORG"
    # a bare head is no name of its own; as a description it joins the company named before
    # (storyline.resolve.descriptions)
    owner = {m.text: m.entity for m in mentions}
    assert owner.get("The company") == owner["Northern Grid Operating Company"]


def test_descriptive_phrase_needs_the_words_of_the_name():
    mentions, _ = run("The Northern Grid Operating Company cut supply on Monday.\n"
                      "The rival company said it had spare capacity.")
    assert not any("rival company" in m.text for m in mentions)


def test_person_shaped_title_before_a_speech_verb_is_a_person():
    text = "“Rates will fall,” Ottilie Brandt-Nakamura said on Monday."
    s = text.index("Ottilie")
    c = Cand(s, s + len("Ottilie Brandt-Nakamura"), "MISC", "spacy")
    speaker_types([c], text, load_kb())
    assert c.type == "PERSON"
    d = Cand(0, 4, "MISC", "spacy")
    speaker_types([d], "Rates will fall on Monday.", load_kb())
    assert d.type == "MISC"


def test_a_place_head_makes_an_unfamiliar_two_word_name_a_place():
    from storyline.resolve.ner import head_noun_types

    text = "Engineers inspected the Ostrava Dam and the Kelmar Canal; Orvian Energy paid, Jana Novak said."
    spans = {"Ostrava Dam": "PERSON", "Kelmar Canal": "MISC", "Orvian Energy": "PERSON", "Jana Novak": "PERSON"}
    cands = [Cand(text.index(n), text.index(n) + len(n), t, "spacy") for n, t in spans.items()]
    head_noun_types(cands, text, load_kb())
    assert [c.type for c in cands] == ["LOC", "LOC", "ORG", "PERSON"]


def test_one_place_however_ner_typed_each_mention():
    _, ents = run("Water levels fell below the Marisco Dam on Monday.\n"
                  "Marisco Dam operators blamed the drought.\n"
                  "Officials at Marisco Dam said the gates stayed open.")
    assert len({e.id for e in ents if e.name == "Marisco Dam"}) == 1
    assert owner(ents, "Marisco Dam").type == "LOC"


def _types_of(entities, text):
    return {e.type for e in entities if any(m.text == text for m in e.mentions)}


def test_a_surname_that_is_a_capital_s_name_stays_in_the_person_s_name():
    _, entities = run("So says Marcos Teixeira Lima, the pollster who has called three elections.\n"
                      "Teixeira Lima, 58, now advises the governor.")
    assert _types_of(entities, "Marcos Teixeira Lima") == {"PERSON"}
    assert _types_of(entities, "Teixeira Lima") == {"PERSON"}
    assert not any(e.type == "GPE" and any(m.text == "Lima" for m in e.mentions) for e in entities)


def test_a_capital_alone_is_still_the_place():
    _, entities = run("Talks resumed in Lima on Monday, officials said.")
    assert _types_of(entities, "Lima") == {"GPE"}


def _typed(text: str, name: str, kind: str = "PERSON") -> str:
    start = text.index(name)
    cand = Cand(start, start + len(name), kind, "spacy")
    place_types([cand], text)
    return cand.type


def test_a_city_the_tagger_calls_a_person_is_a_place():
    assert _typed("The minister wrote that the strike on Odesa had killed four people.", "Odesa") == "GPE"
    assert _typed("Voters in São Paulo go to the polls on Sunday.", "São Paulo") == "GPE"
    assert _typed("The boat sank on the river outside Can Tho on Friday.", "Can Tho", "MISC") == "GPE"


def test_a_place_word_of_a_person_s_name_or_after_a_title_stays_a_person():
    text = "Lisa Kent chairs the committee. Kent said the vote would wait until June."
    start = text.index("Lisa Kent")
    full = Cand(start, start + len("Lisa Kent"), "PERSON", "spacy")
    bare = Cand(text.index("Kent said"), text.index("Kent said") + 4, "PERSON", "spacy")
    place_types([full, bare], text)
    assert bare.type == "PERSON"
    assert _typed("The committee heard from Senator Kent on Monday.", "Kent") == "PERSON"



def test_courtesy_titles_acronyms_after_an_article_and_person_shaped_orgs():
    text = ("The Instituto Nacional de Vigilancia Hídrica (INVH) will publish levels daily, the ministry said.\n"
            "Mr Obi said the INVH had not been told. Dr Sato Hiroshi agreed.\n"
            "Prosecutors want to question a Zimbabwean businessman, Tapiwa Chiwenga, over the fraud.")
    _, ents = run(text)
    # the courtesy title makes the name a person's but stays out of the mention, as in the parser's spans
    assert owner(ents, "Obi").type == "PERSON" and owner(ents, "Sato Hiroshi").type == "PERSON"
    assert owner(ents, "INVH") is owner(ents, "Instituto Nacional de Vigilancia Hídrica")
    chiwenga = owner(ents, "Tapiwa Chiwenga")
    assert chiwenga.type == "PERSON" and chiwenga.country == "ZWE"


def test_a_person_noun_after_another_noun_phrase_still_makes_the_name_a_person_s():
    text = "Prosecutors will seek the extradition of a Zimbabwean businessman, Tapiwa Chiwenga, over the fraud."
    start = text.index("Tapiwa")
    cand = Cand(start, start + len("Tapiwa Chiwenga"), "ORG", "spacy")
    fix_types([cand], text, load_kb())
    assert cand.type == "PERSON"


def test_a_person_the_tagger_calls_a_place_is_a_person_unless_the_gazetteer_knows_the_place():
    text = ("The WHO's representative in the country, the Nigerian epidemiologist Ifeoma Okafor, said clean water "
            "came first.\nHe scored 14 goals last season for a side in Belo Horizonte.")
    start = text.index("Ifeoma")
    person = Cand(start, start + len("Ifeoma Okafor"), "GPE", "spacy")
    start = text.index("Belo")
    city = Cand(start, start + len("Belo Horizonte"), "GPE", "spacy")
    fix_types([person, city], text, load_kb())
    assert person.type == "PERSON" and city.type == "GPE"
