"""Chart geometry for the report: a timeline of events and an actor network, as plain numbers.

The template draws the SVG from these numbers (every label escaped there), so no chart needs
JavaScript or a CDN and the report prints as it shows.
"""
from __future__ import annotations

import collections
import datetime as dt
import functools
import logging
import math
from typing import Any

from storyline.data import plover
from storyline.model import PLOVER_TYPES, Corpus

LOGGER = logging.getLogger(__name__)

#: colour of each polarity of a PLOVER quad class (``data/plover.yaml``); "mixed" is also a dyad
#: with as much cooperation as conflict
COLOURS = {"cooperation": "#2e7d32", "conflict": "#c62828", "mixed": "#757575"}

# Layout constants: sized for a laptop screen and an A4 page in landscape.
TIMELINE_WIDTH = 960
TIMELINE_LABEL_WIDTH = 110
TIMELINE_ROW = 22
TIMELINE_TICKS = 6
NETWORK_WIDTH = 720
NETWORK_HEIGHT = 520
#: more nodes than this turn a circle layout into a hairball; the rest are listed, not drawn
NETWORK_MAX_NODES = 30


def polarity(event_type: str) -> str:
    """'cooperation', 'conflict' or, for a neutral type (REQUEST), 'mixed': a key of ``COLOURS``."""
    value = plover.polarity(event_type)
    return "mixed" if value == "neutral" else value


@functools.lru_cache(maxsize=1 << 14)
def parse_date(value: str | None) -> dt.date | None:
    """The first day of an ISO date of any precision (``2022``, ``2022-06``, ``2022-06-17``)."""
    # cached: a report asks for the same few dates thousands of times, and strptime is slow
    if not value:
        return None
    v = value.strip()[:10]
    for fmt, n in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(v[:n], fmt).date()
        except ValueError:
            continue
    return None


def timeline(corpus: Corpus, anchors: dict[str, str]) -> dict[str, Any]:
    """Dots by date (x) and PLOVER type (y); ``anchors`` maps event id → evidence anchor."""
    parsed = [(parse_date(e.date), e) for e in corpus.events]
    dated = [(d, e) for d, e in parsed if d is not None]
    undated = len(corpus.events) - len(dated)
    if not dated:
        return {"dots": [], "rows": [], "ticks": [], "width": TIMELINE_WIDTH, "height": 0, "undated": undated}
    types = [t for t in PLOVER_TYPES if any(e.type == t for _, e in dated)]
    types += sorted({e.type for _, e in dated} - set(types))  # unknown types still show
    lo = min(d for d, _ in dated)
    hi = max(d for d, _ in dated)
    span = max((hi - lo).days, 1)
    plot_w = TIMELINE_WIDTH - TIMELINE_LABEL_WIDTH - 20

    def x_of(d: dt.date) -> float:
        if lo == hi:
            return TIMELINE_LABEL_WIDTH + plot_w / 2
        return TIMELINE_LABEL_WIDTH + 10 + (d - lo).days / span * (plot_w - 20)

    stack: collections.Counter[tuple[dt.date, str]] = collections.Counter()
    dots = []
    for d, e in sorted(dated, key=lambda p: (p[0], p[1].id)):
        k = stack[(d, e.type)]
        stack[(d, e.type)] += 1
        dots.append({"x": round(x_of(d) + 7 * k, 1), "y": (types.index(e.type) + 1) * TIMELINE_ROW,
                     "colour": COLOURS[polarity(e.type)], "id": e.id, "type": e.type,
                     "date": e.date, "summary": e.summary, "href": anchors.get(e.id, "")})
    ticks = []
    n_ticks = 1 if lo == hi else TIMELINE_TICKS
    for i in range(n_ticks):
        d = lo + dt.timedelta(days=round(span * i / max(n_ticks - 1, 1))) if n_ticks > 1 else lo
        ticks.append({"x": round(x_of(d), 1), "label": d.isoformat()})
    rows = [{"y": (i + 1) * TIMELINE_ROW, "label": t, "colour": COLOURS[polarity(t)]}
            for i, t in enumerate(types)]
    return {"dots": dots, "rows": rows, "ticks": ticks, "width": TIMELINE_WIDTH,
            "height": (len(types) + 2) * TIMELINE_ROW, "undated": undated}


def _edges(corpus: Corpus) -> dict[tuple[str, str], dict[str, float]]:
    """Dyads with event counts and cooperation/conflict weights; from relations, else from events."""
    edges: dict[tuple[str, str], dict[str, float]] = collections.defaultdict(
        lambda: {"n": 0.0, "cooperation": 0.0, "conflict": 0.0})
    if corpus.relations:
        for r in corpus.relations:
            e = edges[tuple(sorted((r.a, r.b)))]  # type: ignore[index]
            e["n"] += r.n_events
            e["cooperation"] += r.cooperation * max(r.n_events, 1)
            e["conflict"] += r.conflict * max(r.n_events, 1)
    else:
        for ev in corpus.events:
            if ev.source and ev.target and ev.source != ev.target:
                e = edges[tuple(sorted((ev.source, ev.target)))]  # type: ignore[index]
                e["n"] += 1
                side = polarity(ev.type)
                if side in e:  # a neutral event counts towards neither side
                    e[side] += 1
    return dict(edges)


def network(corpus: Corpus) -> dict[str, Any]:
    """Actors on a circle, dyads as edges coloured by their balance of cooperation and conflict."""
    names = {e.id: e for e in corpus.entities}
    edges = _edges(corpus)
    degree: dict[str, float] = collections.defaultdict(float)
    for (a, b), w in edges.items():
        degree[a] += w["n"]
        degree[b] += w["n"]
    ranked = sorted(degree, key=lambda n: (-degree[n], names[n].name if n in names else n))
    shown = ranked[:NETWORK_MAX_NODES]
    cx, cy = NETWORK_WIDTH / 2, NETWORK_HEIGHT / 2
    radius = min(cx, cy) - 80
    pos: dict[str, tuple[float, float]] = {}
    nodes = []
    for i, nid in enumerate(shown):
        angle = 2 * math.pi * i / max(len(shown), 1) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        pos[nid] = (x, y)
        ent = names.get(nid)
        nodes.append({"id": nid, "x": round(x, 1), "y": round(y, 1),
                      "r": round(4 + 2 * math.sqrt(degree[nid]), 1),
                      "label": ent.name if ent else nid, "type": ent.type if ent else "",
                      "lx": round(cx + (radius + 14) * math.cos(angle), 1),
                      "ly": round(cy + (radius + 14) * math.sin(angle) + 4, 1),
                      "anchor": "start" if math.cos(angle) > 0.1 else ("end" if math.cos(angle) < -0.1
                                                                        else "middle")})
    lines = []
    for (a, b), w in sorted(edges.items()):
        if a not in pos or b not in pos:
            continue
        balance = ("cooperation" if w["cooperation"] > w["conflict"]
                   else "conflict" if w["conflict"] > w["cooperation"] else "mixed")
        lines.append({"x1": round(pos[a][0], 1), "y1": round(pos[a][1], 1), "x2": round(pos[b][0], 1),
                      "y2": round(pos[b][1], 1), "width": round(min(1 + w["n"], 8), 1),
                      "colour": COLOURS[balance], "balance": balance, "n": int(w["n"]),
                      "a": names[a].name if a in names else a, "b": names[b].name if b in names else b})
    return {"nodes": nodes, "edges": lines, "width": NETWORK_WIDTH, "height": NETWORK_HEIGHT,
            "hidden": len(ranked) - len(shown)}
