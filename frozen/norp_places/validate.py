"""Validate frozen/norp_places/test.jsonl (or a passages file given) and print its label counts.

Run: python frozen/norp_places/validate.py [FILE]   (exit 1 on any error)

Each line: {"text": a passage, "labels": {name: "place" | "group"}}, every name written in its passage. The names the
training passages (training/norp_places/passages.jsonl) also label are counted: a faith or party word recurs
(a faith is every region's), a place must not.
"""
import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRAINING = HERE.parents[1] / "training" / "norp_places" / "passages.jsonl"
LABELS = {"place", "group"}


def read(path):
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def main(path=HERE / "test.jsonl"):
    errs = []
    rows = read(path)
    texts = set()
    for k, r in enumerate(rows):
        if set(r) != {"text", "labels"}:
            errs.append(f"line {k + 1}: fields {sorted(r)}")
            continue
        if r["text"] in texts:
            errs.append(f"line {k + 1}: duplicate passage")
        texts.add(r["text"])
        if not r["labels"]:
            errs.append(f"line {k + 1}: no labelled name")
        for name, label in r["labels"].items():
            if label not in LABELS:
                errs.append(f"line {k + 1}: {name!r} label {label!r}")
            if name not in r["text"]:
                errs.append(f"line {k + 1}: {name!r} is not in its passage")
    c = collections.Counter(v for r in rows for v in r["labels"].values())
    print(f"{path.name}: {len(rows)} passages, {sum(c.values())} names: {dict(c)}")
    if path.resolve() != TRAINING.resolve() and TRAINING.is_file():
        train = {(n, v) for r in read(TRAINING) for n, v in r["labels"].items()}
        shared = {(n, v) for r in rows for n, v in r["labels"].items()} & train
        print(f"names the training passages label too: {len(shared)} ({sorted(n for n, _ in shared)})")
        errs.extend(f"place {n!r} is in the training passages too" for n, v in shared if v == "place")
        if {r["text"] for r in read(TRAINING)} & texts:
            errs.append("a passage is in the training passages too")
    for x in errs:
        print(x)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "test.jsonl"))
