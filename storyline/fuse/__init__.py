"""Cross-document fusion: one corpus out of many per-document analyses.

The steps are registered parts (``storyline.fuse.steps``); ``Settings.fuse_pipeline`` names them.
"""
from __future__ import annotations

import logging
import sys

from storyline.config import Settings
from storyline.fuse.mapper import Mapper
from storyline.fuse.steps import INITIAL, FuseState
from storyline.model import Corpus, DocAnalysis
from storyline.registry import Part, checked_pipeline, fuse_steps

LOGGER = logging.getLogger(__name__)

__all__ = ["clear_text_caches", "fuse", "fuse_pipeline", "fuse_state"]

#: an lru cache this large or larger holds values per text (a sentence's features, a name's keys); smaller ones
#: hold loaded models and lexicons
TEXT_CACHE_SIZE = 4096


def fuse_pipeline(settings: Settings) -> list[Part]:
    """The steps ``settings.fuse_pipeline`` names, checked: each runs after what it requires."""
    return checked_pipeline(settings.fuse_pipeline, fuse_steps, INITIAL, "fuse_pipeline")


def fuse(analyses: list[DocAnalysis], settings: Settings) -> Corpus:
    """Run every step of ``settings.fuse_pipeline`` over the analyses; the corpus they build."""
    return fuse_state(analyses, settings).corpus


def fuse_state(analyses: list[DocAnalysis], settings: Settings, mapper: Mapper | None = None) -> FuseState:
    """``fuse``, returning the whole state (the entity map and near-duplicates beside the corpus).

    ``mapper`` runs the heaviest steps' per-block work (``storyline.fuse.mapper``; an engine passes its own).
    """
    state = FuseState(analyses=analyses, corpus=Corpus(documents=[a.document for a in analyses]), mapper=mapper)
    for part in fuse_pipeline(settings):
        part.run(state, settings)
    return state


def clear_text_caches() -> int:
    """Empty the per-text lru caches of the loaded storyline modules (``TEXT_CACHE_SIZE`` entries or more); returns
    how many entries went.

    Each is bounded, but a batched fuse fills them all (a sentence's features, a name's keys: tens of thousands of
    entries each, hundreds of MB together) with the texts of a batch the next one does not read again: emptied
    between batches, their memory is that of one batch's texts. Models, lexicons and unbounded caches stay.
    """
    dropped = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("storyline.") or module is None:
            continue
        for obj in list(vars(module).values()):
            info = getattr(obj, "cache_info", None)
            if not callable(info) or not callable(getattr(obj, "cache_clear", None)):
                continue
            stats = info()
            if getattr(stats, "maxsize", None) is not None and stats.maxsize >= TEXT_CACHE_SIZE:
                dropped += stats.currsize
                obj.cache_clear()
    return dropped
