#!/usr/bin/env python
"""Loaded-language figures: span recall, restraint and span precision, per component and set (``make eval``).

    python scripts/eval_loaded.py [--set FILE_OR_FOLDER ...] [--component NAME ...] [--model FILE]

Default: the training set (training/loaded/: the trained model scored by 5-fold cross-validation on its
hand-written sentences, the template ones always training; the lexicon on the whole set as is) beside the frozen set
(frozen/loaded/test.jsonl), for the lexicon and the trained component.

- span recall: share of gold spans overlapped by a found span;
- restraint: share of neutral sentences (no gold span) with no found span;
- span precision: share of found spans that overlap a gold span.
A gold span is the first occurrence of its string in the sentence (the sets' convention).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.config import Settings  # noqa: E402
from storyline.extract.loaded import find_loaded_language  # noqa: E402
from storyline.extract.loaded_model import find_loaded_trained  # noqa: E402
from storyline.model import Block, Document, LoadedTerm  # noqa: E402
from storyline.nlp.pipeline import Parsed, parse_many  # noqa: E402

TRAINING = ROOT / "training" / "loaded"
FROZEN = ROOT / "frozen" / "loaded" / "test.jsonl"
LEXICON = "storyline.loaded_language.lexicon.v1"
TRAINED = "storyline.loaded_language.trained.v1"
COMPONENTS: dict[str, Callable[[Document, Parsed, Settings], list[LoadedTerm]]] = {
    LEXICON: find_loaded_language, TRAINED: find_loaded_trained}


def read(path: Path) -> list[dict]:
    """Records of a .jsonl file, or of every .jsonl file in a folder (sorted by name)."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_spans(rec: dict) -> list[tuple[int, int]]:
    out = []
    for s in rec["spans"]:
        i = rec["text"].find(s)
        if i >= 0:
            out.append((i, i + len(s)))
    return out


def parsed(records: list[dict], settings: Settings) -> list[tuple[Document, Parsed]]:
    """One single-paragraph document per record, parsed."""
    docs = [Document(id=r["id"], source=r["id"], raw=r["text"], blocks=[Block(0, len(r["text"]))]) for r in records]
    return list(zip(docs, parse_many(docs, settings)))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(records: list[dict], found: list[list[tuple[int, int]]]) -> dict[str, float]:
    """Span recall, restraint and span precision of ``found`` (spans per record) against the gold."""
    n_gold = hit = n_found = right = neutral = quiet = 0
    for rec, spans in zip(records, found):
        gold = gold_spans(rec)
        n_gold += len(gold)
        hit += sum(any(overlaps(g, f) for f in spans) for g in gold)
        n_found += len(spans)
        right += sum(any(overlaps(g, f) for g in gold) for f in spans)
        if not gold:
            neutral += 1
            quiet += not spans
    return {"recall": hit / n_gold if n_gold else 0.0, "restraint": quiet / neutral if neutral else 0.0,
            "precision": right / n_found if n_found else 0.0, "gold": n_gold, "found": n_found,
            "neutral": neutral}


def run(component: str, items: list[tuple[Document, Parsed]], settings: Settings) -> tuple[list, float]:
    """Spans per document and milliseconds per document (sentence) for one component."""
    fn = COMPONENTS[component]
    fn(*items[0], settings)   # load the lexicon / model and the word table before timing
    t0 = time.perf_counter()
    out = [[(t.start, t.end) for t in fn(doc, p, settings)] for doc, p in items]
    return out, 1000 * (time.perf_counter() - t0) / max(len(items), 1)


def line(label: str, m: dict[str, float], ms: float | None = None) -> str:
    cost = f"  {ms:5.2f} ms/sentence" if ms is not None else ""
    return (f"{label:58s} recall {m['recall']:.3f} ({m['gold']} gold)  restraint {m['restraint']:.3f} "
            f"({m['neutral']} neutral)  precision {m['precision']:.3f} ({m['found']} found){cost}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", type=Path, help="a .jsonl file or folder (repeatable)")
    ap.add_argument("--component", action="append", choices=sorted(COMPONENTS), help="repeatable")
    ap.add_argument("--model", type=Path, help="the trained component's model file (default: the shipped one), "
                    "to score a candidate before it replaces the shipped model")
    args = ap.parse_args(argv)
    settings = Settings(loaded_model=str(args.model)) if args.model else Settings()
    components = args.component or [LEXICON, TRAINED]
    sets = args.set or [TRAINING, FROZEN]
    for path in sets:
        records = read(path)
        items = parsed(records, settings)
        for comp in components:
            if comp == TRAINED and path.resolve() == TRAINING.resolve():
                from train_loaded import cross_validated  # the model was trained on this set: score held-out folds

                held, found = cross_validated(records, items, settings)
                print(line(f"{TRAINING.relative_to(ROOT)} (hand) {comp} (5-fold CV)", score(held, found)))
                continue
            found, ms = run(comp, items, settings)
            name = path.relative_to(ROOT) if path.is_absolute() and path.is_relative_to(ROOT) else path
            print(line(f"{name} {comp}", score(records, found), ms))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.exit(main())
