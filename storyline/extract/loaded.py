"""Loaded language: name-calling, insulting epithets, emotive framing, sarcasm markers,
and the deliberate lower-casing of proper names ("putin", "russia", "the kremlin").

Phrases come from ``lexicon/loaded.yaml`` (data, user-extensible). Wording inside
direct quotes is the speaker's, not the outlet's, and is skipped; scare quotes
(a word or two in quote marks, no speaker) are the outlet's distancing and count as
sarcasm.
"""
from __future__ import annotations

import functools
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.config import Settings
from storyline.data import load, read, resource_path
from storyline.extract.patterns import grouped_alternation
from storyline.extract.quote_marks import marked_spans
from storyline.model import Document, LoadedTerm

if TYPE_CHECKING:  # pragma: no cover
    from storyline.nlp.pipeline import Parsed

LOGGER = logging.getLogger(__name__)
LEXICON = resource_path("loaded")

KINDS = ("name_calling", "emotive", "sarcasm")
#: A quoted span of at most this many words with no speaker is a scare quote.
SCARE_QUOTE_MAX_WORDS = 2
#: A lower-cased name counts as deliberate only when the document does it this often
#: (a single slip is a typo, not a stance).
MIN_LOWERCASE_REPEATS = 2
#: Quotes of at least this many words are someone's words (skipped).
QUOTE_MIN_WORDS = 4
NAME_LABELS = ("PERSON", "GPE", "ORG", "NORP", "LOC")
EPITHET_PREFIX = re.compile(r"(?<![\w-])[A-Za-z]+(?:-[A-Za-z]+)+\s+$")


def _phrase_re(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        if word == "*":
            parts.append(r"[\w’'-]+")
        elif word.endswith("~"):
            parts.append(re.escape(word[:-1]).replace("\\~", "") + r"[\w-]*")
        else:
            parts.append(re.escape(word))
    return r"\s+".join(parts) + r"(?![\w-])"


@functools.lru_cache(maxsize=2)
def load_lexicon(path: str = str(LEXICON)) -> dict[str, Any]:
    """Compiled patterns per kind (and the raw genre section), loaded once per process."""
    data = load("loaded") if Path(path) == LEXICON else read(path, "loaded")
    out: dict[str, Any] = {"genre": data.get("genre") or {}}
    for kind in KINDS:
        phrases = [p for p in data.get(kind) or [] if isinstance(p, str) and p.strip()]
        if not phrases:
            raise ValueError(f"{path}: section {kind!r} is empty; list at least one phrase")
        # one shared word-start check before the alternatives, not one per phrase (much faster);
        # alternatives grouped by first letter where they allow it (same matches, fewer tries)
        out[kind] = re.compile(r"(?<![\w-])" + grouped_alternation(
            [_phrase_re(p) for p in sorted(phrases, key=len, reverse=True)]), flags=re.I)
    adjectives = [a for a in data.get("epithet_adjectives") or [] if isinstance(a, str)]
    out["epithet"] = re.compile(r"(?<![\w-])" + grouped_alternation(list(map(re.escape, adjectives)))
                                + r"\s+[a-z][\w-]+", flags=re.I) if adjectives else None
    return out


def _in_quotes(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _lowercased_names(parsed: Parsed, view: str) -> list[LoadedTerm]:
    """Proper names written in lower case on purpose (repeated, tagged as names by NER)."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for off, sdoc in parsed.blocks:
        for tok in (t for ent in sdoc.ents if ent.label_ in NAME_LABELS for t in ent):
            text = tok.text
            if not (text.isalpha() and text.islower() and len(text) >= 2) or tok.is_sent_start:
                continue
            if tok.is_stop or tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
                continue
            hits.setdefault(text, []).append((off + tok.idx, off + tok.idx + len(text)))
    out = []
    for word, places in hits.items():
        proper = re.search(rf"(?<!\w){re.escape(word.capitalize())}(?!\w)", view)
        if len(places) >= MIN_LOWERCASE_REPEATS or proper:
            out += [LoadedTerm(s, e, view[s:e], "lowercased_name") for s, e in places]
    return out


def find_loaded_language(doc: Document, parsed: Parsed, settings: Settings) -> list[LoadedTerm]:
    """Loaded / persuasive wording of ``doc``'s body, in text order, without overlaps.

    Args:
        doc: the cleaned document.
        parsed: its spaCy parse (used for lower-cased names).
        settings: run settings (unused for now; kept for a uniform stage signature).

    Returns:
        LoadedTerm spans (raw offsets) with kind name_calling | epithet | emotive | sarcasm |
        lowercased_name.
    """
    del settings
    lex = load_lexicon()
    view = doc.body_view()
    blocks = sorted((b.start, b.end) for b in doc.blocks) or [(0, len(view))]
    marked = [(s, e) for s, e, orphan in marked_spans(view, blocks) if not orphan]
    quotes = [(s, e) for s, e in marked if len(view[s:e].split()) >= QUOTE_MIN_WORDS]
    found: list[LoadedTerm] = []
    for kind in KINDS:
        for m in lex[kind].finditer(view):
            start = m.start()
            if kind == "name_calling":   # keep the epithet glued to the insult ("six-foot-tall dictator")
                pre = EPITHET_PREFIX.search(view, max(0, start - 40), start)
                start = pre.start() if pre else start
            found.append(LoadedTerm(start, m.end(), view[start:m.end()], kind))
    if lex["epithet"] is not None:
        for m in lex["epithet"].finditer(view):
            found.append(LoadedTerm(m.start(), m.end(), m.group(), "epithet"))
    for s, e in marked:
        words = view[s:e].split()
        if 0 < len(words) <= SCARE_QUOTE_MAX_WORDS and view[s:s + 1].islower():
            found.append(LoadedTerm(s - 1, e + 1, view[s - 1:e + 1], "sarcasm"))
    found += _lowercased_names(parsed, view)
    found = [t for t in found if "\n" not in t.text and not _in_quotes(quotes, t.start, t.end)]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[LoadedTerm] = []
    for t in found:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    LOGGER.debug("%s: %d loaded terms", doc.id, len(out))
    return out
