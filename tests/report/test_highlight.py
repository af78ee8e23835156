"""Article highlighting: spans nest, overlap merges, offsets stay raw."""
from __future__ import annotations

import random
import re

from storyline.model import Block, Corpus, Document, Entity, Event, Quote, Removal, Span
from storyline.report.highlight import (
    Mark,
    anchor,
    article_segments,
    article_view,
    block_regions,
    index_by_doc,
    marks_for,
    merge_outer,
    sentence_anchor,
)
from tests.conftest import make_corpus
from tests.reference.highlight import segments_by_scan
from tests.report.hostile import PAYLOADS, hostile_corpus


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


def _random_marks(rng: random.Random, n: int) -> list[Mark]:
    marks = []
    for _ in range(rng.randint(0, 40)):
        start = rng.randrange(n)
        end = min(n, start + rng.choice([1, 3, 8, 20, 60, 200]))
        marks.append(Mark(start, end, rng.choice(["inline", "inline", "evidence"]),
                           rng.choice(["m m-PERSON", "m m-ORG", "ll", "ev", "q", "dis"]),
                           rng.choice(["", "a", "b (ORG)", "loaded language: x"]),
                           anchor=f"s-{start}-{end}", entity=rng.choice([None, "", "e1", "e2"])))
    return marks


def test_segments_equal_the_straightforward_version() -> None:
    cases = []
    for corpus in (hostile_corpus(), make_corpus()):
        per_doc = index_by_doc(corpus)
        cases += [(d.raw, marks_for(d, per_doc.get(d.id, Corpus()), {}), block_regions(d))
                  for d in corpus.documents]
    rng = random.Random(7)
    for _ in range(300):
        raw = "".join(rng.choice("ab \n") for _ in range(rng.randint(1, 400)))
        edges = sorted({0, len(raw), *(rng.randrange(len(raw)) for _ in range(rng.randint(0, 6)))})
        cases.append((raw, _random_marks(rng, len(raw)), list(zip(edges, edges[1:], ["paragraph"] * 9))))
    assert any(len(c[1]) > 5 for c in cases)
    for raw, marks, regions in cases:
        inline = [m for m in marks if m.layer == "inline"]
        outers = merge_outer(marks)
        for start, end, _ in regions:
            assert article_segments(raw, start, end, inline, outers) == \
                segments_by_scan(raw, start, end, inline, outers)


def test_anchor_equals_cleaning_every_part() -> None:
    def reference(*parts: object) -> str:
        return "-".join(re.sub(r"[^A-Za-z0-9_-]", "_", str(p)) for p in parts)

    corpus = hostile_corpus()
    ids = [d.id for d in corpus.documents] + [e.id for e in corpus.entities] + [e.type for e in corpus.entities]
    odd = [0, -3, 10**20, True, False, None, 1.5, "ümlaut", "a b", "", "<x>", "d/1", "-", *PAYLOADS]
    for parts in [("s", i, 3, 40) for i in ids] + [("doc", x) for x in odd] + [tuple(odd), ()]:
        assert anchor(*parts) == reference(*parts)


def test_an_anchor_lands_in_the_paragraph_holding_its_sentence_when_a_quote_runs_over_two() -> None:
    raw = "\u201cWe will not sign. Not now.\n\nFor this reason we leave,\u201d she said. Talks end."
    second = raw.index("For this")
    doc = Document(id="d9", source="x.txt", raw=raw, blocks=[Block(0, second - 2), Block(second, len(raw))])
    quote = Quote(id="q1", doc="d9", speaker=None, text=raw[1:raw.index(",\u201d")], start=1,
                  end=raw.index(",\u201d"))
    sent = raw.index("For this"), raw.index(" she said") + len(" she said.")
    extra = [Mark(sent[0], sent[1], "evidence", "sent", anchor=f"s-{sent[0]}")]
    chunks = article_view(doc, Corpus(documents=[doc], quotes=[quote]), {}, extra=extra)
    anchors_by_block = [[a for p in c["pieces"] for a in p.get("anchors", [])] for c in chunks if c["kind"] == "block"]
    assert f"s-{sent[0]}" in anchors_by_block[1] and f"s-{sent[0]}" not in anchors_by_block[0]
    assert sentence_anchor("d9", quote.start, quote.end) in anchors_by_block[0]
