#!/usr/bin/env python
"""Quotes and their speakers in Russian, Ukrainian and Spanish (``make eval``).

    python scripts/eval_quotes_languages.py [--set frozen/languages/quotes] [--misses N]

The set is a folder of ``{ru,uk,es}.jsonl`` (``scripts/build_quotes_languages.py`` writes them) of records
``{"id", "lang", "text", "quotes": [{"quote", "start", "end", "direct", "speaker", "speaker_near"}]}``. Each
passage is analysed as a document by the real per-document path (cleaning, language id, the components
``Settings.pipelines`` gives the detected language, its quote component among them). Per gold language:

- ``found``: of the gold quotes with a speaker, the share a coded quote overlaps (``direct`` / ``reported``: the
  same, by the gold kind);
- ``attributed``: of the gold quotes with a speaker, the share whose overlapping coded quote names the right
  speaker: one of the speaker entity's mentions overlaps an occurrence of the gold ``speaker`` or ``speaker_near``
  string (whole words);
- ``speaker_p``: of the coded quotes that overlap a gold quote and name a speaker, the share naming the right one;
- ``span_p``: of all coded quotes, the share that overlaps a gold quote (a title or a slogan coded as speech, or
  a sentence coded as reported speech that is none, counts against it);
- ``restraint``: of the gold quotes with no speaker (slogans, titles), the share left without one.

The frozen set (``frozen/languages/quotes``) was written before any change to the quote code and is held out:
run this on it once, to report; tune on ``--set training/languages/quotes/dev``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.config import Settings  # noqa: E402
from storyline.engine import stages  # noqa: E402
from storyline.model import DocAnalysis, Document  # noqa: E402

FROZEN = ROOT / "frozen" / "languages" / "quotes"
LANGS = ("ru", "uk", "es")
FIGURES = ("found", "direct", "reported", "attributed", "speaker_p", "span_p", "restraint")


def read(folder: Path) -> list[dict[str, Any]]:
    out = []
    for lang in LANGS:
        path = folder / f"{lang}.jsonl"
        if path.is_file():
            with open(path, encoding="utf-8") as fh:
                out += [json.loads(line) for line in fh if line.strip()]
    return out


def occurrences(text: str, part: str | None) -> list[tuple[int, int]]:
    if not part:
        return []
    # whole words only: the pronoun "он" is not the "он" inside "Он-лайн" or "сказал он"'s neighbours
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(part) + r"(?!\w)", text)]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(records: list[dict[str, Any]], settings: Settings, misses: int = 0) -> dict[str, dict[str, Any]]:
    docs = [Document(id=r["id"], source=f"{r['id']}.txt", raw=r["text"]) for r in records]
    results = stages.analyze_documents(docs, settings)
    c: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    shown = 0
    for rec, result in zip(records, results):
        k = c[rec["lang"]]
        k["docs"] += 1
        if not isinstance(result, DocAnalysis):
            k["failed"] += 1
            continue
        text = rec["text"]
        coded = list(result.quotes)
        names = {e.id: e.name for e in result.entities}
        mentions_of: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in result.mentions:
            if m.entity:
                mentions_of[m.entity].append((m.start, m.end))
        k["coded"] += len(coded)
        k["coded_on_gold"] += sum(any(overlaps((q.start, q.end), (g["start"], g["end"])) for g in rec["quotes"])
                                  for q in coded)
        for g in rec["quotes"]:
            span = (g["start"], g["end"])
            hit = next((q for q in coded if overlaps((q.start, q.end), span)), None)
            said = hit.speaker if hit is not None else None
            places = occurrences(text, g["speaker"]) + occurrences(text, g["speaker_near"])
            right = bool(said) and any(overlaps(m, p) for m in mentions_of.get(said or "", []) for p in places)
            if g["speaker"] is None:
                k["unattributed"] += 1
                k["restrained"] += not said
            else:
                kind = "direct" if g["direct"] else "reported"
                k["gold"] += 1
                k[f"gold_{kind}"] += 1
                k["found"] += hit is not None
                k[f"found_{kind}"] += hit is not None
                k["attributed"] += right
                if not right and misses and shown < misses:
                    shown += 1
                    why = "not found" if hit is None else f"speaker {names.get(said or '')!r}"
                    print(f"  {rec['id']}: {why}; gold {g['speaker']!r} for «{g['quote'][:50]}»", file=sys.stderr)
            if said:
                k["with_speaker"] += 1
                k["right_speaker"] += g["speaker"] is not None and right

    def share(num: float, den: float) -> float | None:
        return round(num / den, 3) if den else None

    out = {}
    for lang in LANGS:
        if lang not in c:
            continue
        k = c[lang]
        out[lang] = {"docs": int(k["docs"]), "quotes": int(k["gold"] + k["unattributed"]),
                     "found": share(k["found"], k["gold"]),
                     "direct": share(k["found_direct"], k["gold_direct"]),
                     "reported": share(k["found_reported"], k["gold_reported"]),
                     "attributed": share(k["attributed"], k["gold"]),
                     "speaker_p": share(k["right_speaker"], k["with_speaker"]),
                     "span_p": share(k["coded_on_gold"], k["coded"]),
                     "restraint": share(k["restrained"], k["unattributed"]), "failed": int(k["failed"])}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", type=Path, default=FROZEN, help="a folder of {ru,uk,es}.jsonl")
    ap.add_argument("--misses", type=int, default=0, help="print up to N misses (stderr)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    records = read(args.set)
    if not records:
        print(f"eval_quotes_languages: no quote set at {args.set}; skipped")
        return 0
    figures = evaluate(records, Settings(), args.misses)
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    where = args.set.resolve()
    print(f"quotes in ru/uk/es ({where.relative_to(ROOT) if where.is_relative_to(ROOT) else where}):")
    print(f"  {'lang':5s} {'docs':>4s} {'quotes':>6s} " + " ".join(f"{f:>10s}" for f in FIGURES))
    for lang, f in figures.items():
        cells = " ".join(f"{'-' if f[name] is None else format(f[name], '.3f'):>10s}" for name in FIGURES)
        print(f"  {lang:5s} {f['docs']:4d} {f['quotes']:6d} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
