"""The per-document stages composed into pure functions.

``analyze_documents`` is what every engine runs — the local process pool and Spark
executors alike, on groups of documents — so results do not depend on the engine. Each
document is still analysed on its own; a group only shares the spaCy batches.
"""
from __future__ import annotations

import logging

from storyline.clean import LineStats, clean_document
from storyline.config import Settings
from storyline.extract.events import extract_events
from storyline.extract.genre import classify_genre
from storyline.extract.loaded import find_loaded_language
from storyline.extract.quotes import extract_quotes
from storyline.model import DocAnalysis, Document, IngestError
from storyline.nlp.embeddings import lead_vector, lead_vectors
from storyline.nlp.pipeline import Parsed, parse, parse_many
from storyline.resolve import resolve_document

LOGGER = logging.getLogger(__name__)


def analyze_document(doc: Document, settings: Settings, stats: LineStats | None = None) -> DocAnalysis:
    """ingest output → clean → nlp → resolve → extract, for one document."""
    doc = clean_document(doc, settings, stats)
    analysis = _after_parse(doc, parse(doc, settings), settings)
    analysis.vector = lead_vector(doc, settings)
    return analysis


def _after_parse(doc: Document, parsed: Parsed, settings: Settings) -> DocAnalysis:
    mentions, entities = resolve_document(doc, parsed, settings)
    events = extract_events(doc, parsed, mentions, entities, settings)
    quotes = extract_quotes(doc, parsed, mentions, entities, settings)
    doc.loaded_language = find_loaded_language(doc, parsed, settings)
    doc.genre = classify_genre(doc, parsed, doc.loaded_language)
    return DocAnalysis(document=doc, sentences=parsed.sentences(), mentions=mentions,
                       entities=entities, events=events, quotes=quotes)


def _failed(doc: Document, exc: Exception) -> IngestError:
    LOGGER.exception("analysis failed for %s", doc.source)
    return IngestError(doc.source, "analysis_failed", f"{type(exc).__name__}: {exc}")


def analyze_documents(docs: list[Document], settings: Settings,
                      stats: LineStats | None = None) -> list[DocAnalysis | IngestError]:
    """``analyze_document`` over ``docs``, parsing them in shared batches; one result per document,
    in order. A document that fails becomes an ``IngestError`` and the others go on."""
    results: list[DocAnalysis | IngestError | None] = [None] * len(docs)
    cleaned: list[tuple[int, Document]] = []
    for i, doc in enumerate(docs):
        try:
            cleaned.append((i, clean_document(doc, settings, stats)))
        except Exception as exc:  # a bug on one odd article must not abort the batch
            results[i] = _failed(doc, exc)
    try:
        parsed = parse_many([d for _, d in cleaned], settings)
    except Exception:  # find the document that broke the shared batch: parse them one by one
        parsed = []
        for i, doc in cleaned:
            try:
                parsed.append(parse(doc, settings))
            except Exception as exc:
                results[i] = _failed(doc, exc)
                parsed.append(None)
    for (i, doc), p in zip(cleaned, parsed):
        if p is None:
            continue
        try:
            results[i] = _after_parse(doc, p, settings)
        except Exception as exc:
            results[i] = _failed(doc, exc)
    done = [r for r in results if isinstance(r, DocAnalysis)]
    try:
        vectors = lead_vectors([a.document for a in done], settings)
    except Exception:  # pragma: no cover - one by one, to pin the failure on its document
        vectors = []
        for a in done:
            try:
                vectors.append(lead_vector(a.document, settings))
            except Exception as exc:
                LOGGER.warning("no lead embedding for %s: %s", a.document.source, exc)
                vectors.append(None)
    for a, v in zip(done, vectors):
        a.vector = v
    return results  # type: ignore[return-value]
