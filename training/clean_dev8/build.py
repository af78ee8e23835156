#!/usr/bin/env python3
"""Build training/clean_dev8/articles/*.txt and gold.yaml from the marked-up pages in source_*.txt
(the format and builder: training/clean/devpages.py).

    python training/clean_dev8/build.py [--check]   # --check: fail when the built files differ
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "clean"))

import devpages  # noqa: E402

HEADER = ("# Cleaning dev set training/clean_dev8 (issue 15): invented pages in formats the earlier sets lack\n"
          "# (tokenised wire copy, comment threads around an article, broadcast transcripts with speaker labels,\n"
          "# flattened tables inside the body, live blogs, press releases with boilerplate and contacts, cookie,\n"
          "# paywall and app prompts in the middle of the body, photo galleries, German and French pages,\n"
          "# Arabic-script and Cyrillic names in Latin text). Built by build.py from source_*.txt; not trained on.\n"
          "# Same format and judgement calls as training/clean_dev7/gold.yaml.\n")

if __name__ == "__main__":
    sys.exit(devpages.main(HERE, HEADER, sys.argv[1:], strip_bullet=True))
