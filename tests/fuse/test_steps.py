"""The corpus-level steps run by name from Settings.fuse_pipeline (analyses made by the real pipeline)."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.engine.stages import analyze_documents
from storyline.errors import PipelineError
from storyline.fuse import fuse, fuse_pipeline
from storyline.model import DocAnalysis, Document
from storyline.registry import fuse_step

pytestmark = pytest.mark.slow

TEXTS = [
    "Port strike spreads\n\nDock workers in Valmora walked out on Monday, the union said. "
    "The harbour authority accused the union of breaking the contract.",
    "Strike at Valmora docks\n\nThe union said on Monday that dock workers in Valmora had walked out. "
    "The harbour authority accused the union of breaking its contract.",
]


@pytest.fixture(scope="module")
def analyses() -> list[DocAnalysis]:
    docs = [Document(id=f"doc{i}", source=f"doc{i}.txt", raw=t) for i, t in enumerate(TEXTS)]
    out = analyze_documents(docs, Settings())
    assert all(isinstance(a, DocAnalysis) for a in out)
    return out  # type: ignore[return-value]


def test_the_default_steps_fill_every_table(analyses):
    corpus = fuse(analyses, Settings())
    assert corpus.entities and corpus.events and corpus.stories
    assert {e.doc for e in corpus.events} == {"doc0", "doc1"}
    # both documents report the accusation: one story event for the two
    assert any(se.n_outlets >= 1 and len(se.events) >= 2 for se in corpus.story_events)


def test_a_step_left_out_by_setting_leaves_its_table_empty_and_the_rest_unchanged(analyses):
    full = fuse(analyses, Settings())
    names = [n for n in Settings().fuse_pipeline if n != "storyline.fuse.outlets.v1"]
    partial = fuse(analyses, Settings().replace(fuse_pipeline=names))
    assert full.outlets and not partial.outlets
    assert [e.id for e in partial.events] == [e.id for e in full.events]
    assert [s.docs for s in partial.stories] == [s.docs for s in full.stories]


def _count_documents(state, settings):
    """Counts the corpus's documents (a stand-in plug-in step)."""
    state.extra["documents"] = len(state.corpus.documents)


def test_a_plugin_step_joins_by_name():
    fuse_step("tests.fuse.count.v1", requires=("corpus.documents",), assigns=("corpus.count",))(_count_documents)
    settings = Settings().replace(fuse_pipeline=["tests.fuse.count.v1"])
    assert [p.name for p in fuse_pipeline(settings)] == ["tests.fuse.count.v1"]


def test_stories_before_near_duplicates_is_refused(analyses):
    names = list(Settings().fuse_pipeline)
    names.remove("storyline.fuse.near_duplicates.v1")
    with pytest.raises(PipelineError, match=r"storyline\.fuse\.stories\.v1' requires corpus\.near_duplicates"):
        fuse(analyses, Settings().replace(fuse_pipeline=names))


def test_a_built_in_step_runs_with_the_cyclic_collector_paused_and_restores_it() -> None:
    import gc

    from storyline.fuse.steps import without_collector

    seen: list[bool] = []

    def record(state, settings) -> None:
        seen.append(gc.isenabled())

    def fail(state, settings) -> None:
        raise RuntimeError("step failed")

    assert gc.isenabled()
    without_collector(record)(None, None)   # type: ignore[arg-type]
    assert seen == [False] and gc.isenabled()
    with pytest.raises(RuntimeError):
        without_collector(fail)(None, None)   # type: ignore[arg-type]
    assert gc.isenabled()
    gc.disable()   # a caller that paused it (the incremental update) keeps it paused
    try:
        without_collector(record)(None, None)   # type: ignore[arg-type]
        assert not gc.isenabled()
    finally:
        gc.enable()
