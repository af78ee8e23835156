"""Resolve a date expression ("on June 17", "In May", "last Wednesday") to ISO with its precision.

The expression comes from a spaCy DATE entity; dateparser does the calendar work with the
article's publication date as ``RELATIVE_BASE`` and ``PREFER_DATES_FROM: past`` (news reports
what happened; measured in STACK.md). What dateparser fills in silently (the day of a month
alone, the year of "June 17") is decided here instead, from what the text actually says:

* a month alone keeps month precision ("In May" -> 2022-05), a year alone year precision;
* a relative expression ("yesterday", "last Wednesday") needs a base that is a real day;
  a guessed base (precision "uncertain") or none gives ``(None, None)``, never a made-up day;
* a missing year is taken from the base, whose precision may be "year" (a year inferred
  from elsewhere in the article).
"""
from __future__ import annotations

import datetime
import functools
import logging
import re
from typing import TYPE_CHECKING

from storyline.clean.metadata import MONTH_ALTERNATION, full_date_in_language, language_month_names
from storyline.clean.metadata import MONTHS as MONTH_NUMBERS

if TYPE_CHECKING:
    from spacy.tokens import Token

LOGGER = logging.getLogger(__name__)

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SEASONS = ("spring", "summer", "autumn", "fall", "winter")

_MONTH_RE = re.compile(r"\b(" + MONTH_ALTERNATION + r")\.?\b")
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAYNUM_RE = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_DAY_WORDS = re.compile(r"\b(yesterday|today|tomorrow|tonight|day before yesterday)\b")
_AGO_RE = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                     r"(day|days|week|weeks|month|months|year|years)\s+ago\b")
_REL_PERIOD = re.compile(r"\b(last|this|next|past|previous|coming)\s+(week|month|year|summer|spring|"
                         r"autumn|fall|winter)\b")
#: vague or non-calendar expressions that must not become a date
_VAGUE = re.compile(r"\b(decade|decades|century|centuries|anniversary|era|recent|recently|ages|"
                    r"years|months|weeks|days|hours|minutes|long|once|former|future|earlier|later|"
                    r"soon|now|currently)\b")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}

#: base precisions good enough to anchor a relative day expression
_DAY_BASES = {"day"}
_MONTH_BASES = {"day", "month"}


def _norm(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"^(on|in|at|by|since|from|during|until|of|the|early|late|mid|mid-)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text)


def _month_of(text: str) -> int | None:
    m = _MONTH_RE.search(text)
    if not m:
        return None
    # "may" is a month only when nothing suggests the modal verb; the caller passes DATE spans
    return MONTH_NUMBERS[m.group(1)]


def _day_of(text: str, month_match: re.Match[str] | None) -> int | None:
    """A day-of-month number next to the month name ("June 17", "17 June", "17th of June")."""
    if not month_match:
        return None
    after = text[month_match.end():month_match.end() + 6]
    before = text[max(0, month_match.start() - 8):month_match.start()]
    m = re.match(r"\s*([0-3]?\d)(?:st|nd|rd|th)?\b", after)
    if m and not re.match(r"\s*[0-3]?\d\d\d", after):
        day = int(m.group(1))
        return day if 1 <= day <= 31 else None
    m = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s*$", before)
    if m:
        day = int(m.group(1))
        return day if 1 <= day <= 31 else None
    return None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _past_year(base: datetime.date, month: int, day: int | None) -> int:
    """The year that puts month/day on or before the base (news reports the past)."""
    if (month, day or 1) > (base.month, base.day):
        return base.year - 1
    return base.year


def _relative(text: str, base: datetime.date) -> tuple[str | None, str | None]:
    """Relative expressions, resolved against a day-precise base."""
    if "day before yesterday" in text:
        return (base - datetime.timedelta(days=2)).isoformat(), "day"
    for word, delta in (("yesterday", -1), ("today", 0), ("tonight", 0), ("tomorrow", 1)):
        if re.search(rf"\b{word}\b", text):
            return (base + datetime.timedelta(days=delta)).isoformat(), "day"
    m = _AGO_RE.search(text)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1)]
        unit = m.group(2).rstrip("s")
        if unit == "day":
            return (base - datetime.timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            # "a week ago" is the same weekday n weeks back, as "n days ago" names a day
            return (base - datetime.timedelta(weeks=n)).isoformat(), "day"
        if unit == "month":
            y, mth = divmod(base.year * 12 + base.month - 1 - n, 12)
            return f"{y:04d}-{mth + 1:02d}", "month"
        return f"{base.year - n:04d}", "year"
    m = _WEEKDAY_RE.search(text)
    if m:
        target = WEEKDAYS.index(m.group(1))
        back = (base.weekday() - target) % 7
        if re.search(r"\bnext\b", text):
            fwd = (target - base.weekday()) % 7 or 7
            return (base + datetime.timedelta(days=fwd)).isoformat(), "day"
        if re.search(r"\blast\b", text) and back == 0:
            back = 7
        # "this Monday" / "on Sunday" in news: the most recent such day (PREFER_DATES_FROM past)
        return (base - datetime.timedelta(days=back)).isoformat(), "day"
    return None, None


def _week_span(day: datetime.date) -> tuple[str | None, str | None]:
    """The calendar week (Monday to Sunday) holding ``day`` at the finest precision that contains all of it.

    There is no week precision: a week inside one month is that month, one straddling two
    months is its year, one straddling New Year is no date at all.
    """
    monday = day - datetime.timedelta(days=day.weekday())
    sunday = monday + datetime.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year:04d}-{monday.month:02d}", "month"
    if monday.year == sunday.year:
        return f"{monday.year:04d}", "year"
    return None, None


_WEEKEND_RE = re.compile(r"\bweekend\b")


def _weekend(text: str, base: datetime.date) -> tuple[str | None, str | None]:
    """"(at|over) the weekend", "last weekend": the latest Saturday-Sunday up to the base ("next weekend" the
    coming one), at the finest precision holding both days (a weekend across two months is its year)."""
    saturday = base - datetime.timedelta(days=(base.weekday() - 5) % 7)
    if re.search(r"\b(next|coming)\b", text):
        saturday = base + datetime.timedelta(days=(5 - base.weekday()) % 7 or 7)
    elif re.search(r"\blast\b", text) and base.weekday() >= 5:
        saturday -= datetime.timedelta(days=7)
    sunday = saturday + datetime.timedelta(days=1)
    if (saturday.year, saturday.month) == (sunday.year, sunday.month):
        return f"{saturday.year:04d}-{saturday.month:02d}", "month"
    return (f"{saturday.year:04d}", "year") if saturday.year == sunday.year else (None, None)


def _relative_period(text: str, base: datetime.date, base_precision: str) -> tuple[str | None, str | None]:
    m = _REL_PERIOD.search(text)
    if not m:
        return None, None
    which, unit = m.group(1), m.group(2)
    shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[which]
    if unit == "week":
        if base_precision not in _DAY_BASES:
            return None, None
        return _week_span(base + datetime.timedelta(weeks=shift))
    if unit == "month":
        if base_precision not in _MONTH_BASES:
            return None, None
        y, mth = divmod(base.year * 12 + base.month - 1 + shift, 12)
        return f"{y:04d}-{mth + 1:02d}", "month"
    if unit == "year":
        return f"{base.year + shift:04d}", "year"
    # a season: keep only the year it falls in (modest; seasons straddle months)
    if base_precision not in _MONTH_BASES:
        return None, None
    season_month = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}[unit]
    year = base.year + (shift if unit != "winter" else min(shift, 0))
    if shift == -1 and season_month < base.month and unit != "winter":
        year = base.year  # "last summer" said in November is this year's summer
    return f"{year:04d}", "year"


def resolve_date(text: str, base: datetime.date | None, *,
                 base_precision: str | None = None) -> tuple[str | None, str | None]:
    """Resolve a date expression to ``(iso, precision)``; ``(None, None)`` when the text cannot support one.

    Args:
        text: the date expression (a spaCy DATE entity's text).
        base: the article's publication date (or a year inferred from the article).
        base_precision: "day" | "month" | "year" | "uncertain" (a guessed date line, no base);
            None means "day" when a base is given.

    Returns:
        ISO string ("2022-06-17", "2022-06", "2022") and its precision ("day", "month", "year").
    """
    if not text or not text.strip():
        return None, None
    t = _norm(text)
    if base is not None and base_precision is None:
        base_precision = "day"
    if base_precision == "uncertain":
        base, base_precision = None, None
    year_m = _YEAR_RE.search(t)
    month_m = _MONTH_RE.search(t)
    # "may" inside a DATE span is the month unless it is followed by a verb-like word
    month = _month_of(t) if month_m else None
    day = _day_of(t, month_m) if month else None
    year = int(year_m.group(1)) if year_m else None

    if month:
        if year is None:
            if base is None or base_precision not in ("day", "month", "year"):
                return None, None
            year = base.year if base_precision == "year" else _past_year(base, month, day)
        if day:
            d = _safe_date(year, month, day)
            return (d.isoformat(), "day") if d else (None, None)
        return f"{year:04d}-{month:02d}", "month"
    if year is not None:
        if re.search(r"\b(19|20)\d0s\b", t) or _AGO_RE.search(t):
            return None, None
        return f"{year:04d}", "year"
    if base is None:
        return None, None
    if _DAY_WORDS.search(t) or _WEEKDAY_RE.search(t) or (_AGO_RE.search(t) and ("day" in t or "week" in t)):
        if base_precision not in _DAY_BASES:
            return None, None
        return _relative(t, base)
    if _AGO_RE.search(t):
        if base_precision not in _MONTH_BASES and "year" not in t:
            return None, None
        return _relative(t, base)
    if _WEEKEND_RE.search(t):
        return _weekend(t, base) if base_precision in _DAY_BASES else (None, None)
    if _REL_PERIOD.search(t):
        return _relative_period(t, base, base_precision or "day")
    if _VAGUE.search(t):
        return None, None
    return _dateparser_fallback(t, base, base_precision or "day")


#: times said from another time the text named, not from the publication day: "a day earlier", "two weeks
#: later", "the previous day", "the day after", "the same day", "later that day"
_ANAPHORIC_RE = re.compile(
    r"^(?:the\s+)?(?:(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<dir>earlier|later|before|after)"
    r"|(?P<adj>previous|following|next|same)\s+(?:day|morning|afternoon|evening|night)"
    r"|day\s+(?P<dir2>before|after)"
    r"|(?:(?:earlier|later)\s+)?that\s+(?:day|morning|afternoon|evening|night))$")


def anaphoric_days(text: str) -> int | None:
    """How many days an anaphoric time expression lies from the time said before it, None for any other.

    "A day earlier" is -1, "two weeks later" +14, "the previous day" -1, "the next day" +1, "the same day"
    and "later that day" 0. ``resolve_date`` cannot place these: their anchor is the event the text dated
    last, not the publication day.
    """
    m = _ANAPHORIC_RE.match(_norm(text))
    if m is None:
        return None
    if m.group("n"):
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBER_WORDS[m.group("n")]
        days = n * (7 if m.group("unit").startswith("week") else 1)
        return -days if m.group("dir") in ("earlier", "before") else days
    if m.group("adj"):
        return {"previous": -1, "following": 1, "next": 1, "same": 0}[m.group("adj")]
    if m.group("dir2"):
        return -1 if m.group("dir2") == "before" else 1
    return 0


#: "60-day", "3 weeks": a length of time, not a date (and dateparser takes ~50 ms to say so)
_DURATION = re.compile(r"\d+\s*-?\s*(?:day|week|month|year|hour|minute|decade)s?\b", re.I)


@functools.lru_cache(maxsize=4096)
def _dateparser_fallback(text: str, base: datetime.date, base_precision: str) -> tuple[str | None, str | None]:
    """Anything left ("the 3rd") goes to dateparser; keep only a day it really names."""
    if base_precision not in _DAY_BASES or not re.search(r"\d", text) or _DURATION.search(text):
        return None, None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a declared dependency
        return None, None
    got = dateparser.parse(text, languages=["en"], settings={
        "RELATIVE_BASE": datetime.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day"]})
    if got is None:
        return None, None
    return got.date().isoformat(), "day"


#: auxiliaries by their surface form ("'ll", "wo" of "won't" and "'s" are spaCy's tokens)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})
_PAST_AUX = frozenset({"was", "were", "had", "'d", "did"})
_PRESENT_BE = frozenset({"is", "are", "am", "'re", "'s"})
#: the tenses ``verb_tense`` tells apart, grouped by the time they speak of; the present perfect
#: speaks of now ("has signed" is news up to today, not of a past day named before)
TENSE_TIME = {"past": "past", "perfect": "present", "present": "present", "progressive": "present",
              "future": "future"}


def verb_tense(verb: Token) -> str | None:
    """The tense of a verb from its tag and auxiliaries, None where the form does not say.

    One of "past" ("met", "was arrested", "had signed"), "perfect" ("has signed"),
    "present" ("signs"), "progressive" ("are marching") and "future" ("will sign",
    "is going to sign"). A conjunct without auxiliaries of its own shares its head's
    ("arrested and charged"); an infinitive or a modal other than will/shall has no tense
    of its own (None).
    """
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if "to" in words:
        head = verb.head
        # "is going to sign": an infinitive under a progressive "go" is the future
        if head.i != verb.i and head.lemma_ == "go" and head.tag_ == "VBG" and verb.dep_ == "xcomp":
            return "future"
        return None
    if any(a.tag_ == "MD" for a in auxes):
        return None  # "could sign", "would meet": no time of its own
    if verb.tag_ == "VBN" and words & _PERFECT_AUX and not words & _PAST_AUX:
        return "perfect"
    if words & _PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBG" and words & _PRESENT_BE:
        return "progressive"
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBN" and words & _PRESENT_BE):
        return "present"
    if not auxes and verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return verb_tense(verb.head)
    return None


def parse_base(published: str | None, precision: str | None) -> tuple[datetime.date | None, str | None]:
    """The article's publication metadata as a base date for ``resolve_date``."""
    if not published:
        return None, None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", published)
    if not m:
        return None, None
    year, month, day = int(m.group(1)), int(m.group(2) or 12), int(m.group(3) or 28)
    got = _safe_date(year, month, day)
    if got is None:
        return None, None
    if precision is None:
        precision = "day" if m.group(3) else ("month" if m.group(2) else "year")
    return got, precision


def years_in(text: str) -> list[int]:
    """Explicit four-digit years (1800-2099) mentioned in a text, in order."""
    return [int(y) for y in _YEAR_RE.findall(text)]


@functools.lru_cache(maxsize=16)
def _day_month_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """'9 июня', '9 червня', 'el 9 de junio' in ``lang`` (no year): the month names cleaning reads dates with."""
    months = language_month_names(lang)
    if months is None:
        return None
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    return re.compile(rf"(?<![\d.])([0-3]?\d)\s+(?:de\s+)?({names})(?![\w])", re.I), months


def day_month_in_language(text: str, lang: str, base: datetime.date) -> datetime.date | None:
    """The day of the first date written as day and month name in ``lang`` ("9 июня", "el 9 de junio"), in the
    year that puts it on or before ``base`` (news reports the past); a year written after it is taken as is."""
    full = full_date_in_language(text, lang)
    if full is not None:
        return datetime.date.fromisoformat(full)
    found = _day_month_pattern(lang)
    if found is None:
        return None
    pattern, months = found
    for m in pattern.finditer(text):
        month, day = months[m.group(2).lower()], int(m.group(1))
        date = _safe_date(_past_year(base, month, day), month, day)
        if date is not None:
            return date
    return None
