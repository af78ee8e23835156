"""The seeds' largest story page (issue 20's acceptance): timeline with dated and publication-placed events,
the coverage matrix, disagreements and quotes, and every evidence link landing on its sentence.
Skipped when ../shared/seeds is absent."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.config import Settings
from storyline.engine.local import run
from storyline.serve import create_app
from tests.serve.test_reader_pages import landing_text


@pytest.fixture(scope="module")
def seeds_client(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    out = tmp_path_factory.mktemp("seeds-app")
    run([seeds_dir], out, Settings())
    return TestClient(create_app(out / "storyline.duckdb"))


def test_the_seeds_story_page_shows_timeline_coverage_disagreements_and_quotes(seeds_client: TestClient) -> None:
    stories = seeds_client.get("/.json", params={"limit": 50}).json()["stories"]
    assert stories
    biggest = max(stories, key=lambda s: s["n_docs"])
    data = seeds_client.get(f"/stories/{biggest['id']}.json").json()
    timeline = data["timeline"]
    assert any(not e["undated"] for e in timeline), "no event dated from the text"
    assert any(e["undated"] and e["placed"] for e in timeline), "no event placed at its publication date"
    # an article with no date at all: its events are listed, and say why they have no place on the axis
    assert all(e["placed"] or e["placed_by"] for e in timeline)
    assert data["matrix"] and data["columns"]
    assert data["disagreements"] and data["speakers"]
    links = [(c["href"], c["title"]) for r in data["matrix"] for c in r["cells"] if c["href"] and "#" in c["href"]]
    links += [(e["href"], e["evidence"]) for e in timeline if e["evidence"]]
    links += [(s["href"], s["text"]) for d in data["disagreements"] for s in d["sides"]]
    links += [(q["href"], q["text"]) for s in data["speakers"] for q in s["quotes"]]
    assert links
    for href, text in links:
        # evidence running over a paragraph break is highlighted a paragraph at a time: its opening must be there
        head = text.lstrip("«“\"' ")[:60]
        assert head in landing_text(seeds_client, href), href
    assert seeds_client.get(f"/stories/{biggest['id']}").status_code == 200
