"""The registry of pipeline parts and the order check (no model needed)."""
from __future__ import annotations

import pytest

from storyline.config import DEFAULT_FUSE_PIPELINE, DEFAULT_PIPELINE, Settings
from storyline.errors import ConfigError, PipelineError
from storyline.registry import Part, check_order, components, describe, fuse_steps, resolve


def _noop(state, settings):
    """Does nothing."""


def _part(name: str, requires=(), assigns=()) -> Part:
    return Part(name=name, run=_noop, requires=tuple(requires), assigns=tuple(assigns))


def test_check_order_accepts_a_valid_chain():
    check_order([_part("a", assigns=["x"]), _part("b", ["x"], ["y"]), _part("c", ["x", "y"])])


def test_check_order_names_the_part_that_runs_too_early_and_the_fix():
    parts = [_part("coder", ["doc.parse"], ["doc.events"]), _part("parser", [], ["doc.parse"])]
    with pytest.raises(PipelineError) as err:
        check_order(parts, setting="pipeline")
    msg = str(err.value)
    assert "'coder' requires doc.parse" in msg and "'parser'" in msg and "move it before 'coder'" in msg


def test_check_order_says_when_nothing_provides_a_requirement():
    with pytest.raises(PipelineError, match="no part in fuse_pipeline assigns it"):
        check_order([_part("step", ["corpus.claims"])], provided=["corpus.analyses"], setting="fuse_pipeline")


def test_provided_fields_count_as_assigned():
    check_order([_part("clean", ["doc.raw"], ["doc.clean"])], provided=["doc.raw"])


def test_an_unknown_name_lists_the_registered_ones():
    # the built-ins register when their module is imported; run alone, nothing else has imported it yet
    import storyline.engine.components  # noqa: F401

    with pytest.raises(PipelineError,
                       match=r"unknown components 'storyline\.events\.typo\.v1'.*storyline\.events\.lexicon\.v1"):
        resolve(["storyline.events.typo.v1"], components)


def test_pipeline_errors_are_config_errors_and_value_errors():
    assert issubclass(PipelineError, ConfigError) and issubclass(PipelineError, ValueError)


def test_the_default_pipelines_are_registered_and_in_a_valid_order():
    from storyline.engine.components import INITIAL as DOC_INITIAL
    from storyline.fuse.steps import INITIAL as FUSE_INITIAL

    doc_parts = resolve(list(DEFAULT_PIPELINE), components)
    fuse_parts = resolve(list(DEFAULT_FUSE_PIPELINE), fuse_steps)
    check_order(doc_parts, DOC_INITIAL)
    check_order(fuse_parts, FUSE_INITIAL)
    assert Settings().pipeline == list(DEFAULT_PIPELINE)
    # every built-in part is versioned and says what it is for
    for row in describe(doc_parts + fuse_parts):
        assert row["name"].startswith("storyline.") and row["name"].rsplit(".", 1)[1].startswith("v")
        assert row["doc"] and row["assigns"]


def test_settings_pipeline_lists_are_independent_copies():
    a, b = Settings(), Settings()
    a.pipeline.append("x")
    assert "x" not in b.pipeline


def test_built_in_readers_sit_in_the_same_registry_a_users_reader_joins():
    from storyline.ingest import reader_for, register_reader, unregister_reader
    from storyline.registry import readers

    assert {"txt", "html", "jsonl"} <= set(readers.get_all())

    def read_nothing(data, source, settings):
        return iter(())

    register_reader(".ZZDOC", read_nothing)
    try:
        assert reader_for("zzdoc") is read_nothing and "zzdoc" in readers.get_all()
    finally:
        unregister_reader("zzdoc")
    assert reader_for("zzdoc") is None
