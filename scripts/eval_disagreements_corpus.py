#!/usr/bin/env python
"""Disagreements end to end: run the real pipeline on each mini-corpus of a set and score what it exports.

    python scripts/eval_disagreements_corpus.py --set training/disagreements_corpus [--details]
    python scripts/eval_disagreements_corpus.py --set frozen/disagreements_corpus      # totals only

Each corpus folder (``cNN/*.txt``) is analysed on its own with default settings (``storyline.analyze``
into a temporary folder); its exported disagreements are read with their sides (document, character
offsets). A gold disagreement is *found* when one predicted disagreement has a side in ``doc_a`` overlapping
``evidence_a`` and a side in ``doc_b`` overlapping ``evidence_b``. Printed: found (share of gold), label
accuracy over found ones (the predicted kind: the pair model's label, or quantity → figure, cause →
reason, event → status, framing and poles → attitude), precision (share of predicted disagreements
matching some gold one) and found per label. ``--merged`` analyses every corpus of the set together,
as one corpus of many stories (story grouping, caps and alignment at corpus scale). ``--details`` lists
each corpus's misses and false alarms (use it on the dev set only: the frozen set's misses are not to be read).
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import storyline  # noqa: E402

LABELS = ("hedged_vs_firm", "status", "figure", "duration", "date", "attitude", "reason", "actor")
#: rule dimensions' topic prefixes -> the label they stand for
RULE_LABELS = {"quantity": "figure", "cause": "reason", "event": "status", "framing": "attitude",
               "alignment": "attitude", "coordination": "attitude", "compliance": "attitude"}


@dataclass(frozen=True)
class PredSide:
    doc: str
    start: int
    end: int


@dataclass(frozen=True)
class Predicted:
    label: str
    topic: str
    sides: tuple[PredSide, ...]


def predicted_label(topic: str) -> str:
    head = topic.split(":", 1)[0].split(" (", 1)[0].strip()
    return head if head in LABELS else RULE_LABELS.get(head, head)


def run_corpus(paths: list[Path], merged: bool = False, **overrides: object) -> tuple[list[Predicted], dict[str, str]]:
    """The predicted disagreements of one analysis of ``paths`` (sides by file stem, or "corpus/stem" when
    several corpora are analysed together) and each document's raw text."""
    result = storyline.analyze(paths, **overrides)
    stem_of = {d.id: (f"{Path(d.source).parent.name}/{Path(d.source).stem}" if merged else Path(d.source).stem)
               for d in result.corpus.documents}
    raw = {stem_of[d.id]: d.raw for d in result.corpus.documents}
    preds = [Predicted(predicted_label(d.topic), d.topic,
                       tuple(PredSide(stem_of.get(s.doc, s.doc), s.evidence.start, s.evidence.end) for s in d.sides))
             for d in result.corpus.disagreements]
    return preds, raw


def _side_hits(side: PredSide, doc: str, evidence: str, raw: dict[str, str]) -> bool:
    text = raw.get(doc, "")
    at = text.find(evidence)
    return side.doc == doc and at >= 0 and side.start < at + len(evidence) and at < side.end


def matches(pred: Predicted, gold: dict, raw: dict[str, str]) -> bool:
    a, b = (str(gold["doc_a"]), gold["evidence_a"]), (str(gold["doc_b"]), gold["evidence_b"])
    return (any(_side_hits(s, *a, raw) for s in pred.sides) and any(_side_hits(s, *b, raw) for s in pred.sides))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default=str(ROOT / "training" / "disagreements_corpus"), help="set folder")
    ap.add_argument("--details", action="store_true", help="list misses and false alarms per corpus (dev only)")
    ap.add_argument("--only", nargs="*", help="corpus ids to run (default: all)")
    ap.add_argument("--min-probability", type=float, default=None,
                    help="the pair model's threshold (default: the setting's default); for dev studies only")
    ap.add_argument("--pair-model", default=None, help="another pair model file (default: the shipped one)")
    ap.add_argument("--merged", action="store_true",
                    help="analyse every corpus of the set together, as one corpus of many stories")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    root = Path(args.set)
    gold = yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))["corpora"]
    n_gold = found = right = n_pred = n_pred_ok = 0
    per_label: dict[str, list[int]] = {lab: [0, 0] for lab in LABELS}
    confusion: Counter[tuple[str, str]] = Counter()
    overrides: dict[str, object] = {}
    if args.min_probability is not None:
        overrides["disagreement_pair_min_probability"] = args.min_probability
    if args.pair_model:
        overrides["disagreement_pair_model"] = args.pair_model
    cids = [c for c in sorted(gold) if not args.only or c in args.only]
    runs: list[tuple[str, list[Predicted], dict[str, str], list[dict]]] = []
    if args.merged:   # one corpus of every story: story grouping, caps and alignment at corpus scale
        paths = [p for c in cids for p in sorted((root / c).glob("*.txt"))]
        preds, raw = run_corpus(paths, merged=True, **overrides)
        dis = [{**g, "doc_a": f"{c}/{g['doc_a']}", "doc_b": f"{c}/{g['doc_b']}"}
               for c in cids for g in gold[c]["disagreements"] or []]
        runs.append(("all", preds, raw, dis))
    else:
        for c in cids:
            preds, raw = run_corpus(sorted((root / c).glob("*.txt")), **overrides)
            runs.append((c, preds, raw, gold[c]["disagreements"] or []))
    for cid, preds, raw, dis in runs:
        n_gold += len(dis)
        n_pred += len(preds)
        n_pred_ok += sum(any(matches(p, g, raw) for g in dis) for p in preds)
        lines = []
        for g in dis:
            per_label[g["label"]][1] += 1
            hits = [p for p in preds if matches(p, g, raw)]
            if hits:
                found += 1
                per_label[g["label"]][0] += 1
                label = next((p.label for p in hits if p.label == g["label"]), hits[0].label)
                right += label == g["label"]
                confusion[(g["label"], label)] += 1
                if label != g["label"]:
                    lines.append(f"  wrong label {g['label']} -> {label}: {g['evidence_a'][:60]!r}")
            else:
                lines.append(f"  MISS {g['label']}: {g['doc_a']}:{g['evidence_a'][:70]!r} / "
                             f"{g['doc_b']}:{g['evidence_b'][:70]!r}")
        for p in preds:
            if not any(matches(p, g, raw) for g in dis):
                sides = "; ".join(f"{s.doc}:{raw.get(s.doc, '')[s.start:s.end][:70]!r}" for s in p.sides)
                lines.append(f"  FALSE {p.topic[:50]!r}: {sides}")
        if args.details:
            story = gold[cid]["story"] if cid in gold else "every corpus analysed together"
            print(f"{cid} ({story}): gold {len(dis)}, predicted {len(preds)}")
            print("\n".join(lines))
    share = found / n_gold if n_gold else 0.0
    print(f"{root.name}{' (merged)' if args.merged else ''}: {n_gold} gold disagreements in {len(cids)} corpora; "
          f"found {found} ({share:.3f}); label accuracy {right / found if found else 0.0:.3f}; "
          f"precision {n_pred_ok}/{n_pred} ({n_pred_ok / n_pred if n_pred else 0.0:.3f})")
    print("found per label: " + ", ".join(f"{lab} {f}/{n}" for lab, (f, n) in per_label.items() if n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
