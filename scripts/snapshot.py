"""Analyse the seeds, the demo corpus and every fixture corpus into one folder, for before/after diffs.

    python scripts/snapshot.py OUT/          # then: diff -r OUT_before OUT_after

A refactor that should change nothing must leave every export.json and report.html byte-identical.
"""
from __future__ import annotations

import sys
from pathlib import Path

from storyline.config import Settings
from storyline.engine.local import run

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {
    "seeds": ROOT.parent / "shared" / "seeds",
    "demo": ROOT / "storyline" / "demo" / "corpus",
    "stories": ROOT / "tests" / "fixtures" / "stories",
    "disagreements_dev": ROOT / "tests" / "fixtures" / "disagreements_dev" / "corpus",
    "quotes_dev": ROOT / "tests" / "fixtures" / "quotes_dev",
    "hostile": ROOT / "tests" / "fixtures" / "hostile",
}


def main(out: str) -> None:
    for name, path in CORPORA.items():
        if not path.exists():
            print(f"{name}: absent, skipped")
            continue
        target = Path(out) / name
        summary, _ = run([path], target, Settings(), reanalyze=True)
        (target / "storyline.duckdb").unlink(missing_ok=True)
        print(f"{name}: {summary.read} documents")


if __name__ == "__main__":
    main(sys.argv[1])
