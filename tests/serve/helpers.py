"""Build a store file from a hand-made corpus, for the app tests."""
from __future__ import annotations

from pathlib import Path

from storyline.model import Corpus, DocAnalysis
from storyline.store import Store


def store_from(corpus: Corpus, folder: Path) -> Path:
    """Write ``corpus`` into ``folder/storyline.duckdb`` as `storyline analyze` would."""
    path = folder / "storyline.duckdb"
    with Store(path) as store:
        store.add_analyses([DocAnalysis(document=d) for d in corpus.documents])
        store.replace_corpus(corpus)
    return path
