"""Outlet profiles: what each outlet publishes and how (genre, loaded wording, sourcing)."""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
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


@dataclass
class OutletTally:
    """What one document adds to its outlet's profile (kept per document by the incremental fuse)."""
    doc: str
    words: int
    terms: list[str]
    genre: str | None
    named: int
    anonymous: int
    events: list[str]


def tally(analysis: DocAnalysis) -> OutletTally:
    """The document's words, loaded terms, genre, named and anonymous sources and event ids."""
    doc = analysis.document
    return OutletTally(doc=doc.id, words=len(re.findall(r"\w+", doc.text or "")),
                       terms=[t.text.lower() for t in doc.loaded_language],
                       genre=doc.genre if doc.genre in GENRES else None,
                       named=len({q.speaker for q in analysis.quotes if q.speaker}),
                       anonymous=sum(1 for q in analysis.quotes if not q.speaker),
                       events=[e.id for e in analysis.events])


def profile(name: str, tallies: list[OutletTally], corroborated: set[str] | None = None) -> OutletProfile:
    """The profile of outlet ``name`` from its documents' tallies (in corpus order)."""
    words = sum(t.words for t in tallies)
    terms = Counter(term for t in tallies for term in t.terms)
    genres = Counter(t.genre for t in tallies if t.genre)
    events = [e for t in tallies for e in t.events]
    share = None
    if corroborated is not None and events:
        share = round(sum(1 for e in events if e not in corroborated) / len(events), 3)
    return OutletProfile(
        name=name, docs=sorted(t.doc for t in tallies), genre_mix=dict(sorted(genres.items())),
        loaded_language_per_1k_words=round(1000 * sum(terms.values()) / words, 2) if words else 0.0,
        loaded_terms=[t for t, _ in terms.most_common(MAX_TERMS)], named_sources=sum(t.named for t in tallies),
        anonymous_sources=sum(t.anonymous for t in tallies), uncorroborated_share=share)


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
    groups: dict[str, list[OutletTally]] = {}
    for a in analyses:
        groups.setdefault(outlet_name(a), []).append(tally(a))
    out = [profile(name, items, corroborated) for name, items in sorted(groups.items())]
    LOGGER.debug("%d outlets", len(out))
    return out
