#!/usr/bin/env python
"""Event coding on the frozen team test set, next to the model's train-fold figures (``make eval``).

    python scripts/eval_events_frozen.py [--set frozen/events/test.jsonl] [--model PATH] [--misses N]

Each sentence is analysed as a one-sentence document (parse, actor resolution, event coding) by the
lexicon coder and by the trained coder. Printed per coder: event detection precision / recall / F1
(a sentence with a gold event and at least one coded event is a hit), type accuracy (the first coded
event's type on hits), and source accuracy (the first coded event's source names the gold source: one
of its mentions overlaps the gold source's characters). The frozen set was written before any
training and is never used to tune: report these figures, do not fit to them.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.config import Settings  # noqa: E402
from storyline.extract.event_model import load_event_model  # noqa: E402
from storyline.extract.events import extract_events  # noqa: E402
from storyline.model import Block, Document  # noqa: E402
from storyline.nlp.pipeline import parse_many  # noqa: E402
from storyline.resolve import resolve_document  # noqa: E402
from storyline.resolve.groups import find_groups  # noqa: E402

FROZEN = ROOT / "frozen" / "events" / "test.jsonl"


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def span_of(text: str, part: str | None) -> tuple[int, int] | None:
    if not part:
        return None
    at = text.find(part)
    return (at, at + len(part)) if at >= 0 else None


def evaluate(records: list[dict], decide, settings: Settings) -> tuple[dict, list[str]]:
    docs = [Document(id=f"f{i}", source=r["id"], raw=r["text"], blocks=[Block(0, len(r["text"]))])
            for i, r in enumerate(records)]
    hits = fp = fn = typed = sourced = with_source = 0
    misses: list[str] = []
    for rec, doc, parsed in zip(records, docs, parse_many(docs, settings)):
        mentions, entities = resolve_document(doc, parsed, settings)
        mentions, entities = find_groups(doc, parsed, mentions, entities)
        events = extract_events(doc, parsed, mentions, entities, settings, decide=decide)
        gold = rec["type"] if rec.get("event") else None
        first = events[0] if events else None
        if gold and first:
            hits += 1
            typed += first.type == gold
            gsrc = span_of(rec["text"], rec.get("source"))
            if gsrc is not None:
                with_source += 1
                spans = [(m.start, m.end) for m in mentions if first.source and m.entity == first.source]
                sourced += any(s < gsrc[1] and gsrc[0] < e for s, e in spans)
            if first.type != gold:
                misses.append(f"type {first.type} for {gold}: {rec['text']}")
        elif gold:
            fn += 1
            misses.append(f"missed {gold}: {rec['text']}")
        elif first:
            fp += 1
            misses.append(f"{first.type} on a non-event: {rec['text']}")
    p = hits / (hits + fp) if hits + fp else 0.0
    r = hits / (hits + fn) if hits + fn else 0.0
    return {"event_p": p, "event_r": r, "event_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "type_acc": typed / hits if hits else 0.0,
            "source_acc": sourced / with_source if with_source else 0.0}, misses


def sentence_figures(records: list[dict], model, settings: Settings) -> dict:
    """The classifier's own sentence labels against the gold, as train-fold figures are computed."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_events import label_of, lexicon_codes, score

    texts = [r["text"] for r in records]
    pred = [label for label, _ in model.predict(texts, lexicon_codes(texts, settings))]
    return score([label_of(r) for r in records], pred)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=FROZEN)
    parser.add_argument("--model", default="")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses of the trained coder")
    parser.add_argument("--roles", default="trained", help="event_roles setting: trained | ranker | rules")
    parser.add_argument("--role-model", default="", help="role ranker file (default: the shipped one)")
    args = parser.parse_args()
    if not args.set.is_file():
        print(f"no frozen set at {args.set}", file=sys.stderr)
        return 1
    records = read(args.set)
    settings = Settings(event_roles=args.roles, event_role_model=args.role_model)
    model = load_event_model(args.model)
    lexicon, _ = evaluate(records, None, settings)
    trained, misses = evaluate(records, model.predict, settings)
    cv = model.info.get("train_fold", {})
    classifier = sentence_figures(records, model, settings)
    print(f"event coding, frozen team test set: {len(records)} sentences "
          f"({sum(1 for r in records if r.get('event'))} with an event)")
    print("sentence classifier alone (the label of each sentence):")
    print(f"  {'figure':12s} {'train-fold':>11s} {'frozen':>8s}")
    for key in ("event_p", "event_r", "event_f1", "type_acc", "accuracy"):
        print(f"  {key:12s} {cv.get(key, float('nan')):>11.3f} {classifier[key]:>8.3f}")
    print("whole event coder (parse, actors, events) on the frozen set:")
    print(f"  {'figure':12s} {'lexicon':>9s} {'trained':>9s}")
    for key in ("event_p", "event_r", "event_f1", "type_acc", "source_acc"):
        print(f"  {key:12s} {lexicon[key]:>9.3f} {trained[key]:>9.3f}")
    print("(train-fold: cross-validated on training/events when the model was trained)")
    for line in misses[:args.misses]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
