"""Quote classes of issue 17 (quotes19), each on a passage written for this test: a quote inside a quote that a cue
inside the outer quote introduces is its own speaker's (a "he" named before, a described "my teacher" or "my
landlord", or the outer speaker for an "I"); a scare quote inside speech is no quote of its own.
"""
from __future__ import annotations

from tests.extract.test_quotes_attribution import analyse


def quote(results, words: str) -> tuple[str, str | None]:
    """The innermost quote that holds ``words``."""
    hits = [(text, name) for text, name in results if words in text]
    assert hits, f"no quote holds {words!r}: {[t for t, _ in results]}"
    return min(hits, key=lambda h: len(h[0]))


def test_a_quote_a_he_speaks_inside_a_quote_is_the_he_named_before():
    text = ("The site foreman, Ivo Petrak, was sacked in March.\n"
            "“I asked about the cracks every week,” said Dana Kowal, a crane operator. "
            "“He said, ‘Concrete always cracks, just pour it.’”")
    results = analyse(text)
    inner, speaker = quote(results, "just pour it")
    assert inner.startswith("Concrete always cracks")
    assert speaker == "Ivo Petrak"
    assert quote(results, "He said")[1] == "Dana Kowal"


def test_an_inner_quote_after_i_told_is_the_outer_speaker():
    text = ("Marathon runner Tegla Cheruiyot won in Rotterdam on Sunday.\n"
            "“At 35 kilometres I told myself, ‘Run to the bridge, then decide,’” Cheruiyot said.")
    inner, speaker = quote(analyse(text, True), "Run to the bridge")
    assert inner.startswith("Run to the bridge")
    assert "Cheruiyot" in (speaker or "")


def test_an_inner_quote_after_a_described_subject_is_the_described_persons():
    text = ("The cellist Annika Solberg played her last concert in Bergen on Friday.\n"
            "“My first teacher told me, ‘Play the rest, not the notes,’” Solberg said. “I still do.”")
    inner, speaker = quote(analyse(text, True), "Play the rest")
    assert inner.startswith("Play the rest")
    assert speaker is not None and "teacher" in speaker


def test_a_scare_quote_inside_speech_is_not_a_quote_of_its_own():
    text = ("The ferry operator Kustlinjen cut its winter timetable on Monday.\n"
            "“We call the night boat ‘the ghost run’ because nobody is on it,” operations chief Lena Dahl said.")
    results = analyse(text)
    assert not [t for t, _ in results if t.startswith("the ghost run")]


def test_an_inner_quote_after_a_lower_case_description_is_that_persons():
    text = ("Joseph Mensah came to Glasgow twenty years ago. He now runs three restaurants in the city.\n"
            "“The day I arrived, my landlord looked at my bags and said, ‘Six months.’” Mensah laughed.")
    results = analyse(text)
    inner, speaker = quote(results, "Six months")
    assert inner == "Six months."
    assert "landlord" in (speaker or "")
