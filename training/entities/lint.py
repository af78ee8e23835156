"""List capitalised words outside mentions, to catch unmarked names while writing (advisory, not a check).

Usage: python training/entities/lint.py [NN ...]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = set("""A An The This That These Those It Its He She His Her They Their We Our I You Some Many Most More
After Before In On At Of For From To With By As And But Or If When While Analysts Shares Officials Aid Every
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Schools Known Speaking Interior Defence Defense Finance Health Foreign
President Prime Minister Minister Secretary Home Opposition Planning Programme Governor Spokesman Sen Mr Ms
Mrs Dr Judge General Gen Electric Electrical U.S. UN Defence Attorney District Chief Deputy Police Prosecutors
There Sudanese Egyptian British French Polish Chinese Philippine Russian Ukrainian Brazilian Spanish American
Kenyan Nigerian Indian Turkish Mexican Fishermen Only Under Both One Two Three Four No Yes""".split())
WORD = re.compile(r"\b[A-Z][\w'.-]*")


def main() -> None:
    want = set(sys.argv[1:])
    for line in (HERE / "train.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if want and rec["id"].split("-")[-1] not in want:
            continue
        for doc in rec["docs"]:
            covered = [(m["start"], m["end"]) for m in doc["mentions"]]
            hits = []
            for w in WORD.finditer(doc["text"]):
                if any(s <= w.start() < e for s, e in covered) or w.group(0).rstrip(".'s") in SKIP:
                    continue
                hits.append(w.group(0))
            if hits:
                print(doc["id"], " ".join(hits))


if __name__ == "__main__":
    main()
