"""The built-in corpus-level steps, registered the way a user's step would be.

Each step reads and sets fields of one :class:`FuseState`; the names in ``requires`` and
``assigns`` are those fields, prefixed ``corpus.``. ``Settings.fuse_pipeline`` lists the steps.
"""
from __future__ import annotations

import dataclasses
import functools
import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import storyline.fuse.pair_model  # noqa: F401  - registers the trained dimension storyline.disagreements.pairs.v1
from storyline.config import Settings
from storyline.extract.events import summarize
from storyline.fuse.disagreements import (
    SentenceKeys,
    common_terms,
    disagreement_candidates,
    keep_disagreements,
    sentence_terms,
)
from storyline.fuse.duplicates import find_near_duplicates
from storyline.fuse.entities import demonym_forms, merge_entities
from storyline.fuse.entity_salience import main_entities, ranking_map
from storyline.fuse.mapper import Mapper
from storyline.fuse.outlets import profile_outlets
from storyline.fuse.relations import compute_relations
from storyline.fuse.stories import group_stories
from storyline.fuse.story_events import cluster_story_events
from storyline.model import Corpus, DocAnalysis, Entity, NearDuplicate
from storyline.registry import fuse_step
from storyline.resolve.groups import STATE_SECTORS
from storyline.resolve.names import fold

__all__ = ["INITIAL", "FuseState", "state_of_demonym", "without_collector"]

#: what the state holds before the first step runs
INITIAL = ("corpus.analyses", "corpus.documents")


@dataclass
class FuseState:
    """The corpus being built from the per-document analyses; ``corpus`` is the result."""

    analyses: list[DocAnalysis]
    corpus: Corpus
    #: document-local entity id → corpus-wide entity id
    id_map: dict[str, str] = field(default_factory=dict)
    #: document id → ids of its near-duplicates
    near_duplicates: dict[str, list[NearDuplicate]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # room for a plug-in's own results
    #: runs the heaviest steps' per-block work (an engine's workers); None: in this process
    mapper: Mapper | None = None


def without_collector(step: Callable[[FuseState, Settings], None]) -> Callable[[FuseState, Settings], None]:
    """``step`` run with the cyclic garbage collector paused (as it was before, after it).

    The steps make millions of small objects (memos, keys, pairs) over a large live corpus and almost no
    reference cycles (about 20 on 825 articles): the collector's passes over the live objects cost a fifth of
    the fuse and free nothing. Reference counting frees everything else as usual.
    """
    @functools.wraps(step)
    def run(state: FuseState, settings: Settings) -> None:
        enabled = gc.isenabled()
        gc.disable()
        try:
            step(state, settings)
        finally:
            if enabled:
                gc.enable()

    return run


def _remap(local: str | None, mapping: dict[str, str]) -> str | None:
    return mapping.get(local, local) if local else None


def state_of_demonym(entities: list[Entity]) -> dict[str, str]:
    """NORP (or state-sector group) entity id → the id of its country's entity ("the Russian army" acts
    for Russia).

    A country the KB does not know is found by name: "Meravian" is the demonym of "Meravia".
    """
    country = {e.country: e.id for e in entities if e.type == "GPE" and e.country
               and (e.kb_id or "").startswith("gpe:")}
    by_demonym: dict[str, str] = {}
    for e in entities:
        if e.type == "GPE" and not e.kb_id:
            for form in demonym_forms(e.name):
                by_demonym.setdefault(form, e.id)
    out = {}
    for e in entities:
        if e.generic and e.sector in STATE_SECTORS and e.country in country:
            out[e.id] = country[e.country]  # "Russian troops" act for their state, as "Russian" does
            continue
        if e.type != "NORP":
            continue
        if e.country in country:
            out[e.id] = country[e.country]
        elif not e.kb_id and fold(e.name) in by_demonym:
            out[e.id] = by_demonym[fold(e.name)]
    return out


@fuse_step("storyline.fuse.entities.v1", requires=("corpus.analyses",), assigns=("corpus.entities",))
@without_collector
def entities(state: FuseState, settings: Settings) -> None:
    """Document-local entities merged into corpus-wide ones."""
    state.corpus.entities, state.id_map = merge_entities(state.analyses, settings)
    # each article's main actors (corpus entity ids with the ranker's scores, best first)
    # ranked over the groups a description likely belongs to: "the regulator" of one article is the regulator
    # another names
    state.extra["main_actors"] = main_entities(state.analyses, ranking_map(state.corpus.entities, state.id_map))


@fuse_step("storyline.fuse.actors.v1", requires=("corpus.analyses", "corpus.entities"),
           assigns=("corpus.events", "corpus.quotes"))
@without_collector
def actors(state: FuseState, settings: Settings) -> None:
    """Events and quotes with corpus-wide actor ids and summaries in the reader's names."""
    # an event's actor is a state, not an adjective: mentions stay NORP, event actors move
    state_of = state_of_demonym(state.corpus.entities)
    id_map = state.id_map
    actor_map = {local: state_of.get(glob, glob) for local, glob in id_map.items()}
    events, quotes = [], []
    for a in state.analyses:
        for ev in a.events:
            events.append(dataclasses.replace(
                ev, source=_remap(ev.source, actor_map), target=_remap(ev.target, actor_map),
                attributed_to=_remap(ev.attributed_to, id_map)))
        for q in a.quotes:
            quotes.append(dataclasses.replace(q, speaker=_remap(q.speaker, id_map)))
    names = {e.id: e.name for e in state.corpus.entities}
    for ev in events:
        ev.summary = summarize(ev, names)
    state.corpus.events, state.corpus.quotes = events, quotes


@fuse_step("storyline.fuse.near_duplicates.v1", requires=("corpus.documents",),
           assigns=("corpus.near_duplicates",))
@without_collector
def near_duplicates(state: FuseState, settings: Settings) -> None:
    """Copies and near-copies of each document (MinHash)."""
    signatures = state.extra.setdefault("minhash", {})   # kept by the incremental fuse
    state.near_duplicates = find_near_duplicates(state.corpus.documents, settings, signatures)
    for d in state.corpus.documents:
        d.near_duplicates = state.near_duplicates.get(d.id, [])


@fuse_step("storyline.fuse.story_events.v1", requires=("corpus.events", "corpus.entities"),
           assigns=("corpus.story_events",))
@without_collector
def story_events(state: FuseState, settings: Settings) -> None:
    """Events that several documents report, clustered into one story event each."""
    corpus = state.corpus
    wording: list = state.extra.setdefault("wording_stats", [])   # kept by the incremental fuse
    corpus.story_events, story_of = cluster_story_events(corpus.events, corpus.entities, corpus.documents,
                                                         settings, stats_out=wording, mapper=state.mapper)
    for ev in corpus.events:
        ev.story_event = story_of.get(ev.id)


@fuse_step("storyline.fuse.stories.v1", requires=("corpus.entities", "corpus.near_duplicates"),
           assigns=("corpus.stories",))
@without_collector
def stories(state: FuseState, settings: Settings) -> None:
    """Documents grouped into stories."""
    state.corpus.stories = group_stories(state.analyses, settings, state.near_duplicates, state.id_map)


@fuse_step("storyline.fuse.disagreements.v1", requires=("corpus.entities", "corpus.events", "corpus.story_events"),
           assigns=("corpus.disagreements", "corpus.claims"))
@without_collector
def disagreements(state: FuseState, settings: Settings) -> None:
    """Topics on which documents take incompatible positions, with each side's evidence, from the
    documents' stored claims (listed in the corpus too)."""
    corpus = state.corpus
    counts = sentence_terms(state.analyses)
    state.extra["sentence_terms"] = counts   # kept by the incremental fuse
    memo: dict[tuple[str, str], tuple[float, ...]] = {}
    keys: dict[str, SentenceKeys] = {}
    found = disagreement_candidates(state.analyses, corpus.entities, corpus.events, settings, corpus.stories,
                                    common_terms(*counts), mapper=state.mapper, pair_memo=memo, sentence_keys=keys)
    state.extra["disagreement_candidates"] = found   # the incremental fuse ranks new candidates against these
    state.extra["pair_probabilities"] = memo   # and does not judge these sentence pairs again
    state.extra["sentence_keys"] = keys   # nor read these sentences' keys again
    corpus.disagreements = keep_disagreements(found, {d: s.id for s in corpus.stories for d in s.docs})
    corpus.claims = [c for a in state.analyses for c in a.claims]


@fuse_step("storyline.fuse.relations.v1", requires=("corpus.events",), assigns=("corpus.relations",))
@without_collector
def relations(state: FuseState, settings: Settings) -> None:
    """Dyad relations per period from the events."""
    state.corpus.relations = compute_relations(state.corpus.events, settings.relation_period,
                                               settings.event_lexicon_paths)


@fuse_step("storyline.fuse.outlets.v1", requires=("corpus.events", "corpus.story_events"), assigns=("corpus.outlets",))
@without_collector
def outlets(state: FuseState, settings: Settings) -> None:
    """Outlet profiles; an event counts as corroborated when its story event has several outlets."""
    multi = {se.id for se in state.corpus.story_events if se.n_outlets > 1}
    corroborated = {ev.id for ev in state.corpus.events if ev.story_event in multi}
    state.corpus.outlets = profile_outlets(state.analyses, corroborated=corroborated)
