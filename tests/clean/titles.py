"""Shared helpers for the title tests: a page's title under a title mode, and one line's title-model features."""
from __future__ import annotations

from storyline.clean import clean_document
from storyline.clean.document import title_lines
from storyline.clean.lexicon import load_lexicon
from storyline.clean.title_model import CASELESS_PREFIX, features
from storyline.config import Settings
from storyline.model import Document


def page_title(raw: str, mode: str = "trained") -> str | None:
    """The title the cleaner gives ``raw`` with the rules' line judgement (so only the title judgement varies)."""
    doc = Document(id="t", source="t.txt", raw=raw)
    return clean_document(doc, Settings(clean_lines="rules", clean_titles=mode)).title


def line_features(raw: str, text: str) -> dict[str, object]:
    """The title model's features of the line of ``raw`` whose text is ``text`` (a line of a script without case
    under their plain names: the model reads them apart, under ``CASELESS_PREFIX``)."""
    view = title_lines(Document(id="t", source="t.txt", raw=raw))
    i = next(k for k, ln in enumerate(view) if ln.text == text)
    return {key.removeprefix(CASELESS_PREFIX): value for key, value in features(view, i, load_lexicon()).items()}
