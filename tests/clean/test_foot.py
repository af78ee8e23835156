"""Session 19 (issue 15): the story's foot, where its last paragraphs stand beside notices written as sentences: the
answer under a Q&A explainer's question is the story's, and the line model reads who a line speaks to, whether it
opens with a call to action and how the story's paragraphs stand around it. Hand-built pages; the probabilities are
set by hand to the cases the rules read."""
from __future__ import annotations

from storyline.clean.lexicon import load_lexicon
from storyline.clean.line_model import answers_question, edge_removals, features
from tests.clean.judged import body_lines

LEX = load_lexicon()
STORY = [
    "The energy regulator cut the price cap by four per cent on Tuesday, the second fall in a row this year.",
    "A typical household paying by direct debit will pay about sixty pounds less over the next twelve months.",
]


def test_the_line_under_a_question_of_the_story_answers_it() -> None:
    lines = body_lines([*STORY, "Do I need to do anything?",
                        "No. If you are on a standard tariff, your supplier will lower your rates itself."])
    probs = [0.0, 0.0, 0.1, 0.95]
    assert answers_question(lines, probs, 3)
    # a question that speaks to the reader opens a notice, and what follows it is the notice's
    notice = body_lines([*STORY, "Have you got a question about your bills?", "Send it to our money desk."])
    assert not answers_question(notice, probs, 3)
    # a question the line model calls furniture answers nothing; nor does a line below a statement
    assert not answers_question(lines, [0.0, 0.0, 0.9, 0.95], 3)
    assert not answers_question(lines, probs, 1)


def test_an_answer_at_the_foot_is_not_taken_as_a_notice() -> None:
    lines = body_lines([*STORY, "Should I fix my tariff?",
                        "Some fixed deals are cheaper than the cap now, but most charge you a fee to leave early."])
    probs = [0.0, 0.0, 0.0, 0.99]
    sentence = [0.0, 0.0, 0.1, 0.95]
    feats = features(lines, LEX, sentence)
    assert 3 not in dict(edge_removals(lines, feats, probs, sentence))
    # the same sentence under a paragraph of the story, not under a question, is judged by the models
    plain = body_lines([*STORY, STORY[1], lines[3].text])
    assert 3 in dict(edge_removals(plain, features(plain, LEX, sentence), probs, sentence))


def test_the_line_model_reads_who_a_line_speaks_to_and_where_the_story_ends() -> None:
    foot = ["Our journalism relies on readers like you. Become a member today.", "Follow us on social media."]
    lines = body_lines([*STORY, *foot])
    feats = features(lines, LEX, [0.05, 0.1, 0.9, 0.95])
    assert feats[2]["you"] == 1 and feats[2]["we"] == 1 and not feats[2]["imperative"]
    assert feats[3]["imperative"] and not feats[0]["imperative"]
    # the story's paragraphs above and below each line, and the lines kept below it read together
    assert [f["core_above"] for f in feats] == [0, 1, 2, 2]
    assert [f["core_below"] for f in feats] == [1, 0, 0, 0]
    assert feats[1]["after_sure_core"] == 0 and feats[2]["after_sure_core"] == 1
    assert feats[1]["kept_below"] == 2 and abs(feats[1]["below_sent_p"] - 0.925) < 1e-9
    assert feats[3]["kept_below"] == 0 and feats[3]["below_sent_p"] == 0.0
    assert abs(feats[2]["above_sent_p"] - 0.075) < 1e-9
