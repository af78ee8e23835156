"""Story events score only candidate pairs whose dates do not clash; the clusters are those of every pair.

A date clash costs a pair more than the rest can give (``CLASH_BLOCKS``), so pairs of day-precise dates
more than ``DATE_REACH`` days apart are left out of the candidates. On bench-scale's synthetic corpus
(stories spread over three years, rare words and places shared by stories months apart) and on
hand-built reports, ``cluster_story_events`` must equal clustering every pair (tests/reference/story_events.py).
"""
from __future__ import annotations

import random
from itertools import combinations

import pytest

from storyline.config import Settings
from storyline.fuse import story_events
from storyline.fuse.steps import FuseState
from storyline.fuse.story_events import (
    CLASH_BLOCKS,
    DATE_REACH,
    MERGE_THRESHOLD,
    Actors,
    PairFacts,
    cluster_story_events,
)
from storyline.model import Document, Entity, Event, Span
from tests.fuse.partial import fuse_until
from tests.reference.story_events import every_pair, pair_score


def _until_story_events(bench, n: int, seed: int) -> FuseState:
    return fuse_until(bench, "story_events.v1", n, seed, vectors="synthetic")[0]


@pytest.mark.parametrize("seed", [3, 8])
def test_blocked_story_events_equal_every_pair(bench, monkeypatch, seed):
    assert CLASH_BLOCKS
    state = _until_story_events(bench, 150, seed)
    events, entities, docs = state.corpus.events, state.corpus.entities, state.corpus.documents
    settings = Settings()
    got = cluster_story_events(events, entities, docs, settings)
    blocked = story_events._candidate_pairs(events, story_events._Wording(events), Actors(entities))
    monkeypatch.setattr(story_events, "_candidate_pairs", every_pair)
    want = cluster_story_events(events, entities, docs, settings)
    assert got == want
    assert sum(len(se.events) > 1 for se in want[0]) >= 20
    assert len(blocked) < len(every_pair(events)) / 4


def _event(k: int, doc: str, etype: str, date: str | None, source: str, target: str | None, text: str,
           date_source: str = "sentence") -> Event:
    return Event(f"{doc}/v{k}", etype, source, target, date, "day" if date and len(date) == 10 else "month",
                 date_source, "asserted", summary="", evidence=[Span(doc, 0, len(text), text)], doc=doc)


def test_pairs_left_out_have_clashing_dates_and_cannot_merge():
    """Random reports of a few acts: every pair the blocking leaves out clashes on dates and scores under the
    threshold even with identical wording; dates a month apart, undated and month-precise ones are all met."""
    rng = random.Random(4)
    ents = [Entity(f"e{i}", name, "ORG") for i, name in enumerate(("Harbour Authority", "Dockers Union",
                                                                    "Port of Tema", "Ministry of Transport"))]
    dates = [None, "2024-03", "2024-03-01", "2024-03-02", "2024-03-05", "2024-03-09", "2024-02-29", "2024-04-01",
             "2024-03-31", "2025-03-02", "2024-02-30"]
    events = []
    for k in range(90):   # fewer than CANDIDATE_DF_CAP: their shared words index every pair
        src, tgt = rng.sample(ents, 2)
        events.append(_event(k, f"d{k % 30}", rng.choice(("PROTEST", "ACCUSE", "AGREE", "COERCE")),
                             rng.choice(dates), src.id, tgt.id if rng.random() < 0.7 else None,
                             "Dockers at the Tema harbour walked out over unpaid overtime on the quay",
                             rng.choice(("sentence", "context", "publication"))))
    actors = Actors(ents)
    kept = set(story_events._candidate_pairs(events, story_events._Wording(events), actors))
    facts = PairFacts(events, actors)
    left_out = [(i, j) for i, j in combinations(range(len(events)), 2) if (i, j) not in kept]
    assert left_out and len(kept) > len(left_out) / 10
    for i, j in left_out:
        assert facts.date_compatibility(i, j) is None
        assert pair_score(events[i], events[j], actors, 1.0) < MERGE_THRESHOLD
    # a pair within the reach is kept, undated or month-precise ones too
    near = [(i, j) for i, j in combinations(range(len(events)), 2)
            if events[i].date and events[j].date and len(events[i].date) == len(events[j].date) == 10
            and abs(int(events[i].date[-2:]) - int(events[j].date[-2:])) <= DATE_REACH
            and events[i].date[:7] == events[j].date[:7]]
    assert near and all(p in kept for p in near)
    assert all((min(i, j), max(i, j)) in kept for i, j in combinations(range(len(events)), 2)
               if not events[i].date or not events[j].date or len(events[i].date) < 10)


def test_blocked_clusters_equal_every_pair_on_hand_built_reports(monkeypatch):
    ents = [Entity("e1", "Harbour Authority", "ORG"), Entity("e2", "Dockers Union", "ORG")]
    text = "The Dockers Union accused the Harbour Authority of withholding overtime pay at Tema"
    events = [_event(k, f"d{k}", "ACCUSE", date, "e2", "e1", text)
              for k, date in enumerate(("2024-03-01", "2024-03-02", None, "2024-03", "2024-09-14", "2024-09-15",
                                        "2023-03-01", "2024-03-04"))]
    docs = [Document(id=f"d{k}", source=f"d{k}.txt", raw=text, outlet=f"Outlet {k % 3}") for k in range(8)]
    got = cluster_story_events(events, ents, docs, Settings())
    monkeypatch.setattr(story_events, "_candidate_pairs", every_pair)
    assert got == cluster_story_events(events, ents, docs, Settings())
    assert len(got[0]) < len(events)
