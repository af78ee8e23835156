#!/usr/bin/env python
"""Train the person-noun check (``storyline.extract.person_nouns``) from the team-written noun lists (``make train``).

    python scripts/train_person_nouns.py [--out storyline/models/person_nouns.npz] [--folds 5] [--show]

Data: ``training/person_nouns/person.txt`` (nouns for a person or people) and ``other.txt`` (nouns for anything
else), one lemma a line; multi-word lines (written as glosses: "lighthouse keeper") are left out, since the check
is asked of one head lemma. Two logistic regressions, balanced classes: a word model over ``person_nouns.word_row``
(endings, hyphen, static vector), then the check over ``person_nouns.row`` (the same and the word model's log-odds
for a compound's last part); printed: out-of-fold accuracy (folds by sorted word, every fifth; both models refit
in each fold). Deterministic (lbfgs, sorted
input): two runs write the same bytes. Must run before ``train_quotes.py``: the quote rules that feed the
speaker ranker's rows ask it. Never reads frozen/ (``scripts/eval_person_nouns.py`` scores the held-out list).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline import modelfile  # noqa: E402
from storyline.extract import person_nouns  # noqa: E402
from storyline.extract.roles import WordVectors  # noqa: E402

DATA = ROOT / "training" / "person_nouns"
#: the regressions' inverse regularisation (out-of-fold accuracy 0.910, 0.912, 0.915, 0.903 at 1, 3, 10, 30 on the
#: lists of quotes29's second part; 0.920, 0.930, 0.938, 0.942, 0.939 at 0.3, 1, 3, 10, 30 on the first)
C = 10.0


def read_list(path: Path) -> list[str]:
    """The one-word lemmas of a list file (lower-cased, comments and multi-word glosses left out)."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("\t")[0].strip()
        if word and not word.startswith("#") and " " not in word:
            words.append(word.lower())
    return words


def examples() -> tuple[list[str], list[int]]:
    labelled = dict.fromkeys(read_list(DATA / "person.txt"), 1)
    for w in read_list(DATA / "other.txt"):
        if labelled.get(w) == 1:
            raise ValueError(f"{w!r} is in both lists")
        labelled[w] = 0
    words = sorted(labelled)
    return words, [labelled[w] for w in words]


def fit(x: np.ndarray, y: list[int]) -> Any:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    clf.fit(x, y)
    return clf


def rows(words: list[str], dim: int, word_model: Any) -> np.ndarray:
    return np.stack([person_nouns.row(w, dim, word_model) for w in words])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=person_nouns.default_model_path())
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show", action="store_true", help="print the out-of-fold errors")
    args = parser.parse_args()
    dim = WordVectors().dim
    words, y = examples()
    x_word = np.stack([person_nouns.word_row(w, dim) for w in words])
    labels = np.asarray(y)
    oof = np.zeros(len(words))
    for f in range(args.folds):
        test = np.arange(len(words)) % args.folds == f
        train_words = [w for w, t in zip(words, test) if not t]
        word_model = fit(x_word[~test], labels[~test].tolist())
        clf = fit(rows(train_words, dim, word_model), labels[~test].tolist())
        oof[test] = clf.predict_proba(rows([w for w, t in zip(words, test) if t], dim, word_model))[:, 1]
    right = (oof >= 0.5) == (labels == 1)
    print(f"nouns: {len(words)} ({sum(y)} person, {len(y) - sum(y)} other, "
          f"{sum(person_nouns.compound_head(w) is not None for w in words)} compounds), word vector of {dim}; "
          f"out-of-fold accuracy {right.mean():.3f} (person {right[labels == 1].mean():.3f}, "
          f"other {right[labels == 0].mean():.3f})")
    if args.show:
        for w, p, ok in zip(words, oof, right):
            if not ok:
                print(f"    {w}: {p:.2f}")
    word_model = fit(x_word, y)
    clf = fit(rows(words, dim, word_model), y)
    # how well the shipped check fits its own lists: a listed word it still gets wrong is a sign of underfitting
    # (or of a word the vector table only builds from pieces, like "scot" from "sc" and "##ot")
    fitted = clf.predict_proba(rows(words, dim, word_model))[:, 1]
    fits = (fitted >= 0.5) == (labels == 1)
    print(f"training-set accuracy {fits.mean():.3f} ({int((~fits).sum())} listed words on the wrong side)")
    if args.show:
        for w, p, ok in zip(words, fitted, fits):
            if not ok:
                print(f"    {w}: {p:.2f} (fitted)")
    modelfile.save(args.out, {"classifier": clf, "word_classifier": word_model, "features": person_nouns.FEATURES,
                              "dim": dim, "threshold": 0.5,
                              "info": {"nouns": len(words), "person": sum(y), "cv_accuracy": float(right.mean())}})
    print(f"model written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
