"""``clear_text_caches``: a batched fuse empties the per-text caches between batches, and keeps models and lexicons."""
from __future__ import annotations

from storyline.fuse import TEXT_CACHE_SIZE, clear_text_caches
from storyline.fuse.disagreement_events import event_words
from storyline.fuse.pair_model import fact_keys
from storyline.resolve.kb import load_kb
from storyline.resolve.names import fold


def test_the_per_text_caches_are_emptied_and_the_loaded_models_kept():
    texts = ["Troops were deployed near the border on Monday.", "Prices rose by 4% in March, the agency said."]
    before = [(fold(t), event_words(t), fact_keys(t)) for t in texts]
    load_kb()   # a loader's cache (one entry): not a per-text one
    assert fold.cache_info().currsize >= 2 and fact_keys.cache_info().currsize >= 2
    assert fold.cache_info().maxsize >= TEXT_CACHE_SIZE
    kb_loads = load_kb.cache_info().currsize   # other tests may have loaded other KB files: not one

    assert clear_text_caches() >= 6
    assert fold.cache_info().currsize == 0
    assert event_words.cache_info().currsize == 0
    assert fact_keys.cache_info().currsize == 0
    assert load_kb.cache_info().currsize == kb_loads >= 1
    # the values are the same when read again
    assert [(fold(t), event_words(t), fact_keys(t)) for t in texts] == before
