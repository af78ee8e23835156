"""CSV and Parquet exports: one flat row per record, nested values as JSON text (``flat_row``)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from storyline.export.json import corpus_to_json
from storyline.export.tabular import TABLES, write_tables
from storyline.store import Store
from storyline.store.query import flat_row, page
from tests.serve.helpers import newsroom_corpus, store_from


def test_csv_is_pinned_byte_for_byte(tmp_path: Path) -> None:
    # written by the export before flat_row moved to the query layer: the move changed no byte
    write_tables(newsroom_corpus(), tmp_path, "csv")
    assert (tmp_path / "stories.csv").read_bytes() == (
        b'id,title,date,docs\ns1,Rail strike and deal,2025-03,"[""n1"", ""n2"", ""n4""]"\n'
        b's2,Closed-door talks,,"[""n3""]"\n')
    assert (tmp_path / "relations.csv").read_bytes() == (
        b"a,b,period,n_events,cooperation,conflict\ng1,p1,2025-03,1,0.0,1.0\no1,p1,2025-03,1,0.5,0.5\n"
        b"g1,p1,2025-04,1,1.0,0.0\n")


def test_every_csv_row_is_the_flat_export_record(tmp_path: Path) -> None:
    corpus = newsroom_corpus()
    write_tables(corpus, tmp_path, "csv")
    data = corpus_to_json(corpus)
    for table in TABLES:
        with open(tmp_path / f"{table}.csv", newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        expected = [{k: ("" if v is None else str(v)) for k, v in flat_row(r).items()} for r in data[table]]
        assert rows == expected, table


def test_the_api_flattens_its_records_the_same_way(tmp_path: Path) -> None:
    corpus = newsroom_corpus()
    with Store(store_from(corpus, tmp_path), read_only=True) as store:
        _, items = page(store, "quotes", {}, 10, 0)
    assert [flat_row(r) for r in items] == [flat_row(r) for r in corpus_to_json(corpus)["quotes"]]


def test_an_unknown_format_names_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown tabular format 'xlsx': use csv or parquet"):
        write_tables(newsroom_corpus(), tmp_path, "xlsx")
