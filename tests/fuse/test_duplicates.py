"""Near-duplicates on the team-written multi-outlet corpus."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from storyline.config import Settings
from storyline.fuse.duplicates import find_near_duplicates, shingles
from storyline.model import Document

HELPER = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "corpus.py"
_spec = importlib.util.spec_from_file_location("stories_corpus", HELPER)
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)


def test_shingles_of_short_text():
    assert shingles("One two") == {"one two"}
    assert len(shingles("a b c d e f")) == 2


def test_syndicated_copy_found_and_same_story_rewrites_not():
    docs = [corpus.document(p) for p in sorted(corpus.CORPUS.glob("*.txt"))]
    dups = find_near_duplicates(docs, Settings())
    pairs = {tuple(sorted((d, n.doc))) for d, near in dups.items() for n in near}
    gold = {tuple(sorted(p)) for p in corpus.gold()["near_duplicates"]}
    assert pairs == gold
    a1 = dups["a1_harbour_post_quake"][0]
    assert 0.5 <= a1.similarity <= 1.0


def test_threshold_is_a_setting():
    a = Document(id="a", source="a", text="the quick brown fox jumps over the lazy dog near the river bank today")
    b = Document(id="b", source="b", text="the quick brown fox jumps over the lazy dog near the river bank tonight")
    assert find_near_duplicates([a, b], Settings(near_duplicate_threshold=0.5))
    assert not find_near_duplicates([a, b], Settings(near_duplicate_threshold=0.99))
