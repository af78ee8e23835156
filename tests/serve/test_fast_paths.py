"""The serving shortcuts change what a request costs, never what it answers.

``json_response`` writes plain JSON itself and hands anything else to FastAPI's encoder, byte for byte as
``JSONResponse(jsonable_encoder(...))``; a read-only connection's views answer catalogue questions from the
catalogue read once (``read_catalogue``), and a list read through one is the list read without it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from storyline.serve.app import json_response
from storyline.store import Store
from storyline.store.pages import actor_list, article_data, cursor_view, outlet_list, story_data, story_list
from storyline.store.query import has_table, page, read_catalogue
from tests.serve.helpers import store_from
from tests.serve.test_reader_pages import reader_corpus


@dataclasses.dataclass
class _Point:
    x: int
    when: dt.date


PLAIN: list[Any] = [
    {"total": 2, "items": [{"id": "d1", "title": "Kyiv — «talks» ✓", "score": 0.25, "ok": True, "none": None}]},
    ["a", 1, 2.5, [], {}],
    {"nested": {"deep": [{"k": "v\u2028w"}]}, "unicode": "Zürich 北京"},
]
NOT_PLAIN: list[Any] = [
    {"when": dt.date(2025, 6, 1)},
    {"pair": ("a", "b"), "tags": {"a"}},
    {"point": _Point(1, dt.date(2024, 1, 2))},
    {1: "int key", None: "none key"},
]


@pytest.mark.parametrize("data", PLAIN + NOT_PLAIN)
def test_json_response_is_the_encoders_answer_byte_for_byte(data: Any) -> None:
    ours, theirs = json_response(data), JSONResponse(jsonable_encoder(data))
    assert ours.body == theirs.body
    assert ours.headers["content-type"] == theirs.headers["content-type"]


def test_json_response_refuses_what_the_encoder_refuses() -> None:
    with pytest.raises(ValueError):
        JSONResponse(jsonable_encoder({"x": float("nan")}))
    with pytest.raises(ValueError):
        json_response({"x": float("nan")})


def test_a_views_catalogue_answers_as_the_store_does(tmp_path: Path) -> None:
    db = store_from(reader_corpus(), tmp_path, sentences=True)
    with Store(db, read_only=True) as store:
        catalogue = read_catalogue(store)
        columns = {c for (c,) in store.con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'events'").fetchall()}
        assert catalogue["events"] == columns
        view = cursor_view(store)
        try:
            assert view.catalogue == catalogue  # type: ignore[attr-defined]
            for table in ("events", "quotes", "claims", "no_such_table"):
                assert has_table(view, table) == has_table(store, table)
            for resource, values in (("events", {"actor": "p1"}), ("documents", {"q": "a"}), ("quotes", {})):
                assert page(view, resource, values, 5, 1) == page(store, resource, values, 5, 1)
        finally:
            view.close()


def test_a_views_list_totals_are_the_stores_counted_once_per_connection(tmp_path: Path) -> None:
    db = store_from(reader_corpus(), tmp_path, sentences=True)
    with Store(db, read_only=True) as store:
        first, second = cursor_view(store), cursor_view(store)
        try:
            for read in (lambda s: story_list(s, {}, limit=2, offset=0), lambda s: actor_list(s, "", limit=2, offset=1),
                         lambda s: outlet_list(s, limit=1, offset=0)):
                assert read(first) == read(store)
                assert read(second) == read(store)
            # counted by the first view, kept by the connection: the second view answers from the same counts
            assert first.memo is second.memo  # type: ignore[attr-defined]
            assert first.memo["count outlets"] == store.count("outlets")  # type: ignore[attr-defined]
            assert set(first.memo) >= {"count summary_stories", "count summary_actor_list"}  # type: ignore[attr-defined]
        finally:
            first.close()
            second.close()


def test_a_views_story_and_article_pages_are_the_stores(tmp_path: Path) -> None:
    # the view knows which articles a disagreement cites once per connection, and searches only for those
    db = store_from(reader_corpus(), tmp_path, sentences=True)
    with Store(db, read_only=True) as store:
        view = cursor_view(store)
        try:
            stories = [r[0] for r in store.con.execute("SELECT id FROM stories").fetchall()]
            docs = [r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()]
            seen = 0
            for sid in stories:
                ours = story_data(view, sid)
                assert ours == story_data(store, sid)
                seen += bool(ours and ours.disagreements)
            for doc in docs:
                article = article_data(view, doc)
                assert article == article_data(store, doc)
                seen += bool(article and article.disagreements)
            assert seen >= 2 and "disputed" in view.memo  # type: ignore[attr-defined]
        finally:
            view.close()


def test_record_maker_makes_what_from_dict_makes(tmp_path: Path) -> None:
    # every stored record of every table the pages read, as the pages read it and as from_dict rebuilds it
    from storyline.model import DocAnalysis, from_dict
    from storyline.store.duckdb import READ_TABLES, record_maker

    db = store_from(reader_corpus(), tmp_path, sentences=True)
    n = 0
    with Store(db, read_only=True) as store:
        for table, cls in READ_TABLES.items():
            cur = store.con.execute(f"SELECT to_json(t) FROM {table} t")
            for (rec,) in cur.fetchall():
                data = json.loads(rec)
                made = record_maker(cls)(data)
                assert made == from_dict(cls, data) and type(made) is cls
                n += 1
        analyses = [json.loads(r[0]) for r in store.con.execute("SELECT data FROM analyses").fetchall()]
    assert n > 20 and analyses
    for a in analyses:  # nested records several levels down (sentences, claims, quotes with their spans)
        assert record_maker(DocAnalysis)({**a, "document": None}) == from_dict(DocAnalysis, {**a, "document": None})
    assert record_maker(list[int | None])([1, None]) == from_dict(list[int | None], [1, None])
    assert record_maker(dict[int, str])({"1": "a"}) == from_dict(dict[int, str], {"1": "a"}) == {1: "a"}
