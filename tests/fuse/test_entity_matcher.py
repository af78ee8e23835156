"""The trained entity matcher (storyline/fuse/entity_matcher.py) on hand-built corpora: its keys, its
cannot-links and the merges of the shipped model."""
from __future__ import annotations

import itertools
from pathlib import Path

import joblib
import pytest

from storyline.config import Settings
from storyline.fuse import entity_matcher
from storyline.fuse.entities import cluster_problem, match_problem, merge_entities
from storyline.model import DocAnalysis, Document, Entity, Span


def ent(doc: str, n: int, name: str, type_: str = "PERSON", country: str | None = None,
        mentions: int = 1, kb_id: str | None = None) -> Entity:
    spans = [Span(doc, 10 * i, 10 * i + len(name), name) for i in range(mentions)]
    return Entity(id=f"{doc}/e{n}", name=name, type=type_, country=country, aliases=[name], mentions=spans,
                  kb_id=kb_id)


def corpus(*docs: list[Entity]) -> list[DocAnalysis]:
    return [DocAnalysis(document=Document(id=ents[0].id.split("/")[0], source="x.txt"), entities=ents)
            for ents in docs]


def three_articles() -> list[DocAnalysis]:
    return corpus(
        [ent("d1", 1, "Taras Hlushko", country="UKR", mentions=2), ent("d1", 2, "Robert Tranter", mentions=2),
         ent("d1", 3, "Maria Lindqvist"), ent("d1", 4, "Charles Whitcombe Jr.")],
        [ent("d2", 1, "Taras Glushko"), ent("d2", 2, "Bobby"), ent("d2", 3, "Tomas Lindqvist"),
         ent("d2", 4, "Charles Whitcombe Sr.")],
        [ent("d3", 1, "Glushko"), ent("d3", 2, "Bob Tranter"), ent("d3", 3, "Ms Lindqvist"),
         ent("d3", 4, "Whitcombe Jr.")])


def test_trained_matcher_joins_variants_the_rules_leave_apart_and_keeps_different_people_apart():
    a = three_articles()
    _, rules = merge_entities(a, Settings(entity_matcher="rules"))
    _, m = merge_entities(a, Settings(entity_matcher="trained"))
    assert rules["d1/e1"] != rules["d2/e1"]                         # Hlushko/Glushko: h and g romanise one letter
    assert m["d1/e1"] == m["d2/e1"] == m["d3/e1"]
    assert m["d1/e2"] == m["d3/e2"]                                 # Bob ~ Robert
    assert m["d1/e3"] != m["d2/e3"]                                 # Maria and Tomas Lindqvist
    assert m["d3/e3"] == m["d1/e3"]                                 # "Ms Lindqvist" is Maria, not Tomas
    assert m["d1/e4"] != m["d2/e4"] and m["d3/e4"] != m["d2/e4"]    # father and son


def test_a_lone_surname_with_a_word_of_address_is_never_joined_to_a_namesake_of_the_other_sex():
    assert entity_matcher.person_gender(["Nowak", "Mr Nowak"], "") == "m"
    assert entity_matcher.person_gender(["Ewa Nowak"], "Ewa") == "f"
    assert entity_matcher.person_gender(["Nowak", "Dr Nowak"], "") == ""
    a = corpus([ent("d1", 1, "Krzysztof Nowak"), ent("d1", 2, "Ewa Nowak")],
               [Entity(id="d2/e1", name="Nowak", type="PERSON", aliases=["Nowak", "Mr Nowak"],
                       mentions=[Span("d2", 3, 8, "Nowak")])])
    _, m = merge_entities(a, Settings(entity_matcher="trained"))
    assert m["d1/e1"] != m["d1/e2"]
    assert m["d2/e1"] != m["d1/e2"]
    b = corpus([ent("d1", 1, "Krzysztof Nowak"), ent("d1", 2, "Ewa Nowak")], [ent("d2", 1, "Nowak")])
    _, m = merge_entities(b, Settings(entity_matcher="trained"))
    assert m["d2/e1"] not in (m["d1/e1"], m["d1/e2"])               # without the title it could be either


def test_keys_fold_romanisation_and_meet_a_pet_form_with_its_formal_name():
    assert entity_matcher.loose_skeleton("Gnatyuk") == entity_matcher.loose_skeleton("Hnatiuk")
    assert entity_matcher.loose_skeleton("Daqalo") == entity_matcher.loose_skeleton("Dagalo")
    assert entity_matcher.loose_skeleton("Lindqvist") == entity_matcher.loose_skeleton("Lindquist")
    assert entity_matcher.loose_skeleton("Lindqvist") != entity_matcher.loose_skeleton("Lindberg")
    problem = match_problem(three_articles(), Settings(entity_matcher="trained"))
    names = {(problem.ents[i].name, problem.ents[j].name) for i, j in problem.pairs}
    assert ("Robert Tranter", "Bobby") in names                     # "g" key: bobby → robert
    assert ("Taras Hlushko", "Taras Glushko") in names
    assert ("Taras Hlushko", "Robert Tranter") not in names
    # people who share only a given name (or a family name written first) are never compared
    others = match_problem(corpus([ent("d1", 1, "Ana Ruiz"), ent("d1", 2, "Wang Yiming")],
                                  [ent("d2", 1, "Ana Lopez"), ent("d2", 2, "Wang Jun")]), Settings())
    assert others.pairs == []


def test_a_french_ch_meets_an_english_sh_but_not_a_different_name():
    assert entity_matcher.sibilant_skeleton("Abou Chakra") == entity_matcher.loose_skeleton("Abu Shakra")
    assert entity_matcher.sibilant_skeleton("Achraf") == entity_matcher.loose_skeleton("Ashraf")
    assert entity_matcher.sibilant_skeleton("Chakra") != entity_matcher.loose_skeleton("Sharma")
    problem = match_problem(corpus([ent("d1", 1, "Karim Abou Chakra")], [ent("d2", 1, "Karim Abu Shakra")],
                                   [ent("d3", 1, "Mr Abou Chakra")], [ent("d4", 1, "Karim Chahine")]), Settings())
    names = {frozenset((problem.ents[i].name, problem.ents[j].name)) for i, j in problem.pairs}
    assert frozenset(("Karim Abou Chakra", "Karim Abu Shakra")) in names
    assert frozenset(("Karim Abu Shakra", "Mr Abou Chakra")) in names
    assert frozenset(("Karim Abu Shakra", "Karim Chahine")) not in names


def test_a_common_key_is_not_expanded_into_all_its_pairs():
    # 512 people named John, surnames of three distinct syllables: "john" and the initials "J?" are common keys
    syllables = ["Ba", "Ko", "Ri", "Tu", "Me", "Sa", "Ne", "Lo"]
    people = [ent(f"d{k}", 1, "John " + "".join(p).lower().capitalize())
              for k, p in enumerate(itertools.product(syllables, repeat=3))]
    infos = [entity_matcher.info_of(e) for e in people]
    pairs = entity_matcher.candidate_pairs(infos, range(len(people)), list(range(len(people))))
    assert len(pairs) < len(people)
    # the keys are there all the same: a lone "Johnny" meets a John by his given name when few Johns exist
    few = [entity_matcher.info_of(ent("d1", 1, "John Bakori")), entity_matcher.info_of(ent("d2", 1, "Johnny"))]
    assert entity_matcher.candidate_pairs(few, [0, 1], [0, 1]) == [(0, 1)]


def test_cannot_links_hold_whatever_the_probabilities():
    a = corpus([ent("d1", 1, "Samuel Okafor Jr.")], [ent("d2", 1, "Samuel Okafor")],
               [ent("d3", 1, "Samuel Okafor Sr.")], [ent("d4", 1, "Grace Okafor"), ent("d4", 2, "Peter Okafor")])
    problem = match_problem(a, Settings(entity_matcher="trained"))
    roots = cluster_problem(problem, [1.0] * len(problem.pairs), 0.5)
    by = {e.id: r for e, r in zip(problem.ents, roots)}
    assert by["d1/e1"] != by["d3/e1"]                               # Jr. and Sr., even through the plain name
    assert len({by["d4/e1"], by["d4/e2"], by["d1/e1"]}) == 3        # Grace, Peter and Samuel


def test_a_model_of_other_features_is_refused(tmp_path: Path):
    path = tmp_path / "old.joblib"
    joblib.dump({"classifier": None, "threshold": 0.5, "features": ("name_ratio",)}, path)
    with pytest.raises(ValueError, match="other features"):
        entity_matcher.load_matcher(str(path))


def test_an_unknown_matcher_setting_is_an_error():
    with pytest.raises(ValueError, match="entity_matcher"):
        merge_entities(three_articles(), Settings(entity_matcher="llm"))


def test_keys_meet_a_name_in_the_other_order_and_a_second_given_name():
    problem = match_problem(corpus(
        [ent("d1", 1, "Chen Lihua"), ent("d1", 3, "Abdul Karim Haidari")],
        [ent("d2", 1, "Lihua Chen"), ent("d2", 3, "Karim")]), Settings())
    names = {(problem.ents[i].name, problem.ents[j].name) for i, j in problem.pairs}
    assert ("Chen Lihua", "Lihua Chen") in names                    # family name first in one outlet only
    assert ("Abdul Karim Haidari", "Karim") in names                # known by the second given name
    # a first surname before the last ("Herrera Vidal"); a known given name in that place is no surname
    herrera = entity_matcher.info_of(ent("d1", 1, "Tomás Herrera Vidal"))
    assert entity_matcher.shares_key(herrera, entity_matcher.info_of(ent("d2", 1, "Mr Herrera")))
    assert not entity_matcher.shares_key(entity_matcher.info_of(ent("d1", 1, "Ana Maria Ruiz")),
                                         entity_matcher.info_of(ent("d2", 1, "Juan Moro")))
    # the order key is a person's: two bodies whose words merely coincide are no pair by it
    infos = [entity_matcher.info_of(ent("d1", 1, "Bank Central", "ORG")),
             entity_matcher.info_of(ent("d2", 1, "Central Bank", "ORG"))]
    assert not any(k[0] == "o" for i in infos for k in i.keys)


def test_a_bare_surname_ner_typed_a_place_or_body_is_judged_against_the_person_it_names():
    full = entity_matcher.info_of(ent("d1", 1, "Aurelio Salcedo"))
    as_place = entity_matcher.info_of(ent("d2", 1, "Salcedo", "GPE"))
    known = entity_matcher.info_of(ent("d3", 1, "Jordan", "GPE", kb_id="gpe:JOR"))
    other = entity_matcher.info_of(ent("d4", 1, "Culiacan", "GPE"))
    assert entity_matcher.in_scope(full, as_place) and entity_matcher.in_scope(as_place, full)
    assert not entity_matcher.in_scope(entity_matcher.info_of(ent("d1", 2, "Patricia Jordan")), known)
    assert not entity_matcher.in_scope(full, other)
    # judged, not necessarily joined: whether they join is the trained matcher's call (0.59 against its 0.6
    # threshold in the model built from session 15's code), so the test pins the candidate, not the verdict
    assert entity_matcher.candidate_pairs([full, as_place, other], [0, 1, 2], [0, 1, 2]) == [(0, 1)]


def test_an_h_one_romanisation_drops_still_meets_the_other_spelling():
    a = entity_matcher.info_of(ent("d1", 1, "Hossein Karimzadeh"))
    b = entity_matcher.info_of(ent("d2", 1, "Hussein Karimzade"))
    c = entity_matcher.info_of(ent("d3", 1, "Hussein Karimov"))
    assert entity_matcher.shares_key(a, b)
    assert not entity_matcher.shares_key(a, c)


def test_a_description_meets_only_the_named_entities_its_head_fits():
    pm = Entity(id="d1/e1", name="Harriet Pembroke", type="PERSON", role="Prime Minister", aliases=["Harriet Pembroke"],
                mentions=[Span("d1", 0, 16, "Harriet Pembroke")])
    desc = Entity(id="d2/e1", name="prime minister", type="ORG", generic=True, aliases=["prime minister"],
                  mentions=[Span("d2", 0, 14, "prime minister")])
    police = Entity(id="d2/e2", name="police", type="ORG", generic=True, aliases=["police"],
                    mentions=[Span("d2", 20, 26, "police")])
    infos = [entity_matcher.info_of(e) for e in (pm, desc, police)]
    assert entity_matcher.description_head(infos[0], infos[1]) == (True, True)
    assert entity_matcher.candidate_pairs(infos, [0, 1, 2], [0, 1, 2]) == [(0, 1)]
    assert entity_matcher.in_scope(infos[0], infos[1]) and not entity_matcher.in_scope(infos[1], infos[2])


def test_an_organisation_named_in_two_languages_or_by_a_short_form_is_judged():
    # invented bodies: a hospital in English and Finnish (a genitive city name), a club by its name without
    # the club's initials, a ministry's short form; two ministries share only a generic word
    en = ent("d1", 1, "Kuopiola University Hospital", "ORG")
    fi = ent("d2", 1, "Kuopiolan yliopistollinen sairaala", "PERSON")    # NER's person reading of a foreign name
    club, short = ent("d1", 2, "FK Zelengora Foča", "ORG"), ent("d2", 2, "Zelengora", "ORG")
    health = ent("d1", 3, "Ministry of Health and Social Protection", "ORG")
    finance = ent("d2", 3, "Ministry of Finance", "ORG")
    health_short = ent("d2", 4, "Health Ministry", "ORG")
    infos = {e.id: entity_matcher.info_of(e) for e in (en, fi, club, short, health, finance, health_short)}
    assert not infos["d2/e1"].person and infos["d2/e1"].org
    assert entity_matcher.org_cover(infos["d1/e1"].org, infos["d2/e1"].org) == (1.0, 1.0, 0.5)
    assert entity_matcher.shares_key(infos["d1/e1"], infos["d2/e1"])
    assert entity_matcher.in_scope(infos["d1/e1"], infos["d2/e1"])
    assert entity_matcher.in_scope(infos["d1/e2"], infos["d2/e2"])
    assert entity_matcher.in_scope(infos["d1/e3"], infos["d2/e4"])
    assert not entity_matcher.in_scope(infos["d1/e3"], infos["d2/e3"])       # only "ministry" shared
    assert not entity_matcher.foreign_institution_word("Marta Policarpo")


def test_a_lone_feminine_surname_is_not_the_man_of_the_family():
    a = corpus([ent("d1", 1, "Biljana Dobrenovska", mentions=2), ent("d1", 2, "Petar Dobrenovski", mentions=2)],
               [ent("d2", 1, "Dobrenovska", mentions=2)], [ent("d3", 1, "Petar Dobrenovski")])
    problem = match_problem(a, Settings(entity_matcher="trained"))
    roots = cluster_problem(problem, [1.0] * len(problem.pairs), 0.5)
    by = {e.id: r for e, r in zip(problem.ents, roots)}
    assert by["d1/e1"] != by["d1/e2"] and by["d2/e1"] != by["d3/e1"]
    infos = [entity_matcher.info_of(e) for e in problem.ents]
    row = dict(zip(entity_matcher.FEATURES, entity_matcher.pair_features(
        problem.ents[0], problem.ents[1], infos[0], infos[1], rule_same=False, same_doc=True)))
    assert row["surname_gendered"] == 1.0


def test_a_lone_name_is_judged_against_a_full_name_only_when_it_spells_part_of_it():
    """A lone name meets a full name it spells the surname or one of the first two given names of (many people go by
    their second); a lone name that spells none of them is another person, not a pair for the matcher to weigh."""
    full = entity_matcher.info_of(ent("d1", 1, "Sven Erik Dahlquist"))
    for lone in ("Dahlquist", "Mr Dahlquist", "Sven", "Erik"):
        other = entity_matcher.info_of(ent("d2", 1, lone))
        assert entity_matcher.in_scope(other, full) and entity_matcher.in_scope(full, other), lone
    for lone in ("Brennholt", "Mr Brennholt"):
        other = entity_matcher.info_of(ent("d2", 1, lone))
        assert not entity_matcher.in_scope(other, full) and not entity_matcher.in_scope(full, other), lone


def test_a_person_named_with_an_organisation_kind_word_is_read_as_a_body():
    # NER calls "Tullavik Mining" a person; its last word names companies. A given name in front keeps a person.
    assert not entity_matcher.info_of(ent("d1", 1, "Tullavik Mining")).person
    assert not entity_matcher.info_of(ent("d1", 2, "Kestrel Airways")).person
    assert entity_matcher.info_of(ent("d1", 3, "Kwame Gold")).person
    assert entity_matcher.info_of(ent("d1", 4, "Tullavik")).person


def test_a_body_named_in_its_own_language_meets_its_english_name_by_its_head_words_and_country():
    """No word of "Lietuvos Aukščiausiasis Teismas" is a word of "Supreme Court of Lithuania" as written; glossed, both
    are a supreme court of one country (the genitive "Lietuvos" names Lithuania), and the pair is the matcher's. A
    regional court of that country (another head) and a supreme court of another country are no such pair."""
    own = entity_matcher.info_of(ent("d1", 1, "Lietuvos Aukščiausiasis Teismas"))    # NER's person reading
    english = entity_matcher.info_of(ent("d2", 1, "Supreme Court of Lithuania", "ORG"))
    regional = entity_matcher.info_of(ent("d3", 1, "Vilniaus Apygardos Teismas", "ORG"))
    latvian = entity_matcher.info_of(ent("d4", 1, "Supreme Court of Latvia", "ORG"))
    assert own.heads == english.heads == {"court", "supreme"}
    assert own.countries == english.countries == {"LTU"} and latvian.countries == {"LVA"}
    assert entity_matcher.shares_key(own, english) and entity_matcher.in_scope(own, english)
    assert not entity_matcher.in_scope(own, regional) and not entity_matcher.in_scope(english, latvian)
    # an inflected country word is read by its beginning, a longer word that merely opens alike is not
    assert entity_matcher.named_countries(["Lithuanian Sea Ports"]) == {"LTU"}
    assert entity_matcher.named_countries(["Francesca Textiles"]) == frozenset()


def test_blocked_candidates_are_the_pairs_that_share_a_key_on_a_small_corpus():
    """Below the block limits the blocked candidates are the all-pairs reference: every pair of entities that share a
    key (``shares_key``, read pair by pair), organisations named in two languages among them."""
    names = [("Lietuvos Aukščiausiasis Teismas", "PERSON", None), ("Supreme Court of Lithuania", "ORG", "LTU"),
             ("Vilniaus Apygardos Teismas", "ORG", None), ("Supreme Court of Latvia", "ORG", "LVA"),
             ("Ministerio de Defensa", "ORG", "ESP"), ("Defence Ministry", "ORG", "ESP"),
             ("Ministry of Defence", "ORG", "GBR"), ("Harju Maakohus", "ORG", "EST"),
             ("Harju County Court", "ORG", None), ("Saaremaa Lennuliinid", "PERSON", None),
             ("Saaremaa Airlines", "ORG", None), ("Mari Tamm", "PERSON", None), ("Tamm", "PERSON", None),
             ("Pärnu Sadam", "ORG", "EST"), ("Port of Pärnu", "ORG", None)]
    infos = [entity_matcher.info_of(ent(f"d{k}", 1, n, t, c)) for k, (n, t, c) in enumerate(names)]
    members = list(range(len(infos)))
    blocked = set(entity_matcher.candidate_pairs(infos, members, members))
    reference = {(i, j) for i, j in itertools.combinations(members, 2) if entity_matcher.shares_key(infos[i], infos[j])}
    assert blocked == reference
    assert (0, 1) in blocked and (4, 5) in blocked


def test_a_common_head_word_of_one_country_is_not_expanded_into_all_its_pairs():
    # forty courts of one country, each named by a distinct place: "court@EST" is one key held by all of them
    places = ["".join(p).capitalize() for p in itertools.product(["ka", "lo", "mu", "ri", "te"], ["sk", "rv", "lt"],
                                                                 ["a", "u", "e"])][:40]
    courts = [entity_matcher.info_of(ent(f"d{k}", 1, f"{p} County Court", "ORG", "EST")) for k, p in enumerate(places)]
    assert all(("t", "court@EST") in c.keys for c in courts)
    members = list(range(len(courts)))
    pairs = entity_matcher.candidate_pairs(courts, members, members)
    # the key's block, over the organisation-word limit, adds no pair: the ones left are the other keys' own
    for c in courts:
        c.keys = {k for k in c.keys if k[0] != "t"}
    assert pairs == entity_matcher.candidate_pairs(courts, members, members)
    assert len(entity_matcher.candidate_pairs(courts[:8], members[:8], members[:8])) == 28    # a small block: all
