"""The long report is rendered once per filter set and kept until an upload changes the store."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.serve import app as app_module
from storyline.serve import create_app
from tests.serve.helpers import newsroom_corpus, store_from


@pytest.fixture
def counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[TestClient, list[dict[str, str]]]:
    reads: list[dict[str, str]] = []
    real = app_module.query_report

    def counting(store: Any, **filters: str) -> Any:
        reads.append(filters)
        return real(store, **filters)

    monkeypatch.setattr(app_module, "query_report", counting)
    return TestClient(create_app(store_from(newsroom_corpus(), tmp_path))), reads


def test_the_report_reads_the_store_once_per_filter_set(counted: tuple[TestClient, list[dict[str, str]]]) -> None:
    client, reads = counted
    first = client.get("/report")
    assert first.status_code == 200 and "Rail strike" in first.text
    assert client.get("/report").content == first.content and len(reads) == 1
    narrowed = client.get("/report", params={"q": "deal"})
    assert narrowed.status_code == 200 and narrowed.content != first.content and len(reads) == 2
    assert client.get("/report.json").json()["summary"] and len(reads) == 3
    assert client.get("/report", headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    assert len(reads) == 3
    assert client.get("/report", params={"date_from": "notadate"}).status_code == 400  # refused before reading


def test_an_upload_drops_the_rendered_report(counted: tuple[TestClient, list[dict[str, str]]]) -> None:
    client, reads = counted
    client.get("/report")
    with client.app.state.db.write():  # type: ignore[attr-defined]  # what an upload holds while the pipeline runs
        pass
    client.get("/report")
    assert len(reads) == 2


def test_a_crowd_of_first_requests_renders_the_report_once(
        counted: tuple[TestClient, list[dict[str, str]]]) -> None:
    client, reads = counted
    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(client.get("/report").status_code)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [200] * 6 and len(reads) == 1


def test_a_server_process_builds_its_app_from_the_environment(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(app_module.SERVE_DB_ENV, raising=False)
    with pytest.raises(app_module.StoreMissing):
        app_module.app_from_env()
    monkeypatch.setenv(app_module.SERVE_DB_ENV, str(store_from(newsroom_corpus(), tmp_path)))
    client = TestClient(app_module.app_from_env())
    assert "Rail strike and deal" in client.get("/").text
    refused = client.post("/api/documents", json={"documents": [{"text": "x"}]})
    assert refused.status_code == 403 and refused.json()["ok"] is False  # uploads are off across processes


@pytest.mark.parametrize("limit", [3, 0])
def test_a_store_above_report_max_documents_gets_the_summary_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """Four articles above a limit of three (or a limit of 0: always): /report never reads the whole corpus."""
    from storyline.config import Settings

    reads: list[dict[str, str]] = []
    monkeypatch.setattr(app_module, "query_report", lambda store, **filters: reads.append(filters))
    client = TestClient(create_app(store_from(newsroom_corpus(), tmp_path),
                                   settings=Settings(report_max_documents=limit)))
    page = client.get("/report", params={"q": "strike"})
    assert page.status_code == 200 and "too large for the single-page report" in page.text
    assert 'href="/stories/s1"' in page.text and 'href="/"' in page.text  # the reader's pages, linked
    data = client.get("/report.json").json()
    assert data["page"] == "summary" and data["counts"]["documents"] == 4
    assert [s["id"] for s in data["stories"]][:1] == ["s1"] and data["stories"][0]["n_docs"] >= 2
    assert client.get("/report", params={"date_from": "notadate"}).status_code == 400  # still refused
    assert reads == []
    assert client.get(data["stories"][0]["id"].join(["/stories/", ""])).status_code == 200


def test_the_summary_report_counts_the_articles_an_upload_added(tmp_path: Path) -> None:
    """The article count that picks the summary page is read once per opening of the store, and again after a
    write (an upload may cross report_max_documents)."""
    from storyline.config import Settings
    from storyline.model import DocAnalysis, Document
    from storyline.store import Store

    path = store_from(newsroom_corpus(), tmp_path)
    client = TestClient(create_app(path, settings=Settings(report_max_documents=4), cache_bytes=0))
    assert "too large" not in client.get("/report").text
    db = client.app.state.db  # type: ignore[attr-defined]
    text = "Dock workers in Tessan joined the rail strike on Friday."
    with db.write(), Store(path) as store:  # what an upload holds while the pipeline writes, and writes
        store.add_analyses([DocAnalysis(document=Document(id="n5", source="n5.txt", raw=text, text=text))])
    assert db.documents() == 5
    assert "too large for the single-page report" in client.get("/report").text


def test_api_lists_are_kept_by_url_until_an_upload(tmp_path: Path) -> None:
    client = TestClient(create_app(store_from(newsroom_corpus(), tmp_path)))
    first = client.get("/api/events", params={"limit": 2})
    again = client.get("/api/events", params={"limit": 2})
    assert (first.headers["x-cache"], again.headers["x-cache"]) == ("miss", "hit")
    assert again.json() == first.json() and first.json()["total"] > 2
    listed = client.get("/api/events.csv", params={"limit": 2})
    assert listed.headers["x-total-count"] == str(first.json()["total"])
    again_csv = client.get("/api/events.csv", params={"limit": 2})
    assert again_csv.headers["x-cache"] == "hit"
    assert again_csv.headers["x-total-count"] == listed.headers["x-total-count"]
    assert client.get("/api/events", params={"limit": 0}).status_code == 422  # a refusal is answered, never kept
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"limit": 2}, headers={"If-None-Match": first.headers["etag"]}
                      ).status_code == 304
