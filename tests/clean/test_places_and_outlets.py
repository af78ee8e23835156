"""Dateline places, bylines filed from a place, and outlets named by a page's masthead
(lines written for these tests)."""
from __future__ import annotations

import pytest

from storyline.clean import metadata
from storyline.clean.lexicon import load_lexicon
from storyline.clean.places import is_place, place_key

LEX = load_lexicon()
GENERIC = LEX.breadcrumb_roots | LEX.section_words


@pytest.mark.parametrize("name", ["Nairobi", "NAIROBI", "Zürich", "Zurich", "Kyiv, Ukraine",
                                  "Switzerland", "Lisbon", "New York"])
def test_places(name: str) -> None:
    assert is_place(name)


@pytest.mark.parametrize("name", ["Harbour Weekly", "Reuters", "Valley Times", "Jane Roe", "",
                                  "Nairobi, Harbour Weekly"])
def test_not_places(name: str) -> None:
    assert not is_place(name)


def test_place_key_folds_case_accents_and_punctuation() -> None:
    assert place_key("  SÃO   Paulo ") == place_key("Sao-Paulo") == "sao paulo"


@pytest.mark.parametrize("line, org", [
    ("By Ana Vell, Nairobi", None),
    ("By Ana Vell, LISBON", None),
    ("By Ana Vell, Kyiv, Ukraine", None),
    ("By Ana Vell in Lisbon", None),
    ("By Ana Vell, Harbour Weekly", "Harbour Weekly"),
    ("By Ana Vell | Valley Times", "Valley Times"),
])
def test_a_place_after_a_byline_is_not_the_outlet(line: str, org: str | None) -> None:
    b = metadata.parse_byline(line)
    assert b is not None and b.names == ("Ana Vell",) and b.org == org


@pytest.mark.parametrize("line, value", [
    ("NAIROBI, Fri 3 May 2024 09:10 EAT", "2024-05-03"),
    ("Lisbon, 4 June 2023", "2023-06-04"),
    ("PORT VILA (Vanuatu) – June 5, 2023, 10:15", "2023-06-05"),
    ("03.05.2024 | 09:10", "2024-05-03"),
    ("4 June 2023 · 10:15 CEST", "2023-06-04"),
    ("Friday, 3 May 2024", "2024-05-03"),
])
def test_date_lines_with_place_time_zone_and_pipes(line: str, value: str) -> None:
    guess = metadata.parse_date_line(line)
    assert guess is not None and (guess.value, guess.precision) == (value, "day")


@pytest.mark.parametrize("line", [
    "Harbour talks, 4 June 2023",          # not a place: a sentence fragment with a date
    "The council, 4 June 2023",
])
def test_only_a_place_may_stand_before_a_date(line: str) -> None:
    assert metadata.parse_date_line(line) is None


@pytest.mark.parametrize("line, outlet", [
    ("Harbour Weekly > News > Europe", "Harbour Weekly"),
    ("VALLEY TIMES | World | Farming", "Valley Times"),
    ("Lake Watch — independent reporting on lakes", "Lake Watch"),
    ("Northern Courier", "Northern Courier"),
])
def test_masthead_outlet(line: str, outlet: str) -> None:
    assert metadata.masthead_outlet(line, LEX.outlet_words, GENERIC) == outlet


@pytest.mark.parametrize("line", [
    "Home > News > Europe",                 # a breadcrumb root, no outlet
    "World News | Europe",                  # a section made of generic words
    "Dam plan divides the valley",          # a headline
    "Local News",
])
def test_no_masthead_outlet(line: str) -> None:
    assert metadata.masthead_outlet(line, LEX.outlet_words, GENERIC) is None


def test_outlet_name_keeps_the_and_reads_the_of_form() -> None:
    assert metadata.outlet_name("The Valley Times") == "The Valley Times"
    assert metadata.outlet_name("the Press Office of Example Party") == "Example Party Press Office"
    assert metadata.outlet_name("NORTHERN WIRE SERVICE") == "Northern Wire Service"
    assert metadata.outlet_name("BBC") == "BBC"


def test_stated_outlet() -> None:
    assert metadata.stated_outlet("Text.\n\u00a9 2024 The Valley Times. All rights reserved.") == "The Valley Times"
    assert metadata.stated_outlet("No statement here.") is None


@pytest.mark.parametrize("line, outlet", [
    ("Subscribe to Example Courier Premium for unlimited access.", "Example Courier"),
    ("Sign up to the Harbour Gazette newsletter", "Harbour Gazette"),
    ("SUBSCRIBE TO Northfield Post", "Northfield Post"),
    ("Subscribe to Lakeside Times.", "Lakeside Times"),
])
def test_subscription_prompt_names_the_outlet(line: str, outlet: str) -> None:
    assert metadata.subscription_outlet(f"Share this article\n{line}\nComments") == outlet


@pytest.mark.parametrize("line", ["Subscribe to our newsletter.", "Subscribe now for $1 a week", "Share on Facebook"])
def test_no_subscription_outlet(line: str) -> None:
    assert metadata.subscription_outlet(line) is None
