"""The local engine: ingest → per-document stages (in a process pool) → store → fuse → outputs.

This is the one path the CLI and the Python API share.
"""
from __future__ import annotations

import gc
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

from storyline.clean import LineStats
from storyline.config import Settings
from storyline.engine.stages import analyze_documents, document_pipeline, language_pipelines
from storyline.errors import ConfigError
from storyline.model import Corpus, DocAnalysis, Document, IngestError
from storyline.nlp.embeddings import prepare as prepare_embedder

if TYPE_CHECKING:
    from storyline.fuse.mapper import Mapper
    from storyline.store import Store

LOGGER = logging.getLogger(__name__)

#: a full fuse of more stored documents than this goes in batches of this many (``fuse_store``): the first
#: batch fused in full, each later one added by the incremental fuse, so the analyses in memory are one
#: batch's, not the corpus's. 0 (the default): never in batches. Not on by default because an update of a
#: large batch still peaks higher than the full fuse it replaces (measured: 10k added to a 10k store peaked
#: at 7.7 GB, 940 s, against 1.6 GB and ~900 s for one full fuse of 10k on the same loaded machine). Most
#: of that spike was every summary table rewritten in each batch's transaction, now written once at the end
#: (2k added to a 2k store: 2.2 GB -> 1.1 GB); not re-measured at 100k yet.
FUSE_BATCH = 0

#: analyses written to the store at a time while a run analyses its documents
STORE_CHUNK = 1000

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


#: Documents analysed together (their parses share spaCy batches, their leads one embedding
#: batch); the pool gets smaller groups when that is needed to keep every worker busy. Measured
#: on 150 news articles: 8 is as fast as 16 or 32, and its peak memory stays flat with corpus
#: size (488 MB), where 32 grew from 618 MB at 40 articles to 991 MB at 400.
GROUP_DOCS = 8


#: One picklable job: a group of documents, the run's settings and the cleaning's line statistics.
Job = tuple[list[Document], Settings, LineStats | None]


def analyze_group(args: Job) -> list[DocAnalysis | IngestError]:
    """``analyze_documents`` over one group, as one picklable job (a pool task, a Spark partition)."""
    docs, settings, stats = args
    try:
        return analyze_documents(docs, settings, stats)
    except ConfigError:
        raise  # settings that cannot work: the run stops with the message
    except Exception as exc:  # analyze_documents isolates failures; this is the last resort
        LOGGER.exception("analysis failed for a group of %d documents", len(docs))
        return [IngestError(d.source, "analysis_failed", f"{type(exc).__name__}: {exc}") for d in docs]


def groups(docs: list[Document], workers: int = 1, size: int = GROUP_DOCS) -> list[list[Document]]:
    """``docs`` in consecutive groups of at most ``size``, at least four per worker when there are enough."""
    if workers > 1:
        size = max(1, min(size, -(-len(docs) // (4 * workers))))
    return [docs[i:i + size] for i in range(0, len(docs), size)]


def analyze_all(docs: list[Document], settings: Settings, stats: LineStats | None,
                progress: Progress | None = None) -> Iterator[DocAnalysis | IngestError]:
    """Run the per-document stages over ``docs``, in order, with ``settings.workers`` processes."""
    jobs = [(g, settings, stats) for g in groups(docs, settings.workers)]
    done = 0
    pooled = settings.workers > 1 and len(docs) > 1
    for results in (_in_pool(jobs, settings.workers) if pooled else _in_process(jobs)):
        for res in results:
            done += 1
            if progress:
                progress(done, len(docs))
            yield res


def _in_pool(jobs: list[Job], workers: int) -> Iterator[list[DocAnalysis | IngestError]]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(analyze_group, jobs)


def _in_process(jobs: list[Job]) -> Iterator[list[DocAnalysis | IngestError]]:
    try:
        for k, job in enumerate(jobs):
            with _collector_paused() if k == 0 else nullcontext():
                results = analyze_group(job)
            yield results
    finally:
        if jobs:
            gc.unfreeze()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic collector paused while the first group loads the models and tables, which then stay out of its passes.

    Loading them (spaCy's pipeline, the line, sentence and event models, the lexicons, dateparser's first parse)
    makes some 100,000 long-lived objects, each batch of which set off a full collection over everything alive that
    freed almost nothing (four passes, 0.25 CPU-s over 100 news articles). Frozen after the first group, they are
    walked by no pass while the documents are analysed (``analyze_all`` unfreezes them at its end); reference
    counting frees as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def check_pipelines(settings: Settings) -> None:
    """Refuse unknown or misordered parts in ``settings.pipeline``, ``settings.pipelines`` and
    ``settings.fuse_pipeline`` before any document is read (``PipelineError`` says which part and how
    to fix the order)."""
    from storyline.fuse import fuse_pipeline

    document_pipeline(settings)
    language_pipelines(settings)
    fuse_pipeline(settings)


Analyzer = Callable[[list[Document], Settings, "LineStats | None", "Progress | None"],
                    Iterable["DocAnalysis | IngestError"]]


@overload
def run(paths: Iterable[str | Path], out_dir: str | Path, settings: Settings,
        progress: Progress | None = None, analyzer: Analyzer = analyze_all,
        reanalyze: bool = False, full: bool = False, mapper: Mapper | None = None,
        keep_corpus: Literal[True] = True) -> tuple[RunSummary, Corpus]:
    ...


@overload
def run(paths: Iterable[str | Path], out_dir: str | Path, settings: Settings,
        progress: Progress | None = None, analyzer: Analyzer = analyze_all,
        reanalyze: bool = False, full: bool = False, mapper: Mapper | None = None, *,
        keep_corpus: bool) -> tuple[RunSummary, Corpus | None]:
    ...


def run(paths: Iterable[str | Path], out_dir: str | Path, settings: Settings,
        progress: Progress | None = None, analyzer: Analyzer = analyze_all,
        reanalyze: bool = False, full: bool = False, mapper: Mapper | None = None,
        keep_corpus: bool = True) -> tuple[RunSummary, Corpus | None]:
    """Analyse ``paths`` into ``out_dir`` (storyline.duckdb, export.json, report.html, errors.jsonl).

    ``analyzer`` runs the per-document stages; the Spark engine passes its own, so both engines
    share ingest, the store, fuse and the outputs, and give the same results. ``reanalyze``
    runs the stages again on documents already in the store (after an upgrade or a settings change).
    On a store fused before under the same settings, new documents are fused into its corpus
    (``settings.incremental``, ``storyline.store.incremental``); ``full`` fuses every document again.
    ``mapper`` runs fuse's per-block work (the Spark engine passes ``spark_mapper``).
    Without ``keep_corpus`` an update does not read the corpus back (None is returned for it): the export
    streams from the store, and above ``settings.report_max_documents`` report.html is a summary page.
    """
    from storyline.export.json import write_json_store
    from storyline.ingest import read_paths
    from storyline.report.render import write_report, write_summary
    from storyline.store import Store

    check_pipelines(settings)
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

    with Store(out / "storyline.duckdb", memory_limit=settings.store_memory_limit,
               threads=settings.store_threads) as store:
        known = set() if reanalyze else store.known_ids()
        fresh = [d for d in docs if d.id not in known]
        summary.already_stored = len(docs) - len(fresh)
        # repetition across the corpus is a boilerplate signal: count it over everything we hold
        stats = LineStats.from_documents([*fresh, *store.documents()])
        # analyses are stored as they come, a chunk at a time; they are kept for fuse only while there are
        # no more than a fuse batch of them (above, fuse reads its batches back from the store)
        analyses: list[DocAnalysis] = []
        chunk: list[DocAnalysis] = []
        n_analysed = 0
        if fresh:
            prepare_embedder(settings)
        for res in analyzer(fresh, settings, stats, progress):
            if isinstance(res, IngestError):
                summary.failed += 1
                summary.errors.append(res)
                continue
            chunk.append(res)
            n_analysed += 1
            if len(chunk) >= STORE_CHUNK:
                analyses = _stored(store, chunk, analyses, n_analysed, reanalyze)
                chunk = []
        analyses = _stored(store, chunk, analyses, n_analysed, reanalyze)
        summary.read = n_analysed + summary.already_stored
        with _old_objects_frozen():
            corpus = fuse_store(store, analyses, settings, full=full or reanalyze, mapper=mapper,
                                load=keep_corpus)
            # both outputs come from the store, so a full run and an update write the same files
            # the cache keeps each row's item text: an update encodes only the rows it changed
            write_json_store(store, out / "export.json", cache=out / "export.cache.json")
            n_docs = store.count("documents")
            if n_docs <= settings.report_max_documents and settings.report_max_documents > 0:
                if corpus is None:
                    corpus = store.corpus()
                write_report(corpus, out / "report.html")
            else:
                write_summary(store, out / "report.html")
    with open(out / "errors.jsonl", "w", encoding="utf-8") as fh:
        for err in summary.errors:
            fh.write(json.dumps(asdict(err), ensure_ascii=False) + "\n")
    summary.seconds = time.perf_counter() - t0
    return summary, corpus


@contextmanager
def _old_objects_frozen() -> Iterator[None]:
    """The objects alive now (the models, the analyses) kept out of the cyclic collector's passes until the end.

    The fuse steps pause the collector (``storyline.fuse.steps.without_collector``) while they make millions of
    objects; the first allocations after them set off a full collection over everything alive, models and
    analyses included, that frees almost nothing: measured on 100 news articles after a warm-up, a fifth of a
    CPU-second, half of writing the fuse index. Frozen, those passes walk only the objects made since.
    Reference counting frees everything as usual; the frozen objects go back to the oldest generation after.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _stored(store: Store, chunk: list[DocAnalysis], held: list[DocAnalysis], n_analysed: int,
            replace: bool) -> list[DocAnalysis]:
    """Store ``chunk``; the analyses kept for fuse: ``held`` and the chunk, none once there are more than a batch."""
    store.add_analyses(chunk, replace=replace)
    if FUSE_BATCH and n_analysed > FUSE_BATCH:
        return []
    held.extend(chunk)
    return held


@overload
def fuse_store(store: Store, analyses: list[DocAnalysis], settings: Settings, full: bool = False,
               mapper: Mapper | None = None, load: Literal[True] = True) -> Corpus:
    ...


@overload
def fuse_store(store: Store, analyses: list[DocAnalysis], settings: Settings, full: bool = False,
               mapper: Mapper | None = None, *, load: bool) -> Corpus | None:
    ...


def fuse_store(store: Store, analyses: list[DocAnalysis], settings: Settings, full: bool = False,
               mapper: Mapper | None = None, load: bool = True, batch: int | None = None) -> Corpus | None:
    """Fuse the store's documents after ``analyses`` were added to it, and write the corpus into it.

    On a store fused before under the same settings, the documents not fused yet (``analyses`` and any
    a stopped run stored) are added to the stored corpus (``settings.incremental``,
    ``storyline.store.incremental``); else, or with ``full``, every stored document is fused again
    (its heaviest steps' per-block work through ``mapper``, when given). The corpus is returned; after an
    update only when ``load`` (reading a large one back costs more than the update).

    A full fuse of more than ``batch`` documents (default ``FUSE_BATCH``; with ``settings.incremental``)
    fuses the first ``batch`` in corpus order in full and adds the others ``batch`` at a time through
    the incremental fuse, reading each batch from the store: memory holds one batch and the store's
    indexes, not the corpus. The result differs from one full fuse as an incremental update does
    (``storyline.store.incremental``); ``tests/engine/test_batched_fuse.py`` bounds the differences.
    """
    from storyline.fuse import fuse_state
    from storyline.store.incremental import can_update, invalidate, unfused_ids, update, write_index

    fresh_ids = {a.document.id for a in analyses}
    batch = FUSE_BATCH if batch is None else batch
    if settings.incremental and not full and can_update(store, settings):
        pending = unfused_ids(store)
        if batch > 0 and len(pending) > batch:   # many new documents: added a batch at a time
            _update_in_batches(store, analyses, settings, sorted(pending), batch)
            return store.corpus() if load else None
        update(store, [*(a for a in analyses if a.document.id in pending),
                       *store.analyses_of(pending - fresh_ids)], settings)
        return store.corpus() if load else None
    if settings.incremental and batch > 0 and store.count("documents") > batch:
        return _fuse_in_batches(store, analyses, settings, mapper, batch, load)
    # fuse sees every stored analysis; the ones just written are not read back
    everything = sorted([*analyses, *store.analyses(exclude=fresh_ids)],
                        key=lambda a: (a.document.source, a.document.id))
    state = fuse_state(everything, settings, mapper)
    invalidate(store)   # a stop between the two writes leaves no index of an older corpus
    store.replace_corpus(state.corpus)
    write_index(store, state, settings)
    return state.corpus


def _fuse_in_batches(store: Store, analyses: list[DocAnalysis], settings: Settings, mapper: Mapper | None,
                     batch: int, load: bool) -> Corpus | None:
    """``fuse_store``'s full fuse ``batch`` documents at a time (the first in full, the others incrementally)."""
    from storyline.fuse import fuse_state
    from storyline.store.incremental import invalidate, write_index

    order = [r[0] for r in store.con.execute("SELECT id FROM documents ORDER BY source, id").fetchall()]
    first = _read(store, analyses, order[:batch])
    state = fuse_state(first, settings, mapper)
    invalidate(store)   # a stop between the two writes leaves no index of an older corpus
    store.replace_corpus(state.corpus, summaries=False)   # written once, after the last batch
    write_index(store, state, settings)
    LOGGER.info("fused %d of %d documents in full; the rest in batches of %d", len(first), len(order), batch)
    del state, first
    _update_in_batches(store, analyses, settings, order[batch:], batch)
    return store.corpus() if load else None


def _read(store: Store, analyses: list[DocAnalysis], ids: list[str]) -> list[DocAnalysis]:
    """The analyses of ``ids`` in corpus order: those in ``analyses`` (just analysed), the others from the store."""
    held = {a.document.id: a for a in analyses}
    out = [held[d] for d in ids if d in held] + store.analyses_of([d for d in ids if d not in held])
    return sorted(out, key=lambda a: (a.document.source, a.document.id))


def _update_in_batches(store: Store, analyses: list[DocAnalysis], settings: Settings, ids: list[str],
                       batch: int) -> None:
    """The stored documents ``ids`` added to the store's corpus by the incremental fuse, ``batch`` at a time in
    corpus order."""
    from storyline.fuse import clear_text_caches
    from storyline.store.incremental import update
    from storyline.store.summaries import write_summaries

    rank = {d: (s, d) for d, s in store.con.execute("SELECT id, source FROM documents WHERE id IN (SELECT UNNEST(?))",
                                                    [ids]).fetchall()}
    ids = sorted(ids, key=lambda d: rank.get(d, ("", d)))
    for start in range(0, len(ids), batch):
        clear_text_caches()   # the previous batch's texts are not read again
        gc.collect()   # the previous batch's objects, before the next is read
        update(store, _read(store, analyses, ids[start:start + batch]), settings, summaries=False)
    # the reader's summary tables once for the whole corpus, not per batch (their rewrite grows with the store)
    gc.collect()
    store.con.execute("BEGIN TRANSACTION")
    try:
        write_summaries(store)
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise
