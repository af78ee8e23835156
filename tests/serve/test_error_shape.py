"""Every error the app answers has one JSON shape: ``{"ok": false, "error": <message>, "status": <code>}``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.serve import create_app
from tests.serve.helpers import newsroom_corpus, store_from

TOKEN = "shape-t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _exploding_runner(*args: Any) -> Any:
    raise RuntimeError("the pipeline broke")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = store_from(newsroom_corpus(), tmp_path_factory.mktemp("shape"))
    app = create_app(db, token=TOKEN, max_upload_bytes=500, runner=_exploding_runner)
    return TestClient(app, raise_server_exceptions=False)


def assert_shape(response: Any, status: int, fragment: str) -> None:
    body = response.json()
    assert response.status_code == status
    assert body == {"ok": False, "error": body["error"], "status": status}
    assert isinstance(body["error"], str) and fragment in body["error"], body["error"]
    assert response.headers["content-type"] == "application/json"


def test_a_method_a_page_does_not_take(client: TestClient) -> None:
    # the reader's pages answer GET only, in the one shape, whatever routes them
    for path in ("/", "/stories/s1", "/articles/n1/raw", "/actors.json"):
        assert_shape(client.post(path), 405, "Method Not Allowed")
        assert client.head(path).status_code == 405


def test_not_found(client: TestClient) -> None:
    assert_shape(client.get("/api/documents/n9"), 404, "no document 'n9'; GET /api/documents lists the ids")
    assert_shape(client.get("/api/no-such-resource"), 404, "Not Found")


def test_bad_filter_values_and_unknown_filters(client: TestClient) -> None:
    assert_shape(client.get("/api/events", params={"date_to": "31/12/2025"}), 400,
                 "date_to='31/12/2025' is not a date: give an ISO date")
    assert_shape(client.get("/api/relations", params={"type": "AGREE"}), 400,
                 "no filter 'type' on relations; use actor, limit, offset, period")
    assert_shape(client.get("/api/events", params={"limit": 0}), 422, "limit: Input should be greater than")


def test_refused_uploads(client: TestClient, tmp_path: Path) -> None:
    body = {"documents": [{"text": "A short article."}]}
    denied = client.post("/api/documents", json=body)
    assert_shape(denied, 401, "missing or wrong bearer token")
    assert denied.headers["www-authenticate"] == "Bearer"
    assert_shape(client.post("/api/documents", json={"documents": [{"text": "x" * 600}]}, headers=AUTH),
                 413, "upload larger than 500 bytes")
    assert_shape(client.post("/api/documents", json={"documents": [{"body": "x"}]}, headers=AUTH),
                 422, "invalid upload")
    off = TestClient(create_app(store_from(newsroom_corpus(), tmp_path)))
    assert_shape(off.post("/api/documents", json=body), 403, "uploads are disabled")
    renamed = store_from(newsroom_corpus(), tmp_path).rename(tmp_path / "copy.duckdb")
    elsewhere = TestClient(create_app(renamed, token=TOKEN))
    assert_shape(elsewhere.post("/api/documents", json=body, headers=AUTH), 409, "uploads need a store named")


def test_an_unexpected_failure_says_where_to_look(client: TestClient) -> None:
    r = client.post("/api/documents", json={"documents": [{"text": "A short article."}]}, headers=AUTH)
    assert_shape(r, 500, "internal error; the server log has the details")
    assert "pipeline broke" not in r.text  # internals stay in the log
