from __future__ import annotations

import io

from storyline.config import Settings
from storyline.ingest import read_paths


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buf.getvalue()


PAGE = (b"<html><head><title>Harbour reopens</title><script>alert(1)</script></head><body>"
        b"<article><h1>Harbour reopens</h1><p>The port authority of Lakeport reopened the northern "
        b"harbour on Friday after three weeks of dredging, officials said.</p><p>Fishing crews "
        b"returned to the quays within hours.</p></article></body></html>")


def test_warc_responses_become_documents(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc([("https://example.org/a", "text/html; charset=utf-8", PAGE),
                            ("https://example.org/b", "text/plain", b"   ")]))
    out = list(read_paths([path], Settings()))
    docs = [o for o in out if hasattr(o, "raw")]
    errs = [o for o in out if not hasattr(o, "raw")]
    assert len(docs) == 1 and docs[0].source.endswith("#1")
    assert "reopened the northern harbour" in docs[0].raw and "alert" not in docs[0].raw
    assert docs[0].given["url"] == "https://example.org/a"
    assert [e.reason for e in errs] == ["empty"]


def test_truncated_warc_is_reported(tmp_path):
    data = _warc([("https://example.org/a", "text/html", PAGE)])
    path = tmp_path / "cut.warc"
    import gzip
    path.write_bytes(gzip.decompress(data)[:120])
    out = list(read_paths([path], Settings()))
    assert out and all(not hasattr(o, "raw") for o in out)
