"""Shared fixtures: the seeds and gold in ../shared (skipped when absent), hand-built corpora."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from storyline.model import (
    Corpus,
    Document,
    Entity,
    Event,
    Quote,
    Removal,
    Span,
    Story,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not present (fresh clone without the shared folder)")
    return path


@pytest.fixture(scope="session")
def gold_path() -> Path:
    path = SHARED / "gold" / "seeds.yaml"
    if not path.is_file():
        pytest.skip("../shared/gold/seeds.yaml is not present")
    return path


def _span(doc: Document, text: str) -> Span:
    start = doc.raw.index(text)
    return Span(doc.id, start, start + len(text), text)


def make_corpus() -> Corpus:
    """A tiny hand-built corpus: two documents, two actors, one event, one quote."""
    raw1 = "Ministers meet\n\nThe Freedonian minister Ana Vell met Sylvanian envoys on May 3. Share this!"
    raw2 = "Talks fail\n\nSylvania rejected the offer, Vell said."
    d1 = Document(id="aaaa000000000001", source="a.txt", raw=raw1, title="Ministers meet",
                  text=raw1[16:79], language="en", genre="reporting",
                  removed=[Removal(80, 91, "Share this!", "share prompt")])
    d2 = Document(id="aaaa000000000002", source="b.txt", raw=raw2, title="Talks fail",
                  text=raw2[12:], language="en", genre="opinion")
    vell = Entity(id="e1", name="Ana Vell", type="PERSON", country=None, role="minister",
                  aliases=["Ana Vell", "Vell"],
                  mentions=[_span(d1, "Ana Vell"), _span(d2, "Vell")])
    syl = Entity(id="e2", name="Sylvania", type="GPE", aliases=["Sylvania"],
                 mentions=[_span(d2, "Sylvania")])
    ev = Event(id=f"{d2.id}/v1", type="REJECT", source="e2", target=None, date=None,
               modality="reported", attributed_to="e1", summary="Sylvania rejected an offer.",
               evidence=[_span(d2, "Sylvania rejected the offer, Vell said.")], doc=d2.id)
    q = Quote(id=f"{d2.id}/q1", doc=d2.id, speaker="e1", text="Sylvania rejected the offer",
              start=12, end=39, direct=False)
    return Corpus(documents=[d1, d2], entities=[vell, syl], events=[ev], quotes=[q],
                  stories=[Story(id="s1", title="Talks", date=None, docs=[d1.id, d2.id])])


@pytest.fixture
def tiny_corpus() -> Corpus:
    return make_corpus()


@pytest.fixture(scope="session")
def bench():
    """scripts/bench_scale.py as a module: its generator of distinct synthetic analyses."""
    spec = importlib.util.spec_from_file_location("storyline_bench_scale_script", REPO / "scripts" / "bench_scale.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module
