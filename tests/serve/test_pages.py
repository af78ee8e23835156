"""Pages and their JSON twins, REST lists and their CSV twins, parameters from the filter table."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.report.filters import query_report
from storyline.report.render import report_context
from storyline.serve import create_app
from storyline.store import Store
from storyline.store.query import RESOURCES
from tests.serve.helpers import newsroom_corpus, store_from


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_from(newsroom_corpus(), tmp_path_factory.mktemp("pages"))


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def test_the_page_answers_as_json_with_the_data_it_renders(client: TestClient) -> None:
    params = {"outlet": "Valley Herald", "date_from": "2025-04"}
    data = client.get("/report.json", params=params).json()
    html = client.get("/report", params=params).text
    assert [d["id"] for d in data["documents"]] == ["n4"]
    assert html.count("data-article ") == len(data["documents"]) == data["summary"]["documents"]
    assert data["filters"] == {"q": "", "actor": "", "type": "", "outlet": "Valley Herald",
                               "date_from": "2025-04", "date_to": ""}
    # the undated event counts by its article's publication date
    assert [(e["id"], e["date"]) for e in data["timeline"]] == [("n4/v1", "2025-04-19"), ("n4/v2", "undated")]
    assert "static" not in data  # the page's own CSS and script are not data
    # the choices still offer what the filters hid
    assert data["options"]["outlets"] == ["Coastal Ledger", "Valley Herald", "unknown outlet"]


def test_the_json_twin_is_the_report_context(client: TestClient, db: Path) -> None:
    filters = {"q": "", "actor": "p1", "type": "", "outlet": "", "date_from": "", "date_to": ""}
    with Store(db, read_only=True) as store:
        shown, base = query_report(store, **filters)
    expected = report_context(shown, mode="app", filters=filters, base_corpus=base)
    data = client.get("/report.json", params={"actor": "p1"}).json()
    assert data["summary"] == expected["summary"]
    assert [a["id"] for a in data["actors"]] == [a["id"] for a in expected["actors"]]
    assert data["network"] == expected["network"]


def test_rest_parameters_come_from_the_filter_table(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for name, resource in RESOURCES.items():
        params = spec["paths"][f"/api/{name}"]["get"]["parameters"]
        assert [p["name"] for p in params] == ["limit", "offset", *(f.param for f in resource.filters)]
        helps = {p["name"]: p.get("description") for p in params}
        assert all(helps[f.param] == f.help for f in resource.filters)
    assert client.get("/api/events", params={"story_event": "se1"}).json()["total"] == 1
    assert client.get("/api/outlets", params={"q": "ledger", "limit": 1}).json()["items"][0]["name"] == "Coastal Ledger"


def test_lists_answer_as_csv_rows_of_the_same_page(client: TestClient) -> None:
    params = {"actor": "p1", "limit": 2, "offset": 1}
    as_json = client.get("/api/events", params=params).json()
    r = client.get("/api/events.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["x-total-count"] == str(as_json["total"]) == "4"
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [e["id"] for e in as_json["items"]] == ["n1/v1", "n4/v1"]
    assert rows[0]["doc"] == "n1" and json.loads(rows[0]["evidence"])[0]["doc"] == "n1"
    assert rows[0]["attributed_to"] == ""  # None is an empty cell, as in the CSV export
    empty = client.get("/api/quotes.csv", params={"doc": "n9"})
    assert empty.text == "id,doc,speaker,text,start,end,direct,doubtful\n"
    assert client.get("/api/quotes.csv", params={"speaker": "p1"}).json()["status"] == 400
