"""Documents analysed in a group: shared parse batches, the same results, failures kept apart."""
from __future__ import annotations

from storyline.config import Settings
from storyline.engine import stages
from storyline.engine.local import GROUP_DOCS, groups
from storyline.model import DocAnalysis, Document, IngestError, to_dict

TEXTS = [
    "Harbour workers walked out on Monday.\n\nThe union said the strike would last a week.",
    "The mayor of Port Adrel met the union leaders on Tuesday and promised talks.",
    "Police arrested three protesters outside the ministry, officials said.",
]


def _docs() -> list[Document]:
    return [Document(id=f"d{i}", source=f"d{i}.txt", raw=t) for i, t in enumerate(TEXTS)]


def test_group_equals_one_by_one():
    settings = Settings()
    together = stages.analyze_documents(_docs(), settings)
    alone = [stages.analyze_document(d, settings) for d in _docs()]
    assert [to_dict(a, internal=True) for a in together] == [to_dict(a, internal=True) for a in alone]
    assert any(a.events for a in together)


def test_a_failing_document_does_not_take_its_group_down(monkeypatch):
    real = stages.extract_events

    def flaky(doc, *args):
        if doc.id == "d1":
            raise RuntimeError("odd article")
        return real(doc, *args)

    monkeypatch.setattr(stages, "extract_events", flaky)
    out = stages.analyze_documents(_docs(), Settings())
    assert [type(r) for r in out] == [DocAnalysis, IngestError, DocAnalysis]
    assert out[1].reason == "analysis_failed" and "odd article" in out[1].detail


def test_a_failing_parse_is_traced_to_its_document(monkeypatch):
    real = stages.parse

    def flaky(doc, settings):
        if doc.id == "d2":
            raise ValueError("parser choked")
        return real(doc, settings)

    def shared(docs, settings):
        if any(d.id == "d2" for d in docs):
            raise ValueError("parser choked")
        return [real(d, settings) for d in docs]

    monkeypatch.setattr(stages, "parse", flaky)
    monkeypatch.setattr(stages, "parse_many", shared)
    out = stages.analyze_documents(_docs(), Settings())
    assert [type(r) for r in out] == [DocAnalysis, DocAnalysis, IngestError]


def test_groups_keep_order_and_feed_every_worker():
    docs = _docs() * 20
    assert [d for g in groups(docs) for d in g] == docs
    assert len(groups(docs, workers=2)) >= 8
    assert max(len(g) for g in groups(docs)) <= GROUP_DOCS
