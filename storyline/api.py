"""The Python API: ``storyline.analyze(paths or texts)`` and the result's tables as DataFrames.

    >>> import storyline
    >>> result = storyline.analyze(["articles/", "more.jsonl"])
    >>> result.events[["date", "type", "source_name", "target_name", "sentence"]]
    >>> result.to_json("export.json"); result.report("report.html")

It builds one ``Settings`` at the edge and runs the one pipeline path (``engine.local.run``).
"""
from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from storyline.config import Settings
from storyline.model import Corpus, to_dict

LOGGER = logging.getLogger(__name__)

#: a str longer than this, or holding a newline, is article text, never a path
MAX_PATH_CHARS = 4096
#: metadata keys a dict input may carry next to "text" (the JSON Lines reader's keys)
ARTICLE_KEYS = ("text", "title", "url", "outlet", "author", "published")

Input = str | Path | Mapping[str, Any]


def _is_path(item: str) -> bool:
    if "\n" in item or len(item) > MAX_PATH_CHARS:
        return False
    try:
        return Path(item).exists()
    except OSError:  # e.g. a name too long for the file system: it is text
        return False


def _as_list(inputs: Input | Iterable[Input]) -> list[Input]:
    if isinstance(inputs, (str, Path, Mapping)):
        return [inputs]
    return list(inputs)


class CorpusFrames:
    """An analysed corpus: the model ``Corpus`` plus its tables as pandas DataFrames.

    Attributes are built on first use: ``documents``, ``entities``, ``mentions``, ``events``,
    ``quotes``, ``stories``, ``story_events``, ``claims``, ``disagreements``, ``relations``, ``outlets``.
    """

    def __init__(self, corpus: Corpus, out_dir: Path | None = None) -> None:
        self.corpus = corpus
        #: where the run wrote storyline.duckdb, export.json and report.html (None: a temp folder, gone)
        self.out_dir = out_dir
        self._names = {e.id: e.name for e in corpus.entities}
        self._outlets = {d.id: d.outlet for d in corpus.documents}

    def __repr__(self) -> str:
        c = self.corpus
        return (f"<storyline corpus: {len(c.documents)} documents, {len(c.entities)} entities, "
                f"{len(c.events)} events, {len(c.quotes)} quotes, {len(c.stories)} stories>")

    @property
    def documents(self) -> pd.DataFrame:
        rows = [{k: v for k, v in to_dict(d).items() if k not in ("removed", "loaded_language", "near_duplicates")}
                | {"n_removed": len(d.removed), "n_loaded_terms": len(d.loaded_language),
                   "near_duplicates": [n.doc for n in d.near_duplicates]} for d in self.corpus.documents]
        return _frame(rows, ["id", "source", "title", "outlet", "author", "published", "language", "genre"])

    @property
    def entities(self) -> pd.DataFrame:
        rows = [{**{k: v for k, v in to_dict(e).items() if k != "mentions"},
                 "n_mentions": len(e.mentions), "n_documents": len({m.doc for m in e.mentions})}
                for e in self.corpus.entities]
        return _frame(rows, ["id", "name", "type", "country", "role", "aliases", "n_mentions"])

    @property
    def mentions(self) -> pd.DataFrame:
        rows = [{"entity": e.id, "name": e.name, **to_dict(m)} for e in self.corpus.entities for m in e.mentions]
        return _frame(rows, ["entity", "name", "doc", "start", "end", "text"])

    @property
    def events(self) -> pd.DataFrame:
        rows = []
        for e in self.corpus.events:
            ev = e.evidence[0] if e.evidence else None
            doc = ev.doc if ev else e.doc
            rows.append({
                "id": e.id, "date": e.date, "date_precision": e.date_precision, "type": e.type,
                "source": e.source, "source_name": self._names.get(e.source or ""),
                "target": e.target, "target_name": self._names.get(e.target or ""),
                "modality": e.modality, "attributed_to": e.attributed_to, "summary": e.summary,
                "quantities": [q.text for q in e.quantities], "doc": doc,
                "outlet": self._outlets.get(doc), "start": ev.start if ev else None,
                "end": ev.end if ev else None, "sentence": ev.text if ev else None,
                "story_event": e.story_event})
        return _frame(rows, ["id", "date", "type", "source", "target", "modality", "summary", "doc", "sentence"])

    @property
    def quotes(self) -> pd.DataFrame:
        rows = [{**to_dict(q), "speaker_name": self._names.get(q.speaker or ""), "outlet": self._outlets.get(q.doc)}
                for q in self.corpus.quotes]
        return _frame(rows, ["id", "doc", "speaker", "speaker_name", "text", "start", "end"])

    @property
    def stories(self) -> pd.DataFrame:
        return _frame([{**to_dict(s), "n_docs": len(s.docs)} for s in self.corpus.stories],
                      ["id", "title", "date", "docs", "n_docs"])

    @property
    def story_events(self) -> pd.DataFrame:
        return _frame(to_dict(self.corpus.story_events),
                      ["id", "type", "date", "source", "target", "summary", "events", "docs", "n_outlets"])

    @property
    def disagreements(self) -> pd.DataFrame:
        """One row per side of each disagreement."""
        rows = [{"id": d.id, "topic": d.topic, "doc": s.doc, "outlet": self._outlets.get(s.doc), "stance": s.stance,
                 "start": s.evidence.start, "end": s.evidence.end, "sentence": s.evidence.text}
                for d in self.corpus.disagreements for s in d.sides]
        return _frame(rows, ["id", "topic", "doc", "outlet", "stance", "sentence"])

    @property
    def claims(self) -> pd.DataFrame:
        """One row per claim: a stance, cause, amount or framing stated in one sentence."""
        rows = [{"id": c.id, "doc": c.doc, "outlet": self._outlets.get(c.doc), "kind": c.kind,
                 "dimension": c.dimension, "pole": c.pole, "weight": c.weight, "text": c.text,
                 "low": c.low, "high": c.high, "start": c.evidence.start, "end": c.evidence.end,
                 "sentence": c.evidence.text} for c in self.corpus.claims]
        return _frame(rows, ["id", "doc", "outlet", "kind", "dimension", "pole", "text", "sentence"])

    @property
    def relations(self) -> pd.DataFrame:
        rows = [{**to_dict(r), "a_name": self._names.get(r.a), "b_name": self._names.get(r.b)}
                for r in self.corpus.relations]
        return _frame(rows, ["a", "b", "period", "n_events", "cooperation", "conflict"])

    @property
    def outlets(self) -> pd.DataFrame:
        return _frame([{**to_dict(o), "n_docs": len(o.docs)} for o in self.corpus.outlets],
                      ["name", "docs", "n_docs", "loaded_language_per_1k_words", "named_sources"])

    def to_json(self, path: str | Path | None = None) -> str:
        """The v1 JSON export as a string; also written (validated) to ``path`` when given."""
        from storyline.export.json import check, corpus_to_json, write_json

        if path is not None:
            data = write_json(self.corpus, path)
        else:
            data = corpus_to_json(self.corpus)
            check(data)
        return json.dumps(data, ensure_ascii=False, indent=1)

    def report(self, path: str | Path) -> Path:
        """Write the self-contained HTML report to ``path`` and return it."""
        from storyline.report.render import write_report

        path = Path(path)
        write_report(self.corpus, path)
        return path


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """A DataFrame that keeps its main columns (in this order) even when there are no rows."""
    df = pd.DataFrame(rows)
    if df.empty:
        return pd.DataFrame(columns=columns)
    return df[[c for c in columns if c in df.columns] + [c for c in df.columns if c not in columns]]


def _stage_texts(items: list[Input], folder: Path) -> list[Path]:
    """Paths to analyse: given paths as they are, texts and dicts written as one JSON Lines file."""
    paths: list[Path] = []
    records = []
    for item in items:
        if isinstance(item, Path) or (isinstance(item, str) and _is_path(item)):
            paths.append(Path(item))
        elif isinstance(item, str):
            records.append({"text": item})
        elif isinstance(item, Mapping):
            if not isinstance(item.get("text"), str):
                raise ValueError("an article given as a dict needs a 'text' string")
            unknown = set(item) - set(ARTICLE_KEYS)
            if unknown:
                raise ValueError(f"unknown article key(s) {sorted(unknown)}; use {', '.join(ARTICLE_KEYS)}")
            records.append(dict(item))
        else:
            raise TypeError(f"cannot analyse a {type(item).__name__}: give paths, texts or dicts with 'text'")
    if records:
        staged = folder / "texts.jsonl"
        with open(staged, "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        paths.append(staged)
    return paths


def analyze(inputs: Input | Iterable[Input], *, out_dir: str | Path | None = None,
            settings: Settings | None = None, **overrides: Any) -> CorpusFrames:
    """Analyse articles and return the corpus with its tables as DataFrames.

    Args:
        inputs: a path (file or folder, read recursively), an article's text, a dict with
            ``text`` and optional ``title``/``url``/``outlet``/``author``/``published``, or a list
            mixing these. A string is a path when such a file or folder exists.
        out_dir: where to keep storyline.duckdb, export.json and report.html; a temporary folder
            (removed afterwards) when None. Analysing into the same folder again adds only new articles.
        settings: a ``Settings``; ``overrides`` change single settings (``workers=2``).

    Returns:
        A ``CorpusFrames``: ``.events``, ``.entities``, ``.documents``, … as DataFrames,
        ``.corpus`` (the model objects), ``.to_json()``, ``.report(path)``.
    """
    from storyline.engine.local import run

    settings = (settings or Settings()).replace(**overrides) if overrides else (settings or Settings())
    items = _as_list(inputs)
    if not items:
        raise ValueError("nothing to analyse: give at least one path or text")
    with tempfile.TemporaryDirectory(prefix="storyline-") as tmp:
        paths = _stage_texts(items, Path(tmp))
        target = Path(out_dir) if out_dir is not None else Path(tmp) / "out"
        summary, corpus = run(paths, target, settings)
    LOGGER.info("analyze: %s", summary.line())
    return CorpusFrames(corpus, Path(out_dir) if out_dir is not None else None)
