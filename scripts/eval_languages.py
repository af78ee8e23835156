#!/usr/bin/env python
"""Language id and named-entity mentions of documents in several languages (``make eval``).

    python scripts/eval_languages.py [--set frozen/languages] [--misses N] [--json]

The set is a JSON Lines file, or a folder whose ``entities.jsonl`` files (at any depth; else its ``*.jsonl``)
are read, of records
``{"id", "lang", "text", "entities": [{"start", "end", "text", "type": PER|ORG|LOC}]}``. Each text is
analysed as a document by the real per-document path (cleaning, language id, then the components
``Settings.pipelines`` gives the detected language), and per gold language:

- ``lang_id``: share of documents whose detected language is the gold one;
- ``recall``: share of gold mentions that a predicted mention overlaps (one to one, largest overlap
  first); ``precision``: share of predicted mentions (PERSON, ORG, GPE, LOC; unnamed groups left out)
  that overlap a gold one; ``type``: among matched pairs, the types agree (PER = PERSON, ORG = ORG,
  LOC = GPE or LOC);
- ``english_ner``: documents not in English that the English spaCy pipeline parsed (must be 0).

The frozen set is held out: run this on it once, to report; tune on the dev sets
(``--set training/languages``).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.config import Settings  # noqa: E402
from storyline.engine import stages  # noqa: E402
from storyline.model import DocAnalysis, Document, Mention  # noqa: E402

FROZEN = ROOT / "frozen" / "languages"
#: gold type -> the predicted types that count as it
TYPES = {"PER": {"PERSON"}, "ORG": {"ORG"}, "LOC": {"GPE", "LOC"}}
SCORED = {"PERSON", "ORG", "GPE", "LOC"}
ENGLISH_PARSER = "storyline.parse.spacy.v1"


def read(path: Path) -> list[dict[str, Any]]:
    """The records of one JSON Lines file, or of a folder: its ``entities.jsonl`` files at any depth (a set
    with one folder per language, beside other sets), else every ``*.jsonl`` in it (training data, in a
    ``train`` folder, the event sentences in an ``events`` folder and the quote sets in a ``quotes`` folder,
    left out)."""
    if path.is_dir():
        files = sorted(path.rglob("entities.jsonl")) or sorted(
            f for f in path.rglob("*.jsonl") if not {"train", "events", "quotes"} & set(f.relative_to(path).parts[:-1]))
    else:
        files = [path]
    out = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            out += [json.loads(line) for line in fh if line.strip()]
    return out


def match(gold: list[dict[str, Any]], pred: list[Mention]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs: overlapping spans, one to one, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p.end) - max(g["start"], p.start)
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def scored_mentions(analysis: DocAnalysis) -> list[Mention]:
    generic = {e.id for e in analysis.entities if e.generic}
    return [m for m in analysis.mentions if m.type in SCORED and m.entity not in generic]


def evaluate(records: list[dict[str, Any]], settings: Settings, misses: int = 0) -> dict[str, dict[str, Any]]:
    docs = [Document(id=r["id"], source=f"{r['id']}.txt", raw=r["text"]) for r in records]
    results = stages.analyze_documents(docs, settings)
    routes = {lang: [p.name for p in parts] for lang, parts in stages.language_pipelines(settings).items()}
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    shown = 0
    for record, result in zip(records, results):
        lang = record["lang"]
        c = counts[lang]
        c["docs"] += 1
        if not isinstance(result, DocAnalysis):
            c["failed"] += 1
            c["gold"] += len(record["entities"])
            continue
        found = result.document.language
        c["lang_ok"] += found == lang
        english = found in (None, "", "en") and "en" not in routes
        c["english_ner"] += lang != "en" and (ENGLISH_PARSER in routes.get(found or "", []) or english)
        c["partial"] += result.document.analysis == "partial"
        pred = scored_mentions(result)
        pairs = match(record["entities"], pred)
        c["gold"] += len(record["entities"])
        c["pred"] += len(pred)
        c["matched"] += len(pairs)
        c["typed"] += sum(pred[pi].type in TYPES[record["entities"][gi]["type"]] for gi, pi in pairs)
        if misses and shown < misses:
            hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
            lost = [g["text"] for i, g in enumerate(record["entities"]) if i not in hit_g]
            extra = [f"{p.text}/{p.type}" for i, p in enumerate(pred) if i not in hit_p]
            wrong = [f"{pred[p].text}/{pred[p].type}≠{record['entities'][g]['type']}" for g, p in pairs
                     if pred[p].type not in TYPES[record["entities"][g]["type"]]]
            if lost or extra or wrong:
                shown += 1
                print(f"  {record['id']} ({found}): missed {lost} extra {extra} type {wrong}", file=sys.stderr)
    out = {}
    for lang, c in sorted(counts.items()):
        out[lang] = {
            "docs": int(c["docs"]), "lang_id": round(c["lang_ok"] / c["docs"], 3),
            "gold": int(c["gold"]), "pred": int(c["pred"]),
            "recall": round(c["matched"] / c["gold"], 3) if c["gold"] else None,
            "precision": round(c["matched"] / c["pred"], 3) if c["pred"] else None,
            "type": round(c["typed"] / c["matched"], 3) if c["matched"] else None,
            "english_ner": int(c["english_ner"]), "partial": int(c["partial"]), "failed": int(c["failed"])}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", default=str(FROZEN), help="a JSON Lines file or a folder of them")
    ap.add_argument("--misses", type=int, default=0, help="print up to N documents' errors (stderr)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    path = Path(args.set)
    if not path.exists():
        print(f"eval_languages: no set at {path}; skipped")
        return
    figures = evaluate(read(path), Settings(), args.misses)
    if args.json:
        print(json.dumps(figures, indent=1))
        return
    print(f"languages ({path}):")
    print(f"  {'lang':5s} {'docs':>4s} {'lang_id':>7s} {'gold':>5s} {'pred':>5s} {'recall':>6s} {'prec':>6s} "
          f"{'type':>6s} {'en_ner':>6s} {'partial':>7s}")
    for lang, f in figures.items():
        def num(v: float | None) -> str:
            return "-" if v is None else f"{v:.3f}"
        print(f"  {lang:5s} {f['docs']:4d} {num(f['lang_id']):>7s} {f['gold']:5d} {f['pred']:5d} "
              f"{num(f['recall']):>6s} {num(f['precision']):>6s} {num(f['type']):>6s} {f['english_ner']:6d} "
              f"{f['partial']:7d}")


if __name__ == "__main__":
    main()
