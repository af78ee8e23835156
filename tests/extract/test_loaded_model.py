"""The trained loaded-language component on hand-written text (issue 17)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import storyline.engine.components  # noqa: F401 -- registers the built-in components
from storyline.config import DEFAULT_PIPELINE, Settings
from storyline.extract.genre import genre_scores
from storyline.extract.loaded import load_lexicon
from storyline.extract.loaded_model import find_loaded_trained, load_loaded_model, runs
from storyline.model import Block, Document, LoadedTerm
from storyline.nlp.pipeline import parse
from storyline.registry import components, resolve

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = Settings()


def document(text: str) -> Document:
    blocks = [Block(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    return Document(id="t", source="t.txt", raw=text, blocks=blocks)


def run(text: str) -> list[LoadedTerm]:
    doc = document(text)
    return find_loaded_trained(doc, parse(doc, SETTINGS), SETTINGS)


def test_finds_judgement_the_lexicon_does_not_list():
    text = "The arrogant governor rammed the tax through the assembly overnight, and the spineless minister agreed."
    got = {t.text for t in run(text)}
    lexicon = load_lexicon()
    assert {"arrogant", "spineless"} <= got
    assert not any(lexicon[k].search(w) for w in ("arrogant", "spineless") for k in ("name_calling", "emotive"))


def test_spans_carry_raw_offsets():
    text = "Weather\n\nThe greedy bosses pocketed millions while the spineless minister caved to the bankers."
    got = run(text)
    assert got
    for t in got:
        assert text[t.start:t.end] == t.text and t.kind


def test_neutral_reporting_and_strong_words_used_literally_are_not_flagged():
    text = ("The city council approved the budget on Tuesday. The mayor said the new library would open in May. "
            "The storm devastated the coast, destroying 300 homes, officials said.")
    assert run(text) == []


def test_words_in_an_attributed_quote_are_the_speakers():
    assert run('Maria Lopez said: "He is a tyrant and a thug who will never change his ways."') == []


def test_runs_join_hyphenated_words_and_take_scare_quote_marks():
    view = 'the tone - deaf plan and the "reform" of it'
    offs = [(0, 3), (4, 8), (11, 15), (16, 20), (30, 36)]
    assert runs(view, offs, [False, True, True, False, True]) == [(4, 15), (29, 37)]


def test_component_is_registered_default_and_feeds_genre():
    assert "storyline.loaded_language.trained.v1" in DEFAULT_PIPELINE
    names = ["storyline.loaded_language.lexicon.v1", "storyline.loaded_language.trained.v1"]
    lexicon, trained = resolve(names, components)   # the lexicon stays available as a setting
    assert lexicon.assigns == trained.assigns == ("doc.loaded_language",)
    text = ("Opinion\n\nThe corrupt cronies of the ruling clique looted the pension fund. Obviously the shameless "
            "bureaucrats must go.")
    doc = document(text)
    parsed = parse(doc, SETTINGS)
    terms = find_loaded_trained(doc, parsed, SETTINGS)
    assert terms
    # the genre classifier reads the trained spans as it reads the lexicon's: more loaded wording, more opinion
    assert genre_scores(doc, parsed, terms)["opinion"] > genre_scores(doc, parsed, [])["opinion"]


def test_model_records_its_training():
    model = load_loaded_model()
    assert model.info["sentences"] >= 1200 and 0 < model.threshold < 1


def test_eval_scores_recall_restraint_precision(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_loaded import score

    records = [{"id": "a", "text": "The cowardly mob fled.", "spans": ["cowardly", "mob"], "register": "wire"},
               {"id": "b", "text": "The council met.", "spans": [], "register": "wire"},
               {"id": "c", "text": "The army left.", "spans": [], "register": "wire"}]
    m = score(records, [[(4, 12), (17, 21)], [], [(4, 11)]])
    assert (m["recall"], m["restraint"], m["precision"]) == (0.5, 0.5, 1 / 3)   # "fled" and "army" miss


def test_training_refuses_a_frozen_set():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "train_loaded.py"), "--data",
                          str(ROOT / "frozen" / "loaded"), "--out", "/dev/null"],
                         capture_output=True, text=True, check=False, cwd=ROOT)
    assert out.returncode != 0 and "frozen" in (out.stderr + out.stdout)


def test_frozen_set_is_intact():
    rows = [json.loads(line) for line in (ROOT / "frozen" / "loaded" / "test.jsonl").read_text().splitlines()]
    assert len(rows) >= 300 and all(s in r["text"] for r in rows for s in r["spans"])
    assert 0.35 <= sum(1 for r in rows if r["spans"]) / len(rows) <= 0.5


def test_plain_weights_score_as_the_fitted_classifier():
    from storyline.extract.loaded_model import document_tokens, word_table

    model = load_loaded_model()
    doc = document("The greedy bosses pocketed millions while the spineless minister caved to the bankers.\n"
                   "Officials said the bridge would reopen on Monday after repairs.")
    _, sents, _ = document_tokens(doc, parse(doc, SETTINGS), SETTINGS)
    feats = [f for s in sents for f in s.features]
    words = [w for s in sents for w in s.words]
    expected = model.classifier.predict_proba(model.matrix(feats, word_table().of(words)))[:, 1]
    assert model.scores(feats, words) == pytest.approx(list(expected), abs=1e-9)


def test_block_lists_give_the_features_token_objects_give():
    from storyline.extract.loaded_model import document_tokens
    from storyline.extract.quote_marks import marked_spans
    from tests.reference.loaded_tokens import sentence_tokens

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))[:12]]
    texts.append("The greedy bosses pocketed “millions” while the so-called 'reform' — 12 pages — failed.\n"
                 "“This is a disgrace,” the spineless minister said, calling it a ‘stunt’.")
    compared = 0
    for text in texts:
        doc = document(text)
        parsed = parse(doc, SETTINGS)
        _, sents, lexicon = document_tokens(doc, parsed, SETTINGS)
        view = doc.body_view()
        quotes = [(s, e) for s, e, orphan in marked_spans(view, sorted((b.start, b.end) for b in doc.blocks))
                  if not orphan]
        plain = [sentence_tokens(sent, offset, quotes, lexicon) for offset, sent, _ in parsed.sentences_with_text()]
        assert [(s.offsets, s.features, s.words) for s in sents] == [(s.offsets, s.features, s.words) for s in plain]
        compared += sum(len(s.words) for s in sents)
    assert compared > 500


def test_hyphen_compound_spans_the_whole_compound_and_nothing_else():
    from storyline.extract.loaded_model import hyphen_compound

    text = "A rent-a-mob met at the single-market talks - so said the non-violent group."
    at = {w: text.index(w) for w in ("rent", "a-mob", "market", "so", "violent", "group")}
    assert hyphen_compound(text, at["rent"], at["rent"] + 4) == (at["rent"], at["rent"] + len("rent-a-mob"))
    assert hyphen_compound(text, at["a-mob"], at["a-mob"] + 1) == (at["rent"], at["rent"] + len("rent-a-mob"))
    assert text[slice(*hyphen_compound(text, at["market"], at["market"] + 6))] == "single-market"
    assert text[slice(*hyphen_compound(text, at["violent"], at["violent"] + 7))] == "non-violent"
    assert hyphen_compound(text, at["so"], at["so"] + 2) is None   # a spaced dash joins nothing
    assert hyphen_compound(text, at["group"], at["group"] + 5) is None


def test_quote_features_tell_an_attributed_quote_from_a_sneer_quote():
    from storyline.extract.loaded_model import document_tokens

    def features_of(text: str, word: str) -> dict:
        doc = document(text)
        _, sents, _ = document_tokens(doc, parse(doc, SETTINGS), SETTINGS)
        return next(f for s in sents for f, w in zip(s.features, s.words) if w == word)

    assert features_of('The union called the offer "derisory" on Monday.', "derisory")["inq_gov=True"] == 1
    assert features_of('The mayor said the plan was "unworkable".', "unworkable")["inq_gov=True"] == 1
    sneer = features_of('The council\'s "consultation" lasted nine days.', "consultation")
    assert sneer["inq_gov=False"] == 1
    assert "inq_gov=True" not in features_of("Officials said the roads were closed.", "roads")
    assert "inq_gov=False" not in features_of("Officials said the roads were closed.", "roads")


def test_a_name_is_an_entity_and_a_capitalised_label_is_not():
    from storyline.extract.loaded_model import document_tokens

    doc = document("Grumpy pensioner Alan Hobbs shouted at carol singers.")
    _, sents, _ = document_tokens(doc, parse(doc, SETTINGS), SETTINGS)
    feats = dict(zip(sents[0].words, sents[0].features))
    assert feats["alan"]["ent=PERSON"] == 1 and feats["alan"]["propn_noent"] == 0
    assert feats["grumpy"]["ent=-"] == 1
