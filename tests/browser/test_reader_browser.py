"""A reader with a browser on the app's pages: from the stories to a story, to the sentence an outlet's
cell rests on; by keyboard alone; with hostile article text that must never run."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.serve import create_app
from tests.browser.conftest import ServerThread
from tests.report.hostile import hostile_corpus
from tests.serve.helpers import store_from
from tests.serve.test_reader_pages import reader_corpus

pytestmark = pytest.mark.slow

HIGHLIGHT = "rgb(255, 229, 138)"  # --hl in report.css
WIDTHS = (1280, 390)


def _highlighted(page, fragment: str) -> str:  # type: ignore[no-untyped-def]
    return page.eval_on_selector(f".hl:has(> [id='{fragment}'])", "el => getComputedStyle(el).backgroundColor")


def _in_view(page, fragment: str) -> bool:  # type: ignore[no-untyped-def]
    return page.eval_on_selector(f".hl:has(> [id='{fragment}'])", """el => {
        const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; }""")


@pytest.fixture
def reader_site(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = store_from(reader_corpus(), tmp_path, sentences=True)
    with ServerThread(create_app(db)) as base:
        yield base


def test_from_the_stories_to_the_sentence_behind_a_cell(page, reader_site: str, artifacts: Path) -> None:
    base = reader_site
    page.goto(base + "/")
    page.click("text=Rail strike and deal")
    page.wait_for_url("**/stories/s1")
    assert page.locator("#coverage-matrix tbody tr").count() == 4
    assert page.locator("li.undated .pill.placed").first.inner_text() == "placed at publication date"
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(artifacts / f"reader-story-{width}.png"), full_page=True)
    # the Valley Herald's cell for the rejected pay demand: its sentence, highlighted, in view
    page.set_viewport_size({"width": 1280, "height": 900})
    cell = page.locator("#coverage-matrix td.reports a[href*='#s-']").last
    href = cell.get_attribute("href")
    cell.click()
    page.wait_for_url("**" + href)
    fragment = href.split("#", 1)[1]
    assert page.evaluate("location.hash") == "#" + fragment
    assert _highlighted(page, fragment) == HIGHLIGHT and _in_view(page, fragment)
    # the raw text is one click away, as plain text
    page.click("#raw-link")
    page.wait_for_url("**/raw")
    assert page.evaluate("document.contentType") == "text/plain"
    page.go_back()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(artifacts / f"reader-article-{width}.png"), full_page=True)


def test_the_front_page_filters_and_pages_in_the_url(page, reader_site: str) -> None:
    base = reader_site
    page.goto(base + "/?limit=2")
    assert page.locator("#stories tbody tr").count() == 2
    page.click("a[rel=next]")
    page.wait_for_url("**offset=2**")
    assert page.locator("#stories tbody tr").count() == 1
    page.goto(base + "/")
    page.fill("input[name=q]", "herald")
    page.click("form#filters button[type=submit]")
    page.wait_for_url("**q=herald**")
    assert page.locator("#stories tbody tr").count() == 1
    assert "Herald follow-ups" in page.locator("#stories").inner_text()


def test_keyboard_alone_reaches_the_evidence(page, reader_site: str) -> None:
    base = reader_site
    page.goto(base + "/stories/s1")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert skip == "Skip to content"
    assert page.eval_on_selector(".skip", "el => el.getBoundingClientRect().left >= 0")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for _ in range(200):  # tab through the page to the first cell of the coverage matrix
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#coverage-matrix td')"):
            break
    else:
        pytest.fail("no coverage cell can be reached with Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")  # focus is visible
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + href)
    if "#" in href:
        assert _highlighted(page, href.split("#", 1)[1]) == HIGHLIGHT


def test_no_script_from_article_text_runs(page, tmp_path: Path, artifacts: Path) -> None:
    corpus = hostile_corpus()
    db = store_from(corpus, tmp_path, sentences=True)
    with ServerThread(create_app(db)) as base:
        paths = ["/", "/actors", "/outlets", f"/stories/{corpus.stories[0].id}"]
        paths += [f"/articles/{d.id}" for d in corpus.documents] + [f"/articles/{corpus.documents[0].id}/raw"]
        for path in paths:
            page.goto(base + path)
            assert page.evaluate("typeof window.__xss") == "undefined", path
        # follow the links to the actors, whose ids and names carry payloads
        page.goto(base + f"/articles/{corpus.documents[0].id}")
        hrefs = page.eval_on_selector_all("a[href^='/actors/'], a[href^='/outlets/']", "els => els.map(e => e.href)")
        assert hrefs
        for href in hrefs:
            page.goto(href)
            assert page.locator("h1").count() == 1, href
            assert page.evaluate("typeof window.__xss") == "undefined", href
        page.goto(base + f"/articles/{corpus.documents[0].id}")
        page.screenshot(path=str(artifacts / "reader-article-hostile.png"), full_page=True)
    assert page.dialogs == []


def test_actor_page_quotes_about_it_and_a_table_downloads_as_csv(page, reader_site: str, artifacts: Path) -> None:
    page.goto(reader_site + "/actors/p1")
    about = page.locator("#quotes-about-list li")
    assert about.count() == 1 and "unfair" in about.first.inner_text()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(artifacts / f"reader-actor-{width}.png"), full_page=True)
    with page.expect_download() as info:
        page.click("footer.downloads a:text('quotes_about.csv')")
    saved = Path(info.value.path())
    lines = saved.read_text("utf-8").splitlines()
    assert lines[0].startswith("text,") and "unfair" in lines[1]


def test_the_offline_site_downloads_a_table_without_a_server(page, tmp_path: Path, artifacts: Path) -> None:
    """`storyline report --out DIR`: a story page opened from disk links its tables' CSV files beside it."""
    from storyline.report.pages import write_site
    from storyline.store import Store

    db = store_from(reader_corpus(), tmp_path, sentences=True)
    with Store(db, read_only=True) as store:
        write_site(store, tmp_path / "site")
    page.goto((tmp_path / "site" / "stories" / "s1.html").as_uri())
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(artifacts / f"site-story-{width}.png"), full_page=True)
    with page.expect_download() as info:
        page.click("footer.downloads a:text('timeline.csv')")
    lines = Path(info.value.path()).read_text("utf-8").splitlines()
    assert lines[0].startswith("id,") and len(lines) > 2
    assert lines == (tmp_path / "site" / "stories" / "s1.timeline.csv").read_text("utf-8").splitlines()


def test_report_of_a_large_store_is_the_summary_linking_the_pages(page, tmp_path: Path, artifacts: Path) -> None:
    """Above report_max_documents /report never renders the corpus: a summary whose stories link their pages."""
    from storyline.config import Settings

    db = store_from(reader_corpus(), tmp_path, sentences=True)
    with ServerThread(create_app(db, settings=Settings(report_max_documents=2))) as base:
        page.goto(base + "/report")
        assert "too large for the single-page report" in page.inner_text("body")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=str(artifacts / f"report-summary-{width}.png"), full_page=True)
        page.click("table a >> nth=0")
        page.wait_for_url("**/stories/**")
        assert page.locator("#coverage-matrix").count() == 1
