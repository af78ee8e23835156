"""The reader's pages: story, article, actor and outlet pages, their JSON twins and the front page's list."""
from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from storyline.model import Corpus, Event, NearDuplicate, Removal, Span, Story
from storyline.serve import create_app
from tests.report.hostile import active_content, hostile_corpus
from tests.serve.helpers import newsroom_corpus, store_from


def reader_corpus() -> Corpus:
    """The newsroom corpus, plus: an outlet denying a story event, a copied article, a removed
    passage, and a two-article story one outlet missed."""
    c = newsroom_corpus()
    n1, n2, n3, n4 = c.documents
    start = n1.raw.index("Union leader")
    denial = Event(id="n1/v2", type="AGREE", source="g1", target="p1", modality="denied",
                   summary="No deal was agreed.", evidence=[Span("n1", start, len(n1.raw), n1.raw[start:])],
                   doc="n1", story_event="se1")
    c.events.append(denial)
    se1 = c.story_events[0]
    c.story_events[0] = dataclasses.replace(se1, events=[*se1.events, denial.id], docs=[*se1.docs, "n1"])
    n4.near_duplicates = [NearDuplicate("n2", 0.83)]
    n2.near_duplicates = [NearDuplicate("n4", 0.83)]
    n3.removed = [Removal(0, 5, "Talks", "share prompt")]
    c.stories.append(Story(id="s3", title="Herald follow-ups", date="2025-04", docs=["n2", "n4"]))
    return c


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = store_from(reader_corpus(), tmp_path_factory.mktemp("reader"), sentences=True)
    return TestClient(create_app(db))


class AnchorText(HTMLParser):
    """The text of the highlighted stretch holding the element with a given id."""

    def __init__(self, wanted: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted, self.depth, self.text, self.stack = wanted, 0, "", []  # type: ignore[var-annotated]
        self.found = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag != "span":
            return
        if a.get("id") == self.wanted and self.stack and "hl" in (self.stack[-1] or ""):
            self.found, self.depth = True, 2  # inside the stretch, and inside the (empty) anchor
            self.stack.append(a.get("class"))
            return
        self.stack.append(a.get("class"))
        if self.depth:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag != "span":
            return
        if self.depth:
            self.depth -= 1
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text += data


def landing_text(client: TestClient, href: str) -> str:
    """Follow an evidence link: the text of the stretch its fragment highlights ("" when it lands nowhere)."""
    parts = urlsplit(href)
    page = client.get(parts.path)
    assert page.status_code == 200, href
    parser = AnchorText(parts.fragment)
    parser.feed(page.text)
    assert parser.found, f"{href} lands on no highlighted sentence"
    return parser.text


def test_story_timeline_places_undated_events_at_publication(client: TestClient) -> None:
    data = client.get("/stories/s1.json").json()
    rows = [(e["id"], e["placed"], e["undated"]) for e in data["timeline"]]
    assert rows == [("n2/v1", "2025-03-01", False), ("n1/v1", "2025-03-04", False), ("n1/v2", "2025-03-04", True),
                    ("n4/v1", "2025-04-19", False), ("n4/v2", "2025-04-20", True)]
    assert data["n_undated"] == 2
    undated = next(e for e in data["timeline"] if e["id"] == "n4/v2")
    assert undated["placed_by"] == "placed at publication date" and undated["date"] == "2025-04-20"
    html = client.get("/stories/s1").text
    item = re.search(r'<li class="tl-event cooperation undated" data-event="n4/v2">.*?</li>', html, re.S)
    assert item and "placed at publication date" in item.group()


def test_coverage_matrix_reports_contradicts_and_silent(client: TestClient) -> None:
    data = client.get("/stories/s1.json").json()
    assert [c["label"] for c in data["columns"]] == ["Coastal Ledger", "Valley Herald"]
    states = {r["id"]: [c["state"] for c in r["cells"]] for r in data["matrix"]}
    assert states == {"se2": ["reports", "reports"], "se1": ["contradicts", "reports"],
                      "n2/v1": ["silent", "reports"], "n4/v2": ["silent", "reports"]}
    left = {o["outlet"]: [m["label"] for m in o["missing"]] for o in data["left_out"]}
    assert left == {"Coastal Ledger": ["2025-03 · REJECT · Transport Ministry → Mara Quist",
                                       "2025-04-20 (placed at publication date) · COOPERATE · Transport Ministry"],
                    "Valley Herald": []}


def test_every_evidence_link_lands_on_its_sentence(client: TestClient) -> None:
    data = client.get("/stories/s1.json").json()
    links = [(c["href"], c["title"]) for r in data["matrix"] for c in r["cells"] if c["href"] and "#" in c["href"]]
    links += [(e["href"], e["evidence"]) for e in data["timeline"] if e["evidence"]]
    links += [(s["href"], s["text"]) for d in data["disagreements"] for s in d["sides"]]
    links += [(q["href"], q["text"]) for s in data["speakers"] for q in s["quotes"]]
    assert len(links) >= 10
    for href, text in links:
        assert text in landing_text(client, href), href
    # the links in the HTML page are the JSON twin's
    html = client.get("/stories/s1").text
    assert {h for h, _ in links} <= set(re.findall(r'href="(/articles/[^"]+#s-\d+)"', html))


def test_disagreements_quotes_and_copies(client: TestClient) -> None:
    data = client.get("/stories/s1.json").json()
    (dis,) = data["disagreements"]
    assert [(s["doc"]["outlet_label"], s["stance"]) for s in dis["sides"]] == [("Coastal Ledger", "fair"),
                                                                              ("Valley Herald", "unfair")]
    assert [(s["name"], len(s["quotes"])) for s in data["speakers"]] == [("Mara Quist", 1), ("unnamed source", 1)]
    (dup,) = data["duplicates"]
    assert (dup["later"]["id"], dup["earlier"]["id"], dup["ordered"], dup["similarity"]) == ("n4", "n2", True, 0.83)
    assert 'class="sides"' in client.get("/stories/s1").text


def test_front_page_lists_stories_a_page_at_a_time(client: TestClient) -> None:
    first = client.get("/.json", params={"limit": 2}).json()
    assert [s["id"] for s in first["stories"]] == ["s1", "s3"]
    assert first["pager"]["total"] == 3 and first["pager"]["next"] == "/?limit=2&offset=2"
    second = client.get(first["pager"]["next"].replace("/?", "/.json?")).json()
    assert [s["id"] for s in second["stories"]] == ["s2"] and second["pager"]["prev"] == "/?limit=2"
    assert first["stories"][0]["outlets"] == [{"name": "Coastal Ledger", "href": "/outlets/Coastal%20Ledger"},
                                              {"name": "Valley Herald", "href": "/outlets/Valley%20Herald"}]
    html = client.get("/", params={"limit": 2}).text
    assert 'href="/stories/s1"' in html and 'href="/?limit=2&amp;offset=2"' in html
    assert [s["id"] for s in client.get("/.json", params={"q": "STRIKE"}).json()["stories"]] == ["s1"]
    assert [s["id"] for s in client.get("/.json", params={"date_from": "2025-04"}).json()["stories"]] == ["s3"]


def test_article_marks_everything_and_anchors_every_sentence(client: TestClient) -> None:
    html = client.get("/articles/n1").text
    for start in (0, 43):
        assert f'id="s-{start}"' in html
    assert 'data-entity="p1"' in html and 'data-entity="o1"' in html  # mentions
    assert 'class="hl ev sent"' in html or 'class="hl dis ev sent"' in html  # events
    assert re.search(r'class="hl [^"]*\bq\b', html)  # the quote
    assert 'href="/articles/n1/raw"' in html and 'href="/actors/p1"' in html and 'href="/stories/s1"' in html
    removed = client.get("/articles/n3").text
    assert '<p class="rm" title="removed: share prompt">Talks' in removed
    raw = client.get("/articles/n1/raw")
    assert raw.headers["content-type"].startswith("text/plain") and raw.text == reader_corpus().documents[0].raw
    data = client.get("/articles/n1.json").json()
    assert [e["id"] for e in data["events"]] == ["n1/v1", "n1/v2"] and data["n_sentences"] == 2


def test_actor_page_aliases_events_dyads_and_quotes(client: TestClient) -> None:
    data = client.get("/actors/p1.json").json()
    assert [(a["alias"], a["n"], [d["id"] for d in a["docs"]]) for a in data["aliases"]] == [
        ("Mara Quist", 1, ["n1"]), ("Quist", 1, ["n2"])]
    assert data["events_pager"]["total"] == 5
    assert {e["role"] for e in data["events"]} == {"source", "target"}
    as_source = client.get("/actors/p1.json", params={"role": "source"}).json()
    assert [e["id"] for e in as_source["events"]] == ["n1/v1"]
    paged = client.get("/actors/p1.json", params={"limit": 2, "offset": 2}).json()
    assert len(paged["events"]) == 2 and paged["events_pager"]["next"] == "/actors/p1?limit=2&offset=4"
    dyads = {d["other"]["id"]: d for d in data["dyads"]}
    bars = [(b["period"], b["coop"], b["conf"]) for b in dyads["g1"]["chart"]["bars"]]
    assert bars == [("2025-03", 0, 1), ("2025-04", 1, 0)]
    assert (dyads["g1"]["cooperation"], dyads["g1"]["conflict"]) == (1, 1)
    assert [q["text"] for q in data["quotes"]] == ["the strike would last a week"]
    html = client.get("/actors/p1").text
    assert html.count("<rect ") == 2 * (len(dyads["g1"]["chart"]["bars"]) + len(dyads["o1"]["chart"]["bars"]))


def test_outlet_page_genres_sources_covered_and_missed(client: TestClient) -> None:
    herald = client.get("/outlets/Valley%20Herald.json").json()
    assert [(g["genre"], g["n"]) for g in herald["genre_mix"]] == [("opinion", 1), ("reporting", 1)]
    assert [s["id"] for s in herald["covered"]] == ["s1", "s3"] and herald["missed"] == []
    assert (herald["quotes_named"], herald["quotes_anonymous"]) == (0, 1)
    ledger = client.get("/outlets/Coastal%20Ledger.json").json()
    assert [s["id"] for s in ledger["covered"]] == ["s1"] and [s["id"] for s in ledger["missed"]] == ["s3"]
    assert (ledger["quotes_named"], ledger["quotes_anonymous"]) == (1, 0)
    # uncorroborated: the Herald's events in no story event another outlet carries
    assert [e["id"] for e in herald["solo"]] == ["n2/v1", "n4/v2"] and ledger["solo"] == []
    one = client.get("/outlets/Valley%20Herald.json", params={"limit": 1, "solo_offset": 1}).json()
    assert [e["id"] for e in one["solo"]] == ["n4/v2"]
    assert one["solo_pager"]["prev"] == "/outlets/Valley%20Herald?limit=1"
    lists = client.get("/outlets.json").json()
    assert [o["name"] for o in lists["outlets"]] == ["Coastal Ledger", "Valley Herald"]
    assert [a["id"] for a in client.get("/actors.json", params={"q": "quist"}).json()["actors"]] == ["p1"]


def test_hostile_text_is_escaped_on_every_page(tmp_path: Path) -> None:
    corpus = hostile_corpus()
    client = TestClient(create_app(store_from(corpus, tmp_path, sentences=True)))
    pages = ["/", "/actors", "/outlets", f"/stories/{corpus.stories[0].id}"]
    pages += [f"/articles/{d.id}" for d in corpus.documents]
    seen: set[str] = set()
    while pages:
        path = pages.pop()
        if path in seen:
            continue
        seen.add(path)
        r = client.get(path)
        assert r.status_code == 200, path
        if ".csv?" in path:  # a download, never rendered: text/csv, an attachment, not sniffed
            assert r.headers["content-type"].startswith("text/csv"), path
            assert r.headers["content-disposition"].startswith("attachment"), path
            continue
        found = active_content(r.text)
        assert found.problems == [] and found.scripts == [], path
        # follow the links to actors and outlets, whose ids and names carry payloads themselves
        pages += re.findall(r'href="(/(?:actors|outlets)/[^"#]+)"', r.text)
    assert any(p.startswith("/actors/e%221") for p in seen) and len(seen) > 10
    raw = client.get(f"/articles/{corpus.documents[0].id}/raw")
    assert raw.headers["content-type"].startswith("text/plain") and "<script>" in raw.text
    assert raw.headers["x-content-type-options"] == "nosniff"


def test_unknown_ids_are_404s_in_the_one_shape(client: TestClient) -> None:
    for path, what in [("/stories/zz", "no story 'zz'"), ("/articles/zz.json", "no article 'zz'"),
                       ("/articles/zz/raw", "no article 'zz'"), ("/actors/zz", "no actor 'zz'"),
                       ("/outlets/Nowhere%20Post", "no outlet 'Nowhere Post'")]:
        r = client.get(path)
        assert r.status_code == 404 and r.json() == {"ok": False, "error": r.json()["error"], "status": 404}
        assert what in r.json()["error"]
