"""Homoglyph repair in Latin text."""
from __future__ import annotations

from storyline.clean.homoglyphs import apply_repairs, find_homoglyph_repairs


def test_cyrillic_initial_before_latin_surname() -> None:
    text = "The letter was signed by \u0420. Halvorsen and two others."
    repairs = find_homoglyph_repairs(text)
    assert repairs == {text.index("\u0420"): "P"}
    assert "P. Halvorsen" in apply_repairs(text, repairs)


def test_mixed_script_word() -> None:
    text = "Talks in M\u043escow ended early."  # Cyrillic o inside a Latin word
    assert apply_repairs(text, find_homoglyph_repairs(text)) == "Talks in Moscow ended early."


def test_whole_cyrillic_words_are_left_alone() -> None:
    text = "The banner read \u0420\u043e\u0441\u0441\u0438\u044f in large letters."
    assert find_homoglyph_repairs(text) == {}


def test_cyrillic_text_is_left_alone() -> None:
    text = "\u0420. \u0418\u0432\u0430\u043d\u043e\u0432 \u0441\u043a\u0430\u0437\u0430\u043b"
    assert find_homoglyph_repairs(text) == {}


def test_repairs_keep_the_length() -> None:
    text = "\u0420. Halvorsen, \u0421. Lind"
    assert len(apply_repairs(text, find_homoglyph_repairs(text))) == len(text)


def test_text_without_confusables_needs_no_repair() -> None:
    assert find_homoglyph_repairs("Plain Latin text.\nSecond line, Zürich.") == {}
    text = "Plain first line.\nMоscow on the second line."  # Cyrillic о on line 2
    fixed = apply_repairs(text, find_homoglyph_repairs(text))
    assert fixed == "Plain first line.\nMoscow on the second line."
