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

import re
from collections.abc import Sequence
from typing import Any

_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_FIRST_PLURAL = re.compile(r"\b(?:we|our|ours|us)\b", re.I)
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
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?(?:\s|$)")


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
        "you": min(len(_SECOND_PERSON.findall(text)), 3), "we": min(len(_FIRST_PLURAL.findall(text)), 3),
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


def sentence_probabilities(pipeline: Any, texts: Sequence[str]) -> list[float]:
    """P(furniture) of each text (a line, one or several sentences)."""
    if not texts:
        return []
    from scipy import sparse
    from sklearn.pipeline import FeatureUnion

    rows = list(texts)
    steps = [step for _, step in getattr(pipeline, "steps", [])]
    union: Any = steps[0] if len(steps) == 2 else None
    parts = union.transformer_list if isinstance(union, FeatureUnion) and not union.transformer_weights else []
    if not parts or any(isinstance(t, str) for _, t in parts):
        return [float(p) for p in pipeline.predict_proba(rows)[:, 1]]
    # the union's own transform: each part in turn, side by side, without the parallel machinery it starts for a
    # page's few dozen lines (a third of the model's time); the same matrix, so the same probabilities
    matrix = sparse.hstack([t.transform(rows) for _, t in parts]).tocsr()
    return [float(p) for p in steps[1].predict_proba(matrix)[:, 1]]
