"""Quotes in Russian, Ukrainian and Spanish: quote marks « » „ “ and each language's speech verbs as data, the
speaker by the nearest name (or a pronoun standing for the last person named), through the language route."""
from __future__ import annotations

import importlib.util

import pytest

from storyline.config import Settings
from storyline.engine import stages
from storyline.engine.components import DocState
from storyline.extract.quotes_languages import extract_language_quotes, load_quote_cues
from storyline.model import Document, Mention, Sentence

#: the parts before quotes (no events: the quote finder does not need them, and e5 is slow)
SKIP = {"storyline.lead_vector.v1", "storyline.events.multilingual.v1"}


def _quotes(lang: str, text: str) -> list[tuple[str | None, str, bool]]:
    settings = Settings()
    parts = stages.language_pipelines(settings)[lang]
    assert "storyline.quotes.languages.v1" in [p.name for p in parts]
    state = DocState(document=Document(id="d1", source="d1.txt", raw=text, given={"language": lang}))
    for part in parts:
        if part.name not in SKIP:
            part.run(state, settings)
    names = {e.id: e.name for e in state.entities}
    for q in state.quotes:
        assert text[q.start:q.end] == q.text and q.doc == "d1"  # provenance: raw offsets
    return [(names.get(q.speaker or ""), q.text, q.direct) for q in state.quotes]


def test_russian_quote_marks_speech_verb_after_the_quote_and_reported_speech():
    found = _quotes("ru", "«Мы не допустим повышения тарифов в этом году», — сказал губернатор Аркадий Веснин "
                          "журналистам. Он добавил, что бюджет области выдержит нагрузку. По словам министра "
                          "финансов Ольги Журавлевой, дефицит сократится. Премьера фильма «Тихий берег под луной» "
                          "состоится в марте.")
    assert found[0] == ("Аркадий Веснин", "Мы не допустим повышения тарифов в этом году", True)
    # the pronoun stands for the last person named; "по словам" names the speaker after it
    assert found[1][0] == "Аркадий Веснин" and found[1][1].startswith("бюджет области") and not found[1][2]
    assert found[2][0] == "Ольга Журавлева" and found[2][1].startswith("дефицит сократится")
    # a title in quote marks with no speech verb is no quote
    assert len(found) == 3


@pytest.mark.skipif(importlib.util.find_spec("pymorphy3_dicts_uk") is None,
                    reason="speaker names in their normal form need the optional Ukrainian dictionary (extra 'uk')")
def test_ukrainian_low_high_quote_marks_with_the_verb_before_and_za_slovamy():
    found = _quotes("uk", "Міністр енергетики Тарас Дем'яненко заявив: „Ми відновимо постачання до кінця тижня“. "
                          "За словами мера Львова Ігоря Коваля, черги на заправках зникнуть.")
    assert found[0] == ("Тарас Дем'яненко", "Ми відновимо постачання до кінця тижня", True)
    assert found[1][0] == "Ігор Коваль" and found[1][1].startswith("черги на заправках")


def test_ukrainian_pronoun_before_the_verb_takes_the_last_person_named():
    found = _quotes("uk", "Голова громади Оксана Литвин зустрілася з журналістами. Вона сказала, що міст "
                          "відкриють у травні.")
    assert found == [("Оксана Литвин", "міст відкриють у травні.", False)]


def test_spanish_angle_quotes_dijo_and_segun_with_a_name_in_apposition():
    found = _quotes("es", "«No vamos a subir los impuestos este año», dijo la ministra Carmen Beltrán en Sevilla. "
                          "Según el alcalde de Málaga, Javier Ocaña, el metro estará listo en 2027.")
    assert found[0] == ("Carmen Beltrán", "No vamos a subir los impuestos este año", True)
    assert found[1] == ("Javier Ocaña", "el metro estará listo en 2027.", False)


def test_a_speech_verb_with_nobody_beside_it_gives_no_reported_quote():
    text = "Сообщается, что завод закроют. Ранее сообщалось, что цены вырастут."
    sentences = [Sentence("d1", 0, 30, text[:30]), Sentence("d1", 31, len(text), text[31:])]
    doc = Document(id="d1", source="d1.txt", raw=text, given={"language": "ru"})
    assert extract_language_quotes(doc, sentences, [], "ru") == []


def test_the_nearest_person_wins_over_a_place_and_a_language_without_cues_has_no_quotes():
    text = "«Мы построим новый мост через реку», — заявил в Омске мэр Павел Орлов."
    at = text.index
    mentions = [Mention("d1", at("Омске"), at("Омске") + 5, "Омске", "GPE", "d1/e1"),
                Mention("d1", at("Павел"), len(text) - 1, "Павел Орлов", "PERSON", "d1/e2")]
    doc = Document(id="d1", source="d1.txt", raw=text, given={"language": "ru"})
    sentences = [Sentence("d1", 0, len(text), text)]
    quotes = extract_language_quotes(doc, sentences, mentions, "ru")
    assert [(q.speaker, q.text) for q in quotes] == [("d1/e2", "Мы построим новый мост через реку")]
    assert extract_language_quotes(doc, sentences, mentions, "kk") == []
    assert load_quote_cues("kk") is None


@pytest.mark.parametrize("lang", ["ru", "uk", "es"])
def test_every_language_lists_speech_verbs_and_according_to_phrases(lang):
    cues = load_quote_cues(lang)
    assert cues is not None and cues.speech_verbs and cues.according_to and cues.pronouns


def test_the_quote_sets_rebuild_identically_and_hold_their_counts():
    # frozen/languages/quotes and training/languages/quotes/dev are built from marked-up sources: offsets,
    # speakers printed in the text, at least 100 attributed quotes per language in the frozen set
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "scripts/build_quotes_languages.py", "--check"], check=False,
                          capture_output=True, text=True, cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("frozen/languages/quotes/") == 3


def _doc(text: str, lang: str) -> tuple[Document, list[Sentence]]:
    return Document(id="d1", source="d1.txt", raw=text, given={"language": lang}), [Sentence("d1", 0, len(text), text)]


def test_russian_dialogue_dashes_give_both_parts_of_the_speech_to_the_speaker():
    text = ("Завод в Липецке остановил цех. — Мы не уйдём с этого рынка, — сказал директор Павел Орлов. — Цех "
            "заработает к весне.")
    at = text.index("Павел")
    mentions = [Mention("d1", text.index("Липецке"), text.index("Липецке") + 7, "Липецке", "GPE", "d1/e1"),
                Mention("d1", at, at + len("Павел Орлов"), "Павел Орлов", "PERSON", "d1/e2")]
    doc, sentences = _doc(text, "ru")
    quotes = extract_language_quotes(doc, sentences, mentions, "ru")
    assert [(q.speaker, q.text, q.direct) for q in quotes] == [
        ("d1/e2", "Мы не уйдём с этого рынка", True), ("d1/e2", "Цех заработает к весне.", True)]
    for q in quotes:
        assert text[q.start:q.end] == q.text


def test_spanish_raya_dialogue_and_a_short_name_the_tagger_left_unmarked():
    text = ("La ministra Carmen Beltrán visitó la planta. —No vamos a cerrar esta fábrica —aseguró Beltrán—. "
            "Hay futuro aquí.")
    at = text.index("Carmen")
    mentions = [Mention("d1", at, at + len("Carmen Beltrán"), "Carmen Beltrán", "PERSON", "d1/e1")]
    doc, sentences = _doc(text, "es")
    quotes = extract_language_quotes(doc, sentences, mentions, "es")
    assert [(q.speaker, q.text) for q in quotes] == [("d1/e1", "No vamos a cerrar esta fábrica"),
                                                    ("d1/e1", "Hay futuro aquí.")]


def test_a_route_dash_is_no_dialogue_and_a_plural_verb_speaks_for_the_body_named_last():
    text = ("Компания «Сахалинские линии» пустит паром по линии Ванино — Холмск с ноября. «Судно уже прошло все "
            "испытания», — сообщили в компании.")
    at = text.index("Сахалинские")
    mentions = [Mention("d1", at, at + len("Сахалинские линии"), "Сахалинские линии", "ORG", "d1/e1")]
    doc, sentences = _doc(text, "ru")
    quotes = extract_language_quotes(doc, sentences, mentions, "ru")
    assert [(q.speaker, q.text) for q in quotes] == [("d1/e1", "Судно уже прошло все испытания")]
