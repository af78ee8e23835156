"""Hand-built judged lines for the line-model tests: a page's lines as the rules left them, all kept as body."""
from __future__ import annotations

from collections.abc import Iterable

from storyline.clean.line_model import JudgedLine


def body_lines(texts: Iterable[str]) -> list[JudgedLine]:
    """One kept body line per text, with no rule's reason (the line models judge them from scratch)."""
    return [JudgedLine(t, t, "body", "") for t in texts]
