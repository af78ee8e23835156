"""PLOVER facts read from ``plover.yaml``: the event types, each type's quad class and modes."""
from __future__ import annotations

import functools

from storyline.data import load

__all__ = ["modes", "polarity", "quad_classes", "types"]


def types() -> tuple[str, ...]:
    """The event types in the ontology's order (cooperative -> conflictual)."""
    return tuple(load("plover")["types"])


@functools.lru_cache(maxsize=1)
def quad_classes() -> dict[str, str]:
    """Event type -> its quad class (``verbal_cooperation`` ... ``material_conflict``, or ``neutral``)."""
    return {t: spec["quad"] for t, spec in load("plover")["types"].items()}


@functools.lru_cache(maxsize=1)
def _polarities() -> dict[str, str]:
    classes = load("plover")["quad_classes"]
    return {t: classes[q]["polarity"] for t, q in quad_classes().items()}


def polarity(event_type: str) -> str:
    """``cooperation``, ``conflict`` or ``neutral`` for a PLOVER type (``neutral`` for an unknown one)."""
    return _polarities().get(event_type, "neutral")


def modes(event_type: str) -> tuple[str, ...]:
    """The modes the codebook defines for ``event_type`` (empty when it defines none)."""
    spec = load("plover")["types"].get(event_type) or {}
    return tuple(spec.get("modes") or ())
