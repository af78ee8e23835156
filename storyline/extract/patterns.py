"""Regex building shared by the extractors' lexicons."""
from __future__ import annotations

#: Characters that, right after a letter, would make it optional or repeated.
_QUANTIFIERS = ("*", "+", "?", "{")


def grouped_alternation(alternatives: list[str]) -> str:
    """One non-capturing regex alternation of ``alternatives``, grouped by first letter.

    Python's ``re`` tries every alternative at every position it searches; grouped
    as ``s(?:aid|ays|…)|t(?:old|…)`` it tests one letter per group first, which is
    several times faster over an article. The matches are the same as those of
    ``(?:a|b|…)``: alternatives keep their order within a group, and alternatives of
    different groups cannot match at the same place, since distinct lower-case ASCII
    letters never match one character, with or without IGNORECASE. When an
    alternative starts otherwise (upper case, an escape, a group) or its first letter
    is quantified (``a?b``) or it holds a "|", the flat alternation is returned.

    Args:
        alternatives: regex source strings (e.g. ``re.escape``d phrases), in match order.
    """
    if not all(_groupable(a) for a in alternatives):
        return "(?:" + "|".join(alternatives) + ")"
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0], []).append(alt[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


def _groupable(alternative: str) -> bool:
    """Starts with a lower-case ASCII letter that is not quantified, and holds no "|"
    (which would split it into alternatives of its own)."""
    first, second = alternative[:1], alternative[1:2]
    return first.isascii() and first.islower() and second not in _QUANTIFIERS and "|" not in alternative
