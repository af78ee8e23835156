"""The boilerplate lexicon: line normalisation, compiled categories, button runs, and validation on load."""
from __future__ import annotations

import copy

import pytest
import yaml

from storyline.clean.lexicon import LEXICON_PATH, build_lexicon, load_lexicon, normalise_line

LEX = load_lexicon()


def shipped_data() -> dict:
    with open(LEXICON_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.mark.parametrize("line", ["Leave a reply", "LEAVE A REPLY:", "• Leave a Reply",
                                  "  leave   a reply ...  "])
def test_normalise_line_makes_one_form_of_every_spelling(line):
    assert normalise_line(line) == "leave a reply"


def test_normalise_line_straightens_curly_quotes_and_folds_compatibility_forms():
    assert normalise_line("“Don’t miss” — ") == "\"don't miss\""
    # NFKC turns the full-width letters into ASCII before lower-casing
    assert normalise_line("ＳＨＡＲＥ") == "share"


def test_line_reason_names_the_category_of_a_whole_line():
    assert LEX.line_reason(normalise_line("Leave a comment")) == "comments"
    assert LEX.line_reason(normalise_line("Subscribe now!")) == "subscribe"
    assert LEX.line_reason(normalise_line("Skip to main content")) == "navigation"


def test_line_reason_needs_the_whole_line_to_match():
    # a sentence that only contains boilerplate words is prose
    assert LEX.line_reason(normalise_line("The council will reply to the petition on Friday.")) is None
    assert LEX.line_reason(normalise_line("Readers left a comment about the harbour tax")) is None


def test_button_run_needs_two_button_words_and_only_fillers_between():
    assert LEX.is_button_run(normalise_line("Share  Tweet  Email"))
    assert LEX.is_button_run(normalise_line("Share on Facebook · Copy link"))
    assert not LEX.is_button_run(normalise_line("Share"))                       # one alone may be a heading
    assert not LEX.is_button_run(normalise_line("Share the harvest with Telegram"))   # "harvest" is no button


def test_prefix_phrase_and_credit_patterns_are_case_insensitive():
    assert LEX.prefix.match(normalise_line("READ ALSO: Port strike spreads to the north"))
    assert LEX.phrase.search(normalise_line("Your email address will not be published. Required fields"))
    assert LEX.credit.search("Photo by: Ilse Varga-Noor")
    assert not LEX.prefix.match(normalise_line("Reading between the lines of the budget"))


def test_word_sets_are_lower_case():
    assert "board" in LEX.not_person_words and "world" in LEX.section_words
    assert "youtube" in LEX.camel_case_words and "herald" in LEX.outlet_words
    assert LEX.inline_label_max_words == 2


def test_an_empty_pattern_list_is_refused_with_its_key():
    data = shipped_data()
    data["phrase"] = []
    with pytest.raises(ValueError, match=r"'phrase' is empty"):
        build_lexicon(data)


def test_a_bad_pattern_is_refused_with_its_place_and_text():
    data = copy.deepcopy(shipped_data())
    data["line"]["share"] = ["share (this"]
    with pytest.raises(ValueError, match=r"bad pattern in 'line\.share'.*share \(this"):
        build_lexicon(data)


def test_load_lexicon_reads_another_file_and_caches_per_path(tmp_path):
    data = shipped_data()
    data["line"] = {"sponsor": ["brought to you by [a-z ]+"]}
    path = tmp_path / "lexicon.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    own = load_lexicon(str(path))
    assert own is load_lexicon(str(path)) and load_lexicon() is LEX
    assert own.line_reason(normalise_line("Brought to you by Harbour Tiles")) == "sponsor"
    assert own.line_reason(normalise_line("Leave a comment")) is None
