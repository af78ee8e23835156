"""A hostile corpus for the renderers: every string a reader sees carries script or style injection.

Articles come from the team-written files in tests/fixtures/hostile/ (used as raw text, as if
cleaning had kept everything), plus hand-written payloads in every other field. Convention of
those fixtures: an active payload sets ``window.__xss``.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from storyline.model import (
    Block,
    Corpus,
    Disagreement,
    Document,
    Entity,
    Event,
    LoadedTerm,
    NearDuplicate,
    OutletProfile,
    Quantity,
    Quote,
    Relation,
    Removal,
    Side,
    Span,
    Story,
    StoryEvent,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"

PAYLOADS = [
    "<script>window.__xss=1</script>",
    "\"><img src=x onerror=window.__xss=1>",
    "'><svg onload=window.__xss=1>",
    "javascript:window.__xss=1",
    "</style><style>body{background:url(javascript:window.__xss=1)}</style>",
    "</textarea></title><script>window.__xss=1</script>",
    "<a href=\"JaVaScRiPt:window.__xss=1\">x</a>",
    "{{ 7*7 }} {% raw %} ${window.__xss=1} <!-- ]]>",
]
BAD = " ".join(PAYLOADS)

#: executable places: attributes that take URLs, and event handler attributes
URL_ATTRS = {"href", "src", "action", "formaction", "data", "content", "xlink:href", "background", "poster"}


def _paragraph_blocks(raw: str) -> list[Block]:
    return [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", raw)]


def _span(doc: Document, text: str) -> Span:
    start = doc.raw.index(text)
    return Span(doc.id, start, start + len(text), text)


def _fixture_docs() -> list[Document]:
    docs = []
    if not FIXTURES.is_dir():
        return docs
    for i, path in enumerate(sorted(FIXTURES.glob("*"))):
        if path.suffix in (".html", ".txt"):
            raw = path.read_text(encoding="utf-8")
            docs.append(Document(id=f"f{i:03d}", source=str(path.name) + BAD, raw=raw, title=path.stem + BAD,
                                 url="javascript:window.__xss=1", outlet="Fixture Post" + PAYLOADS[1],
                                 author=PAYLOADS[2], published="2024-06-0" + str(1 + i % 9), language="en",
                                 genre="reporting", text=raw, blocks=_paragraph_blocks(raw)))
        elif path.suffix == ".jsonl":
            for j, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
                if not line.strip():
                    continue
                rec = json.loads(line)
                raw = rec["text"]
                docs.append(Document(id=f"f{i:03d}r{j}", source=f"{path.name}#{j}", raw=raw,
                                     url=rec.get("url"), title=rec.get("title"), outlet=rec.get("outlet"),
                                     author=rec.get("author"), published=rec.get("published"),
                                     language="en", genre="reporting", text=raw, blocks=_paragraph_blocks(raw)))
    return docs


def hostile_corpus() -> Corpus:
    """Hostile text in titles, metadata, bodies, names, summaries, quotes, topics and outlet names."""
    raw = (f"Menu | Share {PAYLOADS[0]}\n\n"
           f"Headline {PAYLOADS[5]}\n\n"
           f"Mayor Ilse Varnhagen {PAYLOADS[1]} accused the river board of delay on Monday.\n"
           f"\"We waited far too long {PAYLOADS[4]},\" Varnhagen said.\n\n"
           f"The board rejected the claim {PAYLOADS[6]} in a statement. {PAYLOADS[7]}")
    doc = Document(id="h0000000000000001", source=f"hostile{PAYLOADS[1]}.txt", raw=raw,
                   url="  javascript:window.__xss=1", title=f"Flood row {PAYLOADS[0]}",
                   outlet=f"Harbour Mail {PAYLOADS[3]}", author=PAYLOADS[2], published="2024-06-10",
                   published_precision="day", language="en", genre=f"opinion{PAYLOADS[1]}")
    menu_end = raw.index("\n\n")
    doc.removed = [Removal(0, menu_end, raw[:menu_end], f"share prompt {PAYLOADS[1]}")]
    doc.blocks = [b for b in _paragraph_blocks(raw) if b.start > menu_end]
    doc.text = "\n\n".join(raw[b.start:b.end] for b in doc.blocks)
    loaded = raw.index("far too long")
    doc.loaded_language = [LoadedTerm(loaded, loaded + 12, "far too long", f"intensifier{PAYLOADS[1]}")]
    doc2_raw = f"The river board said the mayor {PAYLOADS[0]} was wrong about the delay.\n"
    doc2 = Document(id="h0000000000000002", source="board.txt", raw=doc2_raw, title=None,
                    url="https://example.invalid/board?a=\"><script>window.__xss=1</script>",
                    outlet=f"<b>Board News</b>{PAYLOADS[4]}", published="2024-06", language="en",
                    text=doc2_raw.strip(), blocks=_paragraph_blocks(doc2_raw),
                    near_duplicates=[NearDuplicate(doc.id, 0.61)])
    mayor = Entity(id="e\"1<x>", name=f"Ilse Varnhagen {PAYLOADS[1]}", type="PERSON", role=PAYLOADS[3],
                   aliases=[PAYLOADS[0], "Varnhagen"],
                   mentions=[_span(doc, "Ilse Varnhagen"), _span(doc, "Varnhagen said")])
    mayor.mentions[1] = Span(doc.id, mayor.mentions[1].start, mayor.mentions[1].start + 9, "Varnhagen")
    board = Entity(id="e2", name=f"River Board {PAYLOADS[6]}", type="ORG" + PAYLOADS[1],
                   mentions=[_span(doc, "river board"), _span(doc2, "river board")])
    accuse = Event(id=f"{doc.id}/v1{PAYLOADS[1]}", type="ACCUSE", source=mayor.id, target=board.id,
                   date="2024-06-10", summary=f"Mayor accused board {PAYLOADS[0]}",
                   quantities=[Quantity(PAYLOADS[2], None, None)],
                   evidence=[_span(doc, f"Mayor Ilse Varnhagen {PAYLOADS[1]} accused the river board "
                                        "of delay on Monday.")],
                   doc=doc.id, story_event="se1")
    reject = Event(id=f"{doc2.id}/v1", type="REJECT", source=board.id, target=mayor.id, date="2024-06",
                   modality="reported", attributed_to=board.id, summary=PAYLOADS[4],
                   evidence=[_span(doc2, doc2_raw.strip())], doc=doc2.id, story_event="se1")
    qstart = raw.index("We waited")
    qtext = f"We waited far too long {PAYLOADS[4]},"
    quote = Quote(id=f"{doc.id}/q1", doc=doc.id, speaker=mayor.id, text=qtext, start=qstart, end=qstart + len(qtext))
    dis = Disagreement(id="d1", topic=f"who caused the delay {PAYLOADS[0]}", sides=[
        Side(doc.id, f"blames board{PAYLOADS[1]}", accuse.evidence[0]),
        Side(doc2.id, "denies", reject.evidence[0])])
    return Corpus(
        documents=[doc, doc2, *_fixture_docs()],
        entities=[mayor, board], events=[accuse, reject], quotes=[quote], disagreements=[dis],
        stories=[Story(id="s1", title=f"Flood row {PAYLOADS[5]}", date="2024-06", docs=[doc.id, doc2.id])],
        story_events=[StoryEvent(id="se1", type="ACCUSE", date="2024-06-10", source=mayor.id, target=board.id,
                                 summary=f"accusation {PAYLOADS[0]}", events=[accuse.id], docs=[doc.id])],
        relations=[Relation(mayor.id, board.id, "2024-06", 2, 0.0, 1.0)],
        outlets=[OutletProfile(name=doc.outlet or "", docs=[doc.id], genre_mix={PAYLOADS[0]: 1},
                               loaded_language_per_1k_words=3.5, loaded_terms=[PAYLOADS[1]], named_sources=1),
                 OutletProfile(name=doc2.outlet or "", docs=[doc2.id])])


class ActiveContent(HTMLParser):
    """Collects everything in a page that could run: scripts, handlers, script URLs, CSS tricks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("script", "style"):
            self._in = tag
            if tag == "script":
                self.scripts.append("")
        if tag in ("iframe", "object", "embed", "base", "link", "img", "frame", "applet"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            v = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on"):
                self.problems.append(f"handler {name}= on <{tag}>")
            if name in URL_ATTRS and v.startswith(("javascript:", "vbscript:", "data:text/html")):
                self.problems.append(f"script URL in {name}= on <{tag}>")
            if name == "style" and ("expression(" in v or "javascript:" in v or "__xss" in v
                                    or "url(" in v or "@import" in v):
                self.problems.append(f"style attribute on <{tag}>: {value}")
            if tag == "meta" and name == "http-equiv" and v == "refresh":
                self.problems.append("meta refresh")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            low = data.lower()
            if "expression(" in low or "javascript:" in low or "__xss" in low or "@import" in low:
                self.problems.append("dangerous <style> content")


def active_content(html: str) -> ActiveContent:
    parser = ActiveContent()
    parser.feed(html)
    parser.close()
    return parser
