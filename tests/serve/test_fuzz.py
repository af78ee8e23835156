"""Every GET endpoint, sent a fuzzed set of parameters: never a 500, every refusal a 4xx in the one shape.

Endpoints come from the app's own routes, so a new page is fuzzed without editing this file.
"""
from __future__ import annotations

import random
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Route

from storyline.serve import create_app
from tests.serve.helpers import store_from
from tests.serve.test_reader_pages import reader_corpus

#: the documentation pages take no parameters and answer whatever is sent
DOCS = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}
#: an id of each kind the store holds, for the path parameters
KNOWN = {"story_id": "s1", "doc_id": "n1", "entity_id": "p1", "name": "Valley Herald"}
NAMES = ["limit", "offset", "q", "date_from", "date_to", "type", "actor", "outlet", "doc", "role", "quotes_offset",
         "missed_offset", "period", "kind", "dimension", "language", "genre", "modality", "story_event", "id",
         "no_such_param"]
VALUES = ["99999999999999999999", "-1", "0", "1", "abc", "", " 7 ", "1e3", "notadate", "2025-13-45", "2025-03",
          "\x00", "%00", "' OR 1=1 --", "<script>window.__xss=1</script>", "\U0001f642", "9" * 400, "NaN", "-0",
          "source", "[]", "%", "_", "\\", "a" * 5000]
BAD_IDS = ["zz", "a/b", "%2e%2e", "<script>", "\U0001f642", "x" * 2000, "s1%00", "' OR '1'='1"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = store_from(reader_corpus(), tmp_path_factory.mktemp("fuzz"), sentences=True)
    return TestClient(create_app(db), raise_server_exceptions=False)


def endpoints(client: TestClient) -> list[str]:
    """Every GET path of the app, its path parameters as ``{name}``."""
    out = []
    for route in client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, Route) and "GET" in (route.methods or ()):
            out.append(re.sub(r"\{(\w+)(?::\w+)?\}", r"{\1}", route.path))
    return out


def fill(path: str, ids: dict[str, str]) -> str:
    from urllib.parse import quote

    return re.sub(r"\{(\w+)\}", lambda m: quote(ids[m.group(1)], safe=""), path)


def assert_answer(r: Any, what: str) -> None:
    assert r.status_code != 500, what
    if r.status_code >= 400:
        assert r.headers["content-type"] == "application/json", what
        body = r.json()
        assert body == {"ok": False, "error": body["error"], "status": r.status_code}, what
        assert isinstance(body["error"], str) and body["error"], what


def test_every_endpoint_is_covered(client: TestClient) -> None:
    paths = set(endpoints(client))
    for page in ("/", "/stories/{story_id}", "/articles/{doc_id}", "/articles/{doc_id}/raw", "/actors/{entity_id}",
                 "/outlets/{name}", "/report", "/api/events", "/api/documents/{doc_id}"):
        assert page in paths
    assert len(paths) > 35


def test_the_named_bad_requests_are_4xx_everywhere(client: TestClient) -> None:
    for path in endpoints(client):
        if path in DOCS:
            continue
        url = fill(path, KNOWN)
        assert client.get(url).status_code == 200, url
        for params in ({"offset": "99999999999999999999"}, {"date_from": "notadate"}, {"limit": "-1"}):
            r = client.get(url, params=params)
            assert_answer(r, f"{url} {params}")
            assert 400 <= r.status_code < 500, f"{url} {params}"
        if "{" in path:
            for bad in BAD_IDS:
                r = client.get(fill(path, dict.fromkeys(KNOWN, bad)))
                assert_answer(r, f"{path} with id {bad[:20]!r}")
                assert r.status_code == 404, f"{path} with id {bad[:20]!r}"


def test_fuzzed_parameters_never_break_an_endpoint(client: TestClient) -> None:
    rng = random.Random(20)
    n = 0
    for path in endpoints(client):
        url = fill(path, KNOWN)
        for _ in range(25):
            params = {rng.choice(NAMES): rng.choice(VALUES) for _ in range(rng.randint(1, 3))}
            r = client.get(url, params=params)
            assert_answer(r, f"{url} {params!r:.200}")
            n += 1
    assert n > 900
