"""The sentence model scored from its plain weights: the same probabilities as its fitted pipeline, to the bit."""
from __future__ import annotations

from storyline.clean.sentence_model import make_pipeline, sentence_probabilities

FURNITURE = [
    "Sign up to our newsletter for the week's news in your inbox.",
    "Sign up for our daily briefing and never miss a story.",
    "Download our app to read the news wherever you are.",
    "Download the free app and follow the stories you care about.",
    "Follow us on social media for the latest updates.",
    "Follow our reporters for updates from the scene.",
    "Subscribe from £1.50 a week and support local journalism.",
    "Subscribe today and get your first month free.",
    "Rita Vane covers health for the Tamar Post.",
    "Ola Berg covers crime for the Fjord Times.",
    "Our journalists follow a strict code of conduct.",
    "We use cookies to give you the best experience on our site.",
]
REPORTS = [
    "The council said on Tuesday that 40 homes had been flooded.",
    "Police said the driver was arrested at the scene last night.",
    "The minister told reporters that the talks had stalled.",
    "Fire crews rescued two people from the building on Monday.",
    "The company reported a loss of 3 million pounds last year.",
    "Residents said the road had been closed since the storm.",
    "The mayor announced on Friday that the bridge would reopen.",
    "Officials said 12 people were injured in the crash.",
    "The union said its members voted to strike next month.",
    "The court heard that the defendant had denied the charges.",
    "Farmers said the drought had cut the harvest by a third.",
    "The hospital said the patient was in a stable condition.",
]
PAGE = [
    "Sign up to our newsletter and get the news in your inbox at news@post.example.",
    "The council said on Wednesday that the school would close.",
    "Download our app.",
    "Jane Doe covers politics for the Courier.",
    "\"We will rebuild,\" the mayor said.",
    "Photo: Tamar Post",
    "",
]


def _proba(pipeline, texts):  # type: ignore[no-untyped-def]
    return [float(p) for p in pipeline.predict_proba(texts)[:, 1]]


def test_the_plain_weights_give_the_pipelines_own_probabilities_to_the_last_bit() -> None:
    # a line at the cleaning's threshold must not change sides: equal, not close
    texts = FURNITURE + REPORTS
    pipeline = make_pipeline().fit(texts, [1] * len(FURNITURE) + [0] * len(REPORTS))
    got = sentence_probabilities(pipeline, PAGE)
    assert got == _proba(pipeline, PAGE)
    assert got[0] > 0.5 > got[1]


def test_a_pipeline_refitted_in_place_is_scored_by_its_new_weights() -> None:
    # the weights are kept per pipeline: a refit of the same object must not be scored by the old ones
    texts = FURNITURE + REPORTS
    pipeline = make_pipeline().fit(texts, [1] * len(FURNITURE) + [0] * len(REPORTS))
    before = sentence_probabilities(pipeline, PAGE)
    pipeline.fit(texts, [0] * len(FURNITURE) + [1] * len(REPORTS))
    after = sentence_probabilities(pipeline, PAGE)
    assert after == _proba(pipeline, PAGE)
    assert before[0] > 0.5 > after[0]


def test_a_pipeline_of_another_shape_is_scored_by_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline as mk

    texts = FURNITURE + REPORTS
    pipeline = mk(TfidfVectorizer(), LogisticRegression()).fit(texts, [1] * len(FURNITURE) + [0] * len(REPORTS))
    assert sentence_probabilities(pipeline, PAGE) == _proba(pipeline, PAGE)
    assert sentence_probabilities(pipeline, []) == []
