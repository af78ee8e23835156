#!/usr/bin/env python
"""Train the cross-article description link model (``storyline.fuse.description_links``) from written data.

    python scripts/train_description_links.py [--out storyline/models/description_links.npz] [--folds 5] [--show]

Data: ``training/entities/train.jsonl``, the passages of ``training/descriptions/src/`` and the mini-corpora of
``training/description_links/src/`` (the entity set's source format; gold keys on descriptions). Each mini-corpus
is run through the per-document components and the entity merge up to the trained link step
(``storyline.fuse.entities.link_examples``); a description takes the gold key most of its mentions overlap, a
candidate group the key most of its named members' mentions overlap, and a candidate is a positive when the two
keys are one. The decision links a description when one candidate alone reaches the threshold; the threshold is
the one with the best out-of-fold description-level accuracy (right actor, or rightly none), a tie going to the
higher one (a wrong link costs more than none). Grouped cross-validation holds out whole mini-corpora. Never reads
frozen/ nor a dev set.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_entities import document_states, read  # noqa: E402

from storyline import modelfile  # noqa: E402
from storyline.config import Settings  # noqa: E402
from storyline.fuse import description_links  # noqa: E402
from storyline.fuse.entities import link_examples  # noqa: E402

SETS = [ROOT / "training" / "entities" / "train.jsonl"]
#: extra mini-corpora in the entity set's source format (parsed by training/entities/build.py)
EXTRA = [ROOT / "training" / "descriptions" / "src", ROOT / "training" / "description_links" / "src"]
THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]

#: one description: (group, candidate rows, candidate labels, its text)
Item = tuple[str, list[list[float]], list[int], str]


def key_of(spans: list[tuple[str, int, int]], gold: dict[str, list[dict]]) -> str | None:
    """The gold key most of the spans (document id, start, end) overlap."""
    votes: Counter[str] = Counter()
    for doc, start, end in spans:
        best, size = None, 0
        for m in gold.get(doc, ()):
            o = min(end, m["end"]) - max(start, m["start"])
            if o > size:
                best, size = m["key"], o
        if best:
            votes[best] += 1
    return votes.most_common(1)[0][0] if votes else None


def items_of(records: list[dict], settings: Settings) -> list[Item]:
    out: list[Item] = []
    for rec in records:
        states = document_states(rec, settings)
        gold = {f"{rec['id']}-{d['id']}": d["mentions"] for d in rec["docs"]}
        ents, roots, found = link_examples([s.analysis() for s in states], settings)
        for c in found:
            d = ents[c.description]
            if not d.mentions:   # a speaker kept without a span: nothing to read its gold key from
                continue
            dk = key_of([(s.doc, s.start, s.end) for s in d.mentions], gold)
            labels = []
            for r in c.roots:
                spans = [(s.doc, s.start, s.end) for i, e in enumerate(ents) if roots[i] == r and not e.generic
                         for s in e.mentions]
                labels.append(int(dk is not None and key_of(spans, gold) == dk))
            out.append((rec["id"], description_links.rows(c.fits), labels, d.name))
    return out


def answer(it: Item) -> int:
    return it[2].index(1) if 1 in it[2] else -1


def pick(probs: list[float], threshold: float) -> int:
    above = [n for n, p in enumerate(probs) if p >= threshold]
    return above[0] if len(above) == 1 else -1


def score(picks: list[int], items: list[Item]) -> dict[str, float]:
    right = sum(p == answer(it) for p, it in zip(picks, items))
    linked = sum(p >= 0 for p in picks)
    good = sum(p >= 0 and p == answer(it) for p, it in zip(picks, items))
    gold = sum(answer(it) >= 0 for it in items)
    prec = good / linked if linked else 0.0
    rec = good / gold if gold else 0.0
    return {"accuracy": right / len(items) if items else 0.0, "precision": prec, "recall": rec,
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def fit(items: list[Item]) -> Any:
    from sklearn.ensemble import GradientBoostingClassifier

    clf = GradientBoostingClassifier(n_estimators=80, max_depth=2, learning_rate=0.05, subsample=0.9,
                                     random_state=0)
    clf.fit([r for it in items for r in it[1]], [y for it in items for y in it[2]])
    return clf


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=description_links.default_model_path())
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show", action="store_true", help="print the out-of-fold errors")
    args = parser.parse_args()
    settings = Settings()
    records = [r for p in SETS if p.exists() for r in read(p)]
    sys.path.insert(0, str(ROOT / "training" / "entities"))
    from build import parse_source

    records += [parse_source(p) for folder in EXTRA if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    items = items_of(records, settings)
    if not items or not any(y for it in items for y in it[2]) or all(all(it[2]) for it in items):
        print("no labelled descriptions of both kinds", file=sys.stderr)
        return 1
    groups = sorted({r["id"] for r in records})
    fold_of = {g: n % args.folds for n, g in enumerate(groups)}
    oof: list[list[float]] = [[0.0] * len(it[2]) for it in items]
    for f in range(args.folds):
        train = [it for it in items if fold_of[it[0]] != f]
        labels = {y for it in train for y in it[2]}
        if len(labels) < 2:
            continue
        clf = fit(train)
        for n, it in enumerate(items):
            if fold_of[it[0]] == f:
                oof[n] = [float(p) for p in clf.predict_proba(it[1])[:, 1]]
    print(f"descriptions: {len(items)} in {len({it[0] for it in items})} mini-corpora, "
          f"{sum(answer(it) >= 0 for it in items)} with their actor among the candidates, "
          f"{sum(len(it[2]) for it in items)} candidate pairs")
    best_t, best = THRESHOLDS[0], -1.0
    for t in THRESHOLDS:
        s = score([pick(p, t) for p in oof], items)
        print(f"  t={t:.2f}  " + "  ".join(f"{k} {v:.3f}" for k, v in s.items()))
        if s["accuracy"] >= best:   # a tie goes to the higher threshold
            best_t, best = t, s["accuracy"]
    none = score([-1] * len(items), items)
    print(f"  never link  accuracy {none['accuracy']:.3f}")
    if args.show:
        for p, it, probs in zip([pick(p, best_t) for p in oof], items, oof):
            if p != answer(it):
                print(f"    {it[0]} {it[3]!r}: picked {p}, gold {answer(it)} of {len(it[2])} "
                      f"({', '.join(f'{x:.2f}' for x in probs)})")
    clf = fit(items)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    modelfile.save(args.out, {"classifier": clf, "threshold": best_t, "features": description_links.FEATURES,
                              "info": {"descriptions": len(items), "cv_accuracy": best,
                                       "never_accuracy": none["accuracy"]}})
    print(f"threshold {best_t:.2f} (out-of-fold accuracy {best:.3f}); model written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
