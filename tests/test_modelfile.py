"""Plain model files: each estimator kind the project trains scores as scikit-learn does, to the bit, and a file
round-trips without scikit-learn's objects."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from storyline import modelfile

sklearn = pytest.importorskip("sklearn")

#: hand-written news sentences of several registers, labelled with a rough event kind
SENTENCES = [
    ("Police fired tear gas at protesters outside the provincial assembly on Tuesday night.", "COERCE"),
    ("The health ministry said it would send two field hospitals to the flooded district.", "AID"),
    ("Dock workers in Rotterdam walked out for 24 hours over the new shift rota.", "PROTEST"),
    ("The two governments signed a water-sharing accord after eleven years of talks.", "AGREE"),
    ("Opposition leader Mara Quist accused the cabinet of hiding the audit's findings.", "ACCUSE"),
    ("The council voted 7-2 to reject the developer's revised plans for the harbour.", "REJECT"),
    ("Rebels shelled the outskirts of the town, killing at least four civilians, medics said.", "ASSAULT"),
    ("Ministers will meet union leaders again on Friday, a spokesperson confirmed.", "CONSULT"),
    ("Sign up to our newsletter for the week's top stories.", "NONE"),
    ("Temperatures are expected to reach 31C by the weekend.", "NONE"),
    ("The regulator fined the bank £12m for failing to check customers' identities.", "COERCE"),
    ("Farmers blocked the motorway with tractors for a second day.", "PROTEST"),
    ("The EU pledged €40 million in emergency food aid to the region.", "AID"),
    ("Lawmakers approved the budget after a late amendment on school meals.", "AGREE"),
    ("The mayor denied claims that contracts had been awarded to friends.", "REJECT"),
    ("Security forces detained 30 people in dawn raids across the capital.", "COERCE"),
    ("She said the company had warned staff about job cuts as early as March.", "ACCUSE"),
    ("Both sides agreed to resume negotiations in Geneva next month.", "CONSULT"),
    ("Read more: how the tunnel was built, in pictures.", "NONE"),
    ("Villagers marched to the mine's gates demanding compensation for polluted wells.", "PROTEST"),
    ("Drones struck a fuel depot near the border overnight, officials said.", "ASSAULT"),
    ("The charity delivered blankets and medicine to 3,000 families.", "AID"),
    ("Prosecutors charged the former minister with abuse of office.", "ACCUSE"),
    ("Copyright 2026 The Valley Echo. All rights reserved.", "NONE"),
]


def _features(text: str) -> dict[str, object]:
    words = text.lower().rstrip(".").split()
    feats: dict[str, object] = {f"w={w}": 1.0 for w in words}
    feats["first"] = words[0] if words else ""
    feats["length"] = len(words) / 10.0
    feats["digits"] = float(any(c.isdigit() for c in text))
    feats["tags"] = [w for w in words if w.istitle()] or ["none"]  # an iterable of strings: one feature each
    return feats


def _same(plain_probs: np.ndarray, sk_probs: np.ndarray) -> None:
    assert plain_probs.shape == sk_probs.shape
    assert plain_probs.tolist() == sk_probs.tolist()  # the same to the bit


def _texts() -> list[str]:
    return [t for t, _ in SENTENCES]


def _labels() -> list[str]:
    return [y for _, y in SENTENCES]


def _unseen() -> list[str]:
    return ["Protesters gathered outside the ministry demanding the release of detained journalists.",
            "The committee accused the regulator of ignoring warnings about the dam.",
            "Click here to subscribe.", "", "Aid convoys reached the flooded villages at dawn."]


@pytest.mark.parametrize("binary", [True, False])
def test_dict_vectorizer_and_logistic_regression(binary: bool) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    y = [y == "NONE" for y in _labels()] if binary else _labels()
    vec = DictVectorizer()
    clf = LogisticRegression(C=2.0, max_iter=2000).fit(vec.fit_transform([_features(t) for t in _texts()]), y)
    pvec, pclf = modelfile.plain(vec), modelfile.plain(clf)
    rows = [_features(t) for t in _texts() + _unseen()]
    assert pvec.transform(rows).toarray().tolist() == vec.transform(rows).toarray().tolist()
    _same(pclf.predict_proba(pvec.transform(rows)), clf.predict_proba(vec.transform(rows)))
    assert pclf.predict(pvec.transform(rows)).tolist() == clf.predict(vec.transform(rows)).tolist()
    assert pclf.decision_function(pvec.transform(rows)).tolist() == clf.decision_function(vec.transform(rows)).tolist()


def test_the_event_coder_pipeline_of_text_vectorizers() -> None:
    # word 1-2 grams and character n-grams (TF-IDF, sublinear, l2) beside a binary count of lexicon tokens
    from storyline.extract.event_model import EventModel, build_pipeline, lexicon_tokens

    pipeline = build_pipeline()
    codes = [["PROTEST"] if "protest" in t.lower() or "march" in t else ["COERCE/legal"] if "fine" in t else []
             for t in _texts()]
    pairs = [(t, lexicon_tokens(c)) for t, c in zip(_texts(), codes)]
    pipeline.fit(pairs * 3, _labels() * 3)
    plain = modelfile.plain(pipeline)
    unseen = [(t, lexicon_tokens(["PROTEST"])) for t in _unseen()] + pairs
    for (_, sk_vec), (_, p_vec) in zip(pipeline.steps[0][1].parts, plain.steps[0][1].parts):
        texts = [p[0] for p in unseen]
        assert p_vec.build_analyzer()(texts[0]) == sk_vec.build_analyzer()(texts[0])
        assert p_vec.transform(texts).toarray().tolist() == sk_vec.transform(texts).toarray().tolist()
    _same(plain.predict_proba(unseen), pipeline.predict_proba(unseen))
    texts, lex = [p[0] for p in unseen], [["PROTEST"]] * len(unseen)
    assert EventModel(plain, {}).predict(texts, lex) == EventModel(pipeline, {}).predict(texts, lex)


def test_the_cleaning_sentence_model_union() -> None:
    from storyline.clean.sentence_model import make_pipeline, sentence_probabilities

    pipeline = make_pipeline().fit(_texts() * 3, [y == "NONE" for y in _labels()] * 3)
    texts = _texts() + _unseen()
    expected = [float(p) for p in pipeline.predict_proba(texts)[:, 1]]
    assert sentence_probabilities(modelfile.plain(pipeline), texts) == expected
    assert modelfile.plain(pipeline).predict_proba(texts)[:, 1].tolist() == expected


def test_scaled_dense_rows() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(3)
    x = rng.random((60, 12))
    x[:, ::3] = x[:, ::3] > 0.5  # flags beside fractions, as the entity matcher's rows are
    y = (x[:, 0] + x[:, 4] > 1.0).astype(int)
    pipe = make_pipeline(StandardScaler(), LogisticRegression(C=0.5)).fit(x, y)
    rows = rng.random((7, 12)).tolist()
    _same(modelfile.plain(pipe).predict_proba(rows), pipe.predict_proba(rows))


def test_histogram_boosting_over_dense_features() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer

    rows = [{**_features(t), "missing": float("nan") if i % 4 == 0 else float(i)} for i, t in enumerate(_texts())]
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform(rows * 4)
    y = [y == "NONE" or i % 5 == 0 for i, y in enumerate(_labels() * 4)]
    clf = HistGradientBoostingClassifier(max_iter=60, learning_rate=0.1, min_samples_leaf=3, random_state=0).fit(x, y)
    test = vec.transform([_features(t) | {"missing": float("nan")} for t in _unseen()] + rows)
    plain = modelfile.plain(clf)
    assert plain.trees.depth > 1
    _same(plain.predict_proba(test), clf.predict_proba(test))


def test_gradient_boosting_as_the_description_ranker_fits_it() -> None:
    from sklearn.ensemble import GradientBoostingClassifier

    from storyline.resolve.descriptions import RankerModel

    rng = np.random.default_rng(7)
    x = rng.random((200, 10))
    x[:, ::2] = x[:, ::2] > 0.5
    y = ((x[:, 0] > 0) & (x[:, 1] < 0.6)) | (x[:, 3] > 0.9)
    clf = GradientBoostingClassifier(n_estimators=80, max_depth=3, learning_rate=0.05, random_state=0).fit(x, y)
    rows = rng.random((30, 10)).tolist() + x[:5].tolist()
    _same(modelfile.plain(clf).predict_proba(rows), clf.predict_proba(rows))
    plain = RankerModel(modelfile.plain(clf), 0.4, ())
    assert plain.positive(rows) == [float(p) for p in clf.predict_proba(rows)[:, 1]]


def test_a_file_round_trips_to_the_same_scores_and_bytes(tmp_path: Path) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from storyline.extract.roles import Linear

    vec = DictVectorizer()
    clf = LogisticRegression(max_iter=2000).fit(vec.fit_transform([_features(t) for t in _texts()]), _labels())
    tree = {"vectorizer": vec, "classifier": clf, "threshold": 0.4, "features": ("a", "b"), "ids": {1: "x"},
            "linear": Linear({"w=a": 0.5}, -1.0, [0.25, 0.5]), "info": {"rows": 24, "nested": [1.5, None, "s"]}}
    one, two = tmp_path / "one.npz", tmp_path / "two.npz"
    modelfile.save(one, tree)
    modelfile.save(two, tree)
    assert one.read_bytes() == two.read_bytes()  # reproducible: no dates, a fixed order
    got = modelfile.load(one)
    assert got["threshold"] == 0.4 and got["features"] == ("a", "b") and got["ids"] == {1: "x"}
    assert got["info"] == {"rows": 24, "nested": [1.5, None, "s"]}
    assert got["linear"] == tree["linear"]
    rows = [_features(t) for t in _unseen()]
    _same(got["classifier"].predict_proba(got["vectorizer"].transform(rows)), clf.predict_proba(vec.transform(rows)))
    assert np.load(one, allow_pickle=False).files  # an .npz numpy reads too


def test_a_file_naming_code_outside_storyline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.npz"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("model.json", json.dumps({"format": modelfile.FORMAT,
                                              "root": {"__kind__": "function", "name": "os:system"}}))
    with pytest.raises(ValueError, match="not storyline's"):
        modelfile.load(path)
    (tmp_path / "text.npz").write_text("not a zip")
    with pytest.raises(ValueError, match="not a storyline model file"):
        modelfile.load(tmp_path / "text.npz")


def test_an_estimator_without_a_plain_form_is_refused_when_saved(tmp_path: Path) -> None:
    from sklearn.naive_bayes import MultinomialNB

    clf = MultinomialNB().fit([[1, 0], [0, 1]], [0, 1])
    with pytest.raises(ValueError, match="no plain form"):
        modelfile.save(tmp_path / "nb.npz", {"classifier": clf})


def test_sparse_dot_is_the_sum_the_plain_weight_models_took():
    rng = np.random.default_rng(7)
    weights = {f"w{i}": float(v) for i, v in enumerate(rng.normal(0, 3, 200))}
    for _ in range(200):
        names = [f"w{int(i)}" for i in rng.integers(0, 260, 30)]  # some without a weight
        features = {n: (True if k % 5 == 0 else float(rng.normal())) for k, n in enumerate(names)}
        expected = sum(weights.get(k, 0.0) * v for k, v in features.items())
        assert modelfile.sparse_dot(weights, features) == expected  # the same float, not a close one
    assert modelfile.sparse_dot(weights, {}) == 0

