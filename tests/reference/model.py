"""The model's conversions as first written: one recursive call per value, one character at a time."""
from __future__ import annotations

import dataclasses
from typing import Any

from storyline.model import Document


def reference_to_dict(obj: Any, internal: bool = False) -> Any:
    """``to_dict`` as first written: one recursive call per value."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: reference_to_dict(getattr(obj, f.name), internal) for f in dataclasses.fields(obj)
                if internal or f.metadata.get("export", True)}
    if isinstance(obj, (list, tuple)):
        return [reference_to_dict(x, internal) for x in obj]
    if isinstance(obj, dict):
        return {k: reference_to_dict(v, internal) for k, v in obj.items()}
    return obj


def reference_body_view(doc: Document) -> str:
    """``Document.body_view`` built by hand: blanks outside the blocks (newlines kept), then the repairs."""
    chars = [c if c == "\n" else " " for c in doc.raw]
    for b in doc.blocks:
        for i in range(max(0, b.start), min(b.end, len(doc.raw))):
            chars[i] = doc.raw[i]
    for off, ch in doc.repairs.items():
        if 0 <= off < len(chars) and chars[off] != " ":
            chars[off] = ch
    return "".join(chars)
