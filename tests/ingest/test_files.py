"""read_paths: folders, order, gzip, size limits, every bad-input kind in one batch."""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

import storyline.ingest.files as files_module
from storyline.config import Settings
from storyline.ingest import read_paths
from storyline.model import Document, IngestError

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
ARTICLE = "Rail workers ended their strike on Friday after a pay deal was agreed.\n"
OTHER = "Snow closed the mountain pass for the third time this winter, police said.\n"


def _reasons(items: list[Document | IngestError]) -> dict[str, str]:
    return {Path(i.source).name: (i.reason if isinstance(i, IngestError) else "ok") for i in items}


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def test_bad_inputs_in_one_batch_still_yield_the_good_documents(tmp_path: Path) -> None:
    big = _gz(b"a" * 5000)  # decompresses past the limit below: a small gzip bomb
    files = {
        "good.txt": ARTICLE.encode("utf-8"),
        "good.html": f"<html><body><article><p>{OTHER}</p></article></body></html>".encode(),
        "good.jsonl": json.dumps({"text": "Ferries resume their winter timetable next week."}).encode(),
        "zero.txt": b"",
        "blank.md": b" \n\n\t ",
        "scan.txt": b"%PDF-1.5\n%\xe2\xe3\xcf\xd3",
        "nul.txt": b"abc\x00def\x00ghi",
        "cut.txt.gz": _gz(ARTICLE.encode())[:-12],
        "notgz.txt.gz": b"this is not gzip data at all",
        "bomb.txt.gz": big,
        "huge.txt": b"b" * 4001,
        "noise.txt": bytes(range(0x80, 0x100)) * 4,
        "broken.json": b'{"text": ',
        "photo.jpeg": b"\xff\xd8\xff\xe0",
        "ok.txt.gz": _gz(OTHER.encode("utf-16")),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing-target.txt")
    settings = Settings(max_file_bytes=4000)
    out = list(read_paths([tmp_path, tmp_path / "nowhere.txt"], settings))
    assert _reasons(out) == {
        "good.txt": "ok", "good.html": "ok", "good.jsonl#1": "ok", "ok.txt.gz": "ok",
        "zero.txt": "empty", "blank.md": "empty", "scan.txt": "binary", "nul.txt": "binary",
        "cut.txt.gz": "truncated_gzip", "notgz.txt.gz": "bad_gzip", "bomb.txt.gz": "too_large",
        "huge.txt": "too_large", "noise.txt": "undecodable", "broken.json": "invalid_json",
        "photo.jpeg": "unsupported", "dangling.txt": "unreadable", "nowhere.txt": "unreadable",
    }
    errors = [i for i in out if isinstance(i, IngestError)]
    assert all(e.detail for e in errors)
    gz_doc = next(i for i in out if i.source.endswith("ok.txt.gz"))
    assert isinstance(gz_doc, Document) and gz_doc.raw == OTHER


def test_permission_denied_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Tests may run as root, where chmod 000 does not deny reading.
    monkeypatch.setattr(files_module, "open", denied, raising=False)
    (err,) = read_paths([path], Settings())
    assert isinstance(err, IngestError) and err.reason == "unreadable"
    assert "permission" in err.detail


def test_folder_order_sources_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text(OTHER)
    (tmp_path / "b" / "a.txt").write_text(ARTICLE)
    (tmp_path / "c.txt").write_text("Third article about the harbour.")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / ".git" / "x.txt").write_text("not an article")
    folder = str(tmp_path)
    sources = [d.source for d in read_paths([folder], Settings())]
    assert sources == [os.path.join(folder, "c.txt"), os.path.join(folder, "b", "a.txt"),
                       os.path.join(folder, "b", "z.txt")]
    assert sources == [d.source for d in read_paths(folder, Settings())]  # a lone path works


def test_ids_are_content_hashes_and_idempotent(tmp_path: Path) -> None:
    (tmp_path / "utf8.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_path / "crlf16.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-16"))
    (tmp_path / "copy.txt.gz").write_bytes(_gz(ARTICLE.encode("utf-8")))
    (tmp_path / "other.txt").write_bytes(OTHER.encode("utf-8"))
    first = {d.source: d.id for d in read_paths([tmp_path], Settings())}
    again = {d.source: d.id for d in read_paths([tmp_path], Settings())}
    assert first == again
    ids = {Path(s).name: i for s, i in first.items()}
    assert ids["utf8.txt"] == ids["crlf16.txt"] == ids["copy.txt.gz"] != ids["other.txt"]


def test_txt_holding_an_html_page_is_extracted(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><p>Voters queued from dawn.</p><script>x()</script></body></html>"
    (tmp_path / "saved.txt").write_text(page)
    (doc,) = read_paths([tmp_path / "saved.txt"], Settings())
    assert isinstance(doc, Document) and doc.raw == "Voters queued from dawn."


def test_seeds_read_verbatim() -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared seeds not present")
    docs = list(read_paths([SEEDS], Settings()))
    assert docs and all(isinstance(d, Document) for d in docs)
    for doc in docs:
        assert doc.raw == Path(doc.source).read_text(encoding="utf-8")


def test_read_is_sized_by_the_file_not_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """read() is asked for stat size + 1 bytes, not max_file_bytes + 1 (which reserves that much)."""
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    asked: list[int] = []
    real_open = open

    class Spy:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def read(self, n=-1):
            asked.append(n)
            return self.fh.read(n)

    monkeypatch.setattr(files_module, "open", lambda p, mode="r", *a, **k: Spy(real_open(p, mode, *a, **k)),
                        raising=False)
    data = files_module._read_bytes(str(path), 20_000_000, os.path.getsize(path))
    assert data == ARTICLE.encode("utf-8")
    assert asked == [len(ARTICLE.encode("utf-8")) + 1]


def test_a_file_that_grew_since_stat_is_read_whole_and_still_capped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 300)
    assert files_module._read_bytes(str(path), 1000, 100) == b"x" * 300   # stat said 100
    too_big = files_module._read_bytes(str(path), 200, 100)
    assert isinstance(too_big, IngestError) and too_big.reason == "too_large"
