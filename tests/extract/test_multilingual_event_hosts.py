"""Russian, Ukrainian and Spanish host-and-visitor events: the host is the target, the visitor the source, whatever the
voice (rule 4 of training/languages/events/README.md, as the English extractor's ``inverse_verbs``), read by the role
ranker through its host-verb feature."""
from __future__ import annotations

import pytest

from storyline.extract.multilingual_events import (
    choose_roles,
    host_verb,
    load_cues,
    load_role_ranker,
    rank_roles,
    role_features,
)
from tests.extract.helpers import sentence_with


@pytest.mark.parametrize("lang,text,verb,passive", [
    ("ru", "Президент Сенегала принял в Дакаре министра обороны Италии.", "принял", False),
    ("ru", "Министр обороны Италии был принят президентом Сенегала.", "принят", True),
    ("uk", "Прем'єр Ірландії приймає в Дубліні делегацію Чилі.", "приймає", False),
    ("uk", "Делегацію Чилі було прийнято в Дубліні.", "прийнято", True),
    ("es", "La presidenta de Honduras recibió a su homólogo de Panamá.", "recibió", False),
    ("es", "El canciller de Panamá fue recibido por la presidenta de Honduras.", "recibido", True),
    # the perfect has its object after the participle: active
    ("es", "La presidenta de Honduras ha recibido a su homólogo de Panamá.", "recibido", False),
    ("es", "El emir de Catar dio la bienvenida al presidente de Zambia.", "dio la bienvenida", False),
])
def test_a_verb_of_receiving_a_visitor_is_found_with_its_voice(lang, text, verb, passive):
    at = text.index(verb)
    assert host_verb(text, lang, load_cues()) == (at, at + len(verb), passive)


@pytest.mark.parametrize("lang,text", [
    ("ru", "Стороны обсудили в Дакаре поставки зерна."),
    ("es", "Los cancilleres de Honduras y Panamá se reunieron en Tegucigalpa."),
])
def test_a_sentence_without_a_host_verb_has_none(lang, text):
    assert host_verb(text, lang, load_cues()) is None


def test_role_features_mark_the_host_verbs_subject_and_its_marked_object():
    cues = load_cues()
    text = "La presidenta de Honduras recibió a su homólogo de Panamá en Tegucigalpa."
    sent, mentions = sentence_with(text, [("Honduras", "GPE"), ("Panamá", "GPE")])
    at = text.index("recibió")
    subject = role_features(sent, mentions, 0, "CONSULT", at, "es", cues)
    visitor = role_features(sent, mentions, 1, "CONSULT", at, "es", cues)
    assert subject.get("host|before|active|etype=CONSULT") == 1.0
    assert visitor.get("host|after|active|etype=CONSULT") == 1.0
    # "a su homólogo de Panamá": the object marker stands before the noun, not the name
    assert "host|after|active|etype=CONSULT|marked=False" in visitor


@pytest.mark.parametrize("lang,text,names,verb,expected", [
    # active: the subject hosts, so the position rules swap it into the target, as the English inverse_verbs
    ("ru", "Президент Сенегала принял в Дакаре министра обороны Италии.", [("Сенегала", "GPE"), ("Италии", "GPE")],
     "принял", ("d/e1", "d/e0")),
    ("es", "Sánchez recibió a Lula en la Moncloa.", [("Sánchez", "PERSON"), ("Lula", "PERSON")], "recibió",
     ("d/e1", "d/e0")),
    # passive: the visitor is the subject and stays the source
    ("ru", "Министр обороны Италии был принят президентом Сенегала.", [("Италии", "GPE"), ("Сенегала", "GPE")],
     "принят", ("d/e0", "d/e1")),
    # no visit: "принял закон" is no host
    ("ru", "Парламент Латвии принял закон против Белоруссии.", [("Латвии", "GPE"), ("Белоруссии", "GPE")],
     "принял", ("d/e0", "d/e1")),
])
def test_the_position_rules_make_the_subject_of_an_active_host_verb_the_target(lang, text, names, verb, expected):
    sent, mentions = sentence_with(text, names)
    etype = "SANCTION" if "закон" in text else "CONSULT"
    assert choose_roles(sent, mentions, etype, text.index(verb), lang, load_cues()) == expected


@pytest.mark.parametrize("lang,text,names,verb,expected", [
    ("ru", "Президент Сенегала принял в Дакаре министра обороны Италии.", [("Сенегала", "GPE"), ("Италии", "GPE")],
     "принял", ("d/e1", "d/e0")),
    ("uk", "Прем'єр Ірландії прийняв у Дубліні міністра закордонних справ Чилі.",
     [("Ірландії", "GPE"), ("Чилі", "GPE")], "прийняв", ("d/e1", "d/e0")),
    ("es", "La presidenta de Honduras recibió en Tegucigalpa al canciller de Panamá.",
     [("Honduras", "GPE"), ("Panamá", "GPE")], "recibió", ("d/e1", "d/e0")),
    ("es", "Sánchez recibió a Lula en la Moncloa.", [("Sánchez", "PERSON"), ("Lula", "PERSON")], "recibió",
     ("d/e1", "d/e0")),
    # the passive gives the same roles: the visitor first, the host as the agent
    ("es", "El canciller de Panamá fue recibido por la presidenta de Honduras.",
     [("Panamá", "GPE"), ("Honduras", "GPE")], "recibido", ("d/e0", "d/e1")),
])
def test_the_ranker_takes_the_host_of_a_host_verb_as_target_and_the_visitor_as_source(lang, text, names, verb,
                                                                                       expected):
    ranker = load_role_ranker()
    assert ranker is not None
    sent, mentions = sentence_with(text, names)
    assert rank_roles(sent, mentions, "CONSULT", text.index(verb), lang, load_cues(), ranker) == expected
