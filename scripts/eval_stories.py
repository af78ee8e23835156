#!/usr/bin/env python3
"""Story B-cubed of the real pipeline on a story set: a folder with articles/ and gold.yaml.

The set is analysed with the one pipeline path (``storyline.engine.local.run``, as ``storyline
analyze DIR --out OUT``) and the export's stories are scored against ``gold.yaml``'s ``stories``
(file stem -> story id) with B-cubed precision, recall and F1, the definition the shared seed
scorer uses (an article the export leaves out counts as a story of its own).

usage: eval_stories.py [--set DIR] [--out OUT] [--reanalyze] [--details] [--setting NAME=VALUE ...]

``--set`` defaults to training/stories (the dev set). The frozen set (frozen/stories) is held
out: run it to report its figures, never to tune. ``--details`` lists split and merged stories
(for the dev set). Without ``--reanalyze`` a run into an existing OUT reuses the stored
per-document analyses and only fuses again. ``--setting stories=trained`` scores the trained story
decision (as ``storyline analyze --set``).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def bcubed(pred: Mapping[str, object], gold: Mapping[str, object]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of the clustering ``pred`` (item -> cluster) against ``gold``.

    Every gold item is scored; one missing from ``pred`` is a singleton.
    """
    keys = list(gold)
    pred = {k: pred.get(k, ("single", k)) for k in keys}
    by_pred: dict[object, set[str]] = {}
    by_gold: dict[object, set[str]] = {}
    for k in keys:
        by_pred.setdefault(pred[k], set()).add(k)
        by_gold.setdefault(gold[k], set()).add(k)
    p = r = 0.0
    for k in keys:
        same_pred, same_gold = by_pred[pred[k]], by_gold[gold[k]]
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(keys), r / len(keys)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def stem(source: str) -> str:
    return Path(source.split("#", maxsplit=1)[0]).stem


def analyse(folder: Path, out: Path, reanalyze: bool, settings: list[str] | None = None) -> dict[str, str]:
    """Article file stem -> story id, as the pipeline groups ``folder/articles`` (``settings``: name=value)."""
    from storyline.cli import build_settings
    from storyline.engine.local import run

    _, corpus = run([folder / "articles"], out, build_settings(settings), reanalyze=reanalyze)
    source = {d.id: stem(d.source) for d in corpus.documents}
    return {source[d]: s.id for s in corpus.stories for d in s.docs if d in source}


def details(pred: dict[str, str], gold: dict[str, str]) -> list[str]:
    """One line per gold story that is split, and per predicted story that mixes gold stories."""
    lines = []
    for g in sorted(set(gold.values())):
        parts = Counter(pred.get(k, k) for k in gold if gold[k] == g)
        if len(parts) > 1:
            lines.append(f"split  {g}: " + " | ".join(
                ",".join(sorted(k for k in gold if gold[k] == g and pred.get(k, k) == p)) for p in parts))
    for p in sorted(set(pred.values())):
        mixed = Counter(gold[k] for k in gold if pred.get(k) == p)
        if len(mixed) > 1:
            lines.append(f"merged {p}: " + ", ".join(f"{g} x{n}" for g, n in mixed.most_common()))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, default=REPO / "training" / "stories", help="folder with articles/, gold.yaml")
    ap.add_argument("--out", type=Path, default=None, help="analysis folder (default out/stories-<set name>)")
    ap.add_argument("--reanalyze", action="store_true", help="run the per-document stages again")
    ap.add_argument("--details", action="store_true", help="list split and merged stories")
    ap.add_argument("--setting", action="append", default=[], help="NAME=VALUE of storyline's settings (repeatable)")
    args = ap.parse_args(argv)
    folder = args.set.resolve()
    gold = {str(k): str(v) for k, v in yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
            ["stories"].items()}
    out = args.out or REPO / "out" / f"stories-{folder.parent.name}-{folder.name}"
    pred = analyse(folder, out, args.reanalyze, args.setting)
    p, r, f = bcubed(pred, gold)
    name = folder.relative_to(REPO) if folder.is_relative_to(REPO) else folder
    print(f"stories {name}: {len(gold)} articles, {len(set(gold.values()))} gold stories, "
          f"{len(set(pred.values()))} predicted")
    print(f"story B-cubed precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
    if args.details:
        print("\n".join(details(pred, gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
