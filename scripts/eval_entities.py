#!/usr/bin/env python
"""Cross-document entity resolution on the frozen team entity set (``make eval``).

    python scripts/eval_entities.py [--set frozen/entities/test.jsonl] [--misses N] [--fuse-entities NAME]

Each mini-corpus (2–3 short articles about one story) is analysed as a corpus: every article is a
document whose paragraphs are its blocks (no cleaning: the texts are article bodies), run through
the per-document components of the settings and the entity merge of the fuse pipeline. Gold
mentions are matched to predicted mentions by overlap (the predicted mention that overlaps most).
Figures:

- ``aliases``: share of gold mentions found with an entity;
- ``cluster_f1``: pairwise F1 over the gold mentions found — two mentions are together in the
  prediction when they have one corpus-wide entity id, in the gold when they have one key
  (``bcubed_f1`` is the B-cubed F1 over the same mentions);
- ``country``: per gold entity with a country and a found mention, the entity that holds most of
  its mentions has that country;
- ``type``: the same for the entity type (PERSON/ORG/GPE/LOC/NORP);
- ``main_found``: per main entity of a mini-corpus, one predicted entity holds a mention of it in
  every article that mentions it;
- ``main_named``: per main entity, an entity holding one of its mentions is named by its longest capitalised
  mention ("the United States" → "United States") as ``../shared/tools/score.py`` matches main entities: the name
  or an alias equals it or holds it with at most 15 more characters;
- ``main_rank_p/r/f1``: per article and actor, whether ``storyline.fuse.entity_salience`` calls the actor
  main, against the ``main=`` of the gold key most of its mentions in the article overlap.

The frozen set was written before the issue-17 work was tuned and is never used to tune: report
these figures, do not fit to them. ``--set`` scores another file of the same format (a dev set).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.config import Settings  # noqa: E402
from storyline.engine.components import DocState  # noqa: E402
from storyline.fuse import entity_salience  # noqa: E402
from storyline.fuse.steps import FuseState  # noqa: E402
from storyline.model import Block, Corpus, Document  # noqa: E402
from storyline.registry import components, fuse_steps  # noqa: E402
from storyline.resolve.names import ADDRESS_TITLES  # noqa: E402

#: Words before a name that title it, not name it ("Minister Fahmy", "Dr Sato Hiroshi").
TITLES = ADDRESS_TITLES | {"mr", "mrs", "ms", "miss", "dr", "sir", "chairman", "chairwoman", "chair"}
FROZEN = ROOT / "frozen" / "entities" / "test.jsonl"
#: per-document components that only read text the set does not have or that do not touch actors
SKIP = ("storyline.clean.", "storyline.lead_vector.", "storyline.loaded_language.", "storyline.genre.",
        "storyline.claims.")


def read(path: Path) -> list[dict]:
    """The mini-corpora of one set file (JSON Lines), or of every ``*.jsonl`` in a folder."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    out = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            out += [json.loads(line) for line in fh if line.strip()]
    return out


def paragraphs(text: str) -> list[Block]:
    return [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]


def document_states(record: dict, settings: Settings) -> list[DocState]:
    """The mini-corpus's articles run through the per-document components (ids ``<corpus>-<doc>``)."""
    docs = [Document(id=f"{record['id']}-{d['id']}", source=d["id"], raw=d["text"], outlet=d.get("outlet"),
                     text=d["text"], blocks=paragraphs(d["text"])) for d in record["docs"]]
    states = [DocState(document=d) for d in docs]
    for name in settings.pipeline:
        if name.startswith(SKIP):
            continue
        part = components.get(name)
        if part.run_batch is not None:
            part.run_batch(states, settings)
        else:
            for s in states:
                part.run(s, settings)
    return states


def fused(record: dict, settings: Settings) -> tuple[list[DocState], FuseState]:
    """The mini-corpus's articles analysed and their actors merged by the fuse pipeline's entity steps."""
    states = document_states(record, settings)
    docs = [s.document for s in states]
    fuse = FuseState(analyses=[s.analysis() for s in states], corpus=Corpus(documents=docs))
    for name in settings.fuse_pipeline:
        if ".entities." in name:
            fuse_steps.get(name).run(fuse, settings)
    return states, fuse


def salience_examples(record: dict, fuse: FuseState) -> list[tuple[str, str, list[float], bool]]:
    """(document id, corpus entity id, ``entity_salience`` features, gold main) per actor of each article: the
    gold key is the one most of the actor's mentions in that article overlap; no key is not main."""
    gold = {f"{record['id']}-{d['id']}": [(m["start"], m["end"], m["key"]) for m in d["mentions"]]
            for d in record["docs"]}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    # the actors the fuse step ranks: descriptions read as the named actor they likely stand for
    id_map = entity_salience.ranking_map(fuse.corpus.entities, fuse.id_map)
    for a in fuse.analyses:
        for m in a.mentions:
            if m.entity:
                key = best_overlap(m.start, m.end, gold.get(a.document.id, []))
                if key:
                    votes[(a.document.id, id_map.get(m.entity, m.entity))][key] += 1
    out = []
    for doc, ent, row in entity_salience.feature_rows(fuse.analyses, id_map):
        top = votes.get((doc, ent))
        key = top.most_common(1)[0][0] if top else None
        out.append((doc, ent, row, bool(key and record["entities"][key].get("main"))))
    return out


def analyse(record: dict, settings: Settings,
            salience: list | None = None) -> tuple[dict[str, list[tuple[int, int, str]]], dict[str, dict]]:
    """Predicted mentions per document id (start, end, corpus entity id) and the corpus entities by id
    (and the article actors' salience examples appended to ``salience``)."""
    states, fuse = fused(record, settings)
    if salience is not None:
        salience += salience_examples(record, fuse)
    ents = {e.id: {"type": e.type, "country": e.country, "name": e.name, "aliases": list(e.aliases)}
            for e in fuse.corpus.entities}
    pred: dict[str, list[tuple[int, int, str]]] = {}
    for d, s in zip(record["docs"], states):
        pred[d["id"]] = [(m.start, m.end, fuse.id_map.get(m.entity, m.entity)) for m in s.mentions if m.entity]
    return pred, ents


def norm(text: str) -> str:
    """A name as ``../shared/tools/score.py`` compares names (NFKC, quotes, spaces, case)."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def common_name(texts: list[str]) -> str | None:
    """The name a reader would give a gold entity: its fullest mention written as a name, a leading "the" and
    titles dropped ("the United States" → "United States", "Minister Fahmy" → "Fahmy"); None for an entity only
    described ("the minister", "Spanish minister")."""
    names = []
    for t in texts:
        words = re.sub(r"^[Tt]he\s+", "", t).split()
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        # a name's words are capitalised but for particles ("Ministry of Defence", "Banco de la República")
        if words and words[0][:1].isupper() and all(w[:1].isupper() or len(w) <= 3 for w in words):
            names.append(" ".join(words))
    return max(names, key=lambda n: (len(n.split()), len(n), n)) if names else None


def named_by(want: str, ent: dict) -> bool:
    """The scorer's test: the entity's name or an alias is the name, or holds it with <= 15 more characters."""
    names = {norm(ent.get("name") or "")} | {norm(a) for a in ent.get("aliases", [])}
    return want in names or any(want in x and len(x) <= len(want) + 15 for x in names)


def best_overlap(start: int, end: int, spans: list[tuple[int, int, str]]) -> str | None:
    best, size = None, 0
    for s, e, ent in spans:
        o = min(e, end) - max(s, start)
        if o > size:
            best, size = ent, o
    return best


def main_ranking(examples: list[tuple[str, str, list[float], bool]]) -> dict[str, float]:
    """Per article actor, called main by ``entity_salience`` (the shipped ranker, else its baseline) against
    the gold ``main=``: precision, recall and F1 over (article, actor) pairs."""
    model = entity_salience.load_salience()
    rows = [r for _, _, r, _ in examples]
    if model:
        said = [s >= model.threshold for s in model.scores(rows)]
    else:
        said = [entity_salience.baseline_score(r) >= 0.5 for r in rows]
    tp = sum(s and g for s, (*_, g) in zip(said, examples))
    p = tp / sum(said) if any(said) else 0.0
    gold = sum(g for *_, g in examples)
    r = tp / gold if gold else 0.0
    return {"main_rank_p": p, "main_rank_r": r, "main_rank_f1": 2 * p * r / (p + r) if p + r else 0.0}


def evaluate(records: list[dict], settings: Settings, misses: list[str]) -> dict[str, float]:
    n_gold = n_found = 0
    tp = fp = fn = 0
    b_p = b_r = 0.0
    n_b = 0
    country_n = country_hit = type_n = type_hit = main_n = main_hit = main_named = 0
    salience: list[tuple[str, str, list[float], bool]] = []
    for rec in records:
        pred, ents = analyse(rec, settings, salience)
        found: list[tuple[str, str]] = []   # (gold key, predicted entity)
        by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)   # key -> [(doc, predicted)]
        for d in rec["docs"]:
            for m in d["mentions"]:
                n_gold += 1
                got = best_overlap(m["start"], m["end"], pred[d["id"]])
                if got is None:
                    misses.append(f"{rec['id']}/{d['id']}: missed {m['text']!r} ({m['key']})")
                    continue
                n_found += 1
                found.append((m["key"], got))
                by_key[m["key"]].append((d["id"], got))
        texts: dict[tuple[str, str], list[str]] = defaultdict(list)
        for d in rec["docs"]:
            for m in d["mentions"]:
                got = best_overlap(m["start"], m["end"], pred[d["id"]])
                if got is not None:
                    texts[(m["key"], got)].append(m["text"])
        for key in rec["entities"]:
            owners = [(p, t) for (k, p), t in texts.items() if k == key]
            if len(owners) > 1:
                misses.append(f"{rec['id']}: split {key}: " + " | ".join(f"{t}" for _, t in owners))
        for p in {p for _, p in found}:
            keys = [(k, t) for (k, q), t in texts.items() if q == p]
            if len(keys) > 1:
                misses.append(f"{rec['id']}: merged {p}: " + " | ".join(f"{k}={t}" for k, t in keys))
        for i in range(len(found)):
            for j in range(i + 1, len(found)):
                same_gold, same_pred = found[i][0] == found[j][0], found[i][1] == found[j][1]
                tp += same_gold and same_pred
                fp += same_pred and not same_gold
                fn += same_gold and not same_pred
        gold_sizes = Counter(k for k, _ in found)
        pred_sizes = Counter(p for _, p in found)
        pair_sizes = Counter(found)
        for k, p in found:
            b_p += pair_sizes[(k, p)] / pred_sizes[p]
            b_r += pair_sizes[(k, p)] / gold_sizes[k]
            n_b += 1
        for key, info in rec["entities"].items():
            held = by_key.get(key)
            if held:
                owner = Counter(p for _, p in held).most_common(1)[0][0]
                ent = ents.get(owner, {})
                type_n += 1
                type_hit += ent.get("type") == info["type"]
                if info.get("country"):
                    country_n += 1
                    country_hit += ent.get("country") == info["country"]
                    if ent.get("country") != info["country"]:
                        misses.append(f"{rec['id']}: country of {key} {ent.get('country')} != {info['country']}"
                                      f" ({ent.get('name')!r})")
            if info.get("main"):
                main_n += 1
                docs = {d["id"] for d in rec["docs"] for m in d["mentions"] if m["key"] == key}
                per_doc: dict[str, set[str]] = defaultdict(set)
                for doc, got in held or []:
                    per_doc[doc].add(got)
                common = set.intersection(*(per_doc[d] for d in docs)) if docs else set()
                main_hit += bool(common)
                if not common:
                    misses.append(f"{rec['id']}: main entity {key} not one actor across its articles")
                want = common_name([m["text"] for d in rec["docs"] for m in d["mentions"] if m["key"] == key])
                holders = {got for _, got in held or []}
                if want and any(named_by(norm(want), ents.get(p, {})) for p in holders):
                    main_named += 1
                elif want:
                    misses.append(f"{rec['id']}: main entity {key} not named {want!r} by "
                                  + " | ".join(repr(ents.get(p, {}).get("name")) for p in sorted(holders)))
                else:
                    main_named += 1
    main_rank = main_ranking(salience)
    cp = tp / (tp + fp) if tp + fp else 0.0
    cr = tp / (tp + fn) if tp + fn else 0.0
    bp, br = (b_p / n_b, b_r / n_b) if n_b else (0.0, 0.0)
    return {"corpora": len(records), "gold_mentions": n_gold,
            "aliases": n_found / n_gold if n_gold else 0.0,
            "cluster_p": cp, "cluster_r": cr, "cluster_f1": 2 * cp * cr / (cp + cr) if cp + cr else 0.0,
            "bcubed_f1": 2 * bp * br / (bp + br) if bp + br else 0.0,
            "country": country_hit / country_n if country_n else 0.0, "country_n": country_n,
            "type": type_hit / type_n if type_n else 0.0,
            "main_found": main_hit / main_n if main_n else 0.0, "main_n": main_n,
            "main_named": main_named / main_n if main_n else 0.0, **main_rank}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=FROZEN, help="a set file, or a folder of *.jsonl")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    parser.add_argument("--setting", action="append", default=[], metavar="KEY=JSON",
                        help="a Settings field to override, e.g. entity_matcher='\"rules\"'")
    args = parser.parse_args()
    if not args.set.exists():
        print(f"no entity set at {args.set}", file=sys.stderr)
        return 1
    overrides = {k: json.loads(v) for k, v in (s.split("=", 1) for s in args.setting)}
    settings = Settings(**overrides)
    records = read(args.set)
    misses: list[str] = []
    res = evaluate(records, settings, misses)
    where = args.set.relative_to(ROOT) if args.set.is_relative_to(ROOT) else args.set
    print(f"entity resolution, {where}: {res['corpora']} mini-corpora, {res['gold_mentions']} gold mentions")
    for key in ("aliases", "cluster_p", "cluster_r", "cluster_f1", "bcubed_f1", "country", "type", "main_found",
                "main_named", "main_rank_p", "main_rank_r", "main_rank_f1"):
        print(f"  {key:12s} {res[key]:.3f}")
    for line in misses[:args.misses]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
