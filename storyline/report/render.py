"""The offline HTML report: one self-contained file, every untrusted string escaped.

``report_context`` builds the data once; the static report and the web app (``storyline serve``)
render it with the same template. Article text, titles and metadata are untrusted: the Jinja2
environment autoescapes everything, URLs are linked only when they are plain http(s), and the
page's Content-Security-Policy allows no script but the report's own (pinned by its hash).
"""
from __future__ import annotations

import base64
import collections
import functools
import hashlib
import logging
import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from storyline.model import Corpus, Document
from storyline.report.charts import COLOURS, network, parse_date, polarity, timeline
from storyline.report.highlight import anchor, article_view, index_by_doc, sentence_anchor
from storyline.store.pages import connection_memo
from storyline.store.summaries import summaries_ready

if TYPE_CHECKING:
    from storyline.store import Store

LOGGER = logging.getLogger(__name__)

#: only these URLs become links; anything else (javascript:, data:, vbscript:, relative) stays text
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.IGNORECASE)
#: longest snippet of a document shown in lists before the reader opens the article
SNIPPET_CHARS = 240


class DictEnvironment(jinja2.Environment):
    """Jinja2, with ``x.key`` on a plain dict looking the key up first.

    The report context is dicts all the way down; Jinja tries an attribute first and pays for a
    caught AttributeError on every ``row.field`` (a quarter of the page's rendering time). Keys
    never shadow dict methods in the templates, so this changes no output.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """The templates' compiled code, kept in the cache directory: compiling the report's templates costs about
    0.1 CPU-s in every run that writes a report, loading their code a millisecond.

    Jinja keys a template's code by its name and the checksum of its source; the checksum here also covers the
    environment's options that change the compiled code and Jinja's version, so no stale code is ever run. A cache
    directory that cannot be written only means compiling again next time.
    """

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        options = (jinja2.__version__, type(environment).__qualname__, environment.trim_blocks,
                   environment.lstrip_blocks, environment.keep_trailing_newline, environment.newline_sequence,
                   environment.autoescape, environment.optimized, sorted(environment.extensions),
                   environment.block_start_string, environment.block_end_string,
                   environment.variable_start_string, environment.variable_end_string,
                   environment.comment_start_string, environment.comment_end_string,
                   environment.line_statement_prefix, environment.line_comment_prefix)
        return super().get_bucket(environment, name, filename, f"{source}\0{options!r}")

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as exc:
            LOGGER.info("cannot keep the compiled template %s (%s)", bucket.key, exc)


@functools.lru_cache(maxsize=1)
def template_cache() -> TemplateCache | None:
    """The compiled templates' cache (None when the cache directory cannot be made)."""
    from storyline.cache import cache_dir

    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateCache(str(folder))


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    # autoescape everything: titles, bodies and metadata come from untrusted web pages
    env = DictEnvironment(
        loader=jinja2.PackageLoader("storyline.report", "templates"), bytecode_cache=template_cache(),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["article_body"] = article_body
    return env


_Tags = dict[tuple[str, str, str | None], str]


def _runs_html(runs: list[dict[str, Any]], out: list[str], tags: _Tags) -> None:
    for r in runs:
        if r["classes"]:
            # an actor's mentions share their tag: escape its attributes once per article
            key = (r["classes"], r["title"], r["entity"])
            tag = tags.get(key)
            if tag is None:
                entity = f' data-entity="{escape(r["entity"])}"' if r["entity"] else ""
                tag = f'<span class="{escape(r["classes"])}" title="{escape(r["title"])}"{entity}>'
                tags[key] = tag
            out.append(f'{tag}{escape(r["text"])}</span>')
        else:
            out.append(escape(r["text"]))


def article_body(chunks: list[dict[str, Any]]) -> Markup:
    """The HTML of an article's chunks (see ``highlight.article_view``), one paragraph a line.

    Built here rather than in a template macro: a report has thousands of runs, and a macro
    call per run cost more than the rest of the report. Every piece of data goes through
    ``markupsafe.escape``, exactly what the template's autoescape applies.
    """
    out: list[str] = []
    tags: _Tags = {}
    for c in chunks:
        if c["kind"] == "removed":
            reason = escape(c["reason"])
            out.append(f'<p class="rm" title="removed: {reason}">{escape(c["text"])} '
                       f'<span class="muted small">[{reason}]</span></p>\n')
            continue
        out.append(f'<p class="b-{escape(c["block"])}">')
        for p in c["pieces"]:
            if "anchors" in p:
                out.append(f'<span class="hl {escape(p["classes"])}" title="{escape(p["title"])}">')
                out.extend(f'<span class="anchor" id="{escape(a)}"></span>' for a in p["anchors"])
                _runs_html(p["runs"], out, tags)
                out.append("</span>")
            else:
                _runs_html(p["runs"], out, tags)
        out.append("</p>\n")
    return Markup("".join(out))  # noqa: S704 -- every value interpolated above went through escape()


@functools.lru_cache(maxsize=1)
def _static() -> dict[str, str]:
    """The report's own CSS and JS (vendored in the package) and the CSP hash of the script."""
    files = resources.files("storyline.report").joinpath("static")
    css = files.joinpath("report.css").read_text("utf-8")
    js = files.joinpath("report.js").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return {"css": css, "js": js, "script_hash": f"sha256-{digest}"}


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a plain http(s) URL, else None (it is then shown as text only)."""
    return url if url and _SAFE_URL.match(url) else None


def _outlet(doc: Document | None) -> str:
    return (doc.outlet or "unknown outlet") if doc else "unknown outlet"


def _story_matrix(corpus: Corpus, docs: dict[str, Document], names: dict[str, str],
                  first_evidence: dict[str, str]) -> list[dict[str, Any]]:
    """Per story: outlets as columns, story events and disputed claims as rows."""
    events = {e.id: e for e in corpus.events}
    out = []
    for story in corpus.stories:
        in_story = set(story.docs)
        outlets = sorted({_outlet(docs.get(d)) for d in story.docs})
        rows = []
        for se in corpus.story_events:
            if not in_story & set(se.docs):
                continue
            cells: dict[str, dict[str, str]] = {}
            for eid in se.events:
                ev = events.get(eid)
                if ev and ev.doc in in_story:
                    cells.setdefault(_outlet(docs.get(ev.doc)), {
                        "mark": "✓" if ev.modality != "denied" else "✗", "kind": ev.modality,
                        "href": first_evidence.get(eid, ""), "title": ev.summary})
            for d in se.docs:  # outlets that carry it without a linked event
                if d in in_story:
                    cells.setdefault(_outlet(docs.get(d)), {"mark": "✓", "kind": "reported", "href": "",
                                                            "title": se.summary})
            who = " → ".join(names.get(x, "?") for x in (se.source, se.target) if x)
            rows.append({"kind": "event", "label": f"{se.date or 'undated'} · {se.type} · {who}",
                         "summary": se.summary, "colour": COLOURS[polarity(se.type)],
                         "cells": [cells.get(o) for o in outlets]})
        for dis in corpus.disagreements:
            sides = [s for s in dis.sides if s.doc in in_story]
            if not sides:
                continue
            cells = {}
            for s in sides:
                cells.setdefault(_outlet(docs.get(s.doc)), {
                    "mark": s.stance, "kind": "disputed", "title": s.evidence.text,
                    "href": "#" + sentence_anchor(s.doc, s.evidence.start, s.evidence.end)})
            rows.append({"kind": "disputed", "label": f"disputed: {dis.topic}", "summary": "",
                         "colour": COLOURS["mixed"], "cells": [cells.get(o) for o in outlets]})
        out.append({"id": story.id, "anchor": anchor("story", story.id), "title": story.title,
                    "date": story.date, "outlets": outlets, "rows": rows,
                    "docs": [{"anchor": anchor("doc", d), "title": docs[d].title or "(untitled)",
                              "outlet": _outlet(docs[d])} for d in story.docs if d in docs]})
    return out


def report_context(corpus: Corpus, *, mode: str = "static", filters: dict[str, Any] | None = None,
                   base_corpus: Corpus | None = None) -> dict[str, Any]:
    """Everything a report page shows, as plain data.

    ``mode`` is "static" (the file; filtering runs in the page) or "app" (the server filters);
    ``base_corpus`` is the unfiltered corpus, so filter choices do not vanish once applied.
    """
    base = base_corpus or corpus
    ents = {e.id: e for e in base.entities}
    names = {e.id: e.name for e in base.entities}
    docs = {d.id: d for d in corpus.documents}

    def name(eid: str | None) -> str:
        return names.get(eid or "", "—")

    first_evidence = {e.id: "#" + sentence_anchor(e.evidence[0].doc, e.evidence[0].start, e.evidence[0].end)
                      for e in corpus.events if e.evidence}
    events = sorted(corpus.events, key=lambda e: (e.date or "9999", e.id))
    timeline_rows = []
    for e in events:
        ev_doc = e.evidence[0].doc if e.evidence else e.doc
        d = docs.get(ev_doc)
        timeline_rows.append({
            "id": e.id, "anchor": anchor("ev", e.id), "date": e.date or "undated", "type": e.type,
            "colour": COLOURS[polarity(e.type)], "source": name(e.source), "target": name(e.target),
            "actors": " ".join(anchor(x) for x in (e.source, e.target, e.attributed_to) if x),
            "summary": e.summary, "modality": e.modality,
            "attributed_to": name(e.attributed_to) if e.attributed_to else None,
            "quantities": [q.text for q in e.quantities],
            "sentence": e.evidence[0].text if e.evidence else "", "href": first_evidence.get(e.id, ""),
            "doc_anchor": anchor("doc", ev_doc), "outlet": _outlet(d),
            "iso": (parse_date(e.date) or parse_date(d.published if d else None) or "")})
    chart = timeline(corpus, first_evidence)
    by_id = {r["id"]: r for r in timeline_rows}
    for dot in chart["dots"]:
        row = by_id[dot["id"]]
        dot.update(doc_anchor=row["doc_anchor"], iso=row["iso"], actors=row["actors"])
    mention_docs: dict[str, set[str]] = {e.id: {m.doc for m in e.mentions} for e in base.entities}
    actor_rows: list[dict[str, Any]] = sorted(
        ({"id": e.id, "anchor": anchor("actor", e.id), "name": e.name, "type": e.type,
          "country": e.country, "role": e.role, "aliases": sorted(set(e.aliases)),
          "n_docs": len(mention_docs[e.id] & set(docs)),
          "n_mentions": sum(1 for m in e.mentions if m.doc in docs)} for e in base.entities),
        key=lambda r: (-r["n_mentions"], r["name"]))
    actor_rows = [a for a in actor_rows if a["n_mentions"] or mode == "static"]
    in_events = {x for e in base.events for x in (e.source, e.target) if x}
    documents = []
    per_doc = index_by_doc(corpus)
    event_actors: dict[str, set[str]] = collections.defaultdict(set)
    for e in corpus.events:
        event_actors[e.evidence[0].doc if e.evidence else e.doc].update(
            x for x in (e.source, e.target, e.attributed_to) if x)
    # per document, the anchors of the entities it mentions
    mentioned: dict[str, set[str]] = collections.defaultdict(set)
    for eid, ds in mention_docs.items():
        for doc_id in ds:
            mentioned[doc_id].add(anchor(eid))
    for d in corpus.documents:
        actors = sorted(mentioned[d.id] | {anchor(eid) for eid in event_actors[d.id]})
        documents.append({
            "id": d.id, "anchor": anchor("doc", d.id), "title": d.title or "(untitled)",
            "outlet": _outlet(d), "author": d.author, "published": d.published,
            "precision": d.published_precision, "iso": parse_date(d.published) or "",
            "language": d.language, "genre": d.genre, "source": d.source, "url": d.url,
            "href": safe_url(d.url), "actors": " ".join(actors), "n_removed": len(d.removed),
            "near_duplicates": [{"anchor": anchor("doc", n.doc), "similarity": n.similarity,
                                 "title": (docs[n.doc].title if n.doc in docs else n.doc)}
                                for n in d.near_duplicates],
            "chunks": article_view(d, per_doc.get(d.id, Corpus()), names)})
    outlet_rows = []
    top_rate = max((o.loaded_language_per_1k_words for o in corpus.outlets), default=0.0) or 1.0
    for o in sorted(corpus.outlets, key=lambda o: o.name):
        outlet_rows.append({"name": o.name, "n_docs": len(o.docs),
                            "genre_mix": ", ".join(f"{g} {n}" for g, n in sorted(o.genre_mix.items())),
                            "rate": round(o.loaded_language_per_1k_words, 2),
                            "bar": round(100 * o.loaded_language_per_1k_words / top_rate),
                            "loaded_terms": o.loaded_terms[:12], "named_sources": o.named_sources})
    dates = sorted(x for x in (parse_date(d.published) for d in corpus.documents) if x)
    by_type = collections.Counter(e.type for e in corpus.events)
    return {
        "mode": mode,
        "static": _static(),
        "filters": {"q": "", "actor": "", "type": "", "outlet": "", "date_from": "", "date_to": "",
                    **{k: (v or "") for k, v in (filters or {}).items()}},
        "options": {"types": sorted({e.type for e in base.events}),
                    "actors": sorted(({"id": anchor(i), "raw": i, "name": names[i]} for i in in_events
                                      if i in names), key=lambda a: (a["name"], a["raw"])),
                    "outlets": sorted({_outlet(d) for d in base.documents})},
        "summary": {"documents": len(corpus.documents), "entities": len(actor_rows),
                    "events": len(corpus.events), "quotes": len(corpus.quotes),
                    "stories": len(corpus.stories), "disagreements": len(corpus.disagreements),
                    "outlets": len({_outlet(d) for d in corpus.documents}),
                    "languages": sorted({d.language for d in corpus.documents if d.language}),
                    "first": dates[0].isoformat() if dates else None,
                    "last": dates[-1].isoformat() if dates else None,
                    "removed": sum(len(d.removed) for d in corpus.documents)},
        "documents": documents,
        "actors": actor_rows,
        "timeline": timeline_rows,
        "timeline_chart": chart,
        "network": network(corpus),
        "colours": COLOURS,
        "event_types": sorted(by_type.items()),
        "quotes": [{"speaker": name(q.speaker) if q.speaker else "unknown speaker", "text": q.text,
                    "doubtful": q.doubtful, "direct": q.direct, "outlet": _outlet(docs.get(q.doc)),
                    "doc_anchor": anchor("doc", q.doc), "href": "#" + sentence_anchor(q.doc, q.start, q.end),
                    "actors": anchor(q.speaker) if q.speaker else ""}
                   for q in corpus.quotes],
        "stories": _story_matrix(corpus, docs, names, first_evidence),
        "disagreements": [{"topic": d.topic, "anchor": anchor("dis", d.id), "sides": [
            {"stance": s.stance, "text": s.evidence.text, "outlet": _outlet(docs.get(s.doc)),
             "title": docs[s.doc].title if s.doc in docs else s.doc, "doc_anchor": anchor("doc", s.doc),
             "href": "#" + sentence_anchor(s.doc, s.evidence.start, s.evidence.end)} for s in d.sides]}
            for d in corpus.disagreements],
        "outlets": outlet_rows,
        "entity_ids": {anchor(i): i for i in ents},
    }


def render_report(corpus: Corpus, **kwargs: Any) -> str:
    """The report page as an HTML string (see ``report_context`` for the options)."""
    return _env().get_template("report.html.j2").render(**report_context(corpus, **kwargs))


def write_report(corpus: Corpus, path: str | Path) -> None:
    """Write the report; the file is replaced only when complete."""
    path = Path(path)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(render_report(corpus), encoding="utf-8")
    tmp.replace(path)


#: the stories a summary page lists
SUMMARY_STORIES = 50
#: the tables a summary page counts, in the order it lists them
_SUMMARY_COUNTS = ("documents", "stories", "events", "entities", "quotes", "disagreements")


def summary_context(store: Store) -> dict[str, Any]:
    """What the summary page shows: the store's counts and its largest stories (id, title, date, size)."""
    # one query for the six counts (six round trips cost more than the counting); each row names its table
    # counted once per read-only connection (``connection_memo``: only an upload changes them, and it reopens the file)
    sql = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {t}" for t in _SUMMARY_COUNTS)  # noqa: S608 -- fixed names
    found = connection_memo(store, "summary counts", lambda: dict(store.con.execute(sql).fetchall()))
    counts = {t: int(found[t]) for t in _SUMMARY_COUNTS}
    if summaries_ready(store):
        # the front page's rank (size, then the stories' order) is the same sort, done once when the corpus was
        # written; the 50 rows are put in rank order here (cheaper than asking DuckDB to sort them)
        rows = sorted(store.con.execute("SELECT id, title, date, n_docs, rank FROM summary_stories WHERE rank <= ?",
                                        [SUMMARY_STORIES]).fetchall(), key=lambda r: r[4])
    else:  # a store written before the summary tables: sort every story by its document list's length
        rows = store.con.execute(
            "SELECT id, title, date, len(docs::VARCHAR[]) AS n FROM stories ORDER BY n DESC, rowid LIMIT ?",
            [SUMMARY_STORIES]).fetchall()
    return {"page": "summary", "counts": counts,
            "stories": [{"id": r[0], "title": r[1], "date": r[2], "n_docs": int(r[3])} for r in rows]}


def render_summary(store: Store, *, mode: str = "static") -> str:
    """A small page for a large store: what it holds, its largest stories and how to read the rest.

    Its cost does not grow with the corpus beyond six counts in SQL, and a sort of the stories in a store without
    the summary tables (the single-page report of 10k documents takes ~1 min; ``settings.report_max_documents``).
    ``mode="app"``: the web app's ``/report``, which links the reader's pages instead of naming the commands that
    make them.
    """
    context = summary_context(store)
    app = mode == "app"

    def title(story: dict[str, Any]) -> str:
        text = escape(story["title"] or "(untitled story)")
        return f'<a href="/stories/{escape(quote(story["id"], safe=""))}">{text}</a>' if app else str(text)

    items = "".join(f"<tr><td>{title(r)}</td><td>{escape(r['date'] or '')}</td><td>{r['n_docs']}</td></tr>\n"
                    for r in context["stories"])
    figures = "".join(f"<li>{n} {name}</li>" for name, n in context["counts"].items())
    db = escape(str(store.path))
    if app:
        how = ("<p>This store is too large for the single-page report (setting report_max_documents). Read it "
               "through the reader's pages: <a href=\"/\">stories</a> (search and filters), "
               "<a href=\"/actors\">actors</a> and <a href=\"/outlets\">outlets</a>; the records are in the "
               "<a href=\"/api/documents\">REST API</a>.</p>\n")
    else:
        how = (f"<p>This store is too large for the single-page report (setting report_max_documents). Write the "
               f"reader's site with <code>storyline report {db} --out site</code>, or browse it with "
               f"<code>storyline serve {db}</code>; export.json holds everything.</p>\n")
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>storyline</title></head><body>\n"
            f"<h1>storyline</h1>\n<ul>{figures}</ul>\n{how}"
            f"<h2>Largest stories</h2>\n<table><tr><th>Story</th><th>Date</th><th>Articles</th></tr>\n{items}</table>\n"
            "</body></html>\n")


def write_summary(store: Store, path: str | Path) -> None:
    """Write ``render_summary``; the file is replaced only when complete."""
    path = Path(path)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(render_summary(store), encoding="utf-8")
    tmp.replace(path)
