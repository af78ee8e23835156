"""The stance lexicon's compiled patterns, and the lazy per-sentence facts claims share."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from storyline.extract import claims
from storyline.extract.stance import STANCE_PATH, _alternation, _phrase_body
from storyline.fuse import disagreements
from storyline.model import Sentence, Span
from storyline.resources import load_yaml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def _phrase_lists(node: object) -> list[list[str]]:
    """Every list of phrases in the lexicon file, however deep."""
    if isinstance(node, dict):
        return [found for value in node.values() for found in _phrase_lists(value)]
    if isinstance(node, list) and node and all(isinstance(p, str) for p in node):
        return [node]
    return []


def _flat(phrases: list[str]) -> re.Pattern[str]:
    # the alternation as it was before phrases were grouped by first letter
    ordered = sorted((p for p in phrases if p.strip()), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{_phrase_body(p)})" for p in ordered) + ")", re.IGNORECASE)


def _texts() -> list[str]:
    files = sorted(FIXTURES.rglob("*.txt")) + sorted(FIXTURES.rglob("*.html"))
    if SEEDS.is_dir():
        files += sorted(SEEDS.iterdir())
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files if f.is_file()]
    return [t for text in texts for t in (text, text.upper())]


def test_grouped_phrases_match_what_the_flat_alternation_matched() -> None:
    lists = _phrase_lists(load_yaml(STANCE_PATH.read_text(encoding="utf-8")))
    texts = _texts()
    assert len(lists) > 20 and len(texts) > 20
    for phrases in lists:
        grouped, flat = _alternation(phrases), _flat(phrases)
        for text in texts:
            assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)], phrases[:3]


def test_a_sentence_without_claims_never_looks_for_actors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Detection needs no actors at all; binding looks for them only in the sentences of claims."""
    looked: list[str] = []

    def actors_in(span: Span, *args: object, **kwargs: object) -> frozenset[str]:
        looked.append(span.text)
        return frozenset({"FRE", "SYL"})

    monkeypatch.setattr(disagreements, "_actors_in", actors_in)
    texts = ["The weather in the capital was mild on Tuesday.",
             "Freedonia remains a loyal satellite of Sylvania."]
    sents = [Sentence("d1", 0, len(texts[0]), texts[0]),
             Sentence("d1", len(texts[0]) + 1, len(texts[0]) + 1 + len(texts[1]), texts[1])]
    found = claims.find_claims("d1", sents)
    assert looked == []
    bound = disagreements.bind_claims(found, [], {"freedonia": "FRE"})
    assert [c.pole for c in bound] == ["aligned"]
    assert looked == [texts[1]]


def test_any_phrase_finds_every_sentence_a_pole_frame_or_cause_phrase_is_in() -> None:
    from storyline.extract.stance import load_stance_lexicon

    lex = load_stance_lexicon()
    lists = [*(rx for poles in lex.poles.values() for rx in poles.values()), *lex.frame_poles.values(),
             lex.denial, lex.reverse, lex.cause_marker, lex.temporal]
    sentences = [s for text in _texts() for s in re.split(r"(?<=[.!?])\s+", text)]
    hits = 0
    for sent in sentences:
        some = any(rx.search(sent) for rx in lists)
        assert (lex.any_phrase.search(sent) is not None) == some, sent
        hits += some
    assert 0 < hits < len(sentences)
