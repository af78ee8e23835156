"""Fast disagreements equal the plain ones: names by word look-up equal the one-regex alternation, quantity
and frame pairs found by prefix filtering equal every pair of one unit (quantities) or sharing a rare word
(frames) compared (tests/reference/disagreements.py).

On bench-scale's synthetic corpus (many actors of many locales, stories sharing actors, amounts and
rare words) and on hand-built cases: longest name first, demonym endings, case, word boundaries, and
letters whose case-insensitive match is not plain lower-casing ("ı", "ß", a final "Σ").
"""
from __future__ import annotations

import dataclasses
import random
import re
from types import SimpleNamespace
from unittest import mock

import pytest

from storyline.config import Settings
from storyline.fuse import disagreements, pair_model
from storyline.fuse.disagreements import (
    NameFinder,
    frame_prefixes,
    framing,
    name_pattern,
    quantities,
    quantity_prefixes,
)
from storyline.fuse.steps import FuseState
from storyline.model import to_dict
from tests.fuse.partial import fuse_until
from tests.reference import disagreements as reference


def _regex_names(names: dict[str, str], text: str) -> list[str]:
    pattern = name_pattern(names)
    return [m.group(1) for m in pattern.finditer(text)] if pattern is not None else []


NAMES = {"ruritania": "RUR", "new ruritania": "NRU", "new": "X", "syldavia": "SYL", "bordur": "BOR",
         "st. kitts": "SKN", "yılmaz": "TR1", "gießen": "DE1", "οδος": "GR1", "a_b": "AB", "rur": "R"}


@pytest.mark.parametrize("text", [
    "New Ruritania and Ruritania met the Syldavians in Bordur.",           # longest name first
    "RURITANIANS, ruritanian, Ruritanan; Syldavias Syldavian-led",          # demonym endings, any case
    "Ruritaniax and xRuritania and ruritaniansx are other words.",          # word boundaries
    "The new talks in new ruritaniaN ended; St. Kitts, st. kittsans too.",  # name with a dot, endings after it
    "Mr YILMAZ and Mr Yilmaz of GIESSEN and Gießen; ΟΔΟΣ οδος.",           # case folding that is not lower()
    "İstanbul, ıstanbul, ſyldavia; a_b a_bn rur rurn ruran.",
    "",
])
def test_name_finder_finds_what_the_regex_finds(text):
    assert NameFinder(NAMES).findall(text) == _regex_names(NAMES, text)


def test_name_finder_on_random_names_and_texts():
    rng = random.Random(7)
    letters = [*"anNsSrRuU iIé.-_1", "ı", "İ", "ß", "ſ", "σ", "ς", "Σ", "K"]
    plain_only = list("anNsSrRuU iIé.-_1K")
    tried = fast = 0
    for trial in range(1500):
        pool = plain_only if trial % 2 else letters
        names = {"".join(rng.choice(pool) for _ in range(rng.randint(1, 6))).lower(): "k" for _ in range(6)}
        names = {n: v for n, v in names.items() if n.strip() and (trial % 5 or n[0].isalnum())}
        if not names:
            continue
        finder = NameFinder(names)
        for _ in range(10):
            parts = [rng.choice(sorted(names)) if rng.random() < 0.5 else
                     "".join(rng.choice(pool) for _ in range(rng.randint(0, 4))) for _ in range(6)]
            text = "".join((p.upper() if rng.random() < 0.3 else p) + rng.choice(["", " ", "n ", "ans", "an.", "N"])
                           for p in parts)
            assert finder.findall(text) == _regex_names(names, text), (names, text)
            # and each is bound to a name the regex's case-insensitive match takes there
            for found in finder.findall(text):
                assert re.fullmatch(re.escape(finder.name_of(found)), found, re.IGNORECASE), (names, found)
            tried += 1
            fast += finder.words and not set(text) & set("ıİßſσςΣ")   # the word look-up path, not the regex's
    assert tried > 10000 and fast > 3000


def _until_disagreements(bench, n: int, seed: int) -> tuple[FuseState, Settings]:
    return fuse_until(bench, "disagreements.v1", n, seed, vectors="")


def _claims_and_context(state: FuseState, settings: Settings, names=None):
    seen = []

    def capture(claims, context, settings):
        seen.append((claims, context))
        return []

    with mock.patch.object(disagreements, "resolve", return_value=[capture]), \
            mock.patch.object(disagreements, "NameFinder", names or NameFinder):
        disagreements.find_disagreements(state.analyses, state.corpus.entities, state.corpus.events, settings,
                                         state.corpus.stories)
    return seen[0]


@pytest.mark.parametrize("n,seed", [(120, 11), (200, 4)])
def test_equal_to_all_pairs_reference_on_generated_corpora(bench, n, seed):
    state, settings = _until_disagreements(bench, n, seed)
    claims, context = _claims_and_context(state, settings)
    ref_claims, _ = _claims_and_context(state, settings, reference.RegexNames)
    assert [c.actors for c in claims] == [c.actors for c in ref_claims]
    assert sum(bool(c.actors) for c in claims) > 50
    found = quantities(claims, context, settings)
    assert found == reference.quantities(claims, context, settings)
    assert len(found) >= 2   # the corpus has quantity disagreements to find
    frames = framing(claims, context, settings)
    assert frames == reference.framing(claims, context, settings)
    # each within one story: stories of the generated corpus share units, actors and words
    assert all(len({context.story_of[s.doc] for s in sides}) == 1 for *_, sides in found + frames)
    fast = disagreements.find_disagreements(state.analyses, state.corpus.entities, state.corpus.events, settings,
                                            state.corpus.stories)
    plain = reference.find_disagreements(state.analyses, state.corpus.entities, state.corpus.events, settings,
                                         state.corpus.stories)
    assert [to_dict(d) for d in fast] == [to_dict(d) for d in plain]


def test_every_related_quantity_pair_shares_a_prefix_key(bench):
    state, settings = _until_disagreements(bench, 150, 5)
    claims, context = _claims_and_context(state, settings)
    amounts = [c for c in claims if c.kind == "quantity"]
    prefixes = quantity_prefixes(amounts, context.common)
    related = []

    def spy(kind_claims, kind, rel, conflict, keys, story_of=None):
        related.append(rel)
        return []

    with mock.patch.object(disagreements, "_pairwise", spy):
        quantities(claims, context, settings)
    (quantity_related,) = related
    pairs = [(a, b) for i, a in enumerate(amounts) for b in amounts[i + 1:] if quantity_related(a, b)]
    assert len(pairs) > 100
    assert all(prefixes[id(a)] & prefixes[id(b)] for a, b in pairs)
    # and the prefixes prune: fewer pairs share a prefix key than share a unit
    sharing = sum(bool(prefixes[id(a)] & prefixes[id(b)]) for i, a in enumerate(amounts) for b in amounts[i + 1:])
    same_unit = sum(a.pole == b.pole for i, a in enumerate(amounts) for b in amounts[i + 1:])
    assert sharing < same_unit


def test_every_related_frame_pair_shares_a_prefix_key(bench):
    state, settings = _until_disagreements(bench, 150, 5)
    claims, context = _claims_and_context(state, settings)
    frames = [c for c in claims if c.kind == "frame"]
    prefixes = frame_prefixes(frames, context.common)
    related = []

    def spy(kind_claims, kind, rel, conflict, keys, story_of=None):
        related.append(rel)
        return []

    with mock.patch.object(disagreements, "_pairwise", spy):
        framing(claims, context, settings)
    (frame_related,) = related
    pairs = [(a, b) for i, a in enumerate(frames) for b in frames[i + 1:] if frame_related(a, b)]
    assert len(pairs) > 20
    assert all(prefixes[id(a)] & prefixes[id(b)] for a, b in pairs)
    rare = [(a, b) for a, b in pairs if not a.story_events & b.story_events]   # related by two rare words
    assert len(rare) > 10


def test_a_key_too_many_claims_hold_relates_none_of_them(monkeypatch):
    """A key held by more than MAX_KEY_CLAIMS claims of a kind (a corpus-wide word) is not used to pair them:
    the pairs grow with the claims, not their square; a rarer key still pairs the claims that share it."""
    claims = [SimpleNamespace(kind="frame", doc=f"d{i}", keys={"wide"} | ({"rare"} if i < 2 else set()))
              for i in range(6)]

    def groups() -> list[list[str]]:
        found = disagreements._pairwise(claims, "frame", lambda a, b: True, lambda a, b: True, lambda c: c.keys)
        return sorted(sorted(c.doc for c in g) for g in found)

    monkeypatch.setattr(disagreements, "MAX_KEY_CLAIMS", 10)
    assert groups() == [[f"d{i}" for i in range(6)]]
    monkeypatch.setattr(disagreements, "MAX_KEY_CLAIMS", 5)
    assert groups() == [["d0", "d1"]]


def test_story_blocks_hold_whole_stories_in_order():
    docs = [SimpleNamespace(document=SimpleNamespace(id=f"d{n}"), sentences=[None] * 3) for n in range(9)]
    story_of = {"d0": "s1", "d1": "s2", "d2": "s1", "d3": "s3", "d4": "s2", "d5": "s4", "d6": "s3", "d8": "s4"}
    blocks = pair_model.story_blocks(docs, story_of, size=7)   # d7 has no story: the story ""
    assert sorted(n for b in blocks for n in b) == list(range(9))
    assert all(b == sorted(b) for b in blocks)
    for b in blocks:   # a story is never cut
        stories = {story_of.get(f"d{n}", "") for n in b}
        assert all(story_of.get(f"d{n}", "") not in stories for other in blocks if other is not b for n in other)
    assert len(blocks) == 3   # s1 + s2 (12 sentences), s3 + s4 (12), ""
    assert pair_model.story_blocks(docs, story_of) == [list(range(9))]


@pytest.mark.parametrize("n,seed", [(200, 4)])
def test_the_pair_dimension_by_blocks_of_stories_equals_one_block(bench, n, seed, monkeypatch):
    """The pair dimension judged a block of stories at a time, each block's sentence features forgotten before the
    next (its memory follows a block, not the corpus), finds the candidates one block of every story finds, in the
    same order."""
    state, settings = _until_disagreements(bench, n, seed)
    settings = dataclasses.replace(settings, disagreement_dimensions=["storyline.disagreements.pairs.v1"])

    def run() -> list:
        return disagreements.disagreement_candidates(state.analyses, state.corpus.entities, state.corpus.events,
                                                     settings, state.corpus.stories, pair_memo={})

    held: list[int] = []
    forget = pair_model.forget_features

    def forget_counted() -> None:   # the sentence features a block held
        held.append(sum(len(m) for m in pair_model._RUN_MEMOS))
        forget()

    monkeypatch.setattr(pair_model, "forget_features", forget_counted)
    whole = run()
    assert len(held) == 1   # the default block holds every story of this corpus
    monkeypatch.setattr(pair_model, "PAIR_BLOCK_SENTENCES", 300)
    blocked = run()
    assert len(held) > 6   # many blocks, each forgotten after it
    assert max(held[1:]) < held[0] / 2
    assert len(whole) > 10
    assert [(s, d, t, [to_dict(x) for x in sides]) for s, d, t, sides in blocked] == \
        [(s, d, t, [to_dict(x) for x in sides]) for s, d, t, sides in whole]
