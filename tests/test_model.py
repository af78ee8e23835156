"""Document.body_view: the kept view of the last document equals one built afresh, whatever changed."""
from __future__ import annotations

import random

from storyline.model import Block, Document


def _fresh(doc: Document) -> str:
    return doc._build_body_view()


def _reference(doc: Document) -> str:
    """The view built by hand: blanks outside the blocks (newlines kept), then the repairs."""
    chars = [c if c == "\n" else " " for c in doc.raw]
    for b in doc.blocks:
        for i in range(max(0, b.start), min(b.end, len(doc.raw))):
            chars[i] = doc.raw[i]
    for off, ch in doc.repairs.items():
        if 0 <= off < len(chars) and chars[off] != " ":
            chars[off] = ch
    return "".join(chars)


def test_body_view_follows_changes_to_blocks_repairs_and_raw():
    rnd = random.Random(7)
    raw = "Title line\n\nFirst paragraph here.\nSecond one, longer.\n\nShare this!"
    doc = Document(id="d", source="d.txt", raw=raw, blocks=[Block(0, 10), Block(12, 34)])
    for step in range(200):
        change = rnd.choice(["blocks", "repairs", "raw", "other_doc", "none"])
        if change == "blocks":
            a = rnd.randint(0, len(doc.raw))
            doc.blocks.append(Block(a, a + rnd.randint(0, 20)))
        elif change == "repairs":
            doc.repairs[rnd.randint(0, len(doc.raw) + 2)] = rnd.choice("aoe")
        elif change == "raw":
            doc.raw = doc.raw[:5] + rnd.choice("xyz") + doc.raw[6:]
        elif change == "other_doc":
            Document(id="o", source="o.txt", raw="other text", blocks=[Block(0, 5)]).body_view()
        view = doc.body_view()
        assert view == _fresh(doc) == _reference(doc), step
        assert doc.body_view() is view   # asked again: the kept view


def test_documents_sharing_raw_keep_their_own_blocks():
    raw = "alpha beta\ngamma delta"
    a = Document(id="a", source="a", raw=raw, blocks=[Block(0, 5)])
    b = Document(id="b", source="b", raw=raw, blocks=[Block(11, 16)])
    assert a.body_view() == "alpha" + " " * 5 + "\n" + " " * 11
    assert b.body_view() == _reference(b) and a.body_view() == _reference(a)
