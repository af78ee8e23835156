"""The one data model every stage speaks.

Nothing else in storyline defines a record type. Every record that comes from
text carries ``doc`` (document id) and ``start``/``end``: Unicode code-point
offsets into that document's *raw* text (as decoded from disk), so a reader can
always find the sentence again.

Per-document stages (ingest → clean → nlp → resolve → extract) fill a
``Document`` and a ``DocAnalysis``; the cross-document ``fuse`` stage turns a list
of ``DocAnalysis`` into a ``Corpus``.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from storyline.data import load

_NOT_NEWLINE = re.compile(r"[^\n]")

#: The 16 PLOVER event types in the ontology's order (cooperative → conflictual), from data/plover.yaml.
PLOVER_TYPES: tuple[str, ...] = tuple(load("plover")["types"])
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "EVENT", "NORP", "MISC")
MODALITIES: tuple[str, ...] = ("asserted", "reported", "denied", "planned", "hypothetical")
GENRES: tuple[str, ...] = ("reporting", "opinion", "analysis", "other")
#: Date precisions; "uncertain" marks a guess (e.g. a page date line with no year).
PRECISIONS: tuple[str, ...] = ("day", "month", "year", "uncertain")


def to_dict(obj: Any, *, internal: bool = False) -> Any:
    """Plain-JSON form of a model object (recursively).

    Fields marked ``export: False`` (raw text, blocks, …) are left out unless ``internal``
    (the store keeps them; the public export does not).
    """
    return _plain(obj, internal)


_SCALARS = frozenset({str, int, float, bool, type(None)})
#: per (type, internal): the fields to write, or None when the type is not a dataclass
_FIELDS: dict[tuple[type, bool], tuple[str, ...] | None] = {}


def _plain(obj: Any, internal: bool) -> Any:
    # the export and the store turn ~10^5 values per 100 articles into plain data: scalars are
    # passed through where they are met instead of costing a call each, and a type's field list
    # is a plain dict lookup
    kind = type(obj)
    if kind in _SCALARS:
        return obj
    key = (kind, internal)
    names = _FIELDS[key] if key in _FIELDS else _FIELDS.setdefault(key, _field_names(kind, internal))
    if names is not None:
        out = {}
        for n in names:
            v = getattr(obj, n)
            out[n] = v if type(v) in _SCALARS else _plain(v, internal)
        return out
    if isinstance(obj, (list, tuple)):
        return [x if type(x) in _SCALARS else _plain(x, internal) for x in obj]
    if isinstance(obj, dict):
        return {k: v if type(v) in _SCALARS else _plain(v, internal) for k, v in obj.items()}
    return obj


def _field_names(kind: type, internal: bool) -> tuple[str, ...] | None:
    """The fields ``to_dict`` writes for a dataclass type (None: not a dataclass)."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple(f.name for f in dataclasses.fields(kind) if internal or f.metadata.get("export", True))


_Record = typing.TypeVar("_Record")
#: per type: its fields' names when ``with_fields`` may copy its instances' ``__dict__`` (a dataclass whose every
#: field is set by ``__init__`` from its argument: no ``__post_init__``, no ``init=False`` field, no init-only
#: variable, no slots), else None
_PLAIN: dict[type, frozenset[str] | None] = {}


def _plain_fields(kind: type) -> frozenset[str] | None:
    if not dataclasses.is_dataclass(kind) or hasattr(kind, "__post_init__") or hasattr(kind, "__slots__"):
        return None
    fields = dataclasses.fields(kind)
    # fields() leaves out the init-only variables (and class variables) that __dataclass_fields__ holds: replace
    # asks for the one and never copies the other
    if len(fields) != len(kind.__dataclass_fields__) or not all(f.init for f in fields):
        return None
    return frozenset(f.name for f in fields)


def with_fields(obj: _Record, **changes: Any) -> _Record:
    """``dataclasses.replace`` for the model's plain records (``_plain_fields``): the same shallow copy with
    ``changes``, without replace's look-up of the fields at every call, a few times its cost when an update copies
    tens of thousands of stored entity parts. Any other object goes through replace."""
    kind = type(obj)
    if kind in _PLAIN:
        names = _PLAIN[kind]
    else:
        names = _PLAIN[kind] = _plain_fields(kind)
    if names is None:
        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    if not changes.keys() <= names:
        raise TypeError(f"{kind.__name__} has no fields {sorted(changes.keys() - names)}")
    state = obj.__dict__
    new = object.__new__(kind)
    # a value cached in the instance (functools.cached_property) is not a field: replace's copy starts without it
    new.__dict__.update(state if state.keys() == names else {k: state[k] for k in names})
    new.__dict__.update(changes)
    return new


def from_dict(cls: type, data: Any) -> Any:
    """Rebuild a model object (recursively) from its ``to_dict``/JSON form; unknown keys are ignored."""
    return _convert(cls, data)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [_convert(item, v) for v in value]
    if origin is dict:
        args = typing.get_args(tp)
        kt, vt = args if len(args) == 2 else (Any, Any)
        # JSON turns int keys into strings; give them back their type
        return {(int(k) if kt is int else k): _convert(vt, v) for k, v in value.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(value, dict):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp) if f.init}
        return tp(**{k: _convert(hints[k], v) for k, v in value.items() if k in names})
    return value


@dataclass
class Span:
    """A stretch of one document's raw text."""
    doc: str
    start: int
    end: int
    text: str


@dataclass
class Removal:
    """Something cleaning dropped from the body, and why."""
    start: int
    end: int
    text: str
    reason: str


@dataclass
class Block:
    """A kept stretch of body text (a paragraph, heading or list item) in raw offsets."""
    start: int
    end: int
    kind: str = "paragraph"  # paragraph | heading | item


@dataclass
class LoadedTerm:
    start: int
    end: int
    text: str
    kind: str


@dataclass
class NearDuplicate:
    doc: str
    similarity: float


@dataclass
class Document:
    """One article: its raw text, what cleaning kept, and its metadata.

    ``raw`` is the decoded input (for HTML: the main text trafilatura extracted);
    every offset in the model refers to it. ``text`` is the cleaned body, built by
    joining ``blocks`` with blank lines; ``body_view()`` gives the raw-length view
    NLP runs on, so NLP offsets are raw offsets with no mapping step.
    """
    id: str
    source: str
    raw: str = field(default="", metadata={"export": False})
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_precision: str | None = None
    language: str | None = None
    genre: str | None = None
    text: str = ""
    removed: list[Removal] = field(default_factory=list)
    loaded_language: list[LoadedTerm] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    other_languages: list[str] = field(default_factory=list)
    #: "full" when every kind of analysis ran on the document; "partial" when its language has fewer
    #: components (or none beyond cleaning and language id): ``analysis_reason`` says what is missing
    analysis: str = "full"
    analysis_reason: str | None = None
    blocks: list[Block] = field(default_factory=list, metadata={"export": False})
    #: same-length character repairs of raw (homoglyphs): {offset: replacement char}
    repairs: dict[int, str] = field(default_factory=dict, metadata={"export": False})
    #: metadata given by the input (JSON records); wins over guesses from text
    given: dict[str, Any] = field(default_factory=dict, metadata={"export": False})

    def body_view(self) -> str:
        """Raw text with everything outside ``blocks`` blanked and repairs applied.

        Same length as ``raw``; newlines are kept so paragraph structure survives.
        """
        # a pure function of raw, the block spans and the repairs: the stages ask for one
        # document's view again and again, so the document keeps its last one with what it was
        # built from (an instance attribute, not a field: no export, store, equality or pickle)
        key = (tuple((b.start, b.end) for b in self.blocks), tuple(self.repairs.items()))
        kept: tuple[str, tuple[Any, ...], str] | None = getattr(self, "_kept_view", None)
        if kept is not None and kept[0] is self.raw and kept[1] == key:
            return kept[2]
        view = self._build_body_view()
        self._kept_view = (self.raw, key, view)
        return view

    def __getstate__(self) -> dict[str, Any]:
        # the kept view doubles the raw text: rebuilt where needed, never shipped to a worker or copied
        return {k: v for k, v in self.__dict__.items() if k != "_kept_view"}

    def _build_body_view(self) -> str:
        raw, parts, pos = self.raw, [], 0
        for b in sorted(self.blocks, key=lambda b: b.start):
            start, end = max(pos, min(b.start, len(raw))), min(b.end, len(raw))
            if end <= start:
                continue
            parts += [_NOT_NEWLINE.sub(" ", raw[pos:start]), raw[start:end]]
            pos = end
        parts.append(_NOT_NEWLINE.sub(" ", raw[pos:]))
        view = "".join(parts)
        if not self.repairs:
            return view
        chars = list(view)
        for off, ch in self.repairs.items():
            if 0 <= off < len(chars) and chars[off] != " ":
                chars[off] = ch
        return "".join(chars)


@dataclass
class Sentence:
    doc: str
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A name-shaped span resolved (or not) to an entity."""
    doc: str
    start: int
    end: int
    text: str
    type: str
    entity: str | None = None  # entity id once resolved
    #: the name in its dictionary form when the text inflects it (Russian "Токаеву" -> "Токаев")
    normal: str | None = None


@dataclass
class Entity:
    id: str
    name: str
    type: str
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    #: knowledge-base key when the entity is a known actor (cross-document identity)
    kb_id: str | None = None
    #: an unnamed group that acts ("protesters", "riot police", "the health ministry"), typed ORG with
    #: its ``sector``; never merged across documents (two articles' "police" need not be one force)
    generic: bool = False


@dataclass
class Quantity:
    text: str
    value: float | None
    unit: str | None


@dataclass
class Event:
    id: str
    type: str
    source: str | None
    target: str | None
    date: str | None = None
    date_precision: str | None = None
    #: where the date came from: "sentence", "context" (an earlier date of the paragraph or the
    #: lead), "dateline" (a wire dateline), "publication" (the day's news); None when undated
    date_source: str | None = None
    modality: str = "asserted"
    attributed_to: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    summary: str = ""
    evidence: list[Span] = field(default_factory=list)
    story_event: str | None = None
    mode: str | None = None
    doc: str = field(default="", metadata={"export": False})


@dataclass
class Quote:
    id: str
    doc: str
    speaker: str | None
    text: str
    start: int
    end: int
    direct: bool = True
    doubtful: bool = False


@dataclass
class Story:
    id: str
    title: str
    date: str | None
    docs: list[str] = field(default_factory=list)


@dataclass
class StoryEvent:
    id: str
    type: str
    date: str | None
    source: str | None
    target: str | None
    summary: str
    events: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    n_outlets: int = 0


@dataclass
class Claim:
    """A stance-bearing statement in one document: a position on a dimension of a story, a cause, an
    amount or a framing, with the sentence it rests on (``extract.claims``).

    Claims are found per document, without the corpus. Which actors a claim names is bound by the
    fuse stage (``fuse.disagreements``) from the corpus-wide mentions inside ``evidence`` (a cause:
    inside ``cause_span``). Word lists hold sorted content-word keys (``extract.stance.term_key``).
    """
    id: str
    doc: str
    evidence: Span               # the sentence
    kind: str                    # pole | cause | quantity | frame
    dimension: str               # alignment | coordination | compliance | cause | quantity | framing
    pole: str                    # pole name, "only"/"shared"/"cause"/"denied", or the unit of a quantity
    weight: float
    text: str = ""               # the phrase that made the claim
    terms: list[str] = field(default_factory=list)    # the sentence's words (cause: outside the cause span)
    anchor: list[str] = field(default_factory=list)   # quantity: what is measured; cause: the sentence
    cause_span: Span | None = None                    # cause: where the cause is named (its actors: the agents)
    cause: list[str] = field(default_factory=list)    # cause: words of the cause named
    outcome: list[str] = field(default_factory=list)  # cause: words of the outcome explained
    low: float | None = None     # quantity: range in comparable units
    high: float | None = None
    when: list[str] = field(default_factory=list)     # quantity: weekdays/months dating the figure
    co: list[str] = field(default_factory=list)       # quantity: the sentence's other amounts ("60 day")
    converted: bool = False      # quantity: converted between currencies (rough)


@dataclass
class Side:
    doc: str
    stance: str
    evidence: Span


@dataclass
class Disagreement:
    id: str
    topic: str
    sides: list[Side] = field(default_factory=list)


@dataclass
class Relation:
    a: str
    b: str
    period: str
    n_events: int
    cooperation: float
    conflict: float


@dataclass
class OutletProfile:
    name: str
    docs: list[str] = field(default_factory=list)
    genre_mix: dict[str, int] = field(default_factory=dict)
    loaded_language_per_1k_words: float = 0.0
    loaded_terms: list[str] = field(default_factory=list)
    named_sources: int = 0
    #: quotes whose speaker is not named ("a senior official", "sources")
    anonymous_sources: int = 0
    #: share of this outlet's events no other outlet corroborates (None when unknown)
    uncorroborated_share: float | None = None


@dataclass
class IngestError:
    """A file (or record) that could not be read; reported, never stored."""
    source: str
    reason: str
    detail: str = ""


@dataclass
class DocAnalysis:
    """Everything the per-document stages found in one document."""
    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)  # document-local entities
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    #: embedding of the document's title and lead (``nlp.embeddings.lead_vector``); None without an embedder
    vector: list[float] | None = None


@dataclass
class Corpus:
    """The cross-document result: what the store holds and the export writes."""
    documents: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    story_events: list[StoryEvent] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    outlets: list[OutletProfile] = field(default_factory=list)
    #: every document's claims (per-document records, exported beside the disagreements they feed)
    claims: list[Claim] = field(default_factory=list)
