"""Integrity of the frozen held-out cleaning set (frozen/clean/): the data, not the scores.

The set's figures are reported by scripts/eval_clean.py and never asserted here: the set is
written before rule changes and must not be tuned on.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2] / "frozen" / "clean"
FORMATS = {"tokenised", "forum", "transcript", "list", "table", "mixed_script", "wire", "other"}


@pytest.fixture(scope="module")
def gold() -> dict:
    return yaml.safe_load((ROOT / "gold.yaml").read_text(encoding="utf-8"))["documents"]


@pytest.fixture(scope="module")
def articles() -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((ROOT / "articles").glob("*.txt"))}


def test_at_least_sixty_articles(articles: dict[str, str]) -> None:
    assert len(articles) >= 60


def test_every_article_has_a_gold_entry_and_back(gold: dict, articles: dict[str, str]) -> None:
    assert set(articles) == set(gold)


def test_every_gold_string_is_in_its_article(gold: dict, articles: dict[str, str]) -> None:
    missing = [(k, field, s) for k, g in gold.items() for field in ("remove", "keep")
               for s in g.get(field) or [] if s not in articles[k]]
    assert not missing, missing


def test_every_entry_has_the_fields(gold: dict) -> None:
    for k, g in gold.items():
        assert {"format", "title", "published", "remove", "keep"} <= set(g), k
        assert g["format"] in FORMATS, (k, g["format"])
        assert g["keep"] and g["remove"], k
        assert g["title"] is None or g["title"] in (ROOT / "articles").joinpath(
            next(p.name for p in (ROOT / "articles").glob(k + "_*.txt"))).read_text(encoding="utf-8"), k


def test_each_format_is_present(gold: dict) -> None:
    assert {g["format"] for g in gold.values()} == FORMATS


def test_keep_and_remove_do_not_overlap(gold: dict) -> None:
    for k, g in gold.items():
        assert not set(g["keep"]) & set(g["remove"]), k


def test_articles_are_utf8_and_of_article_length(articles: dict[str, str]) -> None:
    for k, text in articles.items():
        assert 150 <= len(text.split()) <= 700, (k, len(text.split()))
