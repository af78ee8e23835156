"""Rebuild training/loaded/: hand.jsonl from hand_src.txt (``register|sentence`` with ``[[spans]]``) and
generated.jsonl from generate.py. Output is byte-identical on a rerun.

Run: python training/loaded/build.py
"""
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    rows = []
    for line in (HERE / "hand_src.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        register, marked = line.split("|", 1)
        rows.append({"id": f"tl-{len(rows) + 1:04d}", "text": re.sub(r"\[\[(.+?)\]\]", r"\1", marked),
                     "spans": re.findall(r"\[\[(.+?)\]\]", marked), "register": register})
    with open(HERE / "hand.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"hand.jsonl: {len(rows)} sentences, {sum(1 for r in rows if r['spans'])} loaded")
    subprocess.run([sys.executable, str(HERE / "generate.py")], check=True)


if __name__ == "__main__":
    main()
