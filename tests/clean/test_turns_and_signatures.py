"""Issue 15, second round: short body lines that stay (speaker labels over turns, a list's numbered headings,
a table under a wider header), furniture that goes (signatures, author notes), and the line model's
agreement rule (a confident model alone removes nothing)."""
from __future__ import annotations

import joblib
import numpy as np
import pytest

from storyline.clean import clean_document
from storyline.clean.line_model import LineModel
from storyline.config import Settings
from storyline.model import Document
from tests.clean.contract import contract_violations

RULES = Settings(clean_lines="rules")


def _clean(raw: str, settings: Settings = RULES) -> Document:
    return clean_document(Document(id="t", source="t.txt", raw=raw), settings)


RADIO = """Radio Fenmouth
The Breakfast Show interview: harbour dredging
Thursday 5 September 2024
HOST
Mayor Tillman, the dredger arrives on Monday. How long will the harbour be closed to yachts?
MAYOR TILLMAN
Three weeks, and fishing boats can still use the north quay at high water throughout.
HOST
And who is paying for it?
MAYOR TILLMAN
The harbour trust pays two thirds and the county council the rest, about £1.2 million in all.
"""


def test_a_speakers_label_over_each_turn_stays() -> None:
    doc = _clean(RADIO)
    assert doc.text.count("HOST") == 2
    assert doc.text.count("MAYOR TILLMAN") == 2
    assert contract_violations(doc) == []


FORUM = """Coastline Anglers Forum > Sea Fishing > Shore marks
Harbour wall at Penlow closed to anglers
09-14-2023, 07:12 AM #1
saltybill
Posts: 4,802
The harbour commissioners have fenced off the outer wall at Penlow after last weekend's storm.
__________________
Tight lines. Shimano 4000 and a lot of patience.
Reply With Quote
09-14-2023, 09:40 AM #2
cod_father
Posts: 276
Saw it yesterday. The inner wall by the fish market is still open and the bass are in on the evening tide.
Reply With Quote
"""


def test_a_signature_below_its_separator_goes_and_the_post_stays() -> None:
    doc = _clean(FORUM)
    assert "Tight lines" not in doc.text
    assert any(r.reason == "signature" and r.text.startswith("Tight lines") for r in doc.removed)
    assert "The harbour commissioners have fenced off the outer wall" in doc.text
    assert "The inner wall by the fish market is still open" in doc.text


SECTION_BREAK = """Council approves the harbour plan
By Ann Tate
12 March 2024
The council approved the harbour plan on Tuesday after a four-hour debate in a packed chamber.
---
Objectors say they will go to court.
The plan now goes to the government's planning inspector, who has six months to decide whether to call it in.
"""


def test_a_section_break_in_an_article_is_not_a_signature() -> None:
    assert "Objectors say they will go to court." in _clean(SECTION_BREAK).text


LIST_PAGE = """Five quiet beaches in Cardigan Bay, chosen by lifeguards
We asked lifeguards along the bay where they go on their day off. These are their answers.
1. Traeth Gwyn
Sheltered, sandy and reached by a ten-minute walk down a wooded path, so it never fills up.
Check prices
2. Porth Bach
Rock pools at low tide and no facilities at all, so bring water and take your rubbish home.
Check prices
3. Cei Hir
The only one of the five with a café, open from Easter to the end of October.
"""


def test_a_lists_numbered_headings_are_body_not_post_headers() -> None:
    doc = _clean(LIST_PAGE)
    for heading in ("1. Traeth Gwyn", "2. Porth Bach", "3. Cei Hir"):
        assert heading in doc.text


TABLE = """Harbour City go top
Harbour City scored twice in the last 15 minutes to beat Ravensmoor 2-1 and move to the top of the table.
How the top of the table looks:
Pos  Team            P   W  D  L  GD  Pts
1    Harbour City    26  17 5  4  +24 56
2    Northgate       26  17 5  4  +19 56
3    Ravensmoor      26  15 6  5  +15 51
Watch the highlights
"""


def test_a_table_under_a_header_with_more_cells_than_its_rows_is_body() -> None:
    doc = _clean(TABLE)
    assert "Pos  Team" in doc.text and "3    Ravensmoor" in doc.text


BIO = """Fishing fleet ties up over fuel prices
By Callum Reyes, Business reporter
14 June 2025
Twenty-two trawlers stayed in Carrick Bay harbour on Friday as skippers said marine diesel had become too dear.
The producers' organisation has asked the government to extend a fuel relief scheme that ended in March.
Callum Reyes is the Courier's business reporter. He has covered fishing and farming since 2017.
"""


def test_a_note_on_the_bylined_author_below_the_story_goes() -> None:
    doc = _clean(BIO)
    assert "Callum Reyes is the Courier" not in doc.text
    assert "The producers' organisation has asked the government" in doc.text


class _AlwaysFurniture:
    def predict_proba(self, rows: list) -> np.ndarray:
        return np.array([[0.0, 1.0] for _ in rows])


@pytest.fixture
def paranoid(tmp_path) -> Settings:
    path = tmp_path / "always.joblib"
    joblib.dump(vars(LineModel(_AlwaysFurniture(), threshold=0.5)), path)
    return Settings(clean_lines="trained", clean_line_model=str(path))


INTERVIEW = """"I wrote it on the night bus": a conversation with Petra Ilves
By Anya Brennan
12 February 2025
Petra Ilves's first novel, about a cleaner on the night shift at an airport, has been shortlisted for a prize.
Did you write it at work?
Nearly.
Most of it was written on the bus home, on my phone, between four and five in the morning.
What comes next
She will keep the job for now, she says, because she likes the people and a first novel pays less than you think.
Share this article
"""


def test_a_confident_model_alone_removes_no_heading_or_short_answer(paranoid: Settings) -> None:
    doc = _clean(INTERVIEW, paranoid)
    assert "Nearly." in doc.text
    assert "What comes next" in doc.text
    assert contract_violations(doc) == []


def test_a_confident_model_removes_furniture_the_structure_agrees_on(paranoid: Settings) -> None:
    # user names and counters between posts: a template the page repeats, furniture beside them
    doc = _clean(FORUM, paranoid)
    assert "cod_father" not in doc.text
    assert "The inner wall by the fish market is still open" in doc.text
