"""clean_lines='hybrid' (issue 15): the trained removals, plus lines outside the story's core that both models lean to
calling furniture; the story's structure keeps a line whatever the models say, and the contract holds."""
from __future__ import annotations

import random

import joblib
import numpy as np
import pytest

from storyline.clean import clean_document
from storyline.clean.lexicon import load_lexicon
from storyline.clean.line_model import (
    TAIL_SENTENCE_P,
    TAIL_THRESHOLD,
    JudgedLine,
    LineModel,
    default_model_path,
    edge_removals,
    features,
)
from storyline.config import Settings
from storyline.model import Document
from tests.clean.contract import contract_violations, random_document
from tests.clean.judged import body_lines

STORY = [
    "The county council approved a new park-and-ride site at Hollins Farm on Tuesday after a two-hour debate.",
    "The site will have 600 spaces and buses every twelve minutes to the station and the hospital.",
    "Councillors who voted against said the farm road could not take the extra traffic at peak times.",
]


def _lines(tail: list[JudgedLine]) -> list[JudgedLine]:
    return body_lines(STORY) + tail


def _edges(lines: list[JudgedLine], p: float, sp: float) -> dict[int, str]:
    """What edge_removals says when the models give every tail line ``p`` and ``sp`` (the story: body, 0.05)."""
    n_story = len(STORY)
    sent = [0.05] * n_story + [sp] * (len(lines) - n_story)
    probs = [0.05] * n_story + [p] * (len(lines) - n_story)
    return dict(edge_removals(lines, features(lines, load_lexicon(), sent), probs, sent))


def test_a_sentence_below_the_story_goes_when_both_models_lean_to_furniture() -> None:
    line = "The Valley Courier is delivered free to 20,000 homes every Thursday."
    lines = _lines([JudgedLine(line, line, "body", "")])
    assert _edges(lines, TAIL_THRESHOLD + 0.05, TAIL_SENTENCE_P + 0.1) == {3: "line_model_tail"}
    # one model unsure is not enough
    assert _edges(lines, TAIL_THRESHOLD - 0.1, 0.95) == {}
    assert _edges(lines, 0.99, TAIL_SENTENCE_P - 0.1) == {}


@pytest.mark.parametrize("tail", [
    [JudgedLine("Farm road | 1,200 | 1,900", "Farm road | 1,200 | 1,900", "body", "", table_row=True),
     JudgedLine("Station road | 800 | 950", "Station road | 800 | 950", "body", "", table_row=True)],
    [JudgedLine("CLLR AMBROSE: I will keep asking about the farm road.", "CLLR AMBROSE: I will keep asking about the "
                "farm road.", "body", "")],
    [JudgedLine("I have lived on the farm road for thirty years.", "I have lived on the farm road for thirty years.",
                "body", "")],
], ids=["table rows", "a speaker's turn", "the writer's voice"])
def test_the_story_structure_below_the_core_stays(tail: list[JudgedLine]) -> None:
    assert _edges(_lines(tail), 0.99, 0.99) == {}


def test_a_page_without_a_core_loses_nothing_here() -> None:
    lines = _lines([])
    sent = [0.9] * len(lines)
    assert edge_removals(lines, features(lines, load_lexicon(), sent), [0.99] * len(lines), sent) == []


class _AlwaysFurniture:
    """A pipeline that calls every line (and every sentence) furniture: the worst the models can say."""

    def predict_proba(self, rows: list) -> np.ndarray:
        return np.array([[0.0, 1.0] for _ in rows])


def test_the_contract_holds_when_both_models_say_furniture(tmp_path) -> None:
    path = tmp_path / "always.joblib"
    joblib.dump(vars(LineModel(_AlwaysFurniture(), threshold=0.5, sentences=_AlwaysFurniture())), path)
    settings = Settings(clean_lines="hybrid", clean_line_model=str(path))
    rng = random.Random(152)
    for i in range(200):
        doc = clean_document(random_document(rng, i), settings)
        assert contract_violations(doc) == [], doc.id


PAGE = """The Tollbridge Echo
Park-and-ride approved for Hollins Farm
12 March 2025
The county council approved a new park-and-ride site at Hollins Farm on Tuesday after a two-hour debate.
The site will have 600 spaces and buses every twelve minutes to the station and the hospital.
Councillors who voted against said the farm road could not take the extra traffic at peak times.
Work is due to start in the autumn and the site should open in 2027.
Share this article
The Tollbridge Echo is delivered free to 20,000 homes every Thursday.
Tollbridge Echo is part of the Riverside Media group.
"""


@pytest.mark.skipif(not default_model_path().is_file(), reason="run `make train` to build the line model")
def test_the_shipped_models_keep_the_story_and_every_removal_has_a_reason() -> None:
    doc = clean_document(Document(id="h", source="h", raw=PAGE), Settings(clean_lines="hybrid"))
    for sentence in ("The county council approved a new park-and-ride site", "The site will have 600 spaces",
                     "Councillors who voted against", "Work is due to start in the autumn"):
        assert sentence in doc.text
    assert "Share this article" not in doc.text
    assert all(r.reason for r in doc.removed)
    assert contract_violations(doc) == []
