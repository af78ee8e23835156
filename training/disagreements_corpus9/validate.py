"""Validate the ninth dev corpus-level disagreement set with the fourth set's checker (the frozen set's validator,
allowing a smaller set: 16 stories where the frozen checker asks for 24 corpora).

Run: python training/disagreements_corpus8/validate.py   (exit 1 on any error)
"""
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    spec = importlib.util.spec_from_file_location("disagreements_corpus4_validate",
                                                  HERE.parent / "disagreements_corpus4" / "validate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.exit(module.main(HERE))
