"""Smoke test of scripts/bench.py: the cheap sections run and print their tables (no timing checks)."""
from __future__ import annotations

import gzip
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


def test_mark_copy_changes_every_format(bench):
    txt = bench.mark_copy("a.txt", b"Line one.\n", 3)
    assert txt.endswith(b"(Archive copy 3.)\n")
    html = bench.mark_copy("a.html", b"<html><body><article><p>Body text.</p></article>"
                                     b"<footer><p>c</p></footer></body></html>", 2).decode()
    assert html.index("(Archive copy 2.)") < html.index("</article>")
    rec = bench.mark_copy("a.jsonl", b'{"text": "Body."}\n{"text": "Other."}\n', 5).decode()
    assert [json.loads(ln)["text"] for ln in rec.splitlines()] == \
        ["Body.\n\n(Archive copy 5.)", "Other.\n\n(Archive copy 5.)"]
    gz = bench.mark_copy("a.txt.gz", gzip.compress(b"Zipped."), 7)
    assert gzip.decompress(gz).endswith(b"(Archive copy 7.)\n")


def test_built_corpus_has_distinct_ids(bench, tmp_path):
    from storyline.config import Settings

    src = tmp_path / "src"
    src.mkdir()
    (src / "one.txt").write_text("A council in a small town voted on a budget.\n\nIt passed.\n")
    (src / "two.html").write_text("<html><body><article><p>Workers at a mill went on strike "
                                  "over pay on Monday.</p></article></body></html>")
    built = bench.build_corpus(sorted(src.iterdir()), 7, tmp_path / "out", Settings())
    assert built.articles >= 7
    assert built.distinct_ids == built.articles
    assert built.copies == 4


def test_quick_run_prints_tables_and_targets(bench, tmp_path, capsys):
    out_json = tmp_path / "bench.json"
    code = bench.main(["--quick", "--sections", "ingest,junk,corpus,stages,e2e", "--profile", "0",
                       "--json", str(out_json)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    for needle in ("ingest+clean", "junk removal", "stated corpus", "nlp.parse", "fuse (",
                   "END TO END", "bare spaCy nlp.pipe", "targets (issue 7)"):
        assert needle in printed, needle
    data = json.loads(out_json.read_text())
    stages = data["sections"]["stages"]
    assert stages["articles"] == bench.QUICK_ARTICLES
    assert stages["words"] > 0 and all(v >= 0 for v in stages["cpu"].values())
    assert data["sections"]["e2e"]["articles"] == bench.QUICK_ARTICLES
