"""The team-written event test set (tests/fixtures/events_eval.yaml) and the seed gold."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

from storyline.model import PLOVER_TYPES

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
EVAL_SET = REPO / "tests" / "fixtures" / "events_eval.yaml"
#: floors a little under the measured figures (see the report of issue 4); raise, never lower
FLOORS = {"precision": 0.85, "recall": 0.85, "type_acc": 0.85, "date_acc": 0.85, "source_acc": 0.80}


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_events", REPO / "scripts" / "eval_events.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_events"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_eval_set_is_big_and_covers_every_type():
    items = yaml.safe_load(EVAL_SET.read_text(encoding="utf-8"))["items"]
    assert len(items) >= 60
    types = {t for it in items for ev in it["events"] for t in ev["types"][:1]}
    assert types == set(PLOVER_TYPES)
    modalities = {ev.get("modality") for it in items for ev in it["events"]}
    assert {"reported", "denied", "planned", "hypothetical"} <= modalities


def test_eval_set_scores_above_floors():
    res = _eval_module().evaluate(EVAL_SET)
    for key, floor in FLOORS.items():
        assert res[key] >= floor, (key, res[key])


def test_seed_gold_recall_type_and_date(seeds_dir, gold_path):
    """Detection, type and date on the seeds, with spaCy entities standing in for resolution."""
    from storyline.config import Settings
    from storyline.extract.events import extract_events
    from storyline.model import Block, Document
    from storyline.nlp.pipeline import parse

    sys.path.insert(0, str(gold_path.parent.parent / "tools"))
    from score import overlaps  # the scorer's own matching rule

    mod = _eval_module()
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    published = {k: v.get("published") for k, v in gold["documents"].items()}
    found, n, type_ok = 0, 0, 0
    events_by_doc = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        key = path.stem[:3]
        blocks, pos = [], 0
        for line in raw.split("\n"):
            if line.strip():
                blocks.append(Block(pos, pos + len(line)))
            pos += len(line) + 1
        pub = published.get(key)
        doc = Document(id=key, source=str(path), raw=raw, blocks=blocks,
                       published=str(pub) if pub else None, published_precision="day" if pub else None)
        parsed = parse(doc, Settings())
        mentions, entities = mod.spacy_actors(doc, parsed)
        events_by_doc[key] = extract_events(doc, parsed, mentions, entities, Settings())
    for g in gold["events"]:
        for key, phrase in g["evidence"].items():
            n += 1
            cand = [e for e in events_by_doc.get(key, []) if overlaps(e.evidence[0].text, phrase)]
            if cand:
                found += 1
                type_ok += any(e.type in g["types"] for e in cand)
    assert found / n >= 0.80
    assert type_ok / max(found, 1) >= 0.75
    n_pred = sum(len(v) for v in events_by_doc.values())
    assert n_pred <= 2.5 * n  # restraint: not more than 2.5x the gold count
