"""Body lines that cleaning used to lose: each rule needs positive evidence of furniture (issue 15).

The articles are invented for these tests.
"""
from __future__ import annotations

from storyline.clean import LineStats, clean_document
from storyline.clean.inline import find_glued_label
from storyline.clean.lexicon import load_lexicon
from storyline.config import Settings
from storyline.model import Document

LEX = load_lexicon()


def _clean(raw: str, stats: LineStats | None = None) -> Document:
    return clean_document(Document(id="t", source="t.txt", raw=raw), Settings(), stats)


def test_a_capital_inside_a_brand_name_is_no_glued_teaser():
    for text in ("zPay shares rose 6 per cent after the quarterly results were published.",
                 "Shares in BlackRidge rose after the quarterly results were published on Friday.",
                 "The new DoorStep depot opened in Harlow on Monday with 300 staff.",
                 "Analysts said iPhone demand in the region had recovered by the spring."):
        assert find_glued_label(text, LEX) == [], text


def test_a_glued_label_with_a_furniture_word_or_a_counter_is_still_cut():
    text = "Watch the report7Marta Olsen, a hydrologist, said the river is falling fast."
    assert [text[s:e] for s, e, _ in find_glued_label(text, LEX)] == ["Watch the report7"]
    text = "Photo gallery 12Rescue teams reached the village before dawn on Sunday."
    assert [text[s:e] for s, e, _ in find_glued_label(text, LEX)] == ["Photo gallery 12"]


def test_a_sentence_several_outlets_carry_is_wire_copy_not_boilerplate():
    shared = "The ministry said the cut was final."
    docs = [Document(id=f"w{i}", source=f"w{i}.txt",
                     raw=f"Fishing quota cut\n\nBoats in port {i} stayed in harbour on Monday as crews met."
                         f"\n\n{shared}\n\nSkippers in town {i} said the cut would cost them dearly this winter.")
            for i in range(4)]
    stats = LineStats.from_documents(docs)
    for d in docs:
        assert shared in clean_document(d, Settings(), stats).text


def test_a_short_sentence_between_furniture_is_kept_when_it_is_prose():
    doc = _clean("Bus overturns on ring road\n\nA bus carrying 30 passengers overturned on the ring road on "
                 "Tuesday morning after skidding on ice, police said.\n\nNo one was hurt .\n\nShare this article")
    assert "No one was hurt ." in doc.text
    assert "Share this article" not in doc.text


def test_a_quote_closing_after_a_space_ends_its_sentence():
    doc = _clean("Inspectors visit the dam\n\nEngineers inspected the spillway on Friday after heavy rain raised "
                 "the reservoir to a record level.\n\n\" It is too early to say . \"\n\nRelated: Dam repairs begin")
    assert "It is too early to say" in doc.text


def test_rows_of_a_flattened_table_beside_the_body_are_kept():
    raw = ("Catch limits for next season\n\nThe fisheries board published next year's limits on Thursday. "
           "Most stocks face cuts after a poor survey.\n\nCod 311,000 -4%\nHaddock 98,500 +2%\nPlaice 41,200 -11%\n\n"
           "The board said the limits follow the scientists' advice in full.")
    doc = _clean(raw)
    for row in ("Cod 311,000 -4%", "Haddock 98,500 +2%", "Plaice 41,200 -11%"):
        assert row in doc.text


def test_a_line_ending_in_a_comma_is_kept_with_the_body_it_follows():
    raw = ("Council approves budget\n\nThe council approved the budget late on Wednesday after a long debate "
           "about school funding and road repairs in the east of the town.\n\nTalks on the bus lanes will go on,\n\n"
           "Share this article")
    doc = _clean(raw)
    assert "Talks on the bus lanes will go on," in doc.text and "Share this article" not in doc.text


def test_a_full_date_in_the_headline_is_the_publication_date():
    doc = _clean("Weekly digest, March 4, 2021\n\nThe regional assembly met three times this week and passed "
                 "two bills on water charges and school meals.\n\nIt returns on Monday.")
    assert (doc.published, doc.published_precision) == ("2021-03-04", "day")


def test_a_month_in_the_headline_is_what_the_story_is_about_not_a_date():
    doc = _clean("Prices jumped in May 2021\n\nConsumer prices rose faster than at any time in a decade, the "
                 "statistics office said on Thursday in its monthly report.")
    assert doc.published is None


def test_a_headline_ending_in_an_exclamation_mark_is_the_title():
    doc = _clean("Storm closes every school and every road in the county tonight!\n\n"
                 "All 140 schools in the county stayed shut on Friday"
                 " as the storm brought down trees and power lines across the hills.")
    assert doc.title == "Storm closes every school and every road in the county tonight!"
    assert "Storm closes" not in doc.text


def test_tokenised_urls_and_date_lines_are_recognised_but_left_as_written():
    raw = ("Ferry service resumes\n\n13: 38 , 4 March 2021\n\nThe island ferry resumed sailings on Thursday "
           "after a week of gales , the operator said .\n\nhttp: / / ferries . example . org / timetable")
    doc = _clean(raw)
    assert doc.title == "Ferry service resumes" and doc.published == "2021-03-04"
    assert "http" not in doc.text
    # recognition closes up the spacing; the body keeps the raw text
    assert "after a week of gales , the operator said ." in doc.text
    assert any(r.reason == "url" for r in doc.removed)


def test_spaced_colons_before_and_after_are_recognised_too():
    # tokenisers space a colon on both sides as well ("13 : 38", "http : / /")
    raw = ("Ferry service resumes\n\n13 : 38 , 4 March 2021\n\nThe island ferry resumed sailings on Thursday "
           "after a week of gales , the operator said .\n\nhttp : / / ferries . example . org / timetable")
    doc = _clean(raw)
    assert (doc.published, doc.published_precision) == ("2021-03-04", "day")
    assert "http" not in doc.text and "13 : 38" not in doc.text
    assert [r.reason for r in doc.removed if "http" in r.text] == ["url"]


def test_a_full_date_in_the_first_line_below_no_title_dates_the_page():
    doc = _clean("Council notes , Tuesday 2 March 2021 , from the clerk's office\n\n"
                 "The regional assembly met three times this week and passed two bills on water charges.")
    assert (doc.published, doc.published_precision) == ("2021-03-02", "day")


SECTIONED_RESULTS = ("Harbour swim results\n\nMore than 300 swimmers crossed the harbour on Sunday in the annual race "
                     "for the lifeboat.\n\nWomen\n\n1 Ada Kerr (Pier SC) 21:04\n\n2 Lina Roos (Bay Tri) 21:40\n\n"
                     "Men\n\n1 Oskar Lind (Pier SC) 19:58\n\n2 Tom Reyes 20:31\n\nThe race raised £12,000 for the "
                     "lifeboat station, the organisers said.\n\nShare\n\nLive scores")


def test_figure_rows_under_short_sub_headings_between_paragraphs_are_body():
    # an ingredient list or results by category: each section's rows hold figures, the story is right above and below
    doc = _clean(SECTIONED_RESULTS)
    for row in ("1 Ada Kerr (Pier SC) 21:04", "2 Lina Roos (Bay Tri) 21:40", "1 Oskar Lind (Pier SC) 19:58",
                "2 Tom Reyes 20:31"):
        assert row in doc.text, row
    assert "Live scores" not in doc.text


def test_a_section_needs_two_rows_and_the_story_on_both_sides():
    raw = ("Harbour swim results\n\nMore than 300 swimmers crossed the harbour on Sunday in the annual race.\n\n"
           "Women\n\n1 Ada Kerr (Pier SC) 21:04\n\nMen\n\n1 Oskar Lind (Pier SC) 19:58\n\nThe race raised £12,000 "
           "for the lifeboat station, the organisers said.")
    doc = _clean(raw)
    # one row a section is not read as a sectioned list's rows (body); since session 28 the run of four short lines
    # between the two paragraphs is kept whole, as headings, where its first two lines were dropped as orphans
    # (tests/clean/test_runs_between_paragraphs.py)
    kinds = {doc.raw[b.start:b.end]: b.kind for b in doc.blocks}
    assert kinds.get("1 Ada Kerr (Pier SC) 21:04") == "heading"
    assert kinds.get("1 Oskar Lind (Pier SC) 19:58") == "heading"


def test_a_sentence_ending_in_a_danda_is_prose():
    raw = ("बाढ़ राहत शिविर\n\nज़िला प्रशासन ने बाढ़ से प्रभावित गांवों के लोगों के लिए छह राहत शिविर खोले हैं।\n\n"
           "शेयर करें\n\nकिसान ने बताया कि उनकी पूरी फ़सल पानी में डूब गई है।")
    doc = _clean(raw)
    assert "किसान ने बताया कि उनकी पूरी फ़सल पानी में डूब गई है।" in doc.text
