"""storyline: a verified, source-attributed record of who did what to whom, when."""
import logging
from typing import Any

from storyline.config import Settings
from storyline.model import Corpus, Document, Entity, Event, Quote

__version__ = "0.1.0"
__all__ = ["Corpus", "CorpusFrames", "Document", "Entity", "Event", "Quote", "Settings", "__version__",
           "analyze"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    # the API pulls in pandas; load it only when asked, so the CLI and Spark workers start fast
    if name in ("analyze", "CorpusFrames"):
        from storyline import api

        return getattr(api, name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")
