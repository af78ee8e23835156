"""A person with a browser: the static report and the web app, opened, filtered, clicked."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.report.render import write_report
from storyline.serve import create_app
from tests.browser.conftest import ServerThread
from tests.conftest import make_corpus
from tests.report.hostile import hostile_corpus
from tests.serve.helpers import store_from

pytestmark = pytest.mark.slow

HIGHLIGHT = "rgb(255, 229, 138)"  # --hl in report.css


def _background(page, selector: str) -> str:  # type: ignore[no-untyped-def]
    return page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")


def _visible_rows(page) -> int:  # type: ignore[no-untyped-def]
    return page.locator("#events tbody tr:visible").count()


def test_static_report_filters_and_highlights_evidence(page, tmp_path: Path, artifacts: Path) -> None:
    path = tmp_path / "report.html"
    write_report(hostile_corpus(), path)
    page.goto(path.as_uri())
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert _visible_rows(page) == 2
    # filter by event type: the page's own script runs under its CSP and hides the other row
    page.select_option("select[name=type]", "REJECT")
    assert _visible_rows(page) == 1
    assert "1 events" in page.locator("#filter-count").inner_text()
    page.select_option("select[name=type]", "")
    page.fill("input[name=q]", "pier cafe")
    assert page.locator("article[data-article]:visible").count() == 1
    page.fill("input[name=q]", "")
    # click an event's evidence: its sentence is highlighted in the article
    link = page.locator("#events a.evidence").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    hl = f".hl:has(> [id='{target[1:]}'])"
    assert _background(page, hl) == HIGHLIGHT
    assert page.locator(hl).is_visible()
    # removed boilerplate appears struck through on demand
    assert not page.locator("p.rm").first.is_visible()
    page.check("#show-removed")
    assert page.locator("p.rm").first.is_visible()
    assert page.eval_on_selector("p.rm", "el => getComputedStyle(el).textDecorationLine") == "line-through"
    page.screenshot(path=str(artifacts / "report-hostile.png"), full_page=True)
    assert page.evaluate("typeof window.__xss") == "undefined" and page.dialogs == []


def test_static_report_of_a_small_corpus(page, tmp_path: Path, artifacts: Path) -> None:
    path = tmp_path / "report.html"
    write_report(make_corpus(), path)
    page.goto(path.as_uri())
    page.locator("svg#timeline-chart a, #events a.evidence").first.click()
    target = page.evaluate("location.hash")
    assert _background(page, f".hl:has(> [id='{target[1:]}'])") == HIGHLIGHT
    page.screenshot(path=str(artifacts / "report-small.png"), full_page=True)


def test_web_app_search_filter_and_evidence(page, tmp_path: Path, artifacts: Path) -> None:
    db = store_from(hostile_corpus(), tmp_path)
    with ServerThread(create_app(db)) as base:
        page.goto(base + "/report")
        assert page.evaluate("typeof window.__xss") == "undefined"
        total = page.locator("article[data-article]").count()
        page.select_option("select[name=type]", "ACCUSE")
        page.click("form#filters button[type=submit]")
        page.wait_for_url("**type=ACCUSE**")
        assert page.locator("#events tbody tr").count() == 1
        page.locator("#events a.evidence").first.click()
        target = page.evaluate("location.hash")
        assert _background(page, f".hl:has(> [id='{target[1:]}'])") == HIGHLIGHT
        page.goto(base + "/report?q=ferry")
        assert 0 < page.locator("article[data-article]").count() < total
        page.screenshot(path=str(artifacts / "serve-filtered.png"), full_page=True)
        api = page.request.get(base + "/api/events?type=ACCUSE").json()
        assert api["total"] == 1
        assert page.evaluate("typeof window.__xss") == "undefined" and page.dialogs == []
