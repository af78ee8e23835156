"""Exports: the v1 JSON contract, CSV and Parquet."""
from storyline.export.json import check, corpus_to_json, validate, write_json, write_json_store
from storyline.export.tabular import write_tables

__all__ = ["check", "corpus_to_json", "validate", "write_json", "write_json_store", "write_tables"]
