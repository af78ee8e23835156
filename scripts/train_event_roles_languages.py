#!/usr/bin/env python
"""Train the ru/uk/es role ranker (``make train``): which of a sentence's entity mentions is an event's source,
which its target.

    python scripts/train_event_roles_languages.py [--out storyline/models/event_roles_languages.npz] [--folds 5]
        [--obliques] [--oblique-places] [--role-sentences]

Each native training sentence with an event (``training/languages/events/events_{ru,uk,es}.jsonl`` and the
ranker's own ``roles/passives_{ru,uk,es}.jsonl``: passives with and without their agent, names after the class noun
of a river, a port or a crossing; and ``roles/places_{ru,uk,es}.jsonl``, twenty-sixth round: names after a phrase
that says where, "под", "в районе", "cerca de", beside passives with a country's police or army as the agent and
their near-miss actives); with
``--obliques`` the role-only sentences ``training/languages/events/roles/obliques_{ru,uk,es}.jsonl`` (targets after a
preposition or in an oblique case, passives; tried in the twentieth round and not kept), with ``--oblique-places``
``roles/oblique_places_{ru,uk,es}.jsonl`` (the balance to them, written in the twenty-first round: a place, a
mediator, a topic or an attribution after a preposition or in an oblique case that is no target, beside a target
that is another actor or none), ``roles/owners_{ru,uk,es}.jsonl`` (session 30, read by default: a body, a
party or a state owning the object's noun as the target, a visitor arriving in the country it visits, passives with
their agent, beside towns' buildings that are no target), and with ``--role-sentences``
the role-only sentences
``training/languages/events/roles/roles_{ru,uk,es}.jsonl``, tried in the eighteenth round and not kept: see
training/languages/README.md; never
``frozen/`` nor the dev files) goes through its language's pipeline up to the named entities; every actor mention
of the sentence is a candidate, labelled source, target or other by the gold surface strings. Prints
cross-validated source and target accuracy (folds by sentence) beside the position rules
(``multilingual_events.choose_roles``) on the same sentences, then fits on all and writes the model.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.config import Settings  # noqa: E402
from storyline.engine import stages  # noqa: E402
from storyline.engine.components import DocState  # noqa: E402
from storyline.extract.multilingual_events import (  # noqa: E402
    RoleRanker,
    choose_roles,
    default_role_model_path,
    load_cues,
    opener_actor,
    rank_roles,
    role_candidates,
    role_features,
    trigger_at,
)
from storyline.model import Document, Mention, Sentence  # noqa: E402
from storyline.resolve.kb import load_kb  # noqa: E402

NATIVE = ROOT / "training" / "languages" / "events"
LANGS = ("ru", "uk", "es")
#: the parts after the named entities are not needed to find the candidates
SKIP_PARTS = {"storyline.lead_vector.v1", "storyline.events.multilingual.v1"}
C_REGULARISATION = 1.0


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _overlap(m: Mention, text: str, surface: str | None) -> bool:
    if not surface:
        return False
    at = text.find(surface)
    return at >= 0 and m.start < at + len(surface) and at < m.end


def sentence_cases(lang: str, records: list[dict], settings: Settings) -> list[dict[str, Any]]:
    """Per gold event: the sentence, its mentions, the trigger offset and the gold surfaces."""
    cues = load_cues()
    kb = load_kb(tuple(settings.kb_paths))
    parts = [p for p in stages.language_pipelines(settings)[lang] if p.name not in SKIP_PARTS]
    out = []
    for rec in records:
        gold = rec.get("event")
        if not gold:
            continue
        state = DocState(document=Document(id=rec["id"], source=f"{rec['id']}.txt", raw=rec["text"],
                                           given={"language": lang}))
        for part in parts:
            part.run(state, settings)
        text = rec["text"]
        sents = state.sentences or [Sentence(rec["id"], 0, len(text), text)]
        # the sentence that holds the gold actors (the segmenter may split a sentence at an abbreviation)
        surfaces = [s for s in (gold.get("source"), gold.get("target")) if s]
        sent = next((s for s in sents if all(s.start <= text.find(x) < s.end for x in surfaces)), sents[0])
        at = trigger_at(sent.text, lang, gold["type"], cues)  # as the coder's events place it
        # as the coder does, a guessed opener (no dictionary) included: the ranker learns to weigh it
        opener_actor(state.document, sent, state.mentions, state.entities, lang, kb, guessed=[])
        out.append({"lang": lang, "text": text, "sentence": sent, "mentions": list(state.mentions), "trigger": at,
                    "type": gold["type"], "source": gold.get("source"), "target": gold.get("target")})
    return out


def rows_of(case: dict[str, Any]) -> tuple[list[dict[str, float]], list[str]]:
    cues = load_cues()
    cands = role_candidates(case["sentence"], case["mentions"], case["lang"], cues)
    rows, labels = [], []
    for i, m in enumerate(cands):
        rows.append(role_features(case["sentence"], cands, i, case["type"], case["trigger"], case["lang"], cues))
        labels.append("source" if _overlap(m, case["text"], case["source"])
                      else "target" if _overlap(m, case["text"], case["target"]) else "other")
    return rows, labels


def fit(cases: list[dict[str, Any]]) -> RoleRanker:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for case in cases:
        r, lab = rows_of(case)
        rows += r
        labels += lab
    vec = DictVectorizer()
    clf = LogisticRegression(C=C_REGULARISATION, max_iter=3000)
    clf.fit(vec.fit_transform(rows), labels)
    return RoleRanker(vectorizer=vec, classifier=clf, info={"cases": len(cases), "candidates": len(rows)})


def right(case: dict[str, Any], entity: str | None, role: str) -> bool:
    surface = case[role]
    if entity is None or surface is None:
        return entity is None and surface is None
    return any(m.entity == entity and _overlap(m, case["text"], surface) for m in case["mentions"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--out", type=Path, default=default_role_model_path())
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none, train only)")
    ap.add_argument("--obliques", action="store_true",
                    help="also train on training/languages/events/roles/obliques_LANG.jsonl (tried in the twentieth "
                         "round, not the shipped ranker's)")
    ap.add_argument("--oblique-places", action="store_true",
                    help="also train on training/languages/events/roles/oblique_places_LANG.jsonl (oblique and "
                         "prepositional names that are no target: the balance to --obliques)")
    ap.add_argument("--role-sentences", action="store_true",
                    help="also train on training/languages/events/roles/roles_LANG.jsonl (not the shipped ranker's)")
    args = ap.parse_args(argv)
    if args.folds < 0 or args.folds == 1:
        ap.error("--folds is 0 (no cross-validation) or at least 2")
    settings = Settings()
    cues = load_cues()
    cases = []
    for lang in LANGS:
        # roles/passives_LANG.jsonl: the ranker's own passives and places (twenty-fourth round), read by default
        # roles/places_LANG.jsonl: places after "под", "в районе", "cerca de" and passive agents (twenty-sixth round)
        # roles/openers_LANG.jsonl (uk, twenty-eighth round): names and common words opening a sentence before
        # their verb, for the ranker's guessed openers with no dictionary
        # roles/targets_LANG.jsonl (ru, uk; lang29's, twenty-ninth round) and roles/attributes_LANG.jsonl (ru, uk,
        # es, thirtieth round): a town's or a region's name hanging on the object's noun ("лікарням Чернігівщини",
        # "los hospitales de Valparaíso"), no target, beside a country owning what is refused or supported
        # roles/owners_LANG.jsonl (session 30): a body or a state owning the object's noun, a visitor arriving, passive
        # agents; read by default since it helped the dev targets (docs/measurements/languages.md)
        # roles/hosts_LANG.jsonl (session 30, lang35c): active "X принял / прийняв / recibió a Y", the host the target,
        # for the ranker's host-verb feature (host_features)
        paths = [NATIVE / f"events_{lang}.jsonl", NATIVE / "roles" / f"passives_{lang}.jsonl",
                 NATIVE / "roles" / f"places_{lang}.jsonl", NATIVE / "roles" / f"openers_{lang}.jsonl",
                 NATIVE / "roles" / f"targets_{lang}.jsonl", NATIVE / "roles" / f"attributes_{lang}.jsonl",
                 NATIVE / "roles" / f"owners_{lang}.jsonl", NATIVE / "roles" / f"hosts_{lang}.jsonl"]
        paths += [NATIVE / "roles" / f"obliques_{lang}.jsonl"] if args.obliques else []
        paths += [NATIVE / "roles" / f"oblique_places_{lang}.jsonl"] if args.oblique_places else []
        paths += [NATIVE / "roles" / f"roles_{lang}.jsonl"] if args.role_sentences else []
        for path in paths:
            if path.is_file():
                cases += sentence_cases(lang, read_jsonl(path), settings)
    print(f"role ranker: {len(cases)} native event sentences")
    if args.folds and len(cases) >= args.folds * 4:
        score: dict[str, dict[str, Any]] = {lang: {"rules": [0, 0], "ranker": [0, 0], "n": 0} for lang in LANGS}
        for k in range(args.folds):
            train = [c for i, c in enumerate(cases) if i % args.folds != k]
            test = [c for i, c in enumerate(cases) if i % args.folds == k]
            ranker = fit(train)
            for c in test:
                s = score[c["lang"]]
                s["n"] += 1
                for name, (src, tgt) in (
                        ("rules", choose_roles(c["sentence"], c["mentions"], c["type"], c["trigger"], c["lang"], cues)),
                        ("ranker", rank_roles(c["sentence"], c["mentions"], c["type"], c["trigger"], c["lang"], cues,
                                              ranker))):
                    s[name][0] += right(c, src, "source")
                    s[name][1] += right(c, tgt, "target")
        print(f"{args.folds}-fold by sentence (gold type and trigger): source / target accuracy")
        for lang, s in score.items():
            n = max(s["n"], 1)
            print(f"  {lang}: rules {s['rules'][0] / n:.3f} / {s['rules'][1] / n:.3f}   "
                  f"ranker {s['ranker'][0] / n:.3f} / {s['ranker'][1] / n:.3f}   ({s['n']} sentences)")
    ranker = fit(cases)
    ranker.info.update(trained=datetime.date.today().isoformat(), C=C_REGULARISATION)
    ranker.save(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
