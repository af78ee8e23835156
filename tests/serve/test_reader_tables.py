"""CSV downloads of every table of the reader's pages, quotes about an actor, and validators (ETag / 304)."""
from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from storyline.report.pages import csv_cell, table_names
from storyline.serve import create_app
from tests.serve.helpers import store_from
from tests.serve.test_reader_pages import reader_corpus

#: a title a spreadsheet would run, with the characters CSV must quote (comma, quote, line break)
FORMULA_TITLE = '=HYPERLINK("http://evil.example/?a,b","click")\nsecond line'
PAGES = {"index": "/", "actors": "/actors", "outlets": "/outlets", "story": "/stories/s1", "article": "/articles/n1",
         "actor": "/actors/p1", "outlet": "/outlets/Valley%20Herald"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    corpus = reader_corpus()
    corpus.documents[0].title = FORMULA_TITLE
    corpus.documents[1].title = "+44 hotline, -5% pay, @union"
    return TestClient(create_app(store_from(corpus, tmp_path_factory.mktemp("tables"), sentences=True)))


def _table(client: TestClient, url: str) -> list[dict[str, str]]:
    r = client.get(url)
    assert r.status_code == 200, url
    assert r.headers["content-type"].startswith("text/csv") and r.headers["content-disposition"].startswith(
        "attachment"), url
    return list(csv.DictReader(io.StringIO(r.text, newline="")))


def test_every_page_links_a_csv_of_each_of_its_tables(client: TestClient) -> None:
    for page, path in PAGES.items():
        html = client.get(path).text
        links = re.findall(r'href="([^"]+\.csv[^"]*)" download', html)
        names = [re.search(r"table=(\w+)", h.replace("&amp;", "&")).group(1) for h in links]  # type: ignore[union-attr]
        assert names == table_names(page) and names, page
        for href in links:
            _table(client, href.replace("&amp;", "&"))


def test_csv_rows_are_the_rows_the_page_shows(client: TestClient) -> None:
    story = client.get("/stories/s1.json").json()
    timeline = _table(client, "/stories/s1.csv?table=timeline")
    assert [r["id"] for r in timeline] == [e["id"] for e in story["timeline"]]
    coverage = _table(client, "/stories/s1.csv?table=coverage")
    assert [r["event"] for r in coverage] == [r["label"] for r in story["matrix"]]
    assert {r["event"]: (r["Coastal Ledger"], r["Valley Herald"]) for r in coverage}[story["matrix"][1]["label"]] \
        == ("contradicts", "reports")
    sides = _table(client, "/stories/s1.csv?table=disagreements")
    assert sorted(r["stance"] for r in sides) == ["fair", "unfair"] and {r["topic"] for r in sides} == {
        "whether the pay offer was fair"}
    # paging applies to the CSV as to the page: one story per page of the front page
    assert len(_table(client, "/.csv?table=stories&limit=1")) == 1
    assert len(_table(client, "/.csv")) == client.get("/.json").json()["pager"]["total"]


def test_csv_cells_are_quoted_and_formulas_defused(client: TestClient) -> None:
    articles = {r["id"]: r for r in _table(client, "/stories/s1.csv?table=articles")}
    assert articles["n1"]["title"] == "'" + FORMULA_TITLE  # read back whole: comma, quotes and line break kept
    assert articles["n2"]["title"] == "'+44 hotline, -5% pay, @union"
    assert not any(v.startswith(("=", "+", "-", "@")) for r in articles.values() for v in r.values() if v)
    assert [csv_cell(x) for x in (-3, 2.5, None, True, "-x", "\tcmd", "plain")] == [
        "-3", "2.5", "", "true", "'-x", "'\tcmd", "plain"]


def test_an_unknown_table_is_a_400_in_the_one_shape(client: TestClient) -> None:
    r = client.get("/stories/s1.csv?table=nope")
    assert r.status_code == 400 and r.json()["ok"] is False and "timeline" in r.json()["error"]
    assert client.get("/stories/s1?table=timeline").status_code == 400  # only the CSV twin takes it


def test_actor_page_shows_quotes_about_it_beside_quotes_by_it(client: TestClient) -> None:
    quist = client.get("/actors/p1.json").json()
    # her own words are quotes by her; the unnamed "unfair" stands in a sentence that names her
    assert [q["text"] for q in quist["quotes"]] == ["the strike would last a week"]
    assert [(q["text"], q["speaker_name"]) for q in quist["quotes_about"]] == [("unfair", "unnamed source")]
    assert quist["quotes_about"][0]["href"].endswith("#s-" + str(reader_corpus().quotes[1].start))
    html = client.get("/actors/p1").text
    assert 'id="quotes-about"' in html and "“unfair”" in html
    # the ministry is named in the sentence before the quote, not in its own: nothing about it
    assert client.get("/actors/g1.json").json()["quotes_about"] == []
    assert [r["text"] for r in _table(client, "/actors/p1.csv?table=quotes_about")] == ["unfair"]


def test_pages_answer_304_to_a_client_that_has_them(client: TestClient) -> None:
    first = client.get("/stories/s1")
    tag = first.headers["etag"]
    again = client.get("/stories/s1", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    assert client.get("/stories/s1", headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.get("/stories/s2").headers["etag"] != tag

