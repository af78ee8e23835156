"""A trained decision over each sentence: does it report an event, and of which PLOVER type?

The lexicon coder (``extract.events``) proposes typed predicates from the parse; on news it was not
written against, its closed word lists miss events and give one sense per word. This model makes
the judgement instead, with the lexicon's proposals as features next to the words themselves:

- word 1–2-grams and character 3–5-grams of the sentence (TF-IDF): triggers, objects ("lift a
  restriction" vs "impose a restriction") and framing ("will", "urged", "warned it would", "not");
- the lexicon's proposed types (``lex:ACCUSE``), which keep its precision where it fires.

A logistic regression over them gives ``NONE`` or one of the 16 types with a probability. The model
is trained by ``make train`` (``scripts/train_events.py``) from the team-written sentences in
``training/events/`` and shipped inside the package (``storyline/models/events.npz``); every
model is a setting (``Settings.event_model``).
"""
from __future__ import annotations

import functools
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from storyline import modelfile

LOGGER = logging.getLogger(__name__)

__all__ = ["NONE", "EventModel", "build_pipeline", "default_model_path", "load_event_model", "vectorize"]

#: the label of a sentence that reports no event
NONE = "NONE"
#: scikit-learn's own regularisation default; the written data is small and varied, so no tuning on it
C_REGULARISATION = 4.0


def default_model_path() -> Path:
    """The model shipped inside the package."""
    return Path(str(resources.files("storyline").joinpath("models", "events.npz")))


def lexicon_tokens(codes: Sequence[str]) -> str:
    """The lexicon's proposals as feature tokens ("ACCUSE/legal" gives ``lex_ACCUSE lex_ACCUSE_legal``)."""
    out = []
    for code in codes:
        etype, _, mode = code.partition("/")
        out.append(f"lex_{etype}")
        if mode:
            out.append(f"lex_{etype}_{mode.replace('-', '_')}")
    return " ".join(out) or "lex_none"


def _vectorizers() -> list[tuple[str, Any]]:
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    return [
        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, max_features=60000,
                                  sublinear_tf=True)),
        ("lexicon", CountVectorizer(binary=True, lowercase=False, token_pattern=r"\S+")),  # noqa: S106 - a regex
    ]


class SentenceFeatures:
    """Words, character n-grams and lexicon proposals of ``(text, lexicon tokens)`` pairs, side by side.

    A plain scikit-learn-style transformer: ColumnTransformer would do the same but wants a pandas
    frame, whose construction cost more than the prediction itself on a document's sentences.
    """

    def __init__(self) -> None:
        self.parts = _vectorizers()

    def fit(self, pairs: Sequence[tuple[str, str]], y: Any = None) -> SentenceFeatures:
        texts, lex = [p[0] for p in pairs], [p[1] for p in pairs]
        for name, vec in self.parts:
            vec.fit(lex if name == "lexicon" else texts)
        return self

    def transform(self, pairs: Sequence[tuple[str, str]]) -> Any:
        texts, lex = [p[0] for p in pairs], [p[1] for p in pairs]
        blocks = [vectorize(vec, lex if name == "lexicon" else texts) for name, vec in self.parts]
        if all(isinstance(b, modelfile.Csr) for b in blocks):  # a shipped model: plain rows, no scipy
            return modelfile.hstack(blocks)
        from scipy.sparse import hstack

        return hstack(blocks).tocsr()

    def fit_transform(self, pairs: Sequence[tuple[str, str]], y: Any = None) -> Any:
        return self.fit(pairs).transform(pairs)

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        return {}

    def set_params(self, **params: Any) -> SentenceFeatures:
        return self


def vectorize(vec: Any, docs: Sequence[str]) -> Any:
    """``vec.transform(docs)`` for a fitted ``CountVectorizer`` or ``TfidfVectorizer``: the same matrix, to the bit,
    built the way scikit-learn builds it (counts of the vocabulary's features, sorted by column; for TF-IDF
    ``1 + log``, times idf, rows L2-normalised by scikit-learn's own routine), without the checks it makes on every
    call: on a group of documents' sentences they cost five times the n-grams themselves."""
    if isinstance(vec, modelfile.TextVectorizer):  # a shipped model's: the same rows, without scikit-learn
        return vec.transform(docs)
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

    tfidf = isinstance(vec, TfidfVectorizer)
    if type(vec) not in (CountVectorizer, TfidfVectorizer) or (tfidf and vec.norm not in (None, "l2")):
        return vec.transform(docs)
    analyze, vocabulary = vec.build_analyzer(), vec.vocabulary_
    indices: list[Any] = []
    counts: list[int] = []
    indptr = [0]
    for doc in docs:
        found = Counter(map(vocabulary.get, analyze(doc)))
        found.pop(None, None)  # out of the vocabulary
        indices.extend(found)
        counts.extend(found.values())
        indptr.append(len(indices))
    matrix = sparse.csr_matrix((np.asarray(counts, dtype=vec.dtype), np.asarray(indices, dtype=np.int32),
                                np.asarray(indptr, dtype=np.int32)), shape=(len(docs), len(vocabulary)))
    matrix.sort_indices()
    if vec.binary:
        matrix.data.fill(1)
    if not tfidf:
        return matrix
    matrix = matrix.astype(np.float64, copy=False)
    if vec.sublinear_tf:
        np.log(matrix.data, matrix.data)
        matrix.data += 1.0
    if vec.use_idf:
        matrix.data *= vec.idf_[matrix.indices]
    if vec.norm == "l2":
        inplace_csr_row_normalize_l2(matrix)
    return matrix


def build_pipeline() -> Any:
    """The untrained scikit-learn pipeline over ``(text, lexicon tokens)`` pairs: features, then a
    logistic regression."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline([("features", SentenceFeatures()),
                     ("classify", LogisticRegression(C=C_REGULARISATION, max_iter=3000))])


@dataclass
class EventModel:
    """A trained pipeline and what it was trained on."""

    pipeline: Any
    info: dict[str, Any]

    @property
    def labels(self) -> list[str]:
        return [str(c) for c in self.pipeline.classes_]

    def predict(self, texts: Sequence[str], lexicon_codes: Sequence[Sequence[str]]) -> list[tuple[str, float]]:
        """(label, probability) for each sentence; ``lexicon_codes``: the lexicon's proposals in it."""
        if not texts:
            return []
        probs = self.pipeline.predict_proba([(t, lexicon_tokens(c)) for t, c in zip(texts, lexicon_codes)])
        labels = self.labels
        best = probs.argmax(axis=1)
        return [(labels[int(j)], float(probs[i, j])) for i, j in enumerate(best)]

    def save(self, path: Path) -> None:
        from storyline import modelfile

        modelfile.save(path, {"pipeline": self.pipeline, "info": self.info})


@functools.lru_cache(maxsize=4)
def load_event_model(path: str = "") -> EventModel:
    """The model at ``path`` (default: the one shipped in the package), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds the model.
    """
    from storyline.cache import read_shipped_model

    data = read_shipped_model(path, default_model_path, on_problem="raise",
                              missing="no event model at {path}: run `make train` (or set event_model to a model "
                                      "file, or use the lexicon coder storyline.events.lexicon.v1)")
    return EventModel(pipeline=data["pipeline"], info=data.get("info", {}))
