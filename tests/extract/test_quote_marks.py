"""Quote-mark scanning, seen through ``extract_quotes`` on hand-made parses (no spaCy model).

Which marks open and close a quote (curly, straight, guillemets either way round), quotes that run
over paragraphs or lose their opener, and marked spans that are not speech (scare quotes, titles).
"""
from __future__ import annotations

from storyline.config import Settings
from storyline.extract.quote_marks import CLOSERS, OPENERS
from storyline.extract.quotes import extract_quotes
from storyline.model import Quote
from tests.handmade import entities_of, make_document, make_parsed, mention

RENHOLT = ("Ilka Renholt", "PERSON", "e1")
VARGA = ("Otto Varga", "PERSON", "e2")


def quotes_of(text: str, *people: tuple[str, str, str]) -> list[Quote]:
    """The quotes of ``text`` (one block per line), each person mentioned at every occurrence."""
    doc = make_document(text)
    mentions = [mention(doc, name, type_, eid, n) for name, type_, eid in people
                for n in range(text.count(name))]
    entities = entities_of(mentions, {eid: (name, type_) for name, type_, eid in people})
    return extract_quotes(doc, make_parsed(doc), mentions, entities, Settings())


def test_curly_quotes_give_the_content_between_the_marks():
    text = "“The harbour will reopen next week,” Ilka Renholt said on Tuesday."
    [q] = quotes_of(text, RENHOLT)
    assert (q.start, q.speaker, q.direct) == (1, "e1", True)
    assert q.text.rstrip(",") == "The harbour will reopen next week"
    assert q.text == text[q.start:q.end] and q.id == "t1/q1" and q.doc == "t1"


def test_straight_quotes_open_and_close_by_the_spaces_around_them():
    text = '"Nobody expected the lock gates to fail so soon," said Ilka Renholt.'
    [q] = quotes_of(text, RENHOLT)
    assert (q.start, q.speaker) == (1, "e1")
    assert q.text.rstrip(",") == "Nobody expected the lock gates to fail so soon"


def test_reversed_guillemets_open_with_the_right_pointing_mark():
    assert "«" in OPENERS and "»" in CLOSERS
    text = "»Wir schliessen die Schleuse morgen früh um sechs Uhr«, sagte der Sprecher."
    [q] = quotes_of(text)
    assert q.text == "Wir schliessen die Schleuse morgen früh um sechs Uhr" and q.start == 1
    assert q.speaker is None         # "sagte" is no English cue: kept as an anonymous long quote


def test_a_quote_running_into_the_next_paragraph_is_one_quote():
    text = ("«The river has never been this high in living memory, and the dykes are old.\n"
            "“Of course we will rebuild them. We have no other choice now,” said Ilka Renholt.")
    [q] = quotes_of(text, RENHOLT)
    assert q.start == 1 and q.text.startswith("The river has never") and "no other choice now" in q.text
    assert "\n" in q.text and q.speaker == "e1"


def test_an_unclosed_quote_ends_with_its_paragraph():
    text = ("Ilka Renholt visited the dock. "
            "“The repairs are only the first step of a long recovery plan for the town\n"
            "Otto Varga left early.")
    [q] = quotes_of(text, RENHOLT, VARGA)
    assert (q.start, q.end) == (text.index("The repairs"), text.index("\n"))
    assert "Varga" not in q.text


def test_a_closer_without_opener_quotes_from_its_sentence_start():
    text = "Ilka Renholt visited the dock. The repairs are only the first step of a long plan,” she said."
    [q] = quotes_of(text, RENHOLT)
    assert q.start == text.index("The repairs")        # not the paragraph start
    assert q.text.rstrip(",") == "The repairs are only the first step of a long plan" and q.speaker == "e1"


def test_two_quotes_around_one_attribution_are_both_the_speakers():
    text = "“The locks are old,” Ilka Renholt said on Monday. “We will replace all of them by May.”"
    first, second = quotes_of(text, RENHOLT)
    assert first.text.rstrip(",") == "The locks are old"
    assert (second.text, second.start) == ("We will replace all of them by May.", text.index("We will"))
    assert first.speaker == second.speaker == "e1"


def test_a_short_scare_quote_is_not_a_quote():
    assert quotes_of("Fishermen called the new quota plan a “disaster” on Monday.") == []


def test_a_quoted_title_is_not_speech():
    text = "The board published a report titled “New Rules For Inland Shipping Lanes And Ports” today."
    assert quotes_of(text) == []


def test_a_long_unattributed_quote_is_kept_without_a_speaker():
    text = ("Ilka Renholt arrived. "
            "A sign read “no ship may pass the lower lock before the water falls again” today.")
    [q] = quotes_of(text, RENHOLT)
    assert q.text == "no ship may pass the lower lock before the water falls again" and q.speaker is None


def test_single_marks_quote_when_the_text_has_no_double_marks():
    text = ("The council leader called the closure 'a quiet betrayal of the valley' on Monday.\n"
            "'People here don't drive. The bus is how they get to Renholt's clinic,' Ilka Renholt said.")
    speech = quotes_of(text, RENHOLT)[-1]
    assert speech.text == "People here don't drive. The bus is how they get to Renholt's clinic,"
    assert speech.speaker == "e1" and speech.text == text[speech.start:speech.end]


def test_single_marks_stay_apostrophes_beside_double_marks_and_inside_words():
    from storyline.extract.quote_marks import single_marks_as_double

    inner = "“He said, ‘Wait here,’ and left,” Otto Varga said."
    assert single_marks_as_double(inner) == inner
    plain = "The farmers' market opens at the growers' hall; it's Varga's idea from the '90s."
    assert single_marks_as_double(plain) == plain
    british = "‘We will reopen,’ she said of the 'Harbour Fund'."
    assert single_marks_as_double(british) == "“We will reopen,” she said of the “Harbour Fund”."
    # no marked quote: the whole clause is reported speech ("…, X's staff said"), with no span between apostrophes
    assert [q.direct for q in quotes_of("The farmers' market in Varga's town is closing, Otto Varga's staff said.",
                                        VARGA)] == [False]


def test_a_quote_inside_a_quote_inside_a_quote_does_not_end_the_outer_one():
    # “… ‘… “…” …’ …”: the third level's marks are double again; its closer is not the outer quote's
    text = ("“My grandmother used to say, ‘When a man tells you “the cheque is in the post,” count your spoons,’ "
            "and she was never wrong,” Ilka Renholt said.")
    [q] = [q for q in quotes_of(text, RENHOLT) if "grandmother" in q.text]
    assert q.text.startswith("My grandmother used to say") and q.text.rstrip(",").endswith("she was never wrong")
    assert q.speaker == "e1"
    assert not [x for x in quotes_of(text, RENHOLT) if x.text.startswith("and she was never wrong")]


def test_a_double_quote_after_a_closed_single_one_is_the_outer_quotes_close():
    # the single quote closed before the double mark: the mark ends the outer quote as before
    text = "“We called it ‘the ghost run’ for years,” Ilka Renholt said. “Nobody rode it.”"
    quotes = quotes_of(text, RENHOLT)
    assert [q.text.rstrip(",.") for q in quotes] == ["We called it ‘the ghost run’ for years", "Nobody rode it"]
