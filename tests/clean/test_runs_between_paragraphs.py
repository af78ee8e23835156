"""Issue 15, session 28: a run of short lines standing right between two paragraphs of the story is the story's (a
list written without marks, a box of results in a script without capitals), however many lines it has. The rules
kept only the last two lines of such a run, as headings over the paragraph below, and dropped the ones above them
as orphans (``orphan_line``), so a list lost its first items and kept its last ones. A run at the page's foot, with
no paragraph after it, is still furniture.

The articles are invented for these tests.
"""
from __future__ import annotations

import pytest

from storyline.clean import clean_document
from storyline.config import Settings
from storyline.model import Document

LIBRARY_PAGE = """Hollowmere Gazette
New local history titles at Hollowmere library
12 May 2026

The library has added four titles to its local history shelf after a donation from the Hollowmere Civic Society.
The Mills of the Lower Teme (Ruth Ashgrove)
Walking the Drovers' Roads
A Parish in Wartime: letters home
Orchards and Cider Houses of the Vale
All four can be borrowed for three weeks and renewed at the desk, the librarian said on Tuesday.
The society said it hoped pupils would use them for their local history projects this summer.
"""

LIBRARY_ROWS = ("The Mills of the Lower Teme (Ruth Ashgrove)", "Walking the Drovers' Roads",
                "A Parish in Wartime: letters home", "Orchards and Cider Houses of the Vale")

VAN_REVIEW = """Road & Trail
Tested: a small camper van for two
3 March 2026

We spent a wet week in the hills with the Kestrel Two, a camper van built on a small delivery van.
What comes with it
Two berths and a roof that lifts
A gas hob and a sink
An awning on the passenger side
It is easy to drive and parks in an ordinary space, but the bed is short for anyone over six feet tall.
The price starts at £41,000, which is less than most vans of its size cost new this year.
"""

VAN_ROWS = ("What comes with it", "Two berths and a roof that lifts", "A gas hob and a sink",
            "An awning on the passenger side")

GEORGIAN_RESULTS = """ქალაქის ამბები
ნიჩბოსნობის რბოლა მტკვარზე

კვირას მტკვარზე ყოველწლიური ნიჩბოსნობის რბოლა გაიმართა, რომელშიც თორმეტმა გუნდმა მიიღო მონაწილეობა.
შედეგები
პირველი ადგილი: გუნდი არაგვი
მეორე ადგილი: გუნდი ლიახვი
მესამე ადგილი: გუნდი ალაზანი
გამარჯვებულმა გუნდმა თასი მეორედ ზედიზედ მოიგო. შემდეგი რბოლა მომავალ ზაფხულს გაიმართება ქალაქის ცენტრში.
"""

GEORGIAN_ROWS = ("შედეგები", "პირველი ადგილი: გუნდი არაგვი", "მეორე ადგილი: გუნდი ლიახვი",
                 "მესამე ადგილი: გუნდი ალაზანი")


def _text(raw: str, mode: str) -> str:
    return clean_document(Document(id="t", source="t.txt", raw=raw), Settings(clean_lines=mode)).text


@pytest.mark.parametrize("raw,rows", [(LIBRARY_PAGE, LIBRARY_ROWS), (VAN_REVIEW, VAN_ROWS),
                                      (GEORGIAN_RESULTS, GEORGIAN_ROWS)], ids=["titles", "features", "georgian"])
def test_a_long_run_between_two_paragraphs_is_kept_whole_by_the_rules(raw: str, rows: tuple[str, ...]):
    text = _text(raw, "rules")
    for row in rows:
        assert row in text, row


def test_a_run_at_the_foot_with_no_paragraph_after_it_is_still_dropped():
    raw = LIBRARY_PAGE + "Most read\nBin collection changes\nCouncil tax bills rise\nNew car park charges\n"
    text = _text(raw, "rules")
    for row in LIBRARY_ROWS:
        assert row in text, row
    for link in ("Most read", "Bin collection changes", "Council tax bills rise", "New car park charges"):
        assert link not in text, link
