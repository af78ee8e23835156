"""grouped_alternation: the same matches as the flat alternation it replaces."""
from __future__ import annotations

import random
import re

from storyline.extract.patterns import grouped_alternation
from storyline.extract.quotes import load_cues


def _flat(alternatives: list[str]) -> str:
    return "(?:" + "|".join(alternatives) + ")"


def test_groups_by_first_letter_keeping_order() -> None:
    assert grouped_alternation(["said", "says", "told", "say"]) == "(?:s(?:aid|ays|ay)|t(?:old))"


def test_falls_back_to_flat_when_an_alternative_does_not_start_lower_case() -> None:
    for alts in (["Said", "says"], [r"\-said", "says"], ["(?:a)", "b"], ["", "b"], ["a?b", "ab"],
                 ["s{2}", "x"], ["a*", "b"], ["a+b", "c"], ["a|b", "c"]):
        assert grouped_alternation(alts) == _flat(alts)


def test_same_matches_as_flat_alternation_on_random_text() -> None:
    rng = random.Random(5)
    letters = "saitkſıİKS -'"
    for _ in range(300):
        words = ["".join(rng.choice("saitk") for _ in range(rng.randrange(1, 4)))
                 for _ in range(rng.randrange(1, 6))]
        alts = [re.escape(w) for w in words] + ([r"se\s+it"] if rng.random() < 0.3 else [])
        text = "".join(rng.choice(letters) for _ in range(rng.randrange(0, 60)))
        for flags in (0, re.I):
            for wrap in (r"\b{}\b", r"(?<![\w-]){}(?![\w-])", "{}"):
                flat = re.compile(wrap.format(_flat(alts)), flags)
                grouped = re.compile(wrap.format(grouped_alternation(alts)), flags)
                assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_cue_forms_still_match_their_words() -> None:
    cues = load_cues()
    for word in ("said", "told", "noted", "pointed out", "acknowledged"):
        assert re.fullmatch(cues.forms_re, word, flags=re.I), word
