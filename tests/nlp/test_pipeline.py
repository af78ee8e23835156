from __future__ import annotations

import itertools

import pytest

from storyline.config import Settings
from storyline.model import Block, Document
from storyline.nlp.pipeline import parse, pieces


def test_pieces_cut_after_sentences_and_cover_the_span():
    text = "One sentence here. " * 50
    out = pieces(text, 0, len(text), limit=100)
    assert out[0][0] == 0 and out[-1][1] == len(text)
    assert all(e - s <= 100 for s, e in out)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(out))
    assert all(text[e - 2:e] == ". " for _, e in out[:-1])


def test_pieces_of_text_without_punctuation_still_fit():
    text = "word " * 100
    out = pieces(text, 0, len(text), limit=64)
    assert all(e - s <= 64 for s, e in out) and out[-1][1] == len(text)


@pytest.mark.slow
def test_a_very_long_paragraph_is_parsed_in_pieces_with_raw_offsets():
    # a page scraped without line breaks: past MAX_PIECE_CHARS it goes to spaCy in pieces, so a
    # million-character line neither hits spaCy's limit nor its ~1 GB per 100k characters
    raw = "The council met on Monday and approved the bridge. " * 600   # 30k characters, one line
    doc = Document(id="big", source="big.txt", raw=raw, blocks=[Block(0, len(raw))])
    parsed = parse(doc, Settings())
    sents = parsed.sentences()
    assert len(parsed.blocks) > 1
    assert sents[-1].end == len(raw.rstrip())
    assert all(raw[s.start:s.end] == s.text for s in sents[:50])
