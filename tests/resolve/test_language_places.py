"""Places in Russian and Ukrainian names: a capital in its own spelling, a city's genitive before a title's holder,
and indexes derived from a knowledge base kept with that knowledge base."""
from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.engine import stages
from storyline.model import DocAnalysis, Document
from storyline.nlp.ner_languages import NamedSpan
from storyline.resolve.kb import KB, KBEntry, load_kb
from storyline.resolve.languages import resolve_names


def _analyse(lang: str, text: str) -> DocAnalysis:
    doc = Document(id="d", source="d.txt", raw=text, given={"published": "2025-03-05", "language": lang})
    return next(a for a in stages.analyze_documents([doc], Settings()) if isinstance(a, DocAnalysis))


@pytest.mark.parametrize("lang,text,capital,country", [
    # consonant keys of two letters ("Suva": sv) or none shared with the English name: the capital's own
    # spellings (GeoNames' names of it in every script) find it, in any case form
    ("ru", "Сува предложила провести переговоры в четверг.", "Сува", "gpe:FJI"),
    ("ru", "Ниамей предложил провести переговоры в четверг.", "Ниамей", "gpe:NER"),
    ("uk", "Делегація прибула до Вадуца на переговори.", "Вадуца", "gpe:LIE"),
    ("ru", "Делегация прибыла в Улан-Батор.", "Улан-Батор", "gpe:MNG"),
])
def test_a_capital_in_its_own_cyrillic_spelling_stands_for_its_country(lang, text, capital, country):
    out = _analyse(lang, text)
    kb_of = {e.id: e.kb_id for e in out.entities}
    mention = next(m for m in out.mentions if m.text == capital)
    assert kb_of[mention.entity or ""] == country


@pytest.mark.parametrize("lang,text,word,country", [
    # "Мале" (Malé) folds to the stem of "Мали" (Mali): the capital's whole written name wins over the stem
    ("ru", "Делегация Индии прибыла в Мале на переговоры.", "Мале", "gpe:MDV"),
    ("uk", "Делегація Індії прибула до Мале на переговори.", "Мале", "gpe:MDV"),
    # the country itself, and a country's case form that GeoNames also lists as a rare spelling of a capital
    # ("Ганой", a Hanoi): the country's name stays the country
    ("ru", "Делегация Индии прибыла в Мали на переговоры.", "Мали", "gpe:MLI"),
    ("ru", "Индия подписала соглашение с Ганой о поставках какао.", "Ганой", "gpe:GHA"),
])
def test_a_capitals_whole_name_wins_over_a_country_sharing_its_stem(lang, text, word, country):
    start = text.index(word)
    doc = Document(id="d", source="d.txt", raw=text, given={"published": "2025-03-05", "language": lang})
    mentions, entities = resolve_names(doc, [NamedSpan(start, start + len(word), word, "LOC", word)], lang,
                                       load_kb())
    kb_of = {e.id: e.kb_id for e in entities}
    assert kb_of[next(m.entity for m in mentions if m.text == word) or ""] == country


def test_a_citys_genitive_after_a_title_is_not_part_of_the_holders_name():
    text = "Мер Дніпра Лисак заявив, що у місті відкриють ще двадцять укриттів."
    out = _analyse("uk", text)
    by_id = {e.id: e for e in out.entities}
    texts = {m.text: by_id[m.entity or ""] for m in out.mentions}
    assert "Дніпра Лисак" not in texts
    assert texts["Лисак"].type == "PERSON"
    assert texts["Дніпра"].type in ("GPE", "LOC")
    place = next(m for m in out.mentions if m.text == "Дніпра")
    assert text[place.start:place.end] == "Дніпра"


def _kb(*countries: tuple[str, str]) -> KB:
    kb = KB()
    for kb_id, capital in countries:
        kb.add(KBEntry(kb_id=kb_id, name=kb_id[4:].title(), type="GPE", capitals=[capital]))
    kb.index()
    return kb


def _country_of(word: str, kb: KB) -> str | None:
    text = f"{word} ответил на ноту."
    doc = Document(id="d", source="d.txt", raw=text, given={"published": "2025-03-05", "language": "ru"})
    _, entities = resolve_names(doc, [NamedSpan(0, len(word), word, "LOC", word)], "ru", kb)
    return entities[0].kb_id


def test_a_capital_added_to_a_knowledge_base_after_its_first_use_is_read():
    # the capitals' tables were kept by id(kb): a KB changed (or a new one at a freed address) read the old table
    kb = _kb(("gpe:XQA", "Vostrigrad"))
    assert _country_of("Vostrigrad", kb) == "gpe:XQA"
    kb.add(KBEntry(kb_id="gpe:XQB", name="Xqb", type="GPE", capitals=["Lomarsk"]))
    kb.index()
    assert _country_of("Lomarsk", kb) == "gpe:XQB"


def test_each_knowledge_base_answers_with_its_own_capitals():
    first = _kb(("gpe:XQA", "Vostrigrad"))
    second = _kb(("gpe:XQB", "Vostrigrad"))
    assert (_country_of("Vostrigrad", first), _country_of("Vostrigrad", second)) == ("gpe:XQA", "gpe:XQB")


@pytest.mark.parametrize("text,name", [
    # a town's own (nominative) spelling may be a surname: "Иванов" is a town's name and a family's
    ("Председатель Иванов Сергей ответил на вопросы.", "Иванов Сергей"),
    # a name at the head of the text has no title before it
    ("Харькова Анна ответила на вопросы.", "Харькова Анна"),
])
def test_a_persons_name_spelled_as_a_town_stays_whole(text, name):
    start = text.index(name)
    doc = Document(id="d", source="d.txt", raw=text, given={"published": "2025-03-05", "language": "ru"})
    mentions, _ = resolve_names(doc, [NamedSpan(start, start + len(name), name, "PERSON", name)], "ru", KB())
    assert [m.text for m in mentions] == [name]
