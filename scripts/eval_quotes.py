#!/usr/bin/env python
"""Quote finding and speaker attribution on the frozen team quote set (``make eval``).

    python scripts/eval_quotes.py [--set frozen/quotes/test.jsonl ...] [--quotes NAME ...] [--misses N]
    python scripts/eval_quotes.py --set training/quotes/dev/blind2.jsonl ... --outcomes /tmp/a.json [--speaker-model M]
    python scripts/eval_quotes.py --compare /tmp/main.json /tmp/variant.json   (is the variant better, or noise?)

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
these figures, do not fit to them. ``--set`` scores another file of the same format (a dev set); it may be
given several times.

Keeping a change (quotes23). Every retrain moves ten to twenty borderline quotes either way, so comparing totals
("attributed and restraint over blind2..N must not fall") rejects everything: the totals move by noise. Instead
``--outcomes`` writes each gold quote's outcome (attributed right, or restrained) and ``--compare BASE CAND``
pairs two runs quote by quote (``paired_test``): for each figure it counts the quotes the candidate gains and
loses, and gives (a) an exact two-sided sign test on those discordant quotes (McNemar's test: under "no
change" a flipped quote is as likely to flip either way), (b) a bootstrap interval of the net gain resampling
whole passages (quotes of one passage move together), and (c) a sign test over the sets' net gains (a gain
carried by one set is not general). A figure is ``better`` or ``worse`` when (a) gives p < ``ALPHA`` and (b)'s
interval excludes zero; otherwise it moved ``within noise``. The keep rule: a change is kept when no figure
is worse and at least one is better; when every figure is within noise, the change is not shown to help
and the simpler model stays.
"""
from __future__ import annotations

import argparse
import json
import math
import random
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
#: the paired test's level, for the per-quote sign test and the bootstrap interval (two-sided)
ALPHA = 0.05
#: bootstrap resamples of passages, seeded so a comparison prints the same figures each time
BOOTSTRAP = 2000


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


def evaluate(records: list[dict], settings: Settings,
             outcomes: dict[str, dict] | None = None) -> tuple[dict[str, float], list[str]]:
    """The figures and the misses; each gold quote's outcome goes to ``outcomes`` (keyed "passage#index")."""
    n = found = with_speaker = attributed = coded_speaker = right_speaker = unattributed = restrained = 0
    misses: list[str] = []
    for rec, state in zip(records, analyse(records, settings)):
        text = rec["text"]
        mentions_of: dict[str, list[tuple[int, int]]] = {}
        for m in state.mentions:
            if m.entity:
                mentions_of.setdefault(m.entity, []).append((m.start, m.end))
        for index, q in enumerate(rec["quotes"]):
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
                ok = right
            else:
                unattributed += 1
                ok = coded is None or not said
                restrained += ok
            if outcomes is not None:
                outcomes[f"{rec['id']}#{index}"] = {
                    "figure": "attributed" if q.get("speaker") else "restraint", "ok": bool(ok)}
            if coded is not None and said:
                coded_speaker += 1
                right_speaker += bool(q.get("speaker")) and right
            if not ok:
                name = next((e.name for e in state.entities if e.id == said), None) if said else None
                why = "not found" if coded is None else f"speaker {name!r}"
                misses.append(f"{rec['id']}: {why}; gold {q['speaker']!r} for “{q['quote'][:60]}”")
    return {"quotes": n, "found": found / n if n else 0.0,
            "attributed": attributed / with_speaker if with_speaker else 0.0,
            "speaker_p": right_speaker / coded_speaker if coded_speaker else 0.0,
            "restraint": restrained / unattributed if unattributed else 0.0}, misses


def sign_test(gained: int, lost: int) -> float:
    """Exact two-sided binomial p of a split at least this uneven when each flip goes either way with 1/2."""
    n, k = gained + lost, min(gained, lost)
    if n == 0:
        return 1.0
    return min(1.0, 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n)


def paired_test(base: dict[str, dict[str, dict]], cand: dict[str, dict[str, dict]],
                seed: int = 0) -> dict[str, dict[str, Any]]:
    """Per figure, the candidate against the base on the quotes both scored (``{set: {quote: outcome}}``):
    gained, lost, net, the sign test's p on the flipped quotes, a bootstrap interval of net over passages,
    the sets' nets and the sign test over sets, and the verdict (better / worse / within noise)."""
    result: dict[str, dict[str, Any]] = {}
    for figure in ("attributed", "restraint"):
        per_set: dict[str, int] = {}
        per_passage: dict[str, int] = {}
        gained = lost = total = 0
        for name in sorted(set(base) & set(cand)):
            for key in sorted(set(base[name]) & set(cand[name])):
                a, b = base[name][key], cand[name][key]
                if a["figure"] != figure:
                    continue
                total += 1
                delta = int(b["ok"]) - int(a["ok"])
                gained += delta > 0
                lost += delta < 0
                per_set[name] = per_set.get(name, 0) + delta
                passage = f"{name}/{key.split('#')[0]}"
                per_passage[passage] = per_passage.get(passage, 0) + delta
        nets = list(per_passage.values())
        rng = random.Random(seed)
        draws = sorted(sum(rng.choice(nets) for _ in nets) for _ in range(BOOTSTRAP)) if nets else [0]
        low = draws[int(len(draws) * ALPHA / 2)]
        high = draws[min(len(draws) - 1, int(len(draws) * (1 - ALPHA / 2)))]
        p = sign_test(gained, lost)
        up = sum(v > 0 for v in per_set.values())
        down = sum(v < 0 for v in per_set.values())
        verdict = "within noise"
        if p < ALPHA and low > 0:
            verdict = "better"
        elif p < ALPHA and high < 0:
            verdict = "worse"
        result[figure] = {"quotes": total, "gained": gained, "lost": lost, "net": gained - lost, "p": p,
                          "interval": (low, high), "sets": per_set, "sets_up": up, "sets_down": down,
                          "p_sets": sign_test(up, down), "verdict": verdict}
    return result


def keep(result: dict[str, dict[str, Any]]) -> bool:
    """The keep rule: no figure worse and at least one better."""
    verdicts = [r["verdict"] for r in result.values()]
    return "worse" not in verdicts and "better" in verdicts


def compare(base_path: Path, cand_path: Path) -> int:
    with open(base_path, encoding="utf-8") as fh:
        base = json.load(fh)
    with open(cand_path, encoding="utf-8") as fh:
        cand = json.load(fh)
    result = paired_test(base, cand)
    print(f"paired test, {cand_path} against {base_path} (alpha {ALPHA}, {BOOTSTRAP} passage resamples)")
    for figure, r in result.items():
        print(f"  {figure:10s} quotes {r['quotes']:5d}  gained {r['gained']:3d}  lost {r['lost']:3d}  "
              f"net {r['net']:+4d}  p {r['p']:.3f}  interval [{r['interval'][0]:+d}, {r['interval'][1]:+d}]  "
              f"sets up/down {r['sets_up']}/{r['sets_down']} (p {r['p_sets']:.3f})  {r['verdict']}")
        print("    " + "  ".join(f"{Path(n).stem} {v:+d}" for n, v in sorted(r["sets"].items()) if v))
    print("keep" if keep(result) else "do not keep (not shown better, or a figure worse)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, action="append", default=[],
                        help="a quote set (repeatable; default: the frozen set)")
    parser.add_argument("--quotes", action="append", default=[],
                        help="quote component(s) to compare (default: the one the settings name)")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    parser.add_argument("--speaker-model", default="", help="a quote-speaker model file for the trained component "
                        "(default: the one shipped in the package)")
    parser.add_argument("--outcomes", type=Path, help="write each gold quote's outcome (the last component's) "
                        "here, for --compare")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BASE", "CANDIDATE"),
                        help="paired test of two --outcomes files; scores nothing")
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    sets = args.set or [FROZEN]
    for path in sets:
        if not path.is_file():
            print(f"no quote set at {path}", file=sys.stderr)
            return 1
    base = Settings(speaker_model=args.speaker_model)
    names = args.quotes or [next(n for n in base.pipeline if n.startswith("storyline.quotes."))]
    kept: dict[str, dict[str, dict]] = {}
    for path in sets:
        records = read(path)
        label = str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        results = []
        for name in names:
            settings = Settings(pipeline=[name if p.startswith("storyline.quotes.") else p for p in base.pipeline],
                                speaker_model=args.speaker_model)
            kept[label] = {}
            results.append(evaluate(records, settings, kept[label]))
        print(f"quote attribution, {label}: {len(records)} passages, {results[0][0]['quotes']} quotes")
        print(f"  {'figure':12s} " + " ".join(f"{n.split('.')[-2]:>9s}" for n in names))
        for key in ("found", "attributed", "speaker_p", "restraint"):
            print(f"  {key:12s} " + " ".join(f"{r[key]:>9.3f}" for r, _ in results))
        outcome = kept[label].values()
        print(f"  counts       attributed {sum(o['ok'] for o in outcome if o['figure'] == 'attributed')}/"
              f"{sum(o['figure'] == 'attributed' for o in outcome)}, restraint "
              f"{sum(o['ok'] for o in outcome if o['figure'] == 'restraint')}/"
              f"{sum(o['figure'] == 'restraint' for o in outcome)}")
        for line in results[-1][1][:args.misses]:
            print("  " + line)
    if args.outcomes:
        with open(args.outcomes, "w", encoding="utf-8") as fh:
            json.dump(kept, fh, indent=0, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
