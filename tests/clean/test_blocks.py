"""Runs of table rows, list items and stamped entries are judged as blocks by the trained path (issue 15): a body
block stays whole whatever the model says of its rows, a rail of links goes as a whole, and every removal is
recorded with its reason."""
from __future__ import annotations

import joblib
import numpy as np
import pytest

from storyline.clean import clean_document
from storyline.clean.line_model import JudgedLine, LineModel, blocks, row_kind
from storyline.config import Settings
from storyline.model import Document
from tests.clean.contract import contract_violations

TABLE_PAGE = """The Vale Courier
News | Sport | Business | Weather
Carrow ward by-election: the full result
6 June 2025
Labour held Carrow ward on Thursday, but its majority fell from 640 to 112 votes.
Candidate\tParty\tVotes\tShare
Ines Halloran\tLabour\t1,204\t41.2%
Tom Brack\tGreen\t1,092\t37.4%
Pia Lund\tConservative\t624\t21.4%
Turnout was 29.8%, down from 33.1% at the last election.
Related stories
Bus lane on Mill Road to be scrapped
Council tax to rise by 4.9% in April
Who is your councillor? Find out here
Ms Halloran said she would hold a surgery in the library every Saturday.
Cookies help us run this site. By using it you agree to our cookie policy.
"""

LIST_PAGE = """Harbour Daily
Ferry strike: what we know
3 May 2025
Crews on the island ferries walked out at 6am on Saturday. This is what we know so far.
What we know
- No ferries will sail until Monday at the earliest.
- About 3,000 passengers had booked for the weekend.
- The union says talks broke down over rest days.
What we don't know
- When talks will resume.
The operator said it was "disappointed" and would refund every ticket in full.
Share
Email
"""


class _Says:
    """A pipeline that gives every line the same probability of furniture."""

    def __init__(self, p: float) -> None:
        self.p = p

    def predict_proba(self, rows: list) -> np.ndarray:
        return np.array([[1 - self.p, self.p] for _ in rows])


@pytest.fixture
def certain(tmp_path) -> Settings:
    path = tmp_path / "certain.joblib"
    joblib.dump(vars(LineModel(_Says(0.99), threshold=0.8)), path)
    return Settings(clean_lines="trained", clean_line_model=str(path))


def test_row_kinds() -> None:
    assert row_kind(JudgedLine("16:45 The power company says 12,400 homes are without power.", "16:45 The power "
                               "company says 12,400 homes are without power.", "body", "")) == "stamp"
    assert row_kind(JudgedLine("90+2' GOAL! Silva heads in.", "90+2' GOAL! Silva heads in.", "body", "")) == "stamp"
    assert row_kind(JudgedLine("2015 - The old bridge is closed.", "2015 - The old bridge is closed.", "body",
                               "")) == "stamp"
    assert row_kind(JudgedLine("Q: Can I opt out?", "Q: Can I opt out?", "body", "")) == "qa"
    assert row_kind(JudgedLine("Pia Lund\tConservative\t624", "Pia Lund\tConservative\t624", "body", "")) == "row"
    assert row_kind(JudgedLine("The council met on Tuesday.", "The council met on Tuesday.", "body", "")) is None


def test_blocks_take_in_their_sub_headings() -> None:
    texts = ["Crews walked out at 6am on Saturday. This is what we know so far.", "What we know",
             "No ferries will sail.", "About 3,000 passengers had booked.", "What we don't know",
             "When talks will resume.", "The operator said it would refund every ticket."]
    lines = [JudgedLine(t, t, "heading" if i in (1, 4) else "body", "", item=i in (2, 3, 5))
             for i, t in enumerate(texts)]
    found = blocks(lines)
    assert len(found) == 1
    assert (found[0].start, found[0].end) == (1, 6)
    assert found[0].headings == [1, 4]


def test_a_body_table_stays_whole_and_a_rail_of_links_goes_whole(certain: Settings) -> None:
    doc = clean_document(Document(id="t", source="t", raw=TABLE_PAGE), certain)
    for row in ("Candidate\tParty\tVotes\tShare", "Ines Halloran\tLabour\t1,204\t41.2%", "Pia Lund\tConservative"):
        assert row in doc.text
    assert "Turnout was 29.8%" in doc.text and "Ms Halloran said she would hold a surgery" in doc.text
    assert contract_violations(doc) == []


def test_a_body_list_keeps_its_items_and_sub_headings(certain: Settings) -> None:
    doc = clean_document(Document(id="l", source="l", raw=LIST_PAGE), certain)
    for body in ("What we know", "No ferries will sail until Monday", "About 3,000 passengers",
                 "What we don't know", "When talks will resume."):
        assert body in doc.text
    reasons = {r.text.strip(): r.reason for r in doc.removed}
    assert reasons.get("Share") and reasons.get("Email")
    assert contract_violations(doc) == []


def test_a_rail_of_links_below_the_story_goes_as_a_block(tmp_path) -> None:
    raw = ("Harbour Daily\nFerry strike ends after talks\n3 May 2025\n"
           "Crews on the island ferries returned to work on Sunday after the union accepted a new offer on rest days.\n"
           "The operator said every cancelled ticket would be refunded in full within ten working days.\n"
           "- Island shop to close after 40 years\n- Lifeboat crew called out twice in one night\n"
           "- New ferry named after local teacher\n")
    path = tmp_path / "certain.joblib"
    joblib.dump(vars(LineModel(_Says(0.99), threshold=0.8)), path)
    doc = clean_document(Document(id="r", source="r", raw=raw), Settings(clean_lines="trained",
                                                                          clean_line_model=str(path)))
    reasons = {r.text.strip(): r.reason for r in doc.removed}
    assert reasons.get("- Island shop to close after 40 years") == "line_model_block"
    assert reasons.get("- New ferry named after local teacher") == "line_model_block"
    assert "The operator said every cancelled ticket would be refunded" in doc.text
    assert contract_violations(doc) == []


def test_a_list_introduced_by_a_colon_stays_though_an_advert_stands_between(certain: Settings) -> None:
    raw = ("City library extends opening hours\n7 Feb 2022\n"
           "The central library will open until ten at night from next month, after 4,000 people signed a petition.\n"
           "The changes include:\nADVERTISEMENT\n• evening opening on weekdays\n• a second reading room on Sundays\n"
           "• free printing for pupils\nThe extra hours will cost about 180,000 crowns a year.\n")
    doc = clean_document(Document(id="a", source="a", raw=raw), certain)
    for item in ("evening opening on weekdays", "a second reading room on Sundays", "free printing for pupils"):
        assert item in doc.text
    assert "ADVERTISEMENT" not in doc.text
    assert contract_violations(doc) == []


def test_rows_of_figures_without_marks_are_a_block() -> None:
    # an ingredient list or a price list written without bullets: the rows are the story's structure
    texts = ["This soup costs about £3 for six bowls and takes half an hour.", "You will need", "300g red lentils",
             "4 carrots, grated", "1.5 litres vegetable stock", "Soften the onions in a little oil for ten minutes."]
    lines = [JudgedLine(t, t, "heading" if i == 1 else "body", "") for i, t in enumerate(texts)]
    assert row_kind(lines[2]) == "figure"
    found = blocks(lines)
    assert [(b.start, b.end, b.rows) for b in found] == [(1, 5, [2, 3, 4])]
    # a sentence holding a figure, a link with a figure and one figure line alone are no rows
    assert row_kind(JudgedLine("Prices rose 4% in May.", "Prices rose 4% in May.", "body", "")) is None
    assert row_kind(JudgedLine("www.example.com/2025", "www.example.com/2025", "body", "")) is None
    alone = [JudgedLine(t, t, "body", "") for t in (texts[0], "Comments (14)", texts[5])]
    assert blocks(alone) == []
