#!/usr/bin/env python3
"""Build training/clean_dev6/articles/*.txt and gold.yaml from the marked-up pages in source_*.txt
(the format and builder: training/clean/devpages.py).

    python training/clean_dev6/build.py [--check]   # --check: fail when the built files differ
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "clean"))

import devpages  # noqa: E402

HEADER = ("# Cleaning dev set training/clean_dev6 (issue 15): invented pages whose body looks like furniture\n"
          "# (lists and step lists, key-point boxes, forum threads and reader Q&A, flattened tables, short-turn\n"
          "# transcripts, live blogs, one-sentence paragraphs, fact-bearing captions, non-Latin scripts) mixed\n"
          "# with list-shaped furniture. Built by build.py from source_*.txt; not trained on. Same format and\n"
          "# judgement calls as training/clean_dev/gold.yaml.\n")

if __name__ == "__main__":
    sys.exit(devpages.main(HERE, HEADER, sys.argv[1:], strip_bullet=True))
