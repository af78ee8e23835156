"""Disagreements as first written: every pair of quantity claims of one story compared, every pair of frame
claims of one story compared, and actor names found by one regex alternation over all the corpus's names.
``storyline.fuse.disagreements`` finds its quantity and frame pairs by prefix filtering (keys tagged by
story) and its names by word look-up, and must give exactly this result; ``find_disagreements`` here runs it
with these in place of the fast ones.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from itertools import combinations
from unittest import mock

from storyline.config import Settings
from storyline.fuse import disagreements
from storyline.fuse.disagreements import (
    COMMON_POINT,
    FRAME_MIN_SHARED,
    GENERIC_UNITS,
    QUANTITY_MIN_SCORE,
    QUANTITY_MIN_SHARED,
    BoundClaim,
    DimensionContext,
    Found,
    _amount_text,
    _amounts_agree,
    _same_event,
    _sides,
    _topic_words,
    counts_fit,
    name_pattern,
)
from storyline.model import Disagreement, DocAnalysis, Entity, Event, Story
from storyline.registry import dimension

QUANTITIES = "storyline.disagreements.quantities.v1"
REFERENCE_QUANTITIES = "reference.disagreements.quantities.all_pairs"
FRAMING = "storyline.disagreements.framing.v1"
REFERENCE_FRAMING = "reference.disagreements.framing.all_pairs"


class RegexNames:
    """``disagreements.NameFinder`` as first written: the regex alone."""

    def __init__(self, name_keys: dict[str, str]) -> None:
        self.pattern = name_pattern(name_keys)
        self.names = list(name_keys)

    def findall(self, text: str) -> list[str]:
        return [m.group(1) for m in self.pattern.finditer(text)] if self.pattern is not None else []

    def name_of(self, found: str) -> str:
        # its lower case when that is a name; else the name the regex's case-insensitive match took it for
        if found.lower() in self.names:
            return found.lower()
        return next(n for n in self.names if re.fullmatch(re.escape(n), found, re.IGNORECASE))


def all_pairs(claims: list[BoundClaim], kind: str, related, conflict,
              story_of: Mapping[str, str]) -> list[list[BoundClaim]]:
    """Every pair of claims of ``kind`` from two documents of one story tried: related pairs' claims are
    kept, conflicting pairs merged (transitively) into one group; groups of two documents or more."""
    of_kind = [c for c in claims if c.kind == kind]
    parent = list(range(len(of_kind)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    hit: set[int] = set()
    for i, j in combinations(range(len(of_kind)), 2):
        a, b = of_kind[i], of_kind[j]
        if a.doc == b.doc or story_of.get(a.doc, "") != story_of.get(b.doc, ""):
            continue
        if related(a, b):
            hit.update((i, j))
            if conflict(a, b):
                parent[find(i)] = find(j)
    groups: dict[int, list[BoundClaim]] = defaultdict(list)
    for i in sorted(hit):
        groups[find(i)].append(of_kind[i])
    return [g for g in groups.values() if len({c.doc for c in g}) >= 2]


@dimension(REFERENCE_QUANTITIES)
def quantities(claims: list[BoundClaim], context: DimensionContext, settings: Settings) -> list[Found]:
    """The quantities dimension comparing every pair of quantity claims of one story."""
    common = context.common

    def quantity_related(a: BoundClaim, b: BoundClaim) -> bool:
        if a.pole != b.pole or not counts_fit(a.count, b.count):
            return False
        if a.when and b.when and not (a.when & b.when):
            return False
        shared = a.anchor & b.anchor
        rare = len(shared - common)
        if rare >= QUANTITY_MIN_SHARED:
            return True
        if a.pole in GENERIC_UNITS:
            return False
        elsewhere = (a.terms & b.terms) - shared - common
        score = (rare + len(a.co & b.co)
                 + COMMON_POINT * (len(shared & common) + len(elsewhere) + bool(a.actors & b.actors)
                                   + bool(a.when & b.when) + _same_event(a, b)))
        return score >= QUANTITY_MIN_SCORE

    def quantity_conflict(a: BoundClaim, b: BoundClaim) -> bool:
        return not _amounts_agree(a, b)

    found: list[Found] = []
    amounts = [c for c in claims if c.kind == "quantity"]
    for group in all_pairs(claims, "quantity", quantity_related, quantity_conflict, context.story_of):
        by_doc = defaultdict(list)
        for c in group:
            by_doc[c.doc].append(c)
        starts = {(c.doc, c.evidence.start) for c in group}
        for c in amounts:
            if c.doc in by_doc and c not in by_doc[c.doc] and c.pole == group[0].pole \
                    and counts_fit(c.count, group[0].count) and (
                    (c.doc, c.evidence.start) in starts
                    or any(quantity_related(c, g) for g in group if g.doc != c.doc)):
                by_doc[c.doc].append(c)
        clash = any(not any(_amounts_agree(x, y) for x in by_doc[d1] for y in by_doc[d2])
                    for d1, d2 in combinations(by_doc, 2))
        if not clash:
            continue
        topic = f"quantity ({group[0].pole}): " + _topic_words(group, lambda c: c.anchor - common)
        found.append((sum(c.weight for c in group), "quantity", topic, _sides(group, _amount_text)))
    return found


@dimension(REFERENCE_FRAMING)
def framing(claims: list[BoundClaim], context: DimensionContext, settings: Settings) -> list[Found]:
    """The framing dimension comparing every pair of frame claims of one story."""
    common = context.common

    def frame_related(a: BoundClaim, b: BoundClaim) -> bool:
        return len((a.terms & b.terms) - common) >= FRAME_MIN_SHARED or _same_event(a, b)

    found: list[Found] = []
    for group in all_pairs(claims, "frame", frame_related, lambda a, b: a.pole != b.pole, context.story_of):
        poles: dict[str, Counter[str]] = {c.doc: Counter() for c in group}
        for c in group:
            poles[c.doc][c.pole] += c.weight  # type: ignore[assignment]
        if len({p.most_common(1)[0][0] for p in poles.values()}) < 2:
            continue
        topic = "framing: " + _topic_words(group, lambda c: c.terms - common)
        found.append((sum(c.weight for c in group), "framing", topic, _sides(group, lambda c: c.pole)))
    return found


def find_disagreements(analyses: list[DocAnalysis], entities: list[Entity], events: list[Event],
                       settings: Settings, stories: list[Story] | None = None) -> list[Disagreement]:
    """``storyline.fuse.disagreements.find_disagreements`` with the regex names, all-pairs quantities and frames."""
    plain = {QUANTITIES: REFERENCE_QUANTITIES, FRAMING: REFERENCE_FRAMING}
    dims = [plain.get(d, d) for d in settings.disagreement_dimensions]
    with mock.patch.object(settings, "disagreement_dimensions", dims), \
            mock.patch.object(disagreements, "NameFinder", RegexNames):
        return disagreements.find_disagreements(analyses, entities, events, settings, stories)
