"""Smoke test of scripts/bench.py: the cheap sections run and print their tables (no timing checks)."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "scripts" / "bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("storyline_bench_script", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_built_corpus_takes_distinct_articles_only(bench, tmp_path):
    from storyline.config import Settings

    src = tmp_path / "set" / "articles"
    src.mkdir(parents=True)
    (src / "one.txt").write_text("Council votes on budget\n\nA council in a small town voted on a budget. It passed.\n")
    (src / "two.txt").write_text("Mill workers strike\n\nWorkers at a mill went on strike over pay on Monday.\n")
    # the same text again (whitespace aside): one article, not two
    (src / "three.txt").write_text("Council votes on budget\n\nA council in a small town  voted on a budget. "
                                   "It passed.")
    built = bench.build_corpus(sorted(src.iterdir()), 7, tmp_path / "out", Settings())
    assert (built.files, built.articles, built.distinct_ids, built.available) == (2, 2, 2, 2)
    small = bench.build_corpus(sorted(src.iterdir()), 1, tmp_path / "small", Settings())
    assert (small.files, small.available) == (1, 2)


def test_the_training_articles_are_distinct_and_mix_the_sets(bench):
    found = bench.training_articles()
    assert len(found) > 300
    assert len({p.read_text("utf-8") for p in found}) == len(found)
    assert len({p.parent.parent.name for p in found[:20]}) > 5


def test_stages_are_the_runs_components(bench):
    from storyline.config import Settings
    from storyline.engine.stages import document_pipeline

    names = [bench.stage_name(p.name) for p in document_pipeline(Settings())]
    assert "events.trained" in names and "quotes.trained" in names and "parse.spacy" in names


def test_quick_run_prints_tables_and_targets(bench, tmp_path, capsys):
    out_json = tmp_path / "bench.json"
    code = bench.main(["--quick", "--sections", "ingest,junk,corpus,stages,e2e", "--profile", "0",
                       "--json", str(out_json)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    for needle in ("ingest+clean", "junk removal", "stated corpus", "parse.spacy", "events.trained", "fuse (",
                   "END TO END", "bare spaCy nlp.pipe", "targets (issue 7)"):
        assert needle in printed, needle
    data = json.loads(out_json.read_text())
    stages = data["sections"]["stages"]
    assert stages["articles"] == bench.QUICK_ARTICLES
    assert stages["words"] > 0 and all(v >= 0 for v in stages["cpu"].values())
    assert data["sections"]["e2e"]["articles"] == bench.QUICK_ARTICLES
