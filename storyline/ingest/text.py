"""Plain-text reader (.txt, .md): the decoded text is the raw text.

A ``.txt`` that is really a saved web page (it opens with ``<!DOCTYPE html`` or
``<html``) goes through the HTML reader instead, so no markup reaches ``raw``.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from storyline.config import Settings
from storyline.ingest.base import make_document, register_reader
from storyline.ingest.decode import decode_bytes
from storyline.ingest.html import html_document
from storyline.model import Document, IngestError

LOGGER = logging.getLogger(__name__)

_HTML_START = re.compile(r"\A\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is a whole HTML page rather than prose."""
    return bool(_HTML_START.match(text[:2048]))


def read_text(data: bytes, source: str, settings: Settings) -> Iterator[Document | IngestError]:
    """Yield the one document a plain-text file holds (or why it could not be read)."""
    text = decode_bytes(data, source)
    if isinstance(text, IngestError):
        yield text
        return
    if looks_like_html(text):
        LOGGER.info("%s: plain-text file holds an HTML page; extracting its text", source)
        yield html_document(text, source)
        return
    yield make_document(text, source, normalized=True)


for _ext in ("txt", "text", "md", "markdown"):
    register_reader(_ext, read_text)
