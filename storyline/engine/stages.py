"""The per-document stages composed into one pure function.

``analyze_document`` is what every engine runs for each document — the local process
pool and Spark executors alike — so results do not depend on the engine.
"""
from __future__ import annotations

import logging

from storyline.clean import LineStats, clean_document
from storyline.config import Settings
from storyline.extract.events import extract_events
from storyline.extract.genre import classify_genre
from storyline.extract.loaded import find_loaded_language
from storyline.extract.quotes import extract_quotes
from storyline.model import DocAnalysis, Document
from storyline.nlp.embeddings import lead_vector
from storyline.nlp.pipeline import parse
from storyline.resolve import resolve_document

LOGGER = logging.getLogger(__name__)


def analyze_document(doc: Document, settings: Settings, stats: LineStats | None = None) -> DocAnalysis:
    """ingest output → clean → nlp → resolve → extract, for one document."""
    doc = clean_document(doc, settings, stats)
    parsed = parse(doc, settings)
    mentions, entities = resolve_document(doc, parsed, settings)
    events = extract_events(doc, parsed, mentions, entities, settings)
    quotes = extract_quotes(doc, parsed, mentions, entities, settings)
    doc.loaded_language = find_loaded_language(doc, parsed, settings)
    doc.genre = classify_genre(doc, parsed, doc.loaded_language)
    return DocAnalysis(document=doc, sentences=parsed.sentences(), mentions=mentions,
                       entities=entities, events=events, quotes=quotes, vector=lead_vector(doc, settings))
