"""Session 16 (issue 15): the story's edges judged with the line model's reading of the page, a teaser run's last
headline, a box score's header, a letter's sign-off under notices, an author's bio under a nameless heading.
Hand-built pages; the figures (probabilities) are set by hand to the cases the rules read."""
from __future__ import annotations

from storyline.clean import clean_document
from storyline.clean.lexicon import load_lexicon
from storyline.clean.line_model import (
    HEAD_SURE_P,
    SECTION_HEAD_P,
    SECTION_HEAD_SENTENCE_P,
    TAIL_SURE_P,
    JudgedLine,
    between_paragraphs,
    edge_removals,
    features,
    sign_offs,
    tail_section,
)
from storyline.clean.structure import table_rows
from storyline.config import Settings
from storyline.model import Document
from tests.clean.judged import body_lines

LEX = load_lexicon()
STORY = [
    "The harbour board approved a plan on Tuesday to dredge the entrance channel to a depth of eleven metres.",
    "Work will start in September and is expected to take eighteen months, the board's chair said.",
    "Fishermen have objected to the disposal of the spoil at sea, saying it will smother the shellfish beds.",
]


def test_a_teaser_runs_last_headline_above_the_resumed_story_is_a_teaser() -> None:
    raw = ("Village shop saved by new shareholders\n\n12 March 2026\n\n" + STORY[0] + "\n\n" + STORY[1] + "\n\n"
           "READ MORE\n\nPub buys itself back from the brewery\n\nPost office counter to open in church hall\n\n"
           + STORY[2])
    doc = clean_document(Document(id="t", source="t.txt", raw=raw), Settings(clean_lines="rules"))
    assert "Post office counter" not in doc.text and "Pub buys" not in doc.text
    assert STORY[2] in doc.text
    # the header alone over a heading of the story: the heading stays
    alone = raw.replace("Pub buys itself back from the brewery\n\n", "")
    doc = clean_document(Document(id="t", source="t.txt", raw=alone), Settings(clean_lines="rules"))
    assert "Post office counter to open in church hall" in doc.text


def test_a_header_row_may_name_its_columns_with_digits() -> None:
    texts = ["Falcons: Oduya 31, Breen 18, Kovacs 14, Amadi 12, Price 9.", "Q1 Q2 Q3 Q4 OT Final",
             "Falcons 22 24 19 27 12 104", "Westfold 28 25 26 13 7 99"]
    assert table_rows(texts, ["body", "short", "short", "short"], [False] * 4) == {1, 2, 3}


def test_a_letters_sign_off_is_kept_under_the_notices_written_as_prose_below_it() -> None:
    lines = body_lines(["Dear neighbours,", *STORY, "Best wishes,",
                   "Published and promoted by N. Everett, 3 Ash Road, Tollgate."])
    assert sign_offs(lines) == {len(STORY) + 1}


def test_a_bio_under_a_heading_that_names_nobody_goes_with_it() -> None:
    bio = "Jess Ocampo is a travel writer and photographer based in Corran. She has written for us since 2019."
    lines = [*body_lines(STORY), JudgedLine("About the author", "About the author", "heading", ""), *body_lines([bio])]
    n = len(STORY)
    sent = [0.05] * n + [SECTION_HEAD_SENTENCE_P + 0.05, 0.3]
    probs = [0.02] * n + [SECTION_HEAD_P + 0.02, 0.2]
    assert {i for i, _ in tail_section(lines, features(lines, LEX, sent), probs, sent)} == {n, n + 1}
    # the story's own last paragraph under a rail's leftover heading is not a bio
    last = "The board will meet the fishermen's association again in April to discuss the spoil."
    lines[-1] = JudgedLine(last, last, "body", "")
    assert tail_section(lines, features(lines, LEX, sent), probs, sent) == []


def _edges(texts: list[str], probs: list[float], sent: list[float]) -> set[int]:
    lines = body_lines(texts)
    return {i for i, _ in edge_removals(lines, features(lines, LEX, sent), probs, sent)}


def test_below_the_story_a_line_the_line_model_is_sure_of_goes_though_the_sentence_model_reads_prose() -> None:
    credits = "Producer: Mia Torres. Editor: Sam Ochoa. Sound: Lee Park."
    n = len(STORY)
    texts = [*STORY, "Read the transcript", credits]
    sent = [0.05] * n + [0.2, 0.12]
    assert _edges(texts, [0.02] * n + [TAIL_SURE_P + 0.02] * 2, sent) == {n, n + 1}
    # the story's last paragraph written as prose, with no furniture above it, stays; so does a name signing it
    last = "A further statement will be issued when more information is available."
    assert _edges([*STORY, last], [0.02] * n + [0.99], [0.05] * n + [0.2]) == set()
    assert _edges([*STORY, "Orla"], [0.02] * n + [0.99], [0.05] * n + [0.3]) == set()


def test_a_sure_heading_over_the_storys_first_paragraph_goes_a_short_one_stays() -> None:
    n = len(STORY)
    sure = [HEAD_SURE_P + 0.03] + [0.02] * n
    assert _edges(["Subscribe to Track and Field Weekly", *STORY], sure, [0.99] + [0.05] * n) == {0}
    assert _edges(["Summary", *STORY], sure, [0.99] + [0.05] * n) == set()


def test_the_storys_first_paragraph_in_a_reports_we_voice_is_judged_as_between_paragraphs() -> None:
    opening = "This has been a year of repair. We spent more on our homes than ever before."
    lines = body_lines([opening, *STORY])
    feats = features(lines, LEX, [0.87] + [0.05] * len(STORY))
    assert between_paragraphs(lines, feats, 0)
    notice = "Content warning: this episode discusses violence."
    lines = body_lines([notice, *STORY])
    assert not between_paragraphs(lines, features(lines, LEX, [0.87] + [0.05] * len(STORY)), 0)
