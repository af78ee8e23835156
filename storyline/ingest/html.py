"""HTML reader (.html, .htm): the article's main text via trafilatura, plus page metadata.

``raw`` is the extracted text (paragraphs and headings one per line), never markup:
scripts, styles and event handlers cannot reach it. When trafilatura finds no main
text (tiny or odd pages) the visible text of the page is used instead.
"""
from __future__ import annotations

import html as html_lib
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

import lxml.etree
import lxml.html

from storyline.config import Settings
from storyline.ingest.base import make_document, register_reader
from storyline.ingest.decode import declared_charset, decode_bytes
from storyline.model import Document, IngestError

LOGGER = logging.getLogger(__name__)

#: Elements whose content is never visible article text.
INVISIBLE_TAGS: frozenset[str] = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "applet",
    "svg", "math", "canvas", "head", "title", "meta", "link", "button", "select",
    "input", "textarea", "form", "frame", "frameset",
})
#: Elements that start a new line in the visible-text fallback.
BLOCK_TAGS: frozenset[str] = frozenset({
    "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "footer", "section", "article", "aside", "nav", "main",
    "blockquote", "pre", "table", "tr", "caption", "figure", "figcaption", "address",
})
#: trafilatura metadata attribute -> ``Document.given`` key.
METADATA_KEYS: tuple[tuple[str, str], ...] = (
    ("title", "title"), ("author", "author"), ("date", "published"),
    ("sitename", "outlet"), ("url", "url"),
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def read_html(data: bytes, source: str, settings: Settings) -> Iterator[Document | IngestError]:
    """Yield the one document an HTML page holds (or why it could not be read)."""
    html = decode_bytes(data, source, declared=declared_charset(data))
    if isinstance(html, IngestError):
        yield html
        return
    yield html_document(html, source)


def html_document(html: str, source: str,
                  given: Mapping[str, Any] | None = None) -> Document | IngestError:
    """A document from an HTML string; ``given`` (stated metadata) wins over page guesses."""
    text, guesses = extract_html(html)
    merged = {**guesses, **{k: v for k, v in (given or {}).items() if v not in (None, "")}}
    doc = make_document(text, source, merged)
    if isinstance(doc, IngestError):
        doc.detail = "the page has no visible text; check that it is the article page"
    return doc


def extract_html(html: str) -> tuple[str, dict[str, str]]:
    """(main text, metadata guesses) of an HTML page.

    Args:
        html: the decoded page.

    Returns:
        The text with one paragraph or heading per line, and guesses from the page's
        meta tags under the keys title, author, published, outlet, url.
    """
    # imported here: trafilatura costs about 0.2 CPU-s to import, in every run, and only HTML pages need it
    import trafilatura

    html = _XML_DECLARATION.sub("", html, count=1)
    result = None
    try:
        result = trafilatura.bare_extraction(
            html, include_comments=False, favor_precision=False, include_tables=True,
            with_metadata=True, deduplicate=False)
    except Exception:
        LOGGER.warning("trafilatura failed on a page; using its visible text", exc_info=True)
    text = (getattr(result, "text", None) or "") if result is not None else ""
    meta = result
    if not text.strip():
        text = visible_text(html)
        meta = _metadata_only(html)
    return text, _given_from(meta, html)


def visible_text(html: str) -> str:
    """The page's visible text, one block per line; scripts, styles and handlers dropped."""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    _walk(root, parts)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(el: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""  # comments/PIs have callable tags
    if tag and tag.lower() not in INVISIBLE_TAGS:
        block = tag.lower() in BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            _walk(child, parts)
        if block:
            parts.append("\n")
    if el.tail:
        parts.append(el.tail)


def _metadata_only(html: str) -> Any:
    from trafilatura.metadata import extract_metadata

    try:
        return extract_metadata(html)
    except Exception:
        LOGGER.debug("trafilatura metadata failed", exc_info=True)
        return None


def _given_from(meta: Any, html: str = "") -> dict[str, str]:
    """Page metadata as plain text; a meta tag whose value carries markup or an
    attribute breakout is read again from the tag itself (trafilatura glues the
    payload's words onto the name: "Jane Roewindow xss=1")."""
    given: dict[str, str] = {}
    if meta is None:
        return given
    hostile = _hostile_meta_values(html) if html else {}
    for attr, key in METADATA_KEYS:
        value = getattr(meta, attr, None)
        if not isinstance(value, str) or not value.strip():
            continue
        value = hostile.get(key, value)
        value = safe_url(value) if key == "url" else plain_text(value)
        if value:
            given[key] = value
    return given


#: Meta tags that state each metadata key (names and properties, lower case).
META_TAGS: dict[str, tuple[str, ...]] = {
    "author": ("author", "article:author", "og:article:author", "byl", "parsely-author",
               "sailthru.author", "dc.creator"),
    "title": ("og:title", "twitter:title", "dc.title", "title"),
    "outlet": ("og:site_name", "application-name", "publisher"),
}
#: Elements whose content is code or raw text: dropped with it, to the end when never closed.
_RAW_TEXT_ELEMENTS = re.compile(
    r"<(script|style|noscript|template|textarea|title|xmp|plaintext)\b[^>]*>.*?(?:</\1\s*>|\Z)",
    re.I | re.S)
#: Embedded objects: dropped with their content when closed (their tag alone otherwise).
_EMBED_ELEMENTS = re.compile(r"<(iframe|object|svg|math|canvas)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
#: What follows a quote that closed an attribute early: more attributes, or the tag's end.
_ATTRIBUTE_BREAKOUT = re.compile(
    r"[\"'`]\s*(?:/?>|(?:[\w:-]+\s*=\s*(?:\"[^\"]*\"?|'[^']*'?|[^\s\"'>]*)\s*)+/?>?)")
_TAG = re.compile(r"</?[A-Za-z!?/][^>]*(?:>|\Z)")
_SCHEME = re.compile(r"^\s*(?:https?|ftp)://", re.I)


def plain_text(value: str) -> str:
    """A metadata value as plain text: entities decoded, script/style elements dropped with
    their content, tags, comments and attribute remnants removed, spaces collapsed."""
    text = html_lib.unescape(value)
    text = _COMMENT.sub(" ", text)
    text = _RAW_TEXT_ELEMENTS.sub(" ", text)
    text = _EMBED_ELEMENTS.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _ATTRIBUTE_BREAKOUT.sub(" ", text)
    text = text.replace("<", " ").replace(">", " ")
    return " ".join(text.split()).strip(" \"'`")


def safe_url(value: str) -> str:
    """A URL only when it is a plain web address (no javascript:, no markup), else ""."""
    url = html_lib.unescape(value).strip()
    if not _SCHEME.match(url) or any(c in url for c in "<>\"'` \t\n"):
        return ""
    return url


def _hostile_meta_values(html: str) -> dict[str, str]:
    """Per key, the plain text of the first stating meta tag whose raw value is not plain text."""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return {}
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        label = (el.get("name") or el.get("property") or "").strip().lower()
        content = el.get("content")
        if not label or content is None:
            continue
        for key, labels in META_TAGS.items():
            if key not in found and label in labels and plain_text(content) != " ".join(content.split()):
                found[key] = plain_text(content)
    return found


for _ext in ("html", "htm", "xhtml"):
    register_reader(_ext, read_html)
