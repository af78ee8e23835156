"""Quote classes of issue 17 (quotes16), each on a passage written for this test: an article that opens with a
paragraph that is only a quoted sentence names its speaker in the next paragraph's first sentence; a headline
quote with no full stop, a sign's words and a quote after another quote are not taken by that route.

Both the rules and the shipped ranker are checked where both should hold.
"""
from __future__ import annotations

import pytest

from tests.extract.test_quotes_attribution import analyse, speaker_of

BOTH = pytest.mark.parametrize("ranked", [False, True])


@BOTH
@pytest.mark.parametrize("second", [
    "The warning came from Ottilie Brandt, who chairs the harbour trust, at a meeting in Kiel on Monday.",
    "For Ottilie Brandt, who chairs the harbour trust, the sentence sums up ten years of delays.",
    "Harbour trust chair Ottilie Brandt was speaking at a meeting in Kiel on Monday.",
])
def test_a_quoted_lede_takes_the_first_person_of_the_next_paragraph(ranked, second):
    text = ("“If the dredging does not start this winter, the ferries will stop by spring.”\n"
            f"{second}\n"
            "The port authority said a contract would be signed in January.")
    assert "Ottilie Brandt" in (speaker_of(analyse(text, ranked), "dredging") or "")


def test_a_quoted_lede_with_no_person_after_it_has_no_speaker():
    text = ("“Closed for the season.”\n"
            "The sign has hung on the door of the Lindenhof café since October. Its owners moved to Spain.")
    assert speaker_of(analyse(text, False), "Closed for the season") is None


def test_a_headline_quote_without_a_full_stop_is_not_a_quoted_lede():
    # a headline's words end without a full stop inside the mark: the headline pass decides, not this route
    text = ("“Not one more cent”\n"
            "Finance minister Rafael Quiroga presented the budget on Tuesday. Unions called it a betrayal.\n"
            "“We have spent what we had,” a treasury official said.")
    results = analyse(text, False)
    assert speaker_of(results, "Not one more cent") != "Rafael Quiroga"


def test_a_quote_paragraph_after_another_quote_is_not_a_lede():
    # only the article's opening paragraph is read this way; later quote paragraphs carry or switch speakers
    text = ("Ines Faria opened the bakery in 1994.\n"
            "“Flour was cheap then,” she said.\n"
            "“Nobody thought we would last a year.”\n"
            "Her nephew, Duarte Faria, runs the ovens now.")
    assert speaker_of(analyse(text, False), "last a year") != "Duarte Faria"
