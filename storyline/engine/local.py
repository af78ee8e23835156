"""The local engine: ingest → per-document stages (in a process pool) → store → fuse → outputs.

This is the one path the CLI and the Python API share.
"""
from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from storyline.clean import LineStats
from storyline.config import Settings
from storyline.engine.stages import analyze_document
from storyline.model import Corpus, DocAnalysis, Document, IngestError

LOGGER = logging.getLogger(__name__)

#: reasons that mean "not an article we handle" rather than "a broken file"
SKIP_REASONS = frozenset({"unsupported"})

Progress = Callable[[int, int], None]


@dataclass
class RunSummary:
    read: int = 0          # documents read and analysed (or already in the store)
    skipped: int = 0       # files of a kind storyline does not read
    failed: int = 0        # files or records that could not be read or analysed
    already_stored: int = 0
    seconds: float = 0.0
    errors: list[IngestError] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.read} documents read ({self.already_stored} already in the store), "
                f"{self.skipped} skipped, {self.failed} failed, {self.seconds:.1f} s")


def _safe_analyze(args: tuple[Document, Settings, LineStats | None]) -> DocAnalysis | IngestError:
    doc, settings, stats = args
    try:
        return analyze_document(doc, settings, stats)
    except Exception as exc:  # a bug on one odd article must not abort the batch
        LOGGER.exception("analysis failed for %s", doc.source)
        return IngestError(doc.source, "analysis_failed", f"{type(exc).__name__}: {exc}")


def analyze_all(docs: list[Document], settings: Settings, stats: LineStats | None,
                progress: Progress | None = None) -> Iterator[DocAnalysis | IngestError]:
    """Run the per-document stages over ``docs``, in order, with ``settings.workers`` processes."""
    jobs = [(d, settings, stats) for d in docs]
    if settings.workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=settings.workers) as pool:
            for i, res in enumerate(pool.map(_safe_analyze, jobs, chunksize=4), 1):
                if progress:
                    progress(i, len(jobs))
                yield res
    else:
        for i, job in enumerate(jobs, 1):
            res = _safe_analyze(job)
            if progress:
                progress(i, len(jobs))
            yield res


Analyzer = Callable[[list[Document], Settings, "LineStats | None", "Progress | None"],
                    Iterable["DocAnalysis | IngestError"]]


def run(paths: Iterable[str | Path], out_dir: str | Path, settings: Settings,
        progress: Progress | None = None, analyzer: Analyzer = analyze_all,
        reanalyze: bool = False) -> tuple[RunSummary, Corpus]:
    """Analyse ``paths`` into ``out_dir`` (storyline.duckdb, export.json, report.html, errors.jsonl).

    ``analyzer`` runs the per-document stages; the Spark engine passes its own, so both engines
    share ingest, the store, fuse and the outputs, and give the same results. ``reanalyze``
    runs the stages again on documents already in the store (after an upgrade or a settings change).
    """
    from storyline.export.json import write_json
    from storyline.fuse import fuse
    from storyline.ingest import read_paths
    from storyline.report.render import write_report
    from storyline.store import Store

    t0 = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    docs: list[Document] = []
    seen: set[str] = set()
    for item in read_paths(paths, settings):
        if isinstance(item, IngestError):
            if item.reason in SKIP_REASONS:
                summary.skipped += 1
            else:
                summary.failed += 1
            summary.errors.append(item)
        elif item.id not in seen:  # the same article twice in one run counts once
            seen.add(item.id)
            docs.append(item)

    with Store(out / "storyline.duckdb") as store:
        known = set() if reanalyze else store.known_ids()
        fresh = [d for d in docs if d.id not in known]
        summary.already_stored = len(docs) - len(fresh)
        # repetition across the corpus is a boilerplate signal: count it over everything we hold
        stats = LineStats.from_documents([*fresh, *store.documents()])
        analyses: list[DocAnalysis] = []
        for res in analyzer(fresh, settings, stats, progress):
            if isinstance(res, IngestError):
                summary.failed += 1
                summary.errors.append(res)
            else:
                analyses.append(res)
        store.add_analyses(analyses, replace=reanalyze)
        summary.read = len(analyses) + summary.already_stored
        # fuse sees every stored analysis; the ones just written are not read back
        fresh_ids = {a.document.id for a in analyses}
        everything = sorted([*analyses, *store.analyses(exclude=fresh_ids)],
                            key=lambda a: (a.document.source, a.document.id))
        corpus = fuse(everything, settings)
        store.replace_corpus(corpus)

    write_json(corpus, out / "export.json")
    write_report(corpus, out / "report.html")
    with open(out / "errors.jsonl", "w", encoding="utf-8") as fh:
        for err in summary.errors:
            fh.write(json.dumps(asdict(err), ensure_ascii=False) + "\n")
    summary.seconds = time.perf_counter() - t0
    return summary, corpus
