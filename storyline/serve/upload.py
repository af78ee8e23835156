"""Uploads for POST /api/documents: the accepted shape and a body reader that stops at a size cap."""
from __future__ import annotations

import logging

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field

from storyline.errors import TooLarge

LOGGER = logging.getLogger(__name__)

#: one article's text may not be longer than this (the pipeline's own huge-file cap is 20 MB)
MAX_TEXT_CHARS = 1_000_000
#: articles per request
MAX_ARTICLES = 1000


class ArticleIn(BaseModel):
    """One article to add; metadata fields are optional and win over guesses from the text."""
    model_config = ConfigDict(extra="forbid")
    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None


class UploadIn(BaseModel):
    """The body of POST /api/documents."""
    model_config = ConfigDict(extra="forbid")
    documents: list[ArticleIn] = Field(..., min_length=1, max_length=MAX_ARTICLES)


async def read_limited(request: Request, limit: int) -> bytes:
    """The request body, refused (``TooLarge``, 413) as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"upload larger than {limit} bytes; send fewer articles per request")
    chunks, size = [], 0
    async for chunk in request.stream():  # a lying or absent Content-Length is caught here
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"upload larger than {limit} bytes; send fewer articles per request")
        chunks.append(chunk)
    return b"".join(chunks)
