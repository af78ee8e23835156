"""Dialogue dashes and speaker switches after an action line (issue 17, quotes17b), on passages written for this test.

A paragraph that opens with a dash and carries a speech verb after a ',', '?' or '!' is a turn of speech: its words
and their speaker are found by the rules, and the words after the attribution's sentence are a second part of the
turn. A quote with no cue that opens the paragraph after a person acting ("Mensah pushed back his chair.") gives the
ranker the actor as a candidate role (``action_subject``), a "he"/"she" actor the gender (``action_pronoun``) and a
described actor ("The nurse") the words the person was introduced with (``action_described_match``).
"""
from __future__ import annotations

import re

import pytest

from storyline.config import Settings
from storyline.extract.quote_speakers import load_cues
from storyline.extract.quotes import find_quotes
from storyline.extract.speaker_model import candidates, entity_genders, layout_of
from storyline.model import Block, Document
from storyline.nlp.pipeline import parse
from storyline.resolve import resolve_document
from tests.extract.test_quotes_attribution import analyse, speaker_of

BOTH = pytest.mark.parametrize("ranked", [False, True])
SETTINGS = Settings()

DASHES = ("The water board held its public meeting in the fire station at Kilrush.\n"
          "– The pipes are older than my grandmother, said Bridget Moloney, who farms above the reservoir.\n"
          "— Who pays for new ones? asked a man at the back.\n"
          "- The board does, the engineer Declan Furlong replied. Not one cent comes from the households.\n"
          "– copies of the survey are at the library;\n"
          "– the next meeting is in March.")


@BOTH
def test_dialogue_dash_turns_are_direct_quotes_with_their_speakers(ranked):
    results = analyse(DASHES, ranked)
    texts = [t for t, _ in results]
    assert "The pipes are older than my grandmother" in texts   # without the dash
    assert "Bridget Moloney" in (speaker_of(results, "older than my grandmother") or "")
    assert "Who pays for new ones?" in texts                    # a question the verb follows
    if ranked:                                                  # the rules leave a described speaker to the ranker
        assert speaker_of(results, "Who pays") == "a man at the back"
    assert "Declan Furlong" in (speaker_of(results, "The board does") or "")
    # the turn goes on after its attribution
    assert "Declan Furlong" in (speaker_of(results, "Not one cent") or "")
    # dashed list items with no speech verb are not speech
    assert not any("survey" in t or "next meeting" in t for t in texts)


def test_dialogue_turns_are_direct_and_keep_offsets():
    text = ("— We are not leaving, Halima Yusuf said. The land was my father's.\n"
            "— And if they bring the police? I asked.")
    blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    doc = Document(id="t", source="t.txt", raw=text, blocks=blocks)
    parsed = parse(doc, SETTINGS)
    mentions, entities = resolve_document(doc, parsed, SETTINGS)
    quotes = find_quotes(doc, parsed, mentions, entities, SETTINGS).quotes
    assert [q.text for q in quotes][:2] == ["We are not leaving", "The land was my father's."]
    assert all(q.direct and text[q.start:q.end] == q.text for q in quotes)


def _features(text: str, words: str) -> dict[str, dict[str, float]]:
    """The ranker's features of each candidate (by entity name) for the quote holding ``words``."""
    blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    doc = Document(id="t", source="t.txt", raw=text, blocks=blocks)
    parsed = parse(doc, SETTINGS)
    mentions, entities = resolve_document(doc, parsed, SETTINGS)
    seen = {}

    def rank(ctx, quotes):
        i = next(k for k, q in enumerate(quotes) if words in ctx.view[q.start:q.end])
        previous = quotes[i - 1].speaker if i > 0 else None
        for c in candidates(ctx, quotes, i, previous, entity_genders(ctx), layout_of(ctx)):
                    seen[ctx.entities[c.entity].name if c.entity in ctx.entities else str(c.entity)] = c.features
        return [q.speaker for q in quotes]

    find_quotes(doc, parsed, mentions, entities, SETTINGS, rank=rank)
    assert load_cues() is not None and seen, f"no candidates for {words!r}"
    return seen


def _of(feats: dict[str, dict[str, float]], name: str) -> dict[str, float]:
    return next(f for n, f in feats.items() if name in n)


def test_the_person_acting_before_a_cueless_quote_is_marked():
    feats = _features("The ward sister, Abena Mensah, and the hospital's finance director, Colin Pryce, met the "
                      "families on Friday.\n"
                      "“The new wing will open in September, as planned,” Pryce said.\n"
                      "Mensah pushed back her chair and stood up.\n"
                      "“It will open without nurses. We have eleven vacancies on this floor alone.”", "eleven")
    assert _of(feats, "Mensah").get("action_subject&type=PERSON") == 1.0
    assert _of(feats, "Pryce").get("other_is_action_subject") == 1.0


def test_a_pronoun_actor_marks_the_candidates_of_its_gender():
    feats = _features("Priscilla Odhiambo and her husband, Samuel Odhiambo, run a tea farm near Kericho.\n"
                      "“Prices at the auction fell again this week,” Priscilla Odhiambo said.\n"
                      "He poured the tea and looked out at the rows of bushes.\n"
                      "“They fall every year now, and the fertiliser costs twice what it did.”", "fertiliser")
    assert _of(feats, "Samuel").get("action_pronoun&agree") == 1.0
    assert _of(feats, "Priscilla").get("action_pronoun&clash") == 1.0


def test_no_action_line_after_a_cue_or_a_quote():
    feats = _features("Coach Rangi Walker praised his forwards, and the captain, Tevita Havili, agreed.\n"
                      "“We won the game up front,” Walker said.\n"
                      "Havili said the backs had done their part too.\n"
                      "“They defended for eighty minutes and never once complained.”", "eighty minutes")
    assert not any(k.startswith("action") or k == "other_is_action_subject" for f in feats.values() for k in f)
