"""Speech frames ("X said:" paragraphs) read over block attribute lists, against a token reference."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.extract.actors import Actors
from storyline.extract.frames import MAX_FRAMED_BLOCKS, _frame_speaker, framed_speakers, load_argument_cues
from storyline.extract.lexicon import load_event_lexicon
from storyline.extract.modality import load_modality_lexicon
from storyline.model import Block, Document
from storyline.nlp.pipeline import parse
from storyline.resolve import resolve_document

pytestmark = pytest.mark.slow
SETTINGS = Settings()


def _reference(blocks, actors, cues, reporting):
    """``framed_speakers`` written over spaCy tokens and ``Doc.text``."""
    out = {}
    for n, (_, sdoc) in enumerate(blocks):
        sents = list(sdoc.sents)
        if not sents or not sdoc.text.rstrip().endswith(":"):
            continue
        speaker = _frame_speaker(sents[-1], actors, cues, reporting)
        if speaker is None:
            continue
        for _, nxt in blocks[n + 1:n + 1 + MAX_FRAMED_BLOCKS]:
            named = any(actors.at(t) == speaker for t in nxt if t.pos_ == "PROPN")
            if nxt.text.rstrip().endswith(":") or named:
                break
            out[id(nxt)] = speaker
    return out


def _frames(doc: Document, parsed):
    lex, cues, mlex = load_event_lexicon(), load_argument_cues(), load_modality_lexicon()
    mentions, entities = resolve_document(doc, parsed, SETTINGS)
    offsets = {id(s): off for off, s in parsed.blocks}
    actors = Actors(mentions, entities, offsets, lex.anaphors, cues.leader_titles)
    want = _reference(parsed.blocks, actors, cues, mlex.reporting)
    assert framed_speakers(parsed.blocks, actors, cues, mlex.reporting, parsed.tokens) == want
    assert framed_speakers(parsed.blocks, actors, cues, mlex.reporting) == want
    return want


def test_framed_speakers_equal_token_reference_on_fixtures():
    from tests.nlp.test_tokens import parsed_fixtures

    for doc, parsed in parsed_fixtures():
        _frames(doc, parsed)


def test_a_speech_frame_runs_until_the_speaker_is_named_again():
    raw = ("Prime Minister Ana Vell of Freedonia said:\n"
           "The harbour will reopen next week.\n"
           "Ferries will run every hour.\n"
           "Vell later left the port.\n"
           "Trade resumed.")
    blocks, pos = [], 0
    for line in raw.split("\n"):
        blocks.append(Block(pos, pos + len(line)))
        pos += len(line) + 1
    doc = Document(id="f", source="f.txt", raw=raw, blocks=blocks)
    parsed = parse(doc, SETTINGS)
    frames = _frames(doc, parsed)
    framed = [n for n, (_, sdoc) in enumerate(parsed.blocks) if id(sdoc) in frames]
    assert framed == [1, 2]
