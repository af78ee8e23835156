"""find_quantities: money with currency, counts, distances, and what is not a quantity."""
from __future__ import annotations

import pytest

from storyline.nlp.quantities import find_quantities


@pytest.mark.parametrize("text, value, unit", [
    ("raised spending by 300 billion rubles", 3e11, "RUB"),
    ("a loan of $12.5 million was agreed", 1.25e7, "USD"),
    ("it sent €3bn in aid", 3e9, "EUR"),
    ("2,400 containers were held", 2400, "container"),
    ("a front line of 1.200 kilometres", 1200, "km"),
    ("three soldiers were hurt", 3, "soldier"),
    ("turnout was 61 percent", 61, "percent"),
])
def test_finds_value_and_unit(text, value, unit):
    got = find_quantities(text)
    assert len(got) == 1
    assert got[0].value == pytest.approx(value)
    assert got[0].unit == unit
    assert got[0].text in text


def test_vague_money_keeps_currency_without_value():
    (q,) = find_quantities("it spent several billion dollars")
    assert q.value is None and q.unit == "USD"


@pytest.mark.parametrize("text", ["On March 12 he spoke", "the 2024 election", "Channel 5 reported",
                                  "24 hours later", "several countries"])
def test_not_quantities(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, value, unit", [
    ("About 400,000 households lost power", 400000, "household"),   # a hedge is not a name
    ("Some 300 troops crossed", 300, "troop"),
    ("two hundred soldiers", 200, "soldier"),                          # "hundred" scales
])
def test_hedged_and_spelled_counts(text, value, unit):
    (q,) = find_quantities(text)
    assert (q.value, q.unit) == (value, unit)


def test_weekday_after_a_number_is_not_its_unit():
    assert find_quantities("The flow fell to 85 on Monday.") == []


@pytest.mark.parametrize("text, unit", [
    ("Poland sent 1,200 border guards", "guard"),     # a noun compound counts its head
    ("5 police officers were hurt", "officer"),
    ("12 news agencies", "agency"),
    ("3,000 farmers marched", "farmer"),             # a plural noun is already the head
])
def test_noun_compounds_count_their_head(text, unit):
    (q,) = find_quantities(text)
    assert q.unit == unit


def test_singular_of_units_and_nouns():
    """One rule for quantity units and stance amounts: "houses" is not "hous", "census" stays."""
    from storyline.nlp.quantities import singular

    assert [singular(w) for w in ["Families", "activists", "houses", "glasses", "boxes", "census", "gas", "dead"]] \
        == ["family", "activist", "house", "glass", "box", "census", "gas", "dead"]


def test_singular_of_nouns_in_us():
    """A noun in -us takes -es ("buses"), a noun in -use only an -s ("houses", "abuses")."""
    from storyline.nlp.quantities import singular

    assert [singular(w) for w in ["buses", "bonuses", "viruses", "campuses", "houses", "causes", "abuses", "nurses"]] \
        == ["bus", "bonus", "virus", "campus", "house", "cause", "abuse", "nurse"]
