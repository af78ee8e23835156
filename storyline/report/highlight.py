"""An article as renderable pieces: kept blocks with highlighted spans, and removed boilerplate.

Every offset in the model is a raw offset, so an article is rendered from ``Document.raw``
block by block. The output is plain data (text + class names); the template escapes every
piece, so nothing here builds HTML.

Two layers of highlighting:
- *evidence* spans (event sentences, quotes, disagreement sides) are the targets that other
  parts of the report link to. Overlapping ones are merged into one element carrying every
  anchor id, so a link to any of them highlights the whole stretch (CSS ``:has(:target)``);
- *inline* spans (actor mentions, loaded language) are split at every boundary so that they
  nest inside the evidence layer without overlapping tags.
"""
from __future__ import annotations

import collections
import dataclasses
import functools
import itertools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.model import Corpus, Document

LOGGER = logging.getLogger(__name__)

_ANCHOR_BAD = re.compile(r"[^A-Za-z0-9_-]")


def anchor(*parts: Any) -> str:
    """A safe HTML id / URL fragment from parts (ids come from data, so never trust their characters)."""
    # an int's digits and sign are all allowed characters
    return "-".join([str(p) if type(p) is int else _safe(str(p)) for p in parts])


@functools.lru_cache(maxsize=1 << 16)
def _safe(text: str) -> str:
    # a report names the same few hundred ids thousands of times: each is cleaned once
    return _ANCHOR_BAD.sub("_", text)


def sentence_anchor(doc: str, start: int, end: int) -> str:
    """The id of an evidence stretch in an article: what every 'evidence' link points to."""
    return anchor("s", doc, start, end)


@dataclass(slots=True)
class Mark:
    """One highlighted span of an article: a mention, quote, loaded term (inline) or evidence."""
    start: int
    end: int
    layer: str          # "evidence" | "inline"
    cls: str            # CSS class
    title: str = ""
    anchor: str | None = None
    entity: str | None = None


@dataclass(slots=True)
class OuterMark:
    """A stretch of overlapping evidence spans, merged, with every anchor and title they carry."""
    start: int
    end: int
    anchors: list[str] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    #: where each anchor's own span starts: a stretch cut by a paragraph break puts it in its own paragraph
    anchor_at: dict[str, int] = field(default_factory=dict)


def marks_for(doc: Document, corpus: Corpus, entity_names: dict[str, str]) -> list[Mark]:
    """Every span of ``doc`` that the article view highlights."""
    marks: list[Mark] = []
    for ent in corpus.entities:
        cls, title = f"m m-{anchor(ent.type)}", f"{ent.name} ({ent.type})"
        marks += [Mark(m.start, m.end, "inline", cls, title, entity=ent.id)
                  for m in ent.mentions if m.doc == doc.id]
    for t in doc.loaded_language:
        marks.append(Mark(t.start, t.end, "inline", "ll", f"loaded language: {t.kind}"))
    for ev in corpus.events:
        for sp in ev.evidence:
            if sp.doc == doc.id:
                who = " → ".join(entity_names.get(x, "?") for x in (ev.source, ev.target) if x)
                marks.append(Mark(sp.start, sp.end, "evidence", "ev", f"{ev.type} {who}".strip(),
                                   anchor=sentence_anchor(doc.id, sp.start, sp.end)))
    for q in corpus.quotes:
        if q.doc == doc.id:
            marks.append(Mark(q.start, q.end, "evidence", "q",
                               f"quote: {entity_names.get(q.speaker or '', 'unknown speaker')}",
                               anchor=sentence_anchor(doc.id, q.start, q.end)))
    for d in corpus.disagreements:
        for s in d.sides:
            if s.doc == doc.id:
                marks.append(Mark(s.evidence.start, s.evidence.end, "evidence", "dis",
                                   f"disputed: {d.topic} ({s.stance})",
                                   anchor=sentence_anchor(doc.id, s.evidence.start, s.evidence.end)))
    n = len(doc.raw)
    return [m for m in marks if 0 <= m.start < m.end <= n]


def merge_outer(marks: list[Mark]) -> list[OuterMark]:
    """Union overlapping evidence spans into disjoint stretches that keep every anchor."""
    out: list[OuterMark] = []
    for m in sorted((m for m in marks if m.layer == "evidence"), key=lambda m: (m.start, -m.end)):
        if out and m.start < out[-1].end:
            cur = out[-1]
            cur.end = max(cur.end, m.end)
        else:
            cur = OuterMark(m.start, m.end)
            out.append(cur)
        if m.anchor and m.anchor not in cur.anchors:
            cur.anchors.append(m.anchor)
            cur.anchor_at[m.anchor] = m.start
        cur.classes.add(m.cls)
        if m.title and m.title not in cur.titles:  # a bare sentence anchor has no title
            cur.titles.append(m.title)
    return out


def block_regions(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the kept blocks; falls back to locating ``text`` when blocks are absent."""
    if doc.blocks:
        return sorted((b.start, b.end, b.kind) for b in doc.blocks if b.start < b.end)
    if doc.text:
        at = doc.raw.find(doc.text)
        if at >= 0:
            out, pos = [], at
            for para in doc.text.split("\n\n"):
                if para.strip():
                    out.append((pos, pos + len(para), "paragraph"))
                pos += len(para) + 2
            return out
    # nothing to go on: everything not removed is body
    removed = sorted((r.start, r.end) for r in doc.removed)
    out, pos = [], 0
    for s, e in [*removed, (len(doc.raw), len(doc.raw))]:
        if s > pos and doc.raw[pos:s].strip():
            out.append((pos, s, "paragraph"))
        pos = max(pos, e)
    return out


def run_cuts(start: int, end: int, inline: list[Mark],
             outers: list[OuterMark]) -> tuple[list[Mark], list[OuterMark], list[int]]:
    """The marks and stretches overlapping ``[start, end)``, and the sorted offsets where runs begin or end."""
    # only marks overlapping this block can cover a piece of it (an article has many blocks)
    inline = [m for m in inline if m.start < end and m.end > start]
    outers = [o for o in outers if o.start < end and o.end > start]
    cuts = {start, end}
    for m in inline:
        cuts.update(x for x in (m.start, m.end) if start < x < end)
    for o in outers:
        cuts.update(x for x in (o.start, o.end) if start < x < end)
    return inline, outers, sorted(cuts)


def article_segments(raw: str, start: int, end: int, inline: list[Mark],
                     outers: list[OuterMark]) -> list[dict[str, Any]]:
    """Pieces of ``raw[start:end]``: runs outside evidence, and evidence stretches with their runs.

    ``outers`` are disjoint and sorted (as ``merge_outer`` gives them).
    """
    inline, outers, bounds = run_cuts(start, end, inline, outers)
    pieces: list[dict[str, Any]] = []
    last_outer: OuterMark | None = None
    k = 0  # outers before k end at or before the current run: runs come in order
    for a, b in itertools.pairwise(bounds):
        # no cut falls inside (a, b), so a span covers the run exactly when it covers a
        active = [m for m in inline if m.start <= a < m.end]
        if not active:
            run = {"text": raw[a:b], "classes": "", "title": "", "entity": None}
        elif len(active) == 1:
            m = active[0]
            run = {"text": raw[a:b], "classes": m.cls, "title": m.title, "entity": m.entity or None}
        else:
            run = {"text": raw[a:b], "classes": " ".join(sorted({m.cls for m in active})),
                   "title": "; ".join(dict.fromkeys(m.title for m in active)),
                   "entity": next((m.entity for m in active if m.entity), None)}
        while k < len(outers) and outers[k].end <= a:
            k += 1
        outer = outers[k] if k < len(outers) and outers[k].start <= a else None
        if outer is None:
            pieces.append({"runs": [run]})
        elif outer is last_outer:
            pieces[-1]["runs"].append(run)
        else:
            # an anchor goes to the block holding its span's start; one starting outside this block is
            # listed too, and ``article_view`` keeps it only where no better block is
            here = [x for x in outer.anchors if start <= outer.anchor_at.get(x, start) < end]
            pieces.append({"anchors": here + [x for x in outer.anchors if x not in here],
                           "anchors_here": here, "classes": " ".join(sorted(outer.classes)),
                           "title": "; ".join(outer.titles), "runs": [run]})
        last_outer = outer
    return pieces


def index_by_doc(corpus: Corpus) -> dict[str, Corpus]:
    """Per document, a small Corpus holding only what points into it (so a big report stays linear)."""
    out: dict[str, Corpus] = collections.defaultdict(Corpus)
    for ent in corpus.entities:
        by_doc: dict[str, list] = collections.defaultdict(list)
        for m in ent.mentions:
            by_doc[m.doc].append(m)
        for doc_id, ms in by_doc.items():
            out[doc_id].entities.append(dataclasses.replace(ent, mentions=ms))
    for ev in corpus.events:
        for doc_id in {sp.doc for sp in ev.evidence}:
            out[doc_id].events.append(ev)
    for q in corpus.quotes:
        out[q.doc].quotes.append(q)
    for d in corpus.disagreements:
        for doc_id in {s.doc for s in d.sides}:
            out[doc_id].disagreements.append(d)
    return out


def article_view(doc: Document, corpus: Corpus, entity_names: dict[str, str],
                 extra: Sequence[Mark] = ()) -> list[dict[str, Any]]:
    """The article in raw order: ``{"kind": "block"|"removed", ...}`` chunks ready for the template.

    Block chunks carry ``pieces`` (see ``article_segments``); removed chunks carry ``text`` and
    ``reason``. ``extra`` marks join those of ``marks_for`` (the article page's sentence anchors).
    """
    n = len(doc.raw)
    marks = marks_for(doc, corpus, entity_names) + [m for m in extra if 0 <= m.start < m.end <= n]
    inline = [m for m in marks if m.layer == "inline"]
    outers = merge_outer(marks)
    chunks: list[tuple[int, dict[str, Any]]] = []
    for start, end, kind in block_regions(doc):
        chunks.append((start, {"kind": "block", "block": kind,
                               "pieces": article_segments(doc.raw, start, end, inline, outers)}))
    for r in doc.removed:
        chunks.append((r.start, {"kind": "removed", "text": r.text, "reason": r.reason}))
    chunks.sort(key=lambda c: c[0])
    # an evidence span that crosses a block boundary appears twice: ids must stay unique
    placed = {a for _, c in chunks for p in c.get("pieces", []) for a in p.get("anchors_here", ())}
    seen: set[str] = set()
    for _, c in chunks:
        for p in c.get("pieces", []):
            if "anchors" in p:
                here = set(p.pop("anchors_here", ()))
                p["anchors"] = [a for a in p["anchors"] if a not in seen and (a in here or a not in placed)]
                seen.update(p["anchors"])
    return [c for _, c in chunks]
