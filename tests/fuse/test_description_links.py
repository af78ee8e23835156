"""The trained cross-article description links: the look-ups that find a description's candidates, the decision's
restraint, and the setting that turns the step off."""
from __future__ import annotations

import numpy as np

from storyline.config import Settings
from storyline.fuse.description_links import Fit, LinkModel, rows
from storyline.fuse.entities import description_link_candidates, merge_entities
from storyline.model import DocAnalysis, Document, Entity, Span


def named(doc: str, n: int, name: str, type_: str = "ORG", role: str | None = None, mentions: int = 1) -> Entity:
    return Entity(id=f"{doc}/e{n}", name=name, type=type_, aliases=[name], role=role, country="GHA",
                  mentions=[Span(doc, 10 * i, 10 * i + len(name), name) for i in range(mentions)])


def described(doc: str, n: int, phrase: str, type_: str = "ORG") -> Entity:
    return Entity(id=f"{doc}/e{n}", name=phrase, type=type_, generic=True, aliases=[phrase],
                  mentions=[Span(doc, 100 + n, 100 + n + len(phrase), phrase)])


def candidates(ents: list[Entity]) -> dict[str, list[str]]:
    doc_of = [e.id.split("/")[0] for e in ents]
    found = description_link_candidates(ents, list(range(len(ents))), doc_of)
    return {ents[c.description].name: sorted(ents[r].name for r in c.roots) for c in found}


def test_a_description_meets_the_bodies_its_kind_names_and_the_people_its_role_names_in_other_articles():
    ents = [named("a", 1, "Volta Coast Airways", mentions=3), named("a", 2, "Ghana Ports Authority"),
            named("a", 3, "Kwabena Asante", "PERSON", role="Chief executive"),
            described("b", 1, "the carrier"), described("b", 2, "The chief executive", "PERSON"),
            described("b", 3, "protesters")]
    got = candidates(ents)
    assert got["the carrier"] == ["Volta Coast Airways"]
    assert got["The chief executive"] == ["Kwabena Asante"]
    assert "protesters" not in got   # nothing its head indexes
    fits = description_link_candidates(ents, list(range(len(ents))), [e.id.split("/")[0] for e in ents])
    carrier = next(c for c in fits if ents[c.description].name == "the carrier")
    assert carrier.fits[0].org_kind and not carrier.fits[0].same_article and carrier.fits[0].candidate_articles == 1


def test_a_generic_description_with_two_fitting_bodies_has_both_as_candidates_and_stays_unlinked():
    ents = [named("a", 1, "Ministry of Finance"), named("a", 2, "Ministry of Agriculture"),
            described("b", 1, "The ministry")]
    assert candidates(ents) == {"The ministry": ["Ministry of Agriculture", "Ministry of Finance"]}

    class Sure:   # a classifier that would take either ministry
        def predict_proba(self, x: list[list[float]]) -> np.ndarray:
            return np.array([[0.1, 0.9] for _ in x])

    model = LinkModel(classifier=Sure(), threshold=0.5, features=())
    two = [Fit(person_description=False, org_head=True) for _ in range(2)]
    assert model.choose(two) is None
    assert model.choose(two[:1]) == 0
    assert len(rows(two)[0]) == len(rows(two[:1])[0])


def test_the_rules_setting_the_default_leaves_a_description_of_another_article_apart():
    docs = [DocAnalysis(document=Document(id="a", source="a"),
                        entities=[named("a", 1, "Volta Coast Airways", mentions=3)]),
            DocAnalysis(document=Document(id="b", source="b"), entities=[described("b", 1, "the carrier")])]
    _, id_map = merge_entities(docs, Settings(description_links="rules"))
    assert id_map["a/e1"] != id_map["b/e1"]
    _, id_map = merge_entities(docs, Settings())
    assert id_map["a/e1"] != id_map["b/e1"]


def test_the_shipped_model_links_a_lone_fitting_carrier_unless_the_store_could_not_look_its_candidates_up():
    docs = [DocAnalysis(document=Document(id="a", source="a"),
                        entities=[named("a", 1, "Volta Coast Airways", mentions=3)]),
            DocAnalysis(document=Document(id="b", source="b"), entities=[described("b", 1, "the carrier")])]
    trained = Settings(description_links="trained")
    _, id_map = merge_entities(docs, trained)
    assert id_map["a/e1"] == id_map["b/e1"]
    _, id_map = merge_entities(docs, trained, unlinked=lambda e: e.generic)
    assert id_map["a/e1"] != id_map["b/e1"]
