"""The bundled demo corpus: ten short, fictional articles about one story.

The articles are written for storyline (see ``README.md`` next to this file) and
ship as package data, so ``make demo``, the docs, the tests and ``storyline serve``
can all analyse the same small, messy, multi-outlet corpus without network access.
"""
from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

LOGGER = logging.getLogger(__name__)

#: File suffixes the corpus uses; anything else in the folder (e.g. a stray editor file) is ignored.
CORPUS_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".jsonl", ".gz")

__all__ = ["CORPUS_SUFFIXES", "demo_corpus_files", "demo_corpus_path"]


def demo_corpus_path() -> Path:
    """Folder holding the demo corpus (a real directory: the package is installed unzipped).

    Returns:
        The absolute path of ``storyline/demo/corpus``.
    """
    path = Path(str(resources.files(__name__).joinpath("corpus")))
    if not path.is_dir():  # only if the package was installed without its data files
        raise FileNotFoundError(
            f"demo corpus missing at {path}; reinstall storyline with its package data "
            f"(pip install -e . from the repository)")
    return path


def demo_corpus_files() -> list[Path]:
    """The corpus files in a stable (sorted) order."""
    return sorted(p for p in demo_corpus_path().iterdir()
                  if p.is_file() and p.name.endswith(CORPUS_SUFFIXES))
