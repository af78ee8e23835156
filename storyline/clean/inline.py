"""Junk inside a line: stray markup, teasers glued into a paragraph, glued labels.

Line classification cannot see these because they share a line with body text:
``…long time.< /p>``, ``About this Channel 7Maria Lopez, an analyst …``
(a label run into the first word without a space) and ``… in its environment.
Premium Related news <headline> <author> <lead> For this reason, …`` (a
related-content widget flattened into the paragraph). Each finder returns
``(start, end, reason)`` spans in the coordinates of the text it was given.
"""
from __future__ import annotations

import logging
import re

from storyline.clean.lexicon import Lexicon

LOGGER = logging.getLogger(__name__)

Span = tuple[int, int, str]

_TAG = re.compile(
    r"<(script|style)\b[^<>]*>.*?</\1\s*>|<!--.*?-->"
    r"|<\s*/?\s*[A-Za-z][A-Za-z0-9]*(?:[\s/][^<>]{0,200}?)?\s*/?\s*>"
    r"|\[/?(?:caption|embed|gallery|video|audio|tweet|instagram|youtube)\b[^\]]{0,200}\]"
    r"|&nbsp;")
#: A letter or digit run straight into a capitalised word: "24Oleksandr", "videoThe".
#: The match is the capital (its start is the glue point); starting with it rather than
#: with the look-behinds lets the regex engine skip to capitals instead of testing every position.
GLUED_CAPITAL = re.compile(r"[A-Z\u00c0-\u00de](?:(?<=[0-9a-z\u00e0-\u00ff].)|(?<=[A-Z]{3}.))(?=[a-z\u00e0-\u00ff])")
#: A label glued to the start of a paragraph is short ("Read also", "About this Channel 24").
MAX_GLUED_LABEL_WORDS = 6
#: …and the paragraph it is glued to goes on for a while.
MIN_WORDS_AFTER_GLUE = 4
#: Words that make a glued prefix a clause rather than a label.
_CLAUSE_WORDS = {"is", "are", "was", "were", "has", "have", "had", "said", "says", "will", "would",
                 "can", "could", "did", "does", "do", "should", "must", "may", "might"}
#: Capitalised words that start a body sentence; where one follows an unpunctuated
#: word after a teaser trigger, the body resumes there.
SENTENCE_STARTERS = frozenset(
    "the a an for in on at but however this that these those it he she they we as after before when while "
    "meanwhile according since with by from so thus yet still also moreover earlier later last despite "
    "although if there here his her their its our some many most both each one during nevertheless "
    "instead indeed finally then now today yesterday tomorrow what why how who where".split())
_SENT_END = re.compile(r"[.!?\u2026][\"\u201d\u00bb\u2019')\]]*(?=\s|$)")
_ABBREVIATIONS = {"mr", "ms", "mrs", "dr", "st", "jr", "sr", "vs", "no", "gen", "col", "lt", "sgt",
                  "prof", "rep", "sen", "gov", "inc", "ltd", "co", "corp", "u.s", "u.k", "e.g", "i.e",
                  "etc", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                  "oct", "nov", "dec"}


def find_stray_markup(text: str) -> list[Span]:
    """HTML tags, CMS shortcodes and ``&nbsp;`` left in plain text."""
    return [(m.start(), m.end(), "stray_markup") for m in _TAG.finditer(text)]


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets just after each sentence-final punctuation mark (initials and abbreviations skipped)."""
    out = []
    for m in _SENT_END.finditer(text, start, len(text) if end is None else end):
        before = text[max(0, m.start() - 6):m.start()].split()
        word = before[-1] if before else ""
        if text[m.start()] == "." and (re.fullmatch(r"[A-Z]", word) or word.lower() in _ABBREVIATIONS):
            continue
        out.append(m.end())
    return out


def find_glued_label(text: str, lex: Lexicon) -> list[Span]:
    """A short label glued without a space to the first word of a paragraph."""
    lead = len(text) - len(text.lstrip())
    for m in GLUED_CAPITAL.finditer(text):
        g = m.start()
        prefix = text[lead:g]
        words = prefix.split()
        if not words or len(words) > MAX_GLUED_LABEL_WORDS:
            break
        if sentence_ends(prefix):
            break
        left = re.findall(r"[\w'’-]+$", prefix)
        right = re.match(r"[\w'’-]+", text[g:])
        token = (left[0] if left else "") + (right.group() if right else "")
        if token.lower() in lex.camel_case_words or token.lower().rstrip("s") in lex.camel_case_words:
            continue
        lower = len(re.sub(r"[^a-z]", "", left[0])) if left else 0
        if left and not left[0][-1].isdigit() and 0 < lower < 3:
            continue  # "McCain", "DeSantis": a name, not glue
        if any(w.lower() in _CLAUSE_WORDS or w.lower().endswith("ed") for w in words):
            break
        if len(text[g:].split()) < MIN_WORDS_AFTER_GLUE:
            break
        # positive evidence of a label: a counter glued to the body ("Video 3Marta ...") or a word
        # that labels page furniture; a capital inside a word alone is not enough ("zPay", "iPhone")
        counter = text[g - 1].isdigit()
        labelled = any(w.lower().strip(".,:;!?|") in lex.glued_label_words for w in words)
        if not (counter or labelled):
            break
        return [(lead, g, "glued_teaser")]
    return []


def _resume_point(text: str, start: int) -> int:
    """Where body text resumes after a teaser that begins at ``start``."""
    ends = sentence_ends(text, start)
    limit = ends[0] if ends else len(text)
    resume = None
    for m in re.finditer(r"(?<=[^\s.!?:;,\"\u201c\u2018])\s+([A-Z][a-z]+)\b", text[start:limit]):
        if m.group(1).lower() in SENTENCE_STARTERS:
            resume = start + m.start(1)
    if resume is not None:
        return resume
    return limit


def find_inline_teasers(text: str, lex: Lexicon) -> list[Span]:
    """Related-content teasers flattened into a paragraph, from their label to where the body resumes."""
    out: list[Span] = []
    for m in lex.inline_teaser.finditer(text):
        if not text[m.start()].isupper():
            continue
        before = text[:m.start()]
        if not before.strip():
            continue  # a line that starts with the trigger is the line classifier's job
        ends = sentence_ends(before)
        sent_start = ends[-1] if ends else 0
        label = before[sent_start:].split()
        if len(label) > lex.inline_label_max_words or any(not w[:1].isupper() for w in label):
            continue
        start = sent_start + (len(before[sent_start:]) - len(before[sent_start:].lstrip()))
        end = _resume_point(text, m.end())
        end = len(text[:end].rstrip())
        if out and start < out[-1][1]:
            continue
        out.append((start, end, "inline_teaser"))
    return out


#: A wire-style dateline opening the first paragraph: "TBILISI, May 2 (Reuters) - ",
#: "KYIV (AP) — ", "LONDON, 3 March 2024 – ". The place is in capitals (accented ones too: "BOGOTÁ", and
#: a two-letter first word of a longer name: "LA PAZ"); a date or an agency in brackets must follow, then a
#: dash, then the sentence (or the end of the line: a dateline alone).
_WIRE_DATELINE = re.compile(
    r"\s*(?P<place>(?:[A-Z\u00c0-\u00de]{2}(?=\s[A-Z\u00c0-\u00de]{2})|[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'.\-]{2,})"
    r"(?:\s[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'.\-]+){0,3})"     # "ASUNCIÓN", "LA PAZ"
    r"(?:\s*,\s*(?:[A-Z]\.){2,3})?"                                   # "WASHINGTON, D.C."
    r"(?:\s*,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s*[,(]))?"             # "GENEVA, Switzerland"
    r"(?:\s*\([A-Z][a-z][A-Za-z .'\-]*\))??"                           # "KYIV (Ukraine)"
    r"(?:\s*,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Z][\w .&'\-]{1,40})\))?"
    r"\s*[-\u2013\u2014]+(?:\s+(?=[\"\u201c\u2018A-Z])|[ \t]*$)")


def parse_wire_dateline(text: str) -> tuple[int, str | None, str | None] | None:
    """(end offset, date text, agency) of a wire dateline opening ``text``, or None."""
    m = _WIRE_DATELINE.match(text)
    if not m or not (m.group("date") or m.group("agency")):
        return None
    return m.end(), m.group("date"), m.group("agency")


def find_wire_dateline(text: str) -> list[Span]:
    """The span of a wire dateline opening ``text``.

    Not inline junk: a dateline that opens a paragraph is the first words of the body (cleaning reads
    its date and agency and leaves it there); a dateline alone on its line is a metadata line.
    """
    found = parse_wire_dateline(text)
    if not found:
        return []
    lead = len(text) - len(text.lstrip())
    return [(lead, found[0], "dateline")]


def find_inline_junk(text: str, lex: Lexicon) -> list[Span]:
    """Every inline removal in one line or paragraph, sorted and non-overlapping."""
    spans = find_stray_markup(text) + find_glued_label(text, lex) + find_inline_teasers(text, lex)
    spans.sort()
    merged: list[Span] = []
    for s, e, reason in spans:
        if merged and s < merged[-1][1]:
            ps, pe, preason = merged[-1]
            merged[-1] = (ps, max(pe, e), preason)
        else:
            merged.append((s, e, reason))
    return merged
