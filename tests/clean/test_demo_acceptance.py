"""Acceptance on the bundled demo corpus: what ``storyline/demo/expected.yaml`` says cleaning
must remove, keep and read (title, authors, date, outlet). Skips when the corpus is absent."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from storyline.clean import LineStats, clean_document
from storyline.config import Settings
from storyline.ingest import read_paths
from storyline.model import Document
from tests.clean.scoring import norm as _norm
from tests.clean.scoring import still_there as _still_there

DEMO = Path(__file__).resolve().parents[2] / "storyline" / "demo"
#: Floors per figure. The outlet of one article is stated nowhere but in a subscription
#: prompt, so the outlet floor leaves room for it; the others must all be right.
FLOORS = {"removed": 1.0, "kept": 1.0, "title": 1.0, "author": 1.0, "published": 1.0, "outlet": 0.85}




def _key(source: str) -> str:
    path, _, record = source.partition("#")
    return Path(path).name + (f"#{record}" if record else "")


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Document]:
    corpus = DEMO / "corpus"
    if not corpus.is_dir() or not (DEMO / "expected.yaml").is_file():
        pytest.skip("the demo corpus is not present")
    settings = Settings()
    docs = [d for d in read_paths(corpus, settings) if isinstance(d, Document)]
    stats = LineStats.from_documents(docs)
    return {_key(d.source): clean_document(d, settings, stats) for d in docs}


@pytest.fixture(scope="module")
def expected() -> dict:
    return yaml.safe_load((DEMO / "expected.yaml").read_text(encoding="utf-8"))["documents"]


def _figures(cleaned: dict[str, Document], expected: dict) -> dict[str, tuple[int, int, list]]:
    figs: dict[str, tuple[int, int, list]] = {k: (0, 0, []) for k in FLOORS}

    def add(fig: str, ok: bool, what: str) -> None:
        hit, n, misses = figs[fig]
        figs[fig] = (hit + ok, n + 1, misses if ok else [*misses, what])

    for key, want in expected.items():
        doc = cleaned.get(key)
        assert doc is not None, f"{key} was not read"
        for phrase in want.get("remove") or []:
            add("removed", not _still_there(phrase, doc.text), f"{key}: {phrase}")
        for phrase in want.get("keep") or []:
            add("kept", _norm(phrase) in _norm(doc.text), f"{key}: {phrase}")
        add("title", _norm(doc.title) == _norm(want["title"]), f"{key}: {doc.title!r}")
        add("author", _norm(doc.author) == _norm(", ".join(want["authors"])), f"{key}: {doc.author!r}")
        add("published", doc.published == str(want["published"]), f"{key}: {doc.published!r}")
        add("outlet", _norm(doc.outlet) == _norm(want["outlet"]), f"{key}: {doc.outlet!r}")
    return figs


def test_demo_cleaning_meets_the_floors(cleaned: dict[str, Document], expected: dict) -> None:
    figs = _figures(cleaned, expected)
    for fig, floor in FLOORS.items():
        hit, n, misses = figs[fig]
        assert n and hit / n >= floor, (fig, f"{hit}/{n}", misses)


def test_demo_bodies_keep_no_header_lines(cleaned: dict[str, Document], expected: dict) -> None:
    """Neither the title nor the byline is left in a body."""
    for key, want in expected.items():
        body = _norm(cleaned[key].text)
        for name in want["authors"]:
            assert not any(line == _norm(name) for line in body.splitlines()), (key, name)
        first = _norm(cleaned[key].text.split("\n\n")[0])
        assert first != _norm(want["title"]), key
