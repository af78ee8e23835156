"""Quote-mark scanning: which marks open or close a quote, and the quoted spans across paragraphs."""
from __future__ import annotations

import logging
import re

LOGGER = logging.getLogger(__name__)

OPENERS = "“„«"
CLOSERS = "”»"
#: Any quote mark: the scan jumps from one to the next instead of testing every character.
_QUOTE_MARK = re.compile('["“”„«»]')


def _mark_role(text: str, i: int, in_quote: bool) -> str | None:
    """'open', 'close' or None for the quote mark at ``text[i]``, from its shape and context."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    space_before = before.isspace() or before in "([—–-"
    space_after = after.isspace() or after in ",.;:!?)–—"
    if ch == '"':
        if in_quote:
            return "close" if not space_before or space_after else "open"
        return "open" if not space_after else ("close" if not space_before else None)
    if ch == "»":
        return "close" if in_quote else "open"   # German/Danish style opens with »
    if ch == "«":
        return "open" if not in_quote else "close"
    if ch in OPENERS:
        # a typographic opener followed by punctuation closes (“…charter “, a comment)
        if after in ",.;:!?":
            return "close"
        return None if space_after and space_before else ("close" if space_after else "open")
    if ch in CLOSERS:
        return "close"
    return None


def marked_spans(view: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, orphan) of quoted content; ``orphan`` when no opener was seen."""
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    #: double-mark quotes open inside the open quote, each inside a single-mark one: “… ‘… “…” …’ …”
    depth = 0
    for bi, (bstart, bend) in enumerate(blocks):
        for mark in _QUOTE_MARK.finditer(view, bstart, bend):
            i = mark.start()
            role = _mark_role(view, i, open_at is not None)
            if role == "open" and open_at is not None and _single_open(view, open_at, i):
                depth += 1   # the third level: its closer is not the outer quote's
            elif role == "close" and depth:
                depth -= 1
            elif role == "open" and open_at is None:
                open_at = i + 1
            elif role == "close" and open_at is not None:
                spans.append((open_at, i, False))
                open_at = None
            elif role == "close":
                spans.append((bstart, i, True))      # closer with no opener in this paragraph
        if open_at is not None:
            nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
            if nxt and _continues(view[nxt[0]:nxt[1]]):
                continue                              # a quote running into the next paragraph
            spans.append((open_at, bend, False))
            open_at = None
            depth = 0
    return spans


def _single_open(view: str, start: int, end: int) -> bool:
    """Whether a quote in single marks opens in ``view[start:end]`` and is not closed there: the marks alternate
    with each level (“ ‘ “), so a double opener inside it is a quote of the third level."""
    level = 0
    for m in _SINGLE_MARK.finditer(view, start, end):
        if m.group("open"):
            level += 1
        elif level:
            level -= 1
    return level > 0


#: a single mark that may open a quote: at a word's start, after a space, a bracket or a dash
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[^\W_])", re.M)
#: a single mark that may close one: after a word or a sentence's end, before a space, punctuation or the line's end
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])['’](?=[\s,.;:!?)—–-]|$)", re.M)
#: either, in one scan: which of the two a mark is (an apostrophe inside a word, "don’t", is neither)
_SINGLE_MARK = re.compile(f"(?P<open>{_SINGLE_OPEN.pattern})|(?P<close>{_SINGLE_CLOSE.pattern})", re.M)


def single_marks_as_double(view: str) -> str:
    """The text with its paired single quote marks ('…' and ‘…’) turned into “…”, when it has no double marks.

    Some outlets quote with single marks only (British style: 'We will win,' she said). A text that uses double
    marks anywhere keeps its single ones: there they are quotes inside quotes or apostrophes. A pair never crosses
    a line, and an apostrophe inside a word ("don't", "Haines's") neither opens nor closes. The length and every
    other character stay, so offsets into the text hold."""
    if _QUOTE_MARK.search(view):
        return view
    chars = list(view)
    for line in re.finditer(r"[^\n]+", view):
        at = line.start()
        while True:
            opener = _SINGLE_OPEN.search(view, at, line.end())
            if opener is None:
                break
            closer = _SINGLE_CLOSE.search(view, opener.end(), line.end())
            if closer is None:
                break
            chars[opener.start()], chars[closer.start()] = "“", "”"
            at = closer.end()
    return "".join(chars)


def _continues(text: str) -> bool:
    """True when a paragraph continues an open quote (closer before any opener, or opens itself)."""
    stripped = text.lstrip()
    if stripped[:1] in OPENERS + '"':
        return True
    for ch in stripped:
        if ch in CLOSERS:
            return True
        if ch in OPENERS:
            return False
    return False


def trim_marks(view: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding whitespace and quote marks."""
    while start < end and (view[start].isspace() or view[start] in '"“”„«»'):
        start += 1
    while end > start and (view[end - 1].isspace() or view[end - 1] in '"“”„«»'):
        end -= 1
    return start, end


def ends_sentence(view: str, end: int) -> bool:
    """A quote ending in '.!?' whose closer is followed by a capitalised word ends its sentence."""
    if view[end - 1:end] not in (".", "!", "?"):
        return False
    nxt = re.match(r"[\"”»«“’]*\s*(\S)", view[end:end + 6])
    return bool(nxt and nxt.group(1).isupper())


def n_words(text: str) -> int:
    """How many words (runs of word characters) the text holds: the unit of the quote length limits."""
    return len(re.findall(r"\w+", text))
