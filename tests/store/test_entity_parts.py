"""``fuse_entity_parts``: a stored entity's parts written alike are stored once with their copies, and read back as
every part, in corpus order."""
from __future__ import annotations

from storyline.model import DocAnalysis, Document, Entity, Span, to_dict
from storyline.store import Store, incremental


def _analysis(doc: str, source: str, *ents: Entity) -> DocAnalysis:
    return DocAnalysis(document=Document(id=doc, source=source), entities=list(ents))


def _ent(doc: str, n: int, name: str, start: int, **kw) -> Entity:
    return Entity(id=f"{doc}/e{n}", name=name, type=kw.pop("type", "GPE"), aliases=[name], **kw,
                  mentions=[Span(doc, start, start + len(name), name), Span(doc, start + 40, start + 40 + len(name),
                                                                           name)])


def test_parts_written_alike_are_stored_once_and_read_back_as_every_part(tmp_path):
    analyses = [
        _analysis("d1", "b", _ent("d1", 1, "Kenya", 0, country="KEN"), _ent("d1", 2, "Nairobi", 9)),
        # two parts of one entity in one article, ids sorting as their JSON does ("d2/e10" after "d2/e1")
        _analysis("d2", "a", _ent("d2", 10, "Kenya", 5, country="KEN"), _ent("d2", 1, "Kenya", 70, country="KEN")),
        _analysis("d3", "a", _ent("d3", 1, "Kenya", 3, country="KEN", role="x"), _ent("d3", 2, "Kenya", 90,
                                                                                        country="KEN")),
        _analysis("d4", "c", _ent("d4", 1, "Kenya", 12, country="KEN"), _ent("d4", 2, "Kenia", 30, country="KEN")),
    ]
    mapping = {e.id: ("e2" if e.name == "Nairobi" else "e1") for a in analyses for e in a.entities}
    with Store(tmp_path / "parts.duckdb") as store:
        incremental._ensure(store)
        incremental._index_parts(store, analyses, mapping)
        n_rows = store.con.execute("SELECT count(*) FROM fuse_entity_parts").fetchone()[0]
        got = incremental._parts(store, {"e1", "e2", "e9"})
    # Kenya written alike in four articles (five parts) is one row; "Kenia" and the one with a role are their own
    assert n_rows == 4
    every = sorted(((a.document.source, a.document.id, e.id, e) for a in analyses for e in a.entities),
                   key=lambda x: x[:3])
    for entity in ("e1", "e2"):
        want = [to_dict(e) for *_, e in every if mapping[e.id] == entity]
        assert [to_dict(e) for e in got[entity]] == want
    assert [e.id for e in got["e1"]] == ["d2/e1", "d2/e10", "d3/e1", "d3/e2", "d1/e1", "d4/e1", "d4/e2"]
    assert "e9" not in got
    # the parts are separate objects: one's aliases edited leaves the others'
    got["e1"][0].aliases.append("Republic of Kenya")
    assert got["e1"][1].aliases == ["Kenya"]


def test_a_store_written_before_the_copies_column_is_fused_again_and_its_rows_read_as_they_are(tmp_path,
                                                                                              monkeypatch):
    import json

    from storyline.config import Settings

    old_ddl = "CREATE TABLE IF NOT EXISTS fuse_entity_parts (entity VARCHAR, source VARCHAR, doc VARCHAR, part JSON)"
    older = tuple(old_ddl if "fuse_entity_parts" in t else t for t in incremental.INDEX_DDL)
    parts = [_ent("d1", 1, "Kenya", 0, country="KEN"), _ent("d2", 1, "Kenya", 4, country="KEN")]
    with Store(tmp_path / "older.duckdb") as store:
        for stmt in older:
            store.con.execute(stmt)
        # the two parts written alike, one row each, as the older version wrote them
        for e in parts:
            store.con.execute("INSERT INTO fuse_entity_parts VALUES ('e1', 'a', ?, ?)",
                              [e.mentions[0].doc, json.dumps(to_dict(e), ensure_ascii=False)])
        with monkeypatch.context() as m:
            m.setattr(incremental, "INDEX_DDL", older)
            store.con.execute("INSERT OR REPLACE INTO meta VALUES ('fuse_index', ?)",
                              [incremental.fingerprint(Settings())])
        # its fingerprint is another version's: the next run fuses it in full
        assert not incremental.can_update(store, Settings())
        # and anything that reads its parts meanwhile reads every row as its one part, none lost or doubled
        assert [to_dict(e) for e in incremental._parts(store, {"e1"})["e1"]] == [to_dict(e) for e in parts]
