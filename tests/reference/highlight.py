"""Article segments as first written: every mark and stretch tested against every run."""
from __future__ import annotations

import itertools
from typing import Any

from storyline.report.highlight import Mark, OuterMark, run_cuts


def segments_by_scan(raw: str, start: int, end: int, inline: list[Mark],
                     outers: list[OuterMark]) -> list[dict[str, Any]]:
    """``article_segments`` by a scan of every mark for each run (the cuts are shared)."""
    inline, outers, bounds = run_cuts(start, end, inline, outers)
    pieces: list[dict] = []
    for a, b in itertools.pairwise(bounds):
        active = [m for m in inline if m.start <= a and b <= m.end]
        run = {"text": raw[a:b], "classes": " ".join(sorted({m.cls for m in active})),
               "title": "; ".join(dict.fromkeys(m.title for m in active)),
               "entity": next((m.entity for m in active if m.entity), None)}
        outer = next((o for o in outers if o.start <= a and b <= o.end), None)
        if outer is not None and pieces and pieces[-1].get("outer") is outer:
            pieces[-1]["runs"].append(run)
        elif outer is not None:
            here = [x for x in outer.anchors if start <= outer.anchor_at.get(x, start) < end]
            pieces.append({"outer": outer, "anchors": here + [x for x in outer.anchors if x not in here],
                           "anchors_here": here, "classes": " ".join(sorted(outer.classes)),
                           "title": "; ".join(outer.titles), "runs": [run]})
        else:
            pieces.append({"outer": None, "runs": [run]})
    for p in pieces:
        p.pop("outer")
    return pieces
