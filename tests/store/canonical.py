"""A corpus with its ids replaced by what they stand for, to compare an incremental fuse with a full one.

Entity ids become the set of mentions the entity holds, story-event ids the set of their events,
disagreement ids vanish; every table becomes a set (row order is the order of the writes).
"""
from __future__ import annotations

from typing import Any

from storyline.model import Corpus, to_dict


def canonical(corpus: Corpus) -> dict[str, Any]:
    # an entity is its first mention (two runs that split a name's mentions differently differ on one row)
    ent = {e.id: min(((m.doc, m.start) for m in e.mentions), default=(e.name,)) for e in corpus.entities}
    se = {s.id: frozenset(s.events) for s in corpus.story_events}

    def e_(x: str | None) -> Any:
        return ent.get(x, x) if x else None

    out: dict[str, Any] = {}
    out["entities"] = {(frozenset((m.doc, m.start, m.end) for m in e.mentions), e.name, e.type, e.country, e.kb_id,
                        e.generic, tuple(sorted(e.aliases)))
                       for e in corpus.entities}
    out["events"] = {(ev.id, e_(ev.source), e_(ev.target), e_(ev.attributed_to), ev.summary,
                      se.get(ev.story_event or "")) for ev in corpus.events}
    out["quotes"] = {(q.id, e_(q.speaker), q.text) for q in corpus.quotes}
    out["stories"] = {(frozenset(s.docs), s.id, s.title, s.date) for s in corpus.stories}
    out["story_events"] = {(se[s.id], s.type, s.date, e_(s.source), e_(s.target), s.summary, tuple(s.docs),
                            s.n_outlets) for s in corpus.story_events}
    out["disagreements"] = {(d.topic, tuple((s.doc, s.stance, s.evidence.start) for s in d.sides))
                            for d in corpus.disagreements}
    out["relations"] = {(frozenset((e_(r.a), e_(r.b))), r.period, r.n_events, r.cooperation, r.conflict)
                        for r in corpus.relations}
    out["outlets"] = {repr(to_dict(o)) for o in corpus.outlets}
    out["near_duplicates"] = {(d.id, tuple((n.doc, n.similarity) for n in d.near_duplicates))
                              for d in corpus.documents}
    out["claims"] = {c.id for c in corpus.claims}
    return out


def differences(a: dict[str, Any], b: dict[str, Any]) -> dict[str, tuple[int, int, int]]:
    """Per table whose rows differ: (rows only in ``a``, rows only in ``b``, rows in both)."""
    return {k: (len(a[k] - b[k]), len(b[k] - a[k]), len(a[k] & b[k])) for k in a if a[k] != b[k]}
