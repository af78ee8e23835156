"""Clean one document: keep the body, remove the furniture, read the metadata.

The unit verdicts of ``lines.classify_unit`` are refined by document-level
signals, in this order:

1. a byline whose name is on the next line takes that line with it;
2. a teaser header ("Related stories", "You may also like") turns the short
   lines after it into teasers (their bylines are not the article's author);
3. the title is the first headline-shaped line before the first paragraph of
   prose, looked for first right above the byline or date line (so a masthead
   or tagline at the top is passed over); lines that repeat it are removed;
4. a short line repeated within the document, or across the corpus
   (``LineStats``), is furniture;
5. below the title, a name alone beside the date line is the byline, and a desk
   or agency name there is a credit; the page's top line may name the outlet
   (a breadcrumb's first step, a masthead); short lines above the title are
   page furniture (masthead, kicker);
6. a short unpunctuated line is kept as a heading only when body text follows
   it; otherwise it is an orphan (a teaser title, a prompt, a label).

The outlet is a byline's affiliation (a place after the comma is the dateline's,
not an outlet), else a copyright or "first published in" statement, else the
masthead, else an editorial note's signature. A syndication note names the
original source, not the outlet that published this copy, so it is not used.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import itertools
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from storyline.clean import metadata
from storyline.clean.homoglyphs import apply_repairs, find_homoglyph_repairs
from storyline.clean.inline import find_inline_junk, parse_wire_dateline
from storyline.clean.language import detect_language, other_languages, script_of
from storyline.clean.lexicon import Lexicon, load_lexicon, normalise_line
from storyline.clean.line_model import JudgedLine, calls_reader_to_act, load_line_model, turn_label
from storyline.clean.line_model import removals as model_removals
from storyline.clean.lines import (
    SHORT_LINE_WORDS,
    LineStats,
    Unit,
    Verdict,
    caseless_share,
    classify_unit,
    ends_sentence,
    split_units,
    unit_keys,
    unspaced_runs,
    word_count,
)
from storyline.clean.structure import RELATIVE_TIME, post_furniture, shape_key, table_rows
from storyline.clean.title_model import TitleLine, TitleModel, judged, load_title_model
from storyline.config import Settings
from storyline.model import Block, Document, Removal

LOGGER = logging.getLogger(__name__)

#: A line in another script than the article is dropped when at most this long
#: (an invocation, a site name); longer ones are kept as quoted text.
OTHER_SCRIPT_MAX_WORDS = 25
#: Prose that opens the body: a punctuated line of this many words (or a very long line).
BODY_START_WORDS = 8
BODY_START_UNPUNCTUATED_WORDS = 40
#: A title has at most this many words.
TITLE_MAX_WORDS = 30
#: Up to this many short lines in a row may stand before body text as headings.
MAX_HEADING_CHAIN = 2
#: How far into an article in another language its date line is looked for (the title, a dateline, the lead).
LEAD_DATE_CHARS = 400
#: Bulleted lines in a run this long are a list of the body, however short each item.
MIN_LIST_ITEMS = 2
#: Precedence of date lines: an explicit publication label beats an unlabelled
#: date line, which beats an "updated" line.
_LABEL_RANK = {"published": 0, "first published": 0, "posted": 0, "date": 0, "dateline": 0,
               "created": 0, "released": 0, "issued": 0, "on": 1, None: 1, "updated": 2, "last updated": 2,
               "modified": 2, "last modified": 2}


@dataclass
class _Line:
    """A unit being judged: its text with inline junk taken out, and its verdict."""
    unit: Unit
    text: str
    inline: list[tuple[int, int, str]]
    verdict: Verdict
    #: a row of a flattened table (its header row included): body, whatever its shape alone says
    table_row: bool = False

    @functools.cached_property
    def words(self) -> int:
        # asked for again and again by the document passes; ``text`` never changes
        return len(self.text.split())

    def mark(self, label: str, reason: str) -> None:
        self.verdict = dataclasses.replace(self.verdict, label=label, reason=reason)


def _judge(fixed: str, unit: Unit, lex: Lexicon, main_script: str | None,
           reference_year: int | None) -> _Line:
    seg = fixed[unit.start:unit.end]
    inline = [(unit.start + s, unit.start + e, r) for s, e, r in find_inline_junk(seg, lex)]
    parts, pos = [], unit.start
    for s, e, _ in inline:
        parts.append(fixed[pos:s])
        pos = e
    parts.append(fixed[pos:unit.end])
    text = " ".join(" ".join(parts).split())
    line_script = script_of(text)
    if line_script and main_script and _writing_system(line_script) != _writing_system(main_script) \
            and len(text.split()) <= OTHER_SCRIPT_MAX_WORDS:
        verdict = Verdict("junk", "other_language")
    elif not text and inline:
        verdict = Verdict("junk", inline[0][2])  # nothing but markup or a teaser
    else:
        verdict = classify_unit(text, lex, reference_year)
        if verdict.label != "meta" and _dateline_alone(text):
            verdict = Verdict("meta", "dateline")  # "KORVEL, March 3 (Wire) —" on its own line
    return _Line(unit, text, inline, verdict)


#: Scripts one language writes together: a Japanese sentence is kanji (Unicode's CJK ideographs) and kana, whichever
#: dominates a line, and Korean may mix Hanja into Hangul; a line of one of them on a page of another is not a line in
#: another language
_WRITTEN_TOGETHER = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK"}


def _writing_system(script: str) -> str:
    return _WRITTEN_TOGETHER.get(script, script)


def _dateline_alone(text: str) -> bool:
    """A wire dateline with nothing after it on its line: metadata, where one opening a paragraph is body."""
    found = parse_wire_dateline(text)
    return found is not None and not text[found[0]:].strip()


def _join_split_bylines(lines: list[_Line]) -> None:
    """ "Written for X by" + a name alone on the next line: both are the byline."""
    for cur, nxt in itertools.pairwise(lines):
        b = cur.verdict.byline
        if b and b.needs_next_line and nxt.verdict.label in ("short", "body"):
            names = metadata.parse_names(nxt.text)
            if names:
                cur.verdict = dataclasses.replace(cur.verdict, byline=metadata.Byline(names, b.org))
                nxt.mark("meta", "byline")


def _mark_teasers(lines: list[_Line]) -> None:
    """Short lines after a teaser header are teasers, until prose resumes.

    The short line right above the resumed prose is a heading of the body when it follows the header alone ("Read
    more" over "What happens next"); after one teaser or more it is the run's last headline, however well it would
    read as a heading over the paragraph below ("READ MORE" / "Pub buys itself back" / "Post office to open")."""
    in_teaser = body_started = False
    run = 0
    for i, line in enumerate(lines):
        body_started = body_started or _strong_prose(line)
        if line.verdict.teaser_header and body_started:
            in_teaser, run = True, 0
        elif in_teaser:
            nxt = next((x for x in lines[i + 1:] if x.verdict.label != "junk"), None)
            if _strong_prose(line):
                in_teaser = False
            elif line.verdict.label in ("short", "body") and nxt is not None and _strong_prose(nxt) and (
                    run == 0 or ends_sentence(line.text) or line.text.rstrip().endswith(":")):
                in_teaser = False  # a heading of the body that resumes after a lone teaser label
            elif line.verdict.label != "junk":
                line.mark("junk", "teaser")
            run += 1


def _strong_prose(line: _Line) -> bool:
    return line.verdict.label == "body" and (
        (line.words >= BODY_START_WORDS and ends_sentence(line.text))
        or line.words >= BODY_START_UNPUNCTUATED_WORDS
        # a paragraph of a script written without spaces is one or two tokens to ``words``: counted by
        # ``word_count`` it is prose, so the header ends above it and the title is not sought below the story. Only
        # a full stop ends it: a question ("…恢复吗？") is a thread's headline, and Thai writes no stop at a
        # sentence's end (a "." there closes an abbreviation: a date line's "09:30 น.")
        or (bool(_FULL_STOP_END.search(line.text)) and bool(unspaced_runs(line.text))
            and word_count(line.text) >= BODY_START_WORDS))


#: A full stop of Chinese or Japanese at the end of a line, closing marks after it allowed.
_FULL_STOP_END = re.compile(r"[\u3002\uff0e\uff61][\"'\u201d\u2019\u00bb)\]\u300d\u300f]*\s*$")


def _ends_header(line: _Line, header: list[_Line]) -> bool:
    """True when ``line`` is the body's first paragraph, below the header lines before it."""
    if not _strong_prose(line) or not header:
        return False
    # a question or exclamation below nothing but furniture (a masthead, a navigation trail) is the headline
    if _exclaimed_headline(line) and all(x.verdict.label in ("junk", "meta") or _name_shaped(x.text)
                                         or _navigation_trail(x.text) for x in header):
        return False
    # a cookie wall's notice below nothing but its buttons is not the page's first paragraph
    return not (_CONSENT.search(line.text) and all(x.verdict.label in ("junk", "meta") or _consent_line(x)
                                                   for x in header))


def _title_header(lines: list[_Line]) -> list[_Line]:
    """The lines above the body's first paragraph, where the title is looked for."""
    header: list[_Line] = []
    for line in lines:
        if _ends_header(line, header):
            break
        header.append(line)
    return header


def _title_candidates(lines: list[_Line], header: list[_Line]) -> list[_Line]:
    """The header's headline-shaped lines, in page order, that are not page furniture."""
    # a date line in a language or era the rules do not read ("27 มกราคม 2569") is never the headline
    # and neither is a line of dates alone ("March 3, 1951 - August 4, 2026" under an obituary's name)
    candidates = [ln for ln in header if _title_shaped(ln) and not _date_shaped(ln) and not _stamp_line(ln)
                  and not metadata.dates_only(ln.text)]
    # A breadcrumb, a consent button or the site's name (repeated elsewhere on the page, in the copyright line
    # say) is page furniture, not a headline, whatever the rules made of the line alone.
    furniture = [ln for ln in candidates if _title_furniture(ln, lines)]
    if len(furniture) < len(candidates):
        candidates = [ln for ln in candidates if ln not in furniture]
    return candidates


def _title_view(lines: list[_Line], header: list[_Line], candidates: list[_Line]) -> list[TitleLine]:
    """The lines as the title model reads them."""
    in_header = {id(ln) for ln in header}
    shaped = {id(ln) for ln in candidates}
    return [TitleLine(ln.text, ln.verdict.label, ln.verdict.reason, _is_article_meta(ln), _strong_prose(ln),
                      id(ln) in shaped, id(ln) in in_header) for ln in lines]


#: How many lines below a short line the title model calls a label its headline may stand.
_LABEL_REACH = 3


def _trained_title(lines: list[_Line], header: list[_Line], candidates: list[_Line], best: _Line,
                   model: TitleModel, lex: Lexicon) -> _Line:
    """The rules' headline ``best``, or the short line the title model calls the headline beside it.

    A short line right above ``best`` that the model is sure is a headline (``override_threshold``) is the headline
    ("Tokyo bans cars" over its unpunctuated standfirst, which the rules took for the headline-long line); a short
    ``best`` the model is sure is a label ("Africa", a masthead) gives way to the next candidate below it, above the
    byline or date line, that is a headline: a short one the model calls so (``threshold``), or a headline-long
    one. Most short lines above a headline are labels, so a model in doubt leaves the rules' choice."""
    view = _title_view(lines, header, candidates)
    at = {id(ln): i for i, ln in enumerate(lines)}
    probs: dict[int, float | None] = {}

    def headline(ln: _Line, threshold: float = model.threshold) -> bool | None:
        # asked line by line, when consulted: a line's features read the whole page, so asking about every short
        # line of a page that is all header (a list, a page of furniture) would cost the square of its length
        i = at[id(ln)]
        if i not in probs:
            probs[i] = model.probabilities(view, [i], lex)[0] if judged(view[i]) else None
        p = probs[i]
        return None if p is None else p >= threshold

    shown = [ln for ln in header if ln.verdict.label != "junk"]
    pos = next((k for k, ln in enumerate(shown) if ln is best), None)
    if pos is None:
        return best
    # the model overrides the rules' choice only when it is sure: the rules' headline-long line may be the
    # standfirst under a short headline, and their short headline may be a label over the headline
    if pos > 0 and headline(shown[pos - 1], model.override_threshold):
        return shown[pos - 1]
    if headline(best, 1.0 - model.override_threshold) is False:
        shaped = {id(ln) for ln in candidates}
        # a label stands right above its headline, a second label or a kicker at most between them: reading further
        # down a header with no body under it (a list page) would ask the model about every line of the page
        for ln in shown[pos + 1:pos + 1 + _LABEL_REACH]:
            if _is_article_meta(ln) or _date_shaped(ln):
                break  # a headline stands above its byline or date line, never below it
            if id(ln) not in shaped:
                continue
            verdict = headline(ln)
            if verdict or (verdict is None and _headline_long(ln) and not _name_shaped(ln.text)):
                return ln
    return best


def _find_title(lines: list[_Line], given: str | None,
                titles: tuple[TitleModel, Lexicon] | None = None) -> tuple[str | None, _Line | None]:
    """The title (text, and the line that states it) from the lines before the body; ``titles``: the title model
    that judges a short line beside the rules' headline (``Settings.clean_titles`` 'trained'), with the lexicon."""
    header = _title_header(lines)
    late = _headline_below_notice(lines, len(header))
    if late is not None and not given:
        return late.text, late
    candidates = _title_candidates(lines, header)
    in_order = list(candidates)
    # A headline stands right above its byline or date line: when the header has
    # one, look first between it and the furniture before it, so a masthead or
    # tagline at the top of the page ("Site Name — a tagline") is not the title.
    # a stamp anchors the headline only in a script without spaces between words, where no count of words finds it
    anchor = next((i for i, ln in enumerate(header) if _is_article_meta(ln) or _date_shaped(ln)
                   or (_stamp_line(ln) and caseless_share(ln.text) > 0.5)), None)
    anchored: _Line | None = None
    if anchor is not None:
        start = max((i + 1 for i, ln in enumerate(header[:anchor])
                     if ln.verdict.label in ("junk", "meta")), default=0)
        near = [ln for ln in header[start:anchor] if ln in candidates]
        if near:
            # a masthead or section name above the headline ("Diario del Valle", "Traffic & travel"), in
            # whatever language, is passed over for the headline-long line below it, nearer the body; a label
            # below the headline ("For immediate release") is not reached
            headline = next((ln for ln in near if _headline_long(ln) and not _name_shaped(ln.text)), None)
            above = header[anchor - 1]
            if headline is not None and above in near and above is not headline and _headline_long(above) \
                    and not _name_shaped(above.text):
                # two headline-long lines above the byline or date: the one right above it is the headline, the
                # one higher up the site's or office's name ("Office of the Governor of Eastern Province")
                headline = above
            if headline is not None and not _headline_long_spaced(headline):
                anchored = headline
            if headline is not None:
                near.remove(headline)
                near.insert(0, headline)
            candidates = near + [ln for ln in candidates if ln not in near]
    if given:
        match = next((ln for ln in candidates if metadata.same_headline(ln.text, given)), None)
        return given, match
    if candidates:
        # the headline found right above the date line stands, however few spaces its script writes between words
        best = anchored if anchored is not None else next((ln for ln in candidates if ln.words >= 3), candidates[0])
        if best is not anchored and not _headline_long_spaced(best):
            # a section's label ("Travel and weather", "Communiqué de presse") above the headline-long line under it
            later = next((ln for ln in candidates[candidates.index(best) + 1:] if _headline_long_spaced(ln)), None)
            if later is not None and not _name_shaped(later.text):
                best = later
        top = next((ln for ln in lines if ln.verdict.label != "junk"), None)
        if best is top and _name_shaped(best.text):
            # the page's top line, written like a name ("The Rift Valley Observer"), is the masthead
            # when a headline follows it before the body
            later = next((ln for ln in candidates[candidates.index(best) + 1:] if ln.words >= 3), None)
            if later is not None:
                best = later
        if titles is not None and best is not anchored:
            best = _trained_title(lines, header, in_order, best, *titles)
        if _WIRE_TAG.match(best.text):
            # an agency's tagged headline ("UPDATE 2-…", "BRIEF-…") is its slug when the plain headline follows it
            i = lines.index(best)
            after = lines[i + 1] if i + 1 < len(lines) else None
            if after is not None and after in candidates and after.words >= 3 and not _WIRE_TAG.match(after.text):
                return after.text, after
            return _WIRE_TAG.sub("", best.text, count=1), best
        return best.text, best
    for ln in header:
        # a headline run together with its date ("Climate digest — 2 December 2025"), read as a date line
        if ln.verdict.reason == "dateline" and ln.verdict.byline is None and metadata.date_line_title(ln.text):
            return ln.text, ln
    for ln in header:  # the last step of a breadcrumb names the page
        crumbs = ln.verdict.crumbs
        if crumbs and len(crumbs[-1].split()) >= 3:
            return crumbs[-1], None
    return None, None


#: The tag an agency puts before a headline for its clients' editors ("UPDATE 2-", "REFILE-", "BRIEF-"): not the
#: headline's words.
_WIRE_TAG = re.compile(r"^(?:UPDATE|REFILE|CORRECTED|CORRECTION|RPT|WRAPUP|BRIEF|EXCLUSIVE|ANALYSIS|FACTBOX|INSIGHT|"
                       r"EXPLAINER|TIMELINE|INTERVIEW|FOCUS|URGENT|FLASH|BUZZ)(?:\s+\d{1,2})?\s?-\s?(?=\S)")
#: How many lines from the end of the header (the first line of prose) a headline above its byline or date may stand.
HEADLINE_AFTER_NOTICE_LINES = 2


def _headline_below_notice(lines: list[_Line], end: int) -> _Line | None:
    """A headline standing right above its byline or date line (a byline between allowed) just below the first
    line of prose, when the header above that prose holds no date: the page opens with a notice written as a
    sentence ("Get the day's headlines …", "X is a place for discussion …"), which ends the header before the
    headline is reached."""
    if any(ln.verdict.date is not None or metadata.full_date_in(ln.text) for ln in lines[:end]):
        return None
    for i in range(end, min(end + HEADLINE_AFTER_NOTICE_LINES, len(lines))):
        ln = lines[i]
        if ln.verdict.label not in ("short", "body", "heading") or not 1 <= ln.words <= TITLE_MAX_WORDS \
                or ln.text.rstrip().endswith(".") or RELATIVE_TIME.search(ln.text) \
                or (_strong_prose(ln) and not _exclaimed_headline(ln)):
            continue
        below = lines[i + 1:i + 3]
        # or a post's header with its date ("Started by hazel_w, 3 March 2025", "Posted by x on 25 June 2025")
        # or a question's asker or a post's poster ("Asked by newbie_nina", "posted by u/x 6h ago")
        if below and (_is_article_meta(below[0]) or _date_shaped(below[0]) or metadata.post_credit(below[0].text) or (
                below[0].words <= SHORT_LINE_WORDS and not _strong_prose(below[0])
                and metadata.full_date_in(below[0].text) is not None)):
            return ln
        if len(below) == 2 and below[0].verdict.byline is not None and _is_article_meta(below[1]):
            return ln
    return None


#: A date line in any language: "16 апреля 2025", "10 de junio de 2025", "3. März 2025, 14:30", "Τρίτη, 10 Μαρτίου 2026"
#: (a weekday before it takes a comma).
_DATE_SHAPED = re.compile(r"^\s*(?:[^\W\d_]{3,},?\s+)?[0-3]?\d\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?"
                          # a Buddhist-era year ("27 มกราคม 2569"), as Thai and Lao pages print it
                          rf"(?:(?:19|20)\d\d|{metadata.BUDDHIST_ERA_YEAR})\b"
                          # a time of day, with a word before it ("เวลา") and an hour's mark or the part of the day
                          # after it ("น.", "صباحا")
                          r"(?:\D{0,6}\d\d?[:.]\d\d(?:\s*[^\W\d_]{1,6}\.?)?)?\W*$")
#: Separators of a navigation trail ("Home > World", "Главная / Общество"); at most this many words a step.
_TRAIL_SEPARATORS = (" > ", " / ", " \u203a ", " \u00bb ", " \u2039 ", " | ", " \u2192 ")
TRAIL_STEP_WORDS = 4
#: A section name or label above a headline has at most this many words.
LABEL_MAX_WORDS = 3
#: A cookie wall's button or heading ("Reject all", "Your privacy choices", "Tout refuser"): a few words.
CONSENT_MAX_WORDS = 5
_CONSENT = re.compile(r"\b(?:accept|reject|decline|agree|consent|cookies?|privacy|принять|отклонить|согласен|"
                      r"aceptar|rechazar|accepter|refuser|akzeptieren|ablehnen|zustimmen|datenschutz)\b", re.I)


#: A date line of a script without capitals has at most this many words ("၂၀၂၆ မေ ၂", "ថ្ងៃទី៨ ខែតុលា ឆ្នាំ២០២៦").
CASELESS_DATE_WORDS = 4
_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _caseless_date(text: str) -> bool:
    """A day, a month's name and a year and nothing else, in a script without capitals, the number glued to its word
    or not, in either order: the shape of a date line in Burmese, Khmer, Lao … (whose month names the locale data may
    lack)."""
    form = metadata.recognition_form(text)
    numbers = _NUMBER.findall(form)
    if len(numbers) != 2 or len(form.split()) > CASELESS_DATE_WORDS or caseless_share(form) <= 0.5:
        return False
    years = [n for n in numbers if _YEAR.fullmatch(n)]
    days = [n for n in numbers if len(n) <= 2 and 1 <= int(n) <= 31]
    letters = _NUMBER.sub("", form)
    return len(years) == 1 and len(days) == 1 and any(c.isalpha() for c in letters) \
        and all(c.isalpha() or c.isspace() or unicodedata.category(c).startswith("M") or c in ".,/-" for c in letters)


def _date_shaped(line: _Line) -> bool:
    """A line that is nothing but a date, in whatever language (the English rules read their own as meta)."""
    return line.verdict.label in ("short", "body") and (
        bool(_DATE_SHAPED.match(metadata.recognition_form(line.text))) or _caseless_date(line.text))


#: A time of day: "10:15", and the hour and minute marked by their characters as Chinese, Japanese and Korean pages
#: print them ("14時00分", "9点30分", "14시 00분").
_CLOCK = re.compile(r"(?<!\d)[0-2]?\d[:\uff1a][0-5]\d(?!\d)"
                    r"|(?<!\d)[0-2]?\d\s*[\u6642\u65f6\u70b9\u9ede\uc2dc]\s*[0-5]?\d\s*[\u5206\ubd84]")


def _stamp_line(line: _Line) -> bool:
    """A line the rules kept that holds a full date and a time of day ("2026年3月12日 10:15 来源：…"): a page's stamp,
    whatever else it names, never its headline."""
    # a stamp with the poster's name after a bar ("2026年2月10日 14時00分 | 社名") reads as a trail's steps
    return (line.verdict.label in ("short", "body") or line.verdict.reason == "breadcrumb") \
        and bool(_CLOCK.search(line.text)) \
        and metadata.full_date_in(line.text) is not None


#: A word this short before a button's verb is a pronoun or a "yes" ("I agree", "We accept"), not a subject.
CONSENT_PRONOUN_LETTERS = 3
#: The nouns of a cookie wall: a short line naming them is its heading or button wherever they stand in it.
_CONSENT_NOUN = re.compile(r"\b(?:consent|cookies?|privacy|datenschutz)\b", re.I)


def _consent_line(line: _Line) -> bool:
    """A cookie wall's button or heading: a few words naming consent, cookies or privacy, or a button's verb at
    the line's edge ("Accept all", "Alle ablehnen", "I agree"). A verb after a subject is a headline's ("Dockers
    agree pay deal", "Fishermen accept deal; trawlers sail")."""
    if line.words > CONSENT_MAX_WORDS or not _CONSENT.search(line.text):
        return False
    if _CONSENT_NOUN.search(line.text):
        return True
    # a button is often drawn in brackets or quotes ("[Accept all]", "(Reject)")
    words = [w.strip(",.;:!?()[]{}<>«»\"'“”„") for w in line.text.split()]
    at = [k for k, w in enumerate(words) if _CONSENT.fullmatch(w)]
    # a button's verb stands first or last, or after a pronoun or a "yes" ("I agree to the terms", "Yes, I accept"),
    # or after both ("OK, I accept the terms"), whose pronoun is one letter: "US, UK agree trade deal" is a headline
    short = [len(w) <= CONSENT_PRONOUN_LETTERS for w in words]
    return any(k in (0, len(words) - 1) or (k == 1 and short[0]) or (k == 2 and short[0] and len(words[1]) == 1)
               for k in at)


#: A PDF page's running head ends with its page number ("THE HARBOUR GAZETTE Tuesday 3 March 2026 Page 4",
#: "Annual report 2024/25 Page 3 of 9"): it stands above the headline on every page, so it is never the headline.
_RUNNING_HEAD = re.compile(r"\b(?:page|seite|página|pagina|страница)\s+\d+(?:\s+(?:of|von|de|di|из)\s+\d+)?\s*$", re.I)


def _mark_running_heads(lines: list[_Line]) -> None:
    """A running head ("Annual report 2024/25 ... Page 3") that the page repeats with another page number, or that
    stands above the body, is furniture wherever it stands."""
    heads = [ln for ln in lines if ln.verdict.label in ("short", "body", "heading") and ln.words <= TITLE_MAX_WORDS
             and _RUNNING_HEAD.search(ln.text)]
    keys = Counter(normalise_line(_RUNNING_HEAD.sub("", ln.text)) for ln in heads)
    first_body = next((i for i, ln in enumerate(lines) if _strong_prose(ln)), len(lines))
    for ln in heads:
        if keys[normalise_line(_RUNNING_HEAD.sub("", ln.text))] >= 2 or lines.index(ln) < first_body:
            ln.mark("junk", "running_head")


#: A line in a script written without spaces (Chinese, Japanese, Thai) with this many letters is as long as a headline.
HEADLINE_LETTERS_UNSPACED = 9


def _headline_long_spaced(line: _Line) -> bool:
    """Long as a headline by its words alone (a script that writes spaces between words)."""
    return line.words > LABEL_MAX_WORDS


def _headline_long(line: _Line) -> bool:
    """Longer than a label or a section name: more words than one, or, in a script written without spaces between
    words, more letters than a site's name ("南城晚报", "やまびこ新報") has."""
    if line.words > LABEL_MAX_WORDS:
        return True
    letters = [c for c in line.text if c.isalpha()]
    return line.words <= 2 and len(letters) >= HEADLINE_LETTERS_UNSPACED and caseless_share(line.text) > 0.5


def _navigation_trail(text: str) -> bool:
    """A navigation trail: short steps between one separator ("Board index ‹ Vegetables ‹ Brassicas")."""
    for sep in _TRAIL_SEPARATORS:
        steps = [s.strip() for s in text.strip().split(sep)]
        if len(steps) >= 2 and all(1 <= len(s.split()) <= TRAIL_STEP_WORDS for s in steps) \
                and not any(ch in s for s in steps for ch in ".?!:"):
            return True
    return False


def _title_furniture(line: _Line, lines: list[_Line]) -> bool:
    """A headline-shaped line that is page furniture: a navigation trail, a consent button, or the site's
    name (a name-shaped line whose words recur inside another line of the page)."""
    text = line.text.strip()
    if _navigation_trail(text):
        return True
    if _consent_line(line) or _RUNNING_HEAD.search(text):
        return True
    if _name_shaped(text):
        low = " ".join(text.lower().split())
        return any(ln is not line and low in " ".join(ln.text.lower().split()) and ln.words > line.words
                   for ln in lines)
    return False


def _title_shaped(line: _Line) -> bool:
    # a post header ("Posted by u/x 14 hours ago") is not a headline
    return (line.verdict.label in ("short", "body") or gallery_headline(line.text, line.verdict.reason)) \
        and 1 <= line.words <= TITLE_MAX_WORDS and not line.text.rstrip().endswith(".") \
        and not RELATIVE_TIME.search(line.text)


#: A gallery's headline after its "Photos:" tag says what happens in this many words at least ("residents clean up
#: after the floods"); a credit names a photographer or an agency in fewer ("race organisers", "Gazette staff").
GALLERY_CLAUSE_WORDS = 3
#: A credit's words: lowercase ones this short or shorter join a name's words ("Jenny Marlowe for Heritage Today").
_CREDIT_JOINER_LETTERS = 3
#: A gallery's tag: a plural (many stills: "Photos", "Pictures") or a film ("Video").
_GALLERY_TAG = re.compile(r"[^\W\d_]+s|videos?", re.IGNORECASE)


def gallery_headline(text: str, reason: str) -> bool:
    """A line the rules read as a photo credit by its tag ("Photos:", "Video:") that is a gallery's headline: the
    words after the tag run as a clause, with two common words or more in lowercase ("Photos: residents clean up
    after Orvel floods"), not as a name ("Photo: Ola Brandt / Harsk Evening News", "Photograph: Harrow Review
    archive", "Picture: reader photo") nor as a caption with its credit in brackets.

    The line stays furniture to the line cleaners (a gallery's link or caption under the body reads the same); only
    the title rules may take it for the header's headline."""
    if reason != "credit" or ":" not in text:
        return False
    tag, rest = (part.strip() for part in text.split(":", 1))
    words = rest.split()
    if len(words) < GALLERY_CLAUSE_WORDS or any(c in rest for c in "/\u00a9()[]|"):
        return False
    # one still's tag ("Photo:", "Picture:") over a clause is its caption ("Photo: Police officers stand guard outside
    # the court"), and a tag then "by" names its maker ("Photos: supplied by the council"): a gallery's tag names
    # many stills or a film, and its headline says what they show
    if not _GALLERY_TAG.fullmatch(tag) or "by" in (w.lower() for w in words[:2]):
        return False
    lower = [w for w in words[:-1] if w[:1].islower() and len(w.strip(",;")) > _CREDIT_JOINER_LETTERS]
    # the last word may be a credit's common noun after a name ("archive", "staff"); a clause has others before it
    return len(lower) >= 2


#: A masthead names the site: a few words, each capitalised but for these.
MASTHEAD_MAX_WORDS = 5
_NAME_JOINERS = frozenset({"the", "of", "and", "for", "on", "in", "&", "de", "la", "el", "du", "da", "di", "der"})


def _name_shaped(text: str) -> bool:
    """Written like a name, not a sentence: "Metro Evening Star", "Ministry of Health — Press Office"."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if not words or len(words) > MASTHEAD_MAX_WORDS or any(c.isdigit() or c in "?!,." for c in text):
        return False
    return all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words)


#: A first line this short ending in "!" or "?" is a headline, not the lead ("Storm closes every school!").
HEADLINE_MAX_WORDS = 16


def _exclaimed_headline(line: _Line) -> bool:
    """A headline that ends like a sentence: short, and ending in "!" or "?" (closing quotes allowed)."""
    return line.words <= HEADLINE_MAX_WORDS and line.text.rstrip().rstrip("\"'\u201d\u2019\u00bb )")[-1:] in "!?"


def _is_article_meta(line: _Line) -> bool:
    """A byline or date line of the article (not of a teaser)."""
    v = line.verdict
    return v.label == "meta" and v.reason != "teaser" and (v.byline is not None or v.date is not None)


def _header_lines(lines: list[_Line]) -> list[_Line]:
    """The lines before the first paragraph of prose."""
    header = []
    for line in lines:
        if _strong_prose(line):
            break
        header.append(line)
    return header


def _drop_masthead(lines: list[_Line], title_line: _Line | None) -> None:
    """Short lines above the title are page furniture (masthead, tagline, kicker), not body."""
    if title_line is None:
        return
    for line in lines:
        if line is title_line:
            return
        if line.verdict.label == "short":
            line.mark("junk", "masthead")


def _bare_name_bylines(lines: list[_Line], title_line: _Line | None, lex: Lexicon) -> str | None:
    """A name alone on a line beside the date line, below the title, is the byline
    ("Jane Roe" over "3 May 2024"); a desk or agency there ("Editorial Board",
    "Example Wire Service") is a credit, not an author. An outlet's name there ("Example Ledger" over
    "By Jane Roe") is the outlet: returned, and its line removed as such."""
    has_byline = any(ln.verdict.byline and ln.verdict.byline.names and ln.verdict.label == "meta"
                     for ln in lines)
    header = _header_lines(lines)
    if title_line is None or title_line not in header:
        return None
    shown = [ln for ln in header[header.index(title_line) + 1:] if ln.verdict.label != "junk"]
    outlet = None
    for i, line in enumerate(shown):
        if line.verdict.label != "short" or line.words > metadata.MAX_NAME_TOKENS:
            continue
        words = {w.lower().strip(".,") for w in line.text.split()}
        beside = shown[max(0, i - 1):i] + shown[i + 1:i + 2]
        by_meta = any(_is_article_meta(x) for x in beside)
        if words & (lex.not_person_words | lex.outlet_words):
            # a desk or agency named between the title and the body is a credit line
            if metadata.looks_like_name(line.text) or line.text.isupper():
                line.mark("meta", "credit")
            if by_meta and words & lex.outlet_words and not words & lex.not_person_words:
                line.mark("meta", "outlet")
                outlet = outlet or metadata.outlet_name(line.text)
            continue
        if has_byline and by_meta and metadata.header_outlet_part(
                line.text, lex.outlet_words, lex.section_words | lex.breadcrumb_roots) \
                and metadata.parse_byline(line.text) is None \
                and not any(metadata.same_headline(line.text, n) for x in lines if x.verdict.byline
                            for n in x.verdict.byline.names):
            # a name written like a masthead beside the byline: the byline names the author, so this is the outlet
            line.mark("meta", "outlet")
            outlet = outlet or metadata.outlet_name(line.text)
            continue
        if not any(_is_article_meta(x) and x.verdict.date is not None for x in beside):
            continue
        names = None if has_byline else metadata.parse_names(line.text)
        if names:
            line.verdict = dataclasses.replace(line.verdict, label="meta", reason="byline",
                                               byline=metadata.Byline(names))
            return outlet
    return outlet


#: A section or access label beside the article's date or byline has at most this many words.
HEADER_LABEL_MAX_WORDS = 3


def _header_labels(lines: list[_Line], title_line: _Line | None) -> None:
    """A short label beside the article's byline or date line, below the title and before the first
    paragraph ("Science & environment", "Match report", "Premium content"), is page furniture: a heading
    of the article stands between paragraphs, not among the header's facts."""
    header = _header_lines(lines)
    if title_line is None or title_line not in header:
        return
    shown = [ln for ln in header[header.index(title_line) + 1:] if ln.verdict.label != "junk"]
    for i, line in enumerate(shown):
        if line.verdict.label != "short" or line.words > HEADER_LABEL_MAX_WORDS or line.unit.kind == "item" \
                or line.table_row \
                or any(c in line.text for c in ".?!:,;"):
            continue
        beside = shown[max(0, i - 1):i] + shown[i + 1:i + 2]
        if turn_label(line.text):
            continue  # a speaker's label over the first turn of a transcript ("HOST")
        if any(_is_article_meta(x) for x in beside):
            line.mark("junk", "section_label")


def _line_outlet(lines: list[_Line]) -> str | None:
    """The outlet a header line names beside its byline or date ("Example Ledger · 3 May 2024")."""
    for line in _header_lines(lines):
        if line.verdict.label == "meta" and line.verdict.reason != "teaser" and line.verdict.outlet:
            return line.verdict.outlet
    return None


def _header_outlet(lines: list[_Line], title_line: _Line | None, lex: Lexicon) -> str | None:
    """An outlet named by the page's top line: a breadcrumb's first step or a masthead."""
    for line in lines:
        if line is title_line or _strong_prose(line):
            return None
        if line.verdict.label in ("junk", "short"):
            name = metadata.masthead_outlet(line.text, lex.outlet_words,
                                            lex.breadcrumb_roots | lex.section_words)
            if name:
                return name
    return None


def _turn_label(line: _Line, after: _Line | None) -> bool:
    """A speaker's label that opens a turn of speech: it names who says the next line, so a quote's
    attribution needs it, however often the transcript repeats it."""
    return after is not None and after.verdict.label == "body" and turn_label(line.text)


def _remove_repeats(lines: list[_Line], title: str | None, title_line: _Line | None,
                    stats: LineStats | None, settings: Settings, doc_long: set[str]) -> None:
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if line is title_line or line.verdict.label not in ("short", "body"):
            continue
        if _turn_label(line, lines[i + 1] if i + 1 < len(lines) else None):
            continue
        if title and line.words <= TITLE_MAX_WORDS and metadata.same_headline(line.text, title):
            line.mark("junk", "duplicate_title")
            continue
        if line.words > SHORT_LINE_WORDS:
            continue
        norm = normalise_line(line.text)
        if norm in seen:
            line.mark("junk", "repeated_line")
        elif line.verdict.label == "short" and stats is not None \
                and stats.repeated(norm, doc_long, settings.corpus_repeat_min_docs):
            # only a furniture-shaped line: a sentence several outlets carry is wire copy, the story itself
            line.mark("junk", "repeated_across_corpus")
        seen.add(norm)


#: A row of a table flattened to text: a label and figures ("Cod  311,000  -4%").
_FIGURE = re.compile(r"\d")


def _short_runs(lines: list[_Line]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each maximal run of lines the rules call short, in order."""
    n = len(lines)
    i = 0
    while i < n:
        if lines[i].verdict.label != "short":
            i += 1
            continue
        j = i
        while j < n and lines[j].verdict.label == "short":
            j += 1
        yield i, j
        i = j


def _keep_runs_beside_body(lines: list[_Line]) -> None:
    """Short lines judged with their neighbours, not alone.

    A line ending in a comma carries on into the next line; consecutive short lines holding figures
    are the rows of a flattened table or a list written without marks (the first may be the sentence ending in
    ":" that introduces them). Either kind is body when the run touches body text (a run of furniture such as a
    menu sits apart from the prose).
    """
    n = len(lines)
    for i, j in _short_runs(lines):
        run = lines[i:j]
        touches_body = (i > 0 and lines[i - 1].verdict.label == "body") or \
            (j < n and lines[j].verdict.label == "body")
        if touches_body:
            # a sentence ending in ":" may introduce the rows ("The day's programme:")
            rows = run[1:] if len(run) > MIN_LIST_ITEMS and (run[0].text.rstrip().endswith(":")
                                                             or _box_heading(lines, i, j)) else run
            figures = [x for x in rows if _FIGURE.search(x.text)]
            table = len(rows) >= MIN_LIST_ITEMS and len(figures) == len(rows)
            sections = not table and _headed_rows(lines, i, j)
            if not table and _introduced_list(lines, i, j):
                table = True
            for k, line in enumerate(run):
                carried = line.text.rstrip().endswith(",") and (i + k + 1 < n)
                if table or carried or (sections and _FIGURE.search(line.text)):
                    line.mark("body", "")


#: A sentence introducing a list written without marks ("Schools closed all day:") has at least this many words: a
#: menu's label ("Related:", "More:") is shorter.
INTRO_WORDS = 3


def _introduced_list(lines: list[_Line], i: int, j: int) -> bool:
    """Whether the run of short lines ``lines[i:j]`` is a list the story introduces with a sentence ending in ":" and
    goes on after: the run stands between two paragraphs of the story and opens with that sentence ("The schools
    closed today:" / a name a line / "Opening late:" / …). A menu or a rail is not announced by the story's own
    sentence, and stands at the page's edge or beside other furniture."""
    n = len(lines)
    if i == 0 or j >= n or lines[i - 1].verdict.label != "body" or lines[j].verdict.label != "body":
        return False
    intro = lines[i].text.rstrip()
    return j - i > MIN_LIST_ITEMS and intro.endswith(":") and len(intro.split()) >= INTRO_WORDS


#: A box's heading over its rows of figures ("Results at a glance") has at most this many words.
BOX_HEADING_WORDS = 5


def _box_heading(lines: list[_Line], i: int, j: int) -> bool:
    """Whether the first of the short lines ``lines[i:j]`` is a heading over the figures below it, the run standing
    between two paragraphs of the story ("Results at a glance" / "Severe malaria: down 38%" / …): a box inside the
    story, as a sentence ending in ":" introduces one. A few words without a figure or a sentence's end."""
    text = lines[i].text.strip()
    return i > 0 and j < len(lines) and lines[i - 1].verdict.label == "body" and lines[j].verdict.label == "body" \
        and 1 <= len(text.split()) <= BOX_HEADING_WORDS and not _FIGURE.search(text) and not ends_sentence(text)


#: A sub-heading between a list's sections ("Ingredients", "Men", "Women") has at most this many words.
SECTION_HEADING_WORDS = 3


def _headed_rows(lines: list[_Line], i: int, j: int) -> bool:
    """Whether the run of short lines ``lines[i:j]`` is a list inside the story cut into sections: rows holding
    figures under short sub-headings ("Ingredients" / "250g butter" / "4 eggs"; "Men" / "1 Sam Hart 2:21:05"), with
    the story's body right above and right below the run. A box of furniture ("Match stats" / "Possession 54%")
    stands at the page's edge or beside other furniture, not between two paragraphs of the story; each sub-heading
    heads rows (or, last, the paragraph below), and every section has at least ``MIN_LIST_ITEMS`` rows."""
    n = len(lines)
    if i == 0 or j >= n or lines[i - 1].verdict.label != "body" or lines[j].verdict.label != "body":
        return False
    sizes, current = [], 0
    for k in range(i, j):
        text = lines[k].text.strip()
        if _FIGURE.search(text):
            current += 1
            continue
        if len(text.split()) > SECTION_HEADING_WORDS or ends_sentence(text):
            return False
        if k > i:
            sizes.append(current)
        current = 0
    sizes.append(current)
    # the last sub-heading may head the paragraph below the run (its section has no rows)
    if sizes[-1] == 0 and len(sizes) > 1:
        sizes.pop()
    return bool(sizes) and all(size >= MIN_LIST_ITEMS for size in sizes)


def _mark_tables(fixed: str, lines: list[_Line]) -> None:
    """Rows of a flattened table next to the body are body, with their header row and the line
    ending in ":" that introduces them (``structure.table_rows``)."""
    raw_texts = [fixed[ln.unit.start:ln.unit.end] for ln in lines]
    # a row between pipes reads alone like a breadcrumb ("| Feed wheat | 192 | 196 |"); a table judges it again
    labels = ["short" if ln.verdict.reason == "breadcrumb" else ln.verdict.label for ln in lines]
    colon = [ln.verdict.label in ("short", "body") and ln.text.rstrip().endswith(":") for ln in lines]
    for i in table_rows(raw_texts, labels, colon):
        lines[i].mark("body", "")
        lines[i].table_row = True


def _mark_post_furniture(lines: list[_Line], title_line: _Line | None) -> list[_Line]:
    """A forum's or comment section's per-post headers and action rows (``structure.post_furniture``);
    returns them in document order (the first may date the thread)."""
    protected = {i for i, ln in enumerate(lines) if ln is title_line or ln.table_row or ln.unit.kind == "item"}
    found = post_furniture([ln.text for ln in lines], [ln.verdict.label for ln in lines], protected)
    out = []
    for i in sorted(found):
        out.append(lines[i])
        if lines[i].verdict.label != "meta" or lines[i].verdict.byline is not None:
            # a commenter's "Posted by X" is not the article's byline
            lines[i].verdict = dataclasses.replace(lines[i].verdict, label="junk", reason="post_furniture",
                                                   byline=None, date=None)
        else:
            lines[i].mark("junk", "post_furniture")
    return out


#: A signature's separator: a line of only dashes, underscores or equals signs ("-- ", "__________").
_SIGNATURE_RULE = re.compile(r"\s*(?:-{2,}|_{2,}|={2,})\s*")
#: A signature below its separator: at most this many lines, each this short.
SIGNATURE_MAX_LINES = 3
SIGNATURE_MAX_WORDS = 15


def _mark_signatures(fixed: str, lines: list[_Line]) -> None:
    """A poster's signature: the few short lines between a separator ("-- ", "______") and the post's
    furniture or the page's end. A section break in an article is followed by the story going on, so a
    run that reaches a paragraph (or a long line) is left alone."""
    n = len(lines)
    rule = [bool(_SIGNATURE_RULE.fullmatch(fixed[ln.unit.start:ln.unit.end])) for ln in lines]
    for i in range(n):
        if not rule[i]:
            continue
        j = i + 1
        while j < n and j - i <= SIGNATURE_MAX_LINES and not rule[j] and lines[j].verdict.label in ("short", "body") \
                and lines[j].words <= SIGNATURE_MAX_WORDS and not lines[j].table_row:
            j += 1
        if j > i + 1 and (j == n or rule[j] or lines[j].verdict.label in ("junk", "meta")):
            for line in lines[i + 1:j]:
                line.mark("junk", "signature")


#: What an author's note at the foot of an article says of its author, right after the name.
_BIO_VERB = re.compile(r"\s+(?:is|was|writes|reports|covers|has (?:been|written|covered|reported))\b")


def _mark_author_bio(lines: list[_Line]) -> None:
    """A note about the article's author below the story ("Jane Roe is our health correspondent. …"): a line
    after the first paragraph that opens with a byline's full name and says what the author is or does (a sentence,
    or a short line without its full stop)."""
    names = [name for ln in lines if ln.verdict.label == "meta" and ln.verdict.reason != "teaser"
             and ln.verdict.byline is not None for name in ln.verdict.byline.names if len(name.split()) >= 2]
    if not names:
        return
    started = False
    for line in lines:
        started = started or _strong_prose(line)
        if started and line.verdict.label in ("body", "short") and any(
                line.text.startswith(name) and _BIO_VERB.match(line.text, len(name)) for name in names):
            line.mark("junk", "author_bio")


def _thread_date(furniture: list[_Line], day_first: bool | None) -> tuple[str | None, str | None]:
    """A thread's date: its first post's header ("Post by X » Mon Mar 04, 2024 8:12 pm").

    Post headers of one template carry dates; a member's "Joined:" line carries one too, but an
    older one, so the template whose dates are newest is the posts', and its first date is the thread's.
    """
    groups: dict[str, list[metadata.DateGuess]] = {}
    stamps: dict[str, list[tuple[int, int, int, str]]] = {}
    for ln in furniture:
        found = metadata.full_date_in(ln.text)
        if found is not None and found.value:
            groups.setdefault(shape_key(ln.text), []).append(found)
        elif (stamp := metadata.numeric_stamp(ln.text)) is not None:
            # "09-14-2023, 07:12 AM #1": a date in figures, read with the other stamps of its template
            stamps.setdefault(shape_key(ln.text), []).append(stamp)
    for key, group in stamps.items():
        days = [metadata.DateGuess(iso, "day") for iso in metadata.numeric_stamp_dates(group, day_first) if iso]
        if days:
            groups.setdefault("stamp:" + key, []).extend(days)
    if not groups:
        return None, None
    dates = max(groups.values(), key=lambda ds: max(d.value or "" for d in ds))
    return dates[0].value, dates[0].precision


#: A run of short lines between two paragraphs is the story's list when it has more than this many lines: a box
#: dropped into the story ("Deal of the week" / its offer / "Get yours") is a heading and a line or two.
BOX_MAX_LINES = MAX_HEADING_CHAIN + 1


def _runs_between_paragraphs(lines: list[_Line]) -> set[int]:
    """``id`` of the short lines in a run that stands right between two lines of body, a paragraph of the story above
    it and one below, and reads as the story's list: a list written without marks under the paragraph that introduces
    it, a flattened table's rows under their header, a results box in a script without capitals. Only the last
    ``MAX_HEADING_CHAIN`` lines of a run over body were kept before, as headings, so a list lost its first items and
    kept its last ones. A box of furniture dropped between the paragraphs is short (``BOX_MAX_LINES``) or calls the
    reader to act ("Book hotels near …", "Download now", "In your area", "River levels: check …", a press contact's
    e-mail address): that stays the orphan it was."""
    out: set[int] = set()
    n = len(lines)
    for i, j in _short_runs(lines):
        run = lines[i:j]
        if len(run) > BOX_MAX_LINES and i > 0 and j < n and lines[i - 1].verdict.label == "body" \
                and lines[j].verdict.label == "body" and not any(_calls_to_act(line.text) for line in run):
            out.update(id(line) for line in run)
    return out


def _calls_to_act(text: str) -> bool:
    """A line that speaks to the reader ("you", "vous", a link, an e-mail address) or for the site ("our", "наш"), or
    opens (after a label's colon too) with a call to act, in any language the cleaning training covers."""
    after_label = text.split(": ", 1)[1] if ": " in text else ""
    return calls_reader_to_act(text) or bool(after_label and calls_reader_to_act(after_label))


def _resolve_short_lines(lines: list[_Line]) -> None:
    """Keep a short line as a heading when body follows; drop it as an orphan otherwise."""
    # a list item belongs to its list: short items count as body when a sibling is prose
    for i, line in enumerate(lines):
        if line.unit.kind == "item" and line.verdict.label == "short":
            j = i
            while j > 0 and lines[j - 1].unit.kind == "item":
                j -= 1
            run = []
            while j < len(lines) and lines[j].unit.kind == "item":
                run.append(lines[j])
                j += 1
            if len(run) >= MIN_LIST_ITEMS or any(x.verdict.label == "body" for x in run):
                line.mark("body", "")
    _keep_runs_beside_body(lines)
    inside = _runs_between_paragraphs(lines)
    body_follows, chain = False, 0
    for line in reversed(lines):
        label = line.verdict.label
        if label == "body":
            body_follows, chain = True, 0
        elif label == "short":
            if body_follows and (chain < MAX_HEADING_CHAIN or id(line) in inside):
                line.mark("heading", "")
                # a short sentence ("Refuse.", "Yes.") is the story's answer, not one more heading over it: the
                # heading above it ("Recommendation") starts a new chain
                # and so is an item of a list written without marks, each ending in ";" or "," ("a cobbler;" under
                # "Among them:"): a list is as long as it is, not a pile of headings
                chain = 0 if ends_sentence(line.text) or line.text.rstrip().endswith((";", ",")) else chain + 1
            else:
                line.mark("junk", "orphan_line")


def _published(lines: list[_Line], day_first: bool | None) -> tuple[str | None, str | None]:
    """The best date line's date, a date in figures read in the page's order of day and month (``day_first``)."""
    dates = [metadata.in_page_order(ln.verdict.date, day_first) for ln in lines if ln.verdict.date is not None
             and ln.verdict.reason != "teaser"]
    if not dates:
        return None, None
    dates.sort(key=lambda d: (_LABEL_RANK.get(d.label, 1), d.precision == "uncertain"))
    best = dates[0]
    return best.value, best.precision


#: How many lines under the title line ``_header_texts`` looks at.
LINES_UNDER_TITLE = 2


def _header_texts(lines: list[_Line]) -> list[str]:
    """The texts of the lines above the story's first paragraph and of the lines right under the title that are not
    the story's prose (teasers left out): where a page prints its date when no line of it reads as a date line
    alone."""
    first_body = next((i for i, ln in enumerate(lines) if _strong_prose(ln)), len(lines))
    title_at = next((i for i, ln in enumerate(lines) if ln.verdict.reason == "title"), None)
    picked = set(range(first_body))
    if title_at is not None:
        picked |= set(range(title_at + 1, min(title_at + 1 + LINES_UNDER_TITLE, len(lines))))
    return [lines[i].text for i in sorted(picked)
            if lines[i].verdict.reason not in ("teaser", "teaser_header") and not _strong_prose(lines[i])]


def _wire_dateline(fixed: str, lines: list[_Line],
                   reference_year: int | None) -> tuple[metadata.DateGuess | None, str | None]:
    """The date and agency of the first wire dateline ("TBILISI, May 2 (Reuters) - ") in the text: one
    opening a kept paragraph (it stays in the body) or one alone on its line (removed as a dateline)."""
    for ln in lines:
        v = ln.verdict
        if v.label not in ("body", "heading") and not (v.label == "meta" and v.reason == "dateline"):
            continue
        found = parse_wire_dateline(fixed[ln.unit.start:ln.unit.end])
        if not found:
            continue
        end, date_text, agency = found
        date = metadata.parse_date_line(date_text, reference_year) if date_text else None
        if date and not date.value and date.month and date.day and reference_year:
            # "LAGOS, March 14 (Agency) -": a filing date without its year; the newest year the
            # copy mentions is the likely one, and the precision says it is a guess
            with contextlib.suppress(ValueError):  # 29 February in a year without it
                iso = datetime.date(reference_year, date.month, date.day).isoformat()
                # unless the lead's weekday ("voted on Thursday") says otherwise: the newest year the copy
                # mentions is then an earlier event's ("an earlier strike in 2021"), and no date beats a wrong one
                weekday = metadata.lead_weekday(_lead_after(fixed, lines, ln, end))
                if weekday is None or metadata.dateline_fits_weekday(iso, weekday):
                    date = dataclasses.replace(date, value=iso)
        return (date if date and date.value else None), agency
    return None, None


#: Reasons of removed lines that speak of other pages (teasers of other stories, an author's bio): their dates are
#: never this page's.
_OTHER_PAGES_LINES = ("teaser", "teaser_header", "author_bio")


def _own_lines(lines: list[_Line]) -> list[_Line]:
    """The lines that may date this page: not a teaser or an author's bio, nor any removed line under a teaser
    block's header ("Related stories" / "Sam Reid" / "Posted on 3 May 2019"), up to the next kept line."""
    own: list[_Line] = []
    in_teasers = False
    for ln in lines:
        if ln.verdict.reason == "teaser_header":
            in_teasers = True
        elif ln.verdict.label in ("body", "heading"):
            in_teasers = False
        if not in_teasers and ln.verdict.reason not in _OTHER_PAGES_LINES:
            own.append(ln)
    return own


#: How much of a wire story's lead ``_lead_after`` returns.
LEAD_CHARS = 300


def _lead_after(fixed: str, lines: list[_Line], line: _Line, end: int) -> str:
    """The lead after a wire dateline that ends at ``end`` in ``line``: the rest of its line, or the next kept line
    when the dateline stands alone."""
    rest = fixed[line.unit.start + end:line.unit.end].strip()
    if rest:
        return rest[:LEAD_CHARS]
    after = lines[lines.index(line) + 1:]
    return next((ln.text[:LEAD_CHARS] for ln in after if ln.verdict.label in ("body", "heading")), "")


def _author_and_org(lines: list[_Line]) -> tuple[str | None, str | None]:
    for ln in lines:
        b = ln.verdict.byline
        if b is not None and ln.verdict.label == "meta" and ln.verdict.reason != "teaser" and b.names:
            return ", ".join(b.names), metadata.outlet_name(b.org) if b.org else None
    return None, None


def _blocks(raw: str, lines: list[_Line]) -> tuple[list[Block], list[Removal]]:
    blocks: list[Block] = []
    removed: list[Removal] = []
    for line in lines:
        u, v = line.unit, line.verdict
        if v.label in ("junk", "meta"):
            start = u.start if u.mark is None else u.mark
            removed.append(Removal(start, u.end, raw[start:u.end], v.reason or v.label))
            continue
        if u.mark is not None:
            removed.append(Removal(u.mark, u.start, raw[u.mark:u.start], "list_bullet"))
        heading = v.label == "heading" and line.words <= SHORT_LINE_WORDS
        kind = "item" if u.kind == "item" else ("heading" if heading else "paragraph")
        pos = u.start
        for s, e, reason in [*line.inline, (u.end, u.end, "")]:
            piece = raw[pos:s]
            lead = len(piece) - len(piece.lstrip())
            start, end = pos + lead, pos + len(piece.rstrip())
            if end > start:
                if any(c.isalnum() for c in raw[start:end]):
                    blocks.append(Block(start, end, kind))
                else:
                    removed.append(Removal(start, end, raw[start:end], "punctuation_residue"))
            if e > s:
                removed.append(Removal(s, e, raw[s:e], reason))
            pos = max(pos, e)
    removed.sort(key=lambda r: r.start)
    return blocks, removed


def _lines_before_title(doc: Document, lex: Lexicon) -> tuple[dict[int, str], str, int | None, list[Unit],
                                                                list[_Line]]:
    """The units of the repaired text judged alone, then bylines, teasers and running heads marked: (repairs,
    repaired text, reference year, units, lines)."""
    repairs = find_homoglyph_repairs(doc.raw)
    fixed = apply_repairs(doc.raw, repairs)
    reference_year = metadata.newest_year(fixed)
    main_script = script_of(fixed)
    units = split_units(fixed)
    lines = [_judge(fixed, u, lex, main_script, reference_year) for u in units]
    _join_split_bylines(lines)
    _mark_teasers(lines)
    _mark_running_heads(lines)
    return repairs, fixed, reference_year, units, lines


def _rule_pass(doc: Document, settings: Settings, stats: LineStats | None, lex: Lexicon) -> tuple[
        dict[int, str], str, int | None, list[_Line], str | None, str | None, list[_Line]]:
    """The rules' verdict on every unit: (repairs, repaired text, reference year, lines, title, outlet named by
    the page's top line, post furniture)."""
    repairs, fixed, reference_year, units, lines = _lines_before_title(doc, lex)
    given = doc.given or {}
    if settings.clean_titles not in ("rules", "trained"):
        raise ValueError(f"clean_titles must be 'rules' or 'trained', not {settings.clean_titles!r}")
    titles = (load_title_model(settings.clean_title_model), lex) if settings.clean_titles == "trained" else None
    title, title_line = _find_title(lines, given.get("title") or None, titles)
    if title_line is not None:
        title_line.mark("meta", "title")
    doc_long = unit_keys(fixed, units)[1] if stats is not None else set()
    _remove_repeats(lines, title, title_line, stats, settings, doc_long)
    line_outlet = _bare_name_bylines(lines, title_line, lex) or _line_outlet(lines)
    header_outlet = _header_outlet(lines, title_line, lex)
    _drop_masthead(lines, title_line)
    _mark_tables(fixed, lines)
    _header_labels(lines, title_line)
    furniture = _mark_post_furniture(lines, title_line)
    _mark_signatures(fixed, lines)
    _mark_author_bio(lines)
    _resolve_short_lines(lines)

    return repairs, fixed, reference_year, lines, title, header_outlet or line_outlet, furniture


def title_lines(doc: Document) -> list[TitleLine]:
    """The lines of ``doc.raw`` as the title model reads them, before any title is chosen (for training it)."""
    lines = _lines_before_title(doc, load_lexicon())[4]
    header = _title_header(lines)
    return _title_view(lines, header, _title_candidates(lines, header))


def _judged(fixed: str, lines: list[_Line]) -> list[JudgedLine]:
    return [JudgedLine(ln.text, fixed[ln.unit.start:ln.unit.end], ln.verdict.label, ln.verdict.reason,
                       ln.unit.kind == "item", ln.table_row) for ln in lines]


def judged_lines(doc: Document, settings: Settings, stats: LineStats | None = None) -> list[JudgedLine]:
    """The rules' verdict on each unit of ``doc.raw`` (what the line model reads; for training it)."""
    _, fixed, _, lines, _, _, _ = _rule_pass(doc, settings, stats, load_lexicon())
    return _judged(fixed, lines)


def _apply_line_model(fixed: str, lines: list[_Line], settings: Settings, lex: Lexicon) -> None:
    """Remove the kept lines the trained line model calls furniture (prose, ``line_model.protected``, only when the
    sentence model stored with it agrees: reason ``sentence_model``)."""
    model = load_line_model(settings.clean_line_model)
    for i, reason in model_removals(_judged(fixed, lines), model, lex, edges=settings.clean_lines == "hybrid"):
        lines[i].mark("junk", reason)


def clean_document(doc: Document, settings: Settings, stats: LineStats | None = None) -> Document:
    """Clean one document's raw text into body blocks, removals, repairs and metadata.

    Args:
        doc: the document; only ``raw`` and ``given`` are read.
        settings: ``corpus_repeat_min_docs`` and ``language_model`` are used.
        stats: corpus line statistics (``LineStats.from_documents``), or None.

    Returns:
        A copy of ``doc`` with ``blocks``, ``removed``, ``repairs``, ``text``,
        ``title``, ``author``, ``outlet``, ``published``, ``published_precision``,
        ``language`` and ``other_languages`` filled. ``doc.given`` values win.
    """
    lex = load_lexicon()
    raw = doc.raw
    given = doc.given or {}
    repairs, fixed, reference_year, lines, title, header_outlet, furniture = _rule_pass(doc, settings, stats, lex)
    # the first line the rules keep: a date line they did not read ("Wed 26 Feb 2025 06.00 GMT") still dates
    # the page when the line model removes it
    first_kept = next((ln.text for ln in lines if ln.verdict.label in ("body", "heading")), "")
    if settings.clean_lines in ("trained", "hybrid"):
        _apply_line_model(fixed, lines, settings, lex)
    elif settings.clean_lines != "rules":
        raise ValueError(f"clean_lines must be 'rules', 'trained' or 'hybrid', not {settings.clean_lines!r}")

    blocks, removed = _blocks(raw, lines)
    out = dataclasses.replace(doc, blocks=blocks, removed=removed, repairs=repairs)
    view = out.body_view()
    out.text = "\n\n".join(view[b.start:b.end] for b in blocks)

    author, org = _author_and_org(lines)
    removed_text = "\n".join(fixed[r.start:r.end] for r in removed)
    language, others = detect_language(out.text or fixed, settings)
    if language is not None and out.text:
        # the removed lines may hold another language (an invocation, a foreign site
        # name): judge only them against the body's language instead of the whole text again
        others = sorted(set(others) | set(other_languages(
            removed_text, language, script_of(out.text), settings)))
    # "02/07/2026" is 2 July on a British or a Portuguese page, February 7 on an American one
    day_first = metadata.day_first_page(fixed, language)
    published, precision = _published(lines, day_first)
    if published is None:
        published, precision = _thread_date(furniture, day_first)
    wire_date, agency = _wire_dateline(fixed, lines, reference_year)
    if published is None and wire_date is not None:
        published, precision = wire_date.value, wire_date.precision
    if published is None:
        # a full date in the headline or the first body line ("Weekly digest, March 4, 2021"), then in a line of the
        # header the rules did not read as a date line: a post's header under its headline ("Started by x, 3 March
        # 2025"), a date run together with its time and the outlet ("2026年2月10日 14時00分 | …")
        for text in (title or "", first_kept.split("\n", 1)[0], *_header_texts(lines)):
            found = metadata.full_date_in(text[:200])
            if found is not None:
                published, precision = found.value, found.precision
                break
    if published is None:
        # a sentence saying when the page was published, in a line of other dates ("Received 4 February 2025;
        # accepted 30 June 2025. Published online 9 September 2025.")
        # but never in another story's teaser or an author's bio ("Related stories" / "John Smith" / "Columnist,
        # 3 March 2019"): those date other pages
        own = _own_lines(lines)
        stated = next((d for ln in own if (d := metadata.publication_statement(ln.text)) is not None), None)
        # or the day a letter's or a report's signatory signed it ("Helen Marchetti" / "Chair, 15 January 2025")
        stated = stated or next((d for above, ln in itertools.pairwise(own)
                                 if (d := metadata.signed_date(above.text, ln.text)) is not None), None)
        if stated is not None:
            published, precision = stated.value, stated.precision
    # a byline's affiliation, then a copyright or "first published in" statement,
    # then the masthead; a syndication note names the original source, not this outlet
    # a page's subscription prompt names the outlet publishing it; a wire dateline the agency it took the story from
    outlet = org or metadata.stated_outlet(fixed) or header_outlet \
        or metadata.editorial_note_outlet(fixed, lex.outlet_words) \
        or metadata.subscription_outlet(removed_text) or agency
    if published is None and language not in (None, "en"):
        # the rules above read English date lines; another language's comes in its own month names
        for text in (title or "", *fixed[:LEAD_DATE_CHARS].splitlines()):
            iso = metadata.full_date_in_language(text, language)
            if iso is not None:
                published, precision = iso, "day"
                break
    out.title, out.author, out.outlet = title, author, outlet
    out.published, out.published_precision = published, precision
    out.language = language
    out.other_languages = sorted(set(others) - {language})

    for key in ("title", "author", "outlet", "language", "url"):
        if given.get(key) not in (None, ""):
            setattr(out, key, str(given[key]))
    if given.get("published") not in (None, ""):
        # a stated date wins, but only in ISO form: feeds give datetimes, timestamps, prose dates
        iso, precision = metadata.normalize_published(given["published"])
        if iso:
            out.published = iso
            out.published_precision = given.get("published_precision") or precision
        else:
            LOGGER.warning("%s: stated publication date %r not understood; kept the one read from the text",
                           doc.source, given["published"])
    LOGGER.debug("cleaned %s: %d blocks, %d removals", doc.id, len(blocks), len(removed))
    return out
