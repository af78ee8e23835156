"""Quantities in text: money with its currency, counts of things, distances, percentages.

"441 billion tenge" -> (4.41e11, "KZT"); "$21.6 million" -> (2.16e7, "USD");
"1,700 railcars" -> (1700, "railcar"); "7.600 kilometres" -> (7600, "km");
"several billion dollars" -> (None, "USD"). The units are data (data/units.yaml).
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from storyline.data import load, resource_path
from storyline.model import Quantity

LOGGER = logging.getLogger(__name__)

UNITS_PATH = resource_path("units")
#: a number: 1,700 | 21.6 | 7.600 (dotted thousands) | 441
_NUM = r"\d{1,3}(?:[,.\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: years are not counts unless a unit says so ("in 2022 troops ..." is a year)
YEAR_MIN, YEAR_MAX = 1800, 2100
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z]+\s$")
#: a plural noun right after a singular one: the head of a noun compound ("border guards")
_COMPOUND_HEAD = re.compile(r" ([a-z][a-z\-]*[a-z]s)\b")
_INVARIANT = frozenset({"news", "series", "species", "arms"})
#: words that qualify a unit of measure rather than name a counted thing ("cubic metres")
_MEASURE_ADJ = frozenset({"cubic", "square", "metric", "nautical", "light", "short", "long"})
#: capitalised words before a number that hedge it rather than name it ("About 400,000")
_HEDGES = frozenset(
    "about around some nearly almost over under roughly approximately more fewer less at only just up "
    "estimated perhaps another".split())
_MONTH_BEFORE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class _Units:
    symbols: dict[str, str]
    currencies: dict[str, str]
    scales: dict[str, float]
    distances: dict[str, str]
    number_words: dict[str, float | None]
    not_counts: frozenset[str]
    pattern: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def _units() -> _Units:
    data = load("units")
    symbols = data["currency_symbols"]
    currencies = {k.lower(): v for k, v in data["currency_words"].items()}
    scales = {k.lower(): float(v) for k, v in data["scales"].items()}
    distances = {k.lower(): v for k, v in data["distance_units"].items()}
    words = {k.lower(): (None if v is None else float(v)) for k, v in data["number_words"].items()}
    sym = "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))
    scale = "|".join(re.escape(s) for s in sorted(scales, key=len, reverse=True))
    word = "|".join(re.escape(s) for s in sorted(words, key=len, reverse=True))
    pattern = re.compile(
        rf"(?P<sym>{sym})?\s?(?P<num>{_NUM}|\b(?:{word})\b)"
        rf"(?:\s?(?P<scale>(?:{scale})\b))?"
        rf"(?:\s?(?P<pct>%|\bper ?cent\b))?"
        rf"(?:\s(?P<noun>[A-Za-z][A-Za-z\-]*))?", re.IGNORECASE)
    return _Units(symbols, currencies, scales, distances, words, frozenset(data["not_counts"]), pattern)


def _number(text: str, units: _Units) -> float | None:
    """Parse "1,700", "21.6", "7.600" (dotted thousands) or a number word."""
    low = text.lower()
    if low in units.number_words:
        return units.number_words[low]
    t = text.replace("\u202f", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", t):  # European thousands: 7.600
        return float(t.replace(".", ""))
    try:
        return float(t)
    except ValueError:
        return None


def singular(noun: str) -> str:
    """Crude singular of an English noun ("activists" -> "activist", "families" -> "family")."""
    n = noun.lower()
    if n.endswith("ies") and len(n) > 4:
        return n[:-3] + "y"
    if n.endswith(("sses", "xes", "ches", "shes")):
        return n[:-2]
    # a noun in -us takes -es ("buses", "bonuses", "viruses", "censuses"); "houses", "causes" (a vowel before the
    # -uses) and "abuses", "excuses", "fuses" (a noun in -use) only take an -s
    if (n.endswith("uses") and len(n) >= 5 and n[-5] not in "aeiou" and n not in ("muses", "ruses")
            and not n.endswith(("abuses", "cuses", "fuses"))):
        return n[:-2]
    if n.endswith("s") and not n.endswith(("ss", "us")) and len(n) > 3:
        return n[:-1]
    return n


def find_quantities(text: str) -> list[Quantity]:
    """Every money amount, count, distance and percentage in ``text``, in order."""
    units = _units()
    out: list[Quantity] = []
    for m in units.pattern.finditer(text):
        sym, num, scale, pct, noun = m.group("sym"), m.group("num"), m.group("scale"), m.group("pct"), m.group("noun")
        if m.start("num") > 0 and text[m.start("num") - 1].isalnum() and not sym:
            continue  # inside a word or an identifier ("G20", "24Oleksandr" handled upstream)
        if not sym and _MONTH_BEFORE.search(text[max(0, m.start("num") - 12):m.start("num")]):
            continue  # "June 17": a date, not a quantity
        before = _NAME_BEFORE.search(text[max(0, m.start("num") - 20):m.start("num")])
        if not sym and before and before.group(0).strip().lower() not in _HEDGES:
            continue  # "Rossiya 24", "Article 5": part of a name
        is_word = not num[0].isdigit()
        value = _number(num, units)
        if scale and value is not None:
            value *= units.scales[scale.lower()]
        end = m.end("num")
        if scale:
            end = m.end("scale")
        unit: str | None = None
        if sym:
            unit = units.symbols[sym]
        elif pct:
            unit, end = "percent", m.end("pct")
        if unit is None and noun:
            low = noun.lower()
            if low in units.currencies:
                unit, end = units.currencies[low], m.end("noun")
            elif low in units.distances:
                unit, end = units.distances[low], m.end("noun")
            elif low not in units.not_counts and low.replace("-", "").isalpha() and noun[0].islower():
                unit, end = singular(low), m.end("noun")
                # a noun compound counts its head: "1,200 border guards" are guards, not borders
                head = _COMPOUND_HEAD.match(text, end)
                if head and (not low.endswith("s") or low in _INVARIANT) and low not in _MEASURE_ADJ \
                        and head.group(1).lower() not in units.not_counts:
                    unit, end = singular(head.group(1).lower()), head.end(1)
        if unit is None:
            continue  # a bare number or number word is not a quantity we can name
        if not sym and not scale and value is not None and YEAR_MIN <= value <= YEAR_MAX and "," not in num \
                and unit not in units.currencies.values() and unit not in ("km", "mi", "m", "percent"):
            continue  # "2022 elections": a year, not a count
        if is_word and value is None and unit not in units.currencies.values():
            continue  # "several countries" is not a measured quantity
        start = m.start("sym") if sym else m.start("num")
        out.append(Quantity(text=text[start:end], value=value, unit=unit))
    return out
