"""Session 24 (issue 15): a science story's reference list below its last paragraph goes with its heading, in the
hybrid cleaning; a study the story's own paragraphs name in words stays. Hand-built pages."""
from __future__ import annotations

from storyline.clean.lexicon import load_lexicon
from storyline.clean.line_model import features, reference_list
from tests.clean.judged import body_lines

LEX = load_lexicon()
STORY = [
    "Small bats can cross the open sea in a single night, a tracking study of eleven animals has found.",
    "The researchers fitted tags weighing a fifth of a gram and followed the bats from platforms offshore.",
]
REFERENCES = [
    "References",
    "1. Sollie I., Marsh K. (2026). Open-sea crossing by a small bat. Journal of Animal Movement 14: 221-233.",
    "Amsel B. et al. 2026. Soil Systems 31(4): e0192.",
]


def _removed(texts: list[str]) -> set[str]:
    lines = body_lines(texts)
    sent = [0.02] * len(texts)
    return {texts[i] for i, _ in reference_list(lines, features(lines, LEX, sent))}


def test_a_reference_list_below_the_story_goes_with_its_heading() -> None:
    assert _removed(STORY + REFERENCES) == set(REFERENCES)


def test_a_citation_above_the_storys_last_paragraph_stays() -> None:
    # the list stands between the story's paragraphs: not the foot's apparatus
    texts = [STORY[0], *REFERENCES, STORY[1]]
    assert _removed(texts) == set()
    # a paragraph that names a study in words is the story's wherever it stands
    assert _removed([*STORY, "The study was led by Dr Ingrid Sollie of the University of Aldenholm in 2026."]) \
        == set()
