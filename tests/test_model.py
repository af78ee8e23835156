"""The model's plain-data conversion, and Document.body_view: the kept view equals one built afresh."""
from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass, field
from typing import Any

import pytest

from storyline.model import (
    Block,
    DocAnalysis,
    Document,
    Entity,
    Mention,
    Sentence,
    Span,
    to_dict,
)
from tests.conftest import make_corpus
from tests.reference.model import reference_body_view, reference_to_dict
from tests.report.hostile import hostile_corpus


@dataclass
class _Hidden:
    secret: str = field(default="x", metadata={"export": False})


def _analysis() -> DocAnalysis:
    doc = Document(id="d1", source="a.txt", raw="Ana Vell met Bo.", text="Ana Vell met Bo.",
                   blocks=[Block(0, 16)], repairs={3: "a"}, given={"title": "T", "tags": ("a", 1, None),
                                                                  "nested": {"x": [1.5, True]}})
    return DocAnalysis(document=doc, sentences=[Sentence("d1", 0, 16, doc.text)],
                       mentions=[Mention("d1", 0, 8, "Ana Vell", "PERSON", "e1")],
                       entities=[Entity("e1", "Ana Vell", "PERSON", mentions=[Span("d1", 0, 8, "Ana Vell")])],
                       vector=[0.25, -1.0])


def test_to_dict_equals_the_straightforward_version() -> None:
    objects: list[Any] = [_analysis(), [_analysis(), (_Hidden(), None)], {"k": _Hidden()}, "s", 3, None]
    for corpus in (make_corpus(), hostile_corpus()):
        objects += [corpus, *[getattr(corpus, f.name) for f in dataclasses.fields(corpus)]]
    for obj in objects:
        for internal in (False, True):
            assert to_dict(obj, internal=internal) == reference_to_dict(obj, internal)
    assert to_dict(_Hidden()) == {} and to_dict(_Hidden(), internal=True) == {"secret": "x"}



def _fresh(doc: Document) -> str:
    return doc._build_body_view()


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
        assert view == _fresh(doc) == reference_body_view(doc), step
        assert doc.body_view() is view   # asked again: the kept view


def test_documents_sharing_raw_keep_their_own_blocks():
    raw = "alpha beta\ngamma delta"
    a = Document(id="a", source="a", raw=raw, blocks=[Block(0, 5)])
    b = Document(id="b", source="b", raw=raw, blocks=[Block(11, 16)])
    assert a.body_view() == "alpha" + " " * 5 + "\n" + " " * 11
    assert b.body_view() == reference_body_view(b) and a.body_view() == reference_body_view(a)


def test_the_kept_view_is_no_part_of_the_record():
    import copy
    import pickle

    doc = Document(id="d", source="d.txt", raw="Head\n\nBody text.", blocks=[Block(6, 16)])
    twin = Document(id="d", source="d.txt", raw="Head\n\nBody text.", blocks=[Block(6, 16)])
    view = doc.body_view()
    assert doc == twin and to_dict(doc, internal=True) == to_dict(twin, internal=True)
    for copied in (pickle.loads(pickle.dumps(doc)), copy.deepcopy(doc)):
        assert "_kept_view" not in vars(copied) and copied == doc
        assert copied.body_view() == view


def test_with_fields_is_a_shallow_copy_as_dataclasses_replace_makes_it():
    from storyline.model import with_fields

    e = Entity(id="d1/e1", name="Kenya", type="GPE", aliases=["Kenya"], mentions=[Span("d1", 0, 5, "Kenya")])
    copy = with_fields(e, id="s/e4/0", country="KEN")
    assert copy == dataclasses.replace(e, id="s/e4/0", country="KEN")
    assert (e.id, e.country) == ("d1/e1", None)   # the original is left as it was
    assert copy.aliases is e.aliases   # shallow, as replace
    with pytest.raises(TypeError):
        with_fields(e, ident="x")

    @dataclasses.dataclass
    class Checked:
        n: int

        def __post_init__(self) -> None:
            if self.n < 0:
                raise ValueError("negative")

    with pytest.raises(ValueError):   # a record with __post_init__ is made through it
        with_fields(Checked(1), n=-1)


def test_with_fields_makes_what_dataclasses_replace_makes_for_records_it_cannot_copy_by_their_dict():
    """Records whose copy is more than their fields' values: replace's semantics, not a copy of ``__dict__``."""
    import functools

    from storyline.model import with_fields

    @dataclasses.dataclass
    class Counted:
        # set by __init__, never copied: replace starts it again at its default, and refuses a change to it
        name: str
        seen: int = dataclasses.field(default=0, init=False)

    c = Counted("Kenya")
    c.seen = 5
    assert with_fields(c, name="Kenia") == dataclasses.replace(c, name="Kenia") == Counted("Kenia")
    with pytest.raises(ValueError):
        with_fields(c, seen=1)

    @dataclasses.dataclass
    class Scaled:
        value: float
        scale: dataclasses.InitVar[float]

    with pytest.raises(ValueError):   # replace asks for an init-only value it cannot copy
        with_fields(Scaled(2.0, 10.0), value=3.0)

    @dataclasses.dataclass
    class Named:
        name: str

        @functools.cached_property
        def folded(self) -> str:
            return self.name.casefold()

    n = Named("KENYA")
    assert n.folded == "kenya"   # cached in the instance's __dict__
    copy = with_fields(n, name="Nairobi")
    assert copy.folded == dataclasses.replace(n, name="Nairobi").folded == "nairobi"
    assert "folded" not in vars(with_fields(n))   # only the fields are copied
    with pytest.raises(TypeError):   # a cached value is no field to change
        with_fields(n, folded="x")
