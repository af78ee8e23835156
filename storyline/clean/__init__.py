"""Cleaning: body text out of plain text that still carries web boilerplate.

``clean_document(doc, settings, stats)`` keeps the body's paragraphs, headings
and list items (as raw offsets), records every removal with its reason, repairs
homoglyphs and reads the metadata (title, author, outlet, date, language).
``LineStats.from_documents(docs)`` gives it corpus-wide line repetition.
"""
from storyline.clean.document import clean_document
from storyline.clean.lines import LineStats

__all__ = ["LineStats", "clean_document"]
