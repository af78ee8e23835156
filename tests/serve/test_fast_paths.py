"""The serving shortcuts change what a request costs, never what it answers.

``json_response`` writes plain JSON itself and hands anything else to FastAPI's encoder, byte for byte as
``JSONResponse(jsonable_encoder(...))``; a read-only connection's views answer catalogue questions from the
catalogue read once (``read_catalogue``), and a list read through one is the list read without it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from storyline.serve.app import json_response
from storyline.store import Store
from storyline.store.pages import cursor_view
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
