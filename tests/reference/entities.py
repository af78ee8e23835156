"""Cross-document entity merging as first written: every pair of representatives of a type compared, every
pair of full names of a surname bucket compared, every full-name person of the bucket scanned for each
surname-only one. ``storyline.fuse.entities.merge_entities`` finds its pairs through blocking keys and must
give exactly this result; ``merge_entities`` here runs it with these two steps in place of the blocked ones.
"""
from __future__ import annotations

from collections import defaultdict
from unittest import mock

from storyline.config import Settings
from storyline.fuse import entities
from storyline.fuse.entities import (
    _HONORIFIC_WORDS,
    _Groups,
    _merge_org_keys,
    _names_match,
    _person_names,
    _representatives,
    _role_phrase,
    _roles_fit,
    _surname,
    merge_type,
)
from storyline.model import DocAnalysis, Entity
from storyline.resolve.kb import KB
from storyline.resolve.names import fold, persons_match, surname_key, surnames_match


def merge_entities(analyses: list[DocAnalysis], settings: Settings) -> tuple[list[Entity], dict[str, str]]:
    """``storyline.fuse.entities.merge_entities`` with the all-pairs people and name steps."""
    with mock.patch.object(entities, "_merge_people", merge_people), \
            mock.patch.object(entities, "_merge_others", merge_others):
        return entities.merge_entities(analyses, settings)


def merge_people(ents: list[Entity], idx: list[int], groups: _Groups, doc_of: list[str],
                 names_in_doc: dict[str, set[str]], also_in: object = None) -> None:
    # ``also_in`` (the documents of collapsed copies, an update's only) is not read: these corpora have no copies
    buckets: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        sk = surname_key(_surname(ents[i])) if _surname(ents[i]) else ""
        buckets[sk].append(i)
    # "Yamamoto Haruki" ~ "Haruki Yamamoto": two-word names also meet under their unordered word keys
    pairs: dict[frozenset[str], list[int]] = defaultdict(list)
    for i in idx:
        for n in _person_names(ents[i]):
            words = [w for w in n.split() if fold(w) not in _HONORIFIC_WORDS]
            if len(words) == 2:
                pairs[frozenset(surname_key(w) for w in words)].append(i)
                break
    for members in pairs.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1:]:
                if any(persons_match(x, y) for x in _person_names(ents[a]) for y in _person_names(ents[b])):
                    groups.union(a, b)
    for members in buckets.values():
        full = [i for i in members if _person_names(ents[i])]
        single = [i for i in members if not _person_names(ents[i])]
        for a_pos, a in enumerate(full):
            for b in full[a_pos + 1:]:
                if any(persons_match(x, y) for x in _person_names(ents[a]) for y in _person_names(ents[b])):
                    groups.union(a, b)
        for s in single:
            cands = {groups.find(f) for f in full if surnames_match(ents[s].name, _surname(ents[f]))
                     and groups.compatible(s, f)}
            if len(cands) > 1 and ents[s].country:
                cands = {g for g in cands if groups.country[g] == ents[s].country} or cands
            if len(cands) > 1 and (role := _role_phrase(ents[s].role)):
                fits = {groups.find(f) for f in full if surnames_match(ents[s].name, _surname(ents[f]))
                        and _roles_fit(role, _role_phrase(ents[f].role))}
                cands = (cands & fits) or cands
            if len(cands) > 1:
                # co-occurring actors: the person whose documents share the most names with this one's
                mine = names_in_doc[doc_of[s]]
                score = {g: len(mine & set().union(*(names_in_doc[doc_of[f]] for f in full if groups.find(f) == g)))
                         for g in cands}
                top = max(score.values())
                cands = {g for g in cands if score[g] == top} if top else cands
            if len(cands) == 1:
                groups.union(next(iter(cands)), s)
            elif not cands:
                for t in single:
                    if (t != s and surnames_match(ents[s].name, ents[t].name) and groups.find(t) != groups.find(s)
                            and not any(surnames_match(ents[s].name, _surname(ents[f])) for f in full)):
                        groups.union(t, s)


def merge_others(ents: list[Entity], idx: list[int], groups: _Groups, kb: KB | None = None) -> None:
    by_type: dict[str, list[int]] = defaultdict(list)
    reps = _representatives(ents, idx, groups)
    if kb is not None:
        _merge_org_keys(ents, reps, groups, kb)
    for i in reps:
        by_type[merge_type(ents[i], kb)].append(i)
    for members in by_type.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1:]:
                if groups.find(a) != groups.find(b) and _names_match(ents[a], ents[b]):
                    groups.union(a, b)
