"""Story grouping as first written: every pair scored, and every pair of clusters searched at each step."""
from __future__ import annotations

from storyline.config import Settings
from storyline.fuse.stories import StoryScorer
from storyline.model import DocAnalysis, NearDuplicate


def pair_scores(analyses: list[DocAnalysis], settings: Settings,
                near_duplicates: dict[str, list[NearDuplicate]] | None = None,
                canonical: dict[str, str] | None = None) -> list[list[float]]:
    """Symmetric same-story scores in [0, 1] for every pair of documents (n x n)."""
    score = StoryScorer(analyses, settings, near_duplicates, canonical)
    n = len(analyses)
    out = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            out[i][j] = out[j][i] = score(i, j)
    return out


def pair_weights(analyses: list[DocAnalysis], settings: Settings,
                 near_duplicates: dict[str, list[NearDuplicate]] | None = None,
                 canonical: dict[str, str] | None = None) -> list[list[float]]:
    """Each pair's weight in a link's average (``StoryScorer.weight``) for every pair (n x n)."""
    score = StoryScorer(analyses, settings, near_duplicates, canonical)
    n = len(analyses)
    out = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            out[i][j] = out[j][i] = score.weight(i, j)
    return out


def cluster_by_search(scores: list[list[float]], threshold: float,
                      weights: list[list[float]] | None = None) -> list[list[int]]:
    """The plain algorithm ``average_linkage`` must equal: search every pair of clusters at each step, a link
    being the weighted mean of the pairs across (``weights``; none: the plain mean)."""
    import numpy as np

    sums = np.array(scores, dtype=np.float64)
    mass = np.ones_like(sums) if weights is None else np.array(weights, dtype=np.float64)
    members = [[i] for i in range(len(scores))]
    alive = list(range(len(scores)))
    while len(alive) > 1:
        idx = np.array(alive)
        upper = np.triu_indices(len(idx), 1)
        links = (sums[np.ix_(idx, idx)] / mass[np.ix_(idx, idx)])[upper]
        if links.max() < threshold:
            break
        k = len(links) - 1 - int(np.argmax(links[::-1]))   # ties: the last pair in row order
        a, b = alive[upper[0][k]], alive[upper[1][k]]
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        mass[a, :] += mass[b, :]
        mass[:, a] += mass[:, b]
        members[a] = sorted(members[a] + members[b])
        alive.remove(b)
    return [members[c] for c in alive]


def second_passes(analyses: list[DocAnalysis], settings: Settings, clusters: list[list[int]],
                  near_duplicates: dict[str, list[NearDuplicate]] | None = None,
                  canonical: dict[str, str] | None = None) -> list[list[int]]:
    """``clusters`` after the trained model's second pass and split (when it has them), the clusters linked by any pair
    of all n^2 whose rules score reaches ``LINK_GATE`` (or a copy): no blocking."""
    from storyline.fuse.stories import LINK_GATE, ClusterMerger, ClusterSplitter

    score = StoryScorer(analyses, settings, near_duplicates, canonical)
    if score.model is None or score.model.clusters is None:
        return clusters
    n = len(analyses)
    edges = [(i, j) for i in range(n) for j in range(i + 1, n)
             if (i, j) in score.copies or score.rules(i, j) >= LINK_GATE]
    merger = ClusterMerger(score, score)
    merged = merger.merge(clusters, edges, score.model.clusters)
    return merged if score.model.splits is None else ClusterSplitter(merger).split(merged, score.model.splits)
