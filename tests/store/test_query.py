"""The query layer: the filter table, its SQL translation, pages of records, and flat rows."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.errors import QueryError, StoreError
from storyline.model import to_dict
from storyline.store import Store
from storyline.store.query import (
    RESOURCES,
    Filter,
    check_params,
    day_sql,
    flat_row,
    get_one,
    page,
    parse_day,
    record,
    where,
)
from tests.serve.helpers import newsroom_corpus, store_from


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = store_from(newsroom_corpus(), tmp_path_factory.mktemp("newsroom"))
    with Store(path, read_only=True) as st:
        yield st


def ids(store: Store, resource: str, **values: str) -> list[str]:
    _, items = page(store, resource, values, 100, 0)
    key = "name" if resource == "outlets" else "id"
    return [r[key] if key in r else (r["a"], r["b"], r["period"]) for r in items]


def test_where_binds_values_and_splices_only_the_table_expressions() -> None:
    filters = RESOURCES["events"].filters
    hostile = "x' OR 1=1 --"
    cond, params = where(filters, {"type": hostile, "actor": "p1", "q": "", "doc": None})
    assert hostile not in cond and "x'" not in cond
    assert params == [hostile.upper(), "p1", "p1", "p1"]
    assert cond == "type = ? AND (source = ? OR target = ? OR attributed_to = ?)"
    assert where(filters, {}) == ("", [])


def test_events_filter_by_type_actor_outlet_modality_and_text(store: Store) -> None:
    assert ids(store, "events", type="reject") == ["n2/v1"]
    assert ids(store, "events", actor="o1") == ["n1/v1", "n3/v1"]
    # the speaker a report is attributed to counts as an actor of the event
    assert "n2/v1" in ids(store, "events", actor="p1")
    assert ids(store, "events", outlet="VALLEY HERALD") == ["n2/v1", "n4/v1", "n4/v2"]
    assert ids(store, "events", modality="reported") == ["n2/v1"]
    assert ids(store, "events", story_event="se1") == ["n4/v1"]
    assert ids(store, "events", q="walked out") == ["n1/v1"]  # found in the evidence, not the summary
    assert ids(store, "events", type="reject", actor="o1") == []


def test_dates_of_any_precision_compare_by_their_first_day(store: Store) -> None:
    # ordered by date, undated last; "2025-03" sorts before "2025-03-04" as text
    assert ids(store, "events") == ["n2/v1", "n1/v1", "n4/v1", "n3/v1", "n4/v2"]
    assert ids(store, "events", date_from="2025-03-02") == ["n1/v1", "n4/v1"]
    assert ids(store, "events", date_to="2025-03") == ["n2/v1"]  # a month is its first day
    assert ids(store, "events", date_from="2025-04", date_to="2025-04-30") == ["n4/v1"]
    assert ids(store, "documents", date_from="2025") == ["n2", "n1", "n4"]
    assert ids(store, "stories", date_to="2025-12-31") == ["s1"]


def test_a_date_that_is_none_is_refused_with_the_fix() -> None:
    with pytest.raises(QueryError, match=r"date_from='next week' is not a date: give an ISO date"):
        where(RESOURCES["events"].filters, {"date_from": "next week"})


def test_text_search_takes_sql_wildcards_literally(store: Store) -> None:
    assert ids(store, "documents", q="100%") == ["n2"]
    assert ids(store, "documents", q="%") == ["n2"]
    assert ids(store, "documents", q="50_50") == ["n2"]
    assert ids(store, "documents", q="RAIL") == ["n1", "n3"]
    assert ids(store, "documents", q="%' OR '1'='1") == []


def test_documents_filter_by_outlet_actor_language_and_genre(store: Store) -> None:
    assert ids(store, "documents", outlet="coastal ledger") == ["n1"]
    # mentioned (n1, n2) or the actor of an event reported there (n3, n4)
    assert ids(store, "documents", actor="p1") == ["n2", "n1", "n4", "n3"]
    assert ids(store, "documents", actor="o1") == ["n1", "n3"]
    assert ids(store, "documents", genre="opinion") == ["n4"]
    assert ids(store, "documents", language="fr") == []


def test_other_resources_filter_on_their_own_fields(store: Store) -> None:
    assert ids(store, "entities", type="org") == ["o1", "g1"]
    assert ids(store, "entities", doc="n3") == ["o1"]
    assert ids(store, "entities", q="quist") == ["p1"]
    assert ids(store, "stories", doc="n3") == ["s2"]
    assert ids(store, "story_events", actor="o1") == ["se2"]
    assert ids(store, "story_events", doc="n2", type="protest") == ["se2"]
    assert ids(store, "relations", actor="o1") == [("o1", "p1", "2025-03")]
    assert ids(store, "relations", period="2025-04") == [("g1", "p1", "2025-04")]
    assert ids(store, "quotes", actor="p1") == ["n1/q1"]
    assert ids(store, "quotes", outlet="Valley Herald") == ["n2/q1"]
    assert ids(store, "disagreements", doc="n2") == ["d1"]
    assert ids(store, "disagreements", q="pay offer") == ["d1"]
    assert ids(store, "outlets", q="herald") == ["Valley Herald"]
    assert ids(store, "claims") == ["n1/c1", "n2/c1"]
    assert ids(store, "claims", dimension="compliance") == ["n2/c1"]
    assert ids(store, "claims", outlet="coastal ledger", q="A WEEK") == ["n1/c1"]


def test_a_store_from_before_a_table_says_how_to_add_it(tmp_path: Path) -> None:
    import duckdb

    path = store_from(newsroom_corpus(), tmp_path)
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE claims")
    con.close()
    with Store(path, read_only=True) as old, \
            pytest.raises(StoreError, match=r"no claims table .* run `storyline analyze`"):
        page(old, "claims", {}, 10, 0)


@pytest.mark.parametrize("resource", sorted(RESOURCES))
def test_every_filter_of_every_resource_runs(store: Store, resource: str) -> None:
    samples = {"date": "2025-03", "code": "agree", "text": "p1"}
    everything, _ = page(store, resource, {}, 100, 0)
    for f in RESOURCES[resource].filters:
        total, items = page(store, resource, {f.param: samples[f.kind]}, 100, 0)
        assert total == len(items) <= everything, f.param


def test_pages_split_the_ordered_rows_and_count_them_all(store: Store) -> None:
    total, first = page(store, "documents", {}, 2, 0)
    _, second = page(store, "documents", {}, 2, 2)
    assert total == 4
    assert [d["id"] for d in first + second] == ["n2", "n1", "n4", "n3"]  # by publication, undated last
    # lists leave out what the export leaves out
    assert "raw" not in first[0] and first[0]["text"].startswith("The transport ministry")


@pytest.mark.parametrize("resource", sorted(RESOURCES))
def test_every_page_gives_the_count_of_all_matching_rows(store: Store, resource: str) -> None:
    """A page that is not full ends the list and gives the total without a count: it must be the count."""
    samples = {"date": "2025-03", "code": "agree", "text": "p1"}
    table = RESOURCES[resource].table
    for values in [{}, *({f.param: samples[f.kind]} for f in RESOURCES[resource].filters)]:
        cond, params = where(RESOURCES[resource].filters, values)
        counted = store.count(table, cond, params)
        everything = page(store, resource, values, 100, 0)[1]
        for limit in (1, 2, 3, 100):
            for offset in (0, 1, 2, 3, 5, 40):
                total, items = page(store, resource, values, limit, offset)
                assert total == counted, (values, limit, offset)
                assert items == everything[offset:offset + limit], (values, limit, offset)


def test_a_document_by_its_key_is_the_record_its_list_gives(store: Store) -> None:
    _, listed = page(store, "documents", {}, 100, 0)
    for rec in listed:
        assert get_one(store, "documents", rec["id"]) == rec


def test_records_are_in_the_export_form_and_events_name_their_document(store: Store) -> None:
    ev = get_one(store, "events", "n2/v1")
    assert ev is not None and ev["doc"] == "n2" and ev["evidence"][0]["doc"] == "n2"
    assert list(ev)[-1] == "doc"  # after the export's fields, which leave it out
    quote = newsroom_corpus().quotes[0]
    assert record(quote) == to_dict(quote)
    assert get_one(store, "documents", "n4")["title"] == "Freight returns"  # type: ignore[index]
    assert get_one(store, "documents", "nope") is None


def test_unknown_parameters_are_refused_with_the_known_ones() -> None:
    check_params("quotes", ["actor", "limit"], allowed=("limit", "offset"))
    with pytest.raises(QueryError, match=r"no filter 'speaker' on quotes; use actor, doc, limit"):
        check_params("quotes", ["speaker", "limit"], allowed=("limit", "offset"))


def test_a_filter_with_an_unknown_operator_or_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown operator 'like'"):
        Filter("q", ("title",), "like", "text")
    with pytest.raises(ValueError, match="unknown kind 'number'"):
        Filter("n", ("n_events",), "gte", "at least", "number")


@pytest.mark.parametrize("value", ["2024-06-12", "2024-06", "2024", " 2024-06-12T08:30:00Z", "2024-13",
                                   "2024-02-30", "June 2024", "", "20240612"])
def test_sql_and_python_read_a_date_alike(value: str) -> None:
    import duckdb

    in_sql = duckdb.execute(f"SELECT {day_sql('v')} FROM (SELECT ?::VARCHAR AS v)", [value]).fetchone()[0]
    assert in_sql == parse_day(value)


def test_parse_day_gives_the_first_day() -> None:
    assert parse_day("2024-06") == dt.date(2024, 6, 1)
    assert parse_day("2024-02-30") == dt.date(2024, 2, 1)  # not a day, still a month
    assert parse_day("soon") is None


def test_flat_row_writes_nested_values_as_json_text() -> None:
    rec = record(newsroom_corpus().entities[0])
    row = flat_row(rec)
    assert row["name"] == "Mara Quist" and row["country"] is None
    assert row["aliases"] == '["Mara Quist", "Quist"]'
    assert row["mentions"].startswith('[{"doc": "n1", "start": ')
    assert flat_row({"genre_mix": {"café": 1}}) == {"genre_mix": '{"café": 1}'}  # not \\u-escaped


def test_the_store_reads_only_the_fields_asked_for(tmp_path: Path) -> None:
    with Store(store_from(newsroom_corpus(), tmp_path), read_only=True) as st:
        lean = st.select("documents", "outlet = ?", ["Valley Herald"], order="id", fields=("id", "outlet"))
        assert [(d.id, d.outlet, d.text) for d in lean] == [("n2", "Valley Herald", ""), ("n4", "Valley Herald", "")]
        assert st.count("events", "doc = ?", ["n4"]) == 2
        with pytest.raises(KeyError):
            st.count("analyses; DROP TABLE documents")
