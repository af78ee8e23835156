#!/usr/bin/env python3
"""Build training/clean_dev9/articles/*.txt and gold.yaml from the marked-up pages in source_*.txt
(the format and builder: training/clean/devpages.py).

    python training/clean_dev9/build.py [--check]   # --check: fail when the built files differ
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "clean"))

import devpages  # noqa: E402

HEADER = ("# Cleaning dev set training/clean_dev9 (issue 15): invented pages in formats the earlier sets lack\n"
          "# (e-mail digests, Q&A interviews, court and council reports, match reports with line-ups and box scores,\n"
          "# obituaries with service details, PDF-extracted text, podcast show notes, related blocks in the middle,\n"
          "# author bios, corrections and editor's notes as body, Spanish, Portuguese and Russian pages).\n"
          "# Built by build.py from source_*.txt; not trained on. Same format as training/clean_dev8/gold.yaml.\n")

if __name__ == "__main__":
    sys.exit(devpages.main(HERE, HEADER, sys.argv[1:], strip_bullet=True))
