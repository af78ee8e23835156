"""Build training/entities_dev15/dev.jsonl from the marked-up sources in src/NN.txt (training/entities/devset.py).

Usage: python training/entities_dev15/build.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "entities"))

import devset  # noqa: E402

if __name__ == "__main__":
    devset.build(HERE)
