"""Dyad relations: per actor pair and period, how many events and how cooperative or conflictual.

Scores come from the PLOVER quad classes (``data/plover.yaml``, which the user's event lexicon
files may override with a ``quad`` section): material acts weigh more than words, as in the
Goldstein-style scales event data uses. ``cooperation`` and ``conflict`` are each a weighted share
in [0, 1] of the pair's events; REQUEST is neutral.
"""
from __future__ import annotations

import logging
from collections import defaultdict

from storyline.extract.lexicon import load_event_lexicon
from storyline.model import Event, Relation

LOGGER = logging.getLogger(__name__)

#: weight of one event of each quad class on (cooperation, conflict); a material act counts
#: twice a verbal one (Goldstein's scale puts material acts at the ends, statements near 0)
QUAD_WEIGHTS: dict[str, tuple[float, float]] = {
    "verbal_cooperation": (0.5, 0.0),
    "material_cooperation": (1.0, 0.0),
    "neutral": (0.0, 0.0),
    "verbal_conflict": (0.0, 0.5),
    "material_conflict": (0.0, 1.0),
}
UNDATED = "undated"
PERIODS = ("month", "year")


def period_of(date: str | None, period: str) -> str:
    """The period key of an ISO date: "2022-06" (month) or "2022" (year); coarser dates keep what they have."""
    if not date:
        return UNDATED
    if period == "year":
        return date[:4]
    return date[:7]


def compute_relations(events: list[Event], period: str = "month",
                      lexicon_paths: tuple[str, ...] | list[str] = ()) -> list[Relation]:
    """Relations between actor pairs per period, from events that have both a source and a target.

    Args:
        events: events whose ``source``/``target`` are entity ids (local or fused).
        period: "month" or "year".
        lexicon_paths: the user's event lexicon files (``Settings.event_lexicon_paths``), as the
            event coder reads them.

    Returns:
        One Relation per unordered pair and period (``a`` < ``b``), sorted by pair then period.
    """
    if period not in PERIODS:
        raise ValueError(f"relation period must be one of {PERIODS}, not {period!r}")
    quad = load_event_lexicon(tuple(lexicon_paths)).quad
    counts: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    for ev in events:
        if not ev.source or not ev.target or ev.source == ev.target:
            continue
        if ev.modality in ("denied", "hypothetical"):
            continue  # what did not (or might) happen says nothing about the relation
        a, b = sorted((ev.source, ev.target))
        coop, conf = QUAD_WEIGHTS.get(quad.get(ev.type, "neutral"), (0.0, 0.0))
        row = counts[(a, b, period_of(ev.date, period))]
        row[0] += 1
        row[1] += coop
        row[2] += conf
    out = [Relation(a=a, b=b, period=p, n_events=int(n), cooperation=round(c / n, 3), conflict=round(k / n, 3))
           for (a, b, p), (n, c, k) in counts.items()]
    out.sort(key=lambda r: (r.a, r.b, r.period))
    LOGGER.debug("%d relations from %d events", len(out), len(events))
    return out
