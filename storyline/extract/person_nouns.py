"""Whether a common noun names a person: a small trained check over the word's static vector and its ending.

The quote rules ask it of a head noun ("the docker", "the storm") before a "he" or "she" may stand for the
noun's phrase (``speaker_model.antecedent_phrase``, ``speaker_model.inner_antecedent``). Nearness to a handful
of prototype words ("person", "official", "object", …) called "storm", "tide", "rain", "shift" and "match"
persons and "driver", "deckhand" and "docker" not; here a logistic regression reads the word's whole static
MiniLM vector and its ending ("-er", "-ist", "-man", "-ness", "-tion", …), and for a compound the table has no
entry of its own for ("lifeguard", built from "life" and "##guard") a word model's log-odds for its last part,
trained by
``scripts/train_person_nouns.py`` from the team-written lists of ``training/person_nouns/`` (occupations, roles,
kin, nationalities and groups against weather, events, times, objects, places, bodies, documents, abstractions)
and shipped in ``storyline/models/person_nouns.npz``. Its held-out test is ``frozen/quotes/person_nouns_test.txt``
(``scripts/eval_person_nouns.py``).
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from storyline.extract.roles import WordVectors

LOGGER = logging.getLogger(__name__)

__all__ = ["FEATURES", "PersonNouns", "compound_head", "default_model_path", "is_person_noun", "load_person_nouns",
           "row", "word_row"]

#: the endings read beside the vector: agent and demonym endings against those of states, acts and things
SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "eer", "ier", "man", "woman", "men", "ess", "ese",
            "ite", "crat", "ster", "ar", "ard", "ic", "ive", "ment", "tion", "sion", "ness", "ity", "ing", "ure",
            "age", "ship", "ism", "ance", "ence", "hood", "al", "y", "ery", "ory", "um", "on", "ow", "rm", "de")
#: the model's named features (the vector's columns follow them); a file trained on others is not read. The word
#: model reads ``WORD_FEATURES``; the full model adds whether the word is a compound and the word model's log-odds
#: for the compound's last part ("guard" in "lifeguard"), so what the lists teach of "guard" or "keeper" carries to
#: compounds of them that no list holds
WORD_FEATURES = (*(f"suffix={s}" for s in SUFFIXES), "hyphen", "vector")
FEATURES = (*WORD_FEATURES, "compound", "head_logit")
#: the shortest parts a closed compound is split into ("life|guard", "goal|keeper"; not "neighb|our")
MIN_PART = 3


def default_model_path() -> Path:
    return Path(str(resources.files("storyline").joinpath("models", "person_nouns.npz")))


@functools.lru_cache(maxsize=1)
def _vectors() -> WordVectors:
    return WordVectors()


def compound_head(word: str) -> str | None:
    """The last part of a compound: after the last hyphen ("foot-soldier"), or, for a word the vector table has no
    entry of its own for, the longest tail whose both parts are whole words of its vocabulary ("lifeguard" ->
    "guard", "harbourmaster" -> "master"); None for a word that is not split so."""
    if "-" in word:
        tail = word.rsplit("-", 1)[1]
        return tail if len(tail) >= MIN_PART else None
    embedder = _vectors().embedder
    vocab = getattr(getattr(embedder, "tokenizer", None), "token_to_id", None)
    # a word with an entry of its own has its own vector; only one the table builds from pieces is split
    if vocab is None or vocab(word) is not None:
        return None
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        if vocab(word[:cut]) is not None and vocab(word[cut:]) is not None:
            return word[cut:]
    return None


def word_row(lemma: str, dim: int) -> np.ndarray:
    """The word model's features of a lower-cased lemma: its endings, whether it is hyphenated, and its static unit
    vector of ``dim`` numbers (zeros without the word table)."""
    word = lemma.lower()
    named = [float(word.endswith(s) and len(word) > len(s) + 1) for s in SUFFIXES] + [float("-" in word)]
    vec, _ = _vectors().of(word)
    if vec is None or len(vec) != dim:
        vec = np.zeros(dim, dtype=np.float32)
    return np.concatenate([np.asarray(named, dtype=np.float32), np.asarray(vec, dtype=np.float32)])


def row(lemma: str, dim: int, word_model: Any) -> np.ndarray:
    """The full model's features: ``word_row``, whether the lemma is a compound, and ``word_model``'s log-odds that
    its last part is a person noun (0 for a word that is no compound)."""
    head = compound_head(lemma.lower())
    logit = float(word_model.decision_function(word_row(head, dim)[None, :])[0]) if head else 0.0
    return np.concatenate([word_row(lemma, dim), np.asarray([float(head is not None), logit], dtype=np.float32)])


@dataclass
class PersonNouns:
    """The fitted check: a classifier over ``row`` (with ``word_classifier`` over ``word_row`` for compound heads)
    and the probability at which a noun is a person's."""
    classifier: Any
    word_classifier: Any
    dim: int
    threshold: float = 0.5
    info: dict = field(default_factory=dict)

    def probability(self, lemma: str) -> float:
        return float(self.classifier.predict_proba(row(lemma, self.dim, self.word_classifier)[None, :])[0, 1])


@functools.lru_cache(maxsize=4)
def load_person_nouns(path: str = "") -> PersonNouns:
    """The check at ``path`` (default: the one shipped in the package), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds the model.
    """
    from storyline.cache import read_shipped_model

    data = read_shipped_model(path, default_model_path, on_problem="raise", features=FEATURES,
                              missing="no person-noun model at {path}: run `make train`",
                              mismatch="person-noun model {path} has other features than this version: run "
                                       "`make train`")
    return PersonNouns(classifier=data["classifier"], word_classifier=data["word_classifier"], dim=int(data["dim"]),
                       threshold=float(data.get("threshold", 0.5)), info=data.get("info", {}))


@functools.lru_cache(maxsize=20_000)
def is_person_noun(lemma: str) -> bool:
    """Whether the common noun ``lemma`` names a person or people ("docker", "midwife", "villagers"), not a
    thing, an event, a place, a time, a body or an idea ("storm", "match", "harbour", "ministry")."""
    model = load_person_nouns()
    return model.probability(lemma) >= model.threshold
