"""Actors.at (a binary search over mention starts and running ends) against a scan of the mentions."""
from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from storyline.extract.actors import Actors
from storyline.model import Mention


def _scan(mentions: list[Mention], pos: int) -> str | None:
    """The first mention by start that covers ``pos``, found by walking them all."""
    for m in sorted((m for m in mentions if m.entity), key=lambda m: m.start):
        if m.start <= pos < m.end:
            return m.entity
        if m.start > pos:
            break
    return None


def _check(mentions: list[Mention], length: int) -> None:
    block = object()
    actors = Actors(mentions, [], {id(block): 0}, {})
    for pos in range(length):
        assert actors.at(SimpleNamespace(doc=block, idx=pos)) == _scan(mentions, pos), pos


@pytest.mark.parametrize("seed", range(30))
def test_at_equals_a_scan_with_nested_and_overlapping_mentions(seed: int):
    rnd = random.Random(seed)
    mentions = []
    for _ in range(rnd.randint(0, 25)):
        start = rnd.randint(0, 200)
        end = start + rnd.randint(1, 40)
        entity = None if rnd.random() < 0.15 else f"e{rnd.randint(0, 6)}"
        mentions.append(Mention("d", start, end, "x" * (end - start), "PERSON", entity))
    _check(mentions, 260)


@pytest.mark.slow
def test_at_on_document_mentions_equals_a_scan():
    from storyline.config import Settings
    from storyline.resolve import resolve_document
    from tests.nlp.test_tokens import parsed_fixtures

    for doc, parsed in parsed_fixtures()[:12]:
        mentions, _ = resolve_document(doc, parsed, Settings())
        _check(mentions, len(doc.raw))


@pytest.mark.slow
def test_a_pronoun_opening_a_paragraph_continues_the_last_sentences_subject():
    from tests.extract.test_event_dates import analyse

    events = analyse("The National Farmers Federation demanded that parliament scrap the water bill, which would "
                     "hand the river rights to Andes Lithium Corporation.\n"
                     "It warned that the blockade would spread to the south if lawmakers voted on the text.")
    (threat,) = [e for e in events if e.evidence[0].text.startswith("It warned")]
    assert threat.source is not None and "Federation" in threat.summary
