"""Trained models as plain arrays: the model file format, and scorers that give scikit-learn's probabilities.

scikit-learn is for training. A run reads the shipped models without it: importing scikit-learn (with the scipy and
pandas it imports) cost about 1.6 CPU-s in every process, more than scoring every model over a hundred articles.
``plain(estimator)`` turns each fitted estimator the project uses into one of the small classes below, holding numpy
arrays and plain values, whose ``transform`` / ``decision_function`` / ``predict_proba`` / ``predict`` compute what
scikit-learn's do, in the same order of operations (sparse rows are summed entry by entry in their stored order, as
scipy's sparse product sums them; trees add their leaves one after another), so the probabilities are the same to
the bit (``tests/test_modelfile.py`` checks each kind against scikit-learn). Supported: ``LogisticRegression``,
``DictVectorizer``, ``TfidfVectorizer`` / ``CountVectorizer`` (word and ``char_wb`` analysers),
``StandardScaler``, ``FunctionTransformer`` (of a storyline function), ``Pipeline``, ``FeatureUnion``,
``HistGradientBoostingClassifier`` and ``GradientBoostingClassifier`` (binary, numeric features). Anything else is
refused when the model is saved, not when it is read.

File format (``storyline/models/*.npz``, written by ``save``, read by ``load``): a zip archive (stored entries with a
fixed date, so the same model gives the same bytes) holding

- ``model.json``: UTF-8 JSON, ``{"format": "storyline-model/1", "root": NODE}``. A NODE is JSON's null, boolean,
  number, string, list or object (an object never has the key ``"__kind__"``), or a tagged object:
  ``{"__kind__": "array", "name": N}`` (the array stored as ``N.npy``), ``{"__kind__": "tuple", "items": [...]}``,
  ``{"__kind__": "dict", "items": [[KEY, VALUE], ...]}`` (a dict whose keys are not all strings),
  ``{"__kind__": "object", "class": "storyline.module:Class", "state": {...}}`` (an instance of a storyline class:
  its attributes; the plain estimators below are such objects) and
  ``{"__kind__": "function", "name": "storyline.module:function"}``;
- one ``N.npy`` per array, numpy's own format, read with ``allow_pickle=False``.

Only storyline's own classes and functions are named, so reading a file runs no code of the file's choosing (unlike
a pickle). ``numpy.load`` reads the arrays too (the archive is an ``.npz``).
"""
from __future__ import annotations

import importlib
import io
import itertools
import json
import math
import operator
import re
import types
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from numbers import Number
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["FORMAT", "Csr", "DictVectorizer", "FeatureUnion", "FunctionTransformer", "GradientBoosting",
           "HistGradientBoosting", "LogisticRegression", "Pipeline", "StandardScaler", "TextVectorizer",
           "bounded_expit", "expit", "hstack", "load", "plain", "plain_objects", "save", "sparse_dot"]

FORMAT = "storyline-model/1"
_META = "model.json"
_DATE = (1980, 1, 1, 0, 0, 0)


# --- sparse rows ------------------------------------------------------------------------------------------------

class Csr:
    """Rows of a sparse matrix as scipy's CSR keeps them: each row's (column, value) entries in stored order."""

    def __init__(self, data: Any, indices: Any, indptr: Any, shape: tuple[int, int]) -> None:
        self.data = np.asarray(data, dtype=np.float64)
        self.indices = np.asarray(indices, dtype=np.intp)
        self.indptr = np.asarray(indptr, dtype=np.intp)
        self.shape = (int(shape[0]), int(shape[1]))

    @classmethod
    def from_dense(cls, dense: Any) -> Csr:
        """The nonzero cells of a dense array, row by row, by column (scipy's ``csr_matrix(dense)``)."""
        dense = np.asarray(dense, dtype=np.float64)
        rows, cols = np.nonzero(dense)
        indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=dense.shape[0]))])
        return cls(dense[rows, cols], cols, indptr, dense.shape)

    def __matmul__(self, weights: Any) -> Any:
        weights = np.asarray(weights, dtype=np.float64)
        return self.dot(weights[:, None])[:, 0] if weights.ndim == 1 else self.dot(weights)

    def toarray(self) -> Any:
        out = np.zeros(self.shape, dtype=np.float64)
        for r in range(self.shape[0]):
            a, b = self.indptr[r], self.indptr[r + 1]
            for j, v in zip(self.indices[a:b].tolist(), self.data[a:b].tolist()):
                out[r, j] += v  # a repeated column is summed, as the sparse matrix's own toarray sums it
        return out

    def _padded(self, values: Any, k: int) -> Any:
        """``values`` (one per entry, ``k`` wide) laid out as rows x entries x k, zeros after a row's last entry."""
        n = self.shape[0]
        lengths = np.diff(self.indptr)
        out = np.zeros((n, int(lengths.max()) if n and len(lengths) else 0, k), dtype=np.float64)
        if out.shape[1]:
            rows = np.repeat(np.arange(n), lengths)
            cols = np.arange(len(self.indices)) - np.repeat(self.indptr[:-1], lengths)
            out[rows, cols] = values.reshape(len(self.indices), k)
        return out

    def row_sums(self, values: Any) -> Any:
        """Each row's ``values`` (one per entry) added one after another from 0.0."""
        padded = self._padded(values, 1)
        if not padded.shape[1]:
            return np.zeros(self.shape[0], dtype=np.float64)
        return np.add.accumulate(padded[:, :, 0], axis=1)[:, -1]

    def dot(self, weights: Any) -> Any:
        """``self @ weights`` (weights: n_columns x k) summed entry by entry in stored order, from 0.0, as scipy's
        sparse product adds them (``numpy.sum`` would add pairwise and change the last bits)."""
        padded = self._padded(self.data[:, None] * weights[self.indices], weights.shape[1])
        if not padded.shape[1]:
            return np.zeros((self.shape[0], weights.shape[1]), dtype=np.float64)
        # the padding adds 0.0 after a row's last entry, which changes nothing
        return np.add.accumulate(padded, axis=1)[:, -1]


def hstack(blocks: Sequence[Csr]) -> Csr:
    """Blocks side by side, each row's entries block after block (scipy's ``hstack`` of CSR blocks)."""
    n = blocks[0].shape[0]
    lengths = [np.diff(b.indptr) for b in blocks]
    indptr = np.concatenate([[0], np.cumsum(np.sum(lengths, axis=0))]).astype(np.intp)
    data = np.zeros(int(indptr[-1]), dtype=np.float64)
    indices = np.zeros(int(indptr[-1]), dtype=np.intp)
    start, offset = indptr[:-1].copy(), 0
    for block, length in zip(blocks, lengths):
        at = np.repeat(start, length) + (np.arange(len(block.data)) - np.repeat(block.indptr[:-1], length))
        data[at] = block.data
        indices[at] = block.indices + offset
        start += length
        offset += block.shape[1]
    return Csr(data, indices, indptr, (n, offset))


def _dense(x: Any) -> Any:
    if isinstance(x, Csr):
        return x.toarray()
    return np.asarray(x, dtype=np.float64)


def expit(z: float) -> float:
    """The logistic function as scipy's ``expit`` computes it (``1 / (1 + exp(-z))``, the C library's exp)."""
    if z < -709.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def bounded_expit(z: float, bound: float = 50.0) -> float:
    """The logistic function of ``z`` clipped to ``[-bound, bound]``, as the plain-weight models (speaker, silence,
    roles) score: a hand-summed score may be extreme, and ``math.exp`` raises OverflowError past 709 where scipy
    returned 0 (``expit`` cuts there instead)."""
    return 1.0 / (1.0 + math.exp(-max(-bound, min(bound, z))))


def sparse_dot(weights: Mapping[str, float], features: Mapping[str, Any]) -> float:
    """The sum of ``weights[name] * value`` over ``features`` (a missing weight is 0), added up in the features'
    order from 0, as the plain-weight models (speaker, silence, roles, loaded language) sum a score: the same float
    as ``sum(weights.get(k, 0.0) * v for k, v in features.items())``, without a generator frame per feature."""
    return sum(map(operator.mul, map(weights.get, features, itertools.repeat(0.0)), features.values()))


def _expit_array(z: Any) -> Any:
    return np.array([expit(v) for v in np.asarray(z, dtype=np.float64).ravel().tolist()],
                    dtype=np.float64).reshape(np.shape(z))


# --- the estimators -------------------------------------------------------------------------------------------

class DictVectorizer:
    """A fitted ``DictVectorizer``: feature dicts -> rows (``Csr``, or an array when not ``sparse``)."""

    dtype = np.float64  # the only one converted

    def __init__(self, feature_names: Sequence[str], separator: str = "=", sparse: bool = True) -> None:
        self.feature_names_ = list(feature_names)
        self.separator = separator
        self.sparse = sparse

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __getstate__(self) -> dict[str, Any]:
        return {"feature_names_": self.feature_names_, "separator": self.separator, "sparse": self.sparse}

    @property
    def vocabulary_(self) -> dict[str, int]:
        vocab = self.__dict__.get("_vocabulary")
        if vocab is None:
            vocab = self.__dict__["_vocabulary"] = {f: j for j, f in enumerate(self.feature_names_)}
        return vocab

    def transform(self, rows: Iterable[Mapping[str, Any]] | Mapping[str, Any]) -> Any:
        vocab, sep = self.vocabulary_, self.separator
        data: list[float] = []
        indices: list[int] = []
        indptr = [0]
        row: list[tuple[int, float]] = []
        for x in ([rows] if isinstance(rows, Mapping) else rows):
            for f, v in x.items():
                if isinstance(v, str):
                    names: list[tuple[str, Any]] = [(f"{f}{sep}{v}", 1)]
                elif isinstance(v, Number) or v is None:
                    names = [(f, v)]
                elif not isinstance(v, Mapping) and isinstance(v, Iterable):
                    names = []
                    for vv in v:
                        if not isinstance(vv, str):
                            raise TypeError(f"Unsupported type {type(vv)} in iterable value for {f}")
                        names.append((f"{f}{sep}{vv}", 1))
                else:
                    raise TypeError(f"Unsupported value Type {type(v)} for {f}: {v}.")
                for name, value in names:
                    j = vocab.get(name)
                    if j is not None:
                        row.append((j, math.nan if value is None else float(value)))  # None: nan, as numpy makes it
            row.sort(key=lambda e: e[0])  # scikit-learn sorts each row's entries by column
            indices.extend(j for j, _ in row)
            data.extend(v for _, v in row)
            row.clear()
            indptr.append(len(indices))
        if len(indptr) == 1:
            raise ValueError("Sample sequence X is empty.")
        out = Csr(data, indices, indptr, (len(indptr) - 1, len(vocab)))
        return out if self.sparse else out.toarray()


_WHITE_SPACES = re.compile(r"\s\s+")


class TextVectorizer:
    """A fitted ``TfidfVectorizer`` (``idf`` set) or ``CountVectorizer``: texts -> ``Csr`` rows."""

    def __init__(self, vocabulary: Mapping[str, int], analyzer: str, ngram_range: tuple[int, int], lowercase: bool,
                 token_pattern: str, binary: bool, idf: Any = None, sublinear_tf: bool = False,
                 norm: str | None = None) -> None:
        names = sorted(vocabulary, key=vocabulary.__getitem__)
        if [vocabulary[n] for n in names] != list(range(len(names))):
            raise ValueError("a vectorizer's vocabulary must number its features 0..n-1")
        self.feature_names = names
        self.analyzer = analyzer
        self.ngram_range = (int(ngram_range[0]), int(ngram_range[1]))
        self.lowercase = lowercase
        self.token_pattern = token_pattern
        self.binary = binary
        self.idf_ = None if idf is None else np.asarray(idf, dtype=np.float64)
        self.sublinear_tf = sublinear_tf
        self.norm = norm

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.ngram_range = (int(self.ngram_range[0]), int(self.ngram_range[1]))

    @property
    def vocabulary_(self) -> dict[str, int]:
        vocab = self.__dict__.get("_vocabulary")
        if vocab is None:
            vocab = self.__dict__["_vocabulary"] = {f: j for j, f in enumerate(self.feature_names)}
        return vocab

    def build_analyzer(self) -> Callable[[str], list[str]]:
        """Text -> its n-grams, as scikit-learn's analyser of the same settings gives them."""
        lo, hi = self.ngram_range
        lower = self.lowercase
        if self.analyzer == "char_wb":
            def char_wb(doc: str) -> list[str]:
                if lower:
                    doc = doc.lower()
                out: list[str] = []
                for w in _WHITE_SPACES.sub(" ", doc).split():
                    w = " " + w + " "
                    size = len(w)
                    for n in range(lo, hi + 1):
                        offset = 0
                        out.append(w[offset:offset + n])
                        while offset + n < size:
                            offset += 1
                            out.append(w[offset:offset + n])
                        if offset == 0:  # a short word counts once
                            break
                return out
            return char_wb
        tokenize = re.compile(self.token_pattern).findall

        def words(doc: str) -> list[str]:
            tokens = tokenize(doc.lower() if lower else doc)
            if hi == 1:
                return list(tokens)
            out = list(tokens) if lo == 1 else []
            first = 2 if lo == 1 else lo
            for n in range(first, min(hi + 1, len(tokens) + 1)):
                for i in range(len(tokens) - n + 1):
                    out.append(" ".join(tokens[i:i + n]))
            return out
        return words

    def transform(self, docs: Sequence[str]) -> Csr:
        analyze, vocab = self.build_analyzer(), self.vocabulary_
        counts: list[int] = []
        indices: list[int] = []
        indptr = [0]
        for doc in docs:
            found = Counter(map(vocab.get, analyze(doc)))
            found.pop(None, None)  # out of the vocabulary
            for j, count in sorted(found.items()):  # each row by column, as scikit-learn sorts it
                indices.append(j)  # type: ignore[arg-type]
                counts.append(count)
            indptr.append(len(indices))
        values = np.asarray(counts, dtype=np.float64)
        if self.binary:
            values.fill(1.0)
        if self.sublinear_tf:
            np.log(values, values)
            values += 1.0
        cols = np.asarray(indices, dtype=np.intp)
        if self.idf_ is not None:
            values *= self.idf_[cols]
        out = Csr(values, cols, indptr, (len(docs), len(vocab)))
        if self.norm == "l2":
            # scikit-learn's row normalisation: each row's squares summed one after another, then divided by the root
            total = out.row_sums(values * values)
            root = np.sqrt(total)
            lengths = np.diff(out.indptr)
            divide = np.repeat(root, lengths)
            keep = np.repeat(total == 0.0, lengths)
            out.data = np.where(keep, values, values / np.where(keep, 1.0, divide))
        return out


class LogisticRegression:
    """A fitted ``LogisticRegression``: weights (classes x features), intercepts and classes."""

    def __init__(self, coef: Any, intercept: Any, classes: Sequence[Any]) -> None:
        self.coef_ = np.asarray(coef, dtype=np.float64)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.classes_ = np.asarray(list(classes))

    def decision_function(self, x: Any) -> Any:
        weights = self.coef_.T
        scores = x.dot(weights) if isinstance(x, Csr) else _dense(x) @ weights
        scores = scores + self.intercept_
        return scores.reshape(-1) if scores.shape[1] == 1 else scores

    def predict_proba(self, x: Any) -> Any:
        scores = self.decision_function(x)
        if len(self.classes_) <= 2:
            p = _expit_array(scores)
            return np.stack([1 - p, p], axis=1)
        scores = np.array(scores, dtype=np.float64)  # scikit-learn's softmax, step for step
        scores -= scores.max(axis=1).reshape(-1, 1)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1).reshape(-1, 1)
        return scores

    def predict(self, x: Any) -> Any:
        scores = self.decision_function(x)
        best = (scores > 0).astype(int) if scores.ndim == 1 else scores.argmax(axis=1)
        return self.classes_[best]


class StandardScaler:
    def __init__(self, mean: Any, scale: Any) -> None:
        self.mean_ = None if mean is None else np.asarray(mean, dtype=np.float64)
        self.scale_ = None if scale is None else np.asarray(scale, dtype=np.float64)

    def transform(self, x: Any) -> Any:
        out = np.array(_dense(x), dtype=np.float64)
        if self.mean_ is not None:
            out -= self.mean_
        if self.scale_ is not None:
            out /= self.scale_
        return out


class FunctionTransformer:
    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func

    def transform(self, x: Any) -> Any:
        return self.func(x)


class FeatureUnion:
    def __init__(self, transformer_list: Sequence[tuple[str, Any]]) -> None:
        self.transformer_list = [(str(n), t) for n, t in transformer_list]

    def transform(self, x: Any) -> Csr:
        parts = [t.transform(x) for _, t in self.transformer_list]
        return hstack([p if isinstance(p, Csr) else Csr.from_dense(p) for p in parts])


class Pipeline:
    def __init__(self, steps: Sequence[tuple[str, Any]]) -> None:
        self.steps = [(str(n), s) for n, s in steps]

    @property
    def named_steps(self) -> dict[str, Any]:
        return dict(self.steps)

    @property
    def classes_(self) -> Any:
        return self.steps[-1][1].classes_

    def _features(self, x: Any) -> Any:
        for _, step in self.steps[:-1]:
            x = step.transform(x)
        return x

    def transform(self, x: Any) -> Any:
        return self.steps[-1][1].transform(self._features(x))

    def decision_function(self, x: Any) -> Any:
        return self.steps[-1][1].decision_function(self._features(x))

    def predict_proba(self, x: Any) -> Any:
        return self.steps[-1][1].predict_proba(self._features(x))

    def predict(self, x: Any) -> Any:
        return self.steps[-1][1].predict(self._features(x))


class _Trees:
    """Binary trees side by side as arrays (tree x node), walked for all rows and trees at once."""

    def __init__(self, left: Any, right: Any, feature: Any, threshold: Any, value: Any, leaf: Any,
                 missing_left: Any, depth: int) -> None:
        self.left, self.right, self.feature = left, right, feature
        self.threshold, self.value, self.leaf, self.missing_left = threshold, value, leaf, missing_left
        self.depth = int(depth)

    @staticmethod
    def table(arrays: Sequence[Any], dtype: Any) -> Any:
        width = max(len(a) for a in arrays)
        out = np.zeros((len(arrays), width), dtype=dtype)
        for n, a in enumerate(arrays):
            out[n, :len(a)] = a
        return out

    def leaves(self, x: Any) -> Any:
        """Each row's leaf value in each tree (rows x trees)."""
        trees = np.arange(self.left.shape[0])[None, :]
        node = np.zeros((len(x), self.left.shape[0]), dtype=np.intp)
        for _ in range(self.depth):
            inner = ~self.leaf[trees, node]
            seen = np.take_along_axis(x, self.feature[trees, node], axis=1)
            go_left = np.where(np.isnan(seen), self.missing_left[trees, node], seen <= self.threshold[trees, node])
            node = np.where(inner, np.where(go_left, self.left[trees, node], self.right[trees, node]), node)
        return self.value[trees, node]


class HistGradientBoosting:
    """A fitted binary ``HistGradientBoostingClassifier`` (numeric features): the baseline, then each tree's leaf
    added in iteration order, then the logistic function."""

    def __init__(self, baseline: float, trees: _Trees, classes: Sequence[Any]) -> None:
        self.baseline = float(baseline)
        self.trees = trees
        self.classes_ = np.asarray(list(classes))

    def decision_function(self, x: Any) -> Any:
        x = _dense(x)
        steps = np.concatenate([np.full((len(x), 1), self.baseline), self.trees.leaves(x)], axis=1)
        return np.add.accumulate(steps, axis=1)[:, -1]  # one addition after another, as scikit-learn's loop adds

    def predict_proba(self, x: Any) -> Any:
        p = _expit_array(self.decision_function(x))
        return np.stack([1 - p, p], axis=1)


class GradientBoosting:
    """A fitted binary log-loss ``GradientBoostingClassifier``: features as float32 against the float64 thresholds,
    the start value from the prior, then each stage's ``learning_rate * leaf`` added in stage order."""

    def __init__(self, start: float, rate: float, trees: _Trees, classes: Sequence[Any]) -> None:
        self.start, self.rate, self.trees = float(start), float(rate), trees
        self.classes_ = np.asarray(list(classes))

    def decision_function(self, x: Any) -> Any:
        x = np.asarray(x, dtype=np.float32)
        steps = np.concatenate([np.full((len(x), 1), self.start), self.rate * self.trees.leaves(x)], axis=1)
        return np.add.accumulate(steps, axis=1)[:, -1]

    def predict_proba(self, x: Any) -> Any:
        p = _expit_array(self.decision_function(x))
        return np.stack([1 - p, p], axis=1)


_PLAIN = (DictVectorizer, TextVectorizer, LogisticRegression, StandardScaler, FunctionTransformer, FeatureUnion,
          Pipeline, HistGradientBoosting, GradientBoosting)


# --- from scikit-learn ----------------------------------------------------------------------------------------

def plain(est: Any) -> Any:
    """The plain form of a fitted scikit-learn estimator (a plain one is given back as it is).

    Raises:
        ValueError: for an estimator or a setting this module does not score.
    """
    if isinstance(est, _PLAIN):
        return est
    if type(est).__module__.startswith("storyline."):
        return plain_objects(est)  # a storyline object (the event coder's features): the estimators it holds
    kind = type(est).__name__
    if kind == "Pipeline":
        return Pipeline([(n, plain(s)) for n, s in est.steps])
    if kind == "FeatureUnion":
        if est.transformer_weights is not None:
            raise ValueError("a FeatureUnion with transformer weights")
        return FeatureUnion([(n, plain(t)) for n, t in est.transformer_list])
    if kind == "FunctionTransformer":
        if est.kw_args or est.inverse_func is not None or est.func is None:
            raise ValueError("a FunctionTransformer other than of one function")
        return FunctionTransformer(est.func)
    if kind == "DictVectorizer":
        if np.dtype(est.dtype) != np.float64:
            raise ValueError("a DictVectorizer of another dtype than float64")
        return DictVectorizer(est.feature_names_, est.separator, bool(est.sparse))
    if kind in ("TfidfVectorizer", "CountVectorizer"):
        tfidf = kind == "TfidfVectorizer"
        if (est.analyzer not in ("word", "char_wb") or est.strip_accents or est.stop_words is not None
                or est.tokenizer is not None or est.preprocessor is not None or est.input != "content"
                or np.dtype(est.dtype) not in (np.float64, np.int64)):
            raise ValueError(f"a {kind} with settings this module does not reproduce")
        if tfidf and est.norm not in (None, "l2"):
            raise ValueError("a TfidfVectorizer with another norm than l2")
        return TextVectorizer(est.vocabulary_, est.analyzer, est.ngram_range, bool(est.lowercase),
                              est.token_pattern, bool(est.binary), est.idf_ if tfidf and est.use_idf else None,
                              bool(tfidf and est.sublinear_tf), est.norm if tfidf else None)
    if kind == "LogisticRegression":
        return LogisticRegression(est.coef_, est.intercept_, est.classes_.tolist())
    if kind == "StandardScaler":
        return StandardScaler(est.mean_, est.scale_)
    if kind == "HistGradientBoostingClassifier":
        return _hist(est)
    if kind == "GradientBoostingClassifier":
        return _boosting(est)
    raise ValueError(f"no plain form of {type(est).__module__}.{kind}")


def _hist(est: Any) -> HistGradientBoosting:
    if len(est.classes_) != 2 or est.n_trees_per_iteration_ != 1 or est.is_categorical_ is not None:
        raise ValueError("a HistGradientBoostingClassifier other than binary over numeric features")
    nodes = [p[0].nodes for p in est._predictors]
    if any(n["is_categorical"].any() for n in nodes):
        raise ValueError("a HistGradientBoostingClassifier with categorical splits")
    t = _Trees.table
    trees = _Trees(t([n["left"] for n in nodes], np.intp), t([n["right"] for n in nodes], np.intp),
                   t([n["feature_idx"] for n in nodes], np.intp), t([n["num_threshold"] for n in nodes], np.float64),
                   t([n["value"] for n in nodes], np.float64),
                   # padding beyond a tree's nodes is never reached; marked leaves all the same
                   t([n["is_leaf"].astype(bool) for n in nodes], bool) | _pad(nodes),
                   t([n["missing_go_to_left"].astype(bool) for n in nodes], bool),
                   max(int(n["depth"].max()) for n in nodes))
    baseline = np.asarray(est._baseline_prediction, dtype=np.float64).ravel()
    return HistGradientBoosting(float(baseline[0]), trees, est.classes_.tolist())


def _pad(nodes: Sequence[Any]) -> Any:
    width = max(len(n) for n in nodes)
    out = np.zeros((len(nodes), width), dtype=bool)
    for i, n in enumerate(nodes):
        out[i, len(n):] = True
    return out


def _boosting(est: Any) -> GradientBoosting:
    if (est.loss != "log_loss" or len(est.classes_) != 2 or type(est.init_).__name__ != "DummyClassifier"):
        raise ValueError("a GradientBoostingClassifier other than binary log-loss from the prior")
    trees = [e.tree_ for e in est.estimators_[:, 0]]
    t = _Trees.table
    leaf = t([tr.children_left == -1 for tr in trees], bool) | _pad([tr.children_left for tr in trees])
    walked = _Trees(t([tr.children_left for tr in trees], np.intp), t([tr.children_right for tr in trees], np.intp),
                    t([np.maximum(tr.feature, 0) for tr in trees], np.intp),  # leaves: -2, never read
                    t([tr.threshold for tr in trees], np.float64), t([tr.value[:, 0, 0] for tr in trees], np.float64),
                    leaf, np.zeros(leaf.shape, dtype=bool), max(tr.max_depth for tr in trees))
    prior = est.init_.predict_proba(np.zeros((1, int(est.n_features_in_))))[:, 1]
    from scipy.special import logit  # installed with scikit-learn, which this conversion runs beside

    eps = np.finfo(np.float64).eps
    start = float(logit(np.clip(prior, eps, 1 - eps, dtype=np.float64))[0])  # the start value as scikit-learn has it
    return GradientBoosting(start, float(est.learning_rate), walked, est.classes_.tolist())


# --- the file ---------------------------------------------------------------------------------------------------

def _name_of(obj: Any) -> str:
    module, name = getattr(obj, "__module__", ""), getattr(obj, "__qualname__", "")
    if not (module == "storyline" or module.startswith("storyline.")) or "<" in name:
        raise ValueError(f"{module}.{name} is not a storyline class or function: a model file names only those")
    return f"{module}:{name}"


def _resolve(name: str) -> Any:
    module, _, qualname = name.partition(":")
    if not (module == "storyline" or module.startswith("storyline.")):
        raise ValueError(f"model file names {name!r}, which is not storyline's")
    obj: Any = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


def _encode(obj: Any, arrays: dict[str, Any]) -> Any:
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if isinstance(obj, np.ndarray):
        if obj.dtype.hasobject:
            return {"__kind__": "tuple", "items": [_encode(v, arrays) for v in obj.tolist()]}
        name = f"a{len(arrays)}"
        arrays[name] = obj
        return {"__kind__": "array", "name": name}
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, (int, float)):
        return obj
    if isinstance(obj, tuple):
        return {"__kind__": "tuple", "items": [_encode(v, arrays) for v in obj]}
    if isinstance(obj, list):
        return [_encode(v, arrays) for v in obj]
    if isinstance(obj, dict):
        if all(isinstance(k, str) for k in obj) and "__kind__" not in obj:
            return {k: _encode(v, arrays) for k, v in obj.items()}
        return {"__kind__": "dict", "items": [[_encode(k, arrays), _encode(v, arrays)] for k, v in obj.items()]}
    if isinstance(obj, types.FunctionType):
        return {"__kind__": "function", "name": _name_of(obj)}
    if isinstance(obj, type) or not hasattr(obj, "__dict__"):
        raise ValueError(f"cannot store a {type(obj).__name__} in a model file")
    if not type(obj).__module__.startswith("storyline"):
        obj = plain(obj)  # a scikit-learn estimator
    state = obj.__getstate__() if hasattr(type(obj), "__getstate__") and "__getstate__" in vars(type(obj)) \
        else dict(vars(obj))
    state = {k: v for k, v in state.items() if not isinstance(getattr(type(obj), k, None), property)}
    return {"__kind__": "object", "class": _name_of(type(obj)), "state": _encode(state, arrays)}


def _decode(node: Any, arrays: Mapping[str, Any]) -> Any:
    if isinstance(node, list):
        return [_decode(v, arrays) for v in node]
    if not isinstance(node, dict):
        return node
    kind = node.get("__kind__")
    if kind is None:
        return {k: _decode(v, arrays) for k, v in node.items()}
    if kind == "array":
        return arrays[node["name"]]
    if kind == "tuple":
        return tuple(_decode(v, arrays) for v in node["items"])
    if kind == "dict":
        return {_decode(k, arrays): _decode(v, arrays) for k, v in node["items"]}
    if kind == "function":
        return _resolve(node["name"])
    if kind == "object":
        cls = _resolve(node["class"])
        if not isinstance(cls, type):
            raise ValueError(f"model file names {node['class']!r}, which is not a class")
        obj: Any = object.__new__(cls)
        state = _decode(node["state"], arrays)
        if hasattr(obj, "__setstate__") and "__setstate__" in vars(cls):
            obj.__setstate__(state)
        else:
            obj.__dict__.update(state)
        return obj
    raise ValueError(f"unknown node kind {kind!r} in a model file")


def plain_objects(root: Any) -> Any:
    """``root`` as ``load`` would give it back from a file ``save`` wrote: its estimators in their plain forms."""
    arrays: dict[str, Any] = {}
    return _decode(_encode(root, arrays), arrays)


def save(path: Path, root: Any) -> None:
    """Write ``root`` (plain values, arrays, storyline objects, fitted scikit-learn estimators) to ``path``."""
    arrays: dict[str, Any] = {}
    meta = json.dumps({"format": FORMAT, "root": _encode(root, arrays)}, ensure_ascii=False, sort_keys=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo(_META, _DATE), meta.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
        for name, array in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(array), allow_pickle=False)
            zf.writestr(zipfile.ZipInfo(f"{name}.npy", _DATE), buf.getvalue(), compress_type=zipfile.ZIP_DEFLATED)
    tmp.replace(path)


def load(path: Path) -> Any:
    """The tree ``save`` wrote at ``path``.

    Raises:
        ValueError: when the file is not a model file of this format.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            meta = json.loads(zf.read(_META).decode("utf-8"))
            arrays = {}
            for info in zf.infolist():
                if info.filename.endswith(".npy"):
                    with zf.open(info) as fh:
                        arrays[info.filename[:-4]] = np.lib.format.read_array(io.BytesIO(fh.read()),
                                                                              allow_pickle=False)
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path} is not a storyline model file ({exc})") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ValueError(f"{path} is not a {FORMAT} model file")
    return _decode(meta["root"], arrays)
