"""The report page narrowed in the store: behaviour on a hand-made store, and agreement with a plain
in-memory version of the same rules over a grid of filters."""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.model import Corpus, Document, Event
from storyline.report.charts import parse_date
from storyline.report.filters import PAGE_PARAMS, actor_ids, query_report
from storyline.report.highlight import anchor
from storyline.store import Store
from tests.report.hostile import hostile_corpus
from tests.serve.helpers import newsroom_corpus, store_from

REPO = Path(__file__).resolve().parents[2]


def reference_filter(corpus: Corpus, *, q: str = "", actor: str = "", type: str = "",
                     outlet: str = "", date_from: str = "", date_to: str = "") -> Corpus:
    """The page's rules over a whole in-memory corpus: the version the store query replaced."""
    lo, hi = parse_date(date_from), parse_date(date_to)

    def in_range(day: dt.date | None) -> bool:
        if lo is None and hi is None:
            return True
        return day is not None and (lo is None or day >= lo) and (hi is None or day <= hi)

    ids = {e.id for e in corpus.entities if actor and actor in (e.id, anchor(e.id))} or ({actor} if actor else set())
    needle = q.casefold().strip()
    mentioned: dict[str, set[str]] = {}
    for e in corpus.entities:
        for m in e.mentions:
            mentioned.setdefault(m.doc, set()).add(e.id)

    def doc_ok(d: Document) -> bool:
        if outlet and (d.outlet or "unknown outlet").casefold() != outlet.casefold():
            return False
        if needle and needle not in f"{d.title or ''}\n{d.text}".casefold():
            return False
        return not ids or bool(ids & mentioned.get(d.id, set())) or any(
            ev.doc == d.id and ids & {ev.source, ev.target, ev.attributed_to} for ev in corpus.events)

    docs = [d for d in corpus.documents if doc_ok(d)]
    if lo or hi:
        event_docs = {ev.doc for ev in corpus.events if in_range(parse_date(ev.date))}
        docs = [d for d in docs if in_range(parse_date(d.published)) or d.id in event_docs]
    keep = {d.id for d in docs}
    published = {d.id: parse_date(d.published) for d in corpus.documents}

    def event_ok(ev: Event) -> bool:
        doc = ev.evidence[0].doc if ev.evidence else ev.doc
        return (doc in keep and (not type or ev.type == type) and (not ids or bool(ids & {ev.source, ev.target,
                ev.attributed_to})) and in_range(parse_date(ev.date) or published.get(doc)))

    events = [ev for ev in corpus.events if event_ok(ev)]
    shown = {ev.id for ev in events}
    stories = [dataclasses.replace(s, docs=[d for d in s.docs if d in keep]) for s in corpus.stories]
    story_events = [dataclasses.replace(se, events=[e for e in se.events if e in shown],
                                        docs=[d for d in se.docs if d in keep]) for se in corpus.story_events]
    return Corpus(
        documents=docs, entities=corpus.entities, events=events,
        stories=[s for s in stories if s.docs],
        story_events=[se for se in story_events if se.events or (se.docs and not type and not ids)],
        quotes=[qt for qt in corpus.quotes if qt.doc in keep and (not ids or qt.speaker in ids) and not type],
        disagreements=[d for d in corpus.disagreements if any(s.doc in keep for s in d.sides)],
        relations=[r for r in corpus.relations if not ids or ids & {r.a, r.b}],
        outlets=[o for o in corpus.outlets if any(d in keep for d in o.docs)],
        claims=[c for c in corpus.claims if c.doc in keep],
    )


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(store_from(newsroom_corpus(), tmp_path_factory.mktemp("newsroom")), read_only=True) as store:
        yield store


def doc_ids(corpus: Corpus) -> list[str]:
    return [d.id for d in corpus.documents]


def test_no_filter_shows_the_whole_store(newsroom: Store) -> None:
    shown, base = query_report(newsroom)
    assert shown == newsroom.corpus()
    assert doc_ids(base) == ["n1", "n2", "n3", "n4"] and base.documents[0].text == ""  # outlets only
    assert base.events == shown.events and base.entities == shown.entities


def test_search_outlet_and_actor_narrow_the_documents(newsroom: Store) -> None:
    assert doc_ids(query_report(newsroom, q="  UNION  ")[0]) == ["n1", "n2", "n3", "n4"]
    assert doc_ids(query_report(newsroom, q="freight returns")[0]) == ["n4"]  # the title counts
    assert doc_ids(query_report(newsroom, q="100%")[0]) == ["n2"]  # no wildcard: % is a character
    assert doc_ids(query_report(newsroom, outlet="unknown outlet")[0]) == ["n3"]
    assert doc_ids(query_report(newsroom, outlet="valley herald")[0]) == ["n2", "n4"]
    shown, _ = query_report(newsroom, actor="o1")
    assert doc_ids(shown) == ["n1", "n3"]
    assert [e.id for e in shown.events] == ["n1/v1", "n3/v1"]
    assert [r.a for r in shown.relations] == ["o1"] and shown.quotes == []


def test_dates_keep_documents_published_or_reporting_events_in_range(newsroom: Store) -> None:
    shown, _ = query_report(newsroom, date_from="2025-04-19", date_to="2025-04-19")
    # n4 was published on the 20th but reports an event of the 19th
    assert doc_ids(shown) == ["n4"]
    # its undated event counts by the publication date, outside the range
    assert [e.id for e in shown.events] == ["n4/v1"]
    assert [s.docs for s in shown.stories] == [["n4"]]
    undated, _ = query_report(newsroom, date_from="2020")
    assert "n3" not in doc_ids(undated)
    # a date that is none is ignored, as the static page ignores it
    assert doc_ids(query_report(newsroom, date_from="someday")[0]) == ["n1", "n2", "n3", "n4"]


def test_a_type_keeps_its_events_and_drops_the_quotes(newsroom: Store) -> None:
    shown, _ = query_report(newsroom, type="AGREE")
    assert [e.id for e in shown.events] == ["n4/v1"] and shown.quotes == []
    assert [se.id for se in shown.story_events] == ["se1"]  # se2 has no AGREE event
    assert doc_ids(shown) == ["n1", "n2", "n3", "n4"]  # the type narrows events, not articles


def test_actor_is_an_id_or_its_anchor(tmp_path: Path) -> None:
    with Store(store_from(hostile_corpus(), tmp_path), read_only=True) as store:
        raw = 'e"1<x>'
        assert actor_ids(store, raw) == [raw]
        assert actor_ids(store, anchor(raw)) == [raw]
        assert actor_ids(store, "nobody") == ["nobody"]
        # the mayor is mentioned in the first article and the target of an event in the second
        assert doc_ids(query_report(store, actor=anchor(raw))[0]) == ["h0000000000000002", "h0000000000000001"]
        assert doc_ids(query_report(store, actor="nobody")[0]) == []


def test_a_store_from_before_claims_still_shows_its_page(tmp_path: Path) -> None:
    import duckdb

    path = store_from(newsroom_corpus(), tmp_path)
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE claims")
    con.close()
    with Store(path, read_only=True) as old:
        shown, _ = query_report(old, q="union")
        assert doc_ids(shown) == ["n1", "n2", "n3", "n4"] and shown.claims == []


GRID = {
    "q": ["", "union"],
    "actor": ["", "p1", "e2"],
    "type": ["", "REJECT"],
    "outlet": ["", "unknown outlet"],
    "dates": [("", ""), ("2025-03", ""), ("", "2024-06-05"), ("2025-03-04", "2025-04")],
}


@pytest.mark.parametrize("corpus_of", [newsroom_corpus, hostile_corpus], ids=["newsroom", "hostile"])
def test_the_store_query_agrees_with_the_in_memory_rules(tmp_path: Path, corpus_of: object) -> None:
    with Store(store_from(corpus_of(), tmp_path), read_only=True) as store:  # type: ignore[operator]
        whole = store.corpus()
        for q, actor, etype, outlet, (lo, hi) in itertools.product(*GRID.values()):
            given = {"q": q, "actor": actor, "type": etype, "outlet": outlet, "date_from": lo, "date_to": hi}
            assert query_report(store, **given)[0] == reference_filter(whole, **given), given


def test_the_static_page_filters_on_the_same_parameters() -> None:
    script = (REPO / "storyline" / "report" / "static" / "report.js").read_text("utf-8")
    template = (REPO / "storyline" / "report" / "templates" / "report.html.j2").read_text("utf-8")
    assert set(re.findall(r'val\("(\w+)"\)', script)) == set(PAGE_PARAMS)
    assert set(PAGE_PARAMS) <= set(re.findall(r'name="(\w+)"', template))
