"""The links the reader's pages repeat per row are built in Python (storyline.report.pages.actor_link, doc_link,
link_list, event_item) instead of template macros; they must give the macros' HTML exactly, escaping included."""
from __future__ import annotations

from typing import Any

import jinja2
import pytest

from storyline.report import pages as reader
from storyline.report.render import DictEnvironment

#: the template macros these helpers replaced, verbatim
MACROS = """\
{% macro actor_link(a) %}{% if a %}{% if a.href %}<a href="{{ a.href }}">{{ a.name }}</a>{% else %}{{ a.name }}\
{% endif %}{% else %}—{% endif %}{% endmacro %}
{% macro doc_link(d) %}<a href="{{ d.href }}">{{ d.title }}</a> <span class="muted small">{% if d.outlet_href %}\
<a href="{{ d.outlet_href }}">{{ d.outlet_label }}</a>{% else %}{{ d.outlet_label }}{% endif %}{% if d.published %} \
· {{ d.published }}{% endif %}</span>{% endmacro %}
{% macro link_list(items) %}{% for o in items %}<a href="{{ o.href }}">{{ o.name }}</a>{% if not loop.last %}, \
{% endif %}{% endfor %}{% endmacro %}
{% macro event_item(e) %}<li><time>{{ e.date }}</time>{% if e.undated %} <span class="pill placed">{{ e.placed_by }}\
</span>{% endif %} <span class="pill">{{ e.type }}</span> {{ actor_link(e.source) }} → {{ actor_link(e.target) }}: \
{{ e.summary }}{% if e.evidence %} <a class="evidence small" href="{{ e.href }}">“{{ e.evidence }}”</a>{% endif %}\
</li>{% endmacro %}
"""

HOSTILE = "<script>window.__xss=1</script> \"Tom\" & 'Jerry' </a><img src=x onerror=alert(1)>"


def macros() -> Any:
    env = DictEnvironment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(MACROS).module


def test_actor_link_is_the_macro() -> None:
    links = reader.Links("app")
    names = {"e1": HOSTILE, "e2": "Jane Doe"}
    for eid in ("e1", "e2", "unknown <b>id</b>", None, ""):
        actor = None if not eid else {"id": eid, "name": names.get(eid, eid),
                                      "href": links.actor(eid) if eid in names else None}
        assert str(reader.actor_link(actor)) == str(macros().actor_link(actor))
    assert "<script>" not in reader.actor_link({"name": HOSTILE, "href": links.actor("e1")})


@pytest.mark.parametrize("mode", ["app", "site"])
def test_doc_link_is_the_macro(mode: str) -> None:
    links = reader.Links(mode, depth=1)
    docs: list[dict[str, Any]] = [
        {"href": links.article(HOSTILE), "title": HOSTILE, "outlet_label": HOSTILE,
         "outlet_href": links.outlet(HOSTILE), "published": "2025-03-01 <i>"},
            {"href": links.article("d2"), "title": "(untitled)", "outlet_label": "outlet not detected (x & y)",
             "outlet_href": None, "published": None},
            {"href": links.article("d3"), "title": "A & B", "outlet_label": "Daily",
             "outlet_href": links.outlet("Daily"), "published": ""}]
    for doc in docs:
        assert str(reader.doc_link(doc)) == str(macros().doc_link(doc))
    assert "<script>" not in reader.doc_link(docs[0]) and "<i>" not in reader.doc_link(docs[0])


def test_link_list_is_the_loop() -> None:
    links = reader.Links("app")
    for names in ([], ["Daily"], ["Daily", HOSTILE, "A & B"]):
        items = [{"name": n, "href": links.outlet(n)} for n in names]
        assert str(reader.link_list(items)) == str(macros().link_list(items))


def test_event_item_is_the_template_row() -> None:
    links = reader.Links("app")
    actor = {"id": "e1", "name": HOSTILE, "href": links.actor("e1")}
    base = {"date": "2025-03-01", "undated": False, "placed_by": "date in the sentence", "type": "ATTACK <x>",
            "source": actor, "target": None, "summary": HOSTILE, "evidence": HOSTILE,
            "href": links.article("d & 1", 40)}
    rows = [base, {**base, "undated": True, "placed_by": "placed at publication date", "evidence": ""},
            {**base, "source": {"id": "x", "name": "x <y>", "href": None}, "target": actor, "summary": None}]
    for row in rows:
        assert str(reader.event_item(row)) == str(macros().event_item(row))
