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
from typing import Any

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
    #: the patterns ``phrase`` is the alternation of, one by one (empty: search ``phrase`` whole)
    phrase_parts: tuple[str, ...] = ()

    def is_button_run(self, norm: str) -> bool:
        """True for a line made only of button labels ("share tweet email",
        "facebook · x · copy link"): at least MIN_BUTTONS of them, fillers between."""
        tokens = [t for t in _BUTTON_SPLIT.split(norm) if t]
        buttons = sum(t in self.button_words for t in tokens)
        return buttons >= MIN_BUTTONS and all(
            t in self.button_words or t in self.button_fillers for t in tokens)

    def has_phrase(self, norm: str) -> bool:
        """Whether a normalised line holds one of the lexicon's phrases anywhere (``phrase``)."""
        return _searches(self.phrase, self.phrase_parts, norm)

    def line_reason(self, norm: str) -> str | None:
        """The lexicon category a normalised line matches as a whole, else None."""
        for category, pattern in self.line.items():
            if pattern.fullmatch(norm):
                return category
        return None


@functools.lru_cache(maxsize=8192)
def _searches(pattern: re.Pattern[str], parts: tuple[str, ...], norm: str) -> bool:
    # the phrase alternation is tried at every position of a line: the slowest test of a line by far, asked of the
    # same line by the rules (``lines.classify_unit``) and again by the line model's features, and of the furniture
    # a site repeats on each of its pages
    branches = _branches(parts, pattern.flags) if parts else None
    if branches is None or (not norm.isascii() and _FOLDS_TO_ASCII.search(norm)):
        return pattern.search(norm) is not None
    # an alternation matches where one of its alternatives does: only those whose required text the line holds are
    # tried (a substring test), not all of them at every position of a long paragraph (a fifth of the cleaning time)
    folded = norm.lower()   # normalised lines are lower case already; the substring test must not depend on it
    return any(literal in folded and branch.search(norm) is not None for literal, branch in branches)


#: Characters that match an ASCII letter under IGNORECASE and can still be in a normalised line (NFKC and lower
#: case turn İ, K and ſ into ASCII; ı stays): a line holding one is searched whole, not by required text.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@functools.lru_cache(maxsize=16)
def _branches(parts: tuple[str, ...], flags: int) -> tuple[tuple[str, re.Pattern[str]], ...] | None:
    """Each of ``parts`` (the alternatives ``_alt`` joined) compiled alone, beside the longest run of text every match
    of it holds ("" when none; only lower-case ASCII runs count, as lines are normalised to lower case). None when a
    part refers to a group (numbered in the joined pattern, it would mean another group alone)."""
    from re import _parser

    out = []
    for part in parts:
        parsed = _parser.parse(part, flags)
        if _refers_to_group(parsed):
            return None
        literal = max(_literal_runs(parsed), key=len, default="")
        if literal != literal.lower() or not literal.isascii():
            literal = ""
        out.append((literal, re.compile(part, flags)))
    return tuple(out)


def _refers_to_group(parsed: Any) -> bool:
    """Whether the parsed pattern holds a back reference or a conditional group, at any depth."""
    from re import _parser

    def walk(value: Any) -> bool:
        if isinstance(value, _parser.SubPattern):
            return any(op in (_parser.GROUPREF, _parser.GROUPREF_EXISTS) or walk(av) for op, av in value)
        if isinstance(value, (list, tuple)):
            return any(walk(x) for x in value)
        return False

    return walk(parsed)


def _literal_runs(parsed: Any) -> list[str]:
    """Runs of literal characters that every match of the parsed sequence holds."""
    from re import _parser

    runs, run = [], ""
    for op, av in parsed:
        if op == _parser.LITERAL:
            run += chr(av)
            continue
        runs.append(run)
        run = ""
        if op == _parser.SUBPATTERN:
            runs.extend(_literal_runs(av[-1]))
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT) and av[0] >= 1:
            runs.extend(_literal_runs(av[2]))
        elif op == _parser.ATOMIC_GROUP:
            runs.extend(_literal_runs(av))
    runs.append(run)
    return runs


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
        phrase_parts=tuple(data["phrase"]),
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
