"""Rebuild the blind dev sets from their sources (``register|sentence`` with ``[[spans]]``), each shuffled with
its own seed so near-twins do not sit side by side: blind1 (seed 24, ids dv1-), blind2 (seed 25, ids dv2-).
Byte-identical on a rerun.

Run: python training/loaded/dev/build.py
"""
import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = (("blind1", 24, "dv1"), ("blind2", 25, "dv2"))


def build(name: str, seed: int, prefix: str) -> None:
    rows = []
    for line in (HERE / f"{name}_src.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        register, marked = line.split("|", 1)
        rows.append({"text": re.sub(r"\[\[(.+?)\]\]", r"\1", marked),
                     "spans": re.findall(r"\[\[(.+?)\]\]", marked), "register": register})
    random.Random(seed).shuffle(rows)
    with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as f:
        for n, row in enumerate(rows, 1):
            f.write(json.dumps({"id": f"{prefix}-{n:04d}", **row}, ensure_ascii=False) + "\n")
    print(f"{name}.jsonl: {len(rows)} sentences, {sum(1 for r in rows if r['spans'])} loaded, "
          f"{sum(len(r['spans']) for r in rows)} spans")


def main() -> None:
    for name, seed, prefix in SETS:
        build(name, seed, prefix)


if __name__ == "__main__":
    main()
