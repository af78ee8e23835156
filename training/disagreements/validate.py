#!/usr/bin/env python
"""Check training/disagreements/pairs.jsonl: fields, labels, evidence substrings, staleness, shares.

    python training/disagreements/validate.py [FILE]     # exit 1 on any error; prints the counts
"""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build import build  # noqa: E402

LABELS = {"hedged_vs_firm", "status", "figure", "duration", "date", "attitude", "reason", "actor", "none"}
FIELDS = {"id", "story", "a", "b", "label", "evidence_a", "evidence_b"}
MIN_PAIRS, MIN_NONE_SHARE, MIN_HAND_SHARE = 600, 0.4, 1 / 3


def check(rows: list[dict]) -> list[str]:
    errs: list[str] = []
    ids: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for r in rows:
        def err(msg: str, r: dict = r) -> None:
            errs.append(f"{r.get('id')}: {msg}")
        if set(r) != FIELDS:
            err(f"fields {sorted(set(r) ^ FIELDS)}")
            continue
        if r["id"] in ids:
            err("duplicate id")
        ids.add(r["id"])
        if r["label"] not in LABELS:
            err(f"label {r['label']!r}")
        for s in ("a", "b"):
            side = r[s]
            if set(side) != {"outlet", "text"} or not side["outlet"] or not side["text"]:
                err(f"bad side {s}")
                continue
            n = len(re.findall(r"[.!?][\"'”’)]?(?:\s|$)", side["text"]))
            if not 1 <= n <= 3:
                err(f"{s}.text has {n} sentence ends (want 1-3)")
            if "[[" in side["text"] or "]]" in side["text"]:
                err(f"{s}.text keeps an evidence mark")
        if r["a"]["outlet"] == r["b"]["outlet"]:
            err("same outlet on both sides")
        key = (r["a"]["text"], r["b"]["text"])
        if key in pairs or key[::-1] in pairs:
            err("duplicate pair")
        pairs.add(key)
        if r["label"] == "none":
            if r["evidence_a"] is not None or r["evidence_b"] is not None:
                err("none with evidence")
        else:
            for s in ("a", "b"):
                ev = r[f"evidence_{s}"]
                if not ev or ev not in r[s]["text"]:
                    err(f"evidence_{s} {ev!r} not a substring of {s}.text")
    return errs


def main(path: Path) -> int:
    rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    errs = check(rows)
    if path == HERE / "pairs.jsonl" and rows != build():
        errs.append("pairs.jsonl is stale: re-run build.py")
    counts = collections.Counter(r["label"] for r in rows)
    n = len(rows) or 1
    hand = sum(r["id"].startswith("h-") for r in rows)
    print(f"{len(rows)} pairs, {len({r['story'] for r in rows})} stories; none share {counts['none'] / n:.0%}; "
          f"hand-written {hand} ({hand / n:.0%})")
    print("labels:", dict(counts.most_common()))
    if len(rows) < MIN_PAIRS:
        errs.append(f"fewer than {MIN_PAIRS} pairs")
    if counts["none"] / n < MIN_NONE_SHARE:
        errs.append("none share below 40%")
    if hand / n < MIN_HAND_SHARE:
        errs.append("hand-written share below a third")
    for e in errs:
        print(e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "pairs.jsonl"))
