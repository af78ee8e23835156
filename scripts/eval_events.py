#!/usr/bin/env python3
"""Score the event extractor on the team-written test set (tests/fixtures/events_eval.yaml).

usage: eval_events.py [EVAL.yaml] [--verbose]

Prints precision / recall / F1 of detection (an expected event matched by a predicted event
of the same item, preferring one of an accepted type), type accuracy, date accuracy, source
accuracy and modality accuracy over the matched events. Actors come from spaCy's named
entities (one entity per distinct name), so the figures measure the extractor, not the
actor-resolution stage.
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.config import Settings  # noqa: E402
from storyline.extract.events import extract_events  # noqa: E402
from storyline.model import Block, Document, Entity, Mention  # noqa: E402
from storyline.nlp.pipeline import parse  # noqa: E402

DEFAULT_SET = ROOT / "tests" / "fixtures" / "events_eval.yaml"
ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "LOC", "FAC": "LOC"}


def spacy_actors(doc: Document, parsed) -> tuple[list[Mention], list[Entity]]:
    """Mentions and entities straight from spaCy's named entities (a stand-in for resolution)."""
    mentions, entities, ids = [], [], {}
    for offset, sdoc in parsed.blocks:
        for ent in sdoc.ents:
            label = ACTOR_LABELS.get(ent.label_)
            if label is None:
                continue
            key = ent.text.lower().removeprefix("the ")
            if key not in ids:
                ids[key] = f"{doc.id}/e{len(ids)}"
                entities.append(Entity(id=ids[key], name=ent.text, type=label))
            mentions.append(Mention(doc.id, offset + ent.start_char, offset + ent.end_char, ent.text, label, ids[key]))
    return mentions, entities


def run_item(n: int, text: str, published: str, settings: Settings, resolve: bool = False):
    """Events of one item; ``resolve`` uses the real actor resolution instead of bare spaCy entities."""
    doc = Document(id=f"t{n}", source=f"eval#{n}", raw=text, published=published, published_precision="day",
                   blocks=[Block(0, len(text))])
    parsed = parse(doc, settings)
    if resolve:
        from storyline.resolve import resolve_document
        mentions, entities = resolve_document(doc, parsed, settings)
    else:
        mentions, entities = spacy_actors(doc, parsed)
    names = {e.id: e.name for e in entities}
    return extract_events(doc, parsed, mentions, entities, settings), names


def evaluate(path: Path = DEFAULT_SET, settings: Settings | None = None, verbose: bool = False,
             resolve: bool = False) -> dict[str, float]:
    """Run the set and return its figures (fractions in [0, 1])."""
    settings = settings or Settings()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    default_pub = str(data.get("published") or datetime.date.today().isoformat())
    n_pred = n_gold = tp = type_ok = date_n = date_ok = src_n = src_ok = mod_n = mod_ok = 0
    for n, item in enumerate(data["items"]):
        events, names = run_item(n, item["text"], str(item.get("published") or default_pub), settings, resolve)
        gold = item.get("events") or []
        n_pred += len(events)
        n_gold += len(gold)
        free = list(events)
        for g in gold:
            if not free:
                if verbose:
                    print(f"MISS  {item['text']}")
                continue
            best = next((e for e in free if e.type in g["types"]), free[0])
            free.remove(best)
            tp += 1
            type_ok += best.type in g["types"]
            if "date" in g:
                date_n += 1
                want = None if g["date"] is None else str(g["date"])
                date_ok += best.date == want
            if g.get("source"):
                src_n += 1
                src_ok += g["source"].lower() in names.get(best.source or "", "").lower()
            if g.get("modality"):
                mod_n += 1
                mod_ok += best.modality == g["modality"]
            if verbose and (best.type not in g["types"] or ("date" in g and best.date != (
                    None if g["date"] is None else str(g["date"])))):
                print(f"WRONG {best.type}/{best.date} want {g['types']}/{g.get('date')}: {item['text']}")
        if verbose:
            for e in free:
                print(f"EXTRA {e.type} {e.summary}: {item['text']}")
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"items": float(len(data["items"])), "precision": precision, "recall": recall, "f1": f1,
            "type_acc": type_ok / tp if tp else 0.0, "date_acc": date_ok / date_n if date_n else 0.0,
            "source_acc": src_ok / src_n if src_n else 0.0, "modality_acc": mod_ok / mod_n if mod_n else 0.0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT_SET)
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--resolve", action="store_true", help="actors from storyline.resolve, not bare spaCy entities")
    args = ap.parse_args(argv)
    res = evaluate(args.path, verbose=args.verbose, resolve=args.resolve)
    for key, value in res.items():
        print(f"events.{key:14s} {value:.3f}" if key != "items" else f"events.items          {int(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
