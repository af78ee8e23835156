"""The model's plain-data conversion."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from storyline.model import (
    Block, DocAnalysis, Document, Entity, Mention, Sentence, Span, to_dict,
)
from tests.conftest import make_corpus
from tests.report.hostile import hostile_corpus


def _reference_to_dict(obj: Any, internal: bool = False) -> Any:
    """``to_dict`` as first written: one recursive call per value."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _reference_to_dict(getattr(obj, f.name), internal) for f in dataclasses.fields(obj)
                if internal or f.metadata.get("export", True)}
    if isinstance(obj, (list, tuple)):
        return [_reference_to_dict(x, internal) for x in obj]
    if isinstance(obj, dict):
        return {k: _reference_to_dict(v, internal) for k, v in obj.items()}
    return obj


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
            assert to_dict(obj, internal=internal) == _reference_to_dict(obj, internal)
    assert to_dict(_Hidden()) == {} and to_dict(_Hidden(), internal=True) == {"secret": "x"}

