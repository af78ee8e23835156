#!/usr/bin/env python
"""Quote finding and speaker attribution on the frozen team quote set (``make eval``).

    python scripts/eval_quotes.py [--set frozen/quotes/test.jsonl] [--pipeline NAME ...] [--misses N]

Each passage is analysed as one document whose paragraphs are its blocks (no cleaning: the
passages are article bodies), through parse, actor resolution and the quote component of the
settings. Figures over the gold quotes:

- ``found``: a coded quote overlaps the gold quote's characters;
- ``attributed``: of the gold quotes with a speaker, the share whose overlapping coded quote names
  the right speaker — one of the speaker entity's mentions overlaps an occurrence of the gold
  ``speaker`` string or of ``speaker_near`` (the words nearest the quote that refer to the speaker);
- ``speaker_p``: of the coded quotes that overlap a gold quote and name a speaker, the share naming
  the right one (a speaker given to a quote the gold leaves unattributed counts as wrong);
- ``restraint``: of the gold quotes with no speaker, the share left without one.

The frozen set was written before any quote model was trained and is never used to tune: report
these figures, do not fit to them. ``--set`` scores another file of the same format (a dev set).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.config import Settings  # noqa: E402
from storyline.engine.components import DocState  # noqa: E402
from storyline.model import Block, Document  # noqa: E402
from storyline.registry import components  # noqa: E402

FROZEN = ROOT / "frozen" / "quotes" / "test.jsonl"
#: the stages a quote needs, in order; the quote component is the one the settings name
BEFORE_QUOTES = ("storyline.parse.spacy.v1", "storyline.resolve.rules.v1", "storyline.resolve.groups.v1")


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def occurrences(text: str, part: str | None) -> list[tuple[int, int]]:
    if not part:
        return []
    # whole words only: the speaker "he" is not the "he" inside "the"
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(part) + r"(?!\w)", text)]


def gold_span(text: str, quote: dict) -> tuple[int, int] | None:
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(quote["quote"]), text)]
    k = quote.get("occurrence", 0)
    return spans[k] if k < len(spans) else None


def best_match(coded: list, span: tuple[int, int]) -> Any | None:
    """The coded quote that covers the gold span best (overlap over union), None when none overlaps: a quote
    inside a quote is matched to the inner coded quote, not to the outer one that also covers it."""
    def cover(c: Any) -> float:
        inter = min(c.end, span[1]) - max(c.start, span[0])
        return inter / (max(c.end, span[1]) - min(c.start, span[0]))
    return max((c for c in coded if overlaps((c.start, c.end), span)), key=cover, default=None)


def paragraphs(text: str) -> list[Block]:
    return [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prepared(records: list[dict], settings: Settings) -> list[DocState]:
    """Each passage as a document, parsed and with its actors resolved: what a quote stage reads."""
    states = [DocState(document=Document(id=f"q{i}", source=r["id"], raw=r["text"], blocks=paragraphs(r["text"])))
              for i, r in enumerate(records)]
    for name in BEFORE_QUOTES:
        run(name, states, settings)
    return states


def run(name: str, states: list[DocState], settings: Settings) -> None:
    part = components.get(name)
    if part.run_batch is not None:
        part.run_batch(states, settings)
    else:
        for state in states:
            part.run(state, settings)


def analyse(records: list[dict], settings: Settings) -> list[DocState]:
    states = prepared(records, settings)
    run(next(n for n in settings.pipeline if n.startswith("storyline.quotes.")), states, settings)
    return states


def evaluate(records: list[dict], settings: Settings) -> tuple[dict[str, float], list[str]]:
    n = found = with_speaker = attributed = coded_speaker = right_speaker = unattributed = restrained = 0
    misses: list[str] = []
    for rec, state in zip(records, analyse(records, settings)):
        text = rec["text"]
        mentions_of: dict[str, list[tuple[int, int]]] = {}
        for m in state.mentions:
            if m.entity:
                mentions_of.setdefault(m.entity, []).append((m.start, m.end))
        for q in rec["quotes"]:
            span = gold_span(text, q)
            if span is None:
                continue
            n += 1
            coded = best_match(state.quotes, span)
            found += coded is not None
            gold_places = occurrences(text, q.get("speaker")) + occurrences(text, q.get("speaker_near"))
            said = coded.speaker if coded is not None else None
            right = bool(said) and any(overlaps(m, g) for m in mentions_of.get(said or "", []) for g in gold_places)
            if q.get("speaker"):
                with_speaker += 1
                attributed += right
            else:
                unattributed += 1
                restrained += coded is None or not said
            if coded is not None and said:
                coded_speaker += 1
                right_speaker += bool(q.get("speaker")) and right
            if q.get("speaker") and not right:
                name = next((e.name for e in state.entities if e.id == said), None) if said else None
                why = "not found" if coded is None else f"speaker {name!r}"
                misses.append(f"{rec['id']}: {why}; gold {q['speaker']!r} for “{q['quote'][:60]}”")
    return {"quotes": n, "found": found / n if n else 0.0,
            "attributed": attributed / with_speaker if with_speaker else 0.0,
            "speaker_p": right_speaker / coded_speaker if coded_speaker else 0.0,
            "restraint": restrained / unattributed if unattributed else 0.0}, misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=FROZEN)
    parser.add_argument("--quotes", action="append", default=[],
                        help="quote component(s) to compare (default: the one the settings name)")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    parser.add_argument("--speaker-model", default="", help="a quote-speaker model file for the trained component "
                        "(default: the one shipped in the package)")
    args = parser.parse_args()
    if not args.set.is_file():
        print(f"no quote set at {args.set}", file=sys.stderr)
        return 1
    records = read(args.set)
    base = Settings(speaker_model=args.speaker_model)
    names = args.quotes or [next(n for n in base.pipeline if n.startswith("storyline.quotes."))]
    results = []
    for name in names:
        settings = Settings(pipeline=[name if p.startswith("storyline.quotes.") else p for p in base.pipeline],
                            speaker_model=args.speaker_model)
        results.append(evaluate(records, settings))
    print(f"quote attribution, {args.set.relative_to(ROOT) if args.set.is_relative_to(ROOT) else args.set}: "
          f"{len(records)} passages, {results[0][0]['quotes']} quotes")
    print(f"  {'figure':12s} " + " ".join(f"{n.split('.')[-2]:>9s}" for n in names))
    for key in ("found", "attributed", "speaker_p", "restraint"):
        print(f"  {key:12s} " + " ".join(f"{r[key]:>9.3f}" for r, _ in results))
    for line in results[-1][1][:args.misses]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
