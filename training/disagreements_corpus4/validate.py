"""Validate the fourth dev corpus-level disagreement set with the frozen set's validator (one format, one checker).

This set is smaller than the frozen one (16 stories, 3-4 outlets each, where the checker asks for 24 corpora):
its "fewer than 24 corpora" is allowed down to 12 corpora; every other error fails.

Run: python training/disagreements_corpus4/validate.py [FOLDER]   (exit 1 on any error; FOLDER defaults to this set:
the later dev sets, training/disagreements_corpus5 and up, are checked by passing their folder)
"""
import contextlib
import importlib.util
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKER = HERE.parents[1] / "frozen" / "disagreements_corpus" / "validate.py"
MIN_CORPORA = 12

def main(folder: Path) -> int:
    """0 when ``folder`` passes the frozen set's checks, allowing a smaller set (``MIN_CORPORA`` and up)."""
    spec = importlib.util.spec_from_file_location("frozen_disagreements_corpus_validate", CHECKER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = module.main(folder)
    print(out.getvalue(), end="")
    n_corpora = sum(1 for p in folder.iterdir() if p.is_dir())
    lines = out.getvalue().splitlines()
    # the counts lines are not errors; "fewer than 24 corpora" is the one the smaller set may print
    errors = [x for x in lines if not x.startswith(("labels:", "fewer than 24 corpora")) and " corpora, " not in x]
    return 1 if rc and (errors or n_corpora < MIN_CORPORA) else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE))
