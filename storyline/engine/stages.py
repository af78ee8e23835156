"""The per-document components of ``Settings.pipeline``, run over a group of documents.

``analyze_documents`` is what every engine runs — the local process pool and Spark executors
alike, on groups of documents — so results do not depend on the engine. Each document is still
analysed on its own; a group only shares the batches of components that batch (spaCy's parse,
the lead embeddings).
"""
from __future__ import annotations

import logging

from storyline.clean import LineStats
from storyline.config import Settings
from storyline.engine.components import INITIAL, DocState
from storyline.errors import ConfigError
from storyline.model import DocAnalysis, Document, IngestError
from storyline.registry import Part, checked_pipeline, components

LOGGER = logging.getLogger(__name__)

__all__ = ["analyze_document", "analyze_documents", "document_pipeline"]


def document_pipeline(settings: Settings) -> list[Part]:
    """The components ``settings.pipeline`` names, checked: each runs after what it requires.

    Raises:
        PipelineError: an unknown name, or a component placed before what it needs.
    """
    return checked_pipeline(settings.pipeline, components, INITIAL, "pipeline")


def analyze_document(doc: Document, settings: Settings, stats: LineStats | None = None) -> DocAnalysis:
    """ingest output → every component of ``settings.pipeline``, for one document."""
    result = analyze_documents([doc], settings, stats)[0]
    if isinstance(result, IngestError):
        raise RuntimeError(result.detail)
    return result


def _failed(doc: Document, exc: Exception) -> IngestError:
    LOGGER.exception("analysis failed for %s", doc.source)
    return IngestError(doc.source, "analysis_failed", f"{type(exc).__name__}: {exc}")


def analyze_documents(docs: list[Document], settings: Settings,
                      stats: LineStats | None = None) -> list[DocAnalysis | IngestError]:
    """Every component of ``settings.pipeline`` over ``docs``; one result per document, in order.

    A document whose component fails becomes an ``IngestError`` and the others go on; a batch
    that fails is retried document by document to pin the failure on its document.
    """
    parts = document_pipeline(settings)
    states = [DocState(document=d, stats=stats) for d in docs]
    failed: dict[int, IngestError] = {}
    for part in parts:
        alive = [i for i in range(len(states)) if i not in failed]
        if part.run_batch is not None and alive:
            try:
                part.run_batch([states[i] for i in alive], settings)
                continue
            except Exception:  # noqa: BLE001 - retried one by one just below
                LOGGER.debug("batch of %s failed; retrying document by document", part.name)
        for i in alive:
            try:
                part.run(states[i], settings)
            except ConfigError:
                raise  # the user's settings cannot work for any document: stop and say so
            except Exception as exc:  # noqa: BLE001 -- a bug on one odd article must not abort the batch
                failed[i] = _failed(states[i].document, exc)
    return [failed[i] if i in failed else s.analysis() for i, s in enumerate(states)]
