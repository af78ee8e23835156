"""Session 14 (issue 15): the writer's introduction opening a story is not the sentence model's to cut, a reference
list is judged as apparatus, and a list written without marks is not a pile of orphan headings."""
from __future__ import annotations

import joblib
import numpy as np

from storyline.clean import clean_document
from storyline.clean.lexicon import load_lexicon
from storyline.clean.line_model import JudgedLine, LineModel, citation, decide, features, opening_line
from storyline.config import Settings
from storyline.model import Document
from tests.clean.judged import body_lines


def _body(*texts: str) -> list[JudgedLine]:
    return body_lines(texts)


HEADER = [JudgedLine("The Cliffside Review", "The Cliffside Review", "junk", "masthead"),
          JudgedLine("A life on the lifeboats", "A life on the lifeboats", "meta", "title")]
QA = _body("Q: When did you first go out on a shout?", "A: In the winter of 1979, on a fishing boat that had lost its "
           "engine off the point.", "Q: Were you frightened?", "A: Every single time, and anyone who says otherwise is "
           "lying to you.")


def test_the_writers_introduction_opens_the_story() -> None:
    intro = "What follows is a shortened version of our conversation with the coxswain, recorded in the boathouse."
    lines = HEADER + _body(intro) + QA
    assert opening_line(lines) == 2
    # the sentence model and the line model both say furniture: the opening stays all the same
    feats = features(lines, load_lexicon(), [0.99] * len(lines))
    out = dict(decide(lines, feats, [0.99] * len(lines), 0.7, [0.99] * len(lines), 0.8))
    assert 2 not in out


def test_a_notice_at_the_top_is_not_an_opening() -> None:
    for notice in ("You have two free articles left this month; subscribe to read on.",
                   "These notes are a summary and are subject to approval at the next meeting.",
                   "This record has not been checked against the recording.",
                   "Read the full interview at www.cliffside.example/lifeboats."):
        assert opening_line(HEADER + _body(notice) + QA) is None, notice
    # nor is a sentence under a heading, or one with no story below it
    heading = JudgedLine("Key points", "Key points", "heading", "")
    assert opening_line([*HEADER, heading, *_body("The station has launched 1,200 times since 1965."), *QA]) is None
    assert opening_line(HEADER + _body("The station has launched 1,200 times since 1965.")) is None


def test_citations() -> None:
    for ref in ("1. Quarry T., Halden M. (2025). Nesting of terns on shingle. Coastal Birds 12: 44-59.",
                "Ostrander P, Lim K, et al. J Coast Ecol. 2024;18:201-9.",
                "Varga L. et al. 2023. Shore Science 7(2): e0031."):
        assert citation(ref), ref
    for body in ("The count rose from 44 to 59 pairs in 2025, the warden said.",
                 "Terns: 412 pairs (398 in 2024)", "Quarry T. said the shingle was the best in years."):
        assert not citation(body), body


class _Says:
    def __init__(self, p: float) -> None:
        self.p = p

    def predict_proba(self, rows: list) -> np.ndarray:
        return np.array([[1 - self.p, self.p] for _ in rows])


SCIENCE_PAGE = """Shore Science Weekly
Terns return to the Brackwell shingle after twenty years
12 May 2026
Little terns have nested on the Brackwell shingle bank for the first time in twenty years, wardens said on Monday.
The colony of 31 pairs settled after a fence was put up to keep walkers and dogs off the bank in April.
"It shows what a bit of space can do," said the reserve's warden, Fenella Quarry.
References
1. Quarry F., Halden M. (2025). Nesting of terns on shingle. Coastal Birds 12: 44-59.
2. Ostrander P., Lim K. (2019). Disturbance and colony choice. Shore Ecology 3: 101-118.
"""


def test_a_reference_list_goes_as_a_block_when_the_model_calls_it_furniture(tmp_path) -> None:
    path = tmp_path / "m.joblib"
    joblib.dump(vars(LineModel(_Says(0.9), threshold=0.7, sentences=_Says(0.1), sentence_threshold=0.8)), path)
    doc = clean_document(Document(id="t", source="t", raw=SCIENCE_PAGE),
                         Settings(clean_lines="trained", clean_line_model=str(path)))
    assert "Nesting of terns on shingle" not in doc.text
    assert "Little terns have nested on the Brackwell shingle bank" in doc.text
    assert '"It shows what a bit of space can do,"' in doc.text


MARKET_PAGE = """Oldbridge Advertiser
Saturday market to move to the cattle yard
4 March 2026
The Saturday market in Oldbridge will move to the old cattle yard in April while the square is repaved.
There are 19 stalls on the square. Among them:
a fishmonger who has come every week since 1978;
two cheese stalls;
a knife grinder and a locksmith;
a plant stall run by the primary school's parents.
Traders said the yard was cold but had more room for vans, and the council will not charge rent until June.
"""


def test_a_list_without_marks_is_not_cut_as_orphan_headings() -> None:
    doc = clean_document(Document(id="m", source="m", raw=MARKET_PAGE), Settings(clean_lines="rules"))
    for item in ("There are 19 stalls on the square. Among them:", "a fishmonger who has come every week since 1978;",
                 "two cheese stalls;", "a knife grinder and a locksmith;"):
        assert item in doc.text, item


def test_an_order_to_the_listener_is_not_an_introduction() -> None:
    assert opening_line([*HEADER, *_body("Listen again on the station's app from nine tomorrow."), *QA]) is None
    assert opening_line([*HEADER, *_body("Every fortnight our reporters take up a reader's complaint."), *QA]) == 2
