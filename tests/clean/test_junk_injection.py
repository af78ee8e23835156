"""Injected boilerplate is removed and the body survives (the generator is tests/clean/junk.py)."""
from __future__ import annotations

import pytest

from storyline.clean import clean_document
from storyline.config import Settings
from storyline.model import Document
from tests.clean.junk import article_titles, make_junk_corpus
from tests.clean.scoring import norm as _norm
from tests.clean.scoring import still_there as _still_there

#: Acceptance floors of the cleaning issue.
MIN_JUNK_REMOVED = 0.95
MAX_BODY_LOST = 0.01


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_injected_junk_is_removed_and_body_kept(seed: int) -> None:
    junk_n = junk_gone = body_n = body_kept = 0
    for text, junk, body in make_junk_corpus(seed):
        doc = clean_document(Document(id="j", source="j.txt", raw=text), Settings())
        junk_n += len(junk)
        junk_gone += sum(not _still_there(j, doc.text) for j in junk)
        body_n += len(body)
        body_kept += sum(_norm(b) in _norm(doc.text) for b in body)
    assert junk_gone / junk_n >= MIN_JUNK_REMOVED
    assert (body_n - body_kept) / body_n <= MAX_BODY_LOST


def test_titles_of_the_junk_corpus() -> None:
    titles = [clean_document(Document(id="j", source="j", raw=t), Settings()).title
              for t, _, _ in make_junk_corpus(5)]
    assert titles == article_titles()


def test_generator_is_deterministic_and_varied() -> None:
    assert make_junk_corpus(3) == make_junk_corpus(3)
    assert make_junk_corpus(3) != make_junk_corpus(4)
    kinds = {j for _, junk, _ in make_junk_corpus(0) for j in junk}
    assert len(kinds) >= 40
