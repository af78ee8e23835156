"""Quote classes of issue 17 (quotes7), each on a passage written for this test: a partial quote after a cue
verb, a speaker named in the sentence after the quote, a name and a colon with no verb, a long apposition chain
the parser leaves the cue without a subject for, "said in a statement that …", a cue-less quote after a sentence
whose subject is a person, and "he"/"she" with a place nearby.

Both the rules and the shipped ranker are checked where both should hold.
"""
from __future__ import annotations

import pytest

from tests.extract.test_quotes_attribution import analyse, speaker_of

BOTH = pytest.mark.parametrize("ranked", [False, True])


def _found(results, words: str) -> bool:
    return any(words in text for text, _ in results)


@BOTH
def test_partial_quote_after_a_cue_in_its_sentence(ranked):
    results = analyse("Kestrel Foods said in a filing on Monday that it “regrets the delay” and would refund "
                      "customers.", ranked)
    assert _found(results, "regrets the delay")


@BOTH
@pytest.mark.parametrize("after", ["That was the verdict of Tobias Wren, a pensioner who has lived there since "
                                   "1960.",
                                   "So says Tobias Wren, a pensioner who has lived there since 1960."])
def test_speaker_named_in_the_next_sentence(ranked, after):
    results = analyse(f"“The square was better before they paved it.” {after}", ranked)
    assert "Tobias Wren" in (speaker_of(results, "paved it") or "")


@BOTH
def test_name_and_colon_without_a_verb(ranked):
    results = analyse("The reviews came in overnight.\n"
                      "Critic Hanne Solberg: “Too long by an hour.”", ranked)
    assert "Hanne Solberg" in (speaker_of(results, "Too long") or "")


@BOTH
def test_apposition_chain_before_the_cue(ranked):
    results = analyse("Ewa Brzezinska, a professor of hydrology at the university in Lodz who chaired the flood "
                      "inquiry and now advises the regional government, said the dykes were “a disaster "
                      "waiting to happen”.", ranked)
    assert "Ewa Brzezinska" in (speaker_of(results, "disaster") or "")


def test_statement_that_clause_is_reported_speech():
    results = analyse("The port operator, Baltica Terminals, said in a statement that all 120 dockers would "
                      "keep their jobs.", False)
    assert _found(results, "120 dockers would keep their jobs")


@BOTH
def test_quote_after_a_sentence_whose_subject_is_a_person(ranked):
    results = analyse("Marta Olsen has run the ferry for thirty years. Her brother, Nils Olsen, keeps the "
                      "books.\n"
                      "Nils Olsen shook his head. “We lose money every winter.”", ranked)
    assert "Nils Olsen" in (speaker_of(results, "every winter") or "")


def test_he_is_never_a_place():
    results = analyse("Finance minister Rodrigo Alves wrote on X that the floods in southern Germany had cost "
                      "billions. “The state will rebuild every bridge,” he wrote.", True)
    assert speaker_of(results, "every bridge") == "Rodrigo Alves"
