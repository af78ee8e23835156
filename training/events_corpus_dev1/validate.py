#!/usr/bin/env python3
"""Check an article-level events corpus's gold.yaml against its articles (this one by default).

usage: validate.py [CORPUS_DIR]   (e.g. training/events_corpus_dev2)

Every evidence phrase must occur (whitespace-normalised) in its article, every source must name a gold
entity, every type must be a PLOVER type, and every date must be an ISO day, month or year (or null).
Exit status 1 on any problem.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().lower()


def main() -> int:
    here = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    gold = yaml.safe_load((here / "gold.yaml").read_text(encoding="utf-8"))
    texts = {p.stem: norm(p.read_text(encoding="utf-8")) for p in (here / "articles").glob("*.txt")}
    names = {e["name"] for e in gold["entities"]}
    problems = []
    if set(gold["documents"]) != set(texts):
        problems.append(f"documents differ from articles: {sorted(set(gold['documents']) ^ set(texts))}")
    for i, ev in enumerate(gold["events"]):
        for t in ev["types"]:
            if t not in TYPES:
                problems.append(f"event {i}: unknown type {t}")
        for doc, phrase in ev["evidence"].items():
            if doc not in texts:
                problems.append(f"event {i}: no article {doc}")
            elif norm(phrase) not in texts[doc]:
                problems.append(f"event {i}: {doc}: phrase not found: {phrase!r}")
        dates = [ev.get("date"), *(ev.get("date_accepted") or [])]
        dates += [d for v in (ev.get("date_by_doc") or {}).values() for d in v]
        for d in dates:
            if d is not None and not DATE.match(str(d)):
                problems.append(f"event {i}: bad date {d!r}")
        src = ev.get("source")
        for s in ([] if src is None else src if isinstance(src, list) else [src]):
            if s not in names:
                problems.append(f"event {i}: source {s!r} is no gold entity")
        if ev.get("source_span"):
            docs = list(ev["evidence"])
            if not any(norm(ev["source_span"]) in texts.get(d, "") for d in docs):
                problems.append(f"event {i}: source_span not found: {ev['source_span']!r}")
    n_ev = sum(len(ev["evidence"]) for ev in gold["events"])
    per_doc = {d: sum(d in ev["evidence"] for ev in gold["events"]) for d in texts}
    thin = {d: n for d, n in per_doc.items() if not 3 <= n <= 6}
    if thin:
        problems.append(f"articles outside 3-6 events: {thin}")
    for p in problems:
        print(p)
    print(f"{len(texts)} articles, {len(gold['events'])} gold events, {n_ev} evidence phrases, "
          f"{sum(len(ev['evidence']) > 1 for ev in gold['events'])} cross-document; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
