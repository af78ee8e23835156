"""The fast stand-ins give exactly what spaCy's attribute ruler and lemmatizer give."""
from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.demo import demo_corpus_path
from storyline.nlp.fast_rules import FastAttributeRuler, UnsupportedPatternError, fast_components
from storyline.nlp.pipeline import load_nlp, pipe

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def _paragraphs() -> list[str]:
    texts = []
    for folder in (FIXTURES, Path(demo_corpus_path()), SEEDS):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.suffix in {".txt", ".html", ".md", ".yaml", ".json", ".jsonl"}:
                raw = path.read_text("utf-8", errors="replace")
                texts += [p for p in raw.split("\n\n") if p.strip()]
    # spelled to reach the rarer patterns: contractions, "gonna", "ain't", spaces, symbols
    texts += ["We ain't gonna wait, y'all.  They'd've gone — didn't they?\n\nI'm sure it's fine, ma'am.",
              "He wanna go 'cause it's 5 p.m. and the U.S. isn't ready: 'Tis so."]
    return texts


def _annotations(docs) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for d in docs for t in d]


def test_stand_ins_equal_spacy_token_for_token():
    settings = Settings()
    nlp = load_nlp(settings.spacy_model)
    fast = fast_components(nlp)
    assert set(fast) == {"attribute_ruler", "lemmatizer"}  # both are replaced for the default model
    texts = _paragraphs()
    assert len(texts) > 150
    slow = _annotations(nlp.pipe(texts))
    quick = _annotations(pipe(texts, settings))
    assert len(slow) == len(quick)
    diffs = [(a, b) for a, b in zip(slow, quick) if a != b]
    assert not diffs, diffs[:5]


def test_setting_off_runs_spacy_as_is():
    texts = ["Officials said they ain't gonna sign."]
    on, off = (_annotations(pipe(texts, Settings(fast_rules=v))) for v in (True, False))
    assert on == off


def test_unsupported_pattern_is_refused():
    from spacy.lang.en import English

    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    with pytest.raises(UnsupportedPatternError):
        FastAttributeRuler(ruler)
    assert fast_components(nlp) == {}


def test_set_indexed_rule_lemmas_equal_spacys_for_every_token():
    from storyline.nlp.fast_rules import RuleLemmas, rule_lemmas

    nlp = load_nlp(Settings().spacy_model)
    lemmatizer = nlp.get_pipe("lemmatizer")
    ours = rule_lemmas(lemmatizer)
    assert isinstance(ours, RuleLemmas)  # the default model's lemmatizer is spaCy's own
    tokens = [t for doc in nlp.pipe(_paragraphs(), disable=["lemmatizer"]) for t in doc]
    assert len({t.lower_ for t in tokens}) > 2000
    diffs = [(t.text, t.pos_) for t in tokens if ours(t) != lemmatizer.rule_lemmatize(t)]
    assert not diffs, diffs[:5]


def test_a_lemmatizer_with_its_own_rules_is_called_as_it_is():
    from spacy.lang.en import English

    from storyline.nlp.fast_rules import rule_lemmas

    nlp = English()
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert rule_lemmas(lemmatizer) == lemmatizer.lemmatize
