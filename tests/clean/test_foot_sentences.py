"""Issue 15, session 30: a story's short closing sentence at its foot; the page's statement of where it first appeared.

A story often closes on one short sentence of its next step ("The inquest resumes on Tuesday.", "El pleno debatirá el
asunto el jueves.", "Комиссия соберётся 19 марта."), right above the page's foot furniture: a credit, a share prompt,
a copyright line. Those closing sentences stay in every language (they did on main too: guards). A line stating
where or when the page first appeared ("Originally published in February.", "Publicado originalmente en la edición
impresa del domingo.", "Dieser Artikel erschien zuerst …") is the page's furniture: main kept the English one right
under the story's last paragraph (``line_model.foot_paragraph`` reads a month as the story's next date) and the
Spanish one anywhere; the lexicon's prefixes now name it (``storyline/data/boilerplate.yaml``), while a sentence that
goes on ("First published in 1962, the novel …") stays the story's.

The articles are invented for these tests.
"""
from __future__ import annotations

import pytest

from storyline.clean import clean_document
from storyline.config import Settings
from storyline.model import Document

SPANISH = "\n".join((
    'El Heraldo de la Sierra',
    'Los vecinos de Peñalba recurren el cierre del consultorio médico',
    '12 de marzo de 2026',
    '',
    'Una treintena de vecinos de Peñalba de la Sierra presentó el lunes un recurso contra el cierre '
    'del consultorio médico del pueblo, que la consejería trasladó en enero a la cabecera de comarca.',
    'Los recurrentes alegan que la mitad de los empadronados supera los setenta años y que el autobús'
    ' a la cabecera solo pasa dos veces por semana.',
    'La consejería sostiene que el consultorio no cumplía las normas de accesibilidad y que la '
    'reforma costaría más que el traslado.',
    'El pleno de la comarca debatirá el asunto el jueves.',
    'Información de Lucía Barrachina',
    'Publicado originalmente en la edición impresa del domingo.',
    '© El Heraldo de la Sierra. Todos los derechos reservados.',
    "",
))

RUSSIAN = "\n".join((
    'Вечерний Заречск',
    'Жители Заречска требуют вернуть автобусный маршрут',
    '5 марта 2026',
    '',
    'Около двухсот жителей микрорайона Сосновый подписали обращение к мэрии с просьбой вернуть '
    'автобусный маршрут номер семь, отменённый в начале года.',
    'По словам жителей, теперь до ближайшей остановки приходится идти больше километра по дороге без '
    'тротуара, и пожилые люди почти перестали выезжать в центр.',
    'В мэрии объяснили, что маршрут был убыточным, но пообещали рассмотреть обращение на ближайшем '
    'заседании транспортной комиссии.',
    'Комиссия соберётся 19 марта.',
    'Текст: Анна Мезенцева',
    'Поделиться: ВКонтакте | Телеграм',
    '© 2026 Вечерний Заречск. Все права защищены.',
    "",
))

GERMAN = "\n".join((
    'Talbote Lindenau',
    'Gemeinderat streitet über Neubaugebiet am Kirchberg',
    '9. April 2026',
    '',
    'Der Gemeinderat von Lindenau hat am Mittwoch erneut über das geplante Neubaugebiet am Kirchberg '
    'gestritten, ohne eine Entscheidung zu treffen.',
    'Anwohner hatten zuvor mehr als vierhundert Einwände gegen den Bebauungsplan eingereicht, vor '
    'allem wegen des zusätzlichen Verkehrs in der engen Kirchgasse.',
    'Bürgermeister Anton Riedl sagte, die Gemeinde brauche dringend Bauplätze für junge Familien und '
    'werde ein Verkehrsgutachten in Auftrag geben.',
    'Die Beratung wird am Donnerstag fortgesetzt.',
    'Mitarbeit: Clara Wendt',
    'Artikel teilen: Facebook | WhatsApp | E-Mail',
    '© Talbote Lindenau 2026. Alle Rechte vorbehalten.',
    "",
))

ENGLISH = "\n".join((
    'The Millbrook Courier',
    'Inquest opens into death of climber on Raven Crag',
    '14 May 2026',
    '',
    'An inquest has opened into the death of a climber who fell from Raven Crag in the Millbrook '
    'hills last month.',
    'The coroner heard that the man, 34, was an experienced climber who had led the same route '
    'several times before the accident on a dry afternoon in April.',
    'A friend who was belaying him told the hearing that a piece of protection had pulled out of a '
    'crack near the top of the route.',
    'The inquest resumes on Tuesday.',
    'Reporting by Harriet Oduya',
    'Originally published in February.',
    'Share this story',
    "",
))

CASES = [
    (SPANISH, "El pleno de la comarca debatirá el asunto el jueves.",
     ("Publicado originalmente en la edición impresa del domingo.",
      "© El Heraldo de la Sierra. Todos los derechos reservados.")),
    (RUSSIAN, "Комиссия соберётся 19 марта.",
     ("Текст: Анна Мезенцева", "Поделиться: ВКонтакте | Телеграм", "© 2026 Вечерний Заречск. Все права защищены.")),
    (GERMAN, "Die Beratung wird am Donnerstag fortgesetzt.",
     ("Mitarbeit: Clara Wendt", "Artikel teilen: Facebook | WhatsApp | E-Mail",
      "© Talbote Lindenau 2026. Alle Rechte vorbehalten.")),
    (ENGLISH, "The inquest resumes on Tuesday.",
     ("Reporting by Harriet Oduya", "Originally published in February.", "Share this story")),
]


#: no closing sentence: the last paragraph of the story, then the page's dated notice right under it
REPUBLISHED = ENGLISH.replace("The inquest resumes on Tuesday.\nReporting by Harriet Oduya\n", "")


@pytest.mark.parametrize("mode", ["rules", "hybrid", "trained"])
def test_an_originally_published_line_under_the_last_paragraph_goes(mode: str):
    # main's foot rule kept it: a sentence naming a month right under the story's last paragraph
    lines = _lines(REPUBLISHED, mode)
    assert "Originally published in February." not in lines
    assert any(ln.startswith("A friend who was belaying him") for ln in lines)


def _lines(raw: str, mode: str) -> list[str]:
    return clean_document(Document(id="t", source="t.txt", raw=raw), Settings(clean_lines=mode)).text.splitlines()


@pytest.mark.parametrize("mode", ["hybrid", "trained"])
@pytest.mark.parametrize("raw,closing,furniture", CASES, ids=["es", "ru", "de", "en"])
def test_the_closing_sentence_stays_and_the_foot_furniture_goes(raw: str, closing: str, furniture: tuple[str, ...],
                                                                mode: str):
    lines = _lines(raw, mode)
    assert closing in lines
    for notice in furniture:
        assert notice not in lines, notice


@pytest.mark.parametrize("mode", ["rules", "hybrid", "trained"])
@pytest.mark.parametrize("statement", [
    "Publicado originalmente en la edición impresa del domingo.",
    "Article initialement publié dans notre édition du week-end.",
    "Dieser Artikel erschien zuerst in der Printausgabe vom 8. April.",
    "Originally published in the Sunday edition.",
])
def test_a_statement_of_first_publication_at_the_foot_goes(statement: str, mode: str):
    raw = SPANISH.replace("Publicado originalmente en la edición impresa del domingo.", statement)
    lines = _lines(raw, mode)
    assert statement not in lines
    assert "El pleno de la comarca debatirá el asunto el jueves." in lines


@pytest.mark.parametrize("mode", ["rules", "hybrid"])
def test_a_sentence_that_goes_on_after_first_published_stays(mode: str):
    body = "First published in 1962, the guide has been revised by three generations of the same family."
    raw = ENGLISH.replace("The coroner heard that", body + "\nThe coroner heard that")
    assert body in _lines(raw, mode)
