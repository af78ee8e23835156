"""The whole pipeline through the CLI on small team-written inputs, good and bad."""
from __future__ import annotations

import gzip
import json

import duckdb
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.export import validate

pytestmark = pytest.mark.slow
runner = CliRunner()

ARTICLE_A = """Home | World | Freedonia and Sylvania agree on river talks

Freedonia and Sylvania agree on river talks

By Mira Castell
12 March 2024

Freedonian Foreign Minister Ana Vell met Sylvanian President Otto Brandt in Lakeport on Monday.
The two governments agreed to resume talks on the shared river next month, Vell told reporters.
"We will not accept any dam without an agreement," Brandt said.

Share this article on social media
"""

ARTICLE_B = """Sylvania rejects Freedonian dam plan

Sylvania on Tuesday rejected Freedonia's plan to build a dam on the shared river, the Sylvanian
foreign ministry said in a statement. Freedonia had offered $40 million in compensation.
"""


@pytest.fixture
def corpus_dir(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "sub" / "b.txt.gz").write_bytes(gzip.compress(ARTICLE_B.encode("cp1252")))
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (d / "broken.txt.gz").write_bytes(gzip.compress(ARTICLE_B.encode())[:30])
    (d / "notes.xyz").write_text("not an article", encoding="utf-8")
    return d


def test_analyze_writes_every_output_and_reports_bad_files(corpus_dir, tmp_path):
    out = tmp_path / "out"
    res = runner.invoke(app, ["analyze", str(corpus_dir), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "2 documents read" in res.output and "1 skipped" in res.output and "3 failed" in res.output
    for name in ("storyline.duckdb", "export.json", "report.html", "errors.jsonl"):
        assert (out / name).is_file()
    data = json.loads((out / "export.json").read_text("utf-8"))
    validate(data)
    assert len(data["documents"]) == 2
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert {e["reason"] for e in errors} >= {"empty", "binary", "unsupported"}
    assert any("broken.txt.gz" in e["source"] for e in errors)
    con = duckdb.connect(str(out / "storyline.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_rerun_is_idempotent(corpus_dir, tmp_path):
    out = tmp_path / "out"
    runner.invoke(app, ["analyze", str(corpus_dir), "--out", str(out)])
    first = json.loads((out / "export.json").read_text("utf-8"))
    res = runner.invoke(app, ["analyze", str(corpus_dir), "--out", str(out)])
    assert res.exit_code == 0
    assert "2 already in the store" in res.output
    second = json.loads((out / "export.json").read_text("utf-8"))
    assert first == second


def test_no_document_exits_1(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_text("", encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(d), "--out", str(tmp_path / "out")])
    assert res.exit_code == 1


def test_export_round_trip_from_the_store(corpus_dir, tmp_path):
    out = tmp_path / "out"
    runner.invoke(app, ["analyze", str(corpus_dir), "--out", str(out)])
    res = runner.invoke(app, ["export", str(out / "storyline.duckdb"), "--format", "json",
                              "--out", str(tmp_path / "again.json")])
    assert res.exit_code == 0
    assert json.loads((tmp_path / "again.json").read_text("utf-8")) == \
        json.loads((out / "export.json").read_text("utf-8"))
    res = runner.invoke(app, ["export", str(out / "storyline.duckdb"), "--format", "parquet",
                              "--out", str(tmp_path / "pq")])
    assert res.exit_code == 0 and (tmp_path / "pq" / "events.parquet").is_file()


def test_offsets_in_the_export_point_into_raw_text(corpus_dir, tmp_path):
    from storyline.store import Store

    out = tmp_path / "out"
    runner.invoke(app, ["analyze", str(corpus_dir), "--out", str(out)])
    with Store(out / "storyline.duckdb", read_only=True) as store:
        raw = {d.id: d.raw for d in store.documents()}
    data = json.loads((out / "export.json").read_text("utf-8"))
    spans = [m for e in data["entities"] for m in e["mentions"]]
    spans += [s for e in data["events"] for s in e["evidence"]]
    spans += [{"doc": d["id"], **r} for d in data["documents"] for r in d["removed"]]
    assert spans
    for s in spans:
        assert raw[s["doc"]][s["start"]:s["end"]] == s["text"], s


def test_reanalyze_replaces_stored_analyses(corpus_dir, tmp_path):
    out = tmp_path / "out"
    runner.invoke(app, ["analyze", str(corpus_dir), "--out", str(out)])
    res = runner.invoke(app, ["analyze", str(corpus_dir), "--out", str(out), "--reanalyze"])
    assert res.exit_code == 0
    assert "0 already in the store" in res.output
    con = duckdb.connect(str(out / "storyline.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM analyses").fetchone()[0] == 2


def test_feed_metadata_in_odd_shapes_never_breaks_the_export(tmp_path):
    recs = [
        {"title": "Harbour reopens", "date": "2024-05-01T10:00:00Z", "url": "https://example.org/a",
         "text": "The port authority of Lakeport reopened the harbour on Friday, officials said."},
        {"title": "Rail line opens", "date": 1714560000,
         "text": "The national railway opened a new line to Lakeport on Tuesday, the minister said."},
        {"title": "Bridge approved", "date": "sometime last spring",
         "text": "The council approved a bridge over the river on Monday, the mayor said."},
    ]
    src = tmp_path / "feed.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(src), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "out" / "export.json").read_text("utf-8"))
    validate(data)
    by_title = {d["title"]: d for d in data["documents"]}
    assert by_title["Harbour reopens"]["published"] == "2024-05-01"
    assert by_title["Harbour reopens"]["url"] == "https://example.org/a"
    assert by_title["Rail line opens"]["published"] == "2024-05-01"
    assert by_title["Bridge approved"]["published"] is None


def test_new_files_join_the_stored_corpus_and_full_recomputes_it(tmp_path):
    one, two, out = tmp_path / "one", tmp_path / "two", tmp_path / "out"
    one.mkdir()
    two.mkdir()
    (one / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (two / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    assert runner.invoke(app, ["analyze", str(one), "--out", str(out)]).exit_code == 0
    res = runner.invoke(app, ["analyze", str(two), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "0 already in the store" in res.output
    added = json.loads((out / "export.json").read_text("utf-8"))
    validate(added)
    res = runner.invoke(app, ["analyze", str(two), "--out", str(out), "--full"])
    assert res.exit_code == 0 and "1 already in the store" in res.output
    full = json.loads((out / "export.json").read_text("utf-8"))
    assert len(added["documents"]) == len(full["documents"]) == 2
    assert sorted(sorted(s["docs"]) for s in added["stories"]) == sorted(sorted(s["docs"]) for s in full["stories"])
    assert sorted((e["name"], e["type"], len(e["mentions"])) for e in added["entities"]) == \
        sorted((e["name"], e["type"], len(e["mentions"])) for e in full["entities"])
    assert sorted(e["id"] for e in added["events"]) == sorted(e["id"] for e in full["events"])
    names = {e["id"]: e["name"] for e in added["entities"]}
    full_names = {e["id"]: e["name"] for e in full["entities"]}
    assert sorted((e["id"], names.get(e["source"]), names.get(e["target"])) for e in added["events"]) == \
        sorted((e["id"], full_names.get(e["source"]), full_names.get(e["target"])) for e in full["events"])


def test_a_run_leaves_no_object_frozen_out_of_the_collector(corpus_dir, tmp_path, monkeypatch):
    # run() freezes the objects alive after the analyses while it fuses and writes (cheaper collections); a
    # process that runs analyses in a loop (the web app, a notebook) must get them back, also when a write fails
    import gc

    from storyline.config import Settings
    from storyline.engine.local import run

    before = gc.get_freeze_count()
    summary, corpus = run([corpus_dir], tmp_path / "out", Settings())
    assert summary.read == 2 and len(corpus.documents) == 2
    assert gc.get_freeze_count() == before

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("storyline.export.json.write_json_store", broken)
    with pytest.raises(OSError, match="disk full"):
        run([corpus_dir], tmp_path / "out2", Settings())
    assert gc.get_freeze_count() == before
