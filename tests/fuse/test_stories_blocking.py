"""Story grouping scores only the pairs that can reach the threshold; the clusters are those of every pair.

On bench-scale's synthetic corpus (actors with Zipf-like popularity: a few countries in much of the
news), ``story_clusters`` must equal the plain reference that scores all n^2 pairs and searches every
pair of clusters at each step (tests/reference/stories.py), followed for the trained decision by its second pass and
split over the links of every pair (no blocking).
"""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.fuse import fuse_pipeline
from storyline.fuse.steps import FuseState
from storyline.fuse.stories import StoryScorer, story_clusters
from storyline.model import Corpus
from tests.reference.stories import cluster_by_search, pair_scores, pair_weights, second_passes


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
    first = cluster_by_search(pair_scores(*args), scorer.threshold, pair_weights(*args))
    want = sorted(sorted(c) for c in second_passes(state.analyses, settings, first, *args[2:]))
    assert got == want
    assert any(len(c) > 1 for c in want)


def test_blocked_clusters_equal_the_reference_when_unjudged_pairs_weigh_less(bench, tmp_path):
    """The trained decision with pairs it does not judge counting a quarter in a link's average."""
    from storyline import modelfile
    from storyline.fuse.stories import default_model_path

    path = tmp_path / "stories.npz"
    modelfile.save(path, {**modelfile.load(default_model_path()), "unjudged": 0.25})
    settings = Settings(stories="trained", story_model=str(path))
    state = _fused_until_stories(bench, 160, "synthetic", settings)
    args = (state.analyses, settings, state.near_duplicates, state.id_map)
    scorer = StoryScorer(*args)
    assert scorer.model is not None and scorer.model.unjudged == 0.25
    weights = pair_weights(*args)
    assert any(0.25 in row for row in weights)
    got = sorted(sorted(c) for c in story_clusters(*args))
    first = cluster_by_search(pair_scores(*args), scorer.threshold, weights)
    want = sorted(sorted(c) for c in second_passes(state.analyses, settings, first, *args[2:]))
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


def test_a_large_key_block_is_paired_by_date_window_as_its_filtered_pairs():
    import numpy as np

    from storyline.fuse import stories

    # 200 documents naming one common key, spread over a year, some undated; a few share a rarer key too
    rng = np.random.default_rng(3)
    days = rng.integers(738000, 738365, 200).astype(np.float64)
    days[rng.choice(200, 12, replace=False)] = np.nan
    sets = [{"gpe:KEN"} | ({"org:x"} if i % 7 == 0 else set()) for i in range(200)]
    got = stories._pair_codes(sets, days, 21)
    every = stories._pair_codes(sets)
    gap = np.abs(days[every // 200] - days[every % 200])
    want = every[np.isnan(gap) | (gap <= 21)]
    assert len(want) < len(every) / 4
    assert np.array_equal(got, want)


@pytest.mark.parametrize("mode", ["trained", "rules"])
def test_pairs_reaching_the_threshold_are_kept_when_key_blocks_are_windowed(bench, mode, monkeypatch):
    from storyline.fuse import stories

    monkeypatch.setattr(stories, "WINDOW_BLOCK", 3)   # every block of more than 3 documents by date window
    settings = Settings(stories=mode, embedding_model="")   # no related leads: the keys alone find the pairs
    state = _fused_until_stories(bench, 160, "", settings)
    scorer = StoryScorer(state.analyses, settings, state.near_duplicates, state.id_map)
    n = len(state.analyses)
    reaching = {(i, j) for i in range(n) for j in range(i + 1, n) if scorer(i, j) >= scorer.threshold}
    assert reaching and reaching <= scorer.reachable(scorer.threshold)
