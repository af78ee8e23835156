"""Story grouping scores only the pairs that can reach the threshold; the clusters are those of every pair.

On bench-scale's synthetic corpus (actors with Zipf-like popularity: a few countries in much of the
news), ``story_clusters`` must equal the plain reference that scores all n^2 pairs and searches every
pair of clusters at each step (tests/reference/stories.py).
"""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.fuse import fuse_pipeline
from storyline.fuse.steps import FuseState
from storyline.fuse.stories import StoryScorer, story_clusters
from storyline.model import Corpus
from tests.reference.stories import cluster_by_search, pair_scores, pair_weights


def _fused_until_stories(bench, n: int, vectors: str, settings: Settings) -> FuseState:
    analyses = bench.generate(n, seed=11, vectors=vectors, settings=settings)
    state = FuseState(analyses=analyses, corpus=Corpus(documents=[a.document for a in analyses]))
    for part in fuse_pipeline(settings):
        if part.name.endswith("stories.v1"):
            break
        part.run(state, settings)
    return state


@pytest.mark.parametrize("mode", ["trained", "rules"])
@pytest.mark.parametrize("vectors", ["synthetic", ""])
def test_blocked_clusters_equal_all_pairs_reference(bench, vectors, mode):
    settings = Settings(stories=mode) if vectors else Settings(stories=mode, embedding_model="")
    state = _fused_until_stories(bench, 160, vectors, settings)
    args = (state.analyses, settings, state.near_duplicates, state.id_map)
    scorer = StoryScorer(*args)
    kept, related = scorer.reachable(scorer.threshold), scorer.related()
    assert kept < related and len(kept) < len(related) / 4   # most pairs sharing a key are never scored
    got = sorted(sorted(c) for c in story_clusters(*args))
    want = sorted(sorted(c) for c in cluster_by_search(pair_scores(*args), scorer.threshold, pair_weights(*args)))
    assert got == want
    assert any(len(c) > 1 for c in want)


def test_blocked_clusters_equal_the_reference_when_unjudged_pairs_weigh_less(bench, tmp_path):
    """The trained decision with pairs it does not judge counting a quarter in a link's average."""
    import joblib

    from storyline.fuse.stories import default_model_path

    path = tmp_path / "stories.joblib"
    joblib.dump({**joblib.load(default_model_path()), "unjudged": 0.25}, path)
    settings = Settings(stories="trained", story_model=str(path))
    state = _fused_until_stories(bench, 160, "synthetic", settings)
    args = (state.analyses, settings, state.near_duplicates, state.id_map)
    scorer = StoryScorer(*args)
    assert scorer.model is not None and scorer.model.unjudged == 0.25
    weights = pair_weights(*args)
    assert any(0.25 in row for row in weights)
    got = sorted(sorted(c) for c in story_clusters(*args))
    want = sorted(sorted(c) for c in cluster_by_search(pair_scores(*args), scorer.threshold, weights))
    assert got == want
    assert any(len(c) > 1 for c in want)


@pytest.mark.parametrize("mode", ["trained", "rules"])
def test_every_pair_reaching_the_threshold_is_kept(bench, mode):
    settings = Settings(stories=mode)
    state = _fused_until_stories(bench, 160, "synthetic", settings)
    scorer = StoryScorer(state.analyses, settings, state.near_duplicates, state.id_map)
    n = len(state.analyses)
    reaching = {(i, j) for i in range(n) for j in range(i + 1, n) if scorer(i, j) >= scorer.threshold}
    assert reaching and reaching <= scorer.reachable(scorer.threshold)
    first, second = zip(*[(i, j) for i in range(n) for j in range(i + 1, n)])
    import numpy as np

    batch = scorer.scores(np.array(first), np.array(second))
    assert all(abs(b - scorer(i, j)) < 1e-9 for b, i, j in zip(batch, first, second))
