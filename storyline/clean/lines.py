"""Lines of a plain-text article and what each one is, judged from its own shape.

A *unit* is one paragraph, heading or list item: usually one line, or several
hard-wrapped lines joined. ``classify_unit`` looks at one unit alone (lexicon,
date line, byline, breadcrumb, hashtags, reading time, line shape); the
document-level passes in ``storyline.clean.document`` then use position,
repetition and the neighbouring units.

``LineStats`` counts, across a corpus, how many documents contain each short
line, so a site's furniture that no lexicon knows ("Our team", "Most read
this week") is still recognised by being everywhere.
"""
from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from storyline.clean import metadata
from storyline.clean.lexicon import Lexicon, normalise_line
from storyline.model import Document

LOGGER = logging.getLogger(__name__)

#: A line of at most this many words may be furniture; longer lines are tested
#: only against the distinctive phrases of the lexicon.
SHORT_LINE_WORDS = 12
#: Lexicon prefixes ("Read more: …", "Tags: …") cover a teaser headline of this length.
PREFIX_MAX_WORDS = 25
#: A header line of metadata segments (outlet, byline, date, time) has at most this many words.
META_LINE_MAX_WORDS = 20
#: Distinctive boilerplate phrases are searched in lines up to this length.
PHRASE_MAX_WORDS = 30
#: A line that ends like a sentence and has this many words is body prose…
PROSE_MIN_WORDS = 2
#: …and so is any line this long, punctuated or not (a standfirst, a cut-off paragraph).
LONG_LINE_WORDS = 20
#: A section label beside a line's metadata ("Analysis | 5 min read") has at most this many words.
MAX_LABEL_WORDS = 2
#: A corpus line statistic only keeps lines seen in at least two documents.
MIN_STAT_DOCS = 2

_BULLET = re.compile(r"^(?:[\u2022\u00b7*\u25aa\u25cf\u25ba\u2013\u2014-]|\d{1,2}[.)])\s+")
_HASHTAGS = re.compile(r"^(?:#[^\W_][\w-]*[\s,;]*)+$")
_READING_TIME = re.compile(
    r"^(?:(?:reading time|read time|time to read|estimated reading time)\s*:?\s*)?(?:about\s+)?"
    r"\d{1,3}\s*(?:-\s*\d{1,3}\s*)?(?:min|mins|minutes?|m)\.?(?:\s+(?:read|reading|to read))?$", re.I)
#: the sentence-final marks of other scripts (CJK and its halfwidth form, the Devanagari danda, the Arabic question mark
#: and full stop, the Armenian and Ethiopic full stops and question mark, the Myanmar and Khmer full stops, the Tibetan
#: shad, the Sinhala kunddaliya), which end a sentence wherever they stand: CJK, Devanagari, Myanmar and Khmer prose
#: puts no space after them, and they are not used in abbreviations or figures as the Latin full stop is
SCRIPT_STOPS = "\u3002\uff01\uff1f\uff61\u0964\u0965\u061f\u06d4\u0589\u1362\u1367\u104b\u17d4\u17d5\u0f0d\u0f0e\u0df4"
#: Sentence-final punctuation, then closing marks; tokenised text puts spaces between them ("say . \"")
TERMINAL_PUNCT = re.compile(rf"[.!?\u2026{SCRIPT_STOPS}]"
                            r"(?:\s*[\"'\u201d\u2019\u00bb)\]\u300d\u300f])*\s*$")
#: a sentence's end inside or at the end of a text: a Latin mark after a word and before a space (tokenised text
#: spaces it off: "say ."), or another script's full stop anywhere
_SENTENCE_ENDS = re.compile(r"\w\s?[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)|"
                            rf"[{SCRIPT_STOPS}]+[\"'\u201d\u2019\u00bb)\]\u300d\u300f]*")
#: letters of scripts whose sentences do not open with a capital: Hebrew, Arabic (and Persian, Urdu), the Indic
#: scripts, Thai and Lao, Tibetan, Myanmar, Georgian (Unicode gives its everyday letters a lower case, but a sentence
#: never opens with a capital), Hangul, Ethiopic, Khmer, kana and CJK ideographs
CASELESS_LETTERS = ("\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f"
                    "\u10d0-\u10ff\u1100-\u11ff\u1200-\u139f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                    "\uac00-\ud7af\ufb1d-\ufdff\ufe70-\ufeff")
_CASELESS = re.compile(f"[{CASELESS_LETTERS}]")
#: Who a line speaks to or for: the reader, the site (features of the sentence and line models)
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
FIRST_PLURAL = re.compile(r"\b(?:we|our|ours|us)\b", re.I)
#: scripts written without spaces between words (CJK, Thai): count about two characters a word
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_UNSPACED_RUN = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")


def unspaced_runs(text: str) -> list[str]:
    """The runs of letters of ``text`` in scripts written without spaces between words (CJK, Thai)."""
    return _UNSPACED_RUN.findall(text)


def word_count(text: str) -> int:
    """Words in ``text``; in scripts without spaces, about one word per two characters."""
    if not _UNSPACED.search(text):
        return len(text.split())  # every token is one word: no per-token scan needed
    n = 0
    for token in text.split():
        unspaced = len(_UNSPACED.findall(token))
        n += max(1, unspaced // 2) if unspaced else 1
    return n


#: Separators between the facts of a header line: "Example Ledger | By Jane Roe · 3 May 2024 — 13:38".
_META_SEPARATORS = re.compile(r"\s+[|\u00b7\u2022/\u2013\u2014-]\s+|\s*[|\u00b7\u2022]\s*")
#: A line of only time codes and bracketed directions: "[21:00:14]", "00:01:05", "(COMMERCIAL BREAK)",
#: "[00:01:48] [Recording paused]" — a transcript's or broadcast's stage furniture, not speech.
_STAGE_LINE = re.compile(
    r"(?:\s*(?:\[[^\[\]]{1,60}\]|\([^()]{1,60}\)|\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?))+\s*")
#: A news agency's slug: one token of words joined by "-" or "/" ending in "/" or a story number,
#: with an optional bracketed version ("KENYA-FLOODS/", "BC-Port-Strike,0412", "X-Y/ (UPDATE 1, PIX)").
_SLUG_LINE = re.compile(r"[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*(?:/|,\d{3,4})(?:\s+\([A-Z0-9 ,./-]{2,40}\))?")
#: A sign-off of agency copy: "-30-", "###".
_SIGN_OFF = re.compile(r"-\s*30\s*-|#{3}")


@dataclass
class Unit:
    """One paragraph / heading / list item in raw offsets (content only, bullet excluded)."""
    start: int
    end: int
    kind: str = "paragraph"  # paragraph | item
    line_no: int = 0
    blank_before: bool = True
    #: where a bullet symbol ("•", "-", "*") before ``start`` begins; None without one. The bullet is
    #: not body text but is recorded as removed, so no character of raw goes unaccounted for
    mark: int | None = None


def text_lines(text: str) -> Iterator[tuple[int, int, int, int, str, str]]:
    """(line number, raw offset of the line, start, end, kind, stripped text) of each non-blank line;
    a blank line is reported with kind "" (start and end are the line's own offsets)."""
    pos = 0
    for no, line in enumerate(text.splitlines(keepends=True)):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            yield no, pos, pos, pos + len(line), "", ""
            pos += len(line)
            continue
        lead = len(body) - len(body.lstrip())
        kind = "paragraph"
        bullet = _BULLET.match(body[lead:])
        if bullet and len(body[lead + bullet.end():].split()) >= 1:
            kind = "item"
            lead += bullet.end()
        yield no, pos, pos + lead, pos + len(body.rstrip()), kind, stripped
        pos += len(line)


def split_units(text: str) -> list[Unit]:
    """Split text into units; hard-wrapped lines are joined back into one paragraph."""
    units: list[Unit] = []
    blank = True
    last_line_start = 0  # where the last line of units[-1] starts
    for no, pos, start, end, kind, stripped in text_lines(text):
        if not kind:
            blank = True
            continue
        prev = units[-1] if units else None
        # only the paragraph's last line decides (the whole paragraph so far would make
        # a long hard-wrapped paragraph quadratic)
        if prev and not blank and kind == "paragraph" \
                and _continues(text[last_line_start:prev.end], stripped):
            prev.end = end
            last_line_start = pos
        else:
            units.append(Unit(start, end, kind, no, blank))
            last_line_start = start
        blank = False
    settle_list_marks(text, units)
    return units


def settle_list_marks(text: str, units: list[Unit]) -> None:
    """Decide what each item's leading mark is, in place.

    A bullet symbol is furniture: the unit starts after it and ``mark`` records where it was. A
    number ("2." or "2)") is body text and stays in the unit: it orders a list, and outside a run
    of items it is part of the sentence ("2. 5-ton trucks" in tokenised text is "2.5-ton trucks").
    A numbered line counts as a list item only beside another item.
    """
    items = [u.kind == "item" for u in units]
    for i, u in enumerate(units):
        if not items[i]:
            continue
        line_start = text.rfind("\n", 0, u.start) + 1
        mark_start = line_start + len(text[line_start:u.start]) - len(text[line_start:u.start].lstrip())
        if not text[mark_start:mark_start + 1].isdigit():
            u.mark = mark_start
            continue
        u.start = mark_start
        in_run = (i > 0 and items[i - 1]) or (i + 1 < len(units) and items[i + 1])
        if not in_run:
            u.kind = "paragraph"


#: A line this long that does not end a sentence may be wrapped onto the next line.
WRAP_MIN_CHARS = 50


#: A post's header under a thread's headline: "by fennel_fred » Mon Apr 07, 2025 6:18 pm", "by Ann Lee | 3 May": the
#: poster's name of at most three words, then a separator of the header's fields, which no wrapped sentence prints.
_POST_HEADER = re.compile(r"^by\s+[^\s\u00bb|\u00b7\u2022]+(?:\s+[^\s\u00bb|\u00b7\u2022]+){0,2}"
                          r"\s+[\u00bb|\u00b7\u2022]\s")


def _continues(prev_line: str, line: str) -> bool:
    """True when ``line`` carries on the hard-wrapped paragraph whose last line is ``prev_line``."""
    if len(prev_line) < WRAP_MIN_CHARS or TERMINAL_PUNCT.search(prev_line) or prev_line.endswith(":"):
        return False
    # a long headline over its post's header opening with a lowercase "by" is two lines, not one wrapped sentence
    return line[:1].islower() and not _POST_HEADER.match(line)


def ends_sentence(text: str) -> bool:
    """True when the text ends with sentence-final punctuation (closing quotes allowed)."""
    return bool(TERMINAL_PUNCT.search(text.rstrip()))


def sentence_ends(text: str) -> int:
    """How many sentences end in ``text``, in any script (the last one without its mark not counted)."""
    return len(_SENTENCE_ENDS.findall(text))


def caseless_share(text: str) -> float:
    """The share of the letters of ``text`` in scripts without capitals at a sentence's start (``CASELESS_LETTERS``)."""
    if text.isascii():  # CASELESS_LETTERS holds no ASCII letter: most lines are done in one C-level check
        return 0.0
    letters = "".join(c for c in text if c.isalpha())
    return len(_CASELESS.findall(letters)) / len(letters) if letters else 0.0


def opens_sentence(text: str) -> bool:
    """Opens as a sentence does: a capital, a figure or an opening quote, or a letter of a script without
    capitals (a Hindi, Arabic or Chinese sentence has no capital to open with)."""
    s = text.lstrip()
    return bool(s) and (s[0].isupper() or s[0].isdigit() or s[0] in "\"'\u201c\u2018\u00ab" or bool(_CASELESS.match(s)))


def is_prose(text: str) -> bool:
    """Body-shaped: a punctuated sentence of a few words, or a long line."""
    return _is_prose(text, word_count(text))


def _is_prose(text: str, words: int) -> bool:
    """``is_prose`` for a caller that has already counted the words of ``text``."""
    return words >= LONG_LINE_WORDS or (words >= PROSE_MIN_WORDS and ends_sentence(text))


def _digest(norm: str) -> str:
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


@dataclass
class LineStats:
    """How many documents of a corpus contain each short line (normalised).

    Read-only once built and picklable (plain dicts), so the engine builds it
    once and ships it to workers. Long lines are kept as digests only: they tell
    syndicated copies (which share headings *and* paragraphs) from site furniture.
    """
    short: dict[str, int] = field(default_factory=dict)
    long: dict[str, int] = field(default_factory=dict)
    n_docs: int = 0

    @classmethod
    def from_documents(cls, docs: Iterable[Document]) -> LineStats:
        """Count, for each short and long line, the documents that contain it."""
        short: Counter[str] = Counter()
        long: Counter[str] = Counter()
        n = 0
        for doc in docs:
            n += 1
            s_keys, l_keys = line_keys(doc.raw)
            short.update(s_keys)
            long.update(l_keys)
        return cls({k: v for k, v in short.items() if v >= MIN_STAT_DOCS},
                   {k: v for k, v in long.items() if v >= MIN_STAT_DOCS}, n)

    def repeated(self, norm: str, doc_long_keys: set[str], min_docs: int) -> bool:
        """True when a short line is site furniture: in ``min_docs`` documents or more,
        more often than this document's own paragraphs are (i.e. not a syndicated copy)."""
        count = self.short.get(norm, 0)
        if count < min_docs:
            return False
        copies = max((self.long.get(k, 0) for k in doc_long_keys), default=0)
        return copies < count


def line_keys(raw: str) -> tuple[set[str], set[str]]:
    """(normalised short lines, digests of long lines) of one raw text."""
    return unit_keys(raw, split_units(raw))


def unit_keys(raw: str, units: list[Unit]) -> tuple[set[str], set[str]]:
    """``line_keys`` of a text already split into ``units`` (``split_units(raw)``)."""
    short, long = set(), set()
    for unit in units:
        text = raw[unit.start:unit.end]
        norm = normalise_line(text)
        if not norm:
            continue
        if len(norm.split()) <= SHORT_LINE_WORDS:
            short.add(norm)
        else:
            long.add(_digest(norm))
    return short, long


@dataclass
class Verdict:
    """What a unit is, judged alone."""
    label: str  # junk | meta | body | short
    reason: str = ""
    date: metadata.DateGuess | None = None
    byline: metadata.Byline | None = None
    crumbs: list[str] | None = None
    teaser_header: bool = False
    #: the outlet a header line names beside its byline or date ("Example Ledger | 3 May 2024")
    outlet: str | None = None


def _meta_segments(text: str, reference_year: int | None, lex: Lexicon | None = None) -> Verdict | None:
    """A line made only of metadata segments: "By Jane Roe | 3 June 2022 | 4 min read",
    "Example Ledger · By Jane Roe · 3 June 2022"; a name-shaped segment beside them is the outlet."""
    parts = [p for p in _META_SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    date = byline = None
    names: list[str] = []
    facts = 0
    for part in parts:
        d = metadata.parse_date_line(part, reference_year)
        b = None if d else metadata.parse_byline(part)
        if d:
            date = date or d
        elif b:
            byline = byline or b
        elif _READING_TIME.match(part.strip()) or metadata.is_time_of_day(part):
            pass  # "4 min read", "6.00pm": beside a date they are its line's, not the story's
        elif lex is not None and metadata.header_outlet_part(part, lex.outlet_words,
                                                           lex.section_words | lex.breadcrumb_roots):
            names.append(part)
            continue
        elif _is_label(part):
            continue  # "Analysis | 5 min read": a section label beside the metadata
        else:
            return None
        facts += 1
    if not facts:
        return None
    outlet = None
    if names and (byline is not None or date is not None):
        # a person's name beside a date and no byline may be the author: only an outlet-worded name is taken then
        outlet = next((n for n in names if byline is not None or metadata.has_outlet_word(n, lex.outlet_words)
                       ), None) if lex is not None else None
        outlet = metadata.outlet_name(outlet) if outlet else None
    if byline is not None and outlet and not byline.org:
        byline = dataclasses.replace(byline, org=outlet)
    reason = "dateline" if date and not byline else ("byline" if byline else "reading_time")
    return Verdict("meta", reason, date=date, byline=byline, outlet=outlet)


def _bracketed_prose(text: str) -> bool:
    """A bracketed sentence ("(The vote was 5 to 3.)") is text, not a stage direction."""
    inner = text.strip("()[] ")
    return len(inner.split()) >= PROSE_MIN_WORDS and ends_sentence(inner)


def _is_label(part: str) -> bool:
    """A section label or place beside metadata: a word or two, letters only ("Opinion", "World")."""
    words = part.split()
    # a script without capitals has no capital to open its label with ("只看该作者", "שתפו")
    return 1 <= len(words) <= MAX_LABEL_WORDS and all(w.isalpha() for w in words) \
        and (part.strip()[:1].isupper() or bool(_CASELESS.match(part.strip())))


def classify_unit(text: str, lex: Lexicon, reference_year: int | None = None) -> Verdict:
    """Judge one unit's text (inline junk already taken out) by itself."""
    words = word_count(text)
    norm = normalise_line(text)
    if not norm or not any(c.isalnum() for c in norm):
        return Verdict("junk", "empty_line" if not text.strip() else "punctuation_line")
    if words <= SHORT_LINE_WORDS:
        if metadata.is_url_line(text):
            return Verdict("junk", "url")
        date = metadata.parse_date_line(text, reference_year)
        if date:
            return Verdict("meta", "dateline", date=date)
        # segments first: "By Jane Roe | Santiago | 9 October 2023" is a byline, a place and a date,
        # not a byline whose organisation is "Santiago | 9 October 2023"
        seg = _meta_segments(text, reference_year, lex)
        if seg:
            return seg
        byline = metadata.parse_byline(text)
        if byline:
            return Verdict("meta", "byline", byline=byline)
        stripped = text.strip()
        if _STAGE_LINE.fullmatch(stripped) and not _bracketed_prose(stripped):
            return Verdict("junk", "stage_direction")
        if _SLUG_LINE.fullmatch(stripped) or _SIGN_OFF.fullmatch(stripped):
            return Verdict("junk", "wire_slug")
        if _READING_TIME.match(norm):
            return Verdict("junk", "reading_time")
        if _HASHTAGS.match(text.strip()):
            return Verdict("junk", "hashtags")
        if lex.teaser_header.fullmatch(norm):
            return Verdict("junk", "teaser_header", teaser_header=True)
        category = lex.line_reason(norm)
        if category:
            return Verdict("junk", category)
        if lex.is_button_run(norm):
            return Verdict("junk", "share")
    if words <= META_LINE_MAX_WORDS and words > SHORT_LINE_WORDS:
        # a header line of several facts runs longer than a short line ("Example Ledger · By Jane Roe · 3 May
        # 2024 13 : 38"); every segment must be a fact or a name beside them, so prose never qualifies
        seg = _meta_segments(text, reference_year, lex)
        if seg:
            return seg
    if words <= PREFIX_MAX_WORDS:
        if lex.credit.match(norm):
            return Verdict("junk", "credit")
        if lex.prefix.match(norm):
            return Verdict("junk", "boilerplate_prefix")
        crumbs = metadata.parse_breadcrumb(text, lex.breadcrumb_roots)
        if crumbs:
            return Verdict("junk", "breadcrumb", crumbs=crumbs)
    if words <= PHRASE_MAX_WORDS and lex.has_phrase(norm):
        return Verdict("junk", "boilerplate_phrase")
    return Verdict("body" if _is_prose(text, words) else "short")
