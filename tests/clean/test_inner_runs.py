"""Session 17 (issue 15): a run of short lines between two paragraphs of the story judged as one (a fact box, an event
calendar, a product's box), and a PDF page's running head never taken for the headline. Hand-built pages."""
from __future__ import annotations

from storyline.clean import clean_document
from storyline.clean.lexicon import load_lexicon
from storyline.clean.line_model import BUTTON_P, INNER_RUN_P, features, inner_run_removals
from storyline.config import Settings
from storyline.model import Document
from tests.clean.judged import body_lines

LEX = load_lexicon()
ABOVE = [
    "The county council approved a new park-and-ride site at Hollins Farm on Tuesday after a two-hour debate.",
    "The site will have 600 spaces and buses every twelve minutes to the station and the hospital.",
]
BELOW = [
    "Councillors who voted against said the farm road could not take the extra traffic at peak times.",
    "Work on the site is due to start in the spring and take about a year.",
]
BOX = ["The scheme at a glance", "Spaces: 600", "Cost: £8.2m", "Opening: spring 2028"]


def _removed(run: list[str], p: float, intro: str | None = None) -> set[str]:
    above = ABOVE + ([intro] if intro else [])
    texts = above + run + BELOW
    lines = body_lines(texts)
    sent = [0.05 if t in above or t in BELOW else 0.4 for t in texts]
    feats = features(lines, LEX, sent)
    probs = [p if t in run else 0.02 for t in texts]
    return {texts[i] for i, _ in inner_run_removals(lines, feats, probs)}


def test_a_box_between_two_paragraphs_goes_whole_when_the_model_leans_to_furniture_over_the_run() -> None:
    assert _removed(BOX, INNER_RUN_P) == set(BOX)
    assert _removed(BOX, INNER_RUN_P - 0.1) == set()


def test_a_run_a_paragraph_introduces_or_of_headings_without_figures_stays() -> None:
    # the story's own table under "The totals were:" is the story's, however the model reads its rows
    assert _removed(["Penny Market £38.40", "FreshWay £40.12"], 0.99, intro="The totals were:") == set()
    long_intro = ("The council published the price of a basket of twenty staple foods at each of the town's "
                  "supermarkets this week, as follows:")
    assert _removed(["Penny Market £38.40", "FreshWay £40.12"], 0.99, intro=long_intro) == set()
    # section headings of a newsletter carry no figures: not a box
    assert _removed(["Pool closes for repairs", "New surgery opens"], 0.99) == set()
    # a line the sentence model reads as prose makes the run the story's ("Refuse." under "Recommendation")
    texts = [*ABOVE, "Recommendation 4", "Refuse.", *BELOW]
    lines = body_lines(texts)
    sent = [0.05] * len(texts)
    probs = [0.99 if t in ("Recommendation 4", "Refuse.") else 0.02 for t in texts]
    assert inner_run_removals(lines, features(lines, LEX, sent), probs) == []


PDF = """Fenbridge District Council - Annual Audit Report 2025/26                     Page 3
Review of the council's leisure centre contracts
1.1 The council spent £4.1 million on its two leisure centre contracts in 2025/26, an increase of
12% on the year before, mostly on energy and on repairs to the pool at Ashcroft.
1.2 We found that the contract did not say who pays for repairs to the building, and that the
council paid for three repairs the operator should have paid for under its terms.
Fenbridge District Council - Annual Audit Report 2025/26                     Page 4
1.3 Our overall opinion is that the council has reasonable assurance over the contracts, with two
recommendations that officers have accepted in full.
"""


def test_a_running_head_with_a_page_number_is_never_the_title_and_goes_as_furniture() -> None:
    doc = clean_document(Document(id="pdf1", source="pdf1.txt", raw=PDF), Settings(clean_lines="rules"))
    assert doc.title == "Review of the council's leisure centre contracts"
    body = doc.text
    assert "Page 4" not in body and "Page 3" not in body
    assert "Our overall opinion" in body


def test_a_run_holding_a_lists_numbered_heading_is_the_storys() -> None:
    # "Check prices" under a listicle's item, then the next item's heading: the heading is the story's
    assert _removed(["Check prices", "2. Porth Bach"], 0.99) == set()


def _removed_rows(run: list[str], probs_of: dict[str, float], intro: str | None = None) -> set[str]:
    """``_removed`` with the run's lines read as a table's rows by the rules and a probability for each line."""
    above = ABOVE + ([intro] if intro else [])
    texts = above + run + BELOW
    lines = body_lines(texts)
    for ln in lines:
        ln.table_row = ln.text in run and any(c.isdigit() for c in ln.text)
    sent = [0.05 if t in above or t in BELOW else 0.4 for t in texts]
    probs = [probs_of.get(t, 0.02) for t in texts]
    return {texts[i] for i, _ in inner_run_removals(lines, features(lines, LEX, sent), probs)}


PRODUCT = ["Brava Crisp 4", "Our rating: 4.5/5", "£45 at Homestore", "Buy now"]


def test_a_box_of_figures_closed_by_its_own_button_goes_whole_even_as_a_tables_rows() -> None:
    # the rows alone lean to body and look like a table's; the button that closes them says the run is a box
    sure = {"Brava Crisp 4": 0.3, "Our rating: 4.5/5": 0.3, "£45 at Homestore": 0.3, "Buy now": BUTTON_P}
    assert _removed_rows(PRODUCT, sure) == set(PRODUCT)
    # the model unsure of the button: the rows stay as a table's
    assert _removed_rows(PRODUCT, {**sure, "Buy now": BUTTON_P - 0.1}) == set()


def test_a_tables_rows_stay_under_an_introduction_or_over_a_line_that_is_no_button() -> None:
    rows = ["Penny Market £38.40", "FreshWay £40.12", "See all prices"]
    sure = dict.fromkeys(rows, 0.99)
    assert _removed_rows(rows, sure, intro="The totals were:") == set()
    # the last line a heading, not an order to the reader: a table's rows stay whatever the model says
    assert _removed_rows(["Penny Market £38.40", "FreshWay £40.12", "Prices in pence"], dict.fromkeys(rows, 0.99)) \
        == set()
