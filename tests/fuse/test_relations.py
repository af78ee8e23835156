"""compute_relations: counts and cooperation / conflict per pair and period."""
from __future__ import annotations

import pytest

from storyline.fuse.relations import compute_relations, period_of
from storyline.model import Event


def ev(n, etype, source, target, date=None, modality="asserted"):
    return Event(id=f"d/v{n}", type=etype, source=source, target=target, date=date, modality=modality)


def test_pairs_are_unordered_and_split_by_month():
    events = [ev(1, "ASSAULT", "RUS", "UKR", "2022-02-24"), ev(2, "ACCUSE", "UKR", "RUS", "2022-02-25"),
              ev(3, "AID", "USA", "UKR", "2022-03"), ev(4, "CONSULT", "RUS", "UKR", "2022-03-01")]
    rels = {(r.a, r.b, r.period): r for r in compute_relations(events)}
    feb = rels[("RUS", "UKR", "2022-02")]
    assert feb.n_events == 2
    assert feb.conflict == pytest.approx((1.0 + 0.5) / 2) and feb.cooperation == 0
    assert rels[("UKR", "USA", "2022-03")].cooperation == 1.0
    assert rels[("RUS", "UKR", "2022-03")].cooperation == 0.5


def test_year_period_and_undated():
    events = [ev(1, "AGREE", "A", "B", "2021-05-01"), ev(2, "AGREE", "A", "B", "2021"), ev(3, "AGREE", "A", "B")]
    rels = compute_relations(events, period="year")
    assert [(r.period, r.n_events) for r in rels] == [("2021", 2), ("undated", 1)]


def test_skips_one_sided_reflexive_denied_and_hypothetical():
    events = [ev(1, "ASSAULT", "A", None), ev(2, "ASSAULT", "A", "A"),
              ev(3, "ASSAULT", "A", "B", modality="denied"), ev(4, "ASSAULT", "A", "B", modality="hypothetical")]
    assert compute_relations(events) == []


def test_bad_period():
    with pytest.raises(ValueError):
        compute_relations([], period="week")
    assert period_of("2022-06-17", "month") == "2022-06"
