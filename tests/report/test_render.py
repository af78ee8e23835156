"""The static report: content, evidence links, and escaping of hostile input (no browser needed)."""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import jinja2

from storyline.report import render
from storyline.report.render import article_body, render_report, report_context, safe_url, write_report
from tests.conftest import make_corpus
from tests.report.hostile import BAD, PAYLOADS, active_content, hostile_corpus


def test_report_shows_every_section_and_links_events_to_their_sentence() -> None:
    html = render_report(make_corpus())
    for section in ("summary", "timeline", "network", "actors", "stories", "disagreements", "quotes",
                    "outlets", "articles"):
        assert f'id="{section}"' in html
    # the event's evidence link points at an anchor that exists inside the article text
    hrefs = re.findall(r'class="evidence small" href="#([^"]+)"', html)
    assert hrefs, "timeline has no evidence link"
    for target in hrefs:
        assert f'<span class="anchor" id="{target}"></span>' in html
    assert "Sylvania rejected the offer, " in html


def test_removed_boilerplate_is_present_but_hidden_until_asked() -> None:
    html = render_report(make_corpus())
    assert re.search(r'<p class="rm" title="removed: share prompt">Share this!', html)
    assert 'id="show-removed"' in html
    assert "body:has(#show-removed:checked) .rm{display:block}" in html


def test_report_is_self_contained() -> None:
    html = render_report(make_corpus())
    assert not re.search(r'(src|href)="(https?:)?//', html), "the report must not load anything remote"
    assert "<link" not in html


def test_only_the_reports_own_script_is_allowed_by_csp() -> None:
    html = render_report(make_corpus())
    found = active_content(html)
    assert len(found.scripts) == 1
    digest = base64.b64encode(hashlib.sha256(found.scripts[0].encode()).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1]


def test_hostile_corpus_renders_with_nothing_executable() -> None:
    html = render_report(hostile_corpus())
    found = active_content(html)
    assert found.problems == []
    assert len(found.scripts) == 1 and "__xss" not in found.scripts[0]
    # the payloads are still there, as text a reader can see
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "onerror=window.__xss=1" in html  # escaped inside text, not an attribute
    assert found.tags.count("form") == 1 and found.tags.count("svg") == 2


def test_urls_are_linked_only_when_plain_http() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " javascript:x", "JaVaScRiPt:x", "data:text/html,x", "//evil.example",
                "vbscript:x", "https://ok.example/\"onmouseover=x", None, ""):
        assert safe_url(bad) is None
    html = render_report(hostile_corpus())
    assert 'rel="noopener noreferrer nofollow">original</a>' not in html.split("h0000000000000002")[0]


def test_context_builds_charts_matrix_and_highlights() -> None:
    ctx = report_context(hostile_corpus())
    assert len(ctx["timeline_chart"]["dots"]) == 2
    assert {e["balance"] for e in ctx["network"]["edges"]} == {"conflict"}
    story = ctx["stories"][0]
    kinds = [r["kind"] for r in story["rows"]]
    assert kinds == ["event", "disputed"]
    assert sum(1 for c in story["rows"][1]["cells"] if c) == 2  # both outlets take a side
    doc = ctx["documents"][0]
    blocks = [c for c in doc["chunks"] if c["kind"] == "block"]
    runs = [r for c in blocks for p in c["pieces"] for r in p["runs"]]
    assert any("ll" in r["classes"].split() for r in runs)  # loaded language
    assert any("m" in r["classes"].split() for r in runs)   # mentions
    assert doc["chunks"][0]["kind"] == "removed"
    # the article text survives highlighting character for character
    for c in blocks:
        assert "".join(r["text"] for p in c["pieces"] for r in p["runs"]) in hostile_corpus().documents[0].raw


def test_write_report_replaces_the_file_whole(tmp_path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old")
    write_report(make_corpus(), out)
    assert out.read_text().startswith("<!doctype html>")
    assert not list(tmp_path.glob("*.tmp"))


def test_payload_list_is_not_empty() -> None:
    assert all("__xss" in p or "{{" in p for p in PAYLOADS)


#: the article body as the template macro wrote it before ``article_body`` replaced it
_REFERENCE_BODY = """\
{% macro runs(list) %}{% for r in list %}{% if r.classes %}<span class="{{ r.classes }}" title="{{ r.title }}"\
{% if r.entity %} data-entity="{{ r.entity }}"{% endif %}>{{ r.text }}</span>{% else %}{{ r.text }}{% endif %}\
{% endfor %}{% endmacro %}
{% for c in chunks %}
{% if c.kind == "removed" %}
<p class="rm" title="removed: {{ c.reason }}">{{ c.text }} <span class="muted small">[{{ c.reason }}]</span></p>
{% else %}
<p class="b-{{ c.block }}">{% for p in c.pieces %}{% if p.anchors is defined %}<span class="hl {{ p.classes }}" \
title="{{ p.title }}">{% for a in p.anchors %}<span class="anchor" id="{{ a }}"></span>{% endfor %}{{ runs(p.runs) }}\
</span>{% else %}{{ runs(p.runs) }}{% endif %}{% endfor %}</p>
{% endif %}
{% endfor %}
"""


def test_article_body_equals_the_template_it_replaced() -> None:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    reference = env.from_string(_REFERENCE_BODY)
    hostile = [{"kind": "removed", "text": PAYLOADS[0], "reason": PAYLOADS[1]},
               {"kind": "block", "block": PAYLOADS[2], "pieces": [
                   {"anchors": [PAYLOADS[3]], "classes": PAYLOADS[4], "title": PAYLOADS[5], "runs": [
                       {"text": PAYLOADS[6], "classes": PAYLOADS[7], "title": BAD, "entity": None},
                       {"text": BAD, "classes": "m", "title": "", "entity": PAYLOADS[0]}]},
                   {"runs": [{"text": "&amp; 'x' \"y\"", "classes": "", "title": "t", "entity": "e"}]}]}]
    views = [hostile, []] + [d["chunks"] for c in (make_corpus(), hostile_corpus())
                             for d in report_context(c)["documents"]]
    for chunks in views:
        assert str(article_body(chunks)) == reference.render(chunks=chunks)


def test_dict_first_lookup_renders_what_plain_jinja_renders() -> None:
    plain = jinja2.Environment(loader=jinja2.PackageLoader("storyline.report", "templates"), autoescape=True,
                               undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    plain.filters["article_body"] = article_body
    reference = plain.get_template("report.html.j2")
    for corpus in (make_corpus(), hostile_corpus()):
        for mode in ("static", "app"):
            ctx = report_context(corpus, mode=mode, filters={"actor": "x", "q": PAYLOADS[0]})
            assert render_report(corpus, mode=mode, filters={"actor": "x", "q": PAYLOADS[0]}) == \
                reference.render(**ctx)
    # a key named like a dict method is the one case where the two lookups differ
    for name in re.findall(r"\.([A-Za-z_]\w*)", "".join(
            (Path(render.__file__).parent / "templates" / f).read_text("utf-8")
            for f in ("report.html.j2", "_article.html.j2"))):
        assert not hasattr(dict, name), name
