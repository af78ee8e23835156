"""Session 15 (issue 15): furniture judged as a run with its place on the page, and structure that keeps the story's
rows and sign-off. Hand-built pages; each assertion failed before the change it tests."""
from __future__ import annotations

from storyline.clean import clean_document
from storyline.clean.lexicon import load_lexicon
from storyline.clean.line_model import (
    SECTION_HEAD_P,
    SECTION_HEAD_SENTENCE_P,
    TAIL_BLOCK_P,
    JudgedLine,
    blocks,
    features,
    sign_offs,
    tail_blocks,
    tail_section,
)
from storyline.clean.structure import post_furniture
from storyline.config import Settings
from storyline.model import Document
from tests.clean.judged import body_lines

LEX = load_lexicon()
STORY = [
    "The county council approved a new park-and-ride site at Hollins Farm on Tuesday after a two-hour debate.",
    "The site will have 600 spaces and buses every twelve minutes to the station and the hospital.",
    "Councillors who voted against said the farm road could not take the extra traffic at peak times.",
]


def _feats(lines: list[JudgedLine], sent: list[float]) -> list[dict]:
    return features(lines, LEX, sent)


def test_figure_rows_on_adjacent_lines_are_not_post_furniture_though_a_date_line_shares_their_shape() -> None:
    texts = ["29 March 2026", "Samuel Oduya won the Harbour Marathon in 2:07:18 on a cold, still morning.",
             "Men", "1 Samuel Oduya 2:07:18", "2 Anders Lund 2:09:02", "3 Rafael Ortiz 2:09:55",
             "More than 9,000 runners finished the race, the organisers said."]
    labels = ["meta", "body", "short", "short", "short", "short", "body"]
    assert not post_furniture(texts, labels, set()) & {3, 4, 5}
    # a thread's post headers, one per post, are still furniture
    thread = ["Post by tidewatcher » Mon Mar 04, 2024 8:12 pm", "The tide tables are wrong for Saturday.",
              "Post by reefwatch » Fri Jan 19, 2024 6:02 am", "They were fixed this morning."]
    assert post_furniture(thread, ["short", "body", "short", "body"], set()) == {0, 2}


def _tail_block_page(intro: str | None) -> list[JudgedLine]:
    tail = ["Jobs board", "Sous chef, Calder – £36,000", "Head chef, Wrenfield Hotels – £48,000",
            "Kitchen porter, Ashby – £24,500"]
    texts = STORY + ([intro] if intro else []) + tail
    return body_lines(texts)


def test_a_block_below_the_story_goes_whole_when_the_model_leans_to_furniture() -> None:
    lines = _tail_block_page(None)
    n = len(STORY)
    sent = [0.05] * n + [0.6] * (len(lines) - n)
    feats = _feats(lines, sent)
    found = blocks(lines)
    assert found and found[0].start == n
    leaning = [0.05] * n + [TAIL_BLOCK_P + 0.05] * (len(lines) - n)
    assert {i for i, _ in tail_blocks(lines, feats, leaning, found)} == set(range(n, len(lines)))
    # the model unsure: the block stays, every row of it
    unsure = [0.05] * n + [0.9, 0.2, 0.2, 0.2]
    assert tail_blocks(lines, feats, unsure, found) == []


def test_a_block_the_story_introduces_with_a_colon_stays() -> None:
    lines = _tail_block_page("The vacancies the trust advertised this week:")
    n = len(STORY) + 1
    sent = [0.05] * n + [0.6] * (len(lines) - n)
    probs = [0.05] * n + [0.95] * (len(lines) - n)
    assert tail_blocks(lines, _feats(lines, sent), probs, blocks(lines)) == []


def _section(heading: str, paragraph: str) -> tuple[list[JudgedLine], list[float], list[float]]:
    contact = "Media contact: press@norvale.example"
    lines = [*body_lines(STORY), JudgedLine(heading, heading, "heading", ""), *body_lines([paragraph]),
             JudgedLine(contact, contact, "junk", "contact")]
    n = len(STORY)
    sent = [0.05] * n + [SECTION_HEAD_SENTENCE_P + 0.05, 0.05, 0.99]
    probs = [0.02] * n + [SECTION_HEAD_P + 0.02, 0.02, 1.0]
    return lines, probs, sent


def test_the_last_section_goes_with_a_furniture_heading_that_names_what_it_describes() -> None:
    lines, probs, sent = _section("About Norvale Foods", "Norvale Foods is a family-owned bakery group founded in "
                                  "1961 that employs 1,400 people in four countries.")
    assert {i for i, _ in tail_section(lines, _feats(lines, sent), probs, sent)} == {len(STORY), len(STORY) + 1}


def test_a_rails_headline_left_above_the_storys_last_paragraph_takes_nothing_with_it() -> None:
    lines, probs, sent = _section("Top 10 summer reads chosen by librarians", "Librarian Kwame Osei said the person "
                                  "who returned the book left a note saying sorry.")
    assert tail_section(lines, _feats(lines, sent), probs, sent) == []


def test_a_letters_sign_off_is_kept_when_the_page_opens_with_its_greeting() -> None:
    closing = ["Best wishes,", "To stop receiving this bulletin, reply STOP."]
    lines = body_lines(["Dear neighbours,", *STORY, *closing])
    assert sign_offs(lines) == {len(STORY) + 1}
    assert sign_offs(body_lines([*STORY, *closing])) == set()


def test_a_heading_over_a_box_of_figures_between_two_paragraphs_is_the_storys() -> None:
    raw = ("Malaria vaccine halves cases in trial\n\nA malaria vaccine given in four doses reduced clinical cases by "
           "half over two years in young children, according to a trial in three countries.\n\n"
           "Findings at a glance\n\nInfections avoided per 1,000 children treated: 1,320\n\nSevere cases: down 38%\n\n"
           "Side effects: a fever in 12% after the first dose, mostly mild\n\nThe trial's lead investigator said the "
           "results were encouraging, though protection fell in the second year.")
    doc = clean_document(Document(id="t", source="t.txt", raw=raw), Settings(clean_lines="rules"))
    for line in ("Findings at a glance", "Infections avoided per 1,000 children treated: 1,320",
                 "Severe cases: down 38%"):
        assert line in doc.text, line
