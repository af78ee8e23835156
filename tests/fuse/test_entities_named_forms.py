"""Names the per-document stages kept as descriptions or typed wrongly, and company names with a legal form or a
subsidiary's country, meet their other forms in the entity merge (issue 17, session 14)."""
from __future__ import annotations

from dataclasses import replace

from storyline.config import Settings
from storyline.fuse import entity_matcher
from storyline.fuse.entities import local_entities, merge_entities
from storyline.resolve.names import is_acronym_for
from tests.fuse.test_entities_blocking import corpus, ent


def generic(doc: str, n: int, name: str, type_: str = "ORG", country: str | None = None):  # type: ignore[no-untyped-def]
    return replace(ent(doc, n, name, type_, country), generic=True)


def test_a_capitalised_name_kept_as_a_description_is_a_named_organisation():
    ents = local_entities(corpus(
        [generic("d1", 1, "The Frente Unido del Magdalena"), generic("d1", 2, "Malaysian Anti-Corruption Commission",
                                                                       country="MYS")],
        [generic("d2", 1, "Church leaders"), generic("d2", 2, "Kenyan Police", country="KEN"),
         generic("d2", 3, "the rebel commander", "PERSON")],
    ))
    by_id = {e.id: e for e in ents}
    assert not by_id["d1/e1"].generic and by_id["d1/e1"].name == "Frente Unido del Magdalena"
    assert not by_id["d1/e2"].generic and by_id["d1/e2"].type == "ORG"
    # a lower-case head, one capitalised word beside a demonym, a person's description: still descriptions
    assert by_id["d2/e1"].generic and by_id["d2/e2"].generic and by_id["d2/e3"].generic


def test_the_named_organisation_meets_its_acronym_in_another_article():
    _, m = merge_entities(corpus(
        [generic("d1", 1, "The Frente Unido del Magdalena")],
        [ent("d2", 1, "FUM", "ORG")],
        [ent("d3", 1, "Frente Amplio", "ORG")],
    ), Settings())
    assert m["d1/e1"] == m["d2/e1"] != m["d3/e1"]


def test_a_lone_speaker_word_that_is_a_named_persons_given_name_is_that_person():
    ents = local_entities(corpus(
        [ent("d1", 1, "Datuk Seri Azman bin Ismail"), ent("d1", 2, "Habtamu Gebremedhin Tesfaye")],
        [generic("d2", 1, "Azman", "PERSON"), generic("d2", 2, "Habtamu", "PERSON"),
         generic("d2", 3, "Officials", "PERSON")],
    ))
    by_id = {e.id: e for e in ents}
    assert not by_id["d2/e1"].generic and by_id["d2/e1"].type == "PERSON"
    assert not by_id["d2/e2"].generic
    assert by_id["d2/e3"].generic


def test_a_given_name_two_people_of_the_corpus_bear_names_neither():
    ents = local_entities(corpus(
        [ent("d1", 1, "Ana Ruiz"), ent("d1", 2, "Ana Lopez")],
        [generic("d2", 1, "Ana", "PERSON")],
    ))
    assert next(e for e in ents if e.id == "d2/e1").generic


def test_a_lone_given_name_ner_typed_a_place_is_judged_against_the_person():
    full = entity_matcher.info_of(ent("d1", 1, "Kurniawan Prasetyo"))
    lone = entity_matcher.info_of(ent("d2", 1, "Kurniawan", "GPE"))
    known = entity_matcher.info_of(ent("d3", 1, "Jordan", "GPE", kb_id="gpe:JOR"))
    assert entity_matcher.in_scope(full, lone) and entity_matcher.in_scope(lone, full)
    assert not entity_matcher.in_scope(entity_matcher.info_of(ent("d4", 1, "Jordan Pickford")), known)
    assert not entity_matcher.in_scope(entity_matcher.info_of(ent("d5", 1, "Budi Prasetyo")), lone)


def test_a_short_word_in_capitals_gives_all_its_letters_to_the_acronym():
    assert is_acronym_for("UMSA", "Ubuntu Mining SA")
    assert is_acronym_for("UMS", "Ubuntu Mining SA")
    assert not is_acronym_for("UMSA", "Ubuntu Mining Services")


def test_a_subsidiary_named_by_its_country_meets_the_brand_but_not_another_countrys_subsidiary():
    _, m = merge_entities(corpus(
        [ent("d1", 1, "Ubuntu Mining South Africa", "ORG")],
        [ent("d2", 1, "Ubuntu Mining SA", "ORG", "ZAF")],
        [ent("d3", 1, "Ubuntu Mining Ghana", "ORG", "GHA")],
        [ent("d4", 1, "Bank of Ghana", "ORG", "GHA")],
        [ent("d5", 1, "Bank of Kenya", "ORG", "KEN")],
    ), Settings(entity_matcher="rules"))
    assert m["d1/e1"] == m["d2/e1"]
    assert m["d3/e1"] != m["d2/e1"]
    assert m["d4/e1"] != m["d5/e1"]


def test_a_state_bodys_name_with_and_without_national_meets_in_one_country_only():
    _, m = merge_entities(corpus(
        [ent("d1", 1, "Ministerio de Defensa Nacional", "ORG", "COL")],
        [ent("d2", 1, "Defence Ministry", "ORG", "COL")],
        [ent("d3", 1, "Defence Ministry", "ORG", "PER")],
        [ent("d4", 1, "National Health Ministry", "ORG", "COL")],
    ), Settings(entity_matcher="rules"))
    assert m["d1/e1"] == m["d2/e1"]
    assert m["d3/e1"] != m["d1/e1"] and m["d4/e1"] != m["d1/e1"]


def test_a_states_long_name_without_its_inner_article_is_the_state():
    from storyline.resolve.kb import load_kb

    kb = load_kb()
    assert kb.lookup("Democratic Republic of Congo") == kb.lookup("Democratic Republic of the Congo")
    assert kb.country_of("democratic republic of congo") == "COD"
    assert kb.country_of("republic of congo") == kb.country_of("republic of the congo")
