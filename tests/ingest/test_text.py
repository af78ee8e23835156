"""Plain-text reader."""
from __future__ import annotations

from storyline.config import Settings
from storyline.ingest.text import looks_like_html, read_text
from storyline.model import Document, IngestError


def test_text_is_raw_verbatim() -> None:
    text = "Headline here\n\nBody paragraph with “curly” quotes.\n"
    (doc,) = read_text(text.encode("utf-8"), "a.txt", Settings())
    assert isinstance(doc, Document) and doc.raw == text and doc.given == {}


def test_binary_text_file_is_rejected() -> None:
    (err,) = read_text(b"\x89PNG\r\n\x1a\n....", "img.txt", Settings())
    assert isinstance(err, IngestError) and err.reason == "binary"


def test_looks_like_html() -> None:
    assert looks_like_html("<!-- saved -->\n<!doctype html><html>")
    assert looks_like_html("  <html lang='en'><body>")
    assert not looks_like_html("The <html> tag starts a page, the tutorial said.")
