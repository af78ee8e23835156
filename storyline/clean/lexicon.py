"""The boilerplate lexicon (``lexicon.yaml``): loaded once, validated, compiled.

The patterns are data; this module only turns them into regular expressions and
normalises a line the same way for every test, so that one pattern covers
"Leave a reply", "LEAVE A REPLY:" and "• Leave a Reply".
"""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from storyline.data import load, read, resource_path

LOGGER = logging.getLogger(__name__)

LEXICON_PATH = resource_path("boilerplate")

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"',
                         "\u00bb": '"', "\u2032": "'", "\u00b4": "'"})
#: Characters stripped from both edges of a line before matching (bullets, rules, punctuation).
EDGE_CHARS = " \t.:;!|-\u2013\u2014*\u2022\u00b7\u25aa\u25cf\u25ba\u2192>\u00bb\u00ab=_~#"


def normalise_line(text: str) -> str:
    """Lower-case, NFKC, straight quotes, collapsed spaces, no edge punctuation or bullets."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():  # the quote table maps only non-ASCII characters
        text = text.translate(_QUOTES)
    text = text.lower()
    text = " ".join(text.split())
    return text.strip(EDGE_CHARS)


#: A run of buttons has at least this many button words (one alone may be a heading).
MIN_BUTTONS = 2
_BUTTON_SPLIT = re.compile(r"[\s|/,;:\u00b7\u2022\u2013\u2014-]+")


@dataclass(frozen=True)
class Lexicon:
    """Compiled boilerplate patterns; read-only, shared by every document."""
    line: dict[str, re.Pattern[str]]
    prefix: re.Pattern[str]
    phrase: re.Pattern[str]
    teaser_header: re.Pattern[str]
    inline_teaser: re.Pattern[str]
    inline_label_max_words: int
    credit: re.Pattern[str]
    breadcrumb_roots: frozenset[str]
    camel_case_words: frozenset[str]
    glued_label_words: frozenset[str]
    outlet_words: frozenset[str]
    button_words: frozenset[str] = frozenset()
    button_fillers: frozenset[str] = frozenset()
    not_person_words: frozenset[str] = frozenset()
    section_words: frozenset[str] = frozenset()

    def is_button_run(self, norm: str) -> bool:
        """True for a line made only of button labels ("share tweet email",
        "facebook · x · copy link"): at least MIN_BUTTONS of them, fillers between."""
        tokens = [t for t in _BUTTON_SPLIT.split(norm) if t]
        buttons = sum(t in self.button_words for t in tokens)
        return buttons >= MIN_BUTTONS and all(
            t in self.button_words or t in self.button_fillers for t in tokens)

    def has_phrase(self, norm: str) -> bool:
        """Whether a normalised line holds one of the lexicon's phrases anywhere (``phrase``)."""
        return _searches(self.phrase, norm)

    def line_reason(self, norm: str) -> str | None:
        """The lexicon category a normalised line matches as a whole, else None."""
        for category, pattern in self.line.items():
            if pattern.fullmatch(norm):
                return category
        return None


@functools.lru_cache(maxsize=8192)
def _searches(pattern: re.Pattern[str], norm: str) -> bool:
    # the phrase alternation is tried at every position of a line: the slowest test of a line by far, asked of the
    # same line by the rules (``lines.classify_unit``) and again by the line model's features, and of the furniture
    # a site repeats on each of its pages
    return pattern.search(norm) is not None


def _alt(patterns: list[str], where: str) -> str:
    """One alternation of the patterns; refuses an empty list (it would match everything)."""
    if not patterns:
        raise ValueError(f"lexicon: '{where}' is empty; remove the key or give it patterns")
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"lexicon: bad pattern in '{where}': {p!r}: {exc}") from exc
    return "|".join(f"(?:{p})" for p in patterns)


def build_lexicon(data: dict) -> Lexicon:
    """Compile lexicon data (the parsed YAML) into a ``Lexicon``."""
    flags = re.IGNORECASE
    line = {cat: re.compile(_alt(pats, f"line.{cat}"), flags) for cat, pats in data["line"].items()}
    return Lexicon(
        line=line,
        prefix=re.compile(r"(?:" + _alt(data["prefix"], "prefix") + r")", flags),
        phrase=re.compile(_alt(data["phrase"], "phrase"), flags),
        teaser_header=re.compile(_alt(data["teaser_header"], "teaser_header"), flags),
        inline_teaser=re.compile(_alt(data["inline_teaser"], "inline_teaser"), flags),
        inline_label_max_words=int(data.get("inline_teaser_label_max_words", 2)),
        credit=re.compile(_alt(data["credit"], "credit"), flags),
        breadcrumb_roots=frozenset(x.lower() for x in data["breadcrumb_roots"]),
        camel_case_words=frozenset(x.lower() for x in data["camel_case_words"]),
        glued_label_words=frozenset(str(x).lower() for x in data.get("glued_label_words", [])),
        outlet_words=frozenset(x.lower() for x in data["outlet_words"]),
        button_words=frozenset(str(x).lower() for x in data.get("button_words", [])),
        button_fillers=frozenset(str(x).lower() for x in data.get("button_fillers", [])),
        not_person_words=frozenset(str(x).lower() for x in data.get("not_person_words", [])),
        section_words=frozenset(str(x).lower() for x in data.get("section_words", [])),
    )


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load and compile the shipped lexicon (or another file), once per process."""
    source = Path(path) if path else LEXICON_PATH
    data = read(source, "boilerplate") if path else load("boilerplate")
    LOGGER.debug("loaded boilerplate lexicon from %s", source)
    return build_lexicon(data)
