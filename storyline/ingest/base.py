"""The reader registry and the one way a reader turns text into a ``Document``.

A reader is ``func(data, source, settings) -> Iterable[Document | IngestError]``:
it gets a file's bytes (already size-checked and, for ``.gz``, decompressed), the
source name to put on what it yields, and the settings. Built-in readers join the
registry (``storyline.registry.readers``, keyed by extension) through ``register_reader``
exactly like a user's would; a package can also register one through the
``storyline_readers`` entry-point group.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import catalogue

from storyline.config import Settings
from storyline.ingest.decode import content_id, normalize_text
from storyline.model import Document, IngestError
from storyline.registry import readers

LOGGER = logging.getLogger(__name__)

Reader = Callable[[bytes, str, Settings], Iterable["Document | IngestError"]]

#: Keys of ``Document.given`` that readers fill (metadata the input states).
GIVEN_KEYS: tuple[str, ...] = ("title", "author", "published", "outlet", "url")


def normalize_ext(ext: str) -> str:
    """'.HTML' -> 'html'."""
    return ext.strip().lower().lstrip(".")


def register_reader(ext: str, func: Reader) -> None:
    """Read files ending in ``.ext`` (and ``.ext.gz``) with ``func``; replaces any earlier one.

    Args:
        ext: the extension, with or without the dot, any case ("pdf", ".PDF").
        func: ``func(data: bytes, source: str, settings: Settings)`` yielding
            ``Document``s and ``IngestError``s.
    """
    key = normalize_ext(ext)
    if not key or key == "gz":
        raise ValueError(f"cannot register a reader for {ext!r}: give a format extension "
                         "such as 'pdf' (.gz files are unpacked and use the inner one)")
    if reader_for(key) not in (None, func):
        LOGGER.debug("reader for .%s replaced by %r", key, func)
    readers.register(key, func=func)


def unregister_reader(ext: str) -> None:
    """Forget the reader for ``ext`` (files with it are then 'unsupported')."""
    # catalogue has no public removal; its registry is a plain dict keyed by namespace + name
    catalogue.REGISTRY.pop((*readers.namespace, normalize_ext(ext)), None)


def reader_for(ext: str) -> Reader | None:
    """The reader registered for ``ext``, or None."""
    key = normalize_ext(ext)
    # a plain lookup first: catalogue's own ``get`` scans the installed entry points every call
    found = catalogue.REGISTRY.get((*readers.namespace, key))
    return found if found is not None or not key else readers.get_entry_point(key)


def registered_extensions() -> list[str]:
    """Extensions with a reader, sorted."""
    return sorted(readers.get_all())


def make_document(text: str, source: str, given: Mapping[str, Any] | None = None,
                  *, normalized: bool = False) -> Document | IngestError:
    """A ``Document`` whose raw text is ``text`` (normalised), or ``empty`` when blank.

    The id is the content hash of the normalised text, so the same article read again,
    from another encoding or another file, gets the same id.
    """
    raw = text if normalized else normalize_text(text)
    if not raw.strip():
        return IngestError(source, "empty", "no text left after reading; "
                           "check that the file holds the article")
    clean_given = {k: v for k, v in (given or {}).items() if v not in (None, "", [])}
    return Document(id=content_id(raw), source=source, raw=raw, given=clean_given)
