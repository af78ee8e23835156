"""WARC reader: one document per archived HTML or text response (web crawls, Common Crawl dumps)."""
from __future__ import annotations

import io
import logging
from collections.abc import Iterator

from storyline.config import Settings
from storyline.ingest.base import make_document, register_reader
from storyline.ingest.decode import decode_bytes
from storyline.ingest.html import declared_charset, html_document
from storyline.model import Document, IngestError

LOGGER = logging.getLogger(__name__)


def read_warc(data: bytes, source: str, settings: Settings) -> Iterator[Document | IngestError]:
    """Yield a document (or an error) for each response record; other record types are ignored."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:  # pragma: no cover - warcio is a pinned dependency
        yield IngestError(source, "unsupported", "reading WARC needs warcio: pip install warcio")
        return
    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            n += 1
            name = f"{source}#{n}"
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            url = record.rec_headers.get_header("WARC-Target-URI")
            body = record.content_stream().read()
            if not body.strip():
                yield IngestError(name, "empty", "the archived response has no body")
            elif "html" in ctype.lower() or body.lstrip()[:1] == b"<":
                text = decode_bytes(body, name, declared=declared_charset(body))
                yield text if isinstance(text, IngestError) else html_document(text, name, {"url": url})
            elif ctype.lower().startswith("text/"):
                text = decode_bytes(body, name)
                yield text if isinstance(text, IngestError) else make_document(text, name, {"url": url})
    except Exception as exc:  # noqa: BLE001 -- warcio raises assorted errors on truncated archives
        yield IngestError(source, "invalid_warc", f"{type(exc).__name__}: {exc}; "
                          "check that the file is a complete WARC (gzip per record is fine)")
        return
    if n == 0:  # a truncated archive often just ends early, with no error from warcio
        yield IngestError(source, "invalid_warc", "no complete response record in the WARC; "
                          "check that the file is complete")


register_reader("warc", read_warc)
