"""The trained sentence decision and how it changes the lexicon's proposals (hand-made parses, no model)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyline.extract.event_model import NONE, EventModel, build_pipeline, lexicon_tokens, load_event_model
from storyline.extract.events import ADD_P, DROP_P, RETYPE_P, EventCandidate, decided_candidates


def _sentence():
    # "Police detained the organisers ." with "detained" as the root verb
    words = ["Police", "detained", "the", "organisers", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1, 1], deps=["nsubj", "ROOT", "det", "dobj", "punct"],
              pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT"], sent_starts=[True, False, False, False, False])
    return next(iter(doc.sents)), doc


def test_a_confident_none_drops_the_lexicons_proposals_and_a_doubtful_one_keeps_them():
    sent, doc = _sentence()
    cands = [EventCandidate(doc[1], "COERCE")]
    assert decided_candidates(sent, cands, NONE, DROP_P) == []
    assert decided_candidates(sent, cands, NONE, DROP_P - 0.01) == cands


def test_the_models_type_goes_first_when_the_lexicon_also_proposed_it():
    sent, doc = _sentence()
    a, b = EventCandidate(doc[1], "ASSAULT"), EventCandidate(doc[3], "COERCE/restrict")
    assert decided_candidates(sent, [a, b], "COERCE", 0.4) == [b, a]


def test_a_confident_new_type_retypes_the_main_proposal_and_a_doubtful_one_does_not():
    sent, doc = _sentence()
    cands = [EventCandidate(doc[1], "SANCTION")]
    retyped = decided_candidates(sent, cands, "COERCE", RETYPE_P)
    assert [(c.pred.i, c.code) for c in retyped] == [(1, "COERCE")]
    assert decided_candidates(sent, cands, "COERCE", RETYPE_P - 0.01) == cands


def test_a_confident_type_where_the_lexicon_saw_nothing_makes_the_main_verb_the_predicate():
    sent, _ = _sentence()
    added = decided_candidates(sent, [], "COERCE", ADD_P)
    assert [(c.pred.text, c.code) for c in added] == [("detained", "COERCE")]
    assert decided_candidates(sent, [], "COERCE", ADD_P - 0.01) == []


def test_lexicon_tokens_carry_type_and_mode():
    assert lexicon_tokens(["ACCUSE/legal", "PROTEST"]) == "lex_ACCUSE lex_ACCUSE_legal lex_PROTEST"
    assert lexicon_tokens([]) == "lex_none"


def test_a_trained_pipeline_predicts_a_known_label_with_a_probability(tmp_path):
    texts = ["Police arrested the mayor.", "Police detained two reporters.", "The army shelled the town.",
             "Troops bombed the bridge.", "The weather was mild.", "Prices rose in May."] * 3
    labels = ["COERCE", "COERCE", "ASSAULT", "ASSAULT", NONE, NONE] * 3
    model = EventModel(build_pipeline().fit([(t, "lex_none") for t in texts], labels), {"n": len(texts)})
    (label, p), = model.predict(["Police arrested three reporters."], [[]])
    assert label == "COERCE" and 0.0 < p <= 1.0
    model.save(tmp_path / "m.npz")
    again = load_event_model(str(tmp_path / "m.npz"))
    assert again.predict(["Troops shelled the bridge."], [[]])[0][0] == "ASSAULT"


def test_a_missing_model_names_the_command_that_builds_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="make train"):
        load_event_model(str(tmp_path / "none.npz"))


def test_a_nominal_proposal_the_model_agrees_with_gets_its_clauses_verb_as_a_fallback():
    sent, doc = _sentence()
    noun = EventCandidate(doc[3], "COERCE", nominal=True)
    out = decided_candidates(sent, [noun], "COERCE", RETYPE_P)
    assert out[0] is noun and [(c.pred.text, c.code, c.decided) for c in out[1:]] == [("detained", "COERCE", True)]
    # a doubtful agreement keeps the lexicon's reading alone
    assert decided_candidates(sent, [noun], "COERCE", RETYPE_P - 0.01) == [noun]


def test_a_retyped_candidate_is_marked_as_decided():
    sent, doc = _sentence()
    out = decided_candidates(sent, [EventCandidate(doc[1], "CONSULT/visit")], "SUPPORT", 0.9)
    assert [(c.code, c.decided) for c in out] == [("SUPPORT", True)]


def _purpose_sentence():
    # "Farmers blocked the road to protest ." with "to protest" an adverbial clause of purpose of "blocked"
    import spacy

    words = ["Farmers", "blocked", "the", "road", "to", "protest", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 5, 1, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "aux", "advcl", "punct"],
              pos=["NOUN", "VERB", "DET", "NOUN", "PART", "VERB", "PUNCT"],
              sent_starts=[True, False, False, False, False, False, False])
    return next(iter(doc.sents)), doc


@pytest.mark.parametrize("label, kept", [("PROTEST", "protest"), ("COERCE", "blocked"), ("ASSAULT", None)])
def test_an_act_and_its_aim_are_one_event_of_the_decided_type(label, kept):
    from storyline.extract.events import drop_under_decided

    _, doc = _purpose_sentence()
    act, aim = EventCandidate(doc[1], "COERCE/restrict"), EventCandidate(doc[5], "PROTEST")
    out = [c.pred.text for c in drop_under_decided([act, aim], label)]
    # a decision of neither type says nothing about which of the two the sentence reports: both stay
    assert out == ([kept] if kept else ["blocked", "protest"])


def test_a_material_aim_under_a_decided_verb_is_no_second_event():
    from storyline.extract.events import drop_under_decided

    # "Farmers blocked the road to protest ." read as REQUEST by the decision with an AID aim: the aim of a
    # decided act is part of it (the lexicon's pass ran before the decision made "blocked" a predicate)
    _, doc = _purpose_sentence()
    act, aim = EventCandidate(doc[1], "REQUEST", decided=True), EventCandidate(doc[5], "AID")
    assert [c.pred.text for c in drop_under_decided([act, aim], "REQUEST")] == ["blocked"]


def test_the_vectorizers_give_scikit_learns_own_matrix_to_the_bit() -> None:
    # the sentence features are built without scikit-learn's per-call checks: the matrix (and so every event's
    # label and probability) must be the one its vectorizers give
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    from storyline.extract.event_model import vectorize

    train = ["Protesters blocked the road to the port on Monday.", "The minister accused the rebels of shelling.",
             "Police arrested two protesters near the port.", "The rebels denied shelling the town.",
             "Talks on the port resumed on Monday.", "The union threatened to strike over pay."]
    docs = ["Protesters blocked the port again.", "Nothing here matches at all: zzz qqq.", "", "The port, the port!"]
    for vec in (TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True),
                TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=1, sublinear_tf=True),
                CountVectorizer(binary=True, lowercase=False, token_pattern=r"\S+")):  # noqa: S106 - a regex
        vec.fit(train)
        got, want = vectorize(vec, docs), vec.transform(docs)
        assert got.dtype == want.dtype and got.shape == want.shape
        assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.indices, want.indices)
        assert np.array_equal(got.data, want.data)
        assert got.nnz > 0
