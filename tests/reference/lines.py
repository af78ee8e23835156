"""Unit splitting as first written: the whole paragraph so far is passed to the wrap test."""
from __future__ import annotations

from storyline.clean.lines import TERMINAL_PUNCT, WRAP_MIN_CHARS, Unit, settle_list_marks, text_lines


def split_units_by_paragraph(text: str) -> list[Unit]:
    """``split_units`` with hard-wrap joining judged on the whole paragraph, not its last line."""

    def continues(prev: str, line: str) -> bool:
        if len(prev.splitlines()[-1]) < WRAP_MIN_CHARS or TERMINAL_PUNCT.search(prev) or prev.endswith(":"):
            return False
        return line[:1].islower()

    units: list[Unit] = []
    blank = True
    for no, _, start, end, kind, stripped in text_lines(text):
        if not kind:
            blank = True
            continue
        prev = units[-1] if units else None
        if prev and not blank and kind == "paragraph" and continues(text[prev.start:prev.end], stripped):
            prev.end = end
        else:
            units.append(Unit(start, end, kind, no, blank))
        blank = False
    settle_list_marks(text, units)
    return units
