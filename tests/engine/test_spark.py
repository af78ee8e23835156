"""The Spark engine gives the same export as the local engine (local[2])."""
from __future__ import annotations

import json
import shutil

import pytest

from storyline.config import Settings
from storyline.demo import demo_corpus_path
from storyline.engine.local import run

pytestmark = pytest.mark.slow


def _spark_or_skip() -> None:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: the Spark engine needs one (CI installs default-jre-headless)")


def _export(out) -> dict:
    return json.loads((out / "export.json").read_text("utf-8"))


def _first_difference(a: dict, b: dict) -> str | None:
    """Name the first record that differs, so a failure says where the engines part."""
    for table, rows in a.items():
        if rows == b[table]:
            continue
        if not isinstance(rows, list) or len(rows) != len(b[table]):
            return f"{table}: {str(a[table])[:300]} != {str(b[table])[:300]}"
        for x, y in zip(a[table], b[table]):
            if x != y:
                keys = [k for k in x if x.get(k) != y.get(k)]
                return f"{table} {x.get('id', x.get('name'))} differs in {keys}: " + \
                    "; ".join(f"{k}: {str(x.get(k))[:200]} != {str(y.get(k))[:200]}" for k in keys)
    return None


def test_spark_export_equals_local_export(tmp_path, request):
    _spark_or_skip()
    from storyline.engine.spark import spark_analyzer, spark_session

    inputs = [demo_corpus_path()]
    seeds = request.config.rootpath.parent / "shared" / "seeds"
    if seeds.is_dir():
        inputs.append(seeds)
    settings = Settings()
    local_summary, _ = run(inputs, tmp_path / "local", settings)
    spark_summary, _ = run(inputs, tmp_path / "spark", settings, analyzer=spark_analyzer("local[2]"))
    try:
        assert spark_summary.read == local_summary.read >= 10
        assert spark_summary.failed == local_summary.failed == 0
        assert _first_difference(_export(tmp_path / "local"), _export(tmp_path / "spark")) is None
    finally:
        spark_session("local[2]").stop()


def test_cli_spark_engine_writes_partitioned_parquet(tmp_path):
    _spark_or_skip()
    from typer.testing import CliRunner

    from storyline.cli import app
    from storyline.engine.spark import spark_session

    try:
        res = CliRunner().invoke(app, ["analyze", str(demo_corpus_path()), "--out", str(tmp_path / "o"),
                                       "--engine", "spark", "--master", "local[2]"])
        assert res.exit_code == 0, res.output
        months = {p.name for p in (tmp_path / "o" / "parquet" / "documents").iterdir()}
        assert months and all(m.startswith("month=") for m in months)
        assert _export(tmp_path / "o")["documents"]
    finally:
        spark_session("local[2]").stop()
