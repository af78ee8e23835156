"""The synthetic corpus of scripts/bench_scale.py: deterministic, consistent offsets, and fuse accepts it."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.fuse import fuse
from storyline.model import PLOVER_TYPES, to_dict


@pytest.fixture(scope="module")
def corpus(bench):
    # no vectors: the stories step then compares TF-IDF, and the test does not load the embedder
    return bench.generate(60, seed=3, vectors="")


def test_same_seed_same_corpus_other_seed_other_corpus(bench, corpus):
    again = bench.generate(60, seed=3, vectors="")
    assert [to_dict(a, internal=True) for a in again] == [to_dict(a, internal=True) for a in corpus]
    other = bench.generate(60, seed=4, vectors="")
    assert {a.document.id for a in other}.isdisjoint({a.document.id for a in corpus})


def test_documents_are_distinct_and_offsets_point_into_raw(corpus):
    assert len({a.document.id for a in corpus}) == len(corpus) == 60
    assert len({a.document.raw for a in corpus}) == len(corpus)
    for a in corpus:
        raw = a.document.raw
        for s in a.sentences:
            assert raw[s.start:s.end] == s.text
        for m in a.mentions:
            assert raw[m.start:m.end] == m.text
        local = {e.id for e in a.entities}
        assert {m.entity for m in a.mentions} <= local
        for q in a.quotes:
            assert raw[q.start:q.end] == q.text and q.speaker in local
        for ev in a.events:
            assert ev.type in PLOVER_TYPES and ev.source in local
            assert raw[ev.evidence[0].start:ev.evidence[0].end] == ev.evidence[0].text


def test_world_has_variants_stories_and_outlets(corpus):
    people = [e for a in corpus for e in a.entities if e.type == "PERSON"]
    assert any(len(e.name.split()) == 1 for e in people)          # surname only
    assert any(len(e.aliases) > 1 for e in people)                 # full name then surname
    assert any(e.kb_id and e.kb_id.startswith("gpe:") for a in corpus for e in a.entities)
    assert len({a.document.outlet for a in corpus}) > 5
    assert sum(len(a.claims) for a in corpus) > 0


def test_fuse_accepts_the_synthetic_analyses(bench, corpus):
    settings = Settings(embedding_model="")
    result = fuse(corpus, settings)
    assert len(result.documents) == 60
    assert result.entities and result.events and result.story_events and result.outlets
    # stories of several documents exist: the generator's shared actors, places and words are seen
    assert any(len(s.docs) > 1 for s in result.stories)
    assert len(result.stories) < 60
    times = bench.timed_fuse(bench.generate(60, seed=3, vectors=""), settings)
    assert list(times) == list(settings.fuse_pipeline)


def test_synthetic_lead_vectors_relate_a_story_and_not_the_corpus(bench):
    import numpy as np

    model = bench.LeadVectors(seed=1)
    same_story = np.dot(model.vector(0, 7, 1), model.vector(0, 7, 2))
    same_family = np.dot(model.vector(0, 7, 1), model.vector(0, 8, 3))
    unrelated = np.dot(model.vector(0, 7, 1), model.vector(1, 9, 4))
    assert same_story > 0.6 and unrelated < same_family < 0.4 < same_story
    assert model.vector(2, 5, 11) == bench.LeadVectors(seed=1).vector(2, 5, 11)


def test_word_popularity_does_not_depend_on_the_corpus_size(bench):
    """The commonest filler words are the same at every size: some of them read as claims ("century", "behind"),
    and a ranking drawn after the size-dependent pools made the claims per document grow with the corpus."""
    small, large = bench.World(60, 3), bench.World(900, 3)
    assert small.common.items == large.common.items
    assert small.rare.items[:50] == large.rare.items[:50]
    assert len(large.people.items) > len(small.people.items)


def test_a_cached_generated_store_is_the_one_generated(bench, tmp_path, monkeypatch):
    # BENCH_STORE_CACHE keeps the generated store (and the documents added after it) for the next run to copy
    from storyline.store import Store

    monkeypatch.setenv("BENCH_STORE_CACHE", str(tmp_path / "cache"))
    records: list[dict] = []
    made = bench.generated_store(tmp_path / "a.duckdb", 40, 3, 5, "synthetic", Settings(),
                                 lambda **kv: records.append(kv))
    copied = bench.generated_store(tmp_path / "b.duckdb", 40, 3, 5, "synthetic", Settings(),
                                   lambda **kv: records.append(kv))
    generated = [r for r in records if r["kind"] == "generated"]
    assert len(generated) == 2 and "copied_from" not in generated[0] and "copied_from" in generated[1]
    assert generated[0]["events"] == generated[1]["events"] > 0
    assert [a.document.id for a in made] == [a.document.id for a in copied] and len(made) == 5
    ids = []
    for name in ("a.duckdb", "b.duckdb"):
        with Store(tmp_path / name) as store:
            ids.append(sorted(r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()))
    assert ids[0] == ids[1] and len(ids[0]) == 40
    assert not set(ids[0]) & {a.document.id for a in made}
