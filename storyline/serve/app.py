"""The web app behind ``storyline serve DB``: the report's views with filters, and a REST API.

- ``GET /`` the report for the whole store, narrowed by ``q``, ``actor``, ``type``, ``outlet``,
  ``date_from``, ``date_to`` (the same template as the static report);
- ``GET /api/<resource>`` paginated, filterable records in the export's JSON form, documented by
  OpenAPI at ``/openapi.json`` (``/docs`` renders it when the browser can reach a CDN);
- ``POST /api/documents`` adds articles through the one pipeline path (``engine.local.run``),
  allowed only with the bearer token the server was started with, and size-limited.

Everything a client sends is escaped in HTML and bound as a parameter in SQL.
"""
from __future__ import annotations

import contextlib
import hmac
import json
import logging
import tempfile
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

import duckdb
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.config import Settings
from storyline.model import Corpus
from storyline.report.filters import filter_corpus
from storyline.report.render import render_report
from storyline.serve.queries import RESOURCES, get_one, page
from storyline.serve.upload import UploadIn, read_limited

LOGGER = logging.getLogger(__name__)

#: a page of the REST API holds at most this many records (DuckDB answers 500 rows in a few ms)
MAX_PAGE = 500
DEFAULT_PAGE = 50
#: default cap on one POST body; a long article is ~50 kB of text, so this is hundreds of articles
DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: the analyse output folder's store name; uploads run the pipeline into that folder
STORE_NAME = "storyline.duckdb"

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}

Runner = Callable[..., Any]


class _Db:
    """The store file, opened per request under one lock (DuckDB allows one writer per process)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.RLock()
        self._cache: tuple[tuple[int, int], Corpus] | None = None

    @contextlib.contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.lock:
            con = duckdb.connect(str(self.path), read_only=True)
            try:
                yield con
            finally:
                con.close()

    def corpus(self) -> Corpus:
        """The whole corpus, re-read only when the file changed."""
        from storyline.store import Store

        with self.lock:
            st = self.path.stat()
            key = (st.st_mtime_ns, st.st_size)
            if self._cache is None or self._cache[0] != key:
                with Store(self.path, read_only=True) as store:
                    self._cache = (key, store.corpus())
            return self._cache[1]


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


def create_app(db_path: str | Path, *, token: str | None = None, settings: Settings | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES, runner: Runner | None = None) -> FastAPI:
    """The FastAPI app for one store.

    Args:
        db_path: a ``storyline.duckdb`` written by ``storyline analyze``.
        token: bearer token that POST /api/documents requires; None disables uploads.
        settings: pipeline settings for uploads.
        max_upload_bytes: largest accepted POST body.
        runner: the pipeline (``engine.local.run`` by default; tests pass a stub).
    """
    db = _Db(Path(db_path))
    if not db.path.is_file():
        raise FileNotFoundError(f"no storyline store at {db.path}; run `storyline analyze ... --out DIR` first")
    settings = settings or Settings()
    app = FastAPI(title="storyline", version="1",
                  description="Articles, actors, PLOVER events, quotes, stories, relations and "
                              "disagreements from one storyline store. Lists are paginated with "
                              "`limit`/`offset` and answer `{total, limit, offset, items}`; records "
                              "have the fields of the JSON export (schema v1).")
    app.state.db = db

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable) -> Any:
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                409: "conflict", 413: "too_large", 422: "invalid"}.get(exc.status_code, "error")
        return _error(exc.status_code, code, str(exc.detail))

    # -- pages ----------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def report_page(q: str = "", actor: str = "", type: str = "", outlet: str = "",  # noqa: A002
                    date_from: str = "", date_to: str = "") -> HTMLResponse:
        full = db.corpus()
        filters = {"q": q, "actor": actor, "type": type, "outlet": outlet,
                   "date_from": date_from, "date_to": date_to}
        shown = filter_corpus(full, **filters)
        html = render_report(shown, mode="app", filters=filters, base_corpus=full)
        return HTMLResponse(html)

    # -- REST -----------------------------------------------------------------------
    def lister(resource: str, doc: str) -> None:
        def endpoint(limit: int = Query(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description="records per page"),
                     offset: int = Query(0, ge=0, description="records to skip"),
                     q: str | None = Query(None, description="text search (case-insensitive substring)"),
                     actor: str | None = Query(None, description="entity id (source, target, speaker …)"),
                     type: str | None = Query(None, description="PLOVER event type or entity type"),  # noqa: A002
                     outlet: str | None = Query(None, description="outlet name (exact, any case)"),
                     date_from: str | None = Query(None, description="ISO date, inclusive"),
                     date_to: str | None = Query(None, description="ISO date, inclusive"),
                     doc: str | None = Query(None, description="document id"),
                     language: str | None = Query(None, description="documents: language code"),
                     genre: str | None = Query(None, description="documents: reporting|opinion|analysis|other"),
                     modality: str | None = Query(None, description="events: asserted|reported|denied|…"),
                     period: str | None = Query(None, description="relations: period such as 2022-06"),
                     ) -> dict[str, Any]:
            filters = {"q": q, "actor": actor, "type": type, "outlet": outlet, "date_from": date_from,
                       "date_to": date_to, "doc": doc, "language": language, "genre": genre,
                       "modality": modality, "period": period}
            with db.read() as con:
                total, items = page(con, resource, filters, limit, offset)
            return {"total": total, "limit": limit, "offset": offset, "items": items}

        endpoint.__name__ = f"list_{resource}"
        app.get(f"/api/{resource}", summary=f"List {resource}", description=doc, tags=[resource])(endpoint)

    docs_of = {
        "documents": "Articles with metadata, cleaned text and removed spans. Filters: q, outlet, actor, "
                     "date_from/date_to (publication), language, genre.",
        "entities": "Resolved actors with aliases and mentions. Filters: q (name/alias), type, doc.",
        "events": "PLOVER events with evidence spans. Filters: type, actor, outlet, doc, modality, "
                  "date_from/date_to, q.",
        "stories": "Groups of articles about one real-world story. Filters: doc, q, date_from/date_to.",
        "story_events": "Cross-document event clusters. Filters: type, actor, doc, q, date_from/date_to.",
        "relations": "Dyads per period with cooperation and conflict. Filters: actor, period.",
        "quotes": "Quotes with speakers. Filters: actor (speaker), doc, outlet, q.",
        "disagreements": "Claims outlets disagree on, with both sides' sentences. Filters: doc, q.",
        "outlets": "Outlet profiles. Filters: q.",
    }
    for resource in RESOURCES:
        lister(resource, docs_of[resource])

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One document")
    def one_document(doc_id: str) -> dict[str, Any]:
        with db.read() as con:
            rec = get_one(con, "documents", doc_id)
        if rec is None:
            raise HTTPException(404, f"no document {doc_id!r}")
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
            raise HTTPException(403, "uploads are disabled: start the server with STORYLINE_TOKEN set")
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            raise HTTPException(401, "missing or wrong bearer token")
        if db.path.name != STORE_NAME:
            raise HTTPException(409, f"uploads need a store named {STORE_NAME} in an analyze output folder")
        body = await read_limited(request, max_upload_bytes)
        try:
            upload = UploadIn.model_validate_json(body)
        except ValueError as exc:
            raise HTTPException(422, f"invalid upload: {exc}") from exc
        return JSONResponse(_ingest(upload, db, settings, runner), status_code=201)

    return app


def _ingest(upload: UploadIn, db: _Db, settings: Settings, runner: Runner | None) -> dict[str, Any]:
    """Write the upload as JSON Lines and run the pipeline into the store's folder."""
    if runner is None:
        from storyline.engine.local import run as runner
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as tmp:
        path = Path(tmp) / "upload.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for art in upload.documents:
                fh.write(json.dumps(art.model_dump(exclude_none=True), ensure_ascii=False) + "\n")
        with db.lock:  # no reader may hold the file while the pipeline writes it
            summary, _ = runner([path], db.path.parent, settings)
    return {"read": summary.read, "already_stored": summary.already_stored,
            "added": summary.read - summary.already_stored, "failed": summary.failed,
            "errors": [{"reason": e.reason, "detail": e.detail} for e in summary.errors]}
