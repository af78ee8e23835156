"""resolve_date: explicit, month-only, relative and year-less dates, with their precision."""
from __future__ import annotations

import datetime

import pytest

from storyline.nlp.dates import parse_base, resolve_date, years_in

BASE = datetime.date(2023, 3, 15)  # a Wednesday


@pytest.mark.parametrize("text, want", [
    ("on June 17", ("2022-06-17", "day")),          # after the base date: last year's June
    ("On March 3", ("2023-03-03", "day")),
    ("In May", ("2022-05", "month")),               # a month alone keeps month precision
    ("February 24, 2022", ("2022-02-24", "day")),
    ("17 June 2021", ("2021-06-17", "day")),
    ("in 2019", ("2019", "year")),
    ("yesterday", ("2023-03-14", "day")),
    ("last Wednesday", ("2023-03-08", "day")),
    ("this Monday", ("2023-03-13", "day")),
    ("on Sunday", ("2023-03-12", "day")),
    ("two days ago", ("2023-03-13", "day")),
    ("last month", ("2023-02", "month")),
    ("last year", ("2022", "year")),
    ("last summer", ("2022", "year")),
])
def test_resolves_against_publication_date(text, want):
    assert resolve_date(text, BASE) == want


@pytest.mark.parametrize("text", ["recent years", "the 30th anniversary", "decades", "now", ""])
def test_vague_expressions_give_no_date(text):
    assert resolve_date(text, BASE) == (None, None)


def test_relative_date_needs_a_real_base():
    assert resolve_date("yesterday", None) == (None, None)
    assert resolve_date("last Wednesday", BASE, base_precision="uncertain") == (None, None)
    assert resolve_date("yesterday", datetime.date(2022, 12, 31), base_precision="year") == (None, None)


def test_missing_year_comes_from_a_year_base():
    assert resolve_date("on June 17", datetime.date(2021, 12, 31), base_precision="year") == ("2021-06-17", "day")
    assert resolve_date("on June 17", None) == (None, None)


def test_parse_base_and_years():
    assert parse_base("2022-07-26", None) == (datetime.date(2022, 7, 26), "day")
    assert parse_base(None, None) == (None, None)
    assert years_in("in 2014 and again in 2022, not 24") == [2014, 2022]


@pytest.mark.parametrize("text, expected", [
    ("on the 15th", ("2022-07-15", "day")),   # an ordinal day left to dateparser, in the past
    ("60-day", (None, None)),                 # a length of time, not a date
    ("3 weeks", (None, None)),
])
def test_fallback_names_days_but_not_durations(text, expected):
    assert resolve_date(text, datetime.date(2022, 7, 26)) == expected
