#!/usr/bin/env python
"""Train the Spanish name model from ``training/languages/train/`` (``make train``). Never reads dev or frozen sets.

    python scripts/train_names.py [--data training/languages/train/es_train.jsonl]
                                  [--out storyline/models/es_names.joblib]

Every capitalised candidate of every training article (``nlp.names_model.candidates``) is one row, labelled
with the type of the gold entity it overlaps most, or NONE. Printed: 5-fold cross-validated accuracy over
articles and the per-label counts.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.nlp.names_model import NONE, candidates, default_model_path, features, tokenize  # noqa: E402

TRAINING = ROOT / "training" / "languages" / "train" / "es_train.jsonl"
C_REGULARISATION = 1.0
FOLDS = 5


def rows(records: list[dict]) -> tuple[list[dict[str, float]], list[str], list[int]]:
    """Feature rows, labels and the article index of each row."""
    x: list[dict[str, float]] = []
    y: list[str] = []
    groups: list[int] = []
    docs = tokenize([r["text"] for r in records])
    for k, (record, sdoc) in enumerate(zip(records, docs)):
        for cand in candidates(sdoc):
            span = sdoc[cand.i:cand.j]
            best, label = 0, NONE
            for e in record["entities"]:
                overlap = min(e["end"], span.end_char) - max(e["start"], span.start_char)
                if overlap > best:
                    best, label = overlap, e["type"]
            x.append(features(sdoc, cand))
            y.append(label)
            groups.append(k)
    return x, y, groups


def fit(x: list[dict[str, float]], y: list[str]) -> tuple[Any, Any]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    classifier = LogisticRegression(C=C_REGULARISATION, max_iter=2000, class_weight="balanced")
    classifier.fit(vectorizer.fit_transform(x), y)
    return vectorizer, classifier


def main() -> None:
    import joblib

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(TRAINING))
    ap.add_argument("--out", default=str(default_model_path()))
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    x, y, groups = rows(records)
    print(f"names: {len(records)} articles, {len(x)} candidates {dict(sorted(Counter(y).items()))}")
    right = 0
    for fold in range(FOLDS):
        train = [i for i, g in enumerate(groups) if g % FOLDS != fold]
        test = [i for i, g in enumerate(groups) if g % FOLDS == fold]
        vectorizer, classifier = fit([x[i] for i in train], [y[i] for i in train])
        predicted = classifier.predict(vectorizer.transform([x[i] for i in test]))
        right += sum(p == y[i] for p, i in zip(predicted, test))
    print(f"names: {FOLDS}-fold accuracy over articles {right / len(x):.3f}")
    vectorizer, classifier = fit(x, y)
    joblib.dump({"vectorizer": vectorizer, "classifier": classifier}, args.out, compress=3)
    print(f"names: wrote {args.out}")


if __name__ == "__main__":
    main()
