"""The bundled demo corpus exists, is readable, and says what its README and expected.yaml claim."""
from __future__ import annotations

import gzip
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
import yaml

from storyline.demo import demo_corpus_files, demo_corpus_path

#: The brief asks for 250–500 words per article; the upper bound leaves room for boilerplate lines.
MIN_WORDS, MAX_WORDS = 250, 550
MIN_ARTICLES = 8
MIN_OUTLETS = 4
#: Word 5-gram Jaccard: a syndicated copy shares most shingles, a different article almost none.
SHINGLE = 5
NEAR_DUPLICATE_MIN = 0.5
UNRELATED_MAX = 0.1

EXPECTED_PATH = Path(demo_corpus_path()).parent / "expected.yaml"


class _VisibleText(HTMLParser):
    """Collects text outside <script>/<style>/<head>, like a browser shows it."""

    HIDDEN: ClassVar[frozenset[str]] = frozenset({"script", "style", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _articles() -> dict[str, str]:
    """Key (file name, or file#N for JSONL records) -> readable text, without storyline's ingest."""
    out: dict[str, str] = {}
    for path in demo_corpus_files():
        if path.name.endswith(".jsonl"):
            lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
            for n, line in enumerate(lines, start=1):  # 1-based, as ingest names "path#N"
                out[f"{path.name}#{n}"] = json.loads(line)["text"]
        elif path.name.endswith(".gz"):
            out[path.name] = gzip.decompress(path.read_bytes()).decode("utf-8")
        elif path.name.endswith(".html"):
            parser = _VisibleText()
            parser.feed(path.read_text(encoding="utf-8"))
            out[path.name] = html.unescape("".join(parser.parts))
        else:
            out[path.name] = path.read_text(encoding="utf-8")
    return out


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _jaccard(a: str, b: str) -> float:
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / max(1, len(sa | sb))


@pytest.fixture(scope="module")
def articles() -> dict[str, str]:
    return _articles()


@pytest.fixture(scope="module")
def expected() -> dict:
    return yaml.safe_load(EXPECTED_PATH.read_text(encoding="utf-8"))


def test_corpus_folder_and_readme_exist() -> None:
    path = demo_corpus_path()
    assert path.is_dir()
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    assert "fiction" in readme.lower()


def test_corpus_mixes_formats() -> None:
    names = [p.name for p in demo_corpus_files()]
    assert sum(n.endswith(".html") for n in names) >= 2
    assert sum(n.endswith(".jsonl") for n in names) == 1
    assert sum(n.endswith(".txt.gz") for n in names) == 1
    assert sum(n.endswith(".txt") for n in names) >= 5


def test_enough_readable_articles_of_the_right_length(articles: dict[str, str]) -> None:
    assert len(articles) >= MIN_ARTICLES
    for key, text in articles.items():
        n = len(text.split())
        assert MIN_WORDS <= n <= MAX_WORDS, f"{key}: {n} words"
        assert "\ufffd" not in text, f"{key}: undecodable bytes"


def test_jsonl_records_carry_given_metadata() -> None:
    path = next(p for p in demo_corpus_files() if p.name.endswith(".jsonl"))
    records = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert len(records) == 2
    for rec in records:
        for key in ("title", "outlet", "author", "published", "text"):
            assert isinstance(rec.get(key), str) and rec[key].strip(), key


def test_expected_file_covers_every_article_from_enough_outlets(
        articles: dict[str, str], expected: dict) -> None:
    docs = expected["documents"]
    assert set(docs) == set(articles)
    outlets = {d["outlet"] for d in docs.values()}
    assert len(outlets) >= MIN_OUTLETS
    for key, meta in docs.items():
        # the outlet is not just claimed here: the article (or its record) names it
        assert meta["outlet"].lower() in _with_metadata(key, articles[key]).lower(), key
        assert meta["genre"] in {"reporting", "opinion", "analysis", "other"}
    assert {"opinion", "reporting"} <= {d["genre"] for d in docs.values()}


def _with_metadata(key: str, text: str) -> str:
    """Article text plus the metadata a reader is given (JSONL fields, HTML title/meta tags)."""
    name, _, index = key.partition("#")
    path = demo_corpus_path() / name
    if index:
        rec = json.loads(path.read_text(encoding="utf-8").splitlines()[int(index) - 1])
        return " ".join(str(rec[k]) for k in ("title", "outlet", "author", "text"))
    if name.endswith(".html"):
        return html.unescape(path.read_text(encoding="utf-8"))
    return text


def test_every_expected_phrase_is_in_its_article(articles: dict[str, str], expected: dict) -> None:
    missing = []
    for key, meta in expected["documents"].items():
        for phrase in meta.get("remove", []) + meta.get("keep", []) + meta.get("loaded", []):
            if phrase not in articles[key]:
                missing.append((key, phrase))
        for norm in meta.get("normalise", []):
            if norm["raw"] not in articles[key]:
                missing.append((key, norm["raw"]))
    for item in expected["events"]:
        ev = item["evidence"]
        if ev["phrase"] not in articles[ev["doc"]]:
            missing.append((ev["doc"], ev["phrase"]))
    for item in expected["quotes"]:
        if item["phrase"] not in articles[item["doc"]]:
            missing.append((item["doc"], item["phrase"]))
    for dis in expected["disagreements"]:
        assert len({s["doc"] for s in dis["sides"]}) >= 2, dis["topic"]
        for side in dis["sides"]:
            if side["phrase"] not in articles[side["doc"]]:
                missing.append((side["doc"], side["phrase"]))
    assert not missing


def test_name_variants_all_occur(articles: dict[str, str], expected: dict) -> None:
    everything = "\n".join(articles.values())
    for ent in expected["entities"]:
        for alias in ent["aliases"]:
            assert alias in everything, alias
    # the point of the corpus: several spellings of the same people
    multi = [e for e in expected["entities"] if e["type"] == "PERSON" and len(e["aliases"]) >= 3]
    assert len(multi) >= 3


def test_titles_are_in_their_articles(articles: dict[str, str], expected: dict) -> None:
    for key, meta in expected["documents"].items():
        assert meta["title"] in _with_metadata(key, articles[key]), key


def test_the_syndicated_copy_is_a_near_duplicate_and_the_rest_are_not(
        articles: dict[str, str], expected: dict) -> None:
    pairs = {tuple(sorted(p)) for p in expected["near_duplicates"]}
    keys = sorted(articles)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            sim = _jaccard(articles[a], articles[b])
            if (a, b) in pairs:
                assert sim >= NEAR_DUPLICATE_MIN, (a, b, sim)
            else:
                assert sim <= UNRELATED_MAX, (a, b, sim)


def test_homoglyph_is_a_cyrillic_letter(articles: dict[str, str]) -> None:
    text = articles["06_meravian_herald_opinion.txt"]
    assert "\u0422olvek" in text


def test_storyline_ingest_reads_the_whole_corpus() -> None:
    ingest = pytest.importorskip("storyline.ingest")
    if not hasattr(ingest, "read_paths"):
        pytest.skip("storyline.ingest.read_paths not written yet")
    from storyline.config import Settings
    from storyline.model import Document, IngestError

    results = list(ingest.read_paths([demo_corpus_path()], Settings()))
    errors = [r for r in results if isinstance(r, IngestError)]
    docs = [r for r in results if isinstance(r, Document)]
    assert not errors, errors
    assert len(docs) == len(_articles())
    assert len({d.id for d in docs}) == len(docs)
