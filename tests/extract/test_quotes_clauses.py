"""Reported clauses (quotes23), each on a passage written for this test: a second clause joined by "and that" is a
statement of its own; a clause that wraps a partial quote is kept beside it; a possessive description ("his
barrister said") is a speaker phrase."""
from __future__ import annotations

from tests.extract.test_quotes_attribution import analyse


def indirect(results, words: str) -> list[str]:
    return [text for text, _ in results if words in text]


def test_a_clause_joined_by_and_that_is_its_own_quote():
    text = ("The bakers' union met in Tampere on Monday.\n"
            "Its chair, Outi Rantanen, said the new rota was \"a disgrace\" and that members would refuse "
            "Sunday shifts from May.")
    results = analyse(text)
    first = indirect(results, "the new rota was")
    second = indirect(results, "members would refuse Sunday shifts")
    assert first and second
    assert not any("members would refuse" in t for t in first), first   # two quotes, not one
    assert any(t.startswith("a disgrace") for t, _ in results), results


def test_a_clause_that_wraps_a_partial_quote_is_kept_beside_it():
    text = ("Flooding closed the coast road near Nelson on Tuesday.\n"
            "The mayor, Hana Ruatapu, said the repairs were \"long overdue\" and would start within a week.")
    results = analyse(text)
    assert any(t.startswith("long overdue") for t, _ in results), results
    wrapping = [t for t, _ in results if "the repairs were" in t]
    assert wrapping and "long overdue" in wrapping[0], results


def test_a_possessive_description_speaks_a_reported_clause():
    text = ("A man who set fire to a delivery van in Leeds was jailed on Friday.\n"
            "In mitigation, his barrister said he had been sleeping rough since losing his flat.")
    results = analyse(text)
    hits = [(t, n) for t, n in results if "sleeping rough" in t]
    assert hits, results
