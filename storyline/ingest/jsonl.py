"""JSON and JSON Lines reader (.json, .jsonl, .ndjson): one document per record.

A record is an object ``{"id", "url", "title", "outlet", "author", "date", "text" or
"html"}``. A file is one object, a list of objects, or one object per line. What a
record states goes into ``Document.given`` (``date`` as ``published``) and wins over
anything guessed later. Each document's source is ``path#N`` (N = 1-based record
number); a bad record yields an error for that record and the rest go on.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from storyline.config import Settings
from storyline.ingest.base import make_document, register_reader
from storyline.ingest.decode import decode_bytes, normalize_text
from storyline.ingest.html import html_document
from storyline.model import Document, IngestError

LOGGER = logging.getLogger(__name__)

#: ``Document.given`` key -> record fields that state it, first present wins.
GIVEN_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("title", ("title", "headline")),
    ("author", ("author", "authors", "byline")),
    ("published", ("date", "published", "published_at", "datetime")),
    ("outlet", ("outlet", "sitename", "site", "publisher")),
    ("url", ("url", "link")),
    ("record_id", ("id",)),
)
TEXT_FIELDS: tuple[str, ...] = ("text", "body", "content")
HTML_FIELDS: tuple[str, ...] = ("html", "raw_html")


def read_json(data: bytes, source: str, settings: Settings) -> Iterator[Document | IngestError]:
    """Yield one document (or error) per record of a JSON or JSON Lines file."""
    text = decode_bytes(data, source)
    if isinstance(text, IngestError):
        yield text
        return
    records = _whole_file(text)
    if records is None:
        yield from _lines(text, source)
        return
    if isinstance(records, IngestError):
        records.source = source
        yield records
        return
    for n, record in enumerate(records, start=1):
        yield record_document(record, f"{source}#{n}")


def record_document(record: Any, source: str) -> Document | IngestError:
    """The document one JSON record describes, or why it cannot be one."""
    if not isinstance(record, dict):
        return IngestError(source, "invalid_record",
                           f"expected an object with a 'text' or 'html' field, "
                           f"got {type(record).__name__}")
    given = _given(record)
    text = _first(record, TEXT_FIELDS)
    html = _first(record, HTML_FIELDS)
    if isinstance(text, str) and text.strip():
        return make_document(normalize_text(text), source, given, normalized=True)
    if isinstance(html, str) and html.strip():
        return html_document(normalize_text(html), source, given)
    if text is None and html is None:
        return IngestError(source, "invalid_record",
                           "the record has no 'text' or 'html' field; add one")
    if not isinstance(text if text is not None else html, str):
        return IngestError(source, "invalid_record", "'text'/'html' must be a string")
    return IngestError(source, "empty", "the record's text is empty")


def _whole_file(text: str) -> list[Any] | IngestError | None:
    """Records of a file that is one JSON value; None when it is JSON Lines."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several values: one per line
            return None
        if _first_line_parses(text):
            return None  # JSON Lines with a bad line further on: judge line by line
        return IngestError("", "invalid_json",
                           f"not valid JSON ({exc.msg} at line {exc.lineno}, "
                           f"column {exc.colno}); fix or re-export the file")
    if value == []:
        return IngestError("", "empty", "the file holds an empty list of records")
    return value if isinstance(value, list) else [value]


def _first_line_parses(text: str) -> bool:
    for line in text.split("\n"):
        if line.strip():
            try:
                json.loads(line)
            except json.JSONDecodeError:
                return False
            return True
    return False


def _lines(text: str, source: str) -> Iterator[Document | IngestError]:
    n = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        n += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(f"{source}#{n}", "invalid_json",
                              f"line {lineno} is not valid JSON ({exc.msg}); "
                              "fix or remove that line")
            continue
        yield record_document(record, f"{source}#{n}")


def _given(record: dict[str, Any]) -> dict[str, Any]:
    given: dict[str, Any] = {}
    for key, fields in GIVEN_FIELDS:
        value = _first(record, fields)
        if isinstance(value, list):
            value = ", ".join(str(v).strip() for v in value if str(v).strip())
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            # metadata is untrusted: plain text only, and a URL only when it is a web address
            from storyline.ingest.html import plain_text, safe_url

            value = safe_url(value) if key == "url" else plain_text(value)
            if value:
                given[key] = value
    return given


def _first(record: dict[str, Any], fields: tuple[str, ...]) -> Any:
    for name in fields:
        if record.get(name) is not None:
            return record[name]
    return None




for _ext in ("json", "jsonl", "ndjson"):
    register_reader(_ext, read_json)
