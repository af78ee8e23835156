"""Check training/entities_dev3/dev.jsonl with training/entities' checks, and that it is what src/ builds.

Usage: python training/entities_dev3/validate.py (exits 1 on an error)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build import OUT, _entities_module, records  # noqa: E402


def main() -> None:
    check = _entities_module("validate")
    built = records()
    stored = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines() if line]
    errors: list[str] = []
    if built != stored:
        errors.append("dev.jsonl differs from what src/ builds: run build.py")
    codes = check.iso3_codes()
    for rec in stored:
        check.check_record(rec, codes, errors)
    for name, n in check.phenomena(stored, __import__("collections").Counter()):
        print(f"{n:6d}  {name}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(errors)} errors in {len(stored)} records")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
