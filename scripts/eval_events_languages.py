#!/usr/bin/env python
"""Events in Russian, Ukrainian and Spanish, and the parallel stories check (``make eval``).

    python scripts/eval_events_languages.py [--set frozen/languages] [--misses N] [--no-parallel] [--parallel FILE]

Sentences: each sentence of ``<set>/{ru,uk,es}/events.jsonl`` (a frozen set) or
``<set>/events_{ru,uk,es}_dev.jsonl`` (the dev sets in training/languages/events) is analysed as a document of its
gold language by that language's pipeline (``Settings.pipelines``: cleaning, named entities, the event coder).
Per language:

- ``event F1``: a sentence's gold event is found when an event of the same type comes out of it; an event out
  of a sentence with no gold event, or of another type, is a false positive;
- ``detection F1``: event or not, whatever the type; ``type acc``: right type among the detected;
- ``source acc`` / ``target acc``: among events found with the right type, the chosen actor's mention in the
  sentence overlaps the gold surface (both empty counts as right); ``modality acc`` likewise.

Parallel: the 40 articles of ``<set>/parallel.jsonl`` (10 events x en/ru/uk/es; the dev set's
``parallel_dev.jsonl``: 2 events) are analysed as one corpus and fused; for each gold event the story
events holding its articles' events, their languages and source/target entity ids. The acceptance: one
story event per gold event with all four languages.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.config import Settings  # noqa: E402
from storyline.engine import stages  # noqa: E402
from storyline.engine.components import DocState  # noqa: E402
from storyline.fuse import fuse  # noqa: E402
from storyline.model import DocAnalysis, Document, IngestError  # noqa: E402

LANGS = ("ru", "uk", "es")
FROZEN = ROOT / "frozen" / "languages"
#: the lead vector is for stories: a single test sentence does not need it (and e5 is slow)
SKIP_PARTS = {"storyline.lead_vector.v1"}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sentence_sets(folder: Path) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for lang in LANGS:
        for path in (folder / lang / "events.jsonl", folder / f"events_{lang}_dev.jsonl"):
            if path.is_file():
                out[lang] = read_jsonl(path)
                break
    return out


def analyse_sentences(records: list[dict[str, Any]], lang: str, settings: Settings) -> list[DocAnalysis]:
    """Each record as one document of language ``lang``, through that language's pipeline."""
    parts = [p for p in stages.language_pipelines(settings)[lang] if p.name not in SKIP_PARTS]
    states = [DocState(document=Document(id=r["id"], source=f"{r['id']}.txt", raw=r["text"],
                                         given={"language": lang}))
              for r in records]
    for part in parts:
        for state in states:
            part.run(state, settings)
    return [s.analysis() for s in states]


def _overlaps(analysis: DocAnalysis, entity: str | None, surface: str | None, text: str) -> bool:
    if entity is None or surface is None:
        return entity is None and surface is None
    at = text.find(surface)
    if at < 0:
        return False
    return any(m.entity == entity and m.start < at + len(surface) and at < m.end for m in analysis.mentions)


def score(records: list[dict[str, Any]], analyses: list[DocAnalysis]) -> tuple[dict[str, float], list[str]]:
    c: Counter[str] = Counter()
    misses = []
    for rec, an in zip(records, analyses):
        gold = rec.get("event")
        events = an.events
        types = {e.type for e in events}
        if gold and events:
            c["det_tp"] += 1
        elif gold:
            c["det_fn"] += 1
        elif events:
            c["det_fp"] += 1
        if gold and gold["type"] in types:
            c["tp"] += 1
            ev = next(e for e in events if e.type == gold["type"])
            c["src"] += _overlaps(an, ev.source, gold.get("source"), rec["text"])
            c["tgt"] += _overlaps(an, ev.target, gold.get("target"), rec["text"])
            c["mod"] += ev.modality == gold.get("modality", "asserted")
            if not _overlaps(an, ev.source, gold.get("source"), rec["text"]):
                names = {e.id: e.name for e in an.entities}
                misses.append(f"  source {names.get(ev.source or '')!r} != {gold.get('source')!r}: {rec['text']}")
            if not _overlaps(an, ev.target, gold.get("target"), rec["text"]):
                names = {e.id: e.name for e in an.entities}
                misses.append(f"  target {names.get(ev.target or '')!r} != {gold.get('target')!r}: {rec['text']}")
        else:
            if gold:
                c["fn"] += 1
            if events:
                c["fp"] += 1
            if gold or events:
                misses.append(f"  {gold['type'] if gold else 'NONE'} -> {sorted(types) or 'NONE'}: {rec['text']}")
        if gold and events:
            c["det_typed"] += gold["type"] in types

    def f1(tp: int, fp: int, fn: int) -> float:
        return 2 * tp / max(2 * tp + fp + fn, 1)

    figures = {
        "sentences": len(records), "gold events": sum(1 for r in records if r.get("event")),
        "event F1": f1(c["tp"], c["fp"], c["fn"]),
        "detection F1": f1(c["det_tp"], c["det_fp"], c["det_fn"]),
        "type acc": c["det_typed"] / max(c["det_tp"], 1),
        "source acc": c["src"] / max(c["tp"], 1), "target acc": c["tgt"] / max(c["tp"], 1),
        "modality acc": c["mod"] / max(c["tp"], 1),
    }
    return figures, misses


def parallel_check(path: Path, settings: Settings) -> bool:
    """Analyse the parallel articles as one corpus; print, per gold event, its story events. True when each
    gold event has one story event holding all four languages."""
    records = read_jsonl(path)
    docs = [Document(id=r["id"], source=f"{r['id']}.txt", raw=f"{r['title']}\n\n{r['text']}",
                     given={"title": r["title"], "outlet": r.get("outlet"), "published": r.get("published")})
            for r in records]
    results = stages.analyze_documents(docs, settings)
    analyses = [r for r in results if not isinstance(r, IngestError)]
    corpus = fuse(analyses, settings)
    lang_of = {d.id: d.language or "?" for d in corpus.documents}
    gold_of = {r["id"]: r for r in records}
    names = {e.id: e.name for e in corpus.entities}
    type_of = {e.id: (lang_of.get(e.doc, "?"), e.type) for e in corpus.events}
    event_of = {e.id: e for e in corpus.events}
    by_gold: dict[str, list] = defaultdict(list)
    for se in corpus.story_events:
        for gid in sorted({gold_of[d]["event"] for d in se.docs if d in gold_of}):
            by_gold[gid].append(se)
    ok = agreed = 0
    print(f"parallel ({path}): {len(records)} articles, {len(corpus.story_events)} story events, "
          f"{len(corpus.stories)} stories")
    for gid in sorted({r["event"] for r in records}):
        gold = next(r for r in records if r["event"] == gid)
        # the story event that holds the most of its languages, whatever type it was given (printed beside)
        best = max(by_gold[gid], key=lambda se: (len({lang_of[d] for d in se.docs}), se.type == gold["type"]),
                   default=None)
        langs = sorted({lang_of[d] for d in best.docs}) if best else []
        ok += len(langs) == 4
        # stricter: each language has an event in it with the story event's own source and target (a language whose
        # events name other actors joined on wording alone, and splits off in a larger corpus)
        differ = [lg for lg in langs if best is not None and not any(
            lang_of.get(event_of[v].doc) == lg and (event_of[v].source, event_of[v].target)
            == (best.source, best.target) for v in best.events)]
        agreed += len(langs) == 4 and not differ
        missing = sorted({"en", "ru", "uk", "es"} - set(langs))
        print(f"  {gid} {gold['type']:9} gold {gold['source']['en']!r} -> {(gold['target'] or {}).get('en')!r}"
              + (f"   NOT JOINED: {','.join(missing)}" if missing else "")
              + (f"   OTHER ACTORS: {','.join(differ)}" if differ else ""))
        for se in sorted(by_gold[gid], key=lambda se: -len(se.docs)):
            print(f"      {se.id} {se.type:9} langs={','.join(sorted({lang_of[d] for d in se.docs}))} "
                  f"source={se.source} ({names.get(se.source or '', '')}) "
                  f"target={se.target} ({names.get(se.target or '', '')}) "
                  f"members={','.join(f'{lg}:{t}' for lg, t in sorted(type_of.get(v, ('?', '?')) for v in se.events))}")
            for v in sorted(se.events, key=lambda v: type_of.get(v, ("?", "?"))):
                ev = event_of.get(v)
                if ev is not None and (ev.source, ev.target) != (se.source, se.target):
                    print(f"          {lang_of.get(ev.doc, '?')}:{ev.type} source={ev.source} "
                          f"({names.get(ev.source or '', '')}) target={ev.target} ({names.get(ev.target or '', '')})")
    n_gold = len({r["event"] for r in records})
    print(f"  gold events with one story event in all four languages: {ok}/{n_gold}")
    print(f"  ... and each language's event with the story event's source and target: {agreed}/{n_gold}")
    return ok == n_gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, default=FROZEN)
    ap.add_argument("--misses", type=int, default=0, help="print up to N misses per language")
    ap.add_argument("--no-parallel", action="store_true")
    ap.add_argument("--parallel", type=Path, action="append", default=[],
                    help="a parallel set to check instead of the set folder's (repeatable)")
    ap.add_argument("--model", default="", help="a trained coder file (default: the shipped one)")
    ap.add_argument("--roles", default="", help="a trained role ranker file (default: the shipped one)")
    args = ap.parse_args(argv)
    settings = Settings(language_event_model=args.model, language_role_model=args.roles)
    sets = sentence_sets(args.set)
    if not sets:
        print(f"eval_events_languages: no sentence set in {args.set}; skipped")
    else:
        print(f"events by language ({args.set}):")
        cols = ["sentences", "gold events", "event F1", "detection F1", "type acc", "source acc", "target acc",
                "modality acc"]
        print("  lang " + " ".join(f"{c:>12}" for c in cols))
        for lang, records in sets.items():
            figures, misses = score(records, analyse_sentences(records, lang, settings))
            print(f"  {lang:4} " + " ".join(f"{figures[c]:>12.3f}" if isinstance(figures[c], float)
                                           else f"{figures[c]:>12}" for c in cols))
            for line in misses[:args.misses]:
                print(line)
    for parallel in args.parallel or [args.set / "parallel.jsonl", args.set / "parallel_dev.jsonl"]:
        if parallel.is_file() and not args.no_parallel:
            parallel_check(parallel, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
