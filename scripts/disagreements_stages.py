#!/usr/bin/env python
"""Where gold disagreements are lost: per stage of the pair dimension, over dev corpus sets.

    python scripts/disagreements_stages.py training/disagreements_corpus2 ... [--details]

For each gold disagreement that the exported disagreements miss (``eval_disagreements_corpus.matches``), the
first stage that loses it:

* ``no unit``: a gold sentence is not a sentence the pair dimension compares (split or length);
* ``not aligned``: the two sentences are not a candidate pair (``candidate_pairs``);
* ``model none``: the pair model's label is none, or its best disagreement label is under the threshold;
* ``not fit``: the model's label is ruled out by ``pair_fits`` and no next reading stands;
* ``dropped``: the pair dimension found it, but the caps (``keep_disagreements``) or guards dropped it.

``--false`` also counts the false alarms (exported disagreements matching no gold one) by the path that made them:
the pair model's label (``pairs: figure``) or the rule dimension (``rule: quantity``), per set.

Dev sets only: the frozen set's misses are not to be read.
"""
from __future__ import annotations

import argparse
import logging
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_disagreements_corpus as ev  # noqa: E402

import storyline.fuse.pair_model as pm  # noqa: E402
from storyline.config import Settings  # noqa: E402

STAGES = ("found", "no unit", "not aligned", "model none", "not fit", "dropped")


class Capture:
    """Wraps ``candidate_pairs`` to keep the units and pairs of the last analysis."""

    def __init__(self) -> None:
        self.units: list = []
        self.pairs: list[tuple[int, int]] = []
        self.original = pm.candidate_pairs

    def __call__(self, units: list) -> list[tuple[int, int]]:
        self.units = units
        self.pairs = self.original(units)
        return self.pairs


def _unit_of(units: list, doc_id: str, start: int, end: int) -> int | None:
    for i, u in enumerate(units):
        if u.doc == doc_id and u.start < end and start < u.end:
            return i
    return None


def stage_of(g: dict, raw: dict[str, str], ids: dict[str, str], cap: Capture, model: pm.PairModel,
             threshold: float) -> tuple[str, str]:
    where = []
    for d, e in ((str(g["doc_a"]), g["evidence_a"]), (str(g["doc_b"]), g["evidence_b"])):
        at = raw[d].find(e)
        where.append(_unit_of(cap.units, ids[d], at, at + len(e)))
    ia, ib = where
    if ia is None or ib is None:
        return "no unit", ""
    pair = (min(ia, ib), max(ia, ib))
    a, b = cap.units[pair[0]], cap.units[pair[1]]
    probs = model.probabilities([(a.text, b.text)])[0]
    top = max((k for k in probs if k != pm.NONE), key=lambda k: probs[k])
    note = f"{top} {probs[top]:.2f} none {probs[pm.NONE]:.2f}"
    if pair not in set(cap.pairs):
        return "not aligned", note
    v = model.judge([(a.text, b.text)], threshold)[0]
    if not v.disagree:
        return "model none", note
    if not pm.pair_fits(v.label, a, b):
        nxt = pm.next_reading(model, a, b, v.label, threshold)
        if not nxt.disagree:
            return "not fit", note
    return "dropped", note


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--pair-model", default="", help="another pair model file (default: the shipped one)")
    ap.add_argument("--false", action="store_true", help="count the false alarms by the path that made them")
    ap.add_argument("--dump", default="", help="a folder to pickle each mini-corpus's units, candidate pairs and gold "
                    "pairs into (to judge another alignment or model on them without analysing again)")
    args = ap.parse_args()
    logging.disable(logging.WARNING)
    cap = Capture()
    pm.candidate_pairs = cap
    settings = Settings(disagreement_pair_model=args.pair_model) if args.pair_model else Settings()
    model = pm.load_pair_model(settings.disagreement_pair_model)
    assert model is not None
    threshold = settings.disagreement_pair_min_probability
    table: dict[str, Counter[str]] = defaultdict(Counter)
    per_label: dict[str, Counter[str]] = defaultdict(Counter)
    false_by_path: dict[str, Counter[str]] = defaultdict(Counter)
    precision: dict[str, Counter[str]] = defaultdict(Counter)
    for s in args.sets:
        root = Path(s)
        gold = yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))["corpora"]
        for cid in sorted(gold):
            dis = gold[cid]["disagreements"] or []
            if not dis and not args.false:
                continue
            paths = sorted((root / cid).glob("*.txt"))
            result = ev.storyline.analyze(paths, **({"disagreement_pair_model": args.pair_model}
                                                      if args.pair_model else {}))
            ids = {Path(d.source).stem: d.id for d in result.corpus.documents}
            raw = {Path(d.source).stem: d.raw for d in result.corpus.documents}
            stem_of = {v: k for k, v in ids.items()}
            preds = [ev.Predicted(ev.predicted_label(d.topic), d.topic,
                                  tuple(ev.PredSide(stem_of.get(x.doc, x.doc), x.evidence.start, x.evidence.end)
                                        for x in d.sides)) for d in result.corpus.disagreements]
            for p in preds:
                ok = any(ev.matches(p, g, raw) for g in dis)
                precision[root.name]["ok" if ok else "false"] += 1
                if args.false and not ok:
                    false_by_path[root.name][false_path(p.topic)] += 1
                    if args.details:
                        sides = " / ".join(f"{x.doc}:{raw.get(x.doc, '')[x.start:x.end][:70]!r}" for x in p.sides)
                        print(f"{root.name}/{cid} FALSE {false_path(p.topic)}: {sides}")
            if args.dump:
                _dump(Path(args.dump) / f"{root.name}_{cid}.pkl", cap, dis, raw, ids,
                      [any(ev.matches(p, g, raw) for p in preds) for g in dis])
            for g in dis:
                if any(ev.matches(p, g, raw) for p in preds):
                    st, note = "found", ""
                else:
                    st, note = stage_of(g, raw, ids, cap, model, threshold)
                table[root.name][st] += 1
                per_label[g["label"]][st] += 1
                if args.details and st != "found":
                    print(f"{root.name}/{cid} {g['label']:>14} {st:<11} [{note}] "
                          f"{g['evidence_a'][:50]!r} / {g['evidence_b'][:50]!r}")
    print(f"{'set':<28}" + "".join(f"{x:>12}" for x in STAGES) + f"{'precision':>12}")
    for name, row in [*table.items(), ("all", sum(table.values(), Counter()))]:
        kept = precision[name] if name != "all" else sum(precision.values(), Counter())
        print(f"{name:<28}" + "".join(f"{row[x]:>12}" for x in STAGES)
              + f"{str(kept['ok']) + '/' + str(kept['ok'] + kept['false']):>12}")
    print()
    for lab, row in sorted(per_label.items()):
        print(f"{lab:<28}" + "".join(f"{row[x]:>12}" for x in STAGES))
    if args.false:
        total = sum(false_by_path.values(), Counter())
        paths = [k for k, _ in total.most_common()]
        print(f"\nfalse alarms by path\n{'set':<28}" + "".join(f"{x:>20}" for x in paths))
        for name, row in [*false_by_path.items(), ("all", total)]:
            print(f"{name:<28}" + "".join(f"{row[x]:>20}" for x in paths))
    return 0


def _dump(path: Path, cap: Capture, dis: list, raw: dict[str, str], ids: dict[str, str], found: list[bool]) -> None:
    """The captured units and pairs, and each gold pair's two units (None where a side is no unit) and whether the
    export found it."""
    gold = []
    for g, ok in zip(dis, found):
        where = []
        for d, e in ((str(g["doc_a"]), g["evidence_a"]), (str(g["doc_b"]), g["evidence_b"])):
            at = raw[d].find(e)
            where.append(_unit_of(cap.units, ids[d], at, at + len(e)))
        gold.append({"label": g["label"], "units": where, "found": ok})
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        pickle.dump({"units": cap.units, "pairs": cap.pairs, "gold": gold}, f)


def false_path(topic: str) -> str:
    """The path that made an exported disagreement: the pair model's label or the rule dimension's kind."""
    head = topic.split(":", 1)[0].split(" (", 1)[0].strip()
    return f"pairs: {head}" if head in ev.LABELS else f"rule: {head}"


if __name__ == "__main__":
    sys.exit(main())
