"""HTML reader: main text, metadata guesses, fallback, hostile markup."""
from __future__ import annotations

from storyline.config import Settings
from storyline.ingest.html import extract_html, read_html, visible_text
from storyline.model import Document, IngestError

ARTICLE = """<!DOCTYPE html><html><head>
<meta charset="utf-8"><title>Harbour deal signed | Coastal Times</title>
<meta name="author" content="Mira Example">
<meta property="og:site_name" content="Coastal Times">
<meta property="article:published_time" content="2021-03-09T08:00:00Z">
<link rel="canonical" href="https://coastal.example/harbour-deal">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Harbour deal signed</h1>
<p>The two port authorities signed a twenty-year agreement on Tuesday, officials in both cities said.</p>
<h2>What changes</h2>
<p>Ships will be able to dock at either harbour without paying a second fee, the agreement says.</p>
</article><footer>© Coastal Times</footer></body></html>"""

HOSTILE = """<html><head><script>alert('HEADSCRIPT')</script><style>.x{color:red}</style></head>
<body onload="alert('ONLOAD')"><p>The council approved the budget after a long debate on Thursday evening.</p>
<img src="x.png" onerror="alert('ONERROR')">
<script>document.write('BODYSCRIPT')</script>
<svg><script>alert('SVGSCRIPT')</script></svg>
<a href="javascript:alert('HREFJS')">read more</a>
<iframe srcdoc="<script>alert('IFRAME')</script>"></iframe>
<object data="evil.swf"><param name="movie" value="OBJECTPARAM"></object></body></html>"""
HOSTILE_MARKERS = ("alert", "SCRIPT", "ONLOAD", "ONERROR", "HREFJS", "IFRAME", "OBJECTPARAM", "color:red", "<")


def test_main_text_keeps_headings_and_drops_navigation() -> None:
    text, given = extract_html(ARTICLE)
    lines = text.split("\n")
    assert "Harbour deal signed" in lines and "What changes" in lines
    assert any(line.startswith("The two port authorities") for line in lines)
    assert "Home" not in text and "©" not in text
    assert given["author"] == "Mira Example"
    assert given["outlet"] == "Coastal Times"
    assert given["published"].startswith("2021-03-09")
    assert given["url"] == "https://coastal.example/harbour-deal"
    assert "Harbour deal signed" in given["title"]


def test_read_html_makes_one_document_with_given_metadata() -> None:
    docs = list(read_html(ARTICLE.encode("utf-8"), "a.html", Settings()))
    assert len(docs) == 1 and isinstance(docs[0], Document)
    assert docs[0].source == "a.html" and docs[0].given["outlet"] == "Coastal Times"
    assert "<p>" not in docs[0].raw


def test_hostile_html_never_reaches_raw() -> None:
    for text in (extract_html(HOSTILE)[0], visible_text(HOSTILE)):
        assert "The council approved the budget" in text
        for marker in HOSTILE_MARKERS:
            assert marker not in text, marker


def test_fallback_to_visible_text_when_extraction_finds_nothing() -> None:
    html = "<html><body><div>Polls close at eight.</div><div>Results follow.</div></body></html>"
    text, _ = extract_html(html)
    assert text.split("\n") == ["Polls close at eight.", "Results follow."]


def test_page_with_only_scripts_is_empty() -> None:
    html = b"<html><body><script>var a = 'only code';</script></body></html>"
    (result,) = read_html(html, "s.html", Settings())
    assert isinstance(result, IngestError) and result.reason == "empty"


def test_declared_legacy_charset_is_used() -> None:
    body = "<html><head><meta charset='windows-1251'></head><body><p>Министр заявил в среду, " \
           "что переговоры продолжатся на следующей неделе в столице.</p></body></html>"
    (doc,) = read_html(body.encode("cp1251"), "ru.html", Settings())
    assert isinstance(doc, Document) and "Министр заявил" in doc.raw
