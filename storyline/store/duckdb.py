"""The DuckDB store: one table per model type, upsert by content hash, all-or-nothing writes.

Tables are derived from the dataclasses in ``storyline.model`` (scalar fields become typed
columns, nested ones JSON), so the schema is defined once. Two kinds of tables:

- per-document: ``documents`` (keyed by content hash), ``analyses`` (what the per-document
  stages found, as JSON) and ``claims`` (one row per claim, in document order) — a document
  already in the store is never added twice, and its analysis is reused instead of recomputed;
- corpus-level: ``entities``, ``events``, ``quotes``, ``stories``, … — rebuilt from all stored
  analyses by the fuse stage and replaced in one transaction, so a crash or Ctrl-C mid-run
  leaves the previous consistent state.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import logging
import re
import types
import typing
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from storyline.errors import StoreBusy
from storyline.model import (
    Claim,
    Corpus,
    Disagreement,
    DocAnalysis,
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

SCHEMA_VERSION = 1

#: corpus-level tables and the Corpus attribute + model type each holds
CORPUS_TABLES: dict[str, type] = {
    "entities": Entity,
    "events": Event,
    "quotes": Quote,
    "stories": Story,
    "story_events": StoryEvent,
    "disagreements": Disagreement,
    "relations": Relation,
    "outlets": OutletProfile,
}
#: per-document fields stored in their own table rather than in ``analyses``
OWN_TABLES = frozenset({"document", "claims"})
#: a claim's position among its document's claims, beside the ``Claim`` fields
CLAIM_ORDER = ("seq", "BIGINT")
#: tables kept in an order of their own, in a column beside the model's fields: a disagreement's place in the rank
#: order (an update inserts, deletes and renumbers the rows that changed instead of rewriting the table in order)
RANKED: dict[str, tuple[str, str]] = {"disagreements": ("pos", "BIGINT")}

#: every table ``Store.select`` reads, with the model type of its rows
READ_TABLES: dict[str, type] = {"documents": Document, "claims": Claim, **CORPUS_TABLES}


def _sql_type(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, __import__("types").UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _sql_type(inner[0]) if len(inner) == 1 else "JSON"
    return {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}.get(tp, "JSON")


def _columns(cls: type, *, all_fields: bool = False) -> list[tuple[str, str]]:
    return list(_type_columns(cls, all_fields))


@functools.cache
def _type_columns(cls: type, all_fields: bool) -> tuple[tuple[str, str], ...]:
    # once per model type: the hints are strings (postponed annotations) that get_type_hints compiles on every
    # call, a tenth of a REST list's cost when every Store.select asked again
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _sql_type(hints[f.name])) for f in dataclasses.fields(cls)
                 if all_fields or f.metadata.get("export", True))


def _stored_columns(table: str) -> list[tuple[str, str]]:
    """The columns of a corpus-level table: its model's fields, and its rank column (``RANKED``)."""
    return [*_columns(CORPUS_TABLES[table], all_fields=True), *([RANKED[table]] if table in RANKED else [])]


def _names(cols: list[tuple[str, str]]) -> str:
    # quoted: "start"/"end" are SQL keywords
    return ", ".join(f'"{n}"' for n, _ in cols)


def _row(obj: Any, cols: list[tuple[str, str]]) -> list[Any]:
    out = []
    for name, sql in cols:
        v = getattr(obj, name)
        out.append(json.dumps(to_dict(v, internal=True), ensure_ascii=False) if sql == "JSON" else v)
    return out


#: the Python types each column type takes (None aside); anything else is refused rather than
#: quietly converted by DuckDB (1 into '1', 1.5 into 2)
_ACCEPTS: dict[str, Callable[[type], bool]] = {
    "VARCHAR": lambda kind: issubclass(kind, str),
    "JSON": lambda kind: issubclass(kind, str),
    "BIGINT": lambda kind: kind is not bool and hasattr(kind, "__index__"),
    "DOUBLE": lambda kind: kind is not bool and hasattr(kind, "__float__") and not issubclass(kind, str),
    "BOOLEAN": lambda kind: issubclass(kind, bool),
}


def _unnest(cols: list[tuple[str, str]], rows: list[list[Any]]) -> tuple[str, list[list[Any]]]:
    """Rows as a SELECT over one list parameter per column, and those parameters.

    DuckDB unnests the lists side by side, so the rows go in with one statement. Handing them
    over as an Arrow table did the same but made pyarrow import pandas (~0.35 CPU-s a run).
    JSON travels as text and is cast on insert.
    """
    columns = [list(c) for c in zip(*rows)] if rows else [[] for _ in cols]
    for (name, sql), values in zip(cols, columns):
        for kind in {type(v) for v in values} - {type(None)}:
            if not _ACCEPTS[sql](kind):
                raise TypeError(f"column {name!r} ({sql}) cannot hold a {kind.__name__}")
    unnested = (f'UNNEST(?::{"VARCHAR" if sql == "JSON" else sql}[]) AS "{name}"' for name, sql in cols)
    return "SELECT " + ", ".join(unnested), columns


def _claim_rows(claims: list[Claim]) -> list[list[Any]]:
    """Rows of the ``claims`` table: the claim's fields and its position in its document."""
    cols = _columns(Claim, all_fields=True)
    return [[*_row(c, cols), n] for n, c in enumerate(claims)]


def _from_row(cls: type, cols: list[tuple[str, str]], row: tuple) -> Any:
    data = {}
    for (name, sql), v in zip(cols, row):
        data[name] = json.loads(v) if sql == "JSON" and isinstance(v, str) else v
    return record_maker(cls)(data)


def record_maker(tp: Any) -> Callable[[Any], Any]:
    """``lambda data: from_dict(tp, data)``, the same objects, with the type's hints looked at once instead of at
    every value: the pages turn thousands of stored records into model objects, and ``from_dict`` asking the
    typing module about each field of each nested record was most of an outlet page's cost."""
    found = _MAKERS.get(tp)
    if found is None:
        found = _MAKERS[tp] = _maker(tp)
    return found


_MAKERS: dict[Any, Callable[[Any], Any]] = {}


def _same(value: Any) -> Any:
    return value


def _maker(tp: Any) -> Callable[[Any], Any]:
    # each branch is one of model._convert's, in its order
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return record_maker(inner[0]) if len(inner) == 1 else _same
    if origin is list:
        (item_tp,) = typing.get_args(tp) or (Any,)
        item = record_maker(item_tp)
        if item is _same:
            return lambda v: None if v is None else list(v)
        return lambda v: None if v is None else [None if x is None else item(x) for x in v]
    if origin is dict:
        args = typing.get_args(tp)
        kt, vt = args if len(args) == 2 else (Any, Any)
        val = record_maker(vt)
        return lambda v: None if v is None else {(int(k) if kt is int else k): None if x is None else val(x)
                                                 for k, x in v.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        names = [f.name for f in dataclasses.fields(tp) if f.init]
        # the fields' makers are made on first use: a type may hold itself (a tree of records)
        fields: dict[str, Callable[[Any], Any]] = {}

        def make(v: Any) -> Any:
            if not isinstance(v, dict):
                return v
            if not fields:
                fields.update({n: record_maker(hints[n]) for n in names})
            return tp(**{k: x if x is None else fields[k](x) for k, x in v.items() if k in fields})
        return make
    return _same


def _quoted(text: str) -> str:
    return text.replace("'", "''")


def busy_message(path: Path, error: str, read_only: bool) -> str:
    """What to do when another process holds the store (DuckDB's lock error names its PID)."""
    pid = re.search(r"PID (\d+)", error)
    who = f"process {pid.group(1)}" if pid else "another process"
    if read_only:
        return (f"the store {path} is being written by {who} (a `storyline analyze` into its folder): "
                "wait for it to finish, then start again")
    return (f"the store {path} is open in {who}, most likely `storyline serve` on this folder, which holds it "
            f"while it runs: stop that server (Ctrl-C), analyze, then serve again; or analyze into another "
            f"folder (--out) and serve that one; or add articles through the running server (POST /api/documents)")


class Store:
    """A storyline DuckDB file. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, *, read_only: bool = False, memory_limit: str = "", threads: int = 0) -> None:
        """``memory_limit`` ('1GB') and ``threads`` bound DuckDB's buffer pool and worker threads
        (``Settings.store_memory_limit``, ``Settings.store_threads``); empty and 0: DuckDB's defaults."""
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no storyline store at {self.path}; run `storyline analyze` first")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            raise StoreBusy(busy_message(self.path, str(exc), read_only)) from None
        # set on the connection, not passed as connect's config: DuckDB refuses a second connection to an open file
        # under another config (a test, or the export, opening the same store again in this process)
        try:
            if memory_limit:
                self.con.execute(f"SET memory_limit = '{_quoted(memory_limit)}'")
            if threads:
                self.con.execute(f"SET threads = {int(threads)}")
        except duckdb.Error as exc:
            self.con.close()
            raise ValueError(f"store_memory_limit {memory_limit!r} / store_threads {threads!r}: {exc}") from None
        if not read_only:
            self._create()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema -----------------------------------------------------------------
    def _create(self) -> None:
        doc_cols = _columns(Document, all_fields=True)
        ddl = ["CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
               "CREATE TABLE IF NOT EXISTS documents (" + ", ".join(
                   f'"{n}" {t}{" PRIMARY KEY" if n == "id" else ""}' for n, t in doc_cols) + ")",
               "CREATE TABLE IF NOT EXISTS analyses (doc_id VARCHAR PRIMARY KEY, data JSON)"]
        had_claims = self._has_table("claims")
        ddl.append("CREATE TABLE IF NOT EXISTS claims (" + ", ".join(
            f'"{n}" {t}' for n, t in [*_columns(Claim, all_fields=True), CLAIM_ORDER]) + ")")
        for table in CORPUS_TABLES:
            ddl.append(f"CREATE TABLE IF NOT EXISTS {table} (" + ", ".join(
                f'"{n}" {t}' for n, t in _stored_columns(table)) + ")")
        for stmt in ddl:
            self.con.execute(stmt)
        wanted = {"documents": doc_cols, "claims": [*_columns(Claim, all_fields=True), CLAIM_ORDER],
                  **{table: _stored_columns(table) for table in CORPUS_TABLES}}
        self._add_new_columns(wanted)
        for table, (column, _) in RANKED.items():   # a store written before the column: its rows' order was theirs
            unranked = self.con.execute(f'SELECT count(*) FROM {table} WHERE "{column}" IS NULL').fetchone()
            if unranked and unranked[0]:
                self.con.execute(f'UPDATE {table} SET "{column}" = r.n FROM (SELECT rowid AS rid, row_number() '
                                 f'OVER (ORDER BY rowid) - 1 AS n FROM {table}) r WHERE {table}.rowid = r.rid')
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        if not had_claims:
            self._add_missing_claims()

    def _add_new_columns(self, wanted: dict[str, list[tuple[str, str]]]) -> None:
        """Columns the model gained since the store was written, added empty (a field added to a
        record type must not make an older store unreadable)."""
        have: dict[str, set[str]] = {}
        for table, column in self.con.execute("SELECT table_name, column_name FROM duckdb_columns()").fetchall():
            have.setdefault(table, set()).add(column)
        for table, columns in wanted.items():
            for name, sql_type in columns:
                if name not in have.get(table, {name}):
                    self.con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {sql_type}')

    def order_of(self, table: str) -> str:
        """The ORDER BY of ``table``'s own order: its rank column (``RANKED``), or its insertion order (a store
        opened read-only may predate the rank column; its rows are then in rank order)."""
        if table not in RANKED:
            return "rowid"
        known: dict[str, str] = self.__dict__.setdefault("_orders", {})
        if table not in known:
            column = RANKED[table][0]
            known[table] = f'"{column}"' if self._stored(table, [RANKED[table]]) else "rowid"
        return known[table]

    def _stored(self, table: str, cols: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """The model columns ``table`` has: a store opened read-only may predate a field, which then
        takes its default when read (writing opens add the column, see ``_add_new_columns``)."""
        known = getattr(self, "catalogue", None)  # set by the web app on a read-only connection's views
        have = known.get(table) if isinstance(known, dict) else None
        if have is None:
            have = {c for (c,) in self.con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]).fetchall()}
        return [c for c in cols if c[0] in have]

    def _has_table(self, name: str) -> bool:
        row = self.con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()
        return bool(row and row[0])

    def _add_missing_claims(self) -> None:
        """Find the claims of documents stored before claims were (once, when the table is created)."""
        from storyline.extract.claims import find_claims

        rows = []
        for a in self.analyses():
            rows.extend(_claim_rows(find_claims(a.document.id, a.sentences)))
        if rows:
            LOGGER.info("found the claims of %d stored documents", len(self.known_ids()))
            self._insert_rows("claims", [*_columns(Claim, all_fields=True), CLAIM_ORDER], rows)

    # -- per-document -------------------------------------------------------------
    def known_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM documents").fetchall()}

    def add_analyses(self, analyses: Iterable[DocAnalysis], *, replace: bool = False) -> int:
        """Store documents and their analyses in one transaction.

        Existing ids are left alone, unless ``replace`` (re-analysis after an upgrade).
        """
        cols = _columns(Document, all_fields=True)
        known = self.known_ids()
        doc_rows, analysis_rows, claim_rows, replaced = [], [], [], []
        for a in analyses:
            doc = a.document
            if doc.id in known and not replace:
                continue
            if doc.id in known:
                replaced.append([doc.id])
            doc_rows.append(_row(doc, cols))
            rest = {f.name: to_dict(getattr(a, f.name), internal=True) for f in dataclasses.fields(a)
                    if f.name not in OWN_TABLES}
            analysis_rows.append([doc.id, json.dumps(rest, ensure_ascii=False)])
            claim_rows.extend(_claim_rows(a.claims))
            known.add(doc.id)
        if not doc_rows:
            return 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            if replaced:
                select, params = _unnest([("id", "VARCHAR")], replaced)
                self.con.execute(f"DELETE FROM documents WHERE id IN ({select})", params)
                self.con.execute(f"DELETE FROM analyses WHERE doc_id IN ({select})", params)
                self.con.execute(f"DELETE FROM claims WHERE doc IN ({select})", params)
            self._insert_rows("documents", cols, doc_rows)
            self._insert_rows("analyses", [("doc_id", "VARCHAR"), ("data", "JSON")], analysis_rows)
            if claim_rows:
                self._insert_rows("claims", [*_columns(Claim, all_fields=True), CLAIM_ORDER], claim_rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(doc_rows)

    def _insert_rows(self, table: str, cols: list[tuple[str, str]], rows: list[list[Any]]) -> None:
        """Insert ``rows`` into ``table`` in one statement."""
        select, params = _unnest(cols, rows)
        self.con.execute(f"INSERT INTO {table} ({_names(cols)}) {select}", params)

    def documents(self, exclude: Collection[str] = ()) -> list[Document]:
        """Stored documents ordered by source and id, without those whose id is in ``exclude``."""
        cols = self._stored("documents", _columns(Document, all_fields=True))
        rows = self.con.execute(f"SELECT {_names(cols)} FROM documents ORDER BY source, id").fetchall()
        skip = set(exclude)
        return [_from_row(Document, cols, r) for r in rows if r[0] not in skip]

    def analyses(self, exclude: Collection[str] = ()) -> list[DocAnalysis]:
        """Every stored document (but those in ``exclude``) with its per-document analysis, in a stable order."""
        # a run excludes the documents it just analysed (often all of them): they are not read back
        data = dict(self.con.execute("SELECT doc_id, data FROM analyses WHERE doc_id NOT IN (SELECT UNNEST(?))",
                                     [sorted(set(exclude))]).fetchall())
        claims = self._claims_by_doc(exclude)
        out = []
        for doc in self.documents(exclude):
            rest = json.loads(data.get(doc.id) or "{}")
            a = from_dict(DocAnalysis, {**rest, "document": None})
            a.document = doc
            a.claims = claims.get(doc.id, [])
            out.append(a)
        return out

    def analyses_of(self, ids: Collection[str]) -> list[DocAnalysis]:
        """The stored analyses of the documents ``ids`` (those stored), ordered by source and id."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        docs = self.select("documents", "id IN (SELECT UNNEST(?))", [wanted], order="source, id")
        data = dict(self.con.execute("SELECT doc_id, data FROM analyses WHERE doc_id IN (SELECT UNNEST(?))",
                                     [wanted]).fetchall())
        claims: dict[str, list[Claim]] = defaultdict(list)
        for c in self.select("claims", "doc IN (SELECT UNNEST(?))", [wanted], order="doc, seq"):
            claims[c.doc].append(c)
        out = []
        make = record_maker(DocAnalysis)   # from_dict's objects, the type hints looked at once (a fifth of an update)
        for doc in docs:
            a = make({**json.loads(data.get(doc.id) or "{}"), "document": None})
            a.document = doc
            a.claims = claims.get(doc.id, [])
            out.append(a)
        return out

    def _claims_by_doc(self, exclude: Collection[str] = ()) -> dict[str, list[Claim]]:
        """Every stored claim by document id, in document order (none in a store from before claims), but
        those of the documents in ``exclude``."""
        if not self._has_table("claims"):
            return {}
        cols = self._stored("claims", _columns(Claim, all_fields=True))
        at = [name for name, _ in cols].index("doc")
        skip = set(exclude)
        out: dict[str, list[Claim]] = defaultdict(list)
        for row in self.con.execute(f"SELECT {_names(cols)} FROM claims ORDER BY doc, seq").fetchall():
            if row[at] in skip:
                continue
            claim = _from_row(Claim, cols, row)
            out[claim.doc].append(claim)
        return out

    # -- corpus-level -------------------------------------------------------------
    def replace_corpus(self, corpus: Corpus, summaries: bool = True) -> None:
        """Replace every corpus-level table (and the documents' fused fields) atomically; with ``summaries``
        the reader's summary tables next (marked stale until then), else they are left marked stale (a batched
        fuse writes them at its end)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, cls in CORPUS_TABLES.items():
                cols = _columns(cls, all_fields=True)
                self.con.execute(f"DELETE FROM {table}")
                rows = [_row(obj, cols) for obj in getattr(corpus, table)]
                if table in RANKED:
                    cols = [*cols, RANKED[table]]
                    rows = [[*r, n] for n, r in enumerate(rows)]
                if rows:
                    self._insert_rows(table, cols, rows)
            # fields that only the fuse stage knows (genre, near-duplicates, loaded language)
            fused = [[d.id, d.genre, json.dumps(to_dict(d.near_duplicates)),
                      json.dumps(to_dict(d.loaded_language), ensure_ascii=False)] for d in corpus.documents]
            if fused:
                fused_cols = [("id", "VARCHAR"), ("genre", "VARCHAR"), ("near_duplicates", "JSON"),
                              ("loaded_language", "JSON")]
                select, params = _unnest(fused_cols, fused)
                self.con.execute(
                    "UPDATE documents SET genre = r.genre, near_duplicates = r.near_duplicates::JSON, "
                    f"loaded_language = r.loaded_language::JSON FROM ({select}) r WHERE documents.id = r.id",
                    params)
            from storyline.store.summaries import mark_stale, write_summaries  # it reads the tables written here

            mark_stale(self)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        if not summaries:
            return
        # in a transaction of their own, once the corpus's rows have their final row numbers (which the summary
        # tables keep, and an update's rewrite of some of their rows compares): until then they are marked stale
        self.con.execute("BEGIN TRANSACTION")
        try:
            write_summaries(self)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def add_rows(self, table: str, objs: list[Any], positions: Sequence[int] | None = None) -> None:
        """Append model objects to a corpus-level table (the incremental fuse; the caller holds the transaction);
        ``positions``: their places in a ranked table's order (``RANKED``)."""
        cols = _columns(CORPUS_TABLES[table], all_fields=True)
        if not objs:
            return
        rows = [_row(o, cols) for o in objs]
        if table in RANKED:
            if positions is None or len(positions) != len(objs):
                raise ValueError(f"rows of {table} need their positions")
            cols = [*cols, RANKED[table]]
            rows = [[*r, n] for r, n in zip(rows, positions)]
        self._insert_rows(table, cols, rows)

    def update_rows(self, table: str, key: str, objs: list[Any]) -> None:
        """Write model objects over the rows of a corpus-level table with their ``key`` (the incremental fuse; the
        caller holds the transaction). Unlike a delete and an insert, each row keeps its place (row number), on
        which the summary tables' orders rest."""
        cols = _columns(CORPUS_TABLES[table], all_fields=True)
        if not objs:
            return
        select, params = _unnest(cols, [_row(o, cols) for o in objs])
        sets = ", ".join(f'"{n}" = r."{n}"' + ("::JSON" if sql == "JSON" else "") for n, sql in cols if n != key)
        self.con.execute(f'UPDATE {table} SET {sets} FROM ({select}) r WHERE {table}."{key}" = r."{key}"', params)

    # -- reads for queries -----------------------------------------------------------
    def select(self, table: str, where: str = "", params: Sequence[Any] = (), *, order: str = "rowid",
               fields: Collection[str] | None = None, limit: int | None = None,
               offset: int = 0) -> list[Any]:
        """Model objects of one table, narrowed by a SQL condition whose values are bound parameters.

        Args:
            table: ``documents`` or a corpus-level table.
            where: a SQL condition with ``?`` placeholders, or "" for every row; written by the
                code (``storyline.store.query``), never taken from a client: values go in ``params``.
            params: the values of the placeholders.
            order: the ORDER BY clause (the store's insertion order by default), also code's; "" for none
                (a lookup by a primary key, which an ORDER BY or a LIMIT would turn into a scan).
            fields: read only these fields (and those without a default); the others keep their
                defaults (a list page need not read every article's raw text).
            limit: at most this many objects; ``offset`` skips the first ones.
        """
        cls = READ_TABLES[table]
        # a field without a default is always read: the object cannot be made without it
        needed = {f.name for f in dataclasses.fields(cls)
                  if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
        cols = [c for c in self._stored(table, _columns(cls, all_fields=True))
                if fields is None or c[0] in fields or c[0] in needed]
        if order == "rowid":
            order = self.order_of(table)
        sql = f"SELECT {_names(cols)} FROM {table}{' WHERE ' + where if where else ''}"
        sql += f" ORDER BY {order}" if order else ""
        args = list(params)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [_from_row(cls, cols, r) for r in self.con.execute(sql, args).fetchall()]

    def count(self, table: str, where: str = "", params: Sequence[Any] = ()) -> int:
        """How many rows of ``table`` match ``where`` (see ``select``)."""
        if table not in READ_TABLES:
            raise KeyError(f"no store table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}{' WHERE ' + where if where else ''}",
                               list(params)).fetchone()
        return int(row[0]) if row is not None else 0

    def iter_table(self, table: str, batch: int = 2000) -> Iterator[Any]:
        """The rows of ``documents``, ``claims`` or a corpus-level table as model objects, in the order
        ``corpus()`` gives them, read ``batch`` rows at a time (an export streams a large store instead
        of holding it whole)."""
        cls = READ_TABLES[table]
        cols = self._stored(table, _columns(cls, all_fields=True))
        for rows in self._batches(table, cols, batch):
            for r in rows:
                yield _from_row(cls, cols, r)

    def iter_plain(self, table: str, batch: int = 2000) -> Iterator[dict[str, Any]]:
        """``iter_table`` as plain JSON data: each row a dict of every stored column (JSON ones parsed),
        without building model objects (a column the table lacks is left out)."""
        cols, rows = self.iter_rows(table, batch)
        names = [n for n, _ in cols]
        parse = [sql == "JSON" for _, sql in cols]
        loads = json.loads
        for r in rows:
            yield {n: (loads(v) if p and isinstance(v, str) else v) for n, p, v in zip(names, parse, r)}

    def iter_rows(self, table: str, batch: int = 2000, fields: Collection[str] | None = None
                  ) -> tuple[list[tuple[str, str]], Iterator[tuple]]:
        """The stored columns of ``table`` (name, SQL type; only ``fields`` when given) and its rows as DuckDB
        gives them (JSON as text), in ``iter_table``'s order."""
        cols = [c for c in self._stored(table, _columns(READ_TABLES[table], all_fields=True))
                if fields is None or c[0] in fields]
        return cols, (r for rows in self._batches(table, cols, batch) for r in rows)

    def _batches(self, table: str, cols: list[tuple[str, str]], batch: int) -> Iterator[list[tuple]]:
        names = _names(cols)
        if table == "documents":
            sql = f"SELECT {names} FROM documents ORDER BY source, id"
        elif table == "claims":
            if not self._has_table("claims"):
                return
            # corpus(): documents in their order, each one's claims in document order
            qualified = ", ".join(f'c."{n}"' for n, _ in cols)
            sql = f"SELECT {qualified} FROM claims c JOIN documents d ON c.doc = d.id ORDER BY d.source, d.id, c.seq"
        else:
            sql = f"SELECT {names} FROM {table} ORDER BY {self.order_of(table)}"
        # a cursor of its own: the caller may query the store between batches
        cur = self.con.cursor()
        try:
            cur.execute(sql)
            while rows := cur.fetchmany(batch):
                yield rows
        finally:
            cur.close()

    def corpus(self) -> Corpus:
        """Read the whole corpus back as model objects."""
        corpus = Corpus(documents=self.documents())
        claims = self._claims_by_doc()
        corpus.claims = [c for d in corpus.documents for c in claims.get(d.id, [])]
        for table, cls in CORPUS_TABLES.items():
            cols = self._stored(table, _columns(cls, all_fields=True))
            rows = self.con.execute(f"SELECT {_names(cols)} FROM {table} ORDER BY {self.order_of(table)}").fetchall()
            setattr(corpus, table, [_from_row(cls, cols, r) for r in rows])
        return corpus
