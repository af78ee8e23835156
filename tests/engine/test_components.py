"""The built-in per-document components on hand-made states (no model needed)."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.engine.components import INITIAL, DocState, clean
from storyline.model import Document
from storyline.registry import components


def test_every_built_in_component_is_registered_under_its_versioned_name():
    for name in Settings().pipeline:
        part = components.get(name)
        assert part.name == name and part.assigns


def test_the_parse_is_refused_before_the_parser_ran():
    state = DocState(document=Document(id="d", source="d.txt", raw="Text."))
    with pytest.raises(RuntimeError, match="no parse yet"):
        _ = state.parse


def test_clean_fills_the_body_and_keeps_offsets_into_raw():
    raw = "Council backs the budget\n\nThe town council approved the budget on Tuesday.\n\nShare this article"
    state = DocState(document=Document(id="d", source="d.txt", raw=raw))
    clean(state, Settings())
    doc = state.document
    assert "approved the budget" in doc.text
    assert all(raw[r.start:r.end] == r.text for r in doc.removed)


def test_a_state_without_a_parse_gives_an_analysis_without_sentences():
    state = DocState(document=Document(id="d", source="d.txt", raw="x"))
    assert state.analysis().sentences == [] and "doc.raw" in INITIAL
