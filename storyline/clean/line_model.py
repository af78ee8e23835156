"""A trained second opinion on the lines the cleaning rules keep (issue 15).

The rules of ``storyline.clean.document`` judge each unit by lexicon, shape and structure. Furniture
that none of them names ("Image 1 of 4", a user name over a post, a live blog's "10:58am") is left in
the body. A small classifier, trained from the team's invented pages in ``training/clean/`` by
``scripts/train_clean.py`` and shipped as ``storyline/models/clean_lines.npz``, reads each line's
features — the rules' verdict and reason among them — and those of its neighbours, and gives the
probability that the line is furniture.

It only ever removes: a kept line with a high probability becomes a removal with reason
``line_model``, so the cleaning contract (every removed character recorded, body text unaltered)
holds whatever the model says. Losing a line of the story is worse than leaving a line of junk, so the
model alone never decides (``removals``): a line goes only when the model is confident *and* a rule or
the page's structure agrees (``agreement``): a lexicon or shape cue, a template the page repeats, a
place outside the story's prose, or furniture right beside it. A heading inside the story, a one-word
answer or a short list item has none of these and stays, whatever the model says. Prose (``protected``)
is never removed by it, unless the sentence model (``storyline.clean.sentence_model``, stored in the same file)
is confident too that the line is furniture written as a sentence ("Market reports are provided by …", a
subscription pitch, a bio of the author): its probability is a feature of every line and of its
neighbours, and a line of prose goes only when both models say furniture (reason ``sentence_model``).

A table's rows, a list's items, a live blog's or a timeline's stamped entries and a transcript's turns are judged
as a *block* (``blocks``): a run of such lines standing in the story is the story's structure, so its rows are kept
together, and the block goes only as a whole, when the model calls the whole block furniture and it reads like a
list of links or a menu (``decide``). Each line sees its block's length, share of figures and of sentences, and
whether prose stands around it. Inside the story's span (between its first and last paragraph of prose) a line
needs stronger evidence to go than at the edges: a higher probability and a cue of its own or the sentence model,
not only a neighbour's.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from storyline import modelfile
from storyline.cache import read_shipped_model
from storyline.clean.lexicon import Lexicon, normalise_line
from storyline.clean.lines import (
    CASELESS_LETTERS,
    FIRST_PLURAL,
    SCRIPT_STOPS,
    SECOND_PERSON,
    caseless_share,
    ends_sentence,
    opens_sentence,
    sentence_ends,
    word_count,
)
from storyline.clean.metadata import MONTHS
from storyline.clean.structure import (
    NUMBERED_HEADING,
    RELATIVE_TIME,
    informative_shape,
    row_shape,
    schedule_row,
    shape_key,
)
from storyline.data import load

#: A kept line the model removes without the sentence model must not be prose: at least this many words ending a
#: sentence (or holding a
#: sentence break: "Good morning, and welcome to the call. [Operator instructions]")…
PROTECT_SENTENCE_WORDS = 5
#: …or this many words whatever its punctuation.
PROTECT_ANY_WORDS = 20
#: Probability of furniture above which a kept line is removed (set by train_clean.py's cross-validation).
DEFAULT_THRESHOLD = 0.7
#: P(furniture) of the sentence model above which a line written as prose may go (set by train_clean.py).
DEFAULT_SENTENCE_THRESHOLD = 0.9
#: Below this P(furniture) of the sentence model, a line of prose is the story's core (``features``).
CORE_SENTENCE_P = 0.5
#: …and a paragraph of it the sentence model is this sure of (``features``: the story's sure core)
SURE_CORE_P = 0.3
#: Neighbours on each side whose features a line sees.
CONTEXT = 2
#: Inside the story's span a line that is not prose goes only above this probability (and with a cue of its own).
INNER_THRESHOLD = 0.95
#: A block (``blocks``) has at least this many rows.
MIN_BLOCK_ROWS = 2
#: A sub-heading inside a block ("Sunday", "What we don't know") has at most this many words.
BLOCK_HEADING_WORDS = 5
#: A block reads like links or a menu when at least this share of its rows are short, figure-free and not sentences.
LINK_LIKE_SHARE = 0.6
#: Words that speak to the reader ("you", "your") or for the site ("we", "our", "us"): a call to action's voice.
_READER = re.compile(r"\b(?:you|your|yours|we|our|us)\b", re.I)

_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|example|co\.uk|io)\b", re.I)
_EMAIL = re.compile(r"[\w.+-]+(?:@| at )[\w-]+\.[\w.]+")
_HANDLE = re.compile(r"(?:^|\s)[@#]\w|\bu/\w|\br/\w")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]m\b", re.I)
_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
                   r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                   r"\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|\b(?:19|20)\d{2}\b", re.I)
_COUNTER = re.compile(r"^\W*[\d.,]+\s*[kKmM]?\W*(?:[a-z]+)?\W*$")
_SEPARATORS = re.compile(r"[|\u00b7\u2022\u203a\u00bb>]")
_LEADING_NUMBER = re.compile(r"^\(?\d{1,2}[.)]\s")
#: a bibliographic reference ("Sollie I., Marsh K. (2026). Title. Journal 14: 221-233.", "Kassa A, et al. Lancet.
#: 2026;26:811-22."): authors written as surname and initials, "et al.", or a volume with its pages; a science
#: story's reference list is the publication's apparatus, not the story
_CITATION = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?[A-Z][\w'\u2019-]+,?\s+(?:[A-Z]{1,2}\.?\s?){1,3}(?:,|\.|\(|et al)"
                       r"|\bet al\.|\b\d+\s*\(\d+\)\s*:\s*\w|\b\d+\s*:\s*\d+\s*[-\u2013]\s*\d+\b")
#: …or, in a script without capitals, a full stop of any script between two words ("… खोले हैं। किसान …", "…了。他…")
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]|"
                             rf"\w\s?[.!?\u2026{SCRIPT_STOPS}]"
                             rf"[\"'\u201d\u2019\u300d]?\s*[\"'\u201c\u300c]?[{CASELESS_LETTERS}]")
#: An entry opened by a stamp: a clock time ("16:45", "[00:01:07]", "10am", "12.30pm"), a match minute ("90+2'"),
#: or a year ("2015 - The old bridge …"), followed by the entry's words.
_STAMP = re.compile(r"^\s*\[?(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?|"
                    r"\d{1,3}(?:\+\d{1,2})?['\u2019]|(?:1[89]|20)\d{2}:?)\]?\s+\S", re.I)
#: A numbered row ("1. Ibrahim Tadesse …", "3 St Brannoc, score 8.4") or a question / answer turn ("Q:", "A.").
_NUMBERED_ROW = re.compile(r"^\s*\(?\d{1,2}[.)]?\s+[^\W\d_]")
_QA = re.compile(r"^\s*[QA][.:]\s")
#: The writer's own voice: "I", "I'm", "I've", "I'd", "I'll" as a word.
_FIRST_SINGULAR = re.compile(r"(?<![\w'\u2019])I(?:['\u2019](?:m|ve|d|ll))?(?![\w'\u2019-])")
#: A notice speaks to the reader or sends them somewhere: "you", a link, an address.
ADDRESSES_READER = re.compile(r"\b(?:you|your|yours)\b|https?://|www\.|@", re.I)
#: A call to action opens with a bare verb the site addresses to the reader ("Sign up …", "Follow us …", "Send your
#: photos …", "Check with the venue …"); a feature, not a decision: a story's advice opens so too ("Check your tyres").
IMPERATIVE = re.compile(r"^\W*(?:please\s+)?(?:sign|subscribe|follow|join|read|listen|watch|download|send|"
                         r"email|e-mail|call|ring|phone|text|message|check|share|support|donate|become|get|"
                         r"register|log|visit|find|"
                         r"contact|tell|click|tap|see|buy|order|save|try|enjoy|discover|explore|stay|keep|refresh|"
                         r"don['\u2019]t|do not|always|never|help|chip|catch|rate|leave|submit|write|let)\b|"
                         r"^\W*(?:suscr[ií]bete|s[ií]guenos|rec[ií]be|escr[ií]benos|l[eé]e|assine|siga|receba|leia|"
                         r"apoie|zapisz|obserwuj|czytaj|wspieraj|napisz)\b", re.I)
#: …or hedges what follows, as a caveat does ("These minutes are subject to approval", "It has not been checked
#: against delivery"): a caveat about the text is the publisher's notice, not the writer's introduction.
#: An introduction points at the piece or speaks for its makers ("This is …", "our conversation", "we visited"); an
#: order to the listener ("Listen again on the app.") does neither.
_SELF_REFERENCE = re.compile(r"\b(?:this|these|our|we|us)\b", re.I)
#: The turns an introduction opens stand within this many kept lines below it.
OPENING_REACH = 3
_SPEAKER = re.compile(r"^[A-Z][A-Z .'()-]{1,40}:\s")
_HEDGE = re.compile(r"\b(?:not|subject to|may|might)\b|n['\u2019]t\b", re.I)


@functools.lru_cache(maxsize=1)
def _reader_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The other languages' cues (``reader_cues.yaml``) as two patterns: a word of address or of the site anywhere,
    and a call to act opening the text."""
    languages = load("reader_cues")["languages"].values()
    words = sorted({w.lower() for cues in languages for key in ("reader", "site") for w in cues.get(key, [])},
                   key=len, reverse=True)
    opening = sorted({w.lower() for cues in languages for w in cues.get("imperative", [])}, key=len, reverse=True)
    # a word ends where no letter, digit or joining hyphen / apostrophe follows ("vous" not in "vousoyer")
    edge = r"(?![\w'\u2019-])"
    return (re.compile(r"(?<![\w'\u2019-])(?:" + "|".join(map(re.escape, words)) + ")" + edge),
            re.compile(r"^\W*(?:" + "|".join(map(re.escape, opening)) + ")" + edge))


def calls_reader_to_act(text: str) -> bool:
    """A line that speaks to the reader or for the site, or opens with a call to act, in English
    (``ADDRESSES_READER``, ``FIRST_PLURAL``, ``IMPERATIVE``) or in another language the cleaning training covers
    (``reader_cues.yaml``: "Reserva ahora", "Jetzt buchen", "vos avantages", "наши предложения")."""
    if ADDRESSES_READER.search(text) or FIRST_PLURAL.search(text) or IMPERATIVE.match(text):
        return True
    address, opening = _reader_cues()
    lowered = text.lower()
    return bool(address.search(lowered) or opening.match(lowered))


def opening_line(lines: Sequence[JudgedLine]) -> int | None:
    """The story's opening paragraph: the first kept line written as a sentence, with only the page's header
    (headline, byline, date, furniture the rules removed) above it and questions and answers or a speaker's turns
    right below it. The writer introducing the piece there ("This is an edited transcript of our talk with …",
    "Every fortnight our reporters take up a reader's complaint.") speaks as the publication but about the story: the
    sentence model, trained on notices that speak the same way, may not take it out, unless it speaks to the reader
    or gives a link or an address (a paywall's "You have two free articles left" can stand there too) or hedges like
    a caveat ("These minutes are subject to approval"), or neither points at the piece nor speaks for its makers."""
    for i, ln in enumerate(lines):
        if ln.label == "heading":
            return None
        if ln.label != "body":
            continue
        if not written_as_sentence(ln.text) or ADDRESSES_READER.search(ln.text) or _HEDGE.search(ln.text) \
                or not _SELF_REFERENCE.search(ln.text):
            return None
        # …over the turns it introduces: an interview's or a column's questions, a transcript's speakers (a notice
        # over a news story's paragraphs is not told apart from a lead by where it stands)
        below = [x for x in lines[i + 1:] if x.label in ("body", "heading")][:OPENING_REACH]
        turns = any(_QA.match(x.text) or _SPEAKER.match(x.text) or turn_label(x.text) for x in below)
        return i if below and below[0].label == "body" and turns else None
    return None


@dataclass
class JudgedLine:
    """One unit as the rules left it: its text (inline junk out), raw text (spacing kept) and verdict."""
    text: str
    raw: str
    label: str  # body | heading | junk | meta
    reason: str
    item: bool = False
    table_row: bool = False


def protected(line: JudgedLine) -> bool:
    """Prose the model may not remove: a long line, or a sentence of a few words or more (one that introduces
    a list or table with a colon included)."""
    words = word_count(line.text)
    return words >= PROTECT_ANY_WORDS or (words >= PROTECT_SENTENCE_WORDS and (
        ends_sentence(line.text) or line.text.rstrip().endswith(":") or bool(_SENTENCE_BREAK.search(line.text))))


def _ratio(n: int, d: int) -> float:
    return n / d if d else 0.0


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _own(line: JudgedLine, lex: Lexicon) -> dict[str, Any]:
    """Features of a line alone."""
    text = line.text
    norm = normalise_line(text)
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    n_words = word_count(text)
    f: dict[str, Any] = {
        "label=" + line.label: 1, "reason=" + (line.reason or "-"): 1,
        "words": min(n_words, 40), "log_chars": math.log1p(len(text)),
        "short": int(n_words <= 3), "terminal": int(ends_sentence(text)), "colon_end": int(text.rstrip().endswith(":")),
        "caps": _ratio(sum(c.isupper() for c in letters), len(letters)),
        "digits": _ratio(sum(c.isdigit() for c in text), len(text)),
        "title_words": _ratio(sum(w[:1].isupper() for w in words), n_words),
        "no_letters": int(not letters), "url": int(bool(_URL.search(text))), "email": int(bool(_EMAIL.search(text))),
        "handle": int(bool(_HANDLE.search(text))), "time": int(bool(_TIME.search(text))),
        "date": int(bool(_DATE.search(text))), "relative_time": int(bool(RELATIVE_TIME.search(text))),
        "counter": int(bool(_COUNTER.match(text))), "separators": min(len(_SEPARATORS.findall(text)), 4),
        "number_start": int(bool(_LEADING_NUMBER.match(line.raw.lstrip()))), "item": int(line.item),
        "table_row": int(line.table_row), "row_shape": int(row_shape(line.raw) is not None),
        "bracketed": int(text.strip()[:1] in "([" and text.strip()[-1:] in ")]"),
        "upper_start": int(text[:1].isupper()), "lower_start": int(text[:1].islower()),
        "one_token_name": int(n_words == 1 and any(c in text for c in "_.") and not ends_sentence(text)),
        "speaker_label": int(bool(re.match(r"^[A-Z][A-Z .'()-]{1,40}:", text))),
        "quote_mark": int(any(c in text for c in "\"\u201c\u201d")),
        "lex_line": int(bool(lex.line_reason(norm))), "lex_prefix": int(bool(lex.prefix.match(norm))),
        "lex_phrase": int(lex.has_phrase(norm)), "lex_credit": int(bool(lex.credit.match(norm))),
        "lex_buttons": int(lex.is_button_run(norm)), "lex_teaser": int(bool(lex.teaser_header.fullmatch(norm))),
        "name_shaped": int(name_shaped(text)), "reader": int(bool(_READER.search(text))),
        "numbered_heading": int(bool(NUMBERED_HEADING.match(line.raw))),
        "sentence_like": int(sentence_like(text)), "strong_prose": int(strong_prose(line)),
        "citation": int(citation(text)),
        "you": min(len(SECOND_PERSON.findall(text)), 3), "we": min(len(FIRST_PLURAL.findall(text)), 3),
        "imperative": int(bool(IMPERATIVE.match(text))),
        # prose in any script: how many sentences end in the line (a danda, "。", "؟" as well as "."), and how much of
        # it is written in a script without capitals, where a sentence's opening shows no capital
        "sentences": min(sentence_ends(text), 4), "caseless": round(caseless_share(text), 2),
    }
    return f


def citation(text: str) -> bool:
    """A bibliographic reference: surname-and-initials authors, "et al." or a volume's pages, with a year."""
    return bool(_CITATION.search(text)) and bool(re.search(r"\b(?:19|20)\d{2}\b", text))


def sentence_like(text: str) -> bool:
    """Written as a sentence: opens as one (a capital, a figure, or a letter of a script without capitals) and ends
    with sentence punctuation of any script."""
    s = text.strip()
    return opens_sentence(s) and ends_sentence(s)


#: A speaker's label alone on a line: at most this many words, in capitals or ending in a colon.
TURN_LABEL_MAX_WORDS = 6


def turn_label(text: str) -> bool:
    """Shaped like a speaker's label alone on a line ("HOST", "JANE ELDER, TRUST CHIEF EXECUTIVE", "Q:")."""
    s = text.strip()
    letters = [c for c in s if c.isalpha()]
    return 1 <= len(s.split()) <= TURN_LABEL_MAX_WORDS and bool(letters) and not ends_sentence(s) \
        and (s.endswith(":") or all(c.isupper() for c in letters))


def name_shaped(text: str) -> bool:
    """A name, not a phrase: one to four words, each capitalised, no figures or sentence punctuation."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
        and not any(c.isdigit() or c in ".?!:;," for c in text)


def strong_prose(line: JudgedLine) -> bool:
    """A paragraph of the story as the rules see it: a punctuated sentence of 8+ words, or 40+ words."""
    words = word_count(line.text)
    return line.label == "body" and ((words >= 8 and ends_sentence(line.text)) or words >= 40)


def row_kind(line: JudgedLine) -> str | None:
    """What kind of structural row a kept line is: "item" (a list's), "qa" (a question or an answer), "stamp" (an
    entry opened by a time, a match minute or a year), "row" (a table's), "numbered", "turn" (a speaker's), "figure"
    (a short line of figures without a mark, ``figure_row``); None."""
    raw = line.raw.strip()
    if raw.endswith(":") and not line.item:
        return None  # the line that introduces the rows ("These roads will be closed from 7am on Sunday:")
    if line.item:
        return "item"
    if _QA.match(raw):
        return "qa"
    if _STAMP.match(raw):
        return "stamp"
    if line.table_row or row_shape(line.raw) is not None:
        return "row"
    if _NUMBERED_ROW.match(raw):
        return "numbered"
    if re.match(r"^[A-Z][A-Za-z .'()-]{1,40}:\s", raw):
        return "turn"
    if figure_row(raw):
        return "figure"
    return None


#: A row of figures written without a list mark has at most this many words ("250g self-raising flour",
#: "Bramley £248,300 +4.1%").
FIGURE_ROW_WORDS = 8


def figure_row(text: str) -> bool:
    """A short line holding a figure that is not a sentence nor a link: an ingredient, a price, a result written as
    a list without marks. Alone it proves nothing; two or more in a run are a block (``blocks``)."""
    s = text.strip()
    return 1 <= len(s.split()) <= FIGURE_ROW_WORDS and any(c.isdigit() for c in s) and not ends_sentence(s) \
        and not _URL.search(s) and not _EMAIL.search(s)


@dataclass
class Block:
    """A run of structural rows (``row_kind``) the rules kept, with the short sub-headings between them."""
    start: int
    end: int  # exclusive
    rows: list[int]
    headings: list[int]


def _block_heading(line: JudgedLine) -> bool:
    text = line.text.strip()
    return line.label in ("body", "heading") and 1 <= len(text.split()) <= BLOCK_HEADING_WORDS \
        and not ends_sentence(text)


def blocks(lines: Sequence[JudgedLine]) -> list[Block]:
    """The blocks of a page: runs of at least ``MIN_BLOCK_ROWS`` kept lines that each have a row kind; a short
    sub-heading between two rows of a run ("Sunday" between two days' items) or right above its first row
    ("Ingredients") belongs to it. Lines the rules removed end a block: a menu the rules took out is not part of the
    story's table."""
    n = len(lines)
    kinds = [row_kind(ln) if ln.label in ("body", "heading") else None for ln in lines]
    out: list[Block] = []
    i = 0
    while i < n:
        if kinds[i] is None:
            i += 1
            continue
        rows, headings = [i], []
        j = i + 1
        while j < n:
            if kinds[j] is not None:
                rows.append(j)
                j += 1
            elif _block_heading(lines[j]) and j + 1 < n and kinds[j + 1] is not None:
                headings.append(j)
                j += 1
            else:
                break
        if len(rows) >= MIN_BLOCK_ROWS:
            start = i
            if i > 0 and kinds[i - 1] is None and _block_heading(lines[i - 1]) and (not out or out[-1].end < i - 1):
                start = i - 1
                headings.insert(0, start)
            out.append(Block(start, j, rows, headings))
        i = j
    return out


def _link_like(line: JudgedLine) -> bool:
    """Reads like a link or a menu entry: a few words, no figures, not a sentence."""
    text = line.text.strip()
    return len(text.split()) <= 8 and not any(c.isdigit() for c in text) and not ends_sentence(text)


def _block_features(lines: Sequence[JudgedLine], own: Sequence[dict[str, Any]], found: Sequence[Block],
                    core: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Per line of a block: the block's length, share of figures and sentences, link-likeness, the prose around
    it and where it stands against the story's core."""
    n = len(lines)
    out: dict[int, dict[str, Any]] = {}
    for b in found:
        members = [*b.rows, *b.headings]
        rows = [lines[i] for i in b.rows]
        above = next((k for k in range(b.start - 1, -1, -1) if lines[k].label in ("body", "heading")), None)
        below = next((k for k in range(b.end, n) if lines[k].label in ("body", "heading")), None)
        prose_around = [k for k in (above, below) if k is not None and own[k]["strong_prose"]]
        link_share = _ratio(sum(_link_like(ln) for ln in rows), len(rows))
        info = {
            "in_block": 1, "block_len": min(len(b.rows), 12),
            "block_digits": _ratio(sum(any(c.isdigit() for c in ln.text) for ln in rows), len(rows)),
            "block_sentences": _ratio(sum(sentence_like(ln.text) for ln in rows), len(rows)),
            "block_link_like": link_share,
            "block_prose_around": len(prose_around),
            "block_intro": int(above is not None and (own[above]["colon_end"] or own[above]["strong_prose"])),
            "block_colon_intro": int(above is not None and own[above]["colon_end"]),
            "block_junk_above": int(b.start > 0 and lines[b.start - 1].label in ("junk", "meta")),
            "block_in_span": int(bool(core) and core[0] < b.start and b.end - 1 < core[-1]),
            "block_sent_p": _ratio(sum(own[i]["sent_p"] for i in b.rows), len(b.rows)),
        }
        for i in members:
            out[i] = dict(info, block_row_pos=_ratio(i - b.start, max(b.end - b.start - 1, 1)),
                          block_heading=int(i in b.headings))
    return out


#: A run of short lines between two paragraphs of the story's core has at most this many lines (a fact box, an event
#: calendar, a product's box); a longer run is a section of its own.
RUN_MAX_LINES = 12


def inner_runs(lines: Sequence[JudgedLine], own: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """(start, end) of the runs of lines (any label) that are not the story's prose, standing right between two
    paragraphs of its core (strong prose the sentence model calls body): a box of "Label: figure" rows, an event
    calendar, a product's name, rating, price and button, a photo's caption and credit. Judged as one
    (``inner_run_removals``); the rows of the story's own table stand there too."""
    core = [i for i, f in enumerate(own) if f["strong_prose"] and f["sent_p"] < CORE_SENTENCE_P]
    out = []
    for a, b in itertools.pairwise(core):
        if 1 < b - a <= RUN_MAX_LINES + 1 and not any(own[k]["strong_prose"] for k in range(a + 1, b)) \
                and any(lines[k].label in ("body", "heading") for k in range(a + 1, b)):
            out.append((a + 1, b))
    return out


_NEIGHBOUR_KEYS = ("words", "terminal", "digits", "short", "time", "relative_time", "counter", "item", "lex_line",
                   "one_token_name", "speaker_label", "name_shaped", "sentence_like", "strong_prose", "lex_prefix",
                   "lex_phrase", "colon_end", "sent_p", "sentences")


def features(lines: Sequence[JudgedLine], lex: Lexicon,
             sentence_probs: Sequence[float] | None = None) -> list[dict[str, Any]]:
    """One feature dict per line: its own features, its position, template repeats and its neighbours'.

    ``sentence_probs``: the sentence model's P(furniture) of each line, when there is one; with it, a line also
    sees where the story's core stands (prose the sentence model calls body) and how far it is from it.
    """
    own = [_own(ln, lex) for ln in lines]
    n = len(lines)
    for f, p in zip(own, sentence_probs or [0.0] * n):
        f["sent_p"] = p
    core = [i for i in range(n) if own[i]["strong_prose"] and own[i]["sent_p"] < CORE_SENTENCE_P]
    shapes = [shape_key(ln.text) for ln in lines]
    shape_count = Counter(shapes)
    norm_count = Counter(normalise_line(ln.text) for ln in lines)
    first_body = next((i for i, ln in enumerate(lines) if ln.label == "body"), n)
    last_body = max((i for i, ln in enumerate(lines) if ln.label == "body"), default=-1)
    prose = [i for i in range(n) if own[i]["strong_prose"]]
    # the story's last paragraphs as a reader finds them: prose the sentence model is sure of that neither speaks to
    # the reader nor opens with a call to action; a notice at the foot written as plain prose stands below them
    sure_core = [i for i in core if own[i]["sent_p"] < SURE_CORE_P and not own[i]["you"] and not own[i]["imperative"]]
    kept = [i for i in range(n) if lines[i].label in ("body", "heading")]
    kept_p = [own[i]["sent_p"] for i in kept]
    found = blocks(lines)
    in_block = _block_features(lines, own, found, core)
    # a post's furniture comes as a block: the same pair of templates one after the other, post after post
    pairs = Counter((a, b) for a, b in itertools.pairwise(shapes) if informative_shape(a) or informative_shape(b))
    # a page in a script without capitals: the case features say nothing there, and the sentence model (trained mostly
    # on Latin and Cyrillic prose) is unsure of its lines, so its core may be missing
    page_caseless = round(caseless_share(" ".join(ln.text for ln in lines)), 1)
    out = []
    for i, ln in enumerate(lines):
        f = dict(own[i])
        nearest = min((abs(i - j) for j in prose), default=n)
        f.update({"page_caseless": page_caseless,
                  "rel_pos": _ratio(i, max(n - 1, 1)), "from_top": min(i, 10), "from_bottom": min(n - 1 - i, 10),
                  "before_body": int(i < first_body), "after_body": int(i > last_body),
                  "before_prose": int(not prose or i < prose[0]), "after_prose": int(not prose or i > prose[-1]),
                  "prose_distance": min(nearest, 6),
                  "before_core": int(not core or i < core[0]), "after_core": int(not core or i > core[-1]),
                  "core_distance": min(min((abs(i - j) for j in core), default=n), 6),
                  "sent_p_around": max((own[j]["sent_p"] for j in (i - 1, i + 1) if 0 <= j < n), default=0.0),
                  "shape_repeats": min(shape_count[shapes[i]] - 1, 5) if len(shapes[i].split()) >= 2 else 0,
                  # a template with a figure or a mark ("W by W » W 0 W"), not words and "the" alone
                  "shape_marked": int(any(part == "0" or not part.isalpha() for part in shapes[i].split())),
                  "template_share": _ratio(shape_count[shapes[i]], n),
                  "block_repeats": max(min(max(pairs[(shapes[i - 1], shapes[i])] if i > 0 else 0,
                                               pairs[(shapes[i], shapes[i + 1])] if i + 1 < n else 0) - 1, 4), 0),
                  "line_repeats": min(norm_count[normalise_line(ln.text)] - 1, 3),
                  "turn_label": int(i + 1 < n and lines[i + 1].label == "body" and turn_label(ln.text)),
                  "in_span": int(bool(core) and core[0] < i < core[-1]),
                  "core_below": min(sum(1 for j in core if j > i), 3),
                  "core_above": min(sum(1 for j in core if j < i), 3),
                  # no sure core (a language the sentence model reads less well): where the story ends is unknown
                  "after_sure_core": int(bool(sure_core) and i > sure_core[-1]),
                  "sure_core_below": min(sum(1 for j in sure_core if j > i), 3),
                  # the lines the rules kept below this one, judged together: a page's foot of notices reads as
                  # furniture line after line, a story's last paragraphs as body
                  "kept_below": min(len(kept) - bisect.bisect_right(kept, i), 6),
                  "below_sent_p": _mean(kept_p[bisect.bisect_right(kept, i):]),
                  "above_sent_p": _mean(kept_p[max(bisect.bisect_left(kept, i) - 3, 0):bisect.bisect_left(kept, i)]),
                  "row_kind=" + str(row_kind(ln)): 1})
        f.update(in_block.get(i, {"in_block": 0}))
        for d in range(-CONTEXT, CONTEXT + 1):
            if d == 0:
                continue
            j = i + d
            if not 0 <= j < n:
                f[f"n{d}:none"] = 1
                continue
            f[f"n{d}:label={lines[j].label}"] = 1
            for k in _NEIGHBOUR_KEYS:
                f[f"n{d}:{k}"] = own[j][k]
            f[f"n{d}:same_shape"] = int(shapes[j] == shapes[i])
        out.append(f)
    return out


@dataclass
class LineModel:
    """A fitted pipeline (feature dicts -> P(furniture)) and what the training script recorded."""
    pipeline: Any
    threshold: float = DEFAULT_THRESHOLD
    info: dict = field(default_factory=dict)
    #: the sentence model (``sentence_model.make_pipeline``), or None: then prose is never removed
    sentences: Any = None
    sentence_threshold: float = DEFAULT_SENTENCE_THRESHOLD
    #: the line model's probability above which a line written as prose goes (with the sentence model's); None:
    #: ``threshold``
    prose_threshold: float | None = None

    def sentence_probabilities(self, lines: Sequence[JudgedLine]) -> list[float] | None:
        """The sentence model's P(furniture) of each line's text (None without a sentence model)."""
        if self.sentences is None:
            return None
        from storyline.clean.sentence_model import sentence_probabilities

        return sentence_probabilities(self.sentences, [ln.text for ln in lines])

    def furniture_probabilities(self, lines: Sequence[JudgedLine], lex: Lexicon) -> list[float]:
        if not lines:
            return []
        return self.probabilities(features(lines, lex, self.sentence_probabilities(lines)))

    def probabilities(self, feats: Sequence[dict[str, Any]]) -> list[float]:
        """P(furniture) of each line's features (equal to the pipeline's ``predict_proba``)."""
        rows: Any = list(feats)
        steps = [step for _, step in getattr(self.pipeline, "steps", [])]
        classifier = self.pipeline
        if len(steps) == 2 and _plain_dict_vectorizer(steps[0]):
            # the pipeline's own two steps, the vectoriser's written directly (``dense_rows``)
            rows, classifier = dense_rows(steps[0], rows), steps[1]
        if isinstance(classifier, modelfile.HistGradientBoosting):  # the shipped model: plain arrays, no threads
            return [float(p) for p in classifier.predict_proba(rows)[:, 1]]
        # one page is a few dozen rows: starting OpenMP threads for each of the boosting trees costs ten
        # times the prediction itself (and competes with the engine's worker processes)
        with _openmp_controller().limit(limits=1, user_api="openmp"):
            return [float(p) for p in classifier.predict_proba(rows)[:, 1]]

    def save(self, path: Path) -> None:
        modelfile.save(path, {"pipeline": self.pipeline, "threshold": self.threshold, "info": self.info,
                              "sentences": self.sentences, "sentence_threshold": self.sentence_threshold,
                              "prose_threshold": self.prose_threshold})


def _plain_dict_vectorizer(step: Any) -> bool:
    # scikit-learn's or the shipped model's plain one, told apart without importing scikit-learn
    return type(step).__name__ == "DictVectorizer" and not step.sparse


def dense_rows(vectorizer: Any, feats: Sequence[dict[str, Any]]) -> Any:
    """A dense ``DictVectorizer``'s ``transform`` of feature dicts of numbers and strings, written directly into
    the array: the vectoriser builds a sparse matrix first and checks each value's type through ``abc``, which cost
    more than the boosted trees' prediction on a page's few dozen lines."""
    import numpy as np

    vocab = vectorizer.vocabulary_
    out = np.zeros((len(feats), len(vocab)), dtype=vectorizer.dtype)
    for r, f in enumerate(feats):
        for k, v in f.items():
            if isinstance(v, str):
                k, v = f"{k}{vectorizer.separator}{v}", 1
            j = vocab.get(k)
            if j is not None:
                out[r, j] = v
    return out


@functools.lru_cache(maxsize=1)
def _openmp_controller() -> Any:
    """The process's thread pools, found once: ``threadpool_limits`` looks through every loaded library at each
    call (milliseconds, per page)."""
    from threadpoolctl import ThreadpoolController  # installed with scikit-learn

    return ThreadpoolController()


def default_model_path() -> Path:
    return Path(str(resources.files("storyline").joinpath("models", "clean_lines.npz")))


@functools.lru_cache(maxsize=4)
def load_line_model(path: str = "") -> LineModel:
    """The model at ``path`` (default: the one shipped in the package), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds the model.
    """
    data = read_shipped_model(path, default_model_path, on_problem="raise",
                              missing="no cleaning line model at {path}: run `make train` (or set clean_line_model "
                                      "to a model file, or clean_lines='rules')")
    return LineModel(pipeline=data["pipeline"], threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
                     info=data.get("info", {}), sentences=data.get("sentences"),
                     sentence_threshold=float(data.get("sentence_threshold", DEFAULT_SENTENCE_THRESHOLD)),
                     prose_threshold=data.get("prose_threshold"))


#: Own features that are a rule's or the line's shape's word for furniture.
_CUES = ("lex_line", "lex_prefix", "lex_phrase", "lex_credit", "lex_buttons", "lex_teaser", "time", "relative_time",
         "counter", "handle", "url", "email", "no_letters", "bracketed", "one_token_name", "citation")


def agreement(lines: Sequence[JudgedLine], feats: Sequence[dict[str, Any]], furniture: Sequence[bool],
              written_furniture: Sequence[bool] | None = None) -> list[bool]:
    """Whether a rule or the page's structure agrees that each line may be furniture.

    ``furniture`` says which lines the model calls furniture. Agreement is a lexicon or shape cue
    (``_CUES``); a template the page repeats; the line standing outside the story's prose (above its
    first paragraph or below its last, as the rules see them); or furniture right beside it (a line the
    rules removed, or one the model calls furniture) when the line is not written as a sentence; neither of
    the last two for a heading over a paragraph (a name over a post is not a heading). A table row and a
    speaker's label over a turn never agree; a list's items and its colon-ended introduction only by a
    cue. A heading inside the story ("What comes next"), a one-word answer ("Nearly.") after a question,
    a post's "Found!" below its header, the heading of a live blog's entry below its time: none of these
    agree. ``written_furniture`` says which lines the sentence model is confident are furniture written as
    sentences: that agrees too (but not for a list's item, a table row or a speaker's label).
    """
    n = len(lines)
    written = written_furniture or [False] * n
    story = [i for i in range(n) if feats[i]["strong_prose"]]
    out = []
    for i, ln in enumerate(lines):
        f = feats[i]
        if ln.table_row or f["turn_label"]:
            # the rules' structure says body: a row of a table, a speaker's label over the turn it opens
            out.append(False)
            continue
        cue = any(f[k] for k in _CUES) or f["line_repeats"] > 0
        if written[i] and not ln.item:
            out.append(True)
            continue
        after = next((x for x in lines[i + 1:] if x.label not in ("junk", "meta")), None)
        if ln.item or (f["colon_end"] and after is not None and after.item):
            # a list's items and the line that introduces them ("The changes include:") are the story's
            # structure: only a cue of their own says one is furniture
            out.append(cue)
            continue
        # a template the page repeats, but not a list's numbering ("4. New INSET days") nor a speaker's turns
        template = f["shape_repeats"] > 0 and f["shape_marked"] and not f["numbered_heading"] \
            and not (f["speaker_label"] and f["sentence_like"])
        # a heading over a paragraph, or a speaker's turn ("TANE: Yes."), is the story's wherever it stands
        # a name over a post is not a heading, but one capitalised word between kept lines is ("Abstract", "Proposal"):
        # a poster's name stands under the post furniture the rules removed
        one_word_heading = f["words"] == 1 and i > 0 and lines[i - 1].label in ("body", "heading")
        heads_prose = (i + 1 < n and feats[i + 1]["strong_prose"]
                       and not ((f["name_shaped"] and not one_word_heading) or f["one_token_name"])) \
            or bool(f["speaker_label"] and f["sentence_like"])
        outside = not story or i < story[0] or i > story[-1]
        beside = not f["sentence_like"] and any(
            0 <= j < n and (lines[j].label in ("junk", "meta") or furniture[j]) for j in (i - 1, i + 1))
        out.append(cue or template or ((outside or beside) and not heads_prose))
    return out


def removals(lines: Sequence[JudgedLine], model: LineModel, lex: Lexicon, edges: bool = False) -> list[tuple[int, str]]:
    """(index, reason) of the kept lines (body, heading) to remove: the model is confident, the line is not
    prose (``protected``) or the sentence model is confident too, and a rule or the page's structure agrees
    (``agreement``). With ``edges`` (``clean_lines='hybrid'``), also the lines outside the story's core that both
    models lean to calling furniture (``edge_removals``). A schedule's entries (``schedule_entries``) and the story's
    closing sentence of its next date (``foot_paragraph``) stay whatever the models say."""
    if not lines:
        return []
    sentence_probs = model.sentence_probabilities(lines)
    feats = features(lines, lex, sentence_probs)
    probs = model.probabilities(feats)
    out = decide(lines, feats, probs, model.threshold, sentence_probs, model.sentence_threshold, model.prose_threshold)
    if edges and sentence_probs is not None:
        out = sorted({**dict(edge_removals(lines, feats, probs, sentence_probs)), **dict(out)}.items())
    gone = {i for i, _ in out}
    listed = schedule_entries(lines, feats)
    return [(i, r) for i, r in out if i not in listed and not foot_paragraph(lines, feats, i, gone)]


#: A schedule the story lists has at least this many entries.
MIN_SCHEDULE_ROWS = 2


def schedule_entries(lines: Sequence[JudgedLine], feats: Sequence[dict[str, Any]]) -> set[int]:
    """The rows of a schedule the story lists, each a kept time-and-place row (``structure.schedule_row``: "9pm,
    Channel North") right over a paragraph of prose, with the short kept line above it that names the programme or
    the event: at least ``MIN_SCHEDULE_ROWS`` such rows of one template. The rules keep them for the story
    (``structure.post_furniture``); the line model, which reads a short row between paragraphs as a rail, may not
    remove them."""
    rows: dict[str, list[int]] = {}
    for i, ln in enumerate(lines[:-1]):
        if ln.label in ("body", "heading") and schedule_row(ln.text) and feats[i + 1]["strong_prose"]:
            rows.setdefault(shape_key(ln.text), []).append(i)
    out: set[int] = set()
    for found in rows.values():
        if len(found) < MIN_SCHEDULE_ROWS:
            continue
        for i in found:
            out.add(i)
            if i > 0 and lines[i - 1].label in ("body", "heading") and not feats[i - 1]["strong_prose"]:
                out.add(i - 1)
    return out


#: A foot paragraph has at least this many words ("Tickets go on sale in February.")
FOOT_MIN_WORDS = 4
#: ... and at most this many times the mean length of the story's core paragraphs' sentences, plus a sentence
FOOT_LENGTH_FACTOR = 2.0
#: ... and at most this many sentences: a notice of several sentences at the foot is the site's more often
FOOT_MAX_SENTENCES = 2


#: A foot notice credits the page's makers or sources ("… is supported by …", "Data supplied by …").
_CREDITED = re.compile(r"\bby\b", re.I)
#: A month named in full ("in February"): an abbreviation is another language's word too ("mar", the sea).
_MONTH = re.compile(r"\b(?:" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b", re.I)


def foot_paragraph(lines: Sequence[JudgedLine], feats: Sequence[dict[str, Any]], i: int,
                   gone: set[int] | frozenset[int] = frozenset()) -> bool:
    """The story's last short paragraph: a complete sentence in the body's register right under the story's last
    paragraph of prose, after which no paragraph of the story follows, and with no evidence of furniture of its own.

    A story often closes on one short factual sentence ("The next general sale is on 14 July.", "Tickets go on sale
    in February.") that the models, trained on pages whose foot holds the site's notices, call furniture. A notice
    at the foot gives itself away: it speaks to the reader or for the site ("you", "we", "our"), gives a link, an
    address or a handle, calls the reader to act, opens with a label ("Disclaimer: …"), is a lexicon's line or the
    page repeats it, or stands apart from the story (a removed line or another kept line between them). A sentence
    with none of these, sized like the story's own sentences, stays whatever the models say.
    """
    ln, f = lines[i], feats[i]
    text = ln.text.strip()
    words = word_count(text)
    if ln.label != "body" or not f["sentence_like"] or words < FOOT_MIN_WORDS or f["sentences"] > FOOT_MAX_SENTENCES:
        return False
    above = i - 1
    if above < 0 or lines[above].label != "body" or not feats[above]["strong_prose"] \
            or feats[above]["sent_p"] >= CORE_SENTENCE_P:
        return False
    if any(lines[j].label in ("body", "heading") and feats[j]["strong_prose"] and j not in gone
           for j in range(i + 1, len(lines))):
        return False  # not the foot: the story goes on below (the notices under it that go, ``gone``, do not count)
    core = [j for j in range(len(lines)) if feats[j]["strong_prose"] and feats[j]["sent_p"] < CORE_SENTENCE_P]
    core_words = sum(word_count(lines[j].text) for j in core)
    core_sentences = sum(max(sentence_ends(lines[j].text), 1) for j in core)
    if words > FOOT_LENGTH_FACTOR * core_words / max(core_sentences, 1) * max(f["sentences"], 1):
        return False
    if any(f[k] for k in _CUES) or f["line_repeats"] > 0 or f["you"] or f["we"] or f["reader"] \
            or calls_reader_to_act(text) or _LABELLED.match(text) or _SELF_REFERENCE.search(text) \
            or _HEDGE.search(text) or _CREDITED.search(text):
        return False
    if any(ch.isupper() for ch in text) and not any(w[:1].islower() for w in text.split()):
        return False  # every word capitalised: a name and a date ("Brackenford Post, 2 July 2026."), not a sentence
    # what the story closes on: when its next step happens ("… is on 14 July", "… go on sale in February"); a
    # notice written plainly at the foot says who made, funds or checks the page instead
    return bool(f["date"] or _MONTH.search(text))


#: Below the story's core (its last paragraph of prose the sentence model calls body), a kept line goes when the line
#: model gives at least this probability of furniture and the sentence model at least ``TAIL_SENTENCE_P``: a page's
#: tail is where "The Echo is delivered free to 14,000 homes" and "Hansard extracts are Parliamentary copyright"
#: stand, written as sentences the sentence model alone is not sure of.
TAIL_THRESHOLD = 0.85
TAIL_SENTENCE_P = 0.5
#: Above the core the page's lead is near: both models must be surer ("Welcome to the noticeboard. Please read the
#: posting rules ..." over a thread; a lead in a language the sentence model reads less well is not furniture).
HEAD_THRESHOLD = 0.9
HEAD_SENTENCE_P = 0.6
#: The page's first kept line, a heading over the story's first paragraph, goes when both models are this sure and it
#: has at least ``HEAD_SURE_WORDS`` words.
HEAD_SURE_P = 0.95
HEAD_SURE_WORDS = 3
#: Below the story's last paragraph that both models call body, a kept line goes when the line model alone is this
#: sure: credits ("Music by X. Produced by Y."), a sponsor's line or a bio written plainly, which the sentence model
#: reads as prose.
TAIL_SURE_P = 0.95


def edge_removals(lines: Sequence[JudgedLine], feats: Sequence[dict[str, Any]], probs: Sequence[float],
                  sentence_probs: Sequence[float]) -> list[tuple[int, str]]:
    """(index, reason) of kept lines outside the story's core that the line model and the sentence model both lean
    to calling furniture (reasons ``line_model_tail`` below the core, ``line_model_head`` above it).

    Where the evidence is the story's own structure the line stays whatever the models say: a table's row, a
    speaker's turn or label, a row of a list or a stamped entry (``blocks``), the writer speaking as "I", and a short
    heading right over a paragraph the line model calls body. A page without a core (no paragraph the sentence model
    calls body) loses nothing here.
    """
    n = len(lines)
    if not any(f["strong_prose"] and f["sent_p"] < CORE_SENTENCE_P for f in feats):
        return []  # no core to stand outside of: a page the sentence model reads as all furniture keeps its lines
    kept = [i for i, ln in enumerate(lines) if ln.label in ("body", "heading")]
    found = blocks(lines)
    block_rows = {i for b in found for i in (*b.rows, *b.headings)}
    opening = opening_line(lines)
    signed = sign_offs(lines)
    # a letter's sign-off closes the story whatever block or section it stands in ("Best wishes," over the name)
    tails = tail_blocks(lines, feats, probs, found) + tail_section(lines, feats, probs, sentence_probs) \
        + inner_run_removals(lines, feats, probs) + reference_list(lines, feats)
    out = [(i, r) for i, r in tails if i not in signed]
    if opening is not None:
        block_rows.add(opening)  # the story's opening paragraph (``opening_line``)
    block_rows.update(signed)
    # the story's last paragraph as the line model reads it, in its context: the core's end may be a sentence of
    # furniture the sentence model does not know ("Producer: A. Editor: B.", a betting line)
    body_end = max((i for i in kept if feats[i]["strong_prose"] and probs[i] < CORE_SENTENCE_P
                    and sentence_probs[i] < CORE_SENTENCE_P), default=None)
    for pos, i in enumerate(kept):
        ln, f = lines[i], feats[i]
        if ln.table_row or f["speaker_label"] or f["turn_label"] or i in block_rows or _FIRST_SINGULAR.search(ln.text) \
                or answers_question(lines, probs, i):
            continue
        nxt = kept[pos + 1] if pos + 1 < len(kept) else None
        if nxt == i + 1 and nxt < n and feats[nxt]["strong_prose"] and probs[nxt] < CORE_SENTENCE_P \
                and not f["sentence_like"]:
            if pos == 0 and f["before_core"] and len(ln.text.split()) >= HEAD_SURE_WORDS \
                    and probs[i] >= HEAD_SURE_P and sentence_probs[i] >= HEAD_SURE_P:
                # the page's first kept line, between its header and the story's first paragraph: a story does not
                # open under a heading of several words both models are sure of ("Subscribe to …", "Listen to this
                # article 6 min"); a report's "Summary" or "Key points" is shorter
                out.append((i, "line_model_head"))
            continue  # a heading over the paragraph it names
        if f["after_core"] and probs[i] >= TAIL_THRESHOLD and sentence_probs[i] >= TAIL_SENTENCE_P:
            out.append((i, "line_model_tail"))
        elif body_end is not None and i > body_end and probs[i] >= TAIL_SURE_P and not f["name_shaped"] \
                and not f["one_token_name"] \
                and (not protected(ln) or (pos > 0 and probs[kept[pos - 1]] >= DEFAULT_THRESHOLD)):
            # a paragraph written as prose goes so only under another line of furniture: the story's own last
            # paragraph may stand after a rail the rules removed ("A further statement will be issued …"); a name
            # alone there signs the story ("Orla")
            out.append((i, "line_model_tail"))
        elif f["before_core"] and probs[i] >= HEAD_THRESHOLD and sentence_probs[i] >= HEAD_SENTENCE_P:
            out.append((i, "line_model_head"))
    return out


#: A reference list's heading ("References", "Further reading") has at most this many words.
REFERENCES_HEAD_WORDS = 3


def reference_list(lines: Sequence[JudgedLine], feats: Sequence[dict[str, Any]]) -> list[tuple[int, str]]:
    """(index, ``line_model_references``) of a science story's reference list: the kept lines below the story's last
    paragraph of core prose that are citations (``citation``: surname-and-initials authors, "et al." or a volume's
    pages, with a year), and the short heading right above the first of them ("References"). A citation reads as
    prose to both models (it ends with a full stop and is written in sentences), but it is the publication's
    apparatus: the story's paragraphs quote a study in words, not as a reference."""
    kept = [i for i, ln in enumerate(lines) if ln.label in ("body", "heading")]
    last = max((i for i in kept if feats[i]["strong_prose"] and feats[i]["sent_p"] < CORE_SENTENCE_P
                and not feats[i]["citation"]), default=None)
    if last is None:
        return []
    cites = [i for i in kept if i > last and feats[i]["citation"]]
    if not cites:
        return []
    out = [(i, "line_model_references") for i in cites]
    head = cites[0] - 1
    text = lines[head].text.strip()
    if head > last and head in kept and 1 <= len(text.split()) <= REFERENCES_HEAD_WORDS \
            and not any(c.isdigit() for c in text) and not ends_sentence(text):
        out.append((head, "line_model_references"))
    return sorted(out)


#: Between two paragraphs of the story's core, a run of short lines (``inner_runs``) goes whole when the line model's
#: mean probability over its kept lines is at least this.
INNER_RUN_P = 0.8
#: …and at least this share of its kept lines hold a figure, unless each has a cue of its own.
RUN_DIGITS = 0.5
#: A box's closing button ("Buy now", "Submit your event", "Get yours") has at most this many words…
BUTTON_MAX_WORDS = 4
#: …and the line model is at least this sure it is furniture.
BUTTON_P = 0.95


def closing_button(line: JudgedLine, feats: dict[str, Any], p: float) -> bool:
    """A button that closes a box: a few words without a figure, not a sentence, opening with the bare verb the site
    addresses to the reader ("Buy now", "Check price", "Submit your event"), that the line model is sure of."""
    text = line.text.strip()
    return 1 <= len(text.split()) <= BUTTON_MAX_WORDS and not any(c.isdigit() for c in text) \
        and not ends_sentence(text) and not feats["colon_end"] and bool(IMPERATIVE.match(text)) and p >= BUTTON_P


def inner_run_removals(lines: Sequence[JudgedLine], feats: Sequence[dict[str, Any]],
                       probs: Sequence[float]) -> list[tuple[int, str]]:
    """(index, ``line_model_run``) of the kept lines of the runs of short lines between two paragraphs of the story's
    core (``inner_runs``) that the line model calls furniture as a run (``INNER_RUN_P``): a fact box, an event
    calendar, a product's box, a photo's credit. The run is judged together, so a box's heading ("At a glance") and
    its rows go or stay as one, whatever each row alone would say. A run a sentence introduces with ":" is the story's
    (a line ending in ":" is never core prose, so it opens the run, and a line of prose keeps the run), as is one
    holding a table row the rules found, a speaker's label or turn, a list's numbered heading ("2. Porth Bach") or
    the writer's "I".

    A run of figures closed by its own button (``closing_button``: a product's name, rating and price over "Buy now",
    an events list over "Submit your event") is a box wherever its rows look like a table's: the story's own table
    does not end in an order to the reader. It goes whole without the run's mean probability, unless a line ending
    in ":" introduces it or one of its lines is prose."""
    n = len(lines)
    own = [{"strong_prose": f["strong_prose"], "sent_p": f["sent_p"], "colon_end": f["colon_end"],
            "sentence_like": f["sentence_like"], "words": f["words"]} for f in feats]
    out: list[tuple[int, str]] = []
    for a, b in inner_runs(lines, own):
        kept = [k for k in range(a, b) if lines[k].label in ("body", "heading")]
        if a == 0 or b >= n or not kept \
                or any(feats[k]["speaker_label"] or feats[k]["turn_label"]
                       or feats[k]["numbered_heading"] or _FIRST_SINGULAR.search(lines[k].text) for k in kept):
            continue
        # a box holds figures (a price, a date, a rating) in most of its lines; a run of headings or of a list's names
        # does not, and a line in it the sentence model calls prose ("Refuse.", "Grace Obi: Yes, by a fifth.") is the
        # story's; a single line goes only with a cue of its own ("Photo: …", "Credit: …")
        figures = _ratio(sum(any(c.isdigit() for c in lines[k].text) for k in kept), len(kept)) >= RUN_DIGITS
        prose = any(feats[k]["sentence_like"] and feats[k]["sent_p"] < CORE_SENTENCE_P for k in kept)
        if len(kept) >= 2 and figures and not prose and not any(feats[k]["colon_end"] for k in kept) \
                and closing_button(lines[kept[-1]], feats[kept[-1]], probs[kept[-1]]):
            out.extend((k, "line_model_run") for k in kept)
            continue
        if any(lines[k].table_row for k in kept):
            continue
        cued = all(any(feats[k][c] for c in _STRONG_CUES) for k in kept)
        if not (cued or (len(kept) >= 2 and figures and not prose)):
            continue
        if sum(probs[k] for k in kept) / len(kept) >= INNER_RUN_P:
            out.extend((k, "line_model_run") for k in kept)
    return out


#: Below the story's core, a block (``blocks``) goes whole when the line model's mean probability over its rows is at
#: least this: a job board, a price rail, numbered notes to editors or a press office's numbers stand there as rows.
TAIL_BLOCK_P = 0.6


def tail_blocks(lines: Sequence[JudgedLine], feats: Sequence[dict[str, Any]], probs: Sequence[float],
                found: Sequence[Block]) -> list[tuple[int, str]]:
    """(index, ``line_model_tail``) of the rows and sub-headings of the blocks that stand wholly below the story's
    core, that the line model leans to calling furniture as a block (``TAIL_BLOCK_P``), and that neither the rules
    read as a table nor a line ending in ":" introduces (the story's own list after its last paragraph: "The
    closures:"). The block is judged together: its rows go or stay as one, whatever each row alone would say."""
    out: list[tuple[int, str]] = []
    in_blocks = {i for b in found for i in b.rows}
    # the core's last paragraph that is not itself a block's row: numbered notes to editors written as sentences
    # read like the story's prose one by one
    last = max((i for i, f in enumerate(feats) if f["strong_prose"] and f["sent_p"] < CORE_SENTENCE_P
                and i not in in_blocks), default=None)
    if last is None:
        return out
    for b in found:
        members = sorted([*b.rows, *b.headings])
        f = feats[b.rows[0]]
        if b.start <= last or f.get("block_colon_intro") or any(lines[i].table_row for i in b.rows) \
                or any(_FIRST_SINGULAR.search(lines[i].text) for i in members):
            continue
        if sum(probs[i] for i in b.rows) / len(b.rows) >= TAIL_BLOCK_P:
            out.extend((i, "line_model_tail") for i in members)
    return out


#: The last section of a page goes whole when its heading is furniture to both models at least this surely and names
#: what the section describes ("About Halvard Power" over "Halvard Power is …"): the paragraphs under such a heading
#: describe the publisher, not the story, however plainly they are written.
SECTION_HEAD_P = 0.95
SECTION_HEAD_SENTENCE_P = 0.9
#: …and holds at most this many kept lines, with nothing the rules or the models keep after it.
SECTION_MAX_LINES = 3
#: A section heading has at most this many words.
SECTION_HEAD_WORDS = 8
#: A section that says who someone is: a full name, then what the person is or does ("Ben Roe is our data editor").
_WHO_IS = re.compile(r"^(?:(?:Dr|Prof)\.?\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){1,2}\s+"
                     r"(?:is|was|writes|reports|covers|has (?:been|written|covered|reported))\b")


def tail_section(lines: Sequence[JudgedLine], feats: Sequence[dict[str, Any]], probs: Sequence[float],
                 sentence_probs: Sequence[float]) -> list[tuple[int, str]]:
    """(index, ``line_model_tail``) of the page's last section when both models are sure its heading is furniture:
    a short kept line, not a sentence, below at least one paragraph of the story's core, followed by at most
    ``SECTION_MAX_LINES`` kept lines of prose (no speaker's turn, no writer's "I", no table row) and then only lines
    the rules removed or the line model calls furniture. The section is judged with its heading, as one."""
    n = len(lines)
    kept = [i for i, ln in enumerate(lines) if ln.label in ("body", "heading")]
    core = [i for i, f in enumerate(feats) if f["strong_prose"] and f["sent_p"] < CORE_SENTENCE_P]
    for pos, h in enumerate(kept):
        text = lines[h].text
        if not core or core[0] >= h or sentence_like(text) or len(text.split()) > SECTION_HEAD_WORDS \
                or probs[h] < SECTION_HEAD_P or sentence_probs[h] < SECTION_HEAD_SENTENCE_P:
            continue
        # the section: the lines the line model calls body right under the heading, or the first line when it calls
        # none body (an author's bio it is sure of, but written as a plain sentence the sentence model keeps)
        below = [i for i in kept[pos + 1:] if probs[i] < DEFAULT_THRESHOLD] or kept[pos + 1:pos + 2]
        if not below or len(below) > SECTION_MAX_LINES or below != kept[pos + 1:pos + 1 + len(below)]:
            continue
        if any(not feats[i]["sentence_like"] or feats[i]["speaker_label"] or lines[i].table_row
               or _FIRST_SINGULAR.search(lines[i].text) for i in below):
            continue
        # the heading names what the section describes ("About Halvard Power" over "Halvard Power is …"): a rail's
        # headline left above the story's last paragraphs names something else
        names = {w.strip(".,:;()").lower() for w in text.split()[1:] if w[:1].isupper() and len(w) > 1}
        opening = {w.strip(".,:;()\"'").lower() for w in lines[below[0]].text.split()}
        # a heading without a name ("About the author") names nothing to check: the section must then open by saying
        # who someone is ("Jess Ocampo is a travel writer …"), as a bio does, or the lexicon know the heading
        if not (names <= opening if names else any(feats[h][k] for k in _STRONG_CUES)
                or _WHO_IS.match(lines[below[0]].text)):
            continue
        end = below[-1] + 1
        return [(h, "line_model_tail"), *((i, "line_model_tail") for i in range(h + 1, n)
                                           if lines[i].label in ("body", "heading") and i < end)]
    return []


#: A line the sentence model may call furniture has at least this many words (a one-word answer is not a sentence).
WRITTEN_MIN_WORDS = 4


def decide(lines: Sequence[JudgedLine], feats: Sequence[dict[str, Any]], probs: Sequence[float],
           threshold: float, sentence_probs: Sequence[float] | None = None,
           sentence_threshold: float = DEFAULT_SENTENCE_THRESHOLD,
           prose_threshold: float | None = None) -> list[tuple[int, str]]:
    """``removals`` once the features and probabilities are known (the training script sweeps thresholds).

    A line that is not prose goes at ``threshold``; one written as prose at ``prose_threshold`` (default: the same)
    when the sentence model is confident too (``sentence_threshold``).

    A speaker's turn ("MAYOR: We have listened to you.") is the speaker's, however it is written: the sentence
    model never has a say on it.

    A block's rows and sub-headings (``blocks``) go together or not at all (reason ``line_model_block``): only when
    the model's mean probability over the block is above ``threshold``, it is not a table the rules found, and it
    reads like links or a menu under a header the rules removed ("Related stories") or outside the story's span,
    and no line ending in ":" introduces it ("These roads will be closed:", "The changes include:" over an
    advertisement), or stands outside the span with no paragraph introducing it (a podcast's chapter list).
    Inside the story's span a line outside a block needs ``INNER_THRESHOLD`` and a cue of its own, a template the
    page repeats, a line the rules removed right beside it, or the sentence model: a line the model alone calls
    furniture beside it, or a figure or a time ("3.2%" over the sentence it explains), is not enough there.
    """
    opening = opening_line(lines)
    signed = sign_offs(lines)
    # the sentence model judges sentences: a heading ("Pool closes for repairs") is not one, whatever its words; and
    # a writer speaking for themselves ("This is the soup I make every Sunday") is the story's: a site's notices
    # speak as "we" or to "you"
    written = [sentence_probs is not None and sentence_probs[i] >= sentence_threshold
               and len(ln.text.split()) >= WRITTEN_MIN_WORDS and not feats[i]["speaker_label"]
               and not ln.table_row and written_as_sentence(ln.text) and not _FIRST_SINGULAR.search(ln.text)
               and i != opening
               for i, ln in enumerate(lines)]
    prose_at = threshold if prose_threshold is None else prose_threshold
    prose = [protected(ln) or wrapped(lines, i) for i, ln in enumerate(lines)]
    written = [w and not (sentence_probs is not None and sentence_probs[i] < BETWEEN_SENTENCE_P
                          and between_paragraphs(lines, feats, i)) and not answers_question(lines, probs, i)
               for i, w in enumerate(written)]
    furniture = [ln.label in ("body", "heading") and (p >= prose_at and written[i] if prose[i] else p >= threshold)
                 for i, (ln, p) in enumerate(zip(lines, probs))]
    agree = agreement(lines, feats, furniture, written)
    out: dict[int, str] = {}
    in_block: set[int] = set()
    for b in blocks(lines):
        members = sorted([*b.rows, *b.headings])
        in_block.update(members)
        rows = [lines[i] for i in b.rows]
        mean_p = sum(probs[i] for i in b.rows) / len(b.rows)
        link_like = _ratio(sum(_link_like(ln) for ln in rows), len(rows)) >= LINK_LIKE_SHARE
        f = feats[b.rows[0]]
        # a block outside the story's span that no paragraph introduces (a podcast's chapter list), or links outside
        # the span or under a header the rules removed ("Related stories")
        outside = not f.get("block_in_span")
        apart = outside and not f.get("block_intro")
        links = link_like and not f.get("block_colon_intro") and (f.get("block_junk_above") or outside)
        # a reference list is apparatus wherever it stands: every row a citation
        cites = all(feats[i]["citation"] for i in b.rows)
        if mean_p >= threshold and not any(lines[i].table_row for i in b.rows) and (apart or links or cites):
            # a citation ends like a sentence but is not prose
            out.update({i: "line_model_block" for i in members if not prose[i] or cites})
    # the story's span for this rule: its paragraphs of prose that the sentence model does not call furniture (a
    # wider span than the feature's core, so a standfirst the sentence model half-suspects still opens it)
    story = [i for i in range(len(lines)) if feats[i]["strong_prose"] and not written[i]]
    for i, ok in enumerate(agree):
        if i in in_block or i in signed or not ok or not furniture[i]:
            continue
        f = feats[i]
        if story and story[0] < i < story[-1] and not prose[i] and not written[i]:
            own_cue = any(f[k] for k in _STRONG_CUES) or f["line_repeats"] > 0 \
                or (f["shape_repeats"] > 0 and f["shape_marked"] and not f["numbered_heading"]) \
                or any(lines[j].label in ("junk", "meta") for j in (i - 1, i + 1) if 0 <= j < len(lines))
            if probs[i] < INNER_THRESHOLD or not own_cue:
                continue
        out[i] = "sentence_model" if prose[i] else "line_model"
    return sorted(out.items())


#: A question a line answers has at least this many words ("Can I appeal?", "What happens next?")
QUESTION_MIN_WORDS = 3


def answers_question(lines: Sequence[JudgedLine], probs: Sequence[float], i: int) -> bool:
    """The line right under a question of the story (a Q&A explainer's "Do I need to do anything?"): the kept line
    above it ends in "?", has a few words, is kept by the line model and asks as the reader or of a third party, not of
    the reader ("Have you got a story?", "Want your event listed?" open a notice): the line is its answer, the story's
    however much it sounds like advice ("No. If you are on a standard tariff, your supplier will …")."""
    above = next((j for j in range(i - 1, -1, -1) if lines[j].label in ("body", "heading")), None)
    if above is None or above != i - 1:
        return False
    q = lines[above].text.strip()
    return q.endswith("?") and len(q.split()) >= QUESTION_MIN_WORDS and not _SENTENCE_BREAK.search(q) \
        and not SECOND_PERSON.search(q) and probs[above] < DEFAULT_THRESHOLD and q[:1].isupper()


#: Between two paragraphs of the story's core, a sentence that does not speak to the reader or for the site goes only
#: when the sentence model is at least this sure (``between_paragraphs``).
BETWEEN_SENTENCE_P = 0.9
#: A notice's label before its sentence ("Content warning: …", "Disclaimer: …"): a story's paragraph does not open so.
_LABELLED = re.compile(r"^\W*[^\W\d_][\w'\u2019-]*(?:\s+[^\W\d_][\w'\u2019-]*){0,2}\s*:\s")


def between_paragraphs(lines: Sequence[JudgedLine], feats: Sequence[dict[str, Any]], i: int) -> bool:
    """A sentence standing right between two paragraphs of the story's core (the kept lines next to it above and
    below, the sentence model calling both body) that neither speaks to the reader nor for the site ("you", "we",
    "our") nor gives a link or an address: a short paragraph of the story ("Prices at the auction fell by a fifth in
    August."), not a notice dropped into it, which speaks to the reader or for the publication."""
    text = lines[i].text
    above = next((j for j in range(i - 1, -1, -1) if lines[j].label in ("body", "heading")), None)
    below = next((j for j in range(i + 1, len(lines)) if lines[j].label in ("body", "heading")), None)
    core_below = below is not None and feats[below]["strong_prose"] and feats[below]["sent_p"] < CORE_SENTENCE_P
    if above is None and core_below and not ADDRESSES_READER.search(text) and not _LABELLED.match(text):
        # the story's first paragraph, under the page's header and over its core: a report's or a column's voice
        # speaks as "we" there ("This has been a year of repair. We spent …"), a notice above a story to the reader
        return True
    if _READER.search(text) or _URL.search(text) or _EMAIL.search(text):
        return False
    return above is not None and core_below and feats[above]["strong_prose"] \
        and feats[above]["sent_p"] < CORE_SENTENCE_P


#: A letter's greeting ("Dear neighbours,") and sign-off ("Best wishes,", "With thanks,") have at most this many words.
LETTER_FRAME_WORDS = 4


def _letter_frame(text: str) -> bool:
    s = text.strip()
    return 1 <= len(s.split()) <= LETTER_FRAME_WORDS and s.endswith(",") and not any(c.isdigit() for c in s)


def sign_offs(lines: Sequence[JudgedLine]) -> set[int]:
    """The sign-off of a story written as a letter: when the first line the rules keep greets the reader in a
    letter's way ("Dear neighbours,"), the short comma-ended lines after its first paragraph ("Best wishes,") close
    the same letter and are the writer's. A page that opens with its story has no such frame."""
    kept = [i for i, ln in enumerate(lines) if ln.label in ("body", "heading")]
    if not kept or not _letter_frame(lines[kept[0]].text):
        return set()
    # after the letter's first paragraph: the page's notices below the sign-off ("Published and promoted by …") are
    # written as prose too, so the last paragraph of the page need not be the letter's
    first_prose = min((i for i in kept if strong_prose(lines[i])), default=None)
    if first_prose is None:
        return set()
    return {i for i in kept if i > first_prose and _letter_frame(lines[i].text)}


def written_as_sentence(text: str) -> bool:
    """Punctuated as a sentence (at its end, or with a sentence break inside): what the sentence model may judge."""
    return ends_sentence(text) or bool(_SENTENCE_BREAK.search(text))


#: A line wrapped into the next one fills at least this share of the next line's width (text extracted from a PDF or
#: a fixed-width page: every line of a paragraph as wide as the column).
WRAP_WIDTH_SHARE = 0.8
#: …and is at least this long (a column of text, not a rail of short links of one width)
WRAP_MIN_CHARS = 50


def wrapped(lines: Sequence[JudgedLine], i: int) -> bool:
    """A kept line that is the first part of a paragraph wrapped over several lines: a few words or more, no sentence
    end at its end, and the next line kept and carrying on the sentence (it starts in lower case, this line ends in
    a hyphen, or this line is as wide as the next, as the lines of a column are). A headline or a teaser over a
    paragraph is much shorter than a paragraph written on one line; a list's items and a table's rows are not
    wrapped prose."""
    ln = lines[i]
    text = ln.text.rstrip()
    if ln.label not in ("body", "heading") or len(text.split()) < PROTECT_SENTENCE_WORDS or ends_sentence(text) \
            or text.endswith(":") or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    follow = nxt.text.strip()
    if nxt.label != "body" or not follow or ln.item or nxt.item or row_kind(ln) is not None:
        return False
    as_wide = len(text) >= max(WRAP_MIN_CHARS, WRAP_WIDTH_SHARE * len(follow))
    return follow[0].islower() or text.endswith("-") or (as_wide and len(follow.split()) >= PROTECT_SENTENCE_WORDS)


#: The cues that say furniture on their own inside the story's span: the lexicon's, a link, an address, a handle, a
#: relative time ("2 hours ago"); not a figure, a time or a line without letters ("3.2%" over the sentence it
#: heads), which a table's cell or a list's entry carries too.
_STRONG_CUES = ("lex_line", "lex_prefix", "lex_phrase", "lex_credit", "lex_buttons", "lex_teaser", "relative_time",
                "handle", "url", "email", "citation")
