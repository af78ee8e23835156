"""The faster searches of the resolve stage give what the plain scans they replace give (no spaCy)."""
from __future__ import annotations

import random
import re

from storyline.resolve.kb import load_kb
from storyline.resolve.name_spans import Cand, SpanIndex, title_at_end, title_pattern
from storyline.resolve.ner import kb_candidates, role_matches, select_candidates
from tests.reference.ner import select_by_scan


def test_select_equals_pairwise_scan() -> None:
    rng = random.Random(2)
    sources = ["spacy", "kb", "spacy_long", "quote", "rule", "role"]
    for _ in range(3000):
        cands = []
        for _ in range(rng.randint(0, 10)):
            start = rng.randint(0, 30)
            cands.append(Cand(start, start + rng.randint(0, 6), "ORG", rng.choice(sources)))
        assert [id(c) for c in select_candidates(cands)] == [id(c) for c in select_by_scan(cands)]


def test_span_index_overlaps() -> None:
    rng = random.Random(3)
    for _ in range(2000):
        spans = [(a, a + rng.randint(0, 5)) for a in (rng.randint(0, 20) for _ in range(rng.randint(0, 6)))]
        index = SpanIndex(spans)
        for start in range(-1, 27):
            for end in range(start, 28):
                assert index.overlaps(start, end) == any(a < end and start < b for a, b in spans)


def test_title_at_end_equals_whole_text_search() -> None:
    kb = load_kb(())
    titles = tuple(kb.lexicon.get("titles", {}))
    whole = re.compile(title_pattern(kb).pattern + r"\s*,?\s*$", re.I)
    at_end = title_at_end(titles)
    pieces = [*titles[:20], "the", "said", ",", " ,", "\n", "  ", "x", "PRESIDENT", "2", "-", "."]
    rng = random.Random(4)
    for _ in range(5000):
        seps = ["", " ", ",", ", ", "\n"]
        text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(0, 6)))
        assert at_end.ends(text) == (whole.search(text) is not None), text


def test_role_matches_equal_whole_text_search() -> None:
    kb = load_kb(())
    for heads in (tuple(kb.lexicon["head_titles"]), ("president", "gen.", "-chief")):
        alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
        word = r"[^\W\d_][^\W\d_'’-]*(?:['’]s)?"
        whole = re.compile(
            rf"\b(?:(?:the|his|her|its|their)\s+)?(?:top\s+)?(?P<c1>{word})\s+(?P<t1>{alt})\b(?!\s+of\b)"
            rf"|\b(?:the\s+)?(?P<t2>{alt})\s+of\s+(?:the\s+)?(?P<c2>{word}(?:\s(?-i:[A-Z]){word})?)", re.I)
        pieces = [*heads, "the", "his", "top", "of", "Kazakh", "Russia’s", "2", ",", ".", "(", "United"]
        rng = random.Random(5)
        for _ in range(3000):
            seps = [" ", "", "-", ", ", "."]
            text = "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(rng.randint(1, 10)))
            got = [(m.span(), m.groupdict()) for m in role_matches(text, heads)]
            assert got == [(m.span(), m.groupdict()) for m in whole.finditer(text)], text


def test_kb_cands_finds_multiword_forms() -> None:
    kb = load_kb(())
    view = "Officials at the White House and The Hague met in the State of Palestine."
    found = {view[c.start:c.end] for c in kb_candidates(view, kb, {}, [], [])}
    # the White House is an institution of its own; its article stays outside the name
    assert {"White House", "The Hague", "the State of Palestine"} <= found
