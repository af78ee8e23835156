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

``--main`` lists instead the main entities missed and the countries got wrong, by cause. A main entity is missed
(``main_found``) when

- ``not extracted``: no mention of it was found in one of its articles;
- ``split: <cause>``: found in every article but no one corpus entity holds it in all of them (the cause of the
  first pair of its mentions in two articles that ended apart, as for splits above);

and misnamed (``main_named``, the shared scorer's test) when the entities holding it are not named by its longest
capitalised mention: ``acronym only`` (named by the acronym of that name), ``surname only`` (one word of a person's
name), ``short form`` (a name the wanted one holds, "Defence Ministry" of "Ministry of Defence"), ``other``.
A country is missed as ``none`` (the entity holding it has no country) or ``wrong``, by gold type.
"""
from __future__ import annotations

import argparse
import re
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


def main_errors(rec: dict, settings: Settings, causes: Counter, examples: dict[str, list[str]]) -> None:
    """Causes of the main entities missed and the countries got wrong in one mini-corpus (``--main``)."""
    states, fuse = eval_entities.fused(rec, settings)
    problem = match_problem(fuse.analyses, settings)
    index = {e.id: i for i, e in enumerate(problem.ents)}
    model = entity_matcher.load_matcher(settings.entity_matcher_model)
    scored = dict(zip(problem.pairs, model.classifier.predict_proba(problem.rows)[:, 1])) if problem.rows else {}
    ents = {e.id: e for e in fuse.corpus.entities}
    found: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)   # key -> [(doc, text, local, global)]
    for d, s in zip(rec["docs"], states):
        spans = [(m.start, m.end, m.entity) for m in s.mentions if m.entity]
        for m in d["mentions"]:
            local = eval_entities.best_overlap(m["start"], m["end"], spans)
            if local:
                found[m["key"]].append((d["id"], m["text"], local, fuse.id_map.get(local, local)))
    for key, info in rec["entities"].items():
        held = found.get(key, [])
        owner = Counter(g for *_, g in held).most_common(1)[0][0] if held else None
        if info.get("country") and owner:
            got = ents[owner].country if owner in ents else None
            if got != info["country"]:
                cause = f"country {'none' if got is None else 'wrong'} {info['type']}"
                causes[cause] += 1
                examples[cause].append(f"{rec['id']} {key}: {got} != {info['country']} ({ents[owner].name!r})")
        if not info.get("main"):
            continue
        docs = sorted({d["id"] for d in rec["docs"] for m in d["mentions"] if m["key"] == key})
        texts = [m["text"] for d in rec["docs"] for m in d["mentions"] if m["key"] == key]
        per_doc: dict[str, set[str]] = defaultdict(set)
        for doc, _, _, g in held:
            per_doc[doc].add(g)
        absent = [d for d in docs if not per_doc[d]]
        if absent:
            cause = "main: not extracted"
            causes[cause] += 1
            examples[cause].append(f"{rec['id']} {key} in {', '.join(absent)}: {sorted(set(texts))}")
        elif not set.intersection(*(per_doc[d] for d in docs)):
            pair = next(((a, b) for a in held for b in held if a[0] < b[0] and a[3] != b[3]), None)
            why = split_cause(problem, index, scored, model.threshold, pair[0][2], pair[1][2]) if pair else "?"
            cause = f"main: split: {why}"
            causes[cause] += 1
            examples[cause].append(f"{rec['id']} {key}: " + " | ".join(
                f"{ents[g].name!r}" for g in sorted({g for *_, g in held}) if g in ents))
        want = eval_entities.common_name(texts)
        holders = [ents[g] for g in sorted({g for *_, g in held}) if g in ents]
        ok = [e for e in holders if eval_entities.named_by(eval_entities.norm(want or ""),
                                                           {"name": e.name, "aliases": e.aliases})]
        if want and holders and not ok:
            cause = f"main named: {misname_cause(want, holders, info['type'])}"
            causes[cause] += 1
            examples[cause].append(f"{rec['id']} {key} {want!r}: "
                                   + " | ".join(f"{e.name!r} {e.aliases[:4]}" for e in holders))


def misname_cause(want: str, holders: list, etype: str) -> str:
    names = {eval_entities.norm(n) for e in holders for n in [e.name, *e.aliases]}
    w = eval_entities.norm(want)
    letters = "".join(x[0] for x in re.findall(r"[^\W\d_]+", want) if x[0].isupper()).lower()
    if letters and letters in names:
        return "acronym only"
    if etype == "PERSON" and any(n in w.split() for n in names):
        return "surname only"
    if any(n and set(n.split()) <= set(w.split()) for n in names):
        return "short form"
    return "other"


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
    parser.add_argument("--main", action="store_true", help="main entities missed and countries wrong, by cause")
    args = parser.parse_args()
    settings = Settings()
    if args.main:
        causes: Counter[str] = Counter()
        found: dict[str, list[str]] = defaultdict(list)
        for path in args.set:
            for rec in eval_entities.read(path):
                main_errors(rec, settings, causes, found)
        for cause, n in sorted(causes.items()):
            print(f"  {n:5d}  {cause}")
            for line in found[cause][:args.examples]:
                print(f"           {line}")
        return 0
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
