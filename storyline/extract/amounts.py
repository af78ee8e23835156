"""Quantity claims: the amounts a sentence states, as ranges comparable across documents.

A *quantity* claim is an amount (money converted roughly to US dollars, a count of a family of nouns —
"farmers" and "activists" are both people —, or a measure such as "cubic metre/second") with a range
("several billion" = 3–9 billion, "a few hundred" = 200–500, "more than X" = X and up) and the words
around it, which name what is measured. A figure the sentence rejects ("not the 150 claimed") is none.

Reading amounts is its own craft (units, vague multiples, bare numbers joined to an earlier figure), so
it lives apart from the pole, cause and frame claims of ``claims``; both share ``stance``.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace

from storyline.extract.stance import STOP_TERMS, TERM_WORD, SentenceFacts, StanceLexicon, content_terms
from storyline.model import Claim, Sentence, Span
from storyline.nlp.quantities import find_quantities, singular

LOGGER = logging.getLogger(__name__)

#: "approximately $918 million" may be off by this factor either way
APPROX_WIDEN = 1.25
#: words before (and after) a quantity that name what it measures ("more than 20,000 farmers and their
#: families marched through the centre of Darel": the place is 9 words after the number)
ANCHOR_BEFORE, ANCHOR_AFTER = 8, 10
#: "more than X" reaches up to this factor above X; "fewer than X" this factor below
OPEN_RANGE = 1.5
#: a vague word with no scale after it is an amount when it means at least this many ("hundreds of")
VAGUE_ALONE_MIN = 90
#: words after a number searched for its unit ("several hundred angry residents")
UNIT_LOOKAHEAD, FAMILY_LOOKAHEAD = 6, 3
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12, "tn": 1e12}
#: a bare number joined to an earlier figure ("... to 85", "... and 25")
_BARE_FOLLOWER = re.compile(r"\b(?:to|and|or|from|versus|vs\.?)\s+(\d[\d,]*(?:\.\d+)?)"
                            r"(?![\d%]|\s*(?:per ?cent|percent)\b)")
YEAR_LIKE = (1800, 2100)
#: capitalised words that open an amount ("About 400,000 households", "Several hundred people")
_RANGE_WORD_BEFORE_NUMBER = re.compile(
    r"\b(About|Some|Around|Roughly|Nearly|Almost|Over|More|Fewer|Less|Several|Approximately|Up|At|Just|"
    r"Close|Well|Hundreds|Thousands|Tens|Dozens|Only|Barely|Perhaps|Maybe)(\s+(?:than\s+|to\s+|least\s+|"
    r"of\s+)?(?:\d|a\s|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand))")


def _noun_like(word: str) -> bool:
    """A lower-case word that can name what a number counts (not "on", "claimed", "new", "roughly")."""
    w = word.lower()
    return (word.isalpha() and word[0].islower() and w not in STOP_TERMS and len(w) > 2
            and not w.endswith(("ed", "ly", "ing")))


def _unit_after(words: list[str], lex: StanceLexicon) -> tuple[str | None, int]:
    """(unit, words used) from the words right after a number: "cubic metres a second" -> "cubic metre/second",
    "angry residents" -> "people" (a noun family), "claimed in" -> None."""
    clean = [w.strip("\"“”'’,.;:()").lower() for w in words]
    if clean and clean[0] in lex.measures:
        unit, used = lex.measures[clean[0]], 1
        if unit in ("cubic", "square") and len(clean) > 1 and clean[1] in lex.measures:
            unit, used = f"{unit} {lex.measures[clean[1]]}", 2
        if len(clean) > used + 1 and clean[used] in ("per", "a", "an", "each", "every") \
                and singular(clean[used + 1]) in lex.rate_periods:
            unit, used = f"{unit}/{singular(clean[used + 1])}", used + 2
        return unit, used
    for i, w in enumerate(clean[:FAMILY_LOOKAHEAD]):
        if singular(w) in lex.family:
            return lex.family[singular(w)], i + 1
    if words and _noun_like(words[0].strip("\"“”'’,.;:()")):
        return singular(clean[0]), 1
    return None, 0


def _durations(text: str, lex: StanceLexicon) -> set[str]:
    """Other amounts of the sentence that tie two figures to one arrangement ("for 60 days")."""
    out = set()
    for m in re.finditer(r"(?<![\w.,])(\d+(?:\.\d+)?|[a-z]+)[\s-](second|minute|hour|day|week|month|year)s?\b",
                         text, re.IGNORECASE):
        n = m.group(1).lower()
        value = float(n) if n[0].isdigit() else lex.number_words.get(n)
        if value is not None:
            out.add(f"{value:g} {m.group(2).lower()}")
    return out


def _bare_followers(sent: Sentence, found: list[Claim], lex: StanceLexicon) -> list[Claim]:
    """A bare number joined to a figure before it takes that figure's unit: "from 40 tonnes a day to 25"."""
    out = []
    for m in _BARE_FOLLOWER.finditer(sent.text):
        prior = [c for c in found if sent.text.find(c.text) < m.start() and c.pole not in lex.usd and c.pole != "USD"]
        if not prior or any(c.text.startswith(m.group(1)) for c in found):
            continue
        value = float(m.group(1).replace(",", ""))
        if YEAR_LIKE[0] <= value <= YEAR_LIKE[1] and "," not in m.group(1):
            continue  # "between 2019 and 2021"
        out.append(replace(prior[-1], low=value, high=value, text=m.group(1), co=[]))
    return out


def _vague_scaled(text: str, lex: StanceLexicon) -> list[tuple[int, int, float, float]]:
    """(start, end, low, high) of vague multiples: "a few hundred" = 200..500, "tens of thousands"."""
    out = []
    for m in lex.vague_amount.finditer(text):
        lo, hi = lex.vague[m.group(1).lower()]
        if m.group(2) is None and hi < VAGUE_ALONE_MIN:
            continue  # "several countries", "a few days": no amount anyone would dispute
        scale = lex.scale_words[m.group(2).lower()] if m.group(2) else 1.0
        out.append((m.start(), m.end(), lo * scale, hi * scale))
    return out


def _quantity_text(text: str, lex: StanceLexicon) -> str:
    """The text with a capitalised range word before a number lower-cased ("About 400,000", "Several
    hundred"), same length, so that the quantity finder does not take the word for a name ("Article 5")."""
    def lower(m: re.Match[str]) -> str:
        return m.group(1).lower() + m.group(2)
    return _RANGE_WORD_BEFORE_NUMBER.sub(lower, text)


def quantity_claims(sent: Sentence, doc: str, facts: SentenceFacts, lex: StanceLexicon) -> list[Claim]:
    """The sentence's amounts as quantity claims (``facts`` gives their weight when one is found)."""
    out: list[Claim] = []
    cursor = 0
    text = _quantity_text(sent.text, lex)
    last_unit: str | None = None
    vague_spans = _vague_scaled(text, lex)
    quantities = find_quantities(text)
    if not quantities and not vague_spans:
        return out  # most sentences state no amount: skip the per-sentence work below
    weight = facts.weights[0]
    for q in quantities:
        at = text.find(q.text, cursor)
        if at < 0:
            continue
        if q.value is None and q.unit in lex.usd:  # "several billion dollars": a vague sum of money
            vague_spans = [v for v in vague_spans if not v[0] <= at < v[1]]
        elif any(s <= at < e for s, e, _, _ in vague_spans):
            continue  # read below as a vague amount ("several hundred", "tens of thousands")
        q_words = q.text.split()
        noun_unit = bool(q.unit) and q.unit not in lex.usd and q.unit not in ("percent", "km", "mi", "m") \
            and len(q_words) > 1 and q.value is not None
        # the number itself; a noun quantities.py read as the unit is read again below, with its neighbours
        num_text = " ".join(q_words[:-1]) if noun_unit else q.text
        num_end = at + len(num_text)
        cursor = at + len(q.text)
        before = text[:at].rstrip(" \"“")
        if lex.amount_negation.search(before):
            continue  # "not the 150 claimed": the sentence rejects that figure
        low_num = num_text.lower()
        converted = False
        if q.value is None:
            vague = next((v for k, v in sorted(lex.vague.items(), key=lambda kv: -len(kv[0]))
                          if low_num.startswith(k + " ")), None)
            if vague is None:
                continue
            scale = _scale_of(low_num)
            lo, hi = vague[0] * scale, vague[1] * scale
        else:
            lo = hi = float(q.value)
        unit = q.unit or ""
        if unit in lex.usd:
            lo, hi, unit, converted = lo * lex.usd[unit], hi * lex.usd[unit], "USD", unit != "USD"
        elif unit not in ("percent",):
            after = text[num_end:].split()[:UNIT_LOOKAHEAD]
            if after and after[0].lower() in lex.scale_words:  # "two hundred cubic metres"
                lo, hi = lo * lex.scale_words[after[0].lower()], hi * lex.scale_words[after[0].lower()]
                after = after[1:]
            found, _ = _unit_after(after, lex)
            if found is None and q.unit in ("km", "mi", "m"):
                found = q.unit
            if found is None:
                if last_unit is None:
                    continue  # a bare number names nothing we can compare
                found = last_unit  # "from about 210 cubic metres a second ... to 85"
            unit = found
        if lex.at_least.search(before):
            hi = hi * OPEN_RANGE
        elif lex.at_most.search(before):
            lo = lo / OPEN_RANGE
        elif lex.approximate.search(" ".join(before.split()[-3:])):
            lo, hi = lo / APPROX_WIDEN, hi * APPROX_WIDEN
        last_unit = unit
        before_words = text[:at].split()[-ANCHOR_BEFORE:]
        after_words = text[cursor:].split()[:ANCHOR_AFTER]
        window = " ".join(before_words + after_words)
        anchor = content_terms(window) - content_terms(" ".join(lex.measures) + " " + " ".join(lex.rate_periods))
        when = {w for w in TERM_WORD.findall(text) if w in lex.time_words}
        out.append(Claim("", doc, Span(doc, sent.start, sent.end, sent.text), "quantity", "quantity", unit, weight,
                         text=q.text, terms=sorted(content_terms(text)), anchor=sorted(anchor), low=lo, high=hi,
                         when=sorted(when), converted=converted))
    for start, end, lo, hi in vague_spans:
        vague_unit, _ = _unit_after(text[end:].split()[:UNIT_LOOKAHEAD], lex)
        if vague_unit is None:
            continue
        window = " ".join(text[:start].split()[-ANCHOR_BEFORE:] + text[end:].split()[:ANCHOR_AFTER])
        out.append(Claim("", doc, Span(doc, sent.start, sent.end, sent.text), "quantity", "quantity", vague_unit,
                         weight,
                         text=text[start:end], terms=sorted(content_terms(text)),
                         anchor=sorted(content_terms(window)), low=lo, high=hi,
                         when=sorted({w for w in TERM_WORD.findall(text) if w in lex.time_words})))
    out.extend(_bare_followers(sent, out, lex))
    co = _durations(text, lex)
    amounts = {f"{c.low:g} {c.pole}" for c in out}
    return [replace(c, co=sorted(co | (amounts - {f"{c.low:g} {c.pole}"}))) for c in out]


def _scale_of(text: str) -> float:
    for w in text.lower().split():
        if w in _SCALES:
            return _SCALES[w]
    return 1.0
