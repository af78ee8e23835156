"""Persistence: the DuckDB store."""
from storyline.store.duckdb import Store

__all__ = ["Store"]
