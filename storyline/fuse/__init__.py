"""Cross-document fusion: one corpus out of many per-document analyses.

The steps are registered parts (``storyline.fuse.steps``); ``Settings.fuse_pipeline`` names them.
"""
from __future__ import annotations

import logging

from storyline.config import Settings
from storyline.fuse.mapper import Mapper
from storyline.fuse.steps import INITIAL, FuseState
from storyline.model import Corpus, DocAnalysis
from storyline.registry import Part, checked_pipeline, fuse_steps

LOGGER = logging.getLogger(__name__)

__all__ = ["fuse", "fuse_pipeline", "fuse_state"]


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
