from __future__ import annotations

import json

from typer.testing import CliRunner

from storyline.cli import app, build_settings

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
    rows = json.loads(res.output)
    assert {"spacy_model", "max_file_bytes", "workers"} <= {r["name"] for r in rows}
    assert all(r["help"] for r in rows)


def test_set_overrides_are_typed_and_checked():
    s = build_settings(["max_file_bytes=10", "spacy_model=en_core_web_trf", "story_threshold=0.5"], workers=2)
    assert (s.max_file_bytes, s.spacy_model, s.story_threshold, s.workers) == (10, "en_core_web_trf", 0.5, 2)
    res = runner.invoke(app, ["analyze", "x", "--out", "o", "--set", "no_such_setting=1"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["analyze", "x", "--out", "o", "--set", "workers=many"])
    assert res.exit_code == 2
