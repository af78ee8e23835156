"""Check training/entities_dev15/dev.jsonl with training/entities' checks, and that it is what src/ builds.

Usage: python training/entities_dev15/validate.py (exits 1 on an error)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "entities"))

import devset  # noqa: E402

if __name__ == "__main__":
    sys.exit(devset.validate(HERE))
