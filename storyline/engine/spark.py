"""The Spark engine: the same per-document stages, run in Spark executors.

Fuse's heaviest per-block work (story events' pair scoring, the disagreement dimensions) runs there
too, through :class:`SparkMapper`; the driver combines the blocks as the local engine does.

Ingest, the store, fuse and the outputs are shared with the local engine
(``storyline.engine.local.run``); only the per-document analysis moves to the cluster,
in ``mapPartitions`` so each executor process loads the spaCy pipeline once and keeps
it for every later partition (Python workers are reused). Results come back in input
order, so the export equals the local engine's.
"""
from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from storyline.config import Settings
from storyline.engine.local import GROUP_DOCS, Analyzer, Progress, analyze_group
from storyline.model import DocAnalysis, Document, IngestError

LOGGER = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

#: partitions per core: small enough to balance uneven article lengths, large enough
#: that per-task overhead (≈ tens of ms) stays small next to parsing
PARTITIONS_PER_CORE = 4


def spark_session(master: str = "local[2]", app_name: str = "storyline"):
    """A Spark session whose Python workers run this interpreter (so they can import spaCy)."""
    import os

    from pyspark.sql import SparkSession

    # local-mode workers start `python3` from PATH unless told otherwise, and the conf key
    # alone is not honoured there: without this they cannot import storyline's dependencies
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (SparkSession.builder.master(master).appName(app_name)
            .config("spark.ui.enabled", "false")
            .config("spark.pyspark.python", sys.executable)
            .config("spark.pyspark.driver.python", sys.executable)
            .config("spark.python.worker.reuse", "true")
            .config("spark.driver.memory", "2g")
            .getOrCreate())


def _analyze_partition(rows: Iterable[tuple[int, Document]], settings: Settings,
                       stats) -> Iterator[tuple[int, DocAnalysis | IngestError]]:
    rows = list(rows)
    for start in range(0, len(rows), GROUP_DOCS):
        part = rows[start:start + GROUP_DOCS]
        yield from zip((i for i, _ in part), analyze_group(([d for _, d in part], settings, stats)))


def spark_analyzer(master: str = "local[2]") -> Analyzer:
    """An ``analyzer`` for ``storyline.engine.local.run`` that runs the stages on Spark."""

    def analyze(docs: list[Document], settings: Settings, stats,
                progress: Progress | None = None) -> Iterator[DocAnalysis | IngestError]:
        if not docs:
            return
        spark = spark_session(master)
        sc = spark.sparkContext
        b_settings, b_stats = sc.broadcast(settings), sc.broadcast(stats)
        slices = max(1, min(len(docs), sc.defaultParallelism * PARTITIONS_PER_CORE))
        rdd = sc.parallelize(list(enumerate(docs)), numSlices=slices)
        results = rdd.mapPartitions(
            lambda it: _analyze_partition(it, b_settings.value, b_stats.value)).collect()
        results.sort(key=lambda r: r[0])
        for n, (_, res) in enumerate(results, 1):
            if progress:
                progress(n, len(results))
            yield res

    return analyze


class SparkMapper:
    """A fuse ``Mapper`` (``storyline.fuse.mapper``) whose blocks run as one Spark job: ``shared`` is
    broadcast once, each block is a task, and the results come back in block order (so fuse combines
    them exactly as the local mapper's)."""

    def __init__(self, master: str = "local[2]") -> None:
        self.master = master
        self._parallelism: int | None = None

    @property
    def parallelism(self) -> int:
        # blocks per core as for the documents: uneven blocks (a story of thousands of events) balance out
        if self._parallelism is None:
            self._parallelism = spark_session(self.master).sparkContext.defaultParallelism * PARTITIONS_PER_CORE
        return self._parallelism

    def map(self, fn: Callable[[Any, T], R], blocks: Sequence[T], shared: Any = None) -> list[R]:
        if len(blocks) <= 1:   # nothing to spread: skip the job's start-up and the broadcast
            return [fn(shared, b) for b in blocks]
        sc = spark_session(self.master).sparkContext
        b_shared = sc.broadcast(shared)
        try:
            rdd = sc.parallelize(list(enumerate(blocks)), numSlices=len(blocks))
            results = rdd.map(lambda kb: (kb[0], fn(b_shared.value, kb[1]))).collect()
        finally:
            b_shared.unpersist()
        results.sort(key=lambda r: r[0])
        return [r for _, r in results]


def spark_mapper(master: str = "local[2]") -> SparkMapper:
    """A ``mapper`` for ``storyline.engine.local.run`` that runs fuse's per-block work on Spark."""
    return SparkMapper(master)
