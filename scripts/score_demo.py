#!/usr/bin/env python3
"""Score an export of the demo corpus against storyline/demo/expected.yaml with the shared scorer.

The demo corpus and its expected answers were written apart from the extraction rules, so this
is a second, held-out quality figure next to the seeds'. It converts expected.yaml to the gold
format ../shared/tools/score.py reads (documents keyed by file stem) and runs that scorer.

usage: score_demo.py EXPORT.json [--scorer ../shared/tools/score.py]
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import yaml

from storyline.demo import demo_corpus_path

REPO = Path(__file__).resolve().parents[1]


def _key(name: str) -> str:
    """'09_wire_briefs.jsonl#2' -> '09_wire_briefs' (the scorer keys documents by file stem)."""
    stem = name.split("#", maxsplit=1)[0]
    for ext in (".gz", ".txt", ".html", ".htm", ".jsonl", ".json", ".md"):
        stem = stem.removesuffix(ext)
    return stem


def to_gold(expected: dict) -> dict:
    docs = {}
    for name, d in expected["documents"].items():
        if "#" in name:  # the scorer keys documents by file: a JSONL file gets a row without metadata,
            docs.setdefault(_key(name), {})   # so its records' quotes and events are still scored
            continue
        docs[_key(name)] = {"title": d.get("title"), "outlet": d.get("outlet"),
                            "author": ", ".join(d.get("authors") or []) or None,
                            "published": d.get("published"), "remove": d.get("remove") or [],
                            "keep": d.get("keep") or []}
    events = []
    for n, e in enumerate(expected.get("events") or []):
        ev = e["evidence"]
        events.append({"id": f"demo{n}", "types": e["types"], "source": e.get("source"),
                       "date": e.get("date"), "evidence": {_key(ev["doc"]): ev["phrase"]}})
    return {
        "documents": docs,
        "entities": expected.get("entities") or [],
        "events": events,
        "quotes": [{"doc": _key(q["doc"]), "speaker": q["speaker"], "phrase": q["phrase"]}
                   for q in expected.get("quotes") or []],
        "disagreements": [{"id": d["topic"], "sides": [{"doc": _key(s["doc"]), "phrase": s["phrase"]}
                                                       for s in d["sides"]]}
                          for d in expected.get("disagreements") or []],
        "stories": [sorted({_key(n) for n in expected["documents"]})],
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export")
    ap.add_argument("--scorer", default=str(REPO.parent / "shared" / "tools" / "score.py"))
    args = ap.parse_args(argv)
    if not Path(args.scorer).is_file():
        print(f"no scorer at {args.scorer}: skipping the demo score", file=sys.stderr)
        return 0
    spec = importlib.util.spec_from_file_location("storyline_gold_scorer", args.scorer)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    expected = yaml.safe_load((demo_corpus_path().parent / "expected.yaml").read_text("utf-8"))
    gold = to_gold(expected)
    gold_path = Path(args.export).with_name("demo_gold.yaml")
    gold_path.write_text(yaml.safe_dump(gold, allow_unicode=True, sort_keys=False), "utf-8")
    return scorer.main(["score.py", args.export, str(gold_path), str(demo_corpus_path())])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
