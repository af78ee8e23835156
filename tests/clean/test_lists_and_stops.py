"""Issue 15, session 21: a Myanmar or Khmer paragraph ends its sentences with its own script's full stop ("။", "។"),
and a list the story introduces with a sentence ending in ":" between two of its paragraphs is the story's, whatever
its rows look like (names alone), while a run of links at the page's foot is still furniture.

The articles are invented for these tests.
"""
from __future__ import annotations

from storyline.clean import clean_document
from storyline.clean.line_model import JudgedLine, sentence_like, strong_prose
from storyline.clean.lines import sentence_ends
from storyline.config import Settings
from storyline.model import Document

BURMESE = "ရွာ၏ မြောက်ဘက်တွင် ရေကန်သစ်ကို တူးဖော်ပြီးစီးခဲ့သည်။ ရေကန်သည် မိုးရာသီ ရေကို သိုလှောင်နိုင်သည်။"
KHMER = "សាលាឃុំបានជួសជុលផ្លូវទៅផ្សារកាលពីសប្តាហ៍មុន។ អ្នកលក់ត្រីនិយាយថា ឥឡូវនេះពួកគេអាចដឹកទំនិញបានលឿនជាងមុន។"


def _body(text: str) -> JudgedLine:
    return JudgedLine(text=text, raw=text, label="body", reason="")


def test_myanmar_and_khmer_sentences_end_with_their_own_full_stops():
    assert sentence_ends(BURMESE) == 2
    assert sentence_ends(KHMER) == 2
    for text in (BURMESE, KHMER):
        assert sentence_like(text), text
    # a Myanmar paragraph spaces its phrases: it is prose by its stops and its length
    assert strong_prose(_body(BURMESE))
    assert not strong_prose(_body("မျှဝေပါ"))  # "share", alone on its line


def _cleaned(raw: str) -> Document:
    return clean_document(Document(id="t", source="t.txt", raw=raw), Settings(clean_lines="rules"))


LIST_PAGE = """Fenbridge Courier
Floods: which roads are closed this morning?
4 February 2026

Overnight rain has closed roads across the lower valley, and the county council has asked drivers to avoid the area
until the water goes down.
The roads closed this morning:
Mill Lane, Tarrow
Station Approach
Ferry Road, Lower Haddon
The B4417 at Cotton Bridge
Open with care:
Church Hill, Haddon
The council said its crews had been out since 4am and that more rain was expected on Thursday afternoon.
Drivers who get stuck in floodwater should stay in their car and call 999.
Most read
Council tax bills
Bin collections
"""


def test_a_list_the_story_introduces_with_a_colon_is_kept():
    text = _cleaned(LIST_PAGE).text
    for row in ("The roads closed this morning:", "Mill Lane, Tarrow", "Station Approach", "Ferry Road, Lower Haddon",
                "The B4417 at Cotton Bridge", "Open with care:", "Church Hill, Haddon"):
        assert row in text, row
    assert "Bin collections" not in text and "Most read" not in text


def test_a_rail_of_links_under_a_short_label_is_not_a_list_of_the_story():
    # "Related:" is a menu's label, not the story's sentence: the run between the paragraphs is not kept for it
    raw = LIST_PAGE.replace("The roads closed this morning:", "Related:")
    assert "Related:" not in _cleaned(raw).text
