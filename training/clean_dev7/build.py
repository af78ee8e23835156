#!/usr/bin/env python3
"""Build training/clean_dev7/articles/*.txt and gold.yaml from the marked-up pages in source_*.txt
(the format and builder: training/clean/devpages.py).

    python training/clean_dev7/build.py [--check]   # --check: fail when the built files differ
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "clean"))

import devpages  # noqa: E402

HEADER = ("# Cleaning dev set training/clean_dev7 (issue 15): invented pages in formats the earlier sets lack\n"
          "# (regional pages with sidebars, trade press, match reports with line-ups and scorecards, government\n"
          "# press rooms, science news with references and figure captions, newsletters pasted as text,\n"
          "# related-story blocks inside the body, Portuguese, Italian, Turkish, Polish and Indonesian pages).\n"
          "# Built by build.py from source_*.txt; not trained on. Same format and judgement calls as\n"
          "# training/clean_dev6/gold.yaml.\n")

if __name__ == "__main__":
    sys.exit(devpages.main(HERE, HEADER, sys.argv[1:], strip_bullet=True))
