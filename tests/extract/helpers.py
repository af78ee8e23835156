"""Shared by the event tests: spaCy's named entities as a document's actors (a stand-in for resolution), and a
hand-built sentence with its names for the multilingual role tests."""
from __future__ import annotations

from typing import Any

from storyline.model import Entity, Mention, Sentence

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def spacy_actors(parsed: Any, doc_id: str = "d1") -> tuple[list[Mention], list[Entity]]:
    """One entity per distinct entity text ("the" dropped), one mention per named entity."""
    mentions: list[Mention] = []
    entities: list[Entity] = []
    ids: dict[str, str] = {}
    for off, sdoc in parsed.blocks:
        for ent in sdoc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            key = ent.text.lower().removeprefix("the ")
            if key not in ids:
                ids[key] = f"{doc_id}/e{len(ids)}"
                entities.append(Entity(id=ids[key], name=ent.text, type=ent.label_))
            mentions.append(Mention(doc_id, off + ent.start_char, off + ent.end_char, ent.text, ent.label_, ids[key]))
    return mentions, entities


def sentence_with(text: str, names: list[tuple[str, str]]) -> tuple[Sentence, list[Mention]]:
    """A one-sentence document "d", and a mention (entity ``d/eN``) where each (surface, type) is first written."""
    mentions = []
    for n, (surface, etype) in enumerate(names):
        at = text.index(surface)
        mentions.append(Mention("d", at, at + len(surface), surface, etype, entity=f"d/e{n}"))
    return Sentence("d", 0, len(text), text), mentions
