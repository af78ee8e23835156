"""The offline HTML report: one self-contained file, every untrusted string escaped.

``report_context`` builds the data once; the static report (and later the web app) render it.
"""
from __future__ import annotations

import collections
import functools
import logging
from pathlib import Path
from typing import Any

import jinja2

from storyline.model import Corpus

LOGGER = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    # autoescape everything: titles, bodies and metadata come from untrusted web pages
    return jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.report", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def report_context(corpus: Corpus) -> dict[str, Any]:
    """Everything a report page shows, as plain data."""
    ents = {e.id: e for e in corpus.entities}
    docs = {d.id: d for d in corpus.documents}

    def name(eid: str | None) -> str:
        return ents[eid].name if eid in ents else "—"

    events = sorted(corpus.events, key=lambda e: (e.date or "9999", e.id))
    timeline = [{"id": e.id, "date": e.date or "undated", "type": e.type, "source": name(e.source),
                 "target": name(e.target), "summary": e.summary, "modality": e.modality,
                 "doc": e.evidence[0].doc if e.evidence else "", "sentence": e.evidence[0].text if e.evidence else "",
                 "outlet": (docs[e.evidence[0].doc].outlet if e.evidence and e.evidence[0].doc in docs else None)}
                for e in events]
    actor_rows = sorted(
        ({"id": e.id, "name": e.name, "type": e.type, "country": e.country, "role": e.role,
          "aliases": sorted(set(e.aliases)), "n_docs": len({m.doc for m in e.mentions}),
          "n_mentions": len(e.mentions)} for e in corpus.entities),
        key=lambda r: (-r["n_mentions"], r["name"]))
    by_type = collections.Counter(e.type for e in corpus.events)
    return {
        "summary": {"documents": len(corpus.documents), "entities": len(corpus.entities),
                    "events": len(corpus.events), "quotes": len(corpus.quotes),
                    "stories": len(corpus.stories), "disagreements": len(corpus.disagreements)},
        "documents": corpus.documents,
        "actors": actor_rows,
        "timeline": timeline,
        "event_types": sorted(by_type.items()),
        "quotes": [{"doc": q.doc, "speaker": name(q.speaker), "text": q.text, "doubtful": q.doubtful}
                   for q in corpus.quotes],
        "stories": corpus.stories,
        "disagreements": corpus.disagreements,
        "outlets": corpus.outlets,
    }


def render_report(corpus: Corpus) -> str:
    return _env().get_template("report.html.j2").render(**report_context(corpus))


def write_report(corpus: Corpus, path: str | Path) -> None:
    """Write the report; the file is replaced only when complete."""
    path = Path(path)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(render_report(corpus), encoding="utf-8")
    tmp.replace(path)
