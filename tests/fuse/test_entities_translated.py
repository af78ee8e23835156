"""Organisations named in two languages, or by an acronym NER typed a place, meet in the rule merge (issue 17)."""
from __future__ import annotations

from storyline.config import Settings
from storyline.fuse.entities import merge_entities
from storyline.resolve.names import is_acronym_for
from tests.fuse.test_entities_blocking import corpus, ent, same_result


def test_a_name_in_its_own_language_meets_its_english_name_by_glossed_words():
    _, m = same_result(corpus(
        [ent("d1", 1, "Comisión Nacional de los Mercados y la Competencia", "ORG", "ESP")],
        [ent("d2", 1, "National Markets and Competition Commission", "ORG", "ESP")],
        [ent("d3", 1, "Komisi Pemberantasan Korupsi", "ORG", "IDN")],
        [ent("d4", 1, "Corruption Eradication Commission", "ORG", "IDN")],
        [ent("d5", 1, "National Energy Commission", "ORG", "ESP")],
    ))
    assert m["d1/e1"] == m["d2/e1"] != m["d5/e1"]
    assert m["d3/e1"] == m["d4/e1"] != m["d1/e1"]


def test_romanised_function_words_carry_no_initial():
    assert is_acronym_for("FSVTS", "Federalnaya sluzhba po voenno-tekhnicheskomu sotrudnichestvu")
    assert is_acronym_for("BSP", "Bangko Sentral ng Pilipinas")
    assert not is_acronym_for("FSPVTS", "Federal Service for Military-Technical Cooperation")


def test_an_acronym_typed_a_place_meets_its_expansion_but_a_country_does_not():
    _, m = same_result(corpus(
        [ent("d1", 1, "Ministry of Defence", "ORG", "GBR"), ent("d1", 2, "United Kingdom", "GPE", "GBR")],
        [ent("d2", 1, "MoD", "GPE"), ent("d2", 2, "UK", "GPE", "GBR")],
    ))
    assert m["d1/e1"] == m["d2/e1"]
    assert m["d2/e2"] != m["d1/e1"]
    ents, _ = merge_entities(corpus([ent("d1", 1, "Ministry of Defence", "ORG", "GBR")],
                                    [ent("d2", 1, "MoD", "GPE")]), Settings(entity_matcher="trained"))
    assert len(ents) == 1 and ents[0].type == "ORG"


def test_a_cyrillic_acronym_meets_its_full_name_and_its_spelling_in_the_other_script():
    """ИБР spells the initials of Исламский банк развития; ЄЦБ is ЕЦБ with Ukrainian Є; ЮНСИТРАЛ is UNCITRAL
    transliterated; ЄАЕС is none of them (issue 19, twenty-first round)."""
    _, m = same_result(corpus(
        [ent("d1", 1, "Исламский банк развития", "ORG")],
        [ent("d2", 1, "ИБР", "ORG")],
        [ent("d3", 1, "ЄЦБ", "ORG")],
        [ent("d4", 1, "ЕЦБ", "ORG")],
        [ent("d5", 1, "ЮНСИТРАЛ", "ORG")],
        [ent("d6", 1, "UNCITRAL", "ORG")],
        [ent("d7", 1, "ЄАЕС", "ORG")],
    ))
    assert m["d1/e1"] == m["d2/e1"]
    assert m["d3/e1"] == m["d4/e1"] != m["d1/e1"]
    assert m["d5/e1"] == m["d6/e1"] != m["d3/e1"]
    assert m["d7/e1"] not in {m["d1/e1"], m["d3/e1"], m["d5/e1"]}


def test_cyrillic_acronyms_by_initials_and_by_letters():
    assert is_acronym_for("ЮжБР", "Южный банк развития")  # the small letter is the first word's second
    assert is_acronym_for("РБСА", "Рада з безпеки та співробітництва в Азії")  # з, та, в carry none
    assert is_acronym_for("ЮНКТАД", "UNCTAD") and is_acronym_for("ЭКОВАС", "ECOWAS")
    assert not is_acronym_for("ИБР", "Исламский союз")
    assert not is_acronym_for("ЕЦБ", "Европейский банк")
