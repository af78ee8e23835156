"""The export streamed from a store's tables against the export of the corpus read back whole."""
from __future__ import annotations

import json

import pytest

from storyline.config import Settings
from storyline.engine.local import fuse_store
from storyline.export import write_json, write_json_store
from storyline.store import Store


@pytest.fixture(scope="module")
def analyses(bench):
    return bench.generate(70, seed=3, vectors="synthetic")


@pytest.fixture(scope="module")
def store_path(analyses, tmp_path_factory):
    """A store fused from 60 documents, then 10 more added by the incremental fuse."""
    path = tmp_path_factory.mktemp("stream") / "storyline.duckdb"
    settings = Settings()
    with Store(path) as store:
        store.add_analyses(analyses[:60])
        fuse_store(store, analyses[:60], settings)
        store.add_analyses(analyses[60:])
        fuse_store(store, analyses[60:], settings)
    return path


def test_streamed_export_is_the_same_file_as_the_whole_one(store_path, tmp_path):
    with Store(store_path, read_only=True) as store:
        write_json(store.corpus(), tmp_path / "whole.json")
        counts = write_json_store(store, tmp_path / "streamed.json")
    whole = (tmp_path / "whole.json").read_bytes()
    assert (tmp_path / "streamed.json").read_bytes() == whole
    data = json.loads(whole)
    assert counts == {k: len(v) for k, v in data.items() if k != "schema_version"}
    assert counts["documents"] == 70 and counts["events"] and counts["claims"] and counts["stories"]


def test_streamed_export_of_an_empty_store_and_again_is_unchanged(store_path, tmp_path):
    with Store(tmp_path / "empty.duckdb") as store:
        write_json_store(store, tmp_path / "empty.json")
        write_json(store.corpus(), tmp_path / "empty_whole.json")
    assert (tmp_path / "empty.json").read_bytes() == (tmp_path / "empty_whole.json").read_bytes()
    with Store(store_path, read_only=True) as store:
        write_json_store(store, tmp_path / "a.json")
        write_json_store(store, tmp_path / "a.json")  # replaces, idempotent
        write_json_store(store, tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert not (tmp_path / "a.json.tmp").exists()


def test_a_broken_row_is_refused_and_the_old_file_kept(store_path, tmp_path):
    import jsonschema

    target = tmp_path / "export.json"
    target.write_text("old", encoding="utf-8")
    with Store(store_path) as store:
        store.con.execute("UPDATE events SET type = 'INVADE' WHERE rowid = (SELECT min(rowid) FROM events)")
        with pytest.raises(jsonschema.ValidationError):
            write_json_store(store, target)
    assert target.read_text("utf-8") == "old"


def test_the_cache_gives_the_same_file_and_is_used_for_unchanged_rows(analyses, tmp_path):
    settings = Settings()
    path, cache = tmp_path / "s.duckdb", tmp_path / "export.cache.json"
    with Store(path) as store:
        store.add_analyses(analyses[:60])
        fuse_store(store, analyses[:60], settings)
        write_json_store(store, tmp_path / "first.json", cache=cache)
        write_json_store(store, tmp_path / "plain.json")
        assert (tmp_path / "first.json").read_bytes() == (tmp_path / "plain.json").read_bytes()
        store.add_analyses(analyses[60:])
        fuse_store(store, analyses[60:], settings)  # the incremental fuse changes some rows, adds others
        write_json_store(store, tmp_path / "cached.json", cache=cache)
        write_json_store(store, tmp_path / "fresh.json")
        assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()
        # the cache holds the rows of the latest write only, and its text is what gets written
        data = json.loads(cache.read_text("utf-8"))
        assert len(data["parts"]["documents"]) == 70
        key = next(iter(data["parts"]["stories"]))
        data["parts"]["stories"][key] = '{"marker": 1}'
        cache.write_text(json.dumps(data), encoding="utf-8")
        write_json_store(store, tmp_path / "tampered.json", cache=cache)
        assert '{"marker": 1}' in (tmp_path / "tampered.json").read_text("utf-8")
        # an unreadable cache is ignored
        cache.write_text("{not json", encoding="utf-8")
        write_json_store(store, tmp_path / "again.json", cache=cache)
        assert (tmp_path / "again.json").read_bytes() == (tmp_path / "fresh.json").read_bytes()
