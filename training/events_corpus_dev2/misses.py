#!/usr/bin/env python3
"""Per-miss table of an export against gold.yaml: type, date, source and cross-document misses.

usage: misses.py EXPORT.json [GOLD.yaml] [ARTICLES_DIR]

Matching follows ../shared/tools/score.py (an event whose evidence covers the gold phrase, preferring an
accepted type); one line per miss, grouped by kind, so the largest causes can be read off.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", (s or "").replace("\u2019", "'")).strip().lower()


def covers(text: str, phrase: str) -> bool:
    a, p = norm(text), norm(phrase)
    return bool(a and p) and (p in a or (a in p and len(a) >= 0.6 * len(p)))


def main() -> None:
    ex = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    gold = yaml.safe_load(Path(sys.argv[2] if len(sys.argv) > 2 else HERE / "gold.yaml").read_text(encoding="utf-8"))
    doc_of = {d["id"]: os.path.splitext(os.path.basename(str(d.get("source") or "")))[0] for d in ex["documents"]}
    ents = {e["id"]: e for e in ex["entities"]}
    gents = {g["name"]: {norm(a) for a in g["aliases"]} | {norm(g["name"])} for g in gold["entities"]}

    def ename(eid: str | None) -> str:
        return (ents.get(eid) or {}).get("name", "-") if eid else "-"

    rows: dict[str, list[str]] = {"missing": [], "type": [], "extra-type": [], "date": [], "false-date": [],
                                  "source": [], "cross-doc": []}
    for g in gold["events"]:
        matched = []
        for k, phrase in g["evidence"].items():
            cand = [e for e in ex["events"] for ev in e["evidence"]
                    if doc_of.get(ev["doc"]) == k and covers(ev.get("text", ""), phrase)]
            head = f"{k} {phrase[:60]!r}"
            if not cand:
                rows["missing"].append(f"{head} want {g['types']}")
                continue
            best = next((e for e in cand if e["type"] in g["types"]), cand[0])
            matched.append((k, best))
            if best["type"] not in g["types"]:
                rows["type"].append(f"{head} got {best['type']} want {g['types']}")
            for e in cand:
                if e is not best and e["type"] not in g["types"]:
                    rows["extra-type"].append(f"{head} extra {e['type']} ({e.get('summary', '')[:60]})")
            acc = (g.get("date_by_doc") or {}).get(k) or g.get("date_accepted") or [g.get("date")]
            acc = [None if d is None else str(d) for d in acc]
            got = best.get("date") or None
            if got not in acc:
                rows["false-date" if None in acc else "date"].append(
                    f"{head} got {got} ({best.get('date_precision')}) want {acc}")
            src = g.get("source")
            if src:
                srcs = src if isinstance(src, list) else [src]
                pe = ents.get(best.get("source")) or {}
                pn = {norm(pe.get("name", ""))} | {norm(a) for a in pe.get("aliases", [])}
                if not any(pn & gents.get(s, {norm(s)}) for s in srcs):
                    rows["source"].append(f"{head} got {ename(best.get('source'))} want {srcs}")
        if len(g["evidence"]) > 1 and len(matched) > 1:
            ses = {b.get("story_event") for _, b in matched}
            if len(ses) != 1 or None in ses:
                rows["cross-doc"].append(" | ".join(f"{k}:{b.get('story_event')}:{b['type']}" for k, b in matched))
    for kind, lines in rows.items():
        print(f"== {kind} ({len(lines)})")
        for line in lines:
            print("  " + line)


if __name__ == "__main__":
    main()
