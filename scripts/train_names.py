#!/usr/bin/env python
"""Train the Spanish and Ukrainian name models from ``training/languages/train/`` (``make train``).
Never reads dev or frozen sets.

    python scripts/train_names.py [--lang es] [--lang uk] [--data training/languages/train]

Every candidate of every paragraph of every training article (``nlp.names_model.candidates``; for
Ukrainian also natasha's spans, ``hinted_candidates``) is one row, labelled with the type of the gold
entity it overlaps most, or NONE. Writes ``storyline/models/<lang>_names.npz``. Printed: the
per-label counts and 5-fold cross-validated accuracy over articles.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.model import Block, Document  # noqa: E402
from storyline.nlp.names_model import (  # noqa: E402
    NONE,
    candidates,
    default_model_path,
    features,
    hinted_candidates,
    tokenize,
)
from storyline.nlp.ner_languages import natasha_names  # noqa: E402

TRAINING = ROOT / "training" / "languages" / "train"
C_REGULARISATION = 1.0
FOLDS = 5


def paragraphs(record: dict) -> Document:
    """A training article as a cleaned document: its paragraphs are its blocks."""
    text = record["text"]
    blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]
    return Document(id=record["id"], source=record["id"], raw=text, blocks=blocks)


def rows(records: list[dict], lang: str) -> tuple[list[dict[str, float]], list[str], list[int]]:
    """Feature rows, labels and the article index of each row, from the candidates the tagger sees."""
    x: list[dict[str, float]] = []
    y: list[str] = []
    groups: list[int] = []
    for k, record in enumerate(records):
        doc = paragraphs(record)
        hints = [(s.start, s.end, s.type) for s in natasha_names(doc)[1]] if lang == "uk" else []
        for b in doc.blocks:
            (sdoc,) = tokenize([doc.raw[b.start:b.end]], lang)
            if lang == "uk":
                cands = hinted_candidates(sdoc, b.start, [h for h in hints if b.start <= h[0] and h[1] <= b.end])
            else:
                cands = [(c, None) for c in candidates(sdoc, lang)]
            for cand, hint in cands:
                span = sdoc[cand.i:cand.j]
                start, end = b.start + span.start_char, b.start + span.end_char
                best, label = 0, NONE
                for e in record["entities"]:
                    overlap = min(e["end"], end) - max(e["start"], start)
                    if overlap > best:
                        best, label = overlap, e["type"]
                x.append(features(sdoc, cand, lang, hint))
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
    from storyline import modelfile

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", action="append", help="es, uk (default: both)")
    ap.add_argument("--data", default=str(TRAINING), help="folder of <lang>_train.jsonl")
    args = ap.parse_args()
    for lang in args.lang or ["es", "uk"]:
        with open(Path(args.data) / f"{lang}_train.jsonl", encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        x, y, groups = rows(records, lang)
        print(f"names {lang}: {len(records)} articles, {len(x)} candidates {dict(sorted(Counter(y).items()))}")
        right = 0
        for fold in range(FOLDS):
            train = [i for i, g in enumerate(groups) if g % FOLDS != fold]
            test = [i for i, g in enumerate(groups) if g % FOLDS == fold]
            vectorizer, classifier = fit([x[i] for i in train], [y[i] for i in train])
            predicted = classifier.predict(vectorizer.transform([x[i] for i in test]))
            right += sum(p == y[i] for p, i in zip(predicted, test))
        print(f"names {lang}: {FOLDS}-fold accuracy over articles {right / len(x):.3f}")
        vectorizer, classifier = fit(x, y)
        out = default_model_path(lang)
        modelfile.save(out, {"vectorizer": vectorizer, "classifier": classifier})
        print(f"names {lang}: wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
