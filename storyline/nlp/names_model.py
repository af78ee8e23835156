"""Named entities of Spanish text without a GPL model: capitalised candidates, typed by a small trained model.

spaCy's Spanish pipelines are GPL (an optional extra, ``nlp.ner_languages.spanish_names``). Without one,
Spanish documents still get their names: spaCy's rule tokenizer and sentencizer for Spanish (``blank("es")``,
MIT) cut the text; every run of capitalised words (joined through "de", "del", "la" ... when a
capitalised word follows: "Universidad de Salamanca") is a candidate; a logistic regression over its
words, its neighbours, its place in the sentence and the gazetteers (given names, country names in
Spanish) calls it PER, ORG, LOC or nothing (a capitalised sentence opener). The model is trained by
``scripts/train_names.py`` from ``training/languages/train/`` (``make train``), never from dev or frozen sets.
"""
from __future__ import annotations

import functools
import gettext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.data import load
from storyline.model import Document, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Candidate", "NameModel", "candidates", "country_names", "default_model_path", "features",
           "known_names", "load_name_model", "tokenize"]

#: lowercase words that may join capitalised ones inside a name ("Banco de España"); not "y" or "en", which
#: join two names far more often than they sit inside one ("Madrid y Tokio", "Ortega en Bruselas")
CONNECTORS = frozenset({"de", "del", "la", "las", "los", "el"})
NONE = "NONE"
_SAINTS = frozenset({"san", "santa", "santo", "don", "doña", "sor", "fray"})
_MODEL_FILE = "es_names.joblib"


@dataclass(frozen=True)
class Candidate:
    """A run of capitalised tokens: token indices ``[i, j)`` of its block's doc."""
    i: int
    j: int


def default_model_path() -> Path:
    return Path(__file__).resolve().parent.parent / "models" / _MODEL_FILE


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Language:
    import spacy

    nlp = spacy.blank("es")
    nlp.add_pipe("sentencizer")
    return nlp


def tokenize(texts: list[str]) -> list[Doc]:
    """Spanish tokens and sentences of ``texts`` (rules only, no model)."""
    return list(_tokenizer().pipe(texts))


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def candidates(sdoc: Doc) -> list[Candidate]:
    """Runs of capitalised tokens, joined through connectors when a capitalised token follows them."""
    out = []
    i, n = 0, len(sdoc)
    while i < n:
        if not _capitalised(sdoc[i].text):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _capitalised(sdoc[j].text) and not sdoc[j].is_sent_start:
                j += 1
                continue
            k = j
            while k < n and sdoc[k].lower_ in CONNECTORS and not sdoc[k].is_sent_start:
                k += 1
            if k > j and k < n and _capitalised(sdoc[k].text) and not sdoc[k].is_sent_start:
                j = k + 1
                continue
            break
        # two names side by side ("del Club América Diego Rangel"): a given name after a capitalised word
        # that is not one opens a new run (not after San, Santa: "San Pedro" is a place)
        given = _given_names()
        for k in range(i + 1, j):
            before = sdoc[k - 1].lower_
            if sdoc[k].lower_ in given and _capitalised(sdoc[k - 1].text) and before not in given and \
                    before not in _SAINTS and k + 1 < j and _capitalised(sdoc[k + 1].text):
                j = k
                break
        start = i
        # a sentence's opening function word is no part of a name ("El Gobierno", "Según Beltrán")
        while start < j and sdoc[start].is_sent_start is not False and sdoc[start].is_stop and (
                start == i and sdoc[start].is_sent_start):
            start += 1
        if start < j:
            out.append(Candidate(start, j))
        i = j
    return out


@functools.lru_cache(maxsize=4)
def country_names(lang: str) -> dict[str, str]:
    """Lower-cased country names in ``lang`` (pycountry's ISO 3166-1 translations) and in English -> ISO alpha-3."""
    import pycountry

    try:
        catalogue: gettext.NullTranslations = gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                                                                  languages=[lang])
    except OSError:
        catalogue = gettext.NullTranslations()
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            english = getattr(c, attr, None)
            if english:
                for form in (english, catalogue.gettext(english)):
                    out.setdefault(form.lower(), c.alpha_3)
    return out


@functools.lru_cache(maxsize=4)
def known_names(lang: str) -> dict[str, str]:
    """Lower-cased names of known actors in ``lang`` (``data/kb/languages.yaml``) -> the kind of their
    kb_id (``org``, ``gpe``, ``per``)."""
    out: dict[str, str] = {}
    for kb_id, forms in (load("kb/languages")["names"].get(lang) or {}).items():
        for form in forms:
            out[form.lower()] = kb_id.split(":", 1)[0]
    return out


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    data = load("given_names")
    return frozenset(n.lower() for key in ("female", "male") for n in data.get(key) or [])


def features(sdoc: Doc, cand: Candidate, lang: str = "es") -> dict[str, float]:
    """What the name model reads of one candidate: its words, neighbours, position and gazetteer hits."""
    toks = sdoc[cand.i:cand.j]
    words = [t.lower_ for t in toks]
    f: dict[str, float] = {"bias": 1.0, f"n={min(len(words), 4)}": 1.0,
                           f"first={words[0]}": 1.0, f"last={words[-1]}": 1.0,
                           f"suf={words[-1][-3:]}": 1.0, f"pre={words[0][:3]}": 1.0}
    for w in words:
        f[f"w={w}"] = 1.0
    opens = toks[0].is_sent_start
    if opens:
        f["opens"] = 1.0
        if len(words) == 1:
            f["opens_alone"] = 1.0
    if toks.text.isupper() and len(toks.text) > 1:
        f["caps"] = 1.0
    if any(w in CONNECTORS for w in words):
        f["connector"] = 1.0
    for k in (1, 2):
        prev = sdoc[cand.i - k].lower_ if cand.i - k >= 0 and not sdoc[cand.i - k + 1].is_sent_start else "<s>"
        f[f"prev{k}={prev}"] = 1.0
    nxt = sdoc[cand.j].lower_ if cand.j < len(sdoc) else "</s>"
    f[f"next={nxt}"] = 1.0
    if cand.j < len(sdoc) and sdoc[cand.j].text == ",":
        f["comma_after"] = 1.0
    if cand.i > 0 and sdoc[cand.i - 1].text == ",":
        f["comma_before"] = 1.0
    given = _given_names()
    if words[0] in given:
        f["given_first"] = 1.0
    if sum(w in given for w in words) >= 1 and len(words) >= 2:
        f["given_in_name"] = 1.0
    countries = country_names(lang)
    if toks.text.lower() in countries:
        f["country"] = 1.0
    elif any(w in countries for w in words):
        f["has_country"] = 1.0
    known = known_names(lang).get(toks.text.lower())
    if known:
        f[f"known={known}"] = 1.0
    if len(words) == 1 and any(t.lower_ == words[0] and not _capitalised(t.text) for t in sdoc):
        f["lower_elsewhere"] = 1.0
    if len(words) == 1 and any(
            t.lower_ == words[0] and (t.i < cand.i or t.i >= cand.j) and _capitalised(t.text) and (
                t.i > 0 and _capitalised(sdoc[t.i - 1].text) and not sdoc[t.i].is_sent_start)
            for t in sdoc):
        f["last_word_of_a_longer_name"] = 1.0  # "Beltrán" after "Ignacio Beltrán": a surname
    return f


class NameModel:
    """A vectoriser and a classifier over ``features``: PER, ORG, LOC or NONE per candidate."""

    def __init__(self, vectorizer: Any, classifier: Any) -> None:
        self.vectorizer = vectorizer
        self.classifier = classifier

    def predict(self, rows: list[dict[str, float]]) -> list[str]:
        if not rows:
            return []
        return [str(label) for label in self.classifier.predict(self.vectorizer.transform(rows))]


@functools.lru_cache(maxsize=2)
def load_name_model(path: str = "") -> NameModel:
    """The trained name model at ``path`` (empty: the one shipped in the package)."""
    import joblib

    target = Path(path) if path else default_model_path()
    if not target.is_file():
        raise FileNotFoundError(f"no Spanish name model at {target}: run `make train`")
    data = joblib.load(target)
    return NameModel(data["vectorizer"], data["classifier"])


def sentences_of(doc: Document, offset: int, sdoc: Doc) -> list[Sentence]:
    out = []
    for sent in sdoc.sents:
        text = sent.text_with_ws
        stripped = text.strip()
        if stripped:
            start = offset + sent.start_char + len(text) - len(text.lstrip())
            out.append(Sentence(doc.id, start, start + len(stripped), stripped))
    return out

