#!/usr/bin/env python
"""Train the disagreement pair model from the team-written pairs in ``training/disagreements/`` (``make train``).

    python scripts/train_disagreements.py [--data training/disagreements/pairs.jsonl] [--out MODEL]

Every pair is shown in both orders (the labels are symmetric). Printed first: the train-fold figures
(cross-validation by story, as ``scripts/eval_disagreements.py`` prints them). Never reads frozen/.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_disagreements import TRAINING, cross_validate, line, read, training_rows  # noqa: E402

from storyline.fuse.pair_model import default_model_path, fit_pair_model  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=TRAINING)
    parser.add_argument("--out", type=Path, default=default_model_path())
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args()
    from storyline import modelfile

    rows = read(args.data)
    if not rows:
        print(f"no training pairs in {args.data}", file=sys.stderr)
        return 1
    if not args.no_cv:
        cv, hand, _ = cross_validate(rows)
        print(line("train-fold (CV by story)", cv))
        print(line("  of which hand-written pairs", hand))
    model = fit_pair_model(*training_rows(rows))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    modelfile.save(args.out, {"vectorizer": model.vectorizer, "classifier": model.classifier})
    print(f"{len(rows)} pairs, labels {model.labels} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
