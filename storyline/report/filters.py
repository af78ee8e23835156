"""Narrow a corpus to what a reader asked for: search text, actor, event type, outlet, date range.

The web app's pages use this (the static report does the same in the browser); the REST API
filters in SQL. A filtered corpus keeps only records whose evidence lies in kept documents.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging

from storyline.model import Corpus, Document
from storyline.report.charts import parse_date
from storyline.report.highlight import anchor

LOGGER = logging.getLogger(__name__)


def _in_range(day: dt.date | None, lo: dt.date | None, hi: dt.date | None) -> bool:
    if lo is None and hi is None:
        return True
    if day is None:  # an undated record cannot be shown to lie in a range
        return False
    return (lo is None or day >= lo) and (hi is None or day <= hi)


def _outlet_matches(doc: Document, outlet: str) -> bool:
    return (doc.outlet or "unknown outlet").casefold() == outlet.casefold()


def filter_corpus(corpus: Corpus, *, q: str | None = None, actor: str | None = None,
                  type: str | None = None, outlet: str | None = None,  # noqa: A002 - the API's word
                  date_from: str | None = None, date_to: str | None = None) -> Corpus:
    """The part of ``corpus`` that matches every given filter (None or "" means no filter).

    ``actor`` is an entity id (or its HTML anchor form); ``q`` is searched, case-insensitively,
    in document titles and text; dates are ISO of any precision.
    """
    lo, hi = parse_date(date_from), parse_date(date_to)
    actor_ids = {e.id for e in corpus.entities if actor and actor in (e.id, anchor(e.id))}
    if actor and not actor_ids:
        actor_ids = {actor}
    needle = (q or "").casefold().strip()
    mentioned: dict[str, set[str]] = {}
    for e in corpus.entities:
        for m in e.mentions:
            mentioned.setdefault(m.doc, set()).add(e.id)

    def doc_ok(d: Document) -> bool:
        if outlet and not _outlet_matches(d, outlet):
            return False
        if needle and needle not in f"{d.title or ''}\n{d.text}".casefold():
            return False
        if actor_ids and not actor_ids & mentioned.get(d.id, set()) and not any(
                ev.doc == d.id and actor_ids & {ev.source, ev.target, ev.attributed_to} for ev in corpus.events):
            return False
        return True

    docs = [d for d in corpus.documents if doc_ok(d)]
    # the date range applies to events by their own date; a document counts by its publication date
    if lo or hi:
        event_docs = {ev.doc for ev in corpus.events if _in_range(parse_date(ev.date), lo, hi)}
        docs = [d for d in docs if _in_range(parse_date(d.published), lo, hi) or d.id in event_docs]
    keep = {d.id for d in docs}
    published = {d.id: parse_date(d.published) for d in corpus.documents}

    def event_ok(ev) -> bool:  # type: ignore[no-untyped-def]
        doc = ev.evidence[0].doc if ev.evidence else ev.doc
        if doc not in keep or (type and ev.type != type):
            return False
        if actor_ids and not actor_ids & {ev.source, ev.target, ev.attributed_to}:
            return False
        return _in_range(parse_date(ev.date) or published.get(doc), lo, hi)

    events = [ev for ev in corpus.events if event_ok(ev)]
    event_ids = {ev.id for ev in events}
    quotes = [qt for qt in corpus.quotes
              if qt.doc in keep and (not actor_ids or qt.speaker in actor_ids) and not type]
    stories = [dataclasses.replace(s, docs=[d for d in s.docs if d in keep]) for s in corpus.stories]
    story_events = [dataclasses.replace(se, events=[e for e in se.events if e in event_ids],
                                        docs=[d for d in se.docs if d in keep])
                    for se in corpus.story_events]
    return Corpus(
        documents=docs,
        entities=corpus.entities,
        events=events,
        stories=[s for s in stories if s.docs],
        story_events=[se for se in story_events if se.events or (se.docs and not type and not actor_ids)],
        quotes=quotes,
        disagreements=[d for d in corpus.disagreements if any(s.doc in keep for s in d.sides)],
        relations=[r for r in corpus.relations if not actor_ids or actor_ids & {r.a, r.b}],
        outlets=[o for o in corpus.outlets if any(d in keep for d in o.docs)],
    )
