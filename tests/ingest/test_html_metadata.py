"""Metadata read from HTML is plain text: no markup, no script payload, no attribute remnants
(pages written for these tests)."""
from __future__ import annotations

import pytest

from storyline.ingest.html import extract_html, plain_text, safe_url

PAGE = """<!DOCTYPE html><html><head>
<title>Quay reopens</title>
<meta name="author" content="Lena Hovik&quot; onclick=&quot;steal()">
<meta property="og:title" content="Quay reopens after repairs&quot;&gt;&lt;script&gt;steal()&lt;/script&gt;">
<meta property="og:site_name" content="Bay Courier&lt;style&gt;*{color:red}&lt;/style&gt;">
</head><body><article><h1>Quay reopens after repairs</h1>
<p>The old quay in Sandvik reopened on Monday after eight months of repairs, the harbour office said.
Boats will be able to moor there again from next week, and the fish market will return in June.</p>
<p>Harbour master Lena Hovik said the work had cost less than planned.</p>
</article></body></html>"""


def test_page_metadata_has_no_payload() -> None:
    _, given = extract_html(PAGE)
    assert given["author"] == "Lena Hovik"
    assert given["title"] == "Quay reopens after repairs"
    assert given["outlet"] == "Bay Courier"
    for value in given.values():
        assert "steal" not in value and "<" not in value and "color" not in value


@pytest.mark.parametrize("value, text", [
    ("Lena Hovik", "Lena Hovik"),
    ("Harbour &amp; Bay Weekly", "Harbour & Bay Weekly"),
    ("O'Neill \"Nell\" Berg", "O'Neill \"Nell\" Berg"),
    ('Lena Hovik" onmouseover="steal()', "Lena Hovik"),
    ("Lena Hovik' data-x='1' onfocus=steal() '", "Lena Hovik"),
    ('Quay reopens"><script>steal()</script>', "Quay reopens"),
    ("<script>steal()</script>Quay reopens", "Quay reopens"),
    ("Quay reopens<script>steal()", "Quay reopens"),             # never closed: dropped to the end
    ("<style>*{x:expression(steal())}</style>Lena Hovik", "Lena Hovik"),
    ('"><svg onload=steal()> Lena Hovik', "Lena Hovik"),
    ('<a href="javascript:steal()">Bay Courier</a>', "Bay Courier"),
    ("Quay <!-- hidden --> reopens", "Quay reopens"),
])
def test_plain_text(value: str, text: str) -> None:
    assert plain_text(value) == text


def test_safe_url() -> None:
    assert safe_url("https://example.invalid/quay") == "https://example.invalid/quay"
    assert safe_url("javascript:steal()") == ""
    assert safe_url('https://example.invalid/a?x="><script>steal()</script>') == ""
