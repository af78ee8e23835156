"""Session 29 (title33): two-word headlines the shipped title model misses (issue 15), kept as strict xfails. A
headline of two words in capitals under a section's label over its unpunctuated standfirst ("SCHULE GESCHLOSSEN")
stays under the 0.8 the model must reach to take the title from the standfirst, which the rules take for the
headline-long line; a two-word headline on the page's top line over the outlet's name with a date line under that
gives the title to the outlet in Spanish. Training pages of these shapes (80 pages in twelve languages, tried in four
mixes) fixed all three and cost two or three dev titles each time (a programme's name in capitals, "EVENING NEWS
HOUR", and labels under a masthead, "What's on", rose past the same 0.8): no mix was shipped. Hand-written pages in
several languages, each shape beside cases the model gets right and its counter-examples (a label in capitals over
a long headline; a masthead on top over the headline)."""
from __future__ import annotations

import pytest

from tests.clean.titles import page_title

_MISSED = pytest.mark.xfail(strict=True, reason="issue 15: the title model's P under the 0.8 override (title33)")

CASES = [
    pytest.param(
     "Region\nSCHULE GESCHLOSSEN\nNach einem Wasserrohrbruch im Keller bleibt die Grundschule am Lindenweg bis "
     "Ende der Woche zu\nDie Grundschule am Lindenweg bleibt nach einem Wasserrohrbruch im Keller bis Ende der Woche "
     "geschlossen, teilte die Stadt am Montag mit.\nDie Kinder werden in der Turnhalle nebenan betreut.\n",
     "SCHULE GESCHLOSSEN", marks=_MISSED),
    ("Local\nPIER REOPENS\nThe Victorian pier at Saltby is open to walkers again after a winter of repairs to its "
     "deck\nThe pier at Saltby reopened to walkers on Saturday after a winter in which engineers replaced more than "
     "two hundred of its deck boards.\nThe café at its far end will open at Easter.\n", "PIER REOPENS"),
    pytest.param(
     "Provincia\nPUENTE CORTADO\nLa crecida del río obliga a cerrar el paso entre los dos barrios hasta que lo "
     "revisen los técnicos\nEl ayuntamiento cerró el martes el puente entre los dos barrios después de que la crecida "
     "del río dañara uno de sus pilares.\nLos autobuses darán un rodeo por la carretera de la estación.\n",
     "PUENTE CORTADO", marks=_MISSED),
    ("Harbour Tolls Scrapped\nWestern Bay Courier\n4 May 2026\nThe harbour board has scrapped the tolls that "
     "fishing boats paid to land their catch at Westport, after a vote on Thursday evening.\nThe tolls raised about "
     "£40,000 a year.\n", "Harbour Tolls Scrapped"),
    pytest.param(
     "Cierra La Conservera\nDiario de la Ría\n12 de marzo de 2026\nLa conservera de Portosín cerrará en junio "
     "después de setenta años y dejará sin trabajo a unas cuarenta personas, anunció la empresa el miércoles.\n"
     "El comité pide una reunión urgente con la Xunta.\n", "Cierra La Conservera", marks=_MISSED),
]
COUNTER = [
    ("Westport Evening Echo\nLOCAL NEWS\nHarbour board scraps the tolls fishing boats paid to land their catch at "
     "Westport\nThe harbour board has scrapped the tolls that fishing boats paid to land their catch at Westport, "
     "after a vote on Thursday evening.\nThe tolls raised about £40,000 a year.\n",
     "Harbour board scraps the tolls fishing boats paid to land their catch at Westport"),
    ("Western Bay Courier\nHarbour Tolls Scrapped\n4 May 2026\nThe harbour board has scrapped the tolls that "
     "fishing boats paid to land their catch at Westport, after a vote on Thursday evening.\nThe tolls raised about "
     "£40,000 a year.\n", "Harbour Tolls Scrapped"),
]


@pytest.mark.parametrize("raw, headline", CASES)
def test_two_word_headline(raw: str, headline: str) -> None:
    assert page_title(raw) == headline


@pytest.mark.parametrize("raw, headline", COUNTER)
def test_label_or_masthead_over_a_headline_stays_furniture(raw: str, headline: str) -> None:
    assert page_title(raw) == headline
