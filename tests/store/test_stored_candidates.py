"""An update ranks the stored disagreement candidates again with their sides decoded only where a candidate's story
and dimension have room: the kept disagreements are those of the decoded candidates, and a candidate past a cap is
not decoded."""
from __future__ import annotations

from storyline.fuse.disagreements import MAX_DISAGREEMENTS, MAX_PER_DIMENSION, DeferredSides, keep_disagreements
from storyline.model import Side, Span
from storyline.store import Store, incremental


def _side(doc: str, stance: str, start: int) -> Side:
    text = f"{doc} says {stance}."
    return Side(doc=doc, stance=stance, evidence=Span(doc, start, start + len(text), text))


def _candidates() -> list:
    found = []
    # story s1: more framing candidates than its cap, then other dimensions until the story's cap is reached
    for n in range(MAX_PER_DIMENSION + 3):
        found.append((9.0 - n / 10, "framing", f"framing: {n}", [_side("a1", "hostile", n * 100),
                                                                 _side("a2", "benign", n * 100)]))
    for n in range(MAX_DISAGREEMENTS + 2):
        found.append((5.0 - n / 100, f"dim{n % 7}", f"topic {n}", [_side("a2", f"x{n}", 7000 + n * 100),
                                                                   _side("a3", f"y{n}", 40 + n),
                                                                   _side("a1", f"z{n}", 9000 + n * 100)]))
    # a pair candidate on sentences a rule dimension shows is left out; one side's document alone is too
    found.append((4.0, "pairs:quantity", "pairs: q", [_side("b1", "1", 0), _side("b2", "2", 0)]))
    found.append((4.5, "quantity", "quantity (q)", [_side("b1", "3", 0), _side("b2", "4", 0)]))
    found.append((3.0, "cause", "cause: c", [_side("b1", "dam", 500), _side("b1", "rain", 700)]))
    # the same sides twice (another topic): the second's id is numbered
    found.append((2.0, "cause", "cause: d", [_side("b2", "dam", 900), _side("b1", "rain", 800)]))
    found.append((1.5, "cause", "cause: e", [_side("b2", "dam", 900), _side("b1", "rain", 800)]))
    return found


STORY_OF = {"a1": "s1", "a2": "s1", "a3": "s1", "b1": "s2", "b2": "s2"}


def test_stored_candidates_decoded_lazily_keep_what_the_decoded_ones_keep(tmp_path, monkeypatch):
    found = _candidates()
    decoded: list[int] = []
    real = DeferredSides.sides

    def counting(self):
        if self._sides is None:
            decoded.append(len(self))
        return real(self)

    monkeypatch.setattr(DeferredSides, "sides", counting)
    with Store(tmp_path / "cands.duckdb") as store:
        incremental._ensure(store)
        incremental._insert(store, "fuse_disagreement_candidates", ["seq", "score", "dim", "topic", "sides", "docs"],
                            incremental._candidate_rows(found, 0))
        stored = list(incremental._ranked_candidates(store))
        got = keep_disagreements(iter(stored), STORY_OF)
    want = keep_disagreements(sorted(found, key=lambda f: -f[0]), STORY_OF)
    assert got == want
    assert all(type(d.sides) is list for d in got)
    assert [d.topic for d in got].count("framing: 0") == 1 and len([d for d in got if d.topic.startswith("framing")]) \
        == MAX_PER_DIMENSION
    assert sum(d.sides[0].doc.startswith("a") for d in got) == MAX_DISAGREEMENTS
    assert [d.id for d in got if d.topic in ("cause: d", "cause: e")][1].endswith("-2")
    # the candidates past a cap were judged on their first side's document alone: only the others were decoded
    past_cap = len(found) - len(got) - 2   # the pair candidate and the one-document one are decoded to be judged
    assert len(decoded) == len(found) - past_cap
    # and the deferred sides read as the stored ones
    for (_, _, _, sides), (_, _, _, lazy) in zip(sorted(found, key=lambda f: -f[0]), stored):
        assert lazy.first_doc == sides[0].doc and len(lazy) == len(sides)
        assert lazy[0] == sides[0] and list(lazy) == sides and lazy[-1] == sides[-1]
