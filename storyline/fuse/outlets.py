"""Outlet profiles: what each outlet publishes and how (genre, loaded wording, sourcing)."""
from __future__ import annotations

import logging
import re
from collections import Counter
from urllib.parse import urlparse

from storyline.model import GENRES, DocAnalysis, OutletProfile

LOGGER = logging.getLogger(__name__)

#: Profiles list at most this many distinct loaded terms (most frequent first).
MAX_TERMS = 20
UNKNOWN_OUTLET = "unknown"


def outlet_name(analysis: DocAnalysis) -> str:
    """The outlet of a document: its metadata, else its URL's host, else 'unknown'."""
    doc = analysis.document
    if doc.outlet:
        return doc.outlet
    if doc.url:
        host = urlparse(doc.url).netloc.lower()
        return host[4:] if host.startswith("www.") else host or UNKNOWN_OUTLET
    return UNKNOWN_OUTLET


def profile_outlets(analyses: list[DocAnalysis], corroborated: set[str] | None = None) -> list[OutletProfile]:
    """One profile per outlet.

    Args:
        analyses: per-document results (document genre/loaded_language, quotes, events).
        corroborated: ids of events that another outlet also reports (from the story-event
            clustering); None leaves ``uncorroborated_share`` unknown.

    Returns:
        Profiles sorted by outlet name: documents, genre mix, loaded terms per 1,000 words,
        the most frequent loaded terms, distinct named sources and anonymous quotes, and the
        share of the outlet's events no other outlet corroborates.
    """
    groups: dict[str, list[DocAnalysis]] = {}
    for a in analyses:
        groups.setdefault(outlet_name(a), []).append(a)
    out = []
    for name, items in sorted(groups.items()):
        words = sum(len(re.findall(r"\w+", a.document.text or "")) for a in items)
        terms = Counter(t.text.lower() for a in items for t in a.document.loaded_language)
        genres = Counter(a.document.genre for a in items if a.document.genre in GENRES)
        named = sum(len({q.speaker for q in a.quotes if q.speaker}) for a in items)
        anonymous = sum(1 for a in items for q in a.quotes if not q.speaker)
        events = [e.id for a in items for e in a.events]
        share = None
        if corroborated is not None and events:
            share = round(sum(1 for e in events if e not in corroborated) / len(events), 3)
        out.append(OutletProfile(
            name=name, docs=sorted(a.document.id for a in items), genre_mix=dict(sorted(genres.items())),
            loaded_language_per_1k_words=round(1000 * sum(terms.values()) / words, 2) if words else 0.0,
            loaded_terms=[t for t, _ in terms.most_common(MAX_TERMS)], named_sources=named,
            anonymous_sources=anonymous, uncorroborated_share=share))
    LOGGER.debug("%d outlets", len(out))
    return out
