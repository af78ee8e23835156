#!/usr/bin/env python
"""Train the description ranker (``storyline.resolve.descriptions``) from written data (``make train``).

    python scripts/train_descriptions.py [--out storyline/models/descriptions.npz] [--folds 5]

Data: ``training/entities/train.jsonl`` and the passages of ``training/descriptions/src/`` (the entity set's
source format; gold keys on definite descriptions). Each article is parsed and its candidates clustered as the
pipeline does (``storyline.resolve.coref.description_examples``); a description takes the key of the gold mention it
overlaps most, a candidate entity the key most of its mentions overlap. A candidate is a positive when its key
is the description's. The ranker links a description to its best candidate when the score passes the threshold
("no antecedent" otherwise). Grouped cross-validation holds out whole mini-corpora; the description-level
accuracy (right entity, or rightly none) and link precision/recall of the rules and of the ranker are printed,
and the threshold is the one with the best out-of-fold accuracy. Never reads frozen/.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_entities import paragraphs, read  # noqa: E402

from storyline import modelfile  # noqa: E402
from storyline.config import Settings  # noqa: E402
from storyline.model import Document  # noqa: E402
from storyline.nlp.pipeline import parse_many  # noqa: E402
from storyline.resolve.coref import description_examples  # noqa: E402
from storyline.resolve.descriptions import FEATURES, default_model_path  # noqa: E402
from storyline.resolve.kb import load_kb  # noqa: E402
from storyline.resolve.ner import find_candidates  # noqa: E402

SETS = [ROOT / "training" / "entities" / "train.jsonl"]
#: extra passages in the entity set's source format (parsed by training/entities/build.py)
EXTRA = ROOT / "training" / "descriptions" / "src"
THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]

#: one description: (group, candidate rows, candidate labels, rule's pick or -1, gold answer index or -1, text)
Item = tuple[str, list[list[float]], list[int], int, int, str]


def overlap_key(start: int, end: int, gold: list[dict]) -> str | None:
    best, size = None, 0
    for m in gold:
        o = min(end, m["end"]) - max(start, m["start"])
        if o > size:
            best, size = m["key"], o
    return best


def items_of(records: list[dict], settings: Settings) -> list[Item]:
    kb = load_kb(tuple(settings.kb_paths))
    out: list[Item] = []
    for rec in records:
        docs = [Document(id=f"{rec['id']}-{d['id']}", source=d["id"], raw=d["text"], text=d["text"],
                         blocks=paragraphs(d["text"])) for d in rec["docs"]]
        for d, doc, parsed in zip(rec["docs"], docs, parse_many(docs, settings)):
            gold = d["mentions"]
            for ex in description_examples(doc, find_candidates(doc, parsed, kb), kb):
                dk = overlap_key(ex.description.start, ex.description.end, gold)
                labels = []
                for spans in ex.candidate_spans:
                    keys = Counter(k for s, e in spans if (k := overlap_key(s, e, gold)))
                    ck = keys.most_common(1)[0][0] if keys else None
                    labels.append(int(dk is not None and ck == dk))
                answer = labels.index(1) if 1 in labels else -1
                rule = ex.rule[0] if ex.rule else -1
                out.append((rec["id"], ex.rows, labels, rule, answer,
                            d["text"][ex.description.start:ex.description.end]))
    return out


def score(picks: list[int], items: list[Item]) -> dict[str, float]:
    right = sum(p == it[4] for p, it in zip(picks, items))
    linked = sum(p >= 0 for p in picks)
    good = sum(p >= 0 and p == it[4] for p, it in zip(picks, items))
    gold = sum(it[4] >= 0 for it in items)
    prec = good / linked if linked else 0.0
    rec = good / gold if gold else 0.0
    return {"accuracy": right / len(items) if items else 0.0, "precision": prec, "recall": rec,
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def make_classifier() -> Any:
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(n_estimators=150, max_depth=3, learning_rate=0.05, subsample=0.9,
                                      random_state=0)


def fit(items: list[Item]) -> Any:
    rows = [r for it in items for r in it[1]]
    labels = [y for it in items for y in it[2]]
    clf = make_classifier()
    clf.fit(rows, labels)
    return clf


def picks_of(clf: Any, items: list[Item], threshold: float) -> list[int]:
    out = []
    for it in items:
        probs = clf.predict_proba(it[1])[:, 1]
        best = max(range(len(probs)), key=lambda n: probs[n])
        out.append(best if probs[best] >= threshold else -1)
    return out


def cluster_cv(records: list[dict], items: list[Item], fold_of: dict[str, int], folds: int, threshold: float,
               settings: Settings) -> None:
    """Mean over folds of the entity figures of the held-out mini-corpora (entity set only), rules vs ranker."""
    import tempfile

    from eval_entities import evaluate

    from storyline.resolve.descriptions import load_ranker

    sums: dict[str, dict[str, float]] = {"rules": defaultdict(float), "trained": defaultdict(float)}
    with tempfile.TemporaryDirectory() as tmp:
        for f in range(folds):
            held = [r for r in records if fold_of.get(r["id"], -1) == f and not r["id"].startswith("etrain-d")]
            train = [it for it in items if fold_of[it[0]] != f]
            path = Path(tmp) / f"fold{f}.npz"
            modelfile.save(path, {"classifier": fit(train), "threshold": threshold, "features": FEATURES})
            load_ranker.cache_clear()
            for mode in ("rules", "trained"):
                res = evaluate(held, replace(settings, description_coref=mode, description_model=str(path)), [])
                for k in ("cluster_p", "cluster_r", "cluster_f1", "bcubed_f1"):
                    sums[mode][k] += res[k] / folds
    for mode, s in sums.items():
        print(f"  held-out entity figures, {mode:8s} " + "  ".join(f"{k} {v:.3f}" for k, v in s.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=default_model_path())
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show", action="store_true", help="print the out-of-fold errors")
    parser.add_argument("--cluster-cv", action="store_true",
                        help="also score held-out mini-corpora of training/entities with scripts/eval_entities.py's "
                             "figures, per fold, rules vs the fold's ranker")
    args = parser.parse_args()
    import numpy as np

    settings = Settings()
    records = [r for p in SETS if p.exists() for r in read(p)]
    sys.path.insert(0, str(ROOT / "training" / "entities"))
    from build import parse_source

    records += [parse_source(p) for p in sorted(EXTRA.glob("*.txt"))]
    items = items_of(records, settings)
    if not items or not any(y for it in items for y in it[2]):
        print("no labelled descriptions", file=sys.stderr)
        return 1
    groups = sorted({r["id"] for r in records})
    fold_of = {g: n % args.folds for n, g in enumerate(groups)}
    oof_probs: list[list[float]] = [[] for _ in items]
    for f in range(args.folds):
        train = [it for it in items if fold_of[it[0]] != f]
        if not any(y for it in train for y in it[2]):
            continue
        clf = fit(train)
        for n, it in enumerate(items):
            if fold_of[it[0]] == f:
                oof_probs[n] = list(clf.predict_proba(it[1])[:, 1])

    def oof_picks(t: float) -> list[int]:
        out = []
        for probs in oof_probs:
            best = int(np.argmax(probs))
            out.append(best if probs[best] >= t else -1)
        return out

    n_linked = sum(it[4] >= 0 for it in items)
    print(f"descriptions: {len(items)} in {len({it[0] for it in items})} mini-corpora, {n_linked} with "
          f"an antecedent among the candidates, {sum(len(it[2]) for it in items)} candidate pairs")
    rules = score([it[3] for it in items], items)
    print("  rules           " + "  ".join(f"{k} {v:.3f}" for k, v in rules.items()))
    best_t, best = THRESHOLDS[0], -1.0
    for t in THRESHOLDS:
        s = score(oof_picks(t), items)
        print(f"  trained t={t:.2f}  " + "  ".join(f"{k} {v:.3f}" for k, v in s.items()))
        if s["accuracy"] >= best:   # a tie goes to the higher threshold: "no antecedent" costs less than a wrong link
            best_t, best = t, s["accuracy"]
    if args.show:
        for p, it in zip(oof_picks(best_t), items):
            if p != it[4]:
                print(f"    {it[0]} {it[5]!r}: picked {p}, gold {it[4]}, rule {it[3]} of {len(it[2])}")
    if args.cluster_cv:
        cluster_cv(records, items, fold_of, args.folds, best_t, settings)
    clf = fit(items)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    modelfile.save(args.out, {"classifier": clf, "threshold": best_t, "features": FEATURES,
                 "info": {"descriptions": len(items), "cv_accuracy": best, "rules_accuracy": rules["accuracy"]}})
    print(f"threshold {best_t:.2f} (out-of-fold accuracy {best:.3f}); model written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
