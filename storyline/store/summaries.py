"""Summary tables for the reader's pages, written whenever the corpus is (after fuse and after an update).

A page of a large store should be a few indexed lookups, not a search through JSON columns: an
article's mentions hid in every entity's ``mentions`` list, a story's outlets and an outlet's covered,
missed and uncorroborated stories took joins over every story's document list, the quotes about an
actor a join of mentions, quotes and sentences. Each is computed here once for the whole corpus, in
set-wise SQL, into its own table keyed by the id a page asks for (with an index on that key):

- ``summary_mentions``: one row per entity mention (entity, its name and type, doc, text, offsets);
- ``summary_actor``: per entity, its record but its mentions (``rec``) and its mention, document, event (by role),
  quote and quoted-about counts;
- ``summary_aliases``: per entity and alias, its mentions and the first documents it was seen in;
- ``summary_actor_events``: per entity, the events it takes part in and as what, each with its record and its
  place in the entity's list (``pos``);
- ``summary_about``: per entity, the quotes by others that mention it (in the quote or its sentence), with
  their records;
- ``summary_partners``: per entity, its dyad partners and their event counts;
- ``summary_actor_list``: the actor list, most mentioned first, with each row's rank in it;
- ``summary_actor_pages``: per entity, the rows of its page's first page (``ACTOR_PAGE`` of each list) but its
  events (``summary_actor_events`` by ``pos``), and its record and counts of ``summary_actor``;
- ``summary_stories``: per story, its size, outlets and first and last publication dates, and its rank on the
  front page (most covered first), in the order of that rank (a page of the front page reads one stretch of it);
- ``summary_doc_disagreements``: per document, its disagreements' records in their order;
- ``summary_story_pages``: per story, every row its page shows but its disagreements, as one JSON document;
- ``summary_doc_stories``: per document, the stories holding it;
- ``summary_article_pages``: per document, every row its page shows but its disagreements, as one JSON document
  (``data``), and the document's own row;
- ``summary_outlet_docs``, ``summary_outlet_stories``, ``summary_outlet_solo``, ``summary_outlet``: per
  outlet, its documents, the stories it covered, its events no other outlet carries (with their records), and
  one row of its page's counts (quotes, covered, missed, solo), loaded-language examples and its profile
  without the list of its documents (which the page only counts);
- ``summary_outlet_pages``: per outlet, the rows of its page's first page (``FIRST_PAGE`` of each list), and its
  row of ``summary_outlet``.

``storyline.store.pages`` reads these when ``summaries_ready`` says they were written for the current
corpus, and reads the corpus tables themselves otherwise (a store written before this module existed,
opened read-only). Orders that the pages take from a table's insertion order keep that table's row
number (``*row``): only for ordering, never to join back (ids do that).

An update (``storyline.store.incremental``) rewrites only the rows of the documents, stories, actors and
outlets it touched in the tables that are per document, story, actor or outlet (``Touched``), and the small
tables and those ranking everything whole.

Usage::

    write_summaries(store)                # after the transaction that wrote the corpus committed
    write_summaries(store, touched)       # after an update's: the rows of what it touched
    summaries_ready(store)                # True once written
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field

import duckdb

from storyline.store.duckdb import Store

LOGGER = logging.getLogger(__name__)

__all__ = ["ACTOR_PAGE", "FIRST_PAGE", "SUMMARY_TABLES", "SUMMARY_VERSION", "Touched", "mark_stale",
           "summaries_ready", "write_summaries"]

#: bumped when a table's meaning changes: a store with other summaries reads the corpus tables
SUMMARY_VERSION = "8"
_META_KEY = "summaries"
#: the rows of each list on an actor's or outlet's first page that ``summary_actor_pages`` and
#: ``summary_outlet_pages`` hold (the app's page size; the SQL below spells it out)
FIRST_PAGE = 50
ACTOR_PAGE = FIRST_PAGE

#: (table, its SELECT, the columns to index) in the order they are written: later ones read earlier ones
_TABLES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # a touched actor's rows: those in the touched documents, or all of them when its name or type changed (an update
    # adds mentions only in the documents it touches, ``_MENTIONS_STALE``)
    ("summary_mentions", """
SELECT erow, entity, name, type, doc, json_extract_string(m, '$.text') AS text,
       json_extract(m, '$.start')::BIGINT AS "start", json_extract(m, '$.end')::BIGINT AS "end"
FROM (SELECT erow, id AS entity, name, type, m, json_extract_string(m, '$.doc') AS doc
      FROM (SELECT rowid AS erow, id, name, type, unnest(json_extract(mentions, '$[*]')) AS m FROM entities
            WHERE @entities(id)))
WHERE @relabelled(entity) OR @docs(doc)
""", ("doc", "entity")),
    # an alias row lists its first 12 documents (storyline.store.pages.ALIAS_DOCS)
    ("summary_aliases", """
SELECT entity, text AS alias, count(*) AS n, list(DISTINCT doc ORDER BY doc)[1:12] AS docs
FROM summary_mentions WHERE @entities(entity) GROUP BY entity, text
""", ("entity",)),
    # each row carries its event's record (``rec``) and its place in the actor's list of events (``pos``, from 1):
    # a page of an actor's events reads them here, by the index on entity, instead of searching the events table
    ("summary_actor_events", """
SELECT a.*, to_json(e) AS rec
FROM (SELECT *, row_number() OVER (PARTITION BY entity ORDER BY date NULLS LAST, id) AS pos
      FROM (SELECT x AS entity, id, date, bool_or(r = 1) AS is_source, bool_or(r = 2) AS is_target,
                   bool_or(r = 3) AS is_speaker
            FROM (SELECT id, date, source AS x, 1 AS r FROM events WHERE source IS NOT NULL AND @entities(source)
                  UNION ALL SELECT id, date, target, 2 FROM events WHERE target IS NOT NULL AND @entities(target)
                  UNION ALL SELECT id, date, attributed_to, 3 FROM events
                  WHERE attributed_to IS NOT NULL AND @entities(attributed_to))
            GROUP BY x, id, date)) a JOIN events e ON e.id = a.id
""", ("entity",)),
    # a quote by someone else (or no one named) in whose words, or whose sentence, the actor is mentioned; with the
    # quote's record (``rec``), which a page beyond an actor's first reads by the index on entity
    ("summary_about", """
WITH m AS (SELECT entity, doc, "start" AS s FROM summary_mentions WHERE @docs(doc)),
     q AS (SELECT id, doc, "start", "end", speaker FROM quotes WHERE doc IN (SELECT doc FROM m)),
     sent AS (SELECT doc, json_extract(x, '$.start')::BIGINT AS s, json_extract(x, '$.end')::BIGINT AS e
              FROM (SELECT doc_id AS doc, unnest(json_extract(data, '$.sentences[*]')) AS x FROM analyses
                    WHERE doc_id IN (SELECT doc FROM q)))
SELECT a.*, to_json(r) AS rec
FROM (SELECT DISTINCT m.entity, q.id AS quote, q.doc, q."start"
      FROM q JOIN m ON m.doc = q.doc
      LEFT JOIN sent ON sent.doc = q.doc AND sent.s <= q."start" AND q."start" < sent.e
      WHERE coalesce(q.speaker, '') <> m.entity
        AND ((m.s >= q."start" AND m.s < q."end") OR (m.s >= sent.s AND m.s < sent.e))) a
JOIN quotes r ON r.id = a.quote
""", ("entity",)),
    ("summary_partners", """
SELECT entity, other, sum(n) AS n
FROM (SELECT a AS entity, b AS other, n_events AS n FROM relations WHERE @entities(a)
      UNION ALL SELECT b, a, n_events FROM relations WHERE a <> b AND @entities(b))
GROUP BY entity, other
""", ("entity",)),
    ("summary_actor", """
WITH m AS (SELECT entity, count(*) AS n_mentions, count(DISTINCT doc) AS n_docs FROM summary_mentions
           WHERE @entities(entity) GROUP BY entity),
     ev AS (SELECT entity, count(*) AS n_events, count(*) FILTER (WHERE is_source) AS n_source,
                   count(*) FILTER (WHERE is_target) AS n_target, count(*) FILTER (WHERE is_speaker) AS n_speaker
            FROM summary_actor_events WHERE @entities(entity) GROUP BY entity),
     qs AS (SELECT speaker AS entity, count(*) AS n_quotes FROM quotes WHERE speaker IS NOT NULL AND @entities(speaker)
            GROUP BY speaker),
     ab AS (SELECT entity, count(*) AS n_about FROM summary_about WHERE @entities(entity) GROUP BY entity),
     -- an entity's first row by an aggregate of its JSON text, not a window over the table's rows: in the
     -- incremental fuse's transaction (entities deleted and inserted) DuckDB 2.0.0 crashed sorting whole rows
     en AS (SELECT id, min_by(rec, r) AS rec
            FROM (SELECT x.id, x.r, json_merge_patch(to_json(x), '{"r": null}') AS rec
                  FROM (SELECT rowid AS r, * EXCLUDE (mentions) FROM entities WHERE @entities(id)) x) GROUP BY id)
SELECT e.id AS entity, coalesce(m.n_mentions, 0) AS n_mentions, coalesce(m.n_docs, 0) AS n_docs,
       coalesce(ev.n_events, 0) AS n_events, coalesce(ev.n_source, 0) AS n_source,
       coalesce(ev.n_target, 0) AS n_target, coalesce(ev.n_speaker, 0) AS n_speaker,
       coalesce(qs.n_quotes, 0) AS n_quotes, coalesce(ab.n_about, 0) AS n_about, e.rec
FROM en e LEFT JOIN m ON m.entity = e.id LEFT JOIN ev ON ev.entity = e.id
LEFT JOIN qs ON qs.entity = e.id LEFT JOIN ab ON ab.entity = e.id
""", ("entity",)),
    # the actor list unfiltered, in its order (most mentioned first) with its rank: a page of it is one stretch
    ("summary_actor_list", """
SELECT row_number() OVER (ORDER BY sa.n_mentions DESC, e.name, e.id) AS rank, e.id, e.name, e.type, e.country,
       e.role, sa.n_mentions AS n
FROM entities e JOIN summary_actor sa ON sa.entity = e.id ORDER BY rank
""", ()),
    # an actor page's first page (no role, every list from its start, ACTOR_PAGE rows each), one JSON column per
    # list (as one document it was so long that DuckDB compressed it in a way a lookup of one row paid for all);
    # its events are summary_actor_events' first (by pos), whose column of events DuckDB compressed in such a way too.
    # With the entity's record and counts of summary_actor: the first page is two lookups, not three
    ("summary_actor_pages", """
WITH ae AS (SELECT s.entity, e AS rec, e.doc FROM summary_actor_events s JOIN events e ON e.id = s.id
            WHERE s.pos <= 50 AND @entities(s.entity)),
     aq AS (SELECT q.speaker AS entity, q AS rec, q.doc, q."start" AS st FROM quotes q
            WHERE q.speaker IS NOT NULL AND @entities(q.speaker)
            QUALIFY row_number() OVER (PARTITION BY q.speaker ORDER BY q.doc, q."start") <= 50),
     qs AS (SELECT entity, list(rec ORDER BY doc, st) AS quotes FROM aq GROUP BY entity),
     ab0 AS (SELECT a.entity, q AS rec, q.doc, q."start" AS st, q.speaker FROM summary_about a
             JOIN quotes q ON q.id = a.quote WHERE @entities(a.entity)
             QUALIFY row_number() OVER (PARTITION BY a.entity ORDER BY a.doc, a."start", a.quote) <= 50),
     ab AS (SELECT entity, list(rec ORDER BY doc, st) AS about FROM ab0 GROUP BY entity),
     al AS (SELECT entity, list({'alias': alias, 'n': n, 'docs': docs} ORDER BY n DESC, alias) AS aliases
            FROM summary_aliases WHERE @entities(entity) GROUP BY entity),
     pt AS (SELECT entity, other, n FROM summary_partners WHERE @entities(entity)
            QUALIFY row_number() OVER (PARTITION BY entity ORDER BY n DESC, other) <= 12),
     po AS (SELECT entity, list(other ORDER BY n DESC, other) AS others FROM pt GROUP BY entity),
     rl0 AS (SELECT pt.entity, r FROM pt JOIN relations r ON r.a = pt.entity AND r.b = pt.other
             UNION ALL SELECT pt.entity, r FROM pt
             JOIN relations r ON r.b = pt.entity AND r.a = pt.other AND r.a <> r.b),
     rl AS (SELECT entity, list(r ORDER BY r.period, r.a, r.b) AS relations FROM rl0 GROUP BY entity),
     who AS (SELECT entity, unnest([rec.source, rec.target, rec.attributed_to]) AS actor FROM ae
             UNION SELECT entity, other FROM pt UNION SELECT entity, speaker FROM ab0),
     nm AS (SELECT who.entity, list([n.id, n.name] ORDER BY n.id) AS names FROM who JOIN entities n ON n.id = who.actor
            GROUP BY who.entity),
     sd AS (SELECT entity, doc FROM ae UNION SELECT entity, doc FROM aq UNION SELECT entity, doc FROM ab0
            UNION SELECT entity, unnest(docs) FROM summary_aliases WHERE @entities(entity)),
     dm AS (SELECT sd.entity, list({'id': m.id, 'source': m.source, 'url': m.url, 'title': m.title, 'outlet': m.outlet,
                         'author': m.author, 'published': m.published, 'published_precision': m.published_precision,
                         'language': m.language, 'genre': m.genre, 'near_duplicates': m.near_duplicates}
                              ORDER BY m.id) AS documents FROM sd JOIN documents m ON m.id = sd.doc GROUP BY sd.entity)
SELECT sa.entity, to_json(al.aliases) AS aliases, to_json(qs.quotes) AS quotes,
       to_json(ab.about) AS about, to_json(po.others) AS others, to_json(rl.relations) AS relations,
       to_json(nm.names) AS names, to_json(dm.documents) AS documents, sa.rec, sa.n_mentions, sa.n_docs,
       sa.n_events, sa.n_quotes, sa.n_about
FROM summary_actor sa LEFT JOIN al ON al.entity = sa.entity
LEFT JOIN qs ON qs.entity = sa.entity LEFT JOIN ab ON ab.entity = sa.entity LEFT JOIN po ON po.entity = sa.entity
LEFT JOIN rl ON rl.entity = sa.entity LEFT JOIN nm ON nm.entity = sa.entity LEFT JOIN dm ON dm.entity = sa.entity
WHERE @entities(sa.entity)
""", ("entity",)),
    ("summary_stories", """
WITH s AS (SELECT rowid AS srow, id, title, date, CAST(docs AS VARCHAR[]) AS docs FROM stories),
     o AS (SELECT u.srow, list(DISTINCT d.outlet ORDER BY d.outlet) FILTER (WHERE d.outlet IS NOT NULL) AS outlets,
                  min(d.published) AS first, max(d.published) AS last
           FROM (SELECT srow, unnest(docs) AS doc FROM s) u JOIN documents d ON d.id = u.doc GROUP BY u.srow)
SELECT s.srow, s.id, s.title, s.date, len(s.docs) AS n_docs, o.outlets, o.first, o.last,
       row_number() OVER (ORDER BY len(s.docs) DESC, s.srow) AS rank
FROM s LEFT JOIN o ON o.srow = s.srow ORDER BY rank
""", ("id",)),
    # each document's disagreements (their records, and their order: ``r``, the place in its story's list, which the
    # disagreements table holds in rank order): a disagreement's id is its content's (``disagreement_id``), and its
    # place moves only when its own story's list changes, so an update rewrites the rows of the documents of the
    # stories whose list changed (``Touched.disputed``) and no other (the pages below leave them out)
    ("summary_doc_disagreements", """
WITH st AS (SELECT doc, min(id) AS story FROM (SELECT id, unnest(CAST(docs AS VARCHAR[])) AS doc FROM stories)
            GROUP BY doc),
     d AS (SELECT p.pos AS dr, to_json(x) AS rec, json_extract_string(x.sides, '$[*].doc') AS docs
           FROM (SELECT * EXCLUDE (pos) FROM disagreements) x JOIN (SELECT id AS pid, pos FROM disagreements) p
           ON p.pid = x.id),
     r AS (SELECT d.rec, d.docs, row_number() OVER (PARTITION BY st.story ORDER BY d.dr) AS r
           FROM d LEFT JOIN st ON st.doc = d.docs[1])
SELECT DISTINCT doc, r, rec FROM (SELECT r, rec, unnest(docs) AS doc FROM r) WHERE @disputed(doc)
""", ("doc",)),
    # everything a story page reads but its disagreements, as one JSON document per story (a page is then one lookup
    # and one of summary_doc_disagreements): the rows each read of storyline.store.pages.story_data would give, in
    # the same orders; of stories sharing an id, the
    # first. ``srow`` here is the story's id: no row number is kept (an update rewrites some rows, and DuckDB
    # renumbers a table's rows when it compacts deleted ones, which the other rows' numbers would not follow)
    ("summary_story_pages", """
WITH f AS (SELECT id, min(rowid) AS r FROM stories WHERE @stories(id) GROUP BY id),
     s AS (SELECT x.id AS srow, x AS story, list_distinct(CAST(x.docs AS VARCHAR[])) AS docs FROM stories x
           JOIN f ON f.r = x.rowid),
     sd AS (SELECT DISTINCT srow, unnest(docs) AS doc FROM s),
     ev AS (SELECT sd.srow, list(e ORDER BY e.date NULLS LAST, e.id) AS events FROM sd JOIN events e ON e.doc = sd.doc
            GROUP BY sd.srow),
     sei AS (SELECT DISTINCT sd.srow, e.story_event AS se FROM sd JOIN events e ON e.doc = sd.doc
             WHERE e.story_event IS NOT NULL),
     ses AS (SELECT sei.srow, list(x.rec ORDER BY x.r) AS story_events FROM sei
             JOIN (SELECT rowid AS r, id, story_events AS rec FROM story_events) x ON x.id = sei.se GROUP BY sei.srow),
     qs AS (SELECT sd.srow, list(q ORDER BY q.doc, q."start") AS quotes FROM sd JOIN quotes q ON q.doc = sd.doc
            GROUP BY sd.srow),
     dm AS (SELECT sd.srow, list({'id': d.id, 'source': d.source, 'url': d.url, 'title': d.title, 'outlet': d.outlet,
                                  'author': d.author, 'published': d.published,
                                  'published_precision': d.published_precision, 'language': d.language,
                                  'genre': d.genre, 'near_duplicates': d.near_duplicates} ORDER BY d.id) AS documents
            FROM sd JOIN documents d ON d.id = sd.doc GROUP BY sd.srow),
     who AS (SELECT DISTINCT sd.srow, unnest([e.source, e.target, e.attributed_to]) AS actor FROM sd
             JOIN events e ON e.doc = sd.doc
             UNION SELECT DISTINCT sei.srow, unnest([x.source, x.target]) FROM sei JOIN story_events x ON x.id = sei.se
             UNION SELECT DISTINCT sd.srow, q.speaker FROM sd JOIN quotes q ON q.doc = sd.doc),
     nm AS (SELECT who.srow, list([n.id, n.name] ORDER BY n.id) AS names FROM who JOIN entities n ON n.id = who.actor
            GROUP BY who.srow)
SELECT s.srow AS id, to_json({'story': s.story, 'events': ev.events, 'story_events': ses.story_events,
                              'quotes': qs.quotes, 'documents': dm.documents, 'names': nm.names}) AS data
FROM s LEFT JOIN ev ON ev.srow = s.srow LEFT JOIN ses ON ses.srow = s.srow
LEFT JOIN qs ON qs.srow = s.srow LEFT JOIN dm ON dm.srow = s.srow LEFT JOIN nm ON nm.srow = s.srow
""", ("id",)),
    ("summary_doc_stories", """
SELECT DISTINCT doc, id AS story, srow
FROM (SELECT rowid AS srow, id, unnest(CAST(docs AS VARCHAR[])) AS doc FROM stories)
""", ("doc",)),
    # what an article page reads besides its disagreements, as one JSON document per article (``data``), next to
    # the document's own row (its columns after ``data``; ``id`` is the key ``doc`` again): the page is one lookup
    ("summary_article_pages", """
WITH sn AS (SELECT doc_id AS doc, json_extract(data, '$.sentences') AS sentences FROM analyses WHERE @docs(doc_id)),
     mn AS (SELECT doc, list({'id': entity, 'name': name, 'type': type, 'text': text, 'start': "start", 'end': "end"}
                             ORDER BY erow, "start") AS mentions FROM summary_mentions WHERE @docs(doc) GROUP BY doc),
     ev AS (SELECT e.doc, list(e ORDER BY e.date NULLS LAST, e.id) AS events FROM events e WHERE @docs(e.doc)
            GROUP BY e.doc),
     qs AS (SELECT q.doc, list(q ORDER BY q."start") AS quotes FROM quotes q WHERE @docs(q.doc) GROUP BY q.doc),
     st AS (SELECT ds.doc, list(x.rec ORDER BY x.r) AS stories
            FROM (SELECT DISTINCT doc, srow FROM summary_doc_stories WHERE @docs(doc)) ds
            JOIN (SELECT rowid AS r, stories AS rec FROM stories) x ON x.r = ds.srow GROUP BY ds.doc),
     who AS (SELECT DISTINCT doc, unnest([source, target, attributed_to]) AS actor FROM events WHERE @docs(doc)
             UNION SELECT DISTINCT doc, speaker FROM quotes WHERE @docs(doc)),
     nm AS (SELECT who.doc, list([n.id, n.name] ORDER BY n.id) AS names FROM who JOIN entities n ON n.id = who.actor
            GROUP BY who.doc),
     nd AS (SELECT x.doc, list({'id': m.id, 'source': m.source, 'url': m.url, 'title': m.title, 'outlet': m.outlet,
                         'author': m.author, 'published': m.published, 'published_precision': m.published_precision,
                         'language': m.language, 'genre': m.genre, 'near_duplicates': m.near_duplicates}
                              ORDER BY m.id) AS duplicates
            FROM (SELECT DISTINCT id AS doc, unnest(json_extract_string(near_duplicates, '$[*].doc')) AS other
                  FROM documents WHERE @docs(id)) x JOIN documents m ON m.id = x.other GROUP BY x.doc)
SELECT d.id AS doc, to_json({'sentences': sn.sentences, 'mentions': mn.mentions, 'events': ev.events,
                             'quotes': qs.quotes, 'stories': st.stories,
                             'names': nm.names, 'duplicates': nd.duplicates}) AS data, d.*
FROM documents d LEFT JOIN sn ON sn.doc = d.id LEFT JOIN mn ON mn.doc = d.id
LEFT JOIN ev ON ev.doc = d.id LEFT JOIN qs ON qs.doc = d.id
LEFT JOIN st ON st.doc = d.id LEFT JOIN nm ON nm.doc = d.id LEFT JOIN nd ON nd.doc = d.id
WHERE @docs(d.id)
""", ("doc",)),
    ("summary_outlet_docs", """
SELECT DISTINCT outlet, doc FROM (SELECT name AS outlet, unnest(CAST(docs AS VARCHAR[])) AS doc FROM outlets)
""", ("outlet",)),
    ("summary_outlet_stories", """
SELECT DISTINCT od.outlet, ss.srow, ss.id, ss.title, ss.date, ss.n_docs
FROM summary_outlet_docs od JOIN summary_doc_stories ds ON ds.doc = od.doc JOIN summary_stories ss ON ss.srow = ds.srow
""", ("outlet",)),
    # an event no other outlet corroborates: in no story event, or in one only this outlet's articles carry; with
    # the event's record (``rec``) and its document's metadata (``doc_rec``), read by the index on outlet
    # an event's row is its document's (``_KEY_ROWS``): whether another outlet carries it changes only when its story
    # event does, and an update touches the documents of every story event it changes (and of every copy, whose
    # ``doc_rec`` changes); an outlet's other events are as they were, and so is every story event they are in
    ("summary_outlet_solo", """
WITH se_outlets AS (SELECT DISTINCT se.id AS se, coalesce(dd.outlet, '') AS outlet
                    FROM story_events se, unnest(CAST(se.docs AS VARCHAR[])) AS u(d) JOIN documents dd ON dd.id = u.d
                    WHERE se.id IN (SELECT story_event FROM events WHERE @docs(doc))),
     solo AS (SELECT DISTINCT od.outlet, e.id, e.date FROM summary_outlet_docs od JOIN events e ON e.doc = od.doc
              WHERE @docs(e.doc) AND (e.story_event IS NULL
                 OR NOT EXISTS (SELECT 1 FROM se_outlets s WHERE s.se = e.story_event AND s.outlet <> od.outlet)))
SELECT solo.*, to_json(e) AS rec,
       CASE WHEN m.id IS NOT NULL THEN to_json({'id': m.id, 'source': m.source, 'url': m.url, 'title': m.title,
            'outlet': m.outlet, 'author': m.author, 'published': m.published,
            'published_precision': m.published_precision, 'language': m.language, 'genre': m.genre,
            'near_duplicates': m.near_duplicates}) END AS doc_rec
FROM solo JOIN events e ON e.id = solo.id LEFT JOIN documents m ON m.id = e.doc
""", ("outlet",)),
    # per outlet, one row with what its page counts (quotes, covered, missed and solo stories and events) and its
    # loaded-language examples (storyline.store.pages.LOADED_EXAMPLES of them, as JSON)
    ("summary_outlet", """
WITH qs AS (SELECT od.outlet, count(q.speaker) AS quotes_named, count(q.id) - count(q.speaker) AS quotes_anonymous
            FROM summary_outlet_docs od LEFT JOIN quotes q ON q.doc = od.doc GROUP BY od.outlet),
     cov AS (SELECT outlet, count(*) AS n_covered, count(*) FILTER (WHERE n_docs >= 2) AS n_covered2
             FROM summary_outlet_stories GROUP BY outlet),
     so AS (SELECT outlet, count(*) AS n_solo FROM summary_outlet_solo GROUP BY outlet),
     ld0 AS (SELECT od.outlet, d.id, d.title, d.published, d.loaded_language
             FROM summary_outlet_docs od JOIN documents d ON d.id = od.doc
             WHERE json_array_length(d.loaded_language) > 0
             QUALIFY row_number() OVER (PARTITION BY od.outlet ORDER BY d.published NULLS LAST, d.id) <= 20),
     ld AS (SELECT outlet, to_json(list({'id': id, 'title': title, 'published': published,
                                         'loaded_language': loaded_language}
                                        ORDER BY published NULLS LAST, id)) AS loaded
            FROM ld0 GROUP BY outlet)
SELECT qs.outlet, qs.quotes_named, qs.quotes_anonymous, coalesce(cov.n_covered, 0) AS n_covered,
       (SELECT count(*) FROM summary_stories WHERE n_docs >= 2) - coalesce(cov.n_covered2, 0) AS n_missed,
       coalesce(so.n_solo, 0) AS n_solo, ld.loaded,
       coalesce(p.v.n_docs, 0) AS n_docs, p.v.genre_mix AS genre_mix,
       p.v.loaded_language_per_1k_words AS loaded_language_per_1k_words, p.v.loaded_terms AS loaded_terms,
       p.v.named_sources AS named_sources, p.v.anonymous_sources AS anonymous_sources,
       p.v.uncorroborated_share AS uncorroborated_share
FROM qs LEFT JOIN cov ON cov.outlet = qs.outlet LEFT JOIN so ON so.outlet = qs.outlet
LEFT JOIN ld ON ld.outlet = qs.outlet
-- an outlet's first row by an aggregate (not a window over its rows: see summary_actor's en)
LEFT JOIN (SELECT name, min_by({'n_docs': json_array_length(docs), 'genre_mix': genre_mix,
                                 'loaded_language_per_1k_words': loaded_language_per_1k_words,
                                 'loaded_terms': loaded_terms, 'named_sources': named_sources,
                                 'anonymous_sources': anonymous_sources,
                                 'uncorroborated_share': uncorroborated_share}, rowid) AS v
           FROM outlets GROUP BY name) p ON p.name = qs.outlet
""", ("outlet",)),
    # an outlet page's first page (every list from its start, 50 rows each): the stories it covered and missed,
    # most covered first, and its uncorroborated events with their documents' metadata and their actors' names.
    # A missed story is among the first (50 + the outlet's covered stories of two articles or more) of all such
    # stories: only those are joined per outlet, not every story. With the outlet's row of summary_outlet: the first
    # page is one lookup
    ("summary_outlet_pages", """
WITH cov AS (SELECT outlet, srow, id, title, date, n_docs FROM summary_outlet_stories WHERE @outlets(outlet)
             QUALIFY row_number() OVER (PARTITION BY outlet ORDER BY n_docs DESC, srow) <= 50),
     cv AS (SELECT outlet, list({'id': id, 'title': title, 'date': date, 'n_docs': n_docs}
                                ORDER BY n_docs DESC, srow) AS covered FROM cov GROUP BY outlet),
     ranked AS (SELECT srow, id, title, date, n_docs, row_number() OVER (ORDER BY n_docs DESC, srow) AS r
                FROM summary_stories WHERE n_docs >= 2),
     k AS (SELECT o.outlet, count(s.srow) AS k FROM (SELECT DISTINCT outlet FROM summary_outlet_docs
                                                      WHERE @outlets(outlet)) o
           LEFT JOIN summary_outlet_stories s ON s.outlet = o.outlet AND s.n_docs >= 2 GROUP BY o.outlet),
     mi0 AS (SELECT k.outlet, rk.* FROM k JOIN ranked rk ON rk.r <= k.k + 50
             WHERE NOT EXISTS (SELECT 1 FROM summary_outlet_stories s WHERE s.outlet = k.outlet AND s.srow = rk.srow)
             QUALIFY row_number() OVER (PARTITION BY k.outlet ORDER BY rk.r) <= 50),
     mi AS (SELECT outlet, list({'id': id, 'title': title, 'date': date, 'n_docs': n_docs} ORDER BY r) AS missed
            FROM mi0 GROUP BY outlet),
     so0 AS (SELECT outlet, id, date, rec, doc_rec FROM summary_outlet_solo WHERE @outlets(outlet)
             QUALIFY row_number() OVER (PARTITION BY outlet ORDER BY date NULLS LAST, id) <= 50),
     so AS (SELECT outlet, list(rec ORDER BY date NULLS LAST, id) AS solo,
                   list(doc_rec ORDER BY date NULLS LAST, id) FILTER (WHERE doc_rec IS NOT NULL) AS solo_docs
            FROM so0 GROUP BY outlet),
     who AS (SELECT DISTINCT outlet, unnest([json_extract_string(rec, '$.source'), json_extract_string(rec, '$.target'),
                                             json_extract_string(rec, '$.attributed_to')]) AS actor FROM so0),
     nm AS (SELECT who.outlet, list([n.id, n.name] ORDER BY n.id) AS names FROM who JOIN entities n ON n.id = who.actor
            GROUP BY who.outlet)
SELECT k.outlet, to_json(cv.covered) AS covered, to_json(mi.missed) AS missed, to_json(so.solo) AS solo,
       to_json(so.solo_docs) AS solo_docs, to_json(nm.names) AS names, ot.* EXCLUDE (outlet)
FROM k JOIN summary_outlet ot ON ot.outlet = k.outlet LEFT JOIN cv ON cv.outlet = k.outlet
LEFT JOIN mi ON mi.outlet = k.outlet LEFT JOIN so ON so.outlet = k.outlet LEFT JOIN nm ON nm.outlet = k.outlet
""", ("outlet",)),
)

#: every summary table's name
SUMMARY_TABLES = tuple(name for name, _, _ in _TABLES)

#: the tables an update rewrites only in part: their rows of the touched keys (``Touched``), by the key's kind and
#: column; ``@kind(expr)`` in a table's SELECT narrows it to those keys. The others (a rank over every actor or
#: story, an outlet's missed stories, small tables) are written whole each time
_KEYED: dict[str, tuple[str, str]] = {
    "summary_mentions": ("entities", "entity"), "summary_aliases": ("entities", "entity"),
    "summary_actor_events": ("entities", "entity"),
    # a quote's row is its document's: an update adds quotes and mentions only to the documents it touches (a
    # stored entity keeps its mentions, a new one has none in a stored document), and a popular actor's rows
    # elsewhere are as they were
    "summary_about": ("docs", "doc"),
    "summary_partners": ("entities", "entity"), "summary_actor": ("entities", "entity"),
    "summary_actor_pages": ("entities", "entity"), "summary_story_pages": ("stories", "id"),
    "summary_article_pages": ("docs", "doc"), "summary_outlet_solo": ("docs", "id"),
    "summary_doc_disagreements": ("disputed", "doc"),
    # an outlet's first page also lists the first stories of the front page it missed: the outlets whose stretch
    # of that ranking changed join the touched ones (``_rank_touched_outlets``), and the others' counts of
    # summary_outlet are copied in (``n_missed`` counts every story of two articles or more)
    "summary_outlet_pages": ("outlets", "outlet"),
}
#: the keyed tables whose touched rows are compared with those stored, and only the rows that differ written
_DIFFED = frozenset({"summary_mentions", "summary_aliases", "summary_actor_events"})
#: the stored rows of the touched keys that a narrowed SELECT may give again, where not all of them: a popular actor's
#: mention rows in the documents an update did not touch are as they were, and are not read to be compared
_STALE: dict[str, str] = {"summary_mentions": "(entity IN (SELECT key FROM summary_keys_relabelled) "
                                              "OR doc IN (SELECT key FROM summary_keys_docs))"}
#: the keyed tables whose rows of the touched keys are not those of a column of their own: the condition naming them
_KEY_ROWS: dict[str, str] = {
    "summary_outlet_solo": "id IN (SELECT id FROM events WHERE doc IN (SELECT key FROM summary_keys_docs))"}
_KINDS = ("docs", "entities", "stories", "outlets", "disputed", "relabelled")
_FILTER = re.compile(r"@(docs|entities|stories|outlets|disputed|relabelled)\(([^()]+)\)")

#: indexes on the corpus tables for the lookups the pages make by a column other than a table's key
_INDEXES = (("events", "doc"), ("events", "id"), ("quotes", "doc"), ("quotes", "speaker"), ("quotes", "id"),
            ("entities", "id"), ("stories", "id"), ("relations", "a"), ("relations", "b"), ("outlets", "name"))


@dataclass
class Touched:
    """What an update changed, for ``write_summaries`` to rewrite the rows of those keys only.

    ``docs``: documents whose page may show something else (new, in a changed story or story event, a copy's
    partner, naming a renamed actor, in a changed disagreement); the stories holding them and their outlets are
    touched with them. ``entities``: actors whose page may show something else. ``stories``: stories removed
    or added (their rows go even when no touched document is in them any more). ``disputed``: documents whose
    list of disagreements (or a place or record in it) may have changed.
    """
    docs: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    stories: set[str] = field(default_factory=set)
    disputed: set[str] = field(default_factory=set)
    #: actors whose name or type changed: every row of theirs is written again (of another touched actor, only the
    #: rows of its mentions in the touched documents: an update adds mentions only there)
    relabelled: set[str] = field(default_factory=set)


def _narrowed(select: str, keyed: bool) -> str:
    """A table's SELECT over the touched keys (``keyed``), or over everything."""
    # fixed names: the expressions and kinds written in _TABLES
    return _FILTER.sub(lambda m: f"({m.group(2)}) IN (SELECT key FROM summary_keys_{m.group(1)})"  # noqa: S608
                       if keyed else "TRUE", select)


def write_summaries(store: Store, touched: Touched | None = None) -> None:
    """(Re)write the summary tables from the store's corpus tables, and mark them current.

    ``touched`` (given when the summaries were current before the change it lists): rewrite only the rows of
    those keys in the keyed tables (``_KEYED``), and the others whole; the result is the one a whole rewrite
    gives. The whole rewrite is taken anyway when the row numbers the summaries keep (``erow``, ``srow``) are
    not the corpus tables' (DuckDB may renumber a table's rows when it compacts deleted ones at a checkpoint).
    Row numbers are final only once the rows' transaction committed (until then DuckDB gives the rows it added
    provisional ones): summaries written in the transaction that wrote the corpus are whole ones, and a later
    ``touched`` write finds their row numbers stale. Runs inside the caller's transaction when there is one.
    """
    t0 = time.perf_counter()
    con = store.con
    keyed = False
    if touched is not None:
        _touched_keys(con, touched)
        keyed = _row_numbers_current(con)
        LOGGER.debug("touched: %d documents, %d actors", len(touched.docs), len(touched.entities))
    ranking = _missable(con) if keyed else []
    for name, select, keys in _TABLES:
        t1 = time.process_time()
        if keyed and name in _KEYED and _same_columns(con, name, select):
            kind, column = _KEYED[name]
            if name == "summary_outlet_pages":
                _rank_touched_outlets(con, ranking)
            if name in _DIFFED:
                _write_changed_rows(con, name, column, kind, _narrowed(select, True), _STALE.get(name, "TRUE"))
            else:
                # fixed names: the tables, key columns and kinds of _TABLES and _KEYED
                rows = _KEY_ROWS.get(name, f'"{column}" IN (SELECT key FROM summary_keys_{kind})')  # noqa: S608
                con.execute(f"DELETE FROM {name} WHERE {rows}")  # noqa: S608
                con.execute(f"INSERT INTO {name} {_narrowed(select, True)}")
            if name == "summary_outlet_pages":
                _copy_outlet_counts(con)
        else:
            # DuckDB picks each column's compression: forcing one (dict_fsst, to keep long JSON out of ZSTD)
            # corrupted string segments when the tables were rewritten inside the incremental fuse's transaction
            con.execute(f"CREATE OR REPLACE TABLE {name} AS {_narrowed(select, False)}")
            for key in keys:
                con.execute(f'CREATE INDEX {name}_{key} ON {name} ("{key}")')
        LOGGER.debug("%s: %.2f CPU-s", name, time.process_time() - t1)
    if touched is not None:
        for kind in _KINDS:
            con.execute(f"DROP TABLE IF EXISTS summary_keys_{kind}")
    for table, column in _INDEXES:
        con.execute(f'CREATE INDEX IF NOT EXISTS {table}_{column} ON {table} ("{column}")')
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [_META_KEY, SUMMARY_VERSION])
    store.summaries_ready = True  # type: ignore[attr-defined]
    LOGGER.info("summary tables written in %.2f s (%s)", time.perf_counter() - t0, "touched rows" if keyed else "all")


def _write_changed_rows(con: duckdb.DuckDBPyConnection, name: str, column: str, kind: str, select: str,
                        stale: str = "TRUE") -> None:
    """The rows of the touched keys of ``name`` (those of them ``stale`` holds for) made those ``select`` gives,
    deleting and inserting only the rows that differ (as multisets: the n-th copy of a row matches the n-th). A
    touched actor with thousands of mentions usually gains a few: deleting and inserting all its rows made the
    update's commit cost more than the statements that wrote them."""
    cols = [f'"{r[0]}"' for r in con.execute(f"DESCRIBE {name}").fetchall()]
    every = ", ".join(cols)
    same = " AND ".join(f"f.{c} IS NOT DISTINCT FROM s.{c}" for c in [*cols, "n__"])
    # fixed names: the tables, key columns and kinds of _TABLES and _KEYED, and the table's own columns
    con.execute(f"CREATE OR REPLACE TEMP TABLE summary_fresh AS SELECT *, "  # noqa: S608
                f"row_number() OVER (PARTITION BY {every}) AS n__ FROM ({select})")
    con.execute(f"CREATE OR REPLACE TEMP TABLE summary_stale AS SELECT {every}, rowid AS rid, "  # noqa: S608
                f"row_number() OVER (PARTITION BY {every} ORDER BY rowid) AS n__ "
                f'FROM {name} WHERE "{column}" IN (SELECT key FROM summary_keys_{kind}) AND {stale}')
    con.execute(f"DELETE FROM {name} WHERE rowid IN (SELECT s.rid FROM summary_stale s "  # noqa: S608
                f"ANTI JOIN summary_fresh f ON {same})")
    con.execute(f"INSERT INTO {name} SELECT f.* EXCLUDE (n__) FROM summary_fresh f "  # noqa: S608
                f"ANTI JOIN summary_stale s ON {same}")
    con.execute("DROP TABLE summary_fresh")
    con.execute("DROP TABLE summary_stale")


def _missable(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """The stories an outlet's page may list as missed, in their order (the front page's of two articles or more)."""
    return con.execute("SELECT id, title, date, n_docs FROM summary_stories WHERE n_docs >= 2 ORDER BY rank").fetchall()


def _rank_touched_outlets(con: duckdb.DuckDBPyConnection, before: list[tuple]) -> None:
    """Add to the touched outlets those whose missed stories may have changed: an outlet's list is read from the
    first (its covered stories of two articles or more + ``FIRST_PAGE``) of the ranking, so an untouched outlet
    (its covered stories are those it had) whose stretch ends before the first place the ranking changed keeps it."""
    after = _missable(con)
    first = next((i for i, (x, y) in enumerate(zip(before, after)) if x != y), min(len(before), len(after)))
    if before == after:
        return
    con.execute(f"""
INSERT INTO summary_keys_outlets
SELECT o.outlet FROM (SELECT DISTINCT outlet FROM summary_outlet_docs) o
LEFT JOIN summary_outlet_stories s ON s.outlet = o.outlet AND s.n_docs >= 2
WHERE o.outlet NOT IN (SELECT key FROM summary_keys_outlets)
GROUP BY o.outlet HAVING count(s.srow) + {FIRST_PAGE} > ?""", [first])  # noqa: S608 -- a fixed number


def _copy_outlet_counts(con: duckdb.DuckDBPyConnection) -> None:
    """The other outlets' rows of summary_outlet_pages take their row of summary_outlet (whose ``n_missed`` any
    new story of two articles changes), column by column: their lists are as they were."""
    cols = [r[0] for r in con.execute("DESCRIBE summary_outlet").fetchall() if r[0] != "outlet"]
    sets = ", ".join(f'"{c}" = o."{c}"' for c in cols)
    con.execute(f"UPDATE summary_outlet_pages SET {sets} FROM summary_outlet o "  # noqa: S608 -- the table's columns
                "WHERE o.outlet = summary_outlet_pages.outlet "
                "AND summary_outlet_pages.outlet NOT IN (SELECT key FROM summary_keys_outlets)")


def _same_columns(con: duckdb.DuckDBPyConnection, name: str, select: str) -> bool:
    """Whether the table ``name`` has the columns its SELECT gives now: a corpus table may have gained one since
    (``summary_article_pages`` holds the documents' columns), and then the table is written whole."""
    had = [r[0] for r in con.execute(f"DESCRIBE {name}").fetchall()]
    return had == [r[0] for r in con.execute(f"DESCRIBE {_narrowed(select, True)}").fetchall()]


def _touched_keys(con: duckdb.DuckDBPyConnection, touched: Touched) -> None:
    """The keys of each kind, as tables the narrowed SELECTs read: the stories and outlets of the touched
    documents join the given ones."""
    con.execute("CREATE OR REPLACE TEMP TABLE summary_keys_docs AS SELECT DISTINCT UNNEST(?::VARCHAR[]) AS key",
                [sorted(touched.docs)])
    con.execute("CREATE OR REPLACE TEMP TABLE summary_keys_entities AS SELECT DISTINCT UNNEST(?::VARCHAR[]) AS key",
                [sorted(touched.entities)])
    con.execute("CREATE OR REPLACE TEMP TABLE summary_keys_disputed AS SELECT DISTINCT UNNEST(?::VARCHAR[]) AS key",
                [sorted(touched.disputed)])
    con.execute("CREATE OR REPLACE TEMP TABLE summary_keys_relabelled AS SELECT DISTINCT UNNEST(?::VARCHAR[]) AS key",
                [sorted(touched.relabelled)])
    con.execute("CREATE OR REPLACE TEMP TABLE summary_keys_stories AS "
                "SELECT UNNEST(?::VARCHAR[]) AS key UNION SELECT id FROM "
                "(SELECT id, unnest(CAST(docs AS VARCHAR[])) AS doc FROM stories) "
                "WHERE doc IN (SELECT key FROM summary_keys_docs)", [sorted(touched.stories)])
    con.execute("CREATE OR REPLACE TEMP TABLE summary_keys_outlets AS SELECT DISTINCT name AS key FROM "
                "(SELECT name, unnest(CAST(docs AS VARCHAR[])) AS doc FROM outlets) "
                "WHERE doc IN (SELECT key FROM summary_keys_docs)")


def _row_numbers_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the entity row numbers (``erow``) of the rows not written again (all but a relabelled actor's: a
    touched actor keeps its rows outside the touched documents) are still those of the entities table."""
    stale = con.execute("""
SELECT count(*) FROM (SELECT DISTINCT entity, erow FROM summary_mentions
                      WHERE entity NOT IN (SELECT key FROM summary_keys_relabelled)) m
JOIN (SELECT rowid AS r, id FROM entities) e ON e.id = m.entity WHERE e.r <> m.erow
""").fetchone()
    return stale is not None and stale[0] == 0


def mark_stale(store: Store) -> None:
    """Say the summary tables no longer match the corpus: the pages read the corpus tables until
    ``write_summaries`` runs again. A batched fuse marks them so after each batch and writes them once at
    the end: rewriting them all per batch grew with the store and held the batch's transaction at several GB.
    """
    store.con.execute("DELETE FROM meta WHERE key = ?", [_META_KEY])
    store.summaries_ready = False  # type: ignore[attr-defined]


def summaries_ready(store: Store) -> bool:
    """Whether the store holds this version's summary tables (asked once per ``Store`` object)."""
    known = getattr(store, "summaries_ready", None)
    if isinstance(known, bool):
        return known
    try:
        row = store.con.execute("SELECT value FROM meta WHERE key = ?", [_META_KEY]).fetchone()
    except duckdb.Error:  # no meta table: not a store this version wrote
        row = None
    ready = bool(row and row[0] == SUMMARY_VERSION)
    store.summaries_ready = ready  # type: ignore[attr-defined]
    return ready
