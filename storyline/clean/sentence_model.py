"""Furniture written as sentences: a small text classifier for the cleaning's trained path (issue 15).

The line rules and the line model read a line's shape, and a line shaped like prose is the story's to
them: "Market reports are provided by the auctioneers.", "Sign up to our newsletter for the week's
news.", "Jane Doe covers health for the Courier." pass as paragraphs. What gives them away is how they
are written: the site speaks to the reader ("you", "our"), opens with an imperative ("Sign up",
"Download"), describes itself, its staff or its terms in the present tense, names an address. A story's
sentence reports: a named event in the past tense, a figure, a quote attributed with "said".

``SentenceModel`` turns a line's text into words, character n-grams of its function-word skeleton
(names and figures masked, so that "X is the Y's Z correspondent" is one pattern whatever the names) and a
few cues, and gives P(furniture). It is trained by ``scripts/train_clean.py`` on the team's sentences in
``training/clean/sentences/`` (hand-written and generated) and stored inside the line model's file; the line
model reads its probability as a feature of each line and of its neighbours, and may remove a line written
as prose only when it is confident too (``line_model.decide``).
"""
from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.clean.lines import FIRST_PLURAL, SCRIPT_STOPS, SECOND_PERSON

_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|example|co\.uk|io|in|au|nz)\b", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"(?:\+?\d[\d ()-]{7,}\d)")
_HANDLE = re.compile(r"(?:^|\s)@\w")
_WEEKDAY = re.compile(r"\b(?:on|last|this|next)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
                      r"\b(?:yesterday|last (?:week|month|year|night))\b", re.I)
_SAID = re.compile(r"\b(?:said|says|told|added|according to)\b", re.I)
_PAST = re.compile(r"\b[a-z]{3,}ed\b")
_QUOTE = re.compile(r"[\"\u201c\u201d]")
_FIGURE = re.compile(r"\d")
#: a word in any script (a Cyrillic word is one token, not one per letter), a figure, or a mark
_WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019-]*(?:['\u2019-][^\W\d_]+)*|\d[\d.,:%]*|[^\w\s]")
#: a sentence's end: a Latin mark before a space, or another script's full stop (a danda, "。", "؟", "۔") anywhere
_SENTENCE_END = re.compile(rf"[.!?][\"'\u201d\u2019)]?(?:\s|$)|[{SCRIPT_STOPS}]")


def skeleton(text: str) -> str:
    """The text with names and figures masked: a capitalised word inside the sentence is ``N``, a figure ``0``.

    "Rita Vane covers health for the Tamar Post." -> "rita N covers health for the N N." (the first word keeps
    its form: it is the opening, "Sign", "Download", "Correction"); what stays is how the sentence is built.
    """
    out = []
    for i, tok in enumerate(_WORD.findall(text)):
        if tok[0].isdigit():
            out.append("0")
        elif i > 0 and tok[0].isupper() and tok.lower() not in ("i", "a"):
            out.append("N")
        else:
            out.append(tok.lower())
    return " ".join(out)


def cues(text: str) -> dict[str, Any]:
    """Hand cues of a sentence (features, never decisions)."""
    words = text.split()
    first = words[0].strip("\"'\u201c\u2018(").lower() if words else ""
    second = words[1].strip(",.;:").lower() if len(words) > 1 else ""
    n = len(words)
    return {
        "you": min(len(SECOND_PERSON.findall(text)), 3), "we": min(len(FIRST_PLURAL.findall(text)), 3),
        "url": int(bool(_URL.search(text))), "email": int(bool(_EMAIL.search(text))),
        "phone": int(bool(_PHONE.search(text))), "handle": int(bool(_HANDLE.search(text))),
        "weekday_past": int(bool(_WEEKDAY.search(text))), "said": int(bool(_SAID.search(text))),
        "past_ed": min(len(_PAST.findall(text)), 4), "quote": int(bool(_QUOTE.search(text))),
        "figures": min(len(_FIGURE.findall(text)), 6), "words": min(n, 60) / 60,
        "sentences": min(len(_SENTENCE_END.findall(text)), 4),
        # an imperative opens with a bare verb in lower case once the capital is taken off, followed by an
        # object or a particle: the model learns which openings these are from the words themselves
        "first=" + first: 1, "first2=" + first + "_" + second: 1,
        "question": int(text.rstrip().endswith("?")), "colon_label": int(bool(re.match(r"^\w+(?: \w+)?:", text))),
        "name_start": int(len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper()),
    }


def _texts(rows: Sequence[str]) -> list[str]:
    return [" ".join(r.split()) for r in rows]


def _skeletons(rows: Sequence[str]) -> list[str]:
    return [skeleton(r) for r in rows]


def _cue_dicts(rows: Sequence[str]) -> list[dict[str, Any]]:
    return [cues(r) for r in rows]


def make_pipeline(c: float = 4.0) -> Any:
    """Words (1-2 grams), character n-grams of the skeleton, cues -> logistic regression."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion
    from sklearn.pipeline import make_pipeline as mk
    from sklearn.preprocessing import FunctionTransformer

    union = FeatureUnion([
        ("words", mk(FunctionTransformer(_texts), TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                                                    max_features=30000))),
        ("skeleton", mk(FunctionTransformer(_skeletons), TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5),
                                                                         min_df=3, sublinear_tf=True,
                                                                         max_features=30000))),
        ("cues", mk(FunctionTransformer(_cue_dicts), DictVectorizer())),
    ])
    return mk(union, LogisticRegression(C=c, class_weight="balanced", max_iter=3000))


@dataclass(frozen=True)
class _Part:
    """One part of the fitted union as plain look-ups: how a row becomes the part's input, then its features.

    ``table`` maps a feature (an n-gram, or a cue's name) to its column in the union, its idf (1.0 for the cues)
    and the classifier's weight; ``analyzer`` is the fitted vectorizer's own n-gram analyser (None: the cues).
    """

    prepare: Callable[[Sequence[str]], list[Any]]
    analyzer: Callable[[str], list[str]] | None
    table: dict[str, tuple[int, float, float]]


@dataclass(frozen=True)
class _Plain:
    coef: Any  # the classifier's ``coef_`` the weights were read from: a refit replaces it
    parts: tuple[_Part, ...]
    intercept: float


#: each fitted pipeline's plain weights, for as long as the pipeline lives
_PLAIN: weakref.WeakKeyDictionary[Any, _Plain] = weakref.WeakKeyDictionary()
#: 1 + log(count): scikit-learn's sublinear tf, computed by the same numpy log so that it is the same to the bit
_SUBLINEAR: list[float] = []


def _sublinear(count: int) -> float:
    if count >= len(_SUBLINEAR):
        import numpy as np

        table = np.log(np.arange(1, max(2 * count, 64) + 1, dtype=np.float64))
        table += 1.0
        _SUBLINEAR[:] = [0.0, *(float(v) for v in table)]
    return _SUBLINEAR[count]


def _plain(pipeline: Any) -> _Plain | None:
    """The fitted ``make_pipeline`` (scikit-learn's, or the shipped model's plain form) as plain weights, or None for
    a pipeline of another shape."""
    from storyline import modelfile

    steps = [step for _, step in getattr(pipeline, "steps", [])]
    if len(steps) != 2:
        return None
    cached = _PLAIN.get(pipeline)
    if cached is not None and cached.coef is getattr(steps[1], "coef_", None):
        return cached
    try:
        steps = [step for _, step in modelfile.plain(pipeline).steps]
    except ValueError:  # an estimator the plain forms do not cover
        return None
    clf = steps[1]
    if not isinstance(steps[0], modelfile.FeatureUnion) or not isinstance(clf, modelfile.LogisticRegression) \
            or clf.coef_.shape[0] != 1:
        return None
    coef = [float(w) for w in clf.coef_[0]]
    parts, offset = [], 0
    for _, part in steps[0].transformer_list:
        inner = [step for _, step in part.steps] if isinstance(part, modelfile.Pipeline) else []
        if len(inner) != 2 or not isinstance(inner[0], modelfile.FunctionTransformer):
            return None
        vec = inner[1]
        if isinstance(vec, modelfile.TextVectorizer) and vec.sublinear_tf and vec.idf_ is not None \
                and vec.norm == "l2" and vec.binary is False:
            idf = [float(v) for v in vec.idf_]
            table = {f: (offset + j, idf[j], coef[offset + j]) for f, j in vec.vocabulary_.items()}
            parts.append(_Part(inner[0].func, vec.build_analyzer(), table))
        elif isinstance(vec, modelfile.DictVectorizer):
            table = {f: (offset + j, 1.0, coef[offset + j]) for f, j in vec.vocabulary_.items()}
            parts.append(_Part(inner[0].func, None, table))
        else:
            return None
        offset += len(table)
    if offset != len(coef):
        return None
    plain = _Plain(getattr(pipeline.steps[1][1], "coef_", None), tuple(parts), float(clf.intercept_[0]))
    _PLAIN[pipeline] = plain
    return plain


def _decision(plain: _Plain, inputs: Sequence[Sequence[Any]], row: int) -> float:
    """The classifier's decision for one row, summed in the order scikit-learn sums it (column by column of each
    part's normalised row, parts side by side, the intercept last), so the probability is the same to the bit."""
    z = 0.0
    for part, given in zip(plain.parts, inputs):
        table = part.table
        if part.analyzer is None:  # the cues, each value as it is (a text value is the feature "name=value")
            cues_in = []
            for name, value in given[row].items():
                entry = table.get(f"{name}={value}" if isinstance(value, str) else name)
                if entry is not None:
                    cues_in.append((entry[0], float(1 if isinstance(value, str) else value), entry[2]))
            for _, v, w in sorted(cues_in):
                z += v * w
            continue
        cells = sorted((entry[0], _sublinear(c) * entry[1], entry[2])
                       for f, c in Counter(part.analyzer(given[row])).items() if (entry := table.get(f)) is not None)
        norm = 0.0
        for _, v, _ in cells:
            norm += v * v
        if norm == 0.0:
            continue
        norm = math.sqrt(norm)
        for _, v, w in cells:
            z += (v / norm) * w
    return z + plain.intercept


def sentence_probabilities(pipeline: Any, texts: Sequence[str]) -> list[float]:
    """P(furniture) of each text (a line, one or several sentences): the pipeline's own ``predict_proba``.

    A pipeline built by ``make_pipeline`` is scored from its weights read as plain look-ups: scikit-learn's checks
    and sparse matrices cost three times the features themselves for a page's few dozen lines.
    """
    if not texts:
        return []
    rows = list(texts)
    plain = _plain(pipeline)
    if plain is None:
        return [float(p) for p in pipeline.predict_proba(rows)[:, 1]]
    from storyline.modelfile import expit

    inputs = [part.prepare(rows) for part in plain.parts]
    return [expit(_decision(plain, inputs, i)) for i in range(len(rows))]
