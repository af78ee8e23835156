"""The incremental fuse: documents added in batches to a fused store against one full fuse of the union.

The corpus is the generated one of scripts/bench_scale.py (distinct actors, stories of 2-8 documents,
name variants, copies). What may differ from a full run is listed in ``storyline.store.incremental``;
the tests hold the rest equal and bound the documented differences.
"""
from __future__ import annotations

import json
import logging
import shutil
from collections import Counter
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.engine.local import fuse_store
from storyline.fuse.incremental import entity_keys
from storyline.model import to_dict
from storyline.store import Store, incremental, summaries
from tests.store.canonical import canonical

pytestmark = pytest.mark.slow

BASE, BATCH = 200, 20


@pytest.fixture(scope="module")
def analyses(bench):
    return bench.generate(BASE + 2 * BATCH, seed=5, vectors="synthetic")


@pytest.fixture(scope="module")
def runs(analyses, tmp_path_factory):
    """(base store path, incremental store path, incremental corpus, full corpus, base corpus)."""
    return _runs(analyses, tmp_path_factory, Settings())


def _runs(analyses, tmp_path_factory, settings: Settings):
    d = tmp_path_factory.mktemp("incremental")
    base, batches = analyses[:BASE], [analyses[BASE:BASE + BATCH], analyses[BASE + BATCH:]]
    with Store(d / "base.duckdb") as store:
        store.add_analyses(base)
        base_corpus = fuse_store(store, base, settings)
    shutil.copy(d / "base.duckdb", d / "inc.duckdb")
    with Store(d / "inc.duckdb") as store:
        for batch in batches:
            store.add_analyses(batch)
            fuse_store(store, batch, settings)
        inc = store.corpus()
    with Store(d / "full.duckdb") as store:
        store.add_analyses(analyses)
        fuse_store(store, analyses, settings)
        full = store.corpus()
    return d / "base.duckdb", d / "inc.duckdb", inc, full, base_corpus


def _update_a_copy(base: Path, path: Path, batch, settings: Settings) -> tuple:
    """Add ``batch`` to a copy of the store at ``base``: its corpus and the update's story counts, to compare."""
    shutil.copy(base, path)
    with Store(path) as store:
        store.add_analyses(batch)
        stats = incremental.update(store, batch, settings)
        return (canonical(store.corpus()), stats.story_candidates, stats.stories_changed, stats.scope_documents)


def test_same_documents_stories_copies_and_claims(runs):
    _, _, inc, full, _ = runs
    a, b = canonical(inc), canonical(full)
    assert {d.id for d in inc.documents} == {d.id for d in full.documents}
    assert len(inc.documents) == BASE + 2 * BATCH
    for table in ("stories", "near_duplicates", "claims"):
        assert a[table] == b[table], table
    assert any(d.near_duplicates for d in inc.documents if d.id in {x.id for x in inc.documents[BASE:]}) or \
        not any(d.near_duplicates for d in full.documents)


def test_the_trained_story_decision_gives_the_same_stories_incrementally(analyses, tmp_path_factory):
    _, _, inc, full, _ = _runs(analyses, tmp_path_factory, Settings(stories="trained"))
    a, b = canonical(inc), canonical(full)
    assert a["stories"] == b["stories"]
    assert any(len(s.docs) > 1 for s in full.stories)


def test_unjudged_pairs_weighed_less_give_the_same_stories_incrementally(analyses, tmp_path_factory):
    """A model that counts the pairs it does not judge a quarter in a link's average: the incremental join weighs
    them as the full run does."""
    from storyline import modelfile
    from storyline.fuse.stories import default_model_path

    path = tmp_path_factory.mktemp("model") / "stories.npz"
    modelfile.save(path, {**modelfile.load(default_model_path()), "unjudged": 0.25})
    _, _, inc, full, _ = _runs(analyses, tmp_path_factory, Settings(stories="trained", story_model=str(path)))
    assert canonical(inc)["stories"] == canonical(full)["stories"]
    assert any(len(s.docs) > 1 for s in full.stories)


def test_entities_differ_only_where_a_surname_is_ambiguous(runs):
    """Stored entities are never merged with each other and a surname-only mention is placed among
    the candidates: the differences are people, and few."""
    _, _, inc, full, _ = runs
    a, b = canonical(inc), canonical(full)
    differ = a["entities"] - b["entities"]
    assert all(row[2] == "PERSON" for row in differ | (b["entities"] - a["entities"]))
    assert len(differ) <= 0.03 * len(a["entities"])
    # every mention is in exactly one entity, as in the full run
    mentions = [m for e in inc.entities for m in e.mentions]
    assert len(mentions) == len({(m.doc, m.start, m.end) for m in mentions})
    assert len(mentions) == sum(len(e.mentions) for e in full.entities)


def test_stored_entities_keep_their_ids(runs):
    _, _, inc, _, base = runs
    now = {e.id: e for e in inc.entities}
    for e in base.entities:
        assert e.id in now
        assert {(m.doc, m.start) for m in e.mentions} <= {(m.doc, m.start) for m in now[e.id].mentions}
    assert len({e.id for e in inc.entities}) == len(inc.entities)


def test_events_relations_and_outlets_equal_story_events_mostly(runs):
    _, _, inc, full, _ = runs
    a, b = canonical(inc), canonical(full)
    assert {e.id for e in inc.events} == {e.id for e in full.events}
    assert {q.id for q in inc.quotes} == {q.id for q in full.quotes}
    # an event's actors and summary as in the full run (its story event aside)
    assert {row[:-1] for row in a["events"]} == {row[:-1] for row in b["events"]}
    # a new event may join another stored story event than the full run's greedy order picks, and two
    # stored story events never merge: most story events are the same groups of events
    assert len(a["story_events"] & b["story_events"]) >= 0.9 * len(b["story_events"])
    assert len(a["relations"] & b["relations"]) >= 0.95 * len(b["relations"])
    # disagreements: a candidate compared across many stories keeps its stored sides (no new document's), and a
    # pair kept as each sentence's best counterpart in an earlier batch stays when a later batch brings a better one
    assert abs(len(inc.disagreements) - len(full.disagreements)) <= 0.1 * len(full.disagreements)
    assert len(a["disagreements"] & b["disagreements"]) >= 0.5 * len(b["disagreements"])
    # outlets: documents, genres, loaded terms and sources are sums; only corroboration may differ
    strip = {o.name: {**to_dict(o), "uncorroborated_share": None} for o in inc.outlets}
    assert strip == {o.name: {**to_dict(o), "uncorroborated_share": None} for o in full.outlets}


def test_the_corpus_is_consistent(runs):
    _, _, inc, _, _ = runs
    entities = {e.id for e in inc.entities}
    for ev in inc.events:
        assert {x for x in (ev.source, ev.target, ev.attributed_to) if x} <= entities
    story_events = {s.id: s for s in inc.story_events}
    assert len(story_events) == len(inc.story_events)
    members = [e for s in inc.story_events for e in s.events]
    assert sorted(members) == sorted(e.id for e in inc.events)
    assert all(ev.story_event in story_events and ev.id in story_events[ev.story_event].events for ev in inc.events)
    docs = [d for s in inc.stories for d in s.docs]
    assert sorted(docs) == sorted(d.id for d in inc.documents)
    assert len({s.id for s in inc.stories}) == len(inc.stories)
    story_of = {d: s.id for s in inc.stories for d in s.docs}
    per_story = Counter(story_of.get(d.sides[0].doc, "") for d in inc.disagreements)
    assert max(per_story.values(), default=0) <= 12
    assert len({d.id for d in inc.disagreements}) == len(inc.disagreements)


def test_adding_the_same_documents_again_changes_nothing(runs, analyses, tmp_path):
    _, inc_path, inc, _, _ = runs
    path = tmp_path / "again.duckdb"
    shutil.copy(inc_path, path)
    with Store(path) as store:
        assert store.add_analyses(analyses[BASE:]) == 0
        fuse_store(store, analyses[BASE:], Settings())
        assert to_dict(store.corpus()) == to_dict(inc)


def _part_rows(store: Store) -> list[tuple[str, str, str]]:
    """(entity, document, local id) of every stored part, a row's copies included."""
    out = []
    for entity, doc, local_id, copies in store.con.execute(
            "SELECT entity, doc, part->>'$.id', copies FROM fuse_entity_parts").fetchall():
        out.append((entity, doc, local_id))
        out.extend((entity, c[1], c[2]) for c in json.loads(copies or "[]"))
    return out


def test_each_local_entity_is_indexed_once_under_the_entity_holding_its_mentions(runs, analyses, tmp_path):
    """``fuse_entity_parts`` after a full fuse and two updates: every document-local entity once, under the stored
    entity its mentions went to; adding the same documents again adds no row."""
    _, inc_path, inc, _, _ = runs
    path = tmp_path / "parts.duckdb"
    shutil.copy(inc_path, path)
    with Store(path) as store:
        rows = _part_rows(store)
        store.add_analyses(analyses[BASE:])
        fuse_store(store, analyses[BASE:], Settings())
        assert sorted(_part_rows(store)) == sorted(rows)
    local = {e.id: e for a in analyses for e in a.entities}
    assert sorted(r[2] for r in rows) == sorted(local)
    held = {e.id: {(m.doc, m.start) for m in e.mentions} for e in inc.entities}
    for entity, doc, local_id in rows:
        assert local[local_id].mentions and all(m.doc == doc for m in local[local_id].mentions)
        assert {(m.doc, m.start) for m in local[local_id].mentions} <= held[entity], (local_id, entity)


def test_a_failed_update_leaves_the_store_as_it_was_and_the_next_run_catches_up(runs, analyses, tmp_path,
                                                                                monkeypatch):
    base_path, _, _, _, base = runs
    path = tmp_path / "failing.duckdb"
    shutil.copy(base_path, path)
    batch = analyses[BASE:BASE + BATCH]

    def broken(*args, **kwargs):
        raise RuntimeError("story events failed")

    with Store(path) as store:
        store.add_analyses(batch)
        monkeypatch.setattr(incremental, "cluster_story_events", broken)
        with pytest.raises(RuntimeError):
            fuse_store(store, batch, Settings())
        # the corpus tables are the base run's; documents and claims are stored per document, before fusing
        after = to_dict(store.corpus())
        assert {k: v for k, v in after.items() if k not in ("documents", "claims")} == \
            {k: v for k, v in to_dict(base).items() if k not in ("documents", "claims")}
        assert len(after["documents"]) == BASE + BATCH
        assert incremental.unfused_ids(store) == {a.document.id for a in batch}
        monkeypatch.undo()
        fuse_store(store, [], Settings())   # the next run, with no new file, fuses what was left
        assert incremental.unfused_ids(store) == set()
        corpus = store.corpus()
    assert {d for s in corpus.stories for d in s.docs} == {a.document.id for a in analyses[:BASE + BATCH]}


def test_other_settings_or_full_fuse_everything_again(runs, analyses, tmp_path):
    base_path, _, _, _, _ = runs
    path = tmp_path / "settings.duckdb"
    shutil.copy(base_path, path)
    with Store(path) as store:
        assert incremental.can_update(store, Settings())
        assert not incremental.can_update(store, Settings(story_threshold=0.3))
        assert incremental.can_update(store, Settings(workers=4))   # how many processes changes no result
        store.add_analyses(analyses[BASE:BASE + BATCH])
        corpus = fuse_store(store, analyses[BASE:BASE + BATCH], Settings(), full=True)
        assert incremental.can_update(store, Settings()) and not incremental.unfused_ids(store)
    assert len(corpus.documents) == BASE + BATCH


def test_the_order_of_a_batch_does_not_matter(runs, analyses, tmp_path):
    base_path, _, _, _, _ = runs
    batch = analyses[BASE:BASE + BATCH]
    results = []
    for name, order in (("forward", batch), ("backward", batch[::-1])):
        path = tmp_path / f"{name}.duckdb"
        shutil.copy(base_path, path)
        with Store(path) as store:
            store.add_analyses(order)
            fuse_store(store, order, Settings())
            corpus = store.corpus()
        results.append({k: v for k, v in to_dict(corpus).items() if k not in ("documents", "claims")})
    assert results[0] == results[1]


def _summaries(store: Store) -> dict[str, list[str]]:
    """Every summary table's rows, in a fixed order (an update appends the rows it writes again). A story's row
    number (``srow``) only orders: as its rank (DuckDB renumbers the rows of a table it compacts at a checkpoint)."""
    out = {}
    for t in summaries.SUMMARY_TABLES:
        cols = [r[0] for r in store.con.execute(f"DESCRIBE {t}").fetchall()]
        select = "* EXCLUDE (srow), dense_rank() OVER (ORDER BY srow) AS srow" if "srow" in cols else "*"
        out[t] = sorted(repr(r) for r in store.con.execute(f"SELECT {select} FROM {t}").fetchall())
    return out


def test_an_update_writes_the_summaries_a_whole_rewrite_writes(runs, analyses, tmp_path, caplog):
    """The update rewrites only the summary rows of what it touched; they are those written from scratch."""
    base_path, _, _, _, _ = runs
    path = tmp_path / "summaries.duckdb"
    shutil.copy(base_path, path)
    with Store(path) as store:
        for batch in (analyses[BASE:BASE + BATCH], analyses[BASE + BATCH:]):
            store.add_analyses(batch)
            with caplog.at_level(logging.INFO, logger=summaries.__name__):
                caplog.clear()
                fuse_store(store, batch, Settings())
            assert any("touched rows" in r.getMessage() for r in caplog.records)   # not the whole rewrite
            updated = _summaries(store)
            summaries.write_summaries(store)
            assert _summaries(store) == updated
        assert len(updated["summary_article_pages"]) == BASE + 2 * BATCH



def _spy_on_summaries(monkeypatch) -> list:
    """The ``touched`` argument of every ``write_summaries`` call the store makes from now on (the calls still run)."""
    seen: list = []
    real = incremental.write_summaries

    def spy(store, touched=None):
        seen.append(touched)
        real(store, touched)

    monkeypatch.setattr(incremental, "write_summaries", spy)
    return seen

def _rows_around_an_update(base: Path, path: Path, batch, monkeypatch, table: str, select: str) -> tuple:
    """Add ``batch`` to a copy of ``base`` and fuse it: ``select``'s rows before and after, each with its rowid (its
    place), and what the update touched; the updated ``table`` must be the one a whole rewrite gives."""
    shutil.copy(base, path)
    seen = _spy_on_summaries(monkeypatch)
    with Store(path) as store:
        before = {r[1:]: r[0] for r in store.con.execute(select).fetchall()}
        store.add_analyses(batch)
        fuse_store(store, batch, Settings())
        after = {r[1:]: r[0] for r in store.con.execute(select).fetchall()}
        updated = _summaries(store)[table]
        summaries.write_summaries(store)
        assert _summaries(store)[table] == updated
    (touched,) = seen
    return before, after, touched


def test_an_update_writes_only_the_mention_rows_that_changed(runs, analyses, tmp_path, monkeypatch):
    """A touched actor's mention rows that are as they were stay where they are (not deleted and written again);
    the rows the update adds are those of the new mentions, and the table is the one a whole rewrite gives."""
    select = 'SELECT rowid, entity, name, type, doc, text, "start", "end" FROM summary_mentions'
    batch = analyses[BASE:BASE + BATCH]
    before, after, touched = _rows_around_an_update(runs[0], tmp_path / "mentions.duckdb", batch, monkeypatch,
                                                    "summary_mentions", select)
    new_docs = {a.document.id for a in batch}
    stored_touched = {row for row in before if row[0] in touched.entities}
    kept = {row for row in stored_touched if row in after}
    # the same rows, not written again: in the table's order they keep their places among the untouched actors'
    # (rows written again come after every other; DuckDB may renumber rows at a checkpoint, but keeps their order)
    stay = [row for row in sorted(before, key=before.__getitem__) if row in after]
    assert kept and stay == sorted(stay, key=after.__getitem__)
    # (and the check can fail: an untouched actor's row came after a kept one)
    assert any(before[row] > min(before[k] for k in kept) for row in before if row not in stored_touched)
    added = set(after) - set(before)
    assert added and all(row[3] in new_docs or row[0] in touched.entities for row in added)
    # the rows a renamed actor lost or gained, or those of a new document: no row of an untouched actor changed
    assert {row for row in before if row[0] not in touched.entities} <= set(after)


def test_a_popular_entity_gaining_mentions_is_the_full_runs_and_keeps_its_stored_rows(runs, analyses, tmp_path):
    """The stored actor with the most mentions that the new documents name: its mentions after the update are the
    full run's (in corpus order), and its index rows (entity -> documents, keys) and summary mention rows of its
    stored documents stay where they were (not deleted and written again); only its new documents' rows are added."""
    base_path, _, inc, full, base = runs
    before = {e.id: e for e in base.entities}
    grew = [e for e in inc.entities if e.id in before and len(e.mentions) > len(before[e.id].mentions)
            and (e.name, e.type) == (before[e.id].name, before[e.id].type)]
    assert grew
    top = max(grew, key=lambda e: (len(before[e.id].mentions), e.id))
    # more mentions than most: a popular actor, not one named twice
    assert len(before[top.id].mentions) > sorted(len(e.mentions) for e in base.entities)[len(base.entities) // 2]
    spans = [(m.doc, m.start, m.end) for m in top.mentions]
    (same,) = [e for e in full.entities if (top.mentions[0].doc, top.mentions[0].start) in
               {(m.doc, m.start) for m in e.mentions}]
    assert spans == [(m.doc, m.start, m.end) for m in same.mentions]
    stored = [(m.doc, m.start, m.end) for m in before[top.id].mentions]
    assert [s for s in spans if s in set(stored)] == stored

    path = tmp_path / "popular.duckdb"
    shutil.copy(base_path, path)
    tables = {"fuse_entity_docs": "doc", "fuse_entity_keys": "key", "summary_mentions": 'doc || "start"'}

    def rows(store: Store) -> dict[str, list[tuple]]:
        # (entity, value) in the table's order: DuckDB may renumber rows when it compacts deleted ones, not reorder
        return {t: store.con.execute(f"SELECT entity, {v} FROM {t} ORDER BY rowid").fetchall()
                for t, v in tables.items()}

    with Store(path) as store:
        old = rows(store)
        for batch in (analyses[BASE:BASE + BATCH], analyses[BASE + BATCH:]):
            store.add_analyses(batch)
            fuse_store(store, batch, Settings())
        new = rows(store)
        summaries.write_summaries(store)
        assert Counter(rows(store)["summary_mentions"]) == Counter(new["summary_mentions"])
    assert sorted(v for e, v in new["fuse_entity_docs"] if e == top.id) == sorted({m.doc for m in top.mentions})
    assert sorted(v for e, v in new["fuse_entity_keys"] if e == top.id) == sorted(entity_keys(top))
    assert sorted(v for e, v in new["summary_mentions"] if e == top.id) == \
        sorted(f"{m.doc}{m.start}" for m in top.mentions)
    untouched = {e.id for e in base.entities} - {e.id for e in inc.entities if e != before.get(e.id)}
    for table, old_rows in old.items():
        kept = [r for r in old_rows if r[0] == top.id and r in set(new[table])]
        assert kept, table
        # the kept rows stay among the untouched actors' rows (a row written again comes after every stored one)
        place = new[table].index(kept[0])
        assert any(r[0] in untouched for r in new[table][place + 1:]), table


def test_a_retrained_model_file_makes_the_stored_index_stale(tmp_path) -> None:
    # `make train` rewrites a model file in place: an index fused with the old model must not be updated
    model = tmp_path / "stories.npz"
    shipped = Path(__file__).resolve().parents[2] / "storyline" / "models" / "stories.npz"
    model.write_bytes(shipped.read_bytes())
    settings = Settings(story_model=str(model))
    before = incremental.fingerprint(settings)
    assert incremental.fingerprint(settings) == before
    model.write_bytes(shipped.read_bytes() + b"\0")
    assert incremental.fingerprint(settings) != before


def test_edited_fuse_code_makes_the_stored_index_stale(tmp_path, monkeypatch) -> None:
    # the index stores keys computed by the code (sentence terms, fact kinds): an edit of that code or of its
    # data files must not leave an update reading keys the new code would not compute
    source = tmp_path / "disagreements.py"
    source.write_text("def sentence_terms(text):\n    return text.split()\n")
    monkeypatch.setattr(incremental, "_code_files", lambda: [source])
    before = incremental.fingerprint(Settings())
    source.write_text("def sentence_terms(text):\n    return text.lower().split()\n")
    assert incremental.fingerprint(Settings()) != before


def test_the_fingerprint_covers_the_package_code() -> None:
    names = {p.name for p in incremental._code_files()}
    assert {"disagreements.py", "stance.py", "names.py", "units.yaml"} <= names
    # the module that writes the index rows and reads them back (the layout of a stored part's copies)
    assert Path(incremental.__file__).resolve() in incremental._code_files()


def test_an_index_written_with_other_index_tables_is_not_updated(tmp_path, monkeypatch) -> None:
    # a store fused before fuse_entity_parts existed has that table empty: an update would match a stored entity
    # as the parts of the new documents only
    older = tuple(t for t in incremental.INDEX_DDL if "fuse_entity_parts" not in t)
    with Store(tmp_path / "older.duckdb") as store:
        with monkeypatch.context() as m:
            m.setattr(incremental, "INDEX_DDL", older)
            store.con.execute("INSERT OR REPLACE INTO meta VALUES ('fuse_index', ?)",
                              [incremental.fingerprint(Settings())])
            assert incremental.can_update(store, Settings())
        assert not incremental.can_update(store, Settings())


@pytest.mark.parametrize("vectors", [True, False])
def test_story_candidates_from_prefix_keys_are_those_of_every_shared_key(runs, analyses, tmp_path, monkeypatch,
                                                                          vectors):
    # pairs sharing a key of the new document's prefix, and related leads, weighed a slice at a time: the pairs
    # the first version found weighing every pair sharing a key in one SQL statement (tests/reference)
    from storyline.fuse.stories import corpus_story_features
    from tests.reference.story_candidates import story_candidates

    # without leads a lower threshold: pairs then reach it by their keys alone
    settings = Settings() if vectors else Settings(embedding_model="", story_threshold=0.16)
    shutil.copy(runs[0], tmp_path / "s.duckdb")
    new = analyses[BASE:BASE + BATCH]
    with Store(tmp_path / "s.duckdb") as store:
        feats = corpus_story_features(new, None)
        if not vectors:
            for f in feats:
                f.vector = None
        n_docs = store.count("documents") + len(new)
        every = story_candidates(store, feats, settings, n_docs, {})
        got = incremental._story_candidates(store, feats, settings, n_docs, {})
        # slices smaller than the batch and the store: the same pairs
        for name, size in (("_VECTOR_ROWS", 7), ("_NEW_ROWS", 3), ("_PAIR_ROWS", 5)):
            monkeypatch.setattr(incremental, name, size)
        sliced = incremental._story_candidates(store, feats, settings, n_docs, {})
        idf = dict.fromkeys({k for f in feats for k in f.keys}, 1.0)
        assert any(p < f.keys for p, f in zip(incremental._prefix_keys(feats, idf, 0.24), feats))
    assert got == every == sliced and got


def test_the_common_story_key_cap_leaves_a_small_stores_candidates_as_every_shared_keys(runs, analyses, tmp_path,
                                                                                         monkeypatch):
    # STORY_KEY_CAP bounds the pairs a key held by much of a large store makes; a store of a few hundred documents
    # holds no key that often, so its candidates stay those of every pair sharing a key (tests/reference). Without
    # leads, so that a pair the cap drops is not found again by related leads: a cap low enough to bind here
    # (below the new documents' most common prefix key) loses pairs, and this comparison sees it
    from storyline.fuse.stories import corpus_story_features
    from tests.reference.story_candidates import story_candidates

    settings = Settings(embedding_model="", story_threshold=0.16)
    shutil.copy(runs[0], tmp_path / "s.duckdb")
    new = analyses[BASE:BASE + BATCH]
    with Store(tmp_path / "s.duckdb") as store:
        feats = corpus_story_features(new, None)
        for f in feats:
            f.vector = None
        n_docs = store.count("documents") + len(new)
        most = store.con.execute("SELECT max(c) FROM (SELECT count(*) AS c FROM fuse_story_keys GROUP BY key)"
                                 ).fetchone()[0]
        every = story_candidates(store, feats, settings, n_docs, {})
        got = incremental._story_candidates(store, feats, settings, n_docs, {})
        cap = incremental.STORY_KEY_CAP
        monkeypatch.setattr(incremental, "STORY_KEY_CAP", 2)
        capped = incremental._story_candidates(store, feats, settings, n_docs, {})
    assert 2 < most <= cap
    assert got == every and got
    assert capped < every


@pytest.mark.parametrize("stories", ["trained", "rules"])
def test_lead_similarities_of_new_documents_only_give_the_same_update(runs, analyses, tmp_path, monkeypatch, stories):
    # an update scores only pairs holding a new document, so it computes only their lead similarities
    # (``StoryScorer(lead_rows=...)``): the same stories and candidates as with every pair's
    from storyline.fuse.stories import StoryScorer

    settings = Settings(stories=stories)
    batch = analyses[BASE:BASE + BATCH]
    out, computed = [], []

    class Every(StoryScorer):   # the scorer as before: every pair's lead similarity
        def __init__(self, *args, **kwargs) -> None:
            kwargs.pop("lead_rows", None)
            super().__init__(*args, **kwargs)

    class Spy(StoryScorer):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            computed.append((len(self.feats), kwargs.get("lead_rows"), len(self.text.above or {})))

    for name, scorer in (("every", Every), ("new", Spy)):
        monkeypatch.setattr(incremental, "StoryScorer", scorer)
        out.append(_update_a_copy(runs[0], tmp_path / f"{name}.duckdb", batch, settings))
    assert out[0] == out[1]
    assert computed and computed[0][1] and computed[0][1] < computed[0][0]   # the candidates: new documents' pairs
    if stories == "rules":   # the trained second pass decides the stored stories it reaches again: their pairs too
        assert all(rows and rows < n for n, rows, _ in computed)


def test_scoring_only_the_pairs_near_new_entities_gives_the_same_update(runs, analyses, tmp_path, monkeypatch):
    # the matcher scores only the pairs whose components reach a new entity (``merge_entities(wanted=...)``): the
    # same store as scoring every pair of the candidates, with fewer pairs scored
    from storyline.fuse import entities, entity_matcher
    from storyline.fuse import incremental as fuse_incremental

    batch = analyses[BASE:BASE + BATCH]
    full_merge, scored, out = entities.merge_entities, [], []

    def every(analyses, settings, wanted=None, together=None, unlinked=None):   # the merge as before: every pair scored
        return full_merge(analyses, settings, together=together, unlinked=unlinked)

    real_features = entity_matcher.pair_features

    def count(*args, **kwargs):
        scored[-1] += 1
        return real_features(*args, **kwargs)

    monkeypatch.setattr(entity_matcher, "pair_features", count)
    for name, merge in (("every", every), ("near", full_merge)):
        monkeypatch.setattr(fuse_incremental, "merge_entities", merge)
        scored.append(0)
        shutil.copy(runs[0], tmp_path / f"{name}.duckdb")
        with Store(tmp_path / f"{name}.duckdb") as store:
            store.add_analyses(batch)
            stats = incremental.update(store, batch, Settings())
            out.append((canonical(store.corpus()), stats.entity_candidates, stats.entities_created,
                        stats.entities_updated))
    assert out[0] == out[1]
    assert out[0][2] and out[0][3]
    assert 0 < scored[1] < scored[0]


def test_an_update_writes_only_the_disagreement_rows_that_changed(runs, analyses, tmp_path, monkeypatch):
    # the rows no longer kept are deleted, new ones inserted and the moved ones renumbered (the rank column): the
    # table reads back as the kept list in rank order, as a whole rewrite would write it
    from storyline.store.duckdb import Store as StoreType

    shutil.copy(runs[0], tmp_path / "s.duckdb")
    batch = analyses[BASE:BASE + BATCH]
    written, inserted = [], []
    keep = incremental._write_disagreements
    add_rows = StoreType.add_rows

    def spy(store, kept):
        written.append(list(kept))
        return keep(store, kept)

    def count(self, table, objs, positions=None):
        if table == "disagreements":
            inserted.append(len(objs))
        return add_rows(self, table, objs, positions)

    monkeypatch.setattr(incremental, "_write_disagreements", spy)
    monkeypatch.setattr(StoreType, "add_rows", count)
    with Store(tmp_path / "s.duckdb") as store:
        before = store.count("disagreements")
        store.add_analyses(batch)
        incremental.update(store, batch, Settings())
        after = store.corpus().disagreements
        positions = [r[0] for r in store.con.execute("SELECT pos FROM disagreements ORDER BY pos").fetchall()]
    assert written and after == written[-1]
    assert positions == list(range(len(after)))
    assert before and inserted and sum(inserted) < len(after)


def _side_key(d) -> tuple:
    return d.topic, tuple((s.doc, s.stance, s.evidence.start, s.evidence.end) for s in d.sides)


def test_a_disagreement_has_one_id_whether_fused_at_once_or_added(runs):
    """Fuse A then add B, or fuse A+B: a disagreement both find (its topic and sides) has the same id in both."""
    _, _, inc, full, base = runs
    ids_inc = {_side_key(d): d.id for d in inc.disagreements}
    ids_full = {_side_key(d): d.id for d in full.disagreements}
    shared = ids_inc.keys() & ids_full.keys()
    assert len(shared) >= 0.5 * len(ids_full)
    assert {ids_inc[k] for k in shared} == {ids_full[k] for k in shared}
    assert all(ids_inc[k] == ids_full[k] for k in shared)
    # and the base's, found again by the update, keep theirs
    ids_base = {_side_key(d): d.id for d in base.disagreements}
    again = ids_base.keys() & ids_inc.keys()
    assert again and all(ids_base[k] == ids_inc[k] for k in again)


def test_an_update_rewrites_the_disagreement_rows_of_the_changed_stories_only(runs, analyses, tmp_path, monkeypatch):
    base_path, _, _, _, base = runs
    path = tmp_path / "disputed.duckdb"
    shutil.copy(base_path, path)
    seen = _spy_on_summaries(monkeypatch)
    batch = analyses[BASE:BASE + BATCH]
    with Store(path) as store:
        store.add_analyses(batch)
        fuse_store(store, batch, Settings())
        after = store.corpus()
        rows = store.con.execute("SELECT doc, r, rec FROM summary_doc_disagreements ORDER BY doc, r").fetchall()
        summaries.write_summaries(store)
        assert store.con.execute("SELECT doc, r, rec FROM summary_doc_disagreements ORDER BY doc, r").fetchall() == rows
    (touched,) = seen
    cited = {s.doc for d in after.disagreements for s in d.sides}
    kept = [d for d in base.disagreements if d in after.disagreements]   # same id, topic and sides
    assert kept and touched.disputed < cited | touched.disputed
    # the rows of a disagreement of an untouched story were not written again, and read as before
    untouched = [d for d in kept if not {s.doc for s in d.sides} & touched.disputed]
    assert len(untouched) >= 0.5 * len(base.disagreements)
    # the table keeps the rank order: those of the untouched stories are in the base's order
    order = {d.id: n for n, d in enumerate(after.disagreements)}
    assert [order[d.id] for d in untouched] == sorted(order[d.id] for d in untouched)


def test_stored_pair_probabilities_change_nothing_but_the_pairs_judged(runs, analyses, tmp_path, monkeypatch):
    """Fuse A then add B with A's judged sentence pairs stored (``fuse_pair_probs``) gives the store and the export
    of adding B with none stored (every pair judged, as a full run over the changed stories judges them); the
    pair model reads only the pairs it had not judged."""
    from storyline.export.json import write_json_store
    from storyline.fuse import pair_model

    read: list = []
    real = pair_model.PairModel.probabilities

    def spy(self, pairs):
        read.extend(pairs)
        return real(self, pairs)

    monkeypatch.setattr(pair_model.PairModel, "probabilities", spy)
    out = {}
    for label in ("stored", "none"):
        path = tmp_path / f"{label}.duckdb"
        shutil.copy(runs[0], path)
        read.clear()
        with Store(path) as store:
            (n,) = store.con.execute("SELECT count(*) FROM fuse_pair_probs").fetchone()
            assert n > 0   # the full fuse of A stored what the model judged
            if label == "none":
                store.con.execute("DELETE FROM fuse_pair_probs")
            for batch in (analyses[BASE:BASE + BATCH], analyses[BASE + BATCH:]):
                store.add_analyses(batch)
                fuse_store(store, batch, Settings())
            write_json_store(store, tmp_path / f"{label}.json")
            out[label] = (store.corpus(), _summaries(store), (tmp_path / f"{label}.json").read_bytes(), len(read))
    stored, none = out["stored"], out["none"]
    assert to_dict(stored[0]) == to_dict(none[0])
    assert stored[1] == none[1] and stored[2] == none[2]
    assert stored[0].disagreements and 0 < stored[3] < 0.5 * none[3]


def test_stored_sentence_keys_change_nothing_and_stored_sentences_are_not_read_again(runs, analyses, tmp_path,
                                                                                      monkeypatch):
    """Fuse A then add B with A's sentence keys stored (``fuse_sentence_keys``) gives the store and the export of
    adding B with none stored (every scope sentence read from its text); with them stored, the corpus dimension
    reads the kinds of fact of the new documents' sentences only, and each update stores those it read."""
    from storyline.export.json import write_json_store
    from storyline.fuse import pair_model

    read: list[str] = []
    real = pair_model.fact_keys

    def spy(text):
        read.append(text)
        return real(text)

    monkeypatch.setattr(pair_model, "fact_keys", spy)
    out = {}
    for label in ("stored", "none"):
        path = tmp_path / f"{label}.duckdb"
        shutil.copy(runs[0], path)
        read.clear()
        with Store(path) as store:
            (n,) = store.con.execute("SELECT count(*) FROM fuse_sentence_keys").fetchone()
            assert n > 0   # the full fuse of A stored the keys of the sentences it read
            if label == "none":
                store.con.execute("DELETE FROM fuse_sentence_keys")
            for batch in (analyses[BASE:BASE + BATCH], analyses[BASE + BATCH:]):
                store.add_analyses(batch)
                fuse_store(store, batch, Settings())
            write_json_store(store, tmp_path / f"{label}.json")
            (keyed,) = store.con.execute("SELECT count(DISTINCT key) FROM fuse_sentence_keys").fetchone()
            out[label] = (store.corpus(), _summaries(store), (tmp_path / f"{label}.json").read_bytes(), set(read),
                          keyed)
    stored, none = out["stored"], out["none"]
    assert to_dict(stored[0]) == to_dict(none[0])
    assert stored[1] == none[1] and stored[2] == none[2]
    new_texts = {s.text for a in analyses[BASE:] for s in a.sentences}
    assert stored[3] and stored[3] <= new_texts   # only the new documents' sentences were read
    assert len(none[3] - new_texts) > len(stored[3])   # without the index the stored ones are read again
    assert stored[4] > n and none[4] > 0   # the updates stored the keys they read


def test_an_update_rewrites_the_outlet_pages_and_quotes_about_actors_of_what_it_touched(runs, analyses, tmp_path,
                                                                                       monkeypatch):
    """An outlet's first page is written again only when the outlet is touched or the stretch of the front page's
    ranking its missed stories come from changed (the others take their new counts), and the quotes about an actor
    only in the touched documents; both as a whole rewrite writes them."""
    path = tmp_path / "outlets.duckdb"
    shutil.copy(runs[0], path)
    seen: dict[str, int] = {}
    real = summaries._rank_touched_outlets

    def spy(con, before):
        real(con, before)
        (seen["outlets"],) = con.execute("SELECT count(*) FROM summary_keys_outlets").fetchone()
        (seen["all"],) = con.execute("SELECT count(DISTINCT outlet) FROM summary_outlet_docs").fetchone()
        (seen["docs"],) = con.execute("SELECT count(*) FROM summary_keys_docs").fetchone()

    monkeypatch.setattr(summaries, "_rank_touched_outlets", spy)
    batch = analyses[BASE:BASE + BATCH]
    with Store(path) as store:
        store.add_analyses(batch)
        fuse_store(store, batch, Settings())
        updated = _summaries(store)
        summaries.write_summaries(store)
        assert _summaries(store) == updated
        (n_docs,) = store.con.execute("SELECT count(*) FROM documents").fetchone()
    assert 0 < seen["outlets"] <= seen["all"]
    assert BATCH <= seen["docs"] < n_docs


def test_an_update_rewrites_the_uncorroborated_events_of_the_touched_documents_only(runs, analyses, tmp_path,
                                                                                   monkeypatch):
    """An outlet's uncorroborated events (``summary_outlet_solo``) are written again only where the update touched
    their document: a touched outlet's other events keep their rows (an outlet of the batch holds dozens of stored
    articles), and the table is the one a whole rewrite gives."""
    path = tmp_path / "solo.duckdb"
    select = "SELECT rowid, outlet, id, rec, doc_rec FROM summary_outlet_solo"
    before, after, touched = _rows_around_an_update(runs[0], path, analyses[BASE:BASE + BATCH], monkeypatch,
                                                    "summary_outlet_solo", select)
    with Store(path) as store:
        doc_of = dict(store.con.execute("SELECT id, doc FROM events").fetchall())
        outlet_of = dict(store.con.execute("SELECT id, outlet FROM documents").fetchall())
    outlets = {outlet_of[d] for d in touched.docs}
    # rows whose event is in a touched document may go or come; no other row changed
    assert all(doc_of[row[1]] in touched.docs for row in set(before) ^ set(after))
    assert set(before) ^ set(after)
    # a touched outlet's rows of untouched documents stay in their places: rows written again come after every other
    kept = [row for row in before if row[0] in outlets and doc_of[row[1]] not in touched.docs]
    others = [row for row in before if row[0] not in outlets]
    assert kept and others and min(after[row] for row in kept) < max(after[row] for row in others)


def test_only_outlets_whose_stretch_of_the_ranking_changed_join_the_touched_ones():
    # an outlet's missed stories are read from the first (its covered stories of 2+ articles + FIRST_PAGE) of the
    # ranking: a change at place 60 concerns the outlet covering 20 such stories, not the one covering 5
    import duckdb

    con = duckdb.connect()
    ranking = [(f"s{i}", f"t{i}", None, 100 - i) for i in range(80)]
    con.execute("CREATE TABLE summary_stories (id VARCHAR, title VARCHAR, date VARCHAR, n_docs BIGINT, rank BIGINT)")
    con.executemany("INSERT INTO summary_stories VALUES (?, ?, ?, ?, ?)", [[*r, n] for n, r in enumerate(ranking)])
    con.execute("CREATE TABLE summary_outlet_docs (outlet VARCHAR, doc VARCHAR)")
    con.execute("CREATE TABLE summary_outlet_stories (outlet VARCHAR, srow BIGINT, n_docs BIGINT)")
    for outlet, covered in (("big", 20), ("small", 5), ("touched", 1)):
        con.execute("INSERT INTO summary_outlet_docs VALUES (?, ?)", [outlet, f"{outlet}-doc"])
        con.executemany("INSERT INTO summary_outlet_stories VALUES (?, ?, 3)", [[outlet, i] for i in range(covered)])
    con.execute("CREATE TEMP TABLE summary_keys_outlets AS SELECT 'touched' AS key")

    def keys() -> set[str]:
        return {r[0] for r in con.execute("SELECT key FROM summary_keys_outlets").fetchall()}

    summaries._rank_touched_outlets(con, ranking)   # the ranking as it was: no one else
    assert keys() == {"touched"}
    summaries._rank_touched_outlets(con, [*ranking[:60], ("new", "t", None, 40), *ranking[60:]])
    assert keys() == {"touched", "big"}
    summaries._rank_touched_outlets(con, [("new", "t", None, 200), *ranking])
    assert keys() == {"touched", "big", "small"}


@pytest.mark.parametrize("stories", ["trained", "rules"])
def test_the_candidates_features_are_freed_before_the_stories_members_are_read(runs, analyses, tmp_path,
                                                                              monkeypatch, stories):
    # a batch of 10k into 30k held the features of its 25k story candidates and of the reached stories' 17k
    # members at once: the candidates' (and their scorer's) must be gone when the members are read, and the
    # update the same as with both held
    import gc
    import weakref

    settings = Settings(stories=stories)
    batch = analyses[BASE:BASE + BATCH]
    real = incremental._stored_features
    calls: list[list[weakref.ref]] = []
    alive_at_members: list[int] = []

    def spy(store, docs):
        if calls:   # the members: no candidate's features may still be held
            gc.collect()
            alive_at_members.append(sum(r() is not None for r in calls[0]))
        out = real(store, docs)
        calls.append([weakref.ref(f) for f, _ in out.values()])
        return out

    out = []
    for name in ("held", "freed"):
        if name == "freed":
            monkeypatch.setattr(incremental, "_stored_features", spy)
        out.append(_update_a_copy(runs[0], tmp_path / f"{name}.duckdb", batch, settings))
    assert out[0] == out[1]
    assert calls[0] and alive_at_members == [0]


def test_related_leads_come_a_block_at_a_time_and_are_those_of_every_pair(runs, analyses, tmp_path, monkeypatch):
    # the related pairs are weighed a block of stored rows at a time (a 10k batch against 30k made millions, held
    # at once before): each block only its stored rows, and together with the sure pairs every pair above the
    # floor, computed here over all pairs one at a time
    import numpy as np

    from storyline.fuse.stories import W_ENTITIES, W_TEXT, W_TYPES, corpus_story_features, link_gate
    from storyline.nlp.embeddings import cosine_floor

    settings = Settings()
    monkeypatch.setattr(incremental, "_VECTOR_ROWS", 9)
    shutil.copy(runs[0], tmp_path / "s.duckdb")
    with Store(tmp_path / "s.duckdb") as store:
        feats = corpus_story_features(analyses[BASE:BASE + BATCH], None)
        vectors = np.asarray([f.vector for f in feats], dtype=np.float32)
        floor, threshold = cosine_floor(settings.embedding_model), link_gate(settings)
        sure: set[tuple[str, str]] = set()
        blocks = list(incremental._related_leads(store, feats, vectors, floor, threshold, sure))
        stored = store.con.execute("SELECT doc, vector FROM fuse_story_docs WHERE vector IS NOT NULL").fetchall()
    assert len({id(b.docs) for b in blocks}) == -(-len(stored) // 9) > 1
    assert all(len(b.docs) <= 9 for b in blocks)
    got = {(feats[int(i)].id, b.docs[int(j)]): float(n) for b in blocks for i, j, n in zip(b.new, b.old, b.need)}
    every, plain_sure = {}, set()
    for f, v in zip(feats, vectors):
        for doc, blob in stored:
            cos = float(np.float32(v @ np.frombuffer(blob, dtype=np.float32)))
            if cos <= floor:
                continue
            rest = (threshold - W_TYPES - W_TEXT * (cos - floor) / (1 - floor)) / W_ENTITIES
            if rest <= 0:
                plain_sure.add((f.id, doc))
            else:
                every[(f.id, doc)] = rest
    assert sure == plain_sure
    assert got.keys() == every.keys() and got
    assert all(abs(got[p] - every[p]) < 1e-6 for p in every)
