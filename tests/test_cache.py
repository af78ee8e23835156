"""Model files read through the cache directory's plain pickle: the same objects, never a stale copy."""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import joblib
import numpy as np
import pytest

from storyline.cache import load_model_file, model_cache_path, read_shipped_model


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _model(weight: float) -> dict:
    return {"weights": np.array([weight, 2.0, -1.5]), "labels": ["NONE", "PROTEST"], "threshold": 0.4}


def test_a_model_file_is_read_as_joblib_reads_it_first_and_from_its_copy_after(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "model.joblib"
    joblib.dump(_model(0.5), path, compress=3)
    first = load_model_file(path)
    copy = model_cache_path(path, path.read_bytes())
    assert copy.is_file() and copy.is_relative_to(cache)
    second = load_model_file(path)
    for got in (first, second):
        assert got["labels"] == ["NONE", "PROTEST"] and got["threshold"] == 0.4
        assert got["weights"].tolist() == [0.5, 2.0, -1.5]


def test_a_retrained_model_at_the_same_path_is_read_anew(cache: Path, tmp_path: Path) -> None:
    # the copy is keyed by the file's bytes, not its name: a retrained model must not be served from the old copy
    path = tmp_path / "model.joblib"
    joblib.dump(_model(0.5), path)
    assert load_model_file(path)["weights"][0] == 0.5
    joblib.dump(_model(-3.0), path)
    assert load_model_file(path)["weights"][0] == -3.0


def test_a_damaged_copy_is_replaced_from_the_model_file(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "model.joblib"
    joblib.dump(_model(0.5), path)
    load_model_file(path)
    copy = model_cache_path(path, path.read_bytes())
    copy.write_bytes(b"not a pickle")
    assert load_model_file(path)["weights"][0] == 0.5
    assert copy.read_bytes() != b"not a pickle"


def test_without_a_writable_cache_the_model_is_still_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory would be")
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(blocker))
    path = tmp_path / "model.joblib"
    joblib.dump(_model(0.5), path)
    assert load_model_file(path)["weights"][0] == 0.5


def test_a_shipped_resource_is_keyed_by_its_bytes_and_its_schema() -> None:
    # an edited resource file, or a changed schema, must be parsed and validated again, not served from a copy
    from storyline.cache import data_cache_path

    one = data_cache_path("kb/countries", b"countries: []\n", '{"type": "object"}')
    assert one == data_cache_path("kb/countries", b"countries: []\n", '{"type": "object"}')
    assert one != data_cache_path("kb/countries", b"countries: [x]\n", '{"type": "object"}')
    assert one != data_cache_path("kb/countries", b"countries: []\n", '{"type": "array"}')
    assert "/" not in one.name


def test_a_shipped_resource_read_through_the_cache_is_the_file_as_read(cache: Path) -> None:
    from storyline.data import load, read, resource_path

    assert load("given_names") == read(resource_path("given_names"), "given_names")


def test_the_folded_given_names_read_through_the_cache_are_those_folded_now(cache: Path) -> None:
    # kept under a key of the names file and of the fold's code: the copy read back is the set the fold gives
    from storyline.data import load
    from storyline.resolve.names import fold, folded_given_names

    names = load("given_names")
    now = frozenset(fold(str(n)) for key in ("female", "male") for n in names[key])
    folded_given_names.cache_clear()
    assert folded_given_names() == now
    assert list((cache / "data").glob("given_names-folded-*.pickle"))
    folded_given_names.cache_clear()
    assert folded_given_names() == now  # read back from the copy
    assert "maria" in now and len(now) > 1000


def test_a_plain_model_file_is_read_through_the_cache(cache: Path, tmp_path: Path) -> None:
    from storyline import modelfile

    path = tmp_path / "model.npz"
    modelfile.save(path, _model(0.5))
    for _ in range(2):  # built from the file, then from the copy
        got = load_model_file(path)
        assert got["labels"] == ["NONE", "PROTEST"] and got["weights"].tolist() == [0.5, 2.0, -1.5]
    assert model_cache_path(path, path.read_bytes()).is_file()


def test_an_older_joblib_file_gives_its_estimators_in_plain_form(cache: Path, tmp_path: Path) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from storyline import modelfile

    rows = [{"w=strike": 1.0, "len": 0.4}, {"w=aid": 1.0, "len": 0.9}, {"w=strike": 1.0, "w=aid": 1.0, "len": 0.2}]
    vec = DictVectorizer()
    clf = LogisticRegression().fit(vec.fit_transform(rows), ["PROTEST", "AID", "PROTEST"])
    path = tmp_path / "old.joblib"
    joblib.dump({"vectorizer": vec, "classifier": clf}, path)
    got = load_model_file(path)
    assert isinstance(got["classifier"], modelfile.LogisticRegression)
    assert got["classifier"].predict_proba(got["vectorizer"].transform(rows)).tolist() == \
        clf.predict_proba(vec.transform(rows)).tolist()


def test_a_file_that_is_no_model_gives_an_error_naming_it(cache: Path, tmp_path: Path) -> None:
    # a user's model setting pointing at the wrong file: neither format reads it, and the error says which file
    for name, data in (("notes.joblib", b"these are my notes, not a model\n"), ("cut.npz", b"PK\x03\x04cut short")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ValueError, match=name):
            load_model_file(path)
        assert not model_cache_path(path, data).exists()


#: the messages a trained component gives for its model file, as its loader writes them
_MISSING = "no toy model at {path}: run `make train`"
_MISMATCH = "toy model {path} has other features than this version: run `make train`"


def _toy_model(tmp_path: Path, features: tuple[str, ...] = ("len", "caps")) -> Path:
    from storyline import modelfile

    path = tmp_path / "models" / "toy.npz"
    modelfile.save(path, {"features": list(features), "threshold": 0.4, "weights": np.array([1.0, -2.0])})
    return path


def test_a_shipped_model_is_read_from_its_default_path_or_the_given_one(cache: Path, tmp_path: Path) -> None:
    path = _toy_model(tmp_path)
    for given in ("", str(path)):
        data = read_shipped_model(given, lambda: path, on_problem="raise", features=("len", "caps"),
                                  missing=_MISSING, mismatch=_MISMATCH)
        assert data["threshold"] == 0.4 and data["weights"].tolist() == [1.0, -2.0]
    # an empty path asks for the default; a given one never does
    with pytest.raises(FileNotFoundError, match=r"no toy model at .*nowhere\.npz: run `make train`"):
        read_shipped_model(str(tmp_path / "nowhere.npz"), lambda: path, on_problem="raise", missing=_MISSING)


def test_a_missing_model_raises_with_its_hint_or_warns_and_gives_none(
        cache: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    absent = tmp_path / "models" / "absent.npz"
    with pytest.raises(FileNotFoundError) as raised:
        read_shipped_model("", lambda: absent, on_problem="raise", missing=_MISSING)
    assert str(raised.value) == f"no toy model at {absent}: run `make train`"
    logger = logging.getLogger("storyline.toy")
    with caplog.at_level(logging.WARNING):
        assert read_shipped_model("", lambda: absent, on_problem="warn", logger=logger, missing=_MISSING) is None
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        ("storyline.toy", f"no toy model at {absent}: run `make train`")]
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert read_shipped_model("", lambda: absent, on_problem="none", missing=_MISSING) is None
    assert not caplog.records


def test_a_model_of_other_features_raises_or_warns_and_gives_none(
        cache: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    path = _toy_model(tmp_path, features=("len", "caps", "digits"))
    with pytest.raises(ValueError) as raised:
        read_shipped_model(str(path), lambda: path, on_problem="raise", features=("len", "caps"), missing=_MISSING,
                           mismatch=_MISMATCH)
    assert str(raised.value) == f"toy model {path} has other features than this version: run `make train`"
    logger = logging.getLogger("storyline.toy")
    with caplog.at_level(logging.WARNING):
        assert read_shipped_model(str(path), lambda: path, on_problem="warn", logger=logger, features=("len", "caps"),
                                  missing=_MISSING, mismatch=_MISMATCH) is None
    assert [r.getMessage() for r in caplog.records] == [
        f"toy model {path} has other features than this version: run `make train`"]
    # without features to check, the same file is read as it is
    data = read_shipped_model(str(path), lambda: path, on_problem="raise", missing=_MISSING)
    assert data["features"] == ["len", "caps", "digits"]


def test_each_component_loader_keeps_its_missing_model_policy(cache: Path, tmp_path: Path,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    """The eleven loaders on read_shipped_model: those a component cannot run without raise with their hint; those
    the rules stand in for warn (to their own module's logger) and give None; the salience model is silent."""
    import logging

    from storyline.clean.line_model import load_line_model
    from storyline.extract.event_model import load_event_model
    from storyline.extract.loaded_model import load_loaded_model
    from storyline.extract.roles import load_role_model
    from storyline.fuse.description_links import load_linker
    from storyline.fuse.entity_matcher import load_matcher
    from storyline.fuse.entity_salience import load_salience
    from storyline.fuse.pair_model import load_pair_model
    from storyline.fuse.stories import load_story_model
    from storyline.nlp.names_model import load_name_model
    from storyline.resolve.descriptions import load_ranker

    absent = str(tmp_path / "absent" / "model.npz")
    raising: list[tuple[Callable[[str], object], str]] = [
        (load_line_model, "clean_lines='rules'"), (load_event_model, "storyline.events.lexicon.v1"),
        (load_loaded_model, "storyline.loaded_language.lexicon.v1"), (load_role_model, "set event_roles to 'rules'"),
        (load_matcher, "entity_matcher='rules'"), (lambda p: load_name_model(p, "es"), "no es name model at"),
        (load_story_model, "set stories='rules'")]
    for load, hint in raising:
        with pytest.raises(FileNotFoundError, match=re.escape(hint)) as raised:
            load(absent)
        assert absent in str(raised.value)
    for load, module in [(load_linker, "storyline.fuse.description_links"),
                         (load_ranker, "storyline.resolve.descriptions"),
                         (load_pair_model, "storyline.fuse.pair_model")]:
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert load(absent) is None
        assert [(r.name, absent in r.getMessage()) for r in caplog.records] == [(module, True)]
    # a folder where the file should be is no model file either (the pair model asked only that the path exist)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert load_pair_model(str(tmp_path)) is None
        assert load_salience(absent) is None
    assert [r.name for r in caplog.records] == ["storyline.fuse.pair_model"]


def test_a_component_model_of_other_features_raises_or_gives_the_rules(cache: Path, tmp_path: Path,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from storyline.fuse.description_links import load_linker
    from storyline.fuse.entity_matcher import load_matcher
    from storyline.fuse.stories import load_story_model
    from storyline.resolve.descriptions import load_ranker

    stale = str(_toy_model(tmp_path, features=("an", "older", "feature", "list")))
    for load in (load_matcher, load_story_model):
        with pytest.raises(ValueError, match="other features than this version"):
            load(stale)
    with caplog.at_level(logging.WARNING):
        assert load_linker(stale) is None and load_ranker(stale) is None
    assert [r.name for r in caplog.records] == ["storyline.fuse.description_links", "storyline.resolve.descriptions"]
    assert all("other features than this version" in r.getMessage() for r in caplog.records)
