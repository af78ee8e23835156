"""Genre of one article: reporting, opinion, analysis or other.

A transparent score, not a model: opinion pieces speak in the author's voice (first
person, rhetorical questions, evaluative adverbs, loaded wording) outside quotes;
analysis pieces hedge and explain; reporting attributes (said/told, quotes, dates).
Section headers ("Comment:", "Analysis") decide when present.
"""
from __future__ import annotations

import functools
import logging
import re
from typing import TYPE_CHECKING

from storyline.config import Settings
from storyline.extract.loaded import find_loaded_language, load_lexicon
from storyline.extract.patterns import grouped_alternation
from storyline.extract.quote_marks import marked_spans
from storyline.extract.quotes import load_cues
from storyline.model import Document

if TYPE_CHECKING:  # pragma: no cover
    from storyline.nlp.pipeline import Parsed

LOGGER = logging.getLogger(__name__)

#: Fewer words than this: too short to call (briefs, captions) -> "other".
MIN_WORDS = 40
#: Per-100-word rates: an opinion score above this (and above reporting) is opinion.
#: Set by hand on team-written examples and the seeds' labels together; not tuned per file.
OPINION_MIN = 1.0
ANALYSIS_MIN = 1.2
FIRST_PERSON = re.compile(r"(?<!\w)(?:I|we|our|us|my|me)(?!\w)")


def _phrase_count(text: str, phrases: list[str]) -> int:
    if not phrases:
        return 0
    return len(_phrase_pattern(tuple(phrases)).findall(text))


@functools.lru_cache(maxsize=16)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The whole-phrase pattern of a lexicon list, built once per list."""
    alternatives = grouped_alternation([re.escape(p) for p in phrases])
    return re.compile(r"(?<![\w-])" + alternatives + r"(?![\w-])", flags=re.I)


@functools.lru_cache(maxsize=8)
def _header_patterns(headers: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A section header ("Comment:", "Analysis" on a line of its own) opening the text,
    and one opening a later line. Two patterns instead of one ``(?:^|\n)…``: a pattern
    that starts with the newline lets the regex engine skip straight to newlines."""
    header = r"\s*(?:" + "|".join(re.escape(h) for h in headers) + r")\s*[:|\n]"
    return re.compile(header, flags=re.I), re.compile("\n" + header, flags=re.I)


def _has_header(text: str, headers: list[str]) -> bool:
    at_start, after_newline = _header_patterns(tuple(headers))
    return bool(at_start.match(text) or after_newline.search(text))


def _outside_quotes(doc: Document, view: str) -> str:
    blocks = sorted((b.start, b.end) for b in doc.blocks) or [(0, len(view))]
    chars = list(view)
    for s, e, _ in marked_spans(view, blocks):
        if len(view[s:e].split()) > 2:
            chars[s:e] = " " * (e - s)
    return "".join(chars)


def genre_scores(doc: Document, parsed: Parsed, loaded_terms: list | None = None) -> dict[str, float]:
    """Per-100-word evidence for reporting, opinion and analysis (outside quotes).

    ``loaded_terms``: the document's loaded language when already found (else found here).
    """
    return _scores(doc, doc.body_view(), parsed, loaded_terms)


def _scores(doc: Document, view: str, parsed: Parsed, loaded_terms: list | None) -> dict[str, float]:
    """``genre_scores`` given the document's ``body_view()``."""
    own = _outside_quotes(doc, view)
    words = max(1, len(own.split()))
    lex = load_lexicon()["genre"]
    cues = load_cues()
    head = " ".join((doc.title or "", view[:200])).lower()
    said = len(re.findall(r"\b" + cues.forms_re + r"\b", own, flags=re.I))
    according = len(re.findall(r"\baccording to\b", own, flags=re.I))
    questions = own.count("?")
    exclaims = own.count("!")
    first = len(FIRST_PERSON.findall(own))
    loaded = len(loaded_terms if loaded_terms is not None else find_loaded_language(doc, parsed, Settings()))
    opinion = (2 * first + 3 * questions + 2 * exclaims + _phrase_count(own, lex.get("opinion_phrases", []))
               + 2 * loaded)
    analysis = _phrase_count(own, lex.get("analysis_phrases", []))
    reporting = 2 * said + 2 * according
    scores = {k: 100 * v / words for k, v in
              (("opinion", opinion), ("analysis", analysis), ("reporting", reporting))}
    for header, kind, bonus in (("opinion_headers", "opinion", 10.0), ("analysis_headers", "analysis", 10.0)):
        if lex.get(header) and (_has_header(view[:2000], lex[header]) or
                                _phrase_count(doc.title or "", lex.get(header, []))):
            scores[kind] += bonus
    LOGGER.debug("%s genre scores %s (head %r)", doc.id, scores, head[:40])
    return scores


def classify_genre(doc: Document, parsed: Parsed, loaded_terms: list | None = None) -> str:
    """reporting | opinion | analysis | other for one document (``loaded_terms`` as in genre_scores)."""
    view = doc.body_view()
    if len(view.split()) < MIN_WORDS:
        return "other"
    s = _scores(doc, view, parsed, loaded_terms)
    if s["opinion"] >= OPINION_MIN and s["opinion"] > s["reporting"]:
        return "opinion"
    if s["analysis"] >= ANALYSIS_MIN and s["analysis"] > s["reporting"]:
        return "analysis"
    return "reporting"
