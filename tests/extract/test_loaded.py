"""Loaded-language spans on hand-written text."""
from __future__ import annotations

import re
from pathlib import Path

from storyline.config import Settings
from storyline.extract.loaded import find_loaded_language, load_lexicon
from storyline.model import Block, Document
from storyline.nlp.pipeline import parse

SETTINGS = Settings()


def run(text: str):
    blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    doc = Document(id="t", source="t.txt", raw=text, blocks=blocks)
    return find_loaded_language(doc, parse(doc, SETTINGS), SETTINGS)


def kinds(terms):
    return {(t.text, t.kind) for t in terms}


def test_lexicon_sections_compile():
    lex = load_lexicon()
    assert lex["name_calling"].search("the tyrant") and lex["sarcasm"].search("the so-called council")


def test_name_calling_keeps_hyphenated_epithet():
    got = kinds(run("The seven-foot-tall dictator spoke for hours about his sick ambitions."))
    assert ("seven-foot-tall dictator", "name_calling") in got
    assert ("sick ambitions", "epithet") in got


def test_lowercased_names_when_repeated():
    text = ("Officials in france said the deal was good. Critics said france had given up too much, "
            "and that france would regret it.")
    got = run(text)
    assert sum(1 for t in got if t.kind == "lowercased_name" and t.text == "france") >= 2


def test_neutral_reporting_is_not_flagged():
    text = ("The city council approved the budget on Tuesday. The mayor said the new library would open "
            "in May, and the council will meet again next week to discuss school transport.")
    assert run(text) == []


def test_words_inside_direct_quotes_are_the_speakers():
    text = 'Maria Lopez said: "He is a tyrant and a thug who will never change his ways."'
    assert not any(t.kind == "name_calling" for t in run(text))


def test_scare_quotes_and_offsets():
    text = "The ministry called the raid a “routine check” of the so-called charity."
    got = run(text)
    assert {"sarcasm"} == {t.kind for t in got}
    for t in got:
        assert text[t.start:t.end] == t.text


def _flat_patterns() -> dict:
    """The lexicon's patterns as one flat alternation each (before grouping by first letter)."""
    from storyline.extract.loaded import KINDS, LEXICON, _phrase_re
    from storyline.resources import load_yaml

    data = load_yaml(LEXICON.read_text(encoding="utf-8"))
    out = {}
    for kind in KINDS:
        phrases = sorted((p for p in data[kind] if isinstance(p, str) and p.strip()), key=len, reverse=True)
        out[kind] = re.compile(r"(?<![\w-])(?:" + "|".join(map(_phrase_re, phrases)) + ")", flags=re.I)
    adjectives = [a for a in data["epithet_adjectives"] if isinstance(a, str)]
    out["epithet"] = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, adjectives)) + r")\s+[a-z][\w-]+",
                                flags=re.I)
    return out


def test_grouped_patterns_match_like_flat_alternations():
    from storyline.extract.loaded import LEXICON, load_lexicon
    from storyline.resources import load_yaml

    data = load_yaml(LEXICON.read_text(encoding="utf-8"))
    keys = ("name_calling", "emotive", "sarcasm", "epithet_adjectives")
    words = [str(p).replace("~", "ed").replace("*", "their") for key in keys for p in data[key]]
    # every phrase in several cases and next to hyphens, plus fixture articles
    text = " ".join(f"{w} x, {w.upper()}-y {w.title()} z-{w} «{w}» sick {w}" for w in words)
    texts = [text]
    for path in sorted((Path(__file__).resolve().parents[1] / "fixtures").rglob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    flat, grouped = _flat_patterns(), load_lexicon()
    hits = 0
    for kind, pattern in flat.items():
        for t in texts:
            want = [m.span() for m in pattern.finditer(t)]
            assert [m.span() for m in grouped[kind].finditer(t)] == want, kind
            hits += len(want)
    assert hits >= 100


def test_lexicon_entries_use_only_the_documented_wildcards():
    """A "~" is a word-ending wildcard only at a word's end; inside a word it would match itself only."""
    import yaml

    from storyline.extract.loaded import KINDS, LEXICON

    data = yaml.safe_load(Path(LEXICON).read_text(encoding="utf-8"))
    bad = [(kind, entry) for kind in KINDS for entry in data.get(kind) or [] if isinstance(entry, str)
           for word in entry.split() if "~" in word.rstrip("~")]
    assert not bad
    assert load_lexicon()["name_calling"].search("the regime's henchmen fled")
