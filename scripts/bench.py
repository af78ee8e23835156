#!/usr/bin/env python
"""Throughput and peak memory of storyline's stages, next to the reference tools (``make bench``).

Sections, all in one run; each one prints a note and is skipped when its imports fail:

1. ingest+clean: documents/second and peak memory on the seeds (``../shared/seeds`` when
   present) and on the bundled demo corpus, each repeated until at least ``--min-docs``
   documents went through, so the figure is stable.
2. junk: on the junk-injected corpus of ``tests/clean/junk.py: make_junk_corpus(seed)``, the
   share of junk lines removed and of body lines lost by storyline's cleaner, by trafilatura
   and by jusText (the reference tools get the same texts as ``<p>``-wrapped lines).
3. nlp: words/second of ``storyline.nlp.pipeline.parse`` against bare spaCy ``nlp.pipe`` with
   the same model on the same block texts.

Usage: ``python scripts/bench.py [--quick] [--json out.json]``. Timings are wall-clock on a
shared machine: compare ratios within one run rather than absolute figures across runs.
"""
from __future__ import annotations

import argparse
import gc
import html
import importlib.util
import json
import math
import os
import platform
import re
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a plain script from a checkout
    sys.path.insert(0, str(REPO))

#: Documents per timed ingest+clean run; below ~200 the figure swings by >10 % between runs here.
MIN_DOCS, QUICK_MIN_DOCS = 200, 30
#: Junk-corpus seeds averaged over (each seed is one generated corpus).
JUNK_SEEDS, QUICK_JUNK_SEEDS = 5, 1
#: Words the NLP section parses per contender (a few seconds at ~4k words/s, see STACK.md).
NLP_MIN_WORDS, QUICK_NLP_MIN_WORDS = 20_000, 4_000
#: Interleaved rounds per NLP contender at least (best round is reported).
NLP_MIN_ROUNDS = 3
#: A line counts as kept when at least this share of its visible characters survives cleaning.
KEPT_SHARE = 0.5
#: jusText length thresholds (chars) for short paragraphs; its defaults are 70/200.
JUSTEXT_SHORT = {"length_low": 40, "length_high": 90}
#: Below this length a line must match an output line exactly (short junk is a substring of anything).
SUBSTRING_MIN_CHARS = 20


@dataclass
class Report:
    """Everything measured, printed as tables and optionally written as JSON."""
    sections: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def norm(text: str) -> str:
    """Whitespace-collapsed text, for matching a line against a tool's output."""
    return " ".join(text.split())


def _ratio(a: float, b: float) -> str:
    return f"x{a / b:.2f}" if b else "n/a"


def _fmt_table(header: list[str], rows: list[list[Any]]) -> str:
    cells = [header] + [[f"{c:.3f}" if isinstance(c, float) and abs(c) < 10 else
                         (f"{c:,.0f}" if isinstance(c, float) else str(c)) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --------------------------------------------------------------------------- ingest + clean

def _ingest(paths: list[Path], settings: Any) -> tuple[list[Any], int]:
    from storyline.ingest import read_paths
    from storyline.model import Document

    docs, errors = [], 0
    for item in read_paths(paths, settings):
        if isinstance(item, Document):
            docs.append(item)
        else:
            errors += 1
    return docs, errors


def _clean(docs: list[Any], settings: Any) -> list[Any]:
    """Clean one corpus copy: line statistics over the copy, then each document."""
    from storyline.clean import LineStats, clean_document

    stats = LineStats.from_documents(docs)
    out = []
    for doc in docs:
        result = clean_document(doc, settings, stats)
        out.append(result if hasattr(result, "blocks") else doc)  # tolerate in-place cleaners
    return out


def bench_ingest_clean(name: str, paths: list[Path], min_docs: int, settings: Any) -> dict[str, Any]:
    """docs/s of ingest, clean and both over ``paths`` repeated to ``min_docs`` documents."""
    docs, errors = _ingest(paths, settings)  # warm-up: imports, lexicons, charset models
    _clean(docs, settings)
    if not docs:
        raise RuntimeError(f"no documents read from {name}")
    reps = max(1, math.ceil(min_docs / len(docs)))
    t_ingest, t_clean = [], []
    cpu0 = time.process_time()
    gc.collect()
    for _ in range(reps):
        t0 = time.perf_counter()
        copy, _ = _ingest(paths, settings)
        t1 = time.perf_counter()
        _clean(copy, settings)
        t_clean.append(time.perf_counter() - t1)
        t_ingest.append(t1 - t0)
    cpu = time.process_time() - cpu0
    total = reps * len(docs)
    # median copy: robust to the other jobs sharing this machine
    med_ingest, med_clean = statistics.median(t_ingest), statistics.median(t_clean)
    # tracemalloc slows allocation-heavy code several-fold: measure memory in its own pass
    tracemalloc.start()
    _clean(_ingest(paths, settings)[0], settings)
    py_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return {"corpus": name, "docs": len(docs), "errors": errors, "reps": reps, "total_docs": total,
            "ingest_docs_s": len(docs) / med_ingest, "clean_docs_s": len(docs) / med_clean,
            "both_docs_s": len(docs) / (med_ingest + med_clean), "both_docs_cpu_s": total / cpu, "py_peak_mb": py_peak, "rss_mb": rss_mb()}


# --------------------------------------------------------------------------- junk removal

Span = tuple[int, int]


@dataclass
class JunkItem:
    """One junk-injected text with its labelled pieces as (start, end) character spans.

    A piece is a whole line or part of one (a label glued to a paragraph, a stray tag).
    """
    text: str
    junk: list[Span]
    body: list[Span]
    unlocated: int = 0  # labels not found in the text (reported, not scored)


def load_make_junk_corpus() -> Callable[[int], Any]:
    """``make_junk_corpus`` from tests/clean/junk.py (importable as a package or by path)."""
    try:
        from tests.clean.junk import make_junk_corpus  # type: ignore[import-not-found]
        return make_junk_corpus
    except ImportError:
        path = REPO / "tests" / "clean" / "junk.py"
        if not path.is_file():
            raise ImportError(f"{path} not found (make_junk_corpus)") from None
        spec = importlib.util.spec_from_file_location("_storyline_bench_junk", path)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return module.make_junk_corpus


def _line_spans(text: str) -> list[Span]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def locate(text: str, labels: list[Any]) -> tuple[list[Span], int]:
    """Spans of labelled pieces given in reading order, as line indices or as strings.

    A string may occur more often than it is labelled (a headline repeated as junk after the
    real headline): then the *last* occurrences before the next label are the labelled ones.
    """
    lines = _line_spans(text)
    if all(isinstance(x, int) for x in labels):
        return [lines[i] for i in labels if 0 <= i < len(lines) and text[slice(*lines[i])].strip()], 0
    spans, cursor, missing = [], 0, 0
    for k, label in enumerate(labels):
        piece = str(label).strip()
        if not piece:
            continue
        hits = [m.start() for m in re.finditer(re.escape(piece), text[cursor:])]
        if not hits:
            missing += 1
            continue
        still_labelled = sum(str(x).strip() == piece for x in labels[k:])
        start = cursor + hits[max(0, len(hits) - still_labelled)] if len(hits) > still_labelled \
            else cursor + hits[0]
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return spans, missing


def junk_items(corpus: Any) -> list[JunkItem]:
    """``make_junk_corpus`` output -> ``JunkItem``s.

    Takes ``(text, junk, body)`` triples (junk/body as strings or line indices); without body
    labels, every non-empty line that is not junk counts as body.
    """
    items = []
    for rec in corpus:
        text, junk_labels = rec[0], list(rec[1])
        junk, missing = locate(text, junk_labels)
        if len(rec) > 2 and rec[2] is not None:
            body, missing_body = locate(text, list(rec[2]))
            missing += missing_body
        else:
            covered = {text.count("\n", 0, s) for s, _ in junk}
            body = [sp for i, sp in enumerate(_line_spans(text))
                    if i not in covered and text[slice(*sp)].strip()]
        items.append(JunkItem(text, junk, body, missing))
    return items


def _visible(text: str) -> int:
    return sum(not c.isspace() for c in text)


def kept_by_storyline(items: list[JunkItem], settings: Any) -> list[Callable[[Span], bool]]:
    """Per item, a test "is this span still in the cleaned body" (character level)."""
    from storyline.model import Document

    docs = [Document(id=f"junk{i:04d}", source=f"junk{i:04d}.txt", raw=it.text)
            for i, it in enumerate(items)]
    tests = []
    for it, doc in zip(items, _clean(docs, settings)):
        view = doc.body_view()
        tests.append(lambda sp, view=view, raw=it.text:
                     _visible(view[sp[0]:sp[1]]) >= KEPT_SHARE * max(1, _visible(raw[sp[0]:sp[1]])))
    return tests


def _p_wrapped(text: str) -> str:
    paras = "".join(f"<p>{html.escape(ln.strip())}</p>\n" for ln in text.split("\n") if ln.strip())
    return f"<html><head><meta charset='utf-8'></head><body>\n{paras}</body></html>"


def _line_test(text: str, out_lines: Iterable[str]) -> Callable[[Span], bool]:
    """A tool that works on lines keeps a span when it keeps the span's line."""
    outs = [norm(x) for x in out_lines if x.strip()]
    exact, joined = set(outs), "\n".join(outs)
    keep = set()
    for i, ln in enumerate(text.split("\n")):
        n = norm(ln)
        if n and (n in exact or (len(n) >= SUBSTRING_MIN_CHARS and n in joined)):
            keep.add(i)
    return lambda sp: text.count("\n", 0, sp[0]) in keep


def kept_by_trafilatura(items: list[JunkItem]) -> list[Callable[[Span], bool]]:
    import trafilatura

    return [_line_test(it.text, (trafilatura.extract(_p_wrapped(it.text), output_format="txt")
                                 or "").split("\n")) for it in items]


def kept_by_justext(items: list[JunkItem], **params: int) -> list[Callable[[Span], bool]]:
    import justext

    stop = justext.get_stoplist("English")
    return [_line_test(it.text, [p.text for p in justext.justext(_p_wrapped(it.text).encode(), stop, **params)
                                 if not p.is_boilerplate]) for it in items]


def bench_junk(seeds: list[int], settings: Any) -> dict[str, Any]:
    make_junk_corpus = load_make_junk_corpus()
    # one generated corpus per seed, cleaned on its own: pooled, the same article body would
    # repeat across seeds and storyline's cross-document line statistics would call it boilerplate
    corpora = [junk_items(make_junk_corpus(seed)) for seed in seeds]
    items = [it for corpus in corpora for it in corpus]
    n_junk = sum(len(it.junk) for it in items)
    n_body = sum(len(it.body) for it in items)
    unlocated = sum(it.unlocated for it in items)
    if not n_junk or not n_body:
        raise RuntimeError(f"junk corpus has {n_junk} junk and {n_body} body lines; nothing to score")
    tools: dict[str, Callable[[list[JunkItem]], list[Callable[[Span], bool]]]] = {
        "storyline": lambda its: kept_by_storyline(its, settings),
        "trafilatura": kept_by_trafilatura,
        "justext": kept_by_justext,
        # jusText's defaults need 200-character paragraphs to call anything "good"; short news
        # paragraphs all fall below, so also show it with thresholds sized for them
        "justext-short": lambda its: kept_by_justext(its, **JUSTEXT_SHORT),
    }
    rows: dict[str, Any] = {}
    for tool, fn in tools.items():
        try:
            fn(items[:1])  # warm-up
            t0 = time.perf_counter()
            kept = [k for corpus in corpora for k in fn(corpus)]
            dt = time.perf_counter() - t0
        except ImportError as exc:
            rows[tool] = {"skipped": str(exc)}
            continue
        junk_removed = sum(not k(sp) for it, k in zip(items, kept) for sp in it.junk) / n_junk
        body_lost = sum(not k(sp) for it, k in zip(items, kept) for sp in it.body) / n_body
        rows[tool] = {"junk_removed": junk_removed, "body_lost": body_lost, "docs_s": len(items) / dt}
    return {"seeds": seeds, "docs": len(items), "junk_lines": n_junk, "body_lines": n_body,
            "unlocated": unlocated, "tools": rows, "rss_mb": rss_mb()}


# --------------------------------------------------------------------------- nlp

def _blocks_for(docs: list[Any]) -> list[Any]:
    """Cleaned documents when the cleaner is there; else paragraphs of raw text as blocks."""
    try:
        stats_docs = _clean(docs, _SETTINGS)
        if all(d.blocks for d in stats_docs):
            return stats_docs
    except ImportError as exc:
        print(f"  note: cleaner not importable ({exc}); nlp runs on raw paragraphs")
    from storyline.model import Block

    for d in docs:
        d.blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", d.raw)
                    if m.group().strip()]
    return docs


def bench_nlp(paths: list[Path], min_words: int, settings: Any) -> dict[str, Any]:
    from storyline.nlp.pipeline import load_nlp, parse

    docs = _blocks_for(_ingest(paths, settings)[0])
    texts = [d.body_view()[b.start:b.end] for d in docs for b in d.blocks]
    words = sum(len(t.split()) for t in texts)
    if not words:
        raise RuntimeError("no body text to parse")
    reps = max(1, math.ceil(min_words / words))
    nlp = load_nlp(settings.spacy_model)
    parse(docs[0], settings)  # warm-up: model load and first-batch allocations stay out of the timing
    list(nlp.pipe(texts[:8]))

    # the machine is shared: interleave the contenders round by round and keep each one's best
    # round, the usual estimate of intrinsic cost under outside load (as timeit does)
    best = {"ours": 0.0, "bare": 0.0}
    cpu = {"ours": 0.0, "bare": 0.0}
    runs = {"ours": lambda: [parse(d, settings) for d in docs],
            "bare": lambda: list(nlp.pipe(texts, batch_size=64))}
    for _ in range(max(NLP_MIN_ROUNDS, reps)):
        for key, fn in runs.items():
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            best[key] = max(best[key], words / (time.perf_counter() - t0))
            cpu[key] += time.process_time() - c0
    ours, bare = best["ours"], best["bare"]
    rounds = max(NLP_MIN_ROUNDS, reps)
    return {"model": settings.spacy_model, "docs": len(docs), "blocks": len(texts), "words": words,
            "reps": rounds, "storyline_words_s": ours, "spacy_words_s": bare,
            "storyline_words_cpu_s": rounds * words / cpu["ours"], "spacy_words_cpu_s": rounds * words / cpu["bare"], "rss_mb": rss_mb()}


# --------------------------------------------------------------------------- driver

_SETTINGS: Any = None


def _run(report: Report, key: str, fn: Callable[[], Any]) -> None:
    try:
        report.sections[key] = fn()
    except ImportError as exc:
        report.skipped[key] = f"{type(exc).__name__}: {exc}"
        print(f"[{key}] skipped: {report.skipped[key]}")
    except Exception as exc:  # noqa: BLE001 - one broken section must not hide the others
        report.errors[key] = f"{type(exc).__name__}: {exc}"
        print(f"[{key}] error: {report.errors[key]}")


def print_report(report: Report) -> None:
    rows = [[s["corpus"], s["docs"], s["errors"], s["total_docs"], s["ingest_docs_s"], s["clean_docs_s"],
             s["both_docs_s"], s["both_docs_cpu_s"], f"{s['py_peak_mb']:.1f}", f"{s['rss_mb']:.0f}"]
            for k, s in report.sections.items() if k.startswith("ingest+clean")]
    if rows:
        print("\ningest+clean (docs/s of the median corpus copy; both/CPU-s: per CPU second; py-peak = tracemalloc peak of one pass; RSS = process peak so far)")
        print(_fmt_table(["corpus", "docs", "errors", "timed", "ingest/s", "clean/s", "both/s",
                          "both/CPU-s", "py-peak MB", "RSS MB"], rows))
    junk = report.sections.get("junk")
    if junk:
        print(f"\njunk removal (make_junk_corpus seeds {junk['seeds']}: {junk['docs']} docs, "
              f"{junk['junk_lines']} junk pieces, {junk['body_lines']} body pieces"
              + (f", {junk['unlocated']} labels not found" if junk["unlocated"] else "") + ")")
        ours = junk["tools"].get("storyline", {})
        rows = []
        for tool, r in junk["tools"].items():
            if "skipped" in r:
                rows.append([tool, "skipped", r["skipped"], "", ""])
                continue
            vs = "" if tool == "storyline" or "junk_removed" not in ours else (
                f"junk removed {_ratio(ours['junk_removed'], r['junk_removed'])}, "
                f"body lost {_ratio(ours['body_lost'], r['body_lost'])}")
            rows.append([tool, f"{r['junk_removed']:.3f}", f"{r['body_lost']:.3f}", r["docs_s"], vs])
        print(_fmt_table(["tool", "junk removed", "body lost", "docs/s", "storyline / tool"], rows))
    nlp = report.sections.get("nlp")
    if nlp:
        print(f"\nnlp ({nlp['model']}; {nlp['docs']} docs, {nlp['blocks']} blocks, {nlp['words']} words "
              f"x {nlp['reps']})")
        print("(words/s: best of interleaved rounds; words/CPU-s: all rounds, steadier on a shared machine)")
        print(_fmt_table(["contender", "words/s", "words/CPU-s", "vs bare spaCy (CPU)"], [
            ["storyline parse()", nlp["storyline_words_s"], nlp["storyline_words_cpu_s"],
             _ratio(nlp["storyline_words_cpu_s"], nlp["spacy_words_cpu_s"])],
            ["spaCy nlp.pipe", nlp["spacy_words_s"], nlp["spacy_words_cpu_s"], "x1.00"]]))
        print(f"peak RSS after nlp: {nlp['rss_mb']:.0f} MB")
    for key, why in {**report.skipped, **report.errors}.items():
        print(f"{key}: not measured ({why})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small run (a few seconds per section)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="folder holding seeds/ (default: ../shared)")
    parser.add_argument("--min-docs", type=int, help=f"documents per ingest+clean timing (default {MIN_DOCS})")
    parser.add_argument("--sections", default="ingest,junk,nlp", help="comma-separated subset to run")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)

    global _SETTINGS
    from storyline.config import Settings
    from storyline.demo import demo_corpus_path

    settings = _SETTINGS = Settings()
    min_docs = args.min_docs or (QUICK_MIN_DOCS if args.quick else MIN_DOCS)
    wanted = set(args.sections.split(","))
    seeds_dir = args.shared / "seeds"
    corpora = {"demo": [demo_corpus_path()]}
    if seeds_dir.is_dir():
        corpora = {"seeds": [seeds_dir], **corpora}
    else:
        print(f"note: {seeds_dir} not found; seeds are left out")
    print(f"storyline bench: python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{'quick' if args.quick else 'full'} run")

    report = Report()
    if "ingest" in wanted:
        for name, paths in corpora.items():
            _run(report, f"ingest+clean:{name}",
                 lambda paths=paths, name=name: bench_ingest_clean(name, paths, min_docs, settings))
    if "junk" in wanted:
        seeds = list(range(QUICK_JUNK_SEEDS if args.quick else JUNK_SEEDS))
        _run(report, "junk", lambda: bench_junk(seeds, settings))
    if "nlp" in wanted:
        paths = [p for ps in corpora.values() for p in ps]
        _run(report, "nlp", lambda: bench_nlp(
            paths, QUICK_NLP_MIN_WORDS if args.quick else NLP_MIN_WORDS, settings))
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report.__dict__, indent=2, default=str), encoding="utf-8")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
