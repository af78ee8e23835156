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

__all__ = ["analyze_document", "analyze_documents", "document_pipeline", "language_pipelines", "routing_point"]

#: what the part that learns a document's language assigns (cleaning)
LANGUAGE = "doc.language"
#: the language ``Settings.pipeline`` is for, unless ``Settings.pipelines`` lists it
ENGLISH = "en"


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


def language_pipelines(settings: Settings) -> dict[str, list[Part]]:
    """The components ``settings.pipelines`` names for each language, each list checked like ``pipeline``.

    Raises:
        PipelineError: an unknown name, or a component placed before what it needs.
    """
    return {lang: checked_pipeline(names, components, INITIAL, f"pipelines[{lang!r}]")
            for lang, names in sorted(settings.pipelines.items())}


def routing_point(parts: list[Part]) -> int:
    """How many of ``parts`` run before a document's language is known (up to the part that assigns
    ``doc.language``, cleaning); 0 when none does: then every document runs ``parts`` whole."""
    for i, part in enumerate(parts):
        if LANGUAGE in part.assigns:
            return i + 1
    return 0


def _missing(default: list[Part], route: list[Part]) -> list[str]:
    """What the default pipeline assigns that ``route`` does not (``events``, ``quotes`` ...)."""
    have = {a for p in route for a in p.assigns}
    return sorted(a.removeprefix("doc.") for a in {a for p in default for a in p.assigns} - have - {"doc.parse"})


def _run(parts: list[Part], states: list[DocState], chosen: list[int], failed: dict[int, IngestError],
         settings: Settings) -> None:
    """Run ``parts`` in order over the states at ``chosen`` (those not failed yet)."""
    for part in parts:
        alive = [i for i in chosen if i not in failed]
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


def analyze_documents(docs: list[Document], settings: Settings,
                      stats: LineStats | None = None) -> list[DocAnalysis | IngestError]:
    """Every component of the document's language's pipeline over ``docs``; one result per document, in order.

    All documents run ``settings.pipeline`` up to language id (cleaning); then each runs the rest of
    the pipeline ``settings.pipelines`` gives its language, English (or no language) the rest of
    ``settings.pipeline``. A language with no pipeline stops there, marked ``analysis="partial"``:
    never an English model on another language's text. A document whose component fails becomes an
    ``IngestError`` and the others go on; a batch that fails is retried document by document to pin
    the failure on its document.
    """
    parts = document_pipeline(settings)
    states = [DocState(document=d, stats=stats) for d in docs]
    failed: dict[int, IngestError] = {}
    head = routing_point(parts)
    if not head:
        _run(parts, states, list(range(len(states))), failed, settings)
        return [failed[i] if i in failed else s.analysis() for i, s in enumerate(states)]
    _run(parts[:head], states, list(range(len(states))), failed, settings)
    routes = language_pipelines(settings)
    done = {p.name for p in parts[:head]}
    chosen: dict[str, list[int]] = {}
    for i, state in enumerate(states):
        if i not in failed:
            chosen.setdefault(state.document.language or "", []).append(i)
    for lang, members in sorted(chosen.items()):
        if lang in routes:
            route = routes[lang]
            missing = _missing(parts, route)
            reason = f"{lang}: no {', '.join(missing)} for this language (Settings.pipelines)" if missing else None
        elif lang in ("", ENGLISH):
            route, reason = parts, None
        else:
            route = []
            reason = f"no pipeline for language {lang!r}: metadata, cleaning and language id only"
        for i in members:
            if reason:
                states[i].document.analysis, states[i].document.analysis_reason = "partial", reason
        _run([p for p in route if p.name not in done], states, members, failed, settings)
    return [failed[i] if i in failed else s.analysis() for i, s in enumerate(states)]
