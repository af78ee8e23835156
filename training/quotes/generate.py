"""Template generator for part of the quote-speaker training set; called by build.py."""
import random


def passages(rng: random.Random) -> list[dict]:
    return []
