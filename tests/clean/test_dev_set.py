"""Integrity of the team's cleaning sets (training/clean/, training/clean_dev/, training/clean_dev2/,
training/clean_dev3/, training/clean_dev4/, training/clean_dev5/, training/clean_dev6/, training/clean_dev7/,
training/clean_dev8/, training/clean_dev9/, training/clean_dev10/, training/clean_dev11/, training/clean_dev12/,
training/clean_dev13/, training/clean_dev14/, training/clean_dev15/, training/clean_dev16/):
the data, not the scores."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from storyline.clean.lines import word_count

TRAINING = Path(__file__).resolve().parents[2] / "training"
FORMATS = {"forum", "table", "wire", "transcript", "list", "other"}
#: clean_dev4 holds page kinds the other sets lack
FORMATS4 = {"thread", "press", "newsletter", "pdf", "oped", "photo", "cyrillic", "spanish", "notes", "sentfurn"}
#: ...and clean_dev5 those that clean_dev4 lacks too
FORMATS5 = {"liveblog", "interview", "listicle", "data", "obituary", "court", "roundup", "wire", "amp", "foreign",
            "tokenised"}
#: ...and clean_dev6 pages whose body looks like furniture (lists, threads, tables, short turns, captions, scripts)
FORMATS6 = {"list", "forum", "table", "transcript", "liveblog", "short", "caption", "keypoints", "script"}
#: ...and clean_dev7 formats none of the others has (regional, trade, sports, government press rooms, science…)
FORMATS7 = {"regional", "trade", "sports", "govpress", "science", "newsletter", "midrelated", "tricky", "foreign"}
#: ...and clean_dev8 its own (tokenised wire, threads, broadcast transcripts, mid-body walls, galleries, names…)
FORMATS8 = {"wire", "forum", "transcript", "table", "liveblog", "pressrelease", "midwall", "gallery", "german",
            "french", "names"}
#: ...and clean_dev9 its own (digests, Q&A, court and council, box scores, obituaries, PDF text, podcasts, bios…)
FORMATS9 = {"newsletter", "interview", "court", "council", "sports", "obituary", "pdf", "podcast", "readmore", "bio",
            "correction", "spanish", "portuguese", "russian"}

#: ...and clean_dev10 its own (live blogs, press releases, listicles, consumer boxes, calendars, consent walls…)
FORMATS10 = {"liveblog", "pressrelease", "listicle", "recipe", "consumer", "regional", "wire", "consent", "notices",
             "factbox", "photocredit", "french", "german", "italian"}
#: ...and clean_dev11 its own (newsletters, parliament records, results, explainers, weather and market reports…)
FORMATS11 = {"newsletter", "obituary", "court", "parliament", "sport", "explainer", "weather", "market", "amp", "rss",
             "notices", "spanish", "portuguese", "polish"}
#: ...and clean_dev12 news pages in scripts without capitals, a short set of its own
FORMATS12 = {"news"}
#: ...and clean_dev13 its own (fact checks, recalls, status and closure pages, saleroom, planning, parish notices…)
FORMATS13 = {"factcheck", "recall", "status", "closures", "auction", "planning", "property", "parish", "chess",
             "museum", "pets", "tvguide", "timetable", "news"}
#: ...and clean_dev14 the same kinds in other shapes (spaced-out wire text, a XenForo-like thread, a blog's comments,
#: a Q&A site, rush and radio transcripts, tables a cell a line) and pages in Greek, Bulgarian, Kannada, Malayalam,
#: Hebrew and Chinese
FORMATS14 = {"wire", "forum", "transcript", "table", "news"}
#: ...and clean_dev15 pages of shapes the line rules meet rarely (press portals, aggregators, timelines, PDF text…)
FORMATS15 = {"aggregator", "digest", "forum", "news", "notice", "pdf", "pressportal", "timeline", "wire"}
#: ...and clean_dev16 news pages with a section label, kicker or masthead above a short headline
FORMATS16 = {"blog", "news", "pressrelease"}
#: the sets with fewer pages than the usual forty
SMALL_SETS = {"clean_dev12": 14, "clean_dev13": 19, "clean_dev14": 17, "clean_dev15": 16, "clean_dev16": 33}


@pytest.fixture(scope="module", params=["clean", "clean_dev", "clean_dev2", "clean_dev3", "clean_dev4", "clean_dev5",
                                                       "clean_dev6", "clean_dev7", "clean_dev8", "clean_dev9",
                                                       "clean_dev10", "clean_dev11", "clean_dev12", "clean_dev13",
                                                       "clean_dev14", "clean_dev15", "clean_dev16"])
def root(request: pytest.FixtureRequest) -> Path:
    return TRAINING / request.param


@pytest.fixture(scope="module")
def gold(root: Path) -> dict:
    return yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))["documents"]


@pytest.fixture(scope="module")
def articles(root: Path) -> dict[str, str]:
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((root / "articles").glob("*.txt"))}


def test_at_least_forty_articles_each_with_gold(root: Path, gold: dict, articles: dict[str, str]) -> None:
    assert len(articles) >= SMALL_SETS.get(root.name, 40)
    assert set(articles) == set(gold)


def test_every_gold_string_is_in_its_article(gold: dict, articles: dict[str, str]) -> None:
    missing = [(k, f, s) for k, g in gold.items() for f in ("remove", "keep") for s in g.get(f) or []
               if s not in articles[k]]
    missing += [(k, "title", g["title"]) for k, g in gold.items() if g.get("title") and g["title"] not in articles[k]]
    assert not missing, missing


def test_every_entry_has_the_fields(root: Path, gold: dict) -> None:
    formats = {"clean_dev4": FORMATS4, "clean_dev5": FORMATS5, "clean_dev6": FORMATS6,
               "clean_dev7": FORMATS7, "clean_dev8": FORMATS8, "clean_dev9": FORMATS9,
               "clean_dev10": FORMATS10, "clean_dev11": FORMATS11, "clean_dev12": FORMATS12,
               "clean_dev13": FORMATS13, "clean_dev14": FORMATS14,
               "clean_dev15": FORMATS15, "clean_dev16": FORMATS16}.get(root.name, FORMATS)
    for k, g in gold.items():
        assert {"format", "published", "remove", "keep"} <= set(g), k
        assert g["format"] in formats, (k, g["format"])
        assert g["keep"] and g["remove"], k
        assert not set(g["keep"]) & set(g["remove"]), k
    assert {g["format"] for g in gold.values()} == formats


def test_articles_are_of_article_length(articles: dict[str, str]) -> None:
    # words as the cleaning counts them (a Chinese or Thai page has few spaces); a page written mostly in a script
    # other than Latin, Greek and Cyrillic may be as short as 60 (training/clean/devpages.py's min_words)
    for k, text in articles.items():
        letters = [c for c in text if c.isalpha()]
        low = 60 if sum(ord(c) > 0x52F for c in letters) > len(letters) / 2 else 120
        assert low <= word_count(text) <= 700, (k, word_count(text))
