#!/usr/bin/env python
"""Train the sentence event model from the team-written sentences (``make train``).

    python scripts/train_events.py [--out storyline/models/events.npz] [--folds 5]

Reads ``training/events/*.jsonl`` (never ``frozen/``), runs the lexicon coder over each sentence
for its proposals (a feature), prints cross-validated figures on the training data (the
"train-fold" column of ``make eval``), then fits on everything and writes the model.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.config import Settings  # noqa: E402
from storyline.extract.event_model import NONE, EventModel, build_pipeline, default_model_path  # noqa: E402

TRAINING = ROOT / "training" / "events"


def read_records(folder: Path) -> list[dict]:
    """Every record of the JSON Lines files in ``folder``, in file order."""
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh if line.strip())
    return out


def label_of(rec: dict) -> str:
    return rec["type"] if rec.get("event") and rec.get("type") else NONE


def lexicon_codes(texts: list[str], settings: Settings) -> list[list[str]]:
    """The lexicon coder's proposed codes in each text (all its sentences), from a real parse."""
    from storyline.extract.events import event_candidates
    from storyline.extract.frames import load_argument_cues
    from storyline.extract.lexicon import load_event_lexicon
    from storyline.extract.modality import load_modality_lexicon
    from storyline.model import Block, Document
    from storyline.nlp.pipeline import parse_many

    lex = load_event_lexicon(tuple(settings.event_lexicon_paths))
    cues = load_argument_cues(tuple(settings.event_lexicon_paths))
    mlex = load_modality_lexicon()
    docs = [Document(id=f"s{i}", source=f"s{i}", raw=t, blocks=[Block(0, len(t))]) for i, t in enumerate(texts)]
    out = []
    for parsed in parse_many(docs, settings):
        codes = []
        for _, sent, _ in parsed.sentences_with_text():
            codes += [c.code for c in event_candidates(sent, lex, mlex, cues, parsed.tokens(sent.doc))]
        out.append(codes)
    return out


def frame(texts: list[str], codes: list[list[str]]) -> list[tuple[str, str]]:
    """The model's input: (text, lexicon tokens) pairs."""
    from storyline.extract.event_model import lexicon_tokens

    return [(t, lexicon_tokens(c)) for t, c in zip(texts, codes)]


def cross_validate(texts: list[str], codes: list[list[str]], labels: list[str], folds: int) -> dict:
    """Out-of-fold predictions of the pipeline: accuracy, event detection and per-type figures."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    pred = cross_val_predict(build_pipeline(), frame(texts, codes), labels,
                             cv=StratifiedKFold(folds, shuffle=True, random_state=16))
    return score(labels, list(pred))


def score(gold: list[str], pred: list[str]) -> dict:
    """Sentence-level figures: event detection P/R/F1, type accuracy on true events, overall accuracy."""
    tp = sum(g != NONE and p != NONE for g, p in zip(gold, pred))
    fp = sum(g == NONE and p != NONE for g, p in zip(gold, pred))
    fn = sum(g != NONE and p == NONE for g, p in zip(gold, pred))
    typed = sum(g == p for g, p in zip(gold, pred) if g != NONE and p != NONE)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"n": len(gold), "accuracy": sum(g == p for g, p in zip(gold, pred)) / max(1, len(gold)),
            "event_p": prec, "event_r": rec, "event_f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "type_acc": typed / tp if tp else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=default_model_path())
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--training", type=Path, default=TRAINING)
    args = parser.parse_args()
    settings = Settings()
    records = read_records(args.training)
    if not records:
        print(f"no training data in {args.training}", file=sys.stderr)
        return 1
    texts = [r["text"] for r in records]
    labels = [label_of(r) for r in records]
    t0 = time.perf_counter()
    codes = lexicon_codes(texts, settings)
    print(f"{len(records)} sentences ({Counter(labels)[NONE]} without an event); lexicon proposals in "
          f"{time.perf_counter() - t0:.0f} s")
    cv = cross_validate(texts, codes, labels, args.folds)
    print(f"train-fold ({args.folds}-fold cross-validation): " + ", ".join(
        f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in cv.items()))
    pipeline = build_pipeline().fit(frame(texts, codes), labels)
    import sklearn

    info = {"trained": datetime.date.today().isoformat(), "n": len(records), "labels": dict(Counter(labels)),
            "sklearn": sklearn.__version__, "train_fold": cv,
            "files": sorted(p.name for p in args.training.glob("*.jsonl"))}
    EventModel(pipeline=pipeline, info=info).save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
