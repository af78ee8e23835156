"""The trained cleaning line model (issue 15): it only removes, never prose, and the contract holds."""
from __future__ import annotations

import random

import joblib
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
    joblib.dump(vars(LineModel(_AlwaysFurniture(), threshold=0.5)), path)
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


class _Says:
    """A sentence pipeline that gives every text the same P(furniture)."""

    def __init__(self, p: float) -> None:
        self.p = p

    def predict_proba(self, rows: list) -> np.ndarray:
        return np.array([[1 - self.p, self.p] for _ in rows])


def _with_sentences(tmp_path, p: float) -> Settings:
    path = tmp_path / f"always_{p}.joblib"
    joblib.dump(vars(LineModel(_AlwaysFurniture(), threshold=0.5, sentences=_Says(p), sentence_threshold=0.8)), path)
    return Settings(clean_lines="trained", clean_line_model=str(path))


SENTENCE_PAGE = """The Marsh Valley Post
Ferry fares to rise by a fifth from June
Fares on the Marsh Valley ferry will rise by 20% from 1 June, the operator said on Tuesday, blaming fuel costs.
A return ticket for a car and driver will cost £36, up from £30.
Islanders said the rise would hit people who cross to the mainland for hospital appointments.
Our reporters cover the islands every week, and your support keeps them on the ferry.
TANE: We were told there would be a discount for residents. There is no discount.
Rita Vane covers transport for the Marsh Valley Post and lives on the island.
"""


def test_prose_goes_only_when_the_sentence_model_agrees(tmp_path) -> None:
    kept = clean_document(Document(id="s", source="s", raw=SENTENCE_PAGE), _with_sentences(tmp_path, 0.1))
    assert "Our reporters cover the islands every week" in kept.text
    assert not any(r.reason == "sentence_model" for r in kept.removed)
    gone = clean_document(Document(id="s", source="s", raw=SENTENCE_PAGE), _with_sentences(tmp_path, 0.99))
    removed = {r.text.strip(): r.reason for r in gone.removed}
    assert removed.get("Our reporters cover the islands every week, and your support keeps them on the ferry.") \
        == "sentence_model"
    # a speaker's turn is the speaker's, whatever the sentence model says
    assert "TANE: We were told there would be a discount for residents." in gone.text
    assert contract_violations(gone) == []


def test_the_contract_holds_when_both_models_remove_all_they_may(tmp_path) -> None:
    settings = _with_sentences(tmp_path, 1.0)
    rng = random.Random(152)
    for i in range(200):
        doc = clean_document(random_document(rng, i), settings)
        assert contract_violations(doc) == [], doc.id


SHIPPED_PAGE = """The Orrin Bay Chronicle
Harbour trust and boatyard agree deal to restore the old lifeboat station
By Malik Osei
4 March 2025
Get the Chronicle's free weekly newsletter: the week's news from Orrin Bay in your inbox every Friday.
The harbour trust has signed a partnership with Kessock Boatyard to restore the lifeboat station on the east pier.
The boatyard will repair the slipway and the roof, and the trust will raise £1.2 million for a museum.
"We have wanted to do this for thirty years, and now we can," said the trust's chair, Elspeth Munro.
The trust's newsletter told members last month that a deal was close, and 200 people offered to help.
The station's last crew members, now in their seventies, will be asked to record their memories for the museum.
Work is due to start in the autumn.
Malik Osei is the Chronicle's harbour reporter. He has written about the town's fishing fleet since 2015.
Comments are moderated and will appear once they have been approved by our team.
© 2025 Orrin Bay Chronicle. All rights reserved.
"""


@pytest.mark.skipif(not default_model_path().is_file(), reason="run `make train` to build the line model")
def test_the_shipped_model_removes_furniture_written_as_sentences_and_keeps_look_alike_prose() -> None:
    doc = clean_document(Document(id="o", source="o", raw=SHIPPED_PAGE), Settings(clean_lines="trained"))
    for body in ("The harbour trust has signed a partnership with Kessock Boatyard",
                 "The trust's newsletter told members last month that a deal was close",
                 "The station's last crew members, now in their seventies", "Work is due to start in the autumn."):
        assert body in doc.text
    for furniture in ("Get the Chronicle's free weekly newsletter", "Comments are moderated and will appear"):
        assert furniture not in doc.text
    assert contract_violations(doc) == []


@pytest.mark.skipif(not default_model_path().is_file(), reason="run `make train` to build the line model")
def test_both_models_score_a_page_exactly_as_their_fitted_pipelines() -> None:
    # the line model writes its vectoriser's rows directly and the sentence model transforms its union's parts one
    # by one (for speed): the probabilities must be the pipelines' own, to the last bit, or a line at a threshold
    # could change sides
    from storyline.clean.lexicon import load_lexicon
    from storyline.clean.line_model import features, load_line_model
    from storyline.clean.sentence_model import sentence_probabilities

    model = load_line_model()
    texts = [x for x in (FORUM_PAGE + SENTENCE_PAGE).splitlines() if x.strip()]
    labels = ["heading", "body", "junk", "meta", "body"]
    lines = [JudgedLine(t, t, labels[i % len(labels)], "byline" if i % 7 == 0 else "", item=i % 5 == 0)
             for i, t in enumerate(texts)]
    sent = sentence_probabilities(model.sentences, texts)
    assert sent == [float(p) for p in model.sentences.predict_proba(texts)[:, 1]]
    feats = features(lines, load_lexicon(), sent)
    probs = model.probabilities(feats)
    assert probs == [float(p) for p in model.pipeline.predict_proba(feats)[:, 1]]
    assert min(probs) < 0.5 < max(probs) and min(sent) < 0.5 < max(sent)
