"""The web app behind ``storyline serve DB``: the reader's pages, the long report, and a REST API.

- the reader's pages (``storyline.report.pages``), each reading only its own rows: ``GET /`` the
  stories, most covered first (``q``, ``date_from``, ``date_to``, ``limit``, ``offset``);
  ``/stories/<id>``, ``/articles/<id>`` (and ``/articles/<id>/raw``), ``/actors`` and
  ``/actors/<id>``, ``/outlets`` and ``/outlets/<name>``; each answers as JSON at ``<page>.json``;
- ``GET /report`` the long single-page report for the whole store, narrowed by ``q``, ``actor``,
  ``type``, ``outlet``, ``date_from``, ``date_to`` (the same template as the static report);
  ``GET /report.json`` answers the same page's data as JSON, built by the same function. Above
  ``settings.report_max_documents`` documents both answer the summary page instead (counts and the
  largest stories, linked to the reader's pages), as ``storyline analyze`` writes report.html;
- ``GET /api/<resource>`` paginated, filterable records in the export's JSON form, documented by
  OpenAPI at ``/openapi.json`` (``/docs`` renders it when the browser can reach a CDN);
  ``GET /api/<resource>.csv`` the same page as flat rows, as the CSV export writes them;
- ``POST /api/documents`` adds articles through the one pipeline path (``engine.local.run``),
  allowed only with the bearer token the server was started with, and size-limited.

Lists and the page query the store through ``storyline.store.query`` (one filter table, one SQL
translation) and ``storyline.store.pages``. Everything a client sends is escaped in HTML and bound
as a parameter in SQL; every error, a malformed or unknown parameter and an unknown id included,
answers ``{"ok": false, "error": ..., "status": ...}`` (``storyline.errors``).
"""
from __future__ import annotations

import collections
import contextlib
import csv
import hashlib
import hmac
import inspect
import io
import json
import logging
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import anyio.to_thread
from fastapi import FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.config import Settings
from storyline.errors import (
    AccessDenied,
    Forbidden,
    InputError,
    NotFound,
    QueryError,
    StoreError,
    StoreMissing,
    StorylineError,
    error_body,
)
from storyline.model import Corpus
from storyline.report import pages as reader
from storyline.report.filters import PAGE_PARAMS, query_report
from storyline.report.render import render_report, render_summary, report_context, summary_context
from storyline.serve.upload import UploadIn, read_limited
from storyline.store import Store
from storyline.store import pages as reads
from storyline.store.pages import cursor_view
from storyline.store.query import RESOURCES, Resource, flat_row, get_one, page, parse_day
from storyline.store.query import check_params as check_resource_params

LOGGER = logging.getLogger(__name__)

#: a page of the REST API holds at most this many records (DuckDB answers 500 rows in a few ms)
MAX_PAGE = 500
DEFAULT_PAGE = 50
#: the largest offset a list takes (DuckDB's OFFSET is a BIGINT: a larger one would be a 500)
MAX_OFFSET = 10**9
#: default cap on one POST body; a long article is ~50 kB of text, so this is hundreds of articles
DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: memory for rendered reader pages: a story or article page is 10-60 kB, so this holds a few thousand
DEFAULT_CACHE_BYTES = 64 * 1024 * 1024
#: the analyse output folder's store name; uploads run the pipeline into that folder
STORE_NAME = "storyline.duckdb"
#: the list parameters every REST list takes besides its filters
PAGING = ("limit", "offset")
#: threads rendering pages at once; the others wait their turn in order. A page is mostly Python under the GIL
#: with DuckDB reads between (which let go of it): a few threads keep both cores busy, where forty (anyio's
#: default) took turns at the GIL, each page's answer stretched by every page rendered beside it
DEFAULT_RENDER_THREADS = 4

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}

Runner = Callable[..., Any]


class PageCache:
    """Rendered pages by URL, least recently used first out, within a byte budget (memory stays flat).

    The store changes only through an upload, which empties the cache (``_Db.write``); between
    uploads a page's answer is a function of its URL.
    """

    def __init__(self, max_bytes: int, max_entry: int | None = None) -> None:
        self.max_bytes = max_bytes
        #: one huge page must not flush the others (the long report has a cache of its own)
        self.max_entry = max_bytes // 8 if max_entry is None else max_entry
        self.size = 0
        self._pages: collections.OrderedDict[str, tuple[bytes, str, dict[str, str]]] = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[bytes, str, dict[str, str]] | None:
        with self._lock:
            found = self._pages.get(key)
            if found is not None:
                self._pages.move_to_end(key)
            return found

    def put(self, key: str, body: bytes, media_type: str, headers: dict[str, str]) -> None:
        if len(body) > self.max_entry:
            return
        with self._lock:
            old = self._pages.pop(key, None)
            self.size -= len(old[0]) if old else 0
            self._pages[key] = (body, media_type, headers)
            self.size += len(body)
            while self.size > self.max_bytes and self._pages:
                _, (dropped, _, _) = self._pages.popitem(last=False)
                self.size -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self.size = 0


class _Db:
    """The store file: one read-only connection shared by the requests, each reading through its own
    cursor (DuckDB runs them side by side); an upload waits for the readers, closes it and writes.

    Opening the file costs ~50 ms, more than most pages take to read: it is opened once, not per request.
    """

    def __init__(self, path: Path, cache_bytes: int = 0, render_threads: int = DEFAULT_RENDER_THREADS) -> None:
        self.path = path
        self.cache = PageCache(cache_bytes)
        #: the pages' renders and reads, in turn (a thread's lock, not the event loop's: a test client runs a loop
        #: per request); a cached answer does not queue
        self.renders = threading.BoundedSemaphore(render_threads)
        # the long report reads every record: rendered once per filter set, one render at a time (a crowd of
        # first requests would otherwise each hold the whole corpus), kept until the next upload
        self.reports = PageCache(cache_bytes, max_entry=cache_bytes // 2)
        self.report_lock = threading.Lock()
        self.lock = threading.RLock()
        self._idle = threading.Condition(self.lock)
        self._shared: Store | None = None
        self._readers = 0

    @contextlib.contextmanager
    def read(self) -> Iterator[Store]:
        with self.lock:
            if self._shared is None:
                self._shared = Store(self.path, read_only=True)
                # one thread per query: the pages' queries are small and the requests already run side by side,
                # where DuckDB's own threads cost each query more CPU in handing work around than they saved
                self._shared.con.execute("SET threads = 1")
            view = cursor_view(self._shared)
            self._readers += 1
        try:
            yield view
        finally:
            view.close()
            with self.lock:
                self._readers -= 1
                self._idle.notify_all()

    def documents(self) -> int:
        """The store's article count, counted once per opening of the file (only an upload changes it)."""
        with self.read() as view:
            shared = self._shared  # the connection the view reads: no upload replaces it while a reader holds one
            found = getattr(shared, "n_documents", None)
            if found is None:
                found = view.count("documents")
                shared.n_documents = found  # type: ignore[union-attr]
            return int(found)

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """Hold the file alone: no reader starts until the block ends (DuckDB allows one writer)."""
        with self.lock:
            while self._readers:
                self._idle.wait()
            if self._shared is not None:
                self._shared.close()
                self._shared = None
            self.cache.clear()
            self.reports.clear()
            try:
                yield
            finally:
                self.cache.clear()  # a page rendered while the pipeline ran (none can be) or before
                self.reports.clear()


def error_response(request: Request, exc: Exception) -> JSONResponse:
    """Every error the app answers, in the one shape of ``storyline.errors.error_body``."""
    headers: dict[str, str] = {}
    if isinstance(exc, StorylineError):
        status, message = exc.status, exc.message
        if status == 401:
            headers["WWW-Authenticate"] = "Bearer"
    elif isinstance(exc, StarletteHTTPException):
        status, message = exc.status_code, str(exc.detail)
    elif isinstance(exc, RequestValidationError):
        status = 422
        message = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
                            for e in exc.errors())
    else:
        LOGGER.exception("unexpected error on %s", request.url.path)
        status, message = 500, "internal error; the server log has the details"
    return JSONResponse(error_body(message, status), status_code=status, headers=headers)


def _page_filters(request: Request) -> dict[str, str]:
    """The report page's filters; a date that is no date is refused, not silently ignored."""
    refuse_unknown("report page", request, PAGE_PARAMS)
    values = {name: request.query_params.get(name, "") for name in PAGE_PARAMS}
    for name in ("date_from", "date_to"):
        if values[name] and parse_day(values[name]) is None:
            raise QueryError(f"{name}={values[name]!r} is not a date: give an ISO date such as 2024-06-12, "
                             "2024-06 or 2024")
    return values


def refuse_unknown(where: str, request: Request, known: tuple[str, ...]) -> None:
    """Refuse a parameter a page does not take (a typo would otherwise change nothing, without a word)."""
    unknown = sorted(set(request.query_params) - set(known))
    if unknown:
        raise QueryError(f"no parameter {', '.join(map(repr, unknown))} on the {where}; "
                         f"use {', '.join(sorted(known)) or 'none'}")


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every answer that does not set them itself.

    Plain ASGI: Starlette's ``BaseHTTPMiddleware`` (``@app.middleware``) ran every request through a task and
    a memory stream of its own, a tenth of a small page's cost.
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.extra = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                have = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in self.extra if k not in have]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(db_path: str | Path, *, token: str | None = None, settings: Settings | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES, runner: Runner | None = None,
               cache_bytes: int = DEFAULT_CACHE_BYTES, render_threads: int = DEFAULT_RENDER_THREADS) -> FastAPI:
    """The FastAPI app for one store.

    Args:
        db_path: a ``storyline.duckdb`` written by ``storyline analyze``.
        token: bearer token that POST /api/documents requires; None disables uploads.
        settings: pipeline settings for uploads.
        max_upload_bytes: largest accepted POST body.
        runner: the pipeline (``engine.local.run`` by default; tests pass a stub).
        cache_bytes: memory for rendered reader pages (0: none); emptied by every upload.
        render_threads: pages rendered at once (the others queue, first come first served).

    Raises:
        StoreMissing: no store at ``db_path`` (a ``FileNotFoundError``).
    """
    db = _Db(Path(db_path), cache_bytes, render_threads)
    if not db.path.is_file():
        raise StoreMissing(f"no storyline store at {db.path}; run `storyline analyze ... --out DIR` first")
    settings = settings or Settings()
    app = FastAPI(title="storyline", version="1",
                  description="Articles, actors, PLOVER events, quotes, stories, relations and "
                              "disagreements from one storyline store. Lists are paginated with "
                              "`limit`/`offset` and answer `{total, limit, offset, items}`; records "
                              "have the fields of the JSON export (schema v1). Errors answer "
                              "`{ok: false, error, status}`.")
    app.state.db = db

    app.add_middleware(SecurityHeaders)

    for kind in (StorylineError, StarletteHTTPException, RequestValidationError, Exception):
        app.add_exception_handler(kind, error_response)

    # -- pages: HTML, and the same context as JSON at <page>.json --------------------------
    def report_page(filters: dict[str, str]) -> tuple[Corpus, Corpus]:
        with db.read() as store:
            return query_report(store, **filters)

    def report_once(request: Request, make: Callable[[dict[str, str], bool], Response]) -> Response:
        filters = _page_filters(request)  # a refusal raises before any reading: never cached
        key = f"{request.url.path}?{sorted(filters.items())}"
        hit = db.reports.get(key)
        if hit is None:
            large = too_large()
            if large:  # the summary page reads counts and one sort, never the corpus: no need to take turns
                hit = cache_entry(make(filters, large))
                db.reports.put(key, *hit)
            else:
                with db.report_lock:
                    hit = db.reports.get(key)
                    if hit is None:
                        hit = cache_entry(make(filters, large))
                        db.reports.put(key, *hit)
        return from_cache(request, hit)

    def too_large() -> bool:
        # as `storyline analyze` decides for report.html: the single page reads every record of the store
        limit = settings.report_max_documents
        return limit <= 0 or db.documents() > limit

    def render_html(filters: dict[str, str], large: bool) -> Response:
        if large:
            with db.read() as store:
                return HTMLResponse(render_summary(store, mode="app"))
        shown, base = report_page(filters)
        return HTMLResponse(render_report(shown, mode="app", filters=filters, base_corpus=base))

    def render_json(filters: dict[str, str], large: bool) -> Response:
        if large:
            with db.read() as store:
                return JSONResponse({**summary_context(store), "filters": filters, "message": (
                    "this store is too large for the single-page report (setting report_max_documents): "
                    "read it through the reader's pages (/, /actors, /outlets) and the REST API (/api/...)")})
        shown, base = report_page(filters)
        context = report_context(shown, mode="app", filters=filters, base_corpus=base)
        context.pop("static")  # the page's own CSS and script, not data
        return JSONResponse(jsonable_encoder(context))

    @app.get("/report", response_class=HTMLResponse, include_in_schema=False)
    def report_html(request: Request) -> Response:
        return report_once(request, render_html)

    @app.get("/report.json", include_in_schema=False)
    def report_json(request: Request) -> Response:
        return report_once(request, render_json)

    _add_reader_pages(app, db)

    # -- REST -----------------------------------------------------------------------
    for name, resource in RESOURCES.items():
        _add_lister(app, db, name, resource)

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document")
    def one_document(request: Request, doc_id: str) -> dict[str, Any]:
        refuse_unknown("document", request, ())
        with db.read() as store:
            rec = get_one(store, "documents", doc_id)
        if rec is None:
            raise NotFound(f"no document {doc_id!r}; GET /api/documents lists the ids")
        return rec

    @app.post("/api/documents", tags=["documents"], status_code=201, summary="Add articles",
              description="Adds articles and re-runs the cross-document analysis. Needs "
                          "`Authorization: Bearer <token>` (the token the server was started with, "
                          "from STORYLINE_TOKEN). Body: `{\"documents\": [{\"text\": …, \"title\": …, "
                          "\"url\": …, \"outlet\": …, \"author\": …, \"published\": …}]}`; its size is limited.",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": UploadIn.model_json_schema()}}}})
    async def add_documents(request: Request) -> JSONResponse:
        if not token:
            raise Forbidden("uploads are disabled: start the server with STORYLINE_TOKEN set")
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            raise AccessDenied("missing or wrong bearer token: send `Authorization: Bearer <token>`")
        if db.path.name != STORE_NAME:
            raise StoreError(f"uploads need a store named {STORE_NAME} in an analyze output folder; "
                             f"serve the folder's {STORE_NAME} instead of {db.path.name}")
        body = await read_limited(request, max_upload_bytes)
        try:
            upload = UploadIn.model_validate_json(body)
        except ValueError as exc:
            raise InputError(f"invalid upload: {exc}") from exc
        return JSONResponse(_ingest(upload, db, settings, runner), status_code=201)

    return app


#: where a server process started by uvicorn (``storyline serve --processes N``) finds its store and cache size
SERVE_DB_ENV = "STORYLINE_SERVE_DB"
SERVE_CACHE_ENV = "STORYLINE_SERVE_CACHE_BYTES"


def app_from_env() -> FastAPI:
    """The app of one of several server processes (uvicorn's ``factory``), each with the store open read-only.

    DuckDB lets any number of processes read one file when none writes it, so the processes share the
    store; uploads are off, since a write needs every process to let go of the file and each keeps its
    own page cache, which an upload through another process would leave stale.
    """
    import os

    path = os.environ.get(SERVE_DB_ENV)
    if not path:
        raise StoreMissing(f"{SERVE_DB_ENV} is not set: start the processes with `storyline serve DB --processes N`")
    return create_app(path, token=None, cache_bytes=int(os.environ.get(SERVE_CACHE_ENV, DEFAULT_CACHE_BYTES)))


def int_param(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    """A whole-number query parameter within [lo, hi]; QueryError (400) for anything else."""
    given = request.query_params.get(name)
    if given is None or given == "":
        return default
    try:
        value = int(given.strip())
    except ValueError:
        raise QueryError(f"{name}={given[:40]!r} is not a whole number") from None
    if not lo <= value <= hi:
        raise QueryError(f"{name}={value} is out of range: give a number from {lo} to {hi}")
    return value


def _paging(request: Request, offset_name: str = "offset") -> reader.Paging:
    return reader.Paging(int_param(request, "limit", DEFAULT_PAGE, 1, MAX_PAGE),
                         int_param(request, offset_name, 0, 0, MAX_OFFSET))


def _given(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    return {n: request.query_params[n] for n in names if request.query_params.get(n)}


def _add_reader_pages(app: FastAPI, db: _Db) -> None:
    """The reader's pages (stories, articles, actors, outlets), each with a JSON twin at ``<page>.json``.

    Each reads only its own rows (``storyline.store.pages``); lists are paginated with ``limit``
    and ``offset`` in the URL; an unknown id is a 404 and a malformed parameter a 400, in the one shape.
    """
    links = reader.Links("app")

    def answer(context: dict[str, Any], fmt: str, request: Request) -> Response:
        if fmt == "json":
            return json_response(context)
        if fmt == "csv":
            table = request.query_params.get("table") or reader.table_names(context["page"])[0]  # the page's first
            body = reader.table_csv(context, table)
            if body is None:
                raise QueryError(f"table={table[:40]!r} is not a table of this page: give one of "
                                 f"{', '.join(reader.table_names(context['page']))}")
            name = reader.file_name(f"{context['page']}-{table}")
            return Response(body, media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        page_url = quote(request.url.path)  # the path arrives decoded; a link needs it quoted again
        params = dict(request.query_params)
        return HTMLResponse(reader.render_page(
            context, links, lambda t: reader.url_maker(_csv_path(page_url), params)(table=t)))

    def refuse(where: str, request: Request, known: tuple[str, ...], fmt: str) -> None:
        refuse_unknown(where, request, (*known, "table") if fmt == "csv" else known)

    def index(request: Request, fmt: str) -> Response:
        names = ("q", "date_from", "date_to", "limit", "offset")
        refuse("front page", request, names, fmt)
        paging = _paging(request)
        with db.read() as store:
            ctx = reader.index_context(store, links, _given(request, ("q", "date_from", "date_to")), paging,
                                       reader.url_maker("/", _given(request, names)))
        return answer(ctx, fmt, request)

    def story(request: Request, story_id: str, fmt: str) -> Response:
        refuse("story page", request, (), fmt)
        with db.read() as store:
            data = reads.story_data(store, story_id)
        if data is None:
            raise NotFound(f"no story {story_id!r}; the front page / lists the stories")
        return answer(reader.story_context(data, links), fmt, request)

    def article(request: Request, doc_id: str, fmt: str) -> Response:
        refuse("article page", request, (), fmt)
        with db.read() as store:
            data = reads.article_data(store, doc_id)
        if data is None:
            raise NotFound(f"no article {doc_id!r}; GET /api/documents lists the ids")
        return answer(reader.article_context(data, links), fmt, request)

    def raw(request: Request, doc_id: str) -> Response:
        refuse_unknown("raw text", request, ())
        with db.read() as store:
            text = reads.article_raw(store, doc_id)
        if text is None:
            raise NotFound(f"no article {doc_id!r}; GET /api/documents lists the ids")
        # text/plain with nosniff: whatever the article holds is shown, never run
        return PlainTextResponse(text, headers={"Content-Security-Policy": "default-src 'none'; sandbox"})

    def actors(request: Request, fmt: str) -> Response:
        names = ("q", "limit", "offset")
        refuse("actor list", request, names, fmt)
        paging = _paging(request)
        with db.read() as store:
            ctx = reader.actors_context(store, links, request.query_params.get("q", ""), paging,
                                        reader.url_maker("/actors", _given(request, names)))
        return answer(ctx, fmt, request)

    def actor(request: Request, entity_id: str, fmt: str) -> Response:
        names = ("role", "limit", "offset", "quotes_offset", "about_offset")
        refuse("actor page", request, names, fmt)
        role = request.query_params.get("role", "")
        if role not in ("", "source", "target", "speaker"):
            raise QueryError(f"role={role[:40]!r} is not a role: give source, target or speaker")
        paging, quotes, about = _paging(request), _paging(request, "quotes_offset"), _paging(request, "about_offset")
        with db.read() as store:
            data = reads.actor_data(store, entity_id, role=role, limit=paging.sql_limit, offset=paging.offset,
                                    quotes_offset=quotes.offset, about_offset=about.offset)
        if data is None:
            raise NotFound(f"no actor {entity_id!r}; /actors lists them")
        url = reader.url_maker(links.actor(entity_id), _given(request, names))
        return answer(reader.actor_context(data, links, role=role, paging=paging, quotes_paging=quotes, url=url,
                                                   about_paging=about), fmt, request)

    def outlets(request: Request, fmt: str) -> Response:
        names = ("limit", "offset")
        refuse("outlet list", request, names, fmt)
        paging = _paging(request)
        with db.read() as store:
            ctx = reader.outlets_context(store, links, paging, reader.url_maker("/outlets", _given(request, names)))
        return answer(ctx, fmt, request)

    def outlet(request: Request, name: str, fmt: str) -> Response:
        names = ("limit", "offset", "missed_offset", "solo_offset")
        refuse("outlet page", request, names, fmt)
        paging, missed, solo = _paging(request), _paging(request, "missed_offset"), _paging(request, "solo_offset")
        with db.read() as store:
            data = reads.outlet_data(store, name, limit=paging.sql_limit, offset=paging.offset,
                                     missed_offset=missed.offset, solo_offset=solo.offset)
        if data is None:
            raise NotFound(f"no outlet {name!r}; /outlets lists them")
        url = reader.url_maker(links.outlet(name), _given(request, names))
        return answer(reader.outlet_context(data, links, paging=paging, missed_paging=missed, url=url,
                                            solo_paging=solo), fmt, request)

    def route(path: str, fn: Callable[..., Response], **fixed: Any) -> None:
        async def endpoint(request: Request) -> Response:
            return await cached(db, request, lambda: fn(request, **request.path_params, **fixed))
        kind = fixed.get("fmt", "raw")
        endpoint.__name__ = f"page_{fn.__name__}_{kind}"
        # a plain Starlette route: the page reads its own parameters, and FastAPI's per-request dependency solving
        # and validation (nothing to solve here) cost a small page a tenth of its time
        app.add_route(path, endpoint, methods=["GET"], include_in_schema=False)
        app.router.routes[-1].methods.discard("HEAD")  # type: ignore[attr-defined]  # GET only, as before

    def routes(path: str, fn: Callable[..., Response]) -> None:
        # the JSON and CSV twins first: a path parameter would swallow their suffix
        for fmt in ("json", "csv"):
            route(_csv_path(path) if fmt == "csv" else f"{path.rstrip('/')}.{fmt}" if path != "/" else "/.json",
                  fn, fmt=fmt)
        route(path, fn, fmt="html")

    routes("/", index)
    routes("/stories/{story_id:path}", story)
    route("/articles/{doc_id:path}/raw", raw)
    routes("/articles/{doc_id:path}", article)
    routes("/actors", actors)
    routes("/actors/{entity_id:path}", actor)
    routes("/outlets", outlets)
    routes("/outlets/{name:path}", outlet)


async def cached(db: _Db, request: Request, make: Callable[[], Response]) -> Response:
    """The answer to a GET from the page cache, made (and kept) when it is not there; a refusal raises and is
    never kept. ``X-Cache`` says which (for load tests and operators).

    A hit is answered at once; a miss is made on one of the render threads (``_Db.renders``), in turn.
    """
    key = f"{request.url.path}?{request.url.query}"
    hit = db.cache.get(key)
    state = "hit"
    if hit is None:
        def render() -> tuple[bytes, str, dict[str, str]]:
            with db.renders:
                return cache_entry(make())
        hit = await anyio.to_thread.run_sync(render)
        db.cache.put(key, *hit)
        state = "miss"
    answer = from_cache(request, hit)
    answer.headers["X-Cache"] = state
    return answer


def cache_entry(response: Response) -> tuple[bytes, str, dict[str, str]]:
    """A rendered answer as the page cache keeps it: bytes, media type, the headers worth keeping and an ETag."""
    body = bytes(response.body)
    kept = {k: v for k, v in response.headers.items()
            if k in ("content-security-policy", "content-disposition", "x-total-count")}
    return body, response.media_type or "text/html", {**kept, "ETag": etag(body)}


def from_cache(request: Request, hit: tuple[bytes, str, dict[str, str]]) -> Response:
    """The cached answer, or a bodiless 304 when the client already holds these bytes."""
    if etag_matches(request.headers.get("if-none-match", ""), hit[2]["ETag"]):
        return Response(status_code=304, headers={"ETag": hit[2]["ETag"]})
    return Response(hit[0], media_type=hit[1], headers=hit[2])


def json_response(data: Any) -> Response:
    """``JSONResponse(jsonable_encoder(data))``, byte for byte, without walking ``data`` twice when it is plain
    JSON already (the pages' and lists' data is: the encoder's walk cost an API list more than its SQL)."""
    try:
        # as JSONResponse.render writes it
        body = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))
    except (TypeError, ValueError):  # a value JSON has no form for: the encoder's conversions (or its error)
        return JSONResponse(jsonable_encoder(data))
    return Response(body.encode("utf-8"), media_type=JSONResponse.media_type)


def _csv_path(path: str) -> str:
    """The CSV twin of a page's path: ``/stories/x`` → ``/stories/x.csv``, the front page ``/`` → ``/.csv``."""
    return "/.csv" if path == "/" else f"{path}.csv"


def etag(body: bytes) -> str:
    """A strong validator of a page's bytes (a client that has them gets a 304 and no body)."""
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def etag_matches(header: str, tag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``tag`` (or ``*``); weak tags compare by their value."""
    given = [t.strip().removeprefix("W/") for t in header.split(",") if t.strip()]
    return "*" in given or tag in given


def _csv(columns: list[str], records: list[dict[str, Any]]) -> str:
    """Records as CSV, flattened as the tabular export flattens them."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat_row(r) for r in records)
    return out.getvalue()


def _add_lister(app: FastAPI, db: _Db, name: str, resource: Resource) -> None:
    """``GET /api/<name>`` and its CSV twin ``/api/<name>.csv``; their query parameters, and
    their OpenAPI entries, come from the filter table."""
    def read(request: Request, limit: int, offset: int, values: dict[str, str | None]) -> dict[str, Any]:
        check_resource_params(name, list(request.query_params), allowed=PAGING)
        with db.read() as store:
            total, items = page(store, name, values, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    # lists are kept in the page cache as the pages are: between uploads an answer is a function of its URL
    async def endpoint(request: Request, limit: int, offset: int, **values: str | None) -> Response:
        return await cached(db, request, lambda: json_response(read(request, limit, offset, values)))

    async def as_csv(request: Request, limit: int, offset: int, **values: str | None) -> Response:
        def make() -> Response:
            page_of = read(request, limit, offset, values)
            return Response(_csv(resource.columns(), page_of["items"]), media_type="text/csv; charset=utf-8",
                            headers={"X-Total-Count": str(page_of["total"])})
        return await cached(db, request, make)

    kw = inspect.Parameter.KEYWORD_ONLY
    params = [
        inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
        inspect.Parameter("limit", kw, annotation=int,
                          default=Query(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description="records per page")),
        inspect.Parameter("offset", kw, annotation=int,
                          default=Query(0, ge=0, le=MAX_OFFSET, description="records to skip")),
        *(inspect.Parameter(f.param, kw, annotation=str | None, default=Query(None, description=f.help))
          for f in resource.filters),
    ]
    signature = inspect.Signature(params, return_annotation=dict[str, Any])
    endpoint.__signature__ = signature  # type: ignore[attr-defined]
    as_csv.__signature__ = signature.replace(return_annotation=Response)  # type: ignore[attr-defined]
    endpoint.__name__, as_csv.__name__ = f"list_{name}", f"list_{name}_csv"
    doc = f"{resource.help} Filters: {', '.join(f.param for f in resource.filters)}."
    app.get(f"/api/{name}", summary=f"List {name}", description=doc, tags=[name])(endpoint)
    app.get(f"/api/{name}.csv", summary=f"List {name} as CSV", tags=[name], response_class=Response,
            description=f"The same page as `/api/{name}`, one flat row per record (nested fields as "
                        "JSON text, as in the CSV export); the header `X-Total-Count` gives the total.")(as_csv)


def _ingest(upload: UploadIn, db: _Db, settings: Settings, runner: Runner | None) -> dict[str, Any]:
    """Write the upload as JSON Lines and run the pipeline into the store's folder."""
    if runner is None:
        from storyline.engine.local import run as default_run

        runner = default_run
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as tmp:
        path = Path(tmp) / "upload.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for art in upload.documents:
                fh.write(json.dumps(art.model_dump(exclude_none=True), ensure_ascii=False) + "\n")
        with db.write():  # no reader may hold the file while the pipeline writes it
            summary, _ = runner([path], db.path.parent, settings)
    return {"read": summary.read, "already_stored": summary.already_stored,
            "added": summary.read - summary.already_stored, "failed": summary.failed,
            "errors": [{"reason": e.reason, "detail": e.detail} for e in summary.errors]}
