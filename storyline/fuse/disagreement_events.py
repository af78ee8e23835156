"""Which event of a story a sentence tells of, and at which phase: event words for aligning claims across outlets.

Outlets name one happening in different words: "the derailment", "the accident", "the crash"; "the referendum",
"the vote", "the ballot"; "the strike", "the walkout", "the stoppage". Two claims about one event that share no
word besides the event's name ("The derailment was caused by a broken rail" / "The accident happened because the
train was going too fast") are then never compared. ``data/disagreement_events.yaml`` groups event words in
families (by PLOVER type, or INCIDENT / DECISION where PLOVER has none): within one story, words of one family
are read as one event (a blocking key and a shared "word" of the pair model's fit checks, ``fuse.pair_model``).

A fact's *context* (:func:`fact_context`) is what a figure, a length of time or a date is of: the content words
within a few words of it, with the event families and phases there. Two facts of a story whose contexts share
nothing ("rain that fell for three days" / "the road will stay closed for three months") are about two things;
two dates of one event at two phases ("the fire started on Sunday" / "was brought under control on Tuesday") are
two facts, not one told twice.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from storyline.data import load
from storyline.extract.stance import content_terms

__all__ = ["EVENT_KEY", "PHASE_KEY", "event_families", "event_words", "fact_context", "phases", "same_fact"]

#: prefixes of the keys an event family and a phase add to a set of content terms
EVENT_KEY = "evn:"
PHASE_KEY = "phase:"
#: words either side of a figure, a length of time or a date read as what it is of
CONTEXT_WORDS = 8
_WORD = re.compile(r"[^\W_][\w'’-]*")


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    alts = []
    for w in sorted({str(w) for w in words}, key=len, reverse=True):
        body = r"\s+".join(re.escape(p) for p in w.rstrip("*").split())
        alts.append(body + (r"[\w'-]*" if w.endswith("*") else ""))
    return re.compile(r"(?<![\w'])(?:" + "|".join(alts) + r")(?![\w'])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], tuple[tuple[str, re.Pattern[str]], ...]]:
    data = load("disagreement_events")
    families = tuple((str(name), _alternation(spec["words"])) for name, spec in data["families"].items())
    phases = tuple((str(name), _alternation(words)) for name, words in data["phases"].items())
    return families, phases


#: the letters case-insensitive matching reads as an ASCII letter that their ``lower()`` is not ("ſ" as "s")
_LOOSE_CASE = frozenset("\u0130\u0131\u017f")


@functools.lru_cache(maxsize=1)
def _first_words() -> tuple[tuple[str, ...], ...]:
    """Per family (in ``_patterns`` order), the lower-cased first word of each of its words and phrases: a text
    holding none of them names none of the family."""
    data = load("disagreement_events")
    return tuple(tuple(dict.fromkeys(str(w).rstrip("*").split()[0].lower() for w in spec["words"]))
                 for spec in data["families"].values())


@functools.lru_cache(maxsize=65536)
def event_words(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, family) of each event word of ``text`` (a word may be of several families: "raid")."""
    # every sentence of a corpus is read here, and most name no event word: a family is scanned only when the
    # text holds the first word of one of its words, as its pattern would match it (then lower-cased)
    low = text.lower() if _LOOSE_CASE.isdisjoint(text) else ""
    return tuple(sorted((m.start(), m.end(), name) for (name, rx), firsts in zip(_patterns()[0], _first_words())
                        if not low or any(w in low for w in firsts) for m in rx.finditer(text)))


@functools.lru_cache(maxsize=65536)
def event_families(text: str) -> frozenset[str]:
    """The event families ``text`` names, as keys (``"evn:transport_accident"``)."""
    return frozenset(EVENT_KEY + f for _, _, f in event_words(text))


@functools.lru_cache(maxsize=65536)
def phases(text: str) -> frozenset[str]:
    """The phases of an event ``text`` tells (``"phase:start"``, ``"phase:end"``, ``"phase:peak"``)."""
    return frozenset(PHASE_KEY + name for name, rx in _patterns()[1] if rx.search(text))


def _window(text: str, start: int, end: int, n: int) -> str:
    """``text`` from ``n`` words before ``start`` to ``n`` words after ``end`` (the fact itself left out)."""
    before = list(_WORD.finditer(text, 0, start))[-n:]
    after = list(_WORD.finditer(text, end))[:n]
    lo = before[0].start() if before else start
    hi = after[-1].end() if after else end
    return text[lo:start] + " " + text[end:hi]


@functools.lru_cache(maxsize=65536)
def fact_context(text: str, start: int, end: int, n: int = CONTEXT_WORDS) -> frozenset[str]:
    """What the fact at ``text[start:end]`` is of: content terms within ``n`` words of it, with the event
    families and phases named there."""
    around = _window(text, start, end, n)
    return content_terms(around) | event_families(around) | phases(around)


def same_fact(x: frozenset[str], y: frozenset[str], ignore: frozenset[str] = frozenset()) -> bool:
    """Are two facts' contexts (``fact_context``) about one thing? They share a content word (not in
    ``ignore``: the words every fact of the kind has, days and units), or an event family at no two phases."""
    words_x = {t for t in x if not t.startswith((EVENT_KEY, PHASE_KEY))} - ignore
    words_y = {t for t in y if not t.startswith((EVENT_KEY, PHASE_KEY))} - ignore
    px = {t for t in x if t.startswith(PHASE_KEY)}
    py = {t for t in y if t.startswith(PHASE_KEY)}
    if px and py and not px & py:
        return False   # "broke out on Sunday" / "under control on Tuesday": one event, two moments of it
    if words_x & words_y:
        return True
    return bool({t for t in x & y if t.startswith(EVENT_KEY)})
