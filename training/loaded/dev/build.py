"""Rebuild blind1.jsonl from blind1_src.txt (``register|sentence`` with ``[[spans]]``), shuffled (seed 24)
so near-twins do not sit side by side. Byte-identical on a rerun.

Run: python training/loaded/dev/build.py
"""
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    rows = []
    for line in (HERE / "blind1_src.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        register, marked = line.split("|", 1)
        rows.append({"text": re.sub(r"\[\[(.+?)\]\]", r"\1", marked),
                     "spans": re.findall(r"\[\[(.+?)\]\]", marked), "register": register})
    random.Random(24).shuffle(rows)
    with open(HERE / "blind1.jsonl", "w", encoding="utf-8") as f:
        for n, row in enumerate(rows, 1):
            f.write(json.dumps({"id": f"dv1-{n:04d}", **row}, ensure_ascii=False) + "\n")
    print(f"blind1.jsonl: {len(rows)} sentences, {sum(1 for r in rows if r['spans'])} loaded, "
          f"{sum(len(r['spans']) for r in rows)} spans")


if __name__ == "__main__":
    main()
