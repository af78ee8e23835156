"""Quote classes of issue 17 (quotes19), each on a passage written for this test: a quote inside a quote that a cue
inside the outer quote introduces is its own speaker's (a "he" named before, a described "my teacher" or "my
landlord", or the outer speaker for an "I"); a scare quote inside speech is no quote of its own.
"""
from __future__ import annotations

import re

import pytest

from storyline.extract.quotes import find_quotes
from storyline.model import Block, Document
from storyline.nlp.pipeline import parse
from storyline.resolve import resolve_document
from tests.extract.test_quotes_attribution import SETTINGS, analyse


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


# Each case: the text, a phrase of the inner quote, how the inner quote starts, a word of its speaker.
PERSON_CASES = {
    "an inner quote after a lower-case description is that person's": (
        "Joseph Mensah came to Glasgow twenty years ago. He now runs three restaurants in the city.\n"
        "“The day I arrived, my landlord looked at my bags and said, ‘Six months.’” Mensah laughed.",
        "Six months", "Six months.", "landlord"),
    "a he inside a quote is the person the sentence before describes": (
        "The harbour master, Oona Byrne, said a trawler skipper had radioed her at dawn on Sunday.\n"
        "“He said, ‘We are taking on water,’ and then the line went dead,” Byrne said.",
        "taking on water", "We are taking on water", "skipper"),
    "a she inside a quote skips the outer speaker and the man beside her": (
        "Priya Nair, 34, said her mother and her brother were waiting at the station when the floods came.\n"
        "“She called me, then she said, ‘Come home now,’” Nair said.",
        "Come home now", "Come home now", "mother"),
    "a she inside a quote is the person the outer quote itself describes": (
        "The power cut reached Ikeja just after midnight.\n"
        "“I rang my aunt in the next street. She said, ‘Bring candles, we have none,’” said Tunde Bakare.",
        "Bring candles", "Bring candles", "aunt"),
}


@pytest.mark.parametrize("case", list(PERSON_CASES))
def test_an_inner_quotes_speaker_is_the_person_its_pronoun_or_description_points_to(case):
    text, needle, starts, speaker_word = PERSON_CASES[case]
    inner, speaker = quote(analyse(text), needle)
    assert inner.startswith(starts)
    assert speaker_word in (speaker or "")


TRANSCRIPT = ("Boatbuilder Rafael Ibarra, 71, talks about the yard his family has run since 1932.\n"
              "Q: Who taught you the trade?\n"
              "IBARRA: My uncle taught me. He once told me, “Never sell the first boat you build.” I never did.\n"
              "Q: And the hull you are working on now?\n"
              "IBARRA: We call that one “the stubborn one” because it fights every plank.")


def test_a_quote_inside_a_transcripts_answer_is_its_own_speakers():
    results = analyse(TRANSCRIPT)
    inner, speaker = quote(results, "Never sell the first boat")
    assert inner.startswith("Never sell the first boat")
    assert "uncle" in (speaker or "")
    assert "Ibarra" in (quote(results, "My uncle taught me")[1] or "")


def test_a_term_inside_a_transcripts_answer_is_no_quote_of_its_own():
    results = analyse(TRANSCRIPT)
    assert not [t for t, _ in results if t.startswith("the stubborn one")]


def test_a_they_inside_a_quote_is_the_body_named_before_and_a_lone_they_no_one():
    text = ("Farmers in the valley remember when the mining firm first came, in 2019.\n"
            "“They told us, ‘There will be jobs for everyone,’” said Ana Quispe, who grows potatoes there.")
    inner, speaker = quote(analyse(text), "jobs for everyone")
    assert inner.startswith("There will be jobs")
    assert "firm" in (speaker or "")
    alone = "“They told us, ‘There will be jobs for everyone,’” said Ana Quispe, who grows potatoes in the valley."
    inner, speaker = quote(analyse(alone), "jobs for everyone")
    assert inner.startswith("There will be jobs")
    assert speaker is None


def test_a_described_person_the_text_names_later_is_that_named_person():
    text = ("The retired judge Carmen Oyarzún recalled the first time she met the cartel's bookkeeper, in 1994.\n"
            "“He told me, ‘You will never convict anyone in this city,’” Oyarzún said.\n"
            "The bookkeeper, Anselmo Varga, later testified against his former bosses.")
    inner, speaker = quote(analyse(text), "never convict anyone")
    assert inner.startswith("You will never convict")
    assert speaker == "Anselmo Varga"


# review28b: edge cases of the nested-quote rule, on passages written for them


def _result(text: str):
    """The whole quote result (quotes, mentions, entities) of ``text``, paragraphs its lines."""
    blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    doc = Document(id="t", source="t.txt", raw=text, blocks=blocks)
    parsed = parse(doc, SETTINGS)
    mentions, entities = resolve_document(doc, parsed, SETTINGS)
    return find_quotes(doc, parsed, mentions, entities, SETTINGS)


def test_a_he_after_one_of_a_group_is_the_whole_partitive_phrase_at_its_raw_offsets():
    text = ("Dock worker Amara Sesay was on the night shift at the container port in March.\n"
            "“One of the guards stopped the line. He shouted, ‘Everyone off the quay,’” Sesay said.")
    result = _result(text)
    inner = next(q for q in result.quotes if q.text.startswith("Everyone off the quay"))
    assert text[inner.start:inner.end] == inner.text
    spans = [(m.start, m.end) for m in result.mentions if m.entity == inner.speaker]
    assert spans and all(text[s:e] == "One of the guards" for s, e in spans)


def test_a_single_marked_quote_in_an_answer_where_the_text_keeps_double_marks_is_its_own_speakers():
    # the lede's “…” keeps the text's single marks as they are: the answer's inner quote takes single marks
    text = ("Ferry operator Grace Okafor, 58, spoke to us about her family and the “new harbour” plan.\n"
            "Q: What did your father say about money?\n"
            "OKAFOR: My father told me, ‘Never borrow money from friends.’ I never have.\n"
            "Q: And the harbour?\n"
            "OKAFOR: I still think it is a mistake.")
    results = analyse(text)
    inner, speaker = quote(results, "Never borrow money")
    assert inner.startswith("Never borrow money from friends")
    assert "father" in (speaker or "")
    assert "Okafor" in (quote(results, "My father told me")[1] or "")


def test_each_he_and_she_in_one_long_outer_quote_is_the_nearest_person_before_it():
    filler = " ".join(f"On day {n} the water rose again and we moved the beds upstairs." for n in range(2, 12))
    text = ("Shopkeeper Ines Carvalho lived through the flood in the old town of Tavira.\n"
            f"“A fisherman came to the door on the first day. {filler} Then the landlord came by. "
            "He said, ‘Pay or go.’ Later my neighbour knocked. She said, ‘Come and sleep at ours,’” "
            "Carvalho said.")
    results = analyse(text)
    assert "landlord" in (quote(results, "Pay or go")[1] or "")
    assert "neighbour" in (quote(results, "Come and sleep at ours")[1] or "")


def test_an_inner_quote_at_the_very_start_of_the_outer_quote_stays_in_it():
    # no cue before the inner mark inside the outer quote: nothing says whose words they are, so no quote of its own
    text = ("Nurse Efua Mensah recalled the ward during the power cut in March.\n"
            "“‘Leave the lights on,’ the doctor said, and we did for three nights,” Mensah said.")
    results = analyse(text)
    assert not [t for t, _ in results if t.startswith("Leave the lights on")]
    assert "Mensah" in (quote(results, "for three nights")[1] or "")


def test_an_unclosed_inner_mark_makes_no_quote_and_keeps_the_outer_one_whole():
    text = ("Council member Ruth Adeyemi spoke after the school inspection on Tuesday.\n"
            "“The inspector warned me, ‘This roof will not last the winter. I said it would hold,” Adeyemi said.")
    results = analyse(text)
    assert not [t for t, _ in results if t.startswith("This roof")]
    outer, speaker = quote(results, "I said it would hold")
    assert outer.startswith("The inspector warned me")
    assert speaker == "Ruth Adeyemi"


def test_a_she_with_only_men_before_is_none_of_them_and_a_lone_he_no_one():
    text = ("Coach Martin Greaves and his assistant Paul Diaz watched from the stand.\n"
            "“She told me, ‘Sit down and stop shouting,’” Greaves said.")
    speaker = quote(analyse(text), "Sit down and stop")[1]
    assert speaker not in ("Martin Greaves", "Paul Diaz")
    alone = "“He said, ‘Shut the gate behind you,’ and walked off,” a neighbour recalled."
    inner, speaker = quote(analyse(alone), "Shut the gate")
    assert inner.startswith("Shut the gate")
    assert speaker is None


def test_a_quote_three_levels_deep_keeps_the_outer_quote_whole_and_the_middle_one_its_speaker():
    text = ("The retired judge Miriam Osei spoke at the bar association dinner on Thursday.\n"
            "“When I started, my mentor told me, ‘A client who says “trust me” is a client who will not pay,’ "
            "and I laughed at him,” Osei said. “He was right.”")
    results = analyse(text, True)
    outer = [(t, name) for t, name in results if t.startswith("When I started")]
    assert outer and "and I laughed at him" in outer[0][0]
    assert "Osei" in (outer[0][1] or "")
    inner, speaker = quote(results, "will not pay")
    assert inner.startswith("A client who says")
    assert speaker is not None and "mentor" in speaker
