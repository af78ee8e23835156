"""Fuse with its per-block work on Spark (local[2]) builds the same corpus as fuse in this process."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.fuse import fuse_state
from storyline.fuse.mapper import LOCAL, chunks
from storyline.model import DocAnalysis, to_dict

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = [ROOT / "tests" / "fixtures" / "stories", ROOT / "tests" / "fixtures" / "disagreements_dev" / "corpus"]


def _spark_or_skip() -> None:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: the Spark engine needs one (CI installs default-jre-headless)")


@pytest.fixture(scope="module")
def mapper():
    _spark_or_skip()
    from storyline.engine.spark import spark_mapper, spark_session

    yield spark_mapper("local[2]")
    spark_session("local[2]").stop()


class CountingMapper:
    """The local mapper, counting the blocks it was given (so a test sees the work was split)."""

    def __init__(self, inner) -> None:
        self.inner, self.blocks = inner, 0

    @property
    def parallelism(self) -> int:
        return self.inner.parallelism

    def map(self, fn, blocks, shared=None):
        self.blocks += len(blocks)
        return self.inner.map(fn, blocks, shared)


def _same_corpus(analyses: list[DocAnalysis], mapper) -> CountingMapper:
    settings = Settings()
    # fuse sets fields of what it is given (documents' near-duplicates): each run gets its own copy
    local = fuse_state(copy.deepcopy(analyses), settings, LOCAL).corpus
    counting = CountingMapper(mapper)
    spark = fuse_state(copy.deepcopy(analyses), settings, counting).corpus
    assert local.story_events and local.stories
    a, b = to_dict(local, internal=True), to_dict(spark, internal=True)
    for table in a:
        assert a[table] == b[table], table
    return counting


def test_chunks_cover_the_items_in_order():
    items = list(range(23))
    parts = chunks(items, 8)
    assert len(parts) == 8 and [x for p in parts for x in p] == items
    assert max(map(len, parts)) - min(map(len, parts)) <= 1
    assert chunks(items[:3], 8) == [[0], [1], [2]] and chunks([], 8) == []


def test_spark_fuse_equals_local_fuse_on_the_fixture_corpora(mapper):
    from storyline.engine.local import analyze_all
    from storyline.ingest import read_paths
    from storyline.model import Document

    settings = Settings()
    docs = [d for d in read_paths(FIXTURES, settings) if isinstance(d, Document)]
    analyses = [a for a in analyze_all(docs, settings, None) if isinstance(a, DocAnalysis)]
    assert len(analyses) >= 10
    used = _same_corpus(sorted(analyses, key=lambda a: (a.document.source, a.document.id)), mapper)
    assert used.blocks > 2   # the dimensions and the pair blocks went through the Spark mapper


def test_spark_fuse_equals_local_fuse_on_a_generated_corpus(mapper, bench):
    analyses = bench.generate(300, seed=5, vectors="synthetic")
    used = _same_corpus(analyses, mapper)
    assert used.blocks >= mapper.parallelism
