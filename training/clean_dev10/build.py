#!/usr/bin/env python3
"""Build training/clean_dev10/articles/*.txt and gold.yaml from the marked-up pages in source_*.txt
(the format and builder: training/clean/devpages.py).

    python training/clean_dev10/build.py [--check]   # --check: fail when the built files differ
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "clean"))

import devpages  # noqa: E402

HEADER = ("# Cleaning dev set training/clean_dev10 (issue 15): invented pages in formats the earlier sets lack\n"
          "# (live blogs with timestamps, press releases with 'About X' and media contacts, listicles, recipes and\n"
          "# consumer pages with product boxes, regional pages with event calendars, wire copy with reporting credits,\n"
          "# cookie, consent and paywall text in the middle, sentence-shaped notices, fact boxes, photo credits,\n"
          "# French, German and Italian pages). Built by build.py from source_*.txt; not trained on.\n")

if __name__ == "__main__":
    sys.exit(devpages.main(HERE, HEADER, sys.argv[1:], strip_bullet=True))
