"""Exports: the v1 JSON contract, CSV and Parquet."""
from storyline.export.json import corpus_to_json, validate, write_json
from storyline.export.tabular import write_tables

__all__ = ["corpus_to_json", "validate", "write_json", "write_tables"]
