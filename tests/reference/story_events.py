"""Story-event pair scoring as first written: each pair reads its events' actors and dates afresh.

``storyline.fuse.story_events.PairFacts`` looks those up once per event; it must score every
pair exactly as these functions do.
"""
from __future__ import annotations

import datetime

from storyline.fuse.story_events import (
    CARRIED_DATE,
    CARRIED_SLACK_DAYS,
    COUNT_CLASH,
    QUAD,
    W_DATE,
    W_SOURCE,
    W_TARGET,
    W_TEXT,
    W_TYPE,
    Actors,
    date_compatibility,
    quantity_terms,
    type_compatibility,
)
from storyline.model import Event


def _names(actors: Actors, eid: str) -> tuple[bool, set[str]]:
    e = actors.by_id.get(eid)
    return (e.generic, {n.lower() for n in [e.name, *e.aliases] if n}) if e is not None else (False, set())


def actor_match(actors: Actors, a: str | None, b: str | None, unknown: float) -> float:
    """1.0 same actor, 0.7 same state, ``unknown`` when one is missing, 0 when different."""
    if not a or not b:
        return unknown
    if actors.key(a) == actors.key(b):
        return 1.0
    sa, sb = actors.state(a), actors.state(b)
    if sa and sa == sb:
        return 0.7
    (ga, na), (gb, nb) = _names(actors, a), _names(actors, b)
    if ga != gb and na & nb:   # an unnamed group called as a named actor is aliased
        return 0.7
    return 0.0


def blocked(a: Event, b: Event, actors: Actors) -> bool:
    """Hard checks: cooperation and conflict are different events; so are swapped roles (A→B vs B→A)."""
    qa, qb = QUAD.get(a.type, ""), QUAD.get(b.type, "")
    if {qa.split("_")[-1], qb.split("_")[-1]} == {"cooperation", "conflict"}:
        return True
    return bool(a.source and b.source and a.target and b.target
                and actor_match(actors, a.source, b.target, 0) == 1.0
                and actor_match(actors, a.target, b.source, 0) == 1.0
                and actor_match(actors, a.source, b.source, 0) < 0.7)


def pair_score(a: Event, b: Event, actors: Actors, text_sim: float) -> float:
    """How likely two event mentions report the same event (0..1; below 0 when dates clash)."""
    date = date_compatibility(a.date, b.date)
    if date is None and "context" in (a.date_source, b.date_source) and QUAD.get(a.type) == QUAD.get(b.type) \
            and a.date and b.date and len(a.date) == len(b.date) == 10:
        try:
            gap = abs((datetime.date.fromisoformat(a.date) - datetime.date.fromisoformat(b.date)).days)
        except ValueError:
            gap = None
        if gap is not None and gap <= CARRIED_SLACK_DAYS:
            date = CARRIED_DATE
    score = (W_TYPE * type_compatibility(a.type, b.type) + W_SOURCE * actor_match(actors, a.source, b.source, 0.3)
             + W_TARGET * actor_match(actors, a.target, b.target, 0.4) + W_TEXT * text_sim)
    score += W_DATE * (date if date is not None else -2.0)
    ca, cb = quantity_terms(a), quantity_terms(b)
    if ca and cb and not ca & cb:
        score -= COUNT_CLASH
    return score


def every_pair(events: list[Event], *_: object) -> list[tuple[int, int]]:
    """Every pair of events, for ``storyline.fuse.story_events._candidate_pairs``'s place: what its blocking must
    not change the clusters of."""
    return [(i, j) for i in range(len(events)) for j in range(i + 1, len(events))]
