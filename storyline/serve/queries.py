"""SQL for the REST API: filter and page one store table, return records in the export's JSON form.

Tables are the store's (one per Corpus attribute, named alike). Every value a client sends is a
bound parameter; only column and table names from the fixed maps below are spliced into SQL.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import typing
from typing import Any

import duckdb

from storyline.model import (
    Disagreement,
    Document,
    Entity,
    Event,
    OutletProfile,
    Quote,
    Relation,
    Story,
    StoryEvent,
    from_dict,
    to_dict,
)

LOGGER = logging.getLogger(__name__)

#: resource name → (table, model class, ORDER BY)
RESOURCES: dict[str, tuple[str, type, str]] = {
    "documents": ("documents", Document, "published NULLS LAST, source, id"),
    "entities": ("entities", Entity, "rowid"),
    "events": ("events", Event, "date NULLS LAST, id"),
    "stories": ("stories", Story, "rowid"),
    "story_events": ("story_events", StoryEvent, "rowid"),
    "relations": ("relations", Relation, "rowid"),
    "quotes": ("quotes", Quote, "rowid"),
    "disagreements": ("disagreements", Disagreement, "rowid"),
    "outlets": ("outlets", OutletProfile, "name"),
}

# ISO date of any precision → its first day, so "2022-06" falls inside a range from 2022-06-01
_DAY = ("CASE length({c}) WHEN 4 THEN {c} || '-01-01' WHEN 7 THEN {c} || '-01' "
        "ELSE substr({c}, 1, 10) END")
_MENTIONS_DOC = "list_contains(json_extract_string({c}, '$[*].doc'), ?)"
_DOCS_OF_OUTLET = "SELECT id FROM documents WHERE lower(coalesce(outlet, '')) = lower(?)"


def _export_columns(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.metadata.get("export", True)
            or (cls is Event and f.name == "doc")]


def _json_columns(cls: type) -> set[str]:
    hints = typing.get_type_hints(cls)
    scalar = {str, int, float, bool, str | None, int | None, float | None}
    return {name for name, tp in hints.items() if tp not in scalar}


def _where(resource: str, f: dict[str, Any]) -> tuple[list[str], list[Any]]:
    """SQL conditions and parameters for the filters given (None = not given)."""
    conds: list[str] = []
    params: list[Any] = []

    def add(cond: str, *values: Any) -> None:
        conds.append(cond)
        params.extend(values)

    q = f.get("q")
    like = f"%{q}%" if q else None
    if resource == "documents":
        if q:
            add("(title ILIKE ? OR text ILIKE ?)", like, like)
        if f.get("outlet"):
            add("lower(coalesce(outlet, '')) = lower(?)", f["outlet"])
        for col in ("language", "genre"):
            if f.get(col):
                add(f'"{col}" = ?', f[col])
        if f.get("actor"):
            add("(id IN (SELECT unnest(json_extract_string(mentions, '$[*].doc')) FROM entities WHERE id = ?)"
                " OR id IN (SELECT doc FROM events WHERE ? IN (source, target, attributed_to)))",
                f["actor"], f["actor"])
        date_col = _DAY.format(c="published")
    elif resource == "events":
        if f.get("type"):
            add("type = ?", f["type"].upper())
        if f.get("actor"):
            add("? IN (source, target, attributed_to)", f["actor"])
        if f.get("outlet"):
            add(f"doc IN ({_DOCS_OF_OUTLET})", f["outlet"])
        for col in ("doc", "modality", "story_event"):
            if f.get(col):
                add(f'"{col}" = ?', f[col])
        if q:
            add("(summary ILIKE ? OR evidence::VARCHAR ILIKE ?)", like, like)
        date_col = _DAY.format(c="date")
    elif resource == "entities":
        if f.get("type"):
            add("type = ?", f["type"].upper())
        if q:
            add("(name ILIKE ? OR aliases::VARCHAR ILIKE ?)", like, like)
        if f.get("doc"):
            add(_MENTIONS_DOC.format(c="mentions"), f["doc"])
        date_col = None
    elif resource == "quotes":
        if f.get("actor"):
            add("speaker = ?", f["actor"])
        if f.get("doc"):
            add("doc = ?", f["doc"])
        if f.get("outlet"):
            add(f"doc IN ({_DOCS_OF_OUTLET})", f["outlet"])
        if q:
            add("text ILIKE ?", like)
        date_col = None
    elif resource in ("stories", "story_events"):
        if f.get("doc"):
            add("list_contains(CAST(docs AS VARCHAR[]), ?)", f["doc"])
        if q:
            add(f"{'title' if resource == 'stories' else 'summary'} ILIKE ?", like)
        if resource == "story_events":
            if f.get("type"):
                add("type = ?", f["type"].upper())
            if f.get("actor"):
                add("? IN (source, target)", f["actor"])
        date_col = _DAY.format(c="date")
    elif resource == "relations":
        if f.get("actor"):
            add("? IN (a, b)", f["actor"])
        if f.get("period"):
            add("period = ?", f["period"])
        date_col = None
    elif resource == "disagreements":
        if f.get("doc"):
            add("list_contains(json_extract_string(sides, '$[*].doc'), ?)", f["doc"])
        if q:
            add("(topic ILIKE ? OR sides::VARCHAR ILIKE ?)", like, like)
        date_col = None
    else:  # outlets
        if q:
            add("name ILIKE ?", like)
        date_col = None
    if date_col:
        if f.get("date_from"):
            add(f"{date_col} >= ?", f["date_from"])
        if f.get("date_to"):
            add(f"{date_col} <= ?", f["date_to"])
    return conds, params


def page(con: duckdb.DuckDBPyConnection, resource: str, filters: dict[str, Any],
         limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of records as export JSON) for ``resource``."""
    table, cls, order = RESOURCES[resource]
    conds, params = _where(resource, filters)
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    total = con.execute(f"SELECT count(*) FROM {table}{where}", params).fetchone()[0]
    cols = _export_columns(cls)
    rows = con.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table}{where} "
                       f"ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return total, [_record(cls, cols, r) for r in rows]


def get_one(con: duckdb.DuckDBPyConnection, resource: str, key: str) -> dict[str, Any] | None:
    """One record by id (documents, entities, events, quotes, stories …), or None."""
    table, cls, _ = RESOURCES[resource]
    cols = _export_columns(cls)
    row = con.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table} WHERE id = ?",
                      [key]).fetchone()
    return _record(cls, cols, row) if row else None


def _record(cls: type, cols: list[str], row: tuple) -> dict[str, Any]:
    json_cols = _json_columns(cls)
    data = {c: (json.loads(v) if c in json_cols and isinstance(v, str) else v) for c, v in zip(cols, row)}
    out = to_dict(from_dict(cls, data))
    if cls is Event:  # the export leaves the event's document out; the API filters on it, so show it
        out["doc"] = data.get("doc")
    return out
