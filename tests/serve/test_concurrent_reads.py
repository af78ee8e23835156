"""Requests read side by side through cursors of one connection; an upload waits for them, writes, and
the next request sees what it wrote."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from storyline.engine.local import RunSummary
from storyline.model import Block, DocAnalysis, Document
from storyline.serve import create_app
from storyline.store import Store
from storyline.store.summaries import Touched, write_summaries
from tests.serve.helpers import store_from
from tests.serve.test_reader_pages import reader_corpus

TOKEN = "c0ncurrent"
PAGES = ["/", "/.json", "/stories/s1", "/stories/s1.json", "/articles/n1", "/articles/n2.json", "/articles/n4/raw",
         "/actors/p1", "/actors/g1.json", "/outlets/Valley%20Herald", "/api/events?actor=p1", "/report"]


def test_parallel_requests_answer_as_one_at_a_time(tmp_path: Path) -> None:
    client = TestClient(create_app(store_from(reader_corpus(), tmp_path, sentences=True), cache_bytes=0))
    alone = {p: client.get(p).text for p in PAGES}
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda p: (p, client.get(p)), PAGES * 6))
    assert all(r.status_code == 200 for _, r in answers)
    assert all(r.text == alone[p] for p, r in answers)
    cached = TestClient(create_app(tmp_path / "storyline.duckdb"))
    for p in PAGES:
        first, again = cached.get(p), cached.get(p)
        assert first.text == again.text == alone[p]
        assert first.headers["content-type"] == again.headers["content-type"]


def test_an_upload_writes_between_readers_and_is_read_next(tmp_path: Path) -> None:
    db = store_from(reader_corpus(), tmp_path, sentences=True)

    def runner(paths: list[Path], out: Path, settings: Any) -> tuple[RunSummary, None]:
        # what the pipeline does to the store, in short: open it for writing and add an article
        text = "A new article about the rail talks."
        doc = Document(id="n5", source="upload.jsonl#0", raw=text, text=text, blocks=[Block(0, len(text))],
                       title="Talks go on", outlet="Valley Herald")
        with Store(out / "storyline.duckdb") as store:
            store.add_analyses([DocAnalysis(document=doc)])
            store.con.execute("UPDATE documents SET title = 'Strike called off' WHERE id = 'n1'")
            # as the fuse does after it: the pages read the documents' rows from their summary rows
            write_summaries(store, Touched(docs={"n1", "n5"}))
        return RunSummary(read=1), None

    client = TestClient(create_app(db, token=TOKEN, runner=runner))
    before = client.get("/articles/n1")  # the shared connection is open, and the page cached
    assert before.status_code == 200 and "Rail strike halts freight" in before.text
    assert client.get("/articles/n1").text == before.text
    assert client.get("/articles/n5").status_code == 404
    r = client.post("/api/documents", json={"documents": [{"text": "x"}]}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    page = client.get("/articles/n5")
    assert page.status_code == 200 and "Talks go on" in page.text
    assert "Strike called off" in client.get("/articles/n1").text  # not the page cached before the upload
