"""The web app's report page, narrowed in the store: search text, actor, event type, outlet, dates.

``query_report`` asks the store for the documents that match (through the same filter table and
SQL translation as the REST API, ``storyline.store.query``), then for the records whose evidence
lies in them; only those documents are read whole. The static report does the same in the
browser (``static/report.js``), over the page's ``data-*`` attributes.

Semantics, shared with the static page: a document is kept when it matches the outlet (as the
report names it: "unknown outlet" when there is none), contains the search text in its title or
body, mentions the actor or reports an event with it, and was published in the date range or
reports an event dated in it. Events, quotes, stories, story events, disagreements, outlets and
claims follow the kept documents.
"""
from __future__ import annotations

import dataclasses
import logging
from typing import Any

from storyline.model import Corpus
from storyline.report.highlight import anchor
from storyline.store import Store
from storyline.store.query import Filter, day_sql, has_table, parse_day, where

LOGGER = logging.getLogger(__name__)

#: the page's names for its filters, in the order of the form
PAGE_PARAMS = ("q", "actor", "type", "outlet", "date_from", "date_to")

#: the document filters the page shares with the REST API's form (actor and dates need the
#: other tables, below)
DOCUMENT_FILTERS = (
    Filter("outlet", ("coalesce(outlet, 'unknown outlet')",), "ieq", "outlet name as the report shows it"),
    Filter("q", ("coalesce(title, '') || chr(10) || text",), "contains", "text search in title and body"),
)

#: fields the page's choices need from every document; the rest is read for kept documents only
_OPTION_FIELDS = ("id", "source", "outlet")
_EVIDENCE_DOC = "coalesce(json_extract_string(evidence, '$[0].doc'), doc)"
_IN_LIST = "list_contains(?::VARCHAR[], {})"


def _range(expr: str, lo: Any, hi: Any) -> tuple[str, list[Any]]:
    """``expr`` (a SQL date) inside [lo, hi]; an undated row lies in no range."""
    conds, params = [], []
    if lo is not None:
        conds.append(f"{expr} >= ?")
        params.append(lo)
    if hi is not None:
        conds.append(f"{expr} <= ?")
        params.append(hi)
    return "(" + " AND ".join(conds) + ")", params


def _and(*parts: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
    conds = [c for c, _ in parts if c]
    return " AND ".join(conds), [p for c, ps in parts if c for p in ps]


def actor_ids(store: Store, actor: str) -> list[str]:
    """The entity ids ``actor`` names: an id or its HTML anchor form (itself when none matches)."""
    ids = [r[0] for r in store.con.execute("SELECT id FROM entities ORDER BY rowid").fetchall()
           if actor in (r[0], anchor(r[0]))]
    return ids or [actor]


def query_report(store: Store, *, q: str | None = None, actor: str | None = None,
                 type: str | None = None, outlet: str | None = None,  # the API's word
                 date_from: str | None = None, date_to: str | None = None) -> tuple[Corpus, Corpus]:
    """(the part of the store that matches every given filter, the base the page's choices come from).

    None or "" means no filter; ``actor`` is an entity id or its anchor; dates are ISO of any
    precision (a date that is none is ignored, as the static page does). The base holds every
    entity and event and each document's outlet only, so filter choices do not vanish once applied.
    """
    lo, hi = (parse_day(v) if v else None for v in (date_from, date_to))
    ids = actor_ids(store, actor) if actor else []
    base = Corpus(documents=store.select("documents", order="source, id", fields=_OPTION_FIELDS),
                  entities=store.select("entities"), events=store.select("events"))

    doc_cond = _and(
        where(DOCUMENT_FILTERS, {"outlet": outlet, "q": (q or "").strip()}),
        ("(id IN (SELECT unnest(json_extract_string(mentions, '$[*].doc')) FROM entities WHERE "
         f"{_IN_LIST.format('id')}) OR id IN (SELECT doc FROM events WHERE "
         "list_has_any(?::VARCHAR[], [source, target, attributed_to])))", [ids, ids]) if ids else ("", []),
        _dated_docs(lo, hi) if lo or hi else ("", []),
    )
    documents = store.select("documents", *doc_cond, order="source, id")
    keep = [d.id for d in documents]

    event_cond = _and(
        (_IN_LIST.format(_EVIDENCE_DOC), [keep]),
        ("type = ?", [type]) if type else ("", []),
        ("list_has_any(?::VARCHAR[], [source, target, attributed_to])", [ids]) if ids else ("", []),
        # an undated event counts by its document's publication date
        _range(f"coalesce({day_sql('date')}, (SELECT {day_sql('d.published')} FROM documents d "
               f"WHERE d.id = {_EVIDENCE_DOC}))", lo, hi) if lo or hi else ("", []),
    )
    event_ids = {ev.id for ev in store.select("events", *event_cond)}
    events = [ev for ev in base.events if ev.id in event_ids]

    kept, shown = set(keep), event_ids
    quotes = [] if type else store.select("quotes", *_and(
        (_IN_LIST.format("doc"), [keep]), (_IN_LIST.format("speaker"), [ids]) if ids else ("", [])))
    docs_overlap = "list_has_any(?::VARCHAR[], CAST(docs AS VARCHAR[]))"
    stories = [dataclasses.replace(s, docs=[d for d in s.docs if d in kept])
               for s in store.select("stories", docs_overlap, [keep])]
    story_events = [dataclasses.replace(se, events=[e for e in se.events if e in shown],
                                        docs=[d for d in se.docs if d in kept])
                    for se in store.select("story_events", f"({docs_overlap} OR list_has_any(?::VARCHAR[], "
                                           "CAST(events AS VARCHAR[])))", [keep, sorted(shown)])]
    claims = store.select("claims", _IN_LIST.format("doc"), [keep], order="doc, seq") \
        if has_table(store, "claims") else []
    order = {doc_id: n for n, doc_id in enumerate(keep)}
    claims.sort(key=lambda c: order[c.doc])  # in document order, as the store's corpus has them; sort is stable
    return Corpus(
        documents=documents,
        entities=base.entities,
        events=events,
        stories=[s for s in stories if s.docs],
        story_events=[se for se in story_events if se.events or (se.docs and not type and not ids)],
        quotes=quotes,
        disagreements=store.select("disagreements", "list_has_any(?::VARCHAR[], "
                                   "json_extract_string(sides, '$[*].doc'))", [keep]),
        relations=store.select("relations", "list_has_any(?::VARCHAR[], [a, b])", [ids]) if ids
        else store.select("relations"),
        outlets=store.select("outlets", docs_overlap, [keep]),
        claims=claims,
    ), base


def _dated_docs(lo: Any, hi: Any) -> tuple[str, list[Any]]:
    """Documents published in the range, or reporting an event dated in it."""
    pub, pub_params = _range(day_sql("published"), lo, hi)
    ev, ev_params = _range(day_sql("date"), lo, hi)
    return f"({pub} OR id IN (SELECT doc FROM events WHERE {ev}))", [*pub_params, *ev_params]
