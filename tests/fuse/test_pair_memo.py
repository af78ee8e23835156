"""The pair model's memo of judged sentence pairs (``DimensionContext.pair_memo``): documents A judged once,
then A+B judged with A's memo, gives the candidates of judging A+B in full, while the model reads only the
pairs A's run did not (those with a sentence of B, and the few of A that B's sentences made candidates).

On bench-scale's synthetic corpus (stories of several outlets telling one event in other words), fused up to
the disagreements step once; the two runs of the pair dimension are over the same entities, events and stories.
"""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.fuse import fuse_pipeline, pair_model
from storyline.fuse.disagreements import disagreement_candidates
from storyline.fuse.steps import FuseState
from storyline.model import Corpus, to_dict

pytestmark = pytest.mark.slow

N, NEW = 160, 20


@pytest.fixture(scope="module")
def fused(bench):
    settings = Settings(disagreement_dimensions=("storyline.disagreements.pairs.v1",))
    analyses = bench.generate(N, seed=11, vectors="synthetic", settings=settings)
    state = FuseState(analyses=analyses, corpus=Corpus(documents=[a.document for a in analyses]))
    for part in fuse_pipeline(settings):
        if part.name.endswith("disagreements.v1"):
            break
        part.run(state, settings)
    return state, settings


def _run(state: FuseState, settings: Settings, docs: set[str], memo):
    corpus = state.corpus
    analyses = [a for a in state.analyses if a.document.id in docs]
    return disagreement_candidates(analyses, corpus.entities, [e for e in corpus.events if e.doc in docs], settings,
                                   corpus.stories, mapper=state.mapper, pair_memo=memo)


def _plain(found) -> list:
    return [(score, dim, topic, [to_dict(s) for s in sides]) for score, dim, topic, sides in found]


def test_judging_with_the_memo_of_a_part_gives_the_full_run(fused, monkeypatch):
    state, settings = fused
    ids = [a.document.id for a in state.analyses]
    old, new = set(ids[:-NEW]), set(ids[-NEW:])
    full_memo: dict = {}
    full = _run(state, settings, old | new, full_memo)
    assert full and len(full_memo) > 100   # the model judged pairs and found disagreements
    assert _run(state, settings, old | new, None) == full   # no memo: as before

    memo: dict = {}
    _run(state, settings, old, memo)
    before = dict(memo)
    read: list[tuple[str, str]] = []
    real = pair_model.PairModel.probabilities

    def spy(self, pairs):
        read.extend(pairs)
        return real(self, pairs)

    monkeypatch.setattr(pair_model.PairModel, "probabilities", spy)
    again = _run(state, settings, old | new, memo)
    assert _plain(again) == _plain(full)   # the same candidates, scores, topics and sides
    # the memo now holds what the full run judged, with the same probabilities (and pairs of A that are no
    # longer candidates with B's sentences in)
    assert {k: memo[k] for k in full_memo} == full_memo
    # the model read only the pairs the part's run had not judged, each once; most have a sentence of a new document
    assert read and len(read) == len(set(read)) and not set(read) & set(before)
    assert set(read) == set(full_memo) - set(before)
    new_texts = {s.text for a in state.analyses if a.document.id in new for s in a.sentences}
    with_new = [p for p in read if p[0] in new_texts or p[1] in new_texts]
    assert len(with_new) >= 0.8 * len(read)
    assert len(read) < 0.5 * len(full_memo)
