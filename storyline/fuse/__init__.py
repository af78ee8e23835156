"""Cross-document fusion: one corpus out of many per-document analyses."""
from __future__ import annotations

import dataclasses
import logging

from storyline.config import Settings
from storyline.extract.events import summarize
from storyline.fuse.disagreements import find_disagreements
from storyline.fuse.duplicates import find_near_duplicates
from storyline.fuse.entities import demonym_forms, merge_entities
from storyline.fuse.outlets import profile_outlets
from storyline.fuse.relations import compute_relations
from storyline.fuse.stories import group_stories
from storyline.fuse.story_events import cluster_story_events
from storyline.model import Corpus, DocAnalysis
from storyline.resolve.names import fold

LOGGER = logging.getLogger(__name__)

__all__ = ["fuse"]


def _remap(local: str | None, mapping: dict[str, str]) -> str | None:
    return mapping.get(local, local) if local else None


def _state_of_demonym(entities: list) -> dict[str, str]:
    """NORP entity id → the id of its country's entity ("the Russian army" acts for Russia).

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
        if e.type != "NORP":
            continue
        if e.country in country:
            out[e.id] = country[e.country]
        elif not e.kb_id and fold(e.name) in by_demonym:
            out[e.id] = by_demonym[fold(e.name)]
    return out


def fuse(analyses: list[DocAnalysis], settings: Settings) -> Corpus:
    """Merge entities, remap actors to global ids, and build the cross-source tables."""
    entities, id_map = merge_entities(analyses, settings)
    # an event's actor is a state, not an adjective: mentions stay NORP, event actors move
    state = _state_of_demonym(entities)
    actor_map = {local: state.get(glob, glob) for local, glob in id_map.items()}
    events, quotes = [], []
    for a in analyses:
        for ev in a.events:
            events.append(dataclasses.replace(
                ev, source=_remap(ev.source, actor_map), target=_remap(ev.target, actor_map),
                attributed_to=_remap(ev.attributed_to, id_map)))
        for q in a.quotes:
            quotes.append(dataclasses.replace(q, speaker=_remap(q.speaker, id_map)))
    # summaries again, in the corpus-wide canonical names the reader sees
    names = {e.id: e.name for e in entities}
    for ev in events:
        ev.summary = summarize(ev, names)
    docs = [a.document for a in analyses]
    dups = find_near_duplicates(docs, settings)
    for d in docs:
        d.near_duplicates = dups.get(d.id, [])
    corpus = Corpus(documents=docs, entities=entities, events=events, quotes=quotes)
    corpus.story_events, story_of = cluster_story_events(events, entities, docs, settings)
    for ev in events:
        ev.story_event = story_of.get(ev.id)
    corpus.stories = group_stories(analyses, settings, dups, id_map)
    corpus.disagreements = find_disagreements(analyses, entities, events, settings)
    corpus.relations = compute_relations(events, settings.relation_period, settings.event_lexicon_paths)
    # an event is corroborated when its story event is reported by more than one outlet
    multi = {se.id for se in corpus.story_events if se.n_outlets > 1}
    corpus.outlets = profile_outlets(analyses, corroborated={ev.id for ev in events if ev.story_event in multi})
    return corpus
