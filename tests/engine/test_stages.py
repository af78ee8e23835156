"""Documents analysed in a group: shared parse batches, the same results, failures kept apart."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.engine import components, stages
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
    real = components.extract_events

    def flaky(doc, *args, **kwargs):
        if doc.id == "d1":
            raise RuntimeError("odd article")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(components, "extract_events", flaky)
    out = stages.analyze_documents(_docs(), Settings())
    assert [type(r) for r in out] == [DocAnalysis, IngestError, DocAnalysis]
    assert out[1].reason == "analysis_failed" and "odd article" in out[1].detail


def test_a_failure_late_in_a_group_leaves_the_documents_before_it_as_analysed_alone(monkeypatch):
    # the trained coder runs a group in one batch and adds generic actors to each document's lists; when a
    # later document fails the group is retried one by one, and the documents before it must come out as
    # analysed alone (the batch puts their lists back; re-coding them happens to give the same actors today)
    texts = ["The judge in Port Adrel ordered the release of the activists. The judge criticised the police.",
             *TEXTS]
    docs = [Document(id=f"d{i}", source=f"d{i}.txt", raw=t) for i, t in enumerate(texts)]
    alone = [to_dict(stages.analyze_document(Document(id=d.id, source=d.source, raw=d.raw), Settings()),
                     internal=True) for d in docs[:2]]
    real = components.extract_events

    def flaky(doc, *args, **kwargs):
        if doc.id == "d3":
            raise RuntimeError("odd article")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(components, "extract_events", flaky)
    out = stages.analyze_documents(docs, Settings())
    assert [type(r) for r in out] == [DocAnalysis, DocAnalysis, DocAnalysis, IngestError]
    assert [to_dict(a, internal=True) for a in out[:2]] == alone


def test_a_failing_parse_is_traced_to_its_document(monkeypatch):
    real = components.parse

    def flaky(doc, settings):
        if doc.id == "d2":
            raise ValueError("parser choked")
        return real(doc, settings)

    def shared(docs, settings):
        if any(d.id == "d2" for d in docs):
            raise ValueError("parser choked")
        return [real(d, settings) for d in docs]

    monkeypatch.setattr(components, "parse", flaky)
    monkeypatch.setattr(components, "parse_many", shared)
    out = stages.analyze_documents(_docs(), Settings())
    assert [type(r) for r in out] == [DocAnalysis, DocAnalysis, IngestError]


def test_groups_keep_order_and_feed_every_worker():
    docs = _docs() * 20
    assert [d for g in groups(docs) for d in g] == docs
    assert len(groups(docs, workers=2)) >= 8
    assert max(len(g) for g in groups(docs)) <= GROUP_DOCS


def _without_events(state, settings):
    """A stand-in event coder: finds nothing (registered below under a test name)."""
    state.events = []


def test_a_component_is_swapped_by_setting():
    from storyline.registry import component

    component("tests.events.none.v1", requires=("doc.parse",), assigns=("doc.events",))(_without_events)
    default = Settings()
    swapped = default.replace(pipeline=[("tests.events.none.v1" if n.startswith("storyline.events.") else n)
                                        for n in default.pipeline])
    with_lexicon = stages.analyze_documents(_docs(), default)
    without = stages.analyze_documents(_docs(), swapped)
    assert any(a.events for a in with_lexicon)
    assert all(not a.events for a in without)
    # everything else is the same: only the swapped component's output differs
    assert [[m.text for m in a.mentions] for a in with_lexicon] == [[m.text for m in a.mentions] for a in without]
    assert [len(a.quotes) for a in with_lexicon] == [len(a.quotes) for a in without]


def test_a_pipeline_in_the_wrong_order_is_refused_before_any_work():
    from storyline.errors import PipelineError

    names = list(Settings().pipeline)
    names.remove("storyline.parse.spacy.v1")
    names.append("storyline.parse.spacy.v1")
    with pytest.raises(PipelineError, match=r"requires doc\.parse .*move it before"):
        stages.analyze_documents(_docs(), Settings().replace(pipeline=names))


def test_the_lexicon_coder_stays_a_setting_beside_the_trained_one():
    default = Settings()
    assert "storyline.events.trained.v1" in default.pipeline
    lexicon = default.replace(pipeline=[n.replace("events.trained", "events.lexicon") for n in default.pipeline])
    both = [stages.analyze_documents(_docs(), s) for s in (default, lexicon)]
    assert all(any(a.events for a in run) for run in both)
