"""CSV and Parquet exports: one file per table, nested fields as JSON strings."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from storyline.export.json import corpus_to_json
from storyline.model import Corpus

LOGGER = logging.getLogger(__name__)

TABLES = ("documents", "entities", "events", "stories", "story_events", "quotes",
          "disagreements", "relations", "outlets")


def _flat_rows(rows: list[dict]) -> list[dict]:
    return [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
             for k, v in r.items()} for r in rows]


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
