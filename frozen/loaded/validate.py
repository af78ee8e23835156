"""Validate frozen/loaded/test.jsonl (the frozen loaded-language test set) and print its make-up.

Run: python frozen/loaded/validate.py   (exit status 1 on any error)
"""
import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = {"id", "text", "spans", "register"}
REGISTERS = set("wire tabloid blog opinion state translated broadsheet local".split())


def main(path: Path = HERE / "test.jsonl") -> int:
    errs: list[str] = []
    warns: list[str] = []
    texts: set[str] = set()
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as x:
            errs.append(f"line {n}: bad json {x}")
            continue
        rows.append(r)
        if set(r) != FIELDS:
            errs.append(f"line {n}: fields {sorted(set(r) ^ FIELDS)}")
            continue
        if r["id"] != f"fl-{n:04d}":
            errs.append(f"line {n}: bad or out-of-order id {r['id']}")
        t = r["text"]
        if not isinstance(t, str) or not t or t != t.strip() or "\n" in t:
            errs.append(f"line {n}: empty, unstripped or multi-line text")
            continue
        if t in texts:
            errs.append(f"line {n}: duplicate text")
        texts.add(t)
        if r["register"] not in REGISTERS:
            errs.append(f"line {n}: register {r['register']}")
        spans = r["spans"]
        if not isinstance(spans, list) or not all(isinstance(s, str) and s and s == s.strip() for s in spans):
            errs.append(f"line {n}: spans must be a list of stripped strings")
            continue
        for s in spans:
            if s not in t:
                errs.append(f"line {n}: span {s!r} not in text")
            elif len(re.findall(re.escape(s), t)) > 1:
                warns.append(f"{r['id']}: span {s!r} occurs more than once (the first is meant)")
    if errs:
        print("\n".join(errs))
        return 1
    loaded = [r for r in rows if r["spans"]]
    print(f"{len(rows)} sentences: {len(loaded)} with loaded language ({100 * len(loaded) / len(rows):.0f}%), "
          f"{len(rows) - len(loaded)} neutral; {sum(len(r['spans']) for r in rows)} gold spans")
    by_reg = collections.Counter((r["register"], bool(r["spans"])) for r in rows)
    for reg in sorted(REGISTERS):
        print(f"  {reg:11s} loaded {by_reg[(reg, True)]:3d}  neutral {by_reg[(reg, False)]:3d}")
    for w in warns:
        print("warning:", w)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "test.jsonl"))
