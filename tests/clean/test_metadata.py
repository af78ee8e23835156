"""Date lines, bylines, breadcrumbs, headlines and outlets, on lines written for these tests."""
from __future__ import annotations

import pytest

from storyline.clean import metadata
from storyline.clean.lexicon import load_lexicon


@pytest.mark.parametrize("line, value, precision", [
    ("12 March, 2019", "2019-03-12", "day"),
    ("March 12, 2019", "2019-03-12", "day"),
    ("Tuesday, March 12, 2019", "2019-03-12", "day"),
    ("• 3rd of May 2021", "2021-05-03", "day"),
    ("Published: 2020-11-05T08:30:00Z", "2020-11-05", "day"),
    ("Updated 24.12.2020 17:45", "2020-12-24", "day"),
    ("Posted on Aug 9, 2018 at 4:15 pm EST", "2018-08-09", "day"),
    ("06/20/2021", "2021-06-20", "day"),
    ("September 2017", "2017-09", "month"),
])
def test_date_lines(line: str, value: str, precision: str) -> None:
    guess = metadata.parse_date_line(line)
    assert guess is not None and (guess.value, guess.precision) == (value, precision)


def test_weekday_that_does_not_fit_the_year_is_uncertain() -> None:
    # 12 March 2019 was a Tuesday, not a Friday
    assert metadata.parse_date_line("Friday, March 12, 2019").precision == "uncertain"


def test_yearless_date_line_is_a_page_date() -> None:
    # no reference year: nothing to pin the year on
    guess = metadata.parse_date_line("Sunday, October 3")
    assert guess.value is None and guess.precision == "uncertain"
    # 3 October fell on a Sunday in 2021; the text's newest year is 2020 → the page is from 2021
    guess = metadata.parse_date_line("Sunday, October 3", reference_year=2020)
    assert (guess.value, guess.precision) == ("2021-10-03", "uncertain")
    assert metadata.parse_date_line("Monday, October 3", reference_year=2020).value is None


@pytest.mark.parametrize("line", [
    "The meeting took place on March 12, 2019 in the capital.",
    "March 12, 2019 was a turning point for the movement",
    "Chapter 12",
    "12 ministers",
])
def test_sentences_and_numbers_are_not_date_lines(line: str) -> None:
    assert metadata.parse_date_line(line) is None


@pytest.mark.parametrize("line, names, org", [
    ("By Lena Fischer", ("Lena Fischer",), None),
    ("by Jean-Paul Okafor and Mia Sørensen", ("Jean-Paul Okafor", "Mia Sørensen"), None),
    ("BY KAREN VAN DER BERG", ("Karen van der Berg",), None),
    ("Author: Ruth E. Calder", ("Ruth E. Calder",), None),
    ("By Tom Weir, Northern Ledger", ("Tom Weir",), "Northern Ledger"),
])
def test_bylines(line: str, names: tuple, org: str | None) -> None:
    b = metadata.parse_byline(line)
    assert b is not None and b.names == names and b.org == org


def test_byline_with_the_name_on_the_next_line() -> None:
    b = metadata.parse_byline("Written for the Press Office of the Green Alliance by")
    assert b.names == () and b.needs_next_line
    assert metadata.outlet_name(b.org) == "Green Alliance Press Office"


@pytest.mark.parametrize("line", [
    "By the end of the year, prices had doubled.",
    "by far the largest protest",
    "Photo by Lena Fischer",
])
def test_not_bylines(line: str) -> None:
    assert metadata.parse_byline(line) is None


def test_breadcrumbs() -> None:
    roots = load_lexicon().breadcrumb_roots
    assert metadata.parse_breadcrumb("Home > World > Asia", roots) == ["Home", "World", "Asia"]
    assert metadata.parse_breadcrumb("Home | Opinion | Why the river is dying", roots)[-1] == \
        "Why the river is dying"
    assert metadata.parse_breadcrumb("Prices rose 5% / month, the bank said", roots) is None
    assert metadata.parse_breadcrumb("Local News | Town", roots) == ["Local News", "Town"]
    assert metadata.parse_breadcrumb("Rates | the bank said it would raise them again", roots) is None
    # a Russian wire credit between slashes opens the lead: the paragraph is body, not navigation
    assert metadata.parse_breadcrumb("ТАШКЕНТ, 14 мая. /ТАСС/. Узбекистан и Китай подписали соглашение.", roots) is None
    assert metadata.parse_breadcrumb("Главная / Новости / Экономика", roots) == ["Главная", "Новости", "Экономика"]


def test_near_duplicate_headlines() -> None:
    assert metadata.same_headline("Port city bans cruise ships from its old harbour",
                                  "Port city bars cruise ships from its old harbour")
    assert metadata.same_headline("Port city bans cruise ships", "PORT CITY BANS CRUISE SHIPS")
    assert not metadata.same_headline("Port city bans cruise ships", "Cruise lines sue the port city")


def test_outlet_from_text() -> None:
    words = load_lexicon().outlet_words
    assert metadata.editorial_note_outlet("Text (the treaty – Valley News) more.", words) == "Valley News"
    assert metadata.stated_outlet("Text (the treaty – Valley News) more.") is None
    assert metadata.stated_outlet("© 2021 Riverside Herald. All rights reserved.") == "Riverside Herald"
    assert metadata.editorial_note_outlet("(born 1950 – died 2020)", words) is None


@pytest.mark.parametrize("value, expected", [
    ("2024-05-01T10:00:00Z", ("2024-05-01", "day")),
    ("2024-05", ("2024-05", "month")),
    ("2024", ("2024", "year")),
    (1714560000, ("2024-05-01", "day")),            # Unix seconds
    ("1714560000000", ("2024-05-01", "day")),       # Unix milliseconds
    ("May 3, 2024", ("2024-05-03", "day")),
    ("not a date", (None, None)),
    ("2024-13-45", (None, None)),
    (None, (None, None)),
])
def test_stated_publication_dates_are_normalised(value, expected):
    from storyline.clean.metadata import normalize_published

    assert normalize_published(value) == expected


def test_lines_without_digits_are_never_dates() -> None:
    """parse_date_line skips lines without a digit: no date form matches one once cleaned."""
    import random

    from storyline.clean.metadata import DATE_FORMS, clean_date_line, parse_date_line

    rng = random.Random(6)
    words = ["Published", "Updated:", "on", "Monday,", "May", "June", "Sept.", "of", "GENEVA,", "Kyiv",
             "(Ukraine)", "–", "|", "at", "pm", "GMT", "first", "published", "the", "•"]
    for _ in range(3000):
        line = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 7)))
        cleaned, _ = clean_date_line(line)
        assert not any(form.fullmatch(cleaned) for form in DATE_FORMS), line
        assert parse_date_line(line) is None
    assert parse_date_line("Monday, May 6, 2024").value == "2024-05-06"


def test_a_dotted_time_counts_only_with_its_zone_or_am_pm():
    from storyline.clean.metadata import parse_date_line
    assert parse_date_line("Wed 26 Feb 2025 06.00 GMT").value == "2025-02-26"
    assert parse_date_line("Published 12 May 2020, 8.10pm").value == "2020-05-12"
    assert parse_date_line("3 March 2024 12.50 euros") is None
    assert parse_date_line("26 Feb 2025 06.00") is None


def test_full_dates_are_read_in_each_language_with_dateparsers_month_names():
    assert metadata.full_date_in_language("12 марта 2025, 14:30", "ru") == "2025-03-12"
    assert metadata.full_date_in_language("Madrid, 3 de mayo de 2024.", "es") == "2024-05-03"
    assert metadata.full_date_in_language("5 березня 2023 року", "uk") == "2023-03-05"
    assert metadata.full_date_in_language("31 февраля 2024", "ru") is None  # no such day
    assert metadata.full_date_in_language("12 марта", "ru") is None  # no year: not a publication date
