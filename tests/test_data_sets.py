"""Integrity of the team-written data sets: every frozen/ and training/ folder's own validator passes.

Only the data is checked here (fields, offsets, exact substrings, labels, counts): the figures the
sets give are printed by ``make eval`` and never asserted, so that no test tunes to a frozen set.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VALIDATORS = sorted([*ROOT.glob("frozen/*/validate.py"), *ROOT.glob("training/*/validate.py")])


def test_every_frozen_set_has_a_validator_or_a_test() -> None:
    # frozen/clean and frozen/stories are article folders checked by their own tests
    checked = {p.parent.name for p in ROOT.glob("frozen/*/validate.py")} | {"clean", "stories"}
    assert {p.name for p in (ROOT / "frozen").iterdir() if p.is_dir()} <= checked


@pytest.mark.parametrize("validator", VALIDATORS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_data_set_validates(validator: Path) -> None:
    done = subprocess.run([sys.executable, str(validator)], check=False, capture_output=True, text=True, cwd=ROOT,
                          timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


@pytest.mark.parametrize("corpus", sorted(ROOT.glob("training/events_corpus_dev*")), ids=lambda p: p.name)
def test_events_corpus_validates(corpus: Path) -> None:
    # the article-level events corpora share dev1's validator, which takes the corpus folder
    validator = ROOT / "training" / "events_corpus_dev1" / "validate.py"
    done = subprocess.run([sys.executable, str(validator), str(corpus)], check=False, capture_output=True, text=True,
                          cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


@pytest.mark.parametrize("corpus", [p for p in sorted(ROOT.glob("training/disagreements_corpus*"))
                                    if not (p / "validate.py").exists()], ids=lambda p: p.name)
def test_later_disagreement_corpora_validate(corpus: Path) -> None:
    # corpus5 and later have no validator of their own: corpus4's checker takes their folder
    validator = ROOT / "training" / "disagreements_corpus4" / "validate.py"
    done = subprocess.run([sys.executable, str(validator), str(corpus)], check=False, capture_output=True, text=True,
                          cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


@pytest.mark.parametrize("folder", ["frozen/stories", "training/stories", "training/stories_dev2",
                                    "training/stories_train2", "training/stories_dev8", "training/stories_dev9",
                                    "training/stories_dev11", "training/stories_train7", "training/stories_dev12",
                                    "training/stories_train8"])
def test_story_sets_give_every_article_one_story(folder: str) -> None:
    import yaml

    gold = yaml.safe_load((ROOT / folder / "gold.yaml").read_text(encoding="utf-8"))["stories"]
    articles = {p.stem for p in (ROOT / folder / "articles").glob("*.txt")}
    assert articles and set(map(str, gold)) == articles
    assert len(set(gold.values())) >= 12


def test_language_sets_rebuild_byte_identically() -> None:
    # frozen/languages/*.jsonl are generated from marked-up sources: a rebuild must reproduce every byte,
    # so offsets can only come from build.py and a hand edit of a jsonl file is caught here
    done = subprocess.run([sys.executable, "frozen/languages/build.py", "--check"], check=False, capture_output=True,
                          text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert (ROOT / "frozen/languages/validate.py") in VALIDATORS


@pytest.mark.parametrize("folder", sorted(p.parent.name for p in ROOT.glob("training/clean_dev*/build.yaml")))
def test_cleaning_dev_sets_rebuild_from_their_marked_up_pages(folder: str) -> None:
    # a cleaning dev set's articles and gold are written by training/clean/devpages.py from source_*.txt: a hand
    # edit of an article or of gold.yaml, or a builder change that moves one keep string, fails here
    done = subprocess.run([sys.executable, "training/clean/devpages.py", f"training/{folder}", "--check"], check=False,
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "up to date" in done.stdout


@pytest.mark.parametrize("folder", ["frozen/disagreements_corpus", "training/disagreements_corpus"])
def test_disagreement_corpus_sets_validate_and_are_distinct(folder: str) -> None:
    # the corpus-level disagreement sets (issue 17): their validator, and no story shared between the two
    done = subprocess.run([sys.executable, str(ROOT / folder / "validate.py")], check=False, capture_output=True,
                          text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:]
    import yaml

    stories = {f: {c["story"] for c in yaml.safe_load((ROOT / f / "gold.yaml").read_text(encoding="utf-8"))[
        "corpora"].values()} for f in ("frozen/disagreements_corpus", "training/disagreements_corpus")}
    assert len(stories[folder]) >= 24
    assert not stories["frozen/disagreements_corpus"] & stories["training/disagreements_corpus"]
