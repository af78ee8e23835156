"""The reader's pages: stories, articles, actors and outlets, linked to one another.

Each ``*_context`` function turns what ``storyline.store.pages`` read for one page into plain
data; the web app renders it (or answers it as the page's JSON twin) and ``write_site`` renders
the same templates to files. ``Links`` makes every href, so one context serves both: absolute
URLs in the app, relative file paths in the offline site.

Article text, titles, names and outlet names are untrusted: the templates autoescape everything,
hrefs are built here from quoted ids, and the pages carry no script at all (CSP ``script-src 'none'``).
"""
from __future__ import annotations

import collections
import csv
import dataclasses
import functools
import hashlib
import io
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup, escape

from storyline.model import Corpus, Document, Event, Relation
from storyline.report.charts import COLOURS, parse_date, polarity
from storyline.report.highlight import Mark, anchor, article_view
from storyline.report.render import DictEnvironment, article_body, safe_url, template_cache
from storyline.store import Store
from storyline.store.pages import (
    ActorData,
    ArticleData,
    OutletData,
    StoryData,
    actor_data,
    actor_list,
    article_data,
    outlet_data,
    outlet_list,
    story_data,
    story_list,
)

LOGGER = logging.getLogger(__name__)

#: how a dated event got its date (``Event.date_source``), as a reader is told
DATE_SOURCES = {
    "sentence": "date in the sentence",
    "context": "date from the paragraph or lead",
    "dateline": "date from the dateline",
    "publication": "the day's news: publication date",
}
UNDATED = "placed at publication date"
#: a page of a list in the app; the offline site shows every row
PAGE_SIZE = 50
#: the dyad chart's size (per actor pair)
DYAD_WIDTH = 360
DYAD_HEIGHT = 90
DYAD_BAR = 14


def sentence_id(start: int) -> str:
    """The id of the sentence (or evidence stretch) that begins at raw offset ``start`` on an article page."""
    return f"s-{int(start)}"


def file_name(key: str) -> str:
    """A file name for an id: itself when it is safe, else a safe form with a short hash (no collisions)."""
    safe = anchor(key)
    if safe == key and 0 < len(key) <= 100 and not key.startswith("-"):
        return key
    return f"{safe[:60]}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}"


@functools.lru_cache(maxsize=2**14)
def _quoted(key: str) -> str:
    # a page links the same few outlets and actors many times over (the front page: thousands of quotes of 60 names)
    return quote(key, safe="")


@dataclasses.dataclass(frozen=True)
class Links:
    """Every href of the pages: the app's URLs (``mode="app"``) or the offline site's relative paths.

    ``depth`` is how many folders the current file is below the site's root (offline only).
    """
    mode: str = "app"
    depth: int = 0

    def _to(self, folder: str, key: str, suffix: str = "") -> str:
        if self.mode == "app":
            return f"/{folder}/{_quoted(key)}{suffix}"
        return f"{'../' * self.depth}{folder}/{file_name(key)}{suffix or '.html'}"

    def home(self) -> str:
        return "/" if self.mode == "app" else f"{'../' * self.depth}index.html"

    def story(self, story_id: str) -> str:
        return self._to("stories", story_id)

    def article(self, doc_id: str, at: int | None = None) -> str:
        href = self._to("articles", doc_id)
        return href if at is None else f"{href}#{sentence_id(at)}"

    def raw(self, doc_id: str) -> str:
        return self._to("articles", doc_id, "/raw") if self.mode == "app" else \
            f"{'../' * self.depth}articles/{file_name(doc_id)}.txt"

    def actor(self, entity_id: str) -> str:
        return self._to("actors", entity_id)

    def outlet(self, name: str) -> str:
        return self._to("outlets", name)

    def actors(self) -> str:
        return "/actors" if self.mode == "app" else f"{'../' * self.depth}actors/index.html"

    def outlets(self) -> str:
        return "/outlets" if self.mode == "app" else f"{'../' * self.depth}outlets/index.html"


@dataclasses.dataclass(frozen=True)
class Paging:
    """One list's window: ``limit`` rows from ``offset`` (None: every row, the offline site)."""
    limit: int | None
    offset: int = 0

    @property
    def sql_limit(self) -> int:
        # DuckDB takes LIMIT NULL as no limit, but a Python int is simpler to bind everywhere
        return self.limit if self.limit is not None else 2 ** 62


def pager(total: int, paging: Paging, url: Callable[[int], str] | None) -> dict[str, Any]:
    """Where a list stands and the hrefs of its previous and next pages (the state is in the URL)."""
    shown = total if paging.limit is None else max(0, min(paging.limit, total - paging.offset))
    out: dict[str, Any] = {"total": total, "offset": paging.offset, "limit": paging.limit,
                           "first": paging.offset + 1 if shown else 0, "last": paging.offset + shown,
                           "prev": None, "next": None}
    if url is not None and paging.limit is not None:
        if paging.offset > 0:
            out["prev"] = url(max(0, paging.offset - paging.limit))
        if paging.offset + paging.limit < total:
            out["next"] = url(paging.offset + paging.limit)
    return out


def _url_with(path: str, params: Mapping[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "", 0)}
    return path + ("?" + urlencode(merged) if merged else "")


def _outlet_label(doc: Document | None) -> str:
    if doc is None:
        return "article not in the store"
    if doc.outlet:
        return doc.outlet
    return f"outlet not detected ({doc.title or doc.source})"


def _doc_row(doc: Document | None, doc_id: str, links: Links) -> dict[str, Any]:
    return {"id": doc_id, "href": links.article(doc_id), "title": (doc.title if doc else None) or "(untitled)",
            "outlet": doc.outlet if doc else None, "outlet_label": _outlet_label(doc),
            "outlet_href": links.outlet(doc.outlet) if doc and doc.outlet else None,
            "published": doc.published if doc else None, "genre": doc.genre if doc else None}


def _actor(eid: str | None, names: Mapping[str, str], links: Links) -> dict[str, Any] | None:
    if not eid:
        return None
    return {"id": eid, "name": names.get(eid, eid), "href": links.actor(eid) if eid in names else None}


def _evidence_at(ev: Event) -> int | None:
    return ev.evidence[0].start if ev.evidence else None


def _event_row(ev: Event, docs: Mapping[str, Document], names: Mapping[str, str], links: Links) -> dict[str, Any]:
    """An event placed in time: by its own date, else at its article's publication date (marked)."""
    doc_id = ev.evidence[0].doc if ev.evidence else ev.doc
    doc = docs.get(doc_id)
    own = parse_date(ev.date)
    published = parse_date(doc.published if doc else None)
    undated = own is None
    placed = published if undated else own
    if undated:
        shown, how = (doc.published if doc and published else None), UNDATED
    else:
        shown, how = ev.date, DATE_SOURCES.get(ev.date_source or "", "date from the text")
    at = _evidence_at(ev)
    return {"id": ev.id, "placed": placed.isoformat() if placed else None, "date": shown or "no date",
            "date_source": ev.date_source, "placed_by": how if placed else "no date and no publication date",
            "undated": undated, "type": ev.type, "colour": COLOURS[polarity(ev.type)],
            "polarity": polarity(ev.type), "modality": ev.modality,
            "source": _actor(ev.source, names, links), "target": _actor(ev.target, names, links),
            "speaker": _actor(ev.attributed_to, names, links), "summary": ev.summary,
            "quantities": [q.text for q in ev.quantities], "story_event": ev.story_event,
            "evidence": ev.evidence[0].text if ev.evidence else "",
            "href": links.article(doc_id, at), "doc": _doc_row(doc, doc_id, links)}


def _placed_order(row: dict[str, Any]) -> tuple[str, str]:
    return (row["placed"] or "9999-99-99", row["id"])


# -- story -------------------------------------------------------------------------------
def story_context(data: StoryData, links: Links) -> dict[str, Any]:
    """Everything a story page shows, as plain data."""
    story, docs, names = data.story, data.documents, data.names
    in_story = list(dict.fromkeys(story.docs))
    timeline = sorted((_event_row(ev, docs, names, links) for ev in data.events), key=_placed_order)

    # coverage: one column per outlet (an article without one is its own column), one row per story event
    column_of: dict[str, str] = {d: docs[d].outlet or f"doc:{d}" if d in docs else f"doc:{d}" for d in in_story}
    columns: dict[str, dict[str, Any]] = {}
    for d in in_story:
        key = column_of[d]
        col = columns.setdefault(key, {"key": key, "label": _outlet_label(docs.get(d)),
                                       "href": links.outlet(key) if not key.startswith("doc:") else links.article(d),
                                       "docs": []})
        col["docs"].append(d)
    ordered = sorted(columns.values(), key=lambda c: (c["key"].startswith("doc:"), c["label"].lower()))
    events = {e.id: e for e in data.events}
    shown_at = {r["id"]: r for r in timeline}
    rows: list[dict[str, Any]] = []
    clustered: set[str] = set()
    for se in sorted(data.story_events, key=lambda s: (s.date or "9999", s.id)):
        members = [events[e] for e in se.events if e in events]
        docs_in = [d for d in se.docs if d in column_of]
        if not members and not docs_in:
            continue
        clustered.update(e.id for e in members)
        rows.append(_matrix_row(se.id, se.type, se.date or _placed_date(members, shown_at), se.summary, se.source,
                                se.target, members, docs_in, column_of, names, links))
    for ev in data.events:  # an event no other article reports is still a row: others were silent on it
        if ev.id not in clustered and ev.doc in column_of:
            rows.append(_matrix_row(ev.id, ev.type, ev.date or _placed_date([ev], shown_at), ev.summary, ev.source,
                                    ev.target, [ev], [], column_of, names, links))
    for r in rows:
        by_column = r.pop("by_column")
        r["cells"] = [by_column.get(c["key"], {"state": "silent", "href": None, "title": ""}) for c in ordered]
    left_out = []
    for i, c in enumerate(ordered):
        missing = [{"label": r["label"], "summary": r["summary"]} for r in rows
                   if r["cells"][i]["state"] == "silent" and any(x["state"] != "silent" for x in r["cells"])]
        left_out.append({"outlet": c["label"], "href": c["href"], "n_rows": len(rows), "missing": missing})

    disagreements = []
    for dis in data.disagreements:
        disagreements.append({"id": dis.id, "anchor": anchor("dis", dis.id), "topic": dis.topic, "sides": [
            {"stance": s.stance, "text": s.evidence.text, "in_story": s.doc in column_of,
             "href": links.article(s.doc, s.evidence.start), "doc": _doc_row(docs.get(s.doc), s.doc, links)}
            for s in dis.sides]})

    by_speaker: dict[str | None, list[dict[str, Any]]] = collections.defaultdict(list)
    for q in data.quotes:
        by_speaker[q.speaker].append({"text": q.text, "direct": q.direct, "doubtful": q.doubtful,
                                      "href": links.article(q.doc, q.start), "doc": _doc_row(docs.get(q.doc), q.doc,
                                                                                              links)})
    speakers: list[dict[str, Any]] = [
        {"speaker": _actor(k, names, links), "name": names.get(k, k) if k else "unnamed source", "quotes": v}
        for k, v in by_speaker.items()]
    speakers.sort(key=lambda s: (s["speaker"] is None, -len(s["quotes"]), s["name"].lower()))

    return {"page": "story", "id": story.id, "title": story.title or "(untitled story)", "date": story.date,
            "articles": [_doc_row(docs.get(d), d, links) for d in in_story],
            "timeline": timeline, "n_undated": sum(1 for r in timeline if r["undated"]),
            "columns": [{k: v for k, v in c.items() if k != "docs"} for c in ordered], "matrix": rows,
            "left_out": left_out, "disagreements": disagreements, "speakers": speakers,
            "duplicates": _duplicates(in_story, docs, links)}


def _placed_date(members: list[Event], shown_at: Mapping[str, dict[str, Any]]) -> str | None:
    """An undated matrix row's date as the timeline places it: its earliest article's publication date, marked."""
    placed = sorted((shown_at[e.id] for e in members if e.id in shown_at and shown_at[e.id]["placed"]),
                    key=_placed_order)
    if not placed:
        return None
    return placed[0]["date"] + (f" ({UNDATED})" if placed[0]["undated"] else "")


def _matrix_row(row_id: str, type_: str, date: str | None, summary: str, source: str | None, target: str | None,
                members: list[Event], docs_in: list[str], column_of: Mapping[str, str], names: Mapping[str, str],
                links: Links) -> dict[str, Any]:
    by_column: dict[str, dict[str, Any]] = {}
    for ev in members:
        if ev.doc not in column_of:
            continue
        state = "contradicts" if ev.modality == "denied" else "reports"
        cell = by_column.get(column_of[ev.doc])
        if cell is None or (cell["state"] == "reports" and state == "contradicts"):
            by_column[column_of[ev.doc]] = {"state": state, "href": links.article(ev.doc, _evidence_at(ev)),
                                            "title": ev.evidence[0].text if ev.evidence else ev.summary}
    for d in docs_in:  # the clustering put the article here without one of its events
        by_column.setdefault(column_of[d], {"state": "reports", "href": links.article(d), "title": summary})
    who = " → ".join(names.get(x, x) for x in (source, target) if x)
    return {"id": row_id, "label": f"{date or 'undated'} · {type_}" + (f" · {who}" if who else ""),
            "summary": summary, "type": type_, "colour": COLOURS[polarity(type_)], "by_column": by_column}


def _duplicates(in_story: list[str], docs: Mapping[str, Document], links: Links) -> list[dict[str, Any]]:
    """Near-duplicate pairs among the story's articles; the later one copies the earlier when dates say so."""
    seen: set[tuple[str, str]] = set()
    out = []
    for d in in_story:
        doc = docs.get(d)
        for n in doc.near_duplicates if doc else []:
            pair = (min(d, n.doc), max(d, n.doc))
            if pair in seen or n.doc == d:
                continue
            seen.add(pair)
            a, b = d, n.doc
            da, db = (parse_date(docs[x].published) if x in docs else None for x in (a, b))
            ordered = da is not None and db is not None and da != db
            if ordered and da is not None and db is not None and da > db:
                a, b = b, a
            out.append({"earlier": _doc_row(docs.get(a), a, links), "later": _doc_row(docs.get(b), b, links),
                        "similarity": round(n.similarity, 2), "ordered": ordered})
    return out


# -- article ------------------------------------------------------------------------------
def _sentence_marks(data: ArticleData) -> list[Mark]:
    """Anchors ``s-<start>`` on every sentence and evidence stretch of the article."""
    doc_id = data.document.id
    marks = [Mark(s.start, s.end, "evidence", "sent", anchor=sentence_id(s.start)) for s in data.sentences]
    spans = [(sp.start, sp.end) for ev in data.events for sp in ev.evidence if sp.doc == doc_id]
    spans += [(q.start, q.end) for q in data.quotes]
    spans += [(s.evidence.start, s.evidence.end) for d in data.disagreements for s in d.sides if s.doc == doc_id]
    marks += [Mark(a, b, "evidence", "sent", anchor=sentence_id(a)) for a, b in spans]
    return marks


def article_context(data: ArticleData, links: Links) -> dict[str, Any]:
    """Everything an article page shows: its text with every mark and anchor, and the records in it."""
    doc, names = data.document, data.names
    sub = Corpus(entities=data.entities, events=data.events, quotes=data.quotes, disagreements=data.disagreements)
    chunks = article_view(doc, sub, names, extra=_sentence_marks(data))
    docs = {doc.id: doc, **data.duplicates}
    return {
        "page": "article", "id": doc.id, "title": doc.title or "(untitled)", "outlet": doc.outlet,
        "outlet_label": _outlet_label(doc), "outlet_href": links.outlet(doc.outlet) if doc.outlet else None,
        "author": doc.author, "published": doc.published, "precision": doc.published_precision,
        "language": doc.language, "genre": doc.genre, "source": doc.source, "url": doc.url,
        "url_href": safe_url(doc.url), "raw_href": links.raw(doc.id), "n_removed": len(doc.removed),
        "removed": [{"text": r.text, "reason": r.reason, "start": r.start} for r in doc.removed],
        "chunks": chunks,
        "stories": [{"id": s.id, "title": s.title or "(untitled story)", "href": links.story(s.id)}
                    for s in data.stories],
        "events": sorted((_event_row(ev, docs, names, links) for ev in data.events), key=_placed_order),
        "quotes": [{"text": q.text, "speaker": _actor(q.speaker, names, links), "href": links.article(doc.id, q.start),
                    "direct": q.direct, "doubtful": q.doubtful} for q in data.quotes],
        "actors": sorted(({"id": e.id, "name": e.name, "type": e.type, "href": links.actor(e.id),
                           "n": len(e.mentions)} for e in data.entities), key=lambda a: (-a["n"], a["name"])),
        "loaded": [{"text": t.text, "kind": t.kind} for t in doc.loaded_language],
        "near_duplicates": [{"doc": _doc_row(data.duplicates.get(n.doc), n.doc, links),
                             "similarity": round(n.similarity, 2)} for n in doc.near_duplicates],
        "n_sentences": len(data.sentences),
    }


# -- actor -------------------------------------------------------------------------------
def dyad_chart(relations: list[Relation]) -> dict[str, Any]:
    """Bars per month: cooperative events up (green), conflictual down (red), for one actor pair."""
    periods = sorted({r.period for r in relations})
    by = {r.period: r for r in relations}
    counts = [(p, round(by[p].cooperation * by[p].n_events), round(by[p].conflict * by[p].n_events))
              for p in periods]
    top = max((max(c, k) for _, c, k in counts), default=0) or 1
    mid = DYAD_HEIGHT / 2
    step = min(DYAD_BAR * 2, (DYAD_WIDTH - 20) / max(len(counts), 1))
    bars = []
    for i, (p, coop, conf) in enumerate(counts):
        x = round(10 + i * step, 1)
        hc, hk = round((mid - 12) * coop / top, 1), round((mid - 12) * conf / top, 1)
        bars.append({"period": p, "x": x, "w": round(step * 0.7, 1), "coop": coop, "conf": conf,
                     "y_coop": round(mid - hc, 1), "h_coop": hc, "y_conf": mid, "h_conf": hk,
                     "n": by[p].n_events, "label_x": round(x + step * 0.35, 1)})
    return {"width": DYAD_WIDTH, "height": DYAD_HEIGHT, "mid": mid, "bars": bars, "colours": COLOURS,
            "first": periods[0] if periods else None, "last": periods[-1] if periods else None}


def actor_context(data: ActorData, links: Links, *, role: str, paging: Paging, quotes_paging: Paging,
                  url: Callable[..., str] | None, about_paging: Paging | None = None) -> dict[str, Any]:
    """Everything an actor page shows; ``url(**changes)`` makes the app's pagination links."""
    ent, names, docs = data.entity, data.names, data.documents
    alias_rows = [{"alias": alias, "n": n, "docs": [_doc_row(docs.get(d), d, links) for d in ds]}
                  for alias, n, ds in data.aliases]
    seen = {alias for alias, _, _ in data.aliases}
    alias_rows += [{"alias": name, "n": 0, "docs": []} for name in ent.aliases if name not in seen]
    events = []
    for ev in data.events:
        row = _event_row(ev, docs, names, links)
        row["role"] = "source" if ev.source == ent.id else "target" if ev.target == ent.id else "speaker"
        events.append(row)
    pairs: dict[str, list[Relation]] = collections.defaultdict(list)
    for r in data.relations:
        pairs[r.b if r.a == ent.id else r.a].append(r)
    dyads: list[dict[str, Any]] = [{"other": _actor(other, names, links), "n": sum(r.n_events for r in rs),
              "cooperation": sum(round(r.cooperation * r.n_events) for r in rs),
              "conflict": sum(round(r.conflict * r.n_events) for r in rs), "chart": dyad_chart(rs)}
             for other, rs in pairs.items()]
    dyads.sort(key=lambda d: (-d["n"], d["other"]["name"]))
    return {
        "page": "actor", "id": ent.id, "name": ent.name, "type": ent.type, "country": ent.country,
        "role": ent.role, "sector": ent.sector, "kb_id": ent.kb_id, "generic": ent.generic,
        "n_mentions": data.n_mentions, "n_docs": data.n_docs,
        "aliases": alias_rows, "event_role": role, "events": events,
        "events_pager": pager(data.events_total, paging, (lambda o: url(offset=o)) if url else None),
        "quotes": [{"text": q.text, "href": links.article(q.doc, q.start), "direct": q.direct, "doubtful": q.doubtful,
                    "doc": _doc_row(docs.get(q.doc), q.doc, links)} for q in data.quotes],
        "quotes_pager": pager(data.quotes_total, quotes_paging, (lambda o: url(quotes_offset=o)) if url else None),
        "quotes_about": [{"text": q.text, "speaker": _actor(q.speaker, names, links),
                          "speaker_name": names.get(q.speaker, q.speaker) if q.speaker else "unnamed source",
                          "href": links.article(q.doc, q.start), "direct": q.direct, "doubtful": q.doubtful,
                          "doc": _doc_row(docs.get(q.doc), q.doc, links)} for q in data.about],
        "quotes_about_pager": pager(data.about_total, about_paging or quotes_paging,
                                    (lambda o: url(about_offset=o)) if url else None),
        "dyads": dyads,
    }


# -- outlet ------------------------------------------------------------------------------
def outlet_context(data: OutletData, links: Links, *, paging: Paging, missed_paging: Paging,
                   url: Callable[..., str] | None, solo_paging: Paging | None = None) -> dict[str, Any]:
    """Everything an outlet page shows; ``url(**changes)`` makes the app's pagination links."""
    p = data.profile
    total = sum(p.genre_mix.values()) or 1
    story = [{**s, "href": links.story(s["id"])} for s in data.covered]
    missed = [{**s, "href": links.story(s["id"])} for s in data.missed]
    return {
        "page": "outlet", "name": p.name, "n_docs": len(p.docs) if data.n_docs is None else data.n_docs,
        "genre_mix": [{"genre": g, "n": n, "pct": round(100 * n / total)}
                      for g, n in sorted(p.genre_mix.items(), key=lambda x: (-x[1], x[0]))],
        "loaded_rate": round(p.loaded_language_per_1k_words, 2), "loaded_terms": p.loaded_terms,
        "loaded_examples": [{"doc": _doc_row(d, d.id, links), "terms": [
            {"text": t.get("text", ""), "kind": t.get("kind", "")} for t in terms]} for d, terms in data.loaded],
        "named_sources": p.named_sources, "anonymous_sources": p.anonymous_sources,
        "quotes_named": data.quotes_named, "quotes_anonymous": data.quotes_anonymous,
        "uncorroborated_share": p.uncorroborated_share,
        "covered": story, "covered_pager": pager(data.covered_total, paging,
                                                 (lambda o: url(offset=o)) if url else None),
        "missed": missed, "missed_pager": pager(data.missed_total, missed_paging,
                                                (lambda o: url(missed_offset=o)) if url else None),
        "solo": [_event_row(ev, data.documents, data.names, links) for ev in data.solo],
        "solo_pager": pager(data.solo_total, solo_paging or paging, (lambda o: url(solo_offset=o)) if url else None),
    }


# -- lists -------------------------------------------------------------------------------
def index_context(store: Store, links: Links, filters: Mapping[str, str], paging: Paging,
                  url: Callable[..., str] | None) -> dict[str, Any]:
    """The front page: stories, most covered first, filtered by title and date, one page at a time."""
    total, rows = story_list(store, filters, limit=paging.sql_limit, offset=paging.offset)
    return {"page": "index", "filters": {k: filters.get(k, "") for k in ("q", "date_from", "date_to")},
            "stories": [{**r, "href": links.story(r["id"]),
                         "outlets": [{"name": o, "href": links.outlet(o)} for o in r["outlets"]]} for r in rows],
            "pager": pager(total, paging, (lambda o: url(offset=o)) if url else None)}


def actors_context(store: Store, links: Links, q: str, paging: Paging,
                   url: Callable[..., str] | None) -> dict[str, Any]:
    total, rows = actor_list(store, q, limit=paging.sql_limit, offset=paging.offset)
    return {"page": "actors", "filters": {"q": q}, "actors": [{**r, "href": links.actor(r["id"])} for r in rows],
            "pager": pager(total, paging, (lambda o: url(offset=o)) if url else None)}


def outlets_context(store: Store, links: Links, paging: Paging, url: Callable[..., str] | None) -> dict[str, Any]:
    total, rows = outlet_list(store, limit=paging.sql_limit, offset=paging.offset)
    return {"page": "outlets", "outlets": [{**r, "href": links.outlet(r["name"])} for r in rows],
            "pager": pager(total, paging, (lambda o: url(offset=o)) if url else None)}


# -- CSV: every table of every page ---------------------------------------------------------
#: a cell a spreadsheet would run as a formula begins with one of these (OWASP's CSV injection list)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: keys of a row that are presentation, not data
_NOT_DATA = {"href", "colour", "anchor", "outlet_href", "url_href", "chart", "cells", "by_column"}


def csv_cell(value: Any) -> str:
    """One cell's text; a text that a spreadsheet would evaluate is prefixed with ``'`` (numbers stay numbers)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _flat(value: Any) -> Any:
    """A nested value as one cell: an actor or outlet by its name, an article by its id, a list joined."""
    if isinstance(value, dict):
        for key in ("name", "id", "text", "label"):
            if key in value:
                return value[key]
        return "; ".join(f"{k}={_flat(v)}" for k, v in value.items() if k not in _NOT_DATA)
    if isinstance(value, list):
        return "; ".join(str(_flat(v)) for v in value)
    return value


def _flat_row(row: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key in _NOT_DATA:
            continue
        if key == "doc" and isinstance(value, dict):  # the article a row lies in: its id, title and outlet
            out.update({"article": value.get("id"), "article_title": value.get("title"),
                        "outlet": value.get("outlet_label"), "published": value.get("published")})
        else:
            out[key] = _flat(value)
    return out


def _nested(rows: list[dict[str, Any]], inner: str, **outer: str) -> list[dict[str, Any]]:
    """One flat row per item of each row's ``inner`` list, with the outer row's fields ``outer`` (new: old)."""
    return [{**{new: _flat(r.get(old)) for new, old in outer.items()}, **_flat_row(item)}
            for r in rows for item in r.get(inner, [])]


def _coverage_rows(context: Mapping[str, Any]) -> list[dict[str, Any]]:
    labels = [c["label"] for c in context["columns"]]
    return [{"event": r["label"], "type": r["type"], "summary": r["summary"],
             **{label: cell["state"] for label, cell in zip(labels, r["cells"])}} for r in context["matrix"]]


def _dyad_rows(context: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [{"other": d["other"]["name"], "other_id": d["other"]["id"], "period": b["period"], "events": b["n"],
             "cooperation": b["coop"], "conflict": b["conf"]} for d in context["dyads"] for b in d["chart"]["bars"]]


#: each page's tables: name -> the rows from the page's context (the same rows the HTML shows)
_TABLES: dict[str, dict[str, Callable[[Mapping[str, Any]], list[dict[str, Any]]]]] = {
    "index": {"stories": lambda c: [_flat_row(r) for r in c["stories"]]},
    "actors": {"actors": lambda c: [_flat_row(r) for r in c["actors"]]},
    "outlets": {"outlets": lambda c: [_flat_row(r) for r in c["outlets"]]},
    "story": {
        "articles": lambda c: [_flat_row(r) for r in c["articles"]],
        "timeline": lambda c: [_flat_row(r) for r in c["timeline"]],
        "coverage": _coverage_rows,
        "disagreements": lambda c: _nested(c["disagreements"], "sides", disagreement="id", topic="topic"),
        "quotes": lambda c: _nested(c["speakers"], "quotes", speaker="name"),
        "copies": lambda c: [{"earlier": r["earlier"]["id"], "earlier_outlet": r["earlier"]["outlet_label"],
                              "later": r["later"]["id"], "later_outlet": r["later"]["outlet_label"],
                              "similarity": r["similarity"], "ordered": r["ordered"]} for r in c["duplicates"]],
        "left_out": lambda c: _nested(c["left_out"], "missing", outlet="outlet"),
    },
    "article": {
        "events": lambda c: [_flat_row(r) for r in c["events"]],
        "quotes": lambda c: [_flat_row(r) for r in c["quotes"]],
        "actors": lambda c: [_flat_row(r) for r in c["actors"]],
        "removed": lambda c: [_flat_row(r) for r in c["removed"]],
        "loaded": lambda c: [_flat_row(r) for r in c["loaded"]],
    },
    "actor": {
        "aliases": lambda c: [{"alias": r["alias"], "mentions": r["n"],
                               "articles": "; ".join(d["id"] for d in r["docs"])} for r in c["aliases"]],
        "events": lambda c: [_flat_row(r) for r in c["events"]],
        "dyads": _dyad_rows,
        "quotes": lambda c: [_flat_row(r) for r in c["quotes"]],
        "quotes_about": lambda c: [_flat_row(r) for r in c.get("quotes_about", [])],
    },
    "outlet": {
        "genres": lambda c: [_flat_row(r) for r in c["genre_mix"]],
        "loaded": lambda c: _nested(c["loaded_examples"], "terms", article="doc"),
        "uncorroborated": lambda c: [_flat_row(r) for r in c["solo"]],
        "covered": lambda c: [_flat_row(r) for r in c["covered"]],
        "missed": lambda c: [_flat_row(r) for r in c["missed"]],
    },
}


def table_names(page: str) -> list[str]:
    """The tables a page offers as CSV (``<page>.csv?table=<name>``)."""
    return list(_TABLES.get(page, {}))


def table_csv(context: Mapping[str, Any], table: str) -> str | None:
    """One table of a page as CSV (a header of every column any row has), or None when the page has no such table.

    Cells are quoted as CSV needs; a text cell that a spreadsheet would run as a formula is defused (``csv_cell``).
    """
    make = _TABLES.get(context["page"], {}).get(table)
    if make is None:
        return None
    rows = make(context)
    columns = list(dict.fromkeys(k for r in rows for k in r))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in columns])
    for r in rows:
        writer.writerow([csv_cell(r.get(c)) for c in columns])
    return out.getvalue()


# -- rendering ---------------------------------------------------------------------------
# The links a page repeats per row, built in Python rather than in template macros: a macro call costs more than
# the row around it (a page of 50 events links 100 actors). Every value goes through ``markupsafe.escape``, exactly
# what the templates' autoescape applies, so the HTML is the same as the macros gave (tests/serve compare them).
def actor_link(actor: Mapping[str, Any] | None) -> Markup:
    """An actor's name, linked to its page when it has one; a dash for no actor."""
    if not actor:
        return Markup("—")
    if actor["href"]:
        return Markup(f'<a href="{escape(actor["href"])}">{escape(actor["name"])}</a>')  # noqa: S704 -- escaped
    return escape(actor["name"])


def doc_link(doc: Mapping[str, Any]) -> Markup:
    """An article's title linked to its page, then its outlet (linked when known) and publication date."""
    outlet = escape(doc["outlet_label"])
    if doc["outlet_href"]:
        outlet = Markup(f'<a href="{escape(doc["outlet_href"])}">{outlet}</a>')  # noqa: S704 -- escaped
    published = f" · {escape(doc['published'])}" if doc["published"] else ""
    return Markup(f'<a href="{escape(doc["href"])}">{escape(doc["title"])}</a> '  # noqa: S704 -- escaped
                  f'<span class="muted small">{outlet}{published}</span>')


def event_item(event: Mapping[str, Any]) -> Markup:
    """An event as a list item of an outlet page (an ``_event_row``): date, type, who → whom, what, evidence."""
    e = event
    placed = f' <span class="pill placed">{escape(e["placed_by"])}</span>' if e["undated"] else ""
    evidence = (f' <a class="evidence small" href="{escape(e["href"])}">“{escape(e["evidence"])}”</a>'
                if e["evidence"] else "")
    return Markup(f'<li><time>{escape(e["date"])}</time>{placed} <span class="pill">{escape(e["type"])}</span> '  # noqa: S704 -- escaped
                  f'{actor_link(e["source"])} → {actor_link(e["target"])}: {escape(e["summary"])}{evidence}</li>')


@functools.lru_cache(maxsize=2**12)
def _link(href: str, name: str) -> str:
    # the front page links the same few outlets from every row
    return f'<a href="{escape(href)}">{escape(name)}</a>'


def link_list(items: Iterable[Mapping[str, Any]]) -> Markup:
    """Links (each ``{"href", "name"}``), comma-separated."""
    return Markup(", ".join(_link(o["href"], o["name"]) for o in items))  # noqa: S704 -- escaped in _link


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    # autoescape everything: titles, bodies, names and outlets come from untrusted pages
    # dict keys before attributes (the contexts are dicts: a caught AttributeError per ``row.field`` was a fifth of
    # a page's rendering); no reload check per page (the templates are the package's, fixed while it runs)
    env = DictEnvironment(loader=jinja2.PackageLoader("storyline.report", "templates"),
                          bytecode_cache=template_cache(), autoescape=True,
                          undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters["article_body"] = article_body
    env.globals.update(actor_link=actor_link, doc_link=doc_link, link_list=link_list, event_item=event_item)
    return env


@functools.lru_cache(maxsize=1)
def _css() -> str:
    files = resources.files("storyline.report").joinpath("static")
    return files.joinpath("report.css").read_text("utf-8") + files.joinpath("pages.css").read_text("utf-8")


def render_page(context: Mapping[str, Any], links: Links, csv_url: Callable[[str], str] | None = None) -> str:
    """One page as HTML: ``context["page"]`` names its template; ``csv_url(table)`` links each table's CSV."""
    downloads = [{"name": t, "href": csv_url(t)} for t in table_names(context["page"])] if csv_url else []
    return _env().get_template(f"page_{context['page']}.html.j2").render(
        **context, css=_css(), mode=links.mode, downloads=downloads,
        nav={"home": links.home(), "actors": links.actors(), "outlets": links.outlets()})


def url_maker(path: str, params: Mapping[str, Any]) -> Callable[..., str]:
    """``url(**changes)``: the current page's URL with some parameters changed (the state is in the URL)."""
    def url(**changes: Any) -> str:
        return _url_with(path, params, **changes)
    return url


# -- the offline site ---------------------------------------------------------------------
def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _ids(store: Store, sql: str) -> Iterator[str]:
    for (key,) in store.con.execute(sql).fetchall():
        yield key


def csv_file(page_file: str, table: str) -> str:
    """The file name of a page's table as CSV, beside the page: ``s1.html`` → ``s1.timeline.csv``."""
    return f"{page_file.removesuffix('.html')}.{table}.csv"


def _write_page(path: Path, context: Mapping[str, Any], links: Links) -> None:
    """One page of the offline site and, beside it, each of its tables as CSV (linked from the page)."""
    for table in table_names(context["page"]):
        _write(path.with_name(csv_file(path.name, table)), table_csv(context, table) or "")
    _write(path, render_page(context, links, lambda table: csv_file(path.name, table)))


def write_site(store: Store, folder: str | Path) -> int:
    """Render every page to ``folder`` (index.html, stories/, articles/, actors/, outlets/); the number of pages.

    The same contexts and templates as the app, with relative links; lists are not paginated. Each
    page's tables are written beside it as CSV (``<page>.<table>.csv``), as the app serves them.
    Pages are rendered one record at a time, so memory stays that of the largest page.
    """
    out = Path(folder)
    everything = Paging(None)
    root, below = Links("static", 0), Links("static", 1)
    n = 0
    _write_page(out / "index.html", index_context(store, root, {}, everything, None), root)
    _write_page(out / "actors" / "index.html", actors_context(store, below, "", everything, None), below)
    _write_page(out / "outlets" / "index.html", outlets_context(store, below, everything, None), below)
    n += 3
    for sid in _ids(store, "SELECT id FROM stories ORDER BY rowid"):
        story = story_data(store, sid)
        if story is not None:
            _write_page(out / "stories" / f"{file_name(sid)}.html", story_context(story, below), below)
            n += 1
    for doc_id in _ids(store, "SELECT id FROM documents ORDER BY id"):
        article = article_data(store, doc_id)
        if article is not None:
            _write_page(out / "articles" / f"{file_name(doc_id)}.html", article_context(article, below), below)
            _write(out / "articles" / f"{file_name(doc_id)}.txt", article.document.raw)
            n += 1
    for eid in _ids(store, "SELECT id FROM entities ORDER BY rowid"):
        actor = actor_data(store, eid, limit=everything.sql_limit, offset=0, quotes_offset=0)
        if actor is not None:
            ctx = actor_context(actor, below, role="", paging=everything, quotes_paging=everything, url=None,
                                about_paging=everything)
            _write_page(out / "actors" / f"{file_name(eid)}.html", ctx, below)
            n += 1
    for name in _ids(store, "SELECT name FROM outlets ORDER BY name"):
        outlet = outlet_data(store, name, limit=everything.sql_limit, offset=0, missed_offset=0)
        if outlet is not None:
            ctx = outlet_context(outlet, below, paging=everything, missed_paging=everything, url=None)
            _write_page(out / "outlets" / f"{file_name(name)}.html", ctx, below)
            n += 1
    LOGGER.info("wrote %d pages to %s", n, out)
    return n


__all__ = [
    "DATE_SOURCES",
    "FORMULA_START",
    "Links",
    "Paging",
    "actor_context",
    "actors_context",
    "article_context",
    "csv_cell",
    "csv_file",
    "dyad_chart",
    "file_name",
    "index_context",
    "outlet_context",
    "outlets_context",
    "pager",
    "render_page",
    "sentence_id",
    "story_context",
    "table_csv",
    "table_names",
    "url_maker",
    "write_site",
]
