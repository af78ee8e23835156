"""The reader registry: built-ins registered, user readers join and leave the same way."""
from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.ingest import (
    read_paths,
    reader_for,
    register_reader,
    registered_extensions,
    unregister_reader,
)
from storyline.ingest.base import make_document
from storyline.ingest.html import read_html
from storyline.ingest.text import read_text
from storyline.model import Document, IngestError


def read_csv_lines(data: bytes, source: str, settings: Settings) -> Iterator[Document | IngestError]:
    """A toy reader: one document per line of a .csvtext file."""
    for n, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        yield make_document(line, f"{source}#{n}")


def test_builtin_readers_are_registered() -> None:
    assert {"txt", "md", "html", "htm", "json", "jsonl"} <= set(registered_extensions())
    assert reader_for(".TXT") is read_text and reader_for("htm") is read_html


def test_user_reader_joins_the_registry(tmp_path: Path) -> None:
    (tmp_path / "a.csvtext").write_text("First line article.\nSecond line article.\n")
    (tmp_path / "b.csvtext.gz").write_bytes(gzip.compress(b"Zipped line article.\n"))
    (err,) = list(read_paths([tmp_path / "a.csvtext"], Settings()))
    assert isinstance(err, IngestError) and err.reason == "unsupported"
    register_reader(".CSVTEXT", read_csv_lines)
    try:
        out = list(read_paths([tmp_path], Settings()))
    finally:
        unregister_reader("csvtext")
    assert [d.raw for d in out] == ["First line article.", "Second line article.",
                                    "Zipped line article."]
    assert reader_for("csvtext") is None


def test_failing_reader_becomes_an_error(tmp_path: Path) -> None:
    def explode(data: bytes, source: str, settings: Settings) -> Iterator[Document]:
        raise RuntimeError("boom")
        yield  # pragma: no cover - makes this a generator

    (tmp_path / "x.boom").write_text("anything")
    register_reader("boom", explode)
    try:
        (err,) = read_paths([tmp_path / "x.boom"], Settings())
    finally:
        unregister_reader("boom")
    assert isinstance(err, IngestError) and err.reason == "reader_error" and "boom" in err.detail


@pytest.mark.parametrize("ext", ["", "gz", ".gz"])
def test_refuses_meaningless_extensions(ext: str) -> None:
    with pytest.raises(ValueError):
        register_reader(ext, read_csv_lines)


def test_make_document_blank_is_empty() -> None:
    err = make_document(" \n ", "s")
    assert isinstance(err, IngestError) and err.reason == "empty"
