"""Article highlighting: spans nest, overlap merges, offsets stay raw."""
from __future__ import annotations

from storyline.model import Block, Corpus, Document, Entity, Event, Quote, Removal, Span
from storyline.report.highlight import anchor, article_view, sentence_anchor


def _doc() -> Document:
    raw = "Skip me\n\nAna Vell met Bo Tran. Tran said \"no\" twice.\n\nFooter"
    return Document(id="d1", source="x.txt", raw=raw, blocks=[Block(9, 47)],
                    removed=[Removal(0, 7, "Skip me", "nav"), Removal(49, 55, "Footer", "footer")])


def test_anchor_never_carries_markup_characters() -> None:
    assert anchor("s", 'a"<b> c', 3) == "s-a__b__c-3"
    assert sentence_anchor("d/1", 1, 2) == "s-d_1-1-2"


def test_blocks_and_removals_come_in_raw_order() -> None:
    view = article_view(_doc(), Corpus(), {})
    assert [c["kind"] for c in view] == ["removed", "block", "removed"]
    assert view[0]["reason"] == "nav"


def test_overlapping_evidence_merges_and_keeps_every_anchor() -> None:
    doc = _doc()
    ev = Event(id="v1", type="CONSULT", source="e1", target="e2",
               evidence=[Span("d1", 9, 30, doc.raw[9:30])], doc="d1")
    q = Quote(id="q1", doc="d1", speaker="e2", text="no", start=25, end=47)
    ent = Entity(id="e1", name="Ana Vell", type="PERSON", mentions=[Span("d1", 9, 17, "Ana Vell")])
    view = article_view(doc, Corpus(documents=[doc], events=[ev], quotes=[q], entities=[ent]), {"e1": "Ana Vell"})
    block = view[1]
    outers = [p for p in block["pieces"] if "anchors" in p]
    assert len(outers) == 1
    assert outers[0]["anchors"] == [sentence_anchor("d1", 9, 30), sentence_anchor("d1", 25, 47)]
    runs = outers[0]["runs"]
    assert runs[0] == {"text": "Ana Vell", "classes": "m m-PERSON", "title": "Ana Vell (PERSON)", "entity": "e1"}
    assert "".join(r["text"] for p in block["pieces"] for r in p["runs"]) == doc.raw[9:47]


def test_spans_outside_the_text_are_ignored() -> None:
    doc = _doc()
    ev = Event(id="v1", type="CONSULT", source=None, target=None, evidence=[Span("d1", 40, 400, "x")], doc="d1")
    view = article_view(doc, Corpus(documents=[doc], events=[ev]), {})
    assert all("anchors" not in p for c in view if c["kind"] == "block" for p in c["pieces"])


def test_documents_without_blocks_fall_back_to_their_text() -> None:
    raw = "Title\n\nFirst para.\n\nSecond para.\n\nShare"
    doc = Document(id="d2", source="y.txt", raw=raw, text="First para.\n\nSecond para.")
    view = article_view(doc, Corpus(), {})
    texts = ["".join(r["text"] for p in c["pieces"] for r in p["runs"]) for c in view]
    assert texts == ["First para.", "Second para."]
