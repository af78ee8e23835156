"""Issue 15, session 28 (clean32): a box of furniture dropped between two paragraphs is told from the story's own
list by a line that calls the reader to act, in every language the cleaning training covers, not in English alone.
clean31 kept a run of more than three short lines between two paragraphs unless a line of it spoke to the reader
("you", "our", a link) or opened with a call to act ("Book …", "Download …"), cues written in English: a Spanish,
German, French or Russian hotel or shop box was kept as the story's list while the same box in English was dropped.
The cues of the other languages are ``reader_cues.yaml``'s (``line_model.calls_reader_to_act``).

The articles are invented for these tests.
"""
from __future__ import annotations

import pytest

from storyline.clean import clean_document
from storyline.clean.line_model import calls_reader_to_act
from storyline.config import Settings
from storyline.model import Document

SPANISH_AD = """Diario de Valdeolmos
El puente de la Ribera reabre tras ocho meses de obras
4 de mayo de 2026

El puente de la Ribera volvió a abrir al tráfico el lunes, después de ocho meses de obras para reforzar sus pilares.
Dónde alojarse
Hoteles junto al río en Valdeolmos
Reserva ahora con un 20% de descuento
Ver ofertas
El ayuntamiento calcula que unos once mil vehículos cruzarán el puente cada día cuando termine el verano.
Los vecinos del barrio de San Lázaro pidieron más pasos de peatones en los accesos al puente durante las obras.
"""

GERMAN_AD = """Kreisbote Altmühlgrund
Neue Fähre zwischen Riedheim und Wolfsau fährt wieder
12. März 2026

Die Fähre zwischen Riedheim und Wolfsau hat am Montag nach dem Winter den Betrieb wieder aufgenommen.
Urlaub an der Altmühl
Ferienwohnungen am Fluss
Jetzt buchen und zehn Prozent sparen
Zu den Angeboten
Im vergangenen Jahr setzte die Fähre nach Angaben des Landkreises mehr als vierzigtausend Fahrgäste über.
Der Fährmann rechnet in diesem Sommer wegen der neuen Radwege mit noch mehr Ausflüglern als im Vorjahr.
"""

FRENCH_AD = """Le Courrier de la Vesle
La halle de Saint-Brice rouvre ses portes après deux ans de travaux
9 avril 2026

La halle couverte de Saint-Brice a rouvert samedi matin après deux ans de travaux de restauration de sa charpente.
Bons plans
Séjours en Champagne
Découvrez nos offres de printemps
Réservez en ligne
Une trentaine de commerçants y tiennent désormais un étal le mercredi et le samedi, contre douze avant les travaux.
La mairie prévoit d'y accueillir aussi un marché de producteurs le premier dimanche de chaque mois cet été.
"""

RUSSIAN_AD = """Вести Заречья
В Заречье открыли новый мост через Сухону
3 июня 2026

Новый пешеходный мост через Сухону в Заречье открыли в пятницу после полутора лет строительства.
Отдых на реке
Гостиницы у набережной
Забронируйте номер со скидкой
Подробнее
По словам главы района, мост сократит путь от вокзала до рынка почти на два километра для жителей правого берега.
Следующим летом рядом с мостом обещают построить лодочную станцию и прокат велосипедов для гостей города.
"""

#: the lines of each box above its last two: a run too long for headings over the paragraph below and not the story's
#: list, so orphans, as the same box in English is (its last two lines stay as headings over the paragraph in rules
#: mode, in every language, English too; that is the heading chain's rule, not this one's)
AD_ROWS = {
    "es": ("Dónde alojarse", "Hoteles junto al río en Valdeolmos"),
    "de": ("Urlaub an der Altmühl", "Ferienwohnungen am Fluss"),
    "fr": ("Bons plans", "Séjours en Champagne"),
    "ru": ("Отдых на реке", "Гостиницы у набережной"),
}

SPANISH_RESULTS = """Diario de Valdeolmos
Una atleta local gana la media maratón del río
10 de mayo de 2026

Más de dos mil corredores tomaron la salida el domingo en la media maratón del río, que cumplía su vigésima edición.
Clasificación femenina
1. Marta Ruiz (Valdeolmos) 1:14:32
2. Elena Sotomayor (Tordesillas) 1:15:08
3. Lucía Ferrán (Medina) 1:16:41
La ganadora, que entrena en el club de atletismo de la ciudad, rebajó en casi un minuto el récord de la prueba.
La organización anunció que el año próximo el recorrido pasará también por el nuevo puente de la Ribera.
"""

GERMAN_PLACES = """Kreisbote Altmühlgrund
Radweg an der Altmühl durchgehend befahrbar
2. April 2026

Seit dieser Woche ist der Radweg an der Altmühl zwischen Riedheim und Kaltenbrunn auf ganzer Länge befahrbar.
Die Etappen im Überblick
Riedheim bis Wolfsau, 14 Kilometer
Wolfsau bis Mühlstetten, 19 Kilometer
Mühlstetten bis Kaltenbrunn, 22 Kilometer
Unterwegs laden mehrere Gasthöfe und zwei Badestellen zur Rast ein, teilte der Tourismusverband mit.
Die Beschilderung soll bis zum Beginn der Sommerferien an allen Abzweigungen vollständig erneuert werden.
"""

FRENCH_RESULTS = """Le Courrier de la Vesle
Municipales partielles à Saint-Brice : les résultats du premier tour
30 mars 2026

Les électeurs de Saint-Brice étaient appelés aux urnes dimanche pour une élection municipale partielle.
Résultats du premier tour
Liste Agir pour Saint-Brice : 41,2 %
Liste Saint-Brice d'abord : 35,7 %
Liste Écologie et territoire : 23,1 %
La participation s'est élevée à 58 %, soit six points de plus qu'aux élections municipales de 2020.
Le second tour opposera dimanche prochain les deux listes arrivées en tête, la troisième s'étant retirée.
"""

RUSSIAN_PLACES = """Вести Заречья
Летом в Заречье пустят новые речные трамваи
20 мая 2026

С первого июня по Сухоне начнут ходить два речных трамвая, которые построили на местной верфи.
Остановки маршрута
Речной вокзал
Набережная у рынка
Парк Победы
Лодочная станция
Трамваи будут ходить каждые сорок минут с семи утра до десяти вечера, билет будет стоить как в автобусе.
Администрация района рассчитывает, что за лето речным транспортом воспользуются не меньше двадцати тысяч человек.
"""

LIST_ROWS = {
    "es": ("Clasificación femenina", "1. Marta Ruiz (Valdeolmos) 1:14:32", "2. Elena Sotomayor (Tordesillas) 1:15:08",
           "3. Lucía Ferrán (Medina) 1:16:41"),
    "de": ("Riedheim bis Wolfsau, 14 Kilometer", "Wolfsau bis Mühlstetten, 19 Kilometer",
           "Mühlstetten bis Kaltenbrunn, 22 Kilometer"),
    "fr": ("Liste Agir pour Saint-Brice : 41,2 %", "Liste Saint-Brice d'abord : 35,7 %",
           "Liste Écologie et territoire : 23,1 %"),
    "ru": ("Речной вокзал", "Набережная у рынка", "Парк Победы", "Лодочная станция"),
}


def _text(raw: str, mode: str) -> str:
    return clean_document(Document(id="t", source="t.txt", raw=raw), Settings(clean_lines=mode)).text


@pytest.mark.parametrize("mode", ["rules", "hybrid"])
@pytest.mark.parametrize("lang,raw", [("es", SPANISH_AD), ("de", GERMAN_AD), ("fr", FRENCH_AD), ("ru", RUSSIAN_AD)])
def test_an_ad_box_between_two_paragraphs_is_removed_in_every_language(lang: str, raw: str, mode: str):
    text = _text(raw, mode)
    for row in AD_ROWS[lang]:
        assert row not in text, row
    # the paragraphs on both sides stay
    paragraphs = [line for line in raw.splitlines() if len(line.split()) > 12]
    for paragraph in paragraphs:
        assert paragraph in text, paragraph


@pytest.mark.parametrize("mode", ["rules", "hybrid"])
@pytest.mark.parametrize("lang,raw", [("es", SPANISH_RESULTS), ("de", GERMAN_PLACES), ("fr", FRENCH_RESULTS),
                                      ("ru", RUSSIAN_PLACES)])
def test_a_list_of_places_or_results_between_two_paragraphs_is_kept(lang: str, raw: str, mode: str):
    text = _text(raw, mode)
    for row in LIST_ROWS[lang]:
        assert row in text, row


@pytest.mark.parametrize("line", ["Reserva ahora con un 20% de descuento", "Jetzt buchen", "Découvrez nos offres",
                                  "Забронируйте номер", "Scopri le nostre offerte", "Boek nu online",
                                  "Zarezerwuj pokój", "Hemen rezervasyon yapın", "Pesan sekarang", "Assine já",
                                  "Läs mer om våra erbjudanden", "Angebote: jetzt sichern"])
def test_a_call_to_act_in_another_language_is_read(line: str):
    # a label's colon is passed by ``document._calls_to_act``; here the line itself opens with the call
    assert calls_reader_to_act(line.split(": ", 1)[-1])


@pytest.mark.parametrize("line", ["Festival du film, 12 mai", "Liste Agir pour Saint-Brice : 41,2 %",
                                  "Deel 2: de brug", "Daftar pemenang lomba", "Prova 3: 400 metri", "50 sen per kilo",
                                  "Was bleibt vom Sommer", "Visite guidée de la halle", "Felipe VI en Valdeolmos"])
def test_a_row_of_a_list_is_not_read_as_a_call_to_act(line: str):
    assert not calls_reader_to_act(line)
