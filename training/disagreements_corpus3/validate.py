"""Validate the dev corpus-level disagreement set with the frozen set's validator (one format, one checker).

Run: python training/disagreements_corpus3/validate.py   (exit 1 on any error)
"""
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKER = HERE.parents[1] / "frozen" / "disagreements_corpus" / "validate.py"

if __name__ == "__main__":
    spec = importlib.util.spec_from_file_location("frozen_disagreements_corpus_validate", CHECKER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.exit(module.main(HERE))
