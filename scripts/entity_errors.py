#!/usr/bin/env python
"""Split and merge errors of the entity merge on dev sets, by cause (issue 17).

    python scripts/entity_errors.py --set training/entities_dev4/dev.jsonl --set training/entities_dev5/dev.jsonl
        [--examples N]

For each gold entity, every pair of its found mentions that ends in two corpus entities is a split, put down
to the first step that kept them apart:

- ``within-article``: one article's resolver made two local entities of them;
- ``description``: one side is an unnamed description ("the governor") no step linked;
- ``no shared block key``: no blocking key of the trained matcher brings the two local entities together;
- ``out of scope``: they share a key but the matcher does not judge such a pair (``in_scope``);
- ``pair model below threshold``: the pair was scored under the model's threshold;
- ``transitive guard``: the pair scored above the threshold but the join was refused (cannot-links, average link,
  one article's entities kept apart).

Merges (two gold entities' mentions in one corpus entity) are counted as ``within-article`` (one local entity
holds both) or ``cross-article``. Dev sets only: the frozen set is never read to decide rules.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import eval_entities  # noqa: E402

from storyline.config import Settings  # noqa: E402
from storyline.fuse import entity_matcher  # noqa: E402
from storyline.fuse.entities import match_problem  # noqa: E402


def corpus_errors(rec: dict, settings: Settings, splits: Counter, merges: Counter,
                  examples: dict[str, list[str]]) -> None:
    states, fuse = eval_entities.fused(rec, settings)
    problem = match_problem(fuse.analyses, settings)
    index = {e.id: i for i, e in enumerate(problem.ents)}
    model = entity_matcher.load_matcher(settings.entity_matcher_model)
    scored = dict(zip(problem.pairs, model.classifier.predict_proba(problem.rows)[:, 1])) if problem.rows else {}
    found: list[tuple[str, str, str, str, str]] = []   # (key, doc, text, local id, global id)
    for d, s in zip(rec["docs"], states):
        spans = [(m.start, m.end, m.entity) for m in s.mentions if m.entity]
        for m in d["mentions"]:
            local = eval_entities.best_overlap(m["start"], m["end"], spans)
            if local:
                found.append((m["key"], d["id"], m["text"], local, fuse.id_map.get(local, local)))
    for x in range(len(found)):
        for y in range(x + 1, len(found)):
            ka, _, ta, la, ga = found[x]
            kb, _, tb, lb, gb = found[y]
            if ka == kb and ga != gb:
                cause = split_cause(problem, index, scored, model.threshold, la, lb)
                splits[cause] += 1
                examples[cause].append(f"{rec['id']} {ka}: {ta!r} ~ {tb!r}")
            elif ka != kb and ga == gb:
                cause = "within-article" if la == lb else "cross-article"
                merges[cause] += 1
                examples["merge " + cause].append(f"{rec['id']} {ka}={ta!r} / {kb}={tb!r}")


def split_cause(problem, index: dict[str, int], scored: dict, threshold: float, la: str, lb: str) -> str:
    i, j = index.get(la), index.get(lb)
    if i is None or j is None:
        return "not a local entity"
    if problem.doc_of[i] == problem.doc_of[j]:
        return "within-article"
    a, b = problem.ents[i], problem.ents[j]
    if a.generic or b.generic:
        return "description"
    ia, ib = entity_matcher.info_of(a), entity_matcher.info_of(b)
    if not entity_matcher.shares_key(ia, ib):
        return "no shared block key"
    if not entity_matcher.in_scope(ia, ib):
        return "out of scope"
    p = scored.get((min(i, j), max(i, j)))
    if p is None:
        # the pair is judged through the entities written alike that stand for them (the certain merges)
        return "pair not scored (representative)"
    return "pair model below threshold" if p < threshold else "transitive guard"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, action="append", required=True)
    parser.add_argument("--examples", type=int, default=4)
    args = parser.parse_args()
    settings = Settings()
    splits: Counter[str] = Counter()
    merges: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for path in args.set:
        for rec in eval_entities.read(path):
            corpus_errors(rec, settings, splits, merges, examples)
    print(f"split mention pairs: {sum(splits.values())}")
    for cause, n in splits.most_common():
        print(f"  {n:5d}  {cause}")
        for line in examples[cause][:args.examples]:
            print(f"           {line}")
    print(f"merge mention pairs: {sum(merges.values())}")
    for cause, n in merges.most_common():
        print(f"  {n:5d}  {cause}")
        for line in examples["merge " + cause][:args.examples]:
            print(f"           {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
