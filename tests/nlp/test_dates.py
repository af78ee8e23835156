"""resolve_date: explicit, month-only, relative and year-less dates, with their precision."""
from __future__ import annotations

import datetime

import pytest

from storyline.nlp.dates import anaphoric_days, parse_base, resolve_date, years_in

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


def test_a_weekend_is_its_month_or_its_year():
    # BASE is Wednesday 15 March 2023: the weekend before it is 11-12 March, the next one 18-19 March
    assert resolve_date("at the weekend", BASE) == ("2023-03", "month")
    assert resolve_date("next weekend", BASE) == ("2023-03", "month")
    # Saturday 29 April and Sunday 30 April sit in one month; 30 September 2023 and 1 October do not
    assert resolve_date("over the weekend", datetime.date(2023, 5, 3)) == ("2023-04", "month")
    assert resolve_date("last weekend", datetime.date(2023, 10, 4)) == ("2023", "year")
    assert resolve_date("the weekend", BASE, base_precision="month") == (None, None)


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


@pytest.mark.parametrize("text, base, want", [
    ("a week ago", BASE, ("2023-03-08", "day")),                           # the same weekday, a week back
    ("two weeks ago", BASE, ("2023-03-01", "day")),
    ("this week", BASE, ("2023-03", "month")),                             # 13-19 March: inside March
    ("earlier this week", BASE, ("2023-03", "month")),
    ("last week", datetime.date(2023, 3, 2), ("2023-02", "month")),        # 20-26 February
    ("this week", datetime.date(2023, 3, 1), ("2023", "year")),            # 27 Feb - 5 Mar straddles two months
    ("next week", datetime.date(2023, 12, 28), ("2024-01", "month")),      # 1-7 January 2024
    ("last week", datetime.date(2025, 1, 8), (None, None)),                # 30 Dec 2024 - 5 Jan 2025
])
def test_weeks_resolve_to_the_finest_calendar_unit_holding_them(text, base, want):
    assert resolve_date(text, base) == want


def test_weeks_need_a_day_precise_base():
    assert resolve_date("a week ago", BASE, base_precision="month") == (None, None)
    assert resolve_date("this week", BASE, base_precision="month") == (None, None)


@pytest.mark.parametrize("text,days", [
    ("A day earlier", -1), ("two days earlier", -2), ("a week earlier", -7), ("three weeks later", 21),
    ("the previous day", -1), ("on the following day", 1), ("the next morning", 1), ("the day before", -1),
    ("the same day", 0), ("later that day", 0), ("10 days after", 10),
])
def test_anaphoric_days_count_from_the_time_said_before(text, days):
    assert anaphoric_days(text) == days
    # the publication day is no anchor for them
    assert resolve_date(text, datetime.date(2026, 3, 12)) == (None, None)


@pytest.mark.parametrize("text", ["the day before yesterday", "last week", "Monday", "two days ago", "earlier"])
def test_other_times_are_not_anaphoric(text):
    assert anaphoric_days(text) is None
