"""Russian, Ukrainian and Spanish event targets: the owner of the object's noun ("штаб-квартиру НАТО", "la sede de la
OEA"), read when the noun is a hyphenated compound, as the role ranker's features see it."""
from __future__ import annotations

import pytest

from storyline.extract.multilingual_events import load_cues, noun_attribute, role_features
from tests.extract.helpers import sentence_with


@pytest.mark.parametrize("lang,text,name,verb,expected", [
    # a hyphenated compound is one noun the name hangs on
    ("ru", "Моди посетил штаб-квартиру Африканского союза в Аддис-Абебе.", "Африканского союза", "посетил",
     "штаб-квартиру"),
    ("uk", "Пікетувальники заблокували штаб-квартиру Shell у Гаазі.", "Shell", "заблокували", "штаб-квартиру"),
    ("ru", "Суд арестовал вице-президента «Лукойла» по делу о взятке.", "«Лукойла»", "арестовал", "вице-президента"),
    # a capitalised hyphenated word is a name, not a head noun, and the verb is never one
    ("ru", "Генсек ООН прибыл в Нью-Йорк.", "Нью-Йорк", "прибыл", None),
    ("ru", "Москва атаковала Улан-Удэ.", "Улан-Удэ", "атаковала", None),
])
def test_a_hyphenated_noun_is_the_head_a_name_hangs_on(lang, text, name, verb, expected):
    assert noun_attribute(text, text.index(name), text.index(verb), lang, load_cues()) == expected


def test_role_features_mark_an_organisation_owning_a_hyphenated_noun():
    cues = load_cues()
    text = "Моди посетил штаб-квартиру Африканского союза в Аддис-Абебе."
    sent, mentions = sentence_with(text, [("Моди", "PERSON"), ("Африканского союза", "ORG"),
                                           ("Аддис-Абебе", "GPE")])
    f = role_features(sent, mentions, 1, "CONSULT", text.index("посетил"), "ru", cues)
    assert f.get("noun_attr") == 1.0 and f.get("noun_attr|type=ORG") == 1.0
