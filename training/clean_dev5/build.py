#!/usr/bin/env python3
"""Build training/clean_dev5/articles/*.txt and gold.yaml from the marked-up pages in source_*.txt
(the format and builder: training/clean/devpages.py).

    python training/clean_dev5/build.py [--check]   # --check: fail when the built files differ
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "clean"))

import devpages  # noqa: E402

HEADER = ("# Cleaning dev set training/clean_dev5 (issue 15): invented pages in formats the other sets lack\n"
          "# (live blogs, interviews and Q&A, listicles, data pages, obituaries, court and parliament reports,\n"
          "# in-brief roundups, wire copy, AMP/mobile dumps, foreign-language pages, tokenised text).\n"
          "# Built by build.py from source_*.txt; not trained on. Same format and judgement calls as\n"
          "# training/clean_dev/gold.yaml.\n")

if __name__ == "__main__":
    sys.exit(devpages.main(HERE, HEADER, sys.argv[1:], strip_bullet=True))
