"""Shared by the event tests: spaCy's named entities as a document's actors (a stand-in for resolution)."""
from __future__ import annotations

from typing import Any

from storyline.model import Entity, Mention

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
