"""Acceptance on the shared seeds: the scorer's cleaning and metadata figures (skips without ../shared)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import yaml

from storyline.clean import LineStats, clean_document
from storyline.config import Settings
from storyline.model import Document

FLOORS = {"clean.removed": 0.95, "clean.kept": 1.0, "meta.title": 0.8, "meta.published": 0.8,
          "meta.author": 0.8, "meta.language": 1.0}
FIELDS = ("id", "source", "title", "author", "outlet", "published", "published_precision", "language", "text")


def _scorer(seeds_dir: Path):
    path = seeds_dir.parent / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("storyline_seed_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_cleaning_meets_the_floors(seeds_dir: Path, gold_path: Path) -> None:
    docs = [Document(id=p.stem[:3], source=str(p), raw=p.read_text(encoding="utf-8"))
            for p in sorted(seeds_dir.glob("*.txt"))]
    stats = LineStats.from_documents(docs)
    cleaned = [clean_document(d, Settings(), stats) for d in docs]
    export = {"documents": [{f: getattr(c, f) for f in FIELDS} for c in cleaned]}
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    raw = {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    result = _scorer(seeds_dir).score(export, gold, raw)
    for figure, floor in FLOORS.items():
        assert result[figure][0] >= floor, (figure, result[figure])
