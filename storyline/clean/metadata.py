"""Metadata found in the lines cleaning removes: date lines, bylines, breadcrumbs, outlets.

Each parser takes one line and answers "is this line (only) that, and what
does it say?" — a date line is a line that is nothing but a date (with an
optional weekday, time and "Published:" label), so a body sentence that
mentions a date is never mistaken for one.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from storyline.clean.places import is_place

LOGGER = logging.getLogger(__name__)

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
#: The last code point of the Latin, Greek and Cyrillic blocks: scripts past it write no capitals or few.
_CYRILLIC_END = 0x52F
#: The twelve full names, in month order (they lead the table above), as dateparser's locale data keys them.
_ENGLISH_MONTHS = tuple(MONTHS)[:12]
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
#: Years outside this range are not publication years of a web article.
MIN_YEAR, MAX_YEAR = 1990, 2100
#: How far after the newest year the text mentions a yearless page date may lie.
PAGE_DATE_YEARS_AFTER = 1

#: ``MONTHS`` as one regex alternation, longest first: without a word boundary after it "sep" would win over "sept"
#: and "mar" over "march"
MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))
_M = "(?P<month>" + MONTH_ALTERNATION + r")\.?"
_WD = "(?:(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_LABEL = re.compile(
    r"^(?:(?P<label>published|posted|updated|last updated|last modified|modified|created|date|released|issued|"
    r"first published|dateline|aired|broadcast|on)(?:\s+(?:on|at))?\s*[:\-\u2013]?\s*)", re.I)
#: A time of day: "13:38", "06:00:12", and "06.00" when a time zone or am/pm says it is one ("06.00 GMT").
_TIME = re.compile(
    r"(?:,|\s|\bat\b|\||-|\u2013|\u00b7)*\b(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}\.\d{2}"
    r"(?=\s*(?:[ap]\.?m\.?|(?-i:[A-Z]{2,5})\b|\(?(?:gmt|utc))))\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:[A-Z]{2,5}|(?:gmt|utc)\s*[+-]?\s*\d{0,2}(?::?\d\d)?)\)?)?", re.I)
_ISO_TIME = re.compile(r"(\d{4}-\d\d-\d\d)[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")
#: The shapes of a date line once ``clean_date_line`` has stripped it ("Monday 3 May 2024", "May 3, 2024").
DATE_FORMS = [
    re.compile(rf"{_WD}{_D}\s+(?:of\s+)?{_M},?\s*{_Y}?", re.I),
    re.compile(rf"{_WD}{_M}\s+{_D},?\s*{_Y}?", re.I),
    re.compile(rf"{_WD}{_Y}-(?P<mnum>\d\d)-(?P<day>\d\d)(?:[T ][\d:.]+Z?)?", re.I),
    re.compile(rf"{_WD}(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep){_Y}", re.I),
    re.compile(rf"{_M},?\s+{_Y}", re.I),
    # year first with figures only, as East Asian and many forum pages print it ("2026-5-12", "2026/05/12",
    # "2026.5.12"): unambiguous whichever field is the larger
    re.compile(rf"{_WD}{_Y}(?P<ysep>[-/.])(?P<mnum>\d{{1,2}})(?P=ysep)(?P<day>\d{{1,2}})\.?", re.I),
    # year, month and day marked by their characters, as Chinese, Japanese and Korean pages print them
    # ("2026年7月30日", "2026년 12월 11일")
    re.compile(rf"{_Y}\s*[\u5e74\ub144]\s*(?P<mnum>\d{{1,2}})\s*[\u6708\uc6d4]\s*(?P<day>\d{{1,2}})\s*[\u65e5\uc77c]?"),
]


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateGuess:
    """A date read from a date line: ISO value (or None) and its precision."""
    value: str | None
    precision: str  # day | month | year | uncertain
    label: str | None = None  # "published", "updated", … when the line said so
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    #: for a date in figures whose first two fields could each be the month ("02/07/2026"): whether it was read
    #: day first (the page's other evidence may turn it, ``in_page_order``); None when only one reading exists
    day_first: bool | None = None


#: A dateline's place before the date: "GENEVA, 12 March", "Kyiv (Ukraine) –", "Nairobi:".
_PLACE_PREFIX = re.compile(
    r"^(?P<place>[^\W\d_][^\d,:;|()\u2013\u2014]{1,40}?)\s*(?:\([^()\d]{1,30}\)\s*)?"
    r"(?:,|:|\s[\u2013\u2014-])\s*(?=\S)")


def _strip_place(text: str) -> str:
    """The text without a leading dateline place (an all-capitals word group or a known place)."""
    m = _PLACE_PREFIX.match(text)
    if not m:
        return text
    place = m.group("place").strip()
    words = place.lower().replace(".", "").split()
    if any(w in MONTHS or w in WEEKDAYS for w in words):
        return text  # "Wednesday, 12 March": a weekday, not a place
    if (place.isupper() and len(words) <= 4) or is_place(place):
        return text[m.end():]
    return text


#: A time zone or an agency's initials after the date ("2024-04-25 EAT", "31 October 2023 (SABW)"), or an agency's
#: name in brackets, as a wire's header line prints it ("Oct 5 (Meridian) 07:41", tokenised "Oct 5 ( Meridian )").
_TRAILING_CODE = re.compile(r"(?<=\d)\s+(?:\(?[A-Z]{2,5}\)?|\(\s*[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2}\s*\))\s*$")


#: A one-word label before a date in a script without capitals ("发表于 2026-5-12", "פורסם 3.5.2026"): which
#: label it is (published or updated) is not known, so it ranks as an unlabelled date line.
_CASELESS_LABEL = re.compile(r"^(?P<label>[^\W\d_]{2,12})\s*[:\uff1a]?\s*(?=\d)")


def _caseless_word(word: str) -> bool:
    """Letters of a script without capitals only (Chinese, Arabic, Hebrew, Devanagari …)."""
    return all(c.isalpha() and c.lower() == c.upper() for c in word)


def is_time_of_day(text: str) -> bool:
    """Nothing but a time of day: "6.00pm", "13: 38 GMT", "07:46"."""
    return bool(_DIGIT.search(text)) and not _TIME.sub(" ", recognition_form(text)).strip(" ,.|-\u2013")


def clean_date_line(line: str) -> tuple[str, str | None]:
    """The line without bullets, dateline place, label and time of day; and the label."""
    text = line.strip().strip("\u2022\u00b7*-\u2013\u2014|>\u00bb ").strip()
    text = _strip_place(text)
    label = None
    m = _LABEL.match(text)
    if m and m.end() < len(text):
        label = m.group("label").lower()
        text = text[m.end():]
    else:
        m = _CASELESS_LABEL.match(text)
        if m and _caseless_word(m.group("label")):
            text = text[m.end():]
    text = _ISO_TIME.sub(r"\1", text)
    text = _TIME.sub(" ", text)
    # a time zone or an agency's initials left after the date: "2024-04-25 EAT", "31 October 2023 (SABW)"
    text = _TRAILING_CODE.sub("", text)
    return " ".join(text.split()).strip(" ,.|-\u2013"), label


#: Tokenised text spaces out punctuation ("13: 38 , 4 March 2021", "http: / / example . org").
_SPACED_COLON = re.compile(r"(?<=\d)\s*:\s+(?=\d)|(?<=\d)\s+:\s*(?=\d)")
_SPACED_BEFORE = re.compile(r"\s+(?=[,;!?)\]%])|(?<=\d)\s+(?=\.(?:\s|$))")
_SPACED_SCHEME = re.compile(r"\b(https?|ftp)\s*:\s*/\s*/\s*", re.I)
_SPACED_DOT = re.compile(r"(?<=\w)\s+\.\s+(?=\w)|(?<=\w)\s+\.(?=\w)"
                         r"|(?<=\w)\.\s+(?=(?:com|org|net|gov|edu|info|io|co|uk|de|ru|ua|kz)\b)")
_SPACED_SLASH = re.compile(r"(?<=[\w.])\s*/\s*(?=[\w.])")
_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+", re.I)


#: a decimal figure of another script (Bengali, Arabic-Indic, Devanagari …)
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def recognition_form(text: str) -> str:
    """``text`` with tokenised spacing closed up, for recognising dates and URLs only.

    The body always keeps the raw text; this form is never shown or stored. Figures of other scripts are read as
    ASCII ones ("৩ মার্চ ২০২৬", "۲۵ مه ۲۰۲۶").
    """
    if not text.isascii():
        text = _OTHER_DIGIT.sub(lambda m: str(unicodedata.digit(m.group())), text)
    if " " not in text:
        return text
    text = _SPACED_SCHEME.sub(lambda m: m.group(1).lower() + "://", text)
    text = _SPACED_COLON.sub(":", text)
    text = _SPACED_BEFORE.sub("", text)
    if "://" in text or "www" in text.lower():
        text = _SPACED_DOT.sub(".", text)
        text = _SPACED_SLASH.sub("/", text)
    return text


def is_url_line(line: str) -> bool:
    """A line that is a web address and nothing else (tokenised spacing allowed)."""
    return bool(_URL.fullmatch(recognition_form(line.strip()).strip("<>()[] ")))


#: Day, month and year inside a longer line ("Weekly digest, March 4, 2021"): the first three DATE_FORMS and the
#: year-first ones.
_FULL_DATE_FORMS = [*(re.compile(rf"(?<![\w-]){f.pattern}(?![\w-])", re.I) for f in DATE_FORMS[:3]),
                    # figures only: not inside a longer run of figures ("v2026.5.12.1", "1.2026-5-12")
                    re.compile(rf"(?<![\w./-]){DATE_FORMS[5].pattern}(?![\w./-])", re.I),
                    re.compile(rf"(?<!\d){DATE_FORMS[6].pattern}")]


def full_date_in(line: str) -> DateGuess | None:
    """A complete date (day, month and year) written inside ``line``, such as a headline's or a lead's.

    Only a day-precise date counts: a month or a year in a headline is usually what the story is
    about, not when it was published.
    """
    if not _DIGIT.search(line):
        return None
    text = recognition_form(line)
    for form in _FULL_DATE_FORMS:
        for m in form.finditer(text):
            if not m.groupdict().get("year"):
                continue
            guess = parse_date_line(m.group(0))
            if guess is not None and guess.precision == "day":
                return guess
    return None


#: A sentence stating when the page was published, inside a longer line ("Received 4 February 2025; accepted 30 June
#: 2025. Published online 9 September 2025."): the label opens the sentence and the date closes it.
_PUBLICATION_STATEMENT = re.compile(
    r"(?:^|[.;|]\s+)(?:first\s+)?(?:published|posted)(?:\s+online)?(?:\s+on)?\s*:?\s+"
    r"(?P<date>[^.;|]{6,40}?)\s*(?:[.;|]|$)", re.I)


def publication_statement(line: str) -> DateGuess | None:
    """The day a sentence inside ``line`` says the page was published ("Published online 9 September 2025."),
    else None. A sentence that opens otherwise ("The report, published on 3 May …") names another publication."""
    if not _DIGIT.search(line):
        return None
    text = recognition_form(line)
    for m in _PUBLICATION_STATEMENT.finditer(text):
        if not _dates_and_labels(text[:m.start()]):
            # a book's or a report's details before it ("The Long Road by Anna Field (Faber). Published 4 March
            # 1998."): the statement dates what they describe, not the page
            continue
        guess = parse_date_line(m["date"])
        if guess is not None and guess.precision == "day" and guess.day_first is None:
            return dataclasses.replace(guess, label="published")
    return None


#: Words of a line besides its dates: "Climate digest" in "Climate digest — 2 December 2025".
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


#: A paper's history gives each date a label of a word or two ("Received", "Accepted for publication").
HISTORY_LABEL_WORDS = 2


def _dates_and_labels(text: str) -> bool:
    """True when ``text`` holds nothing but full dates, each with a word or two of label ("Received 4 February 2025;
    accepted 30 June 2025."), or nothing at all: a paper's history, not a sentence about something else."""
    dates = 0
    for form in _FULL_DATE_FORMS:
        text, n = form.subn(" ", text)
        dates += n
    return len(_LETTER_WORD.findall(text)) <= HISTORY_LABEL_WORDS * dates


def dates_only(line: str) -> bool:
    """True when ``line`` holds full dates and nothing else but punctuation ("March 3, 1951 - August 4, 2026", a
    life's span under an obituary's name): never a headline."""
    text = recognition_form(line)
    found = False
    for form in _FULL_DATE_FORMS:
        text, n = form.subn(" ", text)
        found = found or n > 0
    return found and not any(c.isalnum() for c in text)


#: A date line's own words besides the date make a headline from this many words.
DATE_LINE_TITLE_WORDS = 2


def date_line_title(line: str) -> bool:
    """True when a line read as a date line also names what it dates ("Climate digest — 2 December 2025",
    "Weekly notices, 3 May 2024"): two words or more besides the date that are not a label ("Published"), a weekday,
    a month, a time zone or a dateline's place."""
    found = None
    text = recognition_form(line)
    for form in _FULL_DATE_FORMS:
        found = form.search(text)
        if found:
            break
    if found is None:
        return False
    rest = _TIME.sub(" ", text[:found.start()] + " " + text[found.end():])
    words = [w for w in _LETTER_WORD.findall(rest)
             if w.lower() not in MONTHS and w.lower() not in WEEKDAYS and not w.isupper()]
    if len(words) < DATE_LINE_TITLE_WORDS or _LABEL.match(" ".join(words)) or is_place(" ".join(words)):
        return False
    return any(w.islower() for w in words)


#: A signatory's role and the day they signed, under their name at a letter's or a report's foot ("Chair, 15 January
#: 2025", "Chief Executive — 3 March 2026"): a few capitalised words, then the date and nothing else.
_SIGNED = re.compile(r"^(?P<role>[A-Z][^\W\d_]*(?:\s+(?:of\s+|the\s+|and\s+|&\s+)?[A-Z]?[^\W\d_]+){0,4})\s*"
                     r"(?:,|\s[\u2013\u2014-])\s*(?P<date>.+)$")


def signed_date(name_line: str, line: str) -> DateGuess | None:
    """The day a signatory signed: ``line`` is their role and a full date ("Chair, 15 January 2025") and
    ``name_line``, the line above it, their name alone; else None."""
    m = _SIGNED.match(" ".join(line.split()))
    if not m or is_place(m["role"]) or len(parse_names(name_line) or ()) != 1:
        return None
    guess = parse_date_line(m["date"])
    return guess if guess is not None and guess.precision == "day" and guess.day_first is None else None


#: A forum's post stamp: a date written in figures followed by its time of day ("09-14-2023, 07:12 AM #1",
#: "14.09.2023 19:12"). Which field is the day is the forum's setting, so it is read from all of a thread's stamps
#: together (``numeric_stamp_dates``).
_NUMERIC_STAMP = re.compile(r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)"
                            r",?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?![\w:])")


def numeric_stamp(line: str) -> tuple[int, int, int, str] | None:
    """The first figures-only date followed by a time in ``line``: (first field, second field, year, separator)."""
    m = _NUMERIC_STAMP.search(recognition_form(line))
    if not m:
        return None
    return int(m["a"]), int(m["b"]), int(m["year"]), m["sep"]


def numeric_stamp_dates(stamps: list[tuple[int, int, int, str]],
                        page_day_first: bool | None = None) -> list[str | None]:
    """ISO days of one template's numeric stamps: when any stamp's first field is above 12 the template writes the
    day first, when any second field is, the month first; when none says, the rest of the page's order
    (``page_day_first``, from ``day_first_page``), else "/" reads month first and "." or "-" day first (as
    ``parse_date_line`` reads one date alone)."""
    day_first = any(a > 12 for a, _, _, _ in stamps)
    month_first = any(b > 12 for _, b, _, _ in stamps)
    out: list[str | None] = []
    for a, b, year, sep in stamps:
        if day_first != month_first:
            first_is_day = day_first
        else:
            first_is_day = page_day_first if page_day_first is not None else sep != "/"
        day, month = (a, b) if first_is_day else (b, a)
        out.append(_iso(year, month, day) if MIN_YEAR <= year <= MAX_YEAR else None)
    return out


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date_line(line: str, reference_year: int | None = None) -> DateGuess | None:
    """Read a line that is only a date; None when the line is anything more.

    A day and month without a year can only be a page date (the day a page was
    shown, printed or crawled) or a guess: its precision is ``uncertain``; when a
    weekday is given and ``reference_year`` (the newest year the text mentions)
    is known, the year is the one that fits the weekday, at or just after it.
    """
    if not _DIGIT.search(line):
        return None  # every date form has a day or a year, and cleaning never adds digits
    text, label = clean_date_line(recognition_form(line))
    if not text or len(text) > 48:
        return None
    for form in DATE_FORMS:
        m = form.fullmatch(text)
        if not m:
            continue
        g = m.groupdict()
        weekday = WEEKDAYS[g["weekday"].lower()] if g.get("weekday") else None
        day: int | None
        day_first: bool | None = None
        if g.get("mnum"):
            month, day = int(g["mnum"]), int(g["day"])
        elif g.get("a"):
            a, b = int(g["a"]), int(g["b"])
            # ambiguous numeric dates: a first field above 12 is a day; "/" reads
            # month-first (US), "." and "-" day-first (most of the world)
            if a > 12 or (b <= 12 and g["sep"] != "/"):
                day, month = a, b
            else:
                month, day = a, b
            day_first = (day == a) if a != b and a <= 12 and b <= 12 else None
        else:
            month = MONTHS[g["month"].lower().rstrip(".")]
            day = int(g["day"]) if g.get("day") else None
        year = int(g["year"]) if g.get("year") else None
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            return None
        if day is None:
            return DateGuess(f"{year:04d}-{month:02d}", "month", label, month)
        if year is not None:
            iso = _iso(year, month, day)
            if iso is None:
                return None
            fits = weekday is None or dt.date(year, month, day).weekday() == weekday
            return DateGuess(iso, "day" if fits else "uncertain", label, month, day, weekday, day_first)
        if not 1 <= day <= 31:
            return None
        return DateGuess(_guess_year(month, day, weekday, reference_year), "uncertain",
                         label, month, day, weekday)
    return None


def _guess_year(month: int, day: int, weekday: int | None, reference_year: int | None) -> str | None:
    """ISO date of a yearless day-month when the weekday pins the year down, else None."""
    if reference_year is None or weekday is None:
        return None
    fits = [y for y in range(reference_year, reference_year + PAGE_DATE_YEARS_AFTER + 1)
            if _iso(y, month, day) and dt.date(y, month, day).weekday() == weekday]
    return _iso(fits[0], month, day) if len(fits) == 1 else None


#: A weekday written out in full in running text ("voted on Thursday to strike").
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(w for w in WEEKDAYS if len(w) > 5) + r")\b", re.I)


def lead_weekday(text: str) -> int | None:
    """The first weekday a story's lead names in full (0 = Monday), or None."""
    m = _WEEKDAY_WORD.search(text)
    return WEEKDAYS[m.group(1).lower()] if m else None


def dateline_fits_weekday(iso: str, weekday: int) -> bool:
    """True when a filing date is the weekday its lead names, or the day after it (a story filed the morning after
    what it tells of)."""
    return dt.date.fromisoformat(iso).weekday() in (weekday, (weekday + 1) % 7)


_YEAR_IN_TEXT = re.compile(r"\b((?:19|20)\d\d)\b")


def newest_year(text: str) -> int | None:
    """The newest plausible year written in ``text`` (a reference for yearless dates)."""
    years = [int(y) for y in _YEAR_IN_TEXT.findall(text) if MIN_YEAR <= int(y) <= MAX_YEAR]
    return max(years) if years else None


#: A date in figures anywhere in a page ("21/01/2025", "3.11.2025"): a field above 12 says which one is the day.
_NUMERIC_DATE = re.compile(r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?:19|20)\d\d(?![\w/-])")
#: A date written out day first ("8 November", "Sunday 27 September") or month first ("November 8", "Dec 12").
_DAY_MONTH = re.compile(rf"(?<![\w.,/-])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_ALTERNATION})\b", re.I)
_MONTH_DAY = re.compile(rf"\b(?:{MONTH_ALTERNATION})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\w.,:/-]*\d)", re.I)
#: A time written with a dot before "am"/"pm" ("6.40pm"), and prices in pounds or euros: British and European usage,
#: which write the day first.
_DOTTED_TIME = re.compile(r"(?<![\d.])\d{1,2}\.\d\d\s?[ap]\.?m\b", re.I)
_DAY_FIRST_CURRENCY = re.compile(r"[\u00a3\u20ac]\s?\d")
_DOLLAR_PRICE = re.compile(r"\$\s?\d")
#: Languages whose pages write figures-only dates year first (``DATE_FORMS``' year-first forms): a day-month pair in
#: them is no evidence of order.
YEAR_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "hu", "lt", "mn"})


def day_first_page(text: str, language: str | None = None) -> bool | None:
    """Whether the page writes a date in figures day first (True), month first (False), or cannot tell (None).

    The evidence, strongest first: another date in figures on the page whose first (or second) field is above 12;
    the page's language (only English pages write the month first); in English, a date written out day first or
    month first, a time written "6.40pm", a price in pounds or euros (British and European usage).
    """
    text = recognition_form(text)
    first = second = False
    for m in _NUMERIC_DATE.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        first = first or (a > 12 >= b)
        second = second or (b > 12 >= a)
    if first != second:
        return first
    if first:
        return None  # both orders on one page: no evidence either way
    if language and language != "en":
        return None if language in YEAR_FIRST_LANGUAGES else True
    # pounds or euros say where the page is written only when they outnumber dollars: an American report of a
    # British deal prints "£40 million ($50 million)", and one pound sign must not turn its dates. Dollars are no
    # evidence of month first (Australian and Canadian pages write the day first).
    pounds, dollars = len(_DAY_FIRST_CURRENCY.findall(text)), len(_DOLLAR_PRICE.findall(text))
    votes = (bool(_DAY_MONTH.search(text)) - bool(_MONTH_DAY.search(text))
             + bool(_DOTTED_TIME.search(text)) + (pounds > dollars))
    return True if votes > 0 else False if votes < 0 else None


def in_page_order(guess: DateGuess, day_first: bool | None) -> DateGuess:
    """``guess`` read again in the page's order of day and month when it is a date in figures that could be read
    either way ("02/07/2026" on a British page is 2 July); otherwise unchanged."""
    if guess.day_first is None or day_first is None or guess.day_first == day_first or not guess.value:
        return guess
    year = int(guess.value[:4])
    month, day = guess.day, guess.month
    iso = _iso(year, month or 0, day or 0)
    if iso is None:
        return guess
    fits = guess.weekday is None or dt.date.fromisoformat(iso).weekday() == guess.weekday
    return dataclasses.replace(guess, value=iso, precision="day" if fits else "uncertain", month=month, day=day,
                               day_first=day_first)


# --- bylines ---------------------------------------------------------------------------

_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el",
              "la", "le", "du", "dos", "das", "di", "y", "ul", "ut", "zu", "ter", "st."}
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_][.]|[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*\.?)$")
_BYLINE = re.compile(
    r"^(?:(?P<verb>written|posted|reported|story|words|text|reporting|compiled|report|article)\s+)?"
    r"(?:for\s+(?P<org>.{3,80}?)\s+)?by\b\s*:?\s*(?P<rest>.*)$", re.I)
_AUTHOR_LABEL = re.compile(r"^(?:authors?|writers?|reporters?|correspondent|byline)\s*:\s*(?P<rest>.+)$",
                           re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|;)\s*", re.I)
MAX_NAME_TOKENS = 5
_FILED_IN = re.compile(r"^(?P<who>.+?)\s+(?:in|from)\s+(?P<place>[^\W\d_][^|/]{1,60})$")


def looks_like_name(text: str) -> bool:
    """True for a person-shaped name: 2–5 capitalised tokens (initials and particles allowed)."""
    tokens = text.split()
    if not 2 <= len(tokens) <= MAX_NAME_TOKENS:
        return False
    capitals = 0
    for tok in tokens:
        if tok.lower() in _PARTICLES:
            continue
        if not _NAME_TOKEN.match(tok) or not tok[0].isupper():
            return False
        capitals += 1
    return capitals >= 2


def _tidy_name(name: str) -> str:
    name = " ".join(name.split()).strip(" ,.;:|-\u2013\u2014")
    if name.isupper():
        name = " ".join(w.capitalize() if w.lower() not in _PARTICLES else w.lower() for w in name.split())
    return name


@dataclass(frozen=True)
class Byline:
    """What a byline line says: author names (may be empty), affiliation, and
    whether the names are expected on the next line ("Written … by" at line end)."""
    names: tuple[str, ...]
    org: str | None = None
    needs_next_line: bool = False


def parse_names(text: str) -> tuple[str, ...] | None:
    """Split "A B and C D" into names; None unless every part looks like a name."""
    parts = [p for p in _NAME_SPLIT.split(text.strip()) if p]
    names = tuple(_tidy_name(p) for p in parts)
    if names and all(looks_like_name(n) for n in names):
        return names
    return None


def parse_byline(line: str) -> Byline | None:
    """Read a byline ("By Jane Roe", "Written for X by", "Author: Jane Roe"); None otherwise."""
    text = " ".join(line.split()).strip("\u2022\u00b7*-\u2013\u2014| ")
    if not text or len(text) > 160:
        return None
    m = _AUTHOR_LABEL.match(text)
    if m:
        names = parse_names(m.group("rest"))
        return Byline(names) if names else None
    m = _BYLINE.match(text)
    if not m:
        return None
    org = m.group("org")
    org = org.strip() if org else None
    rest = m.group("rest").strip()
    if not rest:
        # "Written for the X by" with the name on the next line
        return Byline((), org, needs_next_line=bool(m.group("verb") or org))
    # "By Jane Roe, Reuters" / "By Jane Roe | Kyiv Post"
    affil = None
    split = re.split(r"\s*(?:\||/|\u2013|\u2014| - )\s*", rest, maxsplit=1)
    if len(split) == 2:
        rest, affil = split
    placed = _FILED_IN.match(rest)
    if placed and is_place(placed.group("place")):
        rest = placed.group("who")  # "By Jane Roe in Geneva"
    names = parse_names(rest)
    if rest.count(",") == 1 and not re.search(r"\band\b|&", rest):
        names = None  # "By Jane Roe, Northern Ledger": one name and an affiliation
    if names is None and "," in rest:
        head, tail = rest.split(",", 1)
        names = parse_names(head)
        affil = affil or tail.strip()
    if names is None:
        return None
    if affil and is_place(affil):
        affil = None  # "By Jane Roe, Geneva": where the story was filed, not the outlet
    return Byline(names, org or affil)


#: A post's credit line on a forum or a question site: a verb, "by" and the poster's handle, perhaps with when
#: ("Asked by newbie_nina", "posted by u/cwm_idwal 6h ago", "Started by hazel_w").
_POST_CREDIT = re.compile(r"^(?:asked|answered|posted|started|submitted|shared|replied)\s+by\s+@?[\w./-]{2,40}"
                          r"(?:\s+\S+){0,3}$", re.I)


def post_credit(line: str) -> bool:
    """True when ``line`` is a forum post's or a question's credit line ("Asked by newbie_nina")."""
    return bool(_POST_CREDIT.match(" ".join(line.split())))


# --- breadcrumbs and titles -----------------------------------------------------------------

_CRUMB_SEPARATORS = ("|", "\u203a", "\u00bb", ">", "/", "\u2192", "\u2022")
#: A breadcrumb step is a short label; only the last step may be a headline.
MAX_CRUMB_WORDS = 4


#: A wire agency between slashes closed by a period, after a Russian dateline ("ТАШКЕНТ, 14 мая. /ТАСС/. ..."): a
#: credit that opens the body, not a breadcrumb's steps
_SLASHED_AGENCY = re.compile(r"/[^\W\d_][\w-]{1,15}/\s*\.")


def parse_breadcrumb(line: str, roots: frozenset[str]) -> list[str] | None:
    """The steps of a navigation breadcrumb ("Home | World | Title"), else None."""
    for sep in _CRUMB_SEPARATORS:
        if line.count(sep) < 1:
            continue
        if sep == "/" and _SLASHED_AGENCY.search(line):
            continue
        steps = [s.strip() for s in line.split(sep)]
        inner = [s for s in steps[:-1] if s]
        if not inner or any(len(s.split()) > MAX_CRUMB_WORDS for s in inner):
            continue
        rooted = inner[0].lower().strip(" .:") in roots
        # "Local News | Town": one separator is enough when every step is a label
        labels = sep in "|\u203a\u00bb>\u2192" and all(len(s.split()) <= 2 for s in steps)
        if rooted or labels or (len([s for s in steps if s]) >= 3 and line.count(sep) >= 2):
            return [s for s in steps if s]
    return None


#: Two lines are the same headline when their fuzzy ratio reaches this (a
#: re-worded copy such as "secession" / "separation" scores ≈ 95; unrelated
#: headlines on one story score below 70).
SAME_HEADLINE_RATIO = 85


def same_headline(a: str, b: str) -> bool:
    """True when two lines are the same headline, exactly or nearly."""
    a_n, b_n = " ".join(a.lower().split()), " ".join(b.lower().split())
    if not a_n or not b_n:
        return False
    return a_n == b_n or fuzz.ratio(a_n, b_n) >= SAME_HEADLINE_RATIO


# --- outlets ----------------------------------------------------------------------------------

_EDITORIAL_NOTE = re.compile(
    r"\((?P<note>[^()]{3,160}?)\s[\u2013\u2014-]\s(?P<sig>[^\W\d_][\w .'&]{1,40}?)\s*\)")
_OUTLET_STATEMENT = re.compile(
    r"(?:\u00a9|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?\s*(?P<a>[A-Z][\w .&'-]{2,50}?)"
    r"(?:[.,]|\s+all rights|$)|"
    r"(?:originally (?:published|appeared) (?:in|on|by)|first (?:published|appeared) (?:in|on|by)|"
    r"this (?:article|story) (?:was )?(?:first )?(?:published|appeared) (?:in|on|by))\s+(?:the\s+)?"
    r"(?P<b>[A-Z][\w .&'-]{2,50}?)(?:[.,;]|$)", re.I | re.M)
_OF_ORG = re.compile(r"^(?:the\s+)?(?P<unit>(?:[A-Z][\w-]*\s+){0,3}(?:Office|Bureau|Desk|Service|"
                     r"Department|Centre|Center|Section))\s+of\s+(?:the\s+)?(?P<owner>.+)$")


_LEADING_THE = re.compile(r"^the\s+", re.I)


def outlet_name(org: str) -> str:
    """Tidy an outlet name; "Central Media Office of X" reads as "X Central Media Office".

    A leading "The" is kept ("The Meridian Ledger" is how such outlets name
    themselves, and how stated metadata gives them) except in the "of" form.
    An all-capitals name (a masthead) is written in title case.
    """
    org = " ".join(org.split()).strip(" ,.;:")
    m = _OF_ORG.match(org)
    if m:
        owner = _LEADING_THE.sub("", m.group("owner").strip())
        return f"{owner} {m.group('unit').strip()}"
    if org.isupper() and len(org) > 4:  # "CONTINENTAL WIRE SERVICE"; not "BBC", "CNN"
        org = " ".join(w if len(w) <= 3 else w.capitalize() for w in org.split())
    return org


def stated_outlet(text: str) -> str | None:
    """An outlet the text states in a copyright or "first published in" line."""
    for m in _OUTLET_STATEMENT.finditer(text):
        name = (m.group("a") or m.group("b") or "").strip()
        if name and not name.isdigit():
            return outlet_name(name)
    return None


#: Separators between a masthead's name and the rest of its line.
_MASTHEAD_SPLIT = re.compile(r"\s*[|\u203a\u00bb>\u2192\u2022\u00b7]\s*|\s+[/\u2013\u2014-]\s+")
_NAME_GLUE = {"of", "the", "and", "&", "de", "la", "le", "el", "al"}
MAX_MASTHEAD_WORDS = 5


def masthead_outlet(line: str, outlet_words: frozenset[str], generic: frozenset[str]) -> str | None:
    """The outlet a page's top line names: "Daily Example > News > World",
    "EXAMPLE WIRE | World", "Example Watch — a tagline". The name must carry an
    outlet word ("Daily", "Herald", "Wire", …) and a word that is not generic
    ("World News" is a section, not an outlet)."""
    head = _MASTHEAD_SPLIT.split(line.strip(), maxsplit=1)[0].strip(" .:")
    words = head.split()
    if not 1 <= len(words) <= MAX_MASTHEAD_WORDS or head.lower() in generic:
        return None
    lowered = [w.lower().strip(".,'") for w in words]
    if not all(w[0].isupper() or w[0].isdigit() or lw in _NAME_GLUE for w, lw in zip(words, lowered)):
        return None
    if not any(lw in outlet_words for lw in lowered):
        return None
    if all(lw in outlet_words or lw in generic or lw in _NAME_GLUE for lw in lowered):
        return None
    return outlet_name(head)


def has_outlet_word(name: str, outlet_words: frozenset[str]) -> bool:
    """True when a name carries a word outlets name themselves with ("Ledger", "Wire", "Radio")."""
    return any(w.lower().strip(".,'") in outlet_words for w in name.split())


def header_outlet_part(part: str, outlet_words: frozenset[str], generic: frozenset[str]) -> bool:
    """A segment of a header line that may name the outlet: written like a name (1–5 capitalised
    words, no digits), not a place ("Santiago" is where the story was filed) and not only section
    words ("World News"); one word counts only when it is an outlet word."""
    text = " ".join(part.split()).strip(" .:")
    words = text.split()
    if not 1 <= len(words) <= MAX_MASTHEAD_WORDS or any(c.isdigit() for c in text):
        return False
    lowered = [w.lower().strip(".,'") for w in words]
    if not all(w[0].isupper() or lw in _NAME_GLUE for w, lw in zip(words, lowered)):
        return False
    if all(lw in generic or lw in _NAME_GLUE for lw in lowered) or is_place(text):
        return False
    return len(words) >= 2 or lowered[0] in outlet_words


def editorial_note_outlet(text: str, outlet_words: frozenset[str]) -> str | None:
    """The signature of an editorial note "(… – Channel Name)" when it names a medium."""
    for m in _EDITORIAL_NOTE.finditer(text):
        sig = m.group("sig").strip()
        words = sig.lower().split()
        if 1 <= len(words) <= 4 and sig[0].isupper() and any(w in outlet_words for w in words):
            return sig
    return None


#: "Subscribe to Example Times Premium for unlimited access": a page's own subscription prompt.
#: The name is capitalised words (case-sensitive: "subscribe to our newsletter" names nothing).
_SUBSCRIBE = re.compile(
    r"(?i:\b(?:subscribe|subscription|sign up)\s+to)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&'-]*(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w&'-]*){0,4}?)"
    r"(?=(?:'s)?\s+(?:Premium|Plus|Digital|Pro|Unlimited|Insider|for|and|today|now|newsletters?)\b|\s*[.,;:!]|\s*$)",
    re.M)


def subscription_outlet(removed_text: str) -> str | None:
    """The outlet a subscription prompt among the removed lines names ("Subscribe to X Premium ...").

    Only boilerplate is read: in the body, "subscribe to Netflix" is about something else.
    """
    m = _SUBSCRIBE.search(removed_text)
    return outlet_name(m.group("name")) if m else None


_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])")
#: Unix timestamps (seconds, or milliseconds above this) that feeds give as publication dates
_MS_TIMESTAMP = 10**11


def normalize_published(value: object) -> tuple[str | None, str | None]:
    """A stated publication date (from JSON or HTML metadata) as (ISO date, precision).

    Accepts ISO dates and datetimes ("2024-05-01T10:00:00Z" → "2024-05-01"), Unix timestamps,
    and the date-line formats ``parse_date_line`` reads ("May 3, 2024"); anything else gives
    (None, None) so a bad feed value never reaches the export.
    """
    import datetime as _dt

    if value is None or isinstance(value, bool):
        return None, None
    text = str(value).strip()
    if isinstance(value, (int, float)) or re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        stamp = float(text)
        stamp = stamp / 1000 if stamp > _MS_TIMESTAMP else stamp
        try:
            return _dt.datetime.fromtimestamp(stamp, tz=_dt.UTC).date().isoformat(), "day"
        except (OverflowError, OSError, ValueError):
            return None, None
    m = _ISO_PREFIX.match(text)
    if m:
        year, month, day = m.groups()
        try:
            _dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            return None, None
        iso = "-".join(p for p in (year, month, day) if p)
        return iso, ("day" if day else "month" if month else "year")
    guess = parse_date_line(text)
    if guess and guess.value:
        return guess.value, guess.precision
    return None, None


@functools.lru_cache(maxsize=16)
def language_month_names(lang: str) -> dict[str, int] | None:
    """Month names of ``lang`` ("марта", "mayo", "березня", abbreviations) → month number: dateparser's locale
    data, which holds each language's month names and their inflected forms."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(lang).info
    except (ImportError, ValueError, KeyError):
        return None
    months: dict[str, int] = {}
    for number, month in enumerate(_ENGLISH_MONTHS, start=1):
        for form in info.get(month) or []:
            # a two-letter Latin form is a word of its own too often ("ma"); Burmese "မေ" (May) is the name
            if len(form) >= 3 or (len(form) == 2 and all(ord(c) > _CYRILLIC_END for c in form)):
                months[form.lower()] = number
    return months or None


#: Years counted from the Buddha's death, as Thai and Lao pages print them ("27 มกราคม 2569" is 27 January 2026): the
#: years' offset from the common era, by language.
BUDDHIST_ERA_OFFSET = {"th": 543, "lo": 543}
#: A Buddhist-era year as such pages print it (2533-2642 BE: 1990-2099 CE).
BUDDHIST_ERA_YEAR = r"25[3-9]\d|26[0-4]\d"


def common_era_year(year: int, lang: str | None) -> int:
    """``year`` in the common era: a Buddhist-era year of a language that counts years so is moved back."""
    offset = BUDDHIST_ERA_OFFSET.get(lang or "", 0)
    return year - offset if offset and year - offset >= MIN_YEAR else year


@functools.lru_cache(maxsize=16)
def _full_date_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """'12 марта 2025', '3 de mayo de 2024', '5 березня 2023' in ``lang``."""
    months = language_month_names(lang)
    if months is None:
        return None
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    # a word of a script past Cyrillic glued before the day, the month or the year: Khmer "ថ្ងៃទី8 ខែតុលា ឆ្នាំ2026"
    # ("day 8, month October, year 2026")
    glue = r"[^\s\d\u0000-\u052f]*?"
    year = rf"(?:19|20)\d\d|{BUDDHIST_ERA_YEAR}" if lang in BUDDHIST_ERA_OFFSET else r"(?:19|20)\d\d"
    pattern = re.compile(rf"(?<![\d\w])(?:{glue})([0-3]?\d)\.?\s+(?:de\s+)?{glue}({names})\.?,?\s+(?:de\s+|del\s+)?"
                         rf"{glue}({year})(?!\d)"
                         # year first, as Malayalam, Hungarian or Lithuanian pages print it ("2026 ജൂലൈ 27")
                         rf"|(?<!\d)(?P<y>{year})\.?,?\s+(?P<m>{names})\.?\s+(?P<d>[0-3]?\d)(?!\d)",
                         re.I)
    return pattern, months


def full_date_in_language(text: str, lang: str) -> str | None:
    """The ISO day of the first complete date (day, month name, year) written in ``lang`` in ``text``.

    For the publication date of an article in another language, whose date line the English rules of
    cleaning do not read ("12 марта 2025, 14:30", "Madrid, 3 de mayo de 2024"); a Thai or Lao Buddhist-era year
    is given in the common era.
    """
    found = _full_date_pattern(lang)
    if found is None:
        return None
    pattern, months = found
    text = recognition_form(text)
    for m in pattern.finditer(text):
        year, month, day = (m.group(3), m.group(2), m.group(1)) if m.group(1) else (m["y"], m["m"], m["d"])
        try:
            return dt.date(common_era_year(int(year), lang), months[month.lower()], int(day)).isoformat()
        except ValueError:  # "31 февраля": no such day
            continue
    return None
