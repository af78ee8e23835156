"""Inline junk: stray tags, glued labels, related-content teasers inside a paragraph."""
from __future__ import annotations

import pytest

from storyline.clean.inline import (
    find_glued_label,
    find_inline_junk,
    find_inline_teasers,
    find_stray_markup,
    parse_wire_dateline,
)
from storyline.clean.lexicon import load_lexicon

LEX = load_lexicon()


def test_stray_tags() -> None:
    text = "The vote was close.< /p> Turnout was high.<br/>"
    spans = find_stray_markup(text)
    assert [text[s:e] for s, e, _ in spans] == ["< /p>", "<br/>"]
    assert find_stray_markup("Prices fell 3 < 5 and 7 > 2") == []


def test_glued_label_at_paragraph_start() -> None:
    text = "Watch our report 7Marta Olsen, a hydrologist at the institute, said the river is falling."
    spans = find_glued_label(text, LEX)
    assert [text[s:e] for s, e, _ in spans] == ["Watch our report 7"]


def test_camel_case_and_clauses_are_not_glue() -> None:
    assert find_glued_label("Her YouTube channel has two million followers and growing.", LEX) == []
    assert find_glued_label("McCarthy said the plan would fail in the long run.", LEX) == []
    assert find_glued_label("The summit was held on May 24The leaders left early that day.", LEX) == []


def test_inline_teaser_runs_to_where_the_body_resumes() -> None:
    text = ("Farmers protested in the capital on Monday. Premium Related stories Dairy prices "
            "collapse as exports stall Ines Moreau The cooperative warned of closures In the "
            "afternoon, police cleared the square.")
    spans = find_inline_teasers(text, LEX)
    assert len(spans) == 1
    s, e, _ = spans[0]
    assert text[s:e].startswith("Premium Related stories")
    assert text[s:e].endswith("warned of closures")
    assert text[e:].lstrip().startswith("In the afternoon")


def test_lower_case_related_words_are_body() -> None:
    text = "Officials said related stories in the press were wrong."
    assert find_inline_teasers(text, LEX) == []


def test_find_inline_junk_merges_and_sorts() -> None:
    text = "ADVERTISEMENTThe council met on Friday to vote on the budget.</div>"
    spans = find_inline_junk(text, LEX)
    assert [text[s:e] for s, e, _ in spans] == ["ADVERTISEMENT", "</div>"]


@pytest.mark.parametrize("text, date, agency", [
    ("LISBON, May 2 (Harbour Wire) - Port workers walked out on Thursday.", "May 2", "Harbour Wire"),
    ("KYIV (AP) \u2014 Drones struck the city overnight, officials said.", None, "AP"),
    ("OSLO, 3 March 2024 \u2013 The central bank held rates.", "3 March 2024", None),
])
def test_wire_datelines_are_found_with_their_date_and_agency(text, date, agency):
    from storyline.clean.inline import find_wire_dateline, parse_wire_dateline

    end, got_date, got_agency = parse_wire_dateline(text)
    assert (got_date, got_agency) == (date, agency)
    assert find_wire_dateline(text) == [(0, end, "dateline")]
    assert text[end:][:1].isupper()


@pytest.mark.parametrize("text", [
    "NATO said on Monday - and then left.",
    "EU - China talks began in Brussels.",
    "BREAKING - The minister resigned.",
])
def test_dashes_in_ordinary_sentences_are_not_datelines(text):
    from storyline.clean.inline import find_wire_dateline

    assert find_wire_dateline(text) == []


def test_glue_points_equal_the_zero_width_definition() -> None:
    """The glue regex starts with the capital (fast); its match starts are exactly the
    points between a lower-case letter/digit (or three capitals) and a capitalised word."""
    import random
    import re

    from storyline.clean.inline import GLUED_CAPITAL

    zero_width = re.compile(
        r"(?:(?<=[0-9a-z\u00e0-\u00ff])|(?<=[A-Z]{3}))(?=[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff])")
    rng = random.Random(4)
    samples = ["About this Channel 24Oleksandr Kraev said", "watch the videoThe minister", "NATOSecretary",
               "McCain and DeSantis", "ÀÀÀàB"]
    samples += ["".join(rng.choice("aZbYÀàÞþÿ09 \n.ABC") for _ in range(rng.randrange(0, 40)))
                for _ in range(5000)]
    for text in samples:
        assert [m.start() for m in GLUED_CAPITAL.finditer(text)] == [m.start() for m in zero_width.finditer(text)]


@pytest.mark.parametrize("text,place_chars,date,agency", [
    ("ASUNCIÓN, Oct 14 (Mercosur Wire) - Brazil and Paraguay agreed", 35, "Oct 14", "Mercosur Wire"),
    ("LA PAZ, March 15 (Andean Wire) - Congress postponed", 33, "March 15", "Andean Wire"),
    ("BOGOTÁ (AP) - Colombia's senate voted", 14, None, "AP"),
])
def test_wire_datelines_with_accented_or_two_word_places(text, place_chars, date, agency):
    assert parse_wire_dateline(text) == (place_chars, date, agency)


@pytest.mark.parametrize("text", ["UN - The body met", "LA - The city council met"])
def test_a_short_capitalised_word_alone_is_no_dateline(text):
    assert parse_wire_dateline(text) is None
