"""Name-candidate selection as first written: each candidate checked against every chosen one."""
from __future__ import annotations

from storyline.resolve.name_spans import Cand


def select_by_scan(cands: list[Cand]) -> list[Cand]:
    """The strongest, then longest, of overlapping candidates, by a pairwise scan."""
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
