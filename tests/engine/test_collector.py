"""The serial analysis pauses the cyclic collector while its first group loads the models, keeps what that group
made out of the collector's passes for the other groups, and leaves nothing frozen when it ends."""
from __future__ import annotations

import gc

import pytest

import storyline.engine.local as local
from storyline.config import Settings
from storyline.model import Document


def _docs(n: int) -> list[Document]:
    return [Document(id=f"d{i}", source=f"d{i}.txt", raw=f"Text {i}.") for i in range(n)]


def test_the_first_group_runs_with_the_collector_paused_and_nothing_stays_frozen(monkeypatch: pytest.MonkeyPatch):
    seen: list[tuple[bool, int]] = []

    def group(args):
        docs, _, _ = args
        seen.append((gc.isenabled(), gc.get_freeze_count()))
        return [f"analysis of {d.id}" for d in docs]

    monkeypatch.setattr(local, "analyze_group", group)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    out = list(local.analyze_all(_docs(3 * local.GROUP_DOCS), Settings(workers=1), None))
    assert out == [f"analysis of d{i}" for i in range(3 * local.GROUP_DOCS)]
    assert seen[0] == (False, 0)                      # paused while the first group loads what it needs
    assert all(enabled and frozen > 0 for enabled, frozen in seen[1:])  # its objects out of the passes after
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_failing_first_group_leaves_the_collector_running(monkeypatch: pytest.MonkeyPatch):
    def group(args):
        raise RuntimeError("model file unreadable")

    monkeypatch.setattr(local, "analyze_group", group)
    with pytest.raises(RuntimeError):
        list(local.analyze_all(_docs(2), Settings(workers=1), None))
    assert gc.isenabled() and gc.get_freeze_count() == 0
