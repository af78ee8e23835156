"""Kept for code that imports ``load_yaml`` from here: the data layer (``storyline.data``) owns it."""
from __future__ import annotations

from storyline.data import load_yaml

__all__ = ["load_yaml"]
