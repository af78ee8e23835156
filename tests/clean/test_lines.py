"""Line classification and corpus line statistics."""
from __future__ import annotations

import pickle

import pytest

from storyline.clean.lexicon import load_lexicon
from storyline.clean.lines import LineStats, classify_unit, split_units
from storyline.model import Document

LEX = load_lexicon()


@pytest.mark.parametrize("line, reason", [
    ("Share this story", "share"),
    ("Follow us on Telegram", "share"),
    ("LEAVE A COMMENT", "comments"),
    ("Comments are closed.", "comments"),
    ("Sign up for our newsletter", "subscribe"),
    ("Skip to main content", "navigation"),
    ("Accept all cookies", "legal"),
    ("5 min read", "reading_time"),
    ("#budget #parliament", "hashtags"),
    ("Read more: Dairy prices collapse as exports stall", "boilerplate_prefix"),
    ("Tags: economy, farming", "boilerplate_prefix"),
    ("We use cookies to give you the best experience on our site.", "boilerplate_prefix"),
    ("Home > Business > Farming", "breadcrumb"),
    ("Photo: Ines Moreau/Agency", "credit"),
    ("You might also like", "teaser_header"),
])
def test_junk_lines(line: str, reason: str) -> None:
    v = classify_unit(line, LEX)
    assert (v.label, v.reason) == ("junk", reason)


@pytest.mark.parametrize("line", [
    "He declined to comment.",
    "It failed.",
    "Nobody was hurt.",
    "Share prices fell sharply after the announcement.",
    "The committee will follow the recommendations of the report.",
    "What comes next?",
])
def test_short_body_lines_are_body(line: str) -> None:
    assert classify_unit(line, LEX).label == "body"


def test_headings_are_undecided_until_their_neighbours_are_known() -> None:
    assert classify_unit("Why the talks stalled", LEX).label == "short"


def test_meta_lines() -> None:
    assert classify_unit("By Ines Moreau | 4 June 2021 | 3 min read", LEX).label == "meta"
    assert classify_unit("June 4, 2021", LEX).reason == "dateline"
    assert classify_unit("By Ines Moreau", LEX).reason == "byline"


def test_split_units_joins_wrapped_lines_and_marks_items() -> None:
    text = ("The minister said on Monday that the plan would be delayed by at least\n"
            "two years because of rising costs.\n\n\u2022 first point\n- second point\n")
    units = split_units(text)
    assert [text[u.start:u.end] for u in units][1:] == ["first point", "second point"]
    assert text[units[0].start:units[0].end].endswith("rising costs.")
    assert [u.kind for u in units] == ["paragraph", "item", "item"]


def _doc(i: int, lines: list[str]) -> Document:
    return Document(id=str(i), source=f"{i}.txt", raw="\n\n".join(lines))


def test_line_stats_find_site_furniture_not_syndicated_copies() -> None:
    furniture = "Our partners this week"
    docs = [_doc(i, [f"Story {i} headline words", f"A distinct paragraph number {i} with enough words "
                     f"to count as a long line of prose here.", furniture]) for i in range(4)]
    copy_para = "The same long paragraph appears in all three syndicated copies of this one story today."
    copies = [_doc(10 + i, ["Shared heading of the story", copy_para]) for i in range(3)]
    stats = LineStats.from_documents(docs + copies)
    assert stats.n_docs == 7
    assert stats.repeated("our partners this week", set(), 3)
    from storyline.clean.lines import line_keys
    own_long = line_keys(copies[0].raw)[1]
    assert not stats.repeated("shared heading of the story", own_long, 3)
    assert not stats.repeated("story 1 headline words", set(), 3)
    assert pickle.loads(pickle.dumps(stats)) == stats


def test_sentences_in_scripts_without_spaces_are_prose():
    from storyline.clean.lines import is_prose, word_count

    line = "外交部发言人周三表示，双方同意下周继续会谈。"
    assert word_count(line) >= 8
    assert is_prose(line)
    assert word_count("The talks resume next week.") == 5


def test_word_count_fast_path_matches_per_token_count():
    """Text without unspaced scripts is counted by split(); mixed text token by token."""
    from storyline.clean.lines import word_count

    assert word_count("") == 0
    assert word_count("  Talks  resume\tnext week. ") == 4
    # one CJK token of 6 characters counts 3 words, the Latin tokens 1 each
    assert word_count("Minister 外交部发言人周 said") == 5
    assert word_count("外") == 1


def test_split_units_equals_whole_paragraph_wrap_test():
    """Hard-wrap joining looks only at the paragraph's last line: same units as before."""
    import random

    from storyline.clean.lines import split_units
    from tests.reference.lines import split_units_by_paragraph

    rng = random.Random(8)
    pieces = ["the talks went on for a long time and nobody knew when they would end",
              "and then", "It ended.", "- item one", "• and more", "Heading:", "said the minister ”",
              "", " ", "   indented and long enough to be wrapped onto the next line of text"]
    breaks = ["\n", "\n", "\r\n", "\x0b", "\x0c", "\u2028", "\x1c", "\n\n"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(breaks) for _ in range(rng.randrange(0, 12)))
        assert split_units(text) == split_units_by_paragraph(text), repr(text)


def test_a_number_is_body_text_and_a_list_mark_only_beside_other_items():
    from storyline.clean.lines import split_units

    text = "The convoy of\n\n2. 5-ton trucks left the depot at dawn.\n\nSteps:\n1. Close the road.\n2. Open the bridge."
    units = split_units(text)
    spans = [(text[u.start:u.end], u.kind, u.mark) for u in units]
    # alone, the number belongs to the sentence; in a run, it orders a list and still stays in the text
    assert ("2. 5-ton trucks left the depot at dawn.", "paragraph", None) in spans
    assert ("1. Close the road.", "item", None) in spans and ("2. Open the bridge.", "item", None) in spans


def test_a_bullet_symbol_is_left_out_of_the_unit_and_its_place_kept():
    from storyline.clean.lines import split_units

    text = "Plans:\n  • A new cycle lane\n  - Free parking"
    items = [u for u in split_units(text) if u.kind == "item"]
    assert [text[u.start:u.end] for u in items] == ["A new cycle lane", "Free parking"]
    assert [text[u.mark:u.start].strip() for u in items] == ["•", "-"]
