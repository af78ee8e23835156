"""The templates' compiled code kept in the cache directory: the same page as compiling them anew, never stale code."""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from storyline.report.render import DictEnvironment, TemplateCache, template_cache


def _env(cache: TemplateCache | None, templates: dict[str, str], **options: bool) -> jinja2.Environment:
    return DictEnvironment(loader=jinja2.DictLoader(templates), bytecode_cache=cache, autoescape=True, **options)


PAGE = ("{% for row in rows %}\n  <li>{{ row.name }} ({{ row.count }})</li>\n{% endfor %}\n"
        "<p>{{ title }}</p>\n")
CONTEXT = {"rows": [{"name": "Mayor <Aiyana> Okafor", "count": 3}, {"name": "Ports & Harbours", "count": 1}],
           "title": "Night ferries return"}


def test_a_page_rendered_from_kept_code_is_the_page_compiled_anew(tmp_path: Path) -> None:
    fresh = _env(None, {"p.html": PAGE}).get_template("p.html").render(**CONTEXT)
    first = _env(TemplateCache(str(tmp_path)), {"p.html": PAGE}).get_template("p.html").render(**CONTEXT)
    assert list(tmp_path.iterdir()), "the compiled code was not kept"
    second = _env(TemplateCache(str(tmp_path)), {"p.html": PAGE}).get_template("p.html").render(**CONTEXT)
    assert fresh == first == second
    assert "&lt;Aiyana&gt;" in second and "Ports &amp; Harbours" in second


def test_an_edited_template_or_other_options_are_compiled_again(tmp_path: Path) -> None:
    # the code is keyed by the source and the options that change the compiled code: none of these may reuse it
    cache = TemplateCache(str(tmp_path))
    _env(cache, {"p.html": PAGE}).get_template("p.html")
    edited = PAGE.replace("<p>", "<h2>").replace("</p>", "</h2>")
    assert "<h2>Night ferries return</h2>" in _env(cache, {"p.html": edited}).get_template("p.html").render(**CONTEXT)
    trimmed = _env(cache, {"p.html": PAGE}, trim_blocks=True, lstrip_blocks=True).get_template("p.html")
    plain = _env(None, {"p.html": PAGE}, trim_blocks=True, lstrip_blocks=True).get_template("p.html")
    assert trimmed.render(**CONTEXT) == plain.render(**CONTEXT)
    assert trimmed.render(**CONTEXT) != _env(None, {"p.html": PAGE}).get_template("p.html").render(**CONTEXT)


def test_without_a_writable_cache_directory_the_report_still_renders(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory would be")
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(blocker))
    template_cache.cache_clear()
    try:
        assert template_cache() is None
    finally:
        template_cache.cache_clear()
    unwritable = tmp_path / "gone"
    cache = TemplateCache(str(unwritable))  # its folder is missing: keeping the code fails, rendering does not
    assert "Night ferries return" in _env(cache, {"p.html": PAGE}).get_template("p.html").render(**CONTEXT)
