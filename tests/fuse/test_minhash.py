"""The MinHash estimate and the LSH band shape behave as the textbook says."""
from __future__ import annotations

import pytest

from storyline.fuse.duplicates import band_shape, minhash_of, shingles, similarity

TEXT = ("The regional council voted on Tuesday to close the old ferry terminal after engineers found "
        "cracks in two of its piers, a decision that leaves island residents with a single crossing "
        "until a new terminal opens, which officials said could take three years.")


def test_estimate_tracks_the_true_jaccard():
    words = TEXT.split()
    edited = " ".join([*words[:20], "storm-damaged", "wooden", *words[22:]])
    truth = len(shingles(TEXT) & shingles(edited)) / len(shingles(TEXT) | shingles(edited))
    assert similarity(minhash_of(TEXT), minhash_of(edited)) == pytest.approx(truth, abs=0.12)
    assert similarity(minhash_of(TEXT), minhash_of(TEXT)) == 1.0
    assert similarity(minhash_of(TEXT), minhash_of("An unrelated note about football scores.")) < 0.1


def test_signatures_are_stable_across_calls():
    assert (minhash_of(TEXT) == minhash_of(TEXT)).all()


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
def test_band_shape_puts_the_s_curve_near_the_threshold(threshold):
    bands, rows = band_shape(threshold)
    assert bands * rows <= 128
    knee = (1 / bands) ** (1 / rows)  # where the candidate probability rises fastest
    assert abs(knee - threshold) < 0.15
    assert 1 - (1 - (threshold + 0.15) ** rows) ** bands > 0.9   # pairs clearly above are candidates
