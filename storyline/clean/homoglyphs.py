"""Homoglyph repair: Cyrillic or Greek letters that stand in for Latin ones in Latin text.

Copy-pasted and machine-translated articles carry letters such as the Cyrillic
``Р`` (U+0420) where a Latin ``P`` is meant ("Р. Novak"), which breaks name
matching downstream. A repair is same-length (one code point for one), so it is
recorded as ``{raw offset: char}`` and applied by ``Document.body_view()``.

Only two shapes are repaired, both inside a Latin-script line:
- a word that mixes Latin and Cyrillic/Greek letters ("Mоscow" with a Cyrillic о);
- a lone Cyrillic/Greek capital used as an initial ("Р." followed by a Latin word).
A whole Cyrillic word in an English article ("Россия") is a quotation, not a
homoglyph, and is left alone.
"""
from __future__ import annotations

import logging
import re
import unicodedata

LOGGER = logging.getLogger(__name__)

#: Confusable letters (Unicode confusables.txt, the unambiguous subset) → Latin.
CONFUSABLES: dict[str, str] = {
    # Cyrillic capitals
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H",
    "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0423": "Y", "\u0425": "X",
    "\u0405": "S", "\u0406": "I", "\u0408": "J", "\u04ae": "Y", "\u04c0": "I", "\u0417": "3",
    # Cyrillic small letters
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y",
    "\u0445": "x", "\u0455": "s", "\u0456": "i", "\u0458": "j", "\u0501": "d", "\u04bb": "h",
    # Greek capitals
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I",
    "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T",
    "\u03a5": "Y", "\u03a7": "X",
    # Greek small letters
    "\u03bf": "o", "\u03b9": "i", "\u03ba": "k", "\u03bd": "v", "\u03c1": "p",
}

#: A line counts as Latin text when at least this share of its letters are Latin.
MIN_LATIN_SHARE = 0.8

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Any confusable letter: one regex scan instead of a Python loop over every character.
_CONFUSABLE = re.compile("[" + "".join(re.escape(c) for c in CONFUSABLES) + "]")


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def _latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(_script(c) == "LATIN" for c in letters) / len(letters)


def _next_word_is_latin(line: str, pos: int) -> bool:
    """True when the first word after ``pos`` is written in Latin letters."""
    match = _WORD.search(line, pos)
    return match is not None and all(_script(c) == "LATIN" for c in match.group())


def find_homoglyph_repairs(text: str) -> dict[int, str]:
    """Offsets of confusable non-Latin letters in Latin lines, with their Latin replacement."""
    repairs: dict[int, str] = {}
    if not _CONFUSABLE.search(text):
        return repairs  # most texts: nothing to repair, no need to walk the lines
    pos = 0
    for line in text.splitlines(keepends=True):
        if _CONFUSABLE.search(line) and _latin_share(line) >= MIN_LATIN_SHARE:
            for word in _WORD.finditer(line):
                w = word.group()
                scripts = {_script(c) for c in w}
                if "LATIN" in scripts and len(scripts) > 1:
                    fix = {i: CONFUSABLES[c] for i, c in enumerate(w) if c in CONFUSABLES}
                    # only when every non-Latin letter has a Latin twin
                    if len(fix) == sum(_script(c) != "LATIN" for c in w):
                        for i, ch in fix.items():
                            repairs[pos + word.start() + i] = ch
                elif len(w) == 1 and w in CONFUSABLES and w.isupper():
                    after = word.end()
                    # an initial: "Р. Novak" / "Р Novak"
                    if _next_word_is_latin(line, after) and line[after:after + 1] in (".", " ", "\u00a0"):
                        repairs[pos + word.start()] = CONFUSABLES[w]
        pos += len(line)
    if repairs:
        LOGGER.debug("repaired %d homoglyphs", len(repairs))
    return repairs


def apply_repairs(text: str, repairs: dict[int, str]) -> str:
    """``text`` with the same-length repairs applied."""
    if not repairs:
        return text
    chars = list(text)
    for off, ch in repairs.items():
        if 0 <= off < len(chars):
            chars[off] = ch
    return "".join(chars)
