"""Uploads: the accepted body shape, and a body reader that stops at the size cap."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pydantic import ValidationError
from starlette.requests import Request

from storyline.errors import InputError, TooLarge
from storyline.serve.upload import MAX_ARTICLES, UploadIn, read_limited


def _run(coro):
    """Run a coroutine on its own loop in another thread: a browser test may leave this thread's loop running."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def request_of(chunks: list[bytes], content_length: int | None = None) -> tuple[Request, list[int]]:
    """A request whose body arrives in ``chunks``; the list returned counts the chunks read."""
    headers = [] if content_length is None else [(b"content-length", str(content_length).encode())]
    pending = list(chunks)
    read: list[int] = []

    async def receive() -> dict[str, Any]:
        body = pending.pop(0) if pending else b""
        read.append(len(body))
        return {"type": "http.request", "body": body, "more_body": bool(pending)}

    scope = {"type": "http", "method": "POST", "path": "/api/documents", "headers": headers, "query_string": b""}
    return Request(scope, receive), read


def test_a_body_under_the_cap_is_read_whole() -> None:
    body = b'{"documents": [{"text": "The ferry timetable changes on Monday."}]}'
    request, _ = request_of([body[:20], body[20:]], content_length=len(body))
    assert _run(read_limited(request, len(body))) == body


def test_a_declared_length_over_the_cap_is_refused_before_reading() -> None:
    request, read = request_of([b"x" * 10], content_length=5000)
    with pytest.raises(TooLarge, match="upload larger than 100 bytes; send fewer articles"):
        _run(read_limited(request, 100))
    assert read == []


def test_a_body_without_a_length_stops_at_the_first_chunk_over_the_cap() -> None:
    request, read = request_of([b"a" * 60, b"b" * 60, b"c" * 60])
    with pytest.raises(TooLarge) as err:
        _run(read_limited(request, 100))
    assert read == [60, 60] and err.value.status == 413
    assert isinstance(err.value, InputError)


def test_upload_shape_takes_metadata_and_refuses_unknown_keys() -> None:
    upload = UploadIn.model_validate_json(
        '{"documents": [{"text": "Council approves the budget.", "outlet": "Riverside Post", '
        '"published": "2025-02-11"}]}')
    assert upload.documents[0].outlet == "Riverside Post" and upload.documents[0].title is None
    for bad in ('{"documents": []}', '{"documents": [{"text": ""}]}', '{"documents": [{"text": "a", "lang": "en"}]}',
                '{"articles": [{"text": "a"}]}'):
        with pytest.raises(ValidationError):
            UploadIn.model_validate_json(bad)
    too_many = {"documents": [{"text": "a"}] * (MAX_ARTICLES + 1)}
    with pytest.raises(ValidationError):
        UploadIn.model_validate(too_many)
