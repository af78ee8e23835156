"""``join_stories`` clustered group by group (``edges``) gives the units it gives over every pair."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.fuse.entities import merge_entities
from storyline.fuse.incremental import join_stories
from storyline.fuse.stories import LINK_GATE, StoryScorer, corpus_story_features, group_stories


@pytest.fixture(scope="module")
def setup(bench):
    analyses = bench.generate(160, seed=9, vectors="synthetic")
    settings = Settings()
    _, id_map = merge_entities(analyses, settings)
    stored_part, new_part = analyses[:110], analyses[110:]
    stories = group_stories(stored_part, settings, None, id_map)
    feats = corpus_story_features([*stored_part, *new_part], id_map)
    scorer = StoryScorer([*stored_part, *new_part], settings, None, id_map, features=feats)
    index = {f.id: i for i, f in enumerate(feats)}
    stored = [[index[d] for d in s.docs] for s in stories]
    new = list(range(len(stored_part), len(feats)))
    return scorer, stored, new, settings.story_threshold


def test_groups_give_the_units_of_all_pairs(setup):
    scorer, stored, new, threshold = setup
    everything = join_stories(scorer, new, stored, threshold)
    is_new = set(new)
    edges = [p for p in scorer.reachable(threshold) if p[0] in is_new or p[1] in is_new]
    grouped = join_stories(scorer, new, stored, threshold, edges)
    assert grouped == everything
    # the batch joins stored stories and makes stories of its own: the comparison is not of empty lists
    assert any(len(u) > 1 and min(u) < min(new) for u in everything)
    assert any(len(u) > 1 and min(u) >= min(new) for u in everything) or len(everything) > len(new) // 2


def test_without_edges_between_groups_nothing_merges(setup):
    scorer, stored, new, threshold = setup
    alone = join_stories(scorer, new, stored, threshold, [])
    assert sorted(alone) == sorted([i] for i in new)


@pytest.fixture(scope="module")
def trained(bench):
    """The trained decision with its second pass (``ClusterMerger``): stored stories of the first 110 documents."""
    analyses = bench.generate(160, seed=9, vectors="synthetic")
    settings = Settings(stories="trained")
    _, id_map = merge_entities(analyses, settings)
    stored_part = analyses[:110]
    stories = group_stories(stored_part, settings, None, id_map)
    feats = corpus_story_features(analyses, id_map)
    scorer = StoryScorer(analyses, settings, None, id_map, features=feats)
    index = {f.id: i for i, f in enumerate(feats)}
    return scorer, [[index[d] for d in s.docs] for s in stories], list(range(110, len(feats)))


def test_second_pass_groups_give_the_units_of_all_pairs(trained):
    """Grouped by the pairs at the link gate, the second pass weighs the clusters it weighs over every pair."""
    scorer, stored, new = trained
    assert scorer.second_pass
    everything = join_stories(scorer, new, stored, scorer.threshold)
    is_new = set(new)
    edges = [p for p in scorer.rules_reachable(LINK_GATE) if p[0] in is_new or p[1] in is_new]
    assert join_stories(scorer, new, stored, scorer.threshold, edges) == everything
    assert any(len(u) > 1 and min(u) < min(new) for u in everything)


def test_an_empty_store_joined_gives_the_full_runs_split_stories(bench, tmp_path):
    """Every document new (nothing stored): the incremental join splits what it makes as the full run splits its
    clusters. The model's split threshold is lowered so that cuts do split here."""
    from storyline import modelfile
    from storyline.fuse.stories import default_model_path, story_clusters

    data = modelfile.load(default_model_path())
    assert data["splits"] is not None
    path = tmp_path / "stories.npz"
    modelfile.save(path, {**data, "splits": {**data["splits"], "threshold": 0.05}})
    analyses = bench.generate(120, seed=11, vectors="synthetic")
    settings = Settings(stories="trained", story_model=str(path))
    _, id_map = merge_entities(analyses, settings)
    full = story_clusters(analyses, settings, None, id_map)
    shipped = story_clusters(analyses, Settings(stories="trained"), None, id_map)
    scorer = StoryScorer(analyses, settings, None, id_map)
    joined = join_stories(scorer, list(range(len(analyses))), [], scorer.threshold)
    assert sorted(map(sorted, joined)) == sorted(map(sorted, full))
    assert len(full) > len(shipped)   # the lowered threshold split more clusters: the comparison is not vacuous


class _Scores:
    """A scorer stand-in: pair scores and weights from fixed matrices (``_join`` reads only these)."""
    second_pass = False

    def __init__(self, scores, weights) -> None:
        self.m, self.w = scores, weights

    def scores(self, first, second):
        return self.m[first, second]

    def weights(self, first, second):
        return self.w[first, second]


@pytest.mark.parametrize("seed", range(12))
def test_the_merge_loop_gives_the_units_and_ties_of_the_whole_matrix_made_again_per_merge(seed):
    import numpy as np

    from tests.reference.join import join

    # scores on a coarse grid, so that many links tie and the lowest pair must win; some pairs weigh less
    rng = np.random.default_rng(seed)
    n = 60
    m = np.round(rng.random((n, n)) * 4) / 4
    w = np.where(rng.random((n, n)) < 0.3, 0.5, 1.0)
    m, w = np.triu(m, 1) + np.triu(m, 1).T, np.triu(w, 1) + np.triu(w, 1).T
    stored = [list(range(k, min(k + 3, 24))) for k in range(0, 24, 3)]
    new = list(range(24, n))
    scorer = _Scores(m, w)
    for threshold in (0.5, 0.75):
        assert join_stories(scorer, new, stored, threshold) == [u for _, u in join(scorer, new, stored, threshold)]
