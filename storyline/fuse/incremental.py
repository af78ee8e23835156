"""Incremental fuse: new documents joined to an already fused corpus, without fusing it again.

The store keeps what the steps need to place a new document (``storyline.store.incremental``); the
functions here decide, from that state and the new analyses, what changes. Each reuses the full
steps' own functions on a small scope instead of re-implementing them:

* entities: a new local entity meets only the stored entities that share a blocking key with it
  (``entity_keys``); ``merge_entities`` runs over those candidates (each as the document-local entities it was
  merged from, bound into one group, so that a pair is scored on what the whole run scores) and the new
  documents' entities (``merge_new_entities``);
* stories: a new document is scored (``StoryScorer``, with the whole store's key frequencies) against
  the stored documents sharing a key or a related lead, and joins a stored story or starts one by
  average linkage in which stored stories are fixed units (``join_stories``);
* story events, disagreements, outlets and relations are recomputed for the affected stories,
  outlets and actor pairs only (``storyline.store.incremental``).

Rules where the full run is order-dependent and the incremental one cannot follow it (documented in
``storyline.store.incremental``): stored entities keep their ids and are never merged with each other,
new ones take the next free ids; stored stories never merge with each other nor split.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from storyline.config import Settings
from storyline.fuse.entities import demonym_forms, merge_entities, role_keys
from storyline.fuse.entity_matcher import description_kinds, org_words
from storyline.fuse.stories import LINK_GATE, ClusterMerger, ClusterSplitter, StoryScorer
from storyline.model import DocAnalysis, Document, Entity, with_fields
from storyline.resolve.names import (
    acronym_letters,
    acronym_of,
    content_words,
    fold,
    looks_like_acronym,
    split_person,
    surname_key,
)

__all__ = ["STORED", "EntityMerge", "description_keys", "entity_keys", "join_stories", "merge_new_entities",
           "unmatched_keys"]

#: document id of the pseudo-document that holds the stored candidate entities
STORED = "\x00stored"
#: keys that stand for the name itself: looked up whatever their frequency
_EXACT_PREFIXES = ("kb:", "f:", "d:", "c:", "s:", "p:")


def entity_keys(e: Entity) -> set[str]:
    """Blocking keys of an entity: every rule of ``merge_entities`` joins two entities only when they
    share one (the same KB entry, a folded name or alias, a demonym, a person's surname key or the
    unordered keys of a two-word name, an organisation's content words and each of its words for the
    subset rule, the sorted letters of an acronym)."""
    keys: set[str] = set()
    if e.kb_id:
        keys.add("kb:" + e.kb_id)
    for name in [e.name, *e.aliases]:
        folded = fold(name)
        if not folded:
            continue
        keys.add("f:" + folded)
        keys.add("d:" + folded)
        keys.update("d:" + form for form in demonym_forms(name))
        if e.type == "PERSON":
            surname = split_person(name)[1]
            if surname and (k := surname_key(surname)):
                keys.add("s:" + k)
            parts = name.split()
            if len(parts) == 2:
                keys.add("p:" + " ".join(sorted(surname_key(w) for w in parts)))
        else:
            words = content_words(name)
            if words:
                keys.add("c:" + " ".join(sorted(words)))
            keys.update("w:" + w for w in words if len(w) >= 3)
            # glossed too ("Aerolíneas" is "airlines"): a new article's "the carrier" meets the stored airline
            keys.update("w:" + w for w in org_words(name) if len(w) >= 3)
        letters = acronym_letters(name)
        # a Cyrillic acronym with a small letter ("ЮжБР") keyed by its capitals like an all-capital one, so that it
        # meets the key its full name's initials give ("Южный банк развития": both "a:BRU")
        if (name.isupper() or (looks_like_acronym(name) and not name.isascii())) and len(letters) >= 2:
            keys.add("a:" + "".join(sorted(letters)))
        elif len(acronym_of(name)) >= 2:
            keys.add("a:" + "".join(sorted(acronym_of(name))))
    # a description ("the governor", "the carrier") and the named entities it may stand for
    return keys | description_keys(e)


def description_keys(e: Entity) -> set[str]:
    """The keys by which an unnamed description finds the named entities a whole run may join it to: of a body's
    description the name words its kind fits ("the carrier": "w:airways", "w:airlines" ...), of a person's its role
    keys (``role_keys``). A store looks a description up by these alone: its own words ("the", "carrier") name
    nothing."""
    keys = {"r:" + k for k in role_keys(e)}
    if e.generic and e.type == "ORG":
        keys.update("w:" + w for w in description_kinds(e.name) if len(w) >= 3)
    return keys


def unmatched_keys(keys: set[str]) -> set[str]:
    """The keys looked up only while few stored entities hold them (a word, an acronym's letters)."""
    return {k for k in keys if not k.startswith(_EXACT_PREFIXES)}


@dataclasses.dataclass
class EntityMerge:
    """What the new documents do to the entities: stored ones they join (updated), ones they create,
    and the map of their local entity ids to global ids."""
    updated: list[Entity]
    created: list[Entity]
    mapping: dict[str, str]


def merge_new_entities(candidates: list[Entity], new: list[DocAnalysis], settings: Settings,
                       next_number: int, parts: Mapping[str, Sequence[Entity]] | None = None,
                       crowded: frozenset[str] = frozenset()) -> EntityMerge:
    """Merge the new documents' local entities with the stored ``candidates`` (``merge_entities`` over both).

    ``parts``: per stored entity id, the document-local entities it was merged from (the store indexes them). Each
    candidate takes part as its parts, bound into one group: a new entity is compared with what each article
    called it, as the whole run compares it, not with the merged names and mention counts a store's entity
    gathered from earlier batches. A candidate without parts takes part whole.

    ``crowded``: the description keys the store did not look up (held by too many stored entities); a new
    description with one of them is not linked across articles (``merge_entities(unlinked=...)``): a whole run would
    meet every holder, too many candidates to link, where the store meets only the new documents' few.

    A cluster with one stored entity is that entity, updated (names, mentions, country as
    ``merge_entities`` makes them); with several, the new members join the one with the most mentions
    (then the lowest number) and the stored ones stay apart; with none, a new entity ``e<next_number>``,
    numbered in ``merge_entities``'s order (most mentions first).
    """
    # each part as the whole run has it: the certain merges join those written alike, and the merged entity's
    # name, type and country count every article's vote
    pseudo = [with_fields(p, id=f"{STORED}/{e.id}/{k}")
              for e in candidates for k, p in enumerate((parts or {}).get(e.id) or [e])]
    holder = DocAnalysis(document=Document(id=STORED, source=""), entities=pseudo)
    # only the new entities' groups are wanted: pairs of stored entities no likely pair links to a new one are
    # not scored (``merge_entities(wanted=...)``; most of the candidates' pairs join two stored entities)
    merged, mapping = merge_entities([holder, *new], settings, wanted=lambda e: not e.id.startswith(STORED + "/"),
                                     together=lambda e: _stored_id(e.id),
                                     unlinked=lambda e: bool(crowded) and bool(description_keys(e) & crowded))
    by_stored = {e.id: e for e in candidates}
    members: dict[str, list[str]] = {}
    for local, glob in mapping.items():
        members.setdefault(glob, []).append(local)
    updated: list[Entity] = []
    created: list[Entity] = []
    out: dict[str, str] = {}
    for g in merged:
        locals_ = members.get(g.id, [])
        stored = sorted((by_stored[s] for s in {_stored_id(x) for x in locals_} if s is not None),
                        key=lambda e: (-len(e.mentions), _number(e.id)))
        fresh = [x for x in locals_ if not x.startswith(STORED + "/")]
        if not fresh:
            continue   # a stored entity no new document names: unchanged
        if not stored:
            g.id = f"e{next_number}"
            next_number += 1
            created.append(g)
        elif len(stored) == 1:
            g.id = stored[0].id
            updated.append(g)
        else:
            target = stored[0]
            new_ents = [e for a in new for e in a.entities if e.id in set(fresh)]
            aliases = list(dict.fromkeys([*target.aliases, *(n for e in new_ents for n in [e.name, *e.aliases]
                                                              if n != target.name)]))
            updated.append(dataclasses.replace(target, aliases=aliases,
                                               mentions=[*target.mentions, *(m for e in new_ents
                                                                             for m in e.mentions)]))
            g = updated[-1]
        for x in fresh:
            out[x] = g.id
    return EntityMerge(updated, created, out)


def _stored_id(local_id: str) -> str | None:
    """The stored entity a pseudo-entity of ``merge_new_entities`` stands for (None: a new document's own)."""
    return local_id.split("/")[1] if local_id.startswith(STORED + "/") else None


def _number(entity_id: str) -> int:
    digits = entity_id.lstrip("e")
    return int(digits) if digits.isdigit() else 0


def join_stories(scorer: StoryScorer, new: Sequence[int], stored: Sequence[Sequence[int]],
                 threshold: float, edges: Iterable[tuple[int, int]] | None = None) -> list[list[int]]:
    """Average-linkage clustering of the documents ``new`` (indices into ``scorer``'s features) with the
    stored stories ``stored`` (lists of indices), each stored story one fixed unit.

    Units merge while the best average link (weighted by ``StoryScorer.weight``) reaches ``threshold``, as
    ``average_linkage`` merges; two
    units that both hold stored documents never merge (the stored stories are as the full run left
    them), and only links from new documents are scored. Ties go to the lowest pair of unit numbers
    (stored stories first, in the order given, then new documents in order).

    ``edges``: pairs of indices, each with a new document, among which is every pair that scores
    ``threshold`` or more (``StoryScorer.reachable``). Two units merge only when some pair across them
    reaches the threshold, so the units that no chain of such pairs connects never meet: each connected
    group is clustered on its own (the same units; the pairs scored are those inside a group), which keeps
    a batch of thousands of documents from scoring every new document against every other.

    Returns the units that changed or are new (a stored story a new document joined, or a story of new
    documents only), as sorted index lists.
    """
    if edges is None or not new:
        return [units for _, units in _join(scorer, new, stored, threshold)]
    import numpy as np

    edges = list(edges)
    n_stored = len(stored)
    unit_of = {i: u for u, members in enumerate(stored) for i in members}
    unit_of.update({i: n_stored + k for k, i in enumerate(new)})
    parent = list(range(n_stored + len(new)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if edges:
        first = np.array([min(e) for e in edges], dtype=np.int64)
        second = np.array([max(e) for e in edges], dtype=np.int64)
        if scorer.second_pass:
            # the second pass weighs clusters a pair at ``LINK_GATE`` links: groups are those of such pairs
            strong = scorer.rules_scores(first, second) >= LINK_GATE - 1e-9
        else:
            strong = scorer.scores(first, second) >= threshold - 1e-9   # a margin only joins groups: still exact
        for i, j in zip(first[strong].tolist(), second[strong].tolist()):
            if i in unit_of and j in unit_of:
                a, b = root(unit_of[i]), root(unit_of[j])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for u in range(n_stored, len(parent)):   # a group without a new document changes nothing
        groups.setdefault(root(u), [])
    for u in range(len(parent)):
        if root(u) in groups:
            groups[root(u)].append(u)
    out: list[tuple[int, list[int]]] = []
    for units in groups.values():
        part_stored = [u for u in units if u < n_stored]
        part_new = [new[u - n_stored] for u in units if u >= n_stored]
        # unit numbers inside the group keep the global order, so ties break as over the whole batch
        out.extend((units[k], members) for k, members in _join(scorer, part_new, [stored[u] for u in part_stored],
                                                                threshold))
    return [members for _, members in sorted(out, key=lambda x: x[0])]


def _join(scorer: StoryScorer, new: Sequence[int], stored: Sequence[Sequence[int]],
          threshold: float) -> list[tuple[int, list[int]]]:
    """``join_stories`` over all the pairs: (unit number, sorted members) of the changed and new units."""
    import numpy as np

    units: list[list[int]] = [sorted(s) for s in stored] + [[i] for i in new]
    has_stored = [True] * len(stored) + [False] * len(new)
    n_units = len(units)
    if not new:
        return []
    unit_of = {i: u for u, members in enumerate(units) for i in members}
    is_new = set(new)
    first, second = [], []
    for i in new:
        for j in unit_of:
            if j != i and (j not in is_new or i < j):
                first.append(min(i, j))
                second.append(max(i, j))
    sums = np.zeros((n_units, n_units))
    # the weight sums of the pairs across two units (``StoryScorer.weight``; the pair count for the rules)
    mass = np.zeros((n_units, n_units))
    if first:
        a, b = np.array(first, dtype=np.int64), np.array(second, dtype=np.int64)
        scores = scorer.scores(a, b)
        at = (np.array([unit_of[int(x)] for x in a]), np.array([unit_of[int(x)] for x in b]))
        np.add.at(sums, at, scores)
        np.add.at(mass, at, scorer.weights(a, b))
        sums = sums + sums.T
        mass = mass + mass.T
    alive = np.ones(n_units, dtype=bool)
    changed = np.zeros(n_units, dtype=bool)
    changed[len(stored):] = True
    stored_mask = np.array(has_stored)
    # the links kept in one matrix, each row remembering its best link to a later unit (the first, as the ties
    # go to the lowest pair), so a merge updates the rows it touches: a stream's week of articles makes one group
    # of thousands of units, whose whole matrix made again at every merge cost the cube of its size (issue 18)
    link = np.divide(sums, mass, out=np.zeros_like(sums), where=mass > 0)
    # stored units are never linked to each other (no pairs between them were scored: no mass)
    link[np.outer(stored_mask, stored_mask)] = -np.inf
    link[np.tril_indices(n_units)] = -np.inf
    best_j = np.zeros(n_units, dtype=np.int64)
    best_v = np.full(n_units, -np.inf)

    def refresh(i: int) -> None:
        best_j[i] = int(np.argmax(link[i]))
        best_v[i] = link[i, best_j[i]]

    for i in range(n_units):
        refresh(i)
    while n_units > 1:
        top = best_v.max()
        if not top >= threshold:
            break
        x = int(np.argmax(best_v == top))
        y = int(best_j[x])
        sums[x, :] += sums[y, :]
        sums[:, x] += sums[:, y]
        mass[x, :] += mass[y, :]
        mass[:, x] += mass[:, y]
        units[x] = sorted(units[x] + units[y])
        stored_mask[x] = stored_mask[x] or stored_mask[y]
        changed[x] = True
        alive[y] = False
        link[y, :] = link[:, y] = -np.inf
        best_v[y] = -np.inf
        for side in (np.flatnonzero(alive[x + 1:]) + x + 1, np.flatnonzero(alive[:x])):
            row = side > x
            values = np.divide(sums[x, side], mass[x, side], out=np.zeros(len(side)), where=mass[x, side] > 0)
            values[stored_mask[side] & stored_mask[x]] = -np.inf
            link[x, side[row]] = values[row]
            link[side[~row], x] = values[~row]
        refresh(x)
        earlier = np.flatnonzero(alive[:x])
        for stale in np.flatnonzero(alive[:y] & ((best_j[:y] == x) | (best_j[:y] == y))):
            refresh(int(stale))   # their best link changed or is gone
        gained = earlier[(link[earlier, x] > best_v[earlier])
                         | ((link[earlier, x] == best_v[earlier]) & (best_j[earlier] > x))]
        best_v[gained], best_j[gained] = link[gained, x], x
    if scorer.second_pass:
        return _second_pass(scorer, units, alive, changed, stored_mask, first, second)
    return [(u, units[u]) for u in range(n_units) if alive[u] and changed[u]]


def _second_pass(scorer: StoryScorer, units: list[list[int]], alive, changed, stored_mask,
                 first: list[int], second: list[int]) -> list[tuple[int, list[int]]]:
    """The changed units after the cluster decision's second pass (``ClusterMerger``), as the full run makes it:
    units linked by a pair from a new document whose rules score reaches ``LINK_GATE`` are weighed whole; two
    holding stored documents never merge. A merge takes the number of its lowest unit."""
    import numpy as np

    live = [u for u in range(len(units)) if alive[u]]
    model = scorer.model.clusters if scorer.model is not None else None
    if model is None or not first:
        return [(u, units[u]) for u in live if changed[u]]
    a, b = np.array(first, dtype=np.int64), np.array(second, dtype=np.int64)
    judged = scorer.rules_scores(a, b) >= LINK_GATE - 1e-9
    edges = [(int(i), int(j)) for i, j in zip(a[judged], b[judged])]
    merger = ClusterMerger(scorer, scorer)
    merged = merger.merge([units[u] for u in live], edges, model, {k for k, u in enumerate(live) if stored_mask[u]})
    unit_of = {i: u for u in live for i in units[u]}
    out = []
    for members in merged:
        parts = sorted({unit_of[i] for i in members})
        if len(parts) > 1 or changed[parts[0]]:
            out.append((parts[0], members))
    splits = scorer.model.splits if scorer.model is not None else None
    if splits is None:
        return out
    # the last pass splits what the new documents made, as the full run splits its clusters; a unit holding a stored
    # story stays whole (stored stories never split); a split's parts keep its unit number, in their order
    splitter = ClusterSplitter(merger)
    keep = {k for k, (_, members) in enumerate(out) if any(stored_mask[unit_of[i]] for i in members)}
    return [(u, piece) for k, (u, members) in enumerate(out)
            for piece in ([members] if k in keep else splitter.split([members], splits))]
