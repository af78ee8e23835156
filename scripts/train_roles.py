#!/usr/bin/env python
"""Train the event role ranker from the team-written sentences (``make train``).

    python scripts/train_roles.py [--out storyline/models/event_roles.npz] [--folds 5]

Reads ``training/events/*.jsonl`` (never ``frozen/``). Each sentence with an event is parsed and
resolved as a one-sentence document; its predicate is the root of the gold trigger; the candidates are
``extract.roles.role_candidates``; the one whose head is the root of the gold source (target) span is
the positive, the null candidate when there is none. Three small models are fitted:

- the head judgement (is a phrase headed by this word an actor?), on every candidate's head word;
  its probability is a ranker feature, taken out of fold grouped by word so the ranker learns what
  it is worth on words it never saw;
- the source and target rankers (logistic regressions over candidate features);
- the person/institution judgement for a singular description, from the knowledge base's titles
  (people) and institution head words.

Prints 5-fold train-fold source/target accuracy of the ranker, of the rule arguments and of the rules
with the ranker where they find no actor, then fits on everything and writes the model.
"""
from __future__ import annotations

import argparse
import datetime
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_events import TRAINING, read_records  # noqa: E402

from storyline.config import Settings  # noqa: E402
from storyline.extract.roles import Linear, RoleModel, default_role_model_path  # noqa: E402

#: scikit-learn's default regularisation; the written data is small, so no tuning on it
C_RANK = 1.0
#: teach "no actor" from each event shown without its actor (see ``fit_ranker``)
AUGMENT_NULL = True


def _pipeline(c: float = C_RANK) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([("features", DictVectorizer()), ("classify", LogisticRegression(C=c, max_iter=3000))])


def _char_span(text: str, part: str | None) -> tuple[int, int] | None:
    if not part:
        return None
    at = text.find(part)
    return (at, at + len(part)) if at >= 0 else None


def _root_in(tokens: list) -> Any:
    """The token of ``tokens`` whose head lies outside them (the phrase's root)."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX", "NOUN")]
    return (verbs or roots or [None])[0]


def _inside(tok: Any, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= tok.idx < span[1]


def _depth(tok: Any) -> int:
    n = 0
    while tok.head.i != tok.i:
        tok, n = tok.head, n + 1
    return n


def _gold_index(cands: list, span: tuple[int, int] | None) -> int | None:
    """The candidate the gold span names: its root-most candidate inside the span; the null one if no span;
    None when no candidate lies inside it (unreachable)."""
    if span is None:
        return len(cands) - 1
    inside = [j for j, c in enumerate(cands) if c.head is not None and _inside(c.head, span)]
    return min(inside, key=lambda j: _depth(cands[j].head)) if inside else None


def _names(ent: str | None, mentions: list, span: tuple[int, int] | None) -> bool:
    """The resolved actor ``ent`` has a mention overlapping the gold span (None for None: right)."""
    if ent is None or span is None:
        return ent is None and span is None
    return any(m.entity == ent and m.start < span[1] and span[0] < m.end for m in mentions)


def _picked_right(cand: Any, mentions: list, span: tuple[int, int] | None) -> bool:
    if cand is None or cand.head is None:
        return span is None
    return span is not None and (_inside(cand.head, span) or _names(cand.entity, mentions, span))


def collect(records: list[dict], settings: Settings) -> list[dict]:
    """Per gold event: its candidates' features (head features apart), gold indices and the rules' answer."""
    from storyline.extract.actors import Actors
    from storyline.extract.arguments import noun_args, verb_args
    from storyline.extract.frames import load_argument_cues
    from storyline.extract.lexicon import load_event_lexicon
    from storyline.extract.roles import WordVectors, head_features, role_candidates
    from storyline.model import Block, Document
    from storyline.nlp.pipeline import parse_many
    from storyline.resolve import resolve_document
    from storyline.resolve.groups import find_groups, group_sectors

    lex = load_event_lexicon(())
    cues = load_argument_cues(())
    sectors = group_sectors()
    vectors = WordVectors()
    events = [r for r in records if r.get("event") and r.get("trigger") and r.get("type")]
    docs = [Document(id=f"t{i}", source=r["id"], raw=r["text"], blocks=[Block(0, len(r["text"]))])
            for i, r in enumerate(events)]
    out = []
    for rec, doc, parsed in zip(events, docs, parse_many(docs, settings)):
        mentions, entities = resolve_document(doc, parsed, settings)
        mentions, entities = find_groups(doc, parsed, mentions, entities)
        actors = Actors(mentions, entities, {id(sdoc): off for off, sdoc in parsed.blocks}, lex.anaphors,
                        cues.leader_titles)
        trig = _char_span(rec["text"], rec["trigger"])
        if trig is None or len(parsed.blocks) != 1:
            continue
        sdoc = parsed.blocks[0][1]
        pred = _root_in([t for t in sdoc if trig[0] <= t.idx < trig[1]])
        if pred is None:
            continue
        cands = role_candidates(pred, actors)
        src, tgt = _char_span(rec["text"], rec.get("source")), _char_span(rec["text"], rec.get("target"))
        if pred.pos_ == "NOUN":
            rule = noun_args(pred, rec["type"], actors)
        else:
            rule = verb_args(pred, actors, None, lex.inverse_verbs)
        heads = [head_features(c.head, cues, lex.anaphors, sectors, vectors) if c.head is not None else None
                 for c in cands]
        vecs = [vectors.of(c.head.lemma_.lower())[0] if c.head is not None else None for c in cands]
        out.append({"rec": rec, "pred": pred, "cands": cands, "heads": heads, "vecs": vecs,
                    "lemmas": [c.head.lemma_.lower() if c.head is not None else "" for c in cands],
                    "src": src, "tgt": tgt, "gold_src": _gold_index(cands, src), "gold_tgt": _gold_index(cands, tgt),
                    "rule": rule, "rule_ok": (_names(rule[0], mentions, src), _names(rule[1], mentions, tgt)),
                    "mentions": mentions, "actors": actors, "cues": cues, "inverse": lex.inverse_verbs})
    return out


def _with_vec(feats: dict, vec: Any) -> dict:
    return feats if vec is None else {**feats, **{f"v{i}": float(x) for i, x in enumerate(vec)}}


def head_rows(items: list[dict]) -> tuple[list[dict], list[int], list[str], list[tuple[int, int]]]:
    """Head-judgement rows: every non-null, non-pronoun candidate; positive when it is a gold source/target,
    negative when it lies outside both spans (a token inside a span that is not its root is left out)."""
    rows, y, groups, where = [], [], [], []
    for n, it in enumerate(items):
        for j, c in enumerate(it["cands"]):
            if c.head is None or c.kind in ("pronoun", "unresolved"):
                continue
            gold = j in (it["gold_src"], it["gold_tgt"])
            if not gold and (_inside(c.head, it["src"]) or _inside(c.head, it["tgt"])):
                continue
            rows.append(_with_vec(it["heads"][j], it["vecs"][j]))
            y.append(int(gold))
            groups.append(it["lemmas"][j])
            where.append((n, j))
    return rows, y, groups, where


def head_oof(items: list[dict], folds: int) -> tuple[dict[tuple[int, int], float], Any, dict]:
    """Out-of-fold head probabilities, grouped by word (the ranker sees what it is worth on unseen words)."""
    from sklearn.model_selection import GroupKFold, cross_val_predict

    rows, y, groups, where = head_rows(items)
    probs = cross_val_predict(_pipeline(), rows, y, groups=groups, cv=GroupKFold(folds), method="predict_proba")[:, 1]
    acc = sum((p >= 0.5) == bool(t) for p, t in zip(probs, y)) / len(y)
    oof = dict(zip(where, (float(p) for p in probs)))
    # candidates left out of the rows (pronouns, tokens inside a gold span) get the full model's answer
    model = _pipeline().fit(rows, y)
    for n, it in enumerate(items):
        for j, c in enumerate(it["cands"]):
            if c.head is not None and (n, j) not in oof:
                oof[(n, j)] = float(model.predict_proba([_with_vec(it["heads"][j], it["vecs"][j])])[0, 1])
    return oof, model, {"head_rows": len(y), "head_positive": sum(y), "head_word_fold_accuracy": round(acc, 3)}


def rank_rows(items: list[dict], head_p: dict[tuple[int, int], float]) -> list[list[dict]]:
    from storyline.extract.roles import candidate_features

    out = []
    for n, it in enumerate(items):
        etype = it["rec"]["type"]
        out.append([candidate_features(it["pred"], c, etype, it["actors"], it["cues"], head_p.get((n, j), 0.0),
                                       it["heads"][j], it["inverse"]) for j, c in enumerate(it["cands"])])
    return out


def fit_ranker(feats: list[list[dict]], gold: list[int | None], idx: list[int]) -> Any:
    """A pointwise ranker. Each event is also shown once more without its gold candidate, with the null
    candidate as the answer: when the actor is not among the candidates (a pronoun the parse cannot
    resolve, an actor in another sentence), any other phrase is wrong, and "no actor" is right."""
    rows, y = [], []
    for n in idx:
        if gold[n] is None:
            continue  # the gold phrase is no candidate: nothing to learn from it
        null = len(feats[n]) - 1
        for j, f in enumerate(feats[n]):
            rows.append(f)
            y.append(int(j == gold[n]))
        if AUGMENT_NULL and gold[n] != null:
            for j, f in enumerate(feats[n]):
                if j != gold[n]:
                    rows.append(f)
                    y.append(int(j == null))
    return _pipeline().fit(rows, y)


def pick(model: Any, feats: list[dict], exclude: int | None = None) -> int:
    probs = model.predict_proba(feats)[:, 1]
    order = sorted(range(len(feats)), key=lambda j: -probs[j])
    return next(j for j in order if j != exclude or j == len(feats) - 1)


def cross_validate(items: list[dict], feats: list[list[dict]], folds: int) -> dict:
    """Out-of-fold source and target accuracy: ranker, rules, rules with the ranker where they find none."""
    from sklearn.model_selection import KFold

    gold_s = [it["gold_src"] for it in items]
    gold_t = [it["gold_tgt"] for it in items]
    right: Counter = Counter()
    for train, test in KFold(folds, shuffle=True, random_state=16).split(items):
        m_src, m_tgt = fit_ranker(feats, gold_s, list(train)), fit_ranker(feats, gold_t, list(train))
        for n in test:
            it = items[n]
            cands = it["cands"]
            s = pick(m_src, feats[n])
            t = pick(m_tgt, feats[n], exclude=s if cands[s].head is not None else None)
            s_cand = cands[s] if cands[s].head is not None and cands[s].kind != "unresolved" else None
            t_cand = cands[t] if cands[t].head is not None and cands[t].kind != "unresolved" else None
            s_ok = _picked_right(s_cand, it["mentions"], it["src"])
            t_ok = _picked_right(t_cand, it["mentions"], it["tgt"])
            right["ranker_source"] += s_ok
            right["ranker_target"] += t_ok
            rule_s, rule_t = it["rule"]
            right["rules_source"] += it["rule_ok"][0]
            right["rules_target"] += it["rule_ok"][1]
            # where the rules name no actor at all, the ranker's pick (the event would be dropped)
            neither = rule_s is None and rule_t is None
            right["rules+ranker_source"] += s_ok if rule_s is None else it["rule_ok"][0]
            right["rules+ranker_target"] += t_ok if neither else it["rule_ok"][1]
            right["rules_no_actor"] += neither
            right["rules_no_actor_ranker_some"] += neither and (s_cand is not None or t_cand is not None)
            right["rules_no_actor_gold_some"] += neither and (it["src"] is not None or it["tgt"] is not None)
            right["unreachable_source"] += gold_s[n] is None
    n = len(items)
    return {k: round(v / n, 3) if not k.startswith(("rules_no", "unreach")) else v for k, v in sorted(right.items())}


def person_model(vectors: Any) -> tuple[Any, dict]:
    """Person vs institution for a role word, from the knowledge base's lexicon: titles of office name
    people; the head words of organisation names name institutions."""
    from storyline.data import load
    from storyline.extract.roles import person_features

    kb = load("kb/lexicon")
    people = {t.split()[-1] for t in kb.get("titles", {})} | {t.split()[-1] for t in kb.get("head_titles", [])}
    orgs = {t.split()[-1] for key in ("org_heads", "military_heads", "business_heads", "media_heads", "org_appositive")
            for t in kb.get(key, [])} - people
    words = sorted(people) + sorted(orgs)
    y = [1] * len(people) + [0] * len(orgs)
    rows = [_with_vec(person_features(w), vectors.of(w)[0]) for w in words]
    return _pipeline().fit(rows, y), {"person_words": len(people), "institution_words": len(orgs)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=default_role_model_path())
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--training", type=Path, default=TRAINING)
    args = parser.parse_args()
    settings = Settings()
    records = read_records(args.training)
    if not records:
        print(f"no training data in {args.training}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    items = collect(records, settings)
    print(f"{len(items)} events with a trigger parsed and given candidates in {time.perf_counter() - t0:.0f} s")
    head_p, head, head_info = head_oof(items, args.folds)
    print("head judgement: " + ", ".join(f"{k} {v}" for k, v in head_info.items()))
    feats = rank_rows(items, head_p)
    cv = cross_validate(items, feats, args.folds)
    print(f"train-fold ({args.folds}-fold cross-validation, {len(items)} events): "
          + ", ".join(f"{k} {v}" for k, v in cv.items()))
    everything = list(range(len(items)))
    source = fit_ranker(feats, [it["gold_src"] for it in items], everything)
    target = fit_ranker(feats, [it["gold_tgt"] for it in items], everything)
    from storyline.extract.roles import WordVectors

    person, person_info = person_model(WordVectors())
    import sklearn

    info = {"trained": datetime.date.today().isoformat(), "n_events": len(items), "sklearn": sklearn.__version__,
            "train_fold": cv, **head_info, **person_info,
            "files": sorted(p.name for p in args.training.glob("*.jsonl"))}
    RoleModel(head=Linear.from_pipeline(head), source=Linear.from_pipeline(source),
              target=Linear.from_pipeline(target), person=Linear.from_pipeline(person), info=info).save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
