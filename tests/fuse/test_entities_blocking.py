"""The blocked rule merge equals the all-pairs merge it replaced (tests/reference/entities.py)."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.fuse.entities import merge_entities
from storyline.model import DocAnalysis, Document, Entity, Span, to_dict
from tests.reference.entities import merge_entities as merge_all_pairs


def ent(doc: str, n: int, name: str, type_: str = "PERSON", country: str | None = None,
        aliases: list[str] | None = None, kb_id: str | None = None) -> Entity:
    aliases = aliases or [name]
    return Entity(id=f"{doc}/e{n}", name=name, type=type_, country=country, aliases=aliases,
                  mentions=[Span(doc, 0, len(aliases[0]), aliases[0])], kb_id=kb_id)


def corpus(*docs: list[Entity]) -> list[DocAnalysis]:
    return [DocAnalysis(document=Document(id=ents[0].id.split("/")[0], source="x.txt"), entities=ents)
            for ents in docs]


def same_result(analyses: list[DocAnalysis]) -> tuple[list[Entity], dict[str, str]]:
    # the reference is the rule merge's; the trained matcher starts from the rules' groups
    settings = Settings(entity_matcher="rules")
    ents, mapping = merge_entities(analyses, settings)
    ref_ents, ref_mapping = merge_all_pairs(analyses, settings)
    assert mapping == ref_mapping
    assert [to_dict(e) for e in ents] == [to_dict(e) for e in ref_ents]
    return ents, mapping


def test_every_rule_of_the_pairwise_merge_finds_its_pairs_through_a_key():
    _, m = same_result(corpus(
        [ent("d1", 1, "National Water Authority", "ORG", "KEN"), ent("d1", 2, "Dana Whitlock", country="KEN"),
         ent("d1", 3, "Department of Justice", "ORG", "USA"), ent("d1", 4, "Lagos Port Workers Union", "ORG")],
        [ent("d2", 1, "NWA", "ORG"), ent("d2", 2, "Whitlock"), ent("d2", 3, "DOJ", "ORG"),
         ent("d2", 4, "Lagos Port Workers' General Union", "ORG")],
        [ent("d3", 1, "Authority National Water", "ORG", "UGA"), ent("d3", 2, "Dan Whitlock", country="UGA"),
         ent("d3", 3, "Organisation of Coffee Growers", "ORG", aliases=["Coffee Growers Organization"])],
        [ent("d4", 1, "Coffee Growers Organization", "ORG"), ent("d4", 2, "Whitlock", country="UGA"),
         ent("d4", 3, "Ortega"), ent("d4", 4, "Haruki Yamamoto")],
        [ent("d5", 1, "Ortega"), ent("d5", 2, "Yamamoto Haruki"), ent("d5", 3, "N.W.A.", "ORG", "KEN")],
    ))
    assert m["d1/e1"] == m["d5/e3"] != m["d3/e1"]                  # acronym; the countries differ
    assert m["d1/e3"] == m["d2/e3"]                                # "DOJ" keeps the "of"
    assert m["d1/e4"] == m["d2/e4"]                                # the subset rule
    assert m["d3/e3"] == m["d4/e1"]                                # content words
    assert m["d4/e2"] == m["d3/e2"] != m["d1/e2"]                  # a surname joins the one of its country
    assert m["d4/e3"] == m["d5/e1"]                                # surnames without a full name meet
    assert m["d4/e4"] == m["d5/e2"]                                # family name first


@pytest.mark.parametrize("seed", [5, 6])
@pytest.mark.parametrize("one_form", [False, True])
def test_generated_corpus_merges_as_all_pairs_do(bench, seed, one_form):
    analyses = bench.generate(300, seed=seed, vectors="")
    if one_form:
        # each article names an organisation or place by one of its forms only (the acronym here, the full
        # name there), so that the corpus joins them by the name rules, not by shared aliases
        for k, a in enumerate(analyses):
            for e in a.entities:
                if e.type != "PERSON" and len(e.aliases) > 1:
                    e.name = e.aliases[k % len(e.aliases)]
                    e.aliases = [e.name]
    ents, _ = same_result(analyses)
    local = sum(len(a.entities) for a in analyses)
    assert len(ents) < local / 2       # the corpus names its actors many times and in many forms
