"""The web app through FastAPI's TestClient: pages, filters, REST pagination, uploads and their guard."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.engine.local import RunSummary
from storyline.model import IngestError
from storyline.serve import create_app
from tests.conftest import make_corpus
from tests.report.hostile import active_content, hostile_corpus
from tests.serve.helpers import store_from

TOKEN = "t0ken-for-tests"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return store_from(hostile_corpus(), tmp_path)


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(db, token=TOKEN, max_upload_bytes=2000))


def test_page_is_the_report_and_escapes_everything(client: TestClient) -> None:
    r = client.get("/report")
    assert r.status_code == 200
    assert r.headers["x-content-type-options"] == "nosniff"
    found = active_content(r.text)
    assert found.problems == []
    assert 'data-mode="app"' in r.text and 'id="timeline-chart"' in r.text


def test_page_filters_by_search_outlet_actor_type_and_dates(client: TestClient) -> None:
    all_docs = client.get("/report").text.count("data-article ")
    assert all_docs > 3
    searched = client.get("/report", params={"q": "pier cafe"}).text
    assert searched.count("data-article ") == 1 and "Oosterhuis" in searched
    by_type = client.get("/report", params={"type": "REJECT"}).text
    assert by_type.count('<tr id="ev-') == 1
    by_actor = client.get("/report", params={"actor": "e2"}).text
    assert by_actor.count("data-article ") == 2
    by_date = client.get("/report", params={"date_from": "2024-06-12", "date_to": "2024-06-12"}).text
    assert by_date.count("data-article ") == 1 and "Ferry adds evening crossings" in by_date
    outlet = "Harbour Mail javascript:window.__xss=1"
    assert client.get("/report", params={"outlet": outlet}).text.count("data-article ") == 1
    # hostile query strings come back escaped
    echoed = client.get("/report", params={"q": "\"><script>window.__xss=1</script>"}).text
    assert active_content(echoed).problems == [] and "No articles match." in echoed


def test_rest_lists_are_paginated_and_filtered(client: TestClient) -> None:
    first = client.get("/api/documents", params={"limit": 2}).json()
    assert first["limit"] == 2 and first["offset"] == 0 and len(first["items"]) == 2
    rest = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert {d["id"] for d in first["items"]}.isdisjoint({d["id"] for d in rest["items"]})
    assert first["total"] == len(hostile_corpus().documents)
    assert "raw" not in first["items"][0] and "blocks" not in first["items"][0]
    ev = client.get("/api/events", params={"type": "reject"}).json()
    assert ev["total"] == 1 and ev["items"][0]["type"] == "REJECT"
    assert client.get("/api/events", params={"actor": "e2", "date_from": "2024-06-01"}).json()["total"] == 2
    assert client.get("/api/events", params={"actor": "e2", "date_from": "2024-06-05"}).json()["total"] == 1
    assert client.get("/api/events", params={"date_to": "2024-05-31"}).json()["total"] == 0
    assert client.get("/api/events", params={"outlet": "Harbour Mail javascript:window.__xss=1"}).json()["total"] == 1
    assert client.get("/api/documents", params={"q": "ferry"}).json()["total"] >= 2
    assert client.get("/api/documents", params={"actor": "e2"}).json()["total"] == 2
    assert client.get("/api/entities", params={"type": "person"}).json()["total"] == 1
    assert client.get("/api/quotes", params={"actor": 'e"1<x>'}).json()["total"] == 1
    assert client.get("/api/stories", params={"doc": "h0000000000000002"}).json()["total"] == 1
    assert client.get("/api/relations", params={"actor": "e2"}).json()["total"] == 1
    assert client.get("/api/disagreements", params={"doc": "h0000000000000002"}).json()["total"] == 1
    assert client.get("/api/disagreements", params={"doc": "nope"}).json()["total"] == 0
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422
    assert client.get("/api/documents/h0000000000000001").json()["title"].startswith("Flood row")
    missing = client.get("/api/documents/nope")
    assert missing.status_code == 404 and missing.json()["status"] == 404


def test_sql_injection_in_filters_is_just_a_value(client: TestClient) -> None:
    r = client.get("/api/events", params={"type": "x' OR 1=1 --", "q": "%' OR '1'='1"})
    assert r.status_code == 200 and r.json()["total"] == 0


def test_openapi_documents_every_resource(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for res in ("documents", "entities", "events", "stories", "relations", "quotes", "disagreements"):
        assert f"/api/{res}" in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"limit", "offset", "type", "actor", "date_from", "date_to", "outlet"} <= params
    assert "requestBody" in spec["paths"]["/api/documents"]["post"]


def _stub_runner(calls: list) -> object:
    def run(paths, out_dir, settings):  # type: ignore[no-untyped-def]
        records = [json.loads(line) for p in paths for line in Path(p).read_text().splitlines()]
        calls.append((records, Path(out_dir)))
        return RunSummary(read=len(records), errors=[IngestError("x", "analysis_failed", "d")], failed=1), None
    return run


def test_upload_needs_the_token_and_runs_the_pipeline(db: Path) -> None:
    calls: list = []
    client = TestClient(create_app(db, token=TOKEN, max_upload_bytes=2000, runner=_stub_runner(calls)))
    body = {"documents": [{"text": "The council met on Friday.", "title": "Council", "outlet": "Gazette"}]}
    assert client.post("/api/documents", json=body).status_code == 401
    assert client.post("/api/documents", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert calls == []
    ok = client.post("/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201, ok.text
    assert ok.json()["added"] == 1 and ok.json()["failed"] == 1
    assert calls[0][0] == [body["documents"][0]] and calls[0][1] == db.parent


def test_upload_is_size_limited_and_validated(db: Path) -> None:
    calls: list = []
    client = TestClient(create_app(db, token=TOKEN, max_upload_bytes=2000, runner=_stub_runner(calls)))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = client.post("/api/documents", json={"documents": [{"text": "x" * 5000}]}, headers=auth)
    assert big.status_code == 413 and big.json()["status"] == 413
    # a body without Content-Length is counted as it streams
    chunked = client.post("/api/documents", content=iter([b'{"documents": [{"text": "', b"y" * 3000, b'"}]}']),
                          headers={**auth, "Content-Type": "application/json"})
    assert chunked.status_code == 413
    assert client.post("/api/documents", json={"documents": []}, headers=auth).status_code == 422
    evil = {"documents": [{"text": "a", "evil": 1}]}
    assert client.post("/api/documents", json=evil, headers=auth).status_code == 422
    assert client.post("/api/documents", content=b"not json", headers=auth).status_code == 422
    assert calls == []


def test_uploads_are_off_without_a_token(db: Path) -> None:
    client = TestClient(create_app(db, token=None))
    r = client.post("/api/documents", json={"documents": [{"text": "a"}]}, headers={"Authorization": "Bearer "})
    assert r.status_code == 403


def test_app_refuses_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "none.duckdb")


def test_small_corpus_page_renders(tmp_path: Path) -> None:
    client = TestClient(create_app(store_from(make_corpus(), tmp_path)))
    assert "Sylvania rejected the offer" in client.get("/report").text
