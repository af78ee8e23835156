"""The event lexicon: ``data/events.yaml`` plus user files laid over it, loaded and validated once."""
from __future__ import annotations

import dataclasses
import functools
import logging
from dataclasses import dataclass
from typing import Any

from storyline.data import load, merge, resource_path
from storyline.data.plover import quad_classes
from storyline.model import PLOVER_TYPES

LOGGER = logging.getLogger(__name__)

LEXICON_PATH = resource_path("events")
QUAD_CLASSES: tuple[str, ...] = tuple(load("plover")["quad_classes"])


@dataclass(frozen=True)
class Frame:
    """A verb typed by its object: ``verbs`` + an object lemma in ``objects`` -> ``code``."""
    verbs: frozenset[str]
    objects: frozenset[str]
    code: str
    require_military: bool = False


@dataclass(frozen=True)
class EventLexicon:
    verbs: dict[str, str]
    nouns: dict[str, str]
    particles: dict[str, str]
    negated: dict[str, str]
    noun_modes: dict[str, str]
    frames: tuple[Frame, ...]
    support_verbs: frozenset[str]
    quad: dict[str, str]
    inverse_verbs: frozenset[str] = frozenset()
    anaphors: dict[str, str] = dataclasses.field(default_factory=dict)
    with_object: dict[str, str | None] = dataclasses.field(default_factory=dict)
    with_complement: dict[str, str] = dataclasses.field(default_factory=dict)

    @functools.cached_property
    def verb_lemmas(self) -> frozenset[str]:
        """Every lemma some verb rule names: a verb with any other lemma cannot be a trigger."""
        return frozenset({*self.verbs, *self.negated, *self.with_object, *self.support_verbs,
                          *(k.split()[0] for k in self.particles), *(v for f in self.frames for v in f.verbs)})

    def lookup_noun(self, lemma: str) -> str | None:
        """A nominal predicate's code: listed, or derived back to a listed verb ("condemnation")."""
        low = lemma.lower()
        memo = self.__dict__.setdefault("_noun_memo", {})
        if low not in memo:
            memo[low] = self._lookup_noun(low)
        return memo[low]

    def _lookup_noun(self, low: str) -> str | None:
        if low in self.nouns:
            return self.nouns[low]
        for verb in derived_verbs(low):
            if verb in self.verbs:
                return self.verbs[verb]
        return None


#: nominalising suffixes and the verb endings they replace ("refusal" -> "refuse",
#: "invasion" -> "invade", "condemnation" -> "condemn"); order matters: longest first
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ation", ("", "e", "ate")), ("ition", ("", "e")), ("ution", ("ute", "ve")), ("sion", ("de", "d", "t", "se")),
    ("tion", ("t", "te", "")), ("ment", ("",)), ("ance", ("", "e")), ("ence", ("", "e")),
    ("al", ("", "e")), ("ure", ("", "e")), ("ing", ("", "e")),
)


def derived_verbs(noun: str) -> list[str]:
    """Candidate verb lemmas a noun may be the nominalisation of."""
    out: list[str] = []
    for suffix, endings in _SUFFIXES:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            stem = noun[: -len(suffix)]
            out.extend(stem + e for e in endings)
            break
    return out


def _parse_code(code: Any, where: str) -> str:
    text = str(code).strip()
    etype = text.split("/", 1)[0]
    if etype not in PLOVER_TYPES:
        raise ValueError(f"event lexicon {where}: {etype!r} is not a PLOVER type; use one of "
                         f"{', '.join(PLOVER_TYPES)}")
    return text


def load_event_lexicon(extra_paths: tuple[str, ...] | list[str] = ()) -> EventLexicon:
    """The shipped event lexicon with ``extra_paths`` laid over it, validated; cached per process."""
    return _load_event_lexicon(tuple(extra_paths))


@functools.lru_cache(maxsize=8)
def _load_event_lexicon(extra_paths: tuple[str, ...]) -> EventLexicon:
    data = load("events", extra_paths)

    def codes(key: str) -> dict[str, str]:
        return {str(k).lower(): _parse_code(v, f"{key}.{k}") for k, v in (data.get(key) or {}).items()}

    frames = tuple(
        Frame(frozenset(f["verbs"]), frozenset(f["objects"]), _parse_code(f["type"], "frames"),
              bool(f.get("require_military", False)))
        for f in data.get("frames") or [])
    # the PLOVER file's quad classes; a user lexicon may reassign a type's class
    quad = merge(quad_classes(), {str(k): str(v) for k, v in (data.get("quad") or {}).items()})
    for etype in PLOVER_TYPES:
        if quad.get(etype) not in QUAD_CLASSES:
            raise ValueError(f"event lexicon: quad class of {etype} must be one of {QUAD_CLASSES}")
    return EventLexicon(
        verbs=codes("verbs"), nouns=codes("nouns"), particles=codes("particles"), negated=codes("negated"),
        noun_modes={str(k).lower(): str(v) for k, v in (data.get("noun_modes") or {}).items()},
        frames=frames, support_verbs=frozenset(data.get("support_verbs") or []), quad=quad,
        inverse_verbs=frozenset(data.get("inverse_verbs") or []),
        anaphors={str(k).lower(): str(v) for k, v in (data.get("anaphors") or {}).items()},
        with_object={str(k).lower(): (None if v is None else _parse_code(v, f"with_object.{k}"))
                     for k, v in (data.get("with_object") or {}).items()},
        with_complement={str(k).lower(): _parse_code(v, f"with_complement.{k}")
                         for k, v in (data.get("with_complement") or {}).items()})
