"""The trained cleaning line model (issue 15): it only removes, never prose, and the contract holds."""
from __future__ import annotations

import random

import numpy as np
import pytest

from storyline.clean import clean_document
from storyline.clean.line_model import JudgedLine, LineModel, default_model_path, protected
from storyline.config import Settings
from storyline.model import Document
from tests.clean.contract import contract_violations, random_document

FORUM_PAGE = """Riverside Allotments Forum
Water butts stolen from plot 14 - anyone else?
allot_meg
Posts: 212
Joined: Sat Mar 02, 2019
Someone took both water butts from our plot on Tuesday night. They must have brought a van to the back gate.
Reply With Quote
spade_and_fork
Posts: 1,093
Joined: Tue Jun 11, 2016
Same thing happened on the west field last spring. The committee fitted a padlock after that but it is broken again.
Reply With Quote
allot_meg
Posts: 212
Joined: Sat Mar 02, 2019
Thanks, I will raise the padlock at the meeting on Sunday and ask the council about a camera for the gate.
Reply With Quote
"""


class _AlwaysFurniture:
    """A pipeline that calls every line furniture: the worst the model can say."""

    def predict_proba(self, rows: list) -> np.ndarray:
        return np.array([[0.0, 1.0] for _ in rows])


@pytest.fixture
def paranoid(tmp_path) -> Settings:
    path = tmp_path / "always.joblib"
    LineModel(_AlwaysFurniture(), threshold=0.5).save(path)
    return Settings(clean_lines="trained", clean_line_model=str(path))


def test_prose_is_protected_whatever_the_model_says(paranoid: Settings) -> None:
    doc = clean_document(Document(id="f", source="f", raw=FORUM_PAGE), paranoid)
    assert "Someone took both water butts from our plot on Tuesday night." in doc.text
    assert "Thanks, I will raise the padlock at the meeting on Sunday" in doc.text
    model_removed = [r.text for r in doc.removed if r.reason == "line_model"]
    assert "allot_meg" in model_removed or "allot_meg" not in doc.text
    assert contract_violations(doc) == []


def test_protected_lines() -> None:
    assert protected(JudgedLine("The committee fitted a padlock after that but it is broken again.", "", "body", ""))
    assert not protected(JudgedLine("Image 1 of 4", "", "body", ""))
    assert not protected(JudgedLine("Thanks.", "", "body", ""))


def test_the_contract_holds_when_the_model_removes_all_it_may(paranoid: Settings) -> None:
    rng = random.Random(151)
    for i in range(300):
        doc = clean_document(random_document(rng, i), paranoid)
        assert contract_violations(doc) == [], doc.id


def test_rules_setting_is_the_baseline_and_an_unknown_one_is_refused() -> None:
    doc = Document(id="f", source="f", raw=FORUM_PAGE)
    assert not any(r.reason == "line_model" for r in clean_document(doc, Settings(clean_lines="rules")).removed)
    with pytest.raises(ValueError):
        clean_document(doc, Settings(clean_lines="model"))


@pytest.mark.skipif(not default_model_path().is_file(), reason="run `make train` to build the line model")
def test_the_shipped_model_removes_post_furniture_and_keeps_the_posts() -> None:
    doc = clean_document(Document(id="f", source="f", raw=FORUM_PAGE), Settings(clean_lines="trained"))
    body = doc.text
    for post in ("Someone took both water butts", "Same thing happened on the west field",
                 "I will raise the padlock"):
        assert post in body
    lines = {x.strip() for x in body.splitlines()}
    assert "allot_meg" not in lines and "spade_and_fork" not in lines
    assert contract_violations(doc) == []
