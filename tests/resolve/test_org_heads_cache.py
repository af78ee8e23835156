"""The organisation head words are built once per word list (``ner._with_plurals``): a KB whose lexicon names
other heads must get its own set, not the one cached for the shipped lexicon."""
from __future__ import annotations

import dataclasses

from storyline.resolve.kb import load_kb
from storyline.resolve.ner import _org_head_words


def test_org_heads_follow_the_kb_lexicon() -> None:
    kb = load_kb()
    shipped = _org_head_words(kb)
    assert {"board", "boards", "agency", "agencies"} <= shipped
    assert _org_head_words(kb) is shipped   # asked again: the same set, not rebuilt
    other = dataclasses.replace(kb, lexicon={**kb.lexicon, "org_heads": ["cooperative", "syndicate"]})
    heads = _org_head_words(other)
    assert {"cooperative", "cooperatives", "syndicate", "syndicates"} <= heads
    assert "cooperatives" not in shipped
    assert _org_head_words(kb) == shipped   # the shipped KB's set is unchanged
