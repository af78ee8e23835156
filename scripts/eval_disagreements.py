#!/usr/bin/env python
"""Disagreement pair model figures: found, label accuracy, evidence and restraint on a set of claim pairs.

    python scripts/eval_disagreements.py                      # train-fold (CV on training/) only
    python scripts/eval_disagreements.py --set frozen/disagreements/test.jsonl

found = share of labelled (non-none) pairs the model calls a disagreement; label = share of them with
the right label; evidence = share of found pairs whose evidence spans overlap the gold evidence on
both sides; restraint = share of none pairs it leaves alone. The train-fold line is a cross-validation
on ``training/disagreements/`` (folds by story); a ``--set`` file is scored with the shipped model.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.fuse.pair_model import NONE, PairModel, PairVerdict, default_model_path, fit_pair_model  # noqa: E402

TRAINING = ROOT / "training" / "disagreements" / "pairs.jsonl"
FOLDS = 5
#: the probability a disagreement needs (the same as the corpus step's default)
MIN_PROBABILITY = 0.5


def read(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def training_rows(rows: list[dict]) -> tuple[list[tuple[str, str]], list[str]]:
    """Both orders of every pair: the label is symmetric, so the model sees it so."""
    texts, labels = [], []
    for r in rows:
        texts += [(r["a"]["text"], r["b"]["text"]), (r["b"]["text"], r["a"]["text"])]
        labels += [r["label"], r["label"]]
    return texts, labels


def _overlaps(text: str, span: tuple[int, int] | None, gold: str | None) -> bool:
    if span is None or not gold:
        return False
    at = text.find(gold)
    return at >= 0 and span[0] < at + len(gold) and at < span[1]


def score(rows: list[dict], verdicts: list[PairVerdict]) -> dict[str, float]:
    found = right = evidence = labelled = none = kept = 0
    for r, v in zip(rows, verdicts):
        if r["label"] == NONE:
            none += 1
            kept += not v.disagree
            continue
        labelled += 1
        if v.disagree:
            found += 1
            right += v.label == r["label"]
            evidence += (_overlaps(r["a"]["text"], v.span_a, r["evidence_a"])
                         and _overlaps(r["b"]["text"], v.span_b, r["evidence_b"]))
    return {"pairs": len(rows), "labelled": labelled, "found": found / labelled if labelled else 0.0,
            "label": right / labelled if labelled else 0.0, "evidence": evidence / found if found else 0.0,
            "restraint": kept / none if none else 0.0}


def judge(model: PairModel, rows: list[dict]) -> list[PairVerdict]:
    return model.judge([(r["a"]["text"], r["b"]["text"]) for r in rows], MIN_PROBABILITY)


def cross_validate(rows: list[dict], folds: int = FOLDS) -> tuple[dict[str, float], dict[str, float], Counter]:
    """Folds by story: no story's pairs are both trained on and scored. Returns the figures on every pair,
    on the hand-written pairs alone (templates resemble each other across stories: those figures flatter)
    and the confusion counts."""
    stories = sorted({r["story"] for r in rows})
    fold_of = {s: i % folds for i, s in enumerate(stories)}
    verdicts: dict[str, PairVerdict] = {}
    for k in range(folds):
        train = [r for r in rows if fold_of[r["story"]] != k]
        test = [r for r in rows if fold_of[r["story"]] == k]
        model = fit_pair_model(*training_rows(train))
        for r, v in zip(test, judge(model, test)):
            verdicts[r["id"]] = v
    ordered = [verdicts[r["id"]] for r in rows]
    confusion = Counter((r["label"], v.label) for r, v in zip(rows, ordered))
    hand = [(r, v) for r, v in zip(rows, ordered) if r["id"].startswith("h-")]
    return score(rows, ordered), score([r for r, _ in hand], [v for _, v in hand]), confusion


def line(name: str, s: dict[str, float]) -> str:
    return (f"{name:<34} pairs {int(s['pairs']):4d}  found {s['found']:.3f}  label {s['label']:.3f}  "
            f"evidence {s['evidence']:.3f}  restraint {s['restraint']:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, help="a pair file to score with the shipped model")
    parser.add_argument("--data", type=Path, default=TRAINING, help="training pairs for the train-fold line")
    parser.add_argument("--model", type=Path, default=default_model_path())
    parser.add_argument("--confusion", action="store_true", help="print the train-fold confusion counts")
    args = parser.parse_args()
    cv, hand, confusion = cross_validate(read(args.data))
    print(line(f"train-fold ({FOLDS}-fold CV by story)", cv))
    print(line("  of which hand-written pairs", hand))
    if args.confusion:
        for (gold, said), n in sorted(confusion.items()):
            if gold != said:
                print(f"  {gold:>15} -> {said:<15} {n}")
    if args.set:
        from storyline.fuse.pair_model import load_pair_model

        model = load_pair_model(str(args.model))
        if model is None:
            print(f"no model at {args.model}: run scripts/train_disagreements.py", file=sys.stderr)
            return 1
        print(line(f"{args.set}", score(read(args.set), judge(model, read(args.set)))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
