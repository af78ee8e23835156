"""``merge_new_entities``: stored entities matched as the document-local entities they were merged from."""
from __future__ import annotations

from collections import Counter

import pytest

from storyline.config import Settings
from storyline.fuse.entities import merge_entities
from storyline.fuse.incremental import merge_new_entities
from storyline.model import DocAnalysis, Document, Entity, Span

BASE = 110


def _parts(analyses: list[DocAnalysis], mapping: dict[str, str]) -> dict[str, list[Entity]]:
    out: dict[str, list[Entity]] = {}
    for a in analyses:
        for e in a.entities:
            out.setdefault(mapping[e.id], []).append(e)
    return out


def _agreement(analyses, parts_of) -> tuple[int, int]:
    """(new local entities placed as the whole run places them, new local entities): placed alike when the stored
    entity a new one joins holds most of the whole run's stored members of its entity, or both make a new one."""
    settings = Settings()
    _, full = merge_entities(analyses, settings)
    stored, base = merge_entities(analyses[:BASE], settings)
    merged = merge_new_entities(stored, analyses[BASE:], settings, len(stored) + 1, parts_of(analyses[:BASE], base))
    created = {e.id for e in merged.created}
    same = total = 0
    for a in analyses[BASE:]:
        for e in a.entities:
            total += 1
            owners = Counter(base[x] for x in base if full[x] == full[e.id])
            got = merged.mapping[e.id]
            same += (got in created and not owners) or (bool(owners) and owners.most_common(1)[0][0] == got)
    return same, total


@pytest.mark.slow
def test_new_entities_are_placed_as_the_whole_run_places_them(bench):
    analyses = bench.generate(160, seed=13, vectors="synthetic")
    same, total = _agreement(analyses, _parts)
    whole, _ = _agreement(analyses, lambda _a, _m: {})
    assert total > 300
    assert same >= whole
    assert same >= 0.99 * total


def _doc(doc: str, *ents: Entity) -> DocAnalysis:
    return DocAnalysis(document=Document(id=doc, source=doc), entities=list(ents))


def _person(doc: str, n: int, name: str, *aliases: str, start: int = 0, country: str | None = None) -> Entity:
    return Entity(id=f"{doc}/e{n}", name=name, type="PERSON", aliases=[name, *aliases], country=country,
                  mentions=[Span(doc, start, start + len(name), name)])


@pytest.mark.parametrize("matcher", ["rules", "trained"])
def test_a_stored_entity_stays_one_whatever_its_parts_say(matcher):
    """Two parts of one stored entity that no merge would join (their countries differ: an earlier batch's decision
    the cannot-links refuse now) stay one entity, and the new document's mention joins it with every stored
    mention."""
    stored = Entity(id="e7", name="Ilse Marrow", type="PERSON", aliases=["Ilse Marrow"], country="DEU",
                    mentions=[Span("d1", 0, 11, "Ilse Marrow"), Span("d2", 5, 16, "Ilse Marrow")])
    parts = {"e7": [_person("d1", 1, "Ilse Marrow", country="DEU"),
                    _person("d2", 1, "Ilse Marrow", start=5, country="AUT")]}
    new = [_doc("d3", _person("d3", 1, "Ilse Marrow", start=40, country="AUT"))]
    merged = merge_new_entities([stored], new, Settings(entity_matcher=matcher), 8, parts)
    assert merged.mapping == {"d3/e1": "e7"}
    assert not merged.created
    (e,) = merged.updated
    assert e.id == "e7" and e.name == "Ilse Marrow"
    assert sorted((m.doc, m.start) for m in e.mentions) == [("d1", 0), ("d2", 5), ("d3", 40)]


def test_without_parts_a_stored_entity_takes_part_whole():
    """A store written before the parts were indexed gives none: the stored entity is matched as itself."""
    stored = Entity(id="e2", name="Bruno Castellane", type="PERSON", aliases=["Bruno Castellane"],
                    mentions=[Span("d1", 0, 16, "Bruno Castellane")])
    merged = merge_new_entities([stored], [_doc("d2", _person("d2", 1, "Bruno Castellane"))], Settings(), 3)
    assert merged.mapping == {"d2/e1": "e2"}
    assert not merged.created
    assert [(m.doc, m.start) for m in merged.updated[0].mentions] == [("d1", 0), ("d2", 0)]


def _merge_parts(analyses: list[DocAnalysis]):
    settings = Settings()
    stored, base = merge_entities(analyses[:BASE], settings)
    return merge_new_entities(stored, analyses[BASE:], settings, len(stored) + 1, _parts(analyses[:BASE], base))


@pytest.mark.slow
def test_a_stored_entitys_parts_written_alike_stand_as_one_and_give_the_same_merge(bench, monkeypatch):
    """The parts of one stored entity written alike in many articles are matched as one (``_copies``): the update's
    entities, their names, aliases, mentions and countries and the new entities' ids are those of matching every
    part."""
    from storyline.fuse import entities
    from storyline.model import to_dict

    analyses = bench.generate(160, seed=13, vectors="synthetic")
    copies = entities._copies
    seen: list[tuple[int, int]] = []

    def counted(ents, doc_of, bound, labelled):
        out = copies(ents, doc_of, bound, labelled)
        seen.append((len(ents), len(set(out))))
        return out

    monkeypatch.setattr(entities, "_copies", counted)
    collapsed = _merge_parts(analyses)
    (n_all, n_kept), = seen
    assert n_kept < 0.8 * n_all   # the popular entities' parts do stand as one here
    monkeypatch.setattr(entities, "_copies", lambda ents, *_: list(range(len(ents))))
    every = _merge_parts(analyses)
    assert collapsed.mapping == every.mapping
    assert [to_dict(e) for e in collapsed.updated] == [to_dict(e) for e in every.updated]
    assert [to_dict(e) for e in collapsed.created] == [to_dict(e) for e in every.created]


def _org(doc: str, n: int, name: str, start: int = 0, kb_id: str | None = None) -> Entity:
    return Entity(id=f"{doc}/e{n}", name=name, type="ORG", aliases=[name], country="KEN", kb_id=kb_id,
                  mentions=[Span(doc, start, start + len(name), name)])


def test_the_rules_after_the_matcher_treat_a_parts_copies_as_every_part(monkeypatch):
    """The portfolio and central-bank rules read a stored entity's copies through the one standing for them
    (``_Collapsed``): a ministry named by part of its portfolio in five articles, a central bank named by its kind
    in four, beside the full names, place the new documents' names as matching every part does."""
    from storyline.fuse import entities
    from storyline.model import to_dict

    parts = {"e1": [_org(f"d{i}", 1, "trade ministry", 10 * i) for i in range(1, 6)],
             "e2": [_org("d6", 1, "Ministry of Investment, Trade and Industry")],
             "e3": [_org(f"d{i}", 2, "Kenyan central bank", 200, "inst:KEN:central_bank") for i in range(1, 5)],
             "e4": [_org("d7", 1, "Central Bank of Kenya")]}
    stored = [Entity(id=eid, name=ps[0].name, type="ORG", aliases=[ps[0].name], country="KEN", kb_id=ps[0].kb_id,
                     mentions=[m for p in ps for m in p.mentions]) for eid, ps in parts.items()]
    new = [_doc("d8", _org("d8", 1, "trade ministry", 3), _org("d8", 2, "Ministry of Trade and Tourism", 50)),
           _doc("d9", _org("d9", 1, "National Bank of Kenya", 5),
                _org("d9", 2, "Kenyan central bank", 80, "inst:KEN:central_bank"))]

    def merged() -> tuple:
        m = merge_new_entities(stored, new, Settings(entity_matcher="trained"), 5, parts)
        return m.mapping, [to_dict(e) for e in m.updated], [to_dict(e) for e in m.created]

    copies = entities._copies
    kept: list[int] = []
    monkeypatch.setattr(entities, "_copies", lambda *a: kept.append(len(set(out := copies(*a)))) or out)
    collapsed = merged()
    assert kept == [15 - 4 - 3]   # the five and the four parts do stand as one each
    monkeypatch.setattr(entities, "_copies", lambda ents, *_: list(range(len(ents))))
    assert collapsed == merged()
