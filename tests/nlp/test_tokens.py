"""BlockTokens and the sentence texts of Parsed against spaCy's own attributes, on the fixture corpora."""
from __future__ import annotations

import functools
from pathlib import Path

import pytest

from storyline.clean import LineStats, clean_document
from storyline.config import Settings
from storyline.ingest import read_paths
from storyline.model import Document, IngestError
from storyline.nlp.pipeline import Parsed, parse_many
from storyline.nlp.tokens import read_tokens

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


@functools.lru_cache(maxsize=1)
def parsed_fixtures() -> list[tuple[Document, Parsed]]:
    """Every article of the fixture corpora, cleaned and parsed as the pipeline does."""
    settings = Settings()
    paths = [FIXTURES / name for name in ("stories", "quotes_dev", "disagreements_dev", "hostile")]
    paths.append(REPO / "storyline" / "demo" / "corpus")
    docs = [d for d in read_paths(paths, settings) if not isinstance(d, IngestError)]
    stats = LineStats.from_documents(docs)
    cleaned = [clean_document(d, settings, stats) for d in docs]
    return list(zip(cleaned, parse_many(cleaned, settings)))


def test_fixtures_are_many_and_varied():
    pairs = parsed_fixtures()
    assert len(pairs) >= 30 and sum(len(p.blocks) for _, p in pairs) >= 150


def test_block_tokens_equal_token_attributes():
    for _, parsed in parsed_fixtures():
        for _, sdoc in parsed.blocks:
            toks = read_tokens(sdoc)
            assert toks.text == sdoc.text and len(toks) == len(sdoc)
            want = [(t.idx, t.idx + len(t.text), t.pos_, t.tag_, t.dep_, t.lemma_.lower(), t.lower_)
                    for t in sdoc]
            got = list(zip(toks.idx, toks.end, toks.pos, toks.tag, toks.dep, toks.lemma, toks.lower))
            assert got == want


def test_parsed_keeps_one_table_per_block():
    _, parsed = parsed_fixtures()[0]
    (_, first), (_, second) = parsed.blocks[:2]
    assert parsed.tokens(first) is parsed.tokens(first)
    assert parsed.tokens(second).text == second.text != first.text


def test_sentence_texts_equal_span_text():
    for _, parsed in parsed_fixtures():
        want = [(off, sent.start, sent.end, sent.text) for off, sdoc in parsed.blocks for sent in sdoc.sents
                if sent.text.strip()]
        got = [(off, sent.start, sent.end, text) for off, sent, text in parsed.sentences_with_text()]
        assert got == want
        assert [(o, s.start) for o, s in parsed.spacy_sentences()] == [(o, s) for o, s, _, _ in want]


def test_sentences_are_the_stripped_span_texts_at_raw_offsets():
    for doc, parsed in parsed_fixtures():
        view = doc.body_view()
        for sent in parsed.sentences():
            assert sent.text == view[sent.start:sent.end] == sent.text.strip() and sent.text


def test_empty_block_has_no_tokens():
    from storyline.nlp.pipeline import load_nlp

    toks = read_tokens(load_nlp(Settings().spacy_model).make_doc(""))
    assert len(toks) == 0 and toks.text == "" and toks.pos == []


def test_a_shared_string_map_reads_the_same_and_is_shared_by_a_batch():
    pairs = parsed_fixtures()
    names: dict[int, str] = {}
    for _, parsed in pairs[:3]:
        for _, sdoc in parsed.blocks:
            assert read_tokens(sdoc, names) == read_tokens(sdoc)
    assert "the" in names.values() and len(set(names.values())) == len(names)
    # the documents parsed together fill one map, not one each
    assert pairs[0][1].names is pairs[1][1].names
