from __future__ import annotations

import json

from typer.testing import CliRunner

from storyline.cli import app, build_settings
from storyline.config import Settings

runner = CliRunner()


def test_help_explains_every_command():
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    for cmd in ("analyze", "export", "settings"):
        assert cmd in res.output


def test_bad_usage_exits_2():
    assert runner.invoke(app, ["analyze"]).exit_code == 2              # no paths, no --out
    assert runner.invoke(app, ["export", "x.duckdb", "--format", "xml", "--out", "o"]).exit_code == 2
    assert runner.invoke(app, ["nonsense"]).exit_code == 2


def test_export_of_a_missing_store_is_bad_usage(tmp_path):
    res = runner.invoke(app, ["export", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "x.json")])
    assert res.exit_code == 2
    assert "storyline analyze" in res.output


def test_settings_lists_every_setting_with_help():
    res = runner.invoke(app, ["settings", "--json"])
    rows = json.loads(res.output)["settings"]
    assert {"spacy_model", "max_file_bytes", "workers", "pipeline"} <= {r["name"] for r in rows}
    assert all(r["help"] for r in rows)


def test_settings_shows_each_pipeline_with_requires_and_assigns():
    shown = json.loads(runner.invoke(app, ["settings", "--json"]).output)
    pipeline = shown["pipelines"]["pipeline"]
    assert [p["name"] for p in pipeline] == Settings().pipeline
    events = next(p for p in pipeline if p["name"] == "storyline.events.trained.v1")
    assert "doc.mentions" in events["requires"] and events["assigns"] == ["doc.events"]
    assert "storyline.fuse.stories.v1" in {p["name"] for p in shown["pipelines"]["fuse_pipeline"]}
    text = runner.invoke(app, ["settings"]).output
    assert "storyline.parse.spacy.v1  requires doc.clean  assigns doc.parse" in text


def test_a_misordered_pipeline_is_refused_with_exit_2_before_reading(tmp_path):
    order = ",".join(n for n in Settings().pipeline if n != "storyline.parse.spacy.v1") + \
        ",storyline.parse.spacy.v1"
    res = runner.invoke(app, ["analyze", str(tmp_path), "--out", str(tmp_path / "o"), "--set", f"pipeline={order}"])
    assert res.exit_code == 2
    assert "requires doc.parse" in res.output and not (tmp_path / "o").exists()


def test_set_overrides_are_typed_and_checked():
    s = build_settings(["max_file_bytes=10", "spacy_model=en_core_web_trf", "story_threshold=0.5"], workers=2)
    assert (s.max_file_bytes, s.spacy_model, s.story_threshold, s.workers) == (10, "en_core_web_trf", 0.5, 2)
    res = runner.invoke(app, ["analyze", "x", "--out", "o", "--set", "no_such_setting=1"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["analyze", "x", "--out", "o", "--set", "workers=many"])
    assert res.exit_code == 2


def test_settings_that_cannot_work_for_any_document_stop_the_run_with_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text("Council backs budget\n\nThe town council approved the budget on Tuesday "
                                    "after a long debate about school funding.\n", encoding="utf-8")
    order = ",".join(n.replace("events.trained", "events.llm") for n in Settings().pipeline)
    res = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"),
                              "--set", f"pipeline={order}"])
    assert res.exit_code == 2 and "llm_endpoint" in res.output
