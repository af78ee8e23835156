"""Validate frozen/disagreements/test.jsonl and print its label counts.

Run: python frozen/disagreements/validate.py   (exit 1 on any error)
"""
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build import parse  # noqa: E402

LABELS = {"hedged_vs_firm", "status", "figure", "duration", "date", "attitude", "reason", "actor", "none"}
FIELDS = {"id", "story", "a", "b", "label", "evidence_a", "evidence_b"}


def main(path=HERE / "test.jsonl"):
    errs = []
    rows = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if rows != parse():
        errs.append("test.jsonl is stale: re-run build.py")
    ids, pairs = set(), set()
    for r in rows:
        def e(msg): errs.append(f"{r.get('id')}: {msg}")
        if set(r) != FIELDS: e(f"fields {sorted(set(r) ^ FIELDS)}")
        if r["id"] in ids: e("dup id")
        ids.add(r["id"])
        if r["label"] not in LABELS: e(f"label {r['label']}")
        for s in ("a", "b"):
            side = r[s]
            if set(side) != {"outlet", "text"} or not side["outlet"] or not side["text"]: e(f"bad side {s}")
            n = len(re.findall(r"[.!?][\"'”’)]?(?:\s|$)", side["text"]))
            if not 1 <= n <= 3: e(f"{s}.text has {n} sentence ends (want 1-3)")
        if r["a"]["outlet"] == r["b"]["outlet"]: e("same outlet on both sides")
        key = (r["a"]["text"], r["b"]["text"])
        if key in pairs: e("dup pair")
        pairs.add(key)
        if r["label"] == "none":
            if r["evidence_a"] is not None or r["evidence_b"] is not None: e("none with evidence")
        else:
            for s in ("a", "b"):
                ev = r[f"evidence_{s}"]
                if not ev or ev not in r[s]["text"]: e(f"evidence_{s} {ev!r} not a substring of {s}.text")
    for x in errs:
        print(x)
    c = collections.Counter(r["label"] for r in rows)
    share = c["none"] / len(rows)
    print(f"{len(rows)} pairs, {len(set(r['story'] for r in rows))} stories; none share {share:.0%}")
    print("labels:", dict(c.most_common()))
    if len(rows) < 150: errs.append("fewer than 150 pairs")
    if share < 0.4: errs.append("none share below 40%")
    if errs[-1:] and errs[-1] in ("fewer than 150 pairs", "none share below 40%"):
        print(errs[-1])
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "test.jsonl"))
