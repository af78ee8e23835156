"""What `storyline analyze` writes after an update: the export streamed from the store, the same file as
the export of the corpus read back whole, and a summary page in place of the single-page report when the
store is larger than ``report_max_documents``."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from tests.engine.test_local import ARTICLE_A, ARTICLE_B

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture
def two_runs(tmp_path):
    """A store analysed from one article, then updated with a second (incremental fuse)."""
    one, two, out = tmp_path / "one", tmp_path / "two", tmp_path / "out"
    one.mkdir()
    two.mkdir()
    (one / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (two / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(one), "--out", str(out)])
    assert res.exit_code == 0, res.output
    first_report = (out / "report.html").read_text("utf-8")
    res = runner.invoke(app, ["analyze", str(two), "--out", str(out), "--set", "report_max_documents=1"])
    assert res.exit_code == 0, res.output
    return two, out, first_report


def test_the_updated_export_is_the_export_of_the_store(two_runs, tmp_path):
    two, out, _ = two_runs
    res = runner.invoke(app, ["export", str(out / "storyline.duckdb"), "--out", str(tmp_path / "whole.json")])
    assert res.exit_code == 0, res.output
    streamed = (out / "export.json").read_bytes()
    assert streamed == (tmp_path / "whole.json").read_bytes()
    assert b'"documents": [' in streamed
    # nothing new: the same bytes again
    res = runner.invoke(app, ["analyze", str(two), "--out", str(out), "--set", "report_max_documents=1"])
    assert res.exit_code == 0 and "1 already in the store" in res.output
    assert (out / "export.json").read_bytes() == streamed


def test_above_the_limit_the_report_is_a_summary_and_the_site_is_on_demand(two_runs, tmp_path):
    _, out, first_report = two_runs
    summary = (out / "report.html").read_text("utf-8")
    assert "storyline report" in summary and "<li>2 documents</li>" in summary
    assert len(summary) < len(first_report) / 5  # the first run, 1 document, had the single-page report
    assert "Largest stories" in summary and summary.count("<tr>") >= 2
    res = runner.invoke(app, ["report", str(out / "storyline.duckdb"), "--out", str(tmp_path / "site")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "site" / "index.html").is_file() and any((tmp_path / "site" / "articles").iterdir())


def test_a_summary_is_replaced_by_the_full_report_under_the_limit(two_runs):
    two, out, _ = two_runs
    res = runner.invoke(app, ["analyze", str(two), "--out", str(out), "--full"])
    assert res.exit_code == 0, res.output
    page = (out / "report.html").read_text("utf-8")
    assert "report_max_documents" not in page and "Sylvania" in page
