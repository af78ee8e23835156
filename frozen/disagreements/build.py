"""Build frozen/disagreements/test.jsonl from src.txt. Run: python frozen/disagreements/build.py

src.txt holds blank-line separated blocks:
    S: story      L: label
    A: outlet :: text :: evidence      (evidence "-" for label none)
    B: outlet :: text :: evidence
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def side(line):
    outlet, text, ev = (p.strip() for p in line[2:].split("::"))
    return {"outlet": outlet, "text": text}, (None if ev == "-" else ev)


def parse(path=HERE / "src.txt"):
    rows = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        f = {ln[:1]: ln for ln in block.strip().split("\n")}
        a, ea = side(f["A"])
        b, eb = side(f["B"])
        rows.append({"id": f"fd-{len(rows) + 1:03d}", "story": f["S"][2:].strip(), "a": a, "b": b,
                     "label": f["L"][2:].strip(), "evidence_a": ea, "evidence_b": eb})
    return rows


def main():
    rows = parse()
    with open(HERE / "test.jsonl", "w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
