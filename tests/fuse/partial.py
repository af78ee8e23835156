"""A generated corpus fused up to (not including) one step, for tests that compare that step's blocked work
with its all-pairs reference on the state the pipeline really hands it."""
from __future__ import annotations

from storyline.config import Settings
from storyline.fuse import fuse_pipeline
from storyline.fuse.steps import FuseState
from storyline.model import Corpus


def fuse_until(bench, step: str, n: int, seed: int, vectors: str) -> tuple[FuseState, Settings]:
    """``bench`` is the tests' scripts/bench_scale.py module; ``step`` ends a fuse part's name ("disagreements.v1")."""
    settings = Settings()
    analyses = bench.generate(n, seed=seed, vectors=vectors, settings=settings)
    state = FuseState(analyses=analyses, corpus=Corpus(documents=[a.document for a in analyses]))
    for part in fuse_pipeline(settings):
        if part.name.endswith(step):
            break
        part.run(state, settings)
    return state, settings
