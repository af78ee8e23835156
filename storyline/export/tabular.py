"""CSV and Parquet exports: one file per table, nested fields as JSON strings."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from storyline.export.json import corpus_to_json
from storyline.model import Corpus
from storyline.store.query import flat_row

LOGGER = logging.getLogger(__name__)

TABLES = ("documents", "entities", "events", "stories", "story_events", "quotes",
          "disagreements", "relations", "outlets", "claims")


def _flat_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [flat_row(r) for r in rows]


def write_tables(corpus: Corpus, out_dir: str | Path, fmt: str) -> list[Path]:
    """Write every export table as ``out_dir/<table>.csv`` or ``.parquet``; returns the paths."""
    import pandas as pd

    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown tabular format {fmt!r}: use csv or parquet")
    data = corpus_to_json(corpus)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in TABLES:
        frame = pd.DataFrame(_flat_rows(data[table]))
        path = out_dir / f"{table}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False)
        else:
            frame.to_parquet(path, index=False)
        paths.append(path)
    return paths


def _month(date: str | None) -> str:
    return date[:7] if date and len(date) >= 7 else "unknown"


def write_partitioned_parquet(corpus: Corpus, out_dir: str | Path) -> Path:
    """Write every table as a Parquet dataset; documents and events partitioned by publication month.

    Layout: ``out_dir/<table>/month=YYYY-MM/*.parquet`` (``month=unknown`` when undated), the shape
    Spark, DuckDB and pandas read as one partitioned table.
    """
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

    data = corpus_to_json(corpus)
    month_of_doc = {d["id"]: _month(d["published"]) for d in data["documents"]}
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)  # a dataset is rewritten whole, never appended to twice
    out_dir.mkdir(parents=True)
    for table in TABLES:
        rows = _flat_rows(data[table])
        if not rows:
            continue
        if table == "documents":
            for r in rows:
                r["month"] = month_of_doc[r["id"]]
        elif table == "events":
            for r, ev in zip(rows, data["events"]):
                r["month"] = month_of_doc.get(ev["evidence"][0]["doc"], "unknown") if ev["evidence"] else "unknown"
        arrow = pa.Table.from_pylist(rows)
        if "month" in arrow.column_names:
            pq.write_to_dataset(arrow, out_dir / table, partition_cols=["month"])
        else:
            pq.write_table(arrow, out_dir / f"{table}.parquet")
    return out_dir
