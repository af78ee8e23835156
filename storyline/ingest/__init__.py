"""Ingest: files, folders and records in; ``Document``s with decoded raw text out.

Readers live in one registry keyed by file extension; the built-in text, HTML and
JSON readers join it the same way a user's reader does::

    from storyline.ingest import register_reader
    register_reader("pdf", my_pdf_reader)   # my_pdf_reader(data, source, settings)
"""
from storyline.ingest import html, jsonl, text, warc  # noqa: F401 - importing registers the readers
from storyline.ingest.base import (
    Reader,
    reader_for,
    register_reader,
    registered_extensions,
    unregister_reader,
)
from storyline.ingest.decode import content_id, decode_bytes, normalize_text
from storyline.ingest.files import read_paths

__all__ = [
    "Reader",
    "content_id",
    "decode_bytes",
    "normalize_text",
    "read_paths",
    "reader_for",
    "register_reader",
    "registered_extensions",
    "unregister_reader",
]
