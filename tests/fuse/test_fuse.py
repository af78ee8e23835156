"""The fuse stage as a whole: actors remapped to global ids, story events assigned."""
from __future__ import annotations

from storyline.config import Settings
from storyline.fuse import fuse
from storyline.model import Block, DocAnalysis, Document, Entity, Event, Mention, Span


def _analysis(doc_id: str, raw: str) -> DocAnalysis:
    doc = Document(id=doc_id, source=f"{doc_id}.txt", raw=raw, blocks=[Block(0, len(raw))], text=raw,
                   outlet=f"Outlet {doc_id}")

    def span(text: str) -> Span:
        i = raw.index(text)
        return Span(doc_id, i, i + len(text), text)

    ents = [Entity(id=f"{doc_id}/e0", name="Sylvania", type="GPE", country="SYL", kb_id="gpe:SYL",
                   aliases=["Sylvania"], mentions=[span("Sylvania")]),
            Entity(id=f"{doc_id}/e1", name="Sylvanian", type="NORP", country="SYL", kb_id="norp:SYL",
                   aliases=["Sylvanian"], mentions=[span("Sylvanian")])]
    mentions = [Mention(doc_id, m.start, m.end, m.text, e.type, e.id) for e in ents for m in e.mentions]
    ev = Event(id=f"{doc_id}/v1", type="ASSAULT", source=f"{doc_id}/e1", target=None, doc=doc_id,
               summary="", evidence=[span(raw.split("\n")[1])])
    return DocAnalysis(document=doc, mentions=mentions, entities=ents, events=[ev])


def test_demonym_actors_become_their_state_and_reports_cluster():
    a = _analysis("d1", "Sylvania on edge\nThe Sylvanian army shelled the border post on Monday.")
    b = _analysis("d2", "Border clash\nSylvanian troops shelled the border post on Monday, Sylvania said.")
    corpus = fuse([a, b], Settings(embedding_model=""))
    sylvania = next(e for e in corpus.entities if e.type == "GPE")
    norp = next(e for e in corpus.entities if e.type == "NORP")
    assert {ev.source for ev in corpus.events} == {sylvania.id}
    assert all(m.text == "Sylvanian" for m in norp.mentions)   # the mentions themselves stay NORP
    assert all(ev.story_event for ev in corpus.events)
    (se,) = corpus.story_events
    assert se.n_outlets == 2 and sorted(se.docs) == ["d1", "d2"]


def test_summaries_use_the_corpus_names_and_read_without_a_target():
    a = _analysis("d1", "Sylvania on edge\nThe Sylvanian army shelled the border post on Monday.")
    corpus = fuse([a], Settings(embedding_model=""))
    (ev,) = corpus.events
    assert ev.summary == "Sylvania used force."
