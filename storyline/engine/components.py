"""The built-in per-document components, registered the way a user's component would be.

Each component reads and sets fields of one :class:`DocState`; the names in ``requires`` and
``assigns`` are those fields, prefixed ``doc.``. ``Settings.pipeline`` lists the components to
run; :data:`DEFAULT_PIPELINE` is its default.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.clean import LineStats, clean_document
from storyline.config import Settings
from storyline.extract.claims import find_claims
from storyline.extract.event_model import load_event_model
from storyline.extract.events import decision_inputs, extract_events, sentence_proposals
from storyline.extract.genre import classify_genre
from storyline.extract.llm_coder import llm_coder
from storyline.extract.loaded import find_loaded_language
from storyline.extract.loaded_model import find_loaded_trained
from storyline.extract.multilingual_events import extract_language_events, load_language_event_model
from storyline.extract.quotes import extract_quotes, find_quotes
from storyline.extract.quotes_languages import extract_language_quotes
from storyline.extract.speaker_model import load_speaker_model
from storyline.model import Claim, DocAnalysis, Document, Entity, Event, Mention, Quote, Sentence
from storyline.nlp.embeddings import lead_vector, lead_vectors
from storyline.nlp.ner_languages import (
    SpanishModelMissingError,
    foreign_persons,
    natasha_names,
    spanish_names,
    trained_spanish_names,
    trained_ukrainian_names,
    ukrainian_normal,
)
from storyline.nlp.pipeline import Parsed, parse, parse_many
from storyline.registry import component
from storyline.resolve import load_kb, resolve_document
from storyline.resolve.groups import find_groups
from storyline.resolve.languages import resolve_names

LOGGER = logging.getLogger(__name__)

__all__ = ["INITIAL", "DocState"]

#: what a state holds before the first component runs: the ingested document
INITIAL = ("doc.raw",)


@dataclass
class DocState:
    """One document's working state while its components run; ``analysis()`` is the result."""

    document: Document
    stats: LineStats | None = None     # corpus line statistics, read by cleaning
    parsed: Parsed | None = None
    #: sentences found without a spaCy parse (another language's segmenter); else the parse's
    sentences: list[Sentence] | None = None
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    vector: list[float] | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # room for a plug-in's own results

    @property
    def parse(self) -> Parsed:
        """The parse; a component that reads it declares ``requires=("doc.parse",)``."""
        if self.parsed is None:
            raise RuntimeError(f"{self.document.source}: no parse yet; the pipeline order check "
                               "should have refused a component that needs one before the parser")
        return self.parsed

    def analysis(self) -> DocAnalysis:
        """The stored record of this document's analysis."""
        sentences = self.sentences if self.sentences is not None else \
            self.parsed.sentences() if self.parsed is not None else []
        return DocAnalysis(document=self.document, sentences=sentences,
                           mentions=self.mentions, entities=self.entities, events=self.events,
                           quotes=self.quotes, claims=self.claims, vector=self.vector)


@component("storyline.clean.rules.v1", requires=("doc.raw",), assigns=("doc.clean", "doc.language"))
def clean(state: DocState, settings: Settings) -> None:
    """Body blocks, recorded removals, repairs and metadata from the raw text."""
    state.document = clean_document(state.document, settings, state.stats)


def _parse_batch(states: list[DocState], settings: Settings) -> None:
    for state, parsed in zip(states, parse_many([s.document for s in states], settings)):
        state.parsed = parsed


@component("storyline.parse.spacy.v1", requires=("doc.clean",), assigns=("doc.parse",), batch=_parse_batch)
def parse_body(state: DocState, settings: Settings) -> None:
    """Sentences, tokens, entities and dependencies of the body (spaCy, ``Settings.spacy_model``)."""
    state.parsed = parse(state.document, settings)


@component("storyline.resolve.rules.v1", requires=("doc.parse",), assigns=("doc.mentions", "doc.entities"))
def resolve(state: DocState, settings: Settings) -> None:
    """Mentions resolved to document-local entities, with knowledge-base ids and countries."""
    state.mentions, state.entities = resolve_document(state.document, state.parse, settings)


@component("storyline.resolve.groups.v1", requires=("doc.parse", "doc.mentions", "doc.entities"),
           assigns=("doc.mentions", "doc.entities"))
def groups(state: DocState, settings: Settings) -> None:
    """Unnamed groups that act (protesters, riot police, the health ministry) as generic actors."""
    state.mentions, state.entities = find_groups(state.document, state.parse, state.mentions, state.entities,
                                                 kb_paths=tuple(settings.kb_paths))


@component("storyline.events.lexicon.v1", requires=("doc.parse", "doc.mentions", "doc.entities"),
           assigns=("doc.events",))
def events(state: DocState, settings: Settings) -> None:
    """PLOVER events from the trigger lexicon and the parse."""
    state.events = extract_events(state.document, state.parse, state.mentions, state.entities, settings)


def _decided(decisions: list[tuple[str, float]]) -> Callable[[Sequence[str], Sequence[Sequence[str]]],
                                                             list[tuple[str, float]]]:
    """A ``decide`` for ``extract_events`` that answers with decisions made already for its sentences."""
    return lambda _texts, _codes: decisions


def _trained_events_batch(states: list[DocState], settings: Settings) -> None:
    # the group's sentences go to the trained decision in one call: scikit-learn's vectorizers and checks cost
    # about as much per call as a document's sentences do; a sentence's decision does not depend on the others
    model = load_event_model(settings.event_model)
    proposals = [sentence_proposals(state.parse, settings) for state in states]
    texts, codes = [], []
    for props in proposals:
        t, c = decision_inputs(props)
        texts += t
        codes += c
    decisions = model.predict(texts, codes)
    # extract_events adds the generic actors it makes to a document's mentions and entities: should a later
    # document fail, the ones before it are put back as they were, so the one-by-one retry starts from the same lists
    before = [(list(state.mentions), list(state.entities)) for state in states]
    start = 0
    try:
        for state, props in zip(states, proposals):
            mine = decisions[start:start + len(props)]
            start += len(props)
            state.events = extract_events(state.document, state.parse, state.mentions, state.entities, settings,
                                          decide=_decided(mine), proposals=props)
    except Exception:
        for state, (mentions, entities) in zip(states, before):
            state.mentions[:], state.entities[:], state.events = mentions, entities, []
        raise


@component("storyline.events.trained.v1", requires=("doc.parse", "doc.mentions", "doc.entities"),
           assigns=("doc.events",), batch=_trained_events_batch)
def trained_events(state: DocState, settings: Settings) -> None:
    """PLOVER events: a trained model decides each sentence's event and type; the parse gives the actors."""
    model = load_event_model(settings.event_model)
    state.events = extract_events(state.document, state.parse, state.mentions, state.entities, settings,
                                  decide=model.predict)


@component("storyline.events.llm.v1", requires=("doc.parse", "doc.mentions", "doc.entities"),
           assigns=("doc.events",))
def llm_events(state: DocState, settings: Settings) -> None:
    """PLOVER events: a large model at ``llm_endpoint`` decides each sentence's event and type (optional).

    Never the default; the parse gives the actors. Without ``llm_endpoint`` it raises ConfigError.
    """
    coder = llm_coder(settings)
    state.events = extract_events(state.document, state.parse, state.mentions, state.entities, settings,
                                  decide=coder.decide)


@component("storyline.quotes.rules.v1", requires=("doc.parse", "doc.mentions", "doc.entities"),
           assigns=("doc.quotes",))
def quotes(state: DocState, settings: Settings) -> None:
    """Direct and reported quotes with their speakers."""
    state.quotes = extract_quotes(state.document, state.parse, state.mentions, state.entities, settings)


@component("storyline.quotes.trained.v1", requires=("doc.parse", "doc.mentions", "doc.entities"),
           assigns=("doc.quotes", "doc.mentions", "doc.entities"))
def trained_quotes(state: DocState, settings: Settings) -> None:
    """Quotes found by the rules; each speaker chosen by the trained ranker (``Settings.speaker_model``)
    among the people near the quote, nobody, or the description the text gives ("a senior official")."""
    model = load_speaker_model(settings.speaker_model)
    found = find_quotes(state.document, state.parse, state.mentions, state.entities, settings, rank=model.rank)
    state.quotes, state.mentions, state.entities = found.quotes, found.mentions, found.entities


@component("storyline.claims.rules.v1", requires=("doc.parse",), assigns=("doc.claims",))
def claims(state: DocState, settings: Settings) -> None:
    """Stance-bearing claims (poles, causes, amounts, framings) from the stance lexicon; their actors are
    bound at fuse time, against the whole corpus."""
    state.claims = find_claims(state.document.id, state.parse.sentences())


@component("storyline.loaded_language.lexicon.v1", requires=("doc.parse",), assigns=("doc.loaded_language",))
def loaded_language(state: DocState, settings: Settings) -> None:
    """Loaded-language spans from the lexicon."""
    state.document.loaded_language = find_loaded_language(state.document, state.parse, settings)


@component("storyline.loaded_language.trained.v1", requires=("doc.parse",), assigns=("doc.loaded_language",))
def trained_loaded_language(state: DocState, settings: Settings) -> None:
    """Loaded-language spans from the trained word model (``Settings.loaded_model``), the lexicon's hits
    among its features; same output as the lexicon component, so genre and outlet profiles read either."""
    state.document.loaded_language = find_loaded_trained(state.document, state.parse, settings)


@component("storyline.genre.rules.v1", requires=("doc.parse", "doc.loaded_language"), assigns=("doc.genre",))
def genre(state: DocState, settings: Settings) -> None:
    """News report, opinion, analysis ... from the document's wording."""
    state.document.genre = classify_genre(state.document, state.parse, state.document.loaded_language)


@component("storyline.entities.natasha.v1", requires=("doc.clean",),
           assigns=("doc.sentences", "doc.mentions", "doc.entities"))
def natasha_entities(state: DocState, settings: Settings) -> None:
    """Sentences, named entities in their normal forms and document-local actors of a Russian (or
    Ukrainian) document: natasha's segmenter, NER and morphology (Ukrainian: retyped by the Ukrainian
    name model), no English model."""
    sentences, spans = natasha_names(state.document)
    state.sentences = sentences
    kb = load_kb(tuple(settings.kb_paths))
    lang = state.document.language or "ru"
    if lang == "uk":  # natasha is Russian: the Ukrainian name model retypes, drops and adds spans
        spans = [ukrainian_normal(s) for s in trained_ukrainian_names(state.document, spans)]
    spans = foreign_persons(state.document, spans, lang)
    state.mentions, state.entities = resolve_names(state.document, spans, lang, kb)


@component("storyline.entities.spacy_es.v1", requires=("doc.clean",),
           assigns=("doc.sentences", "doc.mentions", "doc.entities"))
def spanish_entities(state: DocState, settings: Settings) -> None:
    """Sentences, named entities and document-local actors of a Spanish document: the shipped name model over
    spaCy's Spanish rules, or the spaCy pipeline ``Settings.spanish_model`` names (an optional GPL extra)."""
    sentences, spans = None, None
    if settings.spanish_model:
        try:
            sentences, spans = spanish_names(state.document, settings)
        except SpanishModelMissingError as exc:
            _missing_once(str(exc))
    if sentences is None or spans is None:
        sentences, spans = trained_spanish_names(state.document)
    state.sentences = sentences
    kb = load_kb(tuple(settings.kb_paths))
    state.mentions, state.entities = resolve_names(state.document, spans, "es", kb)


@component("storyline.events.multilingual.v1", requires=("doc.sentences", "doc.mentions", "doc.entities"),
           assigns=("doc.events",))
def multilingual_events(state: DocState, settings: Settings) -> None:
    """PLOVER events of a Russian, Ukrainian or Spanish document: one trained coder for the three languages
    over multilingual sentence vectors and per-language trigger and modality cues; actors by position."""
    model = load_language_event_model(settings.language_event_model)
    state.events = extract_language_events(state.document, state.sentences or [], state.mentions,
                                           state.entities, settings, model)


@component("storyline.quotes.languages.v1", requires=("doc.sentences", "doc.mentions", "doc.entities"),
           assigns=("doc.quotes",))
def language_quotes(state: DocState, settings: Settings) -> None:
    """Direct and reported quotes of a Russian, Ukrainian or Spanish document: quote marks and each language's
    speech verbs as data; the speaker is the name or pronoun nearest the verb."""
    state.quotes = extract_language_quotes(state.document, state.sentences or [], state.mentions,
                                           state.document.language or "")


@functools.lru_cache(maxsize=4)
def _missing_once(message: str) -> None:
    LOGGER.info("%s; using the shipped Spanish name model instead", message)


def _lead_vector_batch(states: list[DocState], settings: Settings) -> None:
    for state, vector in zip(states, lead_vectors([s.document for s in states], settings)):
        state.vector = vector


@component("storyline.lead_vector.v1", requires=("doc.clean",), assigns=("doc.vector",),
           batch=_lead_vector_batch)
def lead_embedding(state: DocState, settings: Settings) -> None:
    """The embedding of the title and lead (``Settings.embedding_model``), for stories."""
    try:
        state.vector = lead_vector(state.document, settings)
    except Exception as exc:  # noqa: BLE001 -- stories fall back to TF-IDF and actors: not worth losing the document
        LOGGER.warning("no lead embedding for %s: %s", state.document.source, exc)
        state.vector = None
