#!/usr/bin/env python
"""Train the cleaning line model from the team-written pages in ``training/clean/`` (``make train``).

    python scripts/train_clean.py [--out storyline/models/clean_lines.joblib] [--folds 5]

Every unit of every page is judged by the cleaning rules (``clean.document.judged_lines``) and labelled
from the gold: furniture when it is one of the page's ``remove`` strings (or a long one covers most of
it), body when it holds one of the ``keep`` strings; other units (captions, reader comments, a
speaker's name alone) are left out. Printed: cross-validation by page (each fold's pages cleaned with
a model trained on the other pages, scored like ``eval_clean.py``) for each threshold, beside the rules
alone; the threshold kept is the one that removes most while keeping the body at most ``KEPT_SLACK``
below the rules alone (a line goes only when the model is confident and a rule or the page's structure
agrees: ``line_model.removals``). Never reads frozen/ (nor training/clean_dev/, the unseen pages the
cleaning is judged on: ``eval_clean.py --set training/clean_dev``).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_clean import key_of, norm, score  # noqa: E402

from storyline.clean import LineStats, clean_document  # noqa: E402
from storyline.clean.document import judged_lines  # noqa: E402
from storyline.clean.lexicon import load_lexicon  # noqa: E402
from storyline.clean.line_model import LineModel, default_model_path, features, load_line_model  # noqa: E402
from storyline.config import Settings  # noqa: E402
from storyline.ingest import read_paths  # noqa: E402
from storyline.model import Document  # noqa: E402

TRAINING = ROOT / "training" / "clean"
THRESHOLDS = (0.65, 0.8, 0.9)
#: how far below the rules' kept share the chosen threshold may keep the body in cross-validation
KEPT_SLACK = 0.005
#: a long remove string that covers this share of a unit labels it furniture
COVER = 0.8


def unit_label(raw_text: str, remove: list[str], keep: list[str]) -> int | None:
    """1 furniture, 0 body, None: the gold says nothing about this unit."""
    u = norm(raw_text)
    if not u:
        return None
    if any(k and (k in u or (len(u) >= 15 and u in k)) for k in keep):
        return 0
    for r in remove:
        if r == u or (len(r) >= 25 and r in u and len(r) >= COVER * len(u)):
            return 1
    return None


def dataset(docs: dict[str, Document], gold: dict, settings: Settings, stats: LineStats) -> tuple[list, list, list]:
    lex = load_lexicon()
    rows, y, groups = [], [], []
    for k, doc in docs.items():
        g = gold.get(k)
        if g is None:
            continue
        remove = [norm(s) for s in g.get("remove") or []]
        keep = [norm(s) for s in g.get("keep") or []]
        lines = judged_lines(doc, settings, stats)
        for ln, f in zip(lines, features(lines, lex)):
            lab = unit_label(ln.raw, remove, keep)
            if lab is not None:
                rows.append(f)
                y.append(lab)
                groups.append(k)
    return rows, y, groups


def make_pipeline():  # type: ignore[no-untyped-def]
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.pipeline import make_pipeline as mk

    return mk(DictVectorizer(sparse=False),
              HistGradientBoostingClassifier(max_iter=200, learning_rate=0.08, max_leaf_nodes=15,
                                             min_samples_leaf=10, l2_regularization=1.0, random_state=15))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(TRAINING))
    ap.add_argument("--out", default=str(default_model_path()))
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args(argv)
    root = Path(a.data)
    gold = yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))["documents"]
    rules = Settings(clean_lines="rules")
    docs = {key_of(d.source): d for d in read_paths([root / "articles"], rules) if isinstance(d, Document)}
    stats = LineStats.from_documents(docs.values())
    rows, y, groups = dataset(docs, gold, rules, stats)
    print(f"{len(docs)} pages, {len(y)} labelled lines ({sum(y)} furniture, {len(y) - sum(y)} body)")

    keys = sorted(docs)
    folds = [set(keys[i::a.folds]) for i in range(a.folds)]
    cleaned: dict[float, dict[str, Document]] = {t: {} for t in THRESHOLDS}
    with tempfile.TemporaryDirectory() as tmp:
        for n, held in enumerate(folds):
            pipe = make_pipeline().fit([x for x, g in zip(rows, groups) if g not in held],
                                       [v for v, g in zip(y, groups) if g not in held])
            for t in THRESHOLDS:
                path = Path(tmp) / f"fold{n}_{t}.joblib"
                LineModel(pipe, threshold=t).save(path)
                trained = Settings(clean_lines="trained", clean_line_model=str(path))
                for k in held:
                    cleaned[t][k] = clean_document(docs[k], trained, stats)
    base, _ = score({k: clean_document(d, rules, stats) for k, d in docs.items()}, {"documents": gold})

    def row(name: str, res: dict) -> tuple[float, float]:
        kept, removed = res["all"]["clean.kept"], res["all"]["clean.removed"]
        cells = "  ".join(f"{g}={res[g]['clean.removed'][0] / res[g]['clean.removed'][1]:.3f}"
                          for g in sorted(res) if g != "all")
        print(f"{name:<16} kept {kept[0] / kept[1]:.3f} ({kept[0]}/{kept[1]})  removed {removed[0] / removed[1]:.3f} "
              f"({removed[0]}/{removed[1]})   removed by format: {cells}")
        return kept[0] / kept[1], removed[0] / removed[1]

    print(f"{a.folds}-fold cross-validation by page (eval_clean figures on the held-out pages):")
    rules_kept, _ = row("rules", base)
    best_t, best = THRESHOLDS[-1], -1.0
    for t in THRESHOLDS:
        res, _ = score(cleaned[t], {"documents": gold})
        kept, removed = row(f"trained p>={t}", res)
        if kept >= rules_kept - KEPT_SLACK and removed > best:
            best_t, best = t, removed
    model = LineModel(make_pipeline().fit(rows, y), threshold=best_t,
                      info={"lines": len(y), "pages": len(docs), "threshold": best_t, "cv_removed": best})
    out = Path(a.out)
    model.save(out)
    load_line_model.cache_clear()
    t0 = time.perf_counter()
    trained = Settings(clean_lines="trained", clean_line_model=str(out))
    for d in docs.values():
        clean_document(d, trained, stats)
    t1 = time.perf_counter()
    for d in docs.values():
        clean_document(d, rules, stats)
    t2 = time.perf_counter()
    print(f"threshold {best_t}; wrote {out}; cost {(t1 - t0) / len(docs) * 1000:.1f} ms/page trained vs "
          f"{(t2 - t1) / len(docs) * 1000:.1f} ms/page rules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
