"""Read-only queries behind the reader's pages: one story, article, actor or outlet, and paginated lists.

Each function reads only the rows its page shows, with SQL narrowing by id (no page loads the
corpus), and answers model objects (or plain rows for lists). Every value a caller gives is a
bound parameter; the SQL text is fixed here. Nothing here writes.

Usage::

    with Store(path, read_only=True) as store:
        total, rows = story_list(store, {"q": "strike"}, limit=20, offset=0)
        data = story_data(store, rows[0]["id"])
"""
from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from storyline.model import (
    Disagreement,
    Document,
    Entity,
    Event,
    OutletProfile,
    Quote,
    Relation,
    Sentence,
    Span,
    Story,
    StoryEvent,
)
from storyline.store.duckdb import READ_TABLES, Store, record_maker
from storyline.store.query import RESOURCES, Filter, has_table, read_catalogue, where
from storyline.store.summaries import ACTOR_PAGE, FIRST_PAGE, summaries_ready

LOGGER = logging.getLogger(__name__)

__all__ = ["ActorData", "ArticleData", "OutletData", "StoryData", "actor_data", "actor_list", "article_data",
           "article_raw", "cursor_view", "doc_meta", "entity_names", "outlet_data", "outlet_list", "story_data",
           "story_list"]

#: document fields a page shows about an article it links to (never the text: it can be large)
META_FIELDS = ("id", "source", "url", "title", "outlet", "author", "published", "published_precision",
               "language", "genre", "near_duplicates")
#: the most mentions of one alias an actor page lists articles for (the rest are counted)
ALIAS_DOCS = 12
#: the most loaded-language examples an outlet page shows
LOADED_EXAMPLES = 20
#: the most dyads an actor page draws (its most active partners)
MAX_DYADS = 12

_DOCS = "CAST(docs AS VARCHAR[])"
#: a column among the ids of a list parameter (a join on the column, not a list search per row)
_IN_IDS = "{} IN (SELECT unnest(?::VARCHAR[]))"
#: the metadata columns, those of them a store has (an older one may lack some)
_META_COLUMNS = "COLUMNS(lambda c: c IN (" + ", ".join(f"'{f}'" for f in META_FIELDS) + "))"
_SIDE_DOCS = "json_extract_string(sides, '$[*].doc')"


def cursor_view(store: Store) -> Store:
    """A ``Store`` reading through its own cursor of ``store``'s connection: threads may each hold one
    and read side by side. Closing it closes the cursor only."""
    view = Store.__new__(Store)  # no new connection: that is the point
    view.path = store.path
    view.con = store.con.cursor()
    view.summaries_ready = summaries_ready(store)  # type: ignore[attr-defined]  # asked once per connection
    # the tables and columns, once per connection too (a read-only one cannot change them): lists ask for them
    known = getattr(store, "catalogue", None)
    if not isinstance(known, dict):
        known = store.catalogue = read_catalogue(store)  # type: ignore[attr-defined]
    view.catalogue = known  # type: ignore[attr-defined]
    # what is asked of whole tables, once per connection as well (``connection_memo``): a list's total took a third
    # of its page's reads, and most pages search the disagreements for articles that have none
    memo = getattr(store, "memo", None)
    if not isinstance(memo, dict):
        memo = store.memo = {}  # type: ignore[attr-defined]
    view.memo = memo  # type: ignore[attr-defined]
    return view


def connection_memo(store: Store, key: str, make: Callable[[], Any]) -> Any:
    """``make()``, kept by a read-only connection's views (``cursor_view``) under ``key``; made each time on any
    other ``Store`` (one that may be written)."""
    memo = getattr(store, "memo", None)
    if not isinstance(memo, dict):
        return make()
    found = memo.get(key)
    if found is None:  # two threads may both make it: the same value
        found = memo[key] = make()
    return found


def _table_count(store: Store, table: str) -> int:
    """The rows of a whole table (one of this module's names)."""
    return int(connection_memo(store, f"count {table}", lambda: _count_where(store, table, "", [])))


def _disputed(store: Store, docs: Iterable[str]) -> list[str]:
    """Those of ``docs`` that a disagreement cites (``summary_doc_disagreements``), in their order."""
    cited = connection_memo(store, "disputed", lambda: frozenset(r[0] for r in store.con.execute(
        "SELECT DISTINCT doc FROM summary_doc_disagreements").fetchall()))
    return [d for d in docs if d in cited]


def _select(store: Store, cls: type, sql: str, params: list[Any]) -> list[Any]:
    """Model objects from a query over one table; JSON columns are decoded, unknown columns ignored.

    Reads the columns the table has (``SELECT *`` or a chosen list) rather than asking the catalogue
    first, as ``Store.select`` does: on a page that reads six tables the catalogue cost more than the rows.
    """
    return list(map(record_maker(cls), _decoded(store.con.execute(sql, params))))


def _decoded(cur: Any) -> list[dict[str, Any]]:
    """A query's rows as dicts by column name, its JSON columns decoded."""
    names = [d[0] for d in cur.description or ()]
    is_json = [str(d[1]) == "JSON" for d in cur.description or ()]
    return [{n: json.loads(v) if j and isinstance(v, str) else v for n, j, v in zip(names, is_json, row)}
            for row in cur.fetchall()]


def _rows(store: Store, table: str, cond: str, params: list[Any], *, order: str = "rowid",
          columns: str = "*", limit: int | None = None, offset: int = 0) -> list[Any]:
    """Rows of ``table`` as model objects (``READ_TABLES``); ``cond`` and ``order`` are this module's SQL (no
    ``order`` and no ``limit``: a lookup by a unique key, which an ORDER BY or a LIMIT would turn from an index
    lookup into a scan)."""
    if order == "rowid":
        order = store.order_of(table)
    sql = f"SELECT {columns} FROM {table}{' WHERE ' + cond if cond else ''}"  # noqa: S608
    sql += f" ORDER BY {order}" if order else ""
    args = list(params)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    return _select(store, READ_TABLES[table], sql, args)


def _records(store: Store, cls: type, sql: str, params: list[Any]) -> list[Any]:
    """Model objects from the JSON records (``rec``) a summary table holds, in the query's order."""
    make = record_maker(cls)
    return [make(json.loads(r[0])) for r in store.con.execute(sql, params).fetchall()]


def _one(store: Store, table: str, cond: str, params: list[Any], **kw: Any) -> Any:
    # no order: a lookup by a unique key, which a LIMIT would also turn from an index lookup into a scan (an
    # article's row read in 0.7 ms instead of 2)
    found = _rows(store, table, cond, params, limit=None if kw.get("order") == "" else 1, **kw)
    return found[0] if found else None


def _by_rank(rows: list[Any]) -> list[Any]:
    """Rows of a stretch of a summary list in their order, the rank (or position) last in each row: sorted here,
    since DuckDB's ORDER BY of fifty rows cost a third of their read."""
    return sorted(rows, key=lambda r: r[-1])


def _count(store: Store, sql: str, params: list[Any]) -> int:
    row = store.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()  # noqa: S608 -- fixed SQL, bound values
    return int(row[0]) if row else 0


def _count_where(store: Store, table: str, cond: str, params: list[Any]) -> int:
    return _count(store, f"SELECT 1 FROM {table}{' WHERE ' + cond if cond else ''}", params)  # noqa: S608


def doc_meta(store: Store, ids: Iterable[str]) -> dict[str, Document]:
    """The listed documents' metadata (no text), by id."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    docs = _rows(store, "documents", _IN_IDS.format("id"), [wanted], order="id", columns=_META_COLUMNS)
    return {d.id: d for d in docs}


def entity_names(store: Store, ids: Iterable[str | None]) -> dict[str, str]:
    """The listed entities' names, by id (ids without an entity are left out)."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    sql = "SELECT id, name FROM entities WHERE " + _IN_IDS.format("id")  # noqa: S608 -- fixed SQL, bound values
    rows = store.con.execute(sql, [wanted]).fetchall()
    return {r[0]: r[1] for r in rows}


# -- lists -------------------------------------------------------------------------------
#: the front page's filters: the stories resource's (title search, story date)
STORY_FILTERS: tuple[Filter, ...] = tuple(f for f in RESOURCES["stories"].filters if f.param != "doc")


def story_list(store: Store, values: Mapping[str, Any], *, limit: int,
               offset: int) -> tuple[int, list[dict[str, Any]]]:
    """(stories matching the filters, one page of them): most covered first, with their outlets.

    Raises:
        QueryError: a filter value of the wrong form.
    """
    cond, params = where(STORY_FILTERS, values)
    if summaries_ready(store) and not cond:
        # the front page unfiltered: one stretch of the stories in their rank's order (no sort of every story)
        total = _table_count(store, "summary_stories")
        rows = _by_rank(store.con.execute("SELECT id, title, date, n_docs, outlets, first, last, rank "
                                          "FROM summary_stories WHERE rank > ? AND rank <= ?",
                                          [offset, offset + min(limit, total)]).fetchall())
    elif summaries_ready(store):  # one indexed read: each story's outlets and dates were gathered at fuse time
        total = _count_where(store, "summary_stories", cond, params)
        sql = ("SELECT id, title, date, n_docs, outlets, first, last FROM summary_stories" +  # noqa: S608
               (f" WHERE {cond}" if cond else "") + " ORDER BY n_docs DESC, srow LIMIT ? OFFSET ?")
        rows = store.con.execute(sql, [*params, limit, offset]).fetchall()
    else:
        total, rows = _story_list_scan(store, cond, params, limit, offset)
    return total, [{"id": r[0], "title": r[1], "date": r[2], "n_docs": int(r[3]), "outlets": list(r[4] or []),
                    "first": r[5], "last": r[6]} for r in rows]


def _story_list_scan(store: Store, cond: str, params: list[Any], limit: int, offset: int) -> tuple[int, list[Any]]:
    total = _count_where(store, "stories", cond, params)
    stories = f"SELECT rowid AS r, id, title, date, {_DOCS} AS docs FROM stories"  # noqa: S608 -- fixed SQL
    sql = (
        "WITH page AS (" + stories + (f" WHERE {cond}" if cond else "") +  # noqa: S608 -- fixed SQL, bound values
        " ORDER BY len(" + _DOCS + ") DESC, rowid LIMIT ? OFFSET ?), "
        "outlets AS (SELECT p.r, list(DISTINCT d.outlet ORDER BY d.outlet) FILTER (WHERE d.outlet IS NOT NULL) AS o, "
        "min(d.published) AS first, max(d.published) AS last "
        "FROM (SELECT r, unnest(docs) AS doc FROM page) p JOIN documents d ON d.id = p.doc GROUP BY p.r) "
        "SELECT page.id, page.title, page.date, len(page.docs), outlets.o, outlets.first, outlets.last "
        "FROM page LEFT JOIN outlets ON outlets.r = page.r ORDER BY len(page.docs) DESC, page.r")
    return total, store.con.execute(sql, [*params, limit, offset]).fetchall()


def actor_list(store: Store, q: str, *, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """(actors whose name or alias contains ``q``, one page of them), most mentioned first."""
    cond, params = where(RESOURCES["entities"].filters, {"q": q.strip()})
    if summaries_ready(store) and not cond:  # one stretch of the list in its order (no sort of every actor)
        total = _table_count(store, "summary_actor_list")
        rows = _by_rank(store.con.execute("SELECT id, name, type, country, role, n, rank FROM summary_actor_list "
                                          "WHERE rank > ? AND rank <= ?", [offset, offset + min(limit, total)]
                                          ).fetchall())
        return total, [{"id": r[0], "name": r[1], "type": r[2], "country": r[3], "role": r[4],
                        "n_mentions": int(r[5])} for r in rows]
    sql = "SELECT id, name, type, country, role, json_array_length(mentions) AS n FROM entities"
    sql += f" WHERE {cond}" if cond else ""
    total = _count(store, sql, params)
    if summaries_ready(store):
        # the mention counts from the summary (one per entity, the length of its mentions): sorting by them no
        # longer parses every entity's mentions on every page
        sql = ("SELECT id, name, type, country, role, sa.n_mentions AS n FROM entities "  # noqa: S608
               "JOIN summary_actor sa ON sa.entity = id" + (f" WHERE {cond}" if cond else ""))
    rows = store.con.execute(sql + " ORDER BY n DESC, name, id LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return total, [{"id": r[0], "name": r[1], "type": r[2], "country": r[3], "role": r[4], "n_mentions": int(r[5])}
                   for r in rows]


def outlet_list(store: Store, *, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    """(outlets, one page of them) by name, with their article counts."""
    total = _table_count(store, "outlets")
    rows = store.con.execute("SELECT name, json_array_length(docs), loaded_language_per_1k_words, named_sources, "
                             "anonymous_sources FROM outlets ORDER BY name LIMIT ? OFFSET ?",
                             [limit, offset]).fetchall()
    return total, [{"name": r[0], "n_docs": int(r[1] or 0), "loaded_rate": r[2], "named_sources": r[3],
                    "anonymous_sources": r[4]} for r in rows]


# -- one story ------------------------------------------------------------------------------
@dataclasses.dataclass
class StoryData:
    """What a story page shows: the story, its articles (metadata), and the records in them."""
    story: Story
    documents: dict[str, Document]
    events: list[Event]
    story_events: list[StoryEvent]
    disagreements: list[Disagreement]
    quotes: list[Quote]
    names: dict[str, str]


def story_data(store: Store, story_id: str) -> StoryData | None:
    """One story with everything its page shows, or None when there is no such story."""
    if summaries_ready(store):
        return _story_summarized(store, story_id)
    story = _one(store, "stories", "id = ?", [story_id])
    if story is None:
        return None
    docs = list(dict.fromkeys(story.docs))
    events = _rows(store, "events", _IN_IDS.format("doc"), [docs], order="date NULLS LAST, id")
    # the story events its articles' events were clustered into (not a search through every cluster's list)
    clusters = sorted({e.story_event for e in events if e.story_event})
    story_events = _rows(store, "story_events", _IN_IDS.format("id"), [clusters]) if clusters else []
    disagreements = _rows(store, "disagreements", f"list_has_any(?::VARCHAR[], {_SIDE_DOCS})", [docs])
    quotes = _rows(store, "quotes", _IN_IDS.format("doc"), [docs], order="doc, start")
    actors = [x for e in events for x in (e.source, e.target, e.attributed_to)]
    actors += [x for se in story_events for x in (se.source, se.target)] + [q.speaker for q in quotes]
    return StoryData(story, doc_meta(store, docs), events, story_events, disagreements, quotes,
                     entity_names(store, actors))


def _story_summarized(store: Store, story_id: str) -> StoryData | None:
    """``story_data`` from the story's JSON document in ``summary_story_pages`` and its documents' disagreements
    (an indexed lookup, and a second only for a story with an article a disagreement cites)."""
    # one row per id (the first story of that id)
    row = store.con.execute("SELECT data FROM summary_story_pages WHERE id = ?", [story_id]).fetchone()
    if not row:
        return None
    data = json.loads(row[0])

    def made(cls: type, key: str) -> list[Any]:
        return list(map(record_maker(cls), data[key] or []))

    documents = {d.id: d for d in made(Document, "documents")}
    story = record_maker(Story)(data["story"])
    docs = _disputed(store, dict.fromkeys(story.docs))
    # a disagreement once (a row per document it cites), in its order; the ids as a list of constants, which the
    # index answers (an unnested list parameter was a join, and with the grouping and sort thrice the CPU)
    sql = f"SELECT r, rec FROM summary_doc_disagreements WHERE doc IN ({', '.join('?' * len(docs))})"  # noqa: S608
    found = dict(store.con.execute(sql, docs).fetchall()) if docs else {}
    disagreements = [record_maker(Disagreement)(json.loads(found[r])) for r in sorted(found)]
    return StoryData(story, documents, made(Event, "events"), made(StoryEvent, "story_events"), disagreements,
                     made(Quote, "quotes"), dict(data["names"] or []))


# -- one article ----------------------------------------------------------------------------
@dataclasses.dataclass
class ArticleData:
    """What an article page shows: the document whole, its sentences and the records pointing into it."""
    document: Document
    sentences: list[Sentence]
    entities: list[Entity]          # with their mentions in this document only
    events: list[Event]
    quotes: list[Quote]
    disagreements: list[Disagreement]
    stories: list[Story]
    names: dict[str, str]
    duplicates: dict[str, Document]


def article_data(store: Store, doc_id: str) -> ArticleData | None:
    """One article with everything its page marks, or None when there is no such document."""
    if summaries_ready(store):
        return _article_summarized(store, doc_id)
    # the documents' key: one row at most, found by its index (ordered by rowid, the whole table was read)
    doc = _one(store, "documents", "id = ?", [doc_id], order="")
    if doc is None:
        return None
    row = store.con.execute("SELECT json_extract(data, '$.sentences') FROM analyses WHERE doc_id = ?",
                            [doc_id]).fetchone()
    sentences = list(map(record_maker(Sentence), json.loads(row[0]))) if row and row[0] else []
    ready = summaries_ready(store)
    entities = _mentioned_in(store, doc_id, _MENTIONS_SUMMARY if ready else _MENTIONS_IN)
    # an event's evidence lies in the document it was found in: no need to search every event's JSON
    events = _rows(store, "events", "doc = ?", [doc_id], order="date NULLS LAST, id")
    quotes = _rows(store, "quotes", "doc = ?", [doc_id], order="start")
    disagreements = _rows(store, "disagreements", f"list_contains({_SIDE_DOCS}, ?)", [doc_id])
    stories = _rows(store, "stories", "id IN (SELECT story FROM summary_doc_stories WHERE doc = ?)" if ready
                    else f"list_contains({_DOCS}, ?)", [doc_id])
    names = {e.id: e.name for e in entities}
    names.update(entity_names(store, [x for e in events for x in (e.source, e.target, e.attributed_to)]
                              + [q.speaker for q in quotes]))
    return ArticleData(doc, sentences, entities, events, quotes, disagreements, stories, names,
                       doc_meta(store, [n.doc for n in doc.near_duplicates]))


def _article_summarized(store: Store, doc_id: str) -> ArticleData | None:
    """``article_data`` from the article's row of ``summary_article_pages`` (the document's own columns and a
    JSON document of the rest) and its disagreements: an indexed lookup, and a second only for an article a
    disagreement cites (DuckDB's fixed cost per query is most of a lookup's)."""
    rows = _decoded(store.con.execute("SELECT * FROM summary_article_pages WHERE doc = ?", [doc_id]))
    if not rows:
        return None
    data = rows[0].pop("data") or {}
    doc = record_maker(Document)(rows[0])

    def made(cls: type, key: str) -> list[Any]:
        return list(map(record_maker(cls), data.get(key) or []))

    found: dict[str, Entity] = {}
    for m in data.get("mentions") or []:
        ent = found.get(m["id"])
        if ent is None:
            ent = found[m["id"]] = Entity(id=m["id"], name=m["name"], type=m["type"])
        ent.mentions.append(Span(doc.id, int(m["start"]), int(m["end"]), m["text"] or ""))
    entities = list(found.values())
    names = {e.id: e.name for e in entities}
    names.update(dict(data.get("names") or []))
    disagreements = [record_maker(Disagreement)(json.loads(r[0])) for r in store.con.execute(
        "SELECT rec FROM summary_doc_disagreements WHERE doc = ? ORDER BY r", [doc.id]).fetchall()
    ] if _disputed(store, [doc.id]) else []
    return ArticleData(doc, made(Sentence, "sentences"), entities, made(Event, "events"), made(Quote, "quotes"),
                       disagreements, made(Story, "stories"), names,
                       {d.id: d for d in made(Document, "duplicates")})


#: the mentions in one document, entity by entity: a well-known actor has thousands of mentions in
#: other articles, which are left in the store instead of being read and dropped
_MENTIONS_IN = """
SELECT id, name, type, json_extract_string(m, '$.text'), json_extract(m, '$.start')::BIGINT,
       json_extract(m, '$.end')::BIGINT
FROM (SELECT rowid AS r, id, name, type, unnest(json_extract(mentions, '$[*]')) AS m FROM entities
      WHERE list_contains(json_extract_string(mentions, '$[*].doc'), ?))
WHERE json_extract_string(m, '$.doc') = ? ORDER BY r, 5
"""


#: the same from the summary table of mentions
_MENTIONS_SUMMARY = 'SELECT entity, name, type, text, "start", "end" FROM summary_mentions WHERE doc = ? ' \
    'ORDER BY erow, "start"'


def _mentioned_in(store: Store, doc_id: str, sql: str) -> list[Entity]:
    """The entities mentioned in one document, each with its mentions there only."""
    out: dict[str, Entity] = {}
    params = [doc_id] * sql.count("?")
    for eid, name, type_, text, start, end in store.con.execute(sql, params).fetchall():
        ent = out.get(eid)
        if ent is None:
            ent = out[eid] = Entity(id=eid, name=name, type=type_)
        ent.mentions.append(Span(doc_id, int(start), int(end), text or ""))
    return list(out.values())


def article_raw(store: Store, doc_id: str) -> str | None:
    """The raw text of one document as it was read, or None when there is no such document."""
    row = store.con.execute("SELECT raw FROM documents WHERE id = ?", [doc_id]).fetchone()
    return None if row is None else (row[0] or "")


# -- one actor ------------------------------------------------------------------------------
@dataclasses.dataclass
class ActorData:
    """What an actor page shows: the entity (without its mentions), the aliases it was seen under, one
    page of its events and quotes, and its dyads."""
    entity: Entity
    n_mentions: int
    n_docs: int
    #: (alias, mentions, the first ``ALIAS_DOCS`` documents it was seen in), most frequent first
    aliases: list[tuple[str, int, list[str]]]
    events_total: int
    events: list[Event]
    quotes_total: int
    quotes: list[Quote]
    relations: list[Relation]
    documents: dict[str, Document]
    names: dict[str, str]
    #: quotes by others whose sentence (or the quote itself) mentions the actor: one page of them
    about_total: int = 0
    about: list[Quote] = dataclasses.field(default_factory=list)


#: the quotes about an actor: another speaker's (or an unnamed one's) quote in a sentence that mentions
#: the actor, or whose own words do (a store without sentences still finds those). Only the documents
#: that mention the actor are read, and only their sentences that hold a quote.
_ABOUT = """
id IN (
WITH m AS (SELECT json_extract_string(x, '$.doc') AS doc, json_extract(x, '$.start')::BIGINT AS s
           FROM (SELECT unnest(json_extract(mentions, '$[*]')) AS x FROM entities WHERE id = ?)),
     q AS (SELECT id, doc, start, "end" FROM quotes
           WHERE doc IN (SELECT doc FROM m) AND coalesce(speaker, '') <> ?),
     sent AS (SELECT doc, json_extract(x, '$.start')::BIGINT AS s, json_extract(x, '$.end')::BIGINT AS e
              FROM (SELECT doc_id AS doc, unnest(json_extract(data, '$.sentences[*]')) AS x FROM analyses
                    WHERE doc_id IN (SELECT doc FROM q)))
SELECT q.id FROM q JOIN m ON m.doc = q.doc
LEFT JOIN sent ON sent.doc = q.doc AND sent.s <= q.start AND q.start < sent.e
WHERE (m.s >= q.start AND m.s < q."end") OR (m.s >= sent.s AND m.s < sent.e))
"""


#: an actor's mentions grouped by the text they were seen under; a well-known actor has thousands,
#: so they are counted in SQL instead of being read as objects
_ALIASES = """
SELECT json_extract_string(m, '$.text') AS alias, count(*) AS n,
       list(DISTINCT json_extract_string(m, '$.doc') ORDER BY json_extract_string(m, '$.doc'))[1:?] AS docs
FROM (SELECT unnest(json_extract(mentions, '$[*]')) AS m FROM entities WHERE id = ?)
GROUP BY alias ORDER BY n DESC, alias
"""
_MENTION_COUNTS = """
SELECT count(*), count(DISTINCT json_extract_string(m, '$.doc'))
FROM (SELECT unnest(json_extract(mentions, '$[*]')) AS m FROM entities WHERE id = ?)
"""


def actor_data(store: Store, entity_id: str, *, role: str = "", limit: int, offset: int,
               quotes_offset: int, about_offset: int = 0) -> ActorData | None:
    """One actor with a page of its events (as ``role``: source, target, speaker or any), of its quotes,
    and of the quotes about it.

    Relations are limited to the ``MAX_DYADS`` partners with the most events.
    """
    if summaries_ready(store):
        if not role and limit == ACTOR_PAGE and not (offset or quotes_offset or about_offset):
            first = _actor_first_page(store, entity_id)
            if first is not None:
                return first
        # the entity (but its mentions) and its counts, one indexed row
        row = store.con.execute("SELECT rec, n_mentions, n_docs, n_events, n_source, n_target, n_speaker, n_quotes, "
                                "n_about FROM summary_actor WHERE entity = ?", [entity_id]).fetchone()
        if row is None:
            return None
        summary = dict(zip(("n_mentions", "n_docs", "n_events", "source", "target", "speaker", "n_quotes", "n_about"),
                           (int(x) for x in row[1:])))
        return _actor_summarized(store, record_maker(Entity)(json.loads(row[0])), summary, role, limit, offset,
                                 quotes_offset, about_offset)
    entity = _one(store, "entities", "id = ?", [entity_id], columns="* EXCLUDE (mentions)")
    if entity is None:
        return None
    aliases = [(r[0], int(r[1]), list(r[2] or [])) for r in
               store.con.execute(_ALIASES, [ALIAS_DOCS, entity_id]).fetchall()]
    counts = store.con.execute(_MENTION_COUNTS, [entity_id]).fetchone() or (0, 0)
    cond = {"source": "source = ?", "target": "target = ?", "speaker": "attributed_to = ?"}.get(
        role, "? IN (source, target, attributed_to)")
    events_total = _count_where(store, "events", cond, [entity_id])
    events = _rows(store, "events", cond, [entity_id], order="date NULLS LAST, id", limit=limit, offset=offset)
    quotes_total = _count_where(store, "quotes", "speaker = ?", [entity_id])
    quotes = _rows(store, "quotes", "speaker = ?", [entity_id], order="doc, start", limit=limit, offset=quotes_offset)
    # the matching ids once (the search is the cost), then one page of them read whole
    about_ids = [r[0] for r in store.con.execute(f"SELECT id FROM quotes WHERE {_ABOUT} ORDER BY doc, start",  # noqa: S608
                                                 [entity_id, entity_id]).fetchall()]
    page_ids = about_ids[about_offset:about_offset + limit]
    about = _rows(store, "quotes", _IN_IDS.format("id"), [page_ids], order="doc, start") if page_ids else []
    partners = store.con.execute(
        "SELECT CASE WHEN a = ? THEN b ELSE a END AS other FROM relations WHERE ? IN (a, b) "
        "GROUP BY other ORDER BY sum(n_events) DESC, other LIMIT ?", [entity_id, entity_id, MAX_DYADS]).fetchall()
    others = [p[0] for p in partners]
    relations = _rows(store, "relations", "(a = ? AND list_contains(?::VARCHAR[], b)) OR "
                                          "(b = ? AND list_contains(?::VARCHAR[], a))",
                      [entity_id, others, entity_id, others], order="period, a, b") if others else []
    shown = {e.doc for e in events} | {q.doc for q in quotes + about} | {d for _, _, ds in aliases for d in ds}
    names = entity_names(store, [x for e in events for x in (e.source, e.target, e.attributed_to)] + others
                         + [q.speaker for q in about])
    names[entity.id] = entity.name
    return ActorData(entity, int(counts[0]), int(counts[1]), aliases, events_total, events, quotes_total, quotes,
                     relations, doc_meta(store, shown), names, len(about_ids), about)


#: an event page's roles as flags of ``summary_actor_events``
_ROLE_FLAGS = {"source": "is_source", "target": "is_target", "speaker": "is_speaker"}


def _actor_summarized(store: Store, entity: Entity, counts: dict[str, int], role: str, limit: int, offset: int,
                      quotes_offset: int, about_offset: int) -> ActorData:
    """``actor_data`` from the summary tables: each list a page of ids read by index, then those rows;
    ``counts`` are the entity's row of ``summary_actor`` (events by role under the role's name)."""
    eid = entity.id
    flag = _ROLE_FLAGS.get(role, "true")
    n_mentions, n_docs, quotes_total, about_total = (counts[k] for k in ("n_mentions", "n_docs", "n_quotes", "n_about"))
    events_total = counts.get(role, counts["n_events"])
    aliases = [(r[0], int(r[1]), list(r[2] or [])[:ALIAS_DOCS]) for r in store.con.execute(
        "SELECT alias, n, docs FROM summary_aliases WHERE entity = ? ORDER BY n DESC, alias", [eid]).fetchall()]
    events = _records(store, Event, f"SELECT rec FROM summary_actor_events WHERE entity = ? AND {flag} "  # noqa: S608
                      "ORDER BY date NULLS LAST, id LIMIT ? OFFSET ?", [eid, limit, offset]) \
        if events_total > offset else []
    quotes = _rows(store, "quotes", "speaker = ?", [eid], order="doc, start", limit=limit,
                   offset=quotes_offset) if quotes_total > quotes_offset else []
    about = _records(store, Quote, 'SELECT rec FROM summary_about WHERE entity = ? ORDER BY doc, "start", quote '
                     "LIMIT ? OFFSET ?", [eid, limit, about_offset]) if about_total > about_offset else []
    others = [r[0] for r in store.con.execute("SELECT other FROM summary_partners WHERE entity = ? "
                                              "ORDER BY n DESC, other LIMIT ?", [eid, MAX_DYADS]).fetchall()]
    relations = _rows(store, "relations", "(a = ? AND list_contains(?::VARCHAR[], b)) OR "
                                          "(b = ? AND list_contains(?::VARCHAR[], a))",
                      [eid, others, eid, others], order="period, a, b") if others else []
    shown = {e.doc for e in events} | {q.doc for q in quotes + about} | {d for _, _, ds in aliases for d in ds}
    names = entity_names(store, [x for e in events for x in (e.source, e.target, e.attributed_to)] + others
                         + [q.speaker for q in about])
    names[eid] = entity.name
    return ActorData(entity, n_mentions, n_docs, aliases, events_total, events, quotes_total, quotes,
                     relations, doc_meta(store, shown), names, about_total, about)


def _actor_first_page(store: Store, eid: str) -> ActorData | None:
    """An actor's first page from its row of ``summary_actor_pages`` (its record, counts and lists) and its first
    events in ``summary_actor_events`` (two indexed lookups); None when it has no row."""
    page = store.con.execute("SELECT n_mentions, n_docs, n_events, n_quotes, n_about, rec, aliases, quotes, about, "
                             "others, relations, names, documents FROM summary_actor_pages WHERE entity = ?",
                             [eid]).fetchone()
    if page is None:
        return None
    n_mentions, n_docs, n_events, n_quotes, n_about = (int(x) for x in page[:5])
    data = {k: json.loads(v) if v else None for k, v in zip(
        ("rec", "aliases", "quotes", "about", "others", "relations", "names", "documents"), page[5:])}
    entity = record_maker(Entity)(data["rec"])
    events = [record_maker(Event)(json.loads(r[0])) for r in _by_rank(store.con.execute(
        "SELECT rec, pos FROM summary_actor_events WHERE entity = ? AND pos <= ?", [eid, ACTOR_PAGE]).fetchall())
    ] if n_events else []

    def made(cls: type, key: str) -> list[Any]:
        return list(map(record_maker(cls), data[key] or []))

    aliases = [(a["alias"], int(a["n"]), list(a["docs"] or [])[:ALIAS_DOCS]) for a in data["aliases"] or []]
    names = dict(data["names"] or [])
    names[eid] = entity.name
    return ActorData(entity, n_mentions, n_docs, aliases, n_events, events, n_quotes,
                     made(Quote, "quotes"), made(Relation, "relations"),
                     {d.id: d for d in made(Document, "documents")}, names, n_about, made(Quote, "about"))


# -- one outlet ------------------------------------------------------------------------------
@dataclasses.dataclass
class OutletData:
    """What an outlet page shows: its profile, loaded-language examples, stories covered and missed."""
    profile: OutletProfile
    loaded: list[tuple[Document, list[dict[str, Any]]]]
    covered_total: int
    covered: list[dict[str, Any]]
    missed_total: int
    missed: list[dict[str, Any]]
    quotes_named: int
    quotes_anonymous: int
    #: the outlet's events that no other outlet's article reports (one page of them)
    solo_total: int = 0
    solo: list[Event] = dataclasses.field(default_factory=list)
    documents: dict[str, Document] = dataclasses.field(default_factory=dict)
    names: dict[str, str] = dataclasses.field(default_factory=dict)
    #: the outlet's articles, when ``profile`` was read without their list (None: ``len(profile.docs)``)
    n_docs: int | None = None


#: an event no other outlet corroborates: in no story event, or in one only this outlet carries
_SOLO = ("doc IN (SELECT unnest(?::VARCHAR[])) AND (story_event IS NULL OR story_event NOT IN ("
         "SELECT se.id FROM story_events se, unnest(CAST(se.docs AS VARCHAR[])) AS u(d) JOIN documents dd "
         "ON dd.id = u.d WHERE coalesce(dd.outlet, '') <> ?))")


#: the stories holding any of a list of documents, by a join on the unnested lists (a list search
#: per story took four times as long)
_STORIES_OF = ("SELECT r FROM (SELECT rowid AS r, unnest(CAST(docs AS VARCHAR[])) AS d FROM stories) "
               "WHERE d IN (SELECT unnest(?::VARCHAR[]))")


def _stories_page(store: Store, cond: str, params: list[Any], limit: int,
                  offset: int) -> tuple[int, list[dict[str, Any]]]:
    total = _count_where(store, "stories", cond, params)
    sql = f"SELECT id, title, date, len({_DOCS}) FROM stories WHERE {cond} "  # noqa: S608 -- fixed SQL, bound values
    rows = store.con.execute(sql + f"ORDER BY len({_DOCS}) DESC, rowid LIMIT ? OFFSET ?",
                             [*params, limit, offset]).fetchall()
    return total, [{"id": r[0], "title": r[1], "date": r[2], "n_docs": int(r[3])} for r in rows]


def outlet_data(store: Store, name: str, *, limit: int, offset: int, missed_offset: int,
                solo_offset: int = 0) -> OutletData | None:
    """One outlet's profile with pages of the stories it covered and missed, or None when unknown.

    A story is missed when it has at least two articles and none of them is the outlet's.
    """
    if summaries_ready(store):
        found = _outlet_from_summary(store, name, limit, offset, missed_offset, solo_offset)
        if found is not None:
            return found
    profile = _one(store, "outlets", "name = ?", [name], order="name")
    if profile is None:
        # an outlet the fuse stage drew no profile for still has articles: count them here
        rows = store.con.execute("SELECT id, genre FROM documents WHERE outlet = ? ORDER BY id", [name]).fetchall()
        if not rows:
            return None
        mix: dict[str, int] = {}
        for _, genre in rows:
            mix[genre or "unknown"] = mix.get(genre or "unknown", 0) + 1
        profile = OutletProfile(name=name, docs=[r[0] for r in rows], genre_mix=mix)
    elif summaries_ready(store):
        return _outlet_summarized(store, profile, limit, offset, missed_offset, solo_offset)
    docs = list(profile.docs)
    loaded = []
    rows = store.con.execute(
        "SELECT id, title, published, loaded_language FROM documents WHERE list_contains(?::VARCHAR[], id) "
        "AND json_array_length(loaded_language) > 0 ORDER BY published NULLS LAST, id LIMIT ?",
        [docs, LOADED_EXAMPLES]).fetchall()
    for r in rows:
        loaded.append((Document(id=r[0], source="", title=r[1], published=r[2]), json.loads(r[3])))
    covered_total, covered = _stories_page(store, f"rowid IN ({_STORIES_OF})", [docs], limit, offset)
    missed_total, missed = _stories_page(
        store, f"rowid NOT IN ({_STORIES_OF}) AND len({_DOCS}) >= 2", [docs], limit, missed_offset)
    named = anonymous = 0
    if has_table(store, "quotes"):
        sql = "SELECT count(speaker), count(*) - count(speaker) FROM quotes WHERE " + _IN_IDS.format("doc")  # noqa: S608
        row = store.con.execute(sql, [docs]).fetchone()
        named, anonymous = (int(row[0]), int(row[1])) if row else (0, 0)
    solo_total = _count_where(store, "events", _SOLO, [docs, name])
    solo = _rows(store, "events", _SOLO, [docs, name], order="date NULLS LAST, id", limit=limit, offset=solo_offset)
    return OutletData(profile, loaded, covered_total, covered, missed_total, missed, named, anonymous,
                      solo_total, solo, doc_meta(store, [e.doc for e in solo]),
                      entity_names(store, [x for e in solo for x in (e.source, e.target, e.attributed_to)]))


#: the profile fields ``summary_outlet`` holds (all but the list of documents)
_PROFILE_FIELDS = ("genre_mix", "loaded_language_per_1k_words", "loaded_terms", "named_sources", "anonymous_sources",
                   "uncorroborated_share")

_OUTLET_COLUMNS = "quotes_named, quotes_anonymous, n_covered, n_missed, n_solo, loaded, n_docs, " + \
    ", ".join(_PROFILE_FIELDS)
_OUTLET_ROW = f"SELECT {_OUTLET_COLUMNS} FROM summary_outlet WHERE outlet = ?"  # noqa: S608 -- fixed column names
#: the same and the first page's lists, from the outlet's row of ``summary_outlet_pages``
_OUTLET_FIRST = (f"SELECT {_OUTLET_COLUMNS}, covered, missed, solo, solo_docs, names "  # noqa: S608
                 "FROM summary_outlet_pages WHERE outlet = ?")


def _outlet_from_summary(store: Store, name: str, limit: int, offset: int, missed_offset: int,
                         solo_offset: int) -> OutletData | None:
    """``outlet_data`` for an outlet with articles, from its one row of ``summary_outlet`` (its profile and counts)
    or, for the first page, its one row of ``summary_outlet_pages`` (those and the page's lists); None for an outlet
    without that row."""
    first = limit == FIRST_PAGE and not (offset or missed_offset or solo_offset)
    row = store.con.execute(_OUTLET_FIRST, [name]).fetchone() if first else None
    if row is None:
        row = store.con.execute(_OUTLET_ROW, [name]).fetchone()
    if row is None:
        return None
    named, anonymous, covered_total, missed_total, solo_total, n_docs = (int(x) for x in row[:5] + row[6:7])
    # the profile as the outlets table holds it, but for its documents (the page counts them: n_docs)
    values = dict(zip(_PROFILE_FIELDS, row[7:]))
    for key in ("genre_mix", "loaded_terms"):
        values[key] = json.loads(values[key]) if isinstance(values[key], str) else values[key]
    profile = record_maker(OutletProfile)({"name": name, **{k: v for k, v in values.items() if v is not None}})
    loaded = [(Document(id=r["id"], source="", title=r["title"], published=r["published"]), r["loaded_language"])
              for r in json.loads(row[5] or "[]")[:LOADED_EXAMPLES]]
    lists = row[7 + len(_PROFILE_FIELDS):]  # the first page's, from its row of summary_outlet_pages
    if lists:
        covered, missed, solo, solo_docs, names = (json.loads(x) if x else [] for x in lists)
        documents = {d.id: d for d in map(record_maker(Document), solo_docs)}
        return OutletData(profile, loaded, covered_total, covered, missed_total, missed, named, anonymous,
                          solo_total, list(map(record_maker(Event), solo)), dict(sorted(documents.items())),
                          dict(names), n_docs)
    covered, missed, solo, documents, names = _outlet_lists(store, name, covered_total, missed_total, solo_total,
                                                            limit, offset, missed_offset, solo_offset)
    return OutletData(profile, loaded, covered_total, covered, missed_total, missed, named, anonymous, solo_total,
                      solo, documents, names, n_docs)


def _outlet_lists(store: Store, name: str, covered_total: int, missed_total: int, solo_total: int, limit: int,
                  offset: int, missed_offset: int, solo_offset: int) -> tuple[
                      list[dict[str, Any]], list[dict[str, Any]], list[Event], dict[str, Document], dict[str, str]]:
    """One page of each of an outlet's lists from the summary tables: covered and missed stories, solo events
    (with their documents' metadata and their actors' names)."""
    covered = _summary_stories(store, "summary_outlet_stories", "outlet = ?", [name], limit, offset) \
        if covered_total > offset else []
    missed = _summary_stories(store, "summary_stories", _MISSED, [name], limit, missed_offset) \
        if missed_total > missed_offset else []
    solo, documents = [], {}
    if solo_total > solo_offset:
        # each event with its document's metadata, from the same rows (no search of the documents by id)
        for rec, doc in store.con.execute("SELECT rec, doc_rec FROM summary_outlet_solo WHERE outlet = ? "
                                          "ORDER BY date NULLS LAST, id LIMIT ? OFFSET ?",
                                          [name, limit, solo_offset]).fetchall():
            solo.append(record_maker(Event)(json.loads(rec)))
            if doc is not None:
                meta = record_maker(Document)(json.loads(doc))
                documents[meta.id] = meta
    return covered, missed, solo, dict(sorted(documents.items())), entity_names(
        store, [x for e in solo for x in (e.source, e.target, e.attributed_to)])


#: the stories an outlet missed, in ``summary_stories``
_MISSED = "n_docs >= 2 AND srow NOT IN (SELECT srow FROM summary_outlet_stories WHERE outlet = ?)"


def _outlet_summarized(store: Store, profile: OutletProfile, limit: int, offset: int, missed_offset: int,
                       solo_offset: int) -> OutletData:
    """``outlet_data`` for an outlet with a profile, from the summary tables."""
    name = profile.name
    # the outlet's counts and loaded-language examples, one indexed row (an outlet without articles has none)
    row = store.con.execute("SELECT quotes_named, quotes_anonymous, n_covered, n_missed, n_solo, loaded "
                            "FROM summary_outlet WHERE outlet = ?", [name]).fetchone()
    missed_cond = _MISSED
    if row is not None:
        named, anonymous, covered_total, missed_total, solo_total = (int(x) for x in row[:5])
        loaded = [(Document(id=r["id"], source="", title=r["title"], published=r["published"]), r["loaded_language"])
                  for r in json.loads(row[5] or "[]")[:LOADED_EXAMPLES]]
    else:
        named = anonymous = covered_total = solo_total = 0
        missed_total = _count_where(store, "summary_stories", missed_cond, [name])
        loaded = []
    covered, missed, solo, documents, names = _outlet_lists(store, name, covered_total, missed_total, solo_total,
                                                            limit, offset, missed_offset, solo_offset)
    return OutletData(profile, loaded, covered_total, covered, missed_total, missed, named, anonymous,
                      solo_total, solo, documents, names)


def _summary_stories(store: Store, table: str, cond: str, params: list[Any], limit: int,
                     offset: int) -> list[dict[str, Any]]:
    sql = f"SELECT id, title, date, n_docs FROM {table} WHERE {cond} ORDER BY n_docs DESC, srow LIMIT ? OFFSET ?"  # noqa: S608
    rows = store.con.execute(sql, [*params, limit, offset]).fetchall()
    return [{"id": r[0], "title": r[1], "date": r[2], "n_docs": int(r[3])} for r in rows]
