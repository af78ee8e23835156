"""One query layer over the store: declarative filters translated to parameterised SQL in one place.

Each REST resource declares its filters as data (``Filter``: parameter, SQL expressions, operator,
value kind, help); ``where`` turns the values a client gave into one SQL condition with bound
parameters, and the web app builds its OpenAPI parameters from the same table. Only the fixed
expressions below are spliced into SQL; every value a client sends is a parameter.

Usage::

    with Store(path, read_only=True) as store:
        total, items = page(store, "events", {"type": "reject", "date_from": "2024-06"}, 50, 0)

Records come back in the JSON export's form; ``flat_row`` turns one into a table row (nested
values as JSON text), the form of the CSV and Parquet exports.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from storyline.errors import QueryError, StoreError
from storyline.model import Event, to_dict
from storyline.store.duckdb import READ_TABLES, Store, record_maker
from storyline.store.summaries import summaries_ready

LOGGER = logging.getLogger(__name__)

__all__ = ["KINDS", "OPERATORS", "RESOURCES", "Filter", "Resource", "check_params", "day_sql", "flat_row",
           "get_one", "has_table", "page", "parse_day", "read_catalogue", "record", "where"]

#: operator → condition template; ``{e}`` is the filter's SQL expression, ``?`` the client's value
OPERATORS: dict[str, str] = {
    "eq": "{e} = ?",
    "ieq": "lower({e}) = lower(?)",
    # a substring, case-insensitive; contains() takes the text as it is, so % and _ are no wildcards
    "contains": "contains(lower({e}), lower(?))",
    "has": "list_contains({e}, ?)",
    "gte": "{e} >= ?",
    "lte": "{e} <= ?",
    # the expression is a whole condition; the value fills each of its placeholders
    "sql": "{e}",
}

#: value kinds: how a client's string becomes the bound value (and what is refused)
KINDS = ("text", "code", "date")

_DATE_FORMS = (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4))


def day_sql(column: str) -> str:
    """SQL for the first day of an ISO date of any precision in ``column`` (NULL when it is none)."""
    # the same rule as parse_day: the first 10 characters as a day, else a month, else a year
    v = f"substr(trim({column}), 1, 10)"
    return (f"coalesce(try_strptime({v}, '%Y-%m-%d'), try_strptime(substr({v}, 1, 7), '%Y-%m'), "
            f"try_strptime(substr({v}, 1, 4), '%Y'))::DATE")


def parse_day(value: str) -> dt.date | None:
    """The first day of an ISO date of any precision (``2022``, ``2022-06``, ``2022-06-17``), or None."""
    v = value.strip()[:10]
    for fmt, n in _DATE_FORMS:
        try:
            return dt.datetime.strptime(v[:n], fmt).date()
        except ValueError:
            continue
    return None


@dataclasses.dataclass(frozen=True)
class Filter:
    """One filter of a resource: ``param=value`` keeps the rows where ``op`` holds for an expression.

    Attributes:
        param: the query parameter's name.
        exprs: SQL expressions over the resource's table (fixed here, never from a client);
            with several, a row matches when any of them does. Every ``?`` in an expression is
            a placeholder the value fills (the ``sql`` operator's subqueries may hold several).
        op: a key of ``OPERATORS``.
        kind: ``text`` (as given), ``code`` (upper-cased: PLOVER and entity types) or ``date``
            (ISO of any precision, compared by its first day).
        help: one line for the API documentation.
    """
    param: str
    exprs: tuple[str, ...]
    op: str
    help: str
    kind: str = "text"

    def __post_init__(self) -> None:
        if self.op not in OPERATORS:
            raise ValueError(f"filter {self.param!r}: unknown operator {self.op!r}; use one of {sorted(OPERATORS)}")
        if self.kind not in KINDS:
            raise ValueError(f"filter {self.param!r}: unknown kind {self.kind!r}; use one of {KINDS}")

    def value(self, given: str) -> Any:
        """The bound value for what a client gave; QueryError when it has the wrong form."""
        if self.kind == "code":
            return given.upper()
        if self.kind == "date":
            day = parse_day(given)
            if day is None:
                raise QueryError(f"{self.param}={given!r} is not a date: give an ISO date such as "
                                 "2024-06-12, 2024-06 or 2024")
            return day
        return given

    def condition(self, given: str) -> tuple[str, list[Any]]:
        """This filter's SQL condition and its parameters for the value a client gave."""
        value = self.value(given)
        parts = [OPERATORS[self.op].replace("{e}", e) for e in self.exprs]
        params = [value for p in parts for _ in range(p.count("?"))]
        return (parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"), params


def where(filters: Sequence[Filter], values: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """One SQL condition (all given filters must hold) and its parameters; "" when none is given.

    A value of None or "" means the filter was not given.
    """
    conds: list[str] = []
    params: list[Any] = []
    for f in filters:
        given = values.get(f.param)
        if given is None or given == "":
            continue
        cond, args = f.condition(str(given))
        conds.append(cond)
        params.extend(args)
    return " AND ".join(conds), params


def _text(param: str, *exprs: str, help: str) -> Filter:
    return Filter(param, exprs, "contains", help)


def _dates(column: str, what: str) -> tuple[Filter, Filter]:
    return (Filter("date_from", (day_sql(column),), "gte", f"ISO date, inclusive ({what})", "date"),
            Filter("date_to", (day_sql(column),), "lte", f"ISO date, inclusive ({what})", "date"))


_DOCS_OF_OUTLET = "doc IN (SELECT id FROM documents WHERE lower(coalesce(outlet, '')) = lower(?))"
_OUTLET_OF_DOC = Filter("outlet", (_DOCS_OF_OUTLET,), "sql", "outlet name of the record's document (exact, any case)")


@dataclasses.dataclass(frozen=True)
class Resource:
    """A REST resource: its store table, its order, its filters and what a list page leaves unread."""
    table: str
    order: str
    filters: tuple[Filter, ...]
    help: str
    #: fields a list does not read (they are not in the export, and can be large)
    unread: tuple[str, ...] = ()
    #: ``id`` is the table's primary key (indexed, unique)
    keyed: bool = False

    def filter(self, param: str) -> Filter | None:
        """The filter named ``param``, or None."""
        return next((f for f in self.filters if f.param == param), None)

    def columns(self) -> list[str]:
        """The keys of this resource's records (see ``record``), in order."""
        cls = READ_TABLES[self.table]
        names = [f.name for f in dataclasses.fields(cls) if f.metadata.get("export", True)]
        return [*names, "doc"] if cls is Event else names


RESOURCES: dict[str, Resource] = {
    "documents": Resource("documents", "published NULLS LAST, source, id", (
        _text("q", "title", "text", help="text search in title and body (case-insensitive substring)"),
        Filter("outlet", ("coalesce(outlet, '')",), "ieq", "outlet name (exact, any case)"),
        Filter("actor", ("(id IN (SELECT unnest(json_extract_string(mentions, '$[*].doc')) FROM entities "
                         "WHERE id = ?) OR id IN (SELECT doc FROM events WHERE ? IN (source, target, "
                         "attributed_to)))",), "sql",
               "entity id: documents that mention it or report an event with it"),
        Filter("language", ('"language"',), "eq", "language code such as en"),
        Filter("genre", ("genre",), "eq", "reporting|opinion|analysis|other"),
        *_dates("published", "publication"),
    ), "Articles with metadata, cleaned text and removed spans.", unread=("raw", "blocks", "repairs", "given"),
        keyed=True),
    "entities": Resource("entities", "rowid", (
        _text("q", "name", "aliases::VARCHAR", help="text search in name and aliases"),
        Filter("type", ("type",), "eq", "entity type such as PERSON, ORG, GPE", "code"),
        Filter("doc", ("json_extract_string(mentions, '$[*].doc')",), "has", "document id: entities it mentions"),
    ), "Resolved actors with aliases and mentions."),
    "events": Resource("events", "date NULLS LAST, id", (
        Filter("type", ("type",), "eq", "PLOVER event type such as REJECT", "code"),
        Filter("actor", ("source", "target", "attributed_to"), "eq", "entity id: source, target or speaker"),
        _OUTLET_OF_DOC,
        Filter("doc", ("doc",), "eq", "document id"),
        Filter("modality", ("modality",), "eq", "asserted|reported|denied|…"),
        Filter("story_event", ("story_event",), "eq", "story event id"),
        _text("q", "summary", "evidence::VARCHAR", help="text search in summary and evidence"),
        *_dates("date", "event date"),
    ), "PLOVER events with evidence spans."),
    "stories": Resource("stories", "rowid", (
        Filter("doc", ("CAST(docs AS VARCHAR[])",), "has", "document id: stories that include it"),
        _text("q", "title", help="text search in the title"),
        *_dates("date", "story date"),
    ), "Groups of articles about one real-world story."),
    "story_events": Resource("story_events", "rowid", (
        Filter("doc", ("CAST(docs AS VARCHAR[])",), "has", "document id: story events it reports"),
        _text("q", "summary", help="text search in the summary"),
        Filter("type", ("type",), "eq", "PLOVER event type", "code"),
        Filter("actor", ("source", "target"), "eq", "entity id: source or target"),
        *_dates("date", "event date"),
    ), "Cross-document event clusters."),
    "relations": Resource("relations", "rowid", (
        Filter("actor", ("a", "b"), "eq", "entity id: either side of the dyad"),
        Filter("period", ("period",), "eq", "period such as 2022-06"),
    ), "Dyads per period with cooperation and conflict."),
    "quotes": Resource("quotes", "rowid", (
        Filter("actor", ("speaker",), "eq", "entity id of the speaker"),
        Filter("doc", ("doc",), "eq", "document id"),
        _OUTLET_OF_DOC,
        _text("q", "text", help="text search in the quote"),
    ), "Quotes with speakers."),
    "disagreements": Resource("disagreements", "rowid", (
        Filter("doc", ("json_extract_string(sides, '$[*].doc')",), "has", "document id of either side"),
        _text("q", "topic", "sides::VARCHAR", help="text search in the topic and both sides"),
    ), "Claims outlets disagree on, with both sides' sentences."),
    "claims": Resource("claims", "doc, seq", (
        Filter("doc", ("doc",), "eq", "document id"),
        Filter("kind", ("kind",), "eq", "pole|cause|quantity|frame"),
        Filter("dimension", ("dimension",), "eq", "alignment|coordination|compliance|cause|quantity|framing"),
        _OUTLET_OF_DOC,
        _text("q", "text", "evidence::VARCHAR", help="text search in the claim's phrase and sentence"),
    ), "Stance-bearing statements per document, with the sentence each rests on."),
    "outlets": Resource("outlets", "name", (
        _text("q", "name", help="text search in the outlet's name"),
    ), "Outlet profiles."),
}


def check_params(resource: str, names: Sequence[str], allowed: Sequence[str] = ()) -> None:
    """Refuse a parameter ``resource`` has no filter for (a typo would otherwise filter nothing).

    ``allowed`` names the parameters the caller takes besides the filters (paging).
    """
    known = {f.param for f in RESOURCES[resource].filters} | set(allowed)
    unknown = sorted(set(names) - known)
    if unknown:
        raise QueryError(f"no filter {', '.join(map(repr, unknown))} on {resource}; "
                         f"use {', '.join(sorted(known))}")


def record(obj: Any) -> dict[str, Any]:
    """A store object in the JSON export's form (an event also names its document, the API's filter)."""
    out = to_dict(obj)
    if isinstance(obj, Event):
        out["doc"] = obj.doc
    return out


def _fields(resource: Resource) -> list[str] | None:
    if not resource.unread:
        return None
    cls = READ_TABLES[resource.table]
    return [f.name for f in dataclasses.fields(cls) if f.name not in resource.unread]


def page(store: Store, resource: str, values: Mapping[str, Any], limit: int,
         offset: int) -> tuple[int, list[dict[str, Any]]]:
    """(rows matching the filters, one page of them as export records) for a resource.

    Raises:
        QueryError: a filter value of the wrong form (a date that is no date).
        StoreError: the store predates the resource's table.
    """
    res = RESOURCES[resource]
    cond, params = where(res.filters, values)
    _check_table(store, res.table)
    given = {k for k, v in values.items() if v is not None and v != ""}
    if resource == "events" and given == {"actor"}:
        found = _actor_events(store, str(values["actor"]), limit, offset)
        if found is not None:
            return found
    objs = store.select(res.table, cond, params, order=res.order, fields=_fields(res), limit=limit, offset=offset)
    if (objs and len(objs) < limit) or (not objs and not offset):
        # a page that is not full is the list's last: it gives the total without a second scan of the table
        total = offset + len(objs)
    else:
        total = store.count(res.table, cond, params)
    return total, [record(o) for o in objs]


def _actor_events(store: Store, actor: str, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]] | None:
    """``page(store, "events", {"actor": actor}, ...)`` from the summary tables: the actor's count and one stretch
    of its events by their place in its list (indexed reads, where the filter's three-column condition scanned
    every event twice); None when the store has no summaries or the id is no actor (then the events are searched).
    """
    if not summaries_ready(store):
        return None
    row = store.con.execute("SELECT n_events FROM summary_actor WHERE entity = ?", [actor]).fetchone()
    if row is None:
        return None
    total = int(row[0])
    if total <= offset:
        return total, []
    # the actor's list is in the resource's order (date NULLS LAST, id), numbered from 1 (pos)
    rows = store.con.execute("SELECT rec, pos FROM summary_actor_events WHERE entity = ? AND pos > ? AND pos <= ?",
                             [actor, offset, offset + limit]).fetchall()
    make = record_maker(Event)
    return total, [record(make(json.loads(r[0]))) for r in sorted(rows, key=lambda r: r[1])]


def read_catalogue(store: Store) -> dict[str, frozenset[str]]:
    """Every table of the store with its columns, read from the catalogue once.

    A read-only connection's tables do not change while it is open: the web app reads this once per
    connection (``storyline.store.pages.cursor_view`` sets it as ``store.catalogue``) and every list then
    asks it instead of the catalogue (two catalogue queries cost a list more than its rows).
    """
    rows = store.con.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE table_oid IN "
                             "(SELECT table_oid FROM duckdb_tables())").fetchall()
    out: dict[str, set[str]] = {}
    for table, column in rows:
        out.setdefault(table, set()).add(column)
    return {t: frozenset(cs) for t, cs in out.items()}


def has_table(store: Store, table: str) -> bool:
    """Whether the store has ``table`` (a store written by an older version may lack one)."""
    known = getattr(store, "catalogue", None)
    if isinstance(known, dict):
        return table in known
    found = store.con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [table]).fetchone()
    return bool(found and found[0])


def _check_table(store: Store, table: str) -> None:
    """Refuse, with the fix, a table a store written by an older version does not have."""
    if not has_table(store, table):
        raise StoreError(f"this store has no {table} table (it predates them); run `storyline analyze` "
                         "on its folder once to add them")


def get_one(store: Store, resource: str, key: str) -> dict[str, Any] | None:
    """One record by id, or None."""
    res = RESOURCES[resource]
    if res.keyed:  # the id is the table's primary key: no ORDER BY or LIMIT, which would turn its index into a scan
        found = store.select(res.table, "id = ?", [key], order="", fields=_fields(res))
    else:
        found = store.select(res.table, "id = ?", [key], order=res.order, fields=_fields(res), limit=1)
    return record(found[0]) if found else None


def flat_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """One record as a table row: lists and mappings become JSON text, scalars stay as they are."""
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in rec.items()}
