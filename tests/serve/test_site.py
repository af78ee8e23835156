"""The offline site: the app's pages rendered to linked files by `storyline report`, from the same templates."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.cli import app as cli
from storyline.report.pages import Links, csv_file, file_name, sentence_id, table_names
from storyline.serve import create_app
from tests.report.hostile import active_content, hostile_corpus
from tests.serve.helpers import store_from
from tests.serve.test_reader_pages import reader_corpus


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("site")
    db = store_from(reader_corpus(), folder, sentences=True)
    res = CliRunner().invoke(cli, ["report", str(db), "--out", str(folder / "site")])
    assert res.exit_code == 0, res.output
    assert "wrote 15 pages" in res.output  # 3 lists, 3 stories, 4 articles, 3 actors, 2 outlets
    return db, folder / "site"


def _section(html: str, ident: str) -> str:
    found = re.search(rf'<h2 id="{ident}">.*?(?=<h2 |</main>)', html, re.S)
    assert found, ident
    return found.group()


def test_every_page_is_a_file_and_every_link_resolves(site: tuple[Path, Path]) -> None:
    _, out = site
    pages = sorted(out.rglob("*.html"))
    assert {p.relative_to(out).parts[0] for p in pages} == {"index.html", "stories", "articles", "actors", "outlets"}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"]+)"', html):
            if href.startswith(("#", "http")):
                continue
            path, _, fragment = href.partition("#")
            target = (page.parent / path).resolve()
            assert target.is_file(), f"{page.name}: {href}"
            if fragment.startswith("s-"):
                assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), f"{page.name}: {href}"


def test_the_site_and_the_app_render_the_same_page(site: tuple[Path, Path]) -> None:
    db, out = site
    served = TestClient(create_app(db)).get("/stories/s1").text
    written = (out / "stories" / "s1.html").read_text(encoding="utf-8")
    # the same template: identical sections once the app's URLs are turned into the file paths
    app_links, file_links = Links("app"), Links("static", 1)
    for doc in ("n1", "n2", "n4"):
        for start in (None, 0, 31, 43, 72, 82):
            served = served.replace(f'"{app_links.article(doc, start)}"', f'"{file_links.article(doc, start)}"')
    for actor in ("p1", "g1", "o1"):
        served = served.replace(f'"{app_links.actor(actor)}"', f'"{file_links.actor(actor)}"')
    for outlet in ("Coastal Ledger", "Valley Herald"):
        served = served.replace(f'"{app_links.outlet(outlet)}"', f'"{file_links.outlet(outlet)}"')
    for ident in ("timeline", "coverage", "disagreements", "quotes", "copies", "left-out"):
        assert _section(served, ident) == _section(written, ident)
    assert f'href="../articles/n1.html#{sentence_id(0)}"' in written
    assert (out / "articles" / "n1.txt").read_text(encoding="utf-8") == reader_corpus().documents[0].raw


def test_hostile_ids_become_safe_file_names(tmp_path: Path) -> None:
    corpus = hostile_corpus()
    db = store_from(corpus, tmp_path)
    assert CliRunner().invoke(cli, ["report", str(db), "--out", str(tmp_path / "site")]).exit_code == 0
    written = {p.name for p in (tmp_path / "site").rglob("*.html")}
    odd = next(e.id for e in corpus.entities if e.id != file_name(e.id))
    assert f"{file_name(odd)}.html" in written and all(re.fullmatch(r"[\w.-]+", n) for n in written)
    for page in (tmp_path / "site").rglob("*.html"):
        found = active_content(page.read_text(encoding="utf-8"))
        assert found.problems == [] and found.scripts == [], page


def test_report_of_a_missing_store_is_bad_usage(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["report", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2 and "storyline analyze" in res.output


def test_every_page_has_its_tables_as_csv_beside_it(site: tuple[Path, Path]) -> None:
    """Each page links each of its tables as a CSV file next to it, holding what the app serves for it."""
    db, out = site
    client = TestClient(create_app(db))
    pages = {"index.html": ("/", ["stories"]), "stories/s1.html": ("/stories/s1", table_names("story")),
             "articles/n1.html": ("/articles/n1", table_names("article")),
             "actors/p1.html": ("/actors/p1", table_names("actor")),
             f"outlets/{file_name('Valley Herald')}.html": ("/outlets/Valley%20Herald", table_names("outlet")),
             "actors/index.html": ("/actors", ["actors"]), "outlets/index.html": ("/outlets", ["outlets"])}
    for rel, (url, tables) in pages.items():
        page = out / rel
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]+\.csv)" download', html)
        assert links == [csv_file(page.name, t) for t in tables], rel
        for table, href in zip(tables, links):
            written = (page.parent / href).read_bytes()
            served = client.get(f"{url.rstrip('/')}.csv" if url != "/" else "/.csv", params={"table": table})
            assert served.status_code == 200 and written == served.content, (rel, table)
    timeline = (out / "stories" / "s1.timeline.csv").read_text(encoding="utf-8").splitlines()
    assert timeline[0].startswith("id,") and len(timeline) > 2
    # every page has one CSV per table: no page without its files, no file without its page
    for page in out.rglob("*.html"):
        context_page = "index" if page.parent == out else {"stories": "story", "articles": "article",
                                                           "actors": "actor", "outlets": "outlet"}[page.parent.name]
        if page.name == "index.html" and page.parent != out:
            context_page = page.parent.name
        for table in table_names(context_page):
            assert (page.parent / csv_file(page.name, table)).is_file(), (page, table)
