"""Structure that shows only across several lines: flattened tables and a forum's per-post furniture.

A line alone cannot say whether "Rosa Lindqvist   Green   1,482   38.9%" is body or page furniture,
nor whether "hedgerow_kate" is a name in the story or the poster's user name. Its neighbours can:

- a *table* is a run of rows with the same column shape (the same number of cells between tabs,
  runs of spaces, pipes or dashes, or the same count of figures in a row of single-spaced words),
  introduced by a body sentence or followed by body text; its header row stands right above it;
- a forum's or comment section's *post header* repeats with the same shape before every post
  ("Post by X » Mon Mar 04, 2024 8:12 pm", "Posts: 1,412", "Reply · 14 likes · Report") or carries a
  relative time ("2 hours ago"); the short lines around such a line, between two posts, are the
  rest of the header (user name, rank, action row).

The functions take the units' texts and their current labels and return indices, so the document
pass decides how to mark them.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

#: A table has at least this many rows below its header (or two with a header or a colon-ended intro).
MIN_TABLE_ROWS = 3
#: A table row, a post header line: at most this many words.
MAX_ROW_WORDS = 16
#: Labels a table row may carry before the table is seen; a lexicon verdict (share, navigation) is not undone.
ROW_LABELS = frozenset({"short", "body"})
#: Cell separators of a flattened table: a tab, two or more spaces, a pipe, a spaced dash, a spaced slash.
_CELL_SPLIT = re.compile(r"\t+|\s{2,}|\s*\|\s*|\s+[\u2014\u2013]\s+|\s+/\s+")
_NUMBER = re.compile(r"^[(+\-\u2212]?[$\u00a3\u20ac]?\d[\d.,:/]*(?:%|[kKmM]|bn)?\)?$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
#: A relative time of a post: "2 hours ago", "13 hr. ago", or a bare "3d" between separators.
RELATIVE_TIME = re.compile(
    r"\b\d{1,3}\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|wks|weeks?|"
    r"mo|mos|months?|y|yr|yrs|years?)\.?\s+ago\b"
    r"|(?:^|[\u00b7|\u2022])\s*\d{1,2}[smhdwy]\s*(?:[\u00b7|\u2022]|$)"
    # Chinese, Japanese and Korean stamps ending a line or a segment: "… · 3小时前", "5分钟前", "2時間前", "3일 전"
    # (not "30年前建成" in a sentence)
    r"|(?<!\d)\d{1,3}\s*(?:\u79d2|\u5206\u949f|\u5206\u9418|\u5206|\u5c0f\u65f6|\u5c0f\u6642|\u6642\u9593|\u5929|\u65e5|\u5468|\u9031|"
    r"\u4e2a\u6708|\u30f6\u6708|\u5e74|\ucd08|\ubd84|\uc2dc\uac04|\uc77c|\uc8fc|\ub2ec|\ub144)"
    r"\s*(?:\u524d|\uc804)(?=\s*(?:$|[\u00b7|\u2022]))", re.I)
#: Words kept literally in a line's shape: they are what a post header's template writes every time.
_FUNCTION_WORDS = frozenset(
    "a an the by on at in of to from with for and or ago via re".split())
_TOKEN = re.compile(r"\d[\d.,:/]*|[^\W\d_][\w'.-]*|[^\w\s]", re.UNICODE)
#: Punctuation that carries a template's structure; other marks (commas, full stops) are left out.
_STRUCTURAL = frozenset(":|\u00bb\u00b7\u2022#()[]@/")


def cells(text: str) -> list[str]:
    """A line's cells when it is split by tabs, runs of spaces, pipes or spaced dashes."""
    return [c for c in _CELL_SPLIT.split(text.strip().strip("|").strip()) if c.strip()]


def _is_number(token: str) -> bool:
    return bool(_NUMBER.match(token))


def row_shape(raw_text: str) -> tuple[str, int] | None:
    """The column shape of a line that may be a table row: ("cells", n) or ("figures", n); None for prose."""
    words = raw_text.split()
    if not words or len(words) > MAX_ROW_WORDS:
        return None
    parts = cells(raw_text)
    if len(parts) >= 2:
        return "cells", len(parts)
    figures = sum(_is_number(w) for w in words)
    if figures and not _SENTENCE_END.search(raw_text.strip()):
        return "figures", figures
    return None


def table_rows(raw_texts: Sequence[str], labels: Sequence[str], ends_colon: Sequence[bool]) -> set[int]:
    """Indices of the rows (header row included) of flattened tables that belong to the body.

    ``raw_texts`` keep their spacing (tabs and runs of spaces are the column breaks); ``labels`` are
    the current verdicts ("body", "short", "junk", …); ``ends_colon`` says which lines end with ":".
    Lines between rows that are only punctuation ("|---|---|") do not break a table.
    """
    n = len(raw_texts)
    shapes = [row_shape(t) if labels[i] in ROW_LABELS else None for i, t in enumerate(raw_texts)]
    rule = [labels[i] == "junk" and not any(c.isalnum() for c in t) for i, t in enumerate(raw_texts)]
    out: set[int] = set()
    i = 0
    while i < n:
        if shapes[i] is None:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n and (shapes[j] == shapes[i] or rule[j]):
            if not rule[j]:
                run.append(j)
            j += 1
        with_figures = sum(_has_digit(raw_texts[k]) for k in run)
        header = _header_above(i, shapes, raw_texts, labels)
        first = header if header is not None else i
        before = next((k for k in range(first - 1, -1, -1) if not rule[k]), None)
        intro = before is not None and (labels[before] == "body" or ends_colon[before])
        after_body = j < n and labels[j] == "body"
        enough = len(run) >= MIN_TABLE_ROWS or (len(run) >= 2 and (header is not None or
                                                                  (before is not None and ends_colon[before])))
        if enough and with_figures * 2 >= len(run) and (intro or after_body):
            out.update(run)
            if header is not None:
                out.add(header)
            if before is not None and ends_colon[before]:
                out.add(before)  # the sentence that introduces the table ("The full result was:")
        i = j
    return out


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _has_figure(text: str) -> bool:
    return any(_is_number(w) for w in text.split())


def _header_above(i: int, shapes: Sequence[tuple[str, int] | None], raw_texts: Sequence[str],
                  labels: Sequence[str]) -> int | None:
    """The header row right above row ``i``: the same cells without figures, or a short label row."""
    h = i - 1
    # a header names its columns, and a name may carry a digit ("Q1 Q2 Q3 Q4 OT Final" over quarter scores); a figure
    # of its own makes the line a row of some other shape
    if h < 0 or labels[h] not in ROW_LABELS or (_has_figure(raw_texts[h]) and shapes[h] != shapes[i]):
        return None
    text = raw_texts[h].strip()
    if _SENTENCE_END.search(text) or text.endswith(":"):
        return None
    kind, count = shapes[i]  # type: ignore[misc]
    if kind == "cells":
        # a row typed with single spaces inside a cell ("17 5  4") splits into fewer cells than its header of
        # names; a header without figures may have more cells than the rows, never fewer
        n_cells = len(cells(text))
        return h if n_cells == count or (n_cells > count and not _has_digit(text)) else None
    # single-spaced rows: a header of column names, as many words as there are figures or more
    return h if count <= len(text.split()) <= MAX_ROW_WORDS and shapes[h] is None else None


def shape_key(text: str) -> str:
    """A line's template: function words and structural marks literal, words and figures as classes.

    "Post by tidewatcher » Mon Mar 04, 2024 8:12 pm" and "Post by reefwatch » Fri Jan 19, 2024 6:02 am"
    share "W by W » W 0 W"; a label before a colon stays literal ("posts : 0", "joined : W 0 W").
    """
    head, sep, tail = text.partition(":")
    prefix: list[str] = []
    if sep and 1 <= len(head.split()) <= 2 and not _has_digit(head):
        prefix = [head.strip().lower(), ":"]
        text = tail
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        if tok[0].isdigit():
            cls = "0"
        elif tok.lower() in _FUNCTION_WORDS:
            cls = tok.lower()
        elif tok[0].isalpha():
            cls = "W"
        elif tok in _STRUCTURAL:
            cls = tok
        else:
            continue
        if not out or out[-1] != cls or cls not in ("W", "0"):
            out.append(cls)
    return " ".join(prefix + out)


def informative_shape(key: str) -> bool:
    """A template that says more than "some words": two parts or more, one a figure, mark or label."""
    parts = key.split()
    return len(parts) >= 2 and any(p != "W" for p in parts)


def post_furniture(texts: Sequence[str], labels: Sequence[str], protected: set[int]) -> set[int]:
    """Indices of a forum's or comment section's per-post furniture.

    ``texts`` are the units' texts and ``labels`` their current verdicts; lines in ``protected``
    (table rows, the title) are never returned. A *seed* is a short line that is not a sentence and
    either has a template seen between two different pairs of body lines, or a relative time. Every
    short, unpunctuated line in the same gap between body lines as a seed is furniture with it.
    """
    n = len(texts)
    gap = [0] * n
    g = 0
    for i, label in enumerate(labels):
        if label == "body":
            g += 1
            gap[i] = -1
        else:
            gap[i] = g
    candidate = [i for i in range(n) if gap[i] >= 0 and i not in protected and labels[i] in ("short", "meta")
                 and _furniture_shaped(texts[i])]
    keys = {i: shape_key(texts[i]) for i in candidate}
    # a post's header and action row come once per post; a template with a figure that repeats on adjacent lines of
    # one gap is a table's or a results list's rows ("1 Samuel Kiptoo 2:07:18"), however a date line elsewhere on
    # the page shares its shape
    rows = _repeated_rows(candidate, keys, gap)
    candidate = [i for i in candidate if i not in rows]
    gaps_of: dict[str, set[int]] = defaultdict(set)
    for i in candidate:
        if informative_shape(keys[i]):
            gaps_of[keys[i]].add(gap[i])
    # a programme's or an event's time and place between two of the story's paragraphs ("9pm, Channel North",
    # "7.30pm, Town Hall"): a schedule the story lists, not a post's header, which names its poster or dates the post
    # (its first row, under the page's header, too, when the same template stands between paragraphs below); the
    # line right above each row is the programme's or the event's name
    schedule = {i for i in candidate if schedule_row(texts[i])}
    inner_keys = {keys[i] for i in schedule if 0 < gap[i] < g}
    schedule = {i for i in schedule if keys[i] in inner_keys}
    seeds = {i for i in candidate if i not in schedule
             and (len(gaps_of.get(keys[i], ())) >= 2 or RELATIVE_TIME.search(texts[i]))}
    seeded_gaps = {gap[i] for i in seeds}
    out = set(seeds)
    rows |= _introduced_rows(texts) | schedule | {i - 1 for i in schedule if i > 0 and gap[i - 1] == gap[i]}
    for i in range(n):
        if gap[i] in seeded_gaps and i not in protected and i not in rows and labels[i] == "short" \
                and _furniture_shaped(texts[i]):
            out.add(i)
    return out


#: A time of day opening a line ("9pm", "11.05pm", "19:30"), and what follows it.
_TIME_OPENING = re.compile(r"^\s*(?:2[0-3]|[01]?\d)(?!\d)(?P<minutes>[:.][0-5]\d)?\s*(?P<half>[ap]\.?m\.?)?"
                           r"(?P<rest>.*)$", re.I)
#: A schedule's row is short: a time and a channel's, venue's or place's name.
SCHEDULE_ROW_WORDS = 6


def schedule_row(text: str) -> bool:
    """A row of a schedule: a time of day, then the name of where it happens ("9pm, Channel North", "19:30 Town
    Hall"), with no date, year or poster's mark (a post's header dates the post: "Mon Mar 04, 2024 8:12 pm",
    "tidewatcher · 3 days ago")."""
    m = _TIME_OPENING.match(text)
    # "2.50 million" is not a time: a point between hour and minutes only with "am" or "pm"
    if m is None or not (m["half"] or (m["minutes"] or "").startswith(":")) or len(text.split()) > SCHEDULE_ROW_WORDS:
        return False
    rest = m["rest"].lstrip(" ,\u2013\u2014-")
    if rest.isupper() and len(rest.split()) == 1 and rest == m["rest"].lstrip():
        return False  # a time zone written after the time, a live blog's stamp ("13:58 GMT"), not a place
    # a place's name is capitalised (in a script with capitals); a lowercase word or one with "_" after the time is a
    # poster's handle, a forum's post header ("7:42 am greenfinger_jo")
    return rest[:1].isalpha() and not rest[:1].islower() and not RELATIVE_TIME.search(text) \
        and not re.search(r"(?:19|20)\d\d|[@#\u00b7|\u00bb_]", text)


def _repeated_rows(candidate: Sequence[int], keys: dict[int, str], gap: Sequence[int]) -> set[int]:
    """Candidates whose template holds a figure and is shared by the next or previous line of the same gap."""
    at = set(candidate)
    out: set[int] = set()
    for i in candidate:
        j = i + 1
        if j in at and gap[j] == gap[i] and keys[j] == keys[i] and "0" in keys[i].split():
            out.update((i, j))
    return out


#: A line that introduces rows ("Got this in the letter today:") has at least this many words.
INTRO_MIN_WORDS = 3


def _introduced_rows(texts: Sequence[str]) -> set[int]:
    """A sentence ending in ":" and the lines with figures right below it: a poster's own list of times or
    results, not the furniture around the post (the post header that shares their gap is the seed)."""
    out: set[int] = set()
    for i, text in enumerate(texts):
        s = text.strip()
        if not (s.endswith(":") and len(s.split()) >= INTRO_MIN_WORDS) or i + 1 >= len(texts) \
                or not _has_digit(texts[i + 1]):
            continue
        out.add(i)
        j = i + 1
        while j < len(texts) and _has_digit(texts[j]) and len(texts[j].split()) <= MAX_ROW_WORDS:
            out.add(j)
            j += 1
    return out


#: A numbered item's heading: "3. Carrow Edge (9km, moderate)", "2) Later start in Brindle".
NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}[.)]\s+[^\W\d_]")


def _furniture_shaped(text: str) -> bool:
    # a list page's numbered headings repeat one template between paragraphs, like post headers, but are
    # its body: a post header numbers posts "#2", never "2. Title"
    return len(text.split()) <= MAX_ROW_WORDS and not _SENTENCE_END.search(text.strip()) \
        and not NUMBERED_HEADING.match(text)
