"""The summary tables (storyline.store.summaries) change how pages are read, never what they show.

Every page of a store is built twice: from the summary tables, and from the corpus tables alone (the
reads a store without summaries gets, which were the pages' only reads before). Both must be equal,
on the hand-made reader corpus, on a few hundred synthetic articles with Zipf-popular actors, and after
an incremental update (which rewrites the summaries in its own transaction).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from storyline.config import Settings
from storyline.engine.local import fuse_store
from storyline.report import pages as reader
from storyline.report.render import summary_context
from storyline.store import Store
from storyline.store import pages as reads
from storyline.store.query import page
from storyline.store.summaries import ACTOR_PAGE, FIRST_PAGE, SUMMARY_TABLES, summaries_ready
from tests.serve.helpers import store_from
from tests.serve.test_reader_pages import reader_corpus

REPO = Path(__file__).resolve().parents[2]
#: the most mentioned actors whose pages are compared (and the five least)
MAX_ACTORS = 15


def _bench_pages() -> Any:
    spec = importlib.util.spec_from_file_location("storyline_bench_pages_script", REPO / "scripts" / "bench_pages.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def every_page(store: Store, summaries: bool, *, limit: int = 3) -> dict[str, Any]:
    """Each page's context, keyed by its URL-like name; small pages so that paging is exercised."""
    store.summaries_ready = summaries  # type: ignore[attr-defined]
    links = reader.Links("app")
    out: dict[str, Any] = {}

    def ids(sql: str) -> list[str]:
        return [r[0] for r in store.con.execute(sql).fetchall()]

    for off in (0, limit, 10 * limit):
        paging = reader.Paging(limit, off)
        out[f"/?offset={off}"] = reader.index_context(store, links, {}, paging, reader.url_maker("/", {}))
        out[f"/?q=a&offset={off}"] = reader.index_context(store, links, {"q": "a", "date_from": "2025-02"}, paging,
                                                          reader.url_maker("/", {}))
        for q in ("", "a"):  # the actor list, most mentioned first
            out[f"/actors?q={q}&offset={off}"] = reader.actors_context(store, links, q, paging,
                                                                       reader.url_maker("/actors", {}))
    for sid in ids("SELECT id FROM stories"):
        data = reads.story_data(store, sid)
        assert data is not None
        out[f"/stories/{sid}"] = reader.story_context(data, links)
    for doc in ids("SELECT id FROM documents ORDER BY id")[::11]:
        article = reads.article_data(store, doc)
        assert article is not None
        out[f"/articles/{doc}"] = reader.article_context(article, links)
    for eid in ids("SELECT id FROM entities"):  # every actor's first page, as the app asks for it
        first = reader.Paging(ACTOR_PAGE, 0)
        actor = reads.actor_data(store, eid, limit=ACTOR_PAGE, offset=0, quotes_offset=0)
        assert actor is not None
        out[f"/actors/{eid}"] = reader.actor_context(actor, links, role="", paging=first, quotes_paging=first,
                                                     about_paging=first, url=reader.url_maker(links.actor(eid), {}))
    # the most and least mentioned actors (a popular one has pages of everything)
    by_mentions = ids("SELECT id FROM entities ORDER BY json_array_length(mentions) DESC, id")
    for eid in by_mentions[:MAX_ACTORS] + by_mentions[MAX_ACTORS:][-5:]:
        for role in ("", "source", "target", "speaker"):
            for off in (0, limit) if role == "" else (limit,):
                paging = reader.Paging(limit, off)
                actor = reads.actor_data(store, eid, role=role, limit=limit, offset=off, quotes_offset=off,
                                         about_offset=off)
                assert actor is not None
                out[f"/actors/{eid}?role={role}&offset={off}"] = reader.actor_context(
                    actor, links, role=role, paging=paging, quotes_paging=paging, about_paging=paging,
                    url=reader.url_maker(links.actor(eid), {}))
    for name in ids("SELECT name FROM outlets") + ids("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL"):
        # the app's first page (summary_outlet_pages), then small pages from either end of each list
        for size, off in ((FIRST_PAGE, 0), (limit, 0), (limit, limit)):
            paging = reader.Paging(size, off)
            outlet = reads.outlet_data(store, name, limit=size, offset=off, missed_offset=off, solo_offset=off)
            assert outlet is not None
            out[f"/outlets/{name}?limit={size}&offset={off}"] = reader.outlet_context(
                outlet, links, paging=paging, missed_paging=paging, solo_paging=paging,
                url=reader.url_maker(links.outlet(name), {}))
    # the REST list of an actor's events (from summary_actor_events when it is the only filter), paged to its end
    for eid in by_mentions[:MAX_ACTORS] + by_mentions[MAX_ACTORS:][-5:] + ["no-such-actor"]:
        for size, off in ((limit, 0), (limit, limit), (limit, 10 * limit), (500, 0)):
            out[f"/api/events?actor={eid}&limit={size}&offset={off}"] = page(store, "events", {"actor": eid}, size,
                                                                              off)
        out[f"/api/events?actor={eid}&type=X"] = page(store, "events", {"actor": eid, "type": "consult"}, limit, 0)
    out["/report (too large: the summary)"] = summary_context(store)  # its largest stories: the front page's rank
    return out


def assert_same_pages(path: Path) -> int:
    with Store(path, read_only=True) as store:
        assert summaries_ready(store)
        summarized = every_page(store, True)
        scanned = every_page(store, False)
    assert summarized.keys() == scanned.keys()
    for key in summarized:
        assert summarized[key] == scanned[key], key
    return len(summarized)


def test_reader_corpus_pages_are_the_same_from_summaries(tmp_path: Path) -> None:
    db = store_from(reader_corpus(), tmp_path, sentences=True)
    assert assert_same_pages(db) > 20


def test_synthetic_store_pages_are_the_same_from_summaries(tmp_path: Path) -> None:
    bench = _bench_pages()
    db = tmp_path / "storyline.duckdb"
    bench.build(db, 160, 7, 3)
    with Store(db, read_only=True) as store:
        # the synthetic store has what the comparison needs to mean something
        popular = store.con.execute("SELECT max(n_events), max(n_about), max(n_mentions) FROM summary_actor").fetchone()
        assert popular is not None and min(popular) > 3
        solo = store.con.execute("SELECT count(*) FROM summary_outlet_solo").fetchone()
        assert solo is not None and solo[0] > 0
    assert assert_same_pages(db) > 100


@pytest.mark.slow  # two fuses of synthetic analyses (as tests/store/test_incremental.py)
def test_summaries_follow_an_incremental_update(tmp_path: Path, bench: Any) -> None:
    analyses = bench.generate(70, seed=11, vectors="synthetic")
    settings = Settings()
    db = tmp_path / "storyline.duckdb"
    with Store(db) as store:
        store.add_analyses(analyses[:60])
        fuse_store(store, analyses[:60], settings)
        before = store.con.execute("SELECT count(*) FROM summary_mentions").fetchone()
        store.add_analyses(analyses[60:])
        fuse_store(store, analyses[60:], settings)
        after = store.con.execute("SELECT count(*) FROM summary_mentions").fetchone()
        new_doc = analyses[-1].document.id
        found = store.con.execute("SELECT count(*) FROM summary_doc_stories WHERE doc = ?", [new_doc]).fetchone()
    assert before is not None and after is not None and after[0] > before[0]
    assert found is not None and found[0] == 1  # the new article's story is in the summary
    assert assert_same_pages(db) > 20


def test_a_store_without_summaries_is_read_from_its_corpus_tables(tmp_path: Path) -> None:
    db = store_from(reader_corpus(), tmp_path, sentences=True)
    with Store(db) as store:
        for table in SUMMARY_TABLES:
            store.con.execute(f"DROP TABLE {table}")
        store.con.execute("DELETE FROM meta WHERE key = 'summaries'")
    with Store(db, read_only=True) as store:
        assert not summaries_ready(store)
        data = reads.story_data(store, "s1")
        actor = reads.actor_data(store, "p1", limit=10, offset=0, quotes_offset=0)
    assert data is not None and actor is not None and actor.n_mentions == 2


@pytest.mark.parametrize("sql", ["SELECT count(*) FROM summary_stories", "SELECT count(*) FROM summary_actor"])
def test_every_story_and_actor_has_a_summary_row(tmp_path: Path, sql: str) -> None:
    db = store_from(reader_corpus(), tmp_path, sentences=True)
    with Store(db, read_only=True) as store:
        row = store.con.execute(sql).fetchone()
        table = "stories" if "stories" in sql else "entities"
        assert row is not None and row[0] == store.count(table) > 0


def test_outlet_first_pages_are_the_same_from_summaries_past_a_page_of_missed_stories(tmp_path: Path) -> None:
    # enough stories that each outlet covers and misses more than a page of them: summary_outlet_pages keeps only
    # the first page of each list, its missed stories found among the first (page + covered) stories
    bench = _bench_pages()
    db = tmp_path / "storyline.duckdb"
    bench.build(db, 1400, 12, 5)
    links = reader.Links("app")
    first = reader.Paging(FIRST_PAGE, 0)
    with Store(db, read_only=True) as store:
        names = [r[0] for r in store.con.execute("SELECT name FROM outlets ORDER BY name").fetchall()]
        pages = {}
        for summaries in (True, False):
            store.summaries_ready = summaries  # type: ignore[attr-defined]
            for name in names:
                data = reads.outlet_data(store, name, limit=FIRST_PAGE, offset=0, missed_offset=0, solo_offset=0)
                assert data is not None
                pages[summaries, name] = reader.outlet_context(data, links, paging=first, missed_paging=first,
                                                               solo_paging=first, url=reader.url_maker("/o", {}))
    for name in names:
        summarized, scanned = pages[True, name], pages[False, name]
        assert summarized["missed_pager"]["total"] > FIRST_PAGE and summarized["covered_pager"]["total"] > FIRST_PAGE
        assert len(summarized["missed"]) == len(summarized["solo"]) == FIRST_PAGE
        assert summarized == scanned, name


def test_a_store_with_an_older_version_of_the_summaries_is_read_from_its_corpus_tables(tmp_path: Path) -> None:
    db = store_from(reader_corpus(), tmp_path, sentences=True)
    with Store(db) as store:
        store.con.execute("UPDATE meta SET value = '2' WHERE key = 'summaries'")  # the tables of an older version
        store.con.execute("DROP TABLE summary_outlet_pages")
    with Store(db, read_only=True) as store:
        assert not summaries_ready(store)
        outlet = reads.outlet_data(store, "Valley Herald", limit=FIRST_PAGE, offset=0, missed_offset=0)
    assert outlet is not None and outlet.n_docs is None and len(outlet.profile.docs) > 0
