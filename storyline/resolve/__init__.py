"""Actors: NER with rules, the knowledge base, and within-document resolution.

``resolve_document(doc, parsed, settings)`` returns the document's mentions and its local
entities (ids ``f"{doc.id}/e{n}"``); ``storyline.fuse.entities.merge_entities`` merges them
across documents.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterable

from storyline.config import Settings
from storyline.model import Document, Entity, Mention
from storyline.nlp.pipeline import Parsed
from storyline.resolve.coref import build_entities
from storyline.resolve.kb import KB, load_kb
from storyline.resolve.ner import find_candidates

__all__ = ["KB", "bench_words_per_second", "load_kb", "resolve_document"]

LOGGER = logging.getLogger(__name__)
LOGGER.addHandler(logging.NullHandler())


def resolve_document(doc: Document, parsed: Parsed, settings: Settings) -> tuple[list[Mention], list[Entity]]:
    """Mentions of actors in one document and the document-local entities they resolve to.

    Args:
        doc: a cleaned document (``blocks`` set; offsets are raw offsets).
        parsed: ``storyline.nlp.pipeline.parse(doc, settings)``.
        settings: read for ``kb_paths`` (user KB files laid over the shipped one).
    Returns:
        (mentions sorted by offset, each with ``entity`` set; local entities ``f"{doc.id}/e{n}"``).
    """
    kb = load_kb(tuple(settings.kb_paths))
    cands = find_candidates(doc, parsed, kb)
    return build_entities(doc, cands, kb, settings.description_coref, settings.description_model)


def bench_words_per_second(texts: Iterable[str], settings: Settings | None = None) -> dict[str, float]:
    """Words/second of bare spaCy and of spaCy + resolution on the same texts (one block per line)."""
    from storyline.model import Block
    from storyline.nlp.pipeline import load_nlp, parse

    settings = settings or Settings()
    texts = list(texts)
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp(settings.spacy_model)
    load_kb(tuple(settings.kb_paths))
    docs = []
    for i, raw in enumerate(texts):
        blocks, pos = [], 0
        for line in raw.split("\n"):
            if line.strip():
                blocks.append(Block(pos, pos + len(line)))
            pos += len(line) + 1
        docs.append(Document(id=f"b{i}", source=f"bench-{i}", raw=raw, blocks=blocks))
    t0 = time.perf_counter()
    for d in docs:
        list(nlp.pipe([d.raw[b.start:b.end] for b in d.blocks]))
    t_spacy = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        resolve_document(d, parse(d, settings), settings)
    t_full = time.perf_counter() - t0
    return {"words": float(words), "spacy_wps": words / t_spacy if t_spacy else 0.0,
            "resolve_wps": words / t_full if t_full else 0.0}
