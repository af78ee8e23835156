"""JSON / JSON Lines reader: records, given metadata, per-record errors."""
from __future__ import annotations

import json

from storyline.config import Settings
from storyline.ingest.decode import content_id
from storyline.ingest.jsonl import read_json, record_document
from storyline.model import Document, IngestError

REC = {"id": "r1", "url": "https://news.example/a", "title": "Bridge reopens",
       "outlet": "News Example", "author": "Sam Writer", "date": "2020-11-02",
       "text": "The bridge reopened on Monday after two years of repairs.\r\nTraffic was light."}


def _read(data: str, name: str = "f.jsonl") -> list[Document | IngestError]:
    return list(read_json(data.encode("utf-8"), name, Settings()))


def test_jsonl_records_with_given_metadata() -> None:
    second = {"text": "A second short article about the river ferry schedule."}
    docs = _read(json.dumps(REC) + "\n\n" + json.dumps(second) + "\n")
    assert [d.source for d in docs] == ["f.jsonl#1", "f.jsonl#2"]
    first = docs[0]
    assert isinstance(first, Document)
    assert first.given == {"title": "Bridge reopens", "outlet": "News Example",
                           "author": "Sam Writer", "published": "2020-11-02",
                           "url": "https://news.example/a", "record_id": "r1"}
    assert first.raw == "The bridge reopened on Monday after two years of repairs.\nTraffic was light."
    assert first.id == content_id(first.raw)
    assert docs[1].given == {}


def test_json_list_and_single_object() -> None:
    listed = _read(json.dumps([REC, REC | {"text": "Another text entirely, about rain."}]), "f.json")
    assert [d.source for d in listed] == ["f.json#1", "f.json#2"]
    single = _read(json.dumps(REC), "one.json")
    assert len(single) == 1 and single[0].source == "one.json#1"


def test_bad_records_do_not_stop_the_file() -> None:
    lines = [json.dumps(REC), "{not json", json.dumps({"title": "no text"}),
             json.dumps(["a", "list"]), json.dumps({"text": "   "}),
             json.dumps({"text": "The last record is fine and should be read."})]
    out = _read("\n".join(lines))
    kinds = [d.reason if isinstance(d, IngestError) else "ok" for d in out]
    assert kinds == ["ok", "invalid_json", "invalid_record", "invalid_record", "empty", "ok"]
    assert out[1].source == "f.jsonl#2"


def test_invalid_json_file() -> None:
    (err,) = _read('{\n  "text": "unterminated\n', "broken.json")
    assert isinstance(err, IngestError)
    assert (err.reason, err.source) == ("invalid_json", "broken.json")


def test_html_record_given_wins_over_page_guesses() -> None:
    html = ("<html><head><title>Page title</title><meta name='author' content='Page Author'>"
            "</head><body><article><p>Flood waters receded overnight, and residents began "
            "returning to their homes on Sunday morning.</p></article></body></html>")
    doc = record_document({"html": html, "author": "Record Author"}, "x.jsonl#1")
    assert isinstance(doc, Document)
    assert doc.given["author"] == "Record Author"
    assert "Flood waters receded" in doc.raw and "<p>" not in doc.raw


def test_author_list_is_joined() -> None:
    doc = record_document({"text": "Short text here.", "author": ["A One", "B Two"]}, "s#1")
    assert isinstance(doc, Document) and doc.given["author"] == "A One, B Two"


def test_given_metadata_is_plain_text(tmp_path):
    import json as _json

    from storyline.config import Settings
    from storyline.ingest import read_paths

    rec = {"text": "The harbour reopened on Friday after dredging.",
           "outlet": "<img src=x onerror=alert(1)>River Gazette", "url": "javascript:alert(1)",
           "title": "Harbour <script>steal()</script>reopens"}
    path = tmp_path / "a.jsonl"
    path.write_text(_json.dumps(rec) + "\n", encoding="utf-8")
    (doc,) = list(read_paths([path], Settings()))
    assert doc.given["outlet"] == "River Gazette"
    assert "url" not in doc.given
    assert doc.given["title"] == "Harbour reopens"
